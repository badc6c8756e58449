"""The data model of the twin (core.twin): categories, schemas, recognition, and the sample twin follows it."""
from __future__ import annotations

import subprocess
import sys
import tempfile
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



# -- the outputs: every one declared, documented, and written as declared ------------------------------------
def test_every_schema_and_field_says_what_it_holds():
    for s in twin.SCHEMAS.values():
        assert s.doc, f"schema {s.name} has no doc"
        for f in s.fields:
            assert f.doc.strip(), f"{s.name}.{f.name} has no doc"
            assert f.name == f.name.lower() and f.name.isascii(), f"{s.name}.{f.name}: ASCII lower case"


def test_every_output_schema_names_its_writers_once():
    writers = [w for s in twin.SCHEMAS.values() for w in s.written_by]
    assert len(writers) == len(set(writers)), "an output has two schemas"
    for s in twin.OUTPUTS:
        assert s.written_by, f"output schema {s.name} names no output that writes it"
    for w in writers:
        algorithm, output = w.split(":")
        assert twin.output_schema(f"cimtwin:{algorithm}", output) is twin.WRITTEN[w]
    with pytest.raises(KeyError):
        twin.output_schema("servicearea", "NOPE")


def test_output_schemas_stay_importable_from_tables():
    from cim_twin.cim_twin_plugin.core.twin import outputs, tables

    declared = {name: value for name, value in vars(outputs).items() if isinstance(value, Schema)}
    assert set(declared.values()) == set(twin.OUTPUTS), "OUTPUTS lists every output schema"
    for name, value in declared.items():
        assert getattr(tables, name, None) is value, f"tables.{name} (lineofsight, joinhouseholds read it there)"


def test_parsed_addresses_hold_every_part_the_parser_gives():
    from cim_twin.cim_twin_plugin.core.address import FIELDS, ParsedAddress
    from cim_twin.cim_twin_plugin.core.twin.outputs import PARSED_ADDRESSES

    parts = PARSED_ADDRESSES.names[2:]
    assert parts == FIELDS + ("building_key", "room_key", "status", "reason", "inferred", "inferred_from",
                              "candidates", "warnings")
    assert set(parts) <= set(ParsedAddress().as_dict()), "parseaddresses writes the parser's values by name"


def test_schema_declarations_are_checked():
    with pytest.raises(ValueError):
        Schema("x", "results", "point", (F("a", "string"),), extends_input=True, clash="replace")
    with pytest.raises(ValueError):
        Schema("x", "results", "point", (F("a", "string"),), extends_input=True, input_after="b")
    codes = twin.schema("grid_codes")
    assert [f.name for f in codes.written(["entity_code"])] == ["bd_code", "bd_reason"]
    with pytest.raises(KeyError):
        codes.written(["bd_code"])  # not optional


def _layout(schema, inputs=(), omit=()):
    """[(name, schema field or None for an input field)] of an output of *schema* for an input with the fields
    *inputs* (names), as the schema declares it: where the input's fields go and what a name clash does."""
    from cim_twin.cim_twin_plugin.core.twin.schema import free_name

    ours = schema.written(omit)
    if not schema.extends_input:
        return [(f.name, f) for f in ours]
    if schema.clash == "drop":
        kept = [(n, None) for n in inputs if n not in schema.names]
        out = [] if schema.input_after else list(kept)
        for f in ours:
            out.append((f.name, f))
            if f.name == schema.input_after:
                out += kept
        return out
    out = [(n, None) for n in inputs]
    taken = list(inputs)
    for f in ours:
        if schema.clash == "reuse" and f.name.lower() in {t.lower() for t in taken}:
            continue
        name = free_name(f.name, taken)
        taken.append(name)
        out.append((name, f))
    return out


@pytest.fixture(scope="module")
def runs(cimtwin_module, sample_twin):
    """Every algorithm with feature outputs run on the sample district (memory outputs), some twice: a list of
    (algorithm, parameter names, {output: [(name, schema type, length)] of the fields written}, {output: the
    input's field names}, {same-typed field: the type of the input field it takes its type from}). Plain data:
    QGIS layers kept by a module fixture crash at teardown."""
    import processing
    from cim_twin.cim_twin_plugin.qgis_io.schema import schema_type
    from qgis.core import QgsFeature, QgsVectorLayer

    district = sample_twin.parent

    def layer(name):
        result = QgsVectorLayer(f"{sample_twin}|layername={name}", name, "ogr")
        assert result.isValid()
        return result

    roads, facilities, buildings, admin = (layer(n) for n in ("roads", "facilities", "buildings", "admin_units"))
    # buildings with fields named as outputs' own: ours take a suffix, or the input's holds ours (reuse)
    clash = QgsVectorLayer("Polygon?crs=EPSG:4550&field=building_id:string(10)&field=height_m:double"
                           "&field=cells:integer&field=observers:string&field=BD_CODE:string(9)"
                           "&field=status:string&field=community_code:string", "clash", "memory")
    copies = []
    for source in buildings.getFeatures():
        feature = QgsFeature(clash.fields())
        feature.setGeometry(source.geometry())
        feature.setAttributes([source["building_id"], source["height_m"], 1, "x", None, "mine", None])
        copies.append(feature)
    clash.dataProvider().addFeatures(copies)
    names = {key: lyr.fields().names() for key, lyr in (("facilities", facilities), ("buildings", buildings),
                                                         ("clash", clash), ("admin", admin))}
    health = str(district / "sources" / "health.csv")
    with open(health, encoding="utf-8-sig") as handle:
        health_fields = handle.readline().strip().split(",")
    network = {"NETWORK": roads, "DIRECTION_FIELD": "oneway", "VALUE_FORWARD": "1", "VALUE_BACKWARD": "-1",
               "VALUE_BOTH": "0", "SPEED_FIELD": "speed_kmh"}
    centre = buildings.extent().center()
    observer = f"{centre.x()},{centre.y()} [EPSG:4550]"
    extent = buildings.extent()
    m = "memory:"
    fid = schema_type(facilities.fields().field("facility_id"))
    capacity = schema_type(facilities.fields().field("capacity"))
    cases = [
        ("servicearea", dict(network, FACILITIES=facilities, FACILITY_ID_FIELD="facility_id", COSTS="300,600",
                             OUTPUT_LINES=m, OUTPUT_POLYGONS=m, OUTPUT_NODES=m, OUTPUT_COMPONENTS=m), {},
         {"facility_id": fid}),
        ("shortestpath", dict(network, START_LAYER=facilities, END_LAYER=facilities, OUTPUT=m,
                              OUTPUT_COMPONENTS=m), {}, {}),
        ("nearestfacility", dict(network, INCIDENTS=facilities, FACILITIES=facilities, N=2, OUTPUT=m,
                                 OUTPUT_COMPONENTS=m, INCIDENT_ID_FIELD="facility_id",
                                 FACILITY_ID_FIELD="capacity"), {},
         {"incident_id": fid, "facility_id": capacity}),
        ("odmatrix", dict(network, ORIGINS=facilities, DESTINATIONS=facilities, ORIGIN_ID_FIELD="capacity",
                          DESTINATION_ID_FIELD="facility_id", OUTPUT=m, OUTPUT_LINES=m,
                          OUTPUT_COMPONENTS=m), {},
         {"origin_id": capacity, "destination_id": fid}),
        ("gridcells", {"EXTENT": f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},"
                                 f"{extent.yMaximum()} [EPSG:4550]", "LEVEL": 5, "OUTPUT": m}, {}, {}),
        ("gridcode", {"INPUT": buildings, "LEVEL": 8, "ADMIN_CODE_FIELD": "community_code", "OUTPUT": m},
         {"OUTPUT": names["buildings"]}, {}),
        ("gridcode", {"INPUT": clash, "LEVEL": 8, "OUTPUT": m}, {"OUTPUT": names["clash"]}, {}),
        ("parseaddresses", {"INPUT": health, "ADDRESS_FIELD": "现住址", "OUTPUT": m}, {}, {}),
        ("parseaddresses", {"INPUT": clash, "ADDRESS_FIELD": "observers", "KEEP_FIELDS": True, "OUTPUT": m},
         {"OUTPUT": names["clash"]}, {}),
        ("parseaddresses", {"INPUT": health, "ADDRESS_FIELD": "现住址", "KEEP_FIELDS": True, "OUTPUT": m},
         {"OUTPUT": health_fields}, {}),
        ("viewshed", {"DEM": str(district / "dem.tif"), "BUILDINGS": clash, "HEIGHT_FIELD": "height_m",
                      "OBSERVER": observer, "RADIUS": 300, "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_AREA": m,
                      "OUTPUT_BUILDINGS": m}, {"OUTPUT_BUILDINGS": names["clash"]}, {}),
        ("lineofsight", {"DEM": str(district / "dem.tif"), "OBSERVERS": facilities, "TARGETS": facilities,
                         "OUTPUT": m}, {}, {}),
        ("heightlimit", {"BUILDINGS": clash, "HEIGHT_FIELD": "height_m", "LIMIT_VALUE": 20, "OUTPUT": m},
         {"OUTPUT": names["clash"]}, {}),
        ("measure", {"INPUT": buildings, "HEIGHT_FIELD": "height_m", "OUTPUT": m}, {"OUTPUT": names["buildings"]},
         {}),
        ("checkhierarchy", {"ADMIN_UNITS": admin, "BUILDINGS": clash, "BUILDING_ID_FIELD": "building_id",
                            "OUTPUT": m, "OUTPUT_BUILDINGS": m}, {"OUTPUT_BUILDINGS": names["clash"]}, {}),
        ("joinhouseholds", {"INPUT": health, "ADDRESS_FIELD": "现住址", "KEY_FIELD": "档案编号", "BUILDINGS": buildings,
                            "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address",
                            "OUTPUT_HOUSEHOLDS": m, "OUTPUT_LINKS": m, "OUTPUT_UNMATCHED": m}, {},
         {"record": "string"}),  # the keys of a CSV file are text
        ("fusepersons", {"SOURCES": [str(district / "sources" / f"{n}.csv") for n in
                                     ("hukou", "ledger", "health", "social_security", "enterprises")],
                         "BUILDINGS": buildings, "BUILDING_ID_FIELD": "building_id",
                         "BUILDING_ADDRESS_FIELD": "address",
                         "SECRET_KEY": str(Path(tempfile.mkdtemp()) / "secret.key"),
                         "REFERENCE_DATE": "2026-12-01",
                         "OUTPUT_PERSONS": m, "OUTPUT_HOUSEHOLDS": m, "OUTPUT_RELATIONS": m, "OUTPUT_CONFLICTS": m,
                         "OUTPUT_REJECTS": m}, {}, {}),
    ]
    done = []
    for algorithm, parameters, inputs, same in cases:
        results = processing.run(f"cimtwin:{algorithm}", parameters)
        written = {key: [(f.name(), schema_type(f), f.length()) for f in value.fields()]
                   for key, value in results.items() if hasattr(value, "fields")}
        done.append((algorithm, sorted(parameters), written, inputs, same))
        if algorithm == "fusepersons":  # the base's households are what aggregatepopulation counts
            counts = {"INPUT": results["OUTPUT_HOUSEHOLDS"], "UNITS": admin, "UNIT_ID_FIELD": "code", "OUTPUT": m}
            out = processing.run("cimtwin:aggregatepopulation", counts)
            done.append(("aggregatepopulation", sorted(counts),
                         {"OUTPUT": [(f.name(), schema_type(f), f.length()) for f in out["OUTPUT"].fields()]}, {},
                         {"unit": schema_type(admin.fields().field("code"))}))
            households = results["OUTPUT_HOUSEHOLDS"]
            coverage = dict(network, MODE=1, FACILITIES=facilities, TYPE_FIELD="type", FACILITY_ID_FIELD="facility_id",
                            CAPACITY_FIELD="capacity", POPULATION=households, UNITS=admin, UNIT_ID_FIELD="code",
                            OUTPUT_UNITS=m, OUTPUT_POPULATION=m, OUTPUT_UNCOVERED=m, OUTPUT_FACILITIES=m,
                            OUTPUT_COMPONENTS=m)
            out = processing.run("cimtwin:lifecirclecoverage", coverage)
            done.append(("lifecirclecoverage", sorted(coverage),
                         {key: [(f.name(), schema_type(f), f.length()) for f in value.fields()]
                          for key, value in out.items() if hasattr(value, "fields")},
                         {"OUTPUT_UNCOVERED": households.fields().names()},
                         {"unit": schema_type(admin.fields().field("code")), "nearest_id": fid, "facility_id": fid}))
    return done


@pytest.mark.qgis
def test_every_feature_output_of_every_algorithm_has_a_schema(runs):
    from qgis.core import QgsApplication, QgsProcessingParameterFeatureSink

    provider = QgsApplication.processingRegistry().providerById("cimtwin")
    sinks = set()
    for algorithm in provider.algorithms():
        for parameter in algorithm.parameterDefinitions():
            if isinstance(parameter, QgsProcessingParameterFeatureSink):
                sinks.add(f"{algorithm.name()}:{parameter.name()}")
    assert sinks - set(twin.WRITTEN) == set(), "feature outputs without a schema in core/twin"
    assert set(twin.WRITTEN) - sinks == set(), "schemas name outputs that no algorithm has"
    ran = {f"{a}:{key}" for a, _, written, _, _ in runs for key in written}
    assert ran == sinks, "every feature output is run below"


@pytest.mark.qgis
def test_every_output_has_the_fields_of_its_schema(runs):
    for algorithm, parameters, written, inputs, same in runs:
        for key, fields in written.items():
            schema = twin.output_schema(algorithm, key)
            omit = () if "ADMIN_CODE_FIELD" in parameters else [f.name for f in schema.fields if f.optional]
            expected = _layout(schema, inputs.get(key, ()), omit)
            where = f"{algorithm}:{key} (parameters {', '.join(parameters)})"
            assert [name for name, _, _ in fields] == [name for name, _ in expected], where
            for (name, kind, length), (_, declared) in zip(fields, expected):
                if declared is None:
                    continue
                wanted = same[name] if declared.type == "same" else {"json": "string"}.get(declared.type,
                                                                                           declared.type)
                assert kind == wanted, f"{where}: {name} is {kind}, declared {wanted}"
                if declared.type == "string":
                    assert length == declared.length, f"{where}: {name} is {length} long, declared {declared.length}"


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
