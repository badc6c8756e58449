"""Line of sight between pairs of points on a surface, with the first obstruction.

The sight line runs from the observer's eye (surface + height at its cell) to
the target (surface + height at its cell). The surface is sampled every half
cell, heights interpolated bilinearly between cell centres; samples in the
observer's cell and within one cell of the target are left out (the target's
own roof or slope does not hide it). Curvature lowers the surface by c * d**2.

Points are in the grid's CRS; distances answered are in metres (``Grid.unit``
converts a foot CRS), heights in metres. A reason is an English text marked
for translation in the context ``CoreErrors`` (the bridge translates it).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..errors import QT_TRANSLATE_NOOP
from ..progress import Progress, check_canceled
from .grid import Grid

REASONS = {
    ("observer", "outside"): QT_TRANSLATE_NOOP("CoreErrors", "the observer lies outside the DEM"),
    ("target", "outside"): QT_TRANSLATE_NOOP("CoreErrors", "the target lies outside the DEM"),
    ("observer", "nodata"): QT_TRANSLATE_NOOP("CoreErrors", "the observer stands on a nodata cell of the DEM"),
    ("target", "nodata"): QT_TRANSLATE_NOOP("CoreErrors", "the target stands on a nodata cell of the DEM"),
}


@dataclass
class SightLine:
    """The answer for one observer-target pair (distances in metres)."""

    visible: bool | None
    """None when the pair cannot be computed (see reason)"""
    distance: float
    """horizontal distance observer - target"""
    obstruction: tuple[float, float, float] | None = None
    """(x, y, surface z) of the first point that blocks the view"""
    obstruction_distance: float | None = None
    """horizontal distance from the observer to that point"""
    reason: str | None = None


def sight_line(grid: Grid, ox: float, oy: float, oh: float, tx: float, ty: float, th: float,
               curv: float = 0.0) -> SightLine:
    """Whether the target is visible from the observer on *grid* (NaN = nodata, never blocks).

    *oh*, *th* in metres; *curv* per metre (:func:`~.viewshed.curvature_factor`).
    """
    unit = grid.unit
    distance = math.hypot(tx - ox, ty - oy)  # CRS units
    metres = distance * unit
    cells = []
    for name, (x, y) in (("observer", (ox, oy)), ("target", (tx, ty))):
        row, col = grid.cell_of(x, y)
        if not grid.inside(row, col):
            return SightLine(None, metres, reason=REASONS[name, "outside"])
        if math.isnan(grid.array[row, col]):
            return SightLine(None, metres, reason=REASONS[name, "nodata"])
        cells.append((row, col))
    (orow, ocol), (trow, tcol) = cells
    z_o = float(grid.array[orow, ocol]) + oh
    z_t = float(grid.array[trow, tcol]) + th - curv * metres * metres
    step = 0.5 * min(grid.cell_x, grid.cell_y)
    if distance <= step:
        return SightLine(True, metres)
    count = int(math.ceil(distance / step))
    t = np.arange(1, count) / count
    d = t * distance
    skip_start = 0.5 * max(grid.cell_x, grid.cell_y)
    skip_end = distance - max(grid.cell_x, grid.cell_y)
    keep = (d > skip_start) & (d < skip_end)
    t, d = t[keep], d[keep]
    if t.size == 0:
        return SightLine(True, metres)
    x = ox + (tx - ox) * t
    y = oy + (ty - oy) * t
    z = grid.heights_at(x, y)
    d_m = d * unit
    surface = np.where(np.isnan(z), -np.inf, z - curv * d_m * d_m)
    line = z_o + (z_t - z_o) * t
    blocked = np.flatnonzero(surface > line + 1e-6)
    if blocked.size == 0:
        return SightLine(True, metres)
    k = blocked[0]
    return SightLine(False, metres, (float(x[k]), float(y[k]), float(z[k])), float(d_m[k]))


def sight_lines(grid: Grid, pairs, curv: float = 0.0, progress: Progress | None = None) -> list[SightLine]:
    """:func:`sight_line` for every (ox, oy, oh, tx, ty, th) in *pairs*."""
    out = []
    total = max(1, len(pairs))
    for i, pair in enumerate(pairs):
        if i % 200 == 0:
            check_canceled(progress)
            if progress:
                progress.set_progress(100.0 * i / total)
        out.append(sight_line(grid, *pair, curv=curv))
    return out
