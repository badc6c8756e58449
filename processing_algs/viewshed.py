"""cimtwin:viewshed: what can be seen from one or many points, with buildings and view angles."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.core.visibility import (
    DEFAULT_REFRACTION,
    MODES,
    ObserverDefaults,
    ObserverPoint,
    area_polygons,
    build_observers,
    building_visibility,
    make_observer,
    validate_observer,
    viewshed,
    write_grid,
)
from ..cim_twin_plugin.qgis_io import raster
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .visibility_common import VisibilityAlgorithm
from .visibility_styles import VisibilityRasterStyle

#: per-feature override fields: parameter key -> Observer attribute
OVERRIDES = {
    "HEIGHT_FIELD_OBS": "height",
    "RADIUS_FIELD": "radius",
    "AZIMUTH_FIELD": "azimuth",
    "HFOV_FIELD": "hfov",
    "VANGLE_UP_FIELD": "vangle_up",
    "VANGLE_DOWN_FIELD": "vangle_down",
}


class ViewshedAlgorithm(VisibilityAlgorithm):
    """Viewshed from one point or a layer of points, on a DEM with optional buildings."""

    ALG_ID = "viewshed"
    GROUP_ID = "visibility"
    NEEDS_CRS = ("DEM", "OBSERVERS", "BUILDINGS")
    NEEDS_FEATURES = ("OBSERVERS",)

    DEM = "DEM"
    OBSERVERS = "OBSERVERS"
    OBSERVER = "OBSERVER"
    OBSERVER_HEIGHT = "OBSERVER_HEIGHT"
    TARGET_HEIGHT = "TARGET_HEIGHT"
    RADIUS = "RADIUS"
    AZIMUTH = "AZIMUTH"
    HFOV = "HFOV"
    VANGLE_UP = "VANGLE_UP"
    VANGLE_DOWN = "VANGLE_DOWN"
    CURVATURE = "CURVATURE"
    REFRACTION = "REFRACTION"
    ALGORITHM = "ALGORITHM"
    OUTPUT = "OUTPUT"
    OUTPUT_AREA = "OUTPUT_AREA"
    OUTPUT_BUILDINGS = "OUTPUT_BUILDINGS"
    VISIBLE_CELLS = "VISIBLE_CELLS"
    VISIBLE_AREA_M2 = "VISIBLE_AREA_M2"
    OBSERVERS_USED = "OBSERVERS_USED"
    OBSERVERS_SKIPPED = "OBSERVERS_SKIPPED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Viewshed with buildings and view angles")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Computes which cells of a DEM can be seen from a point (OBSERVER) or from every point of a layer "
            "(OBSERVERS), with buildings burnt in as obstacles (ground + height), a radius, a view cone "
            "(AZIMUTH from north and horizontal field of view HFOV) and vertical angle limits. Point layers "
            "can override height, radius, azimuth, field of view and vertical angles per feature.\n\n"
            "OUTPUT: 1 visible, 0 not visible, nodata outside the range; with several observers the number "
            "of observers that see each cell. Algorithm 'fast' uses GDAL's viewshed; 'exact' tests a sight "
            "line to every cell (the default with buildings, where GDAL's approximation misses many cells). "
            "Several observers run in parallel on every core. A geographic DEM is reprojected to UTM.\n\n"
            "Optional outputs: the visible area as polygons, and every building with the share of its "
            "cells that can be seen and the number of observers that see it."
        )

    def _number(self, key, label, default, help_text, minimum=None, maximum=None, optional=False, advanced=False):
        param = QgsProcessingParameterNumber(
            key, label, QgsProcessingParameterNumber.Type.Double, defaultValue=default, optional=optional
        )
        if minimum is not None:
            param.setMinimum(minimum)
        if maximum is not None:
            param.setMaximum(maximum)
        param.setHelp(help_text)
        if advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM"))
        param.setHelp(self.tr("Terrain (or a DSM) in metres, any CRS."))
        self.addParameter(param)
        self.add_building_parameters(optional=True)
        param = QgsProcessingParameterFeatureSource(
            self.OBSERVERS, self.tr("Observer points"), [QgsProcessing.SourceType.TypeVectorPoint], optional=True
        )
        param.setHelp(self.tr("Points to look from (any CRS). Give this or a single observer point."))
        self.addParameter(param)
        param = QgsProcessingParameterPoint(self.OBSERVER, self.tr("Observer point"), optional=True)
        param.setHelp(self.tr("A single point to look from, used when no observer layer is given."))
        self.addParameter(param)
        self._number(self.OBSERVER_HEIGHT, self.tr("Observer height (m)"), 1.6,
                     self.tr("Eye height above the surface (on a roof when the point is on a building)."))
        self._number(self.TARGET_HEIGHT, self.tr("Target height (m)"), 0.0,
                     self.tr("Height above the surface of what must be seen (0 = the ground itself)."))
        self._number(self.RADIUS, self.tr("Radius (m)"), None,
                     self.tr("Maximum viewing distance; empty = the whole DEM. Must be greater than 0."),
                     optional=True)
        self._number(self.AZIMUTH, self.tr("Azimuth of the view centre (degrees from north)"), 0.0,
                     self.tr("Direction of the centre of the view cone, clockwise from north."))
        self._number(self.HFOV, self.tr("Horizontal field of view (degrees)"), 360.0,
                     self.tr("Width of the view cone, 0-360 (360 = all around)."))
        self._number(self.VANGLE_UP, self.tr("Upward view limit (degrees)"), 90.0,
                     self.tr("Highest angle above the horizontal that is seen (90 = no limit)."))
        self._number(self.VANGLE_DOWN, self.tr("Downward view limit (degrees)"), 90.0,
                     self.tr("Lowest angle below the horizontal that is seen (90 = no limit)."))
        param = QgsProcessingParameterBoolean(self.CURVATURE, self.tr("Earth curvature and refraction"), False)
        param.setHelp(self.tr("Lower distant cells by the earth's curvature, reduced by refraction."))
        self.addParameter(param)
        self._number(self.REFRACTION, self.tr("Refraction coefficient"), DEFAULT_REFRACTION,
                     self.tr("Coefficient of atmospheric refraction used with the curvature (0.13 by default)."),
                     minimum=0.0, maximum=1.0, advanced=True)
        param = QgsProcessingParameterEnum(
            self.ALGORITHM, self.tr("Algorithm"), options=[self.tr("fast (GDAL)"), self.tr("exact (sight lines)")],
            optional=True,
        )
        param.setHelp(self.tr("fast = GDAL's viewshed engine; exact = a sight line to every cell. "
                              "Empty: exact with buildings, fast without."))
        self.addParameter(param)
        for key, label in (
            ("HEIGHT_FIELD_OBS", self.tr("Observer height field")),
            ("RADIUS_FIELD", self.tr("Radius field")),
            ("AZIMUTH_FIELD", self.tr("Azimuth field")),
            ("HFOV_FIELD", self.tr("Horizontal field of view field")),
            ("VANGLE_UP_FIELD", self.tr("Upward limit field")),
            ("VANGLE_DOWN_FIELD", self.tr("Downward limit field")),
        ):
            param = QgsProcessingParameterField(
                key, label, parentLayerParameterName=self.OBSERVERS,
                type=QgsProcessingParameterField.DataType.Numeric, optional=True,
            )
            param.setHelp(self.tr("Per-observer value overriding the parameter above where it is not empty."))
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        self.add_max_cells()
        param = QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Viewshed"))
        param.setHelp(self.tr("GeoTIFF: 1 visible, 0 not (255 = outside the range); with several observers the "
                              "number of observers that see each cell (65535 = outside every range)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_AREA, self.tr("Visible area"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False,
        )
        param.setHelp(self.tr("The visible cells as polygons, with the number of observers that see them."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_BUILDINGS, self.tr("Building visibility"), QgsProcessing.SourceType.TypeVectorPolygon,
            optional=True, createByDefault=False,
        )
        param.setHelp(self.tr("Every building with its visible share and the number of observers that see it."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.VISIBLE_CELLS, self.tr("Visible cells")))
        self.addOutput(QgsProcessingOutputNumber(self.VISIBLE_AREA_M2, self.tr("Visible area (m2)")))
        self.addOutput(QgsProcessingOutputNumber(self.OBSERVERS_USED, self.tr("Observers used")))
        self.addOutput(QgsProcessingOutputNumber(self.OBSERVERS_SKIPPED, self.tr("Observers skipped")))

    def _defaults(self, parameters, context) -> ObserverDefaults:
        radius_given = parameters.get(self.RADIUS) not in (None, "")
        defaults = ObserverDefaults(
            height=self.parameterAsDouble(parameters, self.OBSERVER_HEIGHT, context),
            target_height=self.parameterAsDouble(parameters, self.TARGET_HEIGHT, context),
            radius=self.parameterAsDouble(parameters, self.RADIUS, context) if radius_given else None,
            azimuth=self.parameterAsDouble(parameters, self.AZIMUTH, context),
            hfov=self.parameterAsDouble(parameters, self.HFOV, context),
            vangle_up=self.parameterAsDouble(parameters, self.VANGLE_UP, context),
            vangle_down=self.parameterAsDouble(parameters, self.VANGLE_DOWN, context),
        )
        with qgis_io.core_errors():
            defaults.check()
        return defaults

    def _override_fields(self, parameters, context) -> dict:
        """Parameter key -> field name of the per-observer fields that are given."""
        return {key: self.parameterAsString(parameters, key, context) for key in OVERRIDES}

    def _observers(self, parameters, context, grid, feedback, defaults):
        crs = raster.grid_crs(grid)
        source = self.parameterAsSource(parameters, self.OBSERVERS, context)
        if source is not None:
            names = self._override_fields(parameters, context)
            rows = raster.read_points(source, crs, context, {OVERRIDES[k]: v for k, v in names.items()}, feedback)
            layer = self.layer_name(parameters, self.OBSERVERS, source, context)
            points = [
                ObserverPoint(
                    row.fid, row.point.x() if row.point is not None else None,
                    row.point.y() if row.point is not None else None,
                    label=self.tr("observer feature {fid} of layer {layer}").format(fid=row.fid, layer=layer),
                    overrides=row.values, problem=row.reason,
                )
                for row in rows
            ]
            found = build_observers(grid, points, defaults)
            feedback.pushInfo(
                self.tr("Observers: {total} in = {used} used + {skipped} skipped.").format(
                    total=len(points), used=len(found.observers), skipped=len(found.skipped)
                )
            )
            for fid, reason in found.skipped:
                feedback.reportError(
                    self.tr("Observer feature {fid} of layer {layer} skipped: {reason}").format(
                        fid=fid, layer=layer, reason=qgis_io.error_text(reason)), False)
            if not found.observers:
                raise QgsProcessingException(
                    self.tr("No observer of the layer {layer} can be used (see the log): place them on the DEM."
                            ).format(layer=layer)
                )
            return found.observers, found.skipped
        if parameters.get(self.OBSERVER) not in (None, ""):
            point = self.parameterAsPoint(parameters, self.OBSERVER, context)
            point_crs = self.parameterAsPointCrs(parameters, self.OBSERVER, context)
            xy = point
            if point_crs.isValid() and point_crs != crs:
                transform = QgsCoordinateTransform(point_crs, crs, context.transformContext())
                xy = raster.transform_point(transform, point)
                if xy is None:
                    raise QgsProcessingException(
                        self.tr("The observer point ({x}, {y}) cannot be transformed from {source} to the DEM's "
                                "CRS {target}: check its coordinates and CRS (longitude and latitude swapped?)."
                                ).format(x=f"{point.x():g}", y=f"{point.y():g}", source=point_crs.authid(),
                                         target=crs.authid() or crs.description())
                    )
            observer = make_observer(xy.x(), xy.y(), defaults, label=self.tr("The observer point"))
            problem = validate_observer(grid, observer)
            if problem is not None:
                raise QgsProcessingException(qgis_io.error_text(problem))
            return [observer], []
        raise QgsProcessingException(self.tr("Give an observer point (OBSERVER) or an observer layer (OBSERVERS)."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        defaults = self._defaults(parameters, context)
        qgis_io.check_fields(self.parameterAsSource(parameters, self.OBSERVERS, context),
                            self._override_fields(parameters, context))
        self.check_building_fields(parameters, context)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        raster.check_raster_output(output)
        grid = self.load_dem(parameters, context, feedback)
        observers, skipped = self._observers(parameters, context, grid, feedback, defaults)
        steps = qgis_io.phases(feedback, 3)  # the buildings burnt in; the viewshed; the outputs written
        burnt, buildings = self.burn(parameters, context, steps, grid)
        steps.setCurrentStep(1)
        if parameters.get(self.ALGORITHM) in (None, ""):
            mode = "exact" if burnt is not None else "fast"
            feedback.pushInfo(self.tr("Algorithm: {mode} (chosen automatically).").format(mode=mode))
        else:
            mode = MODES[self.parameterAsEnum(parameters, self.ALGORITHM, context)]
        curvature = self.parameterAsBool(parameters, self.CURVATURE, context)
        refraction = self.parameterAsDouble(parameters, self.REFRACTION, context)
        feedback.pushInfo(
            self.tr("Computing the viewshed of {n} observers ({mode}).").format(n=len(observers), mode=mode))
        with qgis_io.core_errors():
            result = viewshed(grid, observers, mode, curvature, refraction,
                              labels=burnt.labels if burnt is not None else None,
                              progress=qgis_io.FeedbackProgress(steps))
        if feedback.isCanceled():
            raise qgis_io.canceled()
        steps.setCurrentStep(2)
        for note in result.notes:
            feedback.reportError(qgis_io.error_text(note), False)
        if len(observers) > 1:
            feedback.pushInfo(self.tr("Observers computed in {n} processes.").format(n=result.workers))
        with qgis_io.core_errors():
            write_grid(output, result.array, grid.geotransform, grid.crs_wkt, result.nodata)
        crs = raster.grid_crs(grid)
        visible = int(((result.array != result.nodata) & (result.array > 0)).sum())
        area = visible * grid.cell_x * grid.cell_y * grid.unit * grid.unit  # square metres
        feedback.pushInfo(
            self.tr("{cells} cells visible ({area:.0f} m2); output CRS {crs}.").format(
                cells=visible, area=area, crs=crs.authid() or crs.description()
            )
        )
        VisibilityRasterStyle.attach(context, output, several=len(observers) > 1)
        results = {
            self.OUTPUT: output, self.VISIBLE_CELLS: visible, self.VISIBLE_AREA_M2: area,
            self.OBSERVERS_USED: len(observers), self.OBSERVERS_SKIPPED: len(skipped),
        }
        if parameters.get(self.OUTPUT_AREA) not in (None, ""):
            results[self.OUTPUT_AREA] = self._write_area(parameters, context, grid, result, crs, feedback)
        if parameters.get(self.OUTPUT_BUILDINGS) not in (None, ""):
            if buildings is None:
                feedback.reportError(self.tr("No buildings were given: the building output stays empty."), False)
            results[self.OUTPUT_BUILDINGS] = self._write_buildings(
                parameters, context, burnt, buildings, result, crs, feedback
            )
        steps.setProgress(100)
        return results

    def _write_area(self, parameters, context, grid, result, crs, feedback):
        fields = schema_io.qgs_fields(twin.VIEWSHED_AREA)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_AREA, context, fields,
                                          QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_AREA))
        with qgis_io.core_errors():
            polygons = area_polygons(result, grid.geotransform)
        written = 0
        for wkb, observers in polygons:
            if feedback.isCanceled():
                raise qgis_io.canceled()
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            geometry.convertToMultiType()
            schema_io.add_features(sink, [schema_io.feature(fields, [observers], geometry)], self.OUTPUT_AREA)
            written += 1
        feedback.pushInfo(self.tr("Visible area: {n} polygons.").format(n=written))
        return dest

    def _write_buildings(self, parameters, context, burnt, buildings, result, crs, feedback):
        features = buildings.features if buildings is not None else []
        fields = QgsFields(features[0].fields()) if features else QgsFields()
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        schema_io.append_own_fields(fields, twin.VIEWSHED_BUILDINGS,
                                    self.layer_name(parameters, self.BUILDINGS, source, context) if source else "",
                                    feedback)
        wkb = source.wkbType() if source is not None else QgsWkbTypes.Type.MultiPolygon
        src_crs = source.sourceCrs() if source is not None else crs
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_BUILDINGS, context, fields, wkb, src_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_BUILDINGS))
        if not features:
            return dest
        n = len(features)
        cells, seen, observers = building_visibility(burnt.labels, n, result)
        seen_count = 0
        for i, feature in enumerate(features):
            reason = buildings.skipped.get(i)
            c = int(cells[i + 1]) if reason is None else 0
            v = int(seen[i + 1]) if reason is None else 0
            o = int(observers[i + 1]) if reason is None else 0
            share = (v / c) if c else None
            seen_count += v > 0
            schema_io.add_features(sink, [schema_io.feature(fields, feature.attributes() + [
                v if reason is None else None, c if reason is None else None, share, o if reason is None else None,
                reason], feature.geometry())], self.OUTPUT_BUILDINGS)
        feedback.pushInfo(
            self.tr("Buildings: {n} written, {seen} seen by at least one observer, {skipped} not on the surface "
                    "(reason in vis_reason).").format(n=n, seen=seen_count, skipped=len(burnt.skipped))
        )
        return dest
