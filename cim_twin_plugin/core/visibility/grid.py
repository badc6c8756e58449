"""Rasters as numpy grids: reading and writing with GDAL, reprojection of geographic DEMs.

A :class:`Grid` is a north-up raster held as a float32 array (NaN = nodata)
with its geotransform and CRS. GDAL does the file work (it is the one raster
library every QGIS has); reading is one block read, writing is tiled and
compressed and goes to a temporary file first so that a failed run leaves no
partial output.
"""
from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np

from ..crs import metres_per_unit, utm_epsg
from ..errors import QT_TRANSLATE_NOOP, Message, TooLargeError, ValidationError

#: refuse rasters with more cells than this unless the caller raises the limit
DEFAULT_MAX_CELLS = 100_000_000


def cell_of(geotransform, x: float, y: float) -> tuple[int, int]:
    """(row, col) of the cell of a GDAL *geotransform* that contains the map point (may lie outside)."""
    gt = geotransform
    return int(math.floor((y - gt[3]) / gt[5])), int(math.floor((x - gt[0]) / gt[1]))


@dataclass
class Grid:
    """A north-up raster in memory."""

    array: np.ndarray
    """float32 heights, shape (rows, cols); NaN where the source had nodata"""
    geotransform: tuple
    """GDAL geotransform (x0, cell_x, 0, y0, 0, -cell_y)"""
    crs_wkt: str
    """the CRS as WKT (never empty: rasters without a CRS are refused)"""
    notes: list = field(default_factory=list)
    """what was done on reading (reprojected from a geographic CRS, heights in feet), as core Messages"""
    unit: float = 1.0
    """metres per unit of the CRS (0.3048 in a foot CRS, 1200/3937 in US survey feet)"""

    @property
    def note(self) -> str:
        """:attr:`notes` in English, one line each ('' when nothing was done)."""
        return "\n".join(str(n) for n in self.notes)

    @property
    def shape(self) -> tuple[int, int]:
        return self.array.shape

    @property
    def cell_x(self) -> float:
        return abs(self.geotransform[1])

    @property
    def cell_y(self) -> float:
        return abs(self.geotransform[5])

    def cell_of(self, x: float, y: float) -> tuple[int, int]:
        """(row, col) of the cell containing the map point; may lie outside the raster."""
        return cell_of(self.geotransform, x, y)

    def bilinear(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Heights at fractional (row, col) positions measured between cell centres (clipped to the grid)."""
        z = self.array
        n_rows, n_cols = z.shape
        r = np.clip(rows, 0, n_rows - 1)
        c = np.clip(cols, 0, n_cols - 1)
        r0 = np.minimum(np.floor(r).astype(np.intp), n_rows - 1)
        c0 = np.minimum(np.floor(c).astype(np.intp), n_cols - 1)
        r1 = np.minimum(r0 + 1, n_rows - 1)
        c1 = np.minimum(c0 + 1, n_cols - 1)
        fr = r - r0
        fc = c - c0
        top = z[r0, c0] * (1 - fc) + z[r0, c1] * fc
        bottom = z[r1, c0] * (1 - fc) + z[r1, c1] * fc
        return top * (1 - fr) + bottom * fr

    def heights_at(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """:meth:`bilinear` heights at map points (the grid's CRS); NaN outside the grid."""
        gt = self.geotransform
        rows = (np.asarray(y, dtype=float) - gt[3]) / gt[5] - 0.5
        cols = (np.asarray(x, dtype=float) - gt[0]) / gt[1] - 0.5
        n_rows, n_cols = self.shape
        out = np.full(rows.shape, np.nan)
        inside = (rows >= -0.5) & (rows <= n_rows - 0.5) & (cols >= -0.5) & (cols <= n_cols - 0.5)
        out[inside] = self.bilinear(rows[inside], cols[inside])
        return out

    def centre_of(self, row: int, col: int) -> tuple[float, float]:
        gt = self.geotransform
        return gt[0] + (col + 0.5) * gt[1], gt[3] + (row + 0.5) * gt[5]

    def inside(self, row: int, col: int) -> bool:
        return 0 <= row < self.shape[0] and 0 <= col < self.shape[1]


@contextlib.contextmanager
def gdal_exceptions() -> Iterator:
    """GDAL (and OGR, OSR) raising Python exceptions inside the block, the caller's mode restored after.

    ``gdal.UseExceptions()`` alone would switch the mode for every plugin in the process.
    Yields the ``osgeo.gdal`` module.
    """
    from osgeo import gdal, ogr, osr

    modules = (gdal, ogr, osr)
    before = [module.GetUseExceptions() for module in modules]
    for module, on in zip(modules, before):
        if not on:
            module.UseExceptions()
    try:
        yield gdal
    finally:
        # GDAL keeps the modules' error handlers on one stack: undo in reverse order
        for module, on in reversed(list(zip(modules, before))):
            if not on:
                module.DontUseExceptions()


def _srs(wkt: str):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def check_size(rows: int, cols: int, max_cells: int, what: str = "raster") -> None:
    """Refuse grids above *max_cells* with an estimate of what they would take."""
    cells = rows * cols
    if cells > max_cells:
        raise TooLargeError(
            QT_TRANSLATE_NOOP("CoreErrors",
                "The {what} has {rows} x {cols} = {cells:,} cells (about {gb:.1f} GB as float32, roughly three "
                "times that while computing), more than the limit of {limit:,} cells: clip the DEM to the area "
                "of interest or use coarser cells."
            ),
            code="raster_too_large", what=what, rows=rows, cols=cols, cells=cells, gb=cells * 4 / 2**30,
            limit=max_cells,
        )


def read_grid(path: str, band: int = 1, max_cells: int = DEFAULT_MAX_CELLS, name: str | None = None) -> Grid:
    """Read band *band* of a raster; geographic rasters are reprojected to a metric CRS."""
    label = name or os.path.basename(str(path))
    with gdal_exceptions() as gdal:
        try:
            dataset = gdal.Open(str(path))
        except RuntimeError as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("CoreErrors", "The raster {layer} cannot be opened: {error}"),
                code="raster_unreadable", layer=label, error=str(exc),
            ) from exc
        check_size(dataset.RasterYSize, dataset.RasterXSize, max_cells, f"raster {label}")
        wkt = dataset.GetProjection() or ""
        if not wkt.strip():
            raise ValidationError(
                QT_TRANSLATE_NOOP("CoreErrors",
                    "The raster {layer} has no coordinate reference system: assign one "
                    "(Raster > Projections > Assign Projection) and run again."
                ),
                code="raster_no_crs", layer=label,
            )
        gt = dataset.GetGeoTransform()
        if gt[2] != 0 or gt[4] != 0:
            raise ValidationError(
                QT_TRANSLATE_NOOP("CoreErrors", "The raster {layer} is rotated: warp it to a north-up grid first."),
                code="raster_rotated", layer=label,
            )
        srs = _srs(wkt)
        if srs.IsGeographic():
            return _reproject_geographic(dataset, band, label, srs, max_cells)
        return _grid_from_dataset(dataset, band, wkt)


#: band unit names (GDAL's GetUnitType, lower case) of heights in feet -> metres per unit
FOOT_UNITS = {"ft": 0.3048, "foot": 0.3048, "feet": 0.3048, "international foot": 0.3048,
              "us survey foot": 1200.0 / 3937.0, "us-ft": 1200.0 / 3937.0, "ftus": 1200.0 / 3937.0,
              "foot_us": 1200.0 / 3937.0, "us_survey_foot": 1200.0 / 3937.0}


def _grid_from_dataset(dataset, band: int, wkt: str, notes: list | None = None) -> Grid:
    src = dataset.GetRasterBand(band)
    array = src.ReadAsArray().astype(np.float32, copy=False)
    nodata = src.GetNoDataValue()
    if nodata is not None and not math.isnan(nodata):
        array[array == np.float32(nodata)] = np.nan
    vertical = FOOT_UNITS.get((src.GetUnitType() or "").strip().lower())
    if vertical:  # heights are metres everywhere in CIM Twin: the band says feet
        array = array * np.float32(vertical)
    gt = dataset.GetGeoTransform()
    if gt[5] > 0:  # south-up: flip to north-up
        array = array[::-1].copy()
        gt = (gt[0], gt[1], 0.0, gt[3] + gt[5] * dataset.RasterYSize, 0.0, -gt[5])
    grid = Grid(array, tuple(gt), wkt, list(notes or []), unit=metres_per_unit(wkt))
    if vertical:
        grid.notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "The DEM's heights are in feet (band unit {unit}): "
                                                   "converted to metres ({factor:.6g} m each)."),
                                  unit=src.GetUnitType(), factor=vertical))
    return grid


def utm_wkt_for(lon: float, lat: float) -> tuple[str, str]:
    """WKT and name of the WGS 84 UTM zone holding (lon, lat)."""
    from osgeo import osr

    epsg = utm_epsg(lon, lat)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt(), f"EPSG:{epsg}"


def _reproject_geographic(dataset, band: int, label: str, srs, max_cells: int) -> Grid:
    from osgeo import gdal, osr

    gt = dataset.GetGeoTransform()
    lon = gt[0] + gt[1] * dataset.RasterXSize / 2
    lat = gt[3] + gt[5] * dataset.RasterYSize / 2
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(srs, wgs84).TransformPoint(lon, lat)
    wkt, name = utm_wkt_for(lon, lat)
    metres = min(abs(gt[1]) * 111320.0 * math.cos(math.radians(lat)), abs(gt[5]) * 110540.0)
    src_band = dataset.GetRasterBand(band)
    nodata = src_band.GetNoDataValue()
    if dataset.RasterCount > 1:
        dataset = gdal.Translate("", dataset, format="MEM", bandList=[band])
    warped = gdal.Warp(
        "", dataset, format="MEM", dstSRS=wkt, xRes=metres, yRes=metres, resampleAlg="bilinear",
        outputType=gdal.GDT_Float32, srcNodata=nodata, dstNodata=-3.4e38,
    )
    check_size(warped.RasterYSize, warped.RasterXSize, max_cells, f"raster {label} (reprojected)")
    warped.GetRasterBand(1).SetNoDataValue(-3.4e38)
    template = QT_TRANSLATE_NOOP("CoreErrors",
        "The raster {layer} is in a geographic CRS: reprojected to {crs} (WGS 84 / UTM) with {cell:.2f} m cells "
        "(bilinear) for the analysis; outputs are in {crs}.")
    return _grid_from_dataset(warped, 1, wkt, [Message(template, layer=label, crs=name, cell=metres)])


def check_writable(path: str, what: str = "raster") -> None:
    """Refuse an output *path* whose folder cannot be created or written, before any work is done."""
    path = str(path)
    directory = os.path.dirname(os.path.abspath(path))
    probe = os.path.join(directory, f".{os.path.basename(path)}.{os.getpid()}.probe")
    try:
        os.makedirs(directory, exist_ok=True)
        with open(probe, "wb"):
            pass
        os.remove(probe)
    except OSError as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("CoreErrors",
                "The {what} output {path} cannot be written ({error}): choose a folder you can write to."
            ),
            code="output_not_writable", what=what, path=path, error=exc.strerror or str(exc),
        ) from exc


def write_grid(path: str, array: np.ndarray, geotransform, crs_wkt: str, nodata: float | None,
               unit_type: str | None = None) -> str:
    """Write *array* as a tiled, compressed GeoTIFF, complete or not at all (*unit_type*: the band's unit)."""
    from osgeo import gdal_array

    path = str(path)
    check_writable(path)
    directory = os.path.dirname(os.path.abspath(path))
    tmp = os.path.join(directory, f".{os.path.basename(path)}.{os.getpid()}.part.tif")
    gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(array.dtype)
    options = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
    if array.dtype.kind == "f":
        options.append("PREDICTOR=3")
    with gdal_exceptions() as gdal:
        driver = gdal.GetDriverByName("GTiff")
        try:
            dataset = driver.Create(tmp, array.shape[1], array.shape[0], 1, gdal_type, options)
            dataset.SetGeoTransform(tuple(geotransform))
            dataset.SetProjection(crs_wkt)
            out = dataset.GetRasterBand(1)
            if nodata is not None:
                out.SetNoDataValue(float(nodata))
            if unit_type:
                out.SetUnitType(unit_type)
            step = max(1, 4_000_000 // max(1, array.shape[1]))
            for start in range(0, array.shape[0], step):
                out.WriteArray(array[start:start + step], 0, start)
            dataset.FlushCache()
            dataset = None
            os.replace(tmp, path)
        except (RuntimeError, OSError) as exc:
            raise ValidationError(
                QT_TRANSLATE_NOOP("CoreErrors",
                    "The {what} output {path} cannot be written ({error}): choose a folder you can write to."
                ),
                code="output_not_writable", what="raster", path=path, error=str(exc),
            ) from exc
        finally:
            dataset = None
            if os.path.exists(tmp):
                os.remove(tmp)
    return path
