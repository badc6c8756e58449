"""cimtwin:gridcode and cimtwin:gridcells run in a real QGIS and write what the core computes."""
from __future__ import annotations

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from cim_twin.cim_twin_plugin.core import gridcode  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

V8 = (116.31260277777778, 39.993161111111114)  # spec V8: level 8 -> N50J47539B825534
V15 = (116.315222, 39.910278)  # spec V15: H=100, 3D level 10
V15_CODE = "N050J0047050340D9011345100403410"


def run(parameters):
    import processing

    return processing.run("cimtwin:gridcode", parameters)


def read(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return layer, list(layer.getFeatures())


def test_points_in_cgcs2000_get_the_standards_codes(cimtwin, memory_layer, tmp_path):
    layer = memory_layer(
        "Point", "EPSG:4490", [("name", "string")],
        [(f"POINT({V8[0]!r} {V8[1]!r})", ["v8"]), ("POINT(116.315222 39.910278)", ["v13"])],
    )
    out = tmp_path / "coded.gpkg"
    result = run({"INPUT": layer, "LEVEL": 8, "OUTPUT": str(out)})
    assert (result["CODED"], result["FAILED"]) == (2, 0)
    _, features = read(out)
    codes = {f["name"]: f["bd_code"] for f in features}
    assert codes["v8"] == "N50J47539B825534"
    assert codes["v13"] == gridcode.encode(116.315222, 39.910278, 8)
    assert codes["v13"].startswith("N50J47534")  # spec V13 at level 4
    assert all(f["bd_reason"] is None or f["bd_reason"] == "" or str(f["bd_reason"]) == "NULL" for f in features)


@pytest.mark.parametrize("epsg", ["EPSG:4548", "EPSG:3857", "EPSG:4326"])
def test_any_input_crs_gives_the_same_codes(cimtwin, memory_layer, tmp_path, epsg):
    # cell centres of level 8 around V8, so reprojection round-off cannot cross a cell edge
    centres = [gridcode.decode(gridcode.encode(V8[0] + dx * 1e-4, V8[1] + dy * 1e-4, 8)).centre
               for dx in range(3) for dy in range(3)]
    expected = [gridcode.encode(lon, lat, 8) for lon, lat in centres]
    to_layer = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4490"), QgsCoordinateReferenceSystem(epsg), QgsProject.instance()
    )
    rows = []
    for i, (lon, lat) in enumerate(centres):
        p = to_layer.transform(QgsPointXY(lon, lat))
        rows.append((f"POINT({p.x()!r} {p.y()!r})", [i]))
    layer = memory_layer("Point", epsg, [("i", "integer")], rows)
    out = tmp_path / "coded.gpkg"
    run({"INPUT": layer, "LEVEL": 8, "OUTPUT": str(out)})
    out_layer, features = read(out)
    assert out_layer.crs().authid() == epsg, "output keeps the input CRS"
    assert [f["bd_code"] for f in sorted(features, key=lambda f: f["i"])] == expected


def test_polygon_uses_a_point_on_its_surface(cimtwin, memory_layer, tmp_path):
    # an L-shaped polygon whose centroid lies outside it; all of it inside one level-5 cell
    cell = gridcode.decode(gridcode.encode(121.5, 31.2, 5))
    w, s, e, n = cell.west, cell.south, cell.east, cell.north
    dx, dy = (e - w) / 10, (n - s) / 10
    ring = [(w + dx, s + dy), (w + 9 * dx, s + dy), (w + 9 * dx, s + 2 * dy), (w + 2 * dx, s + 2 * dy),
            (w + 2 * dx, s + 9 * dy), (w + dx, s + 9 * dy), (w + dx, s + dy)]
    wkt = "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in ring) + "))"
    layer = memory_layer("Polygon", "EPSG:4490", [("id", "integer")], [(wkt, [1])])
    out = tmp_path / "poly.gpkg"
    run({"INPUT": layer, "LEVEL": 5, "OUTPUT": str(out)})
    _, features = read(out)
    assert features[0]["bd_code"] == cell.code
    fine = run({"INPUT": layer, "LEVEL": 10, "OUTPUT": str(tmp_path / "fine.gpkg")})
    _, fine_features = read(fine["OUTPUT"])
    centre = gridcode.decode(fine_features[0]["bd_code"]).centre
    from qgis.core import QgsGeometry

    assert QgsGeometry.fromWkt(wkt).buffer(1e-7, 2).contains(QgsGeometry.fromPointXY(QgsPointXY(*centre)))


def test_uncodable_features_are_kept_with_a_reason(cimtwin, memory_layer, tmp_path):
    layer = memory_layer(
        "Point", "EPSG:4490", [("id", "integer")],
        [("POINT(121.5 31.2)", [1]), (None, [2]), ("POINT(10 89.5)", [3]), ("POINT(121.5 -31.2)", [4])],
    )
    out = tmp_path / "coded.gpkg"
    result = run({"INPUT": layer, "LEVEL": 6, "OUTPUT": str(out)})
    assert (result["CODED"], result["FAILED"]) == (2, 2)
    _, features = read(out)
    by_id = {f["id"]: f for f in features}
    assert len(features) == 4, "nothing is dropped"
    assert by_id[1]["bd_code"] == gridcode.encode(121.5, 31.2, 6)
    assert by_id[4]["bd_code"].startswith("S")
    for i in (2, 3):
        assert by_id[i]["bd_code"] in (None, "") or str(by_id[i]["bd_code"]) == "NULL"
        assert len(str(by_id[i]["bd_reason"])) > 5
    assert "88" in str(by_id[3]["bd_reason"])


def test_height_field_gives_3d_codes_and_admin_field_entity_codes(cimtwin, memory_layer, tmp_path):
    layer = memory_layer(
        "Point", "EPSG:4490", [("h", "double"), ("admin", "string")],
        [("POINT(116.315222 39.910278)", [100.0, "110102001001"]),
         ("POINT(116.315222 39.910278)", [None, "110102001001"]),
         ("POINT(116.315222 39.910278)", [100.0, None])],
    )
    out = tmp_path / "coded3d.gpkg"
    result = run({"INPUT": layer, "LEVEL": 10, "HEIGHT_FIELD": "h", "ADMIN_CODE_FIELD": "admin",
                  "OUTPUT": str(out)})
    _, f = read(out)
    assert f[0]["bd_code"] == V15_CODE
    assert f[0]["entity_code"] == "110102001001" + V15_CODE
    assert str(f[1]["bd_code"]) in ("NULL", "None", "") and "height" in str(f[1]["bd_reason"])
    assert f[2]["bd_code"] == V15_CODE
    assert str(f[2]["entity_code"]) in ("NULL", "None", "") and "administrative" in str(f[2]["bd_reason"])
    assert (result["CODED"], result["FAILED"]) == (2, 1)


def test_bitfield_height_mode_is_offered(cimtwin, memory_layer, tmp_path):
    layer = memory_layer("Point", "EPSG:4490", [("h", "double")], [("POINT(116.315222 39.910278)", [8848.86])])
    out = tmp_path / "b.gpkg"
    run({"INPUT": layer, "LEVEL": 10, "HEIGHT_FIELD": "h", "HEIGHT_MODE": 1, "OUTPUT": str(out)})
    _, f = read(out)
    assert f[0]["bd_code"] == gridcode.encode_3d(116.315222, 39.910278, 8848.86, 10, height_mode="bitfield")
    assert f[0]["bd_code"] != gridcode.encode_3d(116.315222, 39.910278, 8848.86, 10)


def test_empty_layer_is_a_clear_error(cimtwin, memory_layer, tmp_path):
    layer = memory_layer("Point", "EPSG:4490", [("id", "integer")], [], name="empty_buildings")
    with pytest.raises(QgsProcessingException, match="empty_buildings.*no features"):
        run({"INPUT": layer, "LEVEL": 8, "OUTPUT": str(tmp_path / "x.gpkg")})


def test_existing_non_text_bd_code_field_is_refused(cimtwin, memory_layer, tmp_path):
    layer = memory_layer("Point", "EPSG:4490", [("bd_code", "integer")], [("POINT(121 31)", [5])], name="pts")
    with pytest.raises(QgsProcessingException, match="bd_code"):
        run({"INPUT": layer, "LEVEL": 8, "OUTPUT": str(tmp_path / "x.gpkg")})


def test_rerun_on_coded_layer_overwrites_codes(cimtwin, memory_layer, tmp_path):
    layer = memory_layer("Point", "EPSG:4490", [("bd_code", "string")], [("POINT(121.5 31.2)", ["stale"])])
    out = tmp_path / "again.gpkg"
    run({"INPUT": layer, "LEVEL": 4, "OUTPUT": str(out)})
    out_layer, f = read(out)
    assert f[0]["bd_code"] == gridcode.encode(121.5, 31.2, 4)
    assert out_layer.fields().names().count("bd_code") == 1


# -- gridcells ------------------------------------------------------------------------------
def test_gridcells_cover_the_extent_and_carry_their_codes(cimtwin, tmp_path):
    import processing

    extent = "121.50,121.52,31.20,31.21 [EPSG:4490]"
    out = tmp_path / "cells.gpkg"
    result = processing.run("cimtwin:gridcells", {"EXTENT": extent, "LEVEL": 5, "OUTPUT": str(out)})
    layer, features = read(out)
    expected = gridcode.count_cells_in_extent(121.50, 31.20, 121.52, 31.21, 5)
    assert result["COUNT"] == len(features) == expected > 0
    assert layer.crs().authid() == "EPSG:4490"
    area = 0.0
    for f in features:
        lon, lat = f["centre_lon"], f["centre_lat"]
        assert gridcode.encode(lon, lat, 5) == f["bd_code"]
        assert f.geometry().contains(QgsPointXY(lon, lat))
        area += f.geometry().area()
    assert len({f["bd_code"] for f in features}) == len(features)
    assert area >= 0.02 * 0.01 * (1 - 1e-9)  # the cells cover the whole box


def test_gridcells_refuses_too_many_cells(cimtwin, tmp_path):
    import processing

    with pytest.raises(QgsProcessingException, match="more than the maximum"):
        processing.run("cimtwin:gridcells", {"EXTENT": "120,122,30,32 [EPSG:4490]", "LEVEL": 8,
                                             "OUTPUT": str(tmp_path / "c.gpkg")})
    assert not (tmp_path / "c.gpkg").exists(), "nothing is written when refused"


def test_gridcells_extent_in_projected_crs(cimtwin, tmp_path):
    import processing

    # a 2 km box in CGCS2000 / 3-degree GK CM 120E (EPSG:4549) near Shanghai
    to_gk = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"),
                                   QgsCoordinateReferenceSystem("EPSG:4549"), QgsProject.instance())
    p = to_gk.transform(QgsPointXY(121.5, 31.2))
    extent = f"{p.x()},{p.x() + 2000},{p.y()},{p.y() + 2000} [EPSG:4549]"
    result = processing.run("cimtwin:gridcells", {"EXTENT": extent, "LEVEL": 4, "OUTPUT": "memory:"})
    codes = {f["bd_code"] for f in result["OUTPUT"].getFeatures()}
    assert gridcode.encode(121.5 + 0.01, 31.2 + 0.009, 4) in codes
    assert gridcode.encode(121.5 - 0.02, 31.2, 4) not in codes


def test_gridcells_output_is_styled_when_loaded(cimtwin):
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsSingleSymbolRenderer,
    )

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("cimtwin:gridcells")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    output = QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", QgsProject.instance())
    results, ok = algorithm.run({"EXTENT": "121.5,121.51,31.2,31.21 [EPSG:4490]", "LEVEL": 5, "OUTPUT": output},
                                context, QgsProcessingFeedback())
    assert ok
    details = context.layerToLoadOnCompletionDetails(results["OUTPUT"])
    assert details.postProcessor() is not None
    layer = context.getMapLayer(results["OUTPUT"])
    details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    assert layer.renderer().symbol().color().alpha() == 0, "cells are drawn as outlines"
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "bd_code"


def test_cancel_stops_without_output(cimtwin, memory_layer, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    layer = memory_layer("Point", "EPSG:4490", [("id", "integer")], [("POINT(121.5 31.2)", [1])])
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("cimtwin:gridcode")
    results, ok = algorithm.run({"INPUT": layer, "LEVEL": 8, "OUTPUT": str(tmp_path / "c.gpkg")},
                                QgsProcessingContext(), feedback)
    assert not ok


def test_real_shanghai_metro_stations_from_csv(cimtwin, tmp_path):
    """Real data (OSM metro stations, WGS84 CSV with Chinese names): all in zone 51, band H."""
    from conftest import SHARED_DATA

    csv_path = SHARED_DATA / "shanghai-facilities-15mc" / "sh_metro_stations_osm.csv"
    if not csv_path.exists():
        pytest.skip("../shared/data/shanghai-facilities-15mc is not on this machine")
    uri = f"file://{csv_path}?type=csv&xField=lng&yField=lat&crs=EPSG:4326&encoding=UTF-8"
    layer = QgsVectorLayer(uri, "metro", "delimitedtext")
    assert layer.isValid() and layer.featureCount() > 100
    out = tmp_path / "metro.gpkg"
    result = run({"INPUT": layer, "LEVEL": 9, "OUTPUT": str(out)})
    assert result["CODED"] == layer.featureCount() and result["FAILED"] == 0
    _, features = read(out)
    for feature in features:
        code = feature["bd_code"]
        assert code.startswith("N51H"), (feature["station"], code)
        cell = gridcode.decode(code)
        assert cell.west <= float(feature["lng"]) < cell.east and cell.south <= float(feature["lat"]) < cell.north


@pytest.mark.parametrize("field_type, value", [("long", 310115001001), ("double", 310115001001.0),
                                                ("string", " 310115001001 ")])
def test_admin_codes_in_numeric_or_padded_fields(cimtwin, memory_layer, tmp_path, field_type, value):
    layer = memory_layer("Point", "EPSG:4490", [("admin", field_type)], [("POINT(121.5 31.2)", [value])])
    out = tmp_path / "e.gpkg"
    run({"INPUT": layer, "LEVEL": 6, "ADMIN_CODE_FIELD": "admin", "OUTPUT": str(out)})
    _, f = read(out)
    assert f[0]["entity_code"] == "310115001001" + gridcode.encode(121.5, 31.2, 6)
