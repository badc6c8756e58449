"""Disclosure control of population counts (core.population.aggregate): suppression and its audit.

The intruder below is written independently of the module: it reads only the published rows (units,
parents, groups, counts, withheld flags), builds the table's additive relations itself and computes the
exact integer range of every withheld figure with scipy's milp.
"""
from __future__ import annotations

import math
import random
from collections import defaultdict

import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from cim_twin.cim_twin_plugin.core.population import aggregate as ag
from scipy.optimize import Bounds, LinearConstraint, milp

GROUPS = ["young", "mid", "old"]


def table_of(cells: dict, dimension: str = "age") -> ag.CountTable:
    """{unit: [count per group]} -> CountTable."""
    counts = {(u, dimension, g): n for u, row in cells.items() for g, n in zip(GROUPS, row)}
    return ag.CountTable(list(cells), {dimension: GROUPS[: len(next(iter(cells.values())))]}, counts)


def intruder_ranges(rows: list[ag.AggregateRow]) -> dict:
    """(unit, dimension, group) -> (low, high) of every withheld figure, from the published rows only."""
    key = {}
    for r in rows:
        key[(r.unit, r.dimension, r.group)] = r
    held = [k for k, r in key.items() if r.withheld]
    var = {k: j for j, k in enumerate(held)}
    relations = []  # lists of (key, sign)
    groups_of = defaultdict(list)
    for (u, d, g) in key:
        if d is not None and u == rows[0].unit:
            groups_of[d].append(g)
    units = {r.unit for r in rows}
    children = defaultdict(list)
    for u in units:
        parent = key[(u, None, None)].parent
        if parent is not None:
            children[parent].append(u)
    for u in units:
        for d, groups in groups_of.items():
            relations.append([((u, d, g), 1) for g in groups] + [((u, None, None), -1)])
        for k in [(None, None)] + [(d, g) for d, gs in groups_of.items() for g in gs]:
            if children.get(u):
                relations.append([((c, *k), 1) for c in children[u]] + [((u, *k), -1)])
    a, b = [], []
    for rel in relations:
        coef = np.zeros(len(held))
        rhs = 0.0
        for k, s in rel:
            if key[k].withheld:
                coef[var[k]] += s
            else:
                rhs -= s * key[k].count
        if coef.any():
            a.append(coef)
            b.append(rhs)
    out = {}
    if not held:
        return out
    cons = LinearConstraint(np.array(a), b, b)
    for k, j in var.items():
        c = np.zeros(len(held))
        c[j] = 1
        lo = milp(c, constraints=cons, bounds=Bounds(0, np.inf), integrality=np.ones(len(held)))
        hi = milp(-c, constraints=cons, bounds=Bounds(0, 10**6), integrality=np.ones(len(held)))
        assert lo.status == 0 and hi.status == 0
        high = -hi.fun
        out[k] = (round(lo.fun), math.inf if high >= 10**6 - 0.5 else round(high))
    return out


def truth_of(table: ag.CountTable, parents: dict) -> dict:
    """(unit, dimension, group) -> true count for every unit of the tree, summed here independently."""
    truth = defaultdict(int)
    for u in table.units:
        chain = [u]
        while parents.get(chain[-1]) is not None:
            chain.append(parents[chain[-1]])
        first = next(iter(table.dimensions))
        for node in chain:
            for d, groups in table.dimensions.items():
                for g in groups:
                    truth[(node, d, g)] += table.count(u, d, g)
            truth[(node, None, None)] += sum(table.count(u, first, g) for g in table.dimensions[first])
    return dict(truth)


def random_table(seed: int, streets: int = 2, per_street: int = 4, dims: int = 1):
    rng = random.Random(seed)
    parents, counts, units = {}, {}, []
    for s in range(streets):
        parents[f"S{s}"] = "D"
        for c in range(per_street):
            u = f"S{s}C{c}"
            units.append(u)
            parents[u] = f"S{s}"
            for g in GROUPS:
                counts[(u, "age", g)] = rng.choice([0, rng.randint(1, 9), rng.randint(10, 60), rng.randint(10, 60)])
            if dims == 2:
                size = sum(counts[(u, "age", g)] for g in GROUPS)
                men = rng.randint(0, size)
                counts[(u, "sex", "M")], counts[(u, "sex", "F")] = men, size - men
    dimensions = {"age": GROUPS} if dims == 1 else {"age": GROUPS, "sex": ["M", "F"]}
    return ag.CountTable(units, dimensions, counts), parents


HAND = {"A": [4, 20, 30], "B": [15, 25, 12], "C": [11, 40, 18]}
HAND_PARENTS = {"A": "S", "B": "S", "C": "S"}


def test_row_total_reveals_a_primary_cell_until_secondary_suppression():
    table = table_of(HAND)
    before = ag.suppress(table, HAND_PARENTS, secondary=False)
    [only] = [r for r in before.rows if r.withheld]
    assert (only.unit, only.group, only.reason) == ("A", "young", "primary")
    # 54 - 20 - 30: the row total gives the cell away, the audit and the intruder both see it
    assert [(a.low, a.high) for a in before.audit] == [(4, 4)]
    assert intruder_ranges(before.rows)[("A", "age", "young")] == (4, 4)
    assert before.smallest_range == 0 and len(before.unprotected) == 1

    after = ag.suppress(table, HAND_PARENTS)
    seen = intruder_ranges(after.rows)
    low, high = seen[("A", "age", "young")]
    assert low <= 0 and high >= 4 + 5, (low, high)
    assert {(a.unit, a.dimension, a.group): (a.low, a.high) for a in after.audit} == seen
    assert sum(r.reason == "secondary" for r in after.rows) >= 2  # a row and a column partner at least
    assert after.unprotected == []
    assert after.smallest_range == min(h - lo for lo, h in seen.values())
    assert "smallest range" in str(after.messages[1])


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("dims", [1, 2])
def test_published_figures_true_and_withheld_ones_protected(seed, dims):
    table, parents = random_table(seed, dims=dims)
    result = ag.suppress(table, parents)
    truth = truth_of(table, parents)
    assert len(result.rows) == len(truth)
    for r in result.rows:
        v = truth[(r.unit, r.dimension, r.group)]
        if r.withheld:
            assert r.count is None and r.reason in ("primary", "secondary")
            assert (r.reason == "primary") == (1 <= v < 10)
        else:
            assert r.count == v and r.reason is None
            assert not 1 <= v < 10
    seen = intruder_ranges(result.rows)
    assert {(a.unit, a.dimension, a.group): (a.low, a.high) for a in result.audit} == seen
    for k, (low, high) in seen.items():
        assert low < high, k  # no withheld figure is exactly determined
        if 1 <= truth[k] < 10:  # the protection rule: +-5 around the true count (clipped at 0)
            assert low <= max(0, truth[k] - 5) and high >= truth[k] + 5, (k, truth[k], low, high)
    assert result.unprotected == []


def test_integer_audit_agrees_with_lp():
    table, parents = random_table(3, streets=2, per_street=3, dims=2)
    lp = ag.suppress(table, parents)
    ip = ag.suppress(table, parents, integer=True)
    assert [(a.unit, a.group, a.low, a.high) for a in lp.audit] == [(a.unit, a.group, a.low, a.high) for a in ip.audit]


def test_zero_is_published_unless_asked():
    cells = {"A": [0, 30, 25], "B": [12, 0, 40], "C": [20, 33, 0]}
    parents = {u: "S" for u in cells}
    published = ag.suppress(table_of(cells), parents)
    zeros = [r for r in published.rows if r.kind == "cell" and cells[r.unit][GROUPS.index(r.group)] == 0]
    assert len(zeros) == 3 and all(r.count == 0 and not r.withheld for r in zeros)
    assert not any(r.withheld for r in published.rows)

    hidden = ag.suppress(table_of(cells), parents, suppress_zero=True)
    zeros = [r for r in hidden.rows if r.kind == "cell" and cells[r.unit][GROUPS.index(r.group)] == 0]
    assert all(r.withheld and r.reason == "primary" for r in zeros)
    seen = intruder_ranges(hidden.rows)
    for r in zeros:
        low, high = seen[(r.unit, r.dimension, r.group)]
        assert low == 0 and high >= 5


def test_parent_totals_cannot_recover_a_cell():
    # street S has two communities; A's 4 young people
    cells = {"A": [4, 50], "B": [30, 40]}
    table = ag.CountTable(["A", "B"], {"age": ["young", "old"]},
                          {(u, "age", g): n for u, row in cells.items() for g, n in zip(["young", "old"], row)})
    parents = {"A": "S", "B": "S"}
    # suppression that ignores the street protects A's cell within A's row only ...
    flat = ag.suppress(table, None)
    assert any(r.withheld and r.reason == "secondary" for r in flat.rows)
    assert [(a.low, a.high) for a in flat.audit if a.group == "young"][0][1] >= 9
    # ... but with the street's totals published beside it, the intruder has 34 - 30 = 4
    street = [ag.AggregateRow("S", None, 1, "parent_total", None, None, 124),
              ag.AggregateRow("S", None, 1, "group_total", "age", "young", 34),
              ag.AggregateRow("S", None, 1, "group_total", "age", "old", 90)]
    flat_rows = [ag.AggregateRow(r.unit, "S", 0, r.kind, r.dimension, r.group, r.count, r.withheld, r.reason)
                 for r in flat.rows]
    assert intruder_ranges(flat_rows + street)[("A", "age", "young")] == (4, 4)
    # with the parents given, the street's figures are part of the table and nothing is recoverable
    nested = ag.suppress(table, parents)
    seen = intruder_ranges(nested.rows)
    low, high = seen[("A", "age", "young")]
    assert low <= 0 and high >= 9
    assert all(lo < hi for lo, hi in seen.values())
    assert {r.unit for r in nested.rows} == {"A", "B", "S"}
    assert {r.kind for r in nested.rows if r.unit == "S"} == {"parent_total", "group_total"}


def test_three_levels_small_unit_total_is_withheld():
    table, parents = random_table(11, streets=3, per_street=3)
    # a tiny community: its total (6) is itself a small count
    for g, n in zip(GROUPS, [2, 3, 1]):
        table.counts[("S0C0", "age", g)] = n
    result = ag.suppress(table, parents)
    total = next(r for r in result.rows if r.unit == "S0C0" and r.kind == "unit_total")
    assert total.withheld and total.reason == "primary"
    levels = {r.unit: r.level for r in result.rows}
    assert levels["S0C0"] == 0 and levels["S0"] == 1 and levels["D"] == 2
    seen = intruder_ranges(result.rows)
    assert seen[("S0C0", None, None)][1] >= 6 + 5
    assert all(lo < hi for lo, hi in seen.values())


def test_count_records_persons_and_households():
    persons = [{"community": "A", "age": "0-2", "sex": "F"}, {"community": "A", "age": "0-2", "sex": "M"},
               {"community": "B", "age": "", "sex": "F"}, {"community": "", "age": "3-5", "sex": "F"},
               {"community": "B", "age": "80+", "sex": None}]
    t = ag.count_records(persons, "community", {"age": ["0-2", "3-5", "80+"], "sex": None})
    assert t.units == ["A", "B"]
    assert t.dimensions["age"] == ["0-2", "3-5", "80+", ag.UNKNOWN]
    assert t.count("A", "age", "0-2") == 2 and t.count("B", "age", ag.UNKNOWN) == 1 and t.count("A", "age", "3-5") == 0
    assert t.count("B", "sex", ag.UNKNOWN) == 1 and t.skipped == [(4, "no_unit")]
    households = [{"c": 7, "n": "3"}, {"c": 7, "n": 2}, {"c": 8, "n": 0}]
    h = ag.count_records([dict(r, age="all") for r in households], "c", ["age"], weight="n")
    assert h.units == [7, 8] and h.count(7, "age", "all") == 5  # ids keep their type
    wide = ag.count_columns([{"c": "A", "y": 2, "o": "1", "m": 3, "f": 0}, {"c": "A", "y": 0, "o": 4, "m": 1, "f": 3}],
                            "c", {"age": {"young": "y", "old": "o"}, "sex": {"M": "m", "F": "f"}})
    assert wide.count("A", "age", "old") == 5 and wide.count("A", "sex", "F") == 3


def test_bad_inputs_raise_validation_errors_naming_rows_not_values():
    with pytest.raises(ValidationError) as err:
        ag.count_records([{"u": "A", "g": "x", "n": "2"}, {"u": "A", "g": "x", "n": "-1"}], "u", ["g"], weight="n")
    assert "row 2" in str(err.value) and "-1" not in str(err.value)
    with pytest.raises(ValidationError):
        ag.count_columns([{"c": "A", "y": 2, "m": 3}], "c", {"age": {"young": "y"}, "sex": {"M": "m"}})
    table = table_of(HAND)
    with pytest.raises(ValidationError) as err:
        ag.suppress(table, {"A": "S", "S": "T", "T": "S"})
    assert err.value.code == "parent_cycle"
    with pytest.raises(ValidationError) as err:
        ag.suppress(table, {"A": "B"})
    assert err.value.code == "counts_on_parent"
    with pytest.raises(ValidationError):
        ag.suppress(table, min_count=0)
