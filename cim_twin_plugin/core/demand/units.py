"""Which unit (polygon) each point lies in, vectorised (1,000,000 points without a Python loop per point)."""
from __future__ import annotations

import numpy as np


def _covers_xy(polygon, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """bool per point: *polygon* covers it (inside or on its border), on shapely 1.8 and 2.x alike."""
    try:
        from shapely import contains_xy, intersects_xy  # shapely 2

        return contains_xy(polygon, x, y) | intersects_xy(polygon.boundary, x, y)
    except ImportError:
        from shapely import vectorized

        return vectorized.contains(polygon, x, y) | vectorized.touches(polygon, x, y)


def assign_units(xy: np.ndarray, polygons: list) -> tuple[np.ndarray, int]:
    """(per point the position of the first polygon of *polygons* covering it, -1 for none or a point that is
    not finite; the number of points covered by more than one polygon). Polygons may be None (no geometry)."""
    xy = np.asarray(xy, float).reshape(-1, 2)
    out = np.full(len(xy), -1, np.int64)
    hits = np.zeros(len(xy), np.int64)
    finite = np.all(np.isfinite(xy), axis=1)
    for k, polygon in enumerate(polygons):
        if polygon is None or polygon.is_empty:
            continue
        x0, y0, x1, y1 = polygon.bounds
        box = np.nonzero(finite & (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1))[0]
        if not len(box):
            continue
        inside = box[_covers_xy(polygon, xy[box, 0], xy[box, 1])]
        hits[inside] += 1
        first = inside[out[inside] < 0]
        out[first] = k
    return out, int((hits > 1).sum())
