"""Service areas: the parts of the network reachable from each facility within cost bands.

For every piece of link between two nodes, the part reachable from a node with
cost d is the stretch whose cost from that node is at most (band - d); parts
reachable from both ends are joined. Edge parts are therefore exact: every
point of an output part is within the band, no point outside one is.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from ..progress import Progress, check_canceled
from .graph import QueryGraph, pos_at_time
from .routes import CHUNK, _dijkstra, connector_cost
from .snap import Snapped


@dataclass
class ServiceArea:
    """Reachable network of one facility within one cost band."""

    facility: int
    """index of the facility point"""
    band: float
    """the band's upper cost (metres or seconds)"""
    link: np.ndarray
    """link of every reachable part"""
    lo: np.ndarray
    """metres along the link where the part starts"""
    hi: np.ndarray
    """metres along the link where the part ends"""
    coords: np.ndarray
    """(n, 2) vertices of all parts, in the working CRS"""
    offsets: np.ndarray
    """part k is coords[offsets[k]:offsets[k + 1]]"""
    metres_per_unit: float = 1.0
    """metres in one unit of the working CRS the coordinates are in"""

    @property
    def length(self) -> float:
        """metres of reachable network"""
        return float((self.hi - self.lo).sum())


def check_bands(bands) -> list[float]:
    """Sorted distinct positive bands of a list or of a text ("300,500;1000"); a clear error for 0, negative
    or non-numeric values."""
    if isinstance(bands, str):
        bands = [v for v in bands.replace(";", ",").split(",") if v.strip()]
    values = []
    for value in bands:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "cost band '{value}' is not a number"),
                                  code="band_not_a_number", value=value) from None
        if not np.isfinite(number) or number <= 0:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "cost band '{value}' must be more than 0"),
                                  code="band_not_positive", value=value)
        values.append(number)
    if not values:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "no cost band given"), code="band_missing")
    return sorted(set(values))


def reachable_parts(graph: QueryGraph, dist: np.ndarray, band: float, toward: bool = False):
    """(piece, lo, hi) of every reachable part for node costs *dist* (inf = not reached)."""
    a, b = graph.piece_a, graph.piece_b
    lo, hi, link = graph.piece_lo, graph.piece_hi, graph.piece_link
    allow_a = graph.piece_bwd if toward else graph.piece_fwd
    allow_b = graph.piece_fwd if toward else graph.piece_bwd
    da, db = dist[a], dist[b]
    reach_a = allow_a & (da <= band)
    reach_b = allow_b & (db <= band)
    idx = np.nonzero(reach_a | reach_b)[0]
    ra = np.where(reach_a[idx], band - da[idx], -1.0)
    rb = np.where(reach_b[idx], band - db[idx], -1.0)
    lo_i, hi_i, link_i = lo[idx], hi[idx], link[idx]
    if graph.cost == "length":
        xa = lo_i + ra
        xb = hi_i - rb
    else:
        t_lo = graph.piece_t_lo[idx]
        t_hi = t_lo + graph.piece_time[idx]
        xa = np.where(ra >= 0, pos_at_time(graph.network, link_i, t_lo + np.maximum(ra, 0)), lo_i)
        xb = np.where(rb >= 0, pos_at_time(graph.network, link_i, t_hi - np.maximum(rb, 0)), hi_i)
    xa = np.where(ra >= 0, np.minimum(xa, hi_i), lo_i)
    xb = np.where(rb >= 0, np.maximum(xb, lo_i), hi_i)
    whole = (ra >= 0) & (rb >= 0) & (xa >= xb)
    part_a = ~whole & (ra >= 0) & (xa > lo_i)
    part_b = ~whole & (rb >= 0) & (xb < hi_i)
    pieces = np.concatenate([idx[whole], idx[part_a], idx[part_b]])
    p_lo = np.concatenate([lo_i[whole], lo_i[part_a], xb[part_b]])
    p_hi = np.concatenate([hi_i[whole], xa[part_a], hi_i[part_b]])
    return pieces, p_lo, p_hi


def part_coords(graph: QueryGraph, links: np.ndarray, lo: np.ndarray, hi: np.ndarray):
    """Vertices of many link stretches at once: flat (n, 2) coordinates and offsets."""
    net = graph.network
    glen, _, len_base, _ = _axes(net)
    g_lo, g_hi = len_base[links] + lo, len_base[links] + hi
    first = np.searchsorted(glen, g_lo, side="right")
    last = np.searchsorted(glen, g_hi, side="left")
    inner = np.maximum(last - first, 0)
    sizes = inner + 2
    offsets = np.concatenate([[0], np.cumsum(sizes)])
    coords = np.empty((offsets[-1], 2))
    start_x = np.interp(g_lo, glen, net.xy[:, 0])
    start_y = np.interp(g_lo, glen, net.xy[:, 1])
    end_x = np.interp(g_hi, glen, net.xy[:, 0])
    end_y = np.interp(g_hi, glen, net.xy[:, 1])
    coords[offsets[:-1]] = np.column_stack([start_x, start_y])
    coords[offsets[1:] - 1] = np.column_stack([end_x, end_y])
    total_inner = int(inner.sum())
    if total_inner:
        part = np.repeat(np.arange(len(links)), inner)
        k = np.arange(total_inner) - np.repeat(np.cumsum(inner) - inner, inner)
        coords[offsets[:-1][part] + 1 + k] = net.xy[first[part] + k]
    return coords, offsets


def _axes(network):
    from .graph import _axes as axes

    return axes(network)


def service_areas(
    graph: QueryGraph,
    facilities: Snapped,
    facility_nodes: np.ndarray,
    bands,
    toward: bool = False,
    geometry: bool = True,
    progress: Progress | None = None,
) -> tuple[list[ServiceArea], dict[int, tuple[np.ndarray, np.ndarray]]]:
    """Reachable network parts of every attached facility for every band (nested: a band holds
    everything within its cost), and the junction nodes reached within the largest band
    as {facility: (nodes, costs)}.

    ``toward``: the cost of travelling *to* the facility (one-way streets reversed).
    The facility's own connector is counted.
    """
    bands = check_bands(bands)
    top = bands[-1]
    matrix = graph.transposed() if toward else graph.matrix
    conn = connector_cost(graph, facilities)
    ok = np.nonzero(facilities.ok)[0]
    areas: list[ServiceArea] = []
    nodes_reached: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    n_junctions = graph.network.n_nodes
    unit = graph.network.metres_per_unit
    for start in range(0, len(ok), CHUNK):
        check_canceled(progress)
        chunk = ok[start:start + CHUNK]
        dist = _dijkstra(matrix, facility_nodes[chunk], limit=top, predecessors=False)
        for row, f in enumerate(chunk.tolist()):
            d = dist[row] + conn[f]
            for band in bands:
                pieces, lo, hi = reachable_parts(graph, d, band, toward)
                links = graph.piece_link[pieces]
                if geometry:
                    coords, offsets = part_coords(graph, links, lo, hi)
                else:
                    coords, offsets = np.zeros((0, 2)), np.zeros(1, np.int64)
                areas.append(ServiceArea(f, band, links, lo, hi, coords, offsets, unit))
            reached = np.nonzero(d[:n_junctions] <= top)[0]
            nodes_reached[f] = (reached, d[reached])
        if progress is not None:
            progress.set_progress(100.0 * min(start + CHUNK, len(ok)) / max(len(ok), 1))
    return areas, nodes_reached


def area_polygon(area: ServiceArea, buffer: float, quad_segs: int = 2):
    """Polygon around a service area's lines: a buffer of *buffer* metres (shapely/GEOS), in the working CRS.

    The buffer is converted to the CRS's unit (a 50 m buffer is 164 ft in a state plane CRS in feet).
    The parts are merged into continuous lines first (fewer end caps for GEOS to union).
    """
    from shapely.ops import linemerge

    if len(area.link) == 0:
        return None
    lines = [area.coords[a:b] for a, b in zip(area.offsets[:-1].tolist(), area.offsets[1:].tolist())]
    return linemerge(lines).buffer(buffer / area.metres_per_unit, quad_segs)


def area_m2(area: ServiceArea, polygon) -> float | None:
    """Square metres of a polygon of :func:`area_polygon` (its planar area in the working CRS, converted)."""
    if polygon is None:
        return None
    return float(polygon.area) * area.metres_per_unit ** 2
