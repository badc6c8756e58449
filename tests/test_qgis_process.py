"""Batch runs: qgis_process lists, documents and runs the cimtwin algorithms (temporary profile)."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("qgis.core")
pytestmark = [pytest.mark.qgis, pytest.mark.slow]

from cim_twin.cim_twin_plugin.core import gridcode  # noqa: E402
from qgisprocess import QgisProcess  # noqa: E402  (scripts/ is on sys.path via conftest)

ROOT = Path(__file__).resolve().parent.parent


def write_points(path: Path, rows):
    """A GeoPackage of points in EPSG:4549 (CGCS2000 / 3-degree GK CM 120E) with an admin code."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("pts", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("admin", ogr.OFTString))
    for x, y, admin in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("admin", admin)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(feature)
    dataset = None


def test_list_shows_the_provider_and_its_algorithms(qgis_process):
    result = qgis_process.call("list")
    assert result.returncode == 0
    assert "cimtwin:gridcode" in result.stdout
    assert "cimtwin:gridcells" in result.stdout


def test_help_documents_the_parameters(qgis_process):
    result = qgis_process.call("help", "cimtwin:gridcode")
    assert result.returncode == 0, result.stderr
    for key in ("INPUT", "LEVEL", "HEIGHT_FIELD", "ADMIN_CODE_FIELD", "OUTPUT", "Beidou"):
        assert key in result.stdout


def test_run_gridcode_writes_codes_and_json(qgis_process, tmp_path):
    from osgeo import ogr, osr

    to_gk = osr.CoordinateTransformation(_srs(4490), _srs(4549))
    x, y, _ = to_gk.TransformPoint(121.5, 31.2)
    source = tmp_path / "pts.gpkg"
    write_points(source, [(x, y, "310115001001"), (x + 500, y, None)])
    out = tmp_path / "coded.gpkg"
    result = qgis_process.run("cimtwin:gridcode", INPUT=source, LEVEL=7, ADMIN_CODE_FIELD="admin", OUTPUT=out)
    assert result.returncode == 0, result.stdout + result.stderr
    outputs = result.json["results"]
    assert outputs["CODED"] == 2 and outputs["FAILED"] == 0
    dataset = ogr.Open(str(out))  # keep the dataset alive while reading its layer
    rows = [(f.GetField("bd_code"), f.GetField("entity_code")) for f in dataset.GetLayer(0)]
    assert rows[0][0] == gridcode.encode(121.5, 31.2, 7)
    assert rows[0][1] == "310115001001" + rows[0][0]
    assert rows[1][1] is None


def test_failure_exits_non_zero_with_a_message(qgis_process, tmp_path):
    empty = tmp_path / "empty.gpkg"
    write_points(empty, [])
    result = qgis_process.run("cimtwin:gridcode", INPUT=empty, LEVEL=8, OUTPUT=tmp_path / "o.gpkg")
    assert result.returncode != 0
    assert "no features" in result.stdout + result.stderr
    result = qgis_process.run("cimtwin:gridcode", INPUT=empty, LEVEL=11, OUTPUT=tmp_path / "o.gpkg")
    assert result.returncode != 0
    assert "LEVEL" in result.stdout + result.stderr
    result = qgis_process.run("cimtwin:gridcells", EXTENT="100,130,20,50 [EPSG:4490]", LEVEL=9,
                              OUTPUT=tmp_path / "c.gpkg")
    assert result.returncode != 0
    assert "maximum" in result.stdout + result.stderr


def test_zip_installs_into_a_fresh_profile(tmp_path):
    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "package.py"), "--out", str(tmp_path / "dist")],
                   check=True, capture_output=True)
    (zip_path,) = (tmp_path / "dist").glob("cim_twin-*.zip")
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        assert all(n.startswith("cim_twin/") for n in names)
        assert "cim_twin/metadata.txt" in names and "cim_twin/i18n/cim_twin_zh_CN.qm" in names
        assert not [n for n in names if n.startswith(("cim_twin/tests/", "cim_twin/scripts/", "cim_twin/.ci"))]
        assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", "Makefile"))]
        plugins = tmp_path / "profile" / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True)
        archive.extractall(plugins)
    runner = QgisProcess(plugin_dir=None, config_dir=tmp_path / "profile")
    assert runner.enable_plugin().returncode == 0
    result = runner.call("list")
    assert "cimtwin:gridcode" in result.stdout and "cimtwin:gridcells" in result.stdout
    result = runner.run("cimtwin:gridcells", EXTENT="121.5,121.501,31.2,31.201 [EPSG:4490]", LEVEL=5,
                        OUTPUT="TEMPORARY_OUTPUT")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.json["results"]["COUNT"] == gridcode.count_cells_in_extent(121.5, 31.2, 121.501, 31.201, 5)
    # the address parser needs its data files (gazetteer, dictionary): they must be in the zip
    addresses = tmp_path / "addresses.csv"
    addresses.write_text("id,地址\n1,上海市浦东新区锦绣路1000弄12号1203室\n", encoding="utf-8")
    result = runner.run("cimtwin:parseaddresses", INPUT=addresses, ADDRESS_FIELD="地址",
                        OUTPUT=tmp_path / "parsed.csv")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.json["results"]["OK"] == 1
    parsed = (tmp_path / "parsed.csv").read_text(encoding="utf-8")
    assert "浦东新区" in parsed and "锦绣路" in parsed and "1203" in parsed


def _srs(epsg: int):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)  # x = lon/easting, as in files
    return srs
