"""Geodesic measurement in core: pyproj.Geod on the layer's ellipsoid, draped 3D length, volumes, limits;
and cimtwin:measure / cimtwin:heightlimit in QGIS against QgsDistanceArea."""
from __future__ import annotations

import math

import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core import measure
from cim_twin.cim_twin_plugin.core.visibility import Grid

shapely_geometry = pytest.importorskip("shapely.geometry")
pyproj = pytest.importorskip("pyproj")


def test_projected_polygon_is_measured_on_the_cgcs2000_ellipsoid():
    from pyproj import Geod, Transformer

    m = measure.Measurer("EPSG:4547")  # CGCS2000 / 3-degree GK CM 114E
    ring = [(500000, 3450000), (500400, 3450000), (500400, 3450300), (500000, 3450300), (500000, 3450000)]
    result = m.measure(shapely_geometry.Polygon(ring))
    to_ll = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)
    lon, lat = to_ll.transform([p[0] for p in ring[:-1]], [p[1] for p in ring[:-1]])
    area, perimeter = Geod(ellps="GRS80").polygon_area_perimeter(lon, lat)
    assert result.area_m2 == pytest.approx(abs(area), rel=1e-9)
    assert result.perimeter_m == pytest.approx(perimeter, rel=1e-9)
    assert result.area_m2 == pytest.approx(120000, rel=2e-3), "close to the plane area near the central meridian"


def test_geographic_line_and_polygon_with_hole():
    m = measure.Measurer("EPSG:4326")
    line = shapely_geometry.LineString([(121.0, 31.0), (121.01, 31.0), (121.01, 31.01)])
    g = pyproj.Geod(ellps="WGS84")
    expected = g.line_length([121.0, 121.01, 121.01], [31.0, 31.0, 31.01])
    assert m.measure(line).length_m == pytest.approx(expected, rel=1e-12)
    outer = [(121.0, 31.0), (121.01, 31.0), (121.01, 31.01), (121.0, 31.01)]
    hole = [(121.002, 31.002), (121.004, 31.002), (121.004, 31.004), (121.002, 31.004)]
    result = m.measure(shapely_geometry.Polygon(outer, [hole]))
    a_out, p_out = g.polygon_area_perimeter(*zip(*outer))
    a_in, p_in = g.polygon_area_perimeter(*zip(*hole))
    assert result.area_m2 == pytest.approx(abs(a_out) - abs(a_in), rel=1e-9)
    assert result.perimeter_m == pytest.approx(p_out + p_in, rel=1e-9)


def test_draped_length_on_a_ramp():
    # DEM rising 1 m per metre eastwards: a 100 m east-west line is sqrt(2) x 100 m long in 3D
    cols = np.arange(400, dtype=np.float32) * 1.0 + 0.5
    dem = Grid(np.tile(cols, (50, 1)), (500000.0, 1.0, 0.0, 3450050.0, 0.0, -1.0), "EPSG:4547")
    m = measure.Measurer("EPSG:4547")
    line = shapely_geometry.LineString([(500100, 3450025), (500200, 3450025)])
    flat = m.measure(line).length_m
    length3d, base = m.draped(line, dem, None)
    assert length3d == pytest.approx(math.hypot(flat, 100.0), rel=1e-4)
    assert base == pytest.approx(100.0, abs=0.01)


def test_heights_volume_facade_and_excess():
    assert measure.building_height(None, 6, 3.0) == 18.0
    assert measure.building_height(25.0, 6, 3.0) == 25.0
    assert measure.building_height(0.0, None, 3.0) is None
    assert measure.volume_and_facade(100.0, 40.0, 18.0) == (1800.0, 720.0)
    assert measure.height_excess(30.0, 24.0) == 6.0
    assert measure.height_excess(30.0, None) is None


@pytest.mark.parametrize("wkt", [
    "POLYGON((121 31, 121.01 31, 121.01 31.01, 121 31.01, 121 31), (121.002 31.002, 121.004 31.002, 121.004 31.004, "
    "121.002 31.002))",
    "MULTIPOLYGON(((121 31, 121.01 31, 121.01 31.01, 121 31)), ((122 31, 122.01 31, 122.01 31.01, 122 31)))",
    "LINESTRING(121 31, 121.1 31.2, 121.3 31.1)",
    "MULTILINESTRING((121 31, 121.1 31.2), (121.3 31.1, 121.4 31.0))",
    "POINT(121 31)",
])
def test_wkb_reader_gives_the_same_measures(wkt):
    from shapely import wkb
    from shapely import wkt as shapely_wkt

    geom = shapely_wkt.loads(wkt)
    m = measure.Measurer("EPSG:4490")
    expected = m.measure(geom)
    for big_endian in (False, True):
        length, area, perimeter = m.measure_wkb(wkb.dumps(geom, big_endian=big_endian))
        for got, want in ((length, expected.length_m), (area, expected.area_m2), (perimeter, expected.perimeter_m)):
            assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want, rel=1e-12)


def test_wkb_reader_reads_3d_geometries():
    import struct

    from shapely import wkb
    from shapely.geometry import Polygon

    ring = [(121, 31, 5), (121.01, 31, 6), (121.01, 31.01, 7), (121, 31, 5)]
    m = measure.Measurer("EPSG:4490")
    expected = m.measure(Polygon([p[:2] for p in ring]))
    ewkb = wkb.dumps(Polygon(ring))  # GEOS writes the Z flag (0x80000000)
    iso = struct.pack("<BII", 1, 1003, 1) + struct.pack("<I", 4) + struct.pack("<12d", *[v for p in ring for v in p])
    for data in (ewkb, iso):
        _, area, perimeter = m.measure_wkb(data)
        assert area == pytest.approx(expected.area_m2, rel=1e-12)
        assert perimeter == pytest.approx(expected.perimeter_m, rel=1e-12)
