"""cimtwin:servicearea: reachable network and catchment polygons per facility and cost band."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import network as core
from ..cim_twin_plugin.core.errors import ValidationError
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import network as bridge
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .network_common import UNITS, NetworkAlgorithm, network_fields


class ServiceAreaAlgorithm(NetworkAlgorithm):
    """Service areas (5/10/15-minute life circles) per facility and band, not dissolved."""

    ALG_ID = "servicearea"
    NEEDS_CRS = NetworkAlgorithm.NEEDS_CRS + ("FACILITIES",)
    NEEDS_FEATURES = NetworkAlgorithm.NEEDS_FEATURES + ("FACILITIES",)

    FACILITIES = "FACILITIES"
    FACILITY_ID_FIELD = "FACILITY_ID_FIELD"
    POINT_ID_FIELDS = ((FACILITIES, FACILITY_ID_FIELD),)
    COSTS = "COSTS"
    COST_UNIT = "COST_UNIT"
    TRAVEL = "TRAVEL"
    BUFFER = "BUFFER"
    OUTPUT_LINES = "OUTPUT_LINES"
    OUTPUT_POLYGONS = "OUTPUT_POLYGONS"
    OUTPUT_NODES = "OUTPUT_NODES"
    AREAS = "AREAS"
    REJECTED = "REJECTED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Service areas on the road network")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "For every facility and every cost band (e.g. 300,500,1000 m or 5,10,15 min), the parts of the "
            "road network reachable within the band: whole roads and the reachable part of roads left "
            "half-way (exact to the cost). Bands are nested: a band holds everything within its cost.\n\n"
            "OUTPUT_LINES has one multi-line per facility and band; OUTPUT_POLYGONS one polygon per "
            "facility and band (not dissolved), a buffer of BUFFER metres around the reachable lines (the "
            "method is written in the field method); OUTPUT_NODES the junctions reached with their cost.\n\n"
            "The facility's connector to the road is counted. Walking mode uses the walking speed (1.2 m/s "
            "by default: 5/10/15 minutes ~ 360/720/1080 m). Outputs are in the network layer's CRS."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        self.add_network_parameters()
        param = QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"),
                                                    [QgsProcessing.SourceType.TypeVectorPoint])
        param.setHelp(self.tr("Facility points (any CRS)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.FACILITY_ID_FIELD, self.tr("Facility ID field"),
                                            parentLayerParameterName=self.FACILITIES, optional=True)
        param.setHelp(self.tr("Field copied to facility_id; the feature id when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.COSTS, self.tr("Cost bands (comma-separated)"),
                                             defaultValue="300,500,1000")
        param.setHelp(self.tr("Upper cost of each band, e.g. 300,500,1000 (metres) or 5,10,15 with minutes "
                              "as the unit. Every value must be more than 0."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.COST_UNIT, self.tr("Unit of the bands"),
            options=[self.tr("Metres (length) or seconds (time)"), self.tr("Minutes (time)")], defaultValue=0)
        param.setHelp(self.tr("Minutes need the travel time cost."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.TRAVEL, self.tr("Travel direction"),
            options=[self.tr("From the facility"), self.tr("To the facility")], defaultValue=0)
        param.setHelp(self.tr("Reach from the facility, or the area from which the facility is reached "
                              "(matters with one-way streets)."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.BUFFER, self.tr("Polygon buffer (m)"),
                                             QgsProcessingParameterNumber.Type.Double, defaultValue=50.0,
                                             minValue=0.01)
        param.setHelp(self.tr("Polygons are the reachable lines buffered by this distance."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT_LINES, self.tr("Service area lines"),
                                                  QgsProcessing.SourceType.TypeVectorLine)
        param.setHelp(self.tr("Reachable network per facility and band: facility_id, band, cost_unit, length_m."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT_POLYGONS, self.tr("Service area polygons"),
                                                  QgsProcessing.SourceType.TypeVectorPolygon, optional=True)
        param.setHelp(self.tr("One polygon per facility and band (not dissolved), with the method used."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT_NODES, self.tr("Service area nodes"),
                                                  QgsProcessing.SourceType.TypeVectorPoint, optional=True,
                                                  createByDefault=False)
        param.setHelp(self.tr("Optional: junctions reached within the largest band, with their cost."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.AREAS, self.tr("Service areas")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, self.tr("Facilities not attached")))
        self.add_components_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        text = self.parameterAsString(parameters, self.COSTS, context) or ""
        try:
            bands = core.check_bands(text)
        except ValidationError as exc:  # the core says which value is wrong; the parameter is named here
            raise QgsProcessingException(self.tr(
                "COSTS '{text}': {detail}. Give a comma-separated list of numbers above 0, e.g. 300,500,1000."
            ).format(text=text, detail=qgis_io.error_text(exc))) from None
        minutes = self.parameterAsEnum(parameters, self.COST_UNIT, context) == 1
        toward = self.parameterAsEnum(parameters, self.TRAVEL, context) == 1
        buffer = self.parameterAsDouble(parameters, self.BUFFER, context)
        steps = qgis_io.phases(feedback, 3)  # the network and the facilities; the service areas; writing
        read, net_source, cost, max_snap = self.read_network(parameters, context, feedback)
        if minutes and cost != "time":
            raise QgsProcessingException(self.tr("Bands in minutes need the travel time cost (COST = 1)."))
        core_bands = [b * 60 if minutes else b for b in bands]
        network = read.network
        facilities = self.read_points(parameters, self.FACILITIES, self.FACILITY_ID_FIELD, net_source,
                                      context, feedback)
        f_snap, f_reason = self.snap(network, facilities, max_snap)
        self.report_points(feedback, [(self.tr("Facilities"), facilities, f_reason)])
        f_isolated = self.isolated_points(feedback, read, f_snap, self.tr("Facilities"), facilities.name)
        graph, (f_nodes,) = core.build_query_graph(network, [f_snap], cost)
        steps.setCurrentStep(1)
        with qgis_io.core_errors():
            areas, reached = core.service_areas(graph, f_snap, f_nodes, core_bands, toward, True,
                                                qgis_io.FeedbackProgress(steps))
        steps.setCurrentStep(2)
        unit = "min" if minutes else UNITS[cost]
        f_ids = facilities.ids  # of the id field's own type
        crs = net_source.sourceCrs()

        fields = network_fields(twin.SERVICE_LINES, facilities)
        lines, lines_id = self.parameterAsSink(parameters, self.OUTPUT_LINES, context, fields,
                                               QgsWkbTypes.Type.MultiLineString, crs)
        if lines is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_LINES))
        poly_fields = network_fields(twin.SERVICE_POLYGONS, facilities)
        polygons = polygons_id = None
        if parameters.get(self.OUTPUT_POLYGONS) not in (None, ""):
            polygons, polygons_id = self.parameterAsSink(parameters, self.OUTPUT_POLYGONS, context, poly_fields,
                                                         QgsWkbTypes.Type.MultiPolygon, crs)
        method = self.tr("buffer {m:g} m around the reachable lines").format(m=buffer)
        rejected = [i for i in range(len(facilities.fids)) if not f_snap.ok[i]]
        band_shown = {b: s for b, s in zip(core_bands, bands)}
        line_batch, poly_batch = [], []
        for i in rejected:
            for band in bands:
                line_batch.append(schema_io.feature(fields, [f_ids[i], band, unit, None, "rejected", f_reason[i]]))
                if polygons is not None:
                    poly_batch.append(schema_io.feature(
                        poly_fields, [f_ids[i], band, unit, None, "rejected", f_reason[i], None, method]))
        for k, area in enumerate(areas):
            if feedback.isCanceled():
                raise qgis_io.canceled()
            empty = len(area.link) == 0
            status = "empty" if empty else "ok"
            reason = self.tr("no road within the band from this facility") if empty else \
                f_isolated[area.facility]
            values = [f_ids[area.facility], band_shown[area.band], unit, area.length, status, reason]
            line_batch.append(schema_io.feature(
                fields, values, None if empty else bridge.multiline_geometry(network.to_layer(area.coords),
                                                                              area.offsets)))
            if polygons is not None:
                shape = None if empty else core.area_polygon(area, buffer)
                geometry = None
                if shape is not None:
                    geometry = qgis_io.from_shapely(_to_layer(shape, network))
                    geometry.convertToMultiType()
                poly_batch.append(schema_io.feature(poly_fields, values + [core.area_m2(area, shape), method],
                                                    geometry))
            steps.setProgress(100.0 * (k + 1) / max(len(areas), 1))
        schema_io.add_features(lines, line_batch, self.OUTPUT_LINES)
        results = {self.OUTPUT_LINES: lines_id, self.AREAS: len(areas), self.REJECTED: len(rejected)}
        if polygons is not None:
            schema_io.add_features(polygons, poly_batch, self.OUTPUT_POLYGONS)
            results[self.OUTPUT_POLYGONS] = polygons_id
        if parameters.get(self.OUTPUT_NODES) not in (None, ""):
            node_fields = network_fields(twin.SERVICE_NODES, facilities)
            nodes, nodes_id = self.parameterAsSink(parameters, self.OUTPUT_NODES, context, node_fields,
                                                   QgsWkbTypes.Type.Point, crs)
            if nodes is not None:
                scale = 60.0 if minutes else 1.0
                batch = []
                for f, (node_ids, costs) in reached.items():
                    xy = network.to_layer(network.node_xy[node_ids])
                    band_of = np.searchsorted(core_bands, costs, side="left")  # the first band holding the cost
                    for (x, y), c, k in zip(xy.tolist(), costs.tolist(), band_of.tolist()):
                        batch.append(schema_io.feature(node_fields, [f_ids[f], c / scale, unit,
                                                                     band_shown[core_bands[k]]],
                                                       QgsGeometry.fromPointXY(QgsPointXY(x, y))))
                schema_io.add_features(nodes, batch, self.OUTPUT_NODES)
                results[self.OUTPUT_NODES] = nodes_id
        n_f = len(facilities.fids)
        feedback.pushInfo(self.tr("{n} facilities = {ok} with service areas + {bad} not attached (reason in the "
                                  "field reason); {areas} areas for bands {bands} {unit}.").format(
            n=n_f, ok=n_f - len(rejected), bad=len(rejected), areas=len(areas),
            bands=", ".join(f"{b:g}" for b in bands), unit=unit))
        if minutes or cost == "time":
            feedback.pushInfo(self.tr("Travel time at {speed} when walking; road speeds when driving.").format(
                speed=f"{network.settings.walk_speed:g} m/s"))
        results.update(read.outputs)
        return results


def _to_layer(shape, network):
    """A shapely polygon from the working CRS (UTM for geographic layers) to the layer CRS."""
    if network.crs_wkt == network.layer_crs_wkt:
        return shape
    from shapely.ops import transform

    return transform(lambda x, y: tuple(network.to_layer(np.column_stack([x, y])).T), shape)
