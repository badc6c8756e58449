"""Population counts per unit x group with statistical disclosure control (cimtwin:aggregatepopulation).

Pure Python (numpy, scipy's HiGHS). The steps:

1. counting: :func:`count_records` (one row per person, or per household with a count field),
   :func:`count_columns` (one row per household with a count column per group), or a
   :class:`CountTable` built directly from counts;
2. :func:`suppress`: the hierarchical table -> :class:`AggregateRow` per published figure, with
   primary and secondary suppression and an LP audit (:class:`AuditRange` per withheld figure).

The table
---------
Units may nest (``parents``: unit -> parent unit, e.g. community -> street -> district). Counts are
given for the leaf units; every unit of the tree (leaf or parent) has one figure per dimension x group
(``kind`` 'cell' for a leaf, 'group_total' for a parent: the group's total over its units) and one total
over all its people (``kind`` 'unit_total' for a leaf, 'parent_total' for a parent). Dimensions (age
group, sex, status ...) are categorical and exhaustive (a record without a value counts in the group
:data:`UNKNOWN`), so in every dimension a unit's groups add up to the unit's total; the unit totals are
shared by all dimensions, which are therefore protected together. The published figures satisfy these
linear relations, which is what an intruder can use:

- row: for each unit and dimension, the sum of its groups = the unit's total;
- column: for each parent unit, dimension and group (and for the totals), the sum over its child
  units = the parent's figure.

Primary suppression
-------------------
Every figure (cells and totals alike) with a count of 1 .. ``min_count`` - 1 is withheld (reason
'primary'). A count of 0 is published by default (``suppress_zero=False``): a zero names nobody, so
there is nobody to re-identify, and withholding zeros would make the structural zeros of a table (no
80+ in a students' dormitory) indistinguishable from small counts and multiply the secondary
suppressions. Set ``suppress_zero=True`` when an empty cell itself discloses something about the other
people of the unit (e.g. "no-one in this building is *not* on social assistance": group disclosure);
then zeros are primary as well.

Secondary suppression and the audit
-----------------------------------
More figures are withheld (reason 'secondary') until no withheld figure can be worked out. Two stages:

1. a fast structural rule: no relation may have exactly one withheld term (it would be the difference
   of the others); for such a relation the published term of the lowest cost is withheld, cost =
   its count (information lost), lower when the term also completes other relations that have one
   withheld term, higher when it leaves new ones, and zeros last (a zero can only go up, so it gives a
   small cell no room upwards);
2. the audit: the withheld figures are split into independent groups (connected through the
   relations) and for each withheld figure its feasible range ``[low, high]`` is computed by linear
   programming (``scipy.optimize.linprog``, method 'highs'; ``integer=True`` uses ``milp``): minimise
   and maximise it subject to the relations, the published values and counts >= 0. The LP bounds are
   rounded inwards to integers (``ceil(low)``, ``floor(high)``); the tables' relations are network-like,
   whose LP bounds are integral, and ``integer=True`` checks it exactly.

Protection rule (documented choice): a primary figure of true count ``v`` is protected when its range
reaches ``p`` = ``protection`` (default ``ceil(min_count / 2)``, 5 for the default 10) below and above
the true value: ``low <= max(0, v - p)`` and ``high >= v + p``; i.e. the published figures cannot pin it
within +-p. (The flag itself says that a primary figure is 1 .. min_count - 1, or 0 .. min_count - 1
with ``suppress_zero``; that is what primary suppression means to publish - "fewer than 10" - and with
the rule above even that interval is not narrowed to fewer than p + 1 values.) A primary figure that
fails gets one more complementary suppression among the published terms of its relations (or of the
relations of its group), chosen as in stage 1, preferring counts >= p (which leave room of p), and the
group is audited again, until every primary figure is protected. A withheld total is audited like any
figure, so a total that would reveal a withheld cell is itself withheld. Finally a secondary figure
whose range came out exact (low == high) is published again: it tells nothing the other figures do not
already tell, and so no withheld figure is exactly determined.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..progress import Progress, check_canceled

#: the group of a record without a value in a dimension (dimensions are exhaustive)
UNKNOWN = "unknown"
#: kinds of a figure (see the module docstring)
KINDS = ("cell", "unit_total", "group_total", "parent_total")
#: reasons a figure is withheld
REASONS = ("primary", "secondary")


@dataclass
class CountTable:
    """Counts of people per leaf unit x dimension x group (the input of :func:`suppress`)."""

    units: list
    """the leaf units, in output order (ids keep their type)"""
    dimensions: dict[str, list[str]]
    """dimension -> its groups in output order"""
    counts: dict = field(default_factory=dict)
    """(unit, dimension, group) -> count (int >= 0); missing = 0"""
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """(row, reason) of input rows that are not counted (1 = the first row); no values"""

    def count(self, unit, dimension: str, group: str) -> int:
        return self.counts.get((unit, dimension, group), 0)


def _group_order(found: Iterable[str], given: Iterable[str] | None) -> list[str]:
    order = list(given or ())
    seen = set(order)
    extra = sorted(g for g in set(found) if g not in seen)
    return order + extra


def _as_count(value, row: int, name: str) -> int:
    if value is None or value == "":
        return 0
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number) or number < 0 or number != int(number):
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
            "row {row}: the count in field {field} is not a whole number >= 0"),
                              code="bad_count", row=row, field=name)
    return int(number)


def count_records(records: Iterable[Mapping], unit: str, dimensions: Iterable[str] | Mapping[str, Iterable[str]],
                  weight: str | None = None) -> CountTable:
    """Count *records* (mappings: one per person, or per household with a count in field *weight*).

    *unit*: the field holding the unit; *dimensions*: the fields holding the groups, or a mapping field ->
    the groups in output order (groups with no-one are then still listed, with 0). A record without a
    unit is skipped (listed in :attr:`CountTable.skipped`); an empty group value counts as :data:`UNKNOWN`.
    A *weight* that is not a whole number >= 0 raises :class:`ValidationError` naming the row.
    """
    orders = dict(dimensions) if isinstance(dimensions, Mapping) else {d: None for d in dimensions}
    counts: dict = defaultdict(int)
    found: dict[str, set] = {d: set() for d in orders}
    units: dict = {}
    skipped: list[tuple[int, str]] = []
    for row, record in enumerate(records, start=1):
        where = record.get(unit)
        if where is None or where == "":
            skipped.append((row, "no_unit"))
            continue
        n = 1 if weight is None else _as_count(record.get(weight), row, weight)
        units.setdefault(where, None)
        for dim in orders:
            value = record.get(dim)
            group = UNKNOWN if value is None or value == "" else str(value)
            found[dim].add(group)
            counts[(where, dim, group)] += n
    return CountTable(list(units), {d: _group_order(found[d], orders[d]) for d in orders}, dict(counts), skipped)


def count_columns(rows: Iterable[Mapping], unit: str, columns: Mapping[str, Mapping[str, str]]) -> CountTable:
    """Count households given with one count column per group.

    *columns*: dimension -> {group: the field holding the household's count of that group}, e.g.
    ``{"age": {"0-2": "n_0_2", "3-5": "n_3_5"}}``. Every dimension of a household must add up to the same
    number of people (else :class:`ValidationError` naming the row), as the relations of the table require.
    """
    counts: dict = defaultdict(int)
    units: dict = {}
    skipped: list[tuple[int, str]] = []
    for row, record in enumerate(rows, start=1):
        where = record.get(unit)
        if where is None or where == "":
            skipped.append((row, "no_unit"))
            continue
        units.setdefault(where, None)
        sizes = set()
        for dim, groups in columns.items():
            size = 0
            for group, name in groups.items():
                n = _as_count(record.get(name), row, name)
                counts[(where, dim, group)] += n
                size += n
            sizes.add(size)
        if len(sizes) > 1:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "row {row}: the dimensions give different numbers of people"),
                                  code="dimensions_disagree", row=row)
    return CountTable(list(units), {d: list(g) for d, g in columns.items()}, dict(counts), skipped)


@dataclass
class AggregateRow:
    """One published (or withheld) figure of the table."""

    unit: Hashable
    parent: Hashable | None
    """the unit's parent unit (None at the top)"""
    level: int
    """0 for a leaf unit, 1 for its parent, ... (the longest way down to a leaf)"""
    kind: str
    """one of :data:`KINDS`"""
    dimension: str | None
    """None for a unit's total"""
    group: str | None
    """None for a unit's total"""
    count: int | None
    """None when withheld"""
    withheld: bool = False
    reason: str | None = None
    """'primary' or 'secondary' when withheld"""


@dataclass
class AuditRange:
    """The feasible range of a withheld figure given everything published (no true value here)."""

    unit: Hashable
    kind: str
    dimension: str | None
    group: str | None
    low: float
    high: float
    """math.inf when nothing bounds it from above"""

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass
class SuppressionResult:
    rows: list[AggregateRow]
    audit: list[AuditRange]
    """one per withheld figure, in the order of :attr:`rows`"""
    smallest_range: float | None
    """the smallest ``high - low`` over the withheld figures (None when nothing is withheld)"""
    unprotected: list[AuditRange] = field(default_factory=list)
    """primary figures the rule could not protect (empty unless the table has no room left)"""
    messages: list[Message] = field(default_factory=list)
    """log lines (counts only)"""


class _Table:
    """The figures (nodes x (total + dimension x group)) and their additive relations, as index arrays."""

    def __init__(self, table: CountTable, parents: Mapping | None):
        parents = dict(parents or {})
        leaves = list(table.units)
        leaf_set = set(leaves)
        nodes = list(leaves)
        known = set(leaves)
        for u in leaves:  # ancestors, checking for cycles
            seen = {u}
            p = parents.get(u)
            while p is not None:
                if p in seen:
                    raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                        "the units' parents form a cycle at unit {unit}"),
                                          code="parent_cycle", unit=str(p))
                seen.add(p)
                if p not in known:
                    known.add(p)
                    nodes.append(p)
                p = parents.get(p)
        children: dict = defaultdict(list)
        for n in nodes:
            p = parents.get(n)
            if p is not None:
                children[p].append(n)
        for n in leaves:
            if children.get(n):
                raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                    "unit {unit} has counts and child units: give counts for the lowest units only"),
                                      code="counts_on_parent", unit=str(n))
        self.nodes, self.parents, self.children, self.leaf_set = nodes, parents, children, leaf_set
        level: dict = {}

        def depth(n):
            if n not in level:
                level[n] = 0 if n in leaf_set else 1 + max(depth(c) for c in children[n])
            return level[n]

        for n in nodes:
            depth(n)
        self.level = level
        # figures
        self.keys: list[tuple] = []  # (node, dimension|None, group|None)
        index: dict = {}
        for n in nodes:
            index[(n, None, None)] = len(self.keys)
            self.keys.append((n, None, None))
            for d, groups in table.dimensions.items():
                for g in groups:
                    index[(n, d, g)] = len(self.keys)
                    self.keys.append((n, d, g))
        self.index = index
        values = np.zeros(len(self.keys), dtype=np.int64)
        order = sorted(nodes, key=lambda n: level[n])
        for n in order:
            if n in leaf_set:
                for d, groups in table.dimensions.items():
                    for g in groups:
                        values[index[(n, d, g)]] = table.count(n, d, g)
                if table.dimensions:
                    first = next(iter(table.dimensions))
                    sizes = {int(sum(table.count(n, d, g) for g in gs)) for d, gs in table.dimensions.items()}
                    if len(sizes) > 1:
                        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                            "unit {unit}: the dimensions give different numbers of people"),
                                              code="dimensions_disagree", unit=str(n))
                    values[index[(n, None, None)]] = sum(table.count(n, first, g) for g in table.dimensions[first])
            else:
                for key in [(None, None)] + [(d, g) for d, gs in table.dimensions.items() for g in gs]:
                    values[index[(n, *key)]] = sum(values[index[(c, *key)]] for c in children[n])
        self.values = values
        # relations: lists of (figure indices, signs); sum(sign * x) = 0
        rel_terms: list[np.ndarray] = []
        rel_signs: list[np.ndarray] = []
        for n in nodes:
            total = index[(n, None, None)]
            for d, groups in table.dimensions.items():
                rel_terms.append(np.array([index[(n, d, g)] for g in groups] + [total]))
                rel_signs.append(np.array([1] * len(groups) + [-1]))
            if children.get(n):
                for key in [(None, None)] + [(d, g) for d, gs in table.dimensions.items() for g in gs]:
                    rel_terms.append(np.array([index[(c, *key)] for c in children[n]] + [index[(n, *key)]]))
                    rel_signs.append(np.array([1] * len(children[n]) + [-1]))
        self.rel_terms, self.rel_signs = rel_terms, rel_signs
        rels_of: list[list[int]] = [[] for _ in self.keys]
        for r, terms in enumerate(rel_terms):
            for i in terms:
                rels_of[i].append(r)
        self.rels_of = rels_of

    def kind(self, i: int) -> str:
        n, d, _ = self.keys[i]
        leaf = n in self.leaf_set
        if d is None:
            return "unit_total" if leaf else "parent_total"
        return "cell" if leaf else "group_total"


def _solve(c, a_eq, b, integer: bool):
    """Optimal value of min c.x s.t. a_eq x = b, x >= 0 (None when unbounded, raises when infeasible)."""
    if integer:
        from scipy.optimize import Bounds, LinearConstraint, milp

        res = milp(c, constraints=LinearConstraint(a_eq, b, b), bounds=Bounds(0, np.inf),
                   integrality=np.ones(len(c)))
    else:
        from scipy.optimize import linprog

        res = linprog(c, A_eq=a_eq, b_eq=b, bounds=(0, None), method="highs")
    if res.status == 0:
        return float(res.fun), res.x
    if res.status == 3 or (integer and res.x is None and "unbounded" in str(res.message).lower()):
        return None, None
    raise RuntimeError(f"audit LP failed: {res.message}")  # the true values are feasible: cannot happen


class _Suppressor:
    def __init__(self, tab: _Table, min_count: int, suppress_zero: bool, protection: int, integer: bool,
                 progress: Progress | None):
        self.t, self.p, self.integer, self.progress = tab, protection, integer, progress
        v = tab.values
        self.primary = ((v >= 1) & (v < min_count)) | ((v == 0) if suppress_zero else np.zeros(len(v), bool))
        self.withheld = self.primary.copy()
        self.n_withheld = np.array([int(self.withheld[t].sum()) for t in tab.rel_terms])
        self.ranges: dict[int, tuple[float, float]] = {}
        self.lo_done = np.zeros(len(v), bool)
        self.hi_done = np.zeros(len(v), bool)
        self.lp_count = 0

    # ---- stage 1: no relation with exactly one withheld term
    def withhold(self, i: int) -> None:
        if not self.withheld[i]:
            self.withheld[i] = True
            for r in self.t.rels_of[i]:
                self.n_withheld[r] += 1

    def cost(self, i: int, room: int = 0) -> float:
        fixed = sum(1 for r in self.t.rels_of[i] if self.n_withheld[r] == 1)
        new = sum(1 for r in self.t.rels_of[i] if self.n_withheld[r] == 0)
        value = int(self.t.values[i])
        penalty = 1000.0 if value < max(room, 1) else 1.0  # zeros (and cells too small to give room) last
        return penalty * (value + 1) * (1 + new) / (1 + fixed)

    def best(self, candidates: Iterable[int], room: int = 0) -> int | None:
        best, best_cost = None, math.inf
        for i in candidates:
            if self.withheld[i]:
                continue
            cost = self.cost(i, room)
            if cost < best_cost:
                best, best_cost = i, cost
        return best

    def fix_singletons(self) -> None:
        t = self.t
        queue = [r for r in range(len(t.rel_terms)) if self.n_withheld[r] == 1]
        while queue:
            r = queue.pop()
            if self.n_withheld[r] != 1:
                continue
            i = self.best(t.rel_terms[r], room=self.p)
            if i is None:
                continue
            self.withhold(i)
            queue.extend(q for q in t.rels_of[i] if self.n_withheld[q] == 1)

    # ---- stage 2: the LP audit
    def components(self):
        t = self.t
        w = np.flatnonzero(self.withheld)
        local = {int(i): k for k, i in enumerate(w)}
        rows, cols = [], []
        rel_of_comp: list[int] = []
        for r, terms in enumerate(t.rel_terms):
            if self.n_withheld[r] == 0:
                continue
            ks = [local[int(i)] for i in terms if self.withheld[i]]
            for k in ks:
                rows.append(len(rel_of_comp))
                cols.append(k)
            rel_of_comp.append(r)
        if not len(w):
            return []
        inc = sparse.coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(rel_of_comp), len(w))).tocsr()
        adjacency = (inc.T @ inc).tocsr()
        n, labels = connected_components(adjacency, directed=False)
        members: list[list[int]] = [[] for _ in range(n)]
        for k, lab in enumerate(labels):
            members[lab].append(int(w[k]))
        rel_lists: list[list[int]] = [[] for _ in range(n)]
        inc = inc.tocsr()
        for j, r in enumerate(rel_of_comp):
            first = inc.indices[inc.indptr[j]] if inc.indptr[j + 1] > inc.indptr[j] else None
            if first is not None:
                rel_lists[labels[first]].append(r)
        return list(zip(members, rel_lists))

    def lp(self, members: list[int], rels: list[int]):
        t = self.t
        local = {i: k for k, i in enumerate(members)}
        data, ri, ci, b = [], [], [], []
        for row, r in enumerate(rels):
            rhs = 0.0
            for i, s in zip(t.rel_terms[r], t.rel_signs[r]):
                if self.withheld[i]:
                    data.append(float(s))
                    ri.append(row)
                    ci.append(local[int(i)])
                else:
                    rhs -= float(s) * float(t.values[i])
            b.append(rhs)
        a_eq = sparse.csr_matrix((data, (ri, ci)), shape=(len(rels), len(members)))
        return a_eq, np.array(b)

    def need(self, i: int) -> tuple[float, float]:
        """(low must be <= this, high must be >= this); only primary figures need room."""
        v = float(self.t.values[i])
        if self.primary[i]:
            return max(0.0, v - self.p), v + self.p
        return math.inf, -math.inf

    def check(self, members: list[int], rels: list[int], exact: bool) -> list[int]:
        """Audit one group; store exact ranges when *exact*; return the primary figures not protected.

        Not *exact*: only the protection rule is checked, and every LP's optimal point also settles the
        others it already shows room for. *exact*: the maxima first; then a minimum is 0 without an LP
        when some optimal point had the figure at 0 (the bound x >= 0), else one LP.
        """
        a_eq, b = self.lp(members, rels)
        n = len(members)
        needs = np.array([self.need(i) for i in members], dtype=float).reshape(n, 2)
        low = np.full(n, np.nan)
        high = np.full(n, np.nan)
        seen_zero = np.zeros(n, bool)
        # withholding more only widens ranges: a side once shown protected stays protected
        lo_ok = ~self.primary[members] | self.lo_done[members]
        hi_ok = ~self.primary[members] | self.hi_done[members]

        def solve(k: int, sign: float):
            c = np.zeros(n)
            c[k] = sign
            fun, x = _solve(c, a_eq, b, self.integer)
            self.lp_count += 1
            if x is not None:
                seen_zero[x <= 1e-7] = True
            return fun, x

        for k in range(n):
            if exact or not hi_ok[k]:
                fun, x = solve(k, -1.0)
                high[k] = math.inf if fun is None else math.floor(-fun + 1e-7)
                hi_ok[k] = hi_ok[k] or high[k] >= needs[k, 1]
                if x is not None and not exact:
                    hi_ok |= x >= needs[:, 1] - 1e-7
            if exact:
                continue
            if not lo_ok[k]:
                fun, x = solve(k, 1.0)
                low[k] = math.ceil(fun - 1e-7)
                lo_ok |= x <= needs[:, 0] + 1e-7
        self.lo_done[members] = lo_ok
        self.hi_done[members] = hi_ok
        if exact:
            for k, i in enumerate(members):
                low[k] = 0 if seen_zero[k] else math.ceil(solve(k, 1.0)[0] - 1e-7)
                lo_ok[k] = lo_ok[k] or low[k] <= needs[k, 0]
                self.ranges[i] = (int(low[k]), high[k] if math.isinf(high[k]) else int(high[k]))
        return [i for k, i in enumerate(members) if self.primary[i] and not (lo_ok[k] and hi_ok[k])]

    def complement(self, failing: int, members: list[int], rels: list[int]) -> int | None:
        """Withhold one more figure for *failing* and return it; None when there is none left to withhold."""
        t = self.t
        near = [j for r in t.rels_of[failing] for j in t.rel_terms[r]]
        i = self.best(near, room=self.p)
        if i is None:
            i = self.best((j for r in rels for j in t.rel_terms[r]), room=self.p)
        if i is None:  # every relation of the group is withheld: reach out one step further
            i = self.best((j for m in members for r in t.rels_of[m] for j in t.rel_terms[r]), room=self.p)
        if i is None:
            return None
        self.withhold(i)
        return i

    def run(self, secondary: bool) -> list[int]:
        if not secondary:
            for members, rels in self.components():
                self.check(members, rels, exact=True)
            return [i for i in np.flatnonzero(self.primary) if not self._protected(i)]
        self.fix_singletons()
        done: set[frozenset] = set()
        stuck: set[int] = set()
        while True:
            check_canceled(self.progress)
            changed = False
            for members, rels in self.components():
                key = frozenset(members)
                if key in done:
                    continue
                failing = [i for i in self.check(members, rels, exact=False) if i not in stuck]
                if not failing:
                    done.add(key)
                    continue
                touched: set[int] = set()  # one complement per failing figure, unless one already added helps it
                for i in failing:
                    if touched.intersection(self.t.rels_of[i]):
                        continue
                    added = self.complement(i, members, rels)
                    if added is None:
                        stuck.add(i)
                    else:
                        changed = True
                        touched.update(self.t.rels_of[added])
            if not changed:
                break
            self.fix_singletons()
        # the final audit: exact ranges; release secondary figures that came out exact
        for members, rels in self.components():
            self.check(members, rels, exact=True)
        for i, (low, high) in list(self.ranges.items()):
            if low == high and not self.primary[i]:
                self.withheld[i] = False
                del self.ranges[i]
        return [i for i in np.flatnonzero(self.primary) if not self._protected(i)]

    def _protected(self, i: int) -> bool:
        low, high = self.ranges.get(i, (self.t.values[i], self.t.values[i]))
        need_lo, need_hi = self.need(i)
        return low <= need_lo and high >= need_hi


def suppress(table: CountTable, parents: Mapping | None = None, *, min_count: int = 10, suppress_zero: bool = False,
             protection: int | None = None, secondary: bool = True, integer: bool = False,
             progress: Progress | None = None) -> SuppressionResult:
    """Publish *table* (with the parents' totals) under primary and secondary suppression; audit it.

    *parents*: unit -> parent unit (any depth; parents need no counts of their own). *min_count*: counts
    1 .. min_count - 1 are withheld; *suppress_zero*: withhold 0 too (see the module docstring for why
    not by default). *protection*: p of the protection rule (default ``ceil(min_count / 2)``).
    *secondary* False: primary suppression only (the audit then shows what it leaves open).
    *integer*: audit with integer programming (exact, slower) instead of LP.

    Returns one :class:`AggregateRow` per figure (per unit: its total, then its dimensions' groups; leaf
    units first, then parents by level), the audit of each withheld figure and the smallest range.
    Raises :class:`ValidationError` on a cycle in *parents*, counts on a parent unit, or dimensions that
    disagree on a unit's total.
    """
    if min_count < 1:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "the minimum count must be at least 1, not {value}"),
                              code="min_count", value=min_count)
    p = max(1, math.ceil(min_count / 2)) if protection is None else int(protection)
    tab = _Table(table, parents)
    s = _Suppressor(tab, min_count, suppress_zero, p, integer, progress)
    unprotected_idx = s.run(secondary)
    rows, audit = [], []
    order = sorted(range(len(tab.keys)), key=lambda i: (tab.level[tab.keys[i][0]], i))
    for i in order:
        n, d, g = tab.keys[i]
        held = bool(s.withheld[i])
        reason = ("primary" if s.primary[i] else "secondary") if held else None
        rows.append(AggregateRow(n, tab.parents.get(n), tab.level[n], tab.kind(i), d, g,
                                 None if held else int(tab.values[i]), held, reason))
        if held:
            low, high = s.ranges[i]
            audit.append(AuditRange(n, tab.kind(i), d, g, low, high))
    unprotected = [a for a in audit if tab.index[(a.unit, a.dimension, a.group)] in set(unprotected_idx)]
    smallest = min((a.width for a in audit), default=None)
    n_primary = int(s.primary.sum())
    messages = [
        Message(QT_TRANSLATE_NOOP("CoreErrors",
            "{figures} figures: {primary} withheld as small counts (< {min_count}), {secondary} more to protect them"),
                figures=len(rows), primary=n_primary, secondary=int(s.withheld.sum()) - n_primary, min_count=min_count),
        Message(QT_TRANSLATE_NOOP("CoreErrors",
            "audit ({lps} linear programs): the smallest range of a withheld figure is {width}"),
                lps=s.lp_count, width="-" if smallest is None else smallest),
    ]
    if unprotected:
        messages.append(Message(QT_TRANSLATE_NOOP("CoreErrors",
            "{n} withheld figures could not be given a range of +-{p}"),
                                n=len(unprotected), p=p))
    if table.skipped:
        messages.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{n} input rows have no unit and are not counted"),
                                n=len(table.skipped)))
    return SuppressionResult(rows, audit, smallest, unprotected, messages)
