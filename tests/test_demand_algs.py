"""cimtwin:lifecirclecoverage in QGIS on the sample district: sums equal the input totals with an outside-units
row; bad input (a facility off the network, a null capacity, a duplicate id, units that miss points) is said and
nothing is lost (issue 15)."""
from __future__ import annotations

import pytest

pytest.importorskip("qgis.core")

from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer  # noqa: E402
from test_network_algs import district  # noqa: E402,F401 (the sample district, made once per module)

pytestmark = pytest.mark.qgis


def layer(path, name):
    result = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert result.isValid()
    return result


def test_coverage_adds_up_and_keeps_bad_input(cimtwin_module, district, tmp_path):  # noqa: F811 (the fixture)
    import processing

    roads, facilities, buildings, admin = (layer(district, n) for n in ("roads", "facilities", "buildings",
                                                                         "admin_units"))
    # households: one point per building with counts (any point layer with counts will do)
    homes = QgsVectorLayer("Point?crs=EPSG:4550&field=n_3_5:integer&field=n_60p:integer", "homes", "memory")
    feats = []
    for k, b in enumerate(buildings.getFeatures()):
        f = QgsFeature(homes.fields())
        f.setGeometry(b.geometry().pointOnSurface())
        f.setAttributes([k % 3, (k * 7) % 5])
        feats.append(f)
    far = QgsFeature(homes.fields())  # far from every road and outside every unit
    far.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(buildings.extent().xMinimum() - 5000,
                                                       buildings.extent().yMinimum())))
    far.setAttributes([2, 3])
    feats.append(far)
    homes.dataProvider().addFeatures(feats)
    # facilities: copies, one off the network, one with a null capacity, one id given twice
    fac = QgsVectorLayer("Point?crs=EPSG:4550&field=facility_id:string&field=type:string&field=capacity:double",
                         "fac", "memory")
    copies = []
    for f in facilities.getFeatures():
        c = QgsFeature(fac.fields())
        c.setGeometry(f.geometry())
        c.setAttributes([f["facility_id"], f["type"], float(f["capacity"])])
        copies.append(c)
    copies[0].setAttribute("capacity", None)
    copies[1].setAttribute("facility_id", copies[2]["facility_id"])
    off = QgsFeature(fac.fields())
    off.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(buildings.extent().xMaximum() + 5000,
                                                       buildings.extent().yMaximum())))
    off.setAttributes(["OFF", "kindergarten", 100.0])
    copies.append(off)
    fac.dataProvider().addFeatures(copies)
    communities = QgsVectorLayer(f"{district}|layername=admin_units", "c", "ogr")
    communities.setSubsetString("level = 'community'")
    assert communities.featureCount() > 1
    first_two = QgsVectorLayer("Polygon?crs=EPSG:4550&field=code:string", "units", "memory")
    keep = []
    for k, f in enumerate(communities.getFeatures()):
        if k < 2:
            u = QgsFeature(first_two.fields())
            u.setGeometry(f.geometry())
            u.setAttributes([f["code"]])
            keep.append(u)
    first_two.dataProvider().addFeatures(keep)
    params = {"NETWORK": roads, "MODE": 1, "FACILITIES": fac, "TYPE_FIELD": "type", "FACILITY_ID_FIELD": "facility_id",
              "CAPACITY_FIELD": "capacity", "POPULATION": homes, "UNITS": first_two, "UNIT_ID_FIELD": "code",
              "STANDARD": 2, "DISTANCES": "300,1000", "WEIGHT_FIELDS": ["n_3_5", "n_60p"], "MIN_COUNT": 1,
              "OUTPUT_UNITS": "memory:", "OUTPUT_UNCOVERED": "memory:", "OUTPUT_FACILITIES": "memory:",
              "OUTPUT_POPULATION": "memory:"}
    out = processing.run("cimtwin:lifecirclecoverage", params)
    rows = list(out["OUTPUT_UNITS"].getFeatures())
    totals = {"n_3_5": sum(f["n_3_5"] for f in feats), "n_60p": sum(f["n_60p"] for f in feats)}
    keys = {(r["facility_type"], r["group_name"], r["limit"]) for r in rows}
    assert len(keys) == len({f["type"] for f in copies}) * 2 * 2
    for key in keys:
        mine = [r for r in rows if (r["facility_type"], r["group_name"], r["limit"]) == key]
        parts = [r for r in mine if r["kind"] != "total"]
        assert sum(r["population"] for r in parts) == totals[key[1]], key
        assert [r["population"] for r in mine if r["kind"] == "total"] == [totals[key[1]]]
        assert sum(r["covered"] + r["uncovered"] for r in parts) == totals[key[1]]
        assert [r for r in mine if r["kind"] == "outside"][0]["population"] >= far["n_3_5" if key[1] == "n_3_5"
                                                                                   else "n_60p"]
    uncovered = list(out["OUTPUT_UNCOVERED"].getFeatures())
    assert {"not_snapped", "beyond"} <= {f["status"] for f in uncovered}
    # population from a GeoPackage: its fid repeats on a point's rows of several checks, and must not
    # stop the uncovered rows from being written to a GeoPackage
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(homes, str(tmp_path / "homes.gpkg"), QgsCoordinateTransformContext(),
                                              options)
    in_gpkg = QgsVectorLayer(str(tmp_path / "homes.gpkg"), "homes", "ogr")
    assert "fid" in in_gpkg.fields().names()
    again = processing.run("cimtwin:lifecirclecoverage", {**params, "POPULATION": in_gpkg,
                                                           "OUTPUT_UNCOVERED": str(tmp_path / "uncovered.gpkg")})
    written = QgsVectorLayer(again["OUTPUT_UNCOVERED"], "u", "ogr")
    assert written.featureCount() == len(uncovered)
    assert "n_3_5" in out["OUTPUT_UNCOVERED"].fields().names()  # the point's own fields are kept
    people = sum(f["people"] for f in uncovered)
    assert people == out["UNCOVERED"]
    load = list(out["OUTPUT_FACILITIES"].getFeatures())
    assert {f["facility_fid"] for f in load} == {f.id() for f in fac.getFeatures()}
    assert {f["status"] for f in load if f["facility_id"] == "OFF"} == {"not_snapped"}
    assert "no_capacity" in {f["status"] for f in load}
    served = sum(f["served"] for f in load if f["served"] is not None)
    assert served == out["COVERED"]
    assert out["OUTPUT_POPULATION"].featureCount() == len(feats) * len(keys)
