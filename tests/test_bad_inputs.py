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
    """on success: f(results) -> None, asserting the counts"""
    extra: dict = field(default_factory=dict)


def _records_add_up(results):
    assert results["RECORDS"] == results["LINKED"] + results["UNMATCHED"] > 0


def _parsed_add_up(results):
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
            case.check(result.json["results"])
        return
    assert result.returncode != 0, text[-3000:]
    for word in case.words:
        assert word in text, f"{word!r} not in the message: {text[-2000:]}"
    for name in case.outputs:
        assert not (out / name).exists(), f"{name} was left behind after a failure"


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
         ok=True, outputs=("n.gpkg",), check=lambda r: None),
    Case("gridcells-huge-max-cells-is-clamped", "cimtwin:gridcells",
         {"EXTENT": "121.5,121.51,31.2,31.21 [EPSG:4490]", "LEVEL": 6, "MAX_CELLS": 99999999999,
          "OUTPUT": "{out}/cells.gpkg"}, ok=True, outputs=("cells.gpkg",)),
]


@pytest.mark.parametrize("case", MORE_CASES, ids=lambda c: c.id)
def test_bad_field_or_number(case, inputs, qgis_process, tmp_path):
    test_bad_input(case, inputs, qgis_process, tmp_path)
