"""cimtwin:heightlimit: buildings over a height limit (zones, one value or a limit surface raster)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import heightlimit, measure
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import raster, vector
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .base import CimTwinAlgorithm

REASON_FIELD = twin.HEIGHT_LIMITS.reason_field


class HeightLimitAlgorithm(CimTwinAlgorithm):
    """Buildings higher than the limit that applies to them, with excess_m."""

    ALG_ID = "heightlimit"
    GROUP_ID = "measurement"
    NEEDS_CRS = ("LIMITS", "LIMIT_RASTER", "DEM")

    BUILDINGS = "BUILDINGS"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOORS_FIELD = "FLOORS_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    LIMITS = "LIMITS"
    LIMIT_FIELD = "LIMIT_FIELD"
    LIMIT_VALUE = "LIMIT_VALUE"
    LIMIT_RASTER = "LIMIT_RASTER"
    DEM = "DEM"
    OUTPUT = "OUTPUT"
    OVER = "OVER"
    WITHIN = "WITHIN"
    UNCHECKED = "UNCHECKED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Buildings over the height limit")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Compares every building's height with the limit that applies to it: the strictest limit of the "
            "zones (LIMITS with LIMIT_FIELD) its footprint touches, or one value (LIMIT_VALUE), or a limit "
            "surface raster (LIMIT_RASTER, e.g. an airport obstacle limitation surface; its lowest value over "
            "the footprint). Limit rasters hold absolute elevations when a DEM is given (roof = lowest ground "
            "+ height), else heights above ground.\n\n"
            "OUTPUT holds every building with limit_m, excess_m (metres too high), hl_status (over, within, "
            "not_checked) and hl_reason (why a building could not be checked: no height, no geometry, no zone, "
            "no raster value). A field of the buildings with one of these names is kept; ours then gets a "
            "suffix (_2). The log counts buildings over, within and not checked."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFeatureSource(self.BUILDINGS, self.tr("Buildings"),
                                                    [QgsProcessing.SourceType.TypeVectorPolygon])
        param.setHelp(self.tr("Building footprints (any CRS) with a height or floors field."))
        self.addParameter(param)
        for key, parent, label, text in (
            (self.HEIGHT_FIELD, self.BUILDINGS, self.tr("Height field (m)"), self.tr("Building height above ground.")),
            (self.FLOORS_FIELD, self.BUILDINGS, self.tr("Floors field"),
             self.tr("Floors, used where the height is empty.")),
        ):
            param = QgsProcessingParameterField(key, label, parentLayerParameterName=parent,
                                                type=QgsProcessingParameterField.DataType.Numeric, optional=True)
            param.setHelp(text)
            self.addParameter(param)
        param = QgsProcessingParameterNumber(self.FLOOR_HEIGHT, self.tr("Floor height (m)"),
                                             QgsProcessingParameterNumber.Type.Double, defaultValue=3.0, minValue=0.1)
        param.setHelp(self.tr("Metres per floor when heights come from the floors field."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.LIMITS, self.tr("Height limit zones"),
                                                    [QgsProcessing.SourceType.TypeVectorPolygon], optional=True)
        param.setHelp(self.tr("Zones with their height limit in LIMIT_FIELD (any CRS)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.LIMIT_FIELD, self.tr("Limit field (m)"),
                                            parentLayerParameterName=self.LIMITS,
                                            type=QgsProcessingParameterField.DataType.Numeric, optional=True)
        param.setHelp(self.tr("The zone's height limit in metres."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.LIMIT_VALUE, self.tr("Single limit (m)"),
                                             QgsProcessingParameterNumber.Type.Double, optional=True)
        param.setHelp(self.tr("One height limit for every building (used without zones and raster)."))
        self.addParameter(param)
        param = QgsProcessingParameterRasterLayer(self.LIMIT_RASTER, self.tr("Limit surface raster"), optional=True)
        param.setHelp(self.tr("A raster of limits, e.g. an airport obstacle limitation surface."))
        self.addParameter(param)
        param = QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM (limit raster as elevations)"), optional=True)
        param.setHelp(self.tr("With a DEM the limit raster is read as absolute elevations and compared with roofs."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Buildings with their height-limit status"),
                                                  QgsProcessing.SourceType.TypeVectorPolygon)
        param.setHelp(self.tr("Every building with height_m, limit_m, excess_m, hl_status (over, within, "
                              "not_checked) and hl_reason (why it could not be checked)."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.OVER, self.tr("Buildings over the limit")))
        self.addOutput(QgsProcessingOutputNumber(self.WITHIN, self.tr("Buildings within the limit")))
        self.addOutput(QgsProcessingOutputNumber(self.UNCHECKED, self.tr("Buildings not checked")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.BUILDINGS))
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        if not height_field and not floors_field:
            raise QgsProcessingException(self.tr("Choose a height field or a floors field of the buildings."))
        for key, name in ((self.HEIGHT_FIELD, height_field), (self.FLOORS_FIELD, floors_field)):
            qgis_io.check_field(source, key, name)
        floor_height = self.parameterAsDouble(parameters, self.FLOOR_HEIGHT, context)
        zones = self.parameterAsSource(parameters, self.LIMITS, context)
        limit_field = self.parameterAsString(parameters, self.LIMIT_FIELD, context)
        limit_raster = self.parameterAsRasterLayer(parameters, self.LIMIT_RASTER, context)
        single = None
        if parameters.get(self.LIMIT_VALUE) not in (None, ""):
            single = self.parameterAsDouble(parameters, self.LIMIT_VALUE, context)
        given = sum(x is not None for x in (zones, limit_raster, single))
        if given != 1:
            raise QgsProcessingException(
                self.tr("Give exactly one of LIMITS (zones with LIMIT_FIELD), LIMIT_VALUE or LIMIT_RASTER."))
        if zones is not None and not limit_field:
            raise QgsProcessingException(
                self.tr("Choose the limit field (LIMIT_FIELD) of the zones layer {layer}.").format(
                layer=self.layer_name(parameters, self.LIMITS, zones, context)))
        if zones is not None:
            qgis_io.check_field(zones, self.LIMIT_FIELD, limit_field,
                                self.layer_name(parameters, self.LIMITS, zones, context))
        crs = source.sourceCrs()
        rule = heightlimit.LimitRule(single=single)
        if zones is not None:
            rule.zones = heightlimit.ZoneLimits(self._zones(zones, limit_field, crs, context, feedback))
        if limit_raster is not None:
            rule.surface = raster.load_grid(limit_raster)
            rule.to_surface = raster.transformer_to_grid(crs, rule.surface)
            dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
            if dem_layer is not None:
                rule.dem = raster.load_grid(dem_layer)
                rule.to_dem = raster.transformer_to_grid(crs, rule.dem)
        fields = QgsFields(source.fields())
        schema_io.append_own_fields(fields, twin.HEIGHT_LIMITS,
                                    self.layer_name(parameters, self.BUILDINGS, source, context), feedback)
        writer, dest = vector.TableWriter.create(self, parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        height_index = source.fields().lookupField(height_field) if height_field else -1
        floors_index = source.fields().lookupField(floors_field) if floors_field else -1
        counts = {heightlimit.OVER: 0, heightlimit.WITHIN: 0, heightlimit.NOT_CHECKED: 0}
        total = max(1, source.featureCount())
        batch = []
        every = QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks  # every building is checked
        try:
            for i, feature in enumerate(source.getFeatures(QgsFeatureRequest(), every)):
                if i % 2000 == 0:
                    if feedback.isCanceled():
                        raise qgis_io.canceled()
                    feedback.setProgress(100.0 * i / total)
                height = measure.building_height(
                    qgis_io.to_float(feature.attribute(height_index)) if height_index >= 0 else None,
                    qgis_io.to_float(feature.attribute(floors_index)) if floors_index >= 0 else None, floor_height)
                result = rule.check(height, qgis_io.to_shapely(feature.geometry()))
                counts[result.status] += 1
                feature.setFields(fields, False)
                feature.setAttributes(feature.attributes() + [
                    result.height, result.limit, result.excess, result.status, self._reason(result.reason)])
                batch.append(feature)
                if len(batch) >= 5000:
                    writer.add_features(batch)
                    batch = []
            writer.add_features(batch)
        except BaseException:
            writer.rollback()
            raise
        writer.commit()
        over, within, unchecked = (counts[k] for k in (heightlimit.OVER, heightlimit.WITHIN, heightlimit.NOT_CHECKED))
        feedback.pushInfo(self.tr("{n} buildings in = {o} over the limit + {w} within + {u} not checked "
                                  "(reason in {field}).").format(n=over + within + unchecked, o=over, w=within,
                                                                 u=unchecked, field=REASON_FIELD))
        return {self.OUTPUT: dest, self.OVER: over, self.WITHIN: within, self.UNCHECKED: unchecked}

    def _zones(self, zones, limit_field: str, crs, context, feedback) -> list:
        """The zones as (shapely polygon in the buildings' CRS, limit); zones without either are reported."""
        transform = QgsCoordinateTransform(zones.sourceCrs(), crs, context.transformContext())
        out = []
        index = zones.fields().lookupField(limit_field)
        for zone in zones.getFeatures():
            value = qgis_io.to_float(zone.attribute(index))
            geometry = zone.geometry()
            if value is None or geometry.isEmpty():
                feedback.reportError(self.tr("Zone feature {fid} has no limit or no geometry: ignored.").format(
                    fid=zone.id()), False)
                continue
            geometry.transform(transform)
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            out.append((qgis_io.to_shapely(geometry), value))
        return out

    def _reason(self, code: str | None) -> str | None:
        """The translated text of a core reason code."""
        texts = {
            heightlimit.NO_HEIGHT: self.tr("no height: the height and floors fields are empty"),
            heightlimit.NO_GEOMETRY: self.tr("no footprint geometry"),
            heightlimit.NO_ZONE: self.tr("outside every height limit zone"),
            heightlimit.OUTSIDE_SURFACE: self.tr("outside the limit surface raster or on its nodata"),
            heightlimit.NO_GROUND: self.tr("no DEM value under the footprint"),
        }
        return texts.get(code, code) if code else None
