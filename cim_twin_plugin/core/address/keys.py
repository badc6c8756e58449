"""Building and room keys: what the spellings of one building (or room) share, for the household join.

:func:`make_building_key` is district|road|lane|number|building, :func:`make_room_key` that key|unit|room,
with the numbers cleaned (:func:`clean_number`).  :func:`is_range` tells a range of numbers (807-811) from
a chain of parts (building-unit-room); the parser's number rules use it too.
"""
from __future__ import annotations

import re

__all__ = ["clean_number", "house_key", "is_house", "make_building_key", "make_room_key", "is_range"]

_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def clean_number(value: str) -> str:
    """A house number as keys compare it: leading zeros off each dash part (01-02 -> 1-2)."""
    return "-".join(_LEADING_ZEROS.sub("", part) for part in value.split("-")) if value else ""


def house_key(road: str, lane: str, number: str, building: str) -> tuple[str, str, str, str]:
    """(road, lane, number, building) as one building's spellings share them, numbers cleaned.

    In a lane, a house given only as 幢/栋 is the lane's number (47弄2栋 = 47弄2号).
    """
    lane, number, building = clean_number(lane), clean_number(number), clean_number(building)
    if lane and not number and building:
        number, building = building, ""
    return road, lane, number, building


def is_house(key: tuple[str, str, str, str]) -> bool:
    """A :func:`house_key` that names a building: a road (or POI) and a number or building."""
    return bool(key[0]) and bool(key[2] or key[3])


def make_building_key(district: str, road: str, lane: str, number: str, building: str) -> str:
    """district|road|lane|number|building (see :func:`house_key`), shared by the spellings of one building.

    Empty when there is no road (or POI) or no number/building.
    """
    key = house_key(road, lane, number, building)
    if not is_house(key):
        return ""
    return "|".join((district, *key))


def make_room_key(building_key: str, unit: str, room: str) -> str:
    """building_key|unit|room (empty without a building key or a room)."""
    room = clean_number(room)
    if not building_key or not room:
        return ""
    return f"{building_key}|{clean_number(unit)}|{room}"


def is_range(parts: list[str], short: bool = False) -> bool:
    """807-811: two numbers of three digits or more, the same length, the second a little larger.

    *short*: numbers of any length (the stalls of a market: 32-38号, 5-10号).
    """
    return (len(parts) == 2 and all(p.isdigit() for p in parts)
            and (short or len(parts[0]) == len(parts[1]) >= 3) and 0 < int(parts[1]) - int(parts[0]) <= 20)
