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

The county-level districts that cpca's list lacks because they are newer (临平区 and
钱塘区 of 2021) come from jionlp's tree too, with their codes; functional zones coded
like counties (…经济技术开发区) are left out.

And data/villages.tsv.gz (district code TAB the names of its villages and communities,
without 村/社区, blank-separated), from the same tree, so that the parser can cut a
village written without its suffix off the road after it (前仓花园路).
"""
from __future__ import annotations

import csv
import gzip
import io
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
from cim_twin.cim_twin_plugin.core.address.gazetteer import village_stem  # noqa: E402

ROOT = HERE.parent
OUT = ROOT / "cim_twin_plugin" / "core" / "address" / "data" / "divisions.csv"
TOWNS_OUT = OUT.with_name("towns.csv")
VILLAGES_OUT = OUT.with_name("villages.tsv.gz")
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


_ZONE = re.compile(r"开发区|园区|产业园|示范区|管委会|管理区|新区|新城$|食品区|风景|试验区|合作区|高新|直辖")
"""functional zones that the statistical list codes like counties (…经济技术开发区): not districts"""


def _tree(text: str):
    """(depth, tab-separated parts) of each line of jionlp's tab-indented location tree."""
    for line in text.splitlines():
        yield len(line) - len(line.lstrip("\t")), line.strip("\t").split("\t")


def jionlp_location() -> str:
    """jionlp's location tree: tab-indented province, city, county (name TAB code TAB short name), town, village."""
    archive = zipfile.ZipFile(io.BytesIO(wheel_member(JIONLP, "jionlp/dictionary/china_location.zip")))
    return archive.read("china_location.txt").decode("utf-8")


def newer_districts(text: str, rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """County-level districts of jionlp's newer list whose code cpca lacks (临平区 and 钱塘区 of 2021).

    Functional zones (…开发区) are left out, and so is a district whose city is not in *rows*.
    """
    known = {code for code, *_ in rows}
    cities = {code for code, _, level, _ in rows if level == "city"}
    out = []
    city = ""
    for depth, parts in _tree(text):
        if len(parts) < 2:
            continue
        if depth == 1:
            # a municipality is 310000 there and 310100 here; a pseudo-city's counties hang under the province
            city = next((c for c in (parts[1], parts[1][:2] + "0100") if c in cities), parts[1][:2] + "0000")
        elif depth == 2 and parts[1] not in known and not _ZONE.search(parts[0]) \
                and (city in cities or city in known):
            out.append((parts[1], parts[0], "district", city))
            known.add(parts[1])
    return out


def villages(text: str, districts: set[str]) -> dict[str, list[str]]:
    """district code -> the sorted names of its villages and communities without their suffix (2-4 characters).

    The parser cuts such a name off a road written after it (前仓花园路 = 前仓村 + 花园路).
    """
    out: dict[str, set[str]] = {}
    county = ""
    for depth, parts in _tree(text):
        if depth == 2:
            county = parts[1] if len(parts) > 1 else ""
        elif depth == 4 and county in districts:
            stem = village_stem(parts[0])
            if stem:
                out.setdefault(county, set()).add(stem)
    return {code: sorted(names) for code, names in out.items()}


def towns(text: str, districts: set[str]) -> tuple[list[tuple[str, str]], int]:
    """(name, district code) of the towns in jionlp's location tree, and how many were dropped."""
    out: list[tuple[str, str]] = []
    dropped = 0
    county = ""
    for depth, parts in _tree(text):
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
    location = jionlp_location()
    newer = newer_districts(location, rows)
    rows = sorted(rows + newer)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["code", "name", "level", "parent_code"])
        writer.writerows(rows)
    levels = {level: sum(1 for r in rows if r[2] == level) for level in ("province", "city", "district")}
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} divisions {levels} from {CPCA}, "
          f"{len(newer)} newer districts from {JIONLP}")
    town_rows, dropped = towns(location, {code for code, _, level, _ in rows if level == "district"})
    with open(TOWNS_OUT, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["name", "district_code"])
        writer.writerows(town_rows)
    print(f"{TOWNS_OUT.relative_to(ROOT)}: {len(town_rows)} streets and towns from {JIONLP} "
          f"({dropped} of districts not in divisions.csv dropped)")
    by_district = villages(location, {code for code, _, level, _ in rows if level == "district"})
    text = "".join(f"{code}\t{' '.join(names)}\n" for code, names in sorted(by_district.items()))
    with open(VILLAGES_OUT, "wb") as fh:  # mtime 0: the same input gives the same bytes
        with gzip.GzipFile(filename="villages.tsv", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(text.encode("utf-8"))
    print(f"{VILLAGES_OUT.relative_to(ROOT)}: {sum(map(len, by_district.values()))} village names "
          f"in {len(by_district)} districts from {JIONLP}")


if __name__ == "__main__":
    main()
