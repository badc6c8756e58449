"""cimtwin:heightlimit keeps every building (defect 6) and refuses unknown fields (issue 20)."""
from __future__ import annotations

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from qgis.core import QgsProcessingException, QgsVectorLayer  # noqa: E402


def run(alg, params):
    import processing

    return processing.run(f"cimtwin:{alg}", params)


def square(x, y=3450000, size=10):
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def test_every_building_ends_in_the_output_with_a_status(cimtwin, memory_layer, tmp_path):
    buildings = memory_layer("Polygon", "EPSG:4547", [("id", "integer"), ("h", "double"), ("height_m", "double")], [
        (square(500000), [1, 30.0, 7.0]),      # within the zone
        (square(500100), [2, 80.0, 7.0]),      # over the zone
        (square(500200), [3, None, 7.0]),      # no height
        (None, [4, 20.0, 7.0]),                # no geometry
        (square(509000), [5, 20.0, 7.0]),      # outside every zone
    ])
    zones = memory_layer("Polygon", "EPSG:4547", [("limit", "double")],
                         [("POLYGON((499990 3449990,500150 3449990,500150 3450020,499990 3450020,499990 3449990))",
                           [45.0])])
    out = tmp_path / "hl.gpkg"
    result = run("heightlimit", {"BUILDINGS": buildings, "HEIGHT_FIELD": "h", "LIMITS": zones,
                                 "LIMIT_FIELD": "limit", "OUTPUT": str(out)})
    assert (result["OVER"], result["WITHIN"], result["UNCHECKED"]) == (1, 1, 3)
    rows = {f["id"]: f for f in QgsVectorLayer(str(out), "o", "ogr").getFeatures()}
    assert sorted(rows) == [1, 2, 3, 4, 5]  # nothing is lost
    assert {i: rows[i]["hl_status"] for i in rows} == {1: "within", 2: "over", 3: "not_checked",
                                                       4: "not_checked", 5: "not_checked"}
    assert rows[2]["excess_m"] == pytest.approx(35.0)
    assert all(rows[i]["hl_reason"] for i in (3, 4, 5)) and not rows[1]["hl_reason"]
    assert rows[1]["height_m"] == 7.0 and rows[1]["height_m_2"] == 30.0  # the user's field is kept


def test_unknown_field_names_are_refused_with_the_fields_listed(cimtwin, memory_layer):
    buildings = memory_layer("Polygon", "EPSG:4547", [("h", "double")], [(square(500000), [30.0])], name="bldg")
    zones = memory_layer("Polygon", "EPSG:4547", [("limit", "double")], [(square(499990, size=50), [45.0])],
                         name="zones")
    with pytest.raises(QgsProcessingException, match=r"zones.*lmit.*limit"):
        run("heightlimit", {"BUILDINGS": buildings, "HEIGHT_FIELD": "h", "LIMITS": zones, "LIMIT_FIELD": "lmit",
                            "OUTPUT": "TEMPORARY_OUTPUT"})
    with pytest.raises(QgsProcessingException, match=r"bldg.*hight.*h"):
        run("heightlimit", {"BUILDINGS": buildings, "HEIGHT_FIELD": "hight", "LIMIT_VALUE": 10,
                            "OUTPUT": "TEMPORARY_OUTPUT"})


def test_unknown_field_names_are_refused_by_gridcode_and_measure(cimtwin, memory_layer):
    points = memory_layer("Point", "EPSG:4490", [("z", "double")], [("POINT(121.5 31.2)", [3.0])], name="pts")
    with pytest.raises(QgsProcessingException, match=r"pts.*zz.*HEIGHT_FIELD.*z"):
        run("gridcode", {"INPUT": points, "LEVEL": 6, "HEIGHT_FIELD": "zz", "OUTPUT": "TEMPORARY_OUTPUT"})
    polygons = memory_layer("Polygon", "EPSG:4547", [("h", "double")], [(square(500000), [3.0])], name="polys")
    with pytest.raises(QgsProcessingException, match=r"polys.*hh.*h"):
        run("measure", {"INPUT": polygons, "HEIGHT_FIELD": "hh", "OUTPUT": "TEMPORARY_OUTPUT"})


def test_measure_never_replaces_the_users_height_field(cimtwin, memory_layer, tmp_path):
    polygons = memory_layer("Polygon", "EPSG:4547", [("height_m", "double")], [(square(500000), [12.0])])
    out = tmp_path / "m.gpkg"
    run("measure", {"INPUT": polygons, "OUTPUT": str(out)})
    (f,) = QgsVectorLayer(str(out), "m", "ogr").getFeatures()
    assert f["height_m"] == 12.0  # kept, not NULL
    assert f.fields().lookupField("height_m_2") >= 0 and f["area_m2"] == pytest.approx(100.0, rel=1e-3)


@pytest.mark.parametrize("crs, wkt, area", [
    ("EPSG:2227", "POLYGON((6000000 2100000,6000328.0833 2100000,6000328.0833 2100328.0833,"
                  "6000000 2100328.0833,6000000 2100000))", 10000.0),  # 100 m x 100 m in US feet
    ("EPSG:4326", "POLYGON((121 31,121.001 31,121.001 31.001,121 31.001,121 31))", 10585.0),
])
def test_measure_gives_metres_on_feet_and_degrees(cimtwin, memory_layer, tmp_path, crs, wkt, area):
    layer = memory_layer("Polygon", crs, [("id", "integer")], [(wkt, [1])])
    out = tmp_path / "m.gpkg"
    run("measure", {"INPUT": layer, "OUTPUT": str(out)})
    (f,) = QgsVectorLayer(str(out), "m", "ogr").getFeatures()
    assert f["area_m2"] == pytest.approx(area, rel=0.01)
