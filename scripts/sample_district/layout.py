"""The physical district: street lattice, admin units, roads, buildings, facilities.

Everything is laid out in local metres (origin = south-west corner of the
lattice) on a 0.5 m grid, so that shared boundaries have bit-identical
coordinates before and after the shift to the projected CRS (the shift is a
whole number of metres).

Lattice
    Road centrelines at ``xs`` (N-S roads) and ``ys`` (E-W roads) cut the
    district into blocks (地块) of 260-400 m x 220-340 m.  The top-right corner
    blocks are left out, so the district outline is L-shaped.
Admin units (codes in the style of the statistical division codes)
    district ``310115`` (浦东新区) > streets/towns, 9 digits = district + 3
    (街道 001.., 镇 101..) > communities (居委会), 12 digits = street + 3 >
    grid cells (网格), 15 digits = community + 3.  Streets are rectangles of
    blocks, communities are connected groups of 1-3 blocks of one street, grid
    cells are blocks or halves of a residential block (cut in the gap between
    two building rows).  All boundaries run along road centrelines or along
    those cuts, so children tile parents exactly and no building is cut.
Roads
    Lattice lines are split at every junction (crossings and lane entries);
    lanes (弄) run north from the road on a block's south side into
    residential blocks.  Two deliberate defects (recorded in
    ``District.defects``): one branch-road edge ends 0.5 m short of its
    junction with the district's southern boundary road, and a two-edge park
    path inside a park block touches no other road.
Buildings
    Axis-aligned rectangular footprints kept >= 5 m off the road kerbs and
    >= 7 m off lane centrelines.  Residential blocks: rows of 6-floor slabs
    (新村), 11-14-floor slabs or 18-33-floor towers filled from the lane
    entrance northwards until the block holds its share of households.
    Addresses: lane buildings ``<road><lane>弄<n>号``, others ``<road><n>号``;
    numbers on an E-W road grow eastwards, odd on the north side and even on
    the south side.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from shapely.geometry import Polygon, box
from shapely.ops import unary_union

from . import vocab

ROAD_HALF_WIDTH = {"primary": 20.0, "secondary": 15.0, "branch": 10.0}
ROAD_SPEED = {"primary": 60, "secondary": 40, "branch": 30, "lane": 15}
SETBACK = 5.0
LANE_CLEARANCE = 7.0
CITY = "上海市"
DISTRICT_NAME = "浦东新区"
DISTRICT_CODE = "310115"
CITY_CODE = "310000"
ADDRESS_PREFIX = CITY + DISTRICT_NAME

# Residential building styles: floors range, units range, rooms per unit and floor,
# unit length (m), depth (m), gap between rows (m), gap between buildings in a row (m).
STYLES = {
    "slab6": dict(floors=(5, 7), units=(3, 5), rpu=(2, 2), unit_len=13.0, depth=11.0, row_gap=18.0, side_gap=10.0),
    "mid": dict(floors=(11, 14), units=(2, 3), rpu=(2, 2), unit_len=15.0, depth=13.0, row_gap=28.0, side_gap=12.0),
    "tower": dict(floors=(18, 33), units=(1, 2), rpu=(3, 4), unit_len=18.0, depth=20.0, row_gap=32.0, side_gap=14.0),
}
STYLE_WEIGHTS = {"slab6": 0.45, "mid": 0.3, "tower": 0.25}
HOUSEHOLDS_PER_BLOCK = 1400
FACILITY_FLOORS = {"community_centre": 3, "health_station": 2, "kindergarten": 3, "elderly_care": 4}
FACILITY_USE = {"community_centre": "mixed", "health_station": "mixed", "kindergarten": "school",
                "elderly_care": "mixed"}


def q(v: float) -> float:
    """Round to the 0.5 m grid."""
    return round(v * 2.0) / 2.0


@dataclass
class Building:
    building_id: str
    x0: float
    y0: float
    x1: float
    y1: float
    use: str
    floors: int
    height_m: float
    road: str
    lane: int | None
    number: int
    block: tuple[int, int]
    units: int = 0
    rooms_per_unit: int = 0
    community_code: str = ""
    grid_code: str = ""

    @property
    def rooms(self) -> int:
        """Residential rooms (户室): floors x units x rooms per unit and floor."""
        return self.floors * self.units * self.rooms_per_unit if self.use == "residential" else 0

    @property
    def address(self) -> str:
        lane = f"{self.lane}弄" if self.lane else ""
        return f"{ADDRESS_PREFIX}{self.road}{lane}{self.number}号"

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)


@dataclass
class Road:
    edge_id: int
    name: str
    cls: str
    oneway: int
    speed_kmh: int
    coords: list[tuple[float, float]]


@dataclass
class Facility:
    facility_id: str
    type: str
    name: str
    capacity: int
    x: float
    y: float
    address: str
    building_id: str
    community_code: str


@dataclass
class AdminUnit:
    code: str
    level: str
    name: str
    parent_code: str
    geom: Polygon


@dataclass
class Block:
    c: int
    r: int
    x0: float
    x1: float
    y0: float
    y1: float
    kind: str = "residential"
    street: int = -1
    community: int = -1
    cut_y: float | None = None
    style: str = ""
    target: int = 0


@dataclass
class District:
    xs: np.ndarray
    ys: np.ndarray
    blocks: dict[tuple[int, int], Block]
    admin: list[AdminUnit]
    roads: list[Road]
    buildings: list[Building]
    facilities: list[Facility]
    defects: list[dict]
    road_names: set[str]
    lane_numbers: dict[tuple[str, int], int] = field(default_factory=dict)
    """(road, lane) -> highest 号 in that lane (to make numbers that do not exist)."""


# ----------------------------------------------------------------------------
def _lattice_size(n_blocks: int) -> tuple[int, int, int, int]:
    ncols = max(4, round(math.sqrt(n_blocks * 1.2)))
    nrows = max(3, math.ceil(n_blocks / ncols))
    while True:
        kc, kr = max(1, ncols // 4), max(1, nrows // 3)
        if ncols * nrows - kc * kr >= n_blocks:
            return ncols, nrows, kc, kr
        nrows += 1


def _line_class(i: int, n: int) -> str:
    if i in (0, n) or i % 4 == 0:
        return "primary"
    return "secondary" if i % 2 == 0 else "branch"


class _Numbers:
    """House numbers per (road, side): unique, growing with x, odd north / even south."""

    def __init__(self) -> None:
        self.used: dict[tuple[str, int], set[int]] = {}

    def take(self, road: str, north_side: bool, x: float) -> int:
        parity = 1 if north_side else 2
        used = self.used.setdefault((road, parity), set())
        n = 2 * int(x // 10.0) + parity
        while n in used:
            n += 2
        used.add(n)
        return n


def build_district(households: int, rng: np.random.Generator, vacancy: float = 0.07) -> District:
    """Lay out a district with room for ``households`` households plus ``vacancy`` empty rooms."""
    rooms_needed = math.ceil(households * (1.0 + vacancy))
    n_res_wanted = max(8, math.ceil(rooms_needed / HOUSEHOLDS_PER_BLOCK))
    n_blocks = max(12, math.ceil(n_res_wanted / 0.75))
    ncols, nrows, kc, kr = _lattice_size(n_blocks)

    xs = np.concatenate([[0.0], np.cumsum(rng.integers(260, 401, ncols)).astype(float)])
    ys = np.concatenate([[0.0], np.cumsum(rng.integers(220, 341, nrows)).astype(float)])
    present = np.ones((ncols, nrows), dtype=bool)
    present[ncols - kc:, nrows - kr:] = False

    vclass = [_line_class(i, ncols) for i in range(ncols + 1)]
    hclass = [_line_class(j, nrows) for j in range(nrows + 1)]
    vname, hname = _road_names(rng, vclass, hclass)

    blocks: dict[tuple[int, int], Block] = {}
    for c in range(ncols):
        for r in range(nrows):
            if present[c, r]:
                blocks[(c, r)] = Block(c, r, xs[c], xs[c + 1], ys[r], ys[r + 1])

    streets = _streets(blocks, ncols, nrows)
    communities = _communities(rng, blocks, streets)
    _block_kinds(rng, blocks, communities)

    res_blocks = [b for b in sorted(blocks.values(), key=lambda b: (b.r, b.c)) if b.kind == "residential"]
    weights = rng.uniform(0.75, 1.25, len(res_blocks))
    targets = np.ceil(rooms_needed * weights / weights.sum()).astype(int)
    for b, t in zip(res_blocks, targets):
        b.target = int(t)

    ctx = _Ctx(rng, xs, ys, vclass, hclass, vname, hname, blocks)
    fac_blocks = {members[0]: ci for ci, (_, members) in enumerate(communities)}
    deficit = 0
    for b in res_blocks:
        needs = _community_facilities(rng) if (b.c, b.r) in fac_blocks else []
        got = ctx.residential(b, b.target + deficit, needs)
        deficit = max(0, b.target + deficit - got)
    if deficit > 0:
        raise RuntimeError(f"layout too small: {deficit} rooms short; raise HOUSEHOLDS_PER_BLOCK margin")
    for b in sorted(blocks.values(), key=lambda b: (b.r, b.c)):
        if b.kind == "commercial":
            ctx.commercial(b)
        elif b.kind == "school":
            ctx.school(b)
        elif b.kind == "park":
            ctx.park(b)

    admin = _admin_units(blocks, streets, communities, ctx.buildings)
    roads = ctx.roads_network(present, ncols, nrows)
    facilities = ctx.make_facilities(communities, admin)
    return District(
        xs=xs, ys=ys, blocks=blocks, admin=admin, roads=roads, buildings=ctx.buildings,
        facilities=facilities, defects=ctx.defects, road_names=set(vname) | set(hname),
        lane_numbers=ctx.lane_max,
    )


def _road_names(rng, vclass, hclass) -> tuple[list[str], list[str]]:
    n = len(vclass) + len(hclass)
    stems = list(vocab.ROAD_STEMS)
    extra = [s + d for d in ("东", "西", "南", "北") for s in vocab.ROAD_STEMS]
    order = rng.permutation(len(stems))
    pool = [stems[i] for i in order] + extra
    if n > len(pool):
        raise RuntimeError("district too large for the road-name pool")
    names = []
    for k, cls in enumerate(vclass + hclass):
        suffix = "大道" if cls == "primary" and rng.random() < 0.25 else "路"
        names.append(pool[k] + suffix)
    return names[: len(vclass)], names[len(vclass):]


def _streets(blocks, ncols, nrows) -> list[tuple[int, list[tuple[int, int]]]]:
    """Rectangles of blocks; returns [(street index, [block keys])]."""
    n_target = max(2, round(len(blocks) / 30))
    sc = max(2, min(ncols // 2, round(math.sqrt(n_target * ncols / nrows))))
    sr = max(1, min(nrows // 2 or 1, round(n_target / sc)))
    col_parts = np.array_split(np.arange(ncols), sc)
    row_parts = np.array_split(np.arange(nrows), sr)
    streets = []
    for rows in row_parts:
        for cols in col_parts:
            keys = [(c, r) for r in rows for c in cols if (c, r) in blocks]
            if keys:
                for k in keys:
                    blocks[k].street = len(streets)
                streets.append((len(streets), keys))
    return streets


def _connected_parts(keys: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    rest = set(keys)
    parts = []
    for k in keys:  # keep order of first appearance
        if k not in rest:
            continue
        comp, stack = [], [k]
        rest.discard(k)
        while stack:
            c, r = stack.pop()
            comp.append((c, r))
            for nb in ((c + 1, r), (c - 1, r), (c, r + 1), (c, r - 1)):
                if nb in rest:
                    rest.discard(nb)
                    stack.append(nb)
        parts.append(sorted(comp, key=keys.index))
    return parts


def _communities(rng, blocks, streets):
    """Connected groups of 1-3 blocks along a serpentine walk through each street."""
    communities: list[tuple[int, list[tuple[int, int]]]] = []
    for si, keys in streets:
        rows = sorted({r for _, r in keys})
        walk = []
        for n, r in enumerate(rows):
            cols = sorted(c for c, rr in keys if rr == r)
            walk.extend((c, r) for c in (cols if n % 2 == 0 else cols[::-1]))
        i = 0
        while i < len(walk):
            size = int(rng.choice([1, 2, 3], p=[0.25, 0.5, 0.25]))
            for part in _connected_parts(walk[i:i + size]):
                for k in part:
                    blocks[k].community = len(communities)
                communities.append((si, part))
            i += size
    return communities


def _block_kinds(rng, blocks, communities):
    n = len(blocks)
    candidates = [k for _, members in communities for k in members[1:]]
    order = rng.permutation(len(candidates))
    candidates = [candidates[i] for i in order]
    quotas = [("school", max(1, round(0.07 * n))), ("park", max(1, round(0.03 * n))),
              ("commercial", max(1, round(0.15 * n)))]
    i = 0
    for kind, count in quotas:
        for _ in range(count):
            if i < len(candidates):
                blocks[candidates[i]].kind = kind
                i += 1


def _community_facilities(rng) -> list[str]:
    needs = ["community_centre"]
    if rng.random() < 0.8:
        needs.append("health_station")
    if rng.random() < 0.75:
        needs.append("kindergarten")
    if rng.random() < 0.6:
        needs.append("elderly_care")
    return needs


class _Ctx:
    """State while laying out blocks: numbering, buildings, lanes."""

    def __init__(self, rng, xs, ys, vclass, hclass, vname, hname, blocks):
        self.rng = rng
        self.xs, self.ys = xs, ys
        self.vclass, self.hclass, self.vname, self.hname = vclass, hclass, vname, hname
        self.blocks = blocks
        self.numbers = _Numbers()
        self.buildings: list[Building] = []
        self.lanes: list[tuple[str, int, float, float, float]] = []  # road, lane no, x, y_start, y_end
        self.lane_max: dict[tuple[str, int], int] = {}
        self.fac_slots: list[tuple[str, Building, tuple[int, int]]] = []
        self.school_main: list[tuple[str, Building, tuple[int, int]]] = []
        self.park_paths: list[list[tuple[float, float]]] = []
        self.defects: list[dict] = []

    # -- helpers -------------------------------------------------------------
    def _buildable(self, b: Block) -> tuple[float, float, float, float]:
        hw = ROAD_HALF_WIDTH
        return (
            b.x0 + hw[self.vclass[b.c]] + SETBACK,
            b.x1 - hw[self.vclass[b.c + 1]] - SETBACK,
            b.y0 + hw[self.hclass[b.r]] + SETBACK,
            b.y1 - hw[self.hclass[b.r + 1]] - SETBACK,
        )

    def _add(self, bld: Building) -> Building:
        bld.building_id = f"B{len(self.buildings) + 1:06d}"
        self.buildings.append(bld)
        return bld

    def _height(self, floors: int) -> float:
        return round(floors * float(self.rng.uniform(2.9, 3.1)), 1)

    # -- residential ---------------------------------------------------------
    def _candidates(self, b: Block, style: str, rng) -> tuple[list, list[float]]:
        """All footprints a style could place, in filling order: (row, lane, x0, x1, y0, y1, params)."""
        st = STYLES[style]
        bx0, bx1, by0, by1 = self._buildable(b)
        width = bx1 - bx0
        n_lanes = 1 if width < 230 else 2
        lanes = [q(bx0 + (k + 0.5) * width / n_lanes + rng.uniform(-10, 10)) for k in range(n_lanes)]
        regions = []  # (lane index, side, left, right)
        for k, xl in enumerate(lanes):
            left = bx0 if k == 0 else q((lanes[k - 1] + xl) / 2 + 5)
            right = bx1 if k == n_lanes - 1 else q((lanes[k + 1] + xl) / 2 - 5)
            regions.append((k, "w", left, xl - LANE_CLEARANCE))
            regions.append((k, "e", xl + LANE_CLEARANCE, right))
        cands = []
        y, row = by0, 0
        depth = st["depth"]
        while y + depth <= by1:
            for k, side, left, right in regions:
                x = right if side == "w" else left
                while True:
                    units = int(rng.integers(st["units"][0], st["units"][1] + 1))
                    length = units * st["unit_len"]
                    avail = (x - left) if side == "w" else (right - x)
                    while length > avail and units > 1:
                        units -= 1
                        length = units * st["unit_len"]
                    if length > avail:
                        break
                    if side == "w":
                        x0, x1 = q(x - length), x
                        x = x0 - st["side_gap"]
                    else:
                        x0, x1 = x, q(x + length)
                        x = x1 + st["side_gap"]
                    floors = int(rng.integers(st["floors"][0], st["floors"][1] + 1))
                    if style == "slab6":
                        floors = 6 if rng.random() < 0.7 else floors
                    rpu = int(rng.integers(st["rpu"][0], st["rpu"][1] + 1))
                    cands.append((row, k, side, x0, x1, q(y), q(y + depth), floors, units, rpu))
            y += depth + st["row_gap"]
            row += 1
        return cands, lanes

    def residential(self, b: Block, target: int, needs: list[str]) -> int:
        """Fill a residential block until it holds ``target`` rooms; return rooms placed."""
        trial = {}
        seeds = self.rng.integers(0, 2**63 - 1, len(STYLES))
        for (style, _), seed in zip(STYLES.items(), seeds):
            cands, lanes = self._candidates(b, style, np.random.default_rng(int(seed)))
            cap = sum(f * u * r for *_, f, u, r in cands[len(needs):])
            trial[style] = (cands, lanes, cap)
        feasible = [s for s in STYLES if trial[s][2] >= target]
        if feasible:
            w = np.array([STYLE_WEIGHTS[s] for s in feasible])
            style = feasible[int(self.rng.choice(len(feasible), p=w / w.sum()))]
        else:
            style = "tower"
        cands, lanes, _ = trial[style]
        b.style = style

        road = self.hname[b.r]
        unit_len = STYLES[style]["unit_len"]
        placed, used = 0, []
        for i, cand in enumerate(cands):
            if i >= len(needs) and placed >= target:
                break
            if i >= len(needs):
                row, k, side, x0, x1, y0, y1, floors, units, rpu = cand
                if placed + floors * units * rpu > target:  # last building: trim units to limit vacancy
                    units = max(1, min(units, math.ceil((target - placed) / (floors * rpu))))
                    if side == "w":
                        x0 = q(x1 - units * unit_len)
                    else:
                        x1 = q(x0 + units * unit_len)
                    cand = (row, k, side, x0, x1, y0, y1, floors, units, rpu)
                placed += floors * units * rpu
            used.append((i, cand))
        lane_no: dict[int, int] = {}
        lane_count: dict[int, int] = {}
        lane_top: dict[int, float] = {}
        for k, xl in enumerate(lanes):
            if any(c[1] == k for _, c in used):
                lane_no[k] = self.numbers.take(road, True, xl)
        for i, (_row, k, _side, x0, x1, y0, y1, floors, units, rpu) in used:
            lane_count[k] = lane_count.get(k, 0) + 1
            lane_top[k] = max(lane_top.get(k, y0), (y0 + y1) / 2)
            if i < len(needs):
                kind = needs[i]
                bld = self._add(Building("", x0, y0, x1, y1, FACILITY_USE[kind], FACILITY_FLOORS[kind],
                                         self._height(FACILITY_FLOORS[kind]), road, lane_no[k],
                                         lane_count[k], (b.c, b.r)))
                self.fac_slots.append((kind, bld, (b.c, b.r)))
            else:
                self._add(Building("", x0, y0, x1, y1, "residential", floors, self._height(floors), road,
                                   lane_no[k], lane_count[k], (b.c, b.r), units, rpu))
        above = self.blocks.get((b.c, b.r + 1))
        for k, no in lane_no.items():
            through = (above is None or above.kind != "residential") and self.rng.random() < 0.4
            y_end = b.y1 if through else q(lane_top[k])
            self.lanes.append((road, no, lanes[k], b.y0, y_end))
            self.lane_max[(road, no)] = lane_count[k]
        rows = sorted({c[0] for _, c in used})
        if len(rows) >= 2:
            k = len(rows) // 2
            top = max(c[6] for _, c in used if c[0] == rows[k - 1])
            bottom = min(c[5] for _, c in used if c[0] == rows[k])
            b.cut_y = q((top + bottom) / 2)
        return placed

    # -- other blocks --------------------------------------------------------
    def commercial(self, b: Block) -> None:
        bx0, bx1, by0, by1 = self._buildable(b)
        rng = self.rng
        depth_s, depth_n = float(rng.integers(20, 36)), float(rng.integers(20, 36))
        rows = [("s", by0, q(by0 + depth_s))]
        if by1 - by0 >= depth_s + depth_n + 30:
            rows.append(("n", q(by1 - depth_n), by1))
        for side, y0, y1 in rows:
            road = self.hname[b.r] if side == "s" else self.hname[b.r + 1]
            x = bx0
            while True:
                length = float(rng.integers(30, 71))
                if x + length > bx1:
                    length = bx1 - x
                    if length < 25:
                        break
                u = rng.random()
                use, floors = (("office", int(rng.integers(10, 41))) if u < 0.55 else
                               ("commercial", int(rng.integers(2, 7))) if u < 0.9 else
                               ("mixed", int(rng.integers(6, 16))))
                x0, x1 = q(x), q(x + length)
                number = self.numbers.take(road, side == "s", (x0 + x1) / 2)
                self._add(Building("", x0, y0, x1, y1, use, floors, self._height(floors), road, None, number,
                                   (b.c, b.r)))
                x = x1 + float(rng.integers(15, 26))

    def school(self, b: Block) -> None:
        bx0, bx1, by0, by1 = self._buildable(b)
        rng = self.rng
        road = self.hname[b.r]
        half = q((bx0 + bx1) / 2)
        for kind, left, right in (("primary_school", bx0, half - 10), ("middle_school", half + 10, bx1)):
            length = min(right - left - 10, 75.0)
            x0 = q(left + 5)
            floors = int(rng.integers(4, 6))
            main = Building("", x0, by0, q(x0 + length), by0 + 16, "school", floors, self._height(floors), road,
                            None, 0, (b.c, b.r))
            main.number = self.numbers.take(road, True, (main.x0 + main.x1) / 2)
            self._add(main)
            self.school_main.append((kind, main, (b.c, b.r)))
            y2 = by0 + 16 + 40
            if y2 + 14 <= by1:
                floors2 = int(rng.integers(3, 5))
                second = Building("", x0, y2, q(x0 + min(40.0, length)), y2 + 14, "school", floors2,
                                  self._height(floors2), road, None, 0, (b.c, b.r))
                second.number = self.numbers.take(road, True, (main.x0 + main.x1) / 2)
                self._add(second)

    def park(self, b: Block) -> None:
        if self.park_paths:
            return
        cx, cy = q((b.x0 + b.x1) / 2), q((b.y0 + b.y1) / 2)
        self.park_paths.append([(cx - 60.0, cy - 30.0), (cx, cy - 30.0)])
        self.park_paths.append([(cx, cy - 30.0), (cx, cy + 40.0)])

    # -- roads ---------------------------------------------------------------
    def roads_network(self, present, ncols, nrows) -> list[Road]:
        xs, ys = self.xs, self.ys

        def has(c, r):
            return 0 <= c < ncols and 0 <= r < nrows and bool(present[c, r])

        vseg = [[has(i - 1, j) or has(i, j) for j in range(nrows)] for i in range(ncols + 1)]
        hseg = [[has(i, j - 1) or has(i, j) for i in range(ncols)] for j in range(nrows + 1)]
        oneway = {}
        lines = [(("v", i), c) for i, c in enumerate(self.vclass)] + [(("h", j), c) for j, c in enumerate(self.hclass)]
        for key, cls in lines:
            p = {"branch": 0.35, "secondary": 0.1}.get(cls, 0.0)
            if self.rng.random() < p:
                oneway[key] = 1 if self.rng.random() < 0.5 else -1

        lane_pts: dict[int, list[float]] = {}
        for _road, _no, x, y0, y1 in self.lanes:
            j0 = int(np.searchsorted(ys, y0))
            lane_pts.setdefault(j0, []).append(x)
            if y1 in ys:
                lane_pts.setdefault(int(np.searchsorted(ys, y1)), []).append(x)

        # the deliberate undershoot: an interior branch (or secondary) N-S line, first edge
        cands = [i for i in range(1, ncols) if self.vclass[i] == "branch" and vseg[i][0]]
        cands = cands or [i for i in range(1, ncols) if vseg[i][0]]
        under_i = cands[len(cands) // 2]

        roads: list[Road] = []

        def emit(name, cls, pts, direction, defect=None):
            for a, bpt in zip(pts[:-1], pts[1:]):
                coords = [a, bpt] if direction >= 0 else [bpt, a]
                road = Road(len(roads) + 1, name, cls, 1 if direction else 0, ROAD_SPEED[cls], coords)
                roads.append(road)

        for i in range(ncols + 1):
            runs = _runs(vseg[i])
            for j0, j1 in runs:
                nodes = sorted({ys[j] for j in range(j0, j1 + 1) if any(hseg[j][max(0, i - 1):i + 1])}
                               | {ys[j0], ys[j1]})
                pts = [(xs[i], y) for y in nodes]
                if i == under_i and j0 == 0:
                    pts[0] = (xs[i], ys[0] + 0.5)
                    junction = (float(xs[i]), float(ys[0]))
                start = len(roads)
                emit(self.vname[i], self.vclass[i], pts, oneway.get(("v", i), 0))
                if i == under_i and j0 == 0:
                    self.defects.append(dict(kind="undershoot", edge_id=roads[start].edge_id, gap_m=0.5,
                                             x=junction[0], y=junction[1],
                                             note="edge ends 0.5 m short of the junction with the boundary road"))
        for j in range(nrows + 1):
            for i0, i1 in _runs(hseg[j]):
                xs_nodes = {xs[i] for i in range(i0, i1 + 1)
                            if any(vseg[i][max(0, j - 1):j + 1])} | {xs[i0], xs[i1]}
                xs_nodes |= {x for x in lane_pts.get(j, []) if xs[i0] < x < xs[i1]}
                pts = [(x, ys[j]) for x in sorted(xs_nodes)]
                emit(self.hname[j], self.hclass[j], pts, oneway.get(("h", j), 0))
        for road, no, x, y0, y1 in self.lanes:
            emit(f"{road}{no}弄", "lane", [(x, y0), (x, y1)], 0)
        ids = []
        for path in self.park_paths:
            emit("公园园路", "lane", path, 0)
            ids.append(roads[-1].edge_id)
        self.defects.append(dict(kind="disconnected", edge_id=ids[0], gap_m=None, x=path[0][0], y=path[0][1],
                                 note="park path edges " + " ".join(map(str, ids)) + " touch no other road"))
        return roads

    # -- facilities ----------------------------------------------------------
    def make_facilities(self, communities, admin) -> list[Facility]:
        comm_units = {u.code: u for u in admin if u.level == "community"}
        block_comm = {}
        for b in self.blocks.values():
            block_comm[(b.c, b.r)] = b.community
        codes = _community_codes(admin)
        rng = self.rng
        out: list[Facility] = []
        for kind, bld, key in self.fac_slots + self.school_main:
            ccode = codes[block_comm[key]]
            cname = comm_units[ccode].name.removesuffix("居委会")
            stem = bld.road.removesuffix("路").removesuffix("大道")
            x, y = bld.centre
            if kind == "health_station":
                name, cap = f"{cname}卫生服务站", int(rng.integers(80, 201))  # daily visits
            elif kind == "community_centre":
                name, cap = f"{cname}党群服务站", int(rng.integers(200, 801))  # visitors per day
            elif kind == "kindergarten":
                name, cap = f"{cname}幼儿园", int(rng.integers(6, 13)) * 30  # places
            elif kind == "elderly_care":
                name, cap = f"{cname}长者照护之家", int(rng.integers(30, 151))  # beds
            elif kind == "primary_school":
                name, cap = f"浦东新区{stem}小学", int(rng.integers(20, 48)) * 45  # places
            else:
                name, cap = f"浦东新区{stem}中学", int(rng.integers(18, 40)) * 50
            out.append(Facility(f"F{len(out) + 1:05d}", kind, name, cap, x, y, bld.address, bld.building_id, ccode))
        return out


def _runs(flags: list[bool]) -> list[tuple[int, int]]:
    """Maximal runs of True as (first node index, last node index)."""
    runs, start = [], None
    for k, f in enumerate(flags + [False]):
        if f and start is None:
            start = k
        elif not f and start is not None:
            runs.append((start, k))
            start = None
    return runs


def _community_codes(admin: list[AdminUnit]) -> list[str]:
    return [u.code for u in admin if u.level == "community"]


def _admin_units(blocks, streets, communities, buildings) -> list[AdminUnit]:
    def rect(b: Block):
        return box(b.x0, b.y0, b.x1, b.y1)

    units = [AdminUnit(DISTRICT_CODE, "district", DISTRICT_NAME, CITY_CODE,
                       _single(unary_union([rect(b) for b in blocks.values()])))]
    street_codes = []
    n_jd = n_zhen = 0
    for si, keys in streets:
        name = vocab.STREETS[si] if si < len(vocab.STREETS) else f"{vocab.COMMUNITY_STEMS[si % 71]}街道"
        if name.endswith("镇"):
            n_zhen += 1
            code = f"{DISTRICT_CODE}{100 + n_zhen:03d}"
        else:
            n_jd += 1
            code = f"{DISTRICT_CODE}{n_jd:03d}"
        street_codes.append(code)
        units.append(AdminUnit(code, "street", name, DISTRICT_CODE,
                               _single(unary_union([rect(blocks[k]) for k in keys]))))
    names = _community_names(len(communities))
    per_street: dict[int, int] = {}
    comm_codes = []
    for ci, (si, keys) in enumerate(communities):
        per_street[si] = per_street.get(si, 0) + 1
        code = f"{street_codes[si]}{per_street[si]:03d}"
        comm_codes.append(code)
        units.append(AdminUnit(code, "community", names[ci], street_codes[si],
                               _single(unary_union([rect(blocks[k]) for k in keys]))))
    by_block = {}
    for b in buildings:
        by_block.setdefault(b.block, []).append(b)
    for ci, (_si, keys) in enumerate(communities):
        n = 0
        short = names[ci].removesuffix("居委会")
        for k in keys:
            b = blocks[k]
            parts = [(b.y0, b.y1)] if b.cut_y is None else [(b.y0, b.cut_y), (b.cut_y, b.y1)]
            for y0, y1 in parts:
                n += 1
                code = f"{comm_codes[ci]}{n:03d}"
                units.append(AdminUnit(code, "grid", f"{short}第{n}网格", comm_codes[ci], box(b.x0, y0, b.x1, y1)))
                for bld in by_block.get(k, []):
                    if y0 <= (bld.y0 + bld.y1) / 2 < y1:
                        bld.community_code, bld.grid_code = comm_codes[ci], code
    return units


def _single(geom) -> Polygon:
    if geom.geom_type != "Polygon":
        raise RuntimeError(f"admin unit is not one polygon: {geom.geom_type}")
    return geom


def _community_names(n: int) -> list[str]:
    names = []
    for suffix in vocab.COMMUNITY_SUFFIXES:
        for stem in vocab.COMMUNITY_STEMS:
            names.append(f"{stem}{suffix}居委会")
    for k in range(len(names), n):
        stem = vocab.COMMUNITY_STEMS[k % len(vocab.COMMUNITY_STEMS)]
        names.append(f"{stem}第{k // len(vocab.COMMUNITY_STEMS)}居委会")
    # spread the stems: interleave rather than 71 plain names first
    order = sorted(range(len(names)), key=lambda i: (i * 7919) % len(names))
    return [names[i] for i in order][:n]
