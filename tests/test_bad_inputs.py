"""Issue 20: a catalogue of bad inputs run through qgis_process, as a batch user meets them.

For every case: the exit code; on failure a message naming the parameter, layer or field; never a
Python traceback; no output file (nor our temporary folder) left behind on failure; the inputs'
checksums unchanged; on success the counts add up (in = out + rejected) where the case says how.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

pytest.importorskip("qgis.core")
pytestmark = [pytest.mark.qgis, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Case:
    id: str
    alg: str
    params: dict
    ok: bool = False
    """True: the run must succeed"""
    words: tuple[str, ...] = ()
    """words the message (stdout + stderr) must hold"""
    outputs: tuple[str, ...] = ()
    """output paths (relative to the run folder) that must not exist after a failure / must exist after success"""
    check: object = None
    """on success: f(results, out) -> None, asserting the counts (*out*: the run's output folder)"""
    extra: dict = field(default_factory=dict)


def _records_add_up(results, out):
    assert results["RECORDS"] == results["LINKED"] + results["UNMATCHED"] > 0


def _parsed_add_up(results, out):
    assert results["OK"] + results["PARTIAL"] + results["FAILED"] > 0


BLD = "{inputs}/twin.gpkg|layername=buildings"
CASES = [
    # --- an output that is an input: refused before anything is opened
    Case("gridcode-output-is-input", "cimtwin:gridcode",
         {"INPUT": "{inputs}/buildings.gpkg", "LEVEL": 8, "OUTPUT": "{inputs}/buildings.gpkg"},
         words=("OUTPUT", "INPUT", "destroy")),
    Case("measure-output-is-input", "cimtwin:measure",
         {"INPUT": "{inputs}/buildings.gpkg", "OUTPUT": "{inputs}/buildings.gpkg"}, words=("OUTPUT", "INPUT")),
    Case("heightlimit-output-is-input", "cimtwin:heightlimit",
         {"BUILDINGS": "{inputs}/buildings.gpkg", "HEIGHT_FIELD": "height_m", "LIMIT_VALUE": 30,
          "OUTPUT": "{inputs}/buildings.gpkg"}, words=("OUTPUT", "BUILDINGS")),
    Case("checkhierarchy-output-is-input", "cimtwin:checkhierarchy",
         {"ADMIN_UNITS": "{inputs}/twin.gpkg|layername=admin_units", "OUTPUT": "{inputs}/twin.gpkg"},
         words=("OUTPUT", "ADMIN_UNITS")),
    Case("shortestpath-output-is-input", "cimtwin:shortestpath",
         {"NETWORK": "{inputs}/twin.gpkg|layername=roads", "START": "{start}", "END": "{end}",
          "OUTPUT": "{inputs}/twin.gpkg"}, words=("OUTPUT", "NETWORK")),
    Case("parseaddresses-output-is-input", "cimtwin:parseaddresses",
         {"INPUT": "{inputs}/hukou.csv", "ADDRESS_FIELD": "户籍地址", "OUTPUT": "{inputs}/hukou.csv"},
         words=("OUTPUT", "INPUT")),
    Case("buildingdsm-output-is-input", "cimtwin:buildingdsm",
         {"DEM": "{inputs}/dem.tif", "BUILDINGS": BLD, "HEIGHT_FIELD": "height_m", "OUTPUT": "{inputs}/dem.tif"},
         words=("OUTPUT", "DEM")),
    Case("trainaddressmodel-output-is-input", "cimtwin:trainaddressmodel",
         {"INPUT": "{inputs}/labelled.conll", "OUTPUT": "{inputs}/labelled.conll"}, words=("OUTPUT", "INPUT")),
    Case("joinhouseholds-one-path-for-three-outputs", "cimtwin:joinhouseholds",
         {"INPUT": "{inputs}/hukou.csv", "ADDRESS_FIELD": "户籍地址", "BUILDINGS": BLD,
          "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address",
          "OUTPUT_HOUSEHOLDS": "{out}/all.gpkg", "OUTPUT_LINKS": "{out}/all.gpkg",
          "OUTPUT_UNMATCHED": "{out}/all.gpkg"},
         words=("OUTPUT_HOUSEHOLDS", "OUTPUT_LINKS", "same file"), outputs=("all.gpkg",)),
    # --- an output folder that cannot be written: nothing of the run stays behind
    Case("joinhouseholds-last-output-unwritable", "cimtwin:joinhouseholds",
         {"INPUT": "{inputs}/hukou.csv", "ADDRESS_FIELD": "户籍地址", "BUILDINGS": BLD,
          "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address",
          "OUTPUT_HOUSEHOLDS": "{out}/hh.gpkg", "OUTPUT_LINKS": "{out}/links.csv",
          "OUTPUT_UNMATCHED": "/proc/cimtwin-nope/u.csv"},
         words=("OUTPUT_UNMATCHED",), outputs=("hh.gpkg", "links.csv")),
    Case("viewshed-raster-unwritable", "cimtwin:viewshed",
         {"DEM": "{inputs}/dem.tif", "OBSERVER": "{start}", "OUTPUT": "/proc/cimtwin-nope/v.tif",
          "OUTPUT_AREA": "{out}/area.gpkg"},
         words=("OUTPUT",), outputs=("area.gpkg",)),
    Case("checkhierarchy-second-output-unwritable", "cimtwin:checkhierarchy",
         {"ADMIN_UNITS": "{inputs}/twin.gpkg|layername=admin_units", "BUILDINGS": BLD,
          "OUTPUT": "{out}/findings.gpkg", "OUTPUT_BUILDINGS": "/proc/cimtwin-nope/b.gpkg"},
         words=("OUTPUT_BUILDINGS",), outputs=("findings.gpkg",)),
    # --- a missing output folder is made (and the run's figures add up)
    Case("gridcode-missing-folder-is-made", "cimtwin:gridcode",
         {"INPUT": "{inputs}/buildings.gpkg", "LEVEL": 8, "OUTPUT": "{out}/new/sub/codes.gpkg"}, ok=True,
         outputs=("new/sub/codes.gpkg",)),
    # --- CSV cells longer than csv's default limit (131,072 characters)
    Case("parseaddresses-huge-cell", "cimtwin:parseaddresses",
         {"INPUT": "{inputs}/huge.csv", "ADDRESS_FIELD": "addr", "OUTPUT": "{out}/parsed.csv"}, ok=True,
         outputs=("parsed.csv",), check=_parsed_add_up),
    Case("joinhouseholds-huge-cell", "cimtwin:joinhouseholds",
         {"INPUT": "{inputs}/huge.csv", "ADDRESS_FIELD": "addr", "BUILDINGS": BLD,
          "BUILDING_ID_FIELD": "building_id", "BUILDING_ADDRESS_FIELD": "address",
          "OUTPUT_HOUSEHOLDS": "{out}/hh.gpkg", "OUTPUT_LINKS": "{out}/l.csv", "OUTPUT_UNMATCHED": "{out}/u.csv"},
         ok=True, outputs=("hh.gpkg", "l.csv", "u.csv"), check=_records_add_up),
    # --- a CSV given where a CoNLL file is expected
    Case("trainaddressmodel-csv-input", "cimtwin:trainaddressmodel",
         {"INPUT": "{inputs}/hukou.csv", "OUTPUT": "{out}/m.model"}, words=("hukou.csv",), outputs=("m.model",)),
]


def checksums(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _layer_variants(twin: Path, folder: Path) -> None:
    """Copies of every layer of *twin*: empty.gpkg (no features), nullgeom.gpkg (the features with NULL
    geometry), nocrs.gpkg (GeoPackage's 'undefined' SRS) and buildings_noprj.shp (a shapefile without .prj)."""
    from osgeo import ogr

    source = ogr.Open(str(twin))
    driver = ogr.GetDriverByName("GPKG")
    for kind in ("empty", "nullgeom", "nocrs"):
        target = driver.CreateDataSource(str(folder / f"{kind}.gpkg"))
        for i in range(source.GetLayerCount()):
            layer = source.GetLayerByIndex(i)
            copy = target.CreateLayer(layer.GetName(), None if kind == "nocrs" else layer.GetSpatialRef(),
                                      layer.GetGeomType())
            definition = layer.GetLayerDefn()
            for j in range(definition.GetFieldCount()):
                copy.CreateField(definition.GetFieldDefn(j))
            if kind == "empty":
                continue
            copy.StartTransaction()
            for feature in layer:
                out = ogr.Feature(copy.GetLayerDefn())
                for j in range(definition.GetFieldCount()):
                    out.SetField(j, feature.GetField(j))
                if kind == "nocrs":
                    out.SetGeometry(feature.GetGeometryRef())
                copy.CreateFeature(out)
            copy.CommitTransaction()
        target = None
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", str(folder / "buildings_noprj.shp"), str(twin), "buildings"],
                   check=True, capture_output=True)
    (folder / "buildings_noprj.prj").unlink()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    from osgeo import ogr

    base = tmp_path_factory.mktemp("bad_inputs")
    district = base / "district"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                    "--households", "300", "--out", str(district), "--quiet"], check=True)
    folder = base / "inputs"
    folder.mkdir()
    shutil.copy(district / "twin.gpkg", folder / "twin.gpkg")
    shutil.copy(district / "dem.tif", folder / "dem.tif")
    shutil.copy(district / "sources" / "hukou.csv", folder / "hukou.csv")
    subprocess.run(["ogr2ogr", str(folder / "buildings.gpkg"), str(district / "twin.gpkg"), "buildings"], check=True)
    (folder / "huge.csv").write_text("id,addr\n1," + "路" * 200_000 + "\n2,上海市浦东新区锦绣路1000弄12号\n",
                                     encoding="utf-8")
    (folder / "labelled.conll").write_text("上海市 B-city\n锦绣路 B-road\n12号 B-houseno\n\n", encoding="utf-8")
    _layer_variants(folder / "twin.gpkg", folder)
    (folder / "empty.csv").write_text("id,addr\n", encoding="utf-8")
    (folder / "empty.conll").write_text("", encoding="utf-8")
    ds = ogr.Open(str(folder / "twin.gpkg"))
    xmin, xmax, ymin, ymax = ds.GetLayerByName("roads").GetExtent()
    ds = None
    points = {"start": f"{xmin + (xmax - xmin) * 0.3},{ymin + (ymax - ymin) * 0.3} [EPSG:4550]",
              "end": f"{xmin + (xmax - xmin) * 0.7},{ymin + (ymax - ymin) * 0.6} [EPSG:4550]"}
    return folder, points


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input(case, inputs, qgis_process, tmp_path):
    folder, points = inputs
    before = checksums(folder)
    out = tmp_path / "out"
    out.mkdir()
    values = {"inputs": folder, "out": out, **points}
    params = {k: str(v).format(**values) if isinstance(v, str) else v for k, v in case.params.items()}
    result = qgis_process.run(case.alg, **params)
    text = result.stdout + result.stderr
    assert "Traceback" not in text, text[-3000:]
    after = checksums(folder)
    assert {name: after.get(name) for name in before} == before, "an input was modified"
    leftovers = [p for p in out.rglob(".cimtwin-*")] + [p for p in folder.rglob(".cimtwin-*")]
    assert leftovers == [], "temporary outputs left behind"
    if case.ok:
        assert result.returncode == 0, text[-3000:]
        for name in case.outputs:
            assert (out / name).exists(), name
        if case.check:
            case.check(result.json["results"], out)
        return
    assert result.returncode != 0, text[-3000:]
    for word in case.words:
        assert word in text, f"{word!r} not in the message: {text[-2000:]}"
    for name in case.outputs:
        assert not (out / name).exists(), f"{name} was left behind after a failure"


def _every_incident_routed(results):
    # N beyond the 32-bit range used to wrap to 0: no routes while the log said every incident had one
    assert results["ROUTES"] > 0 and results["WITHOUT"] == 0, results


#: issue 20: unknown field names and integers beyond their range, for every algorithm that has them
MORE_CASES = [
    Case("gridcode-unknown-height-field", "cimtwin:gridcode",
         {"INPUT": "{inputs}/buildings.gpkg", "LEVEL": 8, "HEIGHT_FIELD": "nosuch", "OUTPUT": "{out}/c.gpkg"},
         words=("nosuch", "HEIGHT_FIELD", "buildings"), outputs=("c.gpkg",)),
    Case("measure-unknown-height-field", "cimtwin:measure",
         {"INPUT": "{inputs}/buildings.gpkg", "HEIGHT_FIELD": "nosuch", "OUTPUT": "{out}/m.gpkg"},
         words=("nosuch", "HEIGHT_FIELD"), outputs=("m.gpkg",)),
    Case("heightlimit-unknown-limit-field", "cimtwin:heightlimit",
         {"BUILDINGS": "{inputs}/buildings.gpkg", "HEIGHT_FIELD": "height_m",
          "LIMITS": "{inputs}/twin.gpkg|layername=admin_units", "LIMIT_FIELD": "nosuch", "OUTPUT": "{out}/h.gpkg"},
         words=("nosuch", "LIMIT_FIELD"), outputs=("h.gpkg",)),
    Case("buildingdsm-unknown-height-field", "cimtwin:buildingdsm",
         {"DEM": "{inputs}/dem.tif", "BUILDINGS": BLD, "HEIGHT_FIELD": "nosuch", "OUTPUT": "{out}/dsm.tif"},
         words=("nosuch", "HEIGHT_FIELD"), outputs=("dsm.tif",)),
    Case("shortestpath-unknown-speed-field", "cimtwin:shortestpath",
         {"NETWORK": "{inputs}/twin.gpkg|layername=roads", "START": "{start}", "END": "{end}",
          "SPEED_FIELD": "nosuch", "OUTPUT": "{out}/r.gpkg"}, words=("nosuch", "SPEED_FIELD"), outputs=("r.gpkg",)),
    Case("odmatrix-unknown-origin-id-field", "cimtwin:odmatrix",
         {"NETWORK": "{inputs}/twin.gpkg|layername=roads", "ORIGINS": "{inputs}/twin.gpkg|layername=facilities",
          "DESTINATIONS": "{inputs}/twin.gpkg|layername=facilities", "ORIGIN_ID_FIELD": "nosuch",
          "OUTPUT": "{out}/od.csv"}, words=("nosuch", "ORIGIN_ID_FIELD"), outputs=("od.csv",)),
    Case("nearestfacility-huge-n-is-clamped", "cimtwin:nearestfacility",
         {"NETWORK": "{inputs}/twin.gpkg|layername=roads", "INCIDENTS": "{inputs}/twin.gpkg|layername=facilities",
          "FACILITIES": "{inputs}/twin.gpkg|layername=facilities", "N": 99999999999, "OUTPUT": "{out}/n.gpkg"},
         ok=True, outputs=("n.gpkg",), check=lambda r, out: _every_incident_routed(r)),
    Case("gridcells-huge-max-cells-is-clamped", "cimtwin:gridcells",
         {"EXTENT": "121.5,121.51,31.2,31.21 [EPSG:4490]", "LEVEL": 6, "MAX_CELLS": 99999999999,
          "OUTPUT": "{out}/cells.gpkg"}, ok=True, outputs=("cells.gpkg",)),
]


@pytest.mark.parametrize("case", MORE_CASES, ids=lambda c: c.id)
def test_bad_field_or_number(case, inputs, qgis_process, tmp_path):
    test_bad_input(case, inputs, qgis_process, tmp_path)


def _sum(*names, equals=None):
    """A check: the counts *names* of the results add up to *equals* (an int, or a result's name)."""
    def check(results, out):
        total = sum(results[n] for n in names)
        expected = results[equals] if isinstance(equals, str) else equals
        assert total == expected, (names, results)
    return check


def _unmatched_because_no_geometry(results, out):
    # every record found its building, and every building has no footprint: nobody is placed, all are told why
    assert results["HOUSEHOLDS"] == 0 and results["LINKED"] == 0, results
    assert results["UNMATCHED"] == results["RECORDS"] > 0, results
    text = (out / "u.csv").read_text(encoding="utf-8")
    assert text.count("building_without_geometry") > 0.9 * results["RECORDS"], text[:500]


def _layer(kind: str, name: str) -> str:
    return "{inputs}/" + f"{kind}.gpkg|layername={name}"


TWIN = {name: "{inputs}/twin.gpkg|layername=" + name for name in ("buildings", "roads", "facilities", "admin_units")}
JOIN = {"INPUT": "{inputs}/hukou.csv", "ADDRESS_FIELD": "户籍地址", "BUILDING_ID_FIELD": "building_id",
        "BUILDING_ADDRESS_FIELD": "address", "OUTPUT_HOUSEHOLDS": "{out}/hh.gpkg", "OUTPUT_LINKS": "{out}/l.csv",
        "OUTPUT_UNMATCHED": "{out}/u.csv"}
NO_CRS = "has no coordinate reference system"
NO_FEATURES = "has no features"


def _layer_cases():
    """Issue 20: every algorithm with an empty layer, a layer whose geometries are all NULL, and a layer without
    a CRS, in each of its layer inputs; each case says what must happen (refused naming parameter and layer, or
    run with every record accounted for)."""
    cases = []
    for kind in ("empty", "nullgeom", "nocrs"):
        b, r, f, a = (_layer(kind, n) for n in ("buildings", "roads", "facilities", "admin_units"))
        label = {n: f"{n} ({kind}.gpkg)" for n in ("buildings", "roads", "facilities", "admin_units")}

        def case(name, alg, params, ok=False, words=(), outputs=(), check=None, kind=kind):
            cases.append(Case(f"{name}-{kind}", alg, params, ok=ok, words=words, outputs=outputs, check=check))

        def refused(param, layer, why, label=label):
            # our input checks name the parameter too; the algorithms' own messages name the layer
            return {"words": (param, label[layer], why) if why in (NO_CRS, NO_FEATURES) else (label[layer], why)}

        empty, null, nocrs = kind == "empty", kind == "nullgeom", kind == "nocrs"
        n_buildings = 0 if empty else 59
        # -- one feature in, one feature out (or a reason): NULL geometries are counted, no CRS is refused
        case("gridcode", "cimtwin:gridcode", {"INPUT": b, "LEVEL": 8, "OUTPUT": "{out}/gc.gpkg"},
             **(refused("INPUT", "buildings", NO_FEATURES) if empty else refused("INPUT", "buildings", NO_CRS)
                if nocrs else {"ok": True, "check": _sum("CODED", "FAILED", equals=59)}), outputs=("gc.gpkg",))
        case("measure", "cimtwin:measure", {"INPUT": b, "OUTPUT": "{out}/m.gpkg"},
             **(refused("INPUT", "buildings", NO_CRS) if nocrs else
                {"ok": True, "check": _sum("MEASURED", "NOT_MEASURED", "WITHOUT_GEOMETRY", equals=n_buildings)}),
             outputs=("m.gpkg",))
        case("heightlimit", "cimtwin:heightlimit",
             {"BUILDINGS": b, "HEIGHT_FIELD": "height_m", "LIMIT_VALUE": 30, "OUTPUT": "{out}/h.gpkg"}, ok=True,
             check=_sum("OVER", "WITHIN", "UNCHECKED", equals=n_buildings), outputs=("h.gpkg",))
        case("buildingdsm", "cimtwin:buildingdsm",
             {"DEM": "{inputs}/dem.tif", "BUILDINGS": b, "HEIGHT_FIELD": "height_m", "OUTPUT": "{out}/dsm.tif"},
             **(refused("BUILDINGS", "buildings", NO_CRS) if nocrs else
                {"ok": True, "check": _sum("BURNT", "SKIPPED", equals=n_buildings)}), outputs=("dsm.tif",))
        # -- the unit layer of the hierarchy check is what everything is checked against
        case("checkhierarchy-units", "cimtwin:checkhierarchy",
             {"ADMIN_UNITS": a, "BUILDINGS": TWIN["buildings"], "OUTPUT": "{out}/f.gpkg",
              "OUTPUT_BUILDINGS": "{out}/fb.gpkg"},
             **refused("ADMIN_UNITS", "admin_units", NO_FEATURES if empty else "no geometry" if null else NO_CRS),
             outputs=("f.gpkg", "fb.gpkg"))
        case("checkhierarchy-buildings", "cimtwin:checkhierarchy",
             {"ADMIN_UNITS": TWIN["admin_units"], "BUILDINGS": b, "OUTPUT": "{out}/f.gpkg",
              "OUTPUT_BUILDINGS": "{out}/fb.gpkg"},
             **(refused("BUILDINGS", "buildings", NO_CRS) if nocrs else
                {"ok": True, "check": _sum("FINDINGS", equals=n_buildings)}), outputs=("f.gpkg", "fb.gpkg"))
        # -- visibility: observers and targets are needed, buildings are optional obstacles
        case("viewshed-observers", "cimtwin:viewshed",
             {"DEM": "{inputs}/dem.tif", "OBSERVERS": f, "OUTPUT": "{out}/v.tif"},
             **refused("OBSERVERS", "facilities", NO_FEATURES if empty else "no geometry" if null else NO_CRS),
             outputs=("v.tif",))
        case("viewshed-buildings", "cimtwin:viewshed",
             {"DEM": "{inputs}/dem.tif", "OBSERVER": "{start}", "BUILDINGS": b, "HEIGHT_FIELD": "height_m",
              "OUTPUT": "{out}/v.tif"},
             **(refused("BUILDINGS", "buildings", NO_CRS) if nocrs else
                {"ok": True, "check": _sum("OBSERVERS_USED", equals=1)}), outputs=("v.tif",))
        case("lineofsight", "cimtwin:lineofsight",
             {"DEM": "{inputs}/dem.tif", "OBSERVERS": f, "TARGETS": TWIN["facilities"], "OUTPUT": "{out}/los.gpkg"},
             **(refused("OBSERVERS", "facilities", NO_FEATURES if empty else NO_CRS) if not null else
                {"ok": True, "check": _sum("VISIBLE", "BLOCKED", "FAILED", equals=27)}), outputs=("los.gpkg",))
        # -- networks: the network and the facilities are what is searched; origins and incidents are counted
        case("shortestpath", "cimtwin:shortestpath",
             {"NETWORK": r, "START": "{start}", "END": "{end}", "OUTPUT": "{out}/r.gpkg"},
             **refused("NETWORK", "roads", NO_FEATURES if empty else "no line with a geometry" if null else NO_CRS),
             outputs=("r.gpkg",))
        case("servicearea-network", "cimtwin:servicearea",
             {"NETWORK": r, "FACILITIES": TWIN["facilities"], "OUTPUT_LINES": "{out}/sl.gpkg"},
             **refused("NETWORK", "roads", NO_FEATURES if empty else "no line with a geometry" if null else NO_CRS),
             outputs=("sl.gpkg",))
        case("servicearea-facilities", "cimtwin:servicearea",
             {"NETWORK": TWIN["roads"], "FACILITIES": f, "OUTPUT_LINES": "{out}/sl.gpkg"},
             **({"ok": True, "check": _sum("REJECTED", equals=27)} if null else
                refused("FACILITIES", "facilities", NO_FEATURES if empty else NO_CRS)), outputs=("sl.gpkg",))
        case("odmatrix-origins", "cimtwin:odmatrix",
             {"NETWORK": TWIN["roads"], "ORIGINS": f, "DESTINATIONS": TWIN["facilities"], "OUTPUT": "{out}/od.csv"},
             **({"ok": True, "check": _sum("UNREACHABLE", equals="PAIRS")} if null else
                refused("ORIGINS", "facilities", NO_FEATURES if empty else NO_CRS)), outputs=("od.csv",))
        case("nearestfacility-incidents", "cimtwin:nearestfacility",
             {"NETWORK": TWIN["roads"], "INCIDENTS": f, "FACILITIES": TWIN["facilities"], "OUTPUT": "{out}/nf.gpkg"},
             **({"ok": True, "check": _sum("WITHOUT", equals=27)} if null else
                refused("INCIDENTS", "facilities", NO_FEATURES if empty else NO_CRS)), outputs=("nf.gpkg",))
        case("nearestfacility-facilities", "cimtwin:nearestfacility",
             {"NETWORK": TWIN["roads"], "INCIDENTS": TWIN["facilities"], "FACILITIES": f, "OUTPUT": "{out}/nf.gpkg"},
             **refused("FACILITIES", "facilities", NO_FEATURES if empty else "could be attached" if null else NO_CRS),
             outputs=("nf.gpkg",))
        # -- the household join: buildings without footprints place nobody, and every record says why
        case("joinhouseholds-buildings", "cimtwin:joinhouseholds", {**JOIN, "BUILDINGS": b}, ok=True,
             outputs=("hh.gpkg", "l.csv", "u.csv"),
             check=_unmatched_because_no_geometry if null else _sum("LINKED", "UNMATCHED", equals="RECORDS"))
    cases += [
        Case("measure-shapefile-without-prj", "cimtwin:measure",
             {"INPUT": "{inputs}/buildings_noprj.shp", "OUTPUT": "{out}/m.gpkg"},
             words=("INPUT", "buildings_noprj", NO_CRS), outputs=("m.gpkg",)),
        Case("parseaddresses-header-only-csv", "cimtwin:parseaddresses",
             {"INPUT": "{inputs}/empty.csv", "ADDRESS_FIELD": "addr", "OUTPUT": "{out}/p.csv"}, ok=True,
             outputs=("p.csv",), check=_sum("OK", "PARTIAL", "FAILED", equals=0)),
        Case("joinhouseholds-header-only-csv", "cimtwin:joinhouseholds",
             {**JOIN, "INPUT": "{inputs}/empty.csv", "ADDRESS_FIELD": "addr", "BUILDINGS": TWIN["buildings"]},
             ok=True, outputs=("hh.gpkg", "l.csv", "u.csv"), check=_sum("RECORDS", "HOUSEHOLDS", equals=0)),
        # -- the population base: its outputs never overwrite a source; empty or CRS-less units refused
        Case("fusepersons-output-is-a-source", "cimtwin:fusepersons",
             {"SOURCES": "{inputs}/hukou.csv", "BUILDINGS": TWIN["buildings"], "BUILDING_ID_FIELD": "building_id",
              "BUILDING_ADDRESS_FIELD": "address", "SECRET_KEY": "{out}/k.key", "OUTPUT_PERSONS": "{inputs}/hukou.csv",
              "OUTPUT_HOUSEHOLDS": "{out}/h.gpkg", "OUTPUT_RELATIONS": "{out}/r.csv", "OUTPUT_CONFLICTS": "{out}/c.csv",
              "OUTPUT_REJECTS": "{out}/x.csv"}, words=("OUTPUT_PERSONS", "SOURCES"), outputs=("h.gpkg", "k.key")),
        Case("fusepersons-header-only-source", "cimtwin:fusepersons",
             {"SOURCES": "{inputs}/empty.csv", "BUILDINGS": TWIN["buildings"], "BUILDING_ID_FIELD": "building_id",
              "BUILDING_ADDRESS_FIELD": "address", "SECRET_KEY": "{out}/k.key", "OUTPUT_PERSONS": "{out}/p.csv",
              "OUTPUT_HOUSEHOLDS": "{out}/h.gpkg", "OUTPUT_RELATIONS": "{out}/r.csv", "OUTPUT_CONFLICTS": "{out}/c.csv",
              "OUTPUT_REJECTS": "{out}/x.csv"}, words=("empty",), outputs=("p.csv", "h.gpkg")),
        Case("aggregatepopulation-empty-units", "cimtwin:aggregatepopulation",
             {"INPUT": TWIN["facilities"], "UNITS": _layer("empty", "admin_units"), "UNIT_ID_FIELD": "code",
              "OUTPUT": "{out}/n.csv"}, words=("UNITS", "admin_units (empty.gpkg)", NO_FEATURES), outputs=("n.csv",)),
        Case("aggregatepopulation-units-without-crs", "cimtwin:aggregatepopulation",
             {"INPUT": TWIN["facilities"], "UNITS": _layer("nocrs", "admin_units"), "UNIT_ID_FIELD": "code",
              "OUTPUT": "{out}/n.csv"}, words=("UNITS", "admin_units (nocrs.gpkg)", NO_CRS), outputs=("n.csv",)),
        Case("aggregatepopulation-no-members-field", "cimtwin:aggregatepopulation",
             {"INPUT": TWIN["facilities"], "UNITS": TWIN["admin_units"], "UNIT_ID_FIELD": "code",
              "OUTPUT": "{out}/n.csv"}, words=("members", "MEMBERS_FIELD", "facilities (twin.gpkg)"),
             outputs=("n.csv",)),
        Case("exportpopulationgraph-empty-relations", "cimtwin:exportpopulationgraph",
             {"RELATIONS": _layer("empty", "admin_units"), "PERSONS": TWIN["admin_units"],
              "OUTPUT_GRAPHML": "{out}/g.graphml"}, words=("RELATIONS", NO_FEATURES), outputs=("g.graphml",)),
        Case("trainaddressmodel-empty-file", "cimtwin:trainaddressmodel",
             {"INPUT": "{inputs}/empty.conll", "OUTPUT": "{out}/m.model"}, words=("empty.conll", "no labelled"),
             outputs=("m.model",)),
    ]
    return cases


LAYER_CASES = _layer_cases()


@pytest.mark.parametrize("case", LAYER_CASES, ids=lambda c: c.id)
def test_bad_layer(case, inputs, qgis_process, tmp_path):
    test_bad_input(case, inputs, qgis_process, tmp_path)
