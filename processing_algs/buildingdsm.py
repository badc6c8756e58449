"""cimtwin:buildingdsm: a DEM with the buildings on it (ground + building height), on the DEM's grid."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.visibility import write_grid
from ..cim_twin_plugin.qgis_io import raster
from .visibility_common import VisibilityAlgorithm


class BuildingDsmAlgorithm(VisibilityAlgorithm):
    """Ground + building height on the DEM's grid: the surface sight lines hit."""

    ALG_ID = "buildingdsm"
    GROUP_ID = "visibility"
    NEEDS_CRS = ("DEM", "BUILDINGS")

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
        self.check_building_fields(parameters, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        raster.check_raster_output(output)
        grid = self.load_dem(parameters, context, feedback)
        steps = qgis_io.phases(feedback, 2)  # the buildings burnt in; the DSM written
        result, _ = self.burn(parameters, context, steps, grid)
        if feedback.isCanceled():
            raise qgis_io.canceled()
        steps.setCurrentStep(1)
        with qgis_io.core_errors():
            write_grid(output, grid.array, grid.geotransform, grid.crs_wkt, float("nan"), unit_type="metre")
        crs = raster.grid_crs(grid)
        feedback.pushInfo(self.tr("Output CRS: {crs}.").format(crs=crs.authid() or crs.description()))
        steps.setProgress(100)
        return {self.OUTPUT: output, self.BURNT: result.burnt, self.SKIPPED: len(result.skipped)}
