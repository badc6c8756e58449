"""Road classes a mode never uses (walking: no rail, ferry, aerialway or motorway-class roads; driving: no
footways, paths, steps, cycleways or pedestrian streets).

The values are matched, without regard to case and surrounding spaces, against the value(s) of the
class field(s) of every road: OpenStreetMap ``highway``/``railway``/``route`` values, the Tilezen
``kind``/``kind_detail`` values (``rail``, ``ferry``, ``path`` ...; a Tilezen extract is best read with
both fields, since ``rail`` is a kind and ``trunk`` a kind_detail) and the Chinese road classes of
GB/T 917 and city data (高速公路, 快速路 main carriageways, 人行道 ...). The lists are the presets;
the planner edits them (EXCLUDE_CLASSES).
"""
from __future__ import annotations

import numpy as np

WALK_EXCLUDED: tuple[str, ...] = (
    # rail of every kind
    "rail", "railway", "subway", "light_rail", "tram", "monorail", "funicular", "narrow_gauge",
    "preserved", "disused", "abandoned",
    # water and air
    "ferry", "aerialway", "cable_car", "gondola", "chair_lift", "drag_lift",
    # motorway-class roads (Tilezen kind 'highway' is a motorway; Shanghai's trunks are elevated
    # expressways and tunnel ramps)
    "highway", "motorway", "motorway_link", "trunk", "trunk_link",
    "铁路", "地铁", "轻轨", "有轨电车", "轮渡", "索道", "高速公路", "快速路", "快速路主路", "城市快速路",
    "高架路",
)
WALK_EXCLUDED = tuple(v.lower() for v in WALK_EXCLUDED)
"""classes walking never uses"""

DRIVE_EXCLUDED: tuple[str, ...] = (
    "path", "footway", "steps", "cycleway", "pedestrian", "bridleway", "corridor", "pier", "sidewalk",
    "crossing", "platform",
    "rail", "railway", "subway", "light_rail", "tram", "monorail", "funicular", "narrow_gauge",
    "aerialway", "cable_car", "gondola",
    "人行道", "步行道", "步行街", "自行车道", "非机动车道", "台阶", "铁路", "地铁", "索道",
)
"""classes driving never uses (ferries stay: car ferries carry cars)"""

NONE = "-"
"""the EXCLUDE_CLASSES value that excludes nothing"""


def preset(mode: str) -> tuple[str, ...]:
    """The classes *mode* ('walk' or 'drive') never uses."""
    return WALK_EXCLUDED if mode == "walk" else DRIVE_EXCLUDED


def excluded_classes(text: str | None, mode: str) -> frozenset[str]:
    """The classes to leave out: the comma-separated *text* (also 、，；;), the mode's preset when it is
    empty, nothing when it is ``-``. Values are compared in lower case."""
    text = (text or "").strip()
    if not text:
        return frozenset(preset(mode))
    if text == NONE:
        return frozenset()
    for sep in "、，；;":
        text = text.replace(sep, ",")
    return frozenset(v.strip().lower() for v in text.split(",") if v.strip())


def excluded_value(values, excluded: frozenset[str]) -> str | None:
    """The first of a road's class *values* that is in *excluded* (None: the road is used)."""
    for value in values:
        if value is None:
            continue
        key = str(value).strip().lower()
        if key in excluded:
            return key
    return None


def length_by_class(classes: list[str], lengths: np.ndarray, features=None) -> list[tuple[str, int, float]]:
    """(class, roads, metres) of excluded line parts, longest first; *features* (the feature of every part)
    makes a multipart road count once."""
    out: dict[str, list] = {}
    features = range(len(classes)) if features is None else features
    for c, length, f in zip(classes, np.asarray(lengths, float).tolist(), features):
        entry = out.setdefault(c, [set(), 0.0])
        entry[0].add(f)
        entry[1] += length
    return sorted(((c, len(fs), m) for c, (fs, m) in out.items()), key=lambda t: -t[2])
