"""cimtwin:nearestfacility: the N nearest facilities of every incident by network cost."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import network as core
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import network as bridge
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .network_common import NetworkAlgorithm, network_fields, route_feature, with_notes


class NearestFacilityAlgorithm(NetworkAlgorithm):
    """Emergency dispatch: ranked routes from the N nearest facilities to each incident."""

    ALG_ID = "nearestfacility"
    NEEDS_CRS = NetworkAlgorithm.NEEDS_CRS + ("INCIDENTS", "FACILITIES")
    NEEDS_FEATURES = NetworkAlgorithm.NEEDS_FEATURES + ("INCIDENTS", "FACILITIES")

    INCIDENTS = "INCIDENTS"
    FACILITIES = "FACILITIES"
    INCIDENT_ID_FIELD = "INCIDENT_ID_FIELD"
    FACILITY_ID_FIELD = "FACILITY_ID_FIELD"
    POINT_ID_FIELDS = ((INCIDENTS, INCIDENT_ID_FIELD), (FACILITIES, FACILITY_ID_FIELD))
    N = "N"
    MAX_COST = "MAX_COST"
    TRAVEL = "TRAVEL"
    OUTPUT = "OUTPUT"
    ROUTES = "ROUTES"
    WITHOUT = "WITHOUT"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Nearest facilities on the road network")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "For every incident, the N facilities with the least network cost (length or travel time) "
            "within the maximum cost, as routes ranked 1 (nearest) to N. By default the route runs from "
            "the facility to the incident (dispatch: one-way streets are followed in that direction).\n\n"
            "Incidents without a facility within reach, or too far from the roads, get one row without "
            "geometry that says why. Output lines are in the network layer's CRS."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        self.add_network_parameters()
        param = QgsProcessingParameterFeatureSource(self.INCIDENTS, self.tr("Incidents"),
                                                    [QgsProcessing.SourceType.TypeVectorPoint])
        param.setHelp(self.tr("Points that need a facility (any CRS)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"),
                                                    [QgsProcessing.SourceType.TypeVectorPoint])
        param.setHelp(self.tr("Hospitals, fire stations, depots ... (any CRS)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.INCIDENT_ID_FIELD, self.tr("Incident ID field"),
                                            parentLayerParameterName=self.INCIDENTS, optional=True)
        param.setHelp(self.tr("Field copied to incident_id; the feature id when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.FACILITY_ID_FIELD, self.tr("Facility ID field"),
                                            parentLayerParameterName=self.FACILITIES, optional=True)
        param.setHelp(self.tr("Field copied to facility_id; the feature id when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.N, self.tr("Number of nearest facilities"),
                                             QgsProcessingParameterNumber.Type.Integer, defaultValue=1, minValue=1)
        param.setHelp(self.tr("How many facilities to return per incident (fewer if fewer are within reach)."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.MAX_COST, self.tr("Maximum cost (0 = no limit)"),
                                             QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0)
        param.setHelp(self.tr("Facilities beyond this cost (metres, or seconds for travel time) are not "
                              "returned; 0 means no limit."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.TRAVEL, self.tr("Travel direction"),
            options=[self.tr("From facility to incident"), self.tr("From incident to facility")], defaultValue=0)
        param.setHelp(self.tr("Which way the route is travelled (matters with one-way streets)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Nearest facility routes"),
                                                  QgsProcessing.SourceType.TypeVectorLine)
        param.setHelp(self.tr("Routes with incident_id, facility_id, rank, cost, length_m, time_s, status."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.ROUTES, self.tr("Routes")))
        self.addOutput(QgsProcessingOutputNumber(self.WITHOUT, self.tr("Incidents without a facility")))
        self.add_components_output()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        # read as a number: a fraction is refused here (parameterAsInt would round it), a huge N is clamped below
        n_raw = self.parameterAsDouble(parameters, self.N, context)
        if n_raw != n_raw or n_raw < 1 or n_raw != int(n_raw):
            raise QgsProcessingException(self.tr("N = {value} must be a whole number of 1 or more.").format(
                value=parameters.get(self.N)))
        max_cost = self.parameterAsDouble(parameters, self.MAX_COST, context)
        if max_cost < 0:
            raise QgsProcessingException(self.tr("The maximum cost must be 0 (no limit) or more."))
        limit = max_cost if max_cost > 0 else float("inf")
        from_facilities = self.parameterAsEnum(parameters, self.TRAVEL, context) == 0
        steps = qgis_io.phases(feedback, 3)  # the network and the points; the search; writing
        read, net_source, cost, max_snap = self.read_network(parameters, context, feedback)
        network = read.network
        incidents = self.read_points(parameters, self.INCIDENTS, self.INCIDENT_ID_FIELD, net_source,
                                     context, feedback)
        facilities = self.read_points(parameters, self.FACILITIES, self.FACILITY_ID_FIELD, net_source,
                                      context, feedback)
        i_snap, i_reason = self.snap(network, incidents, max_snap)
        f_snap, f_reason = self.snap(network, facilities, max_snap)
        self.report_points(feedback, [(self.tr("Incidents"), incidents, i_reason),
                                      (self.tr("Facilities"), facilities, f_reason)])
        i_iso = self.isolated_points(feedback, read, i_snap, self.tr("Incidents"), incidents.name)
        f_iso = self.isolated_points(feedback, read, f_snap, self.tr("Facilities"), facilities.name)
        if not f_snap.ok.any():
            raise QgsProcessingException(self.tr(
                "No facility of {layer} could be attached to the network (see the log): nothing to search.").format(
                layer=facilities.name))
        n_facilities = len(facilities.fids)
        if n_raw > n_facilities:  # more than there are: all of them (clamped, never wrapped)
            feedback.pushInfo(self.tr("N = {value:g} is more than the {count} facilities: up to all {count} are "
                                      "returned per incident.").format(value=n_raw, count=n_facilities))
        n = int(min(n_raw, n_facilities))
        graph, (i_nodes, f_nodes) = core.build_query_graph(network, [i_snap, f_snap], cost)
        steps.setCurrentStep(1)
        with qgis_io.core_errors():
            results = core.nearest_facilities(graph, i_snap, i_nodes, f_snap, f_nodes, n, limit, from_facilities,
                                              True, qgis_io.FeedbackProgress(steps))
        steps.setCurrentStep(2)
        fields = network_fields(twin.NEAREST_FACILITIES, facilities, incidents)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.LineString,
                                             net_source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        i_ids, f_ids = incidents.ids, facilities.ids  # of the id fields' own types
        texts = bridge.status_texts()
        routes = without = 0
        batch = []
        for k, ranked in enumerate(results):
            for route in ranked:
                f = route.origin
                if route.status in ("origin_rejected", "destination_rejected"):
                    reason = self.tr("incident: {reason}").format(reason=i_reason[k])
                else:
                    reason = with_notes(texts.get(route.status, route.status),
                                        self.tr("incident: {reason}").format(reason=i_iso[k]) if i_iso[k] else None,
                                        self.tr("facility: {reason}").format(reason=f_iso[f])
                                        if f >= 0 and f_iso[f] else None)
                ok = route.found
                start_snap = f_snap.connector_len[f] if ok else None
                feature = route_feature(fields, f_ids[f] if f >= 0 else None, i_ids[k], route, start_snap,
                                        i_snap.connector_len[k], cost, network, reason)
                feature.setAttribute("rank", route.rank if ok else None)
                batch.append(feature)
                routes += ok
                without += not ok
            steps.setProgress(100.0 * (k + 1) / len(results))
        schema_io.add_features(sink, batch, self.OUTPUT)
        feedback.pushInfo(self.tr("{n} incidents = {served} with at least one facility + {without} without (reason "
                                  "in the field reason); {routes} routes.").format(
            n=len(results), served=len(results) - without, without=without, routes=routes))
        return {self.OUTPUT: dest_id, self.ROUTES: routes, self.WITHOUT: without, **read.outputs}
