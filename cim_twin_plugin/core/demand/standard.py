"""The life-circle standard: facility type -> level -> walking distance (or minutes) and the group it serves.

The default is ``data/gb50180_life_circles.csv`` (GB 50180-2018; its header notes cite the clauses and the
choices made); a user's copy in the same layout can be given instead.
"""
from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import QT_TRANSLATE_NOOP, ValidationError

DEFAULT_STANDARD = Path(__file__).resolve().parent / "data" / "gb50180_life_circles.csv"
COLUMNS = ("facility_type", "name_zh", "aliases", "level", "minutes", "distance_m", "group", "group_fields",
           "clause")


@dataclass(frozen=True)
class StandardRow:
    """One facility type of the standard."""

    facility_type: str
    name_zh: str
    aliases: tuple[str, ...]
    level: str
    """'5min', '10min', '15min' (or the user's own)"""
    minutes: float
    distance_m: float
    group: str
    """the population group served, e.g. '60+', '3-5', 'all'"""
    group_fields: tuple[str, ...]
    """the count fields summed for the group"""
    clause: str

    def names(self) -> set[str]:
        """The TYPE_FIELD values meaning this type (lower case)."""
        return {n.strip().lower() for n in (self.facility_type, self.name_zh, *self.aliases) if n.strip()}


def _number(value: str, row: int, column: str, path: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not (math.isfinite(number) and number > 0):
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
            "standard {path}, row {row}: {column} must be a number above 0"),
                              code="standard_number", path=path, row=row, column=column)
    return number


def read_standard(path: str | Path | None = None) -> list[StandardRow]:
    """The rows of the standard CSV at *path* (None = the GB 50180-2018 default). Lines starting with '#' are
    notes; a missing column, a bad number or a facility type given twice is a :class:`ValidationError`."""
    path = Path(path) if path else DEFAULT_STANDARD
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "the standard {path} cannot be read (UTF-8 CSV)"),
                              code="standard_unreadable", path=str(path)) from None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "the standard {path} has no column {columns}"),
                              code="standard_columns", path=str(path), columns=", ".join(missing))
    rows, seen = [], set()
    for k, r in enumerate(reader, start=1):
        code = (r["facility_type"] or "").strip()
        fields = tuple(f.strip() for f in (r["group_fields"] or "").split(";") if f.strip())
        if not code or not fields:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "standard {path}, row {row}: facility_type and group_fields must be given"),
                                  code="standard_row", path=str(path), row=k)
        if code.lower() in seen:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "standard {path}: the facility type {type} is given twice"),
                                  code="standard_duplicate", path=str(path), type=code)
        seen.add(code.lower())
        rows.append(StandardRow(code, (r["name_zh"] or "").strip(),
                                tuple(a.strip() for a in (r["aliases"] or "").split(";") if a.strip()),
                                (r["level"] or "").strip(), _number(r["minutes"], k, "minutes", str(path)),
                                _number(r["distance_m"], k, "distance_m", str(path)), (r["group"] or "").strip(),
                                fields, (r["clause"] or "").strip()))
    return rows


def match_types(values, standard: list[StandardRow]) -> dict:
    """TYPE_FIELD value -> the :class:`StandardRow` it means (by code, Chinese name or alias, case-insensitive);
    values that mean no type of the standard are left out."""
    lookup = {}
    for row in standard:
        for name in row.names():
            lookup.setdefault(name, row)
    out = {}
    for value in values:
        if value is None:
            continue
        row = lookup.get(str(value).strip().lower())
        if row is not None:
            out[value] = row
    return out


def requirements_for(rows: list[StandardRow], cost: str = "length"):
    """One :class:`~.coverage.Requirement` per row of the standard: the row's walking distance (metres) when
    the network cost is length, its minutes (as seconds) when it is travel time."""
    from .coverage import Requirement

    return [Requirement(r.facility_type, r.level, r.distance_m if cost == "length" else 60.0 * r.minutes, r.group,
                        r.group_fields, r.clause) for r in rows]


def requirements_given(types, limits, fields, cost: str = "length"):
    """The requirements of user-given *limits* (metres for length, minutes for travel time): every facility
    type x every count field of *fields* (one group each) x every limit."""
    from .coverage import Requirement

    scale = 1.0 if cost == "length" else 60.0
    return [Requirement(str(t), "", float(d) * scale, f, (f,)) for t in types for f in fields for d in limits]
