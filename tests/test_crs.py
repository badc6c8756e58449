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
