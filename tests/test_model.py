"""The algorithms chain in a Processing model (typed parameters and outputs)."""
from __future__ import annotations

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from cim_twin.cim_twin_plugin.core import gridcode  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterFeatureSource,
    QgsVectorLayer,
)


def child(algorithm_id, child_id, sources, outputs):
    step = QgsProcessingModelChildAlgorithm(algorithm_id)
    step.setChildId(child_id)
    for name, source in sources.items():
        step.addParameterSources(name, [source])
    model_outputs = {}
    for model_name, child_output in outputs.items():
        output = QgsProcessingModelOutput(model_name)
        output.setChildOutputName(child_output)
        output.setChildId(child_id)
        model_outputs[model_name] = output
    step.setModelOutputs(model_outputs)
    return step


def test_gridcode_then_gridcells_in_a_model(cimtwin, memory_layer, tmp_path):
    import processing

    model = QgsProcessingModelAlgorithm("twin codes", "tests")
    model.addModelParameter(QgsProcessingParameterFeatureSource("points", "Points"),
                            QgsProcessingModelParameter("points"))
    static = QgsProcessingModelChildParameterSource.fromStaticValue
    model.addChildAlgorithm(child(
        "cimtwin:gridcode", "code",
        {"INPUT": QgsProcessingModelChildParameterSource.fromModelParameter("points"), "LEVEL": static(6)},
        {"coded": "OUTPUT"},
    ))
    model.addChildAlgorithm(child(
        "cimtwin:gridcells", "cells",
        {"EXTENT": QgsProcessingModelChildParameterSource.fromChildOutput("code", "OUTPUT"), "LEVEL": static(5)},
        {"cells": "OUTPUT"},
    ))
    assert model.validate()[0], model.validate()[1]

    layer = memory_layer("Point", "EPSG:4490", [("id", "integer")],
                         [("POINT(121.501 31.201)", [1]), ("POINT(121.509 31.206)", [2])])
    coded, cells = tmp_path / "coded.gpkg", tmp_path / "cells.gpkg"
    results = processing.run(model, {"points": layer, "code:coded": str(coded), "cells:cells": str(cells)})
    coded_layer = QgsVectorLayer(results["code:coded"], "c", "ogr")
    assert sorted(f["bd_code"] for f in coded_layer.getFeatures()) == sorted(
        [gridcode.encode(121.501, 31.201, 6), gridcode.encode(121.509, 31.206, 6)])
    cell_codes = {f["bd_code"] for f in QgsVectorLayer(str(cells), "g", "ogr").getFeatures()}
    assert cell_codes == {c.code for c in gridcode.cells_in_extent(121.501, 31.201, 121.509, 31.206, 5)}
