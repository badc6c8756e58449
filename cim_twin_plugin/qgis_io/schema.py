"""Bridge for the twin's data model: core schemas <-> QgsFields.

Algorithms declare what they write as a :class:`core.twin.Schema`; this module
makes the ``QgsFields`` of it (fields typed ``same`` take the type of the input
field they come from, so ids keep their type) and puts rows of it into features.
"""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsFields
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..core.twin import Schema
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


def qgs_fields(schema: Schema, same: dict[str, QgsField] | None = None, before: QgsFields | None = None) -> QgsFields:
    """The fields of *schema*; *same* gives the input field of each ``same``-typed field (a field
    missing there is written as text); *before*: fields that come first (the input's, for schemas that
    extend the input)."""
    fields = QgsFields(before) if before is not None else QgsFields()
    same = same or {}
    for f in schema.fields:
        if f.type == "same":
            source = same.get(f.name)
            if source is not None:
                field = QgsField(source)
                field.setName(f.name)
                fields.append(field)
                continue
            fields.append(QgsField(f.name, QVariant.String))
            continue
        fields.append(QgsField(f.name, QVARIANT[f.type], len=f.length))
    return fields


def append_own_fields(fields: QgsFields, added, layer: str, feedback) -> list[str]:
    """Append our output fields *added* [(name, QVariant type)] after the input's *fields*. A user's field is
    never replaced: where the layer has the name, ours takes the first free suffix (_2, _3 ...) and the log
    says so. Returns the names used."""
    used = []
    for name, kind in added:
        ours = free_name(name, fields.names())
        if ours != name:
            feedback.pushInfo(QCoreApplication.translate(
                "QgisIO", "The layer {layer} already has a field {field}: it is kept as it is and the new values "
                "are written to {new}.").format(layer=layer, field=name, new=ours))
        fields.append(QgsField(ours, kind))
        used.append(ours)
    return used


def feature(fields: QgsFields, values: list, geometry=None) -> QgsFeature:
    """A feature of *fields* with *values* (in field order) and an optional geometry."""
    out = QgsFeature(fields)
    if geometry is not None:
        out.setGeometry(geometry)
    out.setAttributes(values)
    return out
