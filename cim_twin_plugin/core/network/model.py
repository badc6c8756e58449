"""The road network model: its settings, the problems found while building it, the built network.

Plain dataclasses; :mod:`.build` makes a :class:`RoadNetwork` from line parts and
:mod:`.projection` says which CRS it is worked in and in which unit. Every length,
position and distance stored here is in metres.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from .projection import metres_per_unit, transformers

BOTH, FORWARD, BACKWARD = 0, 1, 2
"""direction codes per line part: travel allowed both ways, in digitised direction, against it"""

EPS_POS = 1e-9
"""positions (in metres along a link) closer than this are the same place"""


class NetworkError(ValidationError):
    """The road network cannot be built (no usable lines, bad settings)."""

    code = "network"


@dataclass(frozen=True)
class NetworkSettings:
    """How a line layer becomes a routable network (part of the cache key)."""

    snap_tolerance: float = 0.0
    """vertices of different lines (and line ends) closer than this (metres) become one node"""
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
            raise NetworkError(QT_TRANSLATE_NOOP("CoreErrors", "snapping tolerance must be 0 or more, not {value}"),
                               code="network_snap_tolerance", value=self.snap_tolerance)
        if self.mode not in ("drive", "walk"):
            raise NetworkError(QT_TRANSLATE_NOOP("CoreErrors", "mode must be 'drive' or 'walk', not '{value}'"),
                               code="network_mode", value=self.mode)
        if not (self.walk_speed > 0 and np.isfinite(self.walk_speed)):
            raise NetworkError(QT_TRANSLATE_NOOP("CoreErrors", "walking speed must be more than 0, not {value}"),
                               code="network_walk_speed", value=self.walk_speed)
        if not (self.default_speed > 0 and np.isfinite(self.default_speed)):
            raise NetworkError(QT_TRANSLATE_NOOP("CoreErrors", "default speed must be more than 0, not {value}"),
                               code="network_default_speed", value=self.default_speed)


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
    def metres_per_unit(self) -> float:
        """Metres in one unit of the working CRS (1 unless a projected layer is in feet or another unit)."""
        return metres_per_unit(self.crs_wkt)

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

