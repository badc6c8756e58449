"""Geodesic measurement: lengths, areas, perimeters on the ellipsoid of the layer's CRS, 3D length
draped on a DEM, building volume and facade area, height-limit excess.

Geodesics are pyproj's (Karney's algorithms, GeographicLib): a layer in a
projected CRS is measured on the ellipsoid of that CRS's datum (CGCS2000 for
EPSG:4490/4547..., WGS 84 for UTM), exactly as QgsDistanceArea does with the
ellipsoid set, not on the projection plane.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .errors import ValidationError


@dataclass
class Measures:
    """The measures of one geometry (NaN where they do not apply)."""

    length_m: float = math.nan
    """geodesic length of lines (sum of parts)"""
    area_m2: float = math.nan
    """geodesic area of polygons (holes subtracted)"""
    perimeter_m: float = math.nan
    """geodesic length of all rings of polygons"""
    length_3d_m: float = math.nan
    """length along the DEM surface (lines) or of the draped outline (polygons)"""
    base_elev_m: float = math.nan
    """lowest DEM value at the geometry's vertices and inner point"""


class Measurer:
    """Measures geometries given in *crs_wkt* on that CRS's ellipsoid."""

    def __init__(self, crs_wkt: str):
        from pyproj import CRS, Transformer

        try:
            crs = CRS.from_user_input(crs_wkt)
        except Exception as exc:  # pyproj raises CRSError, a subclass of its own base
            raise ValidationError(f"the coordinate reference system cannot be read: {exc}") from exc
        geodetic = crs.geodetic_crs
        if geodetic is None:
            raise ValidationError("the coordinate reference system has no datum: measure in a real CRS")
        self.geod = crs.get_geod()
        if self.geod is None:
            raise ValidationError("the coordinate reference system has no ellipsoid")
        self.ellipsoid = geodetic.ellipsoid.name if geodetic.ellipsoid else "?"
        self.geographic = crs.is_geographic
        self._to_lonlat = None if crs.is_geographic else Transformer.from_crs(crs, geodetic, always_xy=True)
        self._dem_transformer = None

    def lonlat(self, coords) -> tuple[np.ndarray, np.ndarray]:
        array = np.asarray(coords, dtype=np.float64)
        x, y = array[:, 0], array[:, 1]
        if self._to_lonlat is not None:
            x, y = self._to_lonlat.transform(x, y)
        return np.asarray(x), np.asarray(y)

    def line_length(self, coords) -> float:
        if len(coords) < 2:
            return 0.0
        lon, lat = self.lonlat(coords)
        return float(self.geod.line_length(lon, lat))

    def ring_area_perimeter(self, coords) -> tuple[float, float]:
        if len(coords) < 3:
            return 0.0, 0.0
        lon, lat = self.lonlat(coords)
        if lon[0] == lon[-1] and lat[0] == lat[-1]:
            lon, lat = lon[:-1], lat[:-1]
        area, perimeter = self.geod.polygon_area_perimeter(lon, lat)
        return abs(float(area)), float(perimeter)

    def measure(self, geom) -> Measures:
        """Length, area and perimeter of a shapely geometry in the layer's CRS."""
        out = Measures()
        if geom is None or geom.is_empty:
            return out
        kind = geom.geom_type
        parts = list(getattr(geom, "geoms", [geom]))
        if kind in ("LineString", "MultiLineString", "LinearRing"):
            out.length_m = sum(self.line_length(p.coords) for p in parts)
        elif kind in ("Polygon", "MultiPolygon"):
            area = perimeter = 0.0
            for polygon in parts:
                a, p = self.ring_area_perimeter(polygon.exterior.coords)
                area += a
                perimeter += p
                for hole in polygon.interiors:
                    a, p = self.ring_area_perimeter(hole.coords)
                    area -= a
                    perimeter += p
            out.area_m2 = area
            out.perimeter_m = perimeter
        return out

    def draped(self, geom, dem, to_dem) -> tuple[float, float]:
        """(3D length along the DEM, lowest DEM value) of a shapely geometry.

        *dem* is a :class:`~core.visibility.grid.Grid`; *to_dem* a pyproj
        Transformer from the layer's CRS to the DEM's (always_xy) or None if equal.
        Each segment is cut every half cell; heights bilinear between cell centres.
        """
        if geom is None or geom.is_empty:
            return math.nan, math.nan
        lines = []
        for part in getattr(geom, "geoms", [geom]):
            if part.geom_type == "Polygon":
                lines.append(np.asarray(part.exterior.coords))
                lines.extend(np.asarray(h.coords) for h in part.interiors)
            else:
                lines.append(np.asarray(part.coords))
        step = 0.5 * min(dem.cell_x, dem.cell_y)
        total = 0.0
        lowest = math.inf
        inner = geom.representative_point()
        z_inner = _dem_at(dem, to_dem, np.array([[inner.x, inner.y]]))
        if np.isfinite(z_inner).any():
            lowest = float(np.nanmin(z_inner))
        for coords in lines:
            coords = coords[:, :2]
            if len(coords) == 0:
                continue
            dem_xy = _transform(to_dem, coords)
            dense_layer = [coords[:1]]
            for k in range(len(coords) - 1):
                seg = dem_xy[k + 1] - dem_xy[k]
                n = max(1, int(math.ceil(math.hypot(*seg) / step)))
                t = (np.arange(1, n + 1) / n)[:, None]
                dense_layer.append(coords[k] + (coords[k + 1] - coords[k]) * t)
            dense = np.vstack(dense_layer)
            z = _dem_at(dem, to_dem, dense)
            if np.isfinite(z).any():
                lowest = min(lowest, float(np.nanmin(z)))
            if len(dense) < 2:
                continue
            lon, lat = self.lonlat(dense)
            _, _, flat = self.geod.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
            dz = np.diff(z)
            dz[~np.isfinite(dz)] = 0.0  # nodata: no slope where the DEM is unknown
            total += float(np.sqrt(np.asarray(flat) ** 2 + dz ** 2).sum())
        return total, (lowest if math.isfinite(lowest) else math.nan)


def _transform(transformer, coords: np.ndarray) -> np.ndarray:
    if transformer is None:
        return coords
    x, y = transformer.transform(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def _dem_at(dem, to_dem, coords: np.ndarray) -> np.ndarray:
    """Bilinear DEM heights at layer coordinates (NaN outside or on nodata)."""
    xy = _transform(to_dem, coords)
    gt = dem.geotransform
    rows = (xy[:, 1] - gt[3]) / gt[5] - 0.5
    cols = (xy[:, 0] - gt[0]) / gt[1] - 0.5
    n_rows, n_cols = dem.shape
    out = np.full(len(xy), np.nan)
    inside = (rows >= -0.5) & (rows <= n_rows - 0.5) & (cols >= -0.5) & (cols <= n_cols - 0.5)
    r = np.clip(rows[inside], 0, n_rows - 1)
    c = np.clip(cols[inside], 0, n_cols - 1)
    r0 = np.minimum(r.astype(np.intp), n_rows - 1)
    c0 = np.minimum(c.astype(np.intp), n_cols - 1)
    r1 = np.minimum(r0 + 1, n_rows - 1)
    c1 = np.minimum(c0 + 1, n_cols - 1)
    fr, fc = r - r0, c - c0
    a = dem.array
    top = a[r0, c0] * (1 - fc) + a[r0, c1] * fc
    bottom = a[r1, c0] * (1 - fc) + a[r1, c1] * fc
    out[inside] = top * (1 - fr) + bottom * fr
    return out


def building_height(height: float | None, floors: float | None, floor_height: float) -> float | None:
    """Height from the height field, else floors x floor height; None if neither is usable."""
    if height is not None and math.isfinite(height) and height > 0:
        return float(height)
    if floors is not None and math.isfinite(floors) and floors > 0:
        return float(floors) * floor_height
    return None


def volume_and_facade(area_m2: float, perimeter_m: float, height: float | None) -> tuple[float, float]:
    """Prism volume and wall area of a building of *height* over its footprint."""
    if height is None or not math.isfinite(area_m2):
        return math.nan, math.nan
    return area_m2 * height, perimeter_m * height


def height_excess(height: float, limit: float | None) -> float | None:
    """Metres above the limit (> 0 means over), None when there is no limit."""
    if limit is None or not math.isfinite(limit):
        return None
    return height - limit
