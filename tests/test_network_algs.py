"""Network algorithms in a real QGIS: agreement with native:shortestpathpointtopoint, content of
every output, bad input. Uses the sample district (generated once per module)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from qgis.core import (  # noqa: E402
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parent.parent
ELLIPSOID = "EPSG:1024"  # CGCS2000, the district's datum


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    out = tmp_path_factory.mktemp("district") / "d"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                    "--households", "300", "--out", str(out), "--quiet"], check=True)
    return out / "twin.gpkg"


def defect_edge(district, kind):
    """Edge id of a deliberate road defect, from the district's truth table (for locating test points)."""
    import csv

    with open(district.parent / "truth" / "road_defects.csv", encoding="utf-8") as handle:
        return next(row for row in csv.DictReader(handle) if row["kind"] == kind)


def layer(path, name):
    lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert lyr.isValid()
    return lyr


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, text):  # noqa: N802 (QGIS naming)
        self.lines.append(text)

    def reportError(self, text, fatal=False):  # noqa: N802 (QGIS naming)
        self.lines.append(text)

    @property
    def text(self):
        return "\n".join(self.lines)


def context():
    ctx = QgsProcessingContext()
    project = QgsProject.instance()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4550"))
    project.setEllipsoid(ELLIPSOID)
    ctx.setProject(project)
    ctx.setEllipsoid(ELLIPSOID)
    return ctx


def run(alg, params, feedback=None):
    import processing

    return processing.run(alg, params, context=context(), feedback=feedback or Log())


ROADS = {"DIRECTION_FIELD": "oneway", "VALUE_FORWARD": "1", "VALUE_BACKWARD": "-1", "VALUE_BOTH": "0",
         "SPEED_FIELD": "speed_kmh"}


def points_layer(memory_layer, xy, crs="EPSG:4550"):
    return memory_layer("Point", crs, [("pid", "integer")],
                        [(f"POINT({x!r} {y!r})", [i]) for i, (x, y) in enumerate(xy)])


def test_costs_agree_with_native_shortest_path_including_one_way_and_points_between_nodes(
        cimtwin, district, memory_layer):
    import processing

    roads = layer(district, "roads")
    oneways = [f for f in roads.getFeatures() if f["oneway"] == 1]
    assert oneways, "the sample district has one-way streets"
    # points beside one-way streets (between nodes) and a few elsewhere, all in the main component
    pts = []
    for f in oneways[:3]:
        mid = f.geometry().interpolate(f.geometry().length() * 0.37).asPoint()
        pts.append((mid.x() + 3.0, mid.y() + 2.0))
    pts += [(359700.5, 3455100.2), (360300.3, 3455500.7), (359500.1, 3455800.9)]
    pts_layer = points_layer(memory_layer, pts)
    for strategy, cost_field, scale in ((0, "network_m", 1.0), (1, "network_s", 1 / 3600.0)):
        ours = run("cimtwin:shortestpath", dict(ROADS, NETWORK=roads, START_LAYER=pts_layer, END_LAYER=pts_layer,
                                                PAIRING=1, COST=strategy, OUTPUT="memory:"))["OUTPUT"]
        compared = 0
        for feature in ours.getFeatures():
            i, j = feature["start_fid"], feature["end_fid"]
            if i == j:
                continue
            (xa, ya), (xb, yb) = pts[i - 1], pts[j - 1]  # memory layer fids start at 1
            native = processing.run("native:shortestpathpointtopoint", {
                "INPUT": roads, "STRATEGY": strategy, "DIRECTION_FIELD": "oneway", "VALUE_FORWARD": "1",
                "VALUE_BACKWARD": "-1", "VALUE_BOTH": "0", "DEFAULT_DIRECTION": 2, "SPEED_FIELD": "speed_kmh",
                "DEFAULT_SPEED": 30, "TOLERANCE": 0, "START_POINT": f"{xa},{ya} [EPSG:4550]",
                "END_POINT": f"{xb},{yb} [EPSG:4550]", "OUTPUT": "memory:"}, context=context())
            assert feature["status"] == "ok"
            assert feature[cost_field] * scale == pytest.approx(native["TRAVEL_COST"], rel=1e-6)
            compared += 1
        assert compared == len(pts) * (len(pts) - 1)
    # one-way streets make some trips asymmetric: the comparison covered them
    costs = {(f["start_fid"], f["end_fid"]): f["network_m"] for f in ours.getFeatures()}
    assert any(abs(costs[(1, j)] - costs[(j, 1)]) > 1 for j in range(2, len(pts) + 1))


def test_disconnected_park_path_is_unreachable_and_far_points_are_rejected(cimtwin, district, memory_layer):
    roads = layer(district, "roads")
    park_id = int(defect_edge(district, "disconnected")["edge_id"])
    park = next(f for f in roads.getFeatures() if f["edge_id"] == park_id).geometry().interpolate(1.0).asPoint()
    pts = points_layer(memory_layer, [(359700.5, 3455100.2), (park.x() + 1, park.y()), (300000.0, 3000000.0)])
    log = Log()
    result = run("cimtwin:odmatrix", dict(ROADS, NETWORK=roads, ORIGINS=pts, DESTINATIONS=pts, MAX_SNAP=100,
                                          OUTPUT="memory:"), log)
    rows = {(f["origin_id"], f["destination_id"]): f for f in result["OUTPUT"].getFeatures()}
    assert len(rows) == 9, "every pair has a row"
    assert rows[(1, 2)]["status"] == "unreachable" and rows[(1, 2)]["cost"] is None or \
        str(rows[(1, 2)]["cost"]) == "NULL"
    assert rows[(2, 1)]["status"] == "unreachable"
    assert rows[(1, 3)]["status"] == "destination_rejected"
    assert "maximum snapping distance" in rows[(1, 3)]["reason"]
    assert rows[(1, 3)]["reason"].startswith("destination: ") and rows[(3, 1)]["reason"].startswith("origin: ")
    assert rows[(1, 1)]["cost"] == 0 and rows[(2, 2)]["status"] == "same_point"
    assert result["UNREACHABLE"] == 9 - 2
    assert "connected parts" in log.text
    # with route lines the table comes from the routes (one Dijkstra run): the same rows, one line per pair
    with_lines = run("cimtwin:odmatrix", dict(ROADS, NETWORK=roads, ORIGINS=pts, DESTINATIONS=pts, MAX_SNAP=100,
                                              OUTPUT="memory:", OUTPUT_LINES="memory:"))
    table = {(f["origin_id"], f["destination_id"]): (f["status"], f["cost"], f["length_m"])
             for f in with_lines["OUTPUT"].getFeatures()}
    assert table == {k: (f["status"], f["cost"], f["length_m"]) for k, f in rows.items()}
    lines = {(f["origin_id"], f["destination_id"]): f for f in with_lines["OUTPUT_LINES"].getFeatures()}
    assert len(lines) == 9 and lines[(1, 2)].geometry().isNull()
    assert lines[(1, 1)]["status"] == "same_point"
    assert {k: f["reason"] for k, f in lines.items()} == {k: f["reason"] for k, f in rows.items()}
    route = run("cimtwin:shortestpath", dict(ROADS, NETWORK=roads, START=f"{359700.5},{3455100.2} [EPSG:4550]",
                                             END=f"{park.x() + 1},{park.y()} [EPSG:4550]", OUTPUT="memory:"))
    (feature,) = list(route["OUTPUT"].getFeatures())
    assert feature["status"] == "unreachable" and feature.geometry().isNull() and route["FAILED"] == 1


def test_undershoot_closes_with_a_snapping_tolerance(cimtwin, district, memory_layer):
    roads = layer(district, "roads")
    defect = defect_edge(district, "undershoot")
    edge = next(f for f in roads.getFeatures() if f["edge_id"] == int(defect["edge_id"])).geometry()
    mid = edge.interpolate(edge.length() / 2).asPoint()
    gap_x, gap_y = float(defect["x"]), float(defect["y"])
    near_gap = (gap_x + 3.0, gap_y - 1.0)  # on the road the undershoot fails to reach
    pts = points_layer(memory_layer, [(mid.x() + 1, mid.y()), near_gap])
    trips = []
    for tolerance in (0.0, 1.0):
        out = run("cimtwin:shortestpath", dict(ROADS, NETWORK=roads, START_LAYER=pts, END_LAYER=pts, PAIRING=1,
                                               SNAP_TOLERANCE=tolerance, OUTPUT="memory:"))["OUTPUT"]
        trips.append(next(f for f in out.getFeatures() if f["start_fid"] == 1 and f["end_fid"] == 2)["network_m"])
    assert trips[1] < trips[0] - 50, "with 1 m tolerance the undershoot joins the boundary road"


def test_any_point_crs_gives_the_same_costs(cimtwin, district, memory_layer):
    roads = layer(district, "roads")
    xy = [(359700.5, 3455100.2), (360300.3, 3455500.7)]
    to_geo = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4550"),
                                    QgsCoordinateReferenceSystem("EPSG:4490"), QgsProject.instance())
    geo = [to_geo.transform(QgsPointXY(x, y)) for x, y in xy]
    a = run("cimtwin:odmatrix", dict(ROADS, NETWORK=roads, ORIGINS=points_layer(memory_layer, xy),
                                     DESTINATIONS=points_layer(memory_layer, xy), OUTPUT="memory:"))["OUTPUT"]
    b = run("cimtwin:odmatrix", dict(ROADS, NETWORK=roads,
                                     ORIGINS=points_layer(memory_layer, [(p.x(), p.y()) for p in geo], "EPSG:4490"),
                                     DESTINATIONS=points_layer(memory_layer, xy), OUTPUT="memory:"))["OUTPUT"]
    ca = sorted((f["origin_id"], f["destination_id"], f["cost"]) for f in a.getFeatures())
    cb = sorted((f["origin_id"], f["destination_id"], f["cost"]) for f in b.getFeatures())
    assert [c[:2] for c in ca] == [c[:2] for c in cb]
    for (o, d, x), (_, _, y) in zip(ca, cb):
        if o != d:  # a reprojected point is not bit-identical to its original: no 'same point' there
            assert x == pytest.approx(y, abs=1e-4)
    assert ca[1][2] > 500


def test_nearest_facility_ranks_routes_within_max_cost(cimtwin, district):
    roads = layer(district, "roads")
    facilities = layer(district, "facilities")
    result = run("cimtwin:nearestfacility", dict(ROADS, NETWORK=roads, INCIDENTS=facilities, FACILITIES=facilities,
                                                 FACILITY_ID_FIELD="facility_id", INCIDENT_ID_FIELD="facility_id",
                                                 N=3, MAX_COST=800, OUTPUT="memory:"))
    by_incident = {}
    for f in result["OUTPUT"].getFeatures():
        by_incident.setdefault(f["incident_id"], []).append(f)
    assert len(by_incident) == facilities.featureCount(), "every incident has a row"
    for rows in by_incident.values():
        ok = sorted((r for r in rows if r["status"] in ("ok", "same_point")), key=lambda r: r["rank"])
        assert [r["rank"] for r in ok] == list(range(1, len(ok) + 1))
        assert all(r["cost"] <= 800 for r in ok)
        assert [r["cost"] for r in ok] == sorted(r["cost"] for r in ok)
        assert ok[0]["facility_id"] == ok[0]["incident_id"], "a facility is its own nearest"
        for r in ok[1:]:
            assert not r.geometry().isNull() and r.geometry().length() > 0


def test_service_areas_per_facility_and_band(cimtwin, district):
    roads = layer(district, "roads")
    facilities = layer(district, "facilities")
    log = Log()
    result = run("cimtwin:servicearea", dict(ROADS, NETWORK=roads, FACILITIES=facilities, COSTS="5,10",
                                             COST=1, MODE=1, COST_UNIT=1, FACILITY_ID_FIELD="facility_id",
                                             OUTPUT_LINES="memory:", OUTPUT_POLYGONS="memory:",
                                             OUTPUT_NODES="memory:"), log)
    n = facilities.featureCount()
    lines = list(result["OUTPUT_LINES"].getFeatures())
    polygons = list(result["OUTPUT_POLYGONS"].getFeatures())
    assert len(lines) == len(polygons) == 2 * n and result["AREAS"] == 2 * n
    by = {(f["facility_id"], f["band"]): f for f in lines}
    for fid in {f["facility_id"] for f in lines}:
        small, big = by[(fid, 5.0)], by[(fid, 10.0)]
        assert 0 < small["length_m"] < big["length_m"]
        assert small["length_m"] == pytest.approx(small.geometry().length(), rel=1e-3)
    assert all("buffer 50 m" in p["method"] and p["area_m2"] > 0 for p in polygons)
    assert all(p.geometry().contains(by[(p["facility_id"], p["band"])].geometry().centroid()) or
               p.geometry().buffer(1, 2).intersects(by[(p["facility_id"], p["band"])].geometry()) for p in polygons)
    nodes = list(result["OUTPUT_NODES"].getFeatures())
    assert nodes and all(0 <= f["cost"] <= 10 for f in nodes)
    assert all(f["band"] == (5 if f["cost"] <= 5 else 10) for f in nodes)  # the smallest band holding the cost
    assert {f["band"] for f in nodes} == {5, 10}
    assert "1.2 m/s" in log.text


def test_bad_input_gives_clear_messages(cimtwin, memory_layer):
    # memory layers only: a run that fails with a GeoPackage layer as input makes QGIS 3.22 crash
    # at interpreter exit (after exitQgis), which would fail the whole test session
    roads = memory_layer("LineString", "EPSG:4550", [("id", "integer")],
                         [("LINESTRING(359600 3455100, 359800 3455100)", [1])], name="roads")
    empty = memory_layer("LineString", "EPSG:4550", [("id", "integer")], [], name="no_roads")
    pts = points_layer(memory_layer, [(359700.5, 3455100.2)])
    with pytest.raises(QgsProcessingException, match="no_roads.*no features"):
        run("cimtwin:odmatrix", {"NETWORK": empty, "ORIGINS": pts, "DESTINATIONS": pts, "OUTPUT": "memory:"})
    with pytest.raises(QgsProcessingException, match="COSTS"):
        run("cimtwin:servicearea", {"NETWORK": roads, "FACILITIES": pts, "COSTS": "0,5", "OUTPUT_LINES": "memory:"})
    with pytest.raises(QgsProcessingException, match="COSTS"):
        run("cimtwin:servicearea", {"NETWORK": roads, "FACILITIES": pts, "COSTS": "-5", "OUTPUT_LINES": "memory:"})
    # a messy network: null geometry, zero length, a loop, a multipart line, text speed
    x, y = 359000.0, 3455000.0
    messy = memory_layer("MultiLineString", "EPSG:4550", [("id", "integer"), ("speed", "string")], [
        (f"MULTILINESTRING(({x} {y}, {x + 100} {y}),({x + 100} {y}, {x + 200} {y}))", [1, "40"]),
        (None, [2, "40"]),
        (f"MULTILINESTRING(({x + 50} {y + 50}, {x + 50} {y + 50}))", [3, "40"]),
        (f"MULTILINESTRING(({x + 200} {y}, {x + 250} {y + 50}, {x + 250} {y - 50}, {x + 200} {y}))", [4, "fast"]),
        (f"MULTILINESTRING(({x} {y}, {x} {y + 100}))", [5, None]),
    ], name="messy")
    ends = points_layer(memory_layer, [(x, y + 100), (x + 250, y)])
    log = Log()
    result = run("cimtwin:shortestpath", {"NETWORK": messy, "SPEED_FIELD": "speed", "START_LAYER": ends,
                                          "END_LAYER": ends, "PAIRING": 1, "COST": 1, "OUTPUT": "memory:"}, log)
    text = log.text
    assert "feature 2: no geometry" in text
    assert "feature 3: zero length" in text
    # one note for the roads without a valid speed, naming the layer and the features (not a line per road)
    assert "messy: 2 roads have a speed (speed) that is empty" in text and "(features 4, 5)" in text
    assert "feature 4: speed is empty" not in text
    assert "feature 4: starts and ends at the same node" in text
    assert "1 multipart features split" in text
    route = next(f for f in result["OUTPUT"].getFeatures() if f["start_fid"] == 1 and f["end_fid"] == 2)
    assert route["status"] == "ok" and route["network_m"] == pytest.approx(100 + 200 + 50 * 2 ** 0.5 + 50, rel=1e-3)
    # the same point as start and end
    same = next(f for f in result["OUTPUT"].getFeatures() if f["start_fid"] == 1 and f["end_fid"] == 1)
    assert same["status"] == "same_point" and same["cost"] == 0


def test_graph_is_reused_between_runs(cimtwin, district, memory_layer):
    roads = layer(district, "roads")
    pts = points_layer(memory_layer, [(359700.5, 3455100.2), (360300.3, 3455500.7)])
    params = dict(ROADS, NETWORK=roads, START_LAYER=pts, END_LAYER=pts, SNAP_TOLERANCE=0.25, OUTPUT="memory:")
    run("cimtwin:shortestpath", params)
    log = Log()
    run("cimtwin:shortestpath", params, log)
    assert "reused from the cache" in log.text
    log = Log()
    run("cimtwin:shortestpath", dict(params, SNAP_TOLERANCE=0.3), log)
    assert "reused from the cache" not in log.text, "other settings build another graph"


def test_service_area_on_a_geographic_layer_is_in_true_metres(cimtwin, memory_layer):
    """Roads in EPSG:4326 near Shanghai: worked in UTM 51N, outputs back in degrees, lengths in metres."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    roads = memory_layer("LineString", "EPSG:4326", [("id", "integer")],
                         [("LINESTRING(121.5 31.2, 121.502 31.2)", [1])])
    facility = points_layer(memory_layer, [(121.5, 31.2)], "EPSG:4326")
    result = run("cimtwin:servicearea", {"NETWORK": roads, "FACILITIES": facility, "COSTS": "100",
                                         "OUTPUT_LINES": "memory:", "OUTPUT_POLYGONS": "memory:"})
    (line,) = result["OUTPUT_LINES"].getFeatures()
    (polygon,) = result["OUTPUT_POLYGONS"].getFeatures()
    assert line["length_m"] == pytest.approx(100.0, rel=1e-6)
    end = line.geometry().boundingBox().xMaximum()
    assert geod.inv(121.5, 31.2, end, 31.2)[2] == pytest.approx(100.0, rel=1e-3)
    box = polygon.geometry().boundingBox()  # the reachable 100 m plus the 50 m buffer, in degrees
    assert geod.inv(121.5, 31.2, box.xMaximum(), 31.2)[2] == pytest.approx(150.0, rel=0.02)
    assert geod.inv(121.5, 31.2, 121.5, box.yMaximum())[2] == pytest.approx(50.0, rel=0.02)
    assert polygon.geometry().contains(QgsGeometry.fromPointXY(QgsPointXY(121.5, 31.2)))


def test_direction_codes_in_a_numeric_field_are_read(cimtwin, memory_layer):
    # oneway stored as a decimal number (1.0), as a shapefile or a spreadsheet import gives it: still one-way
    roads = memory_layer("LineString", "EPSG:4550", [("oneway", "double")],
                         [("LINESTRING(360000 3455000, 360100 3455000)", [1.0])])
    a, b = points_layer(memory_layer, [(360000.0, 3455001.0)]), points_layer(memory_layer, [(360100.0, 3455001.0)])
    params = dict(ROADS, NETWORK=roads, DEFAULT_DIRECTION=2, SPEED_FIELD=None, OUTPUT="memory:")
    [along] = run("cimtwin:shortestpath", dict(params, START_LAYER=a, END_LAYER=b))["OUTPUT"].getFeatures()
    [against] = run("cimtwin:shortestpath", dict(params, START_LAYER=b, END_LAYER=a))["OUTPUT"].getFeatures()
    assert along["status"] == "ok" and along["network_m"] == pytest.approx(100.0, rel=1e-3)  # ellipsoidal metres
    assert against["status"] == "unreachable"
