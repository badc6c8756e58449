"""Height-limit rules: which limit applies to a building and whether it is over, within or cannot be checked.

A limit comes from exactly one of: one value for every building; zones (the
strictest limit of the zones the footprint touches); a limit surface raster
(its lowest value under the footprint, the ground rule of
:func:`~core.measure.lowest_under`). With a DEM the raster holds absolute
elevations and is compared with the roof (lowest ground + height). Every
building gets a status; a building that cannot be checked says why.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from .measure import height_excess, lowest_under

OVER = "over"
WITHIN = "within"
NOT_CHECKED = "not_checked"

#: why a building is not checked (the bridge turns these codes into translated texts)
NO_HEIGHT = "no_height"
NO_GEOMETRY = "no_geometry"
NO_ZONE = "no_zone"
OUTSIDE_SURFACE = "outside_surface"
NO_GROUND = "no_ground"


@dataclass
class Check:
    """The result for one building."""

    status: str
    reason: str | None = None
    height: float | None = None
    limit: float | None = None
    excess: float | None = None
    """metres above the limit (> 0 over; compared with the roof when the limit is an elevation)"""


class ZoneLimits:
    """Zones (shapely polygons in the buildings' CRS) with their limit in metres."""

    def __init__(self, zones):
        import warnings

        from shapely.strtree import STRtree

        self.zones = [(geom, float(limit)) for geom, limit in zones if geom is not None and not geom.is_empty]
        self.limits = {id(geom): limit for geom, limit in self.zones}
        with warnings.catch_warnings():  # shapely 1.8 warns that 2.0 returns indices (both are handled)
            warnings.simplefilter("ignore")
            self.tree = STRtree([geom for geom, _ in self.zones]) if self.zones else None

    def limit_for(self, footprint) -> float | None:
        """The strictest limit of the zones *footprint* touches, None outside every zone."""
        if self.tree is None:
            return None
        hits = []
        for item in self.tree.query(footprint):
            zone, limit = self.zones[int(item)] if not hasattr(item, "geom_type") else (item, self.limits[id(item)])
            if zone.intersects(footprint):
                hits.append(limit)
        return min(hits) if hits else None


class LimitRule:
    """One way of finding the limit of a building (exactly one of *single*, *zones*, *surface*)."""

    def __init__(self, single: float | None = None, zones: ZoneLimits | None = None, surface=None,
                 to_surface=None, dem=None, to_dem=None):
        self.single = single
        self.zones = zones
        self.surface = surface
        self.to_surface = to_surface
        self.dem = dem
        self.to_dem = to_dem

    def check(self, height: float | None, footprint) -> Check:
        """Status of a building of *height* (metres above ground, None if unknown) over *footprint*."""
        if footprint is None or footprint.is_empty:
            return Check(NOT_CHECKED, NO_GEOMETRY, height=height)
        if height is None or not math.isfinite(height):
            return Check(NOT_CHECKED, NO_HEIGHT)
        compared = height
        if self.single is not None:
            limit = self.single
        elif self.zones is not None:
            limit = self.zones.limit_for(footprint)
            if limit is None:
                return Check(NOT_CHECKED, NO_ZONE, height=height)
        else:
            limit = _known(lowest_under(footprint, self.surface, self.to_surface))
            if limit is None:
                return Check(NOT_CHECKED, OUTSIDE_SURFACE, height=height)
            if self.dem is not None:
                ground = _known(lowest_under(footprint, self.dem, self.to_dem))
                if ground is None:
                    return Check(NOT_CHECKED, NO_GROUND, height=height, limit=limit)
                compared = ground + height
        excess = height_excess(compared, limit)
        return Check(OVER if excess > 0 else WITHIN, None, height=height, limit=limit, excess=excess)


def _known(value: float) -> float | None:
    return None if value is None or not math.isfinite(value) else float(value)
