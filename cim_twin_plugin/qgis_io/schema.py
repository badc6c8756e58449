"""Bridge for the twin's data model: core schemas <-> QgsFields.

Algorithms declare what they write as a :class:`core.twin.Schema`; this module
makes the ``QgsFields`` of it (fields typed ``same`` take the type of the input
field they come from, so ids keep their type) and puts rows of it into features.
"""
from __future__ import annotations

from qgis.core import QgsFeature, QgsField, QgsFields
from qgis.PyQt.QtCore import QVariant

from ..core.twin import Schema

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


def feature(fields: QgsFields, values: list, geometry=None) -> QgsFeature:
    """A feature of *fields* with *values* (in field order) and an optional geometry."""
    out = QgsFeature(fields)
    if geometry is not None:
        out.setGeometry(geometry)
    out.setAttributes(values)
    return out
