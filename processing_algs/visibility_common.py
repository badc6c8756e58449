"""The shared base of the visibility algorithms (buildingdsm, viewshed, lineofsight): the DEM and the
buildings read through the bridge and burnt by the core."""
from __future__ import annotations

from qgis.core import QgsProcessingException

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.visibility import BASES, burn_buildings
from ..cim_twin_plugin.qgis_io import raster
from .base import CimTwinAlgorithm
from .parameters import BuildingParameters


class VisibilityAlgorithm(BuildingParameters, CimTwinAlgorithm):
    """Reads the DEM and burns the buildings for the visibility algorithms."""

    def load_dem(self, parameters, context, feedback):
        """The DEM parameter as a core Grid, within MAX_CELLS; what was done on reading is logged."""
        dem = self.parameterAsRasterLayer(parameters, self.DEM, context)
        grid = raster.load_grid(dem, self.parameterAsInt(parameters, self.MAX_CELLS, context))
        for note in grid.notes:
            feedback.pushInfo(qgis_io.error_text(note))
        if abs(grid.unit - 1.0) > 1e-12:
            crs = raster.grid_crs(grid)
            feedback.pushInfo(
                self.tr("The DEM's CRS {crs} is not in metres (1 unit = {unit:.6g} m): distances given and written "
                        "in metres are converted; heights stay in metres.").format(
                    crs=crs.authid() or crs.description(), unit=grid.unit)
            )
        return grid

    def check_building_fields(self, parameters, context):
        """Before any work: buildings need a height or a floors field, and the fields named must exist."""
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if source is None:
            return
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        if not height_field and not floors_field:
            raise QgsProcessingException(
                self.tr("Choose a height field or a floors field of the buildings layer {layer}.").format(
                    layer=self.layer_name(parameters, self.BUILDINGS, source, context)
                )
            )
        qgis_io.check_fields(source, {self.HEIGHT_FIELD: height_field, self.FLOORS_FIELD: floors_field},
                             self.layer_name(parameters, self.BUILDINGS, source, context))

    def burn(self, parameters, context, feedback, grid, start=0.0, span=100.0):
        """Burn the buildings into *grid* (in place); returns (BurnResult, Features) or (None, None).

        *feedback* is the burning phase's own (a step of the algorithm's ``qgis_io.phases``): reading the
        buildings takes its first half, burning them the second. A caller that places the phase by hand
        gives *start* and *span* (percent of *feedback*, lineofsight: 0, 20): the phase is then that one
        of equal steps."""
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if source is None:
            return None, None
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        floor_height = self.parameterAsDouble(parameters, self.FLOOR_HEIGHT, context)
        base = BASES[self.parameterAsEnum(parameters, self.BASE, context)]
        placed = qgis_io.phases(feedback, max(1, round(100.0 / span)))
        placed.setCurrentStep(round(start / span))
        halves = qgis_io.phases(placed, 2)  # reading the buildings; burning them
        read = raster.read_features(source, raster.grid_crs(grid), context, halves)
        heights = raster.building_heights(read.features, height_field, floors_field, floor_height)
        halves.setCurrentStep(1)
        with qgis_io.core_errors():
            result = burn_buildings(grid, read.geometries, heights, base, qgis_io.FeedbackProgress(halves))
        total = len(read.features)
        feedback.pushInfo(
            self.tr(
                "Buildings: {total} in = {burnt} on the surface + {skipped} skipped "
                "({repaired} invalid footprints repaired)."
            ).format(total=total, burnt=result.burnt, skipped=len(result.skipped), repaired=result.repaired)
        )
        read.skipped = {i: read.failed.get(i) or qgis_io.error_text(reason) for i, reason in result.skipped.items()}
        reasons: dict[str, list] = {}
        for index, reason in sorted(read.skipped.items()):
            reasons.setdefault(reason, []).append(read.features[index].id())
        for reason, ids in reasons.items():
            shown = ", ".join(str(i) for i in ids[:20]) + (" ..." if len(ids) > 20 else "")
            feedback.reportError(
                self.tr("{n} buildings skipped: {reason} (feature ids {ids}).").format(
                    n=len(ids), reason=reason, ids=shown),
                False,
            )
        return result, read
