"""cimtwin:gridcells: the Beidou grid cells of one level covering an extent, as polygons."""
from __future__ import annotations

from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import gridcode
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .base import CimTwinAlgorithm
from .styles import GridCellStyle

DEFAULT_MAX_CELLS = 200_000


class GridCellsAlgorithm(CimTwinAlgorithm):
    """Writes the grid cells of a level that intersect an extent, each with its code."""

    ALG_ID = "gridcells"
    GROUP_ID = "entities"

    EXTENT = "EXTENT"
    LEVEL = "LEVEL"
    MAX_CELLS = "MAX_CELLS"
    OUTPUT = "OUTPUT"
    COUNT = "COUNT"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Beidou grid cells in an extent")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Creates the Beidou grid cells (GB/T 39409-2020) of one level that intersect an "
            "extent, as polygons in CGCS2000 longitude/latitude (EPSG:4490) with their code, "
            "level and centre. Use it as a reference grid for the twin or to count entities "
            "per cell.\n\n"
            "A request of more cells than the maximum is refused before anything is written: "
            "choose a coarser level or a smaller extent, or raise the maximum."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"))
        param.setHelp(
            self.tr("Area to cover, in any CRS (a layer's extent, the map canvas or coordinates).")
        )
        self.addParameter(param)

        param = QgsProcessingParameterNumber(
            self.LEVEL,
            self.tr("Grid level (1-10)"),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=5,
            minValue=1,
            maxValue=10,
        )
        param.setHelp(
            self.tr(
                "Level of the cells: 4 = 1 minute (about 1.8 km), 5 = 4 seconds (about 124 m), "
                "6 = 2 seconds (about 62 m), 7 = about 7.7 m. Finer levels give many cells."
            )
        )
        self.addParameter(param)

        param = QgsProcessingParameterNumber(
            self.MAX_CELLS,
            self.tr("Maximum number of cells"),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=DEFAULT_MAX_CELLS,
            optional=True,
            minValue=1,
        )
        param.setHelp(self.tr("The algorithm refuses to create more cells than this."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Grid cells"), type=QgsProcessing.SourceType.TypeVectorPolygon
        )
        param.setHelp(
            self.tr(
                "Polygons of the cells in CGCS2000 longitude/latitude (EPSG:4490) with bd_code, "
                "level, centre_lon and centre_lat."
            )
        )
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, self.tr("Number of cells")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        crs = qgis_io.cgcs2000_crs()
        extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
        level = self.parameterAsInt(parameters, self.LEVEL, context)
        max_cells = self.parameterAsInt(parameters, self.MAX_CELLS, context)
        if extent.isNull() or extent.isEmpty():
            raise QgsProcessingException(self.tr("The extent is empty: give an area to cover."))
        box = (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum())
        with qgis_io.core_errors():
            count = gridcode.count_cells_in_extent(*box, level)
        if count > max_cells:
            raise QgsProcessingException(
                self.tr(
                    "The extent holds {count} cells at level {level}, more than the maximum of "
                    "{limit}: choose a coarser level or a smaller extent, or raise the maximum."
                ).format(count=count, level=level, limit=max_cells)
            )

        fields = schema_io.qgs_fields(twin.GRID_CELLS)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.Polygon, crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feedback.pushInfo(
            self.tr("Creating {count} cells of level {level} in CGCS2000 (EPSG:4490).").format(
                count=count, level=level
            )
        )
        written = 0
        with qgis_io.core_errors():
            for cell in gridcode.cells_in_extent(*box, level, max_cells=max_cells):
                if written % 1000 == 0:
                    if feedback.isCanceled():
                        raise qgis_io.canceled()
                    feedback.setProgress(100.0 * written / max(count, 1))
                ring = [QgsPointXY(x, y) for x, y in cell.ring()]  # the cell knows its edges: no second decode
                schema_io.add_features(sink, [schema_io.feature(
                    fields, [cell.code, cell.level, cell.centre[0], cell.centre[1]],
                    QgsGeometry.fromPolygonXY([ring]))], self.OUTPUT)
                written += 1
        feedback.pushInfo(self.tr("{count} cells written.").format(count=written))
        GridCellStyle.attach(context, dest_id)
        return {self.OUTPUT: dest_id, self.COUNT: written}
