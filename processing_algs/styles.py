"""Styles applied to outputs when the desktop loads them (ignored by qgis_process)."""
from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsSingleSymbolRenderer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor


class GridCellStyle(QgsProcessingLayerPostProcessorInterface):
    """Grid cells: outline only (the cells tile the area), codes labelled when zoomed in."""

    _instances: list[GridCellStyle] = []  # Processing keeps a raw pointer: keep them alive

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS naming)
        if not isinstance(layer, QgsVectorLayer):
            return
        symbol = QgsFillSymbol.createSimple(
            {"color": "0,0,0,0", "outline_color": "31,78,121,255", "outline_width": "0.26"}
        )
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
        settings = QgsPalLayerSettings()
        settings.fieldName = "bd_code"
        settings.scaleVisibility = True
        settings.maximumScale = 1
        settings.minimumScale = 5000
        text = QgsTextFormat()
        text.setSize(8)
        text.setColor(QColor(31, 78, 121))
        settings.setFormat(text)
        layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
        layer.setLabelsEnabled(True)
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context: QgsProcessingContext, dest_id: str) -> None:
        """Style the output *dest_id* when it is loaded into the project."""
        if context.willLoadLayerOnCompletion(dest_id):
            styler = cls()
            cls._instances.append(styler)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
