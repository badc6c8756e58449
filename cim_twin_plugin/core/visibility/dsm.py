"""Burning building footprints into a DEM: the surface (DSM) that sight lines hit.

Each building becomes its ground level plus its height on the cells whose
centre lies inside its footprint (rasterio's rasterize, GDAL underneath). The
ground level is the lowest (default) or the mean DEM value under the
footprint. Buildings smaller than a cell still block: they take the cell that
holds a point on their surface. Where footprints overlap the taller roof wins.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from ..progress import Progress, check_canceled
from ..spatial import polygonal_part
from .grid import Grid

BASES = ("lowest", "mean")

#: why a building is not on the surface (English, context ``CoreErrors``: the bridge translates)
NO_GEOMETRY = QT_TRANSLATE_NOOP("CoreErrors", "no geometry")
NO_HEIGHT = QT_TRANSLATE_NOOP("CoreErrors", "no height (empty, zero or negative)")
NOT_REPAIRABLE = QT_TRANSLATE_NOOP("CoreErrors", "invalid footprint that cannot be repaired")
NOT_POLYGON = QT_TRANSLATE_NOOP("CoreErrors", "not a polygon")
OUTSIDE = QT_TRANSLATE_NOOP("CoreErrors", "outside the DEM")
HIDDEN = QT_TRANSLATE_NOOP("CoreErrors", "hidden under taller overlapping buildings")
ON_NODATA = QT_TRANSLATE_NOOP("CoreErrors", "stands on nodata cells of the DEM")


@dataclass
class BurnResult:
    """What burning did: the labels raster and every building's fate."""

    labels: np.ndarray
    """int32 raster: building number (index + 1) on its cells, 0 elsewhere"""
    base: np.ndarray
    """ground level under each building (NaN if skipped), by input index"""
    roof: np.ndarray
    """ground + height of each building (NaN if skipped), by input index"""
    cells: np.ndarray
    """cells each building occupies in the DSM (0 if skipped or overdrawn by a taller one)"""
    skipped: dict = field(default_factory=dict)
    """input index -> reason for buildings not burnt"""
    repaired: int = 0
    """invalid footprints that were repaired (make_valid) and burnt"""
    burnt: int = 0
    """buildings on the DSM"""


def burn_buildings(
    grid: Grid,
    geometries,
    heights,
    base: str = "lowest",
    progress: Progress | None = None,
) -> BurnResult:
    """Raise *grid*'s array in place to ground + height under every building.

    *geometries*: shapely (multi)polygons in the grid's CRS, one per building;
    *heights*: metres above ground (None/NaN/<= 0 = no height: skipped and counted); the DEM in metres
    too (the grid's horizontal unit does not matter here).
    """
    from rasterio.features import rasterize
    from rasterio.transform import Affine

    if base not in BASES:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "unknown base {base}: use one of {bases}"),
                              code="dsm_base", base=repr(base), bases=", ".join(BASES))
    n = len(geometries)
    heights = np.array([np.nan if h is None else float(h) for h in heights], dtype=np.float64)
    skipped: dict[int, str] = {}
    repaired = 0
    shapes = []
    for i, geom in enumerate(geometries):
        if i % 5000 == 0:
            check_canceled(progress)
        if geom is None or geom.is_empty:
            skipped[i] = NO_GEOMETRY
            continue
        if not math.isfinite(heights[i]) or heights[i] <= 0:
            skipped[i] = NO_HEIGHT
            continue
        if not geom.is_valid:
            geom = make_valid(geom)
            geom = polygonal_part(geom)
            if geom is None:
                skipped[i] = NOT_REPAIRABLE
                continue
            repaired += 1
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            skipped[i] = NOT_POLYGON
            continue
        shapes.append((i, geom))
    # taller buildings drawn last win where footprints overlap
    shapes.sort(key=lambda item: heights[item[0]])
    transform = Affine.from_gdal(*grid.geotransform)
    rows, cols = grid.shape
    labels = np.zeros((rows, cols), dtype=np.int32)
    if shapes:
        labels = rasterize(((g, i + 1) for i, g in shapes), out_shape=(rows, cols), transform=transform,
                           fill=0, dtype="int32", all_touched=False)
    check_canceled(progress)
    cells = np.bincount(labels.ravel(), minlength=n + 1)[1:].astype(np.int64)
    # small buildings: the cell of a point on their surface, if no building holds it
    for i, geom in shapes:
        if cells[i] == 0:
            point = geom.representative_point()
            row, col = grid.cell_of(point.x, point.y)
            if not grid.inside(row, col):
                skipped[i] = OUTSIDE
            elif labels[row, col] == 0:
                labels[row, col] = i + 1
                cells[i] = 1
    terrain = grid.array
    valid = ~np.isnan(terrain) & (labels > 0)  # building cells only: the background's level is not needed
    flat_labels = labels[valid]
    flat_terrain = terrain[valid].astype(np.float64)
    counts = np.bincount(flat_labels, minlength=n + 1)
    if base == "mean":
        sums = np.bincount(flat_labels, weights=flat_terrain, minlength=n + 1)
        with np.errstate(invalid="ignore", divide="ignore"):
            ground = sums / counts
    else:
        ground = np.full(n + 1, np.inf)
        order = np.argsort(flat_labels, kind="stable")
        sorted_labels = flat_labels[order]
        starts = np.flatnonzero(np.r_[True, sorted_labels[1:] != sorted_labels[:-1]]) if sorted_labels.size else []
        if len(starts):
            mins = np.minimum.reduceat(flat_terrain[order], starts)
            ground[sorted_labels[starts]] = mins
        ground[counts == 0] = np.nan
        del order, sorted_labels
    ground = ground[1:]
    del flat_labels, flat_terrain
    burnt_mask = np.zeros(n + 1, dtype=bool)
    for i, _ in shapes:
        if i in skipped:
            continue
        if cells[i] == 0:
            skipped[i] = HIDDEN
        elif not math.isfinite(ground[i]):
            skipped[i] = ON_NODATA
        else:
            burnt_mask[i + 1] = True
    roof = ground + heights
    roof[~burnt_mask[1:]] = np.nan
    ground = np.where(burnt_mask[1:], ground, np.nan)
    lookup = np.concatenate([[np.nan], roof]).astype(np.float32)
    on = labels > 0
    # labels of skipped buildings are cleared so they neither block nor get counted
    dropped = ~burnt_mask
    dropped[0] = False
    if dropped.any():
        labels[on & dropped[labels]] = 0
        on = labels > 0
    terrain[on] = lookup[labels[on]]
    cells[~burnt_mask[1:]] = 0
    return BurnResult(labels, ground, roof, cells, skipped, repaired, int(burnt_mask.sum()))


def make_valid(geom):
    """GEOS's repair of an invalid geometry (shapely 1.8 and 2 spell it differently)."""
    try:
        from shapely.validation import make_valid as repair
    except ImportError:  # pragma: no cover (very old shapely)
        return geom.buffer(0)
    return repair(geom)
