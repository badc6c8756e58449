"""cimtwin:parseaddresses, cimtwin:joinhouseholds and cimtwin:checkhierarchy in a real QGIS."""
from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from qgis.core import QgsProcessingException, QgsVectorLayer  # noqa: E402
from qgis.PyQt.QtCore import QVariant  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SQUARE = "POLYGON(({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))"


def square(x, y, size=20):
    return SQUARE.format(x=x, y=y, x2=x + size, y2=y + size)


def run(alg, parameters):
    import processing

    return processing.run(f"cimtwin:{alg}", parameters)


def rows(layer):
    return [{f.name(): feature[f.name()] for f in layer.fields()} for feature in layer.getFeatures()]


def value(v):
    return None if v is None or str(v) == "NULL" else v


@pytest.fixture
def buildings(memory_layer):
    return memory_layer(
        "Polygon", "EPSG:4550", [("building_id", "string"), ("address", "string"), ("floors", "integer"),
                                 ("road", "string"), ("lane", "integer"), ("number", "integer")],
        [(square(0, 0), ["B1", "上海市浦东新区锦绣路1000弄12号", 20, "锦绣路", 1000, 12]),
         (square(50, 0), ["B2", "上海市浦东新区锦绣路1000弄13号", 6, "锦绣路", 1000, 13]),
         (square(100, 0), ["B3", "上海市浦东新区张杨路88号", 30, "张杨路", None, 88]),
         (square(150, 0), ["B4", "上海市浦东新区张杨路88号", 30, "张杨路", None, 88]),
         (square(200, 0), ["B5", None, 3, None, None, None])],
        name="buildings",
    )


RECORDS = [
    ("r1", "张三", "310115198006229084", "上海市浦东新区锦绣路1000弄12号1203室"),
    ("r2", "李四", "310115200802186994", "锦绣路一千弄十二号楼1203"),
    ("r3", "王五", "310115197512233938", "浦东新区锦秀路1000弄13号502室"),
    ("r4", "赵六", "310115197706305004", "浦东新区张杨路88号1201室"),
    ("r5", "钱七", "310115197706305005", None),
    ("r6", "孙八", "310115197706305006", "No.1000 Jinxiu Road"),
    ("r7", "周九", "310115197706305007", "锦" * 10000),
    ("r8", "吴十", "310115197706305008", "12345"),
    ("r9", "郑一", "310115197706305009", "闵行区锦绣路1000弄12号1203室"),
]


@pytest.fixture
def records(memory_layer):
    # addr holds 10,000 characters (the memory provider's default string length would refuse them)
    return memory_layer("NoGeometry", "EPSG:4550", [("key", "string"), ("name", "string"), ("idno", "string"),
                                                   ("addr", "string(20000)")],
                        [(None, list(r)) for r in RECORDS], name="records")


def test_parseaddresses_fields_keys_status_and_privacy(cimtwin, records, tmp_path):
    out = tmp_path / "parsed.gpkg"
    result = run("parseaddresses", {"INPUT": records, "ADDRESS_FIELD": "addr", "KEY_FIELD": "key",
                                    "OUTPUT": str(out)})
    layer = QgsVectorLayer(str(out), "parsed", "ogr")
    got = {r["record"]: r for r in rows(layer)}
    assert len(got) == len(RECORDS), "every record is written"
    assert "name" not in layer.fields().names() and "idno" not in layer.fields().names()
    assert not any("310115" in str(v) for r in got.values() for v in r.values() if v is not None
                   and str(v).isdigit()), "no ID numbers"
    assert got["r1"]["district"] == "浦东新区" and got["r1"]["lane"] == "1000" and got["r1"]["room"] == "1203"
    assert got["r1"]["status"] == "ok" and got["r1"]["room_key"] == "浦东新区|锦绣路|1000|12|||1203"
    assert got["r2"]["room_key"] == "|锦绣路|1000|12|||1203", "district unknown: left empty, not guessed"
    assert got["r2"]["building_key"] == "|锦绣路|1000|12|", "no district in the text and no road gazetteer"
    for key in ("r5", "r6", "r7", "r8"):
        assert got[key]["status"] == "failed" and len(str(got[key]["reason"])) > 5, key
    assert "pinyin" in got["r6"]["reason"]
    assert (result["OK"], result["PARTIAL"], result["FAILED"]) == (5, 0, 4)


def test_parseaddresses_keep_fields_on_request(cimtwin, records):
    result = run("parseaddresses", {"INPUT": records, "ADDRESS_FIELD": "addr", "KEEP_FIELDS": True,
                                    "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    assert {"name", "idno", "addr", "road"} <= set(layer.fields().names())
    assert {r["name"] for r in rows(layer)} == {r[1] for r in RECORDS}


def test_parseaddresses_reads_gbk_csv_and_gazetteer(cimtwin, tmp_path):
    path = tmp_path / "hukou.csv"
    path.write_bytes("身份证号,姓名,户籍地址\r\n310115198006229084,朱秀,锦绣路1000弄12号1203室\r\n"
                     "310115200802186994,朱晓伟,上海市浦东新区锦绣路1000弄12号1203室\r\n".encode("gbk"))
    gazetteer = tmp_path / "gaz.csv"
    gazetteer.write_text("level,name,parent\nroad,锦绣路,浦东新区\n", encoding="utf-8-sig")
    result = run("parseaddresses", {"INPUT": str(path), "ADDRESS_FIELD": "户籍地址", "GAZETTEER": str(gazetteer),
                                    "OUTPUT": "memory:"})
    got = rows(result["OUTPUT"])
    assert [r["record"] for r in got] == ["1", "2"]
    assert got[0]["address"] == "锦绣路1000弄12号1203室", "GBK decoded"
    assert got[0]["district"] == "浦东新区" and got[0]["inferred"] == "province,city,district"
    assert got[0]["room_key"] == got[1]["room_key"]
    assert "身份证号" not in result["OUTPUT"].fields().names()


def test_parseaddresses_missing_field_is_a_clear_error(cimtwin, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="t.csv.*地址.*a, b"):
        run("parseaddresses", {"INPUT": str(path), "ADDRESS_FIELD": "地址", "OUTPUT": "memory:"})


def test_joinhouseholds_links_unmatched_households(cimtwin, records, buildings, tmp_path):
    result = run("joinhouseholds", {
        "INPUT": records, "ADDRESS_FIELD": "addr", "KEY_FIELD": "key", "BUILDINGS": buildings,
        "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address", "FLOORS_FIELD": "floors",
        "OUTPUT_HOUSEHOLDS": str(tmp_path / "hh.gpkg"), "OUTPUT_LINKS": str(tmp_path / "links.gpkg"),
        "OUTPUT_UNMATCHED": str(tmp_path / "un.gpkg")})
    assert result["RECORDS"] == len(RECORDS) == result["LINKED"] + result["UNMATCHED"]
    links = {r["record"]: r for r in rows(QgsVectorLayer(str(tmp_path / "links.gpkg"), "l", "ogr"))}
    unmatched = {r["record"]: r for r in rows(QgsVectorLayer(str(tmp_path / "un.gpkg"), "u", "ogr"))}
    households = QgsVectorLayer(str(tmp_path / "hh.gpkg"), "h", "ogr")
    assert set(links) | set(unmatched) == {r[0] for r in RECORDS} and not set(links) & set(unmatched)
    assert links["r1"]["method"] == "exact" and links["r1"]["building_id"] == "B1"
    assert links["r2"]["method"] == "inferred_district" and links["r2"]["household_id"] == links["r1"]["household_id"]
    assert links["r3"]["method"] == "fuzzy_road" and links["r3"]["building_id"] == "B2"
    assert unmatched["r4"]["reason_code"] == "duplicate_building_address" and "B3" in unmatched["r4"]["reason"]
    assert unmatched["r9"]["reason_code"] == "other_district"
    for key in ("r5", "r6", "r7", "r8"):
        assert unmatched[key]["reason_code"] == "parse_failed"
    assert result["HOUSEHOLDS"] == households.featureCount() == 2
    footprints = {f["building_id"]: f.geometry() for f in buildings.getFeatures()}
    for h in households.getFeatures():
        assert footprints[h["building_id"]].contains(h.geometry()), "household point inside its footprint"
        if h["building_id"] == "B1":
            assert (h["room"], h["floor"], h["records"]) == ("1203", "12", 2)
    assert households.crs().authid() == "EPSG:4550"
    for layer_path in ("links.gpkg", "un.gpkg", "hh.gpkg"):
        names = QgsVectorLayer(str(tmp_path / layer_path), "x", "ogr").fields().names()
        assert "name" not in names and "idno" not in names, "privacy: names and ID numbers are not copied"


def test_reading_records_or_buildings_stops_with_an_error_when_canceled(records, buildings):
    from cim_twin.cim_twin_plugin.qgis_io import tables
    from qgis.core import QgsFeedback, QgsProcessingException

    feedback = QgsFeedback()
    full = tables.read_records(None, records, "addr", "key", False, feedback)
    assert len(full.addresses) == len(RECORDS)
    assert len(tables.read_buildings(buildings, "building_id", "address", "", "", "", "floors", feedback)[0]) == 5
    feedback.cancel()  # a canceled read must not hand back a partial table as the whole one
    with pytest.raises(QgsProcessingException, match="Canceled"):
        tables.read_records(None, records, "addr", "key", False, feedback)
    with pytest.raises(QgsProcessingException, match="Canceled"):
        tables.read_buildings(buildings, "building_id", "address", "", "", "", "floors", feedback)


def test_joinhouseholds_with_road_lane_number_fields(cimtwin, records, buildings):
    result = run("joinhouseholds", {
        "INPUT": records, "ADDRESS_FIELD": "addr", "BUILDINGS": buildings, "BUILDING_ID_FIELD": "building_id",
        "ROAD_FIELD": "road", "LANE_FIELD": "lane", "NUMBER_FIELD": "number",
        "OUTPUT_HOUSEHOLDS": "memory:", "OUTPUT_LINKS": "memory:", "OUTPUT_UNMATCHED": "memory:"})
    links = rows(result["OUTPUT_LINKS"])
    # without district on the buildings' side the record's district cannot be checked: r9 links too
    assert {r["building_id"] for r in links} == {"B1", "B2"}
    assert result["LINKED"] + result["UNMATCHED"] == len(RECORDS)


def test_joinhouseholds_buildings_without_address_fields_is_a_clear_error(cimtwin, records, memory_layer):
    bare = memory_layer("Polygon", "EPSG:4550", [("building_id", "string")], [(square(0, 0), ["B1"])],
                        name="bare_buildings")
    with pytest.raises(QgsProcessingException, match="bare_buildings.*address"):
        run("joinhouseholds", {"INPUT": records, "ADDRESS_FIELD": "addr", "BUILDINGS": bare,
                               "OUTPUT_HOUSEHOLDS": "memory:", "OUTPUT_LINKS": "memory:",
                               "OUTPUT_UNMATCHED": "memory:"})


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    out = tmp_path_factory.mktemp("district") / "d"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                    "--households", "600", "--out", str(out), "--quiet"], check=True)
    return out


@pytest.mark.parametrize("household_keys", [[], ["户号"]])
def test_sample_district_hukou_join_against_truth(cimtwin, district, household_keys):
    """GBK hukou.csv by path: conservation, and every link is the true registered household."""
    buildings = QgsVectorLayer(f"{district / 'twin.gpkg'}|layername=buildings", "b", "ogr")
    result = run("joinhouseholds", {
        "INPUT": str(district / "sources" / "hukou.csv"), "ADDRESS_FIELD": "户籍地址", "BUILDINGS": buildings,
        "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address", "FLOORS_FIELD": "floors",
        "HOUSEHOLD_KEY_FIELDS": household_keys,
        "OUTPUT_HOUSEHOLDS": "memory:", "OUTPUT_LINKS": "memory:", "OUTPUT_UNMATCHED": "memory:"})
    with open(district / "truth" / "source_rows.csv", encoding="utf-8") as fh:
        entity = {int(r["row"]): r["entity_id"] for r in csv.DictReader(fh) if r["source"] == "hukou"}
    with open(district / "truth" / "persons.csv", encoding="utf-8") as fh:
        registered = {r["person_id"]: r["registered_household_id"] for r in csv.DictReader(fh)}
    with open(district / "truth" / "households.csv", encoding="utf-8") as fh:
        truth = {r["household_id"]: (r["building_id"], r["room"]) for r in csv.DictReader(fh)}
    assert result["RECORDS"] == len(entity) == result["LINKED"] + result["UNMATCHED"]
    households = {h["household_id"]: (h["building_id"], h["room"]) for h in result["OUTPUT_HOUSEHOLDS"].getFeatures()}
    links = list(result["OUTPUT_LINKS"].getFeatures())
    correct = sum(households[link["household_id"]] == truth[registered[entity[int(link["record"])]]]
                  for link in links)
    assert correct == len(links)
    assert len(links) >= 0.95 * len(entity)
    shared = sum(link["method"] == "shared_key" for link in links)
    unmatched_reasons = {u["reason_code"] for u in result["OUTPUT_UNMATCHED"].getFeatures()}
    if household_keys:  # the 户号 places hukou rows without room in the household of their co-registered
        assert shared > 0
    else:
        assert shared == 0 and "no_room" in unmatched_reasons


def test_joinhouseholds_household_key_fields(cimtwin, records, buildings, memory_layer):
    """The ID number ties a room-less record to the person's household; it reaches no output."""
    extra = memory_layer("NoGeometry", "EPSG:4550", [("key", "string"), ("name", "string"), ("idno", "string"),
                                                     ("addr", "string(20000)")],
                         [(None, list(r)) for r in RECORDS]
                         + [(None, ["r10", "张三", "310115198006229084", "锦绣路1000弄12号"]),
                            (None, ["r11", "张三", "310115198006229084", "锦绣路1000弄13号"]),
                            (None, ["r12", "无名", "", "锦绣路1000弄12号"])], name="records")
    params = {"INPUT": extra, "ADDRESS_FIELD": "addr", "KEY_FIELD": "key", "BUILDINGS": buildings,
              "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address",
              "OUTPUT_HOUSEHOLDS": "memory:", "OUTPUT_LINKS": "memory:", "OUTPUT_UNMATCHED": "memory:"}
    plain = run("joinhouseholds", params)
    keyed = run("joinhouseholds", dict(params, HOUSEHOLD_KEY_FIELDS=["idno"]))
    assert keyed["LINKED"] == plain["LINKED"] + 1 and keyed["RECORDS"] == keyed["LINKED"] + keyed["UNMATCHED"]
    links = {r["record"]: r for r in rows(keyed["OUTPUT_LINKS"])}
    assert links["r10"]["method"] == "shared_key" and links["r10"]["household_id"] == links["r1"]["household_id"]
    unmatched = {r["record"]: r["reason_code"] for r in rows(keyed["OUTPUT_UNMATCHED"])}
    assert unmatched["r11"] == "no_room", "another building than the key's household: not linked"
    assert unmatched["r12"] == "no_room"
    for layer in (keyed["OUTPUT_LINKS"], keyed["OUTPUT_UNMATCHED"], keyed["OUTPUT_HOUSEHOLDS"]):
        assert not any("310115198006229084" in str(v) for r in rows(layer) for v in r.values())
    with pytest.raises(QgsProcessingException, match="nosuch"):
        run("joinhouseholds", dict(params, INPUT=extra, HOUSEHOLD_KEY_FIELDS=["nosuch"]))


def test_checkhierarchy_on_the_sample_district(cimtwin, district):
    admin = QgsVectorLayer(f"{district / 'twin.gpkg'}|layername=admin_units", "a", "ogr")
    buildings = QgsVectorLayer(f"{district / 'twin.gpkg'}|layername=buildings", "b", "ogr")
    result = run("checkhierarchy", {"ADMIN_UNITS": admin, "BUILDINGS": buildings, "BUILDING_ID_FIELD": "building_id",
                                    "OUTPUT": "memory:", "OUTPUT_BUILDINGS": "memory:"})
    assert result["FINDINGS"] == 0 and result["OUTPUT"].featureCount() == 0, "the generated hierarchy nests"
    placed = {f["building_id"]: f["community_code"] for f in result["OUTPUT_BUILDINGS"].getFeatures()}
    truth = {f["building_id"]: f["community_code"] for f in buildings.getFeatures()}
    assert placed == truth


@pytest.mark.parametrize("code_type", ["string", "double"])  # codes kept in numeric fields (Excel) too
def test_checkhierarchy_reports_gaps_overlaps_and_outside(cimtwin, memory_layer, code_type):
    number = float if code_type == "double" else str
    admin = memory_layer(
        "Polygon", "EPSG:4326", [("code", code_type), ("level", "string"), ("parent_code", code_type)],
        [(square(121.5, 31.2, 0.01), [number("310115001"), "street", number("310115")]),
         ("POLYGON((121.5 31.2, 121.505 31.2, 121.505 31.21, 121.5 31.21, 121.5 31.2))",
          [number("310115001001"), "community", number("310115001")]),
         ("POLYGON((121.504 31.2, 121.508 31.2, 121.508 31.21, 121.504 31.21, 121.504 31.2))",
          [number("310115001002"), "community", number("310115001")]),
         ("POLYGON((121.509 31.209, 121.52 31.209, 121.52 31.22, 121.509 31.22, 121.509 31.209))",
          [number("310115001003"), "community", number("310115001")])],
        name="admin")
    result = run("checkhierarchy", {"ADMIN_UNITS": admin, "OUTPUT": "memory:"})
    findings = {(f["kind"], f["code"]): f for f in result["OUTPUT"].getFeatures()}
    assert {"gap", "overlap", "outside_parent"} == {k for k, _ in findings}
    overlap = findings[("overlap", "310115001001")]
    assert overlap["area_m2"] == pytest.approx(0.001 * 95300 * 0.01 * 111000, rel=0.05)
    assert result["OUTPUT"].crs().authid() == "EPSG:32651", "geographic input is measured in its UTM zone"


# -- batch runs -------------------------------------------------------------------------------------
@pytest.mark.slow
def test_qgis_process_joins_gbk_records_and_reports_counts(qgis_process, district, tmp_path):
    gpkg = district / "twin.gpkg"
    result = qgis_process.run(
        "cimtwin:joinhouseholds", INPUT=district / "sources" / "civil_affairs.csv", ADDRESS_FIELD="户籍地址",
        KEY_FIELD="对象编号", BUILDINGS=f"{gpkg}|layername=buildings", BUILDING_ID_FIELD="building_id",
        BUILDING_ADDRESS_FIELD="address", OUTPUT_HOUSEHOLDS=tmp_path / "hh.gpkg", OUTPUT_LINKS=tmp_path / "links.csv",
        OUTPUT_UNMATCHED=tmp_path / "unmatched.csv")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.json["results"]
    assert out["RECORDS"] == out["LINKED"] + out["UNMATCHED"] > 0
    with open(tmp_path / "links.csv", encoding="utf-8") as fh:
        links = list(csv.DictReader(fh))
    with open(tmp_path / "unmatched.csv", encoding="utf-8") as fh:
        unmatched = list(csv.DictReader(fh))
    assert len(links) == out["LINKED"] and len(unmatched) == out["UNMATCHED"]
    assert all(r["record"].startswith("MZ") for r in links + unmatched), "the record key, not names or IDs"
    assert {"姓名", "公民身份号码"}.isdisjoint(links[0]) and {"method", "score", "household_id"} <= set(links[0])
    assert f"{out['RECORDS']} records in = {out['LINKED']} linked + {out['UNMATCHED']} unmatched" in result.stdout

    result = qgis_process.run("cimtwin:parseaddresses", INPUT=district / "sources" / "hukou.csv",
                              ADDRESS_FIELD="户籍地址", OUTPUT=tmp_path / "parsed.csv")
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.json["results"]
    with open(tmp_path / "parsed.csv", encoding="utf-8") as fh:
        parsed = list(csv.DictReader(fh))
    assert len(parsed) == out["OK"] + out["PARTIAL"] + out["FAILED"] > 0
    assert sum(r["district"] == "浦东新区" for r in parsed) > 0.9 * len(parsed), "GBK text decoded and parsed"


@pytest.mark.slow
def test_qgis_process_failure_names_the_problem(qgis_process, district, tmp_path):
    result = qgis_process.run(
        "cimtwin:joinhouseholds", INPUT=district / "sources" / "hukou.csv", ADDRESS_FIELD="户籍地址",
        BUILDINGS=f"{district / 'twin.gpkg'}|layername=buildings", OUTPUT_HOUSEHOLDS=tmp_path / "h.gpkg",
        OUTPUT_LINKS=tmp_path / "l.csv", OUTPUT_UNMATCHED=tmp_path / "u.csv")
    assert result.returncode != 0
    assert "address" in result.stdout + result.stderr
    result = qgis_process.call("help", "cimtwin:checkhierarchy")
    assert result.returncode == 0 and "ADMIN_UNITS" in result.stdout and "BUILDINGS" in result.stdout


def test_joinhouseholds_record_keys_keep_the_type_of_the_key_field(cimtwin, memory_layer, buildings, tmp_path):
    """Ids keep the type of the input field they come from (DESIGN.md): an integer key stays an integer,
    so links and unmatched rows join back to the input layer."""
    records = memory_layer("NoGeometry", "EPSG:4550", [("key", "integer"), ("addr", "string")],
                           [(None, [101, "上海市浦东新区锦绣路1000弄12号1203室"]), (None, [102, "12345"])])
    run("joinhouseholds", {
        "INPUT": records, "ADDRESS_FIELD": "addr", "KEY_FIELD": "key", "BUILDINGS": buildings,
        "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address",
        "OUTPUT_HOUSEHOLDS": str(tmp_path / "hh.gpkg"), "OUTPUT_LINKS": str(tmp_path / "links.gpkg"),
        "OUTPUT_UNMATCHED": str(tmp_path / "un.gpkg")})
    for name, expected in (("links.gpkg", 101), ("un.gpkg", 102)):
        layer = QgsVectorLayer(str(tmp_path / name), "x", "ogr")
        field = layer.fields().field("record")
        assert field.type() in (QVariant.Int, QVariant.LongLong), (name, field.typeName())
        assert [f["record"] for f in layer.getFeatures()] == [expected]
