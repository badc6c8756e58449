"""Life-circle coverage core (no QGIS): against a brute-force networkx oracle point for point, unit sums equal
the input totals, suppression, bad input (issue 15)."""
from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core import demand
from cim_twin.cim_twin_plugin.core import network as nw
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from pyproj import CRS
from shapely.geometry import box

WKT = CRS.from_epsg(4550).to_wkt()
X0, Y0 = 360000.0, 3455000.0


def grid(n=5, size=100.0):
    """Blocks of *size* m; every street a line from junction to junction, one street bent; the street
    (1,1)-(2,1) is one-way (digitised direction only)."""
    lines, dirs = [], []
    for i in range(n):
        for j in range(n):
            a = (X0 + i * size, Y0 + j * size)
            if i + 1 < n:
                b = (X0 + (i + 1) * size, Y0 + j * size)
                if (i, j) == (2, 3):
                    lines.append([a, (a[0] + 50, a[1] + 20), b])
                else:
                    lines.append([a, b])
                dirs.append(1 if (i, j) == (1, 1) else 0)
            if j + 1 < n:
                lines.append([a, (X0 + i * size, Y0 + (j + 1) * size)])
                dirs.append(0)
    return lines, np.array(dirs, np.int8)


def build(lines, dirs, mode):
    coords = np.concatenate([np.asarray(line, float) for line in lines])
    offsets = np.concatenate([[0], np.cumsum([len(line) for line in lines])])
    return nw.build_network(coords, offsets, np.arange(len(lines)), dirs, np.full(len(lines), 30.0), WKT,
                            nw.NetworkSettings(mode=mode))


def project(p, a, b):
    ab = b - a
    t = float(np.clip(np.dot(p - a, ab) / np.dot(ab, ab), 0, 1))
    return t, a + ab * t


def oracle(lines, points, directed_dirs=None):
    """networkx: every line segment an edge, every point inserted at its nearest segment (brute force);
    returns (graph, node of each point, connector of each point). Written apart from the core."""
    segs = [(np.asarray(line[k], float), np.asarray(line[k + 1], float), li)
            for li, line in enumerate(lines) for k in range(len(line) - 1)]
    cuts: dict[int, list] = {}
    attach, conn = [], []
    for p in np.asarray(points, float):
        best = None
        for s, (a, b, _) in enumerate(segs):
            t, q = project(p, a, b)
            d = float(np.hypot(*(p - q)))
            if best is None or d < best[0]:
                best = (d, s, t, q)
        d, s, t, q = best
        cuts.setdefault(s, []).append((t, tuple(q)))
        attach.append(tuple(q))
        conn.append(d)
    g = nx.DiGraph() if directed_dirs is not None else nx.Graph()
    for s, (a, b, li) in enumerate(segs):
        chain = [(0.0, tuple(a))] + sorted(cuts.get(s, [])) + [(1.0, tuple(b))]
        for (_, u), (_, v) in zip(chain[:-1], chain[1:]):
            w = float(np.hypot(u[0] - v[0], u[1] - v[1]))
            if u == v:
                continue
            if directed_dirs is None or directed_dirs[li] in (0, 1):
                g.add_edge(u, v, weight=w)
            if directed_dirs is not None and directed_dirs[li] in (0, 2):
                g.add_edge(v, u, weight=w)
    return g, attach, np.array(conn)


def run(lines, dirs, mode, households, facilities, types, type_of, max_snap=None):
    net = build(lines, dirs, mode)
    hs = nw.snap_points(net, households, max_snap)
    fs = nw.snap_points(net, facilities, max_snap)
    graph, (h_nodes, f_nodes) = nw.build_query_graph(net, [hs, fs], "length")
    return demand.nearest_by_type(graph, hs, h_nodes, fs, f_nodes, type_of, types), hs, fs


@pytest.fixture(scope="module")
def case():
    rng = np.random.default_rng(15)
    lines, dirs = grid()
    households = np.column_stack([rng.uniform(X0 - 20, X0 + 420, 150), rng.uniform(Y0 - 20, Y0 + 420, 150)])
    # a household exactly on a street and one exactly at a facility
    households[0] = (X0 + 130.0, Y0 + 200.0)
    facilities = np.column_stack([rng.uniform(X0, X0 + 400, 7), rng.uniform(Y0, Y0 + 400, 7)])
    households[1] = facilities[2]
    type_of = np.array([0, 0, 1, 1, 1, 2, -1])  # the last one is of no type checked
    return lines, dirs, households, facilities, type_of


def oracle_nearest(lines, households, facilities, type_of, n_types, directed_dirs=None):
    g, attach, conn = oracle(lines, np.vstack([households, facilities]), directed_dirs)
    n_h = len(households)
    best = np.full((n_h, n_types), np.inf)
    for f in range(len(facilities)):
        t = type_of[f]
        if t < 0:
            continue
        # distances from every household to this facility (reversed graph: household -> facility)
        target = attach[n_h + f]
        dist = nx.single_source_dijkstra_path_length(g.reverse() if directed_dirs is not None else g, target)
        for h in range(n_h):
            if np.all(households[h] == facilities[f]):
                d = 0.0
            else:
                d = dist.get(attach[h], np.inf) + conn[h] + conn[n_h + f]
            best[h, t] = min(best[h, t], d)
    return best


def test_walking_costs_equal_the_brute_force_oracle_point_for_point(case):
    lines, dirs, households, facilities, type_of = case
    near, _, _ = run(lines, dirs, "walk", households, facilities, ["a", "b", "c"], type_of)
    expected = oracle_nearest(lines, households, facilities, type_of, 3)
    np.testing.assert_allclose(near.cost, expected, rtol=0, atol=1e-6)
    assert near.cost[1, 1] == 0.0  # the household at a facility's place
    # the nearest facility is the oracle's (no ties on random points)
    for h in range(len(households)):
        for t in range(3):
            cand = [f for f in range(len(facilities)) if type_of[f] == t]
            assert near.facility[h, t] in cand


def test_walking_ignores_the_one_way_street_and_driving_does_not(case):
    lines, dirs, households, facilities, type_of = case
    walk, _, _ = run(lines, dirs, "walk", households, facilities, ["a", "b", "c"], type_of)
    drive, _, _ = run(lines, dirs, "drive", households, facilities, ["a", "b", "c"], type_of)
    directed = oracle_nearest(lines, households, facilities, type_of, 3, directed_dirs=dirs)
    np.testing.assert_allclose(drive.cost, directed, rtol=0, atol=1e-6)
    assert np.any(drive.cost > walk.cost + 1.0), "the one-way street changes some trips when driving"


def test_coverage_status_and_limits_follow_the_costs(case):
    lines, dirs, households, facilities, type_of = case
    near, _, _ = run(lines, dirs, "walk", households, facilities, ["a", "b", "c", "d"], type_of)
    reqs = [demand.Requirement("a", "5min", 150.0, "g", ("w",)), demand.Requirement("b", "10min", 300.0, "g", ("w",)),
            demand.Requirement("d", "", 300.0, "g", ("w",))]
    w = demand.group_weights({"w": np.ones(len(households))}, reqs)
    cov = demand.coverage(near, reqs, w)
    assert np.array_equal(cov.covered[:, 0], near.cost[:, 0] <= 150.0 + demand.EPS)
    assert np.array_equal(cov.status[:, 1] == 1, near.cost[:, 1] > 300.0 + demand.EPS)
    assert np.all(cov.status[:, 2] == demand.STATUSES.index("no_facility"))  # type d has no facility


def test_points_and_facilities_off_the_network_are_kept_with_their_reason(case):
    lines, dirs, households, facilities, type_of = case
    hh = np.vstack([households, [[X0 - 900, Y0]]])  # far from every street
    ff = np.vstack([facilities, [[X0 + 200, Y0 + 2000]]])
    tt = np.append(type_of, 2)
    near, hs, fs = run(lines, dirs, "walk", hh, ff, ["a", "b", "c"], tt, max_snap=100.0)
    assert not hs.ok[-1] and not fs.ok[-1]
    reqs = [demand.Requirement("c", "", 1e9, "g", ("w",))]
    cov = demand.coverage(near, reqs, demand.group_weights({"w": np.full(len(hh), 2)}, reqs))
    assert cov.status[-1, 0] == demand.STATUSES.index("not_snapped")
    assert not np.any(cov.facility == len(ff) - 1), "a facility off the network serves nobody"
    table = demand.unit_table(cov, np.zeros(len(hh), np.int64), ["u1"], min_count=1)
    unit = [r for r in table.rows if r.kind == "unit"][0]
    assert unit.population == 2 * len(hh) and unit.uncovered >= 2


def test_unit_sums_equal_the_input_totals_with_an_outside_row(case):
    lines, dirs, households, facilities, type_of = case
    near, _, _ = run(lines, dirs, "walk", households, facilities, ["a", "b", "c"], type_of)
    rng = np.random.default_rng(3)
    values = {"n1": rng.integers(0, 4, len(households)), "n2": rng.integers(0, 3, len(households))}
    reqs = [demand.Requirement("a", "5min", 200.0, "1+2", ("n1", "n2")),
            demand.Requirement("b", "10min", 250.0, "1+2", ("n1", "n2")),
            demand.Requirement("c", "", 120.0, "2", ("n2",))]
    cov = demand.coverage(near, reqs, demand.group_weights(values, reqs))
    units = [box(X0 - 30, Y0 - 30, X0 + 200, Y0 + 200), box(X0 + 200, Y0 - 30, X0 + 430, Y0 + 200),
             box(X0 - 30, Y0 + 200, X0 + 200, Y0 + 300)]
    unit_of, several = demand.assign_units(households, units)
    assert (unit_of < 0).sum() > 0 and several >= 0
    table = demand.unit_table(cov, unit_of, ["A", "B", "C"], min_count=1)
    for r, req in enumerate(reqs):
        rows = [row for row in table.rows if row.requirement is req]
        parts = [row for row in rows if row.kind != "total"]
        total = [row for row in rows if row.kind == "total"][0]
        expected = int(cov.weight[:, r].sum())
        assert sum(row.population for row in parts) == expected == total.population
        assert sum(row.covered for row in parts) == int(cov.weight[cov.covered[:, r], r].sum()) == total.covered
        outside = [row for row in rows if row.kind == "outside"][0]
        assert outside.population == int(cov.weight[unit_of < 0, r].sum())
        for row in parts:
            assert row.covered + row.uncovered == row.population
    load = demand.facility_load(cov, len(facilities))
    assert load[:, 0].sum() == int(cov.weight[cov.covered[:, 0], 0].sum())


def test_small_counts_are_withheld_and_the_population_alike_across_requirements(case):
    lines, dirs, households, facilities, type_of = case
    near, _, _ = run(lines, dirs, "walk", households, facilities, ["a", "b", "c"], type_of)
    reqs = [demand.Requirement("a", "", 150.0, "g", ("w",)), demand.Requirement("b", "", 150.0, "g", ("w",))]
    cov = demand.coverage(near, reqs, demand.group_weights({"w": np.ones(len(households))}, reqs))
    unit_of, _ = demand.assign_units(households, [box(X0 - 30, Y0 - 30, X0 + 200, Y0 + 430),
                                                  box(X0 + 200, Y0 - 30, X0 + 430, Y0 + 430)])
    table = demand.unit_table(cov, unit_of, ["A", "B"], min_count=10)
    for row in table.rows:
        for value in (row.population, row.covered, row.uncovered):
            assert value is None or value == 0 or value >= 10
    pops = {}
    for row in table.rows:
        pops.setdefault((row.kind, row.unit), set()).add(row.population)
    assert all(len(v) == 1 for v in pops.values()), "one population figure per unit and group"


def test_bad_counts_are_refused_naming_the_field_and_point():
    reqs = [demand.Requirement("a", "", 1.0, "g", ("w",))]
    with pytest.raises(ValidationError, match="point 2.*w"):
        demand.group_weights({"w": np.array([1.0, 0.5])}, reqs)
    with pytest.raises(ValidationError, match="no count field"):
        demand.group_weights({"x": np.array([1.0])}, reqs)


def test_the_default_standard_reads_and_matches_chinese_names(tmp_path):
    rows = demand.read_standard()
    by = {r.facility_type: r for r in rows}
    assert by["kindergarten"].distance_m == 300 and by["primary_school"].distance_m == 500
    assert by["elderly_care"].level == "15min" and "n_80p" in by["elderly_care"].group_fields
    matched = demand.match_types(["幼儿园", "长者照护之家", "Kindergarten", "菜场"], rows)
    assert matched["幼儿园"] is by["kindergarten"] and matched["Kindergarten"] is by["kindergarten"]
    assert matched["长者照护之家"] is by["elderly_care"] and "菜场" not in matched
    bad = tmp_path / "bad.csv"
    bad.write_text("facility_type,name_zh,aliases,level,minutes,distance_m,group,group_fields,clause\n"
                   "a,,,5min,5,-3,g,n,\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="distance_m"):
        demand.read_standard(bad)
