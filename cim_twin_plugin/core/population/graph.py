"""The population base as a graph: GraphML (networkx) and Neo4j bulk-import CSV (issue 14).

Pure Python (networkx). Input: node tables per label and the relations table.

- *nodes*: label -> rows (mappings). Labels and their key fields (:data:`NODE_KEYS`, override with
  *keys*): Person (person_key), Household (household_id), Building (building_id), Enterprise
  (credit_code), Community (code), Family (family_key). Family nodes (the 户号 family of member_of)
  need no table: they are made from the relations' objects (:data:`IMPLICIT_LABELS`).
- *relations*: rows with subject, predicate, object, source, valid_from, valid_to; predicates lives_in,
  registered_at, member_of, works_at, located_in, in (:data:`PREDICATE_LABELS` says which labels the
  ends may have; an id found under several labels takes the predicate's). A relation whose end is in no
  node table is not exported and is listed in :attr:`GraphData.rejected` (relation row, reason).

Privacy: only the attributes on the allowlist are written (*attributes*: label -> fields; default
:data:`DEFAULT_ATTRIBUTES`, non-personal fields only); every other field of a node row is dropped and
named (field names only) in :attr:`GraphData.dropped_fields`. A personal field (*personal*, default
:data:`PERSONAL_FIELDS`: name, id_number, phone and their usual variants) is refused with
:class:`ValidationError` when the caller puts it on an allowlist - asking to export it is a mistake, not
a wish to be silently ignored - and dropped like any other field otherwise. Enterprises' names are
refused too by default (a sole proprietorship 个体工商户 is named after its owner); pass a *personal*
without 'name' to export them.

GraphML (:func:`to_networkx`, :func:`write_graphml`): node ids are ``"<Label>:<key>"``, attributes
``label``, the key field and the allowed fields; edges keyed by predicate with source, valid_from,
valid_to. Values are GraphML-safe: None is left out, lists/tuples/dicts are JSON text, dates ISO text,
and an attribute whose values have several types across the graph is written as text throughout.

Neo4j (:func:`write_neo4j_csv`): ``nodes_<Label>.csv`` with headers ``person_key:ID(Person)``,
``:LABEL`` and typed properties (``birth_year:int``, ``age:int``, ``share:float``, ``flag:boolean``,
``born:date``, ``tags:string[]`` with ';' between elements; types come from the Python values, text
stays text), and ``rels_<TYPE>_<Start>_<End>.csv`` with ``:START_ID(<Start>)``, ``:END_ID(<End>)``,
``:TYPE`` (the predicate in upper case: LIVES_IN ...), ``source``, ``valid_from``, ``valid_to``. One
relationships file per type and pair of labels, because an ID column names one ID space (``in`` links
Household -> Building and Building -> Community). UTF-8 without BOM, comma-separated, fields quoted
with ``"`` when needed and ``"`` doubled inside (Neo4j's default quoting); an empty unquoted field is
no property. Import into an empty database (Neo4j 5; the files in the database's import folder)::

    neo4j-admin database import full neo4j --nodes=import/nodes_Person.csv \\
        --nodes=import/nodes_Household.csv ... --relationships=import/rels_LIVES_IN_Person_Household.csv ...

(Neo4j 4.4: ``neo4j-admin import --database=neo4j --nodes=... --relationships=...``; add
``--multiline-fields=true`` if a text value holds a line break.) :func:`neo4j_import_command` writes
the full command for the files written.
"""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import networkx as nx

from ..errors import QT_TRANSLATE_NOOP, Message, ValidationError

#: node label -> its key field
NODE_KEYS = {"Person": "person_key", "Household": "household_id", "Building": "building_id",
             "Enterprise": "credit_code", "Community": "code", "Family": "family_key"}
#: labels whose nodes are made from the relations' ends (no table of their own)
IMPLICIT_LABELS = ("Family",)
#: predicate -> (labels its subject may have, labels its object may have), in order of preference
PREDICATE_LABELS = {
    "lives_in": (("Person",), ("Household",)),
    "registered_at": (("Person",), ("Household", "Building")),
    "member_of": (("Person",), ("Family",)),
    "works_at": (("Person",), ("Enterprise",)),
    "located_in": (("Enterprise",), ("Building",)),
    "in": (("Household", "Building"), ("Building", "Community")),
}
#: the relation fields written (beside subject, predicate and object)
RELATION_FIELDS = ("source", "valid_from", "valid_to")
#: fields never written (refused on an allowlist)
PERSONAL_FIELDS = ("name", "id_number", "phone", "mobile", "telephone", "id_card", "legal_person", "contact")
#: label -> the non-personal fields written by default
DEFAULT_ATTRIBUTES = {
    "Person": ("sex", "birth_year", "age", "age_group", "ethnicity", "living_status", "residence_type",
               "months_resident", "registration", "employment", "tags", "sources"),
    "Household": ("building_id", "unit", "floor", "room", "community_code", "grid_code", "n_residents"),
    "Building": ("address", "floors", "height_m", "use", "community_code", "grid_code"),
    "Enterprise": ("building_id", "industry", "status", "employees", "founded"),
    "Community": ("level", "parent_code"),
    "Family": (),
}


@dataclass
class GraphData:
    """Node tables and relations after the allowlist, ready for GraphML or Neo4j."""

    nodes: dict[str, dict]
    """label -> {key: {field: value}} (allowed fields only)"""
    fields: dict[str, list[str]]
    """label -> its allowed fields in output order (without the key)"""
    keys: dict[str, str]
    """label -> its key field"""
    relations: list[tuple[str, object, str, object, str, dict]]
    """(start label, start key, predicate, end label, end key, {source, valid_from, valid_to})"""
    dropped_fields: dict[str, list[str]] = field(default_factory=dict)
    """label -> field names found in rows and not written"""
    rejected: list[tuple[str, int, str]] = field(default_factory=list)
    """(table, row, reason): node rows without key or duplicated, relations with an unknown end;
    row 1 = the first row"""

    def messages(self) -> list[Message]:
        out = [Message(QT_TRANSLATE_NOOP("CoreErrors", "graph: {nodes} nodes, {relations} relations"),
                       nodes=sum(len(v) for v in self.nodes.values()), relations=len(self.relations))]
        for label, names in self.dropped_fields.items():
            out.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{label}: fields not written: {fields}"),
                               label=label, fields=", ".join(names)))
        if self.rejected:
            out.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{n} rows not exported (see the rejects)"),
                               n=len(self.rejected)))
        return out


def _empty(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and value != value)


def build_graph_data(nodes: Mapping[str, Iterable[Mapping]], relations: Iterable[Mapping], *,
                     keys: Mapping[str, str] | None = None, attributes: Mapping[str, Sequence[str]] | None = None,
                     personal: Sequence[str] = PERSONAL_FIELDS) -> GraphData:
    """Apply the allowlist to *nodes* and resolve the ends of *relations* (see the module docstring)."""
    keys = {**NODE_KEYS, **(keys or {})}
    allow = {**DEFAULT_ATTRIBUTES, **{k: tuple(v) for k, v in (attributes or {}).items()}}
    denied = {p.lower() for p in personal}
    for label, names in allow.items():
        bad = [n for n in names if n.lower() in denied]
        if bad:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "{label}: the field {field} holds personal data and is not exported"),
                code="personal_field", label=label, field=bad[0])
    data = GraphData({}, {}, {}, [])
    for label, rows in nodes.items():
        key = keys.get(label)
        if key is None or key.lower() in denied:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{label}: no key field is known for these nodes"),
                                  code="no_node_key", label=label)
        data.keys[label] = key
        allowed = [n for n in allow.get(label, ()) if n != key]
        table: dict = {}
        seen_fields: dict[str, None] = {}
        for row, record in enumerate(rows, start=1):
            seen_fields.update(dict.fromkeys(record))
            value = record.get(key)
            if _empty(value):
                data.rejected.append((label, row, "no_key"))
                continue
            if value in table:
                data.rejected.append((label, row, "duplicate_key"))
                continue
            table[value] = {n: record.get(n) for n in allowed if n in record}
        present = [n for n in allowed if n in seen_fields]
        data.nodes[label] = table
        data.fields[label] = present
        dropped = [n for n in seen_fields if n != key and n not in present]
        if dropped:
            data.dropped_fields[label] = dropped
    for label in IMPLICIT_LABELS:
        data.nodes.setdefault(label, {})
        data.fields.setdefault(label, [])
        data.keys.setdefault(label, keys[label])

    def resolve(value, wanted: Sequence[str]):
        for label in wanted:
            if value in data.nodes.get(label, {}):
                return label
        for label in wanted:
            if label in IMPLICIT_LABELS:
                data.nodes[label].setdefault(value, {})
                return label
        return None

    all_labels = tuple(label for label in data.nodes if label not in IMPLICIT_LABELS)
    for row, rel in enumerate(relations, start=1):
        predicate = str(rel.get("predicate") or "")
        subject, obj = rel.get("subject"), rel.get("object")
        if not predicate or _empty(subject) or _empty(obj):
            data.rejected.append(("relations", row, "incomplete_relation"))
            continue
        subject_labels, object_labels = PREDICATE_LABELS.get(predicate, (all_labels, all_labels))
        start = resolve(subject, subject_labels)
        end = resolve(obj, object_labels)
        if start is None or end is None:
            data.rejected.append(("relations", row, "unknown_subject" if start is None else "unknown_object"))
            continue
        props = {n: rel.get(n) for n in RELATION_FIELDS}
        data.relations.append((start, subject, predicate, end, obj, props))
    return data


def _plain(value):
    """A GraphML-safe value: None stays None (left out), containers as JSON, dates ISO text."""
    if _empty(value):
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):  # numpy scalars
        value = value.item()
    if isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, dict)):
        items = sorted(value) if isinstance(value, set) else value
        return json.dumps(items, ensure_ascii=False, default=str)
    return str(value)


def _unify(attrs: Iterable[dict]) -> None:
    """Make each attribute's values one GraphML type: several types -> all text (in place)."""
    attrs = list(attrs)
    types: dict[str, set] = {}
    for a in attrs:
        for k, v in a.items():
            types.setdefault(k, set()).add(type(v))
    mixed = {k for k, ts in types.items() if len(ts) > 1 and ts != {int, float}}
    floats = {k for k, ts in types.items() if ts == {int, float}}
    for a in attrs:
        for k in list(a):
            if k in mixed:
                a[k] = str(a[k]) if not isinstance(a[k], bool) else ("true" if a[k] else "false")
            elif k in floats:
                a[k] = float(a[k])


def node_id(label: str, key) -> str:
    """The graph's node id of *key* under *label*."""
    return f"{label}:{key}"


def to_networkx(nodes, relations=None, **options) -> nx.MultiDiGraph:
    """The graph of *nodes* and *relations* (or of a :class:`GraphData` given as *nodes*).

    Node ids ``"<Label>:<key>"``; attributes label, the key field and the allowed fields, GraphML-safe;
    edges keyed by predicate with the relation's source, valid_from, valid_to (those that are set).
    *options*: keys, attributes, personal (see :func:`build_graph_data`).
    """
    data = nodes if isinstance(nodes, GraphData) else build_graph_data(nodes, relations or [], **options)
    graph = nx.MultiDiGraph()
    for label, table in data.nodes.items():
        key_field = data.keys[label]
        for key, props in table.items():
            attrs = {"label": label, key_field: _plain(key)}
            attrs.update({k: _plain(v) for k, v in props.items()})
            graph.add_node(node_id(label, key), **{k: v for k, v in attrs.items() if v is not None})
    for start, s, predicate, end, o, props in data.relations:
        attrs = {"predicate": predicate, **{k: _plain(v) for k, v in props.items()}}
        graph.add_edge(node_id(start, s), node_id(end, o), key=predicate,
                       **{k: v for k, v in attrs.items() if v is not None})
    _unify(a for _, a in graph.nodes(data=True))
    _unify(a for _, _, a in graph.edges(data=True))
    return graph


def _write_atomic(path: Path, write) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        write(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
            "The graph output {path} cannot be written ({error}): choose a folder you can write to."),
            code="unwritable", path=str(path), error=exc.strerror or str(exc)) from exc


def write_graphml(graph: nx.Graph, path) -> Path:
    """Write *graph* as GraphML (UTF-8), its attributes made GraphML-safe first (on a copy)."""
    safe = graph.copy()
    for _, attrs in safe.nodes(data=True):
        for k in list(attrs):
            attrs[k] = _plain(attrs[k])
            if attrs[k] is None:
                del attrs[k]
    edges = safe.edges(data=True)
    for *_, attrs in edges:
        for k in list(attrs):
            attrs[k] = _plain(attrs[k])
            if attrs[k] is None:
                del attrs[k]
    _unify(a for _, a in safe.nodes(data=True))
    _unify(a for *_, a in safe.edges(data=True))
    path = Path(path)
    _write_atomic(path, lambda tmp: nx.write_graphml(safe, str(tmp), encoding="utf-8"))
    return path


# ---- Neo4j bulk import

def _neo4j_type(values: list) -> str:
    kinds = {type(v) for v in values if not _empty(v)}
    if not kinds:
        return "string"
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "int"
    if kinds <= {int, float}:
        return "float"
    if kinds == {date}:
        return "date"
    if kinds <= {list, tuple, set}:
        elements = [str(e) for v in values if not _empty(v) for e in v]
        return "string[]" if not any(";" in e for e in elements) else "string"
    return "string"


def _neo4j_value(value, kind: str):
    if _empty(value):
        return None
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "date":
        return value.isoformat()
    if kind == "string[]":
        items = sorted(value) if isinstance(value, set) else value
        return ";".join(str(e) for e in items)
    if kind in ("int", "float"):
        return repr(value) if kind == "float" else str(int(value))
    plain = _plain(value)
    return plain if isinstance(plain, str) else str(plain)


def _safe_name(text: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in text)


def write_neo4j_csv(nodes, relations, folder, **options) -> list[Path]:
    """Write Neo4j bulk-import files into *folder* (created if needed); return them, node files first.

    *nodes*, *relations*, *options* as in :func:`to_networkx` (or a :class:`GraphData` as *nodes* and
    None as *relations*). Labels without nodes and relation types without relations get no file. Each
    file is written whole (``.part``, then renamed) or not at all.
    """
    data = nodes if isinstance(nodes, GraphData) else build_graph_data(nodes, relations or [], **options)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    jobs: list[tuple[Path, list, list]] = []
    for label, table in data.nodes.items():
        if not table:
            continue
        fields = data.fields.get(label, [])
        kinds = {f: _neo4j_type([props.get(f) for props in table.values()]) for f in fields}
        header = [f"{data.keys[label]}:ID({label})", ":LABEL"]
        header += [f if kinds[f] == "string" else f"{f}:{kinds[f]}" for f in fields]
        rows = [[str(key), label] + [_neo4j_value(props.get(f), kinds[f]) for f in fields]
                for key, props in table.items()]
        jobs.append((folder / f"nodes_{_safe_name(label)}.csv", header, rows))
    groups: dict[tuple[str, str, str], list] = {}
    for start, s, predicate, end, o, props in data.relations:
        groups.setdefault((predicate, start, end), []).append((s, o, props))
    for (predicate, start, end), rels in groups.items():
        kinds = {f: _neo4j_type([p.get(f) for *_, p in rels]) for f in RELATION_FIELDS}
        rel_type = predicate.upper()
        header = [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
        header += [f if kinds[f] == "string" else f"{f}:{kinds[f]}" for f in RELATION_FIELDS]
        rows = [[str(s), str(o), rel_type] + [_neo4j_value(p.get(f), kinds[f]) for f in RELATION_FIELDS]
                for s, o, p in rels]
        jobs.append((folder / f"rels_{_safe_name(rel_type)}_{_safe_name(start)}_{_safe_name(end)}.csv", header, rows))

    def writer(header, rows):
        def write(tmp: Path):
            with open(tmp, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
                w.writerow(header)
                w.writerows(rows)
        return write

    for path, header, rows in jobs:
        _write_atomic(path, writer(header, rows))
    return [path for path, _, _ in jobs]


def neo4j_import_command(files: Iterable, database: str = "neo4j", folder: str = "import") -> str:
    """The ``neo4j-admin`` (Neo4j 5) command that imports *files* (as written by :func:`write_neo4j_csv`)."""
    parts = ["neo4j-admin", "database", "import", "full", database]
    for f in files:
        name = Path(f).name
        option = "--nodes" if name.startswith("nodes_") else "--relationships"
        parts.append(f"{option}={folder}/{name}")
    return " ".join(parts)
