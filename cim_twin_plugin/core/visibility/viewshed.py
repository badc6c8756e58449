"""Viewsheds from one or many observers on a surface (DEM or building DSM).

Two engines compute which cells a sight line reaches:

- ``fast``: GDAL's viewshed (``osgeo.gdal.ViewshedGenerate``), unchanged; for one
  observer without angle limits the result is GDAL's own output;
- ``exact``: our sight-line sweep (:mod:`.sweep`), which agrees with a
  brute-force line-of-sight reference to >= 0.95 IoU among buildings where
  GDAL's line-by-line approximation does not.

Radius, view cone (azimuth, horizontal field of view), vertical angle limits,
several observers (counted per cell, computed in a process pool on every core)
and per-building statistics are ours in both modes.

Units: x/y and the grid's cells are in the CRS's units (``Grid.unit`` metres
each: feet in a US state plane CRS); every distance of an :class:`Observer`
(radius) and every height is in metres. Azimuths are degrees clockwise from
grid north.
"""
from __future__ import annotations

import math
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import numpy as np

from .. import pool
from ..errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..progress import Progress, check_canceled
from .grid import Grid, cell_of, gdal_exceptions
from .sweep import LOW, exact_visibility

MODES = ("fast", "exact")
#: refraction coefficient of light near the ground (GDAL's 0.85714 = 1 - 1/7 is another common choice)
DEFAULT_REFRACTION = 0.13
EARTH_RADIUS = 6378137.0
NODATA_SINGLE = 255
NODATA_COUNT = 65535


@dataclass
class Observer:
    """One viewpoint with its own limits (all distances in metres, angles in degrees)."""

    x: float
    """x in the grid's CRS"""
    y: float
    """y in the grid's CRS"""
    height: float = 1.6
    """eye height above the surface at the observer's cell"""
    target_height: float = 0.0
    """height above the surface of what is looked at"""
    radius: float | None = None
    """maximum distance in metres; None = the whole raster"""
    azimuth: float = 0.0
    """centre of the view, clockwise from north"""
    hfov: float = 360.0
    """horizontal field of view (0-360); 360 = all around"""
    vangle_up: float = 90.0
    """highest elevation angle seen above the horizontal"""
    vangle_down: float = 90.0
    """lowest depression angle seen below the horizontal"""
    label: str = ""
    """how messages name the observer (e.g. 'feature 12')"""

    def has_angle_limits(self) -> bool:
        return self.hfov < 360.0 or self.vangle_up < 90.0 or self.vangle_down < 90.0


@dataclass
class ViewshedResult:
    """Visibility on the grid: 1/0 for one observer, counts of observers for several."""

    array: np.ndarray
    """uint8 (one observer: 1 visible, 0 not) or uint16 (count of observers); nodata outside range"""
    nodata: int
    """value of cells outside every observer's range or on nodata"""
    visible_cells: list[int] = field(default_factory=list)
    """cells each observer sees, in observer order"""
    seen_labels: list[np.ndarray] = field(default_factory=list)
    """per observer: the building labels (> 0) it sees at least one cell of (when labels were given)"""
    workers: int = 1
    """processes that computed the views"""
    notes: list = field(default_factory=list)
    """core Messages for the log, e.g. why one core was used"""


def validate_observer(grid: Grid, observer: Observer) -> ValidationError | None:
    """Why *observer* cannot be used on *grid* (an error to raise or to report), or None."""
    name = observer.label or "observer"
    if not math.isfinite(observer.height):
        return ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{name}: the observer height is not a number"),
                               code="observer_height", name=name)
    if not math.isfinite(observer.target_height):
        return ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{name}: the target height is not a number"),
                               code="target_height", name=name)
    if not math.isfinite(observer.azimuth):
        return ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{name}: the azimuth is not a number"),
                               code="azimuth", name=name)
    if observer.radius is not None and not (observer.radius > 0 and math.isfinite(observer.radius)):
        return ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "{name}: the radius must be greater than 0 (got {radius:g} m)"),
            code="radius_range", name=name, radius=observer.radius)
    if not 0.0 < observer.hfov <= 360.0:
        return ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "{name}: the horizontal field of view must be between 0 and 360 "
                                            "degrees (got {hfov:g})"),
            code="hfov_range", name=name, hfov=observer.hfov)
    if not -90.0 <= observer.vangle_up <= 90.0:
        return ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "{name}: the upward vertical angle must be between -90 and 90 "
                                            "degrees (got {value:g})"),
            code="vangle_range", name=name, value=observer.vangle_up)
    if not -90.0 <= observer.vangle_down <= 90.0:
        return ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "{name}: the downward vertical angle must be between -90 and 90 "
                                            "degrees (got {value:g})"),
            code="vangle_range", name=name, value=observer.vangle_down)
    if -observer.vangle_down > observer.vangle_up:
        return ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "{name}: the vertical angles leave no view (up {up:g}, down {down:g})"),
            code="vangle_empty", name=name, up=observer.vangle_up, down=observer.vangle_down)
    if not (math.isfinite(observer.x) and math.isfinite(observer.y)):
        return ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{name}: the point has no valid coordinates"),
                               code="observer_coordinates", name=name)
    row, col = grid.cell_of(observer.x, observer.y)
    if not grid.inside(row, col):
        return ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "{name} lies outside the DEM ({x:.1f}, {y:.1f}): move it onto the raster"),
            code="observer_outside", name=name, x=observer.x, y=observer.y)
    if math.isnan(grid.array[row, col]):
        return ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors", "{name} stands on a nodata cell of the DEM: move it onto valid terrain"),
            code="observer_nodata", name=name)
    return None


def curvature_factor(curvature: bool, refraction: float, radius: float = EARTH_RADIUS) -> float:
    """c in z' = z - c * d**2: earth curvature reduced by refraction, or 0."""
    return (1.0 - refraction) / (2.0 * radius) if curvature else 0.0


def window_of(grid: Grid, observer: Observer) -> tuple[int, int, int, int]:
    """(row0, row1, col0, col1) of the cells within the observer's radius (exclusive ends)."""
    rows, cols = grid.shape
    if observer.radius is None:
        return 0, rows, 0, cols
    row, col = grid.cell_of(observer.x, observer.y)
    reach = observer.radius / grid.unit  # metres -> CRS units
    dr = int(math.ceil(reach / grid.cell_y)) + 1
    dc = int(math.ceil(reach / grid.cell_x)) + 1
    return max(0, row - dr), min(rows, row + dr + 1), max(0, col - dc), min(cols, col + dc + 1)


def limit_mask(surface: np.ndarray, window, grid_gt, observer: Observer, z_observer: float,
               curv: float, apply_radius: bool, unit: float = 1.0) -> np.ndarray:
    """True where the observer's radius, view cone and vertical angles allow a view (one window).

    *unit*: metres per CRS unit of the geotransform.
    """
    r0, r1, c0, c1 = window
    row, col = cell_of(grid_gt, observer.x, observer.y)
    ys = ((np.arange(r0, r1) - row) * grid_gt[5] * unit)[:, None]  # metres north (+) of the observer cell
    xs = ((np.arange(c0, c1) - col) * grid_gt[1] * unit)[None, :]  # metres east (+)
    mask = np.ones((r1 - r0, c1 - c0), dtype=bool)
    dist2 = xs * xs + ys * ys
    if apply_radius and observer.radius is not None:
        mask &= dist2 <= observer.radius ** 2
    if observer.hfov < 360.0:
        azimuth = np.degrees(np.arctan2(xs, ys)) % 360.0  # clockwise from grid north
        azimuth = np.broadcast_to(azimuth, mask.shape)
        diff = np.abs((azimuth - observer.azimuth + 180.0) % 360.0 - 180.0)
        mask &= diff <= observer.hfov / 2.0 + 1e-9
    if observer.vangle_up < 90.0 or observer.vangle_down < 90.0:
        dist = np.sqrt(dist2)
        with np.errstate(invalid="ignore", divide="ignore"):
            rise = surface + observer.target_height - curv * dist2 - z_observer
            angle = np.degrees(np.arctan2(rise, dist))
        mask &= (angle <= observer.vangle_up + 1e-9) & (angle >= -observer.vangle_down - 1e-9)
    if 0 <= row - r0 < mask.shape[0] and 0 <= col - c0 < mask.shape[1]:
        mask[row - r0, col - c0] = True
    return mask


def single_view(surface: np.ndarray, gt, observer: Observer, mode: str, curv: float,
                has_nodata: bool = True, unit: float = 1.0) -> tuple[tuple, np.ndarray]:
    """Visibility of one observer: (window, uint8 array of the window with 1/0/255).

    *surface* is the whole grid with nodata set to ``LOW``; *unit* metres per CRS unit.
    Cells outside the radius get 255 (nodata); the view cone and vertical limits turn cells to 0.
    """
    grid = Grid(surface, gt, "", unit=unit)
    window = window_of(grid, observer)
    r0, r1, c0, c1 = window
    row, col = grid.cell_of(observer.x, observer.y)
    z_observer = float(surface[row, col]) + observer.height
    sub = surface[r0:r1, c0:c1]
    cell_x, cell_y = grid.cell_x * unit, grid.cell_y * unit  # metres
    if mode == "fast":
        vis = _gdal_view(surface, gt, observer, curv, window, unit)
    else:
        reach = None
        if observer.radius is not None:
            reach = int(math.ceil(observer.radius / min(cell_x, cell_y))) + 1
        vis = exact_visibility(sub, row - r0, col - c0, observer.height, observer.target_height,
                               cell_x, cell_y, reach, curv)
        if observer.radius is not None:
            ys = ((np.arange(r0, r1) - row) * cell_y)[:, None]
            xs = ((np.arange(c0, c1) - col) * cell_x)[None, :]
            vis[xs * xs + ys * ys > observer.radius ** 2] = NODATA_SINGLE
    if observer.has_angle_limits():
        mask = limit_mask(sub, window, gt, observer, z_observer, curv, apply_radius=False, unit=unit)
        vis[(~mask) & (vis == 1)] = 0
    if has_nodata:
        vis[sub <= LOW / 2] = NODATA_SINGLE
    return window, vis


def _gdal_view(surface: np.ndarray, gt, observer: Observer, curv: float, window, unit: float = 1.0) -> np.ndarray:
    """GDAL's viewshed of the whole surface, cut to *window* (1/0, 255 outside GDAL's range)."""
    from osgeo import gdal_array

    with gdal_exceptions() as gdal:
        # a MEM dataset over the array itself (no copy of the surface per observer)
        dataset = gdal_array.OpenArray(np.ascontiguousarray(surface))
        dataset.SetGeoTransform(tuple(gt))
        # GDAL's coefficient (1 - refraction), 0 = flat; GDAL measures distances in CRS units: d_m = unit * d
        coeff = curv * 2.0 * EARTH_RADIUS * unit * unit
        result = gdal.ViewshedGenerate(
            dataset.GetRasterBand(1), "MEM", "", [], observer.x, observer.y, observer.height,
            observer.target_height, 1, 0, NODATA_SINGLE, NODATA_SINGLE, coeff, gdal.GVM_Edge,
            (observer.radius or 0.0) / unit,
        )
        out = result.GetRasterBand(1).ReadAsArray()
    r0, r1, c0, c1 = window
    rgt = result.GetGeoTransform()
    if out.shape == (r1 - r0, c1 - c0) and rgt[0] == gt[0] + c0 * gt[1] and rgt[3] == gt[3] + r0 * gt[5]:
        return out
    vis = np.full((r1 - r0, c1 - c0), NODATA_SINGLE, dtype=np.uint8)
    orow = int(round((rgt[3] - gt[3]) / gt[5]))
    ocol = int(round((rgt[0] - gt[0]) / gt[1]))
    # overlap of GDAL's output window with ours
    a0, a1 = max(r0, orow), min(r1, orow + out.shape[0])
    b0, b1 = max(c0, ocol), min(c1, ocol + out.shape[1])
    if a0 < a1 and b0 < b1:
        vis[a0 - r0:a1 - r0, b0 - c0:b1 - c0] = out[a0 - orow:a1 - orow, b0 - ocol:b1 - ocol]
    return vis


def viewshed(
    grid: Grid,
    observers: Sequence[Observer],
    mode: str = "exact",
    curvature: bool = False,
    refraction: float = DEFAULT_REFRACTION,
    labels: np.ndarray | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> ViewshedResult:
    """Visibility of every cell of *grid* from *observers* (validated beforehand).

    One observer: uint8, 1 visible / 0 not / 255 outside the radius or on nodata.
    Several: uint16 count of the observers that see each cell, 65535 where no
    observer's range reaches or on nodata. *labels* (int32 raster of building
    numbers, 0 = none) makes each observer report which buildings it sees.
    The grid's NaNs are replaced by a low value (the array is reused to save memory).
    """
    if mode not in MODES:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "unknown viewshed algorithm {mode}: use one of {modes}"),
                              code="viewshed_mode", mode=repr(mode), modes=", ".join(MODES))
    if not observers:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "there is no observer to compute a viewshed from"),
                              code="no_observer")
    for observer in observers:
        problem = validate_observer(grid, observer)
        if problem is not None:
            raise problem
    curv = curvature_factor(curvature, refraction)
    nodata_mask = np.isnan(grid.array)
    has_nodata = bool(nodata_mask.any())
    if has_nodata:
        np.copyto(grid.array, np.float32(LOW), where=nodata_mask)
    else:
        nodata_mask = None
    surface = grid.array
    gt = grid.geotransform
    if len(observers) == 1:
        check_canceled(progress)
        window, vis = single_view(surface, gt, observers[0], mode, curv, has_nodata, grid.unit)
        if vis.shape == grid.shape:
            out = vis
        else:
            out = np.full(grid.shape, NODATA_SINGLE, dtype=np.uint8)
            r0, r1, c0, c1 = window
            out[r0:r1, c0:c1] = vis
        if has_nodata:
            out[nodata_mask] = NODATA_SINGLE
        seen = [_seen(labels, window, vis)] if labels is not None else []
        if progress:
            progress.set_progress(100.0)
        return ViewshedResult(out, NODATA_SINGLE, [int(np.count_nonzero(vis == 1))], seen)

    counts = np.zeros(grid.shape, dtype=np.uint16)
    covered = np.zeros(grid.shape, dtype=bool)
    visible_cells = [0] * len(observers)
    seen_labels: list = [None] * len(observers)
    tasks = [(i, observer) for i, observer in enumerate(observers)]
    done = 0
    notes: list = []
    used = [1]
    for part in map_chunks(surface, gt, tasks, mode, curv, labels, has_nodata, progress, workers, grid.unit,
                           notes, used):
        counts += part.counts
        covered |= part.covered
        for index, cells, seen in zip(part.indices, part.visible_cells, part.seen):
            visible_cells[index] = cells
            seen_labels[index] = seen
        done += len(part.indices)
        if progress:
            progress.set_progress(100.0 * done / len(observers))
    counts[~covered] = NODATA_COUNT
    if has_nodata:
        counts[nodata_mask] = NODATA_COUNT
    return ViewshedResult(counts, NODATA_COUNT, visible_cells, seen_labels if labels is not None else [],
                          used[0], notes)


@dataclass
class Accumulated:
    """The summed views of a group of observers."""

    indices: list
    """observer indices in this group"""
    counts: np.ndarray
    """uint16 number of the group's observers that see each cell"""
    covered: np.ndarray
    """bool: inside the range of at least one observer of the group"""
    visible_cells: list
    """cells each observer sees"""
    seen: list
    """building labels each observer sees (None without labels)"""


def accumulate(surface: np.ndarray, gt, tasks, mode: str, curv: float, labels: np.ndarray | None = None,
               has_nodata: bool = True, progress: Progress | None = None, unit: float = 1.0) -> Accumulated:
    """Views of the (index, observer) *tasks* summed on the grid (one process)."""
    counts = np.zeros(surface.shape, dtype=np.uint16)
    covered = np.zeros(surface.shape, dtype=bool)
    result = Accumulated([], counts, covered, [], [])
    for index, observer in tasks:
        check_canceled(progress)
        window, vis = single_view(surface, gt, observer, mode, curv, has_nodata, unit)
        r0, r1, c0, c1 = window
        seen = vis == 1
        counts[r0:r1, c0:c1] += seen
        covered[r0:r1, c0:c1] |= vis != NODATA_SINGLE
        result.indices.append(index)
        result.visible_cells.append(int(np.count_nonzero(seen)))
        result.seen.append(_seen(labels, window, vis) if labels is not None else None)
    return result


def _seen(labels: np.ndarray, window, vis: np.ndarray) -> np.ndarray:
    r0, r1, c0, c1 = window
    ids = labels[r0:r1, c0:c1][vis == 1]
    return np.unique(ids[ids > 0])


def building_visibility(labels: np.ndarray, n_buildings: int,
                        result: ViewshedResult) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per building label 1..n: (footprint cells, visible cells, observers that see it)."""
    flat = labels.ravel()
    cells = np.bincount(flat, minlength=n_buildings + 1)
    visible = (result.array != result.nodata) & (result.array > 0)
    seen_cells = np.bincount(flat, weights=visible.ravel(), minlength=n_buildings + 1).astype(np.int64)
    observers = np.zeros(n_buildings + 1, dtype=np.int64)
    for ids in result.seen_labels:
        if ids is not None and len(ids):
            observers[ids] += 1
    return cells, seen_cells, observers


def area_polygons(result: ViewshedResult, geotransform) -> list[tuple[bytes, int]]:
    """The visible area as polygons (WKB in the grid's CRS) with the number of observers that see
    them: one per connected patch of cells of one count (GDAL Polygonize); unseen cells are left out."""
    from osgeo import ogr

    counts = np.where(result.array == result.nodata, 0, result.array).astype(np.int32)
    rows, cols = counts.shape
    with gdal_exceptions() as gdal:
        raster = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Int32)
        raster.SetGeoTransform(tuple(geotransform))
        band = raster.GetRasterBand(1)
        band.WriteArray(counts)
        vector = ogr.GetDriverByName("Memory").CreateDataSource("")
        layer = vector.CreateLayer("area", None, ogr.wkbPolygon)
        layer.CreateField(ogr.FieldDefn("observers", ogr.OFTInteger))
        gdal.Polygonize(band, band, layer, 0)  # the band is its own mask: cells seen by no observer (0) stay out
        return [(bytes(polygon.GetGeometryRef().ExportToWkb()), polygon.GetField(0)) for polygon in layer]


# ---- many observers on every core (the generic pool is core.pool) ----

_SURFACES: dict[str, np.ndarray] = {}


def _chunk_task(args):
    """Worker: the summed views of a group of observers on the mapped surface."""
    path, labels_path, gt, tasks, mode, curv, has_nodata, unit = args
    surface = _load(path)
    labels = _load(labels_path) if labels_path else None
    part = accumulate(surface, gt, tasks, mode, curv, labels, has_nodata, unit=unit)
    part.covered = np.packbits(part.covered)  # 1 bit per cell through the pipe
    return part


def _load(path: str) -> np.ndarray:
    array = _SURFACES.get(path)
    if array is None:
        array = _SURFACES.setdefault(path, np.asarray(np.load(path, mmap_mode="r")))
    return array


def _chunks(tasks, workers: int) -> list:
    """Groups of observers: a few per worker, so progress moves and the load stays even."""
    count = min(len(tasks), workers * 4)
    return [tasks[k::count] for k in range(count)]


def map_chunks(surface: np.ndarray, gt, tasks, mode: str, curv: float, labels: np.ndarray | None = None,
               has_nodata: bool = True, progress: Progress | None = None, workers: int | None = None,
               unit: float = 1.0, notes: list | None = None, used: list | None = None) -> Iterator[Accumulated]:
    """Yield :class:`Accumulated` parts that together cover every (index, observer) task.

    The surface is saved once as a .npy file that every worker maps read-only (one copy in the
    page cache). *notes* receives a Message when the work falls back to one core;
    ``used[0]`` is set to the number of processes.
    """
    notes = notes if notes is not None else []
    used = used if used is not None else [1]
    workers = min(workers or pool.cpu_count(), len(tasks))
    used[0] = 1
    if workers <= 1:
        yield accumulate(surface, gt, tasks, mode, curv, labels, has_nodata, progress, unit)
        return
    folder = tempfile.mkdtemp(prefix="cimtwin_viewshed_")
    path = os.path.join(folder, "surface.npy")
    labels_path = os.path.join(folder, "labels.npy") if labels is not None else ""
    executor = None
    pending = {index: observer for index, observer in tasks}
    try:
        np.save(path, surface)
        if labels is not None:
            np.save(labels_path, labels)
        try:
            executor = pool.spawn_executor(workers)
        except OSError as exc:
            notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "Worker processes cannot be started ({error}): "
                                                                 "the observers are computed on one core."),
                                 error=str(exc)))
        if executor is not None:
            used[0] = workers
            futures = [executor.submit(_chunk_task, (path, labels_path, tuple(gt), chunk, mode, curv, has_nodata,
                                                     unit))
                       for chunk in _chunks(tasks, workers)]
            try:
                for future in as_completed(futures):
                    check_canceled(progress)
                    part = future.result()
                    part.covered = np.unpackbits(part.covered, count=surface.size).astype(bool).reshape(surface.shape)
                    for index in part.indices:
                        pending.pop(index, None)
                    yield part
            except BrokenProcessPool:
                # workers could not start (e.g. an embedded interpreter without a script path):
                # finish the remaining observers here, one core, same results
                used[0] = 1
                notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "The worker processes stopped: the remaining "
                                                                     "observers are computed on one core.")))
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)
    if pending:
        yield accumulate(surface, gt, sorted(pending.items(), key=lambda item: item[0]), mode, curv, labels,
                         has_nodata, progress, unit)
