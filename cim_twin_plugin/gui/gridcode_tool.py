"""Map tool: click the map to read the Beidou grid code of that place."""
from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsCsException, QgsProject
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool
from qgis.PyQt.QtCore import QCoreApplication, Qt, pyqtSignal

from .. import qgis_io
from ..core import gridcode
from ..core.errors import CimTwinError


class GridCodeMapTool(QgsMapTool):
    """Emits ``code_identified(code, message)`` with the grid code of the clicked point."""

    code_identified = pyqtSignal(str, str)
    """(code, human-readable message); the code is empty when the point cannot be coded"""

    def __init__(self, canvas: QgsMapCanvas, level: int = 8):
        super().__init__(canvas)
        self.level = level
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:  # noqa: N802 (QGIS naming)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        crs = self.canvas().mapSettings().destinationCrs()
        transform = QgsCoordinateTransform(crs, qgis_io.cgcs2000_crs(), QgsProject.instance())
        try:
            lonlat = transform.transform(event.mapPoint())
            code = gridcode.encode(lonlat.x(), lonlat.y(), self.level)
        except (QgsCsException, CimTwinError) as exc:
            self.code_identified.emit("", qgis_io.error_text(exc))
            return
        message = QCoreApplication.translate(
            "GridCodeMapTool", "Beidou grid code (level {level}) at {lon:.6f}, {lat:.6f}: {code}"
        ).format(level=self.level, lon=lonlat.x(), lat=lonlat.y(), code=code)
        self.code_identified.emit(code, message)
