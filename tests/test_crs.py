"""The one rule for picking a metric CRS (shared by network, visibility and hierarchy checks)."""
from __future__ import annotations

import pytest
from cim_twin.cim_twin_plugin.core.crs import utm_epsg


@pytest.mark.parametrize("lon, lat, epsg", [
    (121.5, 31.2, 32651),      # Shanghai
    (120.0, 31.2, 32651),      # a zone edge belongs to the zone east of it
    (119.999, 31.2, 32650),
    (-180.0, 10.0, 32601),
    (180.0, 10.0, 32660),      # lon 180 stays in zone 60
    (151.2, -33.9, 32756),     # southern hemisphere
    (0.0, 0.0, 32631),
])
def test_utm_zone(lon, lat, epsg):
    assert utm_epsg(lon, lat) == epsg


# -- metres per CRS unit: the one function of the core, the bridge and every algorithm --------------------
US_FOOT = 1200.0 / 3937.0


def wkt_of(code: str, version: str = "WKT2_2019") -> str:
    from pyproj import CRS

    return CRS.from_user_input(code).to_wkt(version)


UNITS = [
    ("EPSG:32651", 1.0),            # WGS 84 / UTM 51N (metre)
    ("EPSG:4547", 1.0),             # CGCS2000 / 3-degree GK CM 114E (metre)
    ("EPSG:2227", US_FOOT),         # NAD83 / California zone 3 (ftUS)
    ("EPSG:2263", US_FOOT),         # NAD83 / New York Long Island (ftUS)
    ("EPSG:2222", 0.3048),          # NAD83 / Arizona East (ft, international)
    ("EPSG:4326", 1.0),             # geographic: worked on in its UTM zone, in metres
    ("EPSG:4490", 1.0),             # CGCS2000 geographic
]
COMPOUND = [
    ("EPSG:2227+5703", US_FOOT),    # the horizontal unit counts
    ("EPSG:4326+5773", 1.0),        # geographic + vertical
]


@pytest.mark.parametrize("code, metres, version", [
    *[(code, metres, version) for code, metres in UNITS + COMPOUND for version in ("WKT2_2019", "WKT1_GDAL")],
    *[(code, metres, "WKT1_ESRI") for code, metres in UNITS],  # ESRI WKT has no compound CRS
])
def test_metres_per_unit(code, metres, version):
    from cim_twin.cim_twin_plugin.core.crs import metres_per_unit

    assert metres_per_unit(wkt_of(code, version)) == pytest.approx(metres, rel=1e-12)


@pytest.mark.parametrize("wkt", ["", "   ", "not a CRS", 'LOCAL_CS["nowhere"]'])
def test_metres_per_unit_of_no_or_an_unreadable_crs_is_one(wkt):
    from cim_twin.cim_twin_plugin.core.crs import metres_per_unit

    assert metres_per_unit(wkt) == 1.0


def test_metres_per_unit_is_one_function_everywhere():
    from cim_twin.cim_twin_plugin.core import crs, network
    from cim_twin.cim_twin_plugin.core.network import projection
    from cim_twin.cim_twin_plugin.core.visibility import grid

    assert network.metres_per_unit is crs.metres_per_unit
    assert projection.metres_per_unit is crs.metres_per_unit
    assert grid.metres_per_unit is crs.metres_per_unit
    assert not hasattr(grid, "linear_unit")
    crs.metres_per_unit.cache_clear()
    feet = wkt_of("EPSG:2227")
    crs.metres_per_unit(feet)
    crs.metres_per_unit(feet)
    assert crs.metres_per_unit.cache_info().hits >= 1
