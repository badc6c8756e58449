"""Pure tests of the Beidou grid location code (no QGIS).

Test vectors and edge cases come from shared/reference/beidou_grid.md (§5 and §6);
the ids (V1...V26) follow its numbering.
"""
from __future__ import annotations

import math
import random

import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core import gridcode
from cim_twin.cim_twin_plugin.core.errors import GridCodeError, TooLargeError


def dms(degrees: float, minutes: float, seconds: float) -> float:
    return degrees + minutes / 60 + seconds / 3600


# [STD] Appendix B point, given in DMS and as the decimals quoted by the spec.
APP_B_DMS = (dms(116, 18, 45.37), dms(39, 59, 35.38))
APP_B_DEC = (116.31260277777778, 39.993161111111114)
APP_B_CODES = {
    1: "N50J",
    2: "N50J47",
    3: "N50J475",
    4: "N50J47539",
    5: "N50J47539B8",
    6: "N50J47539B82",
    7: "N50J47539B8255",
    8: "N50J47539B825534",
    9: "N50J47539B82553461",
    10: "N50J47539B8255346152",
}

# --------------------------------------------------------------------------
# §5 test vectors
# --------------------------------------------------------------------------

VECTORS_2D = [
    # (id, lon, lat, level, expected)
    *[(f"V{level}-dms", *APP_B_DMS, level, code) for level, code in APP_B_CODES.items()],
    *[(f"V{level}-dec", *APP_B_DEC, level, code) for level, code in APP_B_CODES.items()],
    ("V10", dms(116, 19, 14.3184), dms(39, 59, 56.1444), 5, "N50J475493E"),
    ("V11", dms(116, 19, 5.9808), dms(39, 59, 59.7012), 5, "N50J475491E"),
    ("V12", dms(116, 19, 9.3540), dms(39, 59, 56.5260), 5, "N50J475492E"),
    ("V13", 116.315222, 39.910278, 4, "N50J47534"),
    ("V22", -116.31260277777778, 39.993161111111114, 10, "N11J47539B8255346152"),
    # §1 mirror symmetry: (±116.3126, ±39.9932) share the tail.
    ("mirror-NE", 116.3126, 39.9932, 1, "N50J"),
    ("mirror-NW", -116.3126, 39.9932, 1, "N11J"),
    ("mirror-SE", 116.3126, -39.9932, 1, "S50J"),
    ("mirror-SW", -116.3126, -39.9932, 1, "S11J"),
]


@pytest.mark.parametrize(("lon", "lat", "level", "expected"),
                         [v[1:] for v in VECTORS_2D], ids=[v[0] for v in VECTORS_2D])
def test_encode_vectors(lon, lat, level, expected):
    assert gridcode.encode(lon, lat, level) == expected


VECTORS_3D = [
    # (id, lon, lat, height, level, expected) — (B) and (M) agree for 0 <= H < 1839.585 m.
    ("V14", 116.315222, 39.910278, 0, 4, "N050J0047050340"),
    ("V15", 116.315222, 39.910278, 100, 10, "N050J0047050340D9011345100403410"),
    ("V16", 113.551158, 22.40233, 100, 6, "N049F00B404034012001"),
    ("V17", 113.558322, 22.399175, 100, 6, "N049F00B40403307E001"),
]


@pytest.mark.parametrize("mode", ["mixed", "bitfield"])
@pytest.mark.parametrize(("lon", "lat", "height", "level", "expected"),
                         [v[1:] for v in VECTORS_3D], ids=[v[0] for v in VECTORS_3D])
def test_encode_3d_vectors(lon, lat, height, level, expected, mode):
    assert gridcode.encode_3d(lon, lat, height, level, height_mode=mode) == expected


HEIGHT_VECTORS = [
    # (id, height, mode, expected)
    ("V24-B", 1855.324846, "bitfield", "000000F02033"),
    ("V24-M", 1855.324846, "mixed", "000001002033"),
    ("V25-B", 8848.86, "bitfield", "000004801646"),
    ("V25-M", 8848.86, "mixed", "000004C01646"),
    ("V26-B", -11034, "bitfield", "100005A00777"),
    ("V26-M", -11034, "mixed", "100006000777"),
    ("ground", 0, "mixed", "000000000000"),
    ("V15-height", 100, "mixed", "000000015030"),
    ("just-below-ground", -0.001, "mixed", "100000000001"),
]


@pytest.mark.parametrize(("height", "mode", "expected"),
                         [v[1:] for v in HEIGHT_VECTORS], ids=[v[0] for v in HEIGHT_VECTORS])
def test_encode_height_vectors(height, mode, expected):
    assert gridcode.encode_height(height, mode) == expected


def test_encode_height_default_mode_is_mixed():
    assert gridcode.encode_height(8848.86) == "000004C01646"


def test_decode_box_v19():
    cell = gridcode.decode("N50J47539B825534")
    assert cell.level == 8 and not cell.is_3d
    assert cell.west == pytest.approx(116.3125954861111, abs=1e-12)
    assert cell.south == pytest.approx(39.99315972222223, abs=1e-12)
    assert cell.east == pytest.approx(116.31260416666666, abs=1e-12)
    assert cell.north == pytest.approx(39.99316840277778, abs=1e-12)
    assert cell.corner == (cell.west, cell.south)  # NE hemisphere: SW corner
    assert cell.height_bottom is None and cell.height_top is None


# --------------------------------------------------------------------------
# §6 edge cases
# --------------------------------------------------------------------------

EDGE_CASES = [
    ("boundary-NE", 12.5, 39.5, 2, "N33J17"),
    ("boundary-NW", -12.5, 39.5, 2, "N28J17"),
    ("lon=-6k", -6, 10.3, 3, "N29C042"),
    ("origin", 0, 0, 4, "N31A00000"),
    ("negative-zero", -0.0, -0.0, 4, "N31A00000"),
    ("just-SW-of-origin", -1e-7, -1e-7, 4, "S30A00000"),
    ("lon=180", 180, 10.3, 3, "N60CB43"),
    ("lon=-180", -180, 10.3, 3, "N01CB43"),
    ("lat=-4", 12.5, -4, 3, "S33B100"),
    # boundaries at every level of the grid, typed as decimals
    ("L3-boundary", 116.25, 40 + 1 / 6, 3, "N50K403"),
    ("L4-boundary", 116 + 1 / 60, 40 + 1 / 60, 4, "N50K40011"),
    ("L5-boundary", 116.32, 40 + 4 / 3600, 5, "N50K4014031"),
    ("L10-boundary", 1 / 7372800, 1 / 7372800, 10, "N31A0000000000000011"),
    ("last-band", 10, 87.999999, 1, "N32V"),
    ("south-band", 10, -87.999999, 1, "S32V"),
]


@pytest.mark.parametrize(("lon", "lat", "level", "expected"),
                         [v[1:] for v in EDGE_CASES], ids=[v[0] for v in EDGE_CASES])
def test_encode_edge_cases(lon, lat, level, expected):
    assert gridcode.encode(lon, lat, level) == expected


def test_l5_boundary_decimal_lands_on_cell_edge():
    # 116.32 degrees is exactly 116°19'12" = 288 x 4" cells past 116°; typed as a decimal
    # the float product is not an integer, the snap must still put it in column 3 of its L4 cell.
    code = gridcode.encode(116.32, 40.0, 5)
    cell = gridcode.decode(code)
    assert cell.west == pytest.approx(116.32, abs=1e-12)


@pytest.mark.parametrize("lat", [88, -88, 88.0000001, 89.1, 90, -89.5])
def test_polar_latitudes_raise(lat):
    with pytest.raises(GridCodeError, match="polar cells are not supported"):
        gridcode.encode(116, lat, 5)


@pytest.mark.parametrize(("lon", "lat", "match"), [
    (180.0001, 10, "outside -180..180"),
    (-181, 10, "outside -180..180"),
    (500000.0, 4000000.0, "not projected"),
    (10, 95, "outside -90..90"),
    (float("nan"), 10, "not a finite number"),
    (10, float("inf"), "not a finite number"),
    ("abc", 10, "not a number"),
    (None, 10, "not a number"),
])
def test_bad_points_raise(lon, lat, match):
    with pytest.raises(GridCodeError, match=match):
        gridcode.encode(lon, lat, 5)


@pytest.mark.parametrize("level", [0, 11, -1, 2.5, "10", True, None])
def test_invalid_level_raises(level):
    with pytest.raises(GridCodeError, match="level"):
        gridcode.encode(116, 40, level)
    with pytest.raises(GridCodeError, match="level"):
        gridcode.encode_many([116], [40], level)
    with pytest.raises(GridCodeError, match="level"):
        gridcode.count_cells_in_extent(116, 40, 117, 41, level)


def test_numpy_integer_level_accepted():
    assert gridcode.encode(*APP_B_DEC, np.int64(8)) == APP_B_CODES[8]


def test_error_is_value_error():
    with pytest.raises(ValueError):
        gridcode.encode(0, 89)


# --------------------------------------------------------------------------
# Heights
# --------------------------------------------------------------------------


@pytest.mark.parametrize(("height", "mode"), [
    (-6_400_000, "mixed"),
    (-6_378_137.0, "mixed"),
    (528_680_172, "mixed"),
    (1e12, "bitfield"),
    (float("nan"), "mixed"),
    (float("inf"), "bitfield"),
])
def test_height_out_of_range_raises(height, mode):
    with pytest.raises(GridCodeError, match="height range"):
        gridcode.encode_height(height, mode)


@pytest.mark.parametrize(("height", "mode"), [(-6_302_106.7, "mixed"), (528_680_170, "mixed"),
                                               (600_000_000, "bitfield")])
def test_height_domain_edges_accepted(height, mode):
    assert len(gridcode.encode_height(height, mode)) == 12


def test_height_mode_must_be_known():
    with pytest.raises(GridCodeError, match="height mode"):
        gridcode.encode_height(10, "binary")


def test_mixed_digits_stay_below_f_and_bitfield_may_reach_f():
    mixed = gridcode.encode_height(1855.324846, "mixed")
    bits = gridcode.encode_height(1855.324846, "bitfield")
    assert "F" not in mixed and "F" in bits


@pytest.mark.parametrize("mode", ["mixed", "bitfield"])
@pytest.mark.parametrize("level", list(gridcode.LEVELS))
def test_3d_round_trip_contains_height(mode, level):
    rng = random.Random(level * 7 + len(mode))
    for _ in range(200):
        height = rng.choice([rng.uniform(-20_000, 20_000), rng.uniform(-6e6, 5e8), rng.uniform(-1, 1)])
        lon, lat = rng.uniform(-180, 180), rng.uniform(-87.9, 87.9)
        code = gridcode.encode_3d(lon, lat, height, level, mode)
        assert len(code) == gridcode.CODE_LENGTH_3D[level]
        cell = gridcode.decode(code, mode)
        assert cell.is_3d and cell.level == level
        assert cell.height_bottom <= height < cell.height_top, (code, height)
        assert cell.west <= lon <= cell.east and cell.south <= lat <= cell.north


def test_decode_height_layer_bottom_and_top():
    cell = gridcode.decode("N050J0047050340D9011345100403410")
    layer = 4096 + 5 * 512 + 3 * 8  # n = 6680 (a7=1, a8=5, a10=3)
    r0, ln = 6_378_137.0, math.log(1 + math.pi / 180)
    # the spec's formula r0((1+θ0)^(n/7372800) - 1); the module uses expm1, which is more accurate
    assert cell.height_bottom == pytest.approx(r0 * ((1 + math.pi / 180) ** (layer / 7372800) - 1), rel=1e-9)
    assert cell.height_top == pytest.approx(r0 * math.expm1((layer + 1) * ln / 7372800), rel=1e-12)
    assert cell.height_bottom <= 100 < cell.height_top


def test_decode_negative_height_spans_below_ground():
    cell = gridcode.decode("N131A00" + "0" * 5, "mixed")  # 3D level 3, a0=1, |n| < 1,843,200
    assert cell.height_top == 0.0
    assert cell.height_bottom < -27_000


# --------------------------------------------------------------------------
# Decoding and round trips
# --------------------------------------------------------------------------


def _in_cell(cell, lon, lat):
    """Half-open membership: closed toward the equator/prime meridian."""
    size_x, size_y = gridcode.CELL_SIZE_DEG[cell.level]
    cx, cy = cell.corner
    return (abs(cx) <= abs(lon) < abs(cx) + size_x + 1e-12 or abs(lon) == 180) and \
        abs(cy) <= abs(lat) < abs(cy) + size_y + 1e-12


def _random_points(seed, count):
    rng = random.Random(seed)
    points = []
    for i in range(count):
        sx = -1 if i % 2 else 1
        sy = -1 if (i // 2) % 2 else 1
        points.append((sx * rng.uniform(0, 180), sy * rng.uniform(0, 87.999)))
    return points


@pytest.mark.parametrize("level", list(gridcode.LEVELS))
def test_round_trip_all_hemispheres(level):
    for lon, lat in _random_points(level, 400):
        code = gridcode.encode(lon, lat, level)
        assert len(code) == gridcode.CODE_LENGTH_2D[level]
        cell = gridcode.decode(code)
        assert cell.code == code and cell.level == level and not cell.is_3d
        assert cell.west <= lon <= cell.east and cell.south <= lat <= cell.north, (code, lon, lat)
        assert _in_cell(cell, lon, lat)
        assert gridcode.encode(*cell.centre, level) == code
        if cell.corner[0] != 0 and cell.corner[1] != 0:  # lon 0 / lat 0 belong to E / N
            assert gridcode.encode(*cell.corner, level) == code
        assert (code[0] == "S") == (lat < 0)
        assert (int(code[1:3]) <= 30) == (lon < 0)
        # The 2D code at a coarser level is a prefix.
        if level > 1:
            assert code.startswith(gridcode.encode(lon, lat, level - 1))


@pytest.mark.parametrize(("code", "corner"), [
    ("N31A", (0.0, 0.0)),
    ("N30A", (0.0, 0.0)),
    ("S30A", (0.0, 0.0)),
    ("N01V", (-174.0, 84.0)),
    ("S60V", (174.0, -84.0)),
    ("N28J17", (-12.5, 39.5)),
])
def test_decode_corner_is_nearest_to_origin(code, corner):
    cell = gridcode.decode(code)
    assert cell.corner == corner
    for value in cell.corner:  # never -0.0
        assert value != 0 or math.copysign(1, value) == 1


def test_decode_nw_box():
    cell = gridcode.decode("N28J17")
    assert (cell.west, cell.south, cell.east, cell.north) == (-13.0, 39.5, -12.5, 40.0)
    assert cell.centre == (-12.75, 39.75)


def test_decode_accepts_lowercase_and_spaces():
    assert gridcode.decode(" n50j47539b825534 ").code == "N50J47539B825534"


@pytest.mark.parametrize(("code", "match"), [
    ("N50J4", "characters"),                     # length 5
    ("N50J47539B8255346152X", "characters"),     # length 21
    ("", "characters"),
    ("X50J", "must start with N or S"),
    ("N61J", "zone '61'"),
    ("N00J", "zone '00'"),
    ("N5AJ47", "zone"),
    ("N50W", "band 'W'"),
    ("N50Z47", "band 'Z'"),
    ("N50J", None),                               # valid control
    ("N50JC7", "level-2 longitude"),
    ("N50J48", "level-2 latitude"),
    ("N50J476", "level-3 Z-order"),
    ("N50J475F9", "level-4 longitude"),
    ("N50J475EA", "level-4 latitude"),
    ("N50J47539F8", "level-5 longitude"),
    ("N50J47539BF", "level-5 latitude"),
    ("N50J47539B84", "level-6 Z-order"),
    ("N50J47539B8285", "level-7 longitude"),
    ("N50J47539B8258", "level-7 latitude"),
    ("N50J47539B825534615G", "level-10"),
    ("N50J-7", "level-2"),
    ("N250J00", "height sign"),                   # 3D, a0 = 2
    ("N050J00", None),                            # valid 3D level 1
    ("N050J64", "a1a2"),
    ("N050J0A", "a1a2"),
    ("N050J0047F", "height digit a3"),
    ("N050J0047050340", None),
    ("N050J004705034F", "height digit a5"),      # F is a bit-field-only digit
    ("N50J4753\u00e9", "non-ASCII"),
    (12345, "not a string"),
])
def test_invalid_codes_raise(code, match):
    if match is None:
        gridcode.decode(code)
        return
    with pytest.raises(GridCodeError, match=match):
        gridcode.decode(code)


def test_bitfield_only_digit_decodes_in_bitfield_mode():
    code = "N050J004705034F"  # 3D level 4, a5 = F
    with pytest.raises(GridCodeError):
        gridcode.decode(code)
    cell = gridcode.decode(code, height_mode="bitfield")
    assert cell.height_bottom == pytest.approx(gridcode.height_layer(15 << 17))


@pytest.mark.parametrize(("code", "expected"), [
    *[(c, (lvl, False)) for lvl, c in APP_B_CODES.items()],
    ("N050J0047050340", (4, True)),
    ("N050J00", (1, True)),
    ("N050J0047050340D9011345100403410", (10, True)),
    ("N049F00B404034012001", (6, True)),    # 20 chars, 3D
    ("N50J47539B8255346152", (10, False)),  # 20 chars, 2D
    ("N050J0047050", (3, True)),            # 12 chars, 3D
    ("N50J47539B82", (6, False)),           # 12 chars, 2D
    ("N050J0047050340D90", (5, True)),      # 18 chars, 3D
    ("n50j47539b82553461", (9, False)),     # 18 chars, 2D
])
def test_level_of(code, expected):
    assert gridcode.level_of(code) == expected


@pytest.mark.parametrize("code", ["N", "N5", "N50", "N50J4", "N50J475A", "N50J47539B8255346152XX",
                                  "N50.47539B8255346152", ""])
def test_level_of_rejects_unknown_lengths_and_ambiguity(code):
    with pytest.raises(GridCodeError):
        gridcode.level_of(code)


def test_cell_sizes():
    assert gridcode.CELL_SIZE_DEG[1] == (6.0, 4.0)
    assert gridcode.CELL_SIZE_DEG[2] == (0.5, 0.5)
    assert gridcode.CELL_SIZE_DEG[3] == (0.25, 1 / 6)
    assert gridcode.CELL_SIZE_DEG[4] == (1 / 60, 1 / 60)
    assert gridcode.CELL_SIZE_DEG[5] == (1 / 900, 1 / 900)
    assert gridcode.CELL_SIZE_DEG[10] == (1 / 7372800, 1 / 7372800)
    assert list(gridcode.LEVELS) == list(range(1, 11))


@pytest.mark.parametrize("code", ["N50J47539B825534", "N11J47", "S50J475", "S11J47539B8255346152",
                                  "N050J0047050340"])
def test_cell_polygon_is_closed_counter_clockwise(code):
    ring = gridcode.cell_polygon(code)
    assert len(ring) == 5 and ring[0] == ring[-1]
    ox, oy = ring[0]
    local = [(x - ox, y - oy) for x, y in ring]
    area2 = sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(local, local[1:]))
    assert area2 > 0
    cell = gridcode.decode(code)
    assert {p[0] for p in ring} == {cell.west, cell.east}
    assert {p[1] for p in ring} == {cell.south, cell.north}


# --------------------------------------------------------------------------
# Vectorised encoding agrees with the scalar one
# --------------------------------------------------------------------------


def _boundary_points():
    """Points exactly on cell boundaries of every level, in all hemispheres, plus clamps."""
    points = []
    rng = random.Random(42)
    for level in gridcode.LEVELS:
        dx, dy = gridcode.CELL_SIZE_DEG[level]
        for _ in range(40):
            kx = rng.randrange(0, int(180 / dx)) if level < 7 else rng.randrange(0, 10**6)
            ky = rng.randrange(0, int(88 / dy)) if level < 7 else rng.randrange(0, 10**6)
            lon, lat = kx * dx, ky * dy
            for sx in (1, -1):
                for sy in (1, -1):
                    points.append((sx * lon, sy * lat))
    points += [(0, 0), (-0.0, -0.0), (180, 0), (-180, 0), (180, -87.9999), (12.5, 39.5), (-12.5, 39.5),
               (-6, 10.3), (116.32, 40 + 4 / 3600), (dms(116, 19, 12), dms(39, 59, 56))]
    return points


@pytest.mark.parametrize("level", [1, 2, 3, 5, 6, 8, 10])
def test_encode_many_matches_encode(level):
    points = _random_points(1000 + level, 3000) + _boundary_points()
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    assert gridcode.encode_many(lons, lats, level) == [gridcode.encode(x, y, level) for x, y in points]


@pytest.mark.parametrize("mode", ["mixed", "bitfield"])
@pytest.mark.parametrize("level", [1, 4, 6, 10])
def test_encode_many_3d_matches_encode_3d(level, mode):
    points = _random_points(2000 + level, 2000)
    rng = random.Random(level)
    heights = [rng.choice([rng.uniform(-11_000, 9_000), rng.uniform(-6e6, 5e8), 0.0]) for _ in points]
    codes = gridcode.encode_many(np.array([p[0] for p in points]), np.array([p[1] for p in points]),
                                 level, heights=np.array(heights), height_mode=mode)
    assert codes == [gridcode.encode_3d(x, y, h, level, mode) for (x, y), h in zip(points, heights)]


def test_encode_many_vectors():
    lons = [APP_B_DEC[0], -116.31260277777778, 116.315222]
    lats = [APP_B_DEC[1], 39.993161111111114, 39.910278]
    assert gridcode.encode_many(lons, lats) == [APP_B_CODES[10], "N11J47539B8255346152",
                                                gridcode.encode(116.315222, 39.910278)]
    assert gridcode.encode_many([116.315222], [39.910278], 10, heights=100) == [
        "N050J0047050340D9011345100403410"]


def test_encode_many_invalid_entries_get_none_and_reason():
    lons = [116.3, float("nan"), 200.0, 116.3, None, 116.3, 116.3]
    lats = [39.9, 39.9, 39.9, 88.0, 39.9, -89.0, 39.9]
    heights = [0, 0, 0, 0, 0, 0, 1e10]
    codes, reasons = gridcode.encode_many_with_reasons(lons, lats, 5, heights=heights)
    assert codes[0] == gridcode.encode_3d(116.3, 39.9, 0, 5) and reasons[0] is None
    assert codes[1:] == [None] * 6
    assert "not a finite number" in reasons[1]
    assert "outside -180..180" in reasons[2]
    assert "polar cells are not supported" in reasons[3]
    assert "not a finite number" in reasons[4]
    assert "polar cells are not supported" in reasons[5]
    assert "height range" in reasons[6]
    codes_2d, reasons_2d = gridcode.encode_many_with_reasons(lons[:6], lats[:6], 5)
    assert codes_2d[0] == gridcode.encode(116.3, 39.9, 5) and reasons_2d[0] is None
    assert codes_2d[1:] == [None] * 5 and all(reasons_2d[1:])


def test_encode_many_empty_and_shape_errors():
    assert gridcode.encode_many([], []) == []
    assert gridcode.encode_many(np.array([[1.0, 2.0]]), np.array([[3.0, 5.0]]), 1) == ["N31A", "N31B"]
    with pytest.raises(GridCodeError, match="one latitude per longitude"):
        gridcode.encode_many([1, 2], [3])
    with pytest.raises(GridCodeError, match="one height per point"):
        gridcode.encode_many([1, 2, 3], [3, 4, 5], heights=[1, 2])
    with pytest.raises(GridCodeError, match="must be numbers"):
        gridcode.encode_many(["a"], [1])


# --------------------------------------------------------------------------
# Cells in an extent
# --------------------------------------------------------------------------


def test_cells_across_equator_and_prime_meridian():
    cells = list(gridcode.cells_in_extent(-1, -1, 1, 1, 2))
    codes = {c.code for c in cells}
    assert len(cells) == len(codes) == 16 == gridcode.count_cells_in_extent(-1, -1, 1, 1, 2)
    assert {"N31A00", "N30A00", "S31A00", "S30A00", "N31A11", "S30A11"} <= codes
    # The cells tile the box exactly.
    assert sum((c.east - c.west) * (c.north - c.south) for c in cells) == pytest.approx(4.0)
    assert min(c.west for c in cells) == -1 and max(c.east for c in cells) == 1
    assert min(c.south for c in cells) == -1 and max(c.north for c in cells) == 1
    for cell in cells:
        assert gridcode.decode(cell.code) == cell


@pytest.mark.parametrize(("box", "level", "count"), [
    ((116, 39, 117, 40), 2, 4),            # aligned with cell edges: no neighbours
    ((116.1, 39.1, 116.9, 39.9), 2, 4),
    ((116, 39, 116.25, 39 + 1 / 6), 3, 1),
    ((116.32, 39.99, 116.32, 39.99), 10, 1),  # degenerate: the point's own cell
    ((-180, -88, 180, 88), 1, 60 * 44),
    ((-200, -95, 200, 95), 1, 60 * 44),    # clipped to the grid
    ((179.9, 10, 180, 10.1), 2, 1),
    ((-0.0001, -0.0001, 0.0001, 0.0001), 10, 2 * 738 * 2 * 738),
    ((116.3, 39.9, 116.4, 40.0), 4, 6 * 6),
])
def test_count_cells_in_extent(box, level, count):
    assert gridcode.count_cells_in_extent(*box, level) == count
    if count <= 5000:
        cells = list(gridcode.cells_in_extent(*box, level))
        assert len(cells) == len({c.code for c in cells}) == count
        west, south, east, north = box
        for c in cells:  # every cell meets the box
            assert c.west <= east and c.east >= west
            assert c.south <= north and c.north >= south


def test_degenerate_extent_returns_encode_cell():
    for lon, lat in [(12.5, 39.5), (-12.5, 39.5), (-6, 10.3), (180, 10.3), (0, 0), (-1e-7, -1e-7)]:
        cells = list(gridcode.cells_in_extent(lon, lat, lon, lat, 3))
        assert [c.code for c in cells] == [gridcode.encode(lon, lat, 3)]


def test_cells_in_extent_yield_points_encode_into_them():
    rng = random.Random(5)
    for _ in range(20):
        west, south = rng.uniform(-179, 178), rng.uniform(-87, 86)
        east, north = west + rng.uniform(0, 0.3), south + rng.uniform(0, 0.3)
        codes = {c.code for c in gridcode.cells_in_extent(west, south, east, north, 4)}
        for _ in range(50):
            lon, lat = rng.uniform(west, east), rng.uniform(south, north)
            assert gridcode.encode(lon, lat, 4) in codes


def test_too_large_extent_names_count_and_limit():
    with pytest.raises(TooLargeError, match=r"4,000 level-2 cells.*limit of 1,000.*level 1 gives") as info:
        gridcode.cells_in_extent(100, 10, 150, 30, 2, max_cells=1000)
    assert isinstance(info.value, ValueError)
    assert gridcode.count_cells_in_extent(100, 10, 150, 30, 2) == 4000
    assert len(list(gridcode.cells_in_extent(100, 10, 150, 30, 2, max_cells=4000))) == 4000


def test_too_large_default_limit_at_level_10():
    with pytest.raises(TooLargeError, match="limit of 1,000,000"):
        gridcode.cells_in_extent(116, 39, 117, 40, 10)


@pytest.mark.parametrize(("box", "match"), [
    ((10, 0, 5, 1), "crossing the 180"),
    ((0, 10, 1, 5), "swap"),
    ((500000, 4000000, 500100, 4000100), "not projected"),
    ((0, 88, 1, 89), "polar"),
    ((0, -90, 1, -88), "polar"),
    ((0, 88, 1, 88), "polar"),
    ((float("nan"), 0, 1, 1), "finite"),
])
def test_bad_extents_raise(box, match):
    with pytest.raises(GridCodeError, match=match):
        gridcode.count_cells_in_extent(*box, 3)
