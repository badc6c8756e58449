"""Rasters as numpy grids: reading and writing with GDAL, reprojection of geographic DEMs.

A :class:`Grid` is a north-up raster held as a float32 array (NaN = nodata)
with its geotransform and CRS. GDAL does the file work (it is the one raster
library every QGIS has); reading is one block read, writing is tiled and
compressed and goes to a temporary file first so that a failed run leaves no
partial output.
"""
from __future__ import annotations

import math
import os
from dataclasses import dataclass

import numpy as np

from ..crs import utm_epsg
from ..errors import TooLargeError, ValidationError

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
    note: str = ""
    """what was done on reading (e.g. reprojected from a geographic CRS), for the log"""

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


def _gdal():
    from osgeo import gdal

    gdal.UseExceptions()
    return gdal


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
            f"The {what} has {rows} x {cols} = {cells:,} cells (about {cells * 4 / 2**30:.1f} GB as "
            f"float32, roughly three times that while computing), more than the limit of "
            f"{max_cells:,} cells: clip the DEM to the area of interest or use coarser cells."
        )


def read_grid(path: str, band: int = 1, max_cells: int = DEFAULT_MAX_CELLS, name: str | None = None) -> Grid:
    """Read band *band* of a raster; geographic rasters are reprojected to a metric CRS."""
    gdal = _gdal()
    label = name or os.path.basename(str(path))
    try:
        dataset = gdal.Open(str(path))
    except RuntimeError as exc:
        raise ValidationError(f"The raster {label} cannot be opened: {exc}") from exc
    check_size(dataset.RasterYSize, dataset.RasterXSize, max_cells, f"raster {label}")
    wkt = dataset.GetProjection() or ""
    if not wkt.strip():
        raise ValidationError(
            f"The raster {label} has no coordinate reference system: assign one "
            "(Raster > Projections > Assign Projection) and run again."
        )
    gt = dataset.GetGeoTransform()
    if gt[2] != 0 or gt[4] != 0:
        raise ValidationError(f"The raster {label} is rotated: warp it to a north-up grid first.")
    srs = _srs(wkt)
    if srs.IsGeographic():
        return _reproject_geographic(dataset, band, label, srs, max_cells)
    return _grid_from_dataset(dataset, band, wkt)


def _grid_from_dataset(dataset, band: int, wkt: str, note: str = "") -> Grid:
    src = dataset.GetRasterBand(band)
    array = src.ReadAsArray().astype(np.float32, copy=False)
    nodata = src.GetNoDataValue()
    if nodata is not None and not math.isnan(nodata):
        array[array == np.float32(nodata)] = np.nan
    gt = dataset.GetGeoTransform()
    if gt[5] > 0:  # south-up: flip to north-up
        array = array[::-1].copy()
        gt = (gt[0], gt[1], 0.0, gt[3] + gt[5] * dataset.RasterYSize, 0.0, -gt[5])
    return Grid(array, tuple(gt), wkt, note)


def utm_wkt_for(lon: float, lat: float) -> tuple[str, str]:
    """WKT and name of the WGS 84 UTM zone holding (lon, lat)."""
    from osgeo import osr

    epsg = utm_epsg(lon, lat)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt(), f"EPSG:{epsg}"


def _reproject_geographic(dataset, band: int, label: str, srs, max_cells: int) -> Grid:
    gdal = _gdal()
    from osgeo import osr

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
    note = (
        f"The raster {label} is in a geographic CRS: reprojected to {name} (WGS 84 / UTM) with "
        f"{metres:.2f} m cells (bilinear) for the analysis; outputs are in {name}."
    )
    return _grid_from_dataset(warped, 1, wkt, note)


def write_grid(path: str, array: np.ndarray, geotransform, crs_wkt: str, nodata: float | None) -> str:
    """Write *array* as a tiled, compressed GeoTIFF, complete or not at all."""
    gdal = _gdal()
    from osgeo import gdal_array

    path = str(path)
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".{os.path.basename(path)}.{os.getpid()}.part.tif")
    gdal_type = gdal_array.NumericTypeCodeToGDALTypeCode(array.dtype)
    driver = gdal.GetDriverByName("GTiff")
    options = ["TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"]
    if array.dtype.kind == "f":
        options.append("PREDICTOR=3")
    try:
        dataset = driver.Create(tmp, array.shape[1], array.shape[0], 1, gdal_type, options)
        dataset.SetGeoTransform(tuple(geotransform))
        dataset.SetProjection(crs_wkt)
        out = dataset.GetRasterBand(1)
        if nodata is not None:
            out.SetNoDataValue(float(nodata))
        step = max(1, 4_000_000 // max(1, array.shape[1]))
        for start in range(0, array.shape[0], step):
            out.WriteArray(array[start:start + step], 0, start)
        dataset.FlushCache()
        dataset = None
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    return path
