"""Checks that administrative units nest (province > ... > community > grid) and places buildings in them.

Pure Python on shapely geometries in a metric CRS (the caller reprojects).
Findings (kind):

``gap``             part of a parent not covered by its children (area > tolerance)
``overlap``         two units of the same parent overlap (area > tolerance)
``outside_parent``  part of a unit lies outside its parent
``missing_parent``  the parent code is not among the units (top-level units have none)
``building_no_community``        a building in no community
``building_several_communities`` a building split between communities (it is
                    assigned to the one holding most of it)

Units of one level without children are not checked for gaps (the hierarchy
may stop at any level).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from .errors import QT_TRANSLATE_NOOP, ValidationError
from .progress import Progress, check_canceled
from .spatial import BoxIndex

LEVELS = ("province", "city", "district", "street", "community", "grid")

__all__ = ["AdminUnit", "Finding", "BuildingPlace", "HierarchyReport", "check_hierarchy"]


@dataclass
class AdminUnit:
    code: str
    level: str
    parent: str
    geometry: BaseGeometry
    name: str = ""
    feature: str = ""
    """where the unit comes from (layer and feature id), for messages"""


@dataclass
class Finding:
    kind: str
    code: str
    """the unit or building concerned"""
    other: str = ""
    """the other unit (overlap), the parent (gap, outside_parent) or the communities (buildings)"""
    level: str = ""
    area: float = 0.0
    """area of the problem in square metres (0 for buildings in no community)"""
    geometry: BaseGeometry | None = None


@dataclass
class BuildingPlace:
    building_id: str
    community: str = ""
    street: str = ""
    communities: int = 0
    """how many communities the building lies in"""


@dataclass
class HierarchyReport:
    findings: list[Finding] = field(default_factory=list)
    buildings: list[BuildingPlace] = field(default_factory=list)


def _area(geometry: BaseGeometry | None) -> float:
    return 0.0 if geometry is None or geometry.is_empty else geometry.area


def check_hierarchy(
    units: list[AdminUnit],
    buildings: list[tuple[str, BaseGeometry]] = (),
    tolerance: float = 1.0,
    community_level: str = "community",
    progress: Progress | None = None,
) -> HierarchyReport:
    """Check *units* (see module docstring); place *buildings* (id, polygon) in communities."""
    report = HierarchyReport()
    by_code: dict[str, AdminUnit] = {}
    for unit in units:
        if not unit.code:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "the administrative unit {where} has no code: fill its code field"),
                code="unit_without_code", where=unit.feature or unit.name or "?")
        if unit.code in by_code:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "the code {unit_code} is used by two administrative units ({first}, {second})"),
                code="unit_code_repeated", unit_code=unit.code, first=by_code[unit.code].feature or "?",
                second=unit.feature or "?")
        if unit.geometry is None or unit.geometry.is_empty:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "the administrative unit {unit_code} ({where}) has no geometry"),
                code="unit_without_geometry", unit_code=unit.code, where=unit.feature or "?")
        if not unit.geometry.is_valid:
            unit.geometry = unit.geometry.buffer(0)
        by_code[unit.code] = unit
    ranks = [LEVELS.index(u.level) for u in units if u.level in LEVELS]
    top = min(ranks) if ranks else -1
    children: dict[str, list[AdminUnit]] = defaultdict(list)
    for unit in units:
        if unit.parent:
            if unit.parent not in by_code:
                if unit.level in LEVELS and LEVELS.index(unit.level) == top:
                    continue  # the top of this layer: its parent lives elsewhere
                report.findings.append(Finding("missing_parent", unit.code, unit.parent, unit.level))
            else:
                children[unit.parent].append(unit)
    for n, (parent_code, kids) in enumerate(children.items()):
        check_canceled(progress)
        if progress is not None:
            progress.set_progress(60.0 * n / max(1, len(children)))
        parent = by_code[parent_code]
        union = unary_union([k.geometry for k in kids])
        gap = parent.geometry.difference(union)
        if _area(gap) > tolerance:
            report.findings.append(Finding("gap", parent.code, "", kids[0].level, _area(gap), gap))
        for kid in kids:
            outside = kid.geometry.difference(parent.geometry)
            if _area(outside) > tolerance:
                report.findings.append(Finding("outside_parent", kid.code, parent.code, kid.level, _area(outside),
                                               outside))
        tree = BoxIndex([k.geometry for k in kids])
        for i, kid in enumerate(kids):
            for j in tree.query(kid.geometry):
                if j <= i:
                    continue
                overlap = kid.geometry.intersection(kids[j].geometry)
                if _area(overlap) > tolerance:
                    report.findings.append(Finding("overlap", kid.code, kids[j].code, kid.level, _area(overlap),
                                                   overlap))
    communities = [u for u in units if u.level == community_level]
    if buildings and communities:
        tree = BoxIndex([c.geometry for c in communities])
        for n, (building_id, geometry) in enumerate(buildings):
            if n % 2000 == 0:
                check_canceled(progress)
                if progress is not None:
                    progress.set_progress(60.0 + 40.0 * n / len(buildings))
            place = BuildingPlace(building_id)
            if geometry is None or geometry.is_empty:
                report.buildings.append(place)
                report.findings.append(Finding("building_no_community", building_id, "", "building"))
                continue
            shares = []
            point = geometry.representative_point()
            for j in tree.query(geometry):
                community = communities[int(j)]
                if geometry.area > 0:
                    share = _area(geometry.intersection(community.geometry))
                    if share > max(tolerance * 0.01, 0.01 * geometry.area):
                        shares.append((share, community))
                elif community.geometry.covers(point):
                    shares.append((1.0, community))
            shares.sort(key=lambda s: (-s[0], s[1].code))
            place.communities = len(shares)
            if shares:
                place.community = shares[0][1].code
                place.street = shares[0][1].parent
            if not shares:
                report.findings.append(Finding("building_no_community", building_id, "", "building", 0.0, geometry))
            elif len(shares) > 1:
                report.findings.append(Finding("building_several_communities", building_id,
                                               ",".join(s[1].code for s in shares), "building", geometry.area,
                                               geometry))
            report.buildings.append(place)
    if progress is not None:
        progress.set_progress(100.0)
    return report
