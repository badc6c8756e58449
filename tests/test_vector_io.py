"""The fast bridge (qgis_io.vector): GDAL's columnar reader and the one-transaction GeoPackage writer give
exactly what the QGIS feature path gives (schema, field types, values, geometry blobs, spatial index)."""
from __future__ import annotations

import sqlite3

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis


def run(alg, params):
    import processing

    return processing.run(f"cimtwin:{alg}", params)


def _gpkg(path, geometry_type, rows, epsg=4549):
    """A GeoPackage layer with a text, an integer and a real field; rows of (wkt or None, text, int, real)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("src", srs, geometry_type)
    layer.CreateField(ogr.FieldDefn("admin", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("n", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("h", ogr.OFTReal))
    for wkt, admin, n, h in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in (("admin", admin), ("n", n), ("h", h)):
            if value is not None:
                feature.SetField(name, value)
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    dataset = None
    return path


def _dump(path):
    """Schema, rows, spatial index, extent and count of the one feature table of a GeoPackage."""
    with sqlite3.connect(str(path)) as db:
        (table,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
        schema = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        triggers = sorted(r[0].replace(table, "T") for r in db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)))
        rows = db.execute(f'SELECT * FROM "{table}" ORDER BY 1').fetchall()
        rtree = db.execute(f'SELECT * FROM "rtree_{table}_geom" ORDER BY 1').fetchall()
        extent = db.execute("SELECT min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents").fetchone()
        extent = tuple(round(v, 6) for v in extent[:4]) + extent[4:]  # OGR rounds the last digit
        count = db.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone()
    return schema.replace(table, "T"), triggers, rows, rtree, extent, count


def _both(monkeypatch, tmp_path, alg, params):
    """Run *alg* with the fast bridge and with QGIS features only; return both dumps and results."""
    from cim_twin.cim_twin_plugin.qgis_io import vector

    fast_out = tmp_path / "fast.gpkg"
    fast = run(alg, {**params, "OUTPUT": str(fast_out)})
    calls = []
    real_input = vector.fast_input

    def spy(*args):
        calls.append(real_input(*args))
        return None

    monkeypatch.setattr(vector, "fast_input", spy)
    monkeypatch.setattr(vector, "fast_output_path", lambda *a: None)
    slow_out = tmp_path / "slow.gpkg"
    slow = run(alg, {**params, "OUTPUT": str(slow_out)})
    assert calls and calls[0] is not None, "the input should qualify for the fast reader"
    return _dump(fast_out), _dump(slow_out), fast, slow


POINTS = [("POINT(650000 3460000)", "310115001001", 1, 12.5), (None, "310115001002", 2, None),
          ("POINT(651000.25 3461000.75)", None, None, 30.0), ("POINT(640000 3450000)", "中文", 4, -5.0)]


def test_gridcode_fast_path_writes_what_the_qgis_path_writes(cimtwin, tmp_path, monkeypatch):
    from osgeo import ogr

    source = _gpkg(tmp_path / "pts.gpkg", ogr.wkbPoint, POINTS)
    fast, slow, r_fast, r_slow = _both(monkeypatch, tmp_path, "gridcode",
                                       {"INPUT": str(source), "LEVEL": 8, "ADMIN_CODE_FIELD": "admin"})
    assert fast == slow
    assert (r_fast["CODED"], r_fast["FAILED"]) == (r_slow["CODED"], r_slow["FAILED"]) == (3, 1)
    assert len(fast[2]) == 4 and len(fast[3]) == 3  # every feature; the spatial index of those with a point


def test_gridcode_fast_path_polygons_and_3d_codes(cimtwin, tmp_path, monkeypatch):
    from osgeo import ogr

    rows = [("POLYGON((650000 3460000,650100 3460000,650100 3460050,650000 3460000))", "a", 1, 10.0),
            (None, "b", 2, 20.0),
            ("POLYGON((650200 3460000,650300 3460000,650300 3460050,650200 3460050,650200 3460000),"
             "(650210 3460010,650220 3460010,650220 3460020,650210 3460010))", "c", 3, None)]
    source = _gpkg(tmp_path / "poly.gpkg", ogr.wkbPolygon, rows)
    fast, slow, _, _ = _both(monkeypatch, tmp_path, "gridcode",
                             {"INPUT": str(source), "LEVEL": 9, "HEIGHT_FIELD": "h"})
    assert fast == slow


def test_measure_fast_path_writes_what_the_qgis_path_writes(cimtwin, tmp_path, monkeypatch):
    from osgeo import ogr

    rows = [("POLYGON((650000 3460000,650100 3460000,650100 3460050,650000 3460000))", "a", 1, 10.0),
            (None, "b", 2, 20.0),
            ("MULTIPOLYGON(((650200 3460000,650300 3460000,650300 3460050,650200 3460050,650200 3460000),"
             "(650210 3460010,650220 3460010,650220 3460020,650210 3460010)))", "c", 3, None)]
    source = _gpkg(tmp_path / "b.gpkg", ogr.wkbMultiPolygon, rows)
    fast, slow, r_fast, r_slow = _both(monkeypatch, tmp_path, "measure",
                                       {"INPUT": str(source), "HEIGHT_FIELD": "h", "FLOORS_FIELD": "n"})
    assert fast == slow
    assert r_fast == {**r_slow, "OUTPUT": r_fast["OUTPUT"]}


def test_fast_output_only_for_plain_geopackage_paths(cimtwin):
    from cim_twin.cim_twin_plugin.qgis_io import vector
    from qgis.core import QgsProcessingContext

    context = QgsProcessingContext()
    for value, expected in (("/tmp/a.gpkg", "/tmp/a.gpkg"), ("TEMPORARY_OUTPUT", None), ("memory:", None),
                            ("ogr:dbname='/tmp/a.gpkg' table=\"t\" (geom)", None), ("/tmp/a.shp", None),
                            ("/tmp/a.gpkg|layername=x", None)):
        assert vector.fast_output_path({"OUTPUT": value}, "OUTPUT", context) == expected, value


def test_bulk_loaded_spatial_index_answers_as_sqlites_own(cimtwin, tmp_path, monkeypatch):
    """30,000 points: a three-level R*Tree, written straight into its tables; SQLite checks it and
    window queries give what the index built by OGR gives."""
    import numpy as np
    from osgeo import ogr

    rng = np.random.default_rng(3)
    xs, ys = rng.uniform(640000, 660000, 30000), rng.uniform(3450000, 3470000, 30000)
    source = _gpkg(tmp_path / "many.gpkg", ogr.wkbPoint,
                   [(f"POINT({x!r} {y!r})", "310115001001", i, None) for i, (x, y) in enumerate(zip(xs, ys))])
    fast, slow, _, _ = _both(monkeypatch, tmp_path, "gridcode", {"INPUT": str(source), "LEVEL": 6})
    assert fast[:3] == slow[:3] and fast[4:] == slow[4:]
    assert sorted(fast[3]) == sorted(slow[3])  # the same boxes for the same ids
    windows = [tuple(float(v) for v in w) for w in rng.uniform(0, 1, (20, 2))]
    answers = {}
    for name in ("fast", "slow"):
        with sqlite3.connect(str(tmp_path / f"{name}.gpkg")) as db:
            (table,) = db.execute("SELECT table_name FROM gpkg_contents").fetchone()
            rtree = f"rtree_{table}_geom"
            if name == "fast":
                assert db.execute(f"SELECT rtreecheck('{rtree}')").fetchone()[0] == "ok"
            answers[name] = [sorted(r[0] for r in db.execute(
                f'SELECT id FROM "{rtree}" WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ?',
                (640000 + 20000 * a, 642000 + 20000 * a, 3450000 + 20000 * b, 3452000 + 20000 * b)))
                for a, b in windows]
    assert answers["fast"] == answers["slow"] and any(answers["fast"])
