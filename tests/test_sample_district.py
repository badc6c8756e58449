"""The sample-district generator (scripts/make_sample_district.py), run as a subprocess.

Pure tests (no QGIS): they read the outputs with GDAL/OGR and shapely.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
import subprocess
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import pytest
from cim_twin.cim_twin_plugin.core import idnumber

gdal = pytest.importorskip("osgeo.gdal")
ogr = pytest.importorskip("osgeo.ogr")
shapely_wkb = pytest.importorskip("shapely.wkb")
from shapely.ops import unary_union  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "make_sample_district.py"
HOUSEHOLDS = 2000
SOURCES = ("hukou", "ledger", "health", "civil_affairs", "social_security", "enterprises")
ID_COLUMN = {"hukou": "身份证号", "ledger": "证件号码", "health": "身份证号", "civil_affairs": "公民身份号码",
             "social_security": "身份证号码"}
ENCODING_NAMES = {"GBK": "gbk", "UTF-8 with BOM": "utf-8-sig", "UTF-8 (no BOM)": "utf-8"}


def _run(out: Path, seed: int = 7, households: int = HOUSEHOLDS) -> Path:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--seed", str(seed), "--households", str(households), "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "EPSG:4550" in proc.stdout
    return out


@pytest.fixture(scope="module")
def run_a(tmp_path_factory) -> Path:
    return _run(tmp_path_factory.mktemp("district") / "a")


@pytest.fixture(scope="module")
def run_b(tmp_path_factory) -> Path:
    return _run(tmp_path_factory.mktemp("district") / "b")


def _layer(out: Path, name: str) -> list[tuple[dict, object]]:
    ds = ogr.Open(str(out / "twin.gpkg"))
    lyr = ds.GetLayerByName(name)
    assert lyr is not None, name
    rows = []
    for feat in lyr:
        attrs = {lyr.GetLayerDefn().GetFieldDefn(i).GetName(): feat.GetField(i) for i in range(feat.GetFieldCount())}
        rows.append((attrs, shapely_wkb.loads(bytes(feat.GetGeometryRef().ExportToWkb()))))
    return rows


def _csv(path: Path, encoding: str) -> list[dict]:
    with open(path, encoding=encoding, newline="") as fh:
        return list(csv.DictReader(fh))


def _documented_encodings(out: Path) -> dict[str, str]:
    text = (out / "sources" / "README.txt").read_text(encoding="utf-8")
    found = re.findall(r"^(\w+\.csv) -- .*\n  encoding: (.+)$", text, flags=re.M)
    return {name: ENCODING_NAMES[enc.strip()] for name, enc in found}


def _source(out: Path, name: str) -> list[dict]:
    return _csv(out / "sources" / f"{name}.csv", _documented_encodings(out)[f"{name}.csv"])


def _truth_rows(out: Path) -> dict[str, list[dict]]:
    rows = defaultdict(list)
    for r in _csv(out / "truth" / "source_rows.csv", "utf-8"):
        rows[r["source"]].append(r)
    return rows


# --- determinism -------------------------------------------------------------
def _digest_tree(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and p.suffix in (".csv", ".txt", ".tif")}


def test_same_seed_gives_identical_outputs(run_a, run_b):
    da, db = _digest_tree(run_a), _digest_tree(run_b)
    assert len(da) >= 14
    assert da == db
    for layer in ("admin_units", "roads", "buildings", "facilities"):
        la, lb = _layer(run_a, layer), _layer(run_b, layer)
        assert [a for a, _ in la] == [b for b, _ in lb]
        assert [g.wkb for _, g in la] == [g.wkb for _, g in lb]


def test_other_seed_gives_other_district(run_a, tmp_path):
    other = _run(tmp_path / "c", seed=8, households=300)
    assert (other / "sources" / "hukou.csv").read_bytes() != (run_a / "sources" / "hukou.csv").read_bytes()


def test_refuses_to_overwrite(run_a):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--households", "50", "--out", str(run_a)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0 and "--overwrite" in proc.stderr


# --- admin units ---------------------------------------------------------------
def test_admin_units_nest_without_gaps_or_overlaps(run_a):
    units = _layer(run_a, "admin_units")
    by_code = {a["code"]: (a, g) for a, g in units}
    assert len(by_code) == len(units)
    levels = Counter(a["level"] for a, _ in units)
    assert levels["district"] == 1 and levels["street"] >= 2
    assert levels["community"] > levels["street"] and levels["grid"] >= levels["community"]
    digits = {"district": 6, "street": 9, "community": 12, "grid": 15}
    children = defaultdict(list)
    for a, g in units:
        assert re.fullmatch(rf"\d{{{digits[a['level']]}}}", a["code"]), a
        assert a["name"]
        if a["level"] == "district":
            assert a["code"] == "310115"
            continue
        parent = by_code[a["parent_code"]][0]
        assert a["code"].startswith(parent["code"])
        assert list(digits).index(parent["level"]) == list(digits).index(a["level"]) - 1
        children[a["parent_code"]].append(g)
    for code, geoms in children.items():
        parent_geom = by_code[code][1]
        union = unary_union(geoms)
        assert union.symmetric_difference(parent_geom).area < 1e-6, code
        for g1, g2 in combinations(geoms, 2):
            assert g1.intersection(g2).area == 0.0, code
    # every street has children, every community has grid cells
    parents = {a["parent_code"] for a, _ in units}
    assert all(a["code"] in parents for a, _ in units if a["level"] != "grid")


def test_buildings_sit_in_one_community_and_grid(run_a):
    units = _layer(run_a, "admin_units")
    comms = [(a["code"], g) for a, g in units if a["level"] == "community"]
    grids = [(a["code"], g) for a, g in units if a["level"] == "grid"]
    buildings = _layer(run_a, "buildings")
    assert len(buildings) > 20
    for attrs, geom in buildings:
        in_comm = [c for c, g in comms if g.intersection(geom).area > 0]
        assert in_comm == [attrs["community_code"]], attrs["building_id"]
        assert [c for c, g in comms if g.contains(geom)] == in_comm
        assert [c for c, g in grids if g.contains(geom)] == [attrs["grid_code"]]
        assert attrs["grid_code"].startswith(attrs["community_code"])


def test_buildings_do_not_overlap_each_other_or_roads(run_a):
    buildings = _layer(run_a, "buildings")
    roads = _layer(run_a, "roads")
    for (a1, g1), (a2, g2) in combinations(buildings, 2):
        if g1.bounds[0] <= g2.bounds[2] and g2.bounds[0] <= g1.bounds[2]:
            assert g1.intersection(g2).area == 0.0, (a1["building_id"], a2["building_id"])
    for attrs, geom in buildings:
        for r, line in roads:
            assert geom.distance(line) >= 3.0, (attrs["building_id"], r["edge_id"])


def test_building_attributes(run_a):
    buildings = _layer(run_a, "buildings")
    uses = Counter(a["use"] for a, _ in buildings)
    assert uses["residential"] > 0.3 * len(buildings)
    assert {"school", "office"} <= set(uses)
    assert set(uses) <= {"residential", "commercial", "school", "office", "mixed"}
    ids = [a["building_id"] for a, _ in buildings]
    assert len(set(ids)) == len(ids)
    addresses = [a["address"] for a, _ in buildings]
    for a, _ in buildings:
        assert 2.9 * a["floors"] - 0.05 <= a["height_m"] <= 3.1 * a["floors"] + 0.05
        lane = f"{a['lane']}弄" if a["lane"] is not None else ""
        assert a["address"] == f"上海市浦东新区{a['road']}{lane}{a['number']}号"
        assert a["district"] == "浦东新区"
    lane_addresses = [x for x in addresses if "弄" in x]
    assert lane_addresses and len(set(lane_addresses)) == len(lane_addresses)


def test_households_fill_residential_buildings(run_a):
    res = {a["building_id"]: a for a, _ in _layer(run_a, "buildings") if a["use"] == "residential"}
    rows = _csv(run_a / "truth" / "households.csv", "utf-8")
    assert sum(int(r["occupied"]) for r in rows) == HOUSEHOLDS
    assert len(rows) >= HOUSEHOLDS
    seen = set()
    for r in rows:
        b = res[r["building_id"]]
        assert 1 <= int(r["floor"]) <= b["floors"]
        assert int(r["room"]) // 100 == int(r["floor"])
        assert r["address"] == f"{b['address']}{r['room']}室"
        assert (r["building_id"], r["room"]) not in seen
        seen.add((r["building_id"], r["room"]))


def test_facilities(run_a):
    facilities = _layer(run_a, "facilities")
    buildings = {a["building_id"]: (a, g) for a, g in _layer(run_a, "buildings")}
    types = Counter(a["type"] for a, _ in facilities)
    allowed = {"kindergarten", "primary_school", "middle_school", "health_station", "elderly_care", "community_centre"}
    assert set(types) <= allowed
    assert types["primary_school"] >= 1 and types["middle_school"] >= 1 and types["community_centre"] >= 2
    for a, g in facilities:
        assert a["capacity"] > 0 and a["name"] and a["address"].startswith("上海市浦东新区")
        b, footprint = buildings[a["building_id"]]
        assert footprint.contains(g) and a["address"] == b["address"]


# --- roads ---------------------------------------------------------------------
def _components(edges: list[tuple[tuple, tuple]]) -> list[set]:
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups = defaultdict(set)
    for node in list(parent):
        groups[find(node)].add(node)
    return sorted(groups.values(), key=len, reverse=True)


def test_road_network_is_noded_with_the_documented_defects(run_a):
    roads = _layer(run_a, "roads")
    defects = _csv(run_a / "truth" / "road_defects.csv", "utf-8")
    assert {d["kind"] for d in defects} == {"undershoot", "disconnected"}
    classes = Counter(a["class"] for a, _ in roads)
    assert set(classes) == {"primary", "secondary", "branch", "lane"}
    assert 0 < sum(a["oneway"] for a, _ in roads) < len(roads)
    ids = [a["edge_id"] for a, _ in roads]
    assert len(set(ids)) == len(ids)
    ends = []
    for a, g in roads:
        assert g.length > 0 and a["speed_kmh"] > 0 and a["oneway"] in (0, 1)
        if a["class"] == "lane" and a["name"] != "公园园路":
            assert re.fullmatch(r".+(路|大道)\d+弄", a["name"])
        ends.append((g.coords[0], g.coords[-1]))
    comps = _components(ends)
    assert len(comps) == 2
    park = [g for a, g in roads if a["name"] == "公园园路"]
    assert {c for g in park for c in (g.coords[0], g.coords[-1])} == comps[1]
    # edges meet only at shared end points
    nodes = {c for pair in ends for c in pair}
    for (a1, g1), (a2, g2) in combinations(roads, 2):
        if g1.distance(g2) > 0:
            continue
        inter = g1.intersection(g2)
        pts = [inter] if inter.geom_type == "Point" else list(getattr(inter, "geoms", []))
        assert inter.geom_type in ("Point", "MultiPoint"), (a1["edge_id"], a2["edge_id"], inter.wkt)
        assert all((p.x, p.y) in nodes for p in pts)
    # the undershoot: an end 0.5 m from a node it does not reach
    under = next(d for d in defects if d["kind"] == "undershoot")
    edge = next(g for a, g in roads if a["edge_id"] == int(under["edge_id"]))
    junction = (float(under["x"]), float(under["y"]))
    assert junction in nodes
    gap = min(((c[0] - junction[0]) ** 2 + (c[1] - junction[1]) ** 2) ** 0.5 for c in (edge.coords[0], edge.coords[-1]))
    assert abs(gap - 0.5) < 1e-9


# --- DEM -----------------------------------------------------------------------
def test_dem_has_crs_nodata_and_a_hill(run_a):
    np = pytest.importorskip("numpy")
    ds = gdal.Open(str(run_a / "dem.tif"))
    srs = ds.GetSpatialRef()
    assert srs.GetAuthorityCode(None) == "4550"
    gpkg = ogr.Open(str(run_a / "twin.gpkg"))
    for name in ("admin_units", "roads", "buildings", "facilities"):
        assert gpkg.GetLayerByName(name).GetSpatialRef().GetAuthorityCode(None) == "4550"
    gt = ds.GetGeoTransform()
    assert gt[1] == 5.0 and gt[5] == -5.0
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Float32
    nodata = band.GetNoDataValue()
    assert nodata is not None
    z = band.ReadAsArray()
    valid = z[z != nodata]
    assert (z == nodata).any() and valid.size > 0.99 * z.size
    assert 35.0 < valid.max() - np.median(valid) < 70.0
    assert np.percentile(valid, 90) - np.percentile(valid, 10) < 8.0
    # covers the district
    (district, geom), = [(a, g) for a, g in _layer(run_a, "admin_units") if a["level"] == "district"]
    x0, y0, x1, y1 = geom.bounds
    assert gt[0] < x0 and gt[3] > y1
    assert gt[0] + ds.RasterXSize * gt[1] > x1 and gt[3] + ds.RasterYSize * gt[5] < y0
    # and lies in Pudong
    from osgeo import osr

    tr = osr.CoordinateTransformation(srs, osr.SpatialReference(wkt=osr.SRS_WKT_WGS84_LAT_LONG))
    lat, lon, _ = tr.TransformPoint((x0 + x1) / 2, (y0 + y1) / 2)
    if abs(lat) > 90:  # traditional GIS order
        lon, lat = lat, lon
    assert 121.5 < lon < 121.7 and 31.15 < lat < 31.35


# --- sources -------------------------------------------------------------------
EXPECTED_ENCODINGS = {"hukou.csv": "gbk", "civil_affairs.csv": "gbk", "ledger.csv": "utf-8-sig",
                      "health.csv": "utf-8-sig", "social_security.csv": "utf-8-sig", "enterprises.csv": "utf-8"}


def test_encodings_are_as_documented(run_a):
    documented = _documented_encodings(run_a)
    assert documented == EXPECTED_ENCODINGS
    for name, enc in documented.items():
        raw = (run_a / "sources" / name).read_bytes()
        if enc == "gbk":
            raw.decode("gbk")
            with pytest.raises(UnicodeDecodeError):
                raw.decode("utf-8")
        elif enc == "utf-8-sig":
            assert raw.startswith(b"\xef\xbb\xbf")
            raw.decode("utf-8")
        else:
            assert not raw.startswith(b"\xef\xbb\xbf")
            raw.decode("utf-8")


def test_every_source_row_has_truth_and_every_person_is_known(run_a):
    truth = _truth_rows(run_a)
    persons = {r["person_id"]: r for r in _csv(run_a / "truth" / "persons.csv", "utf-8")}
    firms = {r["credit_code"] for r in _csv(run_a / "truth" / "enterprises.csv", "utf-8")}
    households = {r["household_id"]: r for r in _csv(run_a / "truth" / "households.csv", "utf-8")}
    for name in SOURCES:
        rows = _source(run_a, name)
        assert len(rows) == len(truth[name]) > 0, name
        assert [int(t["row"]) for t in truth[name]] == list(range(1, len(rows) + 1))
        known = firms if name == "enterprises" else persons
        assert all(t["entity_id"] in known for t in truth[name]), name
    ids = [p["id_number"] for p in persons.values()]
    assert len(set(ids)) == len(ids) and all(idnumber.is_valid(i) for i in ids)
    for p in persons.values():
        if p["registration"] == "away":
            assert not p["household_id"] and p["registered_household_id"]
        else:
            assert households[p["household_id"]]["building_id"] == p["building_id"]
            assert households[p["household_id"]]["occupied"] == "1"
        if p["registration"] == "outside":
            assert not p["registered_household_id"] and not p["hukou_no"]
        if p["registration"] == "same_room":
            assert p["registered_household_id"] == p["household_id"]
    # people registered here but living elsewhere, and people living here registered elsewhere
    regs = Counter(p["registration"] for p in persons.values())
    assert all(regs[k] > 0 for k in ("same_room", "other_room", "outside", "away"))
    hukou_people = {t["entity_id"] for t in truth["hukou"]}
    assert all(persons[pid]["registration"] != "outside" for pid in hukou_people)


def test_id_checksums_valid_except_recorded(run_a):
    truth = _truth_rows(run_a)
    persons = {r["person_id"]: r["id_number"] for r in _csv(run_a / "truth" / "persons.csv", "utf-8")}
    n_bad = 0
    for name, col in ID_COLUMN.items():
        for row, t in zip(_source(run_a, name), truth[name]):
            tags = t["noise"].split(";")
            value = row[col]
            if "id_missing" in tags:
                assert value == ""
                continue
            valid = idnumber.is_valid(idnumber.normalise(value))
            assert valid == ("id_checksum" not in tags), (name, t["row"])
            if valid:
                assert idnumber.normalise(value) == persons[t["entity_id"]]
                assert (value != persons[t["entity_id"]]) == ("id_lower_x" in tags)
            n_bad += not valid
    assert n_bad > 0


def test_credit_codes(run_a):
    from sample_district import codes  # scripts/ is on sys.path (conftest)

    assert codes.credit_code_is_valid("9144030071526726XG")
    assert not codes.credit_code_is_valid("9144030071526726XH")
    firms = _source(run_a, "enterprises")
    assert firms and all(codes.credit_code_is_valid(f["统一社会信用代码"]) for f in firms)
    truth = _truth_rows(run_a)["social_security"]
    n_employer = 0
    for row, t in zip(_source(run_a, "social_security"), truth):
        code = row["单位统一社会信用代码"]
        if code:
            n_employer += 1
            assert codes.credit_code_is_valid(code) == ("credit_code_checksum" not in t["noise"])
    assert n_employer > 0


def test_clean_addresses_match_truth_and_noise_is_visible(run_a):
    persons = {r["person_id"]: r for r in _csv(run_a / "truth" / "persons.csv", "utf-8")}
    households = {r["household_id"]: r["address"] for r in _csv(run_a / "truth" / "households.csv", "utf-8")}
    truth = _truth_rows(run_a)
    checks = {"hukou": ("户籍地址", "registered_household_id"), "health": ("现住址", "household_id")}
    seen_tags = Counter()
    for name, (col, key) in checks.items():
        for row, t in zip(_source(run_a, name), truth[name]):
            tags = [x for x in t["noise"].split(";") if x]
            seen_tags.update(x.split("=")[0] for x in tags)
            true_addr = households[persons[t["entity_id"]][key]]
            value = row[col]
            addr_tags = [x for x in tags if x.startswith("addr_")]
            if not addr_tags:
                assert value == true_addr
            if "addr_fullwidth" in tags:
                assert re.search("[０-９]", value) and not re.search("[0-9]", value)
            if "addr_no_city_district" in tags:
                assert not value.startswith(("上海", "浦东"))
            elif "addr_no_city" in tags:
                assert value.startswith("浦东新区")
            if "addr_cn_numeral" in tags:
                assert re.search("[一二三四五六七八九十百千]+号", value)
            if "addr_missing_room" in tags:
                assert not value.endswith("室")
    for tag in ("addr_no_city", "addr_no_city_district", "addr_haolou", "addr_room_no_shi", "duplicate_of"):
        assert seen_tags[tag] > 0, tag


def test_all_noise_kinds_occur(run_a):
    tags = Counter()
    for rows in _truth_rows(run_a).values():
        for t in rows:
            tags.update(x.split("=")[0] for x in t["noise"].split(";") if x)
    expected = {
        "addr_no_city", "addr_no_city_district", "addr_haolou", "addr_fullwidth", "addr_cn_numeral",
        "addr_road_typo", "addr_missing_room", "addr_room_no_shi", "addr_with_unit", "addr_nonexistent_number",
        "addr_nonexistent_road", "duplicate_of", "id_checksum", "id_lower_x", "id_missing", "birth_conflict",
        "sex_conflict", "name_homophone", "phone_old", "status_wrong", "credit_code_checksum",
    }
    assert expected <= set(tags), expected - set(tags)


def test_duplicates_point_at_rows_of_the_same_person(run_a):
    truth = _truth_rows(run_a)
    n = 0
    for rows in truth.values():
        for t in rows:
            m = re.search(r"duplicate_of=(\d+)", t["noise"])
            if m:
                n += 1
                original = rows[int(m.group(1)) - 1]
                assert original["entity_id"] == t["entity_id"]
                assert "duplicate_of" not in original["noise"]
    assert n > 0


def test_ledger_statuses_follow_the_truth(run_a):
    persons = {r["person_id"]: r for r in _csv(run_a / "truth" / "persons.csv", "utf-8")}
    truth = _truth_rows(run_a)["ledger"]
    statuses = Counter()
    for row, t in zip(_source(run_a, "ledger"), truth):
        statuses[row["居住状态"]] += 1
        if "status_wrong" in t["noise"]:
            continue
        p = persons[t["entity_id"]]
        if row["居住状态"] == "人不在户在":
            assert p["registration"] in ("away", "other_room")
        else:
            assert row["居住状态"] == p["living_status"]
    assert set(statuses) == {"人户一致", "人在户不在", "人不在户在"}


def test_age_pyramid_is_plausible(run_a):
    ages = []
    for p in _csv(run_a / "truth" / "persons.csv", "utf-8"):
        y, m, d = map(int, p["birth_date"].split("-"))
        ages.append(2025 - y - ((m, d) > (6, 30)))
    n = len(ages)
    assert 2.2 < n / HOUSEHOLDS < 2.9
    assert min(ages) >= 0 and max(ages) <= 101
    assert 0.06 < sum(a < 15 for a in ages) / n < 0.2
    assert 0.12 < sum(a >= 65 for a in ages) / n < 0.35
    assert sum(a >= 90 for a in ages) > 0


def test_csv_is_parsable_by_a_naive_reader(run_a):
    """No quoting needed: no field holds a comma, quote or line break."""
    for name, enc in _documented_encodings(run_a).items():
        text = (run_a / "sources" / name).read_bytes().decode(enc)
        lines = text.split("\r\n")
        assert lines[-1] == ""
        width = len(lines[0].split(","))
        assert all(len(line.split(",")) == width for line in lines[1:-1]), name
        assert '"' not in text
        assert list(csv.reader(io.StringIO(text)))[0] == lines[0].split(",")
