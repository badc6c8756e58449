"""cimtwin:shortestpath: least-cost routes between points, or between two point layers."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterPoint,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import network as core
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import network as bridge
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .network_common import NetworkAlgorithm, network_fields, route_feature, route_reason


class ShortestPathAlgorithm(NetworkAlgorithm):
    """Routes on the road network: START -> END, or START_LAYER -> END_LAYER by order or all pairs."""

    ALG_ID = "shortestpath"
    NEEDS_CRS = NetworkAlgorithm.NEEDS_CRS + ("START_LAYER", "END_LAYER")
    NEEDS_FEATURES = NetworkAlgorithm.NEEDS_FEATURES + ("START_LAYER", "END_LAYER")

    START = "START"
    END = "END"
    START_LAYER = "START_LAYER"
    END_LAYER = "END_LAYER"
    PAIRING = "PAIRING"
    OUTPUT = "OUTPUT"
    ROUTES = "ROUTES"
    FAILED = "FAILED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Shortest path on the road network")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Least-cost route (length or travel time) between a start and an end point, or between the "
            "points of two layers, paired by order or all with all.\n\n"
            "Points attach to the nearest point of the nearest road (not only to a node); the straight "
            "connector is counted in cost, length and time and reported as start_snap_m/end_snap_m; "
            "network_m and network_s are the part along the roads, which is what QGIS's native shortest "
            "path reports. Every pair gets one row: a route, or no geometry with status and reason "
            "(point too far from the roads, network not connected, same point).\n\n"
            "Output lines are in the network layer's CRS. The graph is built once per layer and settings "
            "and reused by later runs."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        self.add_network_parameters()
        param = QgsProcessingParameterPoint(self.START, self.tr("Start point"), optional=True)
        param.setHelp(self.tr("A single start point (any CRS); or use a start layer."))
        self.addParameter(param)
        param = QgsProcessingParameterPoint(self.END, self.tr("End point"), optional=True)
        param.setHelp(self.tr("A single end point (any CRS); or use an end layer."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.START_LAYER, self.tr("Start points layer"), [QgsProcessing.SourceType.TypeVectorPoint], optional=True)
        param.setHelp(self.tr("Points to start from (any CRS); replaces the start point."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.END_LAYER, self.tr("End points layer"), [QgsProcessing.SourceType.TypeVectorPoint], optional=True)
        param.setHelp(self.tr("Points to go to (any CRS); replaces the end point."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.PAIRING, self.tr("Pairing of start and end points"),
            options=[self.tr("By order (1st with 1st, ...)"), self.tr("All pairs")], defaultValue=0)
        param.setHelp(self.tr("By order pairs the n-th start with the n-th end (the layers must have as many "
                              "points); all pairs routes every start to every end."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Routes"),
                                                  QgsProcessing.SourceType.TypeVectorLine)
        param.setHelp(self.tr("One line per pair with cost, length_m, time_s, network_m, edges, status."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.ROUTES, self.tr("Routes found")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Pairs without a route")))
        self.add_components_output()

    def _points(self, parameters, point_key, layer_key, network_source, context, feedback):
        if parameters.get(layer_key) not in (None, ""):
            points = self.read_points(parameters, layer_key, None, network_source, context, feedback)
            return points
        if parameters.get(point_key) in (None, ""):
            return None
        # a point given with a CRS ("x,y [EPSG:...]") is reprojected; one without is taken in the network's CRS
        point = self.parameterAsPoint(parameters, point_key, context, network_source.sourceCrs())
        xy = np.array([[point.x(), point.y()]])
        return bridge.PointsRead([0], [None], xy, [None], None, point_key)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        net_source = self.parameterAsSource(parameters, self.NETWORK, context)
        if net_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.NETWORK))
        starts = self._points(parameters, self.START, self.START_LAYER, net_source, context, feedback)
        ends = self._points(parameters, self.END, self.END_LAYER, net_source, context, feedback)
        if starts is None or ends is None:
            raise QgsProcessingException(self.tr(
                "Give a start (START or START_LAYER) and an end (END or END_LAYER)."))
        all_pairs = self.parameterAsEnum(parameters, self.PAIRING, context) == 1
        n_s, n_e = len(starts.fids), len(ends.fids)
        if all_pairs:
            pairs = core.all_pairs(n_s, n_e)
        else:
            if n_s != n_e and n_s != 1 and n_e != 1:
                raise QgsProcessingException(self.tr(
                    "Pairing by order needs as many start points ({s}) as end points ({e}); choose all pairs "
                    "or give layers of the same size.").format(s=n_s, e=n_e))
            n = max(n_s, n_e)
            pairs = np.column_stack([np.arange(n) % n_s, np.arange(n) % n_e]).astype(np.int64)

        steps = qgis_io.phases(feedback, 3)  # the network and the points; the routes; writing
        read, _, cost, max_snap = self.read_network(parameters, context, feedback)
        network = read.network
        s_snap, s_reason = self.snap(network, starts, max_snap)
        e_snap, e_reason = self.snap(network, ends, max_snap)
        self.report_points(feedback, [(self.tr("Start points"), starts, s_reason),
                                      (self.tr("End points"), ends, e_reason)])
        s_iso = self.isolated_points(feedback, read, s_snap, self.tr("Start points"), starts.name)
        e_iso = self.isolated_points(feedback, read, e_snap, self.tr("End points"), ends.name)
        graph, (s_nodes, e_nodes) = core.build_query_graph(network, [s_snap, e_snap], cost)

        fields = network_fields(twin.SHORTEST_PATHS)  # feature ids: int64
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.LineString, net_source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feedback.pushInfo(self.tr("Routing {n} pairs ...").format(n=len(pairs)))
        steps.setCurrentStep(1)
        with qgis_io.core_errors():
            routes = core.shortest_paths(graph, s_snap, s_nodes, e_snap, e_nodes, pairs, True,
                                         qgis_io.FeedbackProgress(steps))
        steps.setCurrentStep(2)
        s_text = [self.tr("start point: {reason}").format(reason=r) if r else None for r in s_reason]
        e_text = [self.tr("end point: {reason}").format(reason=r) if r else None for r in e_reason]
        isolated = ([self.tr("start point: {reason}").format(reason=r) if r else None for r in s_iso],
                    [self.tr("end point: {reason}").format(reason=r) if r else None for r in e_iso])
        texts = bridge.status_texts()
        found = failed = 0
        batch = []
        for k, route in enumerate(routes):
            i, j = route.origin, route.destination
            feature = route_feature(fields, starts.fids[i], ends.fids[j], route, s_snap.connector_len[i],
                                    e_snap.connector_len[j], cost, network,
                                    route_reason(route.status, i, j, s_text, e_text, texts, isolated))
            if route.found:
                found += 1
            else:
                failed += 1
            batch.append(feature)
            if len(batch) >= 1000:
                schema_io.add_features(sink, batch, self.OUTPUT)
                batch = []
                if feedback.isCanceled():
                    raise qgis_io.canceled()
                steps.setProgress(100.0 * (k + 1) / len(routes))
        schema_io.add_features(sink, batch, self.OUTPUT)
        feedback.pushInfo(self.tr("{n} pairs = {found} routes + {failed} without a route (reason in the "
                                  "field reason).").format(n=len(routes), found=found, failed=failed))
        if failed:
            feedback.reportError(self.tr("{failed} pairs have no route; see the fields status and reason.").format(
                failed=failed), False)
        return {self.OUTPUT: dest_id, self.ROUTES: found, self.FAILED: failed, **read.outputs}

