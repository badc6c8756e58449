"""Bridge for road network analysis: line/point layers -> core arrays, core results -> geometries.

Lengths are ellipsoidal on the ellipsoid QGIS's own network tools use (the
context's ellipsoid through QgsDistanceArea; the layer CRS's ellipsoid when the
project sets none); the core measures them with pyproj.Geod on those axes.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsProcessingException,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..core import crs as core_crs
from ..core import network as core
from .common import (  # noqa: F401 (layer_label, report_features: re-exported, algorithms call bridge.*)
    canceled,
    check_field,
    error_text,
    has_geometry,
    layer_label,
    report_features,
    to_float,
    to_shapely,
    to_text,
)


@dataclass
class NetworkRead:
    """A built (or cached) network and what happened to the layer's features."""

    network: core.RoadNetwork
    cached: bool
    features: int
    """features read"""
    skipped: list[tuple[int, str]] = field(default_factory=list)
    """(feature id, translated reason) of features not in the network"""
    notes: list[tuple[int, str]] = field(default_factory=list)
    """(feature id, translated note) of features used with a change (direction value unknown, loop)"""
    default_speed: list[int] = field(default_factory=list)
    """feature ids of roads without a valid speed value (driving: the default speed is used); one note for all"""
    speed_field: str = ""
    """the speed field read ('' = none: every road at the default speed)"""
    multipart: int = 0
    """features split into their parts"""
    ellipsoid: str = ""
    """ellipsoid acronym used for lengths ('' = planar)"""
    excluded: list[tuple[str, int, float]] = field(default_factory=list)
    """(class, roads, metres) of the roads left out by their class, longest first"""
    parts: object = None
    """the network's connected parts (core.Components), set by the algorithm"""
    outputs: dict = field(default_factory=dict)
    """results of outputs written while reading (OUTPUT_COMPONENTS: its layer id)"""


def ellipsoid_axes(crs: QgsCoordinateReferenceSystem, context, planar: bool) -> tuple[tuple[float, float] | None, str]:
    """(semi-major, semi-minor) of the ellipsoid QgsDistanceArea would measure with, and its name."""
    if planar:
        return None, ""
    name = context.ellipsoid() if context is not None else ""
    if not name or name.upper() == "NONE":
        name = crs.ellipsoidAcronym()
    distance_area = QgsDistanceArea()
    distance_area.setSourceCrs(crs, context.transformContext() if context is not None
                               else QgsCoordinateTransformContext())
    if not name or not distance_area.setEllipsoid(name) or not distance_area.willUseEllipsoid():
        return None, ""
    return (distance_area.ellipsoidSemiMajor(), distance_area.ellipsoidSemiMinor()), name


def crs_wkt(crs: QgsCoordinateReferenceSystem) -> str:
    return crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019)


def metres_per_unit(crs: QgsCoordinateReferenceSystem) -> float:
    """Metres in one map unit of *crs* (1 for metres, 0.3048 for feet); 1 for geographic CRSs, which the
    core works on in their UTM zone (in metres). The core's one rule, :func:`core.crs.metres_per_unit`,
    on the CRS's WKT."""
    return core_crs.metres_per_unit(crs_wkt(crs))


def read_network(
    source,
    context,
    feedback,
    *,
    direction_field: str = "",
    forward_values=("1",),
    backward_values=("-1",),
    both_values=("0",),
    default_direction: int = core.BOTH,
    speed_field: str = "",
    settings: core.NetworkSettings,
    name: str = "",
    class_fields=(),
    exclude_classes: frozenset = frozenset(),
) -> NetworkRead:
    """Read every line of *source* and build (or reuse from the cache) its network.

    *name* is the layer's name in messages (:func:`layer_label`; the source's name when empty). A
    direction or speed field that is not in the layer is refused. Roads with a value of one of
    *class_fields* in *exclude_classes* (:func:`core.excluded_classes`) are left out, listed with their
    class, and summed up by class in :attr:`NetworkRead.excluded`.
    """
    name = name or source.sourceName()
    total = source.featureCount()
    if total == 0:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "NetworkIO", "The network layer {layer} has no features: give a line layer with roads."
            ).format(layer=name)
        )
    crs = source.sourceCrs()
    if not crs.isValid():
        raise QgsProcessingException(
            QCoreApplication.translate(
                "NetworkIO",
                "The network layer {layer} has no coordinate reference system: set its CRS and run again.",
            ).format(layer=name)
        )
    dir_index = check_field(source, "DIRECTION_FIELD", direction_field, name)
    speed_index = check_field(source, "SPEED_FIELD", speed_field, name)
    class_index = [check_field(source, "CLASS_FIELD", f, name) for f in class_fields if f]
    class_index = [i for i in class_index if i >= 0] if exclude_classes else []
    request = QgsFeatureRequest()
    wanted = [i for i in (dir_index, speed_index, *class_index) if i >= 0]
    request.setSubsetOfAttributes(wanted)
    forward = {str(v).strip() for v in forward_values}
    backward = {str(v).strip() for v in backward_values}
    both = {str(v).strip() for v in both_values}
    coords, sizes, fids, dirs, speeds = [], [], [], [], []
    skipped: list[tuple[int, str]] = []
    notes: list[tuple[int, str]] = []
    multipart = 0
    out_coords, out_sizes, out_class, out_fid = [], [], [], []
    by_class: list[tuple[int, str]] = []  # listed after the other features left out (they are many)
    for n, feature in enumerate(source.getFeatures(request)):
        if n % 2000 == 0:
            if feedback is not None and feedback.isCanceled():
                raise canceled()
        fid = feature.id()
        geometry = feature.geometry()
        if not has_geometry(geometry):
            skipped.append((fid, QCoreApplication.translate("NetworkIO", "no geometry")))
            continue
        if geometry.type() != QgsWkbTypes.GeometryType.LineGeometry:
            skipped.append((fid, QCoreApplication.translate("NetworkIO", "not a line")))
            continue
        if QgsWkbTypes.isCurvedType(geometry.wkbType()):
            geometry = QgsGeometry(geometry.constGet().segmentize())
        shape = to_shapely(geometry)
        parts = list(getattr(shape, "geoms", [shape]))
        if class_index:
            value = core.excluded_value((to_text(feature.attribute(i)) for i in class_index), exclude_classes)
            if value is not None:
                by_class.append((fid, QCoreApplication.translate(
                    "NetworkIO", "class '{value}' is not used by this mode (excluded classes)").format(value=value)))
                for part in parts:
                    c = np.asarray(part.coords, dtype=float)
                    if c.ndim == 2 and len(c):
                        out_coords.append(c[:, :2])
                        out_sizes.append(len(c))
                        out_class.append(value)
                        out_fid.append(n)
                continue
        if len(parts) > 1:
            multipart += 1
        direction = default_direction
        if dir_index >= 0:
            text = to_text(feature.attribute(dir_index)) or ""  # a code in a numeric field: 1.0 -> "1"
            if text in forward:
                direction = core.FORWARD
            elif text in backward:
                direction = core.BACKWARD
            elif text in both:
                direction = core.BOTH
            elif text:
                notes.append((fid, QCoreApplication.translate(
                    "NetworkIO", "direction value '{value}' is none of the given values: default direction used"
                ).format(value=text)))
        speed = np.nan
        if speed_index >= 0:
            number = to_float(feature.attribute(speed_index))
            speed = np.nan if number is None else number
        for part in parts:
            c = np.asarray(part.coords, dtype=float)
            if c.ndim != 2 or len(c) == 0:
                skipped.append((fid, QCoreApplication.translate("NetworkIO", "empty line part")))
                continue
            coords.append(c[:, :2])
            sizes.append(len(c))
            fids.append(fid)
            dirs.append(direction)
            speeds.append(speed)
    excluded = []
    if out_coords:
        lengths = core.part_lengths(np.concatenate(out_coords), np.concatenate([[0], np.cumsum(out_sizes)]),
                                    crs_wkt(crs), settings.ellipsoid)
        excluded = core.length_by_class(out_class, lengths, out_fid)
    skipped.extend(by_class)
    if not coords:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "NetworkIO", "The network layer {layer} has no line with a geometry: there is no network to use."
            ).format(layer=name)
        )
    flat = np.concatenate(coords)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    fids_a = np.array(fids, dtype=np.int64)
    dirs_a = np.array(dirs, dtype=np.int8)
    speeds_a = np.array(speeds, dtype=float)
    wkt = crs_wkt(crs)
    key = core.fingerprint(flat, offsets, fids_a, dirs_a, speeds_a, wkt, settings)
    network = core.CACHE.get(key)
    cached = network is not None
    if network is None:
        try:
            network = core.build_network(flat, offsets, fids_a, dirs_a, speeds_a, wkt, settings)
        except core.NetworkError as exc:
            raise QgsProcessingException(
                QCoreApplication.translate("NetworkIO", "The network layer {layer} cannot be used: {detail}.").format(
                    layer=name, detail=error_text(exc))
            ) from exc
        core.CACHE.put(key, network)
    default_speed: list[int] = []
    for problem in network.problems:
        if problem.code == "speed_default":  # one note for all of them (speed_note), not one line per road
            default_speed.append(problem.feature)
            continue
        text = problem_text(problem.code)
        (skipped if problem.dropped else notes).append((problem.feature, text))
    return NetworkRead(network, cached, n + 1, skipped, notes, multipart=multipart,
                       default_speed=default_speed, speed_field=speed_field, excluded=excluded)


def speed_note(read: NetworkRead, layer: str, uses_time: bool, limit: int = 10) -> str | None:
    """The one log line about roads driven at the default speed (None when there is nothing to say).

    Walking uses no road speed (the core reports none). Without a speed field every road is driven at the
    default speed: said once, and only when the cost is the travel time (with the length as cost the speed
    only fills time_s). With a speed field, the roads whose value is empty or invalid are counted, the first
    *limit* named.
    """
    if not read.default_speed:
        return None
    speed = read.network.settings.default_speed
    if not read.speed_field:
        if not uses_time:
            return None
        return QCoreApplication.translate(
            "NetworkIO", "No speed field: every road of {layer} is driven at the default speed of {speed:g} km/h."
        ).format(layer=layer, speed=speed)
    shown = ", ".join(str(f) for f in read.default_speed[:limit])
    if len(read.default_speed) > limit:
        shown += ", ..."
    return QCoreApplication.translate(
        "NetworkIO", "{layer}: {n} roads have a speed ({field}) that is empty, not a number or not above 0: the "
        "default speed of {speed:g} km/h is used for them (features {features})."
    ).format(layer=layer, n=len(read.default_speed), field=read.speed_field, speed=speed, features=shown)


def problem_text(code: str) -> str:
    """Translated reason for a core build problem."""
    if code == "too_short":
        return QCoreApplication.translate("NetworkIO", "zero length (fewer than two distinct vertices)")
    if code == "collapsed":
        return QCoreApplication.translate("NetworkIO", "shorter than the snapping tolerance")
    if code == "self_loop":
        return QCoreApplication.translate("NetworkIO", "starts and ends at the same node (a loop): kept")
    return code


@dataclass
class PointsRead:
    """Points of a layer in the network layer's CRS; rejected ones have NaN and a reason."""

    fids: list[int]
    ids: list
    """values of the id field (the feature id when none is given), of the field's own type"""
    xy: np.ndarray
    reasons: list
    id_template: QgsField | None = None
    """the id field of the layer (None: the ids are feature ids)"""
    name: str = ""
    """the layer's name in messages"""

    @property
    def rejected(self) -> int:
        return sum(1 for r in self.reasons if r)


def read_points(source, network_crs: QgsCoordinateReferenceSystem, context, feedback, id_field: str = "",
                name: str = "", id_parameter: str = "") -> PointsRead:
    """Read a point layer, reprojecting to the network layer's CRS.

    *name* is the layer's name in messages; an *id_field* (the parameter *id_parameter*) that is not in
    the layer is refused, and so is a layer without a CRS (its coordinates would be taken as the network's).
    """
    name = name or source.sourceName()
    if source.featureCount() == 0:
        raise QgsProcessingException(
            QCoreApplication.translate("NetworkIO", "The point layer {layer} has no features.").format(layer=name))
    if not source.sourceCrs().isValid():
        raise QgsProcessingException(
            QCoreApplication.translate(
                "NetworkIO",
                "The point layer {layer} has no coordinate reference system: set its CRS and run again.",
            ).format(layer=name)
        )
    transform = QgsCoordinateTransform(source.sourceCrs(), network_crs, context.transformContext())
    id_index = check_field(source, id_parameter or "ID_FIELD", id_field, name)
    request = QgsFeatureRequest()
    request.setSubsetOfAttributes([id_index] if id_index >= 0 else [])
    fids, ids, xs, ys, reasons = [], [], [], [], []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            raise canceled()
        fid = feature.id()
        fids.append(fid)
        value = feature.attribute(id_index) if id_index >= 0 else fid
        ids.append(None if value is None or (hasattr(value, "isNull") and value.isNull()) else value)
        geometry = feature.geometry()
        x = y = np.nan
        reason = None
        if not has_geometry(geometry):
            reason = QCoreApplication.translate("NetworkIO", "no geometry")
        elif geometry.isMultipart() and geometry.constGet().numGeometries() > 1:
            reason = QCoreApplication.translate("NetworkIO", "several points in one feature: give one point each")
        else:
            point = geometry.centroid().asPoint() if geometry.type() != QgsWkbTypes.GeometryType.PointGeometry \
                else geometry.vertexAt(0)
            try:
                out = transform.transform(point.x(), point.y())
                x, y = out.x(), out.y()
            except QgsCsException:
                reason = QCoreApplication.translate("NetworkIO", "cannot be transformed to the network's CRS")
        xs.append(x)
        ys.append(y)
        reasons.append(reason)
    template = source.fields().at(id_index) if id_index >= 0 else None
    return PointsRead(fids, ids, np.column_stack([xs, ys]).astype(float), reasons, template, name)


def id_field(name: str, points: PointsRead | None) -> QgsField:
    """An output id field *name* of the type of the points' id field (int, int64, double, text, date ...),
    so that the output joins back to the input; a 64-bit integer for feature ids."""
    template = points.id_template if points is not None else None
    if template is None:
        return QgsField(name, QVariant.LongLong)
    return QgsField(name, template.type(), "", template.length(), template.precision(), "", template.subType())


def snap_reason(code: str | None, distance: float, max_snap: float | None) -> str | None:
    """Translated reason a point was not attached."""
    if code is None:
        return None
    if code == "no_network_nearby":
        return QCoreApplication.translate(
            "NetworkIO", "nearest road is {d:.1f} m away, beyond the maximum snapping distance of {max:g} m"
        ).format(d=distance, max=max_snap)
    return QCoreApplication.translate("NetworkIO", "not a valid point")


def status_texts() -> dict:
    """Translated explanation of every route status (None for ok): build once per run, look up per route."""
    return {
        "ok": None,
        "same_point": QCoreApplication.translate("NetworkIO", "origin and destination are the same point"),
        "unreachable": QCoreApplication.translate(
            "NetworkIO", "no route: the two points lie on parts of the network that are not connected "
            "(or one-way streets forbid it)"),
        "none_within_max_cost": QCoreApplication.translate("NetworkIO", "no facility within the maximum cost"),
    }


# -- geometries --------------------------------------------------------------------------
def _wkb_line(coords: np.ndarray) -> bytes:
    return struct.pack("<BII", 1, 2, len(coords)) + np.ascontiguousarray(coords, dtype="<f8").tobytes()


def line_geometry(coords: np.ndarray) -> QgsGeometry:
    """A LineString from an (n, 2) array (WKB: no per-vertex Python objects)."""
    geometry = QgsGeometry()
    geometry.fromWkb(_wkb_line(coords))
    return geometry


def multiline_geometry(coords: np.ndarray, offsets: np.ndarray) -> QgsGeometry:
    """A MultiLineString from flat coordinates and part offsets."""
    parts = [_wkb_line(coords[a:b]) for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]
    geometry = QgsGeometry()
    geometry.fromWkb(struct.pack("<BII", 1, 5, len(parts)) + b"".join(parts))
    return geometry


