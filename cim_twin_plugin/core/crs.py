"""CRS rules shared by the whole core (pure Python): a metric CRS for geographic data, metres per CRS unit."""
from __future__ import annotations

import functools
import math


def utm_epsg(lon: float, lat: float) -> int:
    """EPSG code of the WGS 84 UTM zone holding (lon, lat); lon 180 belongs to zone 60.

    Every algorithm that must work in metres on geographic input uses this one
    rule, so their outputs land in the same zone.
    """
    zone = min(60, max(1, int(math.floor((lon + 180.0) / 6.0)) + 1))
    return (32600 if lat >= 0 else 32700) + zone


@functools.lru_cache(maxsize=64)
def metres_per_unit(crs_wkt: str) -> float:
    """Metres in one horizontal unit of the CRS given as WKT (any version, as QGIS, GDAL or pyproj write it).

    1 for metres, 0.3048 for the international foot, 1200/3937 for the US survey foot. A geographic
    CRS gives 1.0 (the core works on such data in its UTM zone, in metres), and so does a WKT that is
    empty, cannot be read or names no unit. Every distance conversion of the core (network, visibility)
    and of the bridge uses this one function.
    """
    if not crs_wkt or not crs_wkt.strip():
        return 1.0
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        crs = CRS.from_wkt(crs_wkt)
    except CRSError:
        return 1.0
    if crs.is_geographic or not crs.axis_info:
        return 1.0
    factor = crs.axis_info[0].unit_conversion_factor
    return float(factor) if factor and math.isfinite(factor) and factor > 0 else 1.0
