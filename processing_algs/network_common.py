"""Parameters and steps shared by the four network algorithms (group 'network')."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsUnitTypes,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import network as core
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import network as bridge
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .base import CimTwinAlgorithm

COSTS = ("length", "time")
MODES = ("drive", "walk")
UNITS = {"length": "m", "time": "s"}


class NetworkAlgorithm(CimTwinAlgorithm):
    """Base of cimtwin:shortestpath, odmatrix, nearestfacility and servicearea."""

    GROUP_ID = "network"
    NEEDS_CRS = ("NETWORK",)
    NEEDS_FEATURES = ("NETWORK",)

    NETWORK = "NETWORK"
    COST = "COST"
    MODE = "MODE"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    VALUE_FORWARD = "VALUE_FORWARD"
    VALUE_BACKWARD = "VALUE_BACKWARD"
    VALUE_BOTH = "VALUE_BOTH"
    DEFAULT_DIRECTION = "DEFAULT_DIRECTION"
    SPEED_FIELD = "SPEED_FIELD"
    DEFAULT_SPEED = "DEFAULT_SPEED"
    WALK_SPEED = "WALK_SPEED"
    SNAP_TOLERANCE = "SNAP_TOLERANCE"
    SPLIT_AT_CROSSINGS = "SPLIT_AT_CROSSINGS"
    MAX_SNAP = "MAX_SNAP"
    PLANAR = "PLANAR"
    CLASS_FIELD = "CLASS_FIELD"
    EXCLUDE_CLASSES = "EXCLUDE_CLASSES"
    OUTPUT_COMPONENTS = "OUTPUT_COMPONENTS"

    def add_network_parameters(self) -> None:
        """NETWORK and COST first, then the optional network settings (advanced)."""
        param = QgsProcessingParameterFeatureSource(
            self.NETWORK, QCoreApplication.translate("NetworkAlgorithm", "Road network (lines)"),
            [QgsProcessing.SourceType.TypeVectorLine])
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Line layer of roads in any CRS. Lines meet where they share a vertex, at their ends "
            "or in their middle (as OpenStreetMap ways do); lines that only cross (bridges, tunnels) do not meet. "
            "The built graph is reused while QGIS runs as long as the layer and these settings do not change."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.COST, QCoreApplication.translate("NetworkAlgorithm", "Cost"),
            options=[QCoreApplication.translate("NetworkAlgorithm", "Length (metres)"),
                     QCoreApplication.translate("NetworkAlgorithm", "Travel time (seconds)")], defaultValue=0)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "What the route minimises. Travel time uses the speed field (drive) or the "
            "walking speed (walk)."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.MODE, QCoreApplication.translate("NetworkAlgorithm", "Travel mode"),
            options=[QCoreApplication.translate("NetworkAlgorithm", "Drive (one-way rules, speed field)"),
                     QCoreApplication.translate("NetworkAlgorithm", "Walk (both ways, walking speed)")],
            defaultValue=0)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Walking ignores one-way rules and moves at the walking speed on every road."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.DIRECTION_FIELD, QCoreApplication.translate("NetworkAlgorithm", "Direction field"),
            parentLayerParameterName=self.NETWORK, optional=True)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Field that says which way a road may be travelled (e.g. oneway). Without it "
            "every road uses the default direction."))
        self.addParameter(param)
        for key, label, default, help_text in (
            (self.VALUE_FORWARD, QCoreApplication.translate("NetworkAlgorithm", "Value for forward only"), "1",
             QCoreApplication.translate("NetworkAlgorithm", "Direction value(s), comma-separated, for roads "
                                        "travelled only in their digitised direction.")),
            (self.VALUE_BACKWARD, QCoreApplication.translate("NetworkAlgorithm", "Value for backward only"), "-1",
             QCoreApplication.translate("NetworkAlgorithm", "Direction value(s), comma-separated, for roads "
                                        "travelled only against their digitised direction.")),
            (self.VALUE_BOTH, QCoreApplication.translate("NetworkAlgorithm", "Value for both directions"), "0",
             QCoreApplication.translate("NetworkAlgorithm", "Direction value(s), comma-separated, for two-way "
                                        "roads.")),
        ):
            param = QgsProcessingParameterString(key, label, defaultValue=default, optional=True)
            param.setHelp(help_text)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.DEFAULT_DIRECTION, QCoreApplication.translate("NetworkAlgorithm", "Default direction"),
            options=[QCoreApplication.translate("NetworkAlgorithm", "Both directions"),
                     QCoreApplication.translate("NetworkAlgorithm", "Forward only"),
                     QCoreApplication.translate("NetworkAlgorithm", "Backward only")], defaultValue=0)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Direction of roads whose direction value is empty or none of the given values "
            "(each such road is listed in the log)."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.SPEED_FIELD, QCoreApplication.translate("NetworkAlgorithm", "Speed field (km/h)"),
            parentLayerParameterName=self.NETWORK, optional=True)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Speed per road in km/h for travel time when driving. Empty, text or "
            "non-positive values use the default speed and are listed in the log."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.DEFAULT_SPEED, QCoreApplication.translate("NetworkAlgorithm", "Default speed (km/h)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=30.0, minValue=0.001)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Driving speed for roads without a valid speed value."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.WALK_SPEED, QCoreApplication.translate("NetworkAlgorithm", "Walking speed (m/s)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=1.2, minValue=0.001)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Walking speed; 1.2 m/s makes 5/10/15 minutes about 360/720/1080 m."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.SNAP_TOLERANCE, QCoreApplication.translate("NetworkAlgorithm", "Node snapping tolerance (m)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Vertices of different lines, and line ends, closer than this become one node "
            "(closes small undershoots and lines cut at tile edges). 0 = only vertices at exactly the same place "
            "meet."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(
            self.SPLIT_AT_CROSSINGS, QCoreApplication.translate("NetworkAlgorithm", "Split lines where they cross"),
            defaultValue=False)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Make a node wherever two lines cross. Leave off for data that is already noded "
            "(bridges and tunnels cross roads without meeting them)."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.CLASS_FIELD, QCoreApplication.translate("NetworkAlgorithm", "Road class field(s)"),
            parentLayerParameterName=self.NETWORK, optional=True, allowMultiple=True)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Field(s) with the road class (OSM highway, Tilezen kind and kind_detail, or a "
            "Chinese road class). Roads whose class is in the excluded classes are left out: walking never uses "
            "rail, ferry, aerialway or motorway-class roads (高速公路, 快速路 main carriageways), driving never "
            "uses footways, paths, steps, cycleways or pedestrian streets."))
        self.addParameter(param)
        param = QgsProcessingParameterString(
            self.EXCLUDE_CLASSES, QCoreApplication.translate("NetworkAlgorithm", "Excluded classes"),
            defaultValue="", optional=True)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Comma-separated classes to leave out (needs a class field). Empty = the "
            "mode's preset; '-' = leave nothing out. The log lists what was left out and its length."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.MAX_SNAP, QCoreApplication.translate("NetworkAlgorithm", "Maximum snapping distance (m)"),
            QgsProcessingParameterNumber.Type.Double, defaultValue=500.0, minValue=0.0)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Points farther than this from every road are rejected with the reason. Points "
            "attach to the nearest point of the nearest road; the connector is counted in the cost."))
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(
            self.PLANAR, QCoreApplication.translate("NetworkAlgorithm", "Planar lengths"), defaultValue=False)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Measure lengths in the layer's projection instead of on the ellipsoid. By "
            "default lengths are ellipsoidal (the project's ellipsoid, else the layer CRS's), as QGIS's own "
            "network tools measure them."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

    def add_components_output(self) -> None:
        """OUTPUT_COMPONENTS (optional, not created by default): the network's connected parts as lines."""
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_COMPONENTS, QCoreApplication.translate("NetworkAlgorithm", "Connected parts of the network"),
            QgsProcessing.SourceType.TypeVectorLine, optional=True, createByDefault=False)
        param.setHelp(QCoreApplication.translate(
            "NetworkAlgorithm", "Optional: every connected part of the network as lines with its length and "
            "share, to map the gaps. To close gaps: raise the node snapping tolerance (line ends and shared "
            "vertices closer than it join, e.g. lines cut at tile edges), or split lines where they cross for "
            "data that is not noded; check the excluded classes."))
        self.addParameter(param)

    # -- run-time helpers --------------------------------------------------------------
    #: (point layer parameter, its id field parameter) pairs, checked before the network is read
    POINT_ID_FIELDS: tuple = ()

    def read_network(self, parameters, context, feedback):
        """(NetworkRead, network source, cost name, max snap). The point layers' id field parameters are
        checked first, so a wrong field name is refused before the network is read and built."""
        for key, id_key in self.POINT_ID_FIELDS:
            points = self.parameterAsSource(parameters, key, context)
            if points is not None:
                qgis_io.check_field(points, id_key, self.parameterAsString(parameters, id_key, context),
                                    self.layer_name(parameters, key, points, context))
        source = self.parameterAsSource(parameters, self.NETWORK, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.NETWORK))
        name = self.layer_name(parameters, self.NETWORK, source, context)
        cost = COSTS[self.parameterAsEnum(parameters, self.COST, context)]
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        planar = self.parameterAsBool(parameters, self.PLANAR, context)
        axes, ellipsoid_name = bridge.ellipsoid_axes(source.sourceCrs(), context, planar)
        with qgis_io.core_errors():
            settings = core.NetworkSettings(
                snap_tolerance=self.parameterAsDouble(parameters, self.SNAP_TOLERANCE, context),
                split_at_crossings=self.parameterAsBool(parameters, self.SPLIT_AT_CROSSINGS, context),
                mode=mode,
                walk_speed=self.parameterAsDouble(parameters, self.WALK_SPEED, context),
                default_speed=self.parameterAsDouble(parameters, self.DEFAULT_SPEED, context),
                ellipsoid=axes,
            )

        def values(key):
            text = self.parameterAsString(parameters, key, context) or ""
            return tuple(v.strip() for v in text.split(",") if v.strip())

        class_fields = self.parameterAsFields(parameters, self.CLASS_FIELD, context) or []
        exclude = core.excluded_classes(self.parameterAsString(parameters, self.EXCLUDE_CLASSES, context), mode)
        feedback.pushInfo(QCoreApplication.translate("NetworkAlgorithm", "Building the road network ..."))
        read = bridge.read_network(
            source, context, feedback,
            direction_field=self.parameterAsString(parameters, self.DIRECTION_FIELD, context),
            forward_values=values(self.VALUE_FORWARD),
            backward_values=values(self.VALUE_BACKWARD),
            both_values=values(self.VALUE_BOTH),
            default_direction=self.parameterAsEnum(parameters, self.DEFAULT_DIRECTION, context),
            speed_field=self.parameterAsString(parameters, self.SPEED_FIELD, context),
            settings=settings,
            name=name,
            class_fields=class_fields,
            exclude_classes=exclude,
        )
        read.ellipsoid = ellipsoid_name
        summary = read.network.summary()
        feedback.pushInfo(QCoreApplication.translate("NetworkAlgorithm",
            "Network {layer}: {features} features = {used} in the network ({parts} line parts, {multi} multipart "
            "features split) + {skipped} left out; {nodes} junctions, {links} links, {components} connected "
            "parts.").format(
            layer=name, features=read.features, used=read.features - len({f for f, _ in read.skipped}),
            parts=summary["edges"], multi=read.multipart, skipped=len({f for f, _ in read.skipped}),
            nodes=summary["nodes"], links=summary["links"], components=summary["components"]))
        if read.cached:
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "The graph was reused from the cache (same layer and settings)."))
        if ellipsoid_name:
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "Lengths are ellipsoidal on {ellipsoid}.").format(ellipsoid=ellipsoid_name))
        else:
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "Lengths are planar, in the layer's projection."))
        crs = source.sourceCrs()
        unit = bridge.metres_per_unit(crs)
        if crs.isGeographic():
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "The network layer's CRS is geographic (degrees): the graph is worked on in the "
                "UTM zone of the data, so that distances, tolerances and areas are in metres; outputs are in the "
                "layer's CRS."))
        elif abs(unit - 1.0) > 1e-12:
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "The network layer's CRS is in {unit} (1 {unit} = {factor:g} m): distances "
                "given in metres (snapping tolerance, maximum snapping distance, buffer) are converted to it, and "
                "lengths and areas are written in metres.").format(
                unit=QgsUnitTypes.toString(crs.mapUnits()), factor=unit))
        if mode == "walk":
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "Walking: one-way rules ignored, {speed} m/s on every road.").format(
                speed=settings.walk_speed))
        self.report_classes(feedback, read, class_fields, mode)
        parts = self.report_components(parameters, context, feedback, read, source)
        read.parts = parts
        bridge.report_features(feedback, name, read.skipped, warning=True)
        bridge.report_features(feedback, name, read.notes, warning=False)
        note = bridge.speed_note(read, name, uses_time=cost == "time")
        if note:
            feedback.pushInfo(note)
        max_snap = self.parameterAsDouble(parameters, self.MAX_SNAP, context)
        return read, source, cost, max_snap

    @staticmethod
    def report_classes(feedback, read, class_fields, mode) -> None:
        """What the road classes left out, by class, with the length."""
        if not class_fields:
            return
        mode_text = (QCoreApplication.translate("NetworkAlgorithm", "Walking") if mode == "walk"
                     else QCoreApplication.translate("NetworkAlgorithm", "Driving"))
        if not read.excluded:
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "{mode}: no road of an excluded class ({fields}).").format(
                mode=mode_text, fields=", ".join(class_fields)))
            return
        roads = sum(n for _, n, _ in read.excluded)
        metres = sum(m for _, _, m in read.excluded)
        detail = ", ".join(f"{c} {n} ({m / 1000:.2f} km)" for c, n, m in read.excluded)
        feedback.pushInfo(QCoreApplication.translate(
            "NetworkAlgorithm", "{mode}: {roads} roads of excluded classes left out, {km:.2f} km: {detail}.").format(
            mode=mode_text, roads=roads, km=metres / 1000, detail=detail))

    def report_components(self, parameters, context, feedback, read, source):
        """Log the connected parts (how many, the largest one's share) and write OUTPUT_COMPONENTS when
        asked; returns the core Components."""
        network = read.network
        parts = core.components(network)
        small = parts.small()
        feedback.pushInfo(QCoreApplication.translate(
            "NetworkAlgorithm", "Connected parts: {n}; the largest holds {share:.1f} % of the {km:.2f} km of "
            "road; {small} parts hold less than {limit:g} % each ({small_km:.2f} km in all).").format(
            n=parts.count, share=100 * parts.largest_share, km=parts.total / 1000, small=int(small.sum()),
            limit=100 * core.SMALL_SHARE, small_km=float(parts.length[small].sum()) / 1000))
        if parts.count > 1 and parts.largest_share < 0.9:
            feedback.reportError(QCoreApplication.translate(
                "NetworkAlgorithm", "The largest connected part holds only {share:.1f} % of the network: routes "
                "and catchments stop at the gaps. Map them with OUTPUT_COMPONENTS; raise the node snapping "
                "tolerance or split lines where they cross to close them.").format(
                share=100 * parts.largest_share), False)
        if parameters.get(self.OUTPUT_COMPONENTS) not in (None, ""):
            fields = schema_io.qgs_fields(twin.NETWORK_COMPONENTS)
            sink, dest = self.parameterAsSink(parameters, self.OUTPUT_COMPONENTS, context, fields,
                                              QgsWkbTypes.Type.MultiLineString, source.sourceCrs())
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_COMPONENTS))
            batch = []
            for k in range(parts.count):
                links = np.nonzero(parts.link_part == k)[0]
                lines = [network.to_layer(network.xy[network.link_off[i]:network.link_off[i + 1]]) for i in links]
                geometry = bridge.multiline_geometry(
                    np.concatenate(lines), np.concatenate([[0], np.cumsum([len(c) for c in lines])]))
                batch.append(schema_io.feature(fields, [
                    k, float(parts.length[k]), float(parts.length[k] / parts.total) if parts.total else None,
                    int(parts.links[k]), bool(small[k])], geometry))
            schema_io.add_features(sink, batch, self.OUTPUT_COMPONENTS)
            read.outputs[self.OUTPUT_COMPONENTS] = dest
        return parts

    def isolated_points(self, feedback, read, snapped, role, layer) -> list:
        """Per point: a translated note when it sits on an isolated part (< 5 % of the length), else None;
        the points are counted and warned about."""
        parts = read.parts
        small = parts.small()
        on = core.point_parts(read.network, parts, snapped.link)
        notes = []
        for k in on.tolist():
            if k >= 0 and small[k]:
                notes.append(QCoreApplication.translate(
                    "NetworkAlgorithm", "on an isolated part of {m:.0f} m").format(m=float(parts.length[k])))
            else:
                notes.append(None)
        n = sum(1 for t in notes if t)
        if n:
            feedback.reportError(QCoreApplication.translate(
                "NetworkAlgorithm", "{role} {layer}: {n} points sit on isolated parts of the network (less than "
                "{limit:g} % of its length): they reach little; their rows say so.").format(
                role=role, layer=layer, n=n, limit=100 * core.SMALL_SHARE), False)
        return notes

    def read_points(self, parameters, key, id_key, network_source, context, feedback):
        """Points of the layer *key* in the network's CRS (bridge.PointsRead)."""
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, key))
        id_field = self.parameterAsString(parameters, id_key, context) if id_key else ""
        name = self.layer_name(parameters, key, source, context)
        return bridge.read_points(source, network_source.sourceCrs(), context, feedback, id_field, name,
                                  id_key or "")

    @staticmethod
    def snap(network, points, max_snap):
        """Attach points; returns (Snapped, translated reason per point or None)."""
        snapped = core.snap_points(network, points.xy, max_snap)
        reasons = []
        for i, own in enumerate(points.reasons):
            reasons.append(own or bridge.snap_reason(snapped.reason[i], snapped.connector_len[i], max_snap))
        return snapped, reasons

    @staticmethod
    def report_points(feedback, groups) -> None:
        """For every point layer: in = attached + rejected, and the rejected points with their reason.

        *groups* is a list of (role, PointsRead, translated reasons). A layer given in two roles (the same
        layer as origins and destinations) is listed once, saying it applies to both.
        """
        seen: list[tuple[list[str], object, list]] = []
        for role, points, reasons in groups:
            for entry in seen:
                other = entry[1]
                if (other.name == points.name and other.fids == points.fids and entry[2] == reasons
                        and np.array_equal(other.xy, points.xy, equal_nan=True)):
                    entry[0].append(role)
                    break
            else:
                seen.append(([role], points, reasons))
        for roles, points, reasons in seen:
            rejected = [(f, r) for f, r in zip(points.fids, reasons) if r]
            n = len(points.fids)
            feedback.pushInfo(QCoreApplication.translate(
                "NetworkAlgorithm", "{roles} {layer}: {n} points = {ok} attached to the network + {bad} rejected "
                "(listed below and in the field reason).").format(
                roles=" + ".join(roles), layer=points.name, n=n, ok=n - len(rejected), bad=len(rejected)))
            if len(roles) > 1 and rejected:
                feedback.pushInfo(QCoreApplication.translate(
                    "NetworkAlgorithm", "The same layer is used as {roles}: its rejected points are listed once "
                    "and apply to each use.").format(roles=" and ".join(roles)))
            bridge.report_features(feedback, points.name, rejected, True)


def network_fields(schema, *points) -> QgsFields:
    """The fields of the network output *schema* (core.twin.outputs); its first fields, the ids, take the
    types of the id fields of *points* (bridge.PointsRead, in order; None = feature ids), so that ids keep
    their type."""
    return schema_io.qgs_fields(schema, {name: bridge.id_field(name, p) for name, p in zip(schema.names, points)})


def route_reason(status: str, origin: int, destination: int, first_texts, second_texts, texts: dict,
                 isolated=None) -> str | None:
    """Why a route row is as it is: the rejected point's own text (*first_texts*/*second_texts*, per point,
    already translated by the algorithm with its own prefix), else the text of the status (*texts*:
    ``bridge.status_texts()``, built once per run); *isolated*: (first, second) per-point notes of points on
    isolated parts of the network (NetworkAlgorithm.isolated_points, prefixed), added to the reason."""
    if status == "origin_rejected":
        return first_texts[origin]
    if status == "destination_rejected":
        return second_texts[destination]
    reason = texts.get(status, status)
    if isolated is not None:
        reason = with_notes(reason, isolated[0][origin], isolated[1][destination])
    return reason


def with_notes(reason: str | None, *notes) -> str | None:
    """*reason* and the *notes* that are given, joined by '; ' (None when there is nothing)."""
    parts = [text for text in (reason, *notes) if text]
    return "; ".join(parts) if parts else None


def route_feature(fields: QgsFields, first, second, route, start_snap, end_snap, cost: str, network, reason):
    """A route (or a row saying why there is none) as a feature of a route schema's :func:`network_fields`
    (SHORTEST_PATHS, OD_ROUTES, NEAREST_FACILITIES: the ends' ids, the costs, status and reason, then more)."""
    ok = route is not None and route.found

    def num(value):
        return float(value) if ok and value == value else None

    geometry = None
    if ok and route.coords is not None and len(route.coords) >= 2:
        geometry = bridge.line_geometry(network.to_layer(route.coords))
    return schema_io.feature(fields, [
        first, second,
        num(route.cost) if route else None, num(route.length) if route else None,
        num(route.time) if route else None, num(route.network_length) if route else None,
        num(route.network_time) if route else None,
        float(start_snap) if ok and start_snap == start_snap else None,
        float(end_snap) if ok and end_snap == end_snap else None,
        UNITS[cost], int(route.edges) if ok else None,
        route.status if route else "rejected", reason,
    ] + [None] * (fields.count() - 13), geometry)
