"""Visibility core: exact viewshed against a brute-force line-of-sight reference, fast = GDAL, limits, DSM, LOS."""
from __future__ import annotations

import math

import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core.errors import TooLargeError, ValidationError
from cim_twin.cim_twin_plugin.core.visibility import (
    Grid,
    Observer,
    burn_buildings,
    check_size,
    read_grid,
    sight_line,
    viewshed,
    write_grid,
)
from conftest import SHARED_DATA

gdal = pytest.importorskip("osgeo.gdal")


def r3_reference(z, row, col, oh, th, cx, cy, curvature=0.0):
    """Brute force: a sight line to every cell centre; heights interpolated linearly between the
    two cell centres wherever the line crosses a grid line through cell centres (both directions)."""
    rows, cols = z.shape
    z0 = z[row, col] + oh
    out = np.zeros(z.shape, dtype=np.uint8)
    for r in range(rows):
        for c in range(cols):
            dr, dc = r - row, c - col
            if dr == 0 and dc == 0:
                out[r, c] = 1
                continue
            dist = math.hypot(dc * cx, dr * cy)
            target = (z[r, c] + th - curvature * dist * dist - z0) / dist
            slopes = []
            if abs(dc) > 1:
                t = np.arange(1, abs(dc)) / abs(dc)
                y = row + dr * t
                x = col + np.sign(dc) * np.arange(1, abs(dc))
                y0 = np.floor(y).astype(int)
                g = y - y0
                y1 = np.minimum(y0 + 1, rows - 1)
                d = t * dist
                slopes.append((z[y0, x] * (1 - g) + z[y1, x] * g - curvature * d * d - z0) / d)
            if abs(dr) > 1:
                t = np.arange(1, abs(dr)) / abs(dr)
                x = col + dc * t
                y = row + np.sign(dr) * np.arange(1, abs(dr))
                x0 = np.floor(x).astype(int)
                g = x - x0
                x1 = np.minimum(x0 + 1, cols - 1)
                d = t * dist
                slopes.append((z[y, x0] * (1 - g) + z[y, x1] * g - curvature * d * d - z0) / d)
            out[r, c] = not slopes or bool(np.all(np.concatenate(slopes) <= target + 1e-9))
    return out


def iou(a, b):
    a, b = a == 1, b == 1
    return (a & b).sum() / max(1, (a | b).sum())


def terrain(n=71, seed=3, relief=300.0):
    from scipy.ndimage import gaussian_filter

    rng = np.random.default_rng(seed)
    return (gaussian_filter(rng.normal(size=(n, n)), 6) * relief).astype(np.float32)


def with_buildings(z, seed=4, count=35):
    rng = np.random.default_rng(seed)
    dsm = z.copy()
    n = z.shape[0]
    for _ in range(count):
        r, c = rng.integers(0, n - 6, 2)
        dsm[r:r + rng.integers(2, 7), c:c + rng.integers(2, 7)] += rng.uniform(10, 60)
    return dsm


def grid_of(z, cell=2.0):
    return Grid(z.copy(), (1000.0, cell, 0.0, 5000.0, 0.0, -cell), "LOCAL_CS")


def observer_at(g, row, col, **kw):
    x, y = g.centre_of(row, col)
    return Observer(x, y, **kw)


CASES = [(b, h, cell) for b in (False, True) for h in (1.6, 40.0) for cell in ((35, 35), (8, 60))]


@pytest.mark.parametrize("buildings,height,cell", CASES)
def test_exact_agrees_with_brute_force_line_of_sight(buildings, height, cell):
    z = terrain()
    if buildings:
        z = with_buildings(z)
    g = grid_of(z)
    result = viewshed(g, [observer_at(g, *cell, height=height)], mode="exact")
    reference = r3_reference(z, *cell, height, 0.0, 2.0, 2.0)
    assert iou(result.array, reference) >= 0.95
    assert result.visible_cells[0] == int((result.array == 1).sum())


def test_exact_is_better_than_gdal_among_buildings():
    """The reason for `exact`: on a DSM with buildings GDAL's agreement with the reference is lower."""
    z = with_buildings(terrain(seed=11), seed=12, count=60)
    scores = {}
    for mode in ("exact", "fast"):
        g = grid_of(z)
        result = viewshed(g, [observer_at(g, 35, 35, height=1.6)], mode=mode)
        scores[mode] = iou(result.array, r3_reference(z, 35, 35, 1.6, 0.0, 2.0, 2.0))
    assert scores["exact"] >= 0.95
    assert scores["exact"] > scores["fast"]


def test_exact_with_curvature_and_target_height():
    z = terrain(relief=40.0)
    g = Grid(z.copy(), (0.0, 200.0, 0.0, 0.0, 0.0, -200.0), "LOCAL_CS")  # 14 km wide: curvature matters
    curv = (1 - 0.13) / (2 * 6378137.0)
    result = viewshed(g, [observer_at(g, 35, 35, height=5.0, target_height=2.0)], mode="exact", curvature=True)
    reference = r3_reference(z, 35, 35, 5.0, 2.0, 200.0, 200.0, curvature=curv)
    assert iou(result.array, reference) >= 0.95
    flat = r3_reference(z, 35, 35, 5.0, 2.0, 200.0, 200.0)
    assert (flat != reference).any(), "the test must be sensitive to curvature"


def _gdal_own(z, gt, x, y, height, radius=0.0, coeff=0.0):
    ds = gdal.GetDriverByName("MEM").Create("", z.shape[1], z.shape[0], 1, gdal.GDT_Float32)
    ds.SetGeoTransform(gt)
    ds.GetRasterBand(1).WriteArray(z)
    out = gdal.ViewshedGenerate(ds.GetRasterBand(1), "MEM", "", [], x, y, height, 0.0, 1, 0, 255, 255,
                                coeff, gdal.GVM_Edge, radius)
    return out.GetRasterBand(1).ReadAsArray(), out.GetGeoTransform()


@pytest.mark.parametrize("radius", [0.0, 50.0])
def test_fast_is_gdals_own_output(radius):
    z = with_buildings(terrain(n=90))
    g = grid_of(z)
    obs = observer_at(g, 40, 45, height=1.6, radius=radius or None)
    result = viewshed(g, [obs], mode="fast")
    own, gt = _gdal_own(z, g.geotransform, obs.x, obs.y, 1.6, radius)
    row0 = int(round((gt[3] - 5000.0) / -2.0))
    col0 = int(round((gt[0] - 1000.0) / 2.0))
    ours = result.array[row0:row0 + own.shape[0], col0:col0 + own.shape[1]]
    assert np.array_equal(ours, own)
    outside = np.ones(result.array.shape, bool)
    outside[row0:row0 + own.shape[0], col0:col0 + own.shape[1]] = False
    assert (result.array[outside] == 255).all()


@pytest.mark.parametrize("mode", ["fast", "exact"])
def test_cells_outside_the_view_cone_are_never_visible(mode):
    z = terrain(n=61, relief=10.0)
    g = grid_of(z)
    obs = observer_at(g, 30, 30, height=10.0, azimuth=90.0, hfov=60.0, vangle_up=10.0, vangle_down=20.0)
    result = viewshed(g, [obs], mode=mode).array
    rows, cols = np.mgrid[0:61, 0:61]
    az = np.degrees(np.arctan2(cols - 30, -(rows - 30))) % 360
    inside = np.abs(az - 90) <= 30
    inside[30, 30] = True
    assert result[~inside].max() == 0
    assert (result[inside] == 1).sum() > 100
    dist = np.hypot(rows - 30, cols - 30) * 2.0
    dist[30, 30] = 1
    angle = np.degrees(np.arctan2(z + 0.0 - (z[30, 30] + 10.0), dist))
    angle[30, 30] = 0.0  # the observer's own cell
    assert not ((result == 1) & (angle < -20.0 - 1e-6)).any()
    assert ((angle < -20.0) & inside).any(), "the vertical limit must matter in this test"


def test_radius_makes_nodata_outside_and_several_observers_count():
    z = np.zeros((80, 80), np.float32)
    g = grid_of(z)
    observers = [observer_at(g, 20, 20, radius=20.0), observer_at(g, 20, 30, radius=20.0)]
    result = viewshed(g, observers, mode="exact", workers=1)
    assert result.array.dtype == np.uint16 and result.nodata == 65535
    assert result.array[20, 25] == 2 and result.array[20, 12] == 1
    assert result.array[70, 70] == 65535
    g1 = grid_of(z)
    single = viewshed(g1, observers[:1], mode="exact").array
    assert single[20, 29] == 1 and single[20, 31] == 255


def test_pool_gives_the_same_counts_as_one_process():
    z = with_buildings(terrain(n=120, seed=5), seed=6, count=60)
    observers = [observer_at(grid_of(z), 10 + 20 * i, 15 + 15 * i, radius=120.0) for i in range(5)]
    one = viewshed(grid_of(z), observers, mode="exact", workers=1)
    many = viewshed(grid_of(z), observers, mode="exact", workers=2)
    assert np.array_equal(one.array, many.array)
    assert one.visible_cells == many.visible_cells


@pytest.mark.parametrize(
    "kwargs,match",
    [({"row": -5}, "outside the DEM"), ({"nodata": True}, "nodata"), ({"radius": 0.0}, "radius"),
     ({"hfov": 400.0}, "field of view"), ({"vangle_up": 95.0}, "vertical angle")],
)
def test_bad_observers_are_refused_with_a_reason(kwargs, match):
    z = terrain(n=30)
    if kwargs.pop("nodata", False):
        z[10, 10] = np.nan
    g = grid_of(z)
    row = kwargs.pop("row", 10)
    obs = observer_at(g, row, 10, label="observer 7", **kwargs)
    with pytest.raises(ValidationError, match=match):
        viewshed(g, [obs])


def test_huge_grids_are_refused_with_an_estimate():
    with pytest.raises(TooLargeError, match="GB"):
        check_size(20000, 20000, 100_000_000)


def test_raster_without_crs_is_refused(tmp_path):
    path = tmp_path / "nocrs.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 5, 5, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((0, 1, 0, 5, 0, -1))
    ds = None
    with pytest.raises(ValidationError, match="no coordinate reference system"):
        read_grid(str(path))


def test_geographic_dem_is_reprojected_to_utm(tmp_path):
    from osgeo import osr

    path = tmp_path / "geo.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 50, 40, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((121.40, 0.0005, 0, 31.25, 0, -0.0005))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.arange(2000, dtype=np.float32).reshape(40, 50))
    ds = None
    g = read_grid(str(path))
    assert "EPSG:32651" in g.note and 40 < g.cell_x < 50
    assert abs(g.cell_x - g.cell_y) < 1e-9
    assert np.nanmax(g.array) > 1900


def test_burn_buildings_lowest_and_mean_base_skips_and_counts():
    from shapely.geometry import Polygon, box

    z = np.tile(np.arange(10, dtype=np.float32), (10, 1))  # ground rises eastwards by 1 m per cell
    square = box(2, 2, 6, 6)  # cells cols 2..5
    bowtie = Polygon([(7, 7), (9, 9), (9, 7), (7, 9), (7, 7)])  # invalid: repaired
    tiny = box(0.2, 8.2, 0.4, 8.4)  # smaller than a cell
    geoms = [square, box(1, 1, 2, 2), None, bowtie, tiny]
    heights = [10.0, None, 5.0, 3.0, 4.0]
    for base, expected in (("lowest", 12.0), ("mean", 13.5)):
        g = Grid(z.copy(), (0.0, 1.0, 0.0, 10.0, 0.0, -1.0), "LOCAL_CS")
        result = burn_buildings(g, geoms, heights, base=base)
        assert g.array[5, 3] == pytest.approx(expected)
        assert result.base[0] == pytest.approx(expected - 10.0)
        assert set(result.skipped) == {1, 2}
        assert result.repaired == 1 and result.burnt == 3
        assert result.cells[4] == 1 and g.array[1, 0] == pytest.approx(4.0)
        assert result.burnt + len(result.skipped) == len(geoms)
        assert g.array[0, 9] == 9.0, "ground elsewhere untouched"


def test_line_of_sight_first_obstruction():
    z = np.zeros((20, 100), np.float32)
    z[:, 50] = 30.0  # a wall across the line at x = 50.5
    g = Grid(z, (0.0, 1.0, 0.0, 20.0, 0.0, -1.0), "LOCAL_CS")
    line = sight_line(g, 10.5, 10.5, 1.6, 90.5, 10.5, 0.0)
    assert line.visible is False
    assert 39.0 <= line.obstruction_distance <= 40.5
    assert line.obstruction[2] > 1.6
    over = sight_line(g, 10.5, 10.5, 100.0, 90.5, 10.5, 0.0)
    assert over.visible is True and over.distance == pytest.approx(80.0)
    outside = sight_line(g, -5.0, 10.5, 1.6, 90.5, 10.5, 0.0)
    assert outside.visible is None and "outside" in outside.reason


def test_write_grid_roundtrip(tmp_path):
    array = np.arange(12, dtype=np.uint8).reshape(3, 4)
    path = write_grid(str(tmp_path / "o.tif"), array, (0, 1, 0, 3, 0, -1), "", 255)
    ds = gdal.Open(path)
    assert np.array_equal(ds.ReadAsArray(), array)
    assert not list(tmp_path.glob(".*part*"))


def test_real_shanghai_building_heights_exact_agrees():
    path = SHARED_DATA / "shanghai-building-height-raster" / "height_5_5.tif"
    if not path.exists():
        pytest.skip("shared real data not available")
    g = read_grid(str(path))
    window = g.array[200:290, 200:290].copy()
    window[np.isnan(window)] = 0.0  # 65535 = no building: ground at 0
    for row, col, height in ((45, 45, 1.6), (10, 70, 30.0)):
        sub = Grid(window.copy(), (0.0, g.cell_x, 0.0, 0.0, 0.0, -g.cell_y), g.crs_wkt)
        result = viewshed(sub, [observer_at(sub, row, col, height=height)], mode="exact")
        reference = r3_reference(window, row, col, height, 0.0, g.cell_x, g.cell_y)
        assert iou(result.array, reference) >= 0.95


def test_real_dem_exact_agrees():
    path = SHARED_DATA / "dem-china-pargo-heilongjiang" / "dem.tif"
    if not path.exists():
        pytest.skip("shared real data not available")
    g = read_grid(str(path))
    z = g.array[39:99, 16:76].copy()  # the largest window without nodata
    assert not np.isnan(z).any()
    for row, col in ((30, 30), (5, 50)):
        sub = Grid(z.copy(), (0.0, g.cell_x, 0.0, 0.0, 0.0, -g.cell_y), g.crs_wkt)
        result = viewshed(sub, [observer_at(sub, row, col, height=1.6)], mode="exact")
        assert iou(result.array, r3_reference(z, row, col, 1.6, 0.0, g.cell_x, g.cell_y)) >= 0.95


def test_compiled_sweep_matches_the_numpy_sweep():
    from cim_twin.cim_twin_plugin.core.visibility import sweep, sweep_jit

    if not sweep_jit.available():
        pytest.skip("numba not installed: only the numpy sweep runs")
    z = with_buildings(terrain(n=90, seed=21), seed=22, count=50)
    for row, col, height, curv in ((45, 45, 1.6, 0.0), (3, 80, 25.0, 1e-4)):
        a = sweep.exact_visibility(z, row, col, height, 1.0, 2.0, 3.0, curvature=curv, use_jit=False)
        b = sweep.exact_visibility(z, row, col, height, 1.0, 2.0, 3.0, curvature=curv)
        assert iou(a, b) >= 0.999
        assert a.sum() > 50


def test_heights_at_map_points_are_bilinear_between_cell_centres_and_nan_outside():
    z = np.array([[10.0, 20.0], [30.0, 40.0]])
    g = Grid(z, (0.0, 2.0, 0.0, 4.0, 0.0, -2.0), "LOCAL_CS")  # cells 2 m, x 0..4, y 4..0
    h = g.heights_at(np.array([1.0, 3.0, 2.0, 1.0, 5.0, -0.1]), np.array([3.0, 1.0, 2.0, 2.0, 3.0, 3.0]))
    assert h[:4].tolist() == [10.0, 40.0, 25.0, 20.0]  # two centres, the middle, between two centres
    assert np.isnan(h[4]) and np.isnan(h[5])


def test_area_polygons_are_patches_of_one_observer_count_without_unseen_or_nodata_cells():
    from cim_twin.cim_twin_plugin.core.visibility import ViewshedResult, area_polygons
    from shapely import wkb

    array = np.array([[1, 1, 0, 2],
                      [1, 0, 0, 2],
                      [255, 255, 0, 0]], dtype=np.uint16)
    polygons = area_polygons(ViewshedResult(array, 255), (0.0, 10.0, 0.0, 30.0, 0.0, -10.0))
    by_count = sorted((n, round(wkb.loads(data).area)) for data, n in polygons)
    assert by_count == [(1, 300), (2, 200)]  # 3 cells seen by one observer, 2 by two; 0 and nodata left out
