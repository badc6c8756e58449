"""Reading CSV tables from Chinese government sources whatever their encoding.

Government tables come as UTF-8, UTF-8 with BOM, GBK or GB18030 (GBK's
superset), sometimes UTF-16 with BOM.  :func:`detect_encoding` tries them in
that order on the whole content: a GBK file almost never decodes as UTF-8
(and the other way round a UTF-8 file with Chinese text never decodes as valid
GBK text of the same meaning), so strict decoding decides.
"""
from __future__ import annotations

import codecs
import csv
import io
from pathlib import Path

from ..errors import QT_TRANSLATE_NOOP, ValidationError

__all__ = ["detect_encoding", "decode", "read_rows"]


def detect_encoding(data: bytes) -> str:
    """Name of the encoding of *data*: 'utf-8-sig', 'utf-16', 'utf-8' or 'gb18030'."""
    return decode(data)[1]


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) of *data*, decoded once by the first encoding that takes it (see above)."""
    if data.startswith(codecs.BOM_UTF8):
        return data.decode("utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
            "the text is neither UTF-8 nor GBK/GB18030 (undecodable bytes at offset {offset}); "
            "save the file as UTF-8 and try again"), code="undecodable", offset=exc.start) from exc


def read_rows(path: str | Path, encoding: str | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a CSV file (comma, tab, semicolon or | separated), encoding detected.

    Raises :class:`ValidationError` naming the file if it cannot be read or decoded.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "cannot read {path}: {error}"), code="unreadable",
                              path=str(path), error=exc.strerror or exc) from exc
    try:
        text = data.decode(encoding) if encoding else decode(data)[0]
    except ValidationError as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{file}: {error}"), code=exc.code, file=path.name,
                              error=exc) from exc
    except (UnicodeDecodeError, LookupError) as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{file}: {error}"), code="undecodable",
                              file=path.name, error=exc) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    first = text.split("\n", 1)[0]
    delimiter = max(",\t;|", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # a cell may be as long as the file (csv's default limit, 131,072 characters, raised _csv.Error);
    # the limit is process-wide, so it is put back afterwards
    limit = csv.field_size_limit()
    csv.field_size_limit(max(len(text), limit))
    try:
        rows = [row for row in reader if row]
    except csv.Error as exc:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{file}, line {line}: {error}"), code="bad_csv",
                              file=path.name, line=reader.line_num, error=exc) from exc
    finally:
        csv.field_size_limit(limit)
    if not rows:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{file} is empty: it needs a header line and rows"),
                              code="empty_table", file=path.name)
    return [h.strip() for h in rows[0]], rows[1:]
