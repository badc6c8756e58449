"""Shortest paths, OD cost matrices and nearest facilities on a :class:`QueryGraph`.

Costs count the connectors: total cost = connector of the start point + cost along
the network + connector of the end point. The network part alone is what QGIS's
native:shortestpathpointtopoint reports (it measures between the attachment points).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from ..progress import Progress, check_canceled
from .graph import QueryGraph, link_coords
from .snap import Snapped

CHUNK = 32
"""sources per scipy Dijkstra call (bounds memory to CHUNK x nodes distances)"""


@dataclass
class Route:
    """One origin-destination result."""

    origin: int
    """index of the origin point"""
    destination: int
    """index of the destination point"""
    status: str
    """'ok', 'same_point', 'unreachable', 'none_within_max_cost', 'origin_rejected', 'destination_rejected'"""
    cost: float = float("nan")
    """total cost in the graph's unit (metres or seconds), connectors included"""
    length: float = float("nan")
    """metres, connectors included"""
    time: float = float("nan")
    """seconds, connectors included"""
    network_length: float = float("nan")
    """metres along the network (without connectors)"""
    network_time: float = float("nan")
    """seconds along the network (without connectors)"""
    edges: int = 0
    """number of network edges used (a partly used edge counts)"""
    coords: np.ndarray | None = None
    """(n, 2) route in the working CRS, connectors included"""
    rank: int = 0
    """1 = nearest (nearest facility only)"""

    @property
    def found(self) -> bool:
        """A route was found (also the empty one between two points attached at the same place)."""
        return self.status in FOUND


FOUND = frozenset({"ok", "same_point"})
"""the statuses of a pair that has a route and a cost"""


def all_pairs(n_origins: int, n_destinations: int) -> np.ndarray:
    """(n_origins * n_destinations, 2) index pairs, origin-major."""
    grid = np.meshgrid(np.arange(n_origins), np.arange(n_destinations), indexing="ij")
    return np.stack(grid, axis=-1).reshape(-1, 2).astype(np.int64)


def connector_cost(graph: QueryGraph, points: Snapped) -> np.ndarray:
    return points.connector_len if graph.cost == "length" else points.connector_time


def _same_place(a: Snapped, i: int, b: Snapped, j: int) -> bool:
    return bool(np.all(a.xy[i] == b.xy[j]))


def _dijkstra(matrix, sources: np.ndarray, limit: float = np.inf, predecessors: bool = True):
    from scipy.sparse.csgraph import dijkstra

    return dijkstra(matrix, directed=True, indices=sources, return_predecessors=predecessors, limit=limit)


def walk(pred: np.ndarray, source: int, target: int, transposed: bool) -> np.ndarray:
    """Nodes from *source* to *target* in travel order.

    *pred* comes from a Dijkstra rooted at the search origin: at *source* on the
    matrix, or at *target* on the transposed matrix (``transposed``: then pred
    points toward the target).
    """
    path = []
    node = int(source if transposed else target)
    end = int(target if transposed else source)
    guard = len(pred) + 1
    while node != end and guard:
        path.append(node)
        node = int(pred[node])
        guard -= 1
        if node < 0:
            raise RuntimeError("broken predecessor chain")
    path.append(end)
    return np.array(path if transposed else path[::-1], dtype=np.int64)


def describe_path(graph: QueryGraph, nodes: np.ndarray, geometry: bool):
    """Length, time, edge count and (optionally) coordinates of a node path."""
    if len(nodes) < 2:
        xy = graph.node_xy[nodes[:1]] if geometry else None
        return 0.0, 0.0, 0, xy
    arcs = graph.arc_between(nodes[:-1], nodes[1:])
    pieces = graph.arc_piece[arcs]
    reverse = graph.arc_reverse[arcs]
    length = float(graph.piece_len[pieces].sum())
    time = float(graph.piece_time[pieces].sum())
    net = graph.network
    edges: list[int] = []
    chunks = []
    for piece, rev in zip(pieces.tolist(), reverse.tolist()):
        link = graph.piece_link[piece]
        lo, hi = graph.piece_lo[piece], graph.piece_hi[piece]
        a, b = net.link_off[link], net.link_off[link + 1]
        cl = net.cum_len[a:b]
        k0 = max(int(np.searchsorted(cl, lo, side="right")) - 1, 0)
        k1 = min(int(np.searchsorted(cl, hi, side="left")), b - a - 1)
        seg_edges = net.seg_edge[a + k0:a + k1].tolist()
        if rev:
            seg_edges.reverse()
        for e in seg_edges:
            if not edges or edges[-1] != e:
                edges.append(e)
        if geometry:
            c = link_coords(net, link, lo, hi, graph.node_xy[graph.piece_a[piece]],
                            graph.node_xy[graph.piece_b[piece]])
            chunks.append(c[::-1] if rev else c)
    xy = None
    if geometry:
        xy = np.vstack([chunks[0]] + [c[1:] for c in chunks[1:]])
    return length, time, len(edges), xy


def _finish(graph, route: Route, o: Snapped, i: int, d: Snapped, j: int, network_cost: float,
            nodes: np.ndarray, geometry: bool) -> Route:
    length, time, edges, xy = describe_path(graph, nodes, geometry)
    route.status = "ok"
    route.network_length, route.network_time, route.edges = length, time, edges
    route.length = o.connector_len[i] + length + d.connector_len[j]
    route.time = o.connector_time[i] + time + d.connector_time[j]
    route.cost = connector_cost(graph, o)[i] + network_cost + connector_cost(graph, d)[j]
    if geometry:
        coords = np.vstack([o.xy[i:i + 1], xy, d.xy[j:j + 1]])
        keep = np.ones(len(coords), bool)
        keep[1:] = np.any(coords[1:] != coords[:-1], axis=1)
        route.coords = coords[keep]
    return route


def _rejected(o: Snapped, i: int, d: Snapped, j: int) -> str | None:
    if not o.ok[i]:
        return "origin_rejected"
    if not d.ok[j]:
        return "destination_rejected"
    return None


def _same(i: int, j: int) -> Route:
    return Route(i, j, "same_point", 0.0, 0.0, 0.0, 0.0, 0.0, 0, None)


def shortest_paths(
    graph: QueryGraph,
    origins: Snapped,
    origin_nodes: np.ndarray,
    destinations: Snapped,
    destination_nodes: np.ndarray,
    pairs: np.ndarray,
    geometry: bool = True,
    progress: Progress | None = None,
) -> list[Route]:
    """The least-cost route for every (origin index, destination index) pair."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    routes: list[Route | None] = [None] * len(pairs)
    todo: dict[int, list[int]] = {}
    for k, (i, j) in enumerate(pairs.tolist()):
        reason = _rejected(origins, i, destinations, j)
        if reason:
            routes[k] = Route(i, j, reason)
        elif _same_place(origins, i, destinations, j):
            routes[k] = _same(i, j)
        else:
            todo.setdefault(int(origin_nodes[i]), []).append(k)
    sources = np.array(sorted(todo), dtype=np.int64)
    done = 0
    for start in range(0, len(sources), CHUNK):
        check_canceled(progress)
        chunk = sources[start:start + CHUNK]
        dist, pred = _dijkstra(graph.matrix, chunk)
        for row, source in enumerate(chunk.tolist()):
            for k in todo[source]:
                i, j = pairs[k]
                target = int(destination_nodes[j])
                cost = dist[row, target]
                if not np.isfinite(cost):
                    routes[k] = Route(int(i), int(j), "unreachable")
                    continue
                nodes = walk(pred[row], source, target, transposed=False)
                routes[k] = _finish(graph, Route(int(i), int(j), "ok"), origins, int(i), destinations,
                                    int(j), float(cost), nodes, geometry)
            done += 1
        if progress is not None:
            progress.set_progress(100.0 * done / max(len(sources), 1))
    return routes  # type: ignore[return-value]


def _tree_lengths(graph: QueryGraph, pred: np.ndarray) -> np.ndarray:
    """Metres along the shortest-path tree from each source to every node (pointer doubling)."""
    k, n = pred.shape
    flat_pred = pred.ravel()
    has = flat_pred >= 0
    rows = np.repeat(np.arange(k), n)
    nodes = np.tile(np.arange(n), k)
    step = np.zeros(k * n)
    arcs = graph.arc_between(flat_pred[has], nodes[has])
    step[has] = graph.piece_len[graph.arc_piece[arcs]]
    parent = np.where(has, rows * n + flat_pred, -1)
    # Wyllie's list ranking: after round r, step sums 2**r arcs toward the root
    while True:
        active = parent >= 0
        if not active.any():
            break
        p = parent[active]
        new_step = step.copy()
        new_step[active] += step[p]
        new_parent = parent.copy()
        new_parent[active] = parent[p]
        step, parent = new_step, new_parent
    return step.reshape(k, n)


@dataclass
class ODMatrix:
    """Costs between every origin and every destination (NaN = unreachable or rejected)."""

    cost: np.ndarray
    """(O, D) total cost (connectors included) in the graph's unit"""
    length: np.ndarray
    """(O, D) metres along the least-cost route, connectors included"""
    network_length: np.ndarray
    """(O, D) metres along the network only"""
    same: np.ndarray
    """(O, D) bool: origin and destination are the same point"""


def od_statuses(matrix: ODMatrix, origins: Snapped, destinations: Snapped) -> np.ndarray:
    """(O, D) status of every pair of *matrix*: 'origin_rejected' (the origin could not be attached),
    'destination_rejected', 'unreachable' (no route), 'same_point' (cost 0) or 'ok', in that order of
    precedence; the statuses in :data:`FOUND` have a cost."""
    shape = matrix.cost.shape
    status = np.full(shape, "ok", dtype=object)
    status[matrix.same] = "same_point"
    status[np.isnan(matrix.cost)] = "unreachable"
    status[~np.broadcast_to(np.asarray(destinations.ok, bool)[None, :], shape)] = "destination_rejected"
    status[~np.broadcast_to(np.asarray(origins.ok, bool)[:, None], shape)] = "origin_rejected"
    return status


def od_matrix(
    graph: QueryGraph,
    origins: Snapped,
    origin_nodes: np.ndarray,
    destinations: Snapped,
    destination_nodes: np.ndarray,
    progress: Progress | None = None,
) -> ODMatrix:
    """Least costs from every origin to every destination (one Dijkstra per distinct origin node)."""
    n_o, n_d = len(origin_nodes), len(destination_nodes)
    cost = np.full((n_o, n_d), np.nan)
    network_length = np.full((n_o, n_d), np.nan)
    ok_o = np.nonzero(origins.ok)[0]
    ok_d = np.nonzero(destinations.ok)[0]
    d_nodes = destination_nodes[ok_d]
    sources, row_of = np.unique(origin_nodes[ok_o], return_inverse=True)
    net_cost = np.full((len(sources), len(ok_d)), np.inf)
    net_len = np.full((len(sources), len(ok_d)), np.inf)
    for start in range(0, len(sources), CHUNK):
        check_canceled(progress)
        chunk = sources[start:start + CHUNK]
        if graph.cost == "length":
            dist = _dijkstra(graph.matrix, chunk, predecessors=False)
            net_cost[start:start + len(chunk)] = dist[:, d_nodes]
            net_len[start:start + len(chunk)] = dist[:, d_nodes]
        else:
            dist, pred = _dijkstra(graph.matrix, chunk)
            lengths = _tree_lengths(graph, pred)
            net_cost[start:start + len(chunk)] = dist[:, d_nodes]
            net_len[start:start + len(chunk)] = np.where(np.isfinite(dist[:, d_nodes]), lengths[:, d_nodes], np.inf)
        if progress is not None:
            progress.set_progress(100.0 * min(start + CHUNK, len(sources)) / max(len(sources), 1))
    conn_o = connector_cost(graph, origins)
    conn_d = connector_cost(graph, destinations)
    sub_cost = net_cost[row_of.ravel()] + conn_o[ok_o][:, None] + conn_d[ok_d][None, :]
    sub_len = net_len[row_of.ravel()]
    ix = np.ix_(ok_o, ok_d)
    cost[ix] = np.where(np.isfinite(sub_cost), sub_cost, np.nan)
    network_length[ix] = np.where(np.isfinite(sub_len), sub_len, np.nan)
    length = network_length + origins.connector_len[:, None] + destinations.connector_len[None, :]
    same = np.all(origins.xy[:, None, :] == destinations.xy[None, :, :], axis=2)
    same &= origins.ok[:, None] & destinations.ok[None, :]
    cost[same] = 0.0
    length[same] = 0.0
    network_length[same] = 0.0
    return ODMatrix(cost, length, network_length, same)


def od_routes(
    graph: QueryGraph,
    origins: Snapped,
    origin_nodes: np.ndarray,
    destinations: Snapped,
    destination_nodes: np.ndarray,
    geometry: bool = True,
    progress: Progress | None = None,
) -> tuple[ODMatrix, list[Route]]:
    """The matrix of :func:`od_matrix` and the route of every pair (origin-major), from one Dijkstra run.

    For an OD matrix with route lines: the costs are read off the routes instead of running every
    Dijkstra a second time.
    """
    n_o, n_d = len(origin_nodes), len(destination_nodes)
    routes = shortest_paths(graph, origins, origin_nodes, destinations, destination_nodes, all_pairs(n_o, n_d),
                            geometry, progress)
    found = [r.found for r in routes]
    cost, length, network_length = (
        np.array([getattr(r, name) if ok else np.nan for r, ok in zip(routes, found)]).reshape(n_o, n_d)
        for name in ("cost", "length", "network_length"))
    same = np.array([r.status == "same_point" for r in routes], dtype=bool).reshape(n_o, n_d)
    return ODMatrix(cost, length, network_length, same), routes


def nearest_facilities(
    graph: QueryGraph,
    incidents: Snapped,
    incident_nodes: np.ndarray,
    facilities: Snapped,
    facility_nodes: np.ndarray,
    n: int,
    max_cost: float = np.inf,
    from_facilities: bool = True,
    geometry: bool = True,
    progress: Progress | None = None,
) -> list[list[Route]]:
    """The *n* least-cost facilities of every incident within *max_cost*, as ranked routes.

    ``from_facilities``: travel from the facility to the incident (dispatch), else from
    the incident to the facility. Route.origin is the facility, destination the incident,
    in travel order. An incident with no facility within reach gets one route whose
    status says why.
    """
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or n < 1:
        raise ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "the number of nearest facilities must be 1 or more, not {value}"),
            code="nearest_n", value=n)
    results: list[list[Route]] = [[] for _ in range(len(incident_nodes))]
    ok_f = np.nonzero(facilities.ok)[0]
    f_nodes = facility_nodes[ok_f]
    conn_f = connector_cost(graph, facilities)[ok_f]
    conn_i = connector_cost(graph, incidents)
    matrix = graph.transposed() if from_facilities else graph.matrix
    todo = np.nonzero(incidents.ok)[0]
    for k in np.nonzero(~incidents.ok)[0]:
        results[k] = [Route(-1, int(k), "destination_rejected" if from_facilities else "origin_rejected")]
    sources, inverse = np.unique(incident_nodes[todo], return_inverse=True)
    # the incidents of each source node, found once (not a scan of all incidents per source)
    by_source = todo[np.argsort(inverse.ravel(), kind="stable")]
    cuts = np.searchsorted(np.sort(inverse.ravel()), np.arange(len(sources) + 1))
    f_xy = facilities.xy[ok_f]
    for start in range(0, len(sources), CHUNK):
        check_canceled(progress)
        chunk = sources[start:start + CHUNK]
        dist, pred = _dijkstra(matrix, chunk, limit=max_cost)
        for row in range(len(chunk)):
            source = start + row
            for k in by_source[cuts[source]:cuts[source + 1]]:
                k = int(k)
                same = np.all(f_xy == incidents.xy[k], axis=1)
                total = dist[row, f_nodes] + conn_f + conn_i[k]
                total[same] = 0.0
                within = np.nonzero(np.isfinite(total) & (total <= max_cost))[0]
                if len(within) == 0:
                    status = "none_within_max_cost" if np.isfinite(max_cost) else "unreachable"
                    results[k] = [Route(-1, k, status)]
                    continue
                order = within[np.lexsort((ok_f[within], total[within]))][:n]
                routes = []
                for rank, fi in enumerate(order.tolist(), start=1):
                    f = int(ok_f[fi])
                    if same[fi]:
                        route = _same(f, k)
                    elif from_facilities:
                        nodes = walk(pred[row], int(f_nodes[fi]), int(chunk[row]), transposed=True)
                        route = _finish(graph, Route(f, k, "ok"), facilities, f, incidents, k,
                                        float(dist[row, f_nodes[fi]]), nodes, geometry)
                    else:
                        nodes = walk(pred[row], int(chunk[row]), int(f_nodes[fi]), transposed=False)
                        route = _finish(graph, Route(k, f, "ok"), incidents, k, facilities, f,
                                        float(dist[row, f_nodes[fi]]), nodes, geometry)
                        route.origin, route.destination = f, k  # keep facility/incident roles
                    route.rank = rank
                    routes.append(route)
                results[k] = routes
        if progress is not None:
            progress.set_progress(100.0 * min(start + CHUNK, len(sources)) / max(len(sources), 1))
    return results
