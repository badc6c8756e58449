"""Step D of the address parser (see :mod:`.parser`): the numbers after the road.

D. **Numbers** after the road, one unit at a time: 弄/巷 (lane), 号 (number; 号楼
   after a lane is the lane's house number), 幢/栋/座 and a row N排 (building), 单元 (unit),
   层/楼 (floor), 室/户/号房 (room), a market aisle N街 (unit); bare numbers and
   dash forms by position
   (``12号1203`` room 1203, ``68-8-1202`` building-unit-room).  A numbered part
   of an estate (下湾4区, 2期, 7组团) stays in the POI's name; a 号 read as the
   house of a POI is its door number when a 幢/栋/座 follows (工业园112号3幢);
   a block letter before a room is the building (A2292); a 号 in a market is a
   stall, i.e. a room (综合市场55号), and 铺/档/房 are room words.  12F is a floor,
   a stair (2梯) and a gate (8号门, not 74号门面) are neither; after a floor or unit a number is a
   room; a last number of four digits or more after an estate is a room (文华小区3115号).  Other text
   becomes ``poi`` (first) or ``rest``.
"""
from __future__ import annotations

from .keys import is_range
from .patterns import (
    BUILDING_POI,
    DIGIT,
    ESTATE,
    LETTERED,
    LONG_NUMBER,
    MARKET,
    ROAD_SUFFIX,
    TAIL,
    TEXT,
    UNIT_CHARS,
)


def read_numbers(s: str, pos: int, f: dict[str, str]) -> None:
    """Step D: the numbers in *s* from *pos* on into the fields *f*; other text goes to poi or rest."""
    rest = [f["rest"]] if f.get("rest") else []
    end = len(s)
    in_poi = False  # a POI named after the road, before any number: the numbers are the POI's
    door = False  # the building was read from a 号 after a POI: a 幢/栋/座 after it shows it was the door
    while pos < end:
        match = TAIL.match(s, pos)
        if match is None or match.end() == pos:
            text = TEXT.match(s, pos)
            chunk = text.group() if text else s[pos]
            pos += len(chunk)
            if chunk == "-":
                continue
            road_match = None
            if "road" not in f and not any(k in f for k in ("lane", "number", "building")):
                road_match = ROAD_SUFFIX.search(chunk)
            if road_match and road_match.start() >= 2:
                f["road"] = chunk[:road_match.end()]
                leftover = chunk[road_match.end():]
                if leftover:
                    rest.append(leftover)
            elif "poi" not in f and not any(k in f for k in ("building", "unit", "floor", "room")):
                f["poi"] = chunk
                in_poi = "road" in f and not any(k in f for k in ("lane", "number"))
            else:
                rest.append(chunk)
            continue
        kind = match.lastgroup
        value = match.group(kind)
        pos = match.end()
        if kind in ("cluster", "zone") and not any(k in f for k in ("lane", "number", "building", "unit",
                                                                    "floor", "room")):
            # 星海名城7组团, 下湾4区, 清泰南苑2期: a part of the estate, part of its name
            f["poi"] = f.get("poi", "") + match.group()
        elif kind in ("gate", "stair", "distance", "cluster", "zone"):
            rest.append(match.group())  # 8号门: a gate, 4号库: a store, not a house; 向东50米: a distance
        elif kind == "group":
            if "road" not in f and "number" not in f:
                f["road"] = value  # 村民小组 (3组): the road level of a village address
            else:
                rest.append(match.group())
        elif kind == "lane":
            if "lane" not in f and "number" not in f:
                f["lane"] = value
            else:
                rest.append(match.group())
        elif kind in ("building", "lbuilding", "haolou") and door and "number" not in f and "lane" not in f \
                and not any(k in f for k in ("unit", "floor", "room")):
            # 永西工业园112号3幢, 武林广场7号杭州大厦A座: the 号 read as the house was the door number
            f["number"], f["building"], door = f["building"], value, False
        elif kind == "haolou":
            if "number" not in f and "lane" in f and "building" not in f:
                f["number"] = value
            else:
                f.setdefault("building", value)
        elif kind == "hao":
            if "number" not in f and "building" not in f and "floor" not in f:
                # a 号 after a POI with no road is the house in it (君悦花园12号)
                on_road = ("road" in f or "lane" in f) and not in_poi
                # 村/组/桥/头 are places the 号 counts along (花塘村西店186号, 海王路石岸头130号): a road number
                village = not ESTATE.search(f.get("poi", "")[-1:])
                door = not (on_road or "poi" not in f or village)
                if door and "-" in value:
                    # 国际商贸城G2-13474号, 时代广场7-3号: block/building and stall/door; 404-411: rooms
                    door = False
                    parts = value.split("-", 1)
                    if is_range(parts, short=bool(MARKET.search(f["poi"]))):
                        f["room"] = value
                    else:
                        f["building"], f["room"] = parts
                elif door and (MARKET.search(f["poi"]) or LONG_NUMBER.fullmatch(value)
                               and not DIGIT.search(s, pos)):
                    door = False  # 综合市场55号, 汽配城1550号: a stall; 文华小区3115号 (the last): a room
                    f["room"] = value
                else:
                    f["building" if door else "number"] = value
            elif "building" in f and not any(k in f for k in ("unit", "floor", "room")) \
                    and DIGIT.search(s, pos):
                # 10栋6号8楼, 157幢69号2503室: the 号 between is the unit.  A last one (5栋6号, the door
                # of a row house) stays the room: it is the household (NAACL tags most of them cellno)
                f["unit"] = value
            elif "building" in f and "-" in value and not any(k in f for k in ("unit", "floor", "room")) \
                    and not is_range(value.split("-")):
                f["unit"], f["room"] = value.split("-")  # 国贸中心12幢129-180号: unit 129, room 180
            elif "building" in f or "unit" in f or "floor" in f or MARKET.search(f.get("poi", "")):
                f.setdefault("room", value)  # (兴宁路589号明州建材物资市场C区79号: a stall)
            else:
                f.setdefault("building", value)
        elif kind == "aisle":
            if "unit" not in f and ("floor" in f or "building" in f
                                    or ("number" not in f and MARKET.search(f.get("poi", "")))):
                # a market aisle (6楼7街41050, 市场B7区11街21581): the stall is the room
                f["unit"] = match.group()
            else:
                rest.append(match.group())
        elif kind == "row" and "building" in f:
            rest.append(match.group())
        elif kind in ("building", "lbuilding", "row"):
            if "building" in f:
                rest.append(match.group())
            else:
                f["building"] = value
        elif kind in ("unit", "floor", "room"):
            if kind in f:
                rest.append(match.group())
            else:
                f[kind] = value
        else:  # a bare number: its place decides what it is
            before_floor = False
            if "-" in value and pos < end and s[pos] in "号室户":
                pos += 1  # 14-9-1456室, G2-13474号: the unit word closes the chain
            elif "-" in value and pos < end and s[pos] in UNIT_CHARS:
                value, _, last = value.rpartition("-")
                pos -= len(last)  # the last part goes with the unit after it (174-8楼)
                # 179-4-3楼: building 179, unit 4, floor 3 (no room)
                before_floor = s[pos + len(last)] in "层楼"
            _bare(value, f, rest, in_poi, before_floor, not DIGIT.search(s, pos))
    if rest:
        f["rest"] = "".join(rest)
    elif "rest" in f:
        del f["rest"]


def _bare(value: str, f: dict[str, str], rest: list[str], in_poi: bool = False,
          before_floor: bool = False, last: bool = False) -> None:
    """Place a number without unit word (or a dash chain) by what is already known.

    *in_poi*: the numbers follow a POI named after the road (they are its houses);
    *before_floor*: a floor follows the chain (its last part is then the unit, or the building if
    none is read yet: 174-8楼);
    *last*: no number follows.
    """
    parts = value.split("-")
    if is_range(parts):
        parts = [value]  # 807-811, 1220-1221: a range of rooms (or of numbers), one value
    placed = any(k in f for k in ("number", "building"))
    if (last and not placed and "road" in f and "lane" not in f and not in_poi and len(parts) == 2
            and len(parts[1]) <= 3 and parts[1].isdigit()):
        f["number"] = value  # 纽扣路344-110 at the end: a sub-number (344号之110), like 344-110号
        return
    after_floor = "floor" in f or "unit" in f  # 5楼94, 二单元A14: a room, whatever came before
    if after_floor and len(parts) == 2 and "room" not in f:
        f["room"] = value  # 12楼6289-2, 7单元905-2: one room
        return
    if not placed and not after_floor and (("lane" in f or "road" in f) and not in_poi
                                           or len(parts) == 1 and last and "road" not in f and f.get("poi")
                                           and not ESTATE.search(f["poi"][-1])):
        f["number"] = parts[0]  # after a road, or a place that is no estate (沙龙1749, 留公坞138)
        parts = parts[1:]
    elif not placed and len(parts) == 1 and (after_floor or BUILDING_POI.search(f.get("poi", ""))
                                             or last and f.get("poi") and LONG_NUMBER.fullmatch(value)
                                             or "-" in parts[0]):
        pass  # 5楼94, 华远大厦1041, 华景乐园1893 (four digits or more), 404-411 (a range): a room
    elif not placed:
        lettered = LETTERED.fullmatch(parts[0]) if len(parts) <= 2 else None
        if lettered and (len(parts) == 1 or is_range([lettered.group(2), parts[1]])):
            # 明月花都A2292: block A, room 2292; 奥特莱斯A150-151: block A, rooms 150-151
            f["building"], parts = lettered.group(1), ["-".join((lettered.group(2), *parts[1:]))]
        else:
            f["building"] = parts[0]
            parts = parts[1:]
    if not parts:
        return
    if len(parts) >= 3 and "building" not in f:
        f["building"] = parts.pop(0)
    if len(parts) == 2 and "building" not in f and "unit" not in f:
        f["building"] = parts.pop(0)
    if len(parts) >= 2 and "unit" not in f:
        f["unit"] = parts[-2]
    if before_floor and len(parts) == 1 and "unit" not in f and "building" in f:
        f["unit"] = parts[0]
    elif before_floor and len(parts) == 1 and "building" not in f:
        f["building"] = parts[0]  # 五洲国际广场174-8楼: building 174, floor 8
    elif "room" not in f:
        f["room"] = parts[-1]
    else:
        rest.append(value)
