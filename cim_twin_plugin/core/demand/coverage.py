"""Life-circle coverage: the nearest facility of every type for every population point, and who is covered.

Distance = facility connector + network + point connector, as in the OD matrix (:mod:`..network.routes`).
The nearest facility of one type is found for all points at once by one multi-source Dijkstra
(``scipy.sparse.csgraph.dijkstra(min_only=True)``): every facility gets a virtual node joined to its
attachment node by an arc as long as its connector, and the search starts at the virtual nodes of the type,
so the connectors are counted exactly (a facility far from the road does not start at 0). The search runs
toward the facilities (on the reversed arcs), i.e. it measures the trip from the point to the facility; when
walking every road is two-way and both directions are the same.

Counts are whole numbers (people); the unit table sums them exactly (int64) and checks that every group's
units, the "outside units" row included, add up to the input total.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..network.graph import QueryGraph
from ..network.snap import Snapped
from ..population.aggregate import CountTable, suppress
from ..progress import Progress, check_canceled

EPS = 1e-9
"""a point within limit + EPS (m or s) is covered: sums of the same lengths in another order may differ in
the last bit"""
STATUSES = ("covered", "beyond", "unreachable", "no_facility", "not_snapped")
"""per point and requirement: within the limit; reachable but farther; no facility of the type reachable on
the network; no facility of the type on the network at all; the point could not be attached to a road"""
OUTSIDE = "outside units"
TOTAL = "all units"


@dataclass(frozen=True)
class Requirement:
    """One check: the points' *group* (sum of the count *fields*) within *limit* of a facility of a type."""

    facility_type: str
    level: str
    """'5min', '10min', '15min' of the standard, '' for a user-given limit"""
    limit: float
    """in the cost unit of the graph (metres or seconds)"""
    group: str
    fields: tuple[str, ...]
    clause: str = ""

    @property
    def label(self) -> str:
        return f"{self.facility_type}|{self.level}|{self.limit:g}|{self.group}"


@dataclass
class Nearest:
    """Per point and facility type: the nearest facility and the cost to reach it."""

    types: list[str]
    cost: np.ndarray
    """(P, T) cost in the graph's unit, connectors included (inf: none reachable; nan: point not attached)"""
    facility: np.ndarray
    """(P, T) index of the nearest facility (-1: none)"""
    has_facility: np.ndarray
    """(T,) bool: the type has at least one facility attached to the network"""
    point_ok: np.ndarray
    """(P,) bool: the point is attached"""


def _costs(graph: QueryGraph, snapped: Snapped) -> np.ndarray:
    return snapped.connector_len if graph.cost == "length" else snapped.connector_time


def nearest_by_type(graph: QueryGraph, points: Snapped, point_nodes: np.ndarray, facilities: Snapped,
                    facility_nodes: np.ndarray, facility_type: np.ndarray, types: list[str],
                    to_facility: bool = True, progress: Progress | None = None) -> Nearest:
    """The nearest facility of each type for every point: one multi-source Dijkstra per type.

    *facility_type*: per facility, the index of its type in *types* (-1: not checked). *to_facility*: cost of
    the trip from the point to the facility (one-way streets followed that way), else from the facility.
    A point at exactly the place of a facility costs 0 (as in the OD matrix).
    """
    from scipy.sparse import coo_matrix, csr_matrix
    from scipy.sparse.csgraph import dijkstra

    facility_type = np.asarray(facility_type, np.int64)
    n_p, n_t = len(point_nodes), len(types)
    base = (graph.transposed() if to_facility else graph.matrix).tocoo()
    n = graph.n_nodes
    ok_f = np.nonzero(facilities.ok & (facility_type >= 0))[0]
    virtual = n + np.arange(len(ok_f))
    rows = np.concatenate([base.row, virtual])
    cols = np.concatenate([base.col, facility_nodes[ok_f]])
    data = np.concatenate([base.data, _costs(graph, facilities)[ok_f]])
    # explicit zeros (a facility on the road) stay arcs: csgraph treats stored entries of a sparse matrix as edges
    matrix = csr_matrix(coo_matrix((data, (rows, cols)), shape=(n + len(ok_f), n + len(ok_f))))
    point_ok = np.asarray(points.ok, bool)
    pn = point_nodes[point_ok]
    conn_p = _costs(graph, points)[point_ok]
    cost = np.full((n_p, n_t), np.nan)
    nearest = np.full((n_p, n_t), -1, np.int64)
    has = np.zeros(n_t, bool)
    f_key = facilities.xy[:, 0] + 1j * facilities.xy[:, 1]
    p_key = points.xy[:, 0] + 1j * points.xy[:, 1]
    for t in range(n_t):
        check_canceled(progress)
        mine = np.nonzero(facility_type[ok_f] == t)[0]
        has[t] = len(mine) > 0
        if not len(mine):
            cost[point_ok, t] = np.inf
            continue
        dist, _, source = dijkstra(matrix, directed=True, indices=virtual[mine], min_only=True,
                                   return_predecessors=True)
        d = dist[pn]
        src = source[pn]
        cost[point_ok, t] = d + conn_p
        nearest[np.nonzero(point_ok)[0], t] = np.where(src >= 0, ok_f[np.maximum(src, n) - n], -1)
        # points at exactly a facility's place: cost 0
        keys = f_key[ok_f[mine]]
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        where = np.searchsorted(sorted_keys, p_key)
        where = np.minimum(where, len(sorted_keys) - 1)
        same = point_ok & (sorted_keys[where] == p_key)
        cost[same, t] = 0.0
        nearest[same, t] = ok_f[mine[order[where[same]]]]
        if progress is not None:
            progress.set_progress(100.0 * (t + 1) / n_t)
    cost[point_ok] = np.where(np.isfinite(cost[point_ok]), cost[point_ok], np.inf)
    return Nearest(list(types), cost, nearest, has, point_ok)


@dataclass
class Coverage:
    """Per point and requirement: covered or why not, and the weight (people of the group) of the point."""

    requirements: list[Requirement]
    status: np.ndarray
    """(P, R) index into :data:`STATUSES`"""
    cost: np.ndarray
    """(P, R) cost to the nearest facility of the requirement's type"""
    facility: np.ndarray
    """(P, R) the nearest facility (-1: none)"""
    weight: np.ndarray
    """(P, R) int64 people of the requirement's group at the point"""

    @property
    def covered(self) -> np.ndarray:
        return self.status == 0


def group_weights(values: dict[str, np.ndarray], requirements: list[Requirement]) -> np.ndarray:
    """(P, R) int64 weights: per requirement the sum of its group's count fields. *values*: field -> (P,)
    counts (whole numbers >= 0; checked here: a bad one is a :class:`ValidationError` naming the field and the
    point's position)."""
    cols = []
    for r in requirements:
        total = None
        for name in r.fields:
            if name not in values:
                raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "the population has no count field {field}"),
                                      code="coverage_field", field=name)
            v = np.asarray(values[name], float)
            bad = ~np.isfinite(v) | (v < 0) | (v != np.floor(v))
            if bad.any():
                raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                    "point {row}: the count in field {field} is not a whole number >= 0"),
                                      code="coverage_count", row=int(np.nonzero(bad)[0][0]) + 1, field=name)
            total = v.astype(np.int64) if total is None else total + v.astype(np.int64)
        cols.append(total)
    return np.column_stack(cols) if cols else np.zeros((0, 0), np.int64)


def coverage(nearest: Nearest, requirements: list[Requirement], weights: np.ndarray) -> Coverage:
    """Covered or why not, per point and requirement (*weights*: (P, R) from :func:`group_weights`)."""
    index = {t: k for k, t in enumerate(nearest.types)}
    n_p = len(nearest.point_ok)
    status = np.empty((n_p, len(requirements)), np.int8)
    cost = np.empty((n_p, len(requirements)))
    facility = np.empty((n_p, len(requirements)), np.int64)
    for r, req in enumerate(requirements):
        t = index[req.facility_type]
        c = nearest.cost[:, t]
        s = np.where(c <= req.limit + EPS, 0, np.where(np.isfinite(c), 1, 2))
        if not nearest.has_facility[t]:
            s[:] = 3
        s[~nearest.point_ok] = 4
        status[:, r], cost[:, r], facility[:, r] = s, c, nearest.facility[:, t]
    return Coverage(list(requirements), status, cost, facility, np.asarray(weights, np.int64))


@dataclass
class UnitRow:
    """One row of the unit table: a unit (or 'outside units', or all units) x requirement."""

    unit: object
    """the unit's id; None for the rows of :attr:`kind` 'outside' and 'total'"""
    kind: str
    """'unit', 'outside' (points in no unit) or 'total' (all points)"""
    requirement: Requirement
    population: int | None
    covered: int | None
    uncovered: int | None
    withheld: bool = False
    reason: str | None = None
    """'primary' / 'secondary' when a figure of the row is withheld"""

    @property
    def share(self) -> float | None:
        if self.population is None or self.covered is None or not self.population:
            return None
        return self.covered / self.population


@dataclass
class UnitTable:
    rows: list[UnitRow]
    totals: dict = field(default_factory=dict)
    """requirement label -> (input total, units + outside total, covered, uncovered): unsuppressed, for the log"""
    messages: list[Message] = field(default_factory=list)


def unit_table(cov: Coverage, unit_of: np.ndarray, units: list, min_count: int = 10,
               suppress_zero: bool = False, progress: Progress | None = None) -> UnitTable:
    """People, covered and not covered per unit x requirement, with small counts suppressed.

    *unit_of*: per point the position of its unit in *units* (-1: in no unit: counted in the 'outside units'
    row). Requirements sharing a group are one table for the suppression (core.population.aggregate): their
    population is the same figure, so it is withheld or published everywhere alike, and the 'all units' total
    is protected with them. Raises :class:`ValidationError` if a sum does not come out equal to the input total
    (it cannot, short of a bug: nothing is dropped).
    """
    unit_of = np.asarray(unit_of, np.int64)
    n_u = len(units)
    slot = np.where(unit_of >= 0, unit_of, n_u)
    keys = [("unit", k) for k in range(n_u)] + [("outside", n_u)]
    groups: dict[tuple, list[int]] = {}
    for r, req in enumerate(cov.requirements):
        groups.setdefault(req.fields, []).append(r)
    out_rows: list[UnitRow] = []
    totals = {}
    messages = []
    for reqs in groups.values():
        check_canceled(progress)
        counts = {}
        dims = {}
        for r in reqs:
            w = cov.weight[:, r]
            pop = np.bincount(slot, weights=w, minlength=n_u + 1).round().astype(np.int64)
            cov_n = np.bincount(slot, weights=np.where(cov.covered[:, r], w, 0), minlength=n_u + 1)
            cov_n = cov_n.round().astype(np.int64)
            total = int(w.sum())
            if int(pop.sum()) != total or int(cov_n.sum()) > total:
                raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                    "the unit table of {requirement} does not add up to the input total {total}"),
                                      code="coverage_sum", requirement=cov.requirements[r].label, total=total)
            totals[cov.requirements[r].label] = (total, int(pop.sum()), int(cov_n.sum()), total - int(cov_n.sum()))
            label = str(r)
            dims[label] = ["covered", "uncovered"]
            for k, key in enumerate(keys):
                counts[(key, label, "covered")] = int(cov_n[k])
                counts[(key, label, "uncovered")] = int(pop[k] - cov_n[k])
        table = CountTable(keys, dims, counts)
        result = suppress(table, {key: ("total", -1) for key in keys}, min_count=min_count,
                          suppress_zero=suppress_zero)
        messages.extend(result.messages)
        cells: dict = {}
        for row in result.rows:
            cells[(row.unit, row.dimension, row.group)] = (row.count, row.withheld, row.reason)
        for key in keys + [("total", -1)]:
            kind, k = key
            pop, pop_held, pop_reason = cells[(key, None, None)]
            for r in reqs:
                c, c_held, c_reason = cells[(key, str(r), "covered")]
                u, u_held, u_reason = cells[(key, str(r), "uncovered")]
                held = pop_held or c_held or u_held
                reason = "primary" if "primary" in (pop_reason, c_reason, u_reason) else (
                    "secondary" if held else None)
                out_rows.append(UnitRow(units[k] if kind == "unit" else None, kind, cov.requirements[r],
                                        pop, c, u, held, reason))
    order = {id(req): r for r, req in enumerate(cov.requirements)}
    kind_order = {"unit": 0, "outside": 1, "total": 2}
    position = {u: k for k, u in enumerate(units)}
    out_rows.sort(key=lambda row: (kind_order[row.kind], position.get(row.unit, 0) if row.kind == "unit" else 0,
                                   order[id(row.requirement)]))
    return UnitTable(out_rows, totals, messages)


def facility_load(cov: Coverage, n_facilities: int) -> np.ndarray:
    """(F, R) int64: the people of each requirement's group covered with this facility as their nearest."""
    out = np.zeros((n_facilities, len(cov.requirements)), np.int64)
    for r in range(len(cov.requirements)):
        mask = cov.covered[:, r] & (cov.facility[:, r] >= 0)
        out[:, r] = np.bincount(cov.facility[mask, r], weights=cov.weight[mask, r],
                                minlength=n_facilities).round().astype(np.int64)
    return out
