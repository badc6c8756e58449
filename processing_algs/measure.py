"""cimtwin:measure: geodesic length, area, perimeter, 3D length, height, volume and facade of features."""
from __future__ import annotations

import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import measure
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import raster, vector
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .base import CimTwinAlgorithm


class MeasureAlgorithm(CimTwinAlgorithm):
    """Adds geodesic measures (and building volume/facade) to every feature."""

    ALG_ID = "measure"
    GROUP_ID = "measurement"
    NEEDS_CRS = ("INPUT",)

    INPUT = "INPUT"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOORS_FIELD = "FLOORS_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    DEM = "DEM"
    OUTPUT = "OUTPUT"
    MEASURED = "MEASURED"
    WITHOUT_GEOMETRY = "WITHOUT_GEOMETRY"
    NOT_MEASURED = "NOT_MEASURED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Measure lengths, areas, heights and volumes")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Adds to every feature its geodesic length_m (lines), area_m2 and perimeter_m (polygons), measured "
            "on the ellipsoid of the layer's CRS (CGCS2000, WGS 84, ...) whatever the projection. With a DEM: "
            "length_3d_m along the terrain and base_elev_m (lowest DEM value at the vertices and an inner "
            "point). With a height or floors field: height_m, volume_m3 (area x height) and facade_m2 "
            "(perimeter x height). Features without geometry are kept with empty measures."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Input layer"),
                                                    [QgsProcessing.SourceType.TypeVector])
        param.setHelp(self.tr("Points, lines or polygons in any CRS."))
        self.addParameter(param)
        for key, label, text in (
            (self.HEIGHT_FIELD, self.tr("Height field (m)"), self.tr("Building height above ground in metres.")),
            (self.FLOORS_FIELD, self.tr("Floors field"), self.tr("Number of floors, used where the height is empty.")),
        ):
            param = QgsProcessingParameterField(key, label, parentLayerParameterName=self.INPUT,
                                                type=QgsProcessingParameterField.DataType.Numeric, optional=True)
            param.setHelp(text)
            self.addParameter(param)
        param = QgsProcessingParameterNumber(self.FLOOR_HEIGHT, self.tr("Floor height (m)"),
                                             QgsProcessingParameterNumber.Type.Double, defaultValue=3.0, minValue=0.1)
        param.setHelp(self.tr("Metres per floor when heights come from the floors field."))
        self.addParameter(param)
        param = QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM"), optional=True)
        param.setHelp(self.tr("Optional terrain for 3D lengths and base elevations (any CRS)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Measured features"))
        param.setHelp(self.tr("The input features with the measures added, in the input's CRS."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.MEASURED, self.tr("Features measured")))
        self.addOutput(QgsProcessingOutputNumber(self.WITHOUT_GEOMETRY, self.tr("Features without geometry")))
        self.addOutput(QgsProcessingOutputNumber(self.NOT_MEASURED, self.tr("Features that could not be measured")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer_crs = source.sourceCrs()  # defined: a layer without a CRS is refused before (NEEDS_CRS)
        layer = self.layer_name(parameters, self.INPUT, source, context)
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        for key, name in ((self.HEIGHT_FIELD, height_field), (self.FLOORS_FIELD, floors_field)):
            qgis_io.check_field(source, key, name, layer)
        # coordinates stay in the layer's CRS: the core transforms whole batches to lon/lat at once
        layer_wkt = layer_crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019)
        with qgis_io.core_errors():
            measurer = measure.Measurer(layer_wkt)
        feedback.pushInfo(self.tr("Measuring on the ellipsoid {ellipsoid}.").format(ellipsoid=measurer.ellipsoid))
        floor_height = self.parameterAsDouble(parameters, self.FLOOR_HEIGHT, context)
        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        dem = to_dem = None
        if dem_layer is not None:
            dem = raster.load_grid(dem_layer)
            for note in dem.notes:
                feedback.pushInfo(qgis_io.error_text(note))
            to_dem = raster.transformer_to_grid(layer_crs, dem)
        # the user's fields are never replaced: ours go under our names, or the first free suffix
        fields = QgsFields(source.fields())
        schema_io.append_own_fields(fields, twin.MEASURES, layer, feedback)
        height_index = source.fields().lookupField(height_field) if height_field else -1
        floors_index = source.fields().lookupField(floors_field) if floors_field else -1
        total = max(1, source.featureCount())
        with_height = height_index >= 0 or floors_index >= 0
        curved = QgsWkbTypes.isCurvedType(source.wkbType()) or source.wkbType() == QgsWkbTypes.Type.Unknown
        nan = math.nan
        to_float = qgis_io.to_float

        def number(value):
            if value.__class__ is float or value.__class__ is int:
                return float(value)
            value = to_float(value)
            return nan if value is None else value

        def heights_of(rows, wkbs):
            if not with_height:
                return None
            heights = measure.building_heights(
                [number(r[height_index]) for r in rows] if height_index >= 0 else [nan] * len(rows),
                [number(r[floors_index]) for r in rows] if floors_index >= 0 else [nan] * len(rows),
                floor_height)
            heights[[data is None for data in wkbs]] = nan
            return heights

        fast = vector.fast_input(self, parameters, self.INPUT, context)
        writer, dest = vector.TableWriter.create(self, parameters, self.OUTPUT, context, fields, source.wkbType(),
                                                 layer_crs)
        counts = {"measured": 0, "empty": 0, "rejected": 0}

        def write(done):
            for (rows, wkbs, features), table in done:
                bad = measure.unmeasurable(wkbs, table)
                counts["rejected"] += len(bad)
                missing = sum(data is None for data in wkbs)
                counts["empty"] += missing
                counts["measured"] += len(wkbs) - missing - len(bad)
                for attributes, row in zip(rows, table):
                    attributes += row
                if features is None:
                    writer.add(rows, wkbs)
                else:
                    for feature, attributes in zip(features, rows):
                        feature.setAttributes(attributes)
                    writer.add_features(features)

        if fast is not None:
            batches = ((batch.rows(), batch.wkbs, None) for batch in vector.read_batches(fast, 10000))
        else:
            batches = self._qgis_batches(source, curved)
        pipeline = measure.Pipeline(measurer, layer_wkt, dem, to_dem, total)
        done_count = 0
        try:
            for rows, wkbs, features in batches:
                write(pipeline.submit((rows, wkbs, features), wkbs, heights_of(rows, wkbs)))
                done_count += len(wkbs)
                if feedback.isCanceled():
                    raise qgis_io.canceled()
                feedback.setProgress(100.0 * done_count / total)
            write(pipeline.finish())
        except BaseException:
            writer.rollback()
            raise
        finally:
            pipeline.close()
        writer.commit()
        measured, empty, rejected = counts["measured"], counts["empty"], counts["rejected"]
        if rejected:
            feedback.reportError(self.tr(
                "{n} features of {layer} could not be measured: their coordinates cannot be converted to "
                "longitude/latitude in the layer's CRS ({crs}). Check that the layer's CRS is the one its "
                "coordinates are in; their measures are empty.").format(
                n=rejected, layer=layer, crs=layer_crs.authid() or layer_crs.description()), False)
        feedback.pushInfo(self.tr("{n} features in = {m} measured + {e} without geometry (empty measures) + "
                                  "{r} not measurable (empty measures).").format(
            n=measured + empty + rejected, m=measured, e=empty, r=rejected))
        return {self.OUTPUT: dest, self.MEASURED: measured, self.WITHOUT_GEOMETRY: empty,
                self.NOT_MEASURED: rejected}

    @staticmethod
    def _qgis_batches(source, curved: bool, size: int = 10000):
        """Batches of (attributes, WKB, features) read as QGIS features (every provider)."""
        features, rows, wkbs = [], [], []
        every = QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks  # nothing is dropped
        for feature in source.getFeatures(QgsFeatureRequest(), every):
            data = bytes(feature.geometry().asWkb())  # empty for a feature without geometry
            if not data:
                data = None
            elif curved:
                geometry = feature.geometry()
                if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                    data = bytes(QgsGeometry(geometry.constGet().segmentize()).asWkb())
            features.append(feature)
            rows.append(feature.attributes())
            wkbs.append(data)
            if len(features) >= size:
                yield rows, wkbs, features
                features, rows, wkbs = [], [], []
        if features:
            yield rows, wkbs, features
