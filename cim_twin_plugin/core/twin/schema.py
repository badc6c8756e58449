"""Schemas: the fields, key and geometry of every table of the twin and of every output we write.

A schema is plain data (no QGIS): the bridge turns it into ``QgsFields`` and
writes rows of it; the CIM panel and "Open twin" recognise layers by it; tests
check that an algorithm's output has exactly its schema's fields.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

#: field types of a schema (the bridge maps them to QVariant / OGR types)
TYPES = ("string", "int", "int64", "double", "bool", "date", "datetime", "json", "same")
#: geometry kinds of a schema
GEOMETRIES = ("none", "point", "line", "polygon", "any")
#: what an output that extends its input does when the input has a field of one of its names
CLASHES = ("suffix", "reuse", "drop")


@dataclass(frozen=True)
class Field:
    """One field of a schema."""

    name: str
    """the field name written (ASCII, lower case, stable: users' models and joins rely on it)"""
    type: str
    """one of :data:`TYPES`; ``same`` = the type of the input field it comes from (ids keep their type)"""
    doc: str = ""
    """what the field holds, with its unit (m, m2, s, degrees clockwise from grid north)"""
    length: int = 0
    """the string length for formats that need one (0 = unlimited)"""
    personal: bool = False
    """True for personal data (names, ID numbers, phones): never written unless the user asks"""
    optional: bool = False
    """True when the field is written only if a parameter asks for it (entity_code needs ADMIN_CODE_FIELD)"""

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"field {self.name}: type {self.type!r} is not one of {TYPES}")


@dataclass(frozen=True)
class Schema:
    """The layout of one table or layer."""

    name: str
    """the table name in a twin GeoPackage / PostGIS schema (``buildings``) or the output's name"""
    category: str
    """the key of its :class:`~.categories.Category`"""
    geometry: str
    """one of :data:`GEOMETRIES`"""
    fields: tuple[Field, ...]
    key: tuple[str, ...] = ()
    """the fields that identify a row (primary key)"""
    doc: str = ""
    status_field: str = ""
    """the field holding a row's status (ok / rejected / ...), if the schema has one"""
    reason_field: str = ""
    """the field holding the reason of a non-ok status"""
    extends_input: bool = False
    """True when the output holds the input's fields and :attr:`fields` (gridcode, measure, ...)"""
    input_after: str = ""
    """with :attr:`extends_input`: the field of ours the input's fields follow (empty: they come first)"""
    clash: str = "suffix"
    """with :attr:`extends_input`, where the input has a field of one of our names (one of :data:`CLASHES`):
    ``suffix`` = the user's field is kept and ours takes the first free suffix (_2, _3 ...); ``reuse`` = the
    input's field holds our values; ``drop`` = the input's field is left out"""
    written_by: tuple[str, ...] = ()
    """the outputs that write rows of this schema, as ``algorithm id:OUTPUT parameter`` (``odmatrix:OUTPUT``)"""
    aliases: tuple[str, ...] = field(default=())
    """other table names that mean this schema (Chinese names, older names)"""

    def __post_init__(self):
        if self.geometry not in GEOMETRIES:
            raise ValueError(f"schema {self.name}: geometry {self.geometry!r} is not one of {GEOMETRIES}")
        if self.clash not in CLASHES:
            raise ValueError(f"schema {self.name}: clash {self.clash!r} is not one of {CLASHES}")
        names = [f.name for f in self.fields]
        if len(names) != len(set(names)):
            raise ValueError(f"schema {self.name}: repeated field names")
        for name in (*self.key, self.status_field, self.reason_field, self.input_after):
            if name and name not in names:
                raise ValueError(f"schema {self.name}: {name} is not one of its fields")

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def written(self, omit: Iterable[str] = ()) -> tuple[Field, ...]:
        """The fields written in a run: all but the optional ones in *omit* (a required one there is an error)."""
        omit = set(omit)
        required = sorted(n for n in omit if n not in self.names or not self.field(n).optional)
        if required:
            raise KeyError(f"schema {self.name}: {required} are not optional fields of it")
        return tuple(f for f in self.fields if f.name not in omit)

    def with_types(self, **types: str) -> Schema:
        """A copy with the ``same``-typed fields given concrete types (``origin_id="int64"``)."""
        fields = tuple(replace(f, type=types.get(f.name, f.type)) for f in self.fields)
        return replace(self, fields=fields)

    def row(self, values: dict) -> list:
        """The values of a dict in field order (missing -> None; unknown keys are an error)."""
        unknown = set(values) - set(self.names)
        if unknown:
            raise KeyError(f"schema {self.name} has no fields {sorted(unknown)}")
        return [values.get(name) for name in self.names]

    def matches(self, names: Iterable[str]) -> float:
        """Share of this schema's fields present in *names* (1.0 = all)."""
        present = set(names)
        return sum(1 for n in self.names if n in present) / len(self.fields) if self.fields else 0.0


def F(name: str, type_: str, doc: str = "", length: int = 0, personal: bool = False,  # noqa: N802
      optional: bool = False) -> Field:
    """Short form of :class:`Field` for the tables below."""
    return Field(name, type_, doc, length, personal, optional)


def fields(*items: Field) -> tuple[Field, ...]:
    return tuple(items)


def status_fields(reason_length: int = 254) -> tuple[Field, ...]:
    """The status/reason pair every output row with an outcome carries."""
    return (F("status", "string", "ok, or why not (a code)", 24),
            F("reason", "string", "the reason in words, empty when ok", reason_length))


def free_name(name: str, taken) -> str:
    """*name*, or *name*_2, _3, ... : the first that is not in *taken* (case-insensitive)."""
    lower = {t.lower() for t in taken}
    if name.lower() not in lower:
        return name
    k = 2
    while f"{name}_{k}".lower() in lower:
        k += 1
    return f"{name}_{k}"


def by_name(schemas: Sequence[Schema]) -> dict[str, Schema]:
    return {s.name: s for s in schemas}
