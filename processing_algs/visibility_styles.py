"""Styles for visibility rasters when the desktop loads them (ignored by qgis_process)."""
from __future__ import annotations

from qgis.core import (
    QgsColorRampShader,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor


class VisibilityRasterStyle(QgsProcessingLayerPostProcessorInterface):
    """Visible cells coloured (a ramp by observer count when there are several), the rest transparent."""

    _instances: list = []  # Processing keeps a raw pointer: keep them alive

    def __init__(self, several: bool = False):
        super().__init__()
        self.several = several

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS naming)
        if not isinstance(layer, QgsRasterLayer):
            return
        shader_function = QgsColorRampShader()
        if self.several:
            maximum = max(1.0, layer.dataProvider().bandStatistics(1).maximumValue)
            shader_function.setColorRampType(QgsColorRampShader.Type.Interpolated)
            items = [
                QgsColorRampShader.ColorRampItem(0, QColor(0, 0, 0, 0), "0"),
                QgsColorRampShader.ColorRampItem(1, QColor(255, 237, 160, 200), "1"),
                QgsColorRampShader.ColorRampItem(maximum, QColor(189, 0, 38, 220), f"{maximum:.0f}"),
            ]
        else:
            shader_function.setColorRampType(QgsColorRampShader.Type.Exact)
            items = [
                QgsColorRampShader.ColorRampItem(0, QColor(0, 0, 0, 0), "0"),
                QgsColorRampShader.ColorRampItem(1, QColor(255, 140, 0, 200), "1"),
            ]
        shader_function.setColorRampItemList(items)
        shader = QgsRasterShader()
        shader.setRasterShaderFunction(shader_function)
        layer.setRenderer(QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader))
        layer.triggerRepaint()

    @classmethod
    def attach(cls, context: QgsProcessingContext, dest_id: str, several: bool = False) -> None:
        """Style the output *dest_id* when it is loaded into the project."""
        if context.willLoadLayerOnCompletion(dest_id):
            styler = cls(several)
            cls._instances.append(styler)
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(styler)
