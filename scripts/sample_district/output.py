"""Writers: the GeoPackage (OGR, one transaction per layer) and the DEM (GDAL GeoTIFF)."""
from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from osgeo import gdal, ogr, osr
from shapely.affinity import translate
from shapely.geometry import box

from .layout import DISTRICT_NAME, District

gdal.UseExceptions()
ogr.UseExceptions()
osr.UseExceptions()

FIXED_TIMESTAMP = "2025-06-30T00:00:00.000Z"
"""GeoPackage gpkg_contents.last_change (OGR_CURRENT_DATE), so that runs are reproducible."""

DEM_CELL = 5.0
DEM_MARGIN = 200.0
DEM_NODATA = -9999.0
_STR, _INT, _REAL = ogr.OFTString, ogr.OFTInteger, ogr.OFTReal


def _srs(epsg: int) -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs


def _layer(ds, name, srs, gtype, fields):
    lyr = ds.CreateLayer(name, srs, gtype, options=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
    for fname, ftype, width in fields:
        fd = ogr.FieldDefn(fname, ftype)
        if width:
            fd.SetWidth(width)
        lyr.CreateField(fd)
    return lyr


def _write(ds, lyr, rows):
    """rows: iterable of (attribute dict, WKB)."""
    defn = lyr.GetLayerDefn()
    ds.StartTransaction()
    n = 0
    for attrs, wkb in rows:
        feat = ogr.Feature(defn)
        for k, v in attrs.items():
            if v is None:
                feat.SetFieldNull(k)
            else:
                feat.SetField(k, v)
        feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        lyr.CreateFeature(feat)
        n += 1
    ds.CommitTransaction()
    return n


def write_gpkg(path: Path, d: District, offset: tuple[float, float], epsg: int) -> dict[str, int]:
    """Write admin_units, roads, buildings, facilities; return feature counts."""
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_TIMESTAMP)
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = _srs(epsg)
        ox, oy = offset
        counts = {}

        lyr = _layer(ds, "admin_units", srs, ogr.wkbPolygon,
                     [("code", _STR, 15), ("level", _STR, 10), ("name", _STR, 0), ("parent_code", _STR, 15)])
        counts["admin_units"] = _write(ds, lyr, (
            (dict(code=u.code, level=u.level, name=u.name, parent_code=u.parent_code),
             translate(u.geom, ox, oy).wkb) for u in d.admin))

        lyr = _layer(ds, "roads", srs, ogr.wkbLineString,
                     [("edge_id", _INT, 0), ("name", _STR, 0), ("class", _STR, 10), ("oneway", _INT, 0),
                      ("speed_kmh", _INT, 0)])

        def line_wkb(coords):
            g = ogr.Geometry(ogr.wkbLineString)
            for x, y in coords:
                g.AddPoint_2D(x + ox, y + oy)
            return g.ExportToWkb()

        counts["roads"] = _write(ds, lyr, (
            (dict(edge_id=r.edge_id, name=r.name, **{"class": r.cls}, oneway=r.oneway, speed_kmh=r.speed_kmh),
             line_wkb(r.coords)) for r in d.roads))

        lyr = _layer(ds, "buildings", srs, ogr.wkbPolygon, [
            ("building_id", _STR, 10), ("district", _STR, 0), ("road", _STR, 0), ("lane", _INT, 0), ("number", _INT, 0),
            ("address", _STR, 0), ("floors", _INT, 0), ("height_m", _REAL, 0), ("use", _STR, 12), ("units", _INT, 0),
            ("community_code", _STR, 12), ("grid_code", _STR, 15)])
        counts["buildings"] = _write(ds, lyr, (
            (dict(building_id=b.building_id, district=DISTRICT_NAME, road=b.road, lane=b.lane, number=b.number,
                  address=b.address, floors=b.floors, height_m=b.height_m, use=b.use,
                  units=b.units if b.use == "residential" else None,
                  community_code=b.community_code, grid_code=b.grid_code),
             box(b.x0 + ox, b.y0 + oy, b.x1 + ox, b.y1 + oy).wkb) for b in d.buildings))

        lyr = _layer(ds, "facilities", srs, ogr.wkbPoint, [
            ("facility_id", _STR, 8), ("type", _STR, 20), ("name", _STR, 0), ("capacity", _INT, 0),
            ("address", _STR, 0),
            ("building_id", _STR, 10), ("community_code", _STR, 12)])

        def point_wkb(x, y):
            g = ogr.Geometry(ogr.wkbPoint)
            g.AddPoint_2D(x + ox, y + oy)
            return g.ExportToWkb()

        counts["facilities"] = _write(ds, lyr, (
            (dict(facility_id=f.facility_id, type=f.type, name=f.name, capacity=f.capacity, address=f.address,
                  building_id=f.building_id, community_code=f.community_code), point_wkb(f.x, f.y))
            for f in d.facilities))
        ds = None
        return counts
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", None)


def hill_centre(d: District) -> tuple[float, float]:
    parks = sorted((b for b in d.blocks.values() if b.kind == "park"), key=lambda b: (b.r, b.c))
    b = parks[0]
    return ((b.x0 + b.x1) / 2 + 20.0, (b.y0 + b.y1) / 2 + 15.0)


def write_dem(path: Path, d: District, offset: tuple[float, float], epsg: int,
              rng: np.random.Generator) -> dict[str, float]:
    """Gentle terrain (about 3-8 m, tilted, rippled) plus one hill of 40-60 m in the park."""
    ox, oy = offset
    width, height = float(d.xs[-1]), float(d.ys[-1])
    ncols = int(math.ceil((width + 2 * DEM_MARGIN) / DEM_CELL))
    nrows = int(math.ceil((height + 2 * DEM_MARGIN) / DEM_CELL))
    x_min = -DEM_MARGIN
    y_max = -DEM_MARGIN + nrows * DEM_CELL
    xc = x_min + (np.arange(ncols) + 0.5) * DEM_CELL
    yc = y_max - (np.arange(nrows) + 0.5) * DEM_CELL
    gx, gy = np.meshgrid(xc, yc)
    phase = rng.uniform(0, 2 * np.pi, 2)
    z = (3.0 + 2.5 * (gx / max(width, 1.0)) + 1.5 * (gy / max(height, 1.0))
         + 0.4 * np.sin(2 * np.pi * gx / 1700.0 + phase[0]) * np.cos(2 * np.pi * gy / 1300.0 + phase[1]))
    hx, hy = hill_centre(d)
    hill_h = float(rng.uniform(40.0, 60.0))
    sigma = 55.0
    z += hill_h * np.exp(-((gx - hx) ** 2 + (gy - hy) ** 2) / (2 * sigma**2))
    z = z.astype(np.float32)
    z[:4, -4:] = DEM_NODATA  # a small documented hole in the north-east margin
    drv = gdal.GetDriverByName("GTiff")
    ds = drv.Create(str(path), ncols, nrows, 1, gdal.GDT_Float32,
                    options=["TILED=YES", "COMPRESS=DEFLATE", "PREDICTOR=3"])
    ds.SetGeoTransform((x_min + ox, DEM_CELL, 0.0, y_max + oy, 0.0, -DEM_CELL))
    ds.SetProjection(_srs(epsg).ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(DEM_NODATA)
    band.SetDescription("elevation_m")
    band.WriteArray(z)
    band.FlushCache()
    ds = None
    valid = z[z != DEM_NODATA]
    return dict(cols=ncols, rows=nrows, min=float(valid.min()), max=float(valid.max()),
                hill_x=hx + ox, hill_y=hy + oy, hill_height=hill_h)
