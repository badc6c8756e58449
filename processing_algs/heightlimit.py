"""cimtwin:heightlimit: buildings over a height limit (zones, one value or a limit surface raster)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsSpatialIndex,
)
from qgis.PyQt.QtCore import QVariant

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import measure
from ..cim_twin_plugin.qgis_io import raster
from .base import CimTwinAlgorithm


class HeightLimitAlgorithm(CimTwinAlgorithm):
    """Buildings higher than the limit that applies to them, with excess_m."""

    ALG_ID = "heightlimit"
    GROUP_ID = "measurement"

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
            "OUTPUT holds the buildings over the limit with limit_m and excess_m (metres too high). The log "
            "counts buildings over, within and not checked (no height, no limit)."
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
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Buildings over the limit"),
                                                  QgsProcessing.SourceType.TypeVectorPolygon)
        param.setHelp(self.tr("The buildings higher than their limit, with height_m, limit_m and excess_m."))
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
                layer=zones.sourceName()))
        crs = source.sourceCrs()
        index = QgsSpatialIndex()
        zone_geoms, zone_limits = {}, {}
        if zones is not None:
            transform = QgsCoordinateTransform(zones.sourceCrs(), crs, context.transformContext())
            for zone in zones.getFeatures():
                value = qgis_io.to_float(zone[limit_field])
                geometry = zone.geometry()
                if value is None or geometry.isEmpty():
                    feedback.reportError(self.tr("Zone feature {fid} has no limit or no geometry: ignored.").format(
                        fid=zone.id()), False)
                    continue
                geometry.transform(transform)
                if not geometry.isGeosValid():
                    geometry = geometry.makeValid()
                zone_geoms[zone.id()] = geometry
                zone_limits[zone.id()] = value
                index.addFeature(zone.id(), geometry.boundingBox())
        grid = dem = to_grid = to_dem = None
        if limit_raster is not None:
            grid = raster.load_grid(limit_raster)
            to_grid = raster.transformer_to_grid(crs, grid)
            dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
            if dem_layer is not None:
                dem = raster.load_grid(dem_layer)
                to_dem = raster.transformer_to_grid(crs, dem)
        fields = QgsFields(source.fields())
        for name in ("height_m", "limit_m", "excess_m"):
            fields.append(QgsField(name, QVariant.Double))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(), crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        over = within = unchecked = 0
        total = max(1, source.featureCount())
        for i, feature in enumerate(source.getFeatures()):
            if i % 2000 == 0:
                if feedback.isCanceled():
                    raise qgis_io.canceled()
                feedback.setProgress(100.0 * i / total)
            height = measure.building_height(
                qgis_io.to_float(feature[height_field]) if height_field else None,
                qgis_io.to_float(feature[floors_field]) if floors_field else None, floor_height)
            geometry = feature.geometry()
            if height is None or geometry.isNull() or geometry.isEmpty():
                unchecked += 1
                continue
            compared = height
            limit = None
            if single is not None:
                limit = single
            elif zones is not None:
                hits = [zone_limits[z] for z in index.intersects(geometry.boundingBox())
                        if zone_geoms[z].intersects(geometry)]
                limit = min(hits) if hits else None
            else:
                limit = self._lowest(grid, geometry, to_grid)
                if dem is not None and limit is not None:
                    ground = self._lowest(dem, geometry, to_dem)
                    compared = None if ground is None else ground + height
            excess = measure.height_excess(compared, limit) if compared is not None else None
            if excess is None:
                unchecked += 1
            elif excess > 0:
                over += 1
                feature.setFields(fields, False)
                feature.setAttributes(feature.attributes() + [height, limit, excess])
                sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            else:
                within += 1
        feedback.pushInfo(self.tr("{n} buildings in = {o} over the limit + {w} within + {u} not checked "
                                  "(no height or no limit).").format(n=over + within + unchecked, o=over, w=within,
                                                                     u=unchecked))
        return {self.OUTPUT: dest, self.OVER: over, self.WITHIN: within, self.UNCHECKED: unchecked}

    @staticmethod
    def _lowest(grid, geometry: QgsGeometry, transformer) -> float | None:
        """Lowest raster value under the footprint (core rule shared with measure), None if unknown."""
        value = measure.lowest_under(qgis_io.to_shapely(geometry), grid, transformer)
        return None if value != value else value
