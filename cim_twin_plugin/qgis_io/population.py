"""Bridge of the population base: source tables and the secret key in, persons and their tables out.

Source tables come as files (CSV in UTF-8/BOM/GBK/GB18030, Excel .xlsx: read by the core, which detects
the encoding) or as any table QGIS opens (a GeoPackage table, a layer of the project): read here into
header + rows. The key file holds the secret of the keyed hashes (person_key, family_key); it is read,
or created with a warning when it does not exist, and never written into an output or the log.
"""
from __future__ import annotations

import json
import os
import secrets
from pathlib import Path

from qgis.core import QgsProcessingException, QgsProcessingUtils, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..core.population import Person
from ..core.population.pipeline import Table
from ..core.population.sources import read_table
from .common import core_errors, layer_label, to_text

#: files the core reads itself (encodings, Excel)
FILE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx")


def _tr(text: str) -> str:
    return QCoreApplication.translate("QgisIOPopulation", text)


def read_tables(values, context, feedback=None) -> list[Table]:
    """The source tables of a multiple-layer parameter's *values* (paths or layers)."""
    tables = []
    for value in values or []:
        path = value if isinstance(value, str) else ""
        plain = path.split("|")[0]
        if plain.lower().endswith(FILE_SUFFIXES) and os.path.isfile(plain) and "|" not in path:
            with core_errors():
                header, rows = read_table(plain)
            tables.append(Table(Path(plain).stem, header, rows))
            continue
        layer = value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(
            str(value), context, True, QgsProcessingUtils.LayerHint.Vector)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(_tr(
                "SOURCES: {value} cannot be opened as a table: give a CSV or Excel file, or a table or layer "
                "QGIS can open.").format(value=value))
        label = layer_label(layer, None, context.project() if context is not None else None)
        name = label.split(" (")[0] or layer.name()
        header = layer.fields().names()
        rows = [[to_text(v) or "" for v in feature.attributes()] for feature in layer.getFeatures()]
        tables.append(Table(name, header, rows))
    if feedback is not None:
        for table in tables:
            feedback.pushInfo(_tr("Source {name}: {rows} rows, columns {columns}.").format(
                name=table.name, rows=len(table.rows), columns=", ".join(table.header)))
    return tables


def secret_key(path: str, feedback) -> bytes:
    """The secret of the keyed hashes in the key file *path*; a new random key is written there (readable by
    the owner only) with a warning when the file does not exist. The key never reaches the log."""
    if not path:
        raise QgsProcessingException(_tr("SECRET_KEY: give a key file (it is created when it does not exist)."))
    if os.path.isfile(path):
        data = Path(path).read_bytes().strip()
        if len(data) < 16:
            raise QgsProcessingException(_tr(
                "SECRET_KEY: the key file {path} holds fewer than 16 bytes: use the file a previous run created, "
                "or delete it to have a new key made.").format(path=path))
        return data
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise QgsProcessingException(_tr("SECRET_KEY: the folder {folder} does not exist.").format(folder=folder))
    key = secrets.token_hex(32).encode("ascii")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key + b"\n")
    feedback.reportError(_tr(
        "SECRET_KEY: {path} did not exist; a new secret key was written there. Keep the file safe and use it in "
        "every run: the same key gives the same person_keys, and without it the keys cannot be traced back."
    ).format(path=path), False)
    return key


SEX = {"M": "男", "F": "女"}


def person_values(person: Person, names) -> list:
    """The values of a :class:`Person` in the order of the persons schema's field *names*."""
    flags = person.flags or {}
    values = {
        "person_key": person.person_key, "sex": SEX.get(person.sex or ""), "birth_year": person.birth_year,
        "household_id": person.lives_household_id, "building_id": person.lives_building_id,
        "tags": json.dumps(list(person.tags or []), ensure_ascii=False),
        "provenance": json.dumps(person.provenance or {}, ensure_ascii=False, sort_keys=True),
        "sources": ",".join(person.sources or []),
    }
    out = []
    for name in names:
        if name in values:
            out.append(values[name])
        elif name in flags:
            out.append(flags[name])
        else:
            out.append(getattr(person, name, None))
    return out
