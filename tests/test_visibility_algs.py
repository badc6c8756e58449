"""cimtwin:buildingdsm, viewshed, lineofsight in a real QGIS and through qgis_process: values, not only files."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from osgeo import gdal, osr  # noqa: E402
from qgis.core import QgsProcessingException, QgsVectorLayer  # noqa: E402

X0, Y0 = 500000.0, 3450000.0  # EPSG:4547 (CGCS2000 / 3-degree GK CM 114E)


def write_dem(path, array, epsg=4547, cell=2.0, x0=X0, y0=Y0 + 200.0, nodata=None):
    ds = gdal.GetDriverByName("GTiff").Create(str(path), array.shape[1], array.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform((x0, cell, 0, y0, 0, -cell))
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        ds.SetProjection(srs.ExportToWkt())
    if nodata is not None:
        ds.GetRasterBand(1).SetNoDataValue(nodata)
    ds.GetRasterBand(1).WriteArray(array)
    ds = None
    return str(path)  # a path: QgsRasterLayer objects held by fixtures crash at teardown


def read(path):
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    return band.ReadAsArray(), band.GetNoDataValue(), ds.GetGeoTransform()


def run(alg, params):
    import processing

    return processing.run(f"cimtwin:{alg}", params)


@pytest.fixture
def flat_dem(tmp_path):
    return write_dem(tmp_path / "dem.tif", np.full((100, 100), 10.0, np.float32))


def wall_buildings(memory_layer):
    # a 20 m high wall north-south at x = X0+100..104 (cells 50, 51), y from Y0+60 to Y0+140
    return memory_layer(
        "Polygon", "EPSG:4547", [("h", "double"), ("floors", "integer")],
        [(f"POLYGON(({X0 + 100} {Y0 + 60},{X0 + 104} {Y0 + 60},{X0 + 104} {Y0 + 140},{X0 + 100} {Y0 + 140},"
          f"{X0 + 100} {Y0 + 60}))", [20.0, 0]),
         (f"POLYGON(({X0 + 10} {Y0 + 10},{X0 + 14} {Y0 + 10},{X0 + 14} {Y0 + 14},{X0 + 10} {Y0 + 10}))", [None, None]),
         (f"POLYGON(({X0 + 150} {Y0 + 150},{X0 + 160} {Y0 + 150},{X0 + 160} {Y0 + 160},{X0 + 150} {Y0 + 160},"
          f"{X0 + 150} {Y0 + 150}))", [None, 4])],
        name="blocks",
    )


def test_buildingdsm_burns_heights_and_floors(cimtwin, memory_layer, flat_dem, tmp_path):
    layer = wall_buildings(memory_layer)
    out = tmp_path / "dsm.tif"
    result = run("buildingdsm", {"DEM": flat_dem, "BUILDINGS": layer, "HEIGHT_FIELD": "h", "FLOORS_FIELD": "floors",
                                 "FLOOR_HEIGHT": 3.0, "OUTPUT": str(out)})
    assert (result["BURNT"], result["SKIPPED"]) == (2, 1)
    dsm, _, gt = read(out)
    assert dsm[50, 50] == pytest.approx(30.0) and dsm[50, 51] == pytest.approx(30.0)
    assert dsm[50, 52] == pytest.approx(10.0)
    assert dsm[20, 77] == pytest.approx(22.0)  # 4 floors x 3 m on 10 m ground
    assert gt == (X0, 2.0, 0.0, Y0 + 200.0, 0.0, -2.0)


def test_viewshed_with_buildings_hides_behind_the_wall(cimtwin, memory_layer, flat_dem, tmp_path):
    layer = wall_buildings(memory_layer)
    out = tmp_path / "vs.tif"
    result = run("viewshed", {"DEM": flat_dem, "BUILDINGS": layer, "HEIGHT_FIELD": "h", "FLOORS_FIELD": "floors",
                              "OBSERVER": f"{X0 + 60},{Y0 + 100} [EPSG:4547]", "OBSERVER_HEIGHT": 1.6,
                              "OUTPUT": str(out), "OUTPUT_BUILDINGS": str(tmp_path / "b.gpkg"),
                              "OUTPUT_AREA": str(tmp_path / "a.gpkg")})
    vis, nodata, _ = read(out)
    assert nodata == 255
    assert vis[50, 40] == 1 and vis[50, 80] == 0 and vis[50, 50] == 1  # wall face seen, behind hidden
    assert vis[5, 30] == 1
    assert result["VISIBLE_CELLS"] == int((vis == 1).sum())
    b = QgsVectorLayer(str(tmp_path / "b.gpkg"), "b", "ogr")
    rows = {round(f["h"] or 0): f for f in b.getFeatures()}
    assert b.featureCount() == 3, "every building is in the output, skipped ones with a reason"
    assert rows[20]["observers"] == 1 and 0 < rows[20]["vis_share"] < 1
    assert rows[0]["vis_reason"] not in (None, "") or any(f["vis_reason"] for f in b.getFeatures())
    area = QgsVectorLayer(str(tmp_path / "a.gpkg"), "a", "ogr")
    total = sum(f.geometry().area() for f in area.getFeatures())
    assert total == pytest.approx(result["VISIBLE_CELLS"] * 4.0)


def test_viewshed_observer_layer_counts_and_cone(cimtwin, memory_layer, flat_dem, tmp_path):
    points = memory_layer("Point", "EPSG:4547", [("az", "double")],
                          [(f"POINT({X0 + 50} {Y0 + 100})", [90.0]), (f"POINT({X0 + 150} {Y0 + 100})", [270.0]),
                           (f"POINT({X0 + 900} {Y0 + 100})", [0.0])])
    out = tmp_path / "cum.tif"
    result = run("viewshed", {"DEM": flat_dem, "OBSERVERS": points, "AZIMUTH_FIELD": "az", "HFOV": 90.0,
                              "RADIUS": 60.0, "ALGORITHM": 1, "OUTPUT": str(out)})
    assert (result["OBSERVERS_USED"], result["OBSERVERS_SKIPPED"]) == (2, 1)
    counts, nodata, _ = read(out)
    assert nodata == 65535
    assert counts[50, 50] == 2  # both look at the middle
    assert counts[50, 15] == 0  # behind the first observer: in range, outside its cone
    assert counts[95, 5] == 65535


@pytest.mark.parametrize("params,match", [
    ({"RADIUS": -5.0}, "RADIUS"),
    ({"HFOV": 400.0}, "HFOV"),
    ({"OBSERVER": f"{X0 + 5000},{Y0} [EPSG:4547]"}, "outside the DEM"),
    ({}, "OBSERVER"),
])
def test_viewshed_bad_input_is_a_clear_error_without_output(cimtwin, flat_dem, tmp_path, params, match):
    out = tmp_path / "bad.tif"
    base = {"DEM": flat_dem, "OUTPUT": str(out)}
    if params and "OBSERVER" not in params:
        base["OBSERVER"] = f"{X0 + 60},{Y0 + 100} [EPSG:4547]"
    base.update(params)
    with pytest.raises(QgsProcessingException, match=match):
        run("viewshed", base)
    assert not out.exists()


def test_raster_without_crs_is_refused(cimtwin, tmp_path):
    dem = write_dem(tmp_path / "nocrs.tif", np.zeros((10, 10), np.float32), epsg=None)
    with pytest.raises(QgsProcessingException, match="no coordinate reference system"):
        run("viewshed", {"DEM": dem, "OBSERVER": f"{X0 + 5},{Y0 + 195} [EPSG:4547]", "OUTPUT": str(tmp_path / "o.tif")})


def test_geographic_dem_and_other_crs_observer(cimtwin, tmp_path):
    dem = write_dem(tmp_path / "geo.tif", np.zeros((60, 60), np.float32), epsg=4490, cell=0.0002, x0=121.49,
                    y0=31.21)
    import processing
    from qgis.core import QgsProcessingFeedback

    class Log(QgsProcessingFeedback):
        text = ""

        def pushInfo(self, info):  # noqa: N802 (QGIS naming)
            Log.text += info + "\n"

    out = tmp_path / "o.tif"
    processing.run("cimtwin:viewshed", {"DEM": dem, "OBSERVER": "121.496,31.204 [EPSG:4326]",
                                        "RADIUS": 200.0, "OUTPUT": str(out)}, feedback=Log())
    assert "EPSG:32651" in Log.text
    vis, _, gt = read(out)
    assert 15 < gt[1] < 25 and (vis == 1).sum() > 100


def test_lineofsight_pairs_and_obstruction(cimtwin, memory_layer, flat_dem, tmp_path):
    layer = wall_buildings(memory_layer)
    obs = memory_layer("Point", "EPSG:4547", [], [(f"POINT({X0 + 60} {Y0 + 100})", []),
                                                  (f"POINT({X0 + 60} {Y0 + 20})", []),
                                                  (f"POINT({X0 - 100} {Y0 + 20})", [])])
    tgt = memory_layer("Point", "EPSG:4547", [], [(f"POINT({X0 + 160} {Y0 + 100})", []),
                                                  (f"POINT({X0 + 160} {Y0 + 20})", []),
                                                  (f"POINT({X0 + 160} {Y0 + 20})", [])])
    out = tmp_path / "los.gpkg"
    result = run("lineofsight", {"OBSERVERS": obs, "TARGETS": tgt, "PAIRING": 0, "DEM": flat_dem, "BUILDINGS": layer,
                                 "HEIGHT_FIELD": "h", "OUTPUT": str(out)})
    assert (result["VISIBLE"], result["BLOCKED"], result["FAILED"]) == (1, 1, 1)
    lines = list(QgsVectorLayer(str(out), "l", "ogr").getFeatures())
    assert len(lines) == 3
    blocked = [f for f in lines if f["visible"] is False or f["visible"] == 0]
    assert blocked and 38.0 <= blocked[0]["obst_dist_m"] <= 42.0 and 11.6 < blocked[0]["obst_z"] <= 30.0
    allpairs = run("lineofsight", {"OBSERVERS": obs, "TARGETS": tgt, "PAIRING": 1, "DEM": flat_dem,
                                   "OUTPUT": "TEMPORARY_OUTPUT"})
    assert allpairs["VISIBLE"] + allpairs["BLOCKED"] + allpairs["FAILED"] == 9
