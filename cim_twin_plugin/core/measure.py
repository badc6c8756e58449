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


#: WKB header of a little-endian 2D polygon with one ring
_SIMPLE_POLYGON = b"\x01\x03\x00\x00\x00\x01\x00\x00\x00"


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
        self._raw_area = getattr(self.geod, "_polygon_area_perimeter", None)

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

    def measure_wkb(self, wkb: bytes) -> tuple[float, float, float]:
        """(length, area, perimeter) of an ISO WKB geometry, NaN where they do not apply.

        Faster than :meth:`measure` for many features (no geometry objects are built):
        the rings and lines are read straight from the bytes.
        """
        if wkb[:9] == _SIMPLE_POLYGON and self._to_lonlat is None:
            # the common case (one ring, 2D, little endian) without the general reader
            n = int.from_bytes(wkb[9:13], "little")
            if n < 4:
                return math.nan, 0.0, 0.0
            coords = np.frombuffer(wkb, dtype="<f8", count=2 * n - 2, offset=13)
            lon, lat = coords[0::2].copy(), coords[1::2].copy()
            if self._raw_area is not None:  # the C routine behind polygon_area_perimeter, minus its checks
                area, perimeter = self._raw_area(lon, lat, False)
            else:  # pragma: no cover (other pyproj versions)
                area, perimeter = self.geod.polygon_area_perimeter(lon, lat)
            return math.nan, abs(float(area)), float(perimeter)
        lines, polygons = parse_wkb(wkb)
        length = area = perimeter = math.nan
        if lines:
            length = 0.0
            for coords in lines:
                if len(coords) >= 2:
                    length += self._line_length_xy(coords)
        if polygons:
            area = perimeter = 0.0
            for rings in polygons:
                for k, coords in enumerate(rings):
                    a, p = self._ring_xy(coords)
                    area += a if k == 0 else -a
                    perimeter += p
        return length, area, perimeter

    def _line_length_xy(self, coords: np.ndarray) -> float:
        lon, lat = self.lonlat(coords)
        return float(self.geod.line_length(lon, lat))

    def _ring_xy(self, coords: np.ndarray) -> tuple[float, float]:
        if len(coords) < 4:
            return 0.0, 0.0
        lon, lat = self.lonlat(coords[:-1] if (coords[0] == coords[-1]).all() else coords)
        area, perimeter = self.geod.polygon_area_perimeter(lon, lat)
        return abs(float(area)), float(perimeter)

    def draped(self, geom, dem, to_dem) -> tuple[float, float]:
        """(3D length along the DEM, lowest DEM value) of a shapely geometry.

        *dem* is a :class:`~core.visibility.grid.Grid`; *to_dem* a pyproj
        Transformer from the layer's CRS to the DEM's (always_xy) or None if equal.
        Each segment is cut every half cell; heights bilinear between cell centres.
        The lowest value is :func:`lowest_under`'s (the same samples).
        """
        if geom is None or geom.is_empty:
            return math.nan, math.nan
        total = 0.0
        lowest = _lowest(_dem_at(dem, to_dem, _inner_point(geom)))
        for dense in _dense_lines(geom, dem, to_dem):
            z = _dem_at(dem, to_dem, dense)
            lowest = min(lowest, _lowest(z))
            if len(dense) < 2:
                continue
            lon, lat = self.lonlat(dense)
            _, _, flat = self.geod.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
            dz = np.diff(z)
            dz[~np.isfinite(dz)] = 0.0  # nodata: no slope where the DEM is unknown
            total += float(np.sqrt(np.asarray(flat) ** 2 + dz ** 2).sum())
        return total, (lowest if math.isfinite(lowest) else math.nan)


def lowest_under(geom, grid, to_grid) -> float:
    """Lowest raster value under a footprint or line: bilinear samples every half cell along
    its outline plus a point inside it (NaN when all fall outside the raster or on nodata).

    The one definition of "the ground under a building" (base_elev_m of measure, the
    ground and the limit surface of heightlimit).
    """
    if geom is None or geom.is_empty:
        return math.nan
    lowest = _lowest(_dem_at(grid, to_grid, _inner_point(geom)))
    for dense in _dense_lines(geom, grid, to_grid):
        lowest = min(lowest, _lowest(_dem_at(grid, to_grid, dense)))
    return lowest if math.isfinite(lowest) else math.nan


def _lowest(z: np.ndarray) -> float:
    return float(np.nanmin(z)) if np.isfinite(z).any() else math.inf


def _inner_point(geom) -> np.ndarray:
    inner = geom.representative_point()
    return np.array([[inner.x, inner.y]])


def _dense_lines(geom, dem, to_dem) -> list[np.ndarray]:
    """The rings or lines of *geom* (layer coordinates) cut every half cell of *dem*."""
    lines = []
    for part in getattr(geom, "geoms", [geom]):
        if part.geom_type == "Polygon":
            lines.append(np.asarray(part.exterior.coords))
            lines.extend(np.asarray(h.coords) for h in part.interiors)
        else:
            lines.append(np.asarray(part.coords))
    step = 0.5 * min(dem.cell_x, dem.cell_y)
    out = []
    for coords in lines:
        coords = coords[:, :2]
        if len(coords) == 0:
            continue
        dem_xy = _transform(to_dem, coords)
        dense = [coords[:1]]
        for k in range(len(coords) - 1):
            seg = dem_xy[k + 1] - dem_xy[k]
            n = max(1, int(math.ceil(math.hypot(*seg) / step)))
            t = (np.arange(1, n + 1) / n)[:, None]
            dense.append(coords[k] + (coords[k + 1] - coords[k]) * t)
        out.append(np.vstack(dense))
    return out


def parse_wkb(wkb: bytes) -> tuple[list, list]:
    """Lines and polygons (lists of rings) of an ISO WKB geometry as (n, 2) arrays of x, y.

    Why by hand: building a shapely object per feature costs more than the geodesic
    measure itself at a million features; the WKB layout (OGC 06-103r4) is simple.
    Points give no lines or polygons; curves must be segmentized before.
    """
    import struct

    lines: list = []
    polygons: list = []

    def read(offset: int) -> int:
        order = "<" if wkb[offset] == 1 else ">"
        (code,) = struct.unpack_from(order + "I", wkb, offset + 1)
        offset += 5
        if code & 0x80000000 or code & 0x40000000:  # EWKB Z/M flags
            dims = 2 + bool(code & 0x80000000) + bool(code & 0x40000000)
            if code & 0x20000000:
                offset += 4  # SRID
            base = code & 0xFFFF
        else:
            dims = 2 + (1 if (code // 1000) in (1, 2) else 2 if code // 1000 == 3 else 0)
            base = code % 1000
        dtype = np.dtype(order + "f8")

        def points(at: int):
            (n,) = struct.unpack_from(order + "I", wkb, at)
            coords = np.frombuffer(wkb, dtype=dtype, count=n * dims, offset=at + 4).reshape(n, dims)[:, :2]
            return coords, at + 4 + 8 * n * dims

        if base == 1:
            return offset + 8 * dims
        if base == 2:
            coords, offset = points(offset)
            lines.append(coords)
            return offset
        if base == 3:
            (n_rings,) = struct.unpack_from(order + "I", wkb, offset)
            offset += 4
            rings = []
            for _ in range(n_rings):
                coords, offset = points(offset)
                rings.append(coords)
            polygons.append(rings)
            return offset
        if base in (4, 5, 6, 7):
            (n_parts,) = struct.unpack_from(order + "I", wkb, offset)
            offset += 4
            for _ in range(n_parts):
                offset = read(offset)
            return offset
        raise ValidationError(f"geometry type {code} cannot be measured: segmentize curves first")

    if wkb:
        read(0)
    return lines, polygons


def _transform(transformer, coords: np.ndarray) -> np.ndarray:
    if transformer is None:
        return coords
    x, y = transformer.transform(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def _dem_at(dem, to_dem, coords: np.ndarray) -> np.ndarray:
    """Bilinear DEM heights at layer coordinates (NaN outside or on nodata)."""
    xy = _transform(to_dem, coords)
    return dem.heights_at(xy[:, 0], xy[:, 1])


def measure_many(measurer: Measurer, wkbs, heights=None) -> np.ndarray:
    """Measures of many WKB geometries (in the measurer's CRS) as an (n, 6) float array:
    length, area, perimeter, height, volume, facade (NaN where they do not apply).

    Simple polygons (one ring, 2D) are transformed to longitude/latitude in one
    call for the whole batch; *heights* (NaN = none) give volume and facade.
    """
    out = np.full((len(wkbs), 6), np.nan)
    simple, counts, chunks = [], [], []
    for k, data in enumerate(wkbs):
        if data is None:
            continue
        if data[:9] == _SIMPLE_POLYGON:
            n = int.from_bytes(data[9:13], "little")
            if n >= 4:
                simple.append(k)
                counts.append(n - 1)
                chunks.append(np.frombuffer(data, dtype="<f8", count=2 * n - 2, offset=13))
                continue
        out[k, :3] = measurer.measure_wkb(data)
    if simple:
        xy = np.concatenate(chunks).reshape(-1, 2)
        lon, lat = measurer.lonlat(xy)
        lon = np.ascontiguousarray(lon, dtype=np.float64)
        lat = np.ascontiguousarray(lat, dtype=np.float64)
        ends = np.cumsum(counts).tolist()
        area_of = measurer._raw_area or (lambda x, y, _radians: measurer.geod.polygon_area_perimeter(x, y))
        start = 0
        for k, end in zip(simple, ends):
            area, perimeter = area_of(lon[start:end], lat[start:end], False)
            out[k, 1] = abs(area)
            out[k, 2] = perimeter
            start = end
    if heights is not None:
        h = np.asarray(heights, dtype=np.float64)
        out[:, 3] = h
        out[:, 4] = out[:, 1] * h
        out[:, 5] = out[:, 2] * h
    return out


_MEASURERS: dict[str, Measurer] = {}


def measure_batch(crs_wkt: str, wkbs, heights=None) -> np.ndarray:
    """:func:`measure_many` for a pool worker: the Measurer of *crs_wkt* is built once per process."""
    measurer = _MEASURERS.get(crs_wkt)
    if measurer is None:
        measurer = _MEASURERS.setdefault(crs_wkt, Measurer(crs_wkt))
    return measure_many(measurer, wkbs, heights)


def measure_rows(crs_wkt: str, wkbs, heights=None) -> list:
    """:func:`to_rows` of :func:`measure_batch` (no DEM): what a pool worker sends back."""
    return to_rows(measure_batch(crs_wkt, wkbs, heights))


def to_rows(table: np.ndarray, draped: np.ndarray | None = None) -> list:
    """Rows of length, area, perimeter, length_3d, base_elev, height, volume, facade for each geometry,
    None where NaN: ready to append to a feature's attributes.

    *table*: the (n, 6) array of :func:`measure_many`; *draped*: the (n, 2) array of :func:`drape_many`
    (None without a DEM: length_3d and base_elev stay None).
    """
    columns = np.full((len(table), 8), np.nan)
    columns[:, 0:3] = table[:, 0:3]
    columns[:, 5:8] = table[:, 3:6]
    if draped is not None:
        columns[:, 3:5] = draped
    return [[None if v != v else v for v in row] for row in columns.tolist()]


def drape_many(measurer: Measurer, wkbs, dem, to_dem) -> np.ndarray:
    """(n, 2): 3D length along the DEM (NaN for points) and lowest DEM value of each WKB geometry
    (:meth:`Measurer.draped`; NaN for a missing geometry)."""
    from shapely import wkb as shapely_wkb  # noqa: PLC0415 (only with a DEM)

    out = np.full((len(wkbs), 2), np.nan)
    for k, data in enumerate(wkbs):
        if data is not None:
            shape = shapely_wkb.loads(data)
            length3d, base = measurer.draped(shape, dem, to_dem)
            out[k] = (math.nan if shape.geom_type in ("Point", "MultiPoint") else length3d), base
    return out


def building_heights(heights, floors, floor_height: float) -> np.ndarray:
    """Vectorised :func:`building_height`: NaN where neither value is usable."""
    h = np.asarray(heights, dtype=np.float64)
    f = np.asarray(floors, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        from_floors = np.where(f > 0, f * floor_height, np.nan)
        return np.where(h > 0, h, from_floors)


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


class Pipeline:
    """Measure batches of WKB geometries in reading order; with a worker, one batch is measured in a
    worker process while the caller reads and writes the next (I/O and pyproj then use two cores).

    ``submit(payload, wkbs, heights)`` returns the batches finished so far as ``(payload, rows)``
    (rows of :func:`to_rows`); ``finish()`` returns the rest. The worker is only started for many
    features, without a DEM and on more than one core; when it cannot start, batches are measured
    here.
    """

    #: layers with at least this many features measure in a worker process
    WORKER_THRESHOLD = 50000

    def __init__(self, measurer: Measurer, crs_wkt: str, dem=None, to_dem=None, total: int = 0,
                 threshold: int | None = None):
        from collections import deque

        self.measurer = measurer
        self.crs_wkt = crs_wkt
        self.dem = dem
        self.to_dem = to_dem
        self.executor = None
        self.queue: deque = deque()
        limit = self.WORKER_THRESHOLD if threshold is None else threshold
        if dem is None and total >= limit:
            from . import pool  # noqa: PLC0415 (only for large layers)

            if pool.cpu_count() > 1:
                try:
                    self.executor = pool.spawn_executor(1)
                except (OSError, ValueError):
                    self.executor = None

    def submit(self, payload, wkbs, heights=None) -> list:
        future = None
        if self.executor is not None:
            future = self.executor.submit(measure_rows, self.crs_wkt, wkbs, heights)
        self.queue.append((payload, wkbs, heights, future))
        done = []
        while len(self.queue) > (1 if self.executor is not None else 0):
            done.append(self._finish(self.queue.popleft()))
        return done

    def finish(self) -> list:
        done = [self._finish(item) for item in list(self.queue)]
        self.queue.clear()
        return done

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None

    def _finish(self, item):
        from concurrent.futures.process import BrokenProcessPool

        payload, wkbs, heights, future = item
        if future is not None:
            try:
                return payload, future.result()
            except BrokenProcessPool:  # the worker could not start: measure here
                self.executor = None
        table = measure_many(self.measurer, wkbs, heights)
        draped = drape_many(self.measurer, wkbs, self.dem, self.to_dem) if self.dem is not None else None
        return payload, to_rows(table, draped)


def unmeasurable(wkbs, rows) -> list[int]:
    """Indexes of lines and polygons whose length and area are both unknown (NaN/None): their
    coordinates could not be brought to longitude/latitude, e.g. a CRS without a real datum."""
    out = []
    for i, (data, row) in enumerate(zip(wkbs, rows)):
        if data is None or row[0] is not None or row[1] is not None:
            continue
        code = int.from_bytes(data[1:5], "little" if data[0] == 1 else "big") if len(data) >= 5 else 0
        kind = (code & 0x0FFFFFFF) % 1000
        if kind not in (1, 4):  # points have no length or area
            out.append(i)
    return out
