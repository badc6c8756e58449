"""Visibility defects of issues 13 and 20 through processing.run: cone direction, transform failures,
unknown fields, unwritable outputs, a foot CRS and points in degrees."""
from __future__ import annotations

import math

import numpy as np
import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from osgeo import gdal, osr  # noqa: E402
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer  # noqa: E402

X0, Y0 = 500000.0, 3450000.0  # EPSG:4547
FOOT_US = 1200.0 / 3937.0


def write_dem(path, array, epsg=4547, cell=2.0, x0=X0, y0=Y0 + 200.0):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(array)
    ds = None
    return str(path)


def read(path):
    ds = gdal.Open(str(path))
    return ds.GetRasterBand(1).ReadAsArray()


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.text = ""

    def pushInfo(self, info):  # noqa: N802 (QGIS naming)
        self.text += info + "\n"

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 (QGIS naming)
        self.text += error + "\n"


def run(alg, params, feedback=None):
    import processing

    return processing.run(f"cimtwin:{alg}", params, feedback=feedback)


@pytest.fixture
def flat_dem(tmp_path):
    return write_dem(tmp_path / "dem.tif", np.full((100, 100), 10.0, np.float32))


def direction(vis, row=50, col=50):
    rows, cols = np.nonzero(vis == 1)
    keep = (rows != row) | (cols != col)
    return math.degrees(math.atan2((cols[keep] - col).mean(), (row - rows[keep]).mean())) % 360.0


def close(a, b, tol=4.0):
    return abs((a - b + 180.0) % 360.0 - 180.0) < tol


@pytest.mark.parametrize("mode", [0, 1])
@pytest.mark.parametrize("azimuth", [0.0, 45.0, 90.0, 180.0, 270.0])
def test_viewshed_cone_lands_clockwise_from_north(cimtwin, flat_dem, tmp_path, mode, azimuth):
    out = tmp_path / "vs.tif"
    # observer at the centre of cell (50, 50)
    run("viewshed", {"DEM": flat_dem, "OBSERVER": f"{X0 + 101},{Y0 + 99} [EPSG:4547]", "AZIMUTH": azimuth,
                     "HFOV": 30.0, "ALGORITHM": mode, "OUTPUT": str(out)})
    vis = read(out)
    assert (vis == 1).sum() > 50
    assert close(direction(vis), azimuth), direction(vis)


@pytest.mark.parametrize("mode", [0, 1])
def test_viewshed_cone_from_an_azimuth_field(cimtwin, memory_layer, flat_dem, tmp_path, mode):
    for azimuth in (0.0, 45.0, 180.0):
        points = memory_layer("Point", "EPSG:4547", [("az", "double")], [(f"POINT({X0 + 101} {Y0 + 99})", [azimuth])])
        out = tmp_path / f"vs{int(azimuth)}.tif"
        run("viewshed", {"DEM": flat_dem, "OBSERVERS": points, "AZIMUTH_FIELD": "az", "AZIMUTH": 123.0,
                         "HFOV": 30.0, "ALGORITHM": mode, "OUTPUT": str(out)})
        vis = read(out)
        assert close(direction(vis), azimuth), (azimuth, direction(vis))


BLOCK = f"POLYGON(({X0 + 10} {Y0 + 10},{X0 + 14} {Y0 + 10},{X0 + 14} {Y0 + 14},{X0 + 10} {Y0 + 10}))"
SWAPPED = "POINT(31.2 121.5)"  # latitude and longitude swapped: no such place


def test_lineofsight_untransformable_points_are_rejected_with_a_reason(cimtwin, memory_layer, flat_dem, tmp_path):
    obs = memory_layer("Point", "EPSG:4326", [], [(SWAPPED, [])], name="towers")
    tgt = memory_layer("Point", "EPSG:4547", [], [(f"POINT({X0 + 160} {Y0 + 100})", [])], name="targets")
    log = Log()
    out = tmp_path / "los.gpkg"
    result = run("lineofsight", {"OBSERVERS": obs, "TARGETS": tgt, "PAIRING": 0, "DEM": flat_dem,
                                 "OUTPUT": str(out)}, log)
    assert (result["VISIBLE"], result["BLOCKED"], result["FAILED"]) == (0, 0, 1)
    rows = list(QgsVectorLayer(str(out), "l", "ogr").getFeatures())
    assert len(rows) == 1 and "cannot be transformed" in rows[0]["los_reason"]
    assert "towers" in log.text and "Traceback" not in log.text


def test_viewshed_untransformable_observers(cimtwin, memory_layer, flat_dem, tmp_path):
    points = memory_layer("Point", "EPSG:4326", [], [(SWAPPED, [])], name="towers")
    log = Log()
    with pytest.raises(QgsProcessingException, match="towers") as info:
        run("viewshed", {"DEM": flat_dem, "OBSERVERS": points, "OUTPUT": str(tmp_path / "a.tif")}, log)
    assert "cannot be transformed" in log.text and "Traceback" not in str(info.value)
    with pytest.raises(QgsProcessingException, match="cannot be transformed") as info:
        run("viewshed", {"DEM": flat_dem, "OBSERVER": "31.2,121.5 [EPSG:4326]", "OUTPUT": str(tmp_path / "b.tif")})
    assert "Traceback" not in str(info.value)
    assert not (tmp_path / "a.tif").exists() and not (tmp_path / "b.tif").exists()


@pytest.mark.parametrize("alg,params,field", [
    ("buildingdsm", {"HEIGHT_FIELD": "nope"}, "nope"),
    ("buildingdsm", {"HEIGHT_FIELD": "h", "FLOORS_FIELD": "etages"}, "etages"),
    ("viewshed", {"HEIGHT_FIELD": "hh"}, "hh"),
    ("viewshed", {"RADIUS_FIELD": "rayon"}, "rayon"),
    ("viewshed", {"AZIMUTH_FIELD": "azimut"}, "azimut"),
    ("lineofsight", {"HEIGHT_FIELD": "hauteur"}, "hauteur"),
])
def test_unknown_field_is_a_clear_error(cimtwin, memory_layer, flat_dem, tmp_path, alg, params, field):
    blocks = memory_layer("Polygon", "EPSG:4547", [("h", "double")],
[(BLOCK, [5.0])], name="blocks")
    points = memory_layer("Point", "EPSG:4547", [("az", "double")], [(f"POINT({X0 + 101} {Y0 + 99})", [0.0])],
                          name="towers")
    base = {"DEM": flat_dem, "BUILDINGS": blocks, "OUTPUT": str(tmp_path / "o.tif")}
    if alg == "viewshed":
        base["OBSERVERS"] = points
    if alg == "lineofsight":
        base.update(OBSERVERS=points, TARGETS=points, OUTPUT=str(tmp_path / "o.gpkg"))
    base.update(params)
    if "HEIGHT_FIELD" not in params:
        base["HEIGHT_FIELD"] = "h"
    with pytest.raises(QgsProcessingException) as info:
        run(alg, base)
    message = str(info.value)
    assert f"no field {field}" in message and ("blocks" in message or "towers" in message)
    assert "Traceback" not in message and "KeyError" not in message
    assert not (tmp_path / "o.tif").exists()


@pytest.mark.parametrize("alg", ["buildingdsm", "viewshed"])
def test_unwritable_raster_output_is_a_clear_error(cimtwin, memory_layer, flat_dem, tmp_path, alg):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    out = blocker / "sub" / "o.tif"
    blocks = memory_layer("Polygon", "EPSG:4547", [("h", "double")],
[(BLOCK, [5.0])], name="blocks")
    params = {"DEM": flat_dem, "BUILDINGS": blocks, "HEIGHT_FIELD": "h", "OUTPUT": str(out)}
    if alg == "viewshed":
        params["OBSERVER"] = f"{X0 + 101},{Y0 + 99} [EPSG:4547]"
    with pytest.raises(QgsProcessingException, match="cannot be written") as info:
        run(alg, params)
    assert "RuntimeError" not in str(info.value) and "Traceback" not in str(info.value)


@pytest.fixture
def foot_dem(tmp_path):
    # EPSG:2227 (NAD83 / California zone 3, US survey feet): 5 ft cells, heights in metres
    return write_dem(tmp_path / "ft.tif", np.full((101, 101), 10.0, np.float32), epsg=2227, cell=5.0,
                     x0=6000000.0, y0=2100000.0)


@pytest.mark.parametrize("mode", [0, 1])
def test_viewshed_radius_and_area_in_metres_on_a_foot_crs(cimtwin, foot_dem, tmp_path, mode):
    out = tmp_path / "vs.tif"
    log = Log()
    # the centre of cell (50, 50)
    result = run("viewshed", {"DEM": foot_dem, "OBSERVER": "6000252.5,2099747.5 [EPSG:2227]", "RADIUS": 30.0,
                              "ALGORITHM": mode, "OUTPUT": str(out)}, log)
    vis = read(out)
    expected = math.pi * (30.0 / FOOT_US / 5.0) ** 2  # 30 m = 98.4 ft = 19.7 cells
    assert (vis != 255).sum() == pytest.approx(expected, rel=0.1)
    assert result["VISIBLE_AREA_M2"] == pytest.approx(result["VISIBLE_CELLS"] * (5.0 * FOOT_US) ** 2)
    assert result["VISIBLE_AREA_M2"] == pytest.approx(math.pi * 30.0 ** 2, rel=0.1)
    assert "not in metres" in log.text


def test_lineofsight_distances_in_metres_on_a_foot_crs_with_points_in_degrees(cimtwin, memory_layer, foot_dem,
                                                                              tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject

    to_geo = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:2227"),
                                    QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    a = to_geo.transform(QgsPointXY(6000052.5, 2099747.5))
    # the target 400 ft = 121.9 m east, in the DEM's CRS
    obs = memory_layer("Point", "EPSG:4326", [], [(f"POINT({a.x()} {a.y()})", [])])
    tgt = memory_layer("Point", "EPSG:2227", [], [("POINT(6000452.5 2099747.5)", [])])
    out = tmp_path / "los.gpkg"
    result = run("lineofsight", {"OBSERVERS": obs, "TARGETS": tgt, "PAIRING": 0, "DEM": foot_dem, "OUTPUT": str(out)})
    assert result["VISIBLE"] == 1
    row = next(QgsVectorLayer(str(out), "l", "ogr").getFeatures())
    assert row["distance_m"] == pytest.approx(400.0 * FOOT_US, rel=1e-3)


def test_buildingdsm_on_a_foot_crs_with_heights_in_feet_writes_metres(cimtwin, memory_layer, tmp_path):
    path = write_dem(tmp_path / "ftz.tif", np.full((40, 40), 100.0, np.float32), epsg=2227, cell=5.0,
                     x0=6000000.0, y0=2100000.0)
    ds = gdal.Open(path, gdal.GA_Update)
    ds.GetRasterBand(1).SetUnitType("US survey foot")
    ds = None
    house = "POLYGON((6000050 2099950,6000080 2099950,6000080 2099980,6000050 2099980,6000050 2099950))"
    blocks = memory_layer("Polygon", "EPSG:2227", [("h", "double")], [(house, [10.0])], name="blocks")
    out = tmp_path / "dsm.tif"
    log = Log()
    result = run("buildingdsm", {"DEM": path, "BUILDINGS": blocks, "HEIGHT_FIELD": "h", "OUTPUT": str(out)}, log)
    assert result["BURNT"] == 1
    dsm = read(out)
    assert dsm[0, 0] == pytest.approx(100.0 * FOOT_US, abs=1e-3)  # ground in metres
    assert dsm[7, 12] == pytest.approx(100.0 * FOOT_US + 10.0, abs=1e-3)  # + 10 m, not 10 ft
    assert gdal.Open(str(out)).GetRasterBand(1).GetUnitType() == "metre"
    assert "feet" in log.text
