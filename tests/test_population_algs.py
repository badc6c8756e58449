"""cimtwin:fusepersons through qgis_process on the sample district: the base, its counts and its privacy."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("qgis.core")
pytestmark = [pytest.mark.qgis, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("hukou", "ledger", "health", "civil_affairs", "social_security", "enterprises")


@pytest.fixture(scope="module")
def district(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("population") / "district"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                    "--households", "300", "--out", str(folder), "--quiet"], check=True)
    return folder


def fuse(qgis_process, district: Path, out: Path, key: Path, **extra):
    out.mkdir(parents=True, exist_ok=True)
    params = dict(
        SOURCES=[str(district / "sources" / f"{n}.csv") for n in SOURCES],
        BUILDINGS=f"{district}/twin.gpkg|layername=buildings", BUILDING_ID_FIELD="building_id",
        BUILDING_ADDRESS_FIELD="address", FLOORS_FIELD="floors", SECRET_KEY=str(key), REFERENCE_DATE="2026-12-01",
        TAG_RULES="独居老人: age >= 65 and living_alone\n学龄儿童: 6 <= age < 12",
        OUTPUT_PERSONS=str(out / "persons.csv"), OUTPUT_HOUSEHOLDS=str(out / "households.gpkg"),
        OUTPUT_RELATIONS=str(out / "relations.csv"), OUTPUT_CONFLICTS=str(out / "conflicts.csv"),
        OUTPUT_REJECTS=str(out / "rejects.csv"))
    return qgis_process.run("cimtwin:fusepersons", **{**params, **extra})


@pytest.fixture(scope="module")
def run(qgis_process, district, tmp_path_factory):
    out = tmp_path_factory.mktemp("fused")
    key = out / "secret.key"
    result = fuse(qgis_process, district, out / "a", key)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return out, key, result


def rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_source_row_is_accounted_for(run, district):
    out, _, result = run
    results = result.json["results"]
    source_rows = sum(data.count(b"\n") - 1 for data in
                      ((district / "sources" / f"{n}.csv").read_bytes() for n in SOURCES))
    assert results["RECORDS"] == source_rows
    rejects = rows(out / "a" / "rejects.csv")
    assert results["REJECTED"] == len(rejects)
    log = json.dumps(result.json["log"], ensure_ascii=False)
    assert f"{source_rows} source rows = " in log and "rejected" in log
    truth_dupes = [r for r in rows(district / "truth" / "source_rows.csv") if "duplicate" in r["noise"]]
    assert sum(r["reason"] == "duplicate" for r in rejects) == len(truth_dupes)


def test_persons_match_truth(run, district):
    out, _, result = run
    persons = rows(out / "a" / "persons.csv")
    truth = rows(district / "truth" / "persons.csv")
    assert len(persons) == result.json["results"]["PERSONS"]
    assert abs(len(persons) - len(truth)) <= max(1, 0.002 * len(truth))
    assert len({p["person_key"] for p in persons}) == len(persons)
    statuses = {p["living_status"] for p in persons}
    assert statuses <= {"人户一致", "人在户不在", "人不在户在"} and len(statuses) == 3
    by_status = {s: sum(t["living_status"] == s for t in truth) for s in statuses}
    for status, n in by_status.items():  # the figures of issue 14 are measured on 5,000 households (the note)
        assert abs(sum(p["living_status"] == status for p in persons) - n) <= max(5, 0.01 * len(truth)), status
    tagged = [p for p in persons if "学龄儿童" in json.loads(p["tags"])]
    assert tagged and all(6 <= int(p["age"]) < 12 for p in tagged)
    assert {p["sex"] for p in persons} == {"男", "女"}


def test_households_hold_everyone_who_lives_here(run):
    out, _, _ = run
    from osgeo import ogr

    ds = ogr.Open(str(out / "a" / "households.gpkg"))
    layer = ds.GetLayer(0)
    members = sum(f.GetField("members") for f in layer)
    persons = rows(out / "a" / "persons.csv")
    assert members == sum(1 for p in persons if p["household_id"])
    layer.ResetReading()
    for f in layer:
        ages = sum(f.GetField(name) for name in ("n_0_2", "n_3_5", "n_6_11", "n_12_14", "n_15_17", "n_18_59",
                                                "n_60_64", "n_65_79", "n_80p", "n_age_unknown"))
        assert ages == f.GetField("members")
        assert f.GetGeometryRef() is not None
    relations = rows(out / "a" / "relations.csv")
    kinds = {r["predicate"] for r in relations}
    assert {"lives_in", "registered_at", "member_of", "works_at", "located_in", "in"} <= kinds


def _personal_values(district: Path) -> set[str]:
    """Every ID number, name and phone number of the sources as given (noise included) and of the truth."""
    values = set()
    columns = ("身份证号", "证件号码", "公民身份号码", "身份证号码", "姓名", "联系电话", "法定代表人")
    for name in SOURCES:
        from cim_twin_plugin.core.address import read_rows

        header, table = read_rows(district / "sources" / f"{name}.csv")
        for i, column in enumerate(header):
            if column in columns:
                values.update(row[i].strip() for row in table if len(row) > i and len(row[i].strip()) >= 2)
    for person in rows(district / "truth" / "persons.csv"):
        values.update(v for v in (person["id_number"], person["name"], person["phone"]) if v)
    return values


def test_no_id_number_name_or_phone_reaches_an_output_or_the_log(run, district):
    out, key, result = run
    values = _personal_values(district)
    assert len(values) > 1000
    texts = {"log": result.stdout + result.stderr}
    for path in (out / "a").iterdir():
        if path.suffix == ".gpkg":
            from osgeo import ogr

            ds = ogr.Open(str(path))
            layer = ds.GetLayer(0)
            texts[path.name] = "\n".join(str(f.items()) for f in layer)
        else:
            texts[path.name] = path.read_text(encoding="utf-8")
    leaks = {name: sorted(v for v in values if v in text)[:3] for name, text in texts.items()}
    # a one-character surname may occur in an ethnicity or a tag: only names of 2+ characters are checked
    assert {name: found for name, found in leaks.items() if found} == {}
    assert key.read_bytes().strip().decode() not in "".join(texts.values())


def test_the_key_file_is_made_once_and_gives_the_same_keys(run, qgis_process, district):
    out, key, first = run
    assert "SECRET_KEY" in first.stdout + first.stderr  # the warning that a key was made
    again = fuse(qgis_process, district, out / "b", key)
    assert again.returncode == 0
    assert "did not exist" not in again.stdout + again.stderr
    a = sorted(p["person_key"] for p in rows(out / "a" / "persons.csv"))
    b = sorted(p["person_key"] for p in rows(out / "b" / "persons.csv"))
    assert a == b
    other = fuse(qgis_process, district, out / "c", out / "other.key")
    assert other.returncode == 0
    c = {p["person_key"] for p in rows(out / "c" / "persons.csv")}
    assert not c & set(a)


def test_a_bad_reference_date_and_a_short_key_are_refused(qgis_process, district, tmp_path):
    result = fuse(qgis_process, district, tmp_path / "x", tmp_path / "k.key", REFERENCE_DATE="1.12.2026")
    assert result.returncode != 0 and "REFERENCE_DATE" in result.stdout + result.stderr
    short = tmp_path / "short.key"
    short.write_text("abc", encoding="utf-8")
    result = fuse(qgis_process, district, tmp_path / "y", short)
    assert result.returncode != 0 and "SECRET_KEY" in result.stdout + result.stderr
    assert not (tmp_path / "y" / "persons.csv").exists()


COMMUNITIES = "{district}/twin.gpkg|layername=admin_units|subset=\"level\" = 'community'"


def test_aggregate_publishes_true_counts_and_withholds_small_ones(run, qgis_process, district):
    out, _, _ = run
    households = out / "a" / "households.gpkg"
    result = qgis_process.run("cimtwin:aggregatepopulation", INPUT=str(households),
                              UNITS=COMMUNITIES.format(district=district), UNIT_ID_FIELD="code",
                              PARENT_FIELD="parent_code", GROUPS="0,1", OUTPUT=str(out / "counts.csv"))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    counts = rows(out / "counts.csv")
    # an independent recount: households in their community (by the persons' buildings and the twin)
    from osgeo import ogr

    ds = ogr.Open(str(district / "twin.gpkg"))
    community = {f.GetField("building_id"): f.GetField("community_code") for f in ds.GetLayerByName("buildings")}
    hh = ogr.Open(str(households))  # the datasource must outlive its layer
    layer = hh.GetLayer(0)
    truth: dict = {}
    for f in layer:
        unit = community[f.GetField("building_id")]
        truth[(unit, "age_group", "0-2")] = truth.get((unit, "age_group", "0-2"), 0) + f.GetField("n_0_2")
        truth[(unit, "living_status", "人户一致")] = truth.get((unit, "living_status", "人户一致"), 0) \
            + f.GetField("n_same_room")
        truth[(unit, None, None)] = truth.get((unit, None, None), 0) + f.GetField("members")
    checked = 0
    for row in counts:
        key = (row["unit"], row["dimension"] or None, row["group_name"] or None)
        if row["kind"] not in ("cell", "unit_total") or key not in truth:
            continue
        if row["withheld"] == "1":
            assert row["count"] == "" and row["reason"] in ("primary", "secondary")
            if row["reason"] == "primary":
                assert 1 <= truth[key] <= 9, (key, truth[key])
        else:
            assert int(row["count"]) == truth[key], key
            assert not 1 <= truth[key] <= 9, key
            checked += 1
    assert checked >= 10
    assert any(r["withheld"] == "1" for r in counts)
    log = json.dumps(result.json["log"], ensure_ascii=False)
    assert "smallest range" in log and "in units" in log
    assert result.json["results"]["SMALLEST_RANGE"] >= 5


def test_the_graph_is_exported_without_personal_data(run, qgis_process, district):
    out, _, _ = run
    import networkx as nx

    relations = out / "a" / "relations.csv"
    result = qgis_process.run("cimtwin:exportpopulationgraph", RELATIONS=str(relations),
                              PERSONS=str(out / "a" / "persons.csv"), HOUSEHOLDS=str(out / "a" / "households.gpkg"),
                              OUTPUT_GRAPHML=str(out / "g.graphml"), OUTPUT_NEO4J=str(out / "neo4j"))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    graph = nx.read_graphml(out / "g.graphml")
    persons = rows(out / "a" / "persons.csv")
    assert sum(1 for _, d in graph.nodes(data=True) if d.get("label") == "Person") == len(persons)
    lives = sum(1 for r in rows(relations) if r["predicate"] == "lives_in")
    assert sum(1 for *_, k in graph.edges(keys=True) if k == "lives_in") == lives
    files = sorted(p.name for p in (out / "neo4j").iterdir())
    assert "nodes_Person.csv" in files and "rels_LIVES_IN_Person_Household.csv" in files
    header = (out / "neo4j" / "nodes_Person.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("person_key:ID(Person),:LABEL") and "provenance" not in header
    text = (out / "g.graphml").read_text(encoding="utf-8") + "".join(
        p.read_text(encoding="utf-8") for p in (out / "neo4j").iterdir())
    assert not [v for v in _personal_values(district) if v in text][:3]
    results = result.json["results"]
    assert 0 < results["EDGES"] <= len(rows(relations))
    assert "neo4j-admin database import" in results["IMPORT_COMMAND"]
