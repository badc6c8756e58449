"""The optional address tagger (a CRF trained on labelled addresses): training, tagging, errors."""
from __future__ import annotations

import sys

import pytest
from cim_twin.cim_twin_plugin.core.address import AddressParser
from cim_twin.cim_twin_plugin.core.address.tagger import (
    AddressTagger,
    read_conll,
    to_fields,
    tokens,
    train,
    unknown_tags,
)
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from conftest import write_labelled_conll


@pytest.fixture(scope="module")
def conll(tmp_path_factory):
    return write_labelled_conll(tmp_path_factory.mktemp("tagger") / "labelled.txt")


@pytest.fixture(scope="module")
def model(conll, tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "addresses.model"
    stats = train(read_conll(conll), path, AddressParser(), max_iterations=40)
    assert stats == {"addresses": 60, "tokens": stats["tokens"], "labels": 6}
    assert stats["tokens"] > 60 * 15
    return path


def test_read_conll_normalises_tokens_and_keeps_spans(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("杭 B-city\n州 I-city\n１２ B-roadno\n號 I-roadno\n_ O\n\n5 B-roomno\n", encoding="utf-8")
    samples = read_conll(path)
    assert samples == [(["杭", "州", "12", "号"], ["B-city", "I-city", "B-roadno", "I-roadno"]),
                       (["5"], ["B-roomno"])], "full-width and traditional forms normalised, the blank dropped"


@pytest.mark.parametrize("text, message", [
    ("杭 B-city\n州\n", "line 2: expected 'token TAG'"),
    ("杭 X-city\n", "line 1: tag 'X-city'"),
    ("\n\n", "has no labelled addresses"),
])
def test_read_conll_names_the_bad_line(tmp_path, text, message):
    path = tmp_path / "bad.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        read_conll(path)


def test_a_trained_model_follows_its_data_where_the_rules_differ(model):
    text = "杭州市凤起路88号阳光小区12栋3号"
    rules = AddressParser().parse(text)
    assert (rules.building, rules.unit, rules.room) == ("12", "", "3"), "the rules: the last 号 is the room"
    tagged = AddressParser(tagger=AddressTagger(model)).parse(text)
    assert (tagged.road, tagged.number, tagged.poi, tagged.building, tagged.unit, tagged.room) == \
        ("凤起路", "88", "阳光小区", "12", "3", ""), "the labelled data make it the unit"
    assert (tagged.city, tagged.province, tagged.district_code) == ("杭州市", "浙江省", "330100"), \
        "divisions and codes stay with the gazetteer"
    assert tagged.status == "partial" and tagged.missing == ("room",)


def test_join_parses_the_records_with_the_model_and_the_buildings_with_the_rules(model):
    from cim_twin.cim_twin_plugin.core.address.join import BuildingAddress, join_households

    buildings = [BuildingAddress("B1", "杭州市凤起路88号阳光小区12栋", floors=6)]
    records = ["杭州市凤起路88号阳光小区12栋3号"]
    rules = join_households(records, buildings)
    assert [(link.building_id, link.household_id) for link in rules.links] == [("B1", "B1/3")], \
        "the rules read the last 号 as the room: a household"
    tagged = join_households(records, buildings, tagger=AddressTagger(model))
    assert tagged.links == [] and [(u.reason, u.building_id) for u in tagged.unmatched] == [("no_room", "B1")], \
        "the model reads it as the unit: the building is found (the buildings' parse is unchanged), no room"


def test_to_fields_maps_tags_to_our_fields():
    toks = ["云", "霞", "路", "88", "弄", "52", "号", "1478", "室", "电", "联"]
    tags = ["B-road", "I-road", "I-road", "B-subroad", "I-subroad", "B-subroadno", "I-subroadno",
            "B-roomno", "I-roomno", "B-assist", "I-assist"]
    assert to_fields(toks, tags) == {"road": "云霞路", "lane": "88", "number": "52", "room": "1478",
                                     "rest": "电联"}
    shop = to_fields(["丰", "泰", "路", "109", "号", "1131", "铺"],
                     ["B-road", "I-road", "I-road", "B-roadno", "I-roadno", "B-roomno", "I-roomno"])
    assert (shop["number"], shop["room"]) == ("109", "1131"), "shop words are room words, as for the rules"
    assert tokens("锦绣路１０００弄 12号") == ["锦", "绣", "路", "1000", "弄", "12", "号"]


def test_unknown_tags_are_the_labels_that_are_no_field():
    samples = [(["杭", "州", "电", "联"], ["B-city", "I-city", "B-assist", "I-assist"]),
               (["张", "3"], ["B-person", "B-roomno"])]
    assert unknown_tags(samples) == ["assist", "person"]


def test_model_file_errors(tmp_path, model):
    other = tmp_path / "other.model"
    other.write_bytes(b"not a model")
    with pytest.raises(ValidationError, match="not an address model"):
        AddressTagger(other)
    damaged = tmp_path / "damaged.model"
    damaged.write_bytes(model.read_bytes()[:40])
    with pytest.raises(ValidationError, match="damaged"):
        AddressTagger(damaged)
    with pytest.raises(ValidationError, match="cannot read the address model"):
        AddressTagger(tmp_path / "missing.model")


def test_without_python_crfsuite_the_error_says_what_to_install(monkeypatch, model):
    monkeypatch.setitem(sys.modules, "pycrfsuite", None)
    with pytest.raises(ValidationError, match="pip install python-crfsuite"):
        AddressTagger(model)
