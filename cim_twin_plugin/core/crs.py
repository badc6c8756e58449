"""Choosing a metric CRS for data in a geographic CRS (pure Python)."""
from __future__ import annotations

import math


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 UTM zone holding (lon, lat); lon 180 belongs to zone 60.

    Every algorithm that must work in metres on geographic input uses this one
    rule, so their outputs land in the same zone.
    """
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return (32600 if lat >= 0 else 32700) + zone
