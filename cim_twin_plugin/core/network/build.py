"""Building a :class:`~.model.RoadNetwork` from plain arrays of line parts.

Input is a flat array of line vertices in the network layer's CRS (one entry
per line *part*), a direction code and a speed per part. The build

1. drops repeated vertices and reports parts that cannot carry a route;
2. optionally nodes the lines at every crossing (``split_at_crossings``);
3. makes a node wherever lines share a vertex (exactly, or within ``snap_tolerance``
   metres), at their ends or in their middle, splitting a line at every interior vertex
   it shares; lines that only cross without a shared vertex (bridges, tunnels) stay
   apart; line ends within the tolerance join (lines cut at tile edges). The tolerance
   is converted to the working CRS's unit (feet for a state plane CRS);
4. measures every segment in metres (ellipsoidal with pyproj.Geod, as QGIS's
   QgsDistanceArea does for the native network tools, or planar);
5. contracts chains of edges through nodes where only two edges meet and the
   direction rules agree into *links*. A link is a polyline with a cumulative
   length and time per vertex; Dijkstra then runs on junctions only, which is
   what makes thousands of queries cheap on real data digitised with many
   intermediate nodes. Positions along links keep the exact costs.
"""
from __future__ import annotations

import hashlib

import numpy as np

from ..errors import QT_TRANSLATE_NOOP
from ..progress import Progress, check_canceled
from .model import BACKWARD, BOTH, FORWARD, NetworkError, NetworkSettings, Problem, RoadNetwork
from .projection import Measure, metres_per_unit, transformers, working_crs_wkt


def fingerprint(coords, offsets, features, directions, speeds, crs_wkt: str, settings: NetworkSettings) -> str:
    """A key that changes whenever the network input or its settings change (for the cache)."""
    digest = hashlib.sha1()
    for array in (coords, offsets, features, directions, speeds):
        digest.update(np.ascontiguousarray(array).tobytes())
    digest.update(crs_wkt.encode())
    digest.update(repr(settings).encode())
    return digest.hexdigest()


def build_network(
    coords: np.ndarray,
    offsets: np.ndarray,
    features: np.ndarray,
    directions: np.ndarray,
    speeds_kmh: np.ndarray,
    crs_wkt: str,
    settings: NetworkSettings,
    progress: Progress | None = None,
) -> RoadNetwork:
    """Build a :class:`RoadNetwork` from line parts.

    *coords* (M, 2) holds the vertices of all parts in the layer CRS *crs_wkt*, part *i*
    being ``coords[offsets[i]:offsets[i + 1]]``; *features* the source feature id of each
    part, *directions* a code per part (BOTH, FORWARD, BACKWARD), *speeds_kmh* a speed per
    part (NaN where the data has none: the default speed is used and reported).
    """
    coords = np.asarray(coords, dtype=float).reshape(-1, 2)
    offsets = np.asarray(offsets, dtype=np.int64)
    features = np.asarray(features, dtype=np.int64)
    directions = np.asarray(directions, dtype=np.int8)
    speeds_kmh = np.asarray(speeds_kmh, dtype=float)
    n_parts = len(offsets) - 1
    if n_parts <= 0:
        raise NetworkError(
            QT_TRANSLATE_NOOP("CoreErrors", "the network has no lines"), code="network_empty")
    if not (len(features) == len(directions) == len(speeds_kmh) == n_parts):
        raise NetworkError(
            QT_TRANSLATE_NOOP("CoreErrors", "one feature id, direction and speed is needed per line part"),
            code="network_arrays")
    if np.any((directions < 0) | (directions > 2)):
        raise NetworkError(
            QT_TRANSLATE_NOOP("CoreErrors", "direction codes must be 0 (both), 1 (forward) or 2 (backward)"),
            code="network_direction_code")

    work_wkt = working_crs_wkt(crs_wkt, coords)
    to_work, _ = transformers(crs_wkt, work_wkt)
    if to_work is not None:
        x, y = to_work.transform(coords[:, 0], coords[:, 1])
        coords = np.column_stack([x, y])
    if not np.all(np.isfinite(coords)):
        raise NetworkError(
            QT_TRANSLATE_NOOP("CoreErrors", "the network has coordinates that are not finite numbers"),
            code="network_not_finite")
    problems: list[Problem] = []

    # 1. parts without repeated vertices (vectorised: one pass over all vertices)
    part_of = np.repeat(np.arange(n_parts), np.diff(offsets))
    coords, part_of = _dedupe(coords, part_of)
    counts = np.bincount(part_of, minlength=n_parts)
    for i in np.nonzero(counts < 2)[0]:
        problems.append(Problem(int(features[i]), "too_short", True))
    keep = counts[part_of] >= 2
    coords, part_of = coords[keep], part_of[keep]
    check_canceled(progress)

    # 2. optional noding at crossings
    run_of = part_of
    if settings.split_at_crossings and len(coords):
        coords, part_of, run_of = _split_at_crossings(coords, part_of)
    check_canceled(progress)
    if len(coords) == 0:
        raise NetworkError(
            QT_TRANSLATE_NOOP("CoreErrors", "the network has no line with two distinct vertices"),
            code="network_no_line")

    # 3. nodes where lines share a vertex (exactly, or within the tolerance) and at line ends: a line is
    # split at every interior vertex it shares with another line (OSM ways meet in their middle); lines
    # that only cross without a shared vertex (bridges, tunnels) stay apart. Ends within the tolerance
    # join (lines cut at tile edges).
    piece_id = _piece_ids(run_of)
    # the tolerance is in metres, the coordinates in the working CRS's unit (feet for a state plane CRS)
    labels, rep_xy = _vertex_clusters(coords, piece_id, settings.snap_tolerance / metres_per_unit(work_wkt))
    coords, piece_id, part_of, labels = _split_at_shared(coords, piece_id, part_of, labels)
    n_pieces = int(piece_id[-1]) + 1
    p_off = np.concatenate([[0], np.cumsum(np.bincount(piece_id, minlength=n_pieces))])
    first, last = p_off[:-1], p_off[1:] - 1
    end_labels = np.empty(2 * n_pieces, np.int64)
    end_labels[0::2], end_labels[1::2] = labels[first], labels[last]
    used_labels, node_of_end = np.unique(end_labels, return_inverse=True)
    node_of_end = node_of_end.ravel()
    node_xy = rep_xy[used_labels]
    e_u, e_v = node_of_end[0::2], node_of_end[1::2]
    coords = coords.copy()
    coords[first], coords[last] = node_xy[e_u], node_xy[e_v]
    coords, piece_id = _dedupe(coords, piece_id)
    counts = np.bincount(piece_id, minlength=n_pieces)
    src_part = part_of[p_off[:-1]]
    good = counts >= 2
    # a feature is left out when none of its pieces is kept (a short piece between two junctions of a
    # kept line collapsing into one node is no loss); one problem per feature
    kept_parts = np.zeros(n_parts, bool)
    kept_parts[src_part[good]] = True
    kept_features = set(features[kept_parts].tolist())
    for f in np.unique(features[src_part[~good]]).tolist():
        if f not in kept_features:
            problems.append(Problem(int(f), "collapsed", True))
    for f in np.unique(features[src_part[good & (e_u == e_v)]]).tolist():
        problems.append(Problem(int(f), "self_loop", False))
    if not good.any():
        raise NetworkError(
            QT_TRANSLATE_NOOP("CoreErrors", "every line of the network is shorter than the snapping tolerance"),
            code="network_all_collapsed")
    keep = good[piece_id]
    e_xy = coords[keep]
    new_id = np.cumsum(good) - 1
    vert_edge = new_id[piece_id[keep]]
    e_u, e_v, e_src = e_u[good], e_v[good], src_part[good]
    n_edges = len(e_u)
    e_off = np.concatenate([[0], np.cumsum(np.bincount(vert_edge, minlength=n_edges))])
    check_canceled(progress)

    # 4. measure segments, speeds
    measure = Measure(work_wkt, settings.ellipsoid)
    seg_len = np.zeros(len(e_xy))
    idx = np.nonzero(vert_edge[:-1] == vert_edge[1:])[0]
    seg_len[idx] = measure.between(e_xy[idx], e_xy[idx + 1])
    e_feature = features[e_src]
    if settings.mode == "walk":
        e_dir = np.zeros(n_edges, np.int8)
        e_speed = np.full(n_edges, settings.walk_speed)
    else:
        e_dir = directions[e_src]
        kmh = speeds_kmh[e_src]
        bad = ~(np.isfinite(kmh) & (kmh > 0))
        for f in np.unique(e_feature[bad]).tolist():  # one problem per feature, not per edge
            problems.append(Problem(int(f), "speed_default", False))
        e_speed = np.where(bad, settings.default_speed, kmh) / 3.6
    check_canceled(progress)

    # 5. contract chains of edges into links (vertex order built with numpy)
    chains = _chains(e_u, e_v, e_dir, len(node_xy))
    check_canceled(progress)
    c_edge = np.array([e for chain in chains for e, _ in chain], dtype=np.int64)
    c_rev = np.array([r for chain in chains for _, r in chain], dtype=bool)
    c_len = np.array([len(chain) for chain in chains], dtype=np.int64)
    c_link = np.repeat(np.arange(len(chains)), c_len)
    c_first = np.zeros(len(c_edge), bool)
    c_first[np.cumsum(c_len) - c_len] = True
    n_v = e_off[c_edge + 1] - e_off[c_edge]
    total = int(n_v.sum())
    rep = np.repeat(np.arange(len(c_edge)), n_v)
    local = np.arange(total) - np.repeat(np.cumsum(n_v) - n_v, n_v)
    rev_r = c_rev[rep]
    vidx = np.where(rev_r, e_off[c_edge + 1][rep] - 1 - local, e_off[c_edge][rep] + local)
    keepv = (local > 0) | c_first[rep]
    vidx, rep, local, rev_r = vidx[keepv], rep[keepv], local[keepv], rev_r[keepv]
    v_link = c_link[rep]
    v_edge = c_edge[rep]
    # length of the segment arriving at each vertex (0 at a link's first vertex)
    prev = np.where(rev_r, vidx + 1, vidx - 1)
    inc = np.where(local > 0, seg_len[np.minimum(vidx, prev)], 0.0)
    inc_t = inc / e_speed[v_edge]
    link_off = np.concatenate([[0], np.cumsum(np.bincount(v_link, minlength=len(chains)))]).astype(np.int64)
    starts = link_off[:-1]
    cum_len = np.cumsum(inc)
    cum_len -= np.repeat(cum_len[starts], np.diff(link_off))
    cum_time = np.cumsum(inc_t)
    cum_time -= np.repeat(cum_time[starts], np.diff(link_off))
    seg_edge = np.empty(len(vidx), np.int64)
    seg_edge[:-1] = v_edge[1:]
    seg_edge[link_off[1:] - 1] = -1
    seg_speed = np.empty(len(vidx))
    seg_speed[:-1] = e_speed[v_edge[1:]]
    seg_speed[link_off[1:] - 1] = np.nan
    f_edge, f_rev = c_edge[c_first], c_rev[c_first]
    last_pos = np.cumsum(c_len) - 1
    l_edge, l_rev = c_edge[last_pos], c_rev[last_pos]
    link_u = np.where(f_rev, e_v[f_edge], e_u[f_edge])
    link_v = np.where(l_rev, e_u[l_edge], e_v[l_edge])
    d = e_dir[f_edge]
    flipped = np.where(d == FORWARD, BACKWARD, np.where(d == BACKWARD, FORWARD, BOTH))
    link_dir = np.where(f_rev, flipped, d).astype(np.int8)
    # only link ends stay nodes (nodes inside chains are now link vertices)
    used, remap = np.unique(np.concatenate([link_u, link_v]), return_inverse=True)
    remap = remap.ravel()
    link_u, link_v = remap[:len(link_u)], remap[len(link_u):]
    node_xy = node_xy[used]
    network = RoadNetwork(
        crs_wkt=work_wkt,
        layer_crs_wkt=crs_wkt,
        node_xy=node_xy,
        link_u=link_u.astype(np.int64),
        link_v=link_v.astype(np.int64),
        link_fwd=link_dir != BACKWARD,
        link_bwd=link_dir != FORWARD,
        link_off=link_off,
        xy=e_xy[vidx],
        cum_len=cum_len,
        cum_time=cum_time,
        seg_edge=seg_edge,
        seg_speed=seg_speed,
        edge_feature=e_feature,
        settings=settings,
        problems=problems,
        input_parts=n_parts,
    )
    network.component = _components(network)
    return network


def _dedupe(coords: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Drop vertices equal to the previous vertex of the same line."""
    if len(coords) < 2:
        return coords, group
    keep = np.ones(len(coords), bool)
    keep[1:] = np.any(coords[1:] != coords[:-1], axis=1) | (group[1:] != group[:-1])
    return coords[keep], group[keep]


def _piece_ids(part_of: np.ndarray) -> np.ndarray:
    """Consecutive number of each run of equal part ids (pieces of split parts are separate runs)."""
    change = np.ones(len(part_of), bool)
    change[1:] = part_of[1:] != part_of[:-1]
    return np.cumsum(change) - 1


def _vertex_clusters(coords: np.ndarray, piece_id: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Cluster label of every vertex and the coordinates of each cluster (its first vertex).

    With tolerance 0 vertices at exactly the same place share a label (one ``np.unique``). Above 0,
    vertices of different lines within the tolerance join, and so do line ends (a line's own vertices
    never chain together on their own, so a densely digitised line is not collapsed).
    """
    n = len(coords)
    if tolerance > 0:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components
        from scipy.spatial import cKDTree

        is_end = np.zeros(n, bool)
        is_end[0] = is_end[-1] = True
        change = piece_id[1:] != piece_id[:-1]
        is_end[1:] |= change
        is_end[:-1] |= change
        pairs = cKDTree(coords).query_pairs(tolerance, output_type="ndarray").reshape(-1, 2)
        a, b = pairs[:, 0], pairs[:, 1]
        ok = (piece_id[a] != piece_id[b]) | (is_end[a] & is_end[b])
        a, b = a[ok], b[ok]
        graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
    else:
        # one complex number per vertex: a 1-D unique, much faster than rows (axis=0)
        _, labels = np.unique(coords[:, 0] + 1j * coords[:, 1], return_inverse=True)
        labels = labels.ravel()
    _, first = np.unique(labels, return_index=True)
    return labels.astype(np.int64), coords[first]


def _split_at_shared(coords, piece_id, part_of, labels):
    """Cut pieces at every interior vertex whose cluster holds another vertex (of another line, or of the
    same line passing again); the vertex ends one piece and starts the next."""
    n = len(coords)
    count = np.bincount(labels)
    interior = np.ones(n, bool)
    change = piece_id[1:] != piece_id[:-1]
    interior[0] = interior[-1] = False
    interior[1:] &= ~change
    interior[:-1] &= ~change
    split = interior & (count[labels] >= 2)
    if not split.any():
        return coords, piece_id, part_of, labels
    rep = 1 + split.astype(np.int64)
    idx = np.repeat(np.arange(n), rep)
    start = np.zeros(n, bool)
    start[0] = True
    start[1:] = change
    second = np.zeros(len(idx), bool)
    second[1:] = idx[1:] == idx[:-1]
    brk = start[idx] & ~second | second
    new_piece = np.cumsum(brk) - 1
    return coords[idx], new_piece, part_of[idx], labels[idx]


def _flip(direction: int) -> int:
    return {BOTH: BOTH, FORWARD: BACKWARD, BACKWARD: FORWARD}[int(direction)]


def _chains(e_u, e_v, e_dir, n_nodes) -> list[list[tuple[int, bool]]]:
    """Group edges into chains through nodes where exactly two edges meet with matching rules.

    Each chain is a list of (edge, reversed). Written by hand: networkx has no
    direction-aware chain contraction, and this loop is linear in the edges.
    """
    n_edges = len(e_u)
    degree = np.bincount(np.concatenate([e_u, e_v]), minlength=n_nodes)
    incident: dict[int, list[tuple[int, int]]] = {}
    for e in range(n_edges):
        for end, node in ((0, int(e_u[e])), (1, int(e_v[e]))):
            if degree[node] == 2:
                incident.setdefault(node, []).append((e, end))

    def through(node: int, edge: int) -> tuple[int, int] | None:
        """The other (edge, end) at a mergeable degree-2 node, or None."""
        pair = incident.get(node)
        if not pair or len(pair) != 2 or pair[0][0] == pair[1][0]:
            return None
        (e1, end1), (e2, end2) = pair
        if e1 != edge:
            (e1, end1), (e2, end2) = (e2, end2), (e1, end1)
        # e1 leaves through end1, e2 enters through end2: same orientation iff end1 != end2
        d1, d2 = int(e_dir[e1]), int(e_dir[e2])
        if end1 == end2:
            d2 = _flip(d2)
        return (e2, end2) if d1 == d2 else None

    used = np.zeros(n_edges, bool)

    def extend(edge: int, forward: bool) -> list[tuple[int, bool]]:
        """The edges beyond the end (forward) or before the start of *edge*, nearest first, marked used."""
        out = []
        reverse = False
        while True:
            node = int(e_u[edge] if reverse == forward else e_v[edge])
            nxt = through(node, edge)
            if nxt is None or used[nxt[0]]:
                return out
            edge, end = nxt
            # forward: entered through its end, walk it backwards; backward: arriving at its start means
            # walking forward it comes before
            reverse = end == int(forward)
            used[edge] = True
            out.append((edge, reverse))

    chains = []
    for start in range(n_edges):
        if used[start]:
            continue
        used[start] = True
        ahead = extend(start, forward=True)
        behind = extend(start, forward=False)
        chain = behind[::-1] + [(start, False)] + ahead
        chains.append(chain)
    return chains


def _components(network: RoadNetwork) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = network.n_nodes
    graph = coo_matrix((np.ones(network.n_links), (network.link_u, network.link_v)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels


def _split_at_crossings(coords: np.ndarray, part_of: np.ndarray):
    """Node all lines at their crossings with shapely, keeping each piece's source part and direction.

    Returns vertices, source part and a run id per vertex (a new run per piece).
    """
    from shapely.geometry import LineString, Point
    from shapely.ops import unary_union

    from ..spatial import BoxIndex

    bounds = np.concatenate([[0], np.nonzero(part_of[1:] != part_of[:-1])[0] + 1, [len(part_of)]])
    lines = [LineString(coords[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]
    owners = [int(part_of[a]) for a in bounds[:-1]]
    noded = unary_union(lines)
    pieces = list(getattr(noded, "geoms", [noded]))
    tree = BoxIndex(lines)
    out_xy, out_part = [], []
    for piece in pieces:
        mid = piece.interpolate(0.5, normalized=True)
        k = min(tree.query(mid.buffer(1e-6)), key=lambda j: lines[j].distance(mid), default=None)
        if k is None:
            continue
        best = lines[k]
        c = np.asarray(piece.coords)[:, :2]
        if best.project(Point(c[0])) > best.project(Point(c[-1])):
            c = c[::-1]
        out_xy.append(c)
        out_part.append(np.full(len(c), owners[k]))
    # pieces must stay separate runs even when two pieces of one part follow each other:
    # order by part, and use a run id that changes at every piece
    run = np.concatenate([np.full(len(c), i) for i, c in enumerate(out_xy)])
    part = np.concatenate(out_part)
    order = np.argsort(part, kind="stable")
    return np.concatenate(out_xy)[order], part[order], run[order]


def part_lengths(coords, offsets, crs_wkt: str, ellipsoid: tuple[float, float] | None) -> np.ndarray:
    """Length in metres of every line part (*coords*, *offsets* as for :func:`build_network`), measured as
    the network measures its edges (for the log of roads left out)."""
    coords = np.asarray(coords, dtype=float).reshape(-1, 2)
    offsets = np.asarray(offsets, dtype=np.int64)
    n_parts = len(offsets) - 1
    if n_parts <= 0 or len(coords) == 0:
        return np.zeros(max(n_parts, 0))
    work_wkt = working_crs_wkt(crs_wkt, coords)
    to_work, _ = transformers(crs_wkt, work_wkt)
    if to_work is not None:
        x, y = to_work.transform(coords[:, 0], coords[:, 1])
        coords = np.column_stack([x, y])
    part_of = np.repeat(np.arange(n_parts), np.diff(offsets))
    idx = np.nonzero(part_of[:-1] == part_of[1:])[0]
    seg = Measure(work_wkt, ellipsoid).between(coords[idx], coords[idx + 1])
    return np.bincount(part_of[idx], weights=seg, minlength=n_parts)
