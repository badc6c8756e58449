"""cimtwin:measure: geodesic length, area, perimeter, 3D length, height, volume and facade of features."""
from __future__ import annotations

import math
from collections import deque
from concurrent.futures.process import BrokenProcessPool

from qgis.core import (
    QgsCoordinateReferenceSystem,
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
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import measure
from ..cim_twin_plugin.core.visibility import pool
from ..cim_twin_plugin.qgis_io import raster
from .base import CimTwinAlgorithm

#: layers with at least this many features measure in a worker process while this one does the I/O
POOL_THRESHOLD = 50000
ADDED = ("length_m", "area_m2", "perimeter_m", "length_3d_m", "base_elev_m", "height_m", "volume_m3", "facade_m2")


class MeasureAlgorithm(CimTwinAlgorithm):
    """Adds geodesic measures (and building volume/facade) to every feature."""

    ALG_ID = "measure"
    GROUP_ID = "measurement"

    INPUT = "INPUT"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOORS_FIELD = "FLOORS_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    DEM = "DEM"
    OUTPUT = "OUTPUT"
    MEASURED = "MEASURED"
    WITHOUT_GEOMETRY = "WITHOUT_GEOMETRY"

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

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        layer_crs = source.sourceCrs()
        if not layer_crs.isValid():
            raise QgsProcessingException(
                self.tr("The layer {layer} has no coordinate reference system: set it and run again.").format(
                    layer=source.sourceName()))
        # coordinates stay in the layer's CRS: the core transforms whole batches to lon/lat at once
        layer_wkt = layer_crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019)
        with qgis_io.core_errors():
            measurer = measure.Measurer(layer_wkt)
        feedback.pushInfo(self.tr("Measuring on the ellipsoid {ellipsoid}.").format(ellipsoid=measurer.ellipsoid))
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        floors_field = self.parameterAsString(parameters, self.FLOORS_FIELD, context)
        floor_height = self.parameterAsDouble(parameters, self.FLOOR_HEIGHT, context)
        dem_layer = self.parameterAsRasterLayer(parameters, self.DEM, context)
        dem = to_dem = None
        if dem_layer is not None:
            dem = raster.load_grid(dem_layer)
            if dem.note:
                feedback.pushInfo(dem.note)
            to_dem = raster.transformer_to_grid(layer_crs, dem)
        fields = QgsFields(source.fields())
        for name in ADDED:
            index = fields.lookupField(name)
            if index < 0:
                fields.append(QgsField(name, QVariant.Double))
            elif not fields.at(index).isNumeric():
                raise QgsProcessingException(
                    self.tr("The layer {layer} already has a field {field} that is not numeric: rename it and "
                            "run again.").format(layer=source.sourceName(), field=name))
            else:
                feedback.pushInfo(self.tr("The existing field {field} receives the new values.").format(field=name))
        slots = [fields.lookupField(name) for name in ADDED]
        width = fields.count()
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, source.wkbType(), layer_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        height_index = source.fields().lookupField(height_field) if height_field else -1
        floors_index = source.fields().lookupField(floors_field) if floors_field else -1
        total = max(1, source.featureCount())
        appended = all(slot >= source.fields().count() for slot in slots)
        counts = {"measured": 0, "empty": 0}
        with_height = height_index >= 0 or floors_index >= 0
        curved = QgsWkbTypes.isCurvedType(source.wkbType()) or source.wkbType() == QgsWkbTypes.Type.Unknown
        nan = math.nan
        to_float = qgis_io.to_float

        def number(value):
            if value.__class__ is float or value.__class__ is int:
                return float(value)
            value = to_float(value)
            return nan if value is None else value

        def prepare(features, wkbs):
            """Attributes (read once per feature) and heights of a batch."""
            rows = [feature.attributes() for feature in features]
            missing = [data is None for data in wkbs]
            counts["empty"] += sum(missing)
            counts["measured"] += len(wkbs) - sum(missing)
            heights = None
            if with_height:
                heights = measure.building_heights(
                    [number(r[height_index]) for r in rows] if height_index >= 0 else [nan] * len(rows),
                    [number(r[floors_index]) for r in rows] if floors_index >= 0 else [nan] * len(rows),
                    floor_height)
                heights[missing] = nan
            return rows, heights

        def put(features, rows, table):
            """The measured values *table* (a row per feature, None for NULL) into the features, then out."""
            for feature, attributes, row in zip(features, rows, table):
                if appended:
                    attributes += row
                else:
                    attributes += [None] * (width - len(attributes))
                    for slot, value in zip(slots, row):
                        attributes[slot] = value
                feature.setAttributes(attributes)
            sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)

        def write(features, rows, wkbs, table):
            if isinstance(table, list):  # rows from the worker, NULLs already in place
                put(features, rows, table)
                return
            draped = measure.drape_many(measurer, wkbs, dem, to_dem) if dem is not None else None
            put(features, rows, measure.to_rows(table, draped))

        # Large layers: a worker process computes the geodesics of one batch while this
        # thread reads and writes the next (QGIS I/O and pyproj then use two cores).
        executor = None
        if dem is None and total >= POOL_THRESHOLD and pool.cpu_count() > 1:
            try:
                executor = pool.spawn_executor(1)
            except (OSError, ValueError):
                executor = None
        queue: deque = deque()

        def finish(item):
            nonlocal executor
            features, rows, wkbs, heights, future = item
            table = None
            if future is not None:
                try:
                    table = future.result()
                except BrokenProcessPool:  # the worker could not start: measure here
                    executor = None
            if table is None:
                table = measure.measure_many(measurer, wkbs, heights)
            write(features, rows, wkbs, table)

        def flush(features, wkbs):
            rows, heights = prepare(features, wkbs)
            future = None
            if executor is not None:
                future = executor.submit(measure.measure_rows, layer_wkt, wkbs, heights)
            queue.append((features, rows, wkbs, heights, future))
            while len(queue) > (1 if executor is not None else 0):
                finish(queue.popleft())

        features, wkbs = [], []
        done = 0
        try:
            for feature in source.getFeatures():
                data = bytes(feature.geometry().asWkb())  # empty for a feature without geometry
                if not data:
                    data = None
                elif curved:
                    geometry = feature.geometry()
                    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
                        data = bytes(QgsGeometry(geometry.constGet().segmentize()).asWkb())
                features.append(feature)
                wkbs.append(data)
                if len(features) >= 10000:
                    flush(features, wkbs)
                    done += len(features)
                    features, wkbs = [], []
                    if feedback.isCanceled():
                        raise qgis_io.canceled()
                    feedback.setProgress(100.0 * done / total)
            if features:
                flush(features, wkbs)
            while queue:
                finish(queue.popleft())
        finally:
            if executor is not None:
                executor.shutdown(wait=True, cancel_futures=True)
        measured, empty = counts["measured"], counts["empty"]
        feedback.pushInfo(self.tr("{n} features in = {m} measured + {e} without geometry (empty measures).").format(
            n=measured + empty, m=measured, e=empty))
        return {self.OUTPUT: dest, self.MEASURED: measured, self.WITHOUT_GEOMETRY: empty}
