"""Network algorithms: defects of issues 13 and 20 (ids keep their type, metres in any CRS unit, one note
instead of a line per road, layers named apart, unknown fields and huge integers refused or clamped, every
point accounted for). Small memory layers: a failed run with a GeoPackage input crashes QGIS 3.22 at exit."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from qgis.core import (  # noqa: E402
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant  # noqa: E402
from test_network_algs import Log, run  # noqa: E402 (one feedback recorder and context for the network tests)

X0, Y0 = 360000.0, 3455000.0  # EPSG:4550


def cross_roads(memory_layer, name="roads"):
    """Two 400 m roads crossing at their middle (noded there), with a speed and a one-way field."""
    x, y = X0, Y0
    return memory_layer("LineString", "EPSG:4550", [("speed_kmh", "double"), ("oneway", "integer")], [
        (f"LINESTRING({x} {y}, {x + 200} {y})", [30.0, 0]),
        (f"LINESTRING({x + 200} {y}, {x + 400} {y})", [30.0, 0]),
        (f"LINESTRING({x + 200} {y - 200}, {x + 200} {y})", [50.0, 0]),
        (f"LINESTRING({x + 200} {y}, {x + 200} {y + 200})", [50.0, 0]),
    ], name=name)


def stops(memory_layer, name="stops"):
    """Three points beside the roads with ids of every type: integer, 64-bit integer, double, text, date."""
    fields = [("code", "integer"), ("big", "long"), ("ratio", "double"), ("label", "string"), ("day", "date")]
    xy = [(X0 + 10, Y0 + 5), (X0 + 390, Y0 - 5), (X0 + 205, Y0 + 190)]
    rows = [(f"POINT({x} {y})", [10 + i, 5_000_000_000 + i, 0.5 + i, f"S{i}", f"2024-01-0{i + 1}"])
            for i, (x, y) in enumerate(xy)]
    return memory_layer("Point", "EPSG:4550", fields, rows, name=name)


def field_type(layer, name):
    return layer.fields().field(name).type()


def values(layer, name):
    return sorted({f[name] for f in layer.getFeatures() if f[name] is not None and f[name] == f[name]}, key=str)


# -- issue 13, defect 2: ids keep the type of the input field ---------------------------------------------
def test_output_ids_keep_the_type_of_the_input_id_field(cimtwin, memory_layer):
    roads, pts = cross_roads(memory_layer), stops(memory_layer)
    inputs = {name: sorted({f[name] for f in pts.getFeatures()}, key=str) for name in ("code", "big", "ratio",
                                                                                        "label", "day")}
    od = run("cimtwin:odmatrix", {"NETWORK": roads, "ORIGINS": pts, "DESTINATIONS": pts, "ORIGIN_ID_FIELD": "code",
                                  "DESTINATION_ID_FIELD": "label", "OUTPUT": "memory:", "OUTPUT_LINES": "memory:"})
    for out in (od["OUTPUT"], od["OUTPUT_LINES"]):
        assert field_type(out, "origin_id") == QVariant.Int
        assert field_type(out, "destination_id") == QVariant.String
        assert values(out, "origin_id") == inputs["code"] and values(out, "destination_id") == inputs["label"]
    row = next(f for f in od["OUTPUT"].getFeatures() if f["origin_id"] == 10 and f["destination_id"] == "S1")
    assert row["status"] == "ok" and row["cost"] > 300

    near = run("cimtwin:nearestfacility", {"NETWORK": roads, "INCIDENTS": pts, "FACILITIES": pts, "N": 2,
                                           "INCIDENT_ID_FIELD": "big", "FACILITY_ID_FIELD": "day",
                                           "OUTPUT": "memory:"})["OUTPUT"]
    assert field_type(near, "incident_id") == QVariant.LongLong and field_type(near, "facility_id") == QVariant.Date
    assert values(near, "incident_id") == inputs["big"] and values(near, "facility_id") == inputs["day"]

    areas = run("cimtwin:servicearea", {"NETWORK": roads, "FACILITIES": pts, "FACILITY_ID_FIELD": "ratio",
                                        "COSTS": "100", "OUTPUT_LINES": "memory:", "OUTPUT_POLYGONS": "memory:",
                                        "OUTPUT_NODES": "memory:"})
    for key in ("OUTPUT_LINES", "OUTPUT_POLYGONS", "OUTPUT_NODES"):
        assert field_type(areas[key], "facility_id") == QVariant.Double, key
    assert values(areas["OUTPUT_LINES"], "facility_id") == inputs["ratio"]

    # without an id field: feature ids, as 64-bit integers (they join to $id)
    plain = run("cimtwin:odmatrix", {"NETWORK": roads, "ORIGINS": pts, "DESTINATIONS": pts,
                                     "OUTPUT": "memory:"})["OUTPUT"]
    assert field_type(plain, "origin_id") == QVariant.LongLong and values(plain, "origin_id") == [1, 2, 3]
    route = run("cimtwin:shortestpath", {"NETWORK": roads, "START_LAYER": pts, "END_LAYER": pts,
                                         "OUTPUT": "memory:"})["OUTPUT"]
    assert field_type(route, "start_fid") == QVariant.LongLong


# -- issue 13, defect 9: metres in a CRS in feet (and in degrees) -------------------------------------------
def _network_in(crs, memory_layer):
    """One network in EPSG:32610 metres (San Francisco) written in *crs*: road A 400 m long, road B starting
    0.6 m beyond A's end (an undershoot that a 1 m snapping tolerance closes); a facility 10 m off A's start
    and a point 20 m off B."""
    from pyproj import Transformer

    x0, y0 = 551000.0, 4180000.0
    to = Transformer.from_crs("EPSG:32610", crs, always_xy=True)

    def wkt_line(points):
        return "LINESTRING(" + ", ".join("{!r} {!r}".format(*to.transform(x0 + dx, y0 + dy)) for dx, dy in points) + ")"

    def wkt_point(dx, dy):
        return "POINT({!r} {!r})".format(*to.transform(x0 + dx, y0 + dy))

    roads = memory_layer("LineString", crs, [("id", "integer")], [
        (wkt_line([(0, 0), (200, 0), (400, 0)]), [1]),
        (wkt_line([(400.6, 0), (700, 0)]), [2]),
    ], name="roads")
    facility = memory_layer("Point", crs, [("id", "integer")], [(wkt_point(0, 10), [1])], name="facility")
    far = memory_layer("Point", crs, [("id", "integer")], [(wkt_point(600, 20), [2])], name="far")
    return roads, facility, far


CRSS = ["EPSG:32610", "EPSG:2227", "EPSG:4326"]  # metres (the reference), US survey feet, degrees


@pytest.mark.parametrize("crs", CRSS)
def test_service_area_buffer_and_area_are_metres_whatever_the_unit_of_the_crs(cimtwin, memory_layer, crs):
    roads, facility, _ = _network_in(crs, memory_layer)
    log = Log()
    areas = run("cimtwin:servicearea", {"NETWORK": roads, "FACILITIES": facility, "COSTS": "300", "BUFFER": 50,
                                        "OUTPUT_LINES": "memory:", "OUTPUT_POLYGONS": "memory:"}, log)
    (line,) = areas["OUTPUT_LINES"].getFeatures()
    (polygon,) = areas["OUTPUT_POLYGONS"].getFeatures()
    assert line["length_m"] == pytest.approx(290.0, rel=2e-3)  # 300 m minus the 10 m connector
    # a 50 m buffer around 290 m of straight road (octagonal caps of quad_segs=2): 290 x 100 + 2 sqrt(2) 50^2
    assert polygon["area_m2"] == pytest.approx(290 * 100 + 2 * 2 ** 0.5 * 50 ** 2, rel=5e-3)
    assert "buffer 50 m" in polygon["method"]
    if crs == "EPSG:2227":
        # the polygon itself is 290 + 2 x 50 m wide, in feet
        width = polygon.geometry().boundingBox().width()
        assert width * 1200 / 3937 == pytest.approx(390.0, rel=5e-3)
        assert "distances given in metres" in log.text and "converted" in log.text
    if crs == "EPSG:4326":
        assert "UTM zone" in log.text


@pytest.mark.parametrize("crs", CRSS)
def test_snapping_tolerance_is_metres_whatever_the_unit_of_the_crs(cimtwin, memory_layer, crs):
    roads, facility, _ = _network_in(crs, memory_layer)
    areas = run("cimtwin:servicearea", {"NETWORK": roads, "FACILITIES": facility, "COSTS": "600", "BUFFER": 50,
                                        "SNAP_TOLERANCE": 1.0, "OUTPUT_LINES": "memory:"})
    (line,) = areas["OUTPUT_LINES"].getFeatures()
    # 600 m minus the 10 m connector, across the 0.6 m gap that a 1 m tolerance closes, onto road B
    assert line["length_m"] == pytest.approx(590.0, rel=2e-3)


@pytest.mark.parametrize("crs", CRSS)
def test_snapping_distance_and_route_lengths_are_metres_whatever_the_unit_of_the_crs(cimtwin, memory_layer, crs):
    roads, facility, far = _network_in(crs, memory_layer)
    common = {"NETWORK": roads, "SNAP_TOLERANCE": 1.0, "START_LAYER": facility, "END_LAYER": far,
              "OUTPUT": "memory:"}
    (feature,) = run("cimtwin:shortestpath", dict(common, MAX_SNAP=25.0))["OUTPUT"].getFeatures()
    assert feature["status"] == "ok", feature["reason"]  # 20 m off the road: within MAX_SNAP=25 m
    assert feature["network_m"] == pytest.approx(599.4, rel=2e-3)  # the gap closed: B's start moved onto A's end
    assert feature["start_snap_m"] == pytest.approx(10.0, rel=2e-3)
    assert feature["end_snap_m"] == pytest.approx(20.0, rel=2e-3)
    assert feature["length_m"] == pytest.approx(629.4, rel=2e-3)
    assert feature["cost"] == pytest.approx(629.4, rel=2e-3)
    (feature,) = run("cimtwin:shortestpath", dict(common, MAX_SNAP=15.0))["OUTPUT"].getFeatures()
    assert feature["status"] == "destination_rejected" and "15 m" in feature["reason"]


# -- issue 13, defect 10: one note instead of a line per road; layers of one file told apart; rejects once ----
def test_default_speed_is_one_note_and_none_when_the_speed_is_not_used(cimtwin, memory_layer):
    roads, pts = cross_roads(memory_layer), stops(memory_layer)
    params = {"NETWORK": roads, "START_LAYER": pts, "END_LAYER": pts, "PAIRING": 1, "OUTPUT": "memory:"}
    for cost, mode, expected in ((0, 0, 0), (1, 1, 0), (1, 0, 1)):
        log = Log()
        run("cimtwin:shortestpath", dict(params, COST=cost, MODE=mode), log)
        assert "speed is empty" not in log.text
        assert log.text.count("default speed") == expected, (cost, mode, log.text)


def test_messages_name_the_layer_of_a_geopackage_with_several_layers(cimtwin, tmp_path):
    from osgeo import ogr, osr

    path = tmp_path / "city.gpkg"
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4550)
    lines = dataset.CreateLayer("streets", srs, ogr.wkbLineString)
    for wkt in (f"LINESTRING({X0} {Y0}, {X0 + 300} {Y0})", None):
        feature = ogr.Feature(lines.GetLayerDefn())
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lines.CreateFeature(feature)
    points = dataset.CreateLayer("stops", srs, ogr.wkbPoint)
    for wkt in (f"POINT({X0 + 5} {Y0 + 5})", f"POINT({X0 + 250} {Y0 - 5})", None):
        feature = ogr.Feature(points.GetLayerDefn())
        if wkt:
            feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        points.CreateFeature(feature)
    dataset = None
    log = Log()
    run("cimtwin:odmatrix", {"NETWORK": f"{path}|layername=streets", "ORIGINS": f"{path}|layername=stops",
                             "DESTINATIONS": f"{path}|layername=stops", "OUTPUT": "memory:"}, log)
    assert "streets (city.gpkg), feature 2: no geometry" in log.text
    assert "stops (city.gpkg), feature 3: no geometry" in log.text
    assert "city, feature" not in log.text
    # the layer is origins and destinations: its rejects are listed once, saying so
    assert log.text.count("feature 3: no geometry") == 1
    assert "Origins + Destinations stops (city.gpkg): 3 points = 2 attached to the network + 1 rejected" in log.text


# -- issue 20: unknown fields refused, integers never wrap, every point accounted for ----------------------
@pytest.mark.parametrize("alg, key, layer_name", [
    ("cimtwin:shortestpath", "SPEED_FIELD", "roads"),
    ("cimtwin:shortestpath", "DIRECTION_FIELD", "roads"),
    ("cimtwin:odmatrix", "ORIGIN_ID_FIELD", "stops"),
    ("cimtwin:odmatrix", "DESTINATION_ID_FIELD", "stops"),
    ("cimtwin:nearestfacility", "INCIDENT_ID_FIELD", "stops"),
    ("cimtwin:nearestfacility", "FACILITY_ID_FIELD", "stops"),
    ("cimtwin:servicearea", "FACILITY_ID_FIELD", "stops"),
])
def test_a_field_that_does_not_exist_is_refused(cimtwin, memory_layer, alg, key, layer_name):
    roads, pts = cross_roads(memory_layer), stops(memory_layer)
    params = {
        "cimtwin:shortestpath": {"START_LAYER": pts, "END_LAYER": pts, "OUTPUT": "memory:"},
        "cimtwin:odmatrix": {"ORIGINS": pts, "DESTINATIONS": pts, "OUTPUT": "memory:"},
        "cimtwin:nearestfacility": {"INCIDENTS": pts, "FACILITIES": pts, "OUTPUT": "memory:"},
        "cimtwin:servicearea": {"FACILITIES": pts, "COSTS": "100", "OUTPUT_LINES": "memory:"},
    }[alg]
    fields = "speed_kmh, oneway" if layer_name == "roads" else "code, big, ratio, label, day"
    with pytest.raises(QgsProcessingException, match=re.escape(
            f"The layer {layer_name} has no field nosuch (parameter {key}); its fields are: {fields}.")):
        run(alg, dict(params, NETWORK=roads, **{key: "nosuch"}))


def test_a_huge_number_of_nearest_facilities_is_clamped_never_wrapped(cimtwin, memory_layer):
    roads, pts = cross_roads(memory_layer), stops(memory_layer)
    log = Log()
    result = run("cimtwin:nearestfacility", {"NETWORK": roads, "INCIDENTS": pts, "FACILITIES": pts,
                                             "N": 99999999999, "OUTPUT": "memory:"}, log)
    assert result["ROUTES"] == 3 * 3 and result["WITHOUT"] == 0
    assert result["OUTPUT"].featureCount() == 9
    assert "is more than the 3 facilities" in log.text
    with pytest.raises(QgsProcessingException, match="N = 2.5"):
        run("cimtwin:nearestfacility", {"NETWORK": roads, "INCIDENTS": pts, "FACILITIES": pts, "N": 2.5,
                                        "OUTPUT": "memory:"})


def test_rejected_points_are_counted_in_the_log(cimtwin, memory_layer):
    roads = cross_roads(memory_layer)
    pts = memory_layer("Point", "EPSG:4550", [("id", "integer")], [
        (f"POINT({X0 + 10} {Y0 + 5})", [1]), (None, [2]), (f"POINT({X0 + 5000} {Y0})", [3]),
        (f"MULTIPOINT(({X0} {Y0}),({X0 + 1} {Y0}))", [4])], name="mixed")
    other = stops(memory_layer)
    for alg, params, roles in (
        ("cimtwin:shortestpath", {"START_LAYER": pts, "END_LAYER": other, "PAIRING": 1, "OUTPUT": "memory:"},
         "Start points"),
        ("cimtwin:odmatrix", {"ORIGINS": pts, "DESTINATIONS": other, "OUTPUT": "memory:"}, "Origins"),
        ("cimtwin:nearestfacility", {"INCIDENTS": pts, "FACILITIES": other, "OUTPUT": "memory:"}, "Incidents"),
        ("cimtwin:servicearea", {"FACILITIES": pts, "COSTS": "100", "OUTPUT_LINES": "memory:"}, "Facilities"),
    ):
        log = Log()
        run(alg, dict(params, NETWORK=roads, MAX_SNAP=100), log)
        assert f"{roles} mixed: 4 points = 1 attached to the network + 3 rejected" in log.text, alg
        assert "mixed, feature 2: no geometry" in log.text
        assert "mixed, feature 3: nearest road is" in log.text
        assert "mixed, feature 4: several points" in log.text


def test_a_point_layer_without_crs_is_refused(cimtwin, memory_layer):
    roads = cross_roads(memory_layer)
    pts = QgsVectorLayer("Point?field=id:integer", "nocrs", "memory")
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature(pts.fields())
    feature.setGeometry(QgsGeometry.fromWkt(f"POINT({X0} {Y0})"))
    pts.dataProvider().addFeatures([feature])
    pts.setCrs(QgsCoordinateReferenceSystem())
    if pts.crs().isValid():
        pytest.skip("this QGIS gives memory layers a CRS")
    with pytest.raises(QgsProcessingException, match="nocrs has no coordinate reference system"):
        run("cimtwin:odmatrix", {"NETWORK": roads, "ORIGINS": pts, "DESTINATIONS": pts, "OUTPUT": "memory:"})


def test_a_bad_cost_band_names_the_parameter_and_the_value(cimtwin, memory_layer):
    roads, pts = cross_roads(memory_layer), stops(memory_layer)
    with pytest.raises(QgsProcessingException, match=r"COSTS '300,abc': cost band 'abc' is not a number"):
        run("cimtwin:servicearea", {"NETWORK": roads, "FACILITIES": pts, "COSTS": "300,abc",
                                    "OUTPUT_LINES": "memory:"})
