"""The network's working CRS: which CRS the graph is built in, its units, lengths between points.

A projected layer is worked on in its own CRS, whatever its unit (metre, foot, US survey
foot): every distance in the core is in metres, converted to and from the CRS's unit
with ``core.crs.metres_per_unit`` (the one rule of the core and the bridge). A geographic layer is
worked on in the UTM zone where its data lies, so that its unit is the metre.
"""
from __future__ import annotations

import functools

import numpy as np

from ..crs import metres_per_unit, utm_epsg


class Measure:
    """Lengths between coordinate pairs in the working CRS: ellipsoidal (pyproj.Geod) or planar."""

    def __init__(self, crs_wkt: str, ellipsoid: tuple[float, float] | None):
        from pyproj import CRS, Geod, Transformer

        crs = CRS.from_wkt(crs_wkt)
        self.ellipsoidal = ellipsoid is not None
        if self.ellipsoidal:
            a, b = ellipsoid
            self.geod = Geod(a=a, b=b)
            self.to_lonlat = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
        self.unit = metres_per_unit(crs_wkt)
        """metres per CRS unit (planar lengths)"""

    def lonlat(self, xy: np.ndarray) -> np.ndarray:
        lon, lat = self.to_lonlat.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([lon, lat])

    def between(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Length in metres from each point of *a* to the matching point of *b* ((n, 2) arrays)."""
        if len(a) == 0:
            return np.zeros(0)
        if self.ellipsoidal:
            la, lb = self.lonlat(a), self.lonlat(b)
            _, _, dist = self.geod.inv(la[:, 0], la[:, 1], lb[:, 0], lb[:, 1])
            return np.abs(np.asarray(dist, dtype=float))
        return np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1]) * self.unit


def working_crs_wkt(layer_crs_wkt: str, coords: np.ndarray) -> str:
    """The CRS to build in: the layer's if projected, else the UTM zone where the data lies.

    The zone comes from the data's own median position (not the CRS's area of use,
    which for EPSG:4326 is the whole world), so snapping distances are true metres.
    """
    from pyproj import CRS

    crs = CRS.from_wkt(layer_crs_wkt)
    if crs.is_projected:
        return layer_crs_wkt
    finite = coords[np.all(np.isfinite(coords), axis=1)]
    lon, lat = (float(np.median(finite[:, 0])), float(np.median(finite[:, 1]))) if len(finite) else (0.0, 0.0)
    return CRS.from_epsg(utm_epsg(lon, lat)).to_wkt()


@functools.lru_cache(maxsize=16)
def transformers(layer_crs_wkt: str, work_crs_wkt: str) -> tuple[object | None, object | None]:
    """Transformers layer -> working CRS and back (None, None when they are the same)."""
    if layer_crs_wkt == work_crs_wkt:
        return None, None
    from pyproj import CRS, Transformer

    layer, work = CRS.from_wkt(layer_crs_wkt), CRS.from_wkt(work_crs_wkt)
    return (Transformer.from_crs(layer, work, always_xy=True), Transformer.from_crs(work, layer, always_xy=True))

