"""Beidou grid location code (北斗网格位置码, GB/T 39409-2020).

Encodes CGCS2000 longitude/latitude (and optionally geodetic height) into the
standard's 2D and 3D grid codes, decodes codes back into cells, and lists the
cells covering a lon/lat box. Implementation notes follow the project's spec
``shared/reference/beidou_grid.md``:

* All arithmetic is exact integer arithmetic in units of 1/2048 arc-second
  (1 degree = 7,372,800 units); a float degree is converted once, snapping to
  the nearest unit when it is within 1e-6 of one (so ``12.5`` or ``116.32``
  typed as decimals land exactly on their cell boundary).
* Every hemisphere mirrors the north-east one: index 0 touches the equator and
  the prime meridian; cells are half-open and closed toward the origin, so a
  point on a boundary belongs to the cell farther from the equator/meridian.
  Longitude 0 is east (zone 31), latitude 0 is north (``N``); longitude +-180
  is clamped into the edge cell (zone 60 / zone 01).
* Latitudes with ``|lat| >= 88`` (the polar caps) are rejected.
* Heights: the layer index is ``n = floor(7372800 * ln((H + r0) / r0) /
  ln(1 + pi/180))``; its digits a1..a11 are written in mixed radix
  (``height_mode="mixed"``, the standard's intent, default) or in the bit
  fields of Appendix C.14 (``height_mode="bitfield"``, what most open-source
  codecs do). Negative heights use sign and magnitude: a0 = 1, then ``|n|``.

Pure Python + numpy: nothing here imports QGIS.
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import QT_TRANSLATE_NOOP, GridCodeError, TooLargeError

__all__ = [
    "CELL_SIZE_DEG",
    "CELL_SIZE_UNITS",
    "CODE_LENGTH_2D",
    "CODE_LENGTH_3D",
    "HEIGHT_MODES",
    "LEVELS",
    "UNITS_PER_DEGREE",
    "GridCell",
    "cell_polygon",
    "cells_in_extent",
    "count_cells_in_extent",
    "decode",
    "encode",
    "encode_3d",
    "encode_height",
    "encode_many",
    "encode_many_with_errors",
    "encode_many_with_reasons",
    "height_layer",
    "level_of",
]

# --------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------

LEVELS = range(1, 11)
"""The ten levels of the 2D grid (1 = 6 x 4 degrees ... 10 = 1/2048 arc-second)."""

UNITS_PER_DEGREE = 7_372_800
"""Integer units per degree: one unit is 1/2048 arc-second, the level-10 cell."""

_U = UNITS_PER_DEGREE
_LON_LIMIT = 180 * _U
"""|longitude| in units; 180 itself is clamped into the edge cell."""
_LAT_LIMIT = 88 * _U
"""|latitude| in units must stay below this (polar caps are not supported)."""

CELL_SIZE_UNITS: dict[int, tuple[int, int]] = {
    1: (44_236_800, 29_491_200),
    2: (3_686_400, 3_686_400),
    3: (1_843_200, 1_228_800),
    4: (122_880, 122_880),
    5: (8_192, 8_192),
    6: (4_096, 4_096),
    7: (512, 512),
    8: (64, 64),
    9: (8, 8),
    10: (1, 1),
}
"""level -> (longitude, latitude) cell size in units of 1/2048 arc-second."""

CELL_SIZE_DEG: dict[int, tuple[float, float]] = {
    level: (dx / _U, dy / _U) for level, (dx, dy) in CELL_SIZE_UNITS.items()
}
"""level -> (longitude, latitude) cell size in degrees."""

CODE_LENGTH_2D: dict[int, int] = {1: 4, 2: 6, 3: 7, 4: 9, 5: 11, 6: 12, 7: 14, 8: 16, 9: 18, 10: 20}
"""level -> length of a 2D code."""

CODE_LENGTH_3D: dict[int, int] = {1: 7, 2: 10, 3: 12, 4: 15, 5: 18, 6: 20, 7: 23, 8: 26, 9: 29, 10: 32}
"""level -> length of a 3D code (2D segments interleaved with height digits)."""

_LEVEL_BY_LENGTH_2D = {length: level for level, length in CODE_LENGTH_2D.items()}
_LEVEL_BY_LENGTH_3D = {length: level for level, length in CODE_LENGTH_3D.items()}

_SPLIT: dict[int, tuple[int, int]] = {
    level: (CELL_SIZE_UNITS[level - 1][0] // CELL_SIZE_UNITS[level][0],
            CELL_SIZE_UNITS[level - 1][1] // CELL_SIZE_UNITS[level][1])
    for level in range(2, 11)
}
"""level -> (columns, rows) a parent cell is split into (levels 2-10)."""

_Z_LEVELS = frozenset({3, 6})
"""Levels written as one Z-order digit ``2*row + col`` instead of a col/row pair."""

_DIGITS = "0123456789ABCDEF"
_DIGIT_BYTES = np.frombuffer(_DIGITS.encode("ascii"), dtype=np.uint8)

_SNAP_TOLERANCE = 1e-6
"""A coordinate within this many units (1.4e-13 degree) of a whole unit is snapped to it."""

# Height -------------------------------------------------------------------

EARTH_RADIUS_M = 6_378_137.0
"""r0 of the standard's height formula (CGCS2000 semi-major axis), metres."""
_THETA0 = math.pi / 180.0
_LN_1_THETA0 = math.log(1.0 + _THETA0)

HEIGHT_MODES = ("mixed", "bitfield")
"""Accepted ``height_mode`` values: mixed radix (default) or Appendix C.14 bit fields."""

# Per mode: (weight, radix) of a1a2 (one two-character decimal digit), a3, ..., a11.
_HEIGHT_DIGITS: dict[str, tuple[tuple[int, int], ...]] = {
    "mixed": (
        (29_491_200, 64), (3_686_400, 8), (1_843_200, 2), (122_880, 15), (8_192, 15),
        (4_096, 2), (512, 8), (64, 8), (8, 8), (1, 8),
    ),
    "bitfield": (
        (1 << 25, 64), (1 << 22, 8), (1 << 21, 2), (1 << 17, 16), (1 << 13, 16),
        (1 << 12, 2), (1 << 9, 8), (1 << 6, 8), (1 << 3, 8), (1, 8),
    ),
}
"""Index i (0-based) holds the digit(s) written after the level-(i+1) 2D segment."""

_HEIGHT_LIMIT = {"mixed": 64 * 29_491_200, "bitfield": 1 << 31}
"""|n| must stay below this in each mode."""


# --------------------------------------------------------------------------
# Value object
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class GridCell:
    """One cell of the Beidou grid, as decoded from (or produced with) its code."""

    code: str
    """The code in canonical upper case (2D or 3D)."""
    level: int
    """Grid level, 1 (6 x 4 degrees) to 10 (1/2048 arc-second)."""
    is_3d: bool
    """True when the code carries height digits."""
    corner: tuple[float, float]
    """Positioning corner (定位角点) as (lon, lat): the corner nearest the equator and prime meridian."""
    west: float
    """Western edge, degrees of longitude."""
    south: float
    """Southern edge, degrees of latitude."""
    east: float
    """Eastern edge, degrees of longitude."""
    north: float
    """Northern edge, degrees of latitude."""
    centre: tuple[float, float]
    """Centre of the cell as (lon, lat)."""
    height_bottom: float | None = None
    """Lowest geodetic height (m) of the layer for 3D codes, else None."""
    height_top: float | None = None
    """Height (m) where the layer ends (exclusive) for 3D codes, else None."""

    def ring(self) -> list[tuple[float, float]]:
        """Closed counter-clockwise ring of (lon, lat) of the footprint (5 points, first = last)."""
        return [(self.west, self.south), (self.east, self.south), (self.east, self.north),
                (self.west, self.north), (self.west, self.south)]

    def contains(self, lon: float, lat: float) -> bool:
        """True if (lon, lat) lies in the closed box of this cell (edges included)."""
        return self.west <= lon <= self.east and self.south <= lat <= self.north


# --------------------------------------------------------------------------
# Validation helpers
# --------------------------------------------------------------------------


def _check_level(level: Any) -> int:
    if isinstance(level, bool) or not isinstance(level, (int, np.integer)):
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "level {level} is not a Beidou grid level; use an integer from 1 to 10"),
            level=repr(level))
    if not 1 <= int(level) <= 10:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "level {level} is not a Beidou grid level; use an integer from 1 (6 x 4 degree cells) to "
            "10 (1/2048 arc-second cells)"),
            level=level)
    return int(level)


def _check_height_mode(mode: Any) -> str:
    if isinstance(mode, str) and mode.lower() in HEIGHT_MODES:
        return mode.lower()
    raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
        "height mode {mode} is unknown; use 'mixed' (mixed radix, the default) or 'bitfield' "
        "(Appendix C.14 bit fields)"),
        mode=repr(mode))


def _as_float(value: Any, what: str) -> float:
    if isinstance(value, (str, bytes)):
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "{what} {value} is not a number; give decimal degrees or metres as a number"),
            what=what, value=repr(value))
    try:
        return float(value)
    except (TypeError, ValueError):
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "{what} {value} is not a number; give decimal degrees or metres as a number"),
            what=what, value=repr(value)) from None


def _to_units(degrees: float) -> float:
    """Degrees -> units, snapped to a whole unit when within the float-rounding tolerance."""
    product = degrees * _U
    nearest = round(product)
    if abs(product - nearest) <= _SNAP_TOLERANCE:
        return float(nearest)
    return product


def _lon_units(lon: Any) -> tuple[bool, int]:
    """(is_west, |lon| in whole units, clamped below 180 degrees)."""
    value = _as_float(lon, "longitude")
    if not math.isfinite(value):
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "longitude {value} is not a finite number; give decimal degrees from -180 to 180"),
            value=value)
    units = _to_units(value)
    if abs(units) > _LON_LIMIT:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "longitude {value} is outside -180..180 degrees; give geographic coordinates "
            "(CGCS2000/WGS84 decimal degrees), not projected ones"),
            value=repr(value))
    return units < 0, min(math.floor(abs(units)), _LON_LIMIT - 1)


def _lat_units(lat: Any) -> tuple[bool, int]:
    """(is_south, |lat| in whole units)."""
    value = _as_float(lat, "latitude")
    if not math.isfinite(value):
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "latitude {value} is not a finite number; give decimal degrees from -88 to 88"),
            value=value)
    units = _to_units(value)
    if abs(units) > 90 * _U:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "latitude {value} is outside -90..90 degrees; give geographic coordinates "
            "(CGCS2000/WGS84 decimal degrees), not projected ones"),
            value=repr(value))
    if abs(units) >= _LAT_LIMIT:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "latitude {value} is outside the Beidou grid's range (-88..88 degrees, exclusive); polar "
            "cells are not supported"),
            value=repr(value))
    return units < 0, math.floor(abs(units))


# --------------------------------------------------------------------------
# 2D encoding
# --------------------------------------------------------------------------


def _segments(west: bool, ax: int, south: bool, ay: int, level: int) -> list[str]:
    """Hemisphere letter and the 2D segment of levels 1..level from absolute units."""
    zone_index = ax // CELL_SIZE_UNITS[1][0]
    zone = 30 - zone_index if west else 31 + zone_index
    segments = ["S" if south else "N", f"{zone:02d}{chr(65 + ay // CELL_SIZE_UNITS[1][1])}"]
    for lvl in range(2, level + 1):
        parent_x, parent_y = CELL_SIZE_UNITS[lvl - 1]
        size_x, size_y = CELL_SIZE_UNITS[lvl]
        col = (ax % parent_x) // size_x
        row = (ay % parent_y) // size_y
        if lvl in _Z_LEVELS:
            segments.append(_DIGITS[2 * row + col])
        else:
            segments.append(_DIGITS[col] + _DIGITS[row])
    return segments


def encode(lon: float, lat: float, level: int = 10) -> str:
    """2D Beidou grid code of the level-``level`` cell containing (lon, lat).

    ``lon``/``lat`` are CGCS2000 (or WGS84) decimal degrees; ``|lat|`` must be
    below 88. Raises :class:`GridCodeError` on bad input.
    """
    level = _check_level(level)
    west, ax = _lon_units(lon)
    south, ay = _lat_units(lat)
    return "".join(_segments(west, ax, south, ay, level))


# --------------------------------------------------------------------------
# Height
# --------------------------------------------------------------------------


def _height_index(height_m: Any, mode: str) -> int:
    """Signed level-10 height layer index n of a geodetic height in metres."""
    value = _as_float(height_m, "height")
    low, high = _height_domain(mode)
    if not math.isfinite(value) or value <= -EARTH_RADIUS_M:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "height {value} m is outside the Beidou height range ({low:,.1f} .. {high:,.1f} m in "
            "{mode} mode); give the geodetic height in metres"),
            value=repr(value), low=low, high=high, mode=mode)
    layer = math.floor(_U * math.log((value + EARTH_RADIUS_M) / EARTH_RADIUS_M) / _LN_1_THETA0)
    if abs(layer) >= _HEIGHT_LIMIT[mode]:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "height {value} m is outside the Beidou height range ({low:,.1f} .. {high:,.1f} m in "
            "{mode} mode); give the geodetic height in metres"),
            value=repr(value), low=low, high=high, mode=mode)
    return layer


def height_layer(n: float) -> float:
    """Geodetic height (m) where the level-10 layer index ``n`` begins: r0((1+θ0)^(n/7372800) - 1)."""
    return EARTH_RADIUS_M * math.expm1(n * _LN_1_THETA0 / _U)


def _height_domain(mode: str) -> tuple[float, float]:
    limit = _HEIGHT_LIMIT[mode]
    return height_layer(-(limit - 1)), height_layer(limit)


def _height_parts(layer: int, mode: str) -> list[str]:
    """[a0, a1a2, a3, ..., a11] for a signed layer index."""
    magnitude = abs(layer)
    parts = ["1" if layer < 0 else "0"]
    for i, (weight, radix) in enumerate(_HEIGHT_DIGITS[mode]):
        digit = (magnitude // weight) % radix
        parts.append(f"{digit:02d}" if i == 0 else _DIGITS[digit])
    return parts


def encode_height(height_m: float, mode: str = "mixed") -> str:
    """The 12 height characters a0..a11 of a geodetic height in metres.

    ``mode`` is ``"mixed"`` (mixed radix, default) or ``"bitfield"``
    (Appendix C.14). Negative heights are sign and magnitude (a0 = ``1``).
    """
    mode = _check_height_mode(mode)
    return "".join(_height_parts(_height_index(height_m, mode), mode))


def encode_3d(lon: float, lat: float, height_m: float, level: int = 10, height_mode: str = "mixed") -> str:
    """3D Beidou grid code: hemisphere, a0, then each level's 2D segment followed by its height digit(s)."""
    level = _check_level(level)
    mode = _check_height_mode(height_mode)
    west, ax = _lon_units(lon)
    south, ay = _lat_units(lat)
    segments = _segments(west, ax, south, ay, level)
    heights = _height_parts(_height_index(height_m, mode), mode)
    return segments[0] + heights[0] + "".join(segments[i] + heights[i] for i in range(1, level + 1))


# --------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------


def _normalise(code: Any) -> str:
    if not isinstance(code, str):
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {given} is not a string; give a code such as 'N50J47539B82'"),
            given=repr(code))
    text = code.strip()
    if not text.isascii():
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {text} contains non-ASCII characters; codes use only N/S, digits and A-V"),
            text=repr(text))
    return text.upper()


def level_of(code: str) -> tuple[int, bool]:
    """(level, is_3d) of a code from its length.

    Lengths 7, 12, 18 and 20 are shared by a 2D and a 3D level; the character
    at index 3 decides (a band letter in 2D, the second zone digit in 3D).
    """
    text = _normalise(code)
    length = len(text)
    level_2d = _LEVEL_BY_LENGTH_2D.get(length)
    level_3d = _LEVEL_BY_LENGTH_3D.get(length)
    if level_2d is None and level_3d is None:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {text} has {length} characters, which is no Beidou code length; 2D codes have "
            "4, 6, 7, 9, 11, 12, 14, 16, 18 or 20 characters, 3D codes 7, 10, 12, 15, 18, 20, 23, "
            "26, 29 or 32"),
            text=repr(text), length=length)
    if level_2d is not None and level_3d is not None:
        if text[3].isalpha():
            return level_2d, False
        if text[3].isdigit():
            return level_3d, True
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {text}: character {char} at position 4 is neither a band letter (2D code) nor "
            "a zone digit (3D code)"),
            text=repr(text), char=repr(text[3]))
    if level_2d is not None:
        return level_2d, False
    assert level_3d is not None
    return level_3d, True


def _digit(text: str, pos: int, radix: int, what: str) -> int:
    char = text[pos]
    value = _DIGITS.find(char)
    if value < 0 or value >= radix:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {text}: character {char} at position {position} is not a valid {what} "
            "(expected {digits_0}..{digits_radix_1})"),
            text=repr(text), char=repr(char), position=pos + 1, what=what, digits_0=_DIGITS[0],
            digits_radix_1=_DIGITS[radix - 1])
    return value


def _parse(
    text: str, level: int, is_3d: bool, mode: str
) -> tuple[bool, int, bool, int, int | None, int | None]:
    """Validate a normalised code; return (west, ax, south, ay, height magnitude, height sign) in units."""
    if text[0] not in "NS":
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {text} must start with N or S (hemisphere), not {first}"),
            text=repr(text), first=repr(text[0]))
    south = text[0] == "S"
    pos = 1
    sign = magnitude = None
    if is_3d:
        sign = _digit(text, pos, 2, "height sign a0 (0 above ground, 1 below)")
        magnitude = 0
        pos += 1
    zone_text = text[pos:pos + 2]
    if not zone_text.isdigit() or not 1 <= int(zone_text) <= 60:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {text}: zone {zone_text} is not valid; zones run from 01 to 60"),
            text=repr(text), zone_text=repr(zone_text))
    zone = int(zone_text)
    band_char = text[pos + 2]
    if not "A" <= band_char <= "V":
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "grid code {text}: band {band_char} is not valid; bands run from A to V (0 to 88 degrees "
            "of latitude; polar cells are not supported)"),
            text=repr(text), band_char=repr(band_char))
    west = zone <= 30
    ax = (30 - zone if west else zone - 31) * CELL_SIZE_UNITS[1][0]
    ay = (ord(band_char) - 65) * CELL_SIZE_UNITS[1][1]
    pos += 3
    digits = _HEIGHT_DIGITS[mode]
    for lvl in range(1, level + 1):
        if lvl > 1:
            cols, rows = _SPLIT[lvl]
            size_x, size_y = CELL_SIZE_UNITS[lvl]
            if lvl in _Z_LEVELS:
                z = _digit(text, pos, cols * rows, f"level-{lvl} Z-order digit")
                col, row = z % 2, z // 2
                pos += 1
            else:
                col = _digit(text, pos, cols, f"level-{lvl} longitude digit")
                row = _digit(text, pos + 1, rows, f"level-{lvl} latitude digit")
                pos += 2
            ax += col * size_x
            ay += row * size_y
        if is_3d:
            assert magnitude is not None
            weight, radix = digits[lvl - 1]
            if lvl == 1:
                pair = text[pos:pos + 2]
                if not pair.isdigit() or int(pair) >= radix:
                    raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
                        "grid code {text}: height digits a1a2 {pair} are not valid; they run from 00 to 63 "
                        "(decimal)"),
                        text=repr(text), pair=repr(pair))
                value = int(pair)
                pos += 2
            else:
                value = _digit(text, pos, radix, f"height digit a{lvl + 1} ({mode} mode)")
                pos += 1
            magnitude += value * weight
    return west, ax, south, ay, magnitude, sign


def _height_range(magnitude: int, negative: bool, level: int, mode: str) -> tuple[float, float]:
    """(bottom, top) in metres of every height whose code has these digits at this level."""
    unit = _HEIGHT_DIGITS[mode][level - 1][0]
    if not negative:
        return height_layer(magnitude), height_layer(magnitude + unit)
    # n = floor(x) < 0 is written as |n|: the digits cover n in [-(m + unit - 1), -m].
    return height_layer(-(magnitude + unit - 1)), height_layer(min(1 - magnitude, 0))


def _cell_from_units(
    code: str, level: int, west: bool, ax: int, south: bool, ay: int,
    height: tuple[float, float] | None = None,
) -> GridCell:
    size_x, size_y = CELL_SIZE_UNITS[level]
    sx = -1.0 if west else 1.0
    sy = -1.0 if south else 1.0
    near_x, far_x = sx * ax / _U + 0.0, sx * (ax + size_x) / _U
    near_y, far_y = sy * ay / _U + 0.0, sy * (ay + size_y) / _U
    return GridCell(
        code=code,
        level=level,
        is_3d=height is not None,
        corner=(near_x, near_y),
        west=min(near_x, far_x),
        south=min(near_y, far_y),
        east=max(near_x, far_x),
        north=max(near_y, far_y),
        centre=(sx * (ax + size_x / 2) / _U, sy * (ay + size_y / 2) / _U),
        height_bottom=None if height is None else height[0],
        height_top=None if height is None else height[1],
    )


def decode(code: str, height_mode: str = "mixed") -> GridCell:
    """Decode a 2D or 3D code (any case) into its :class:`GridCell`.

    For 3D codes ``height_mode`` says how the height digits were written
    (``"mixed"`` or ``"bitfield"``). Raises :class:`GridCodeError` on a
    malformed code.
    """
    mode = _check_height_mode(height_mode)
    text = _normalise(code)
    level, is_3d = level_of(text)
    west, ax, south, ay, magnitude, sign = _parse(text, level, is_3d, mode)
    height = None
    if is_3d:
        assert magnitude is not None
        height = _height_range(magnitude, sign == 1, level, mode)
    return _cell_from_units(text, level, west, ax, south, ay, height)


def cell_polygon(code: str, height_mode: str = "mixed") -> list[tuple[float, float]]:
    """Closed counter-clockwise ring of (lon, lat) of the cell's footprint (5 points, first = last).

    Accepts 2D and 3D codes; ``height_mode`` only matters for validating 3D codes.
    """
    return decode(code, height_mode).ring()


# --------------------------------------------------------------------------
# Vectorised encoding
# --------------------------------------------------------------------------


def _units_array(values: np.ndarray) -> np.ndarray:
    product = values * float(_U)
    nearest = np.rint(product)
    with np.errstate(invalid="ignore"):
        snap = np.abs(product - nearest) <= _SNAP_TOLERANCE
    return np.where(snap, nearest, product)


def _columns_2d(
    west: np.ndarray, ax: np.ndarray, south: np.ndarray, ay: np.ndarray, level: int
) -> list[list[Any]]:
    """Per segment 0..level, the uint8 character columns (arrays or broadcastable scalars)."""
    zone_index = ax // CELL_SIZE_UNITS[1][0]
    zone = np.where(west, 30 - zone_index, 31 + zone_index)
    segments: list[list[Any]] = [
        [np.where(south, np.uint8(ord("S")), np.uint8(ord("N")))],
        [(zone // 10 + 48).astype(np.uint8), (zone % 10 + 48).astype(np.uint8),
         (ay // CELL_SIZE_UNITS[1][1] + 65).astype(np.uint8)],
    ]
    for lvl in range(2, level + 1):
        parent_x, parent_y = CELL_SIZE_UNITS[lvl - 1]
        size_x, size_y = CELL_SIZE_UNITS[lvl]
        col = (ax % parent_x) // size_x
        row = (ay % parent_y) // size_y
        if lvl in _Z_LEVELS:
            segments.append([_DIGIT_BYTES[2 * row + col]])
        else:
            segments.append([_DIGIT_BYTES[col], _DIGIT_BYTES[row]])
    return segments


def _height_columns(layer: np.ndarray, mode: str) -> list[list[Any]]:
    magnitude = np.abs(layer)
    columns: list[list[Any]] = [[np.where(layer < 0, np.uint8(ord("1")), np.uint8(ord("0")))]]
    for i, (weight, radix) in enumerate(_HEIGHT_DIGITS[mode]):
        digit = (magnitude // weight) % radix
        if i == 0:
            columns.append([(digit // 10 + 48).astype(np.uint8), (digit % 10 + 48).astype(np.uint8)])
        else:
            columns.append([_DIGIT_BYTES[digit]])
    return columns


def _assemble(
    segments: list[list[Any]], heights: list[list[Any]] | None, level: int, count: int
) -> list[str]:
    columns: list[Any] = list(segments[0])
    if heights is not None:
        columns += heights[0]
    for lvl in range(1, level + 1):
        columns += segments[lvl]
        if heights is not None:
            columns += heights[lvl]
    width = len(columns)
    matrix = np.empty((count, width), dtype=np.uint8)
    for j, column in enumerate(columns):
        matrix[:, j] = column
    text = matrix.tobytes().decode("ascii")
    return [text[i:i + width] for i in range(0, count * width, width)]


def _codes_from_units(
    west: np.ndarray, ax: np.ndarray, south: np.ndarray, ay: np.ndarray, level: int,
    layers: np.ndarray | None = None, mode: str = "mixed",
) -> list[str]:
    count = len(ax)
    segments = _columns_2d(west, ax, south, ay, level)
    heights = None if layers is None else _height_columns(layers, mode)
    return _assemble(segments, heights, level, count)


def _as_array(values: Any, what: str) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "{what} must be numbers (or None for missing values): {error}"),
            what=what, error=error) from None
    return array.reshape(-1)


def _layers_array(heights: np.ndarray, mode: str) -> tuple[np.ndarray, np.ndarray]:
    """(signed layer indices, ok mask) for an array of heights, agreeing with :func:`_height_index`."""
    with np.errstate(invalid="ignore", divide="ignore"):
        ok = np.isfinite(heights) & (heights > -EARTH_RADIUS_M)
        safe = np.where(ok, heights, 0.0)
        x = _U * np.log((safe + EARTH_RADIUS_M) / EARTH_RADIUS_M) / _LN_1_THETA0
    layers = np.floor(x).astype(np.int64)
    # numpy's log may differ from libm's by an ulp: recompute anything near a layer boundary.
    near = np.flatnonzero(ok & (np.abs(x - np.rint(x)) < 1e-4))
    for i in near.tolist():
        ratio = (float(safe[i]) + EARTH_RADIUS_M) / EARTH_RADIUS_M
        layers[i] = math.floor(_U * math.log(ratio) / _LN_1_THETA0)
    ok &= np.abs(layers) < _HEIGHT_LIMIT[mode]
    return layers, ok


def encode_many_with_errors(
    lons: Sequence[float] | np.ndarray,
    lats: Sequence[float] | np.ndarray,
    level: int = 10,
    heights: Sequence[float] | np.ndarray | float | None = None,
    height_mode: str = "mixed",
) -> tuple[list[str | None], list[GridCodeError | None]]:
    """:func:`encode_many_with_reasons` with the :class:`GridCodeError` of each point that cannot be
    coded (None for the others), so that the bridge can translate them."""
    level = _check_level(level)
    mode = _check_height_mode(height_mode)
    lon = _as_array(lons, "longitudes")
    lat = _as_array(lats, "latitudes")
    if lon.shape != lat.shape:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "got {longitudes} longitudes but {latitudes} latitudes; give one latitude per longitude"),
            longitudes=lon.size, latitudes=lat.size)
    count = lon.size
    height: np.ndarray | None = None
    if heights is not None:
        height = _as_array(heights, "heights")
        if height.size == 1:
            height = np.full(count, height[0])
        elif height.shape != lon.shape:
            raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
                "got {heights} heights for {count} points; give one height per point or a single height"),
                heights=height.size, count=count)
    px = _units_array(lon)
    py = _units_array(lat)
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(px) & np.isfinite(py) & (np.abs(px) <= _LON_LIMIT) & (np.abs(py) < _LAT_LIMIT)
    px = np.where(ok, px, 0.0)
    py = np.where(ok, py, 0.0)
    west = px < 0
    south = py < 0
    ax = np.minimum(np.floor(np.abs(px)).astype(np.int64), _LON_LIMIT - 1)
    ay = np.floor(np.abs(py)).astype(np.int64)
    layers = None
    if height is not None:
        layers, height_ok = _layers_array(height, mode)
        ok &= height_ok
        layers = np.where(ok, layers, 0)
    codes: list[str | None] = list(_codes_from_units(west, ax, south, ay, level, layers, mode))
    errors: list[GridCodeError | None] = [None] * count
    for i in np.flatnonzero(~ok).tolist():
        try:
            if height is None:
                codes[i] = encode(float(lon[i]), float(lat[i]), level)
            else:
                codes[i] = encode_3d(float(lon[i]), float(lat[i]), float(height[i]), level, mode)
        except GridCodeError as error:
            codes[i] = None
            errors[i] = error
    return codes, errors


def encode_many_with_reasons(
    lons: Sequence[float] | np.ndarray,
    lats: Sequence[float] | np.ndarray,
    level: int = 10,
    heights: Sequence[float] | np.ndarray | float | None = None,
    height_mode: str = "mixed",
) -> tuple[list[str | None], list[str | None]]:
    """Vectorised :func:`encode` / :func:`encode_3d` for many points.

    Returns ``(codes, reasons)``: ``codes[i]`` is the code of point i, or None
    when it cannot be coded (NaN, ``|lat| >= 88``, ``|lon| > 180``, height out
    of range), in which case ``reasons[i]`` says why (else it is None).
    ``heights`` (metres; one per point or a single value) makes 3D codes.
    :func:`encode_many_with_errors` gives the errors themselves (to translate).
    """
    codes, errors = encode_many_with_errors(lons, lats, level, heights, height_mode)
    return codes, [None if error is None else str(error) for error in errors]


#: why a feature has no entity code although it has a grid code (see :func:`entity_codes`)
ADMIN_EMPTY = "admin_empty"


def entity_codes(codes: Sequence[str | None], admin_codes: Sequence[str | None]) -> tuple[list, list]:
    """The twin's unique entity code of each feature: its administrative division code followed by
    its grid code (both needed). Returns ``(entity_codes, reasons)``: ``reasons[i]`` is
    :data:`ADMIN_EMPTY` where a coded feature has no administrative code, else None."""
    entities: list[str | None] = []
    reasons: list[str | None] = []
    for code, admin in zip(codes, admin_codes):
        if code and admin:
            entities.append(admin + code)
            reasons.append(None)
        else:
            entities.append(None)
            reasons.append(ADMIN_EMPTY if code else None)
    return entities, reasons


def encode_many(
    lons: Sequence[float] | np.ndarray,
    lats: Sequence[float] | np.ndarray,
    level: int = 10,
    heights: Sequence[float] | np.ndarray | float | None = None,
    height_mode: str = "mixed",
) -> list[str | None]:
    """Codes of many points at once (None where a point cannot be coded).

    Same results as calling :func:`encode` (or :func:`encode_3d` when
    ``heights`` is given) point by point, computed with numpy; use
    :func:`encode_many_with_errors` to learn why an entry is None.
    """
    return encode_many_with_errors(lons, lats, level, heights, height_mode)[0]


# --------------------------------------------------------------------------
# Cells in an extent
# --------------------------------------------------------------------------


def _mirror_index(x: float, size: int, limit: int) -> int:
    """Signed cell index (>= 0 east/north, < 0 west/south) of the cell containing x units."""
    a = min(math.floor(abs(x)), limit - 1)
    return a // size if x >= 0 else -(a // size) - 1


def _axis_range(lo: float, hi: float, size: int, limit: int) -> range:
    """Signed indices of the cells whose interior meets (lo, hi) units; the containing cell if lo == hi."""
    if lo < hi:
        first = math.floor(lo) // size
        last = -(math.floor(-hi) // size) - 1
    else:
        first = last = _mirror_index(lo, size, limit)
    per_side = limit // size
    return range(max(first, -per_side), min(last, per_side - 1) + 1)


def _extent_ranges(west: float, south: float, east: float, north: float, level: int) -> tuple[range, range]:
    level = _check_level(level)
    values = {"west": west, "south": south, "east": east, "north": north}
    box = {}
    for name, value in values.items():
        number = _as_float(value, name)
        if not math.isfinite(number):
            raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
                "extent {name} edge {number} is not a finite number; give decimal degrees"),
                name=name, number=number)
        box[name] = number
    if box["west"] > box["east"]:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "extent west {west} is east of east {east}; boxes crossing the 180 degree meridian are "
            "not supported, split the extent in two"),
            west=box['west'], east=box['east'])
    if box["south"] > box["north"]:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "extent south {south} is north of north {north}; swap them"),
            south=box['south'], north=box['north'])
    if box["east"] < -180 or box["west"] > 180 or box["north"] < -90 or box["south"] > 90:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "extent ({west}, {south}, {east}, {north}) lies outside -180..180 x -90..90 degrees; "
            "give geographic coordinates (decimal degrees), not projected ones"),
            west=box['west'], south=box['south'], east=box['east'], north=box['north'])
    if box["north"] <= -88 or box["south"] >= 88:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "extent ({west}, {south}, {east}, {north}) lies in a polar cap (|latitude| >= 88 "
            "degrees), which the Beidou grid does not cover here"),
            west=box['west'], south=box['south'], east=box['east'], north=box['north'])
    # Parts beyond +-180 longitude or +-88 latitude are ignored.
    lo_x = max(_to_units(box["west"]), float(-_LON_LIMIT))
    hi_x = min(_to_units(box["east"]), float(_LON_LIMIT))
    lo_y = max(_to_units(box["south"]), float(-_LAT_LIMIT))
    hi_y = min(_to_units(box["north"]), float(_LAT_LIMIT))
    if lo_y == hi_y and abs(lo_y) >= _LAT_LIMIT:
        raise GridCodeError(QT_TRANSLATE_NOOP("CoreErrors",
            "extent latitude {south} is outside the Beidou grid's range (-88..88 degrees, "
            "exclusive); polar cells are not supported"),
            south=box['south'])
    size_x, size_y = CELL_SIZE_UNITS[level]
    return _axis_range(lo_x, hi_x, size_x, _LON_LIMIT), _axis_range(lo_y, hi_y, size_y, _LAT_LIMIT)


def count_cells_in_extent(west: float, south: float, east: float, north: float, level: int) -> int:
    """Number of level-``level`` cells that :func:`cells_in_extent` would yield for this box."""
    cols, rows = _extent_ranges(west, south, east, north, level)
    return len(cols) * len(rows)


def cells_in_extent(
    west: float, south: float, east: float, north: float, level: int, max_cells: int = 1_000_000,
) -> Iterator[GridCell]:
    """Every level-``level`` cell whose interior meets the lon/lat box, row by row from the south-west.

    The box may span the equator and the prime meridian (cells of all
    hemispheres come out). A box with no width or height yields the cells that
    :func:`encode` gives for its points. Parts beyond 180 degrees of longitude
    or 88 degrees of latitude are ignored. Raises :class:`TooLargeError`
    before yielding anything when more than ``max_cells`` cells would result.
    """
    cols, rows = _extent_ranges(west, south, east, north, level)
    count = len(cols) * len(rows)
    if count > max_cells:
        hint = ""
        for coarser in range(level - 1, 0, -1):
            n = count_cells_in_extent(west, south, east, north, coarser)
            if n <= max_cells:
                hint = f" (level {coarser} gives {n:,})"
                break
        raise TooLargeError(QT_TRANSLATE_NOOP("CoreErrors",
            "the extent covers {count:,} level-{level} cells, more than the limit of {max_cells:,}; "
            "choose a coarser level{hint} or a smaller extent"),
            count=count, level=level, max_cells=max_cells, hint=hint)
    return _iter_cells(cols, rows, level)


def _iter_cells(cols: range, rows: range, level: int) -> Iterator[GridCell]:
    size_x, size_y = CELL_SIZE_UNITS[level]
    g = np.arange(cols.start, cols.stop, dtype=np.int64)
    west = g < 0
    ax = np.where(west, -g - 1, g) * size_x
    west_list = west.tolist()
    ax_list = ax.tolist()
    n = len(ax_list)
    for row in rows:
        south = row < 0
        ay = (-row - 1 if south else row) * size_y
        codes = _codes_from_units(west, ax, np.full(n, south), np.full(n, ay, dtype=np.int64), level)
        for code, cell_west, cell_ax in zip(codes, west_list, ax_list):
            yield _cell_from_units(code, level, cell_west, cell_ax, south, ay)
