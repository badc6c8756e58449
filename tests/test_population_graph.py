"""Export of the population graph (core.population.graph): GraphML round trip, Neo4j import files, privacy."""
from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from cim_twin.cim_twin_plugin.core.population import graph as gr

ROOT = Path(__file__).resolve().parent.parent

PERSONS = [
    {"person_key": "a1b2c3d4e5f60718", "name": "张三", "id_number": "11010519491231002X", "phone": "13912345678",
     "sex": "M", "birth_year": 1949, "age": 75, "tags": ["独居老人", "65+"], "residence_type": "常住",
     "employment": None},
    {"person_key": "ffee000011112222", "name": "李四", "id_number": "310115197704290486", "phone": "15358362545",
     "sex": "F", "birth_year": 1977, "age": 47, "tags": [], "residence_type": '流动, "short"',
     "employment": "employed"},
]
HOUSEHOLDS = [{"household_id": "H0000001", "building_id": "B000004", "floor": 1, "room": "101"},
              {"household_id": "H0000002", "building_id": "B000004", "floor": 2, "room": "201"}]
BUILDINGS = [{"building_id": "B000004", "address": "上海市浦东新区康桥路47弄2号", "floors": 6, "height_m": 18.5,
              "community_code": "310115001001"}]
ENTERPRISES = [{"credit_code": "91310115MA15LD7088", "name": "上海源锐生物科技有限公司", "building_id": "B000004",
                "industry": "科学研究和技术服务业", "employees": 34}]
COMMUNITIES = [{"code": "310115001001", "level": "community", "parent_code": "310115001"}]
NODES = {"Person": PERSONS, "Household": HOUSEHOLDS, "Building": BUILDINGS, "Enterprise": ENTERPRISES,
         "Community": COMMUNITIES}
RELATIONS = [
    {"subject": "a1b2c3d4e5f60718", "predicate": "lives_in", "object": "H0000001", "source": "ledger",
     "valid_from": date(2023, 5, 1), "valid_to": None},
    {"subject": "ffee000011112222", "predicate": "lives_in", "object": "H0000002", "source": "ledger",
     "valid_from": date(2024, 1, 15), "valid_to": date(2024, 9, 30)},
    {"subject": "a1b2c3d4e5f60718", "predicate": "registered_at", "object": "H0000001", "source": "hukou"},
    {"subject": "a1b2c3d4e5f60718", "predicate": "member_of", "object": "fam0000000000001", "source": "hukou"},
    {"subject": "ffee000011112222", "predicate": "member_of", "object": "fam0000000000001", "source": "hukou"},
    {"subject": "ffee000011112222", "predicate": "works_at", "object": "91310115MA15LD7088",
     "source": "social_security"},
    {"subject": "91310115MA15LD7088", "predicate": "located_in", "object": "B000004", "source": "enterprise"},
    {"subject": "H0000001", "predicate": "in", "object": "B000004", "source": "address_join"},
    {"subject": "H0000002", "predicate": "in", "object": "B000004", "source": "address_join"},
    {"subject": "B000004", "predicate": "in", "object": "310115001001", "source": "twin"},
    {"subject": "ffee000011112222", "predicate": "works_at", "object": "91000000000000000X",
     "source": "social_security"},
]
PERSONAL_VALUES = [v for p in PERSONS for v in (p["name"], p["id_number"], p["phone"])]


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def test_graphml_round_trip(tmp_path):
    graph = gr.to_networkx(NODES, RELATIONS)
    path = gr.write_graphml(graph, tmp_path / "population.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(graph.nodes)
    assert back.nodes["Family:fam0000000000001"] == {"label": "Family", "family_key": "fam0000000000001"}
    assert len(back.nodes) == 2 + 2 + 1 + 1 + 1 + 1
    assert sorted((u, v, d["predicate"]) for u, v, d in back.edges(data=True)) == \
        sorted((u, v, k) for u, v, k in graph.edges(keys=True))
    assert len(back.edges) == len(RELATIONS) - 1  # the unknown employer is not exported
    old = back.nodes["Person:a1b2c3d4e5f60718"]
    assert old["label"] == "Person" and old["birth_year"] == 1949 and isinstance(old["birth_year"], int)
    assert json.loads(old["tags"]) == ["独居老人", "65+"]
    assert "employment" not in old  # None is left out, not written as 'None'
    assert back.nodes["Building:B000004"]["height_m"] == 18.5
    assert back.nodes["Household:H0000001"]["floor"] == 1
    stay = [d for u, v, d in back.edges(data=True) if u == "Person:ffee000011112222" and d["predicate"] == "lives_in"]
    assert stay == [{"predicate": "lives_in", "source": "ledger", "valid_from": "2024-01-15", "valid_to": "2024-09-30"}]
    text = path.read_text(encoding="utf-8")
    assert not any(v in text for v in PERSONAL_VALUES)


def test_graphml_mixed_types_become_text(tmp_path):
    graph = nx.MultiDiGraph()
    graph.add_node("a", room="101", extra=None, parts=("x", "y"))
    graph.add_node("b", room=202)
    back = nx.read_graphml(gr.write_graphml(graph, tmp_path / "g.graphml"))
    assert back.nodes["a"]["room"] == "101" and back.nodes["b"]["room"] == "202"
    assert "extra" not in back.nodes["a"] and json.loads(back.nodes["a"]["parts"]) == ["x", "y"]
    assert graph.nodes["a"]["extra"] is None  # the caller's graph is not changed


def test_neo4j_files_headers_and_ids(tmp_path):
    files = gr.write_neo4j_csv(NODES, RELATIONS, tmp_path / "neo4j")
    names = sorted(f.name for f in files)
    assert "nodes_Person.csv" in names and "nodes_Family.csv" in names
    assert {"rels_IN_Household_Building.csv", "rels_IN_Building_Community.csv"} <= set(names)
    header, rows = read_csv(tmp_path / "neo4j" / "nodes_Person.csv")
    assert header[:2] == ["person_key:ID(Person)", ":LABEL"]
    assert "birth_year:int" in header and "age:int" in header and "tags:string[]" in header
    assert "sex" in header and "residence_type" in header
    person = dict(zip(header, rows[0]))
    assert person[":LABEL"] == "Person" and person["tags:string[]"] == "独居老人;65+"
    assert dict(zip(header, rows[1]))["residence_type"] == '流动, "short"'  # quoted and read back whole
    raw = (tmp_path / "neo4j" / "nodes_Person.csv").read_text(encoding="utf-8")
    assert '"流动, ""short"""' in raw  # Neo4j's quoting: the field in quotes, quotes doubled
    assert not raw.startswith("\ufeff")
    header, _ = read_csv(tmp_path / "neo4j" / "nodes_Building.csv")
    assert "floors:int" in header and "height_m:float" in header

    ids = defaultdict(set)
    for f in files:
        header, rows = read_csv(f)
        if f.name.startswith("nodes_"):
            space = re.fullmatch(r".+:ID\((\w+)\)", header[0]).group(1)
            ids[space].update(r[0] for r in rows)
    n_rels = 0
    for f in files:
        if not f.name.startswith("rels_"):
            continue
        header, rows = read_csv(f)
        start = re.fullmatch(r":START_ID\((\w+)\)", header[0]).group(1)
        end = re.fullmatch(r":END_ID\((\w+)\)", header[1]).group(1)
        assert header[2] == ":TYPE"
        for r in rows:
            assert r[0] in ids[start] and r[1] in ids[end], (f.name, r)
            assert r[2] == r[2].upper()
        n_rels += len(rows)
    assert n_rels == len(RELATIONS) - 1
    header, rows = read_csv(tmp_path / "neo4j" / "rels_LIVES_IN_Person_Household.csv")
    assert header == [":START_ID(Person)", ":END_ID(Household)", ":TYPE", "source", "valid_from:date", "valid_to:date"]
    assert ["ffee000011112222", "H0000002", "LIVES_IN", "ledger", "2024-01-15", "2024-09-30"] in rows
    command = gr.neo4j_import_command(files)
    assert command.startswith("neo4j-admin database import full neo4j")
    assert all(f.name in command for f in files)


def test_personal_fields_dropped_or_refused(tmp_path):
    data = gr.build_graph_data(NODES, RELATIONS)
    assert {"name", "id_number", "phone"} <= set(data.dropped_fields["Person"])
    assert "name" in data.dropped_fields["Enterprise"]  # a firm's name can be its owner's: off by default
    assert all(not ({"name", "id_number", "phone"} & set(props)) for t in data.nodes.values() for props in t.values())
    files = gr.write_neo4j_csv(data, None, tmp_path)
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert not any(v in text for v in PERSONAL_VALUES), f.name
        assert ",name" not in read_csv(f)[0] and "name" not in read_csv(f)[0]
    assert ("relations", len(RELATIONS), "unknown_object") in data.rejected
    assert any("fields not written" in str(m) and "id_number" in str(m) for m in data.messages())
    # asking for a personal field is refused, whatever its case
    for attributes in ({"Person": ("sex", "name")}, {"Household": ("Phone",)}):
        with pytest.raises(ValidationError) as err:
            gr.to_networkx(NODES, RELATIONS, attributes=attributes)
        assert err.value.code == "personal_field"
    # the caller may narrow the denylist to export firms' names
    named = gr.build_graph_data(NODES, RELATIONS, attributes={"Enterprise": ("name",)}, personal=("id_number", "phone"))
    assert named.nodes["Enterprise"]["91310115MA15LD7088"]["name"] == "上海源锐生物科技有限公司"


def test_rejected_rows_are_counted():
    nodes = {"Person": [{"person_key": "k1"}, {"person_key": ""}, {"person_key": "k1"}],
             "Household": [{"household_id": 7}]}
    rels = [{"subject": "k1", "predicate": "lives_in", "object": 7}, {"subject": "k1", "predicate": "lives_in"},
            {"subject": "k9", "predicate": "lives_in", "object": 7}]
    data = gr.build_graph_data(nodes, rels)
    assert sorted(data.rejected) == sorted([("Person", 2, "no_key"), ("Person", 3, "duplicate_key"),
                                            ("relations", 2, "incomplete_relation"),
                                            ("relations", 3, "unknown_subject")])
    assert data.relations == [("Person", "k1", "lives_in", "Household", 7, {"source": None, "valid_from": None,
                                                                            "valid_to": None})]
    graph = gr.to_networkx(data)
    assert graph.nodes["Household:7"]["household_id"] == 7  # ids keep their type


@pytest.mark.slow
def test_sample_district_truth_graph_holds_no_personal_data(tmp_path):
    """The truth tables hold names, ID numbers and phones: none of them reaches the exported files."""
    out = tmp_path / "district"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                           "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    with open(out / "truth" / "persons.csv", encoding="utf-8", newline="") as f:
        persons = list(csv.DictReader(f))
    with open(out / "truth" / "households.csv", encoding="utf-8", newline="") as f:
        households = list(csv.DictReader(f))
    for p in persons:
        p["person_key"] = p["person_id"]
        p["birth_year"] = int(p["birth_date"][:4])
    rels = [{"subject": p["person_id"], "predicate": "lives_in", "object": p["household_id"], "source": "truth"}
            for p in persons if p["household_id"]]
    rels += [{"subject": h["household_id"], "predicate": "in", "object": h["building_id"]} for h in households]
    buildings = [{"building_id": b} for b in sorted({h["building_id"] for h in households})]
    nodes = {"Person": persons, "Household": households, "Building": buildings}
    data = gr.build_graph_data(nodes, rels, attributes={"Person": ("sex", "birth_year", "residence_type")})
    assert not data.rejected and len(data.relations) == len(rels)
    files = gr.write_neo4j_csv(data, None, tmp_path / "neo4j")
    files.append(gr.write_graphml(gr.to_networkx(data), tmp_path / "g.graphml"))
    secrets = {p[k] for p in persons for k in ("id_number", "name", "phone") if p[k]}
    assert len(secrets) > 2 * len(persons)
    for f in files:
        text = f.read_text(encoding="utf-8")
        tokens = set(re.findall(r"[\w\u4e00-\u9fff]+", text)) | set(re.findall(r"[0-9X]{11,18}", text))
        assert not (secrets & tokens), f.name  # every field and every run of 11-18 digits
