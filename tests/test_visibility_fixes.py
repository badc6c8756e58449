"""Visibility defects of issues 13 and 20, core tier: the view cone's direction, GDAL's error mode,
units of a foot CRS, the workers' interpreter, observers built from plain values."""
from __future__ import annotations

import math
import os
import sys

import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core import pool
from cim_twin.cim_twin_plugin.core.errors import ValidationError
from cim_twin.cim_twin_plugin.core.visibility import (
    Grid,
    Observer,
    ObserverDefaults,
    ObserverPoint,
    build_observers,
    read_grid,
    sight_line,
    viewshed,
    write_grid,
)
from cim_twin.cim_twin_plugin.core.visibility.viewshed import area_polygons

gdal = pytest.importorskip("osgeo.gdal")

FOOT_US = 1200.0 / 3937.0


def flat_grid(n=61, cell=2.0, unit=1.0):
    return Grid(np.zeros((n, n), np.float32), (1000.0, cell, 0.0, 5000.0, 0.0, -cell), "LOCAL_CS", unit=unit)


def direction_of_visible(array, row, col):
    """Azimuth (degrees clockwise from north) of the mean offset of the visible cells from (row, col)."""
    rows, cols = np.nonzero(array == 1)
    keep = (rows != row) | (cols != col)
    east = (cols[keep] - col).mean()
    north = (row - rows[keep]).mean()  # rows grow southwards
    return math.degrees(math.atan2(east, north)) % 360.0


def angle_diff(a, b):
    return abs((a - b + 180.0) % 360.0 - 180.0)


@pytest.mark.parametrize("mode", ["fast", "exact"])
@pytest.mark.parametrize("azimuth", [0.0, 45.0, 90.0, 180.0, 270.0])
def test_view_cone_points_clockwise_from_north(mode, azimuth):
    g = flat_grid()
    x, y = g.centre_of(30, 30)
    result = viewshed(g, [Observer(x, y, height=1.6, azimuth=azimuth, hfov=30.0)], mode=mode).array
    assert (result == 1).sum() > 50
    assert angle_diff(direction_of_visible(result, 30, 30), azimuth) < 3.0
    # and nothing behind the observer
    rows, cols = np.nonzero(result == 1)
    east, north = cols - 30, 30 - rows
    ahead = east * math.sin(math.radians(azimuth)) + north * math.cos(math.radians(azimuth))
    assert (ahead >= 0).all()


def test_observers_from_plain_values_use_overrides_and_give_reasons():
    g = flat_grid()
    x, y = g.centre_of(30, 30)
    defaults = ObserverDefaults(height=2.0, hfov=30.0, azimuth=10.0)
    points = [
        ObserverPoint(1, x, y, label="obs 1", overrides={"azimuth": 450.0, "radius": None}),
        ObserverPoint(2, x + 1e6, y, label="obs 2"),
        ObserverPoint(3, None, None, label="obs 3", problem="no geometry"),
        ObserverPoint(4, x, y, label="obs 4", overrides={"radius": -3.0}),
    ]
    found = build_observers(g, points, defaults)
    assert found.fids == [1]
    assert found.observers[0].azimuth == 90.0 and found.observers[0].height == 2.0
    assert [fid for fid, _ in found.skipped] == [2, 3, 4]
    reasons = {fid: reason for fid, reason in found.skipped}
    assert isinstance(reasons[2], ValidationError) and reasons[2].code == "observer_outside"
    assert "obs 2" in str(reasons[2]) and "radius" in str(reasons[4])
    with pytest.raises(ValidationError, match="HFOV") as info:
        ObserverDefaults(hfov=400.0).check()
    assert info.value.template.startswith("HFOV must be") and info.value.values == {"value": 400.0}


def test_core_errors_are_templates_with_values():
    g = flat_grid(n=10)
    with pytest.raises(ValidationError) as info:
        viewshed(g, [Observer(-1e6, 0.0, label="tower")])
    assert info.value.code == "observer_outside" and "{name}" in info.value.template
    assert info.value.values["name"] == "tower"
    translated = info.value.translated(lambda context, text: "ZH " + text if context == "CoreErrors" else text)
    assert translated.startswith("ZH tower lies outside the DEM")


@pytest.mark.parametrize("start", [False, True])
def test_gdal_error_mode_is_restored(tmp_path, start):
    from osgeo import ogr, osr

    modules = (gdal, ogr, osr)
    before = [m.GetUseExceptions() for m in modules]
    try:
        for m in modules:
            (m.UseExceptions if start else m.DontUseExceptions)()
        path = write_grid(str(tmp_path / "z.tif"), np.zeros((20, 20), np.float32),
                          (500000.0, 2.0, 0.0, 3450000.0, 0.0, -2.0), _wkt(4547), None)
        g = read_grid(path)
        x, y = g.centre_of(10, 10)
        result = viewshed(g, [Observer(x, y, hfov=90.0)], mode="fast")
        area_polygons(result, g.geotransform)
        with pytest.raises(ValidationError):
            read_grid(str(tmp_path / "missing.tif"))
        assert [m.GetUseExceptions() for m in modules] == [int(start)] * 3
    finally:
        for m, on in reversed(list(zip(modules, before))):
            (m.UseExceptions if on else m.DontUseExceptions)()


def _wkt(epsg):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def test_foot_crs_grid_knows_its_unit(tmp_path):
    path = write_grid(str(tmp_path / "ft.tif"), np.zeros((20, 20), np.float32),
                      (6000000.0, 5.0, 0.0, 2100000.0, 0.0, -5.0), _wkt(2227), None)
    assert read_grid(path).unit == pytest.approx(FOOT_US)


@pytest.mark.parametrize("mode", ["fast", "exact"])
def test_radius_in_metres_on_a_foot_grid(mode):
    g = flat_grid(n=101, cell=5.0, unit=FOOT_US)  # 5 ft cells
    x, y = g.centre_of(50, 50)
    result = viewshed(g, [Observer(x, y, radius=30.0)], mode=mode).array  # 30 m = 98.4 ft = 19.7 cells
    in_range = (result != 255).sum()
    expected = math.pi * (30.0 / FOOT_US / 5.0) ** 2
    assert in_range == pytest.approx(expected, rel=0.1)


def test_vertical_limit_uses_metres_on_a_foot_grid():
    # a wall 10 m high, 20 m (65.6 ft) north: seen at atan(10/20) = 26.6 deg, above a 20 deg limit
    g = flat_grid(n=101, cell=5.0, unit=FOOT_US)
    g.array[37, :] = 10.0  # 13 cells = 65 ft = 19.8 m north of row 50
    x, y = g.centre_of(50, 50)
    result = viewshed(g, [Observer(x, y, height=0.0, vangle_up=20.0)], mode="exact").array
    assert result[37, 50] == 0
    g2 = flat_grid(n=101, cell=5.0, unit=FOOT_US)
    g2.array[37, :] = 10.0
    result = viewshed(g2, [Observer(x, y, height=0.0, vangle_up=30.0)], mode="exact").array
    assert result[37, 50] == 1


def test_sight_line_distances_in_metres_on_a_foot_grid():
    g = flat_grid(n=101, cell=5.0, unit=FOOT_US)
    g.array[50, 60] = 50.0  # a post 50 ft east
    ox, oy = g.centre_of(50, 40)
    tx, ty = g.centre_of(50, 80)
    answer = sight_line(g, ox, oy, 1.6, tx, ty, 0.0)
    assert answer.visible is False
    assert answer.distance == pytest.approx(200.0 * FOOT_US)
    assert answer.obstruction_distance == pytest.approx(100.0 * FOOT_US, abs=2 * 5.0 * FOOT_US)


def test_workers_never_start_a_foreign_python_from_path(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "python3"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'pyenv: python3: command not found' >&2\nexit 127\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setattr(sys, "executable", str(fake))  # as in an embedded interpreter that searched PATH
    pool.forget_executable()
    try:
        chosen = pool.python_executable()
        assert chosen is not None and chosen != str(fake)
        assert pool.is_same_python(chosen)
    finally:
        pool.forget_executable()


def test_no_worker_python_means_one_core_and_a_note(monkeypatch):
    monkeypatch.setattr(pool, "candidate_executables", lambda: [])
    pool.forget_executable()
    try:
        g = flat_grid()
        observers = [Observer(*g.centre_of(20, 20), radius=20.0), Observer(*g.centre_of(40, 40), radius=20.0)]
        result = viewshed(g, observers, mode="exact", workers=2)
        assert result.workers == 1
        assert result.notes and "one core" in str(result.notes[0])
        assert result.array[20, 20] == 1 and result.array[40, 40] == 1
        monkeypatch.undo()
        assert pool.python_executable() is not None, "a failed search is not kept: the next run looks again"
    finally:
        pool.forget_executable()


def test_a_geographic_dem_in_feet_keeps_both_reading_notes(tmp_path):
    """Both what was done on reading are told: the reprojection to UTM and the heights in feet (the feet note
    used to replace the reprojection note, so the user never learnt the outputs are in UTM)."""
    from cim_twin.cim_twin_plugin.core.visibility import read_grid
    from osgeo import gdal, osr

    path = str(tmp_path / "geo_ft.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 20, 20, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((121.5, 0.0005, 0, 31.21, 0, -0.0005))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.WriteArray(np.full((20, 20), 100.0, dtype=np.float32))
    band.SetUnitType("ft")
    ds = None
    grid = read_grid(path)
    texts = [str(n) for n in grid.notes]
    assert any("reprojected to EPSG:326" in t for t in texts), texts
    assert any("feet" in t for t in texts), texts
