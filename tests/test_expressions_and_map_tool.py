"""Field-calculator functions and the identify map tool give the core's codes."""
from __future__ import annotations

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from cim_twin.cim_twin_plugin.core import gridcode  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
)

V8 = (116.31260277777778, 39.993161111111114)


def evaluate(text, context=None):
    expression = QgsExpression(text)
    assert not expression.hasParserError(), expression.parserErrorString()
    value = expression.evaluate(context or QgsExpressionContext())
    return value, expression


def test_grid_code_of_a_point(cimtwin):
    value, expression = evaluate(f"cim_grid_code(make_point({V8[0]!r}, {V8[1]!r}), 8)")
    assert not expression.hasEvalError(), expression.evalErrorString()
    assert value == "N50J47539B825534"


def test_grid_code_default_level_and_3d(cimtwin):
    value, _ = evaluate("cim_grid_code(make_point(116.315222, 39.910278))")
    assert value == gridcode.encode(116.315222, 39.910278, 8)
    value, _ = evaluate("cim_grid_code(make_point(116.315222, 39.910278), 10, 100)")
    assert value == "N050J0047050340D9011345100403410"


def test_grid_code_uses_the_layer_crs(cimtwin, memory_layer):
    layer = memory_layer("Polygon", "EPSG:4549", [("id", "integer")], [])
    cell = gridcode.decode(gridcode.encode(121.5, 31.2, 6))
    from qgis.core import QgsCoordinateTransform, QgsProject

    to_gk = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4490"), layer.crs(), QgsProject.instance())
    centre = to_gk.transform(QgsPointXY(*cell.centre))
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(centre).buffer(5, 8))
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    value, expression = evaluate("cim_grid_code($geometry, 6)", context)
    assert not expression.hasEvalError(), expression.evalErrorString()
    assert value == cell.code
    # the transform is kept per CRS: longitude/latitude without a layer afterwards is not sent through EPSG:4549
    value, expression = evaluate(f"cim_grid_code(make_point({cell.centre[0]!r}, {cell.centre[1]!r}), 6)")
    assert not expression.hasEvalError(), expression.evalErrorString()
    assert value == cell.code


def test_bad_level_is_an_evaluation_error(cimtwin):
    value, expression = evaluate("cim_grid_code(make_point(121, 31), 12)")
    assert value is None
    assert expression.hasEvalError() and "level" in expression.evalErrorString().lower()


def test_decode_returns_the_cell(cimtwin):
    value, expression = evaluate("cim_grid_decode('N50J47539B825534')")
    assert not expression.hasEvalError(), expression.evalErrorString()
    # spec V19: the box of this code
    assert value["west"] == pytest.approx(116.3125954861111, abs=1e-12)
    assert value["south"] == pytest.approx(39.99315972222223, abs=1e-12)
    assert value["east"] == pytest.approx(116.31260416666666, abs=1e-12)
    assert value["north"] == pytest.approx(39.99316840277778, abs=1e-12)
    assert value["level"] == 8 and value["is_3d"] is False
    polygon = QgsGeometry.fromWkt(value["wkt"])
    assert polygon.contains(QgsPointXY(*V8))


def test_decode_of_garbage_is_an_evaluation_error(cimtwin):
    value, expression = evaluate("cim_grid_decode('N99Z')")
    assert value is None and expression.hasEvalError()
    value, expression = evaluate("cim_grid_decode(NULL)")
    assert value is None and not expression.hasEvalError()


def test_map_tool_reports_the_code_of_the_clicked_point(qgis_canvas, qgis_app):
    from cim_twin.cim_twin_plugin.gui.gridcode_tool import GridCodeMapTool
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    qgis_canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    from qgis.core import QgsRectangle

    qgis_canvas.setExtent(QgsRectangle(121.4, 31.1, 121.6, 31.3))
    qgis_canvas.refresh()
    tool = GridCodeMapTool(qgis_canvas, level=6)
    received = []
    tool.code_identified.connect(lambda code, message: received.append((code, message)))
    pixel = QPoint(qgis_canvas.width() // 3, qgis_canvas.height() // 2)
    event = QgsMapMouseEvent(qgis_canvas, QEvent.Type.MouseButtonRelease, pixel,
                             Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tool.canvasReleaseEvent(event)
    point = qgis_canvas.getCoordinateTransform().toMapCoordinates(pixel)
    assert len(received) == 1
    code, message = received[0]
    assert code == gridcode.encode(point.x(), point.y(), 6)
    assert code in message
