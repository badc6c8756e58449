"""The road network model: built once from plain arrays, reused for many queries.

Input is a flat array of line vertices in the network layer's CRS (one entry
per line *part*), a direction code and a speed per part. The build

1. drops repeated vertices and reports parts that cannot carry a route;
2. optionally nodes the lines at every crossing (``split_at_crossings``);
3. merges line ends closer than ``snap_tolerance`` into one node;
4. measures every segment (ellipsoidal with pyproj.Geod, as QGIS's
   QgsDistanceArea does for the native network tools, or planar);
5. contracts chains of edges through nodes where only two edges meet and the
   direction rules agree into *links*. A link is a polyline with a cumulative
   length and time per vertex; Dijkstra then runs on junctions only, which is
   what makes thousands of queries cheap on real data digitised with many
   intermediate nodes. Positions along links keep the exact costs.

Coordinates stay in the layer CRS when it is projected (metres); a geographic
layer is worked on in its UTM zone so that snapping distances are in metres.
"""
from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field

import numpy as np

from ..crs import utm_epsg
from ..errors import ValidationError
from ..progress import Progress, check_canceled

BOTH, FORWARD, BACKWARD = 0, 1, 2
"""direction codes per line part: travel allowed both ways, in digitised direction, against it"""

EPS_POS = 1e-9
"""positions (in metres along a link) closer than this are the same place"""


class NetworkError(ValidationError):
    """The road network cannot be built (no usable lines, bad settings)."""


@dataclass(frozen=True)
class NetworkSettings:
    """How a line layer becomes a routable network (part of the cache key)."""

    snap_tolerance: float = 0.0
    """line ends closer than this (metres) become one node"""
    split_at_crossings: bool = False
    """node lines where they cross (off for data already noded, e.g. bridges over roads)"""
    mode: str = "drive"
    """'drive' follows one-way rules and speeds; 'walk' ignores one-way and uses walk_speed"""
    walk_speed: float = 1.2
    """walking speed in m/s (1.2 m/s: 5/10/15 minutes ~ 360/720/1080 m)"""
    default_speed: float = 30.0
    """km/h for parts without a valid speed (drive mode)"""
    ellipsoid: tuple[float, float] | None = None
    """(semi-major, semi-minor axis) in metres for ellipsoidal lengths; None = planar lengths"""

    def __post_init__(self):
        if not np.isfinite(self.snap_tolerance) or self.snap_tolerance < 0:
            raise NetworkError(f"snapping tolerance must be 0 or more, not {self.snap_tolerance}")
        if self.mode not in ("drive", "walk"):
            raise NetworkError(f"mode must be 'drive' or 'walk', not {self.mode!r}")
        if not (self.walk_speed > 0 and np.isfinite(self.walk_speed)):
            raise NetworkError(f"walking speed must be more than 0, not {self.walk_speed}")
        if not (self.default_speed > 0 and np.isfinite(self.default_speed)):
            raise NetworkError(f"default speed must be more than 0, not {self.default_speed}")


@dataclass
class Problem:
    """A line part (or feature) that needed attention during the build."""

    feature: int
    """feature id in the source layer"""
    code: str
    """'too_short' (fewer than two distinct vertices), 'collapsed' (shorter than the snapping
    tolerance), 'speed_default' (no valid speed: default used), 'self_loop' (kept)"""
    dropped: bool
    """True if the part is not in the network"""


@dataclass
class RoadNetwork:
    """A routable network: junction nodes and links (chains of edges) between them."""

    crs_wkt: str
    """WKT of the CRS coordinates are in (the layer CRS, or its UTM zone for geographic layers)"""
    layer_crs_wkt: str
    """WKT of the network layer's CRS (outputs are written in it)"""
    node_xy: np.ndarray
    """(N, 2) junction coordinates"""
    link_u: np.ndarray
    """start node of each link"""
    link_v: np.ndarray
    """end node of each link"""
    link_fwd: np.ndarray
    """bool: travel u -> v allowed"""
    link_bwd: np.ndarray
    """bool: travel v -> u allowed"""
    link_off: np.ndarray
    """(L + 1,) offsets of each link's vertices in the vertex arrays"""
    xy: np.ndarray
    """(V, 2) link vertices, link after link"""
    cum_len: np.ndarray
    """(V,) metres from the link start to each vertex"""
    cum_time: np.ndarray
    """(V,) seconds from the link start to each vertex"""
    seg_edge: np.ndarray
    """(V,) edge (line part) index of the segment starting at each vertex (-1 at a link's last vertex)"""
    seg_speed: np.ndarray
    """(V,) speed in m/s of the segment starting at each vertex"""
    edge_feature: np.ndarray
    """feature id of every edge (line part) kept"""
    settings: NetworkSettings
    """the settings it was built with"""
    problems: list[Problem] = field(default_factory=list)
    """parts dropped or changed, with a reason"""
    component: np.ndarray = field(default=None)
    """weakly connected component of every node"""
    input_parts: int = 0
    """line parts read"""
    segments: object = field(default=None, repr=False, compare=False)
    """nearest-segment index (:class:`.snap.SegmentIndex`), built by the first snap and kept with the network"""

    # -- derived ---------------------------------------------------------------------------
    @property
    def n_nodes(self) -> int:
        return len(self.node_xy)

    @property
    def n_links(self) -> int:
        return len(self.link_u)

    @property
    def n_edges(self) -> int:
        return len(self.edge_feature)

    @property
    def link_len(self) -> np.ndarray:
        return self.cum_len[self.link_off[1:] - 1]

    @property
    def link_time(self) -> np.ndarray:
        return self.cum_time[self.link_off[1:] - 1]

    @property
    def vert_link(self) -> np.ndarray:
        """link index of every vertex"""
        return np.repeat(np.arange(self.n_links), np.diff(self.link_off))

    def global_axes(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Strictly increasing length and time axes over all links (a gap of 1 between links).

        Returns (glen, gtime, len_base, time_base): position p on link i is glen value
        len_base[i] + p; ``np.interp`` between the axes converts positions to times and back
        for many links at once.
        """
        lens = self.link_len + 1.0
        times = self.link_time + 1.0
        len_base = np.concatenate([[0.0], np.cumsum(lens)[:-1]])
        time_base = np.concatenate([[0.0], np.cumsum(times)[:-1]])
        vl = self.vert_link
        return self.cum_len + len_base[vl], self.cum_time + time_base[vl], len_base, time_base

    def to_layer(self, xy: np.ndarray) -> np.ndarray:
        """Working-CRS coordinates as coordinates of the network layer's CRS."""
        _, back = transformers(self.layer_crs_wkt, self.crs_wkt)
        if back is None or len(xy) == 0:
            return xy
        x, y = back.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    def summary(self) -> dict:
        """Counts for the log."""
        return {
            "parts": self.input_parts,
            "edges": self.n_edges,
            "nodes": self.n_nodes,
            "links": self.n_links,
            "components": int(self.component.max() + 1) if self.n_nodes else 0,
            "dropped": sum(1 for p in self.problems if p.dropped),
        }


# -- lengths -------------------------------------------------------------------------------
class Measure:
    """Lengths between coordinate pairs in the working CRS: ellipsoidal (pyproj.Geod) or planar."""

    def __init__(self, crs_wkt: str, ellipsoid: tuple[float, float] | None):
        from pyproj import CRS, Geod, Transformer

        crs = CRS.from_wkt(crs_wkt)
        self.ellipsoidal = ellipsoid is not None
        if self.ellipsoidal:
            a, b = ellipsoid
            self.geod = Geod(a=a, b=b)
            self.to_lonlat = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
        units = crs.axis_info[0].unit_conversion_factor if crs.axis_info else 1.0
        self.unit = float(units or 1.0)

    def lonlat(self, xy: np.ndarray) -> np.ndarray:
        lon, lat = self.to_lonlat.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])

    def between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Length in metres from each point of *a* to the matching point of *b* ((n, 2) arrays)."""
        if len(a) == 0:
            return np.zeros(0)
        if self.ellipsoidal:
            la, lb = self.lonlat(a), self.lonlat(b)
            _, _, dist = self.geod.inv(la[:, 0], la[:, 1], lb[:, 0], lb[:, 1])
            return np.abs(np.asarray(dist, dtype=float))
        return np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]) * self.unit


def working_crs_wkt(layer_crs_wkt: str, coords: np.ndarray) -> str:
    """The CRS to build in: the layer's if projected, else the UTM zone where the data lies.

    The zone comes from the data's own median position (not the CRS's area of use,
    which for EPSG:4326 is the whole world), so snapping distances are true metres.
    """
    from pyproj import CRS

    crs = CRS.from_wkt(layer_crs_wkt)
    if crs.is_projected:
        return layer_crs_wkt
    finite = coords[np.all(np.isfinite(coords), axis=1)]
    lon, lat = (float(np.median(finite[:, 0])), float(np.median(finite[:, 1]))) if len(finite) else (0.0, 0.0)
    return CRS.from_epsg(utm_epsg(lon, lat)).to_wkt()


@functools.lru_cache(maxsize=16)
def transformers(layer_crs_wkt: str, work_crs_wkt: str) -> tuple[object | None, object | None]:
    """Transformers layer -> working CRS and back (None, None when they are the same)."""
    if layer_crs_wkt == work_crs_wkt:
        return None, None
    from pyproj import CRS, Transformer

    layer, work = CRS.from_wkt(layer_crs_wkt), CRS.from_wkt(work_crs_wkt)
    return (Transformer.from_crs(layer, work, always_xy=True), Transformer.from_crs(work, layer, always_xy=True))


# -- build ---------------------------------------------------------------------------------
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
        raise NetworkError("the network has no lines")
    if not (len(features) == len(directions) == len(speeds_kmh) == n_parts):
        raise NetworkError("one feature id, direction and speed is needed per line part")
    if np.any((directions < 0) | (directions > 2)):
        raise NetworkError("direction codes must be 0 (both), 1 (forward) or 2 (backward)")

    work_wkt = working_crs_wkt(crs_wkt, coords)
    to_work, _ = transformers(crs_wkt, work_wkt)
    if to_work is not None:
        x, y = to_work.transform(coords[:, 0], coords[:, 1])
        coords = np.column_stack([x, y])
    if not np.all(np.isfinite(coords)):
        raise NetworkError("the network has coordinates that are not finite numbers")
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
        raise NetworkError("the network has no line with two distinct vertices")

    # 3. nodes at line ends, merging ends within the tolerance
    piece_id = _piece_ids(run_of)
    n_pieces = int(piece_id[-1]) + 1
    p_off = np.concatenate([[0], np.cumsum(np.bincount(piece_id, minlength=n_pieces))])
    first, last = p_off[:-1], p_off[1:] - 1
    ends = np.empty((2 * n_pieces, 2))
    ends[0::2], ends[1::2] = coords[first], coords[last]
    node_of_end, node_xy = _cluster(ends, settings.snap_tolerance)
    e_u, e_v = node_of_end[0::2], node_of_end[1::2]
    coords = coords.copy()
    coords[first], coords[last] = node_xy[e_u], node_xy[e_v]
    coords, piece_id = _dedupe(coords, piece_id)
    counts = np.bincount(piece_id, minlength=n_pieces)
    src_part = part_of[p_off[:-1]]
    for k in np.nonzero(counts < 2)[0]:
        problems.append(Problem(int(features[src_part[k]]), "collapsed", True))
    for k in np.nonzero((counts >= 2) & (e_u == e_v))[0]:
        problems.append(Problem(int(features[src_part[k]]), "self_loop", False))
    good = counts >= 2
    if not good.any():
        raise NetworkError("every line of the network is shorter than the snapping tolerance")
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
        for f in e_feature[bad]:
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


def _flip(direction: int) -> int:
    return {BOTH: BOTH, FORWARD: BACKWARD, BACKWARD: FORWARD}[int(direction)]


def _cluster(points: np.ndarray, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Node index of every point and node coordinates (first point of each cluster)."""
    if tolerance > 0:
        from scipy.sparse import coo_matrix
        from scipy.sparse.csgraph import connected_components
        from scipy.spatial import cKDTree

        pairs = cKDTree(points).query_pairs(tolerance, output_type="ndarray")
        n = len(points)
        graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        _, labels = connected_components(graph, directed=False)
    else:
        _, labels = np.unique(points, axis=0, return_inverse=True)
        labels = labels.ravel()
    # renumber clusters in order of first appearance; the first point is the node
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    order = np.argsort(first)
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    return rank[inverse.ravel()], points[first[order]]


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
