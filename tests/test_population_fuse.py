"""The fuse step of the population base (core tier: no QGIS; the seed-7 figures need GDAL's Python)."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cim_twin.cim_twin_plugin.core import idnumber
from cim_twin.cim_twin_plugin.core.address.gazetteer import Gazetteer
from cim_twin.cim_twin_plugin.core.address.join import BuildingAddress
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from cim_twin.cim_twin_plugin.core.population.fuse import family_key, fuse, place_records
from cim_twin.cim_twin_plugin.core.population.model import Identity, Reject, SourceRecord
from cim_twin.cim_twin_plugin.core.population.profiles import age_group, age_on, education_stage

ROOT = Path(__file__).resolve().parent.parent
REF = date(2025, 6, 30)
SECRET = b"test-secret"
B1, B2 = "上海市浦东新区康桥路47弄2号", "上海市浦东新区高科路151弄3号"
BUILDINGS = [BuildingAddress("B1", B1, floors=6), BuildingAddress("B2", B2, floors=6)]


def rec(source: str, row: int, role: str | None = None, precision: str = "day", **values) -> SourceRecord:
    return SourceRecord(source, role or source, row, values, id_status="valid" if "id_number" in values else "missing",
                        birth_precision=precision)


_GAZETTEER: list[Gazetteer] = []


def gazetteer() -> Gazetteer:
    """One built-in gazetteer for the module (loading it is the slow part of a small join)."""
    if not _GAZETTEER:
        _GAZETTEER.append(Gazetteer.builtin())
    return _GAZETTEER[0]


def run(records, clusters, rejects=(), **kwargs):
    identity = Identity([list(c) for c in clusters], [f"{n:016x}" for n in range(len(clusters))], list(rejects))
    places = place_records(records, BUILDINGS, gazetteer(), identity=identity)
    return fuse(records, identity, places, REF, secret=SECRET, **kwargs), places


# --- priority, provenance, conflicts -----------------------------------------------------------------------------

def test_priority_order_and_provenance():
    records = [
        rec("ledger", 1, sex="M", birth_date=date(1951, 3, 4), ethnicity="回族", name="张三"),
        rec("hukou", 1, sex="F", birth_date=date(1950, 3, 4), name="张三"),
        rec("health", 1, sex="F", ethnicity="满族", name="张三"),
    ]
    result, _ = run(records, [[0, 1, 2]])
    p = result.persons[0]
    assert (p.sex, p.birth_date, p.ethnicity) == ("F", date(1950, 3, 4), "满族")
    # hukou first; it gives no ethnicity, so health (above the ledger for identity fields)
    assert p.provenance["sex"] == "hukou" and p.provenance["birth_date"] == "hukou"
    assert p.provenance["ethnicity"] == "health"
    by_field = {c.field: c for c in result.conflicts}
    assert by_field["sex"].values == {"hukou": "F", "health": "F", "ledger": "M"}
    assert by_field["sex"].chosen == "hukou"
    assert by_field["birth_year"].values == {"hukou": 1950, "ledger": 1951}
    assert by_field["ethnicity"].values == {"health": "满族", "ledger": "回族"}
    assert "name" not in by_field  # same name everywhere

    # the user's priorities replace the default per field
    result, _ = run(records, [[0, 1, 2]], priorities={"sex": ["ledger", "hukou"]})
    p = result.persons[0]
    assert p.sex == "M" and p.provenance["sex"] == "ledger"
    assert p.birth_date == date(1950, 3, 4)  # other fields keep the default


def test_most_recent_then_non_empty():
    records = [
        rec("health_a", 1, role="health", ethnicity="回族", record_date=date(2020, 1, 1)),
        rec("health_b", 1, role="health", ethnicity="满族", record_date=date(2024, 1, 1)),
        rec("health_c", 1, role="health", ethnicity="", record_date=date(2025, 1, 1)),
    ]
    result, _ = run(records, [[0, 1, 2]])
    p = result.persons[0]
    assert p.ethnicity == "满族" and p.provenance["ethnicity"] == "health_b"


def test_month_birth_date_is_completed_by_a_lower_source():
    records = [rec("social_security", 1, birth_date=date(1950, 3, 1), precision="month"),
               rec("health", 1, birth_date=date(1950, 3, 17))]
    result, _ = run(records, [[0, 1]])
    p = result.persons[0]
    assert p.birth_date == date(1950, 3, 17) and p.provenance["birth_date"] == "health"
    assert result.conflicts == []  # the same month: no disagreement


def test_conflicts_and_persons_hold_no_names_numbers_or_phones():
    number = idnumber.make_id("310115", date(1950, 3, 4), 123)
    records = [rec("hukou", 1, id_number=number, name="欧阳明", sex="M", hukou_no="100584384",
                   hukou_address=B1 + "101室", phone="13912345678"),
               rec("ledger", 1, id_number=number, name="欧阳铭", sex="M", phone="13912345678",
                   live_address=B1 + "101室", hukou_address=B1 + "101室", living_status="人户一致",
                   months_resident=100)]
    result, _ = run(records, [[0, 1]])
    name = [c for c in result.conflicts if c.field == "name"]
    assert len(name) == 1 and set(name[0].values) == {"hukou", "ledger"}
    assert all(v is None for v in name[0].values.values())
    text = repr(result)
    for secret in ("欧阳明", "欧阳铭", number, "13912345678", "100584384"):
        assert secret not in text
    assert result.persons[0].family_key == family_key("100584384", SECRET)


def test_an_empty_secret_is_refused():
    records = [rec("hukou", 1, sex="M")]
    identity = Identity([[0]], ["k"])
    with pytest.raises(ValidationError):
        fuse(records, identity, place_records(records, BUILDINGS, gazetteer()), REF, secret=b"")


# --- residence status --------------------------------------------------------------------------------------------

CASES = {
    # name: (records as (source, values), expected registration, living_status, residence_type, lives room)
    "same_room": ([("hukou", {"hukou_address": B1 + "101室"}),
                   ("ledger", {"live_address": B1 + "101", "hukou_address": B1 + "101室",
                               "living_status": "人户一致", "months_resident": 100})],
                  "same_room", "人户一致", "常住", "B1/101"),
    "other_room": ([("hukou", {"hukou_address": B1 + "102室"}),
                    ("ledger", {"live_address": B2 + "201室", "hukou_address": B1 + "102室",
                                "living_status": "人在户不在", "months_resident": 36}),
                    ("ledger", {"live_address": B2 + "201室", "hukou_address": B1 + "102室",
                                "living_status": "人不在户在"})],
                   "other_room", "人在户不在", "常住", "B2/201"),
    "outside_resident": ([("ledger", {"live_address": B2 + "202室", "hukou_address": "浙江省杭州市西湖区文三路1号",
                                      "living_status": "人在户不在", "months_resident": 12})],
                         "outside", "人在户不在", "常住", "B2/202"),
    "outside_floating": ([("ledger", {"live_address": B2 + "203室", "hukou_address": "浙江省杭州市西湖区文三路1号",
                                      "living_status": "人在户不在", "months_resident": 3}),
                          ("health", {"live_address": B2 + "203室"})],
                         "outside", "人在户不在", "流动", "B2/203"),
    "away_by_ledger": ([("hukou", {"hukou_address": B1 + "104室"}),
                        ("ledger", {"live_address": "本市嘉定区", "hukou_address": B1 + "104室",
                                    "living_status": "人不在户在", "months_resident": 0})],
                       "away", "人不在户在", "外出", None),
    "away_no_ledger_row": ([("hukou", {"hukou_address": B1 + "105室"})], "away", "人不在户在", "外出", None),
    "health_only_lives_at_registration": ([("hukou", {"hukou_address": B1 + "106室"}),
                                           ("health", {"live_address": B1})],  # no room in the health address
                                          "same_room", "人户一致", "常住", "B1/106"),
    "ledger_status_wrong": ([("hukou", {"hukou_address": B1 + "107室"}),
                             ("ledger", {"live_address": B1 + "107室", "hukou_address": B1 + "107室",
                                         "living_status": "人在户不在", "months_resident": 50})],
                            "same_room", "人户一致", "常住", "B1/107"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_residence_status(case):
    rows, registration, living, residence, room = CASES[case]
    records = [rec(source, n, **values) for n, (source, values) in enumerate(rows, start=1)]
    # a second person lives in B1 201 so that the join sees more than one household
    records.append(rec("ledger", 99, live_address=B1 + "201室", hukou_address=B1 + "201室", living_status="人户一致"))
    records.append(rec("hukou", 99, hukou_address=B1 + "201室"))
    result, places = run(records, [list(range(len(rows))), [len(rows), len(rows) + 1]])
    p = result.persons[0]
    assert (p.registration, p.living_status, p.residence_type) == (registration, living, residence)
    assert p.lives_household_id == room
    if registration in ("same_room", "other_room", "away"):
        assert p.registered_household_id is not None and p.registered_building_id == "B1"
    if registration == "away":
        assert p.lives_building_id is None
    status_conflicts = [c for c in result.conflicts if c.field == "living_status" and c.person_key == p.person_key]
    if case == "ledger_status_wrong":
        assert status_conflicts and status_conflicts[0].values == {"ledger": "人在户不在", "addresses": "人户一致"}
    else:
        assert not status_conflicts  # the other_room pair of ledger rows is no conflict


# --- profile, households, relations, conservation ----------------------------------------------------------------

def test_profile_households_relations_and_conservation():
    records = [
        rec("hukou", 1, birth_date=date(1950, 1, 1), sex="F", hukou_address=B1 + "301室", hukou_no="H1",
            relation_to_head="户主"),
        rec("ledger", 1, live_address=B1 + "301室", hukou_address=B1 + "301室", living_status="人户一致",
            months_resident=200, record_date=date(2020, 5, 1)),
        rec("health", 1, live_address=B1 + "301室", hypertension=True, diabetes=False, family_doctor=True),
        rec("civil_affairs", 1, hukou_address=B1 + "301室", dibao=False, elderly_allowance=False,
            disability="肢体", disability_grade="二级"),
        rec("hukou", 2, birth_date=date(2017, 9, 1), hukou_address=B1 + "302室", hukou_no="H2"),
        rec("hukou", 3, birth_date=date(1985, 9, 1), hukou_address=B1 + "302室", hukou_no="H2"),
        rec("ledger", 2, live_address=B1 + "302室", hukou_address=B1 + "302室", living_status="人户一致",
            months_resident=90),
        rec("ledger", 3, live_address=B1 + "302室", hukou_address=B1 + "302室", living_status="人户一致",
            months_resident=90),
        rec("social_security", 1, insurance_status="正常缴费", employer_credit_code="91310115MA1T00718N"),
        rec("enterprises", 1, role="enterprise", credit_code="91310115MA1T00718N", address=B2 + "101室"),
        rec("ledger", 4, name="unlinked"),   # identity rejected it
        rec("ledger", 5, name="forgotten"),  # in nothing (an inconsistent identity): kept as a reject
    ]
    clusters = [[0, 1, 2, 3], [4, 6], [5, 7, 8]]
    result, _ = run(records, clusters, rejects=[Reject("ledger", 4, "missing_id_unmatched")],
                    tag_rules="独居老人: age >= 65 and living_alone\n学龄儿童: 6 <= age < 12",
                    building_communities={"B1": "310115001001"},
                    source_rejects=[Reject("ledger", 6, "duplicate", "duplicate of row 1")])
    old, child, parent = result.persons
    assert (old.age, old.age_group, old.living_alone, old.household_size) == (75, "65-79", True, 1)
    assert old.flags["age_65_plus"] and not old.flags["age_80_plus"] and old.flags["hypertension"]
    assert old.flags["disability"] == "肢体" and old.employment == "none"
    assert old.tags == ["独居老人"]
    assert (child.age, child.age_group, child.education_stage, child.tags) == (7, "6-11", "primary", ["学龄儿童"])
    assert child.family_key == parent.family_key != old.family_key
    assert parent.employment == "employed" and parent.employer_credit_code == "91310115MA1T00718N"
    assert parent.employer_building_id == "B2"
    assert not parent.living_alone and parent.household_size == 2

    households = {h.household_id: h for h in result.households}
    assert households["B1/302"].members == 2 and households["B1/302"].by_age_group["6-11"] == 1
    assert households["B1/302"].by_status["人户一致"] == 2 and households["B1/301"].registered == 1

    relations = {(r.subject, r.predicate, r.object) for r in result.relations}
    assert (old.person_key, "lives_in", "B1/301") in relations
    assert (old.person_key, "registered_at", "B1/301") in relations
    assert (child.person_key, "member_of", child.family_key) in relations
    assert (parent.person_key, "works_at", "91310115MA1T00718N") in relations
    assert ("91310115MA1T00718N", "located_in", "B2") in relations
    assert ("B1/302", "in", "B1") in relations and ("B1", "in", "310115001001") in relations
    lives = next(r for r in result.relations if r.predicate == "lives_in" and r.subject == old.person_key)
    assert lives.source == "ledger" and lives.valid_from == date(2020, 5, 1)

    ledger = result.balance["ledger"]
    assert (ledger.rows, ledger.in_persons, ledger.rejected) == (6, 3, 3) and ledger.balanced
    assert result.balance["enterprises"].in_enterprises == 1 and result.balanced
    assert {r.reason for r in result.rejects if r.source == "ledger"} == {
        "duplicate", "missing_id_unmatched", "not_linked"}


def test_age_groups_and_stages():
    assert age_on(date(2008, 2, 29), date(2025, 2, 28)) == 16
    assert age_on(date(2008, 2, 29), date(2025, 3, 1)) == 17
    assert age_on(date(2026, 1, 1), REF) is None
    assert [age_group(a) for a in (0, 2, 3, 5, 6, 11, 12, 14, 15, 17, 18, 59, 60, 64, 65, 79, 80, 101)] == [
        "0-2", "0-2", "3-5", "3-5", "6-11", "6-11", "12-14", "12-14", "15-17", "15-17", "18-59", "18-59",
        "60-64", "60-64", "65-79", "65-79", "80+", "80+"]
    assert [education_stage(a) for a in (0, 3, 6, 12, 15, 18)] == [
        "nursery", "preschool", "primary", "junior_secondary", "senior_secondary", None]


# --- the figures on the sample district --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed7(tmp_path_factory):
    pytest.importorskip("osgeo.ogr")
    out = tmp_path_factory.mktemp("district") / "seed7"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                    "--households", "5000", "--out", str(out), "--quiet"], check=True)
    sys.path.insert(0, str(ROOT / "scripts"))
    import eval_population_fuse

    return eval_population_fuse.measure(out)


def test_seed7_figures(seed7):
    m = seed7
    assert m["how"] == "identity.link"
    n, residents = m["present"], m["residents"]
    assert m["lives_right"] / residents >= 0.99
    assert m["status_right"] / n >= 0.99
    assert m["registration_right"] / n >= 0.99
    assert m["age_group_right"] / n >= 0.99
    assert m["result"].balanced
    rows = sum(b.rows for b in m["result"].balance.values())
    assert rows == len(m["records"]) + len(m["source_rejects"])
