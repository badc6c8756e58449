"""Road network core (no QGIS): costs against an independent networkx reference, service areas
exact to the metre, disconnected networks, snapping, bad input, cache."""
from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core import network as nw
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from cim_twin.cim_twin_plugin.core.network.reference import to_networkx
from pyproj import CRS, Geod, Transformer

WKT = CRS.from_epsg(4550).to_wkt()
CGCS2000 = (6378137.0, 6356752.314140356)
X0, Y0 = 360000.0, 3455000.0


def pack(lines):
    coords = np.concatenate([np.asarray(line, float) for line in lines])
    offsets = np.concatenate([[0], np.cumsum([len(line) for line in lines])])
    return coords, offsets


def build(lines, directions=None, speeds=None, **settings):
    coords, offsets = pack(lines)
    n = len(lines)
    directions = np.zeros(n, np.int8) if directions is None else np.asarray(directions)
    speeds = np.full(n, 30.0) if speeds is None else np.asarray(speeds, float)
    settings.setdefault("ellipsoid", CGCS2000)
    return nw.build_network(coords, offsets, np.arange(n) + 100, directions, speeds, WKT,
                            nw.NetworkSettings(**settings))


def grid_lines(n=6, size=120.0, seed=1):
    """A perturbed grid; every block side split in two (chains), some sides bent."""
    rng = np.random.default_rng(seed)
    jitter = rng.uniform(-15, 15, (n, n, 2))
    pts = np.array([[(X0 + i * size + jitter[i, j, 0], Y0 + j * size + jitter[i, j, 1]) for j in range(n)]
                    for i in range(n)])
    lines = []
    for i in range(n):
        for j in range(n):
            for di, dj in ((1, 0), (0, 1)):
                if i + di < n and j + dj < n:
                    a, b = pts[i, j], pts[i + di, j + dj]
                    mid = (a + b) / 2 + rng.uniform(-8, 8, 2)
                    bend = a + (mid - a) * 0.5 + rng.uniform(-3, 3, 2)
                    lines.append([a, bend, mid])
                    lines.append([mid, b])
    directions = rng.choice([0, 0, 0, 1, 2], len(lines))
    speeds = rng.choice([20.0, 30.0, 50.0, np.nan], len(lines))
    return lines, directions, speeds


def reference_graph(lines, directions, speeds, points, cost, default_speed=30.0):
    """networkx graph with a node at every vertex and every point inserted on its nearest segment,
    measured segment by segment with pyproj.Geod: written independently of the core."""
    to_ll = Transformer.from_crs(CRS.from_epsg(4550), CRS.from_epsg(4490), always_xy=True)
    geod = Geod(a=CGCS2000[0], b=CGCS2000[1])

    def dist(p, q):
        (lon1, lon2), (lat1, lat2) = to_ll.transform([p[0], q[0]], [p[1], q[1]])
        return geod.inv(lon1, lat1, lon2, lat2)[2]

    segs = []
    for k, line in enumerate(lines):
        for a, b in zip(line[:-1], line[1:]):
            segs.append((k, tuple(a), tuple(b)))
    cuts: dict[int, list] = {}
    for p in points:
        best = None
        for s, (_, a, b) in enumerate(segs):
            a_, b_ = np.array(a), np.array(b)
            t = np.clip(np.dot(p - a_, b_ - a_) / np.dot(b_ - a_, b_ - a_), 0, 1)
            c = a_ + t * (b_ - a_)
            d = np.hypot(*(p - c))
            if best is None or d < best[0] - 1e-12:
                best = (d, s, t, tuple(c))
        cuts.setdefault(best[1], []).append((best[2], best[3]))
    g = nx.DiGraph()

    def add(u, v, k):
        d = dist(u, v)
        speed = speeds[k] if np.isfinite(speeds[k]) and speeds[k] > 0 else default_speed
        w = d if cost == "length" else d / (speed / 3.6)
        for x, y, allowed in ((u, v, directions[k] != 2), (v, u, directions[k] != 1)):
            if allowed and x != y and (not g.has_edge(x, y) or g[x][y]["w"] > w):
                g.add_edge(x, y, w=w)

    for s, (k, a, b) in enumerate(segs):
        chain = [a] + [c for _, c in sorted(cuts.get(s, []))] + [b]
        for u, v in zip(chain[:-1], chain[1:]):
            add(u, v, k)
    return g


def snapped_tuple(snapped, i):
    return tuple(snapped.snap_xy[i])


@pytest.mark.parametrize("cost", ["length", "time"])
def test_route_costs_equal_an_independent_networkx_dijkstra(cost):
    lines, directions, speeds = grid_lines()
    net = build(lines, directions, speeds)
    assert net.n_links < net.n_edges, "chains through two-edge nodes are contracted"
    rng = np.random.default_rng(3)
    points = np.column_stack([rng.uniform(X0, X0 + 600, 14), rng.uniform(Y0, Y0 + 600, 14)])
    snapped = nw.snap_points(net, points)
    graph, (nodes,) = nw.build_query_graph(net, [snapped], cost)
    pairs = np.array([(i, j) for i in range(14) for j in range(14) if i != j])
    routes = nw.shortest_paths(graph, snapped, nodes, snapped, nodes, pairs, geometry=False)
    ref = reference_graph(lines, directions, speeds, points, cost)
    compared = unreachable = 0
    for route in routes:
        a, b = snapped_tuple(snapped, route.origin), snapped_tuple(snapped, route.destination)
        try:
            expected = nx.dijkstra_path_length(ref, a, b, weight="w")
        except nx.NetworkXNoPath:
            assert route.status == "unreachable"
            unreachable += 1
            continue
        network_cost = route.network_length if cost == "length" else route.network_time
        assert route.status == "ok"
        assert network_cost == pytest.approx(expected, rel=1e-9, abs=1e-9)
        conn = snapped.connector_len if cost == "length" else snapped.connector_time
        assert route.cost == pytest.approx(expected + conn[route.origin] + conn[route.destination], rel=1e-9)
        compared += 1
    assert compared > 100


def test_the_segment_index_is_built_once_per_network(monkeypatch):
    from cim_twin.cim_twin_plugin.core.network import snap

    net = build(*grid_lines(seed=2))
    points = np.array([[X0 + 33.0, Y0 + 71.0], [X0 + 250.0, Y0 + 402.0]])
    built = []
    original = snap.SegmentIndex.__init__

    def counting(self, network):
        built.append(network)
        original(self, network)

    monkeypatch.setattr(snap.SegmentIndex, "__init__", counting)
    first = nw.snap_points(net, points)
    second = nw.snap_points(net, points[::-1])
    assert len(built) == 1 and net.segments is not None
    assert np.array_equal(first.snap_xy, second.snap_xy[::-1]) and np.array_equal(first.link, second.link[::-1])
    nw.snap_points(build(*grid_lines(seed=2)), points)  # another network: its own index
    assert len(built) == 2


def test_od_matrix_agrees_with_routes_and_networkx_on_the_query_graph():
    lines, directions, speeds = grid_lines(seed=5)
    net = build(lines, directions, speeds)
    rng = np.random.default_rng(8)
    o = nw.snap_points(net, np.column_stack([rng.uniform(X0, X0 + 600, 9), rng.uniform(Y0, Y0 + 600, 9)]))
    d = nw.snap_points(net, np.column_stack([rng.uniform(X0, X0 + 600, 7), rng.uniform(Y0, Y0 + 600, 7)]))
    graph, (on, dn) = nw.build_query_graph(net, [o, d], "time")
    matrix = nw.od_matrix(graph, o, on, d, dn)
    pairs = np.array([(i, j) for i in range(9) for j in range(7)])
    routes = nw.shortest_paths(graph, o, on, d, dn, pairs)
    # od_routes reads the same matrix off the routes (one Dijkstra run for an OD matrix with lines)
    from_routes, same_routes = nw.od_routes(graph, o, on, d, dn)
    assert [(r.origin, r.destination) for r in same_routes] == [tuple(p) for p in pairs.tolist()]
    for name in ("cost", "length", "network_length"):
        np.testing.assert_allclose(getattr(from_routes, name), getattr(matrix, name), rtol=1e-9)
    assert (from_routes.same == matrix.same).all()
    g = to_networkx(graph)
    for route in routes:
        i, j = route.origin, route.destination
        if route.status == "unreachable":
            assert np.isnan(matrix.cost[i, j])
            continue
        assert matrix.cost[i, j] == pytest.approx(route.cost, rel=1e-12)
        assert matrix.network_length[i, j] == pytest.approx(route.network_length, rel=1e-9)
        assert matrix.length[i, j] == pytest.approx(route.length, rel=1e-9)
        expected = nx.dijkstra_path_length(g, int(on[i]), int(dn[j]), weight="time")
        assert route.network_time == pytest.approx(expected, rel=1e-9)
        # the geometry runs from the origin to the destination along the network
        assert np.allclose(route.coords[0], o.xy[i]) and np.allclose(route.coords[-1], d.xy[j])


def test_one_way_street_is_followed_and_points_between_nodes_cost_partial_edges():
    # a square; the east side one-way northwards (digitised south -> north)
    s = 100.0
    sw, se, ne, nw_ = (X0, Y0), (X0 + s, Y0), (X0 + s, Y0 + s), (X0, Y0 + s)
    net = build([[sw, se], [se, ne], [ne, nw_], [nw_, sw]], directions=[0, 1, 0, 0], ellipsoid=None)
    pts = nw.snap_points(net, np.array([[X0 + s + 3, Y0 + 30], [X0 + s + 3, Y0 + 70]]))
    graph, (nodes,) = nw.build_query_graph(net, [pts])
    up, down = nw.shortest_paths(graph, pts, nodes, pts, nodes, [[0, 1], [1, 0]])
    assert up.network_length == pytest.approx(40.0)
    assert down.network_length == pytest.approx(30 + 300 + 30)  # round the block
    assert up.cost == pytest.approx(40.0 + 3 + 3)
    assert up.edges == 1 and down.edges == 5  # east side, north, west, south, east side again


def test_service_area_parts_are_within_the_band_and_nothing_beyond():
    lines, directions, speeds = grid_lines(seed=11)
    net = build(lines, directions, speeds)
    fac = nw.snap_points(net, np.array([[X0 + 250, Y0 + 310], [X0 + 40, Y0 + 500]]))
    for cost, bands in (("length", [150.0, 320.0]), ("time", [20.0, 45.0])):
        graph, (fn,) = nw.build_query_graph(net, [fac], cost)
        for toward in (False, True):
            areas, _ = nw.service_areas(graph, fac, fn, bands, toward=toward)
            assert len(areas) == 4
            g = to_networkx(graph)
            if toward:
                g = g.reverse()
            for area in areas:
                conn = (fac.connector_len if cost == "length" else fac.connector_time)[area.facility]
                dist = nx.single_source_dijkstra_path_length(g, int(fn[area.facility]), weight=cost)
                inside = outside = 0
                for p in range(len(graph.piece_link)):
                    link, lo, hi = graph.piece_link[p], graph.piece_lo[p], graph.piece_hi[p]
                    sample = np.linspace(lo, hi, 23)[1:-1]
                    c_lo = nw.graph.time_at(net, np.full(len(sample), link), sample) if cost == "time" else sample
                    t_lo = nw.graph.time_at(net, np.array([link]), np.array([lo]))[0] if cost == "time" else lo
                    t_hi = nw.graph.time_at(net, np.array([link]), np.array([hi]))[0] if cost == "time" else hi
                    best = np.full(len(sample), np.inf)
                    a_ok = graph.piece_bwd[p] if toward else graph.piece_fwd[p]
                    b_ok = graph.piece_fwd[p] if toward else graph.piece_bwd[p]
                    if a_ok and int(graph.piece_a[p]) in dist:
                        best = np.minimum(best, conn + dist[int(graph.piece_a[p])] + (c_lo - t_lo))
                    if b_ok and int(graph.piece_b[p]) in dist:
                        best = np.minimum(best, conn + dist[int(graph.piece_b[p])] + (t_hi - c_lo))
                    mine = area.link == link
                    covered = np.array([np.any((area.lo[mine] <= x + 1e-9) & (x - 1e-9 <= area.hi[mine]))
                                        for x in sample])
                    clear_in = best < area.band * (1 - 1e-9)
                    clear_out = best > area.band * (1 + 1e-9)
                    assert covered[clear_in].all(), "a reachable stretch is missing"
                    assert not covered[clear_out].any(), "a stretch beyond the band is included"
                    inside += clear_in.sum()
                    outside += clear_out.sum()
                assert inside > 0 and outside > 0
    # bands are nested
    graph, (fn,) = nw.build_query_graph(net, [fac], "length")
    areas, nodes = nw.service_areas(graph, fac, fn, [320.0, 150.0])
    assert [a.band for a in areas[:2]] == [150.0, 320.0] and areas[0].length < areas[1].length
    reached, costs = nodes[0]
    assert len(reached) and np.all(costs <= 320.0)


def test_service_area_geometry_follows_the_parts():
    net = build([[(X0, Y0), (X0 + 50, Y0), (X0 + 100, Y0 + 20)]], ellipsoid=None)
    fac = nw.snap_points(net, np.array([[X0, Y0]]))
    graph, (fn,) = nw.build_query_graph(net, [fac])
    (area,), _ = nw.service_areas(graph, fac, fn, [60.0])
    assert area.length == pytest.approx(60.0)
    line = area.coords[area.offsets[0]:area.offsets[1]]
    assert line.tolist()[0] == [X0, Y0] and line.tolist()[1] == [X0 + 50, Y0]
    step = np.array([50, 20]) / np.hypot(50, 20) * 10
    assert np.allclose(line[-1], np.array([X0 + 50, Y0]) + step)
    polygon = nw.area_polygon(area, 25.0)
    assert polygon.area > 60 * 40 and polygon.contains(__import__("shapely.geometry").geometry.Point(X0 + 30, Y0 + 20))


def test_disconnected_network_reports_unreachable_never_a_route():
    main = [[(X0, Y0), (X0 + 100, Y0)], [(X0 + 100, Y0), (X0 + 100, Y0 + 100)]]
    park = [[(X0 + 300, Y0), (X0 + 350, Y0)], [(X0 + 350, Y0), (X0 + 350, Y0 + 40)]]
    net = build(main + park)
    assert net.summary()["components"] == 2
    pts = nw.snap_points(net, np.array([[X0 + 50, Y0 + 1], [X0 + 320, Y0 + 1]]))
    graph, (nodes,) = nw.build_query_graph(net, [pts])
    (route,) = nw.shortest_paths(graph, pts, nodes, pts, nodes, [[0, 1]])
    assert route.status == "unreachable" and np.isnan(route.cost) and route.coords is None
    matrix = nw.od_matrix(graph, pts, nodes, pts, nodes)
    assert np.isnan(matrix.cost[0, 1]) and matrix.cost[0, 0] == 0
    from_routes, _ = nw.od_routes(graph, pts, nodes, pts, nodes)
    np.testing.assert_array_equal(from_routes.cost, matrix.cost)
    assert from_routes.same.tolist() == matrix.same.tolist() == [[True, False], [False, True]]
    near = nw.nearest_facilities(graph, pts, nodes, pts, nodes, n=2)
    assert [r.status for r in near[0]] == ["same_point"]
    only_park = nw.snap_points(net, np.array([[X0 + 320, Y0 + 1]]))
    graph, (inc, fac) = nw.build_query_graph(net, [nw.snap_points(net, np.array([[X0 + 50, Y0]])), only_park])
    (result,) = nw.nearest_facilities(graph, nw.snap_points(net, np.array([[X0 + 50, Y0]])), inc, only_park, fac, 1)
    assert [r.status for r in result] == ["unreachable"]


def test_nearest_facilities_are_ranked_and_limited_by_max_cost():
    line = [[(X0 + 100 * k, Y0), (X0 + 100 * (k + 1), Y0)] for k in range(5)]
    net = build(line, ellipsoid=None)
    fac = nw.snap_points(net, np.array([[X0 + 20, Y0 + 2], [X0 + 260, Y0], [X0 + 480, Y0]]))
    inc = nw.snap_points(net, np.array([[X0 + 300, Y0 - 1]]))
    graph, (inn, fan) = nw.build_query_graph(net, [inc, fac])
    (routes,) = nw.nearest_facilities(graph, inc, inn, fac, fan, n=2, max_cost=1000)
    assert [(r.origin, r.rank) for r in routes] == [(1, 1), (2, 2)]
    assert routes[0].cost == pytest.approx(40 + 1) and routes[1].cost == pytest.approx(180 + 1)
    assert np.allclose(routes[0].coords[0], fac.xy[1]) and np.allclose(routes[0].coords[-1], inc.xy[0])
    (limited,) = nw.nearest_facilities(graph, inc, inn, fac, fan, n=3, max_cost=100)
    assert [r.origin for r in limited] == [1]
    (none,) = nw.nearest_facilities(graph, inc, inn, fac, fan, n=3, max_cost=10)
    assert none[0].status == "none_within_max_cost"


def test_snap_tolerance_closes_the_undershoot_and_max_snap_rejects_far_points():
    lines = [[(X0, Y0), (X0 + 50, Y0)], [(X0 + 50, Y0), (X0 + 100, Y0)], [(X0 + 50, Y0 + 100), (X0 + 50, Y0 + 0.5)]]
    open_net = build(lines)
    assert open_net.summary()["components"] == 2
    closed = build(lines, snap_tolerance=1.0)
    assert closed.summary()["components"] == 1
    pts = nw.snap_points(closed, np.array([[X0 + 49, Y0 + 90], [X0 + 10, Y0 - 2], [X0 + 10, Y0 - 60]]),
                         max_snap=50)
    assert pts.ok.tolist() == [True, True, False]
    assert pts.reason == [None, None, "no_network_nearby"]
    assert pts.connector_len[1] == pytest.approx(2.0, rel=1e-3)
    graph, (nodes,) = nw.build_query_graph(closed, [pts])
    route, rejected = nw.shortest_paths(graph, pts, nodes, pts, nodes, [[0, 1], [0, 2]])
    assert route.status == "ok" and route.network_length == pytest.approx(90 + 40, rel=1e-3)
    assert rejected.status == "destination_rejected"


def test_split_at_crossings_connects_crossing_lines_only_when_asked():
    cross = [[(X0, Y0 + 50), (X0 + 100, Y0 + 50)], [(X0 + 50, Y0), (X0 + 50, Y0 + 100)]]
    pts = np.array([[X0, Y0 + 50], [X0 + 50, Y0 + 100]])
    for split, expected in ((False, "unreachable"), (True, "ok")):
        net = build(cross, split_at_crossings=split, ellipsoid=None)
        s = nw.snap_points(net, pts)
        graph, (nodes,) = nw.build_query_graph(net, [s])
        (route,) = nw.shortest_paths(graph, s, nodes, s, nodes, [[0, 1]])
        assert route.status == expected
        if split:
            assert route.network_length == pytest.approx(100.0)
            assert sorted(net.edge_feature.tolist()) == [100, 100, 101, 101]


def test_walk_mode_ignores_one_way_and_uses_walking_speed():
    net = build([[(X0, Y0), (X0 + 360, Y0)]], directions=[1], mode="walk", ellipsoid=None)
    pts = nw.snap_points(net, np.array([[X0 + 360, Y0], [X0, Y0]]))
    graph, (nodes,) = nw.build_query_graph(net, [pts], "time")
    (route,) = nw.shortest_paths(graph, pts, nodes, pts, nodes, [[0, 1]])
    assert route.status == "ok" and route.cost == pytest.approx(300.0)  # 360 m at 1.2 m/s = 5 min
    drive = build([[(X0, Y0), (X0 + 360, Y0)]], directions=[1], ellipsoid=None)
    s = nw.snap_points(drive, pts.xy)
    graph, (nodes,) = nw.build_query_graph(drive, [s], "time")
    back, forth = nw.shortest_paths(graph, s, nodes, s, nodes, [[0, 1], [1, 0]])
    assert back.status == "unreachable" and forth.cost == pytest.approx(360 / (30 / 3.6))


def test_bad_input_is_reported():
    with pytest.raises(nw.NetworkError, match="no lines"):
        nw.build_network(np.zeros((0, 2)), np.array([0]), np.zeros(0), np.zeros(0), np.zeros(0), WKT,
                         nw.NetworkSettings())
    with pytest.raises(nw.NetworkError, match="two distinct"):
        build([[(X0, Y0), (X0, Y0)]])
    net = build([[(X0, Y0), (X0 + 10, Y0)], [(X0, Y0), (X0, Y0)],
                 [(X0 + 10, Y0), (X0 + 20, Y0 + 10), (X0 + 20, Y0 - 10), (X0 + 10, Y0)]],
                speeds=[np.nan, 30, 40])
    codes = {(p.feature, p.code, p.dropped) for p in net.problems}
    assert (100, "speed_default", False) in codes
    assert (101, "too_short", True) in codes
    assert (102, "self_loop", False) in codes
    assert net.n_edges == 2
    for bad in ([0, 5], [-1], ["ten"], []):
        with pytest.raises(ValidationError):
            nw.check_bands(bad)
    with pytest.raises(nw.NetworkError):
        nw.NetworkSettings(snap_tolerance=-1)
    # the self-loop (a cul-de-sac loop) is routable: a point on it reaches the line
    pts = nw.snap_points(net, np.array([[X0 + 20, Y0], [X0, Y0]]))
    graph, (nodes,) = nw.build_query_graph(net, [pts])
    (route,) = nw.shortest_paths(graph, pts, nodes, pts, nodes, [[0, 1]])
    assert route.status == "ok" and route.network_length > 10 + 14


def test_same_point_costs_nothing():
    net = build([[(X0, Y0), (X0 + 100, Y0)]])
    pts = nw.snap_points(net, np.array([[X0 + 30, Y0 + 5], [X0 + 30, Y0 + 5]]))
    graph, (nodes,) = nw.build_query_graph(net, [pts])
    (route,) = nw.shortest_paths(graph, pts, nodes, pts, nodes, [[0, 1]])
    assert route.status == "same_point" and route.cost == 0


def test_geographic_layer_is_worked_in_metres():
    wgs = CRS.from_epsg(4326).to_wkt()
    lines = [[(121.5, 31.2), (121.501, 31.2)], [(121.501, 31.2), (121.501, 31.201)]]
    coords, offsets = pack(lines)
    net = nw.build_network(coords, offsets, np.arange(2), np.zeros(2), np.full(2, 30.0), wgs,
                           nw.NetworkSettings(ellipsoid=(6378137.0, 6356752.314245179)))
    geod = Geod(ellps="WGS84")
    expected = geod.inv(121.5, 31.2, 121.501, 31.2)[2] + geod.inv(121.501, 31.2, 121.501, 31.201)[2]
    assert net.link_len.sum() == pytest.approx(expected, rel=1e-9)
    pts = nw.snap_points(net, np.array([[121.5, 31.2001]]), max_snap=20)
    assert pts.ok[0] and pts.connector_len[0] == pytest.approx(geod.inv(121.5, 31.2, 121.5, 31.2001)[2], rel=1e-3)
    # worked in the UTM zone where the data lies (51N for Shanghai), not the CRS's area of use (the world)
    assert CRS.from_wkt(net.crs_wkt).to_epsg() == 32651
    # so MAX_SNAP is in true metres: 16.6 m north of the line is within 18 m, 22.2 m is not
    near, far = nw.snap_points(net, np.array([[121.5005, 31.20015], [121.5005, 31.2002]]), max_snap=18).ok
    assert near and not far


def test_cache_and_saved_network(tmp_path):
    lines, directions, speeds = grid_lines(n=3)
    coords, offsets = pack(lines)
    settings = nw.NetworkSettings(ellipsoid=CGCS2000)
    key = nw.fingerprint(coords, offsets, np.arange(len(lines)), directions, speeds, WKT, settings)
    other = nw.fingerprint(coords, offsets, np.arange(len(lines)), directions, speeds, WKT,
                           nw.NetworkSettings(ellipsoid=None))
    assert key != other
    net = build(lines, directions, speeds)
    cache = nw.NetworkCache(size=1)
    cache.put(key, net)
    assert cache.get(key) is net and cache.get(other) is None
    cache.put(other, net)
    assert cache.get(key) is None, "least recently used dropped"
    path = tmp_path / "roads.cimtwin-network.npz"
    nw.save_network(net, path, key)
    assert nw.load_network(path, other) is None
    loaded = nw.load_network(path, key)
    assert np.array_equal(loaded.cum_len, net.cum_len) and loaded.settings == net.settings


def test_box_index_answers_with_positions():
    from cim_twin.cim_twin_plugin.core.spatial import BoxIndex
    from shapely.geometry import LineString, Point

    lines = [LineString([(0, 0), (10, 0)]), LineString([(20, 0), (30, 0)]), LineString([(5, -5), (5, 5)])]
    index = BoxIndex(lines)
    assert sorted(index.query(Point(5, 0).buffer(0.1))) == [0, 2]
    assert index.query(Point(25, 0).buffer(0.1)) == [1]
    assert index.query(Point(100, 100).buffer(0.1)) == []


def test_polygonal_part_keeps_the_polygons_of_a_collection():
    from cim_twin.cim_twin_plugin.core.spatial import polygonal_part
    from shapely.geometry import GeometryCollection, LineString, Point, box

    square = box(0, 0, 1, 1)
    assert polygonal_part(square) is square
    mixed = GeometryCollection([box(0, 0, 1, 1), LineString([(5, 5), (6, 6)]), box(2, 0, 3, 1), Point(9, 9)])
    part = polygonal_part(mixed)
    assert part.geom_type == "MultiPolygon" and part.area == pytest.approx(2.0)
    assert polygonal_part(GeometryCollection([LineString([(0, 0), (1, 1)])])) is None
    assert polygonal_part(None) is None
