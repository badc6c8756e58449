"""CimTwinPlugin: registers the provider, menu actions, map tool and expression functions."""
from __future__ import annotations

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import expressions, i18n
from .resources import ICON_PATH


class CimTwinPlugin:
    """The plugin object QGIS creates through ``classFactory``; nothing happens until init."""

    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions: list[QAction] = []
        self.map_tool = None

    # -- Processing (also called by qgis_process, which never calls initGui) --------------
    def initProcessing(self) -> None:  # noqa: N802 (QGIS naming)
        if self.provider is not None:
            return
        from ..processing_algs.provider import CimTwinProvider

        i18n.install_translator()
        self.provider = CimTwinProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)
        expressions.register_functions()

    # -- Desktop ----------------------------------------------------------------------------
    def initGui(self) -> None:  # noqa: N802 (QGIS naming)
        self.initProcessing()
        menu_name = QCoreApplication.translate("CimTwin", "CIM Twin")
        self._add_action(
            QCoreApplication.translate("CimTwin", "Beidou grid codes of features…"),
            lambda: self._open_algorithm("cimtwin:gridcode"),
            menu_name,
        )
        self._add_action(
            QCoreApplication.translate("CimTwin", "Beidou grid cells in an extent…"),
            lambda: self._open_algorithm("cimtwin:gridcells"),
            menu_name,
        )
        self._add_action(
            QCoreApplication.translate("CimTwin", "Identify Beidou grid code on the map"),
            self._activate_tool,
            menu_name,
        )

    def _add_action(self, text: str, callback, menu_name: str) -> QAction:
        action = QAction(QIcon(ICON_PATH), text, self.iface.mainWindow())
        action.triggered.connect(callback)
        self.iface.addPluginToMenu(menu_name, action)
        self.actions.append(action)
        return action

    def _open_algorithm(self, algorithm_id: str) -> None:
        from processing import execAlgorithmDialog

        execAlgorithmDialog(algorithm_id, {})

    def _activate_tool(self) -> None:
        from .gui.gridcode_tool import GridCodeMapTool

        if self.map_tool is None:
            self.map_tool = GridCodeMapTool(self.iface.mapCanvas())
            self.map_tool.code_identified.connect(self._show_code)
        self.iface.mapCanvas().setMapTool(self.map_tool)

    def _show_code(self, code: str, message: str) -> None:
        level = Qgis.MessageLevel.Info if code else Qgis.MessageLevel.Warning
        self.iface.messageBar().pushMessage(QCoreApplication.translate("CimTwin", "CIM Twin"), message, level, 10)

    def unload(self) -> None:
        """Undo exactly what init added: actions, map tool, provider, functions, translator."""
        menu_name = QCoreApplication.translate("CimTwin", "CIM Twin")
        for action in self.actions:
            self.iface.removePluginMenu(menu_name, action)
            action.deleteLater()
        self.actions.clear()
        if self.map_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas is not None and canvas.mapTool() is self.map_tool:
                canvas.unsetMapTool(self.map_tool)
            self.map_tool.deleteLater()
            self.map_tool = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        expressions.unregister_functions()
        i18n.remove_translators()
