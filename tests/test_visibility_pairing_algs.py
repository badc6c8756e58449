"""cimtwin:lineofsight in a real QGIS: output fields from the LINE_OF_SIGHT schema, the core's pairing note
and refusal in the log; the bridge's metres per unit is the core's."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from osgeo import gdal, osr  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant  # noqa: E402

X0, Y0 = 500000.0, 3450000.0  # EPSG:4547


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors, self.infos = [], []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 (QGIS naming)
        self.errors.append(error)

    def pushInfo(self, info):  # noqa: N802 (QGIS naming)
        self.infos.append(info)


@pytest.fixture
def flat_dem(tmp_path):
    path = tmp_path / "dem.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 100, 100, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((X0, 2.0, 0, Y0 + 200.0, 0, -2.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.full((100, 100), 10.0, np.float32))
    ds = None
    return str(path)


def points(memory_layer, xs, name):
    return memory_layer("Point", "EPSG:4547", [], [(f"POINT({X0 + x} {Y0 + 50})" if x is not None else None, [])
                                                   for x in xs], name=name)


def run(params, context=None):
    import processing

    feedback = LogFeedback()
    result = processing.run("cimtwin:lineofsight", params, context=context or QgsProcessingContext(),
                            feedback=feedback)
    return result, feedback


#: the output's fields and types before they came from the LINE_OF_SIGHT schema
EXPECTED = [("observer_fid", QVariant.LongLong), ("target_fid", QVariant.LongLong), ("visible", QVariant.Bool),
            ("distance_m", QVariant.Double), ("obst_x", QVariant.Double), ("obst_y", QVariant.Double),
            ("obst_z", QVariant.Double), ("obst_dist_m", QVariant.Double), ("los_reason", QVariant.String)]


def test_output_fields_are_the_line_of_sight_schema(cimtwin, memory_layer, flat_dem, tmp_path):
    from cim_twin.cim_twin_plugin.core.twin import tables

    obs = points(memory_layer, [10, 20, None], "obs")
    tgt = points(memory_layer, [150, 160], "tgt")
    out = tmp_path / "los.gpkg"
    result, feedback = run({"OBSERVERS": obs, "TARGETS": tgt, "PAIRING": 0, "DEM": flat_dem, "OUTPUT": str(out)})
    assert (result["VISIBLE"], result["BLOCKED"], result["FAILED"]) == (2, 0, 0)
    assert any("3 observers and 2 targets: only the first 2 are paired" in e for e in feedback.errors)
    assert any("obs, feature 3: not used as an observer:" in e for e in feedback.errors)
    layer = QgsVectorLayer(str(out), "l", "ogr")
    fields = [(f.name(), f.type()) for f in layer.fields() if f.name() != "fid"]
    assert [name for name, _ in fields] == [f.name for f in tables.LINE_OF_SIGHT.fields]
    assert fields == EXPECTED
    rows = sorted((f["observer_fid"], f["target_fid"], f["distance_m"]) for f in layer.getFeatures())
    assert [(o, t) for o, t, _ in rows] == [(1, 1), (2, 2)]
    assert rows[0][2] == pytest.approx(140.0) and rows[1][2] == pytest.approx(140.0)


def test_memory_output_fields_are_the_schemas_types(cimtwin, memory_layer, flat_dem):
    from qgis.core import QgsProcessingUtils

    context = QgsProcessingContext()
    result, _ = run({"OBSERVERS": points(memory_layer, [10], "o"), "TARGETS": points(memory_layer, [150], "t"),
                     "PAIRING": 1, "DEM": flat_dem, "OUTPUT": "TEMPORARY_OUTPUT"}, context)
    layer = result["OUTPUT"]
    if not isinstance(layer, QgsVectorLayer):
        layer = QgsProcessingUtils.mapLayerFromString(layer, context)
    assert [(f.name(), f.type()) for f in layer.fields()] == EXPECTED
    assert [f.length() for f in layer.fields()] == [0] * len(EXPECTED)


def test_too_many_pairs_are_refused_with_the_core_message(cimtwin, memory_layer, flat_dem):
    obs = points(memory_layer, [10, 20, 30], "obs")
    tgt = points(memory_layer, [150, 160], "tgt")
    with pytest.raises(QgsProcessingException) as info:
        run({"OBSERVERS": obs, "TARGETS": tgt, "PAIRING": 1, "MAX_PAIRS": 5, "DEM": flat_dem,
             "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "3 observers x 2 targets = 6 sight lines, more than the limit of 5" in str(info.value)
    assert "MAX_PAIRS" in str(info.value)


@pytest.mark.parametrize("code, metres", [("EPSG:4547", 1.0), ("EPSG:2227", 1200 / 3937), ("EPSG:2222", 0.3048),
                                          ("EPSG:4326", 1.0)])
def test_bridge_metres_per_unit_is_the_cores(code, metres):
    from cim_twin.cim_twin_plugin.qgis_io import network as bridge

    assert bridge.metres_per_unit(QgsCoordinateReferenceSystem(code)) == pytest.approx(metres, rel=1e-12)
    assert bridge.metres_per_unit(QgsCoordinateReferenceSystem()) == 1.0


def test_report_features_lives_in_common_and_is_still_reachable_from_the_network_bridge():
    from cim_twin.cim_twin_plugin.qgis_io import common
    from cim_twin.cim_twin_plugin.qgis_io import network as bridge

    assert bridge.report_features is common.report_features
    feedback = LogFeedback()
    common.report_features(feedback, "roads", [(i, f"reason {i}") for i in range(5)], warning=True, limit=3)
    assert feedback.errors == ["roads, feature 0: reason 0", "roads, feature 1: reason 1",
                               "roads, feature 2: reason 2"]
    assert feedback.infos == ["... and 2 more features of roads."]
    feedback = LogFeedback()
    common.report_features(feedback, "roads", [(7, "kept")], warning=False)
    assert feedback.infos == ["roads, feature 7: kept"] and feedback.errors == []
    common.report_features(None, "roads", [(7, "kept")], warning=False)
