"""cimtwin:odmatrix: network costs from every origin to every destination."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import network as core
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import network as bridge
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .network_common import UNITS, NetworkAlgorithm, network_fields, route_feature, route_reason


class OdMatrixAlgorithm(NetworkAlgorithm):
    """Origin-destination cost matrix as a table (one row per pair), optional route lines."""

    ALG_ID = "odmatrix"
    NEEDS_CRS = NetworkAlgorithm.NEEDS_CRS + ("ORIGINS", "DESTINATIONS")
    NEEDS_FEATURES = NetworkAlgorithm.NEEDS_FEATURES + ("ORIGINS", "DESTINATIONS")

    ORIGINS = "ORIGINS"
    DESTINATIONS = "DESTINATIONS"
    ORIGIN_ID_FIELD = "ORIGIN_ID_FIELD"
    DESTINATION_ID_FIELD = "DESTINATION_ID_FIELD"
    POINT_ID_FIELDS = ((ORIGINS, ORIGIN_ID_FIELD), (DESTINATIONS, DESTINATION_ID_FIELD))
    OUTPUT = "OUTPUT"
    OUTPUT_LINES = "OUTPUT_LINES"
    PAIRS = "PAIRS"
    UNREACHABLE = "UNREACHABLE"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("OD cost matrix on the road network")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Least network cost from every origin to every destination, as a table with one row per pair: "
            "origin_id, destination_id, cost (metres or seconds, connectors to the roads included), "
            "length_m along the least-cost route and network_m (the part along the roads).\n\n"
            "Pairs without a route stay in the table with status 'unreachable' (network not connected, "
            "one-way streets) or the reason a point was rejected; nothing is dropped. One Dijkstra search "
            "per origin answers all destinations at once.\n\n"
            "Optional route lines (OUTPUT_LINES) are in the network layer's CRS."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        self.add_network_parameters()
        for key, label, help_text in (
            (self.ORIGINS, self.tr("Origins"), self.tr("Origin points (any CRS).")),
            (self.DESTINATIONS, self.tr("Destinations"), self.tr("Destination points (any CRS).")),
        ):
            param = QgsProcessingParameterFeatureSource(key, label, [QgsProcessing.SourceType.TypeVectorPoint])
            param.setHelp(help_text)
            self.addParameter(param)
        param = QgsProcessingParameterField(self.ORIGIN_ID_FIELD, self.tr("Origin ID field"),
                                            parentLayerParameterName=self.ORIGINS, optional=True)
        param.setHelp(self.tr("Field copied to origin_id; the feature id when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.DESTINATION_ID_FIELD, self.tr("Destination ID field"),
                                            parentLayerParameterName=self.DESTINATIONS, optional=True)
        param.setHelp(self.tr("Field copied to destination_id; the feature id when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("OD matrix"),
                                                  QgsProcessing.SourceType.TypeVector)
        param.setHelp(self.tr("Table: origin_id, destination_id, cost, cost_unit, length_m, network_m, status, "
                              "reason."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT_LINES, self.tr("OD routes"),
                                                  QgsProcessing.SourceType.TypeVectorLine, optional=True,
                                                  createByDefault=False)
        param.setHelp(self.tr("Optional: the route line of every pair (can be large: origins x destinations)."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.PAIRS, self.tr("Pairs")))
        self.addOutput(QgsProcessingOutputNumber(self.UNREACHABLE, self.tr("Pairs without a route")))
        self.add_components_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        want_lines = parameters.get(self.OUTPUT_LINES) not in (None, "")
        # the network and the points; the costs; writing the matrix (and the route lines)
        steps = qgis_io.phases(feedback, 4 if want_lines else 3)
        read, net_source, cost, max_snap = self.read_network(parameters, context, feedback)
        network = read.network
        origins = self.read_points(parameters, self.ORIGINS, self.ORIGIN_ID_FIELD, net_source, context,
                                             feedback)
        dests = self.read_points(parameters, self.DESTINATIONS, self.DESTINATION_ID_FIELD, net_source,
                                 context, feedback)
        o_snap, o_reason = self.snap(network, origins, max_snap)
        d_snap, d_reason = self.snap(network, dests, max_snap)
        self.report_points(feedback, [(self.tr("Origins"), origins, o_reason),
                                      (self.tr("Destinations"), dests, d_reason)])
        o_iso = self.isolated_points(feedback, read, o_snap, self.tr("Origins"), origins.name)
        d_iso = self.isolated_points(feedback, read, d_snap, self.tr("Destinations"), dests.name)
        graph, (o_nodes, d_nodes) = core.build_query_graph(network, [o_snap, d_snap], cost)
        n_o, n_d = len(origins.fids), len(dests.fids)
        feedback.pushInfo(self.tr("Computing {o} x {d} costs ...").format(o=n_o, d=n_d))
        routes = None
        steps.setCurrentStep(1)
        with qgis_io.core_errors():
            progress = qgis_io.FeedbackProgress(steps)
            if want_lines:  # the routes give the costs too: one Dijkstra run, not two
                matrix, routes = core.od_routes(graph, o_snap, o_nodes, d_snap, d_nodes, True, progress)
            else:
                matrix = core.od_matrix(graph, o_snap, o_nodes, d_snap, d_nodes, progress)

        steps.setCurrentStep(2)
        fields = network_fields(twin.OD_MATRIX, origins, dests)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        unit = UNITS[cost]
        o_ids, d_ids = origins.ids, dests.ids  # of the id fields' own types (NULL stays NULL)
        o_text = [self.tr("origin: {reason}").format(reason=r) if r else None for r in o_reason]
        d_text = [self.tr("destination: {reason}").format(reason=r) if r else None for r in d_reason]
        isolated = ([self.tr("origin: {reason}").format(reason=r) if r else None for r in o_iso],
                    [self.tr("destination: {reason}").format(reason=r) if r else None for r in d_iso])
        texts = bridge.status_texts()
        statuses = core.od_statuses(matrix, o_snap, d_snap)
        unreachable = 0
        batch = []
        for i in range(n_o):
            if feedback.isCanceled():
                raise qgis_io.canceled()
            costs, lengths, nets = matrix.cost[i].tolist(), matrix.length[i].tolist(), matrix.network_length[i].tolist()
            row = statuses[i].tolist()
            for j in range(n_d):
                c, status = costs[j], row[j]
                reason = route_reason(status, i, j, o_text, d_text, texts, isolated)
                ok = status in core.FOUND
                unreachable += not ok
                batch.append(schema_io.feature(fields, [o_ids[i], d_ids[j], c if ok else None, unit,
                                                        lengths[j] if ok else None, nets[j] if ok else None,
                                                        status, reason]))
            if len(batch) >= 5000:
                schema_io.add_features(sink, batch, self.OUTPUT)
                batch = []
                steps.setProgress(100.0 * (i + 1) / n_o)
        schema_io.add_features(sink, batch, self.OUTPUT)
        results = {self.OUTPUT: dest_id, self.PAIRS: n_o * n_d, self.UNREACHABLE: unreachable}

        if routes is not None:
            steps.setCurrentStep(3)
            line_fields = network_fields(twin.OD_ROUTES, origins, dests)
            lines, lines_id = self.parameterAsSink(parameters, self.OUTPUT_LINES, context, line_fields,
                                                   QgsWkbTypes.Type.LineString, net_source.sourceCrs())
            if lines is not None:
                batch = []
                for k, route in enumerate(routes):
                    i, j = route.origin, route.destination
                    batch.append(route_feature(line_fields, o_ids[i], d_ids[j], route, o_snap.connector_len[i],
                                               d_snap.connector_len[j], cost, network,
                                               route_reason(route.status, i, j, o_text, d_text, texts, isolated)))
                    if k % 5000 == 0:
                        if feedback.isCanceled():
                            raise qgis_io.canceled()
                        steps.setProgress(100.0 * k / len(routes))
                schema_io.add_features(lines, batch, self.OUTPUT_LINES)
                results[self.OUTPUT_LINES] = lines_id
        feedback.pushInfo(self.tr("{o} origins x {d} destinations = {n} rows: {ok} with a cost + {bad} without "
                                  "(status and reason say why).").format(
            o=n_o, d=n_d, n=n_o * n_d, ok=n_o * n_d - unreachable, bad=unreachable))
        results.update(read.outputs)
        return results
