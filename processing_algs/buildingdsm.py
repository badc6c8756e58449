"""cimtwin:buildingdsm: a DEM with the buildings on it (ground + building height), on the DEM's grid."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.visibility import BASES, burn_buildings, write_grid
from ..cim_twin_plugin.core.visibility.grid import DEFAULT_MAX_CELLS
from ..cim_twin_plugin.qgis_io import raster
from .base import CimTwinAlgorithm


class BuildingParameters:
    """The building parameters shared by buildingdsm and viewshed (declared by the algorithm)."""

    BUILDINGS = "BUILDINGS"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOORS_FIELD = "FLOORS_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    BASE = "BASE"
    MAX_CELLS = "MAX_CELLS"
    DEM = "DEM"

    def load_dem(self, parameters, context, feedback):
        """The DEM parameter as a core Grid, within MAX_CELLS; what was done on reading is logged."""
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context)
        grid = raster.load_grid(dem, self.parameterAsInt(parameters, self.MAX_CELLS, context))
        if grid.note:
            feedback.pushInfo(grid.note)
        return grid

    def add_building_parameters(self, optional: bool) -> None:
        param = QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=optional
        )
        param.setHelp(self.tr("Building footprints (any CRS) with a height or a number of floors."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.HEIGHT_FIELD, self.tr("Building height field (m)"), parentLayerParameterName=self.BUILDINGS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True,
        )
        param.setHelp(self.tr("Height above ground in metres. Where it is empty the floors field is used."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.FLOORS_FIELD, self.tr("Floors field"), parentLayerParameterName=self.BUILDINGS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True,
        )
        param.setHelp(self.tr("Number of floors; height = floors x floor height where the height is empty."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.FLOOR_HEIGHT, self.tr("Floor height (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=3.0, minValue=0.1,
        )
        param.setHelp(self.tr("Metres per floor when heights come from the floors field."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.BASE, self.tr("Ground level under a building"),
            options=[self.tr("Lowest DEM value under the footprint"), self.tr("Mean DEM value under the footprint")],
            defaultValue=0,
        )
        param.setHelp(self.tr("The roof is this ground level plus the building height."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

    def add_max_cells(self) -> None:
        param = QgsProcessingParameterNumber(
            self.MAX_CELLS, self.tr("Largest raster accepted (cells)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=DEFAULT_MAX_CELLS, minValue=1,
        )
        param.setHelp(self.tr("Rasters with more cells are refused with an estimate of the memory they need."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

    def burn(self, parameters, context, feedback, grid, start=0.0, span=50.0):
        """Burn the buildings into *grid* (in place); returns (BurnResult, Features) or (None, None)."""
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if source is None:
            return None, None
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        if not height_field and not floors_field:
            raise QgsProcessingException(
                self.tr("Choose a height field or a floors field of the buildings layer {layer}.").format(
                    layer=source.sourceName()
                )
            )
        floor_height = self.parameterAsDouble(parameters, self.FLOOR_HEIGHT, context)
        base = BASES[self.parameterAsEnum(parameters, self.BASE, context)]
        read = raster.read_features(source, raster.grid_crs(grid), context, feedback, start, span / 2)
        heights = raster.building_heights(read.features, height_field, floors_field, floor_height)
        with qgis_io.core_errors():
            result = burn_buildings(grid, read.geometries, heights, base,
                                    qgis_io.FeedbackProgress(feedback, start + span / 2, span / 2))
        total = len(read.features)
        feedback.pushInfo(
            self.tr(
                "Buildings: {total} in = {burnt} on the surface + {skipped} skipped "
                "({repaired} invalid footprints repaired)."
            ).format(total=total, burnt=result.burnt, skipped=len(result.skipped), repaired=result.repaired)
        )
        reasons: dict[str, list] = {}
        for index, reason in sorted(result.skipped.items()):
            reasons.setdefault(read.failed.get(index, reason), []).append(read.features[index].id())
        for reason, ids in reasons.items():
            shown = ", ".join(str(i) for i in ids[:20]) + (" ..." if len(ids) > 20 else "")
            feedback.reportError(
                self.tr("{n} buildings skipped: {reason} (feature ids {ids}).").format(
                    n=len(ids), reason=reason, ids=shown),
                False,
            )
        return result, read


class BuildingDsmAlgorithm(BuildingParameters, CimTwinAlgorithm):
    """Ground + building height on the DEM's grid: the surface sight lines hit."""

    ALG_ID = "buildingdsm"
    GROUP_ID = "visibility"

    DEM = "DEM"
    OUTPUT = "OUTPUT"
    BURNT = "BURNT"
    SKIPPED = "SKIPPED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Building surface model (DSM)")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Burns building footprints into a DEM: every cell whose centre lies in a footprint gets the "
            "ground level under the building (lowest or mean DEM value) plus the building's height; buildings "
            "smaller than a cell take the cell of a point inside them. The output has the DEM's grid and CRS "
            "(a geographic DEM is reprojected to UTM first, as the log says).\n\n"
            "Heights come from the height field, else floors x floor height. Buildings without a height or "
            "geometry are skipped and counted in the log; invalid footprints are repaired."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM"))
        param.setHelp(self.tr("Terrain heights in metres, any CRS."))
        self.addParameter(param)
        self.add_building_parameters(optional=False)
        self.add_max_cells()
        param = QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Building DSM"))
        param.setHelp(self.tr("GeoTIFF on the DEM's grid: ground + building height (float32, nodata = NaN)."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.BURNT, self.tr("Buildings on the surface")))
        self.addOutput(QgsProcessingOutputNumber(self.SKIPPED, self.tr("Buildings skipped")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        grid = self.load_dem(parameters, context, feedback)
        result, _ = self.burn(parameters, context, feedback, grid, 0.0, 90.0)
        if feedback.isCanceled():
            raise qgis_io.canceled()
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        with qgis_io.core_errors():
            write_grid(output, grid.array, grid.geotransform, grid.crs_wkt, float("nan"))
        crs = raster.grid_crs(grid)
        feedback.pushInfo(self.tr("Output CRS: {crs}.").format(crs=crs.authid() or crs.description()))
        feedback.setProgress(100)
        return {self.OUTPUT: output, self.BURNT: result.burnt, self.SKIPPED: len(result.skipped)}
