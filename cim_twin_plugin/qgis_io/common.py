"""The one bridge between QGIS and the pure-Python core.

It turns QGIS layers, features and feedback into plain data for ``core`` and
turns core errors into ``QgsProcessingException``. Algorithms and docks go
through here; ``core`` never sees a QGIS object.
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.crs import utm_epsg
from ..core.errors import CONTEXT as CORE_CONTEXT
from ..core.errors import Canceled, CimTwinError, Message

#: CGCS2000 geographic: the datum of the Beidou grid code (GB/T 39409-2020)
CGCS2000 = "EPSG:4490"


class FeedbackProgress:
    """Adapt ``QgsProcessingFeedback`` to the core's :class:`~core.progress.Progress` protocol.

    *start* and *span* map the core's 0-100 % onto a part of the algorithm's bar.
    """

    def __init__(self, feedback: QgsProcessingFeedback | None, start: float = 0.0, span: float = 100.0):
        self.feedback = feedback
        self.start = start
        self.span = span

    def is_canceled(self) -> bool:
        return bool(self.feedback and self.feedback.isCanceled())

    def set_progress(self, percent: float) -> None:
        if self.feedback:
            self.feedback.setProgress(self.start + self.span * percent / 100.0)


@contextlib.contextmanager
def core_errors() -> Iterator[None]:
    """Turn core errors into ``QgsProcessingException`` (a clear message, never a traceback)."""
    try:
        yield
    except Canceled as exc:
        raise canceled() from exc
    except CimTwinError as exc:
        raise QgsProcessingException(error_text(exc)) from exc


def error_text(reason) -> str:
    """A core error, note or reason in the user's language: a CimTwinError or Message has its template
    translated (context ``CoreErrors``) and then filled with its values; a plain string is a marked core
    reason (``QT_TRANSLATE_NOOP("CoreErrors", ...)``); None is ''; anything else as it is."""
    if reason is None:
        return ""
    if isinstance(reason, (CimTwinError, Message)):
        return reason.translated(QCoreApplication.translate)
    if isinstance(reason, str):
        return QCoreApplication.translate(CORE_CONTEXT, reason)
    return str(reason)


def canceled() -> QgsProcessingException:
    """The error every algorithm raises when the user cancels (one message for one situation)."""
    return QgsProcessingException(QCoreApplication.translate("QgisIO", "Canceled by the user."))


def cgcs2000_crs() -> QgsCoordinateReferenceSystem:
    """The geographic CRS grid codes are computed in."""
    return QgsCoordinateReferenceSystem(CGCS2000)


@dataclass
class PointBatch:
    """Representative points of a batch of features, in CGCS2000 longitude/latitude.

    Entries that could not be computed have ``None`` coordinates and a reason.
    """

    features: list[QgsFeature] = field(default_factory=list)
    """the features, in reading order"""
    lons: list[float] = field(default_factory=list)
    """longitude in degrees, NaN where ``reasons`` says why not"""
    lats: list[float] = field(default_factory=list)
    """latitude in degrees, NaN where ``reasons`` says why not"""
    reasons: list[str | None] = field(default_factory=list)
    """None if the point was computed, else a translated reason"""


def has_geometry(geometry: QgsGeometry | None) -> bool:
    """Whether a feature's geometry is there: not NULL and not empty."""
    return geometry is not None and not geometry.isNull() and not geometry.isEmpty()


def representative_point(geometry: QgsGeometry) -> QgsGeometry | None:
    """The point that stands for a feature: the point itself, else a point on surface."""
    if not has_geometry(geometry):
        return None
    if geometry.type() == QgsWkbTypes.GeometryType.PointGeometry and not geometry.isMultipart():
        return geometry
    point = geometry.pointOnSurface()
    if point.isNull() or point.isEmpty():
        # invalid polygons can make GEOS fail; the centroid is the honest fallback
        point = geometry.centroid()
    return None if point.isNull() or point.isEmpty() else point


def features_in_batches(
    features: Iterable[QgsFeature],
    transform: QgsCoordinateTransform,
    batch_size: int = 20000,
) -> Iterator[PointBatch]:
    """Yield the representative points of *features* in batches, transformed by *transform*."""
    nan = float("nan")
    batch = PointBatch()
    for feature in features:
        point = representative_point(feature.geometry())
        lon = lat = nan
        reason = None
        if point is None:
            reason = QCoreApplication.translate("QgisIO", "feature has no geometry")
        else:
            xy = point.asPoint()
            try:
                out = transform.transform(xy)
                lon, lat = out.x(), out.y()
            except QgsCsException:
                reason = QCoreApplication.translate(
                    "QgisIO", "coordinates cannot be transformed to CGCS2000 longitude/latitude"
                )
        batch.features.append(feature)  # the iterator yields a new QgsFeature each time
        batch.lons.append(lon)
        batch.lats.append(lat)
        batch.reasons.append(reason)
        if len(batch.features) >= batch_size:
            yield batch
            batch = PointBatch()
    if batch.features:
        yield batch


def to_float(value) -> float | None:
    """A field value as float, or None for NULL, empty or non-numeric values."""
    if value is None:
        return None
    try:
        if hasattr(value, "isNull") and value.isNull():
            return None
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def to_text(value) -> str | None:
    """A field value as stripped text, or None for NULL/empty.

    Codes kept in numeric fields come back as digits: 310115001001.0 -> "310115001001".
    """
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def metric_crs(crs: QgsCoordinateReferenceSystem, extent) -> QgsCoordinateReferenceSystem:
    """*crs* if it is projected, else the WGS 84 UTM zone of the extent's centre."""
    if not crs.isGeographic():
        return crs
    lon = (extent.xMinimum() + extent.xMaximum()) / 2
    lat = (extent.yMinimum() + extent.yMaximum()) / 2
    return QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg(lon, lat)}")


def to_shapely(geometry: QgsGeometry):
    """A QgsGeometry as a shapely geometry (2D), or None when null or empty."""
    from shapely import wkb

    if not has_geometry(geometry):
        return None
    return wkb.loads(bytes(geometry.asWkb()))


def from_shapely(shape) -> QgsGeometry:
    """A shapely geometry as a QgsGeometry (a null geometry for None or empty)."""
    geometry = QgsGeometry()
    if shape is not None and not shape.is_empty:
        geometry.fromWkb(shape.wkb)
    return geometry


def require_fields(table: str, names: list[str], wanted) -> None:
    """Raise a QgsProcessingException naming the first of *wanted* (blanks skipped) not in *names*."""
    for name in wanted:
        if name and name not in names:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "QgisIOTables", "The table {table} has no field {field}; its fields are: {fields}.").format(
                    table=table, field=name, fields=", ".join(names))
            )


def layer_label(layer, source, project=None) -> str:
    """The name that tells a layer apart in messages.

    A layer of the project: its name in the layers panel. A layer read from a path
    (``twin.gpkg|layername=roads``: QGIS names it after the file, and so does the
    source's ``sourceName()``): the layer's name inside the file and the file,
    "roads (twin.gpkg)". Else the source's name.
    """
    if layer is not None:
        if project is not None and project.mapLayer(layer.id()) is not None:
            return layer.name()
        try:
            parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        except Exception:  # noqa: BLE001 (a provider without URI decoding: fall back to the name)
            parts = {}
        inner = parts.get("layerName") or ""
        path = parts.get("path") or ""
        if inner:
            return f"{inner} ({os.path.basename(path)})" if path else inner
        if layer.name():
            return layer.name()
    return source.sourceName() if source is not None else ""


def check_field(source, parameter: str, name: str | None, layer: str = "") -> int:
    """Index of the field *name* of *source* (-1 when none is given). A field parameter naming a field the
    layer does not have is refused, naming the layer (*layer*, else the source's name), the field, the
    parameter and the fields there are, never ignored. The one check of every algorithm's field parameters."""
    if not name:
        return -1
    index = source.fields().lookupField(name)
    if index < 0:
        raise QgsProcessingException(QCoreApplication.translate(
            "QgisIO", "The layer {layer} has no field {field} (parameter {parameter}); its fields are: {fields}."
        ).format(layer=layer or source.sourceName(), field=name, parameter=parameter,
                 fields=", ".join(source.fields().names()) or QCoreApplication.translate("QgisIO", "(none)")))
    return index


def check_fields(source, fields: dict, layer: str = "") -> None:
    """:func:`check_field` for every (parameter -> field name) of *fields*; nothing to check without a source."""
    if source is None:
        return
    for parameter, name in fields.items():
        check_field(source, parameter, name, layer)



def report_features(feedback, layer_name: str, items: list[tuple[int, str]], warning: bool, limit: int = 30) -> None:
    """One log line per feature of *items* [(feature id, translated reason)] (the first *limit*), then how
    many more; as warnings when *warning*. The one way every algorithm lists the features it left out."""
    if feedback is None:
        return
    for fid, reason in items[:limit]:
        text = QCoreApplication.translate("QgisIO", "{layer}, feature {fid}: {reason}").format(
            layer=layer_name, fid=fid, reason=reason)
        if warning:
            feedback.reportError(text, False)
        else:
            feedback.pushInfo(text)
    if len(items) > limit:
        feedback.pushInfo(QCoreApplication.translate("QgisIO", "... and {n} more features of {layer}.").format(
            n=len(items) - limit, layer=layer_name))


@dataclass
class Units:
    """Statistical units (communities, streets, grid cells, any polygons) read for counting in."""

    ids: list = field(default_factory=list)
    """the unit ids, of the id field's own type"""
    shapes: list = field(default_factory=list)
    """shapely polygons in the CRS asked for (None without geometry)"""
    geometries: list = field(default_factory=list)
    """the QGIS geometries as read (the units' own CRS)"""
    parents: dict = field(default_factory=dict)
    """unit id -> the parent unit's id (text), where a parent field is given and filled"""


def read_units(source, id_index: int, layer: str, crs, transform_context, parent_index: int = -1) -> Units:
    """The units of *source* with their ids (field *id_index*, refused when empty or repeated, naming *layer*
    and the feature), their polygons transformed to *crs*, and their parents (field *parent_index*)."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, transform_context)
    field_name = source.fields().at(id_index).name()
    units, seen = Units(), set()
    for feature in source.getFeatures():
        unit = feature.attribute(id_index)
        if unit is None or to_text(unit) is None:
            raise QgsProcessingException(QCoreApplication.translate(
                "QgisIO", "{layer}, feature {fid}: the unit has no id in {field}.").format(
                layer=layer, fid=feature.id(), field=field_name))
        if unit in seen:
            raise QgsProcessingException(QCoreApplication.translate(
                "QgisIO", "{layer}: the unit id {unit} is given twice; unit ids must be unique.").format(
                layer=layer, unit=unit))
        seen.add(unit)
        geometry = feature.geometry()
        moved = QgsGeometry(geometry)
        if has_geometry(moved):
            moved.transform(transform)
        units.ids.append(unit)
        units.geometries.append(geometry)
        units.shapes.append(to_shapely(moved))
        if parent_index >= 0 and to_text(feature.attribute(parent_index)):
            units.parents[unit] = to_text(feature.attribute(parent_index))
    return units
