"""cimtwin:measure and cimtwin:heightlimit in QGIS: geodesic values agree with QgsDistanceArea and pyproj.Geod;
qgis_process runs viewshed and measure."""
from __future__ import annotations

import math

import numpy as np
import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from qgis.core import (  # noqa: E402
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

POLY_4547 = ("POLYGON((500000 3450000, 500400 3450010, 500420 3450300, 500000 3450300, 500000 3450000),"
             "(500100 3450100, 500200 3450100, 500200 3450200, 500100 3450100))")
LINE_4547 = "LINESTRING(500000 3450000, 501000 3450500, 503000 3449000)"
POLY_4326 = "POLYGON((121.40 31.20, 121.45 31.20, 121.46 31.26, 121.40 31.25, 121.40 31.20))"
LINE_4326 = "LINESTRING(121.40 31.20, 121.50 31.30, 121.52 31.10)"


def run(alg, params):
    import processing

    return processing.run(f"cimtwin:{alg}", params)


def distance_area(crs: str) -> QgsDistanceArea:
    da = QgsDistanceArea()
    qcrs = QgsCoordinateReferenceSystem(crs)
    da.setSourceCrs(qcrs, QgsProject.instance().transformContext())
    da.setEllipsoid(qcrs.ellipsoidAcronym())
    assert da.willUseEllipsoid()
    return da


@pytest.mark.parametrize("crs,poly,line", [("EPSG:4547", POLY_4547, LINE_4547), ("EPSG:4326", POLY_4326, LINE_4326),
                                            ("EPSG:4490", POLY_4326, LINE_4326)])
def test_measures_agree_with_qgsdistancearea_and_geod(cimtwin, memory_layer, tmp_path, crs, poly, line):
    from pyproj import CRS, Geod, Transformer
    from qgis.core import QgsGeometry

    polygons = memory_layer("Polygon", crs, [("h", "double"), ("floors", "integer")], [(poly, [None, 6])])
    lines = memory_layer("LineString", crs, [("id", "integer")], [(line, [1]), (None, [2])])
    out_p, out_l = tmp_path / "p.gpkg", tmp_path / "l.gpkg"
    run("measure", {"INPUT": polygons, "HEIGHT_FIELD": "h", "FLOORS_FIELD": "floors", "FLOOR_HEIGHT": 3.0,
                    "OUTPUT": str(out_p)})
    result = run("measure", {"INPUT": lines, "OUTPUT": str(out_l)})
    assert (result["MEASURED"], result["WITHOUT_GEOMETRY"]) == (1, 1)
    (p,) = QgsVectorLayer(str(out_p), "p", "ogr").getFeatures()
    ls = {f["id"]: f for f in QgsVectorLayer(str(out_l), "l", "ogr").getFeatures()}
    da = distance_area(crs)
    geometry = QgsGeometry.fromWkt(poly)
    assert p["area_m2"] == pytest.approx(da.measureArea(geometry), rel=1e-6)
    assert p["perimeter_m"] == pytest.approx(da.measurePerimeter(geometry), rel=1e-6)
    assert ls[1]["length_m"] == pytest.approx(da.measureLength(QgsGeometry.fromWkt(line)), rel=1e-6)
    assert ls[2]["length_m"] is None or str(ls[2]["length_m"]) == "NULL"
    # pyproj.Geod on the CRS's own ellipsoid
    pcrs = CRS.from_user_input(crs)
    geod: Geod = pcrs.get_geod()
    to_ll = Transformer.from_crs(pcrs, pcrs.geodetic_crs, always_xy=True)
    ring = geometry.asPolygon()
    rings = [geod.polygon_area_perimeter(*to_ll.transform([q.x() for q in r[:-1]], [q.y() for q in r[:-1]]))
             for r in ring]
    area = abs(rings[0][0]) - sum(abs(a) for a, _ in rings[1:])
    assert p["area_m2"] == pytest.approx(area, rel=1e-6)
    assert p["perimeter_m"] == pytest.approx(sum(q for _, q in rings), rel=1e-6)
    assert p["height_m"] == 18.0
    assert p["volume_m3"] == pytest.approx(p["area_m2"] * 18.0)
    assert p["facade_m2"] == pytest.approx(p["perimeter_m"] * 18.0)


def test_measure_in_a_worker_process_gives_the_same_values(cimtwin, memory_layer, tmp_path, monkeypatch):
    from cim_twin.cim_twin_plugin.core import measure as core_measure

    rows = [(f"POLYGON(({x} 3450000,{x + 10 + i} 3450000,{x + 10 + i} 3450020,{x} 3450020,{x} 3450000))",
             [float(i + 3), i])
            for i, x in enumerate(range(500000, 500000 + 30 * 40, 40))]
    rows.append((None, [1.0, -1]))
    layer = memory_layer("Polygon", "EPSG:4547", [("h", "double"), ("i", "integer")], rows)
    outputs = {}
    for threshold in (10**9, 1):
        monkeypatch.setattr(core_measure.Pipeline, "WORKER_THRESHOLD", threshold)
        out = tmp_path / f"m{threshold}.gpkg"
        result = run("measure", {"INPUT": layer, "HEIGHT_FIELD": "h", "OUTPUT": str(out)})
        assert (result["MEASURED"], result["WITHOUT_GEOMETRY"]) == (30, 1)
        outputs[threshold] = {f["i"]: (f["area_m2"], f["perimeter_m"], f["volume_m3"], f["height_m"])
                              for f in QgsVectorLayer(str(out), "m", "ogr").getFeatures()}
    assert outputs[1] == outputs[10**9]
    assert outputs[1][5][0] == pytest.approx(15 * 20, rel=2e-3)


def test_measure_draped_on_a_dem(cimtwin, memory_layer, tmp_path):
    from osgeo import gdal, osr

    path = tmp_path / "ramp.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 400, 50, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((500000.0, 1.0, 0, 3450050.0, 0, -1.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.tile(np.arange(400, dtype=np.float32) * 0.5 + 0.25, (50, 1)))
    ds = None
    lines = memory_layer("LineString", "EPSG:4547", [("id", "integer")],
                         [("LINESTRING(500100 3450025, 500300 3450025)", [1])])
    out = tmp_path / "d.gpkg"
    run("measure", {"INPUT": lines, "DEM": str(path), "OUTPUT": str(out)})
    (f,) = QgsVectorLayer(str(out), "d", "ogr").getFeatures()
    assert f["length_3d_m"] == pytest.approx(math.hypot(f["length_m"], 100.0), rel=1e-3)
    assert f["base_elev_m"] == pytest.approx(50.0, abs=0.01)


def test_heightlimit_zones_value_and_raster(cimtwin, memory_layer, tmp_path):
    from osgeo import gdal, osr

    b = memory_layer("Polygon", "EPSG:4547", [("id", "integer"), ("h", "double")],
                     [(f"POLYGON(({x} 3450000,{x + 10} 3450000,{x + 10} 3450010,{x} 3450010,{x} 3450000))", [i, h])
                      for i, (x, h) in enumerate([(500000, 30.0), (500100, 50.0), (500200, 80.0)])]
                     + [("POLYGON((500300 3450000,500310 3450000,500310 3450010,500300 3450000))", [9, None])])
    zones = memory_layer("Polygon", "EPSG:4326", [("limit", "double")], [])
    # zones in another CRS: one covering the first two buildings (45 m), one over the third (100 m)
    from qgis.core import QgsCoordinateTransform, QgsFeature, QgsGeometry

    to_ll = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateReferenceSystem("EPSG:4326"),
                                   QgsProject.instance())
    feats = []
    for wkt, limit in (("POLYGON((499990 3449990,500150 3449990,500150 3450020,499990 3450020,499990 3449990))", 45.0),
                       ("POLYGON((500150 3449990,500250 3449990,500250 3450020,500150 3450020,500150 3449990))", 100.0),
                       ("POLYGON((500105 3449990,500300 3449990,500300 3450020,500105 3450020,500105 3449990))", 40.0)):
        g = QgsGeometry.fromWkt(wkt)
        g.transform(to_ll)
        f = QgsFeature(zones.fields())
        f.setGeometry(g)
        f.setAttributes([limit])
        feats.append(f)
    zones.dataProvider().addFeatures(feats)
    out = tmp_path / "over.gpkg"
    result = run("heightlimit", {"BUILDINGS": b, "HEIGHT_FIELD": "h", "LIMITS": zones, "LIMIT_FIELD": "limit",
                                 "OUTPUT": str(out)})
    assert (result["OVER"], result["WITHIN"], result["UNCHECKED"]) == (2, 1, 1)
    over = {f["id"]: f for f in QgsVectorLayer(str(out), "o", "ogr").getFeatures()}
    assert over[1]["excess_m"] == pytest.approx(10.0)  # strictest touching zone: 40 m
    assert over[2]["excess_m"] == pytest.approx(40.0)
    result = run("heightlimit", {"BUILDINGS": b, "HEIGHT_FIELD": "h", "LIMIT_VALUE": 60.0,
                                 "OUTPUT": "TEMPORARY_OUTPUT"})
    assert (result["OVER"], result["WITHIN"], result["UNCHECKED"]) == (1, 2, 1)
    path = tmp_path / "ols.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 40, 4, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((499990.0, 10.0, 0, 3450020.0, 0, -10.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.tile(np.linspace(20, 100, 40, dtype=np.float32), (4, 1)))
    ds = None
    result = run("heightlimit", {"BUILDINGS": b, "HEIGHT_FIELD": "h", "LIMIT_RASTER": str(path),
                                 "OUTPUT": "TEMPORARY_OUTPUT"})
    assert result["OVER"] + result["WITHIN"] + result["UNCHECKED"] == 4 and result["OVER"] >= 1
    with pytest.raises(QgsProcessingException, match="exactly one"):
        run("heightlimit", {"BUILDINGS": b, "HEIGHT_FIELD": "h", "OUTPUT": "TEMPORARY_OUTPUT"})


@pytest.mark.slow
def test_qgis_process_runs_viewshed_and_measure(qgis_process, tmp_path):
    from osgeo import gdal, ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dem = tmp_path / "dem.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(dem), 80, 80, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((500000.0, 2.0, 0, 3450160.0, 0, -2.0))
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.zeros((80, 80), np.float32))
    ds = None
    gpkg = tmp_path / "b.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(gpkg))
    layer = source.CreateLayer("b", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("height_m", ogr.OFTReal))
    f = ogr.Feature(layer.GetLayerDefn())
    f.SetField("height_m", 25.0)
    f.SetGeometry(ogr.CreateGeometryFromWkt(
        "POLYGON((500080 3450040,500090 3450040,500090 3450120,500080 3450120,500080 3450040))"))
    layer.CreateFeature(f)
    source = None
    out = tmp_path / "vs.tif"
    result = qgis_process.run("cimtwin:viewshed", DEM=dem, BUILDINGS=gpkg, HEIGHT_FIELD="height_m",
                              OBSERVER="500040,3450080 [EPSG:4547]", OUTPUT=out)
    assert result.returncode == 0, result.stdout + result.stderr
    vis = gdal.Open(str(out)).ReadAsArray()
    assert result.json["results"]["VISIBLE_CELLS"] == int((vis == 1).sum())
    assert vis[40, 10] == 1 and vis[40, 70] == 0  # hidden behind the building
    measured = tmp_path / "m.gpkg"
    result = qgis_process.run("cimtwin:measure", INPUT=gpkg, HEIGHT_FIELD="height_m", OUTPUT=measured)
    assert result.returncode == 0, result.stdout + result.stderr
    dataset = ogr.Open(str(measured))  # keep the dataset alive while reading its layer
    feature = next(iter(dataset.GetLayer(0)))
    assert feature.GetField("volume_m3") == pytest.approx(feature.GetField("area_m2") * 25.0)
    assert 790 < feature.GetField("area_m2") < 810
    bad = qgis_process.run("cimtwin:viewshed", DEM=dem, OBSERVER="500040,3450080 [EPSG:4547]", RADIUS=-1,
                           OUTPUT=tmp_path / "bad.tif")
    assert bad.returncode != 0 and "RADIUS" in bad.stdout + bad.stderr
    assert not (tmp_path / "bad.tif").exists()


def _raster(path, width, height, origin, cell, values):
    from osgeo import gdal, osr

    ds = gdal.GetDriverByName("GTiff").Create(str(path), width, height, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((origin[0], cell, 0, origin[1], 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(values.astype(np.float32))
    ds = None
    return path


def test_heightlimit_ground_is_the_measure_base_elevation(cimtwin, memory_layer, tmp_path):
    """An absolute limit surface (e.g. an airport obstacle surface) is compared with ground + height,
    the ground being the same as measure's base_elev_m (one rule in core: lowest_under)."""
    dem = _raster(tmp_path / "ramp.tif", 400, 50, (500000.0, 3450050.0), 1.0,
                  np.tile(np.arange(400) * 0.5 + 0.25, (50, 1)))  # 0.5 m rise per metre eastwards
    surface = _raster(tmp_path / "ols.tif", 40, 5, (500000.0, 3450050.0), 10.0, np.full((5, 40), 100.0))
    building = memory_layer("Polygon", "EPSG:4547", [("id", "integer"), ("h", "double")], [(
        "POLYGON((500100 3450020,500110 3450020,500110 3450030,500100 3450030,500100 3450020))", [1, 60.0])])
    measured = tmp_path / "m.gpkg"
    run("measure", {"INPUT": building, "HEIGHT_FIELD": "h", "DEM": str(dem), "OUTPUT": str(measured)})
    (m,) = QgsVectorLayer(str(measured), "m", "ogr").getFeatures()
    assert m["base_elev_m"] == pytest.approx(50.0, abs=0.01)  # the lowest corner, bilinear
    over = tmp_path / "over.gpkg"
    result = run("heightlimit", {"BUILDINGS": building, "HEIGHT_FIELD": "h", "LIMIT_RASTER": str(surface),
                                 "DEM": str(dem), "OUTPUT": str(over)})
    assert (result["OVER"], result["WITHIN"], result["UNCHECKED"]) == (1, 0, 0)
    (f,) = QgsVectorLayer(str(over), "o", "ogr").getFeatures()
    assert f["limit_m"] == pytest.approx(100.0)
    assert f["excess_m"] == pytest.approx(m["base_elev_m"] + 60.0 - 100.0, abs=1e-6)
