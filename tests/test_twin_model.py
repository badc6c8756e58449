"""The data model of the twin (core.twin): categories, schemas, recognition, and the sample twin follows it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from cim_twin.cim_twin_plugin.core import twin
from cim_twin.cim_twin_plugin.core.twin.schema import F, Schema

ROOT = Path(__file__).resolve().parent.parent
OGR_TYPES = {"String": "string", "Integer": "int", "Integer64": "int64", "Real": "double", "Date": "date",
             "DateTime": "datetime"}


def test_categories_have_both_names_and_are_unique():
    keys = [c.key for c in twin.CATEGORIES]
    assert len(keys) == len(set(keys))
    assert {"terrain", "roads", "buildings", "green", "water", "population", "industry", "components",
            "facilities", "results"} <= set(keys)
    for c in twin.CATEGORIES:
        assert c.name("zh_CN") == c.zh and c.name("en_US") == c.en and c.zh != c.en


def test_every_schema_names_a_known_category():
    for s in twin.SCHEMAS.values():
        twin.category(s.category)


def test_design_tables_are_declared_with_their_keys():
    expected = {"admin_units": ("code",), "buildings": ("building_id",), "households": ("household_id",),
                "persons": ("person_key",), "relations": ("subject", "predicate", "object"),
                "facilities": ("facility_id",), "roads": ("edge_id",), "lineage": ("run_id",)}
    assert {s.name: s.key for s in twin.TWIN_TABLES} == expected


def test_schema_refuses_bad_declarations():
    with pytest.raises(ValueError):
        Schema("x", "results", "point", (F("a", "string"), F("a", "int")))
    with pytest.raises(ValueError):
        Schema("x", "results", "point", (F("a", "string"),), key=("b",))
    with pytest.raises(ValueError):
        F("a", "text")


def test_row_orders_values_and_refuses_unknown_fields():
    schema = twin.schema("grid_cells")
    assert schema.row({"level": 5, "bd_code": "N50"}) == ["N50", 5, None, None]
    with pytest.raises(KeyError):
        schema.row({"nope": 1})


def test_recognise_by_name_alias_and_fields():
    assert twin.recognise("buildings", []).name == "buildings"
    assert twin.recognise("twin.gpkg|layername=roads", []).name == "roads"
    assert twin.recognise("楼栋", []).name == "buildings"
    facility_fields = ["facility_id", "type", "name", "capacity", "address", "building_id"]
    assert twin.recognise("my points", facility_fields).name == "facilities"
    assert twin.recognise("my points", ["type", "name"]) is None, "the key must be there"
    assert twin.guess_from_name("上海路网").key == "roads"
    assert twin.guess_from_name("whatever") is None


@pytest.fixture(scope="module")
def sample_twin(tmp_path_factory):
    out = tmp_path_factory.mktemp("district")
    subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                    "--households", "300", "--out", str(out)], check=True, capture_output=True)
    return out / "twin.gpkg"


def test_the_sample_twin_follows_the_model(sample_twin):
    osgeo = pytest.importorskip("osgeo.ogr")
    ds = osgeo.Open(str(sample_twin))
    assert ds is not None
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        schema = twin.recognise(layer.GetName(), [])
        assert schema is not None, f"{layer.GetName()} is not in the data model"
        definition = layer.GetLayerDefn()
        found = {}
        for k in range(definition.GetFieldCount()):
            fd = definition.GetFieldDefn(k)
            found[fd.GetName()] = OGR_TYPES.get(fd.GetTypeName(), fd.GetTypeName())
        declared = {f.name: f.type for f in schema.fields}
        assert found == declared, layer.GetName()


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
