"""Bridge for the twin's data model: core schemas <-> QgsFields.

Algorithms declare what they write as a :class:`core.twin.Schema`; this module
makes the ``QgsFields`` of it (fields typed ``same`` take the type of the input
field they come from, so ids keep their type; outputs that extend their input
get the input's fields where the schema says) and puts rows of it into features.
"""
from __future__ import annotations

import datetime

from qgis.core import QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, QVariant

from ..core.twin import Field, Schema
from ..core.twin.schema import free_name

#: schema types -> QVariant types
QVARIANT = {
    "string": QVariant.String,
    "int": QVariant.Int,
    "int64": QVariant.LongLong,
    "double": QVariant.Double,
    "bool": QVariant.Bool,
    "date": QVariant.Date,
    "datetime": QVariant.DateTime,
    "json": QVariant.String,
}


def schema_type(field: QgsField) -> str:
    """The schema type of a QGIS field (unknown types are ``string``)."""
    for name, variant in QVARIANT.items():
        if field.type() == variant and name != "json":
            return name
    return "string"


def qgs_field(f: Field, source: QgsField | None = None) -> QgsField:
    """The QgsField of the schema field *f*; a ``same``-typed field is a copy of *source* under *f*'s name
    (text without a *source*)."""
    if f.type != "same":
        return QgsField(f.name, QVARIANT[f.type], len=f.length)
    if source is None:
        return QgsField(f.name, QVariant.String)
    field = QgsField(source)
    field.setName(f.name)
    return field


def qgs_fields(schema: Schema, same: dict[str, QgsField] | None = None, inputs: QgsFields | None = None,
               omit=(), before: QgsFields | None = None) -> QgsFields:
    """The fields of *schema* in one run. *same* gives the input field of each ``same``-typed field (a field
    missing there is written as text); *inputs*: the input's fields kept in the output (schemas that extend
    the input), placed first or after the schema's ``input_after`` field; those named as ours are left out
    when the schema's ``clash`` is ``drop``; *omit*: the optional fields not written in this run. *before*
    is the older name of *inputs*."""
    inputs = before if inputs is None else inputs
    same = same or {}
    ours = schema.written(omit)
    given = list(inputs) if inputs is not None else []
    if schema.clash == "drop":
        names = {f.name for f in ours}
        given = [f for f in given if f.name() not in names]
    fields = QgsFields()
    if not schema.input_after:
        for f in given:
            fields.append(f)
    for f in ours:
        fields.append(qgs_field(f, same.get(f.name)))
        if f.name == schema.input_after:
            for g in given:
                fields.append(g)
    return fields


def append_own_fields(fields: QgsFields, added, layer: str, feedback, omit=()) -> list[str]:
    """Append our output fields *added* after the input's *fields*: a schema that extends the input (its
    fields but the optional ones in *omit*), or [(name, QVariant type)]. Where the layer has one of our
    names, the schema's ``clash`` decides: ``reuse``: the input's field holds our values (nothing is
    appended); ``suffix`` (and a list): the user's field is never replaced, ours takes the first free suffix
    (_2, _3 ...) and the log says so. Returns the names used, in order."""
    if isinstance(added, Schema):
        if added.clash == "drop":
            raise ValueError(f"schema {added.name}: an input field is dropped, not appended to (qgs_fields)")
        reuse = added.clash == "reuse"
        added = [(f.name, qgs_field(f)) for f in added.written(omit)]
    else:
        reuse = False
        added = [(name, QgsField(name, kind)) for name, kind in added]
    used = []
    for name, field in added:
        if reuse and fields.lookupField(name) >= 0:
            index = fields.lookupField(name)
            _widen(fields, index, field)
            used.append(fields.at(index).name())
            continue
        ours = free_name(name, fields.names())
        if ours != name:
            feedback.pushInfo(QCoreApplication.translate(
                "QgisIO", "The layer {layer} already has a field {field}: it is kept as it is and the new values "
                "are written to {new}.").format(layer=layer, field=name, new=ours))
            field.setName(ours)
        fields.append(field)
        used.append(ours)
    return used


def _widen(fields: QgsFields, index: int, ours: QgsField) -> None:
    """A reused input text field shorter than ours is written as long as ours: the values we put in it must
    fit (a BD_CODE string(9) of the input holds 16-character codes in the output)."""
    field = QgsField(fields.at(index))
    limited = field.type() == QVariant.String and field.length() > 0
    if not limited or (0 < ours.length() <= field.length()):
        return
    field.setLength(ours.length())  # 0: unlimited
    kept = [QgsField(fields.at(i)) if i != index else field for i in range(fields.count())]
    fields.clear()
    for f in kept:
        fields.append(f)


def qt_value(value):
    """A core value as QGIS stores it: dates and date-times as QDate/QDateTime (a Python date would reach the
    provider as an opaque object, and the feature would not be written), the rest as it is."""
    if isinstance(value, datetime.datetime):
        return QDateTime(value)
    if isinstance(value, datetime.date):
        return QDate(value.year, value.month, value.day)
    return value


def feature(fields: QgsFields, values: list, geometry=None) -> QgsFeature:
    """A feature of *fields* with *values* (in field order) and an optional geometry."""
    out = QgsFeature(fields)
    if geometry is not None:
        out.setGeometry(geometry)
    out.setAttributes([qt_value(v) for v in values])
    return out


def add_features(sink, features: list, output: str) -> None:
    """Add *features* to *sink*; a sink that refuses them is an error naming the output (never a silent loss)."""
    if features and not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
        error = sink.lastError() if hasattr(sink, "lastError") else ""
        raise QgsProcessingException(QCoreApplication.translate(
            "QgisIO", "{output}: the features could not be written ({error}).").format(output=output, error=error))
