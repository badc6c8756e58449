"""The address regression table (tests/data/address_regression.tsv, issue 18): real-shaped and messy
addresses with their expected fields written by hand, one class per row.

Columns: ``input`` (``\\n``-free; ``\\uXXXX`` escapes allowed for control and format characters),
``class`` (what the row tests), ``region`` (a DEFAULT_REGION, or empty), ``expected``: ``field=value``
pairs separated by ``;`` (a field not named is not checked; ``field=`` means it must be empty).  Besides
the fields of :class:`ParsedAddress`, ``status``, ``reason_code``, ``candidates`` (count of candidates),
``warnings`` and ``no_phone`` (1: no output field but the input holds the phone's digits) can be checked.
All failing rows are reported at once.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from cim_twin.cim_twin_plugin.core.address import AddressParser

TABLE = Path(__file__).resolve().parent / "data" / "address_regression.tsv"


def rows():
    with open(TABLE, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        return [row for row in reader if row.get("input")]


def check(parser: AddressParser, row: dict) -> list[str]:
    text = row["input"].encode("ascii", "backslashreplace").decode("unicode_escape") \
        if "\\u" in row["input"] else row["input"]
    parsed = parser.parse(text, default_region=row.get("region") or None)
    out = parsed.as_dict()
    problems = []
    for pair in filter(None, (p.strip() for p in row["expected"].split(";"))):
        name, _, want = pair.partition("=")
        if name == "candidates":
            got = str(len(parsed.candidates))
        elif name == "no_phone":
            digits = [d for d in (want.split(",") if want not in ("", "1") else [])]
            fields = {k: v for k, v in out.items() if k not in ("status", "reason")}
            got = "1" if not any(d and d in v for d in digits for v in fields.values()) else "0"
            want = "1"
        elif name == "warnings":
            got = ",".join(getattr(parsed, "warnings", ()))
        elif name == "reason_code":
            got = parsed.reason_code
        else:
            got = out.get(name, getattr(parsed, name, "<no such field>"))
        if got != want:
            problems.append(f"{name}: got {got!r}, expected {want!r}")
    return problems


def test_table_is_large_and_covers_every_class():
    table = rows()
    classes = {row["class"].split(":")[0] for row in table}
    assert len(table) >= 200, len(table)
    assert {"ambiguity", "note", "phone", "metro", "hygiene"} <= classes, classes


@pytest.fixture(scope="module")
def parser():
    return AddressParser()


def test_regression_table(parser):
    failures = []
    for line, row in enumerate(rows(), start=3):
        problems = check(parser, row)
        if problems:
            failures.append(f"row {line} [{row['class']}] {row['input']}: " + "; ".join(problems))
    total = len(rows())
    assert not failures, f"{len(failures)} of {total} rows fail:\n" + "\n".join(failures)
