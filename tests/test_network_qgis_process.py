"""Batch runs: the four network algorithms through qgis_process (temporary profile, JSON results)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("qgis.core")
pytestmark = [pytest.mark.qgis, pytest.mark.slow]


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def twin(tmp_path_factory):
    out = tmp_path_factory.mktemp("district") / "d"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", "7",
                    "--households", "300", "--out", str(out), "--quiet"], check=True)
    return out / "twin.gpkg"


def count(path, layer=None):
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    lyr = dataset.GetLayer(0) if layer is None else dataset.GetLayerByName(layer)
    rows = [{k: f.GetField(k) for k in f.keys()} for f in lyr]
    return rows


ROADS = {"DIRECTION_FIELD": "oneway", "SPEED_FIELD": "speed_kmh", "SNAP_TOLERANCE": 1}


def test_network_algorithms_are_listed_and_documented(qgis_process):
    listing = qgis_process.call("list").stdout
    for alg in ("shortestpath", "odmatrix", "nearestfacility", "servicearea"):
        assert f"cimtwin:{alg}" in listing
    help_text = qgis_process.call("help", "cimtwin:servicearea").stdout
    for key in ("NETWORK", "FACILITIES", "COSTS", "OUTPUT_LINES", "OUTPUT_POLYGONS", "OUTPUT_NODES", "MAX_SNAP",
                "DIRECTION_FIELD", "SPEED_FIELD", "MODE", "WALK_SPEED", "SPLIT_AT_CROSSINGS"):
        assert key in help_text


def test_route_matrix_and_service_areas_via_qgis_process(qgis_process, twin, tmp_path):
    network = f"{twin}|layername=roads"
    facilities = f"{twin}|layername=facilities"
    n_fac = len(count(twin, "facilities"))
    route = qgis_process.run("cimtwin:shortestpath", NETWORK=network, START="359700.5,3455100.2 [EPSG:4550]",
                             END="360300.3,3455500.7 [EPSG:4550]", COST=1, OUTPUT=tmp_path / "route.gpkg",
                             **ROADS)
    assert route.returncode == 0, route.stdout + route.stderr
    assert route.json["results"]["ROUTES"] == 1
    (row,) = count(tmp_path / "route.gpkg")
    assert row["status"] == "ok" and row["network_m"] > 600 and row["cost"] == pytest.approx(row["time_s"])

    od = qgis_process.run("cimtwin:odmatrix", NETWORK=network, ORIGINS=facilities, DESTINATIONS=facilities,
                          ORIGIN_ID_FIELD="facility_id", DESTINATION_ID_FIELD="facility_id",
                          OUTPUT=tmp_path / "od.gpkg", **ROADS)
    assert od.returncode == 0, od.stdout + od.stderr
    rows = count(tmp_path / "od.gpkg")
    assert len(rows) == n_fac * n_fac == od.json["results"]["PAIRS"]
    assert all(r["cost"] == 0 for r in rows if r["origin_id"] == r["destination_id"])

    areas = qgis_process.run("cimtwin:servicearea", NETWORK=network, FACILITIES=facilities, COSTS="300,600",
                             FACILITY_ID_FIELD="facility_id", OUTPUT_LINES=tmp_path / "sa_lines.gpkg",
                             OUTPUT_POLYGONS=tmp_path / "sa_polygons.gpkg", **ROADS)
    assert areas.returncode == 0, areas.stdout + areas.stderr
    assert areas.json["results"]["AREAS"] == 2 * n_fac
    lines = count(tmp_path / "sa_lines.gpkg")
    assert len(lines) == len(count(tmp_path / "sa_polygons.gpkg")) == 2 * n_fac
    assert all(r["length_m"] > 0 for r in lines)

    near = qgis_process.run("cimtwin:nearestfacility", NETWORK=network, INCIDENTS=facilities, FACILITIES=facilities,
                            N=2, MAX_COST=1500, OUTPUT=tmp_path / "near.gpkg", **ROADS)
    assert near.returncode == 0, near.stdout + near.stderr
    assert near.json["results"]["ROUTES"] + near.json["results"]["WITHOUT"] >= n_fac


def test_bad_costs_fail_with_a_message(qgis_process, twin, tmp_path):
    result = qgis_process.run("cimtwin:servicearea", NETWORK=f"{twin}|layername=roads",
                              FACILITIES=f"{twin}|layername=facilities", COSTS="0,-5",
                              OUTPUT_LINES=tmp_path / "x.gpkg")
    assert result.returncode != 0
    assert "COSTS" in result.stdout + result.stderr
