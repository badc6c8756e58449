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
        _, _, back = working_crs(self.layer_crs_wkt)
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


@functools.lru_cache(maxsize=16)
def working_crs(layer_crs_wkt: str) -> tuple[str, object | None, object | None]:
    """The CRS to work in and transformers layer->working and back (None when they are the same)."""
    from pyproj import CRS, Transformer
    from pyproj.aoi import AreaOfInterest
    from pyproj.database import query_utm_crs_info

    crs = CRS.from_wkt(layer_crs_wkt)
    if crs.is_projected:
        return layer_crs_wkt, None, None
    area = crs.area_of_use
    lon, lat = ((area.west + area.east) / 2, (area.south + area.north) / 2) if area else (0.0, 0.0)
    infos = query_utm_crs_info(datum_name="WGS 84", area_of_interest=AreaOfInterest(lon, lat, lon, lat))
    utm = CRS.from_epsg(infos[0].code) if infos else CRS.from_epsg(3857)
    return (utm.to_wkt(), Transformer.from_crs(crs, utm, always_xy=True),
            Transformer.from_crs(utm, crs, always_xy=True))


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
    geographic_center: tuple[float, float] | None = None,
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

    work_wkt, to_work, _ = working_crs(crs_wkt)
    if to_work is not None:
        x, y = to_work.transform(coords[:, 0], coords[:, 1])
        coords = np.column_stack([x, y])
    if not np.all(np.isfinite(coords)):
        raise NetworkError("the network has coordinates that are not finite numbers")
    problems: list[Problem] = []

    # 1. parts as vertex lists without repeated vertices
    parts = []
    for i in range(n_parts):
        c = coords[offsets[i]:offsets[i + 1]]
        if len(c) > 1:
            keep = np.ones(len(c), bool)
            keep[1:] = np.any(c[1:] != c[:-1], axis=1)
            c = c[keep]
        if len(c) < 2:
            problems.append(Problem(int(features[i]), "too_short", True))
            continue
        parts.append((c, i))
    check_canceled(progress)

    # 2. optional noding at crossings
    if settings.split_at_crossings and parts:
        parts = _split_at_crossings(parts)
    check_canceled(progress)
    if not parts:
        raise NetworkError("the network has no line with two distinct vertices")

    # 3. nodes at line ends, merging ends within the tolerance
    ends = np.array([[c[0], c[-1]] for c, _ in parts]).reshape(-1, 2)
    node_of_end, node_xy = _cluster(ends, settings.snap_tolerance)
    part_u, part_v = node_of_end[0::2], node_of_end[1::2]
    kept = []
    for k, (c, i) in enumerate(parts):
        c = c.copy()
        c[0], c[-1] = node_xy[part_u[k]], node_xy[part_v[k]]
        keep = np.ones(len(c), bool)
        keep[1:] = np.any(c[1:] != c[:-1], axis=1)
        c = c[keep]
        if len(c) < 2:
            problems.append(Problem(int(features[i]), "collapsed", True))
            continue
        if part_u[k] == part_v[k]:
            problems.append(Problem(int(features[i]), "self_loop", False))
        kept.append((c, i, part_u[k], part_v[k]))
    if not kept:
        raise NetworkError("every line of the network is shorter than the snapping tolerance")
    check_canceled(progress)

    # 4. measure segments, speeds
    measure = Measure(work_wkt, settings.ellipsoid)
    e_off = np.concatenate([[0], np.cumsum([len(c) for c, *_ in kept])])
    e_xy = np.concatenate([c for c, *_ in kept])
    seg_a = np.ones(len(e_xy), bool)
    seg_a[e_off[1:] - 1] = False  # no segment starts at a part's last vertex
    seg_len = np.zeros(len(e_xy))
    idx = np.nonzero(seg_a)[0]
    seg_len[idx] = measure.between(e_xy[idx], e_xy[idx + 1])
    e_src = np.array([i for _, i, _, _ in kept])
    e_u = np.array([u for *_, u, _ in kept], dtype=np.int64)
    e_v = np.array([v for *_, v in kept], dtype=np.int64)
    e_feature = features[e_src]
    if settings.mode == "walk":
        e_dir = np.zeros(len(kept), np.int8)
        e_speed = np.full(len(kept), settings.walk_speed)
    else:
        e_dir = directions[e_src]
        kmh = speeds_kmh[e_src]
        bad = ~(np.isfinite(kmh) & (kmh > 0))
        for f in e_feature[bad]:
            problems.append(Problem(int(f), "speed_default", False))
        e_speed = np.where(bad, settings.default_speed, kmh) / 3.6
    check_canceled(progress)

    # 5. contract chains of edges into links
    chains = _chains(e_u, e_v, e_dir, len(node_xy))
    check_canceled(progress)
    xy_parts, len_parts, time_parts, edge_parts, speed_parts = [], [], [], [], []
    link_u, link_v, link_dir = [], [], []
    for chain in chains:
        xs, ls, ts, es, ss = [], [], [], [], []
        start_len = start_time = 0.0
        for edge, reverse in chain:
            a, b = e_off[edge], e_off[edge + 1]
            c = e_xy[a:b]
            s = seg_len[a:b - 1]
            if reverse:
                c, s = c[::-1], s[::-1]
            cl = start_len + np.concatenate([[0.0], np.cumsum(s)])
            ct = start_time + np.concatenate([[0.0], np.cumsum(s / e_speed[edge])])
            skip = 1 if xs else 0
            xs.append(c[skip:])
            ls.append(cl[skip:])
            ts.append(ct[skip:])
            es.append(np.full(len(c) - skip, edge))
            ss.append(np.full(len(c) - skip, e_speed[edge]))
            start_len, start_time = cl[-1], ct[-1]
        first_edge, first_rev = chain[0]
        last_edge, last_rev = chain[-1]
        link_u.append(e_v[first_edge] if first_rev else e_u[first_edge])
        link_v.append(e_u[last_edge] if last_rev else e_v[last_edge])
        d = e_dir[first_edge]
        link_dir.append(_flip(d) if first_rev else d)
        e_arr = np.concatenate(es)
        # the edge of the segment starting at a vertex is the next vertex's edge
        seg_e = np.empty_like(e_arr)
        seg_e[:-1] = e_arr[1:]
        seg_e[-1] = -1
        s_arr = np.concatenate(ss)
        seg_s = np.empty_like(s_arr)
        seg_s[:-1] = s_arr[1:]
        seg_s[-1] = np.nan
        xy_parts.append(np.concatenate(xs))
        len_parts.append(np.concatenate(ls))
        time_parts.append(np.concatenate(ts))
        edge_parts.append(seg_e)
        speed_parts.append(seg_s)
    link_off = np.concatenate([[0], np.cumsum([len(x) for x in xy_parts])]).astype(np.int64)
    link_dir = np.array(link_dir, dtype=np.int8)
    # only link ends stay nodes (nodes inside chains are now link vertices)
    used, remap = np.unique(np.concatenate([link_u, link_v]), return_inverse=True)
    remap = remap.ravel()
    link_u, link_v = remap[:len(link_u)], remap[len(link_u):]
    node_xy = node_xy[used]
    network = RoadNetwork(
        crs_wkt=work_wkt,
        layer_crs_wkt=crs_wkt,
        node_xy=node_xy,
        link_u=np.array(link_u, dtype=np.int64),
        link_v=np.array(link_v, dtype=np.int64),
        link_fwd=link_dir != BACKWARD,
        link_bwd=link_dir != FORWARD,
        link_off=link_off,
        xy=np.concatenate(xy_parts),
        cum_len=np.concatenate(len_parts),
        cum_time=np.concatenate(time_parts),
        seg_edge=np.concatenate(edge_parts),
        seg_speed=np.concatenate(speed_parts),
        edge_feature=e_feature,
        settings=settings,
        problems=problems,
        input_parts=n_parts,
    )
    network.component = _components(network)
    return network


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
    chains = []
    for start in range(n_edges):
        if used[start]:
            continue
        used[start] = True
        chain = [(start, False)]
        # extend forward from the end of the chain
        edge, reverse = start, False
        while True:
            node = int(e_u[edge] if reverse else e_v[edge])
            nxt = through(node, edge)
            if nxt is None or used[nxt[0]]:
                break
            edge, end = nxt
            reverse = end == 1  # entered through its end: walk it backwards
            used[edge] = True
            chain.append((edge, reverse))
        # extend backward from the start of the chain
        edge, reverse = start, False
        while True:
            node = int(e_v[edge] if reverse else e_u[edge])
            nxt = through(node, edge)
            if nxt is None or used[nxt[0]]:
                break
            edge, end = nxt
            reverse = end == 0  # we arrive at its start: walking forward means it comes before
            used[edge] = True
            chain.insert(0, (edge, reverse))
        chains.append(chain)
    return chains


def _components(network: RoadNetwork) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = network.n_nodes
    graph = coo_matrix((np.ones(network.n_links), (network.link_u, network.link_v)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels


def _split_at_crossings(parts: list[tuple[np.ndarray, int]]) -> list[tuple[np.ndarray, int]]:
    """Node all lines at their crossings with shapely, keeping each piece's source part and direction."""
    from shapely.geometry import LineString, Point
    from shapely.ops import unary_union
    from shapely.strtree import STRtree

    lines = [LineString(c) for c, _ in parts]
    noded = unary_union(lines)
    pieces = list(getattr(noded, "geoms", [noded]))
    tree = STRtree(lines)
    index_of = {id(line): k for k, line in enumerate(lines)}
    out = []
    for piece in pieces:
        mid = piece.interpolate(0.5, normalized=True)
        candidates = tree.query(mid.buffer(1e-6))
        best = min(candidates, key=lambda line: line.distance(mid), default=None)
        if best is None:
            continue
        k = index_of[id(best)]
        c = np.asarray(piece.coords)[:, :2]
        if best.project(Point(c[0])) > best.project(Point(c[-1])):
            c = c[::-1]
        out.append((c, parts[k][1]))
    return out
