"""Attach points to the nearest point on the nearest link segment (not only the nearest node)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import EPS_POS, RoadNetwork
from .projection import Measure, transformers


@dataclass
class Snapped:
    """Points attached to a network; rejected points have ``ok`` False and a reason code."""

    xy: np.ndarray
    """(P, 2) the points in the working CRS"""
    ok: np.ndarray
    """bool: attached"""
    reason: list
    """None, 'no_network_nearby' (beyond MAX_SNAP) or 'invalid' (not a finite point)"""
    link: np.ndarray
    """link of the nearest segment (-1 if rejected)"""
    pos: np.ndarray
    """metres along the link from its start to the attachment point"""
    snap_xy: np.ndarray
    """(P, 2) attachment point on the link"""
    connector_len: np.ndarray
    """metres from the point to its attachment point (counted in costs)"""
    connector_time: np.ndarray
    """seconds for the connector (at the walking speed, or the speed of the road it joins)"""
    distance: np.ndarray
    """distance to the nearest segment (NaN if invalid)"""


class SegmentIndex:
    """Nearest-segment search over all link segments, vectorised with scipy's cKDTree.

    Segments are sampled at the centres of sub-pieces no longer than ``step``; the
    nearest sample bounds the nearest segment's distance, and every segment within
    that bound + step/2 is then measured exactly. Written by hand because shapely
    1.8's STRtree has no vectorised nearest query, and per-point Python calls would
    dominate on 100,000-edge networks.
    """

    def __init__(self, network: RoadNetwork):
        from scipy.spatial import cKDTree

        starts = np.ones(len(network.xy), bool)
        starts[network.link_off[1:] - 1] = False
        self.seg = np.nonzero(starts)[0]
        a = network.xy[self.seg]
        b = network.xy[self.seg + 1]
        self.a, self.b = a, b
        lengths = np.hypot(*(b - a).T)
        self.step = max(float(np.median(lengths)) if len(lengths) else 1.0, 1e-6)
        count = np.maximum(1, np.ceil(lengths / self.step)).astype(np.int64)
        owner = np.repeat(np.arange(len(self.seg)), count)
        first = np.concatenate([[0], np.cumsum(count)[:-1]])
        within = np.arange(count.sum()) - np.repeat(first, count)
        frac = (within + 0.5) / count[owner]
        samples = a[owner] + (b[owner] - a[owner]) * frac[:, None]
        self.owner = owner
        self.half = 0.5 * (lengths / count)
        self.tree = cKDTree(samples)

    def nearest(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Index (into ``seg``), distance and parameter t in [0, 1] of the nearest segment."""
        n = len(points)
        if n == 0:
            return np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
        d0, _ = self.tree.query(points)
        radius = d0 + self.half.max() + 1e-9
        lists = self.tree.query_ball_point(points, radius)
        sizes = np.array([len(c) for c in lists])
        point_of = np.repeat(np.arange(n), sizes)
        cand = self.owner[np.concatenate([np.asarray(c, dtype=np.int64) for c in lists])]
        a, b, p = self.a[cand], self.b[cand], points[point_of]
        ab = b - a
        denom = np.einsum("ij,ij->i", ab, ab)
        t = np.clip(np.einsum("ij,ij->i", p - a, ab) / np.where(denom > 0, denom, 1.0), 0.0, 1.0)
        closest = a + ab * t[:, None]
        dist = np.hypot(*(p - closest).T)
        order = np.lexsort((cand, dist, point_of))
        first = order[np.concatenate([[True], point_of[order][1:] != point_of[order][:-1]])]
        return cand[first], dist[first], t[first]


def segment_index(network: RoadNetwork) -> SegmentIndex:
    """The network's :class:`SegmentIndex`: built on first use, then kept with the network (and so with a
    cached graph), so the origins and destinations of one run do not each build it."""
    if network.segments is None:
        network.segments = SegmentIndex(network)
    return network.segments


def snap_points(
    network: RoadNetwork,
    xy_layer_crs: np.ndarray,
    max_snap: float | None = None,
) -> Snapped:
    """Attach points (in the network layer's CRS) to their nearest segment.

    Points farther than *max_snap* metres (None = no limit) are rejected with the
    reason 'no_network_nearby'; non-finite points with 'invalid'.
    """
    points = np.asarray(xy_layer_crs, dtype=float).reshape(-1, 2)
    to_work, _ = transformers(network.layer_crs_wkt, network.crs_wkt)
    if to_work is not None and len(points):
        x, y = to_work.transform(points[:, 0], points[:, 1])
        points = np.column_stack([x, y])
    n = len(points)
    index = segment_index(network)
    valid = np.all(np.isfinite(points), axis=1)
    link = np.full(n, -1, np.int64)
    pos = np.full(n, np.nan)
    snap_xy = np.full((n, 2), np.nan)
    distance = np.full(n, np.nan)
    connector_len = np.full(n, np.nan)
    connector_time = np.full(n, np.nan)
    vi = np.nonzero(valid)[0]
    if len(vi):
        seg_i, dist, t = index.nearest(points[vi])
        vertex = index.seg[seg_i]
        a, b = network.xy[vertex], network.xy[vertex + 1]
        s = a + (b - a) * t[:, None]
        measure = Measure(network.crs_wkt, network.settings.ellipsoid)
        into = measure.between(a, s)
        seg_full = network.cum_len[vertex + 1] - network.cum_len[vertex]
        into = np.minimum(into, seg_full)
        into[t <= 0] = 0.0
        into[t >= 1] = seg_full[t >= 1]
        lk = network.vert_link[vertex]
        p = network.cum_len[vertex] + into
        conn = measure.between(points[vi], s)
        conn[dist <= 0] = 0.0
        if network.settings.mode == "walk":
            speed = np.full(len(vi), network.settings.walk_speed)
        else:
            speed = network.seg_speed[vertex]
        link[vi], pos[vi], snap_xy[vi], distance[vi] = lk, p, s, dist
        connector_len[vi] = conn
        connector_time[vi] = conn / speed
    ok = valid.copy()
    reason: list = [None if v else "invalid" for v in valid]
    if max_snap is not None:
        far = valid & (connector_len > max_snap)
        for i in np.nonzero(far)[0]:
            reason[i] = "no_network_nearby"
        ok &= ~far
    link[~ok] = -1
    # attachment exactly at a link end: the position is the end itself
    lens = network.link_len
    okl = np.nonzero(ok)[0]
    pos[okl] = np.where(pos[okl] < EPS_POS, 0.0, pos[okl])
    near_end = lens[link[okl]] - pos[okl] < EPS_POS
    pos[okl[near_end]] = lens[link[okl[near_end]]]
    return Snapped(points, ok, reason, link, pos, snap_xy, connector_len, connector_time, distance)
