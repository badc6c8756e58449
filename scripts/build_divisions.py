"""Rebuild the parser's built-in division list from the cpca and jionlp packages on PyPI.

    /usr/bin/python3 scripts/build_divisions.py

Writes cim_twin_plugin/core/address/data/divisions.csv (code, name, level,
parent_code) from ``cpca/resources/adcodes.csv`` of cpca 0.5.5 (MIT licence,
Copyright (c) 2018 QinYuan Du; province, city and county-level names with their
12-digit codes). The evaluation data under ../shared/data must never be
shipped, so the plugin's gazetteer comes from this independent public source.
Municipalities (北京 上海 ...) get their own name at city level; the
pseudo-cities 省直辖县级行政区划 and the placeholders 市辖区 are dropped;
counties of the former hang directly under the province, as in the national list.

Also writes data/towns.csv (name, district_code): the streets and towns (街道/镇/乡)
of every county-level district, from ``jionlp/dictionary/china_location.zip`` of
jionlp 1.5.31 (Apache License 2.0, Copyright JioNLP / dongrixinyu; the names come
from the national division list). Only towns of districts in divisions.csv are kept.
The parser uses them to tell a town written without its suffix from the road
after it (柳市大兴东路 = 柳市镇 + 大兴东路).
"""
from __future__ import annotations

import csv
import io
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "cim_twin_plugin" / "core" / "address" / "data" / "divisions.csv"
TOWNS_OUT = OUT.with_name("towns.csv")
CPCA = "cpca==0.5.5"
JIONLP = "jionlp==1.5.31"


def wheel_member(requirement: str, member: str) -> bytes:
    """One file of a package's wheel, downloaded (not installed) from PyPI."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", requirement, "--no-deps", "-q", "-d", tmp],
                       check=True)
        (wheel,) = Path(tmp).glob("*.whl")
        with zipfile.ZipFile(wheel) as archive:
            return archive.read(member)


def towns(districts: set[str]) -> tuple[list[tuple[str, str]], int]:
    """(name, district code) of the towns in jionlp's location tree, and how many were dropped.

    The tree is tab-indented: province, city, county (name TAB code TAB short name), town, village.
    """
    archive = zipfile.ZipFile(io.BytesIO(wheel_member(JIONLP, "jionlp/dictionary/china_location.zip")))
    text = archive.read("china_location.txt").decode("utf-8")
    out: list[tuple[str, str]] = []
    dropped = 0
    county = ""
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        parts = line.strip("\t").split("\t")
        if depth == 2:
            county = parts[1] if len(parts) > 1 else ""
        elif depth == 3 and parts[0]:
            if county in districts:
                out.append((parts[0], county))
            else:
                dropped += 1
    return sorted(set(out), key=lambda r: (r[1], r[0])), dropped


def cpca_adcodes() -> list[dict[str, str]]:
    """Download the cpca wheel (no install) and read its adcodes.csv."""
    text = wheel_member(CPCA, "cpca/resources/adcodes.csv").decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def divisions(rows: list[dict[str, str]]) -> list[tuple[str, str, str, str]]:
    """(code6, name, level, parent_code6) for provinces, cities and county-level districts."""
    by_code = {r["adcode"][:6]: r["name"] for r in rows}
    out: list[tuple[str, str, str, str]] = []
    city_of: dict[str, str] = {}
    for code in sorted(by_code):
        name = by_code[code]
        province = code[:2] + "0000"
        if code.endswith("0000"):
            out.append((code, name, "province", ""))
        elif code.endswith("00"):
            if name in ("市辖区", "县"):
                city_of[code] = code
                if not any(c == code for c, *_ in out):
                    out.append((code, by_code[province], "city", province))
            elif "直辖县级行政区划" in name:
                city_of[code] = ""
            else:
                city_of[code] = code
                out.append((code, name, "city", province))
        elif name != "市辖区":  # a city's placeholder for its urban districts, not a place name
            parent = city_of.get(code[:4] + "00", "") or province
            out.append((code, name, "district", parent))
    return out


def main() -> None:
    rows = divisions(cpca_adcodes())
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name", "level", "parent_code"])
        writer.writerows(rows)
    levels = {level: sum(1 for r in rows if r[2] == level) for level in ("province", "city", "district")}
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} divisions {levels} from {CPCA}")
    town_rows, dropped = towns({code for code, _, level, _ in rows if level == "district"})
    with open(TOWNS_OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["name", "district_code"])
        writer.writerows(town_rows)
    print(f"{TOWNS_OUT.relative_to(ROOT)}: {len(town_rows)} streets and towns from {JIONLP} "
          f"({dropped} of districts not in divisions.csv dropped)")


if __name__ == "__main__":
    main()
