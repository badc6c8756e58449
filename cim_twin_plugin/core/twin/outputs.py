"""The schemas of every output our algorithms write (the twin's own tables are in :mod:`.tables`).

Each schema names the outputs that write it (``written_by``); ``same`` = the type of the input id field
it comes from. Schemas that extend the input (``extends_input``) are the input's fields and these.
"""
from __future__ import annotations

from .schema import F, Field, Schema, fields, status_fields


def _route(first: Field, second: Field, *more: Field) -> tuple[Field, ...]:
    """The fields of a route output: the ids of its two ends, its costs, status and reason, then *more*."""
    return fields(
        first, second,
        F("cost", "double", "the route's cost in cost_unit, the connectors to the roads included"),
        F("length_m", "double", "route length including the connectors, m"),
        F("time_s", "double", "travel time including the connectors, s"),
        F("network_m", "double", "length along the roads, m"),
        F("network_s", "double", "travel time along the roads, s"),
        F("start_snap_m", "double", "length of the connector from the route's first point to the road, m"),
        F("end_snap_m", "double", "length of the connector from the road to the route's last point, m"),
        F("cost_unit", "string", "m or s", 2),
        F("edges", "int", "road pieces along the route"),
        *status_fields(),
        *more,
    )


# ---------------------------------------------------------------------------------------------------
# entities (grid codes)
# ---------------------------------------------------------------------------------------------------
GRID_CODES = Schema("grid_codes", "results", "any", fields(
    F("bd_code", "string", "Beidou grid code (2D, or 3D with a height)", 40),
    F("entity_code", "string", "admin code + grid code (only with ADMIN_CODE_FIELD)", 80, optional=True),
    F("bd_reason", "string", "why there is no code (empty when coded)", 254),
), extends_input=True, clash="reuse", reason_field="bd_reason", written_by=("gridcode:OUTPUT",),
    doc="cimtwin:gridcode: the input's fields, then these (a text field of the input with one of these names "
        "holds the value)")

GRID_CELLS = Schema("grid_cells", "results", "polygon", fields(
    F("bd_code", "string", "Beidou grid code", 40),
    F("level", "int", "grid level 1..10"),
    F("centre_lon", "double", "cell centre longitude, degrees (CGCS2000)"),
    F("centre_lat", "double", "cell centre latitude, degrees (CGCS2000)"),
), key=("bd_code",), written_by=("gridcells:OUTPUT",), doc="cimtwin:gridcells")

# ---------------------------------------------------------------------------------------------------
# network
# ---------------------------------------------------------------------------------------------------
OD_MATRIX = Schema("od_matrix", "results", "none", fields(
    F("origin_id", "same", "the origin's id (type of ORIGIN_ID_FIELD)"),
    F("destination_id", "same", "the destination's id (type of DESTINATION_ID_FIELD)"),
    F("cost", "double", "cost in cost_unit"),
    F("cost_unit", "string", "m or s", 2),
    F("length_m", "double", "route length including connectors, m"),
    F("network_m", "double", "length on the network, m"),
    *status_fields(),
), key=("origin_id", "destination_id"), status_field="status", reason_field="reason",
    written_by=("odmatrix:OUTPUT",), doc="cimtwin:odmatrix")

OD_ROUTES = Schema("od_routes", "results", "line", _route(
    F("origin_id", "same", "the origin's id (type of ORIGIN_ID_FIELD, the feature id without it)"),
    F("destination_id", "same", "the destination's id (type of DESTINATION_ID_FIELD, the feature id without it)"),
), status_field="status", reason_field="reason", written_by=("odmatrix:OUTPUT_LINES",),
    doc="cimtwin:odmatrix route lines")

SHORTEST_PATHS = Schema("shortest_paths", "results", "line", _route(
    F("start_fid", "int64", "feature id of the start point (0 for the START point)"),
    F("end_fid", "int64", "feature id of the end point (0 for the END point)"),
), status_field="status", reason_field="reason", written_by=("shortestpath:OUTPUT",), doc="cimtwin:shortestpath")

NEAREST_FACILITIES = Schema("nearest_facilities", "results", "line", _route(
    F("facility_id", "same", "the facility's id (type of FACILITY_ID_FIELD, the feature id without it)"),
    F("incident_id", "same", "the incident's id (type of INCIDENT_ID_FIELD, the feature id without it)"),
    F("rank", "int", "1 = the incident's nearest facility, 2 the next ..."),
), status_field="status", reason_field="reason", written_by=("nearestfacility:OUTPUT",),
    doc="cimtwin:nearestfacility routes (the route's first point is the facility)")

SERVICE_LINES = Schema("service_area_lines", "results", "line", fields(
    F("facility_id", "same", "the facility's id"),
    F("band", "double", "the cost band reached, in cost_unit"),
    F("cost_unit", "string", "m, s or min", 3),
    F("length_m", "double", "length of the reached road part, m"),
    *status_fields(),
), status_field="status", reason_field="reason", written_by=("servicearea:OUTPUT_LINES",),
    doc="cimtwin:servicearea road parts")

SERVICE_POLYGONS = Schema("service_area_polygons", "results", "polygon", fields(
    *SERVICE_LINES.fields,
    F("area_m2", "double", "area of the polygon, m2"),
    F("method", "string", "how the polygon was made (the buffer around the reachable lines)", 80),
), status_field="status", reason_field="reason", written_by=("servicearea:OUTPUT_POLYGONS",),
    doc="cimtwin:servicearea polygons, one per facility and band (not dissolved)")

SERVICE_NODES = Schema("service_area_nodes", "results", "point", fields(
    F("facility_id", "same", "the facility's id"),
    F("cost", "double", "cost to reach the junction, in cost_unit"),
    F("cost_unit", "string", "m, s or min", 3),
    F("band", "double", "the smallest band holding the cost"),
), written_by=("servicearea:OUTPUT_NODES",), doc="cimtwin:servicearea junctions reached within the largest band")

NETWORK_COMPONENTS = Schema("network_components", "results", "line", fields(
    F("component", "int", "connected part, 0 = the longest, then by length"),
    F("length_m", "double", "metres of road in the part"),
    F("share", "double", "the part's share of the network's length, 0..1"),
    F("links", "int", "links (roads between junctions) in the part"),
    F("isolated", "bool", "the part holds less than 5 % of the length: points on it reach little"),
), written_by=("shortestpath:OUTPUT_COMPONENTS", "odmatrix:OUTPUT_COMPONENTS", "nearestfacility:OUTPUT_COMPONENTS",
               "servicearea:OUTPUT_COMPONENTS", "lifecirclecoverage:OUTPUT_COMPONENTS"),
    doc="the connected parts of the road network as lines, to map its gaps (every network algorithm)")

# ---------------------------------------------------------------------------------------------------
# visibility
# ---------------------------------------------------------------------------------------------------
LINE_OF_SIGHT = Schema("line_of_sight", "results", "line", fields(
    F("observer_fid", "int64", "observer feature id"),
    F("target_fid", "int64", "target feature id"),
    F("visible", "bool", "the target is seen"),
    F("distance_m", "double", "observer-target distance, m"),
    F("obst_x", "double", "first obstruction, x (layer CRS)"),
    F("obst_y", "double", "first obstruction, y"),
    F("obst_z", "double", "first obstruction, height m"),
    F("obst_dist_m", "double", "distance to the first obstruction, m"),
    F("los_reason", "string", "why there is no sight line"),
), reason_field="los_reason", written_by=("lineofsight:OUTPUT",), doc="cimtwin:lineofsight")

VIEWSHED_AREA = Schema("viewshed_area", "results", "polygon", fields(
    F("observers", "int", "how many observers see the area"),
), written_by=("viewshed:OUTPUT_AREA",), doc="cimtwin:viewshed visible cells as polygons")

VIEWSHED_BUILDINGS = Schema("viewshed_buildings", "results", "polygon", fields(
    F("vis_cells", "int", "cells of the building that are seen"),
    F("cells", "int", "cells of the building on the DEM"),
    F("vis_share", "double", "vis_cells / cells, 0..1 (empty without cells)"),
    F("observers", "int", "observers that see at least one of its cells"),
    F("vis_reason", "string", "why the building is not on the surface (empty when it is)"),
), extends_input=True, reason_field="vis_reason", written_by=("viewshed:OUTPUT_BUILDINGS",),
    doc="cimtwin:viewshed: every building with what of it is seen")

# ---------------------------------------------------------------------------------------------------
# measurement
# ---------------------------------------------------------------------------------------------------
MEASURES = Schema("measures", "results", "any", fields(
    F("length_m", "double", "geodesic length of lines, m"),
    F("area_m2", "double", "geodesic area of polygons, m2"),
    F("perimeter_m", "double", "geodesic perimeter of polygons, m"),
    F("length_3d_m", "double", "length along the DEM's terrain, m (with a DEM)"),
    F("base_elev_m", "double", "lowest DEM value under the feature, m (with a DEM)"),
    F("height_m", "double", "height above ground, m (the height field, else floors x floor height)"),
    F("volume_m3", "double", "area x height, m3"),
    F("facade_m2", "double", "perimeter x height, m2"),
), extends_input=True, written_by=("measure:OUTPUT",), doc="cimtwin:measure: the input's fields, then these")

HEIGHT_LIMITS = Schema("height_limits", "results", "polygon", fields(
    F("height_m", "double", "the building's height, m (the height field, else floors x floor height)"),
    F("limit_m", "double", "the height limit that applies to it, m"),
    F("excess_m", "double", "metres above the limit (> 0 over; compared with the roof for elevation limits)"),
    F("hl_status", "string", "over, within or not_checked"),
    F("hl_reason", "string", "why the building could not be checked (empty when checked)"),
), extends_input=True, status_field="hl_status", reason_field="hl_reason", written_by=("heightlimit:OUTPUT",),
    doc="cimtwin:heightlimit: every building, its fields then these")

# ---------------------------------------------------------------------------------------------------
# population and admin units
# ---------------------------------------------------------------------------------------------------
PARSED_ADDRESSES = Schema("parsed_addresses", "population", "any", fields(
    F("record", "string", "the record key: KEY_FIELD, else the feature id or row number"),
    F("address", "string", "the address as given"),
    F("province", "string", "province (省)"),
    F("city", "string", "city (市)"),
    F("district", "string", "district or county (区/县)"),
    F("street", "string", "street or town (街道/镇/乡)"),
    F("community", "string", "community or village (居委会/村委会/社区/村)"),
    F("road", "string", "road (路/街/巷)"),
    F("lane", "string", "lane number (弄)"),
    F("number", "string", "house number (号)"),
    F("building", "string", "building (幢/栋/座/号楼)"),
    F("unit", "string", "unit (单元)"),
    F("floor", "string", "floor (层)"),
    F("room", "string", "room (室)"),
    F("poi", "string", "estate, tower or park name (小区/大厦/园区 ...)"),
    F("rest", "string", "text that was not understood"),
    F("note", "string", "notes in brackets (（近地铁站）, (东门)): kept, never read as numbers"),
    F("building_key", "string", "key shared by all spellings of the building"),
    F("room_key", "string", "key shared by all spellings of the room"),
    F("status", "string", "ok, partial or failed"),
    F("reason", "string", "what is missing (partial) or why it failed, empty when ok"),
    F("inferred", "string", "the parts inferred, not read in the text (comma-separated)"),
    F("inferred_from", "string", "what each inferred part came from (province:district, district:road, "
                                 "district:default_region ...)"),
    F("candidates", "string", "the divisions an ambiguous district may be (reason ambiguous_district)"),
    F("warnings", "string", "what was removed from the text: phone (a phone number was there)"),
), extends_input=True, input_after="address", clash="drop", status_field="status", reason_field="reason",
    written_by=("parseaddresses:OUTPUT",),
    doc="cimtwin:parseaddresses: record and address, the input's fields (only with KEEP_FIELDS; those named "
        "as ours are left out), then the parts")

HIERARCHY_FINDINGS = Schema("hierarchy_findings", "results", "polygon", fields(
    F("kind", "string", "gap, overlap, outside_parent, building_unplaced, building_in_several, ..."),
    F("code", "string", "the unit or building concerned"),
    F("other", "string", "the other unit, if any"),
    F("level", "string", "the level checked"),
    F("area_m2", "double", "area of the finding, m2"),
), written_by=("checkhierarchy:OUTPUT",), doc="cimtwin:checkhierarchy findings")

HIERARCHY_BUILDINGS = Schema("hierarchy_buildings", "results", "polygon", fields(
    F("community_code", "string", "code of the community holding most of the building (empty: none)"),
    F("street_code", "string", "code of that community's street/town"),
    F("n_communities", "int", "how many communities the building lies in"),
), extends_input=True, clash="reuse", written_by=("checkhierarchy:OUTPUT_BUILDINGS",),
    doc="cimtwin:checkhierarchy buildings: their fields, then these (a field of the building with one of "
        "these names holds the value)")

HOUSEHOLD_LINKS = Schema("household_links", "population", "none", fields(
    F("record", "same", "the record's key"),
    F("household_id", "string", "the household linked to"),
    F("building_id", "string", "its building"),
    F("method", "string", "exact, normalised, inferred_district, fuzzy_road, household_key"),
    F("score", "double", "match score 0..1"),
), extends_input=True, input_after="record", clash="drop", written_by=("joinhouseholds:OUTPUT_LINKS",),
    doc="cimtwin:joinhouseholds links: record, the input's fields (only with KEEP_FIELDS; those named as ours "
        "are left out), then these")

UNMATCHED = Schema("unmatched", "population", "none", fields(
    F("record", "same", "the record's key"),
    F("address", "string", "the address as given"),
    F("reason", "string", "why it has no household, in words"),
    F("reason_code", "string", "the reason as a code"),
    F("building_id", "string", "the building, when only the room is unknown"),
), reason_field="reason", written_by=("joinhouseholds:OUTPUT_UNMATCHED",),
    doc="cimtwin:joinhouseholds records without a household")

# ---------------------------------------------------------------------------------------------------
# the population base (cimtwin:fusepersons, cimtwin:aggregatepopulation)
# ---------------------------------------------------------------------------------------------------
#: age groups of the population base (core.population.profiles.AGE_GROUPS) -> count field names
AGE_GROUP_FIELDS = {"0-2": "n_0_2", "3-5": "n_3_5", "6-11": "n_6_11", "12-14": "n_12_14", "15-17": "n_15_17",
                    "18-59": "n_18_59", "60-64": "n_60_64", "65-79": "n_65_79", "80+": "n_80p",
                    "unknown": "n_age_unknown"}
#: residence statuses -> count field names
STATUS_FIELDS = {"人户一致": "n_same_room", "人在户不在": "n_registered_elsewhere", "常住": "n_resident",
                 "流动": "n_floating"}

POPULATION_HOUSEHOLDS = Schema("population_households", "population", "point", fields(
    F("household_id", "string", "building_id/unit/room"),
    F("building_id", "string", "the building the household is in"),
    F("unit", "string", "unit (单元)"),
    F("floor", "string", "floor (层)"),
    F("room", "string", "room (室)"),
    F("members", "int", "persons living here"),
    *(F(name, "int", f"members aged {group}" if group != "unknown" else "members of unknown age")
      for group, name in AGE_GROUP_FIELDS.items()),
    *(F(name, "int", f"members whose residence status is {status}") for status, name in STATUS_FIELDS.items()),
    F("registered", "int", "persons registered here (living here or away)"),
    F("away", "int", "persons registered here who live elsewhere (人不在户在)"),
), key=("household_id",), written_by=("fusepersons:OUTPUT_HOUSEHOLDS",),
    doc="lived-in households at a point inside their building, with member counts (no personal data)")

POPULATION_CONFLICTS = Schema("population_conflicts", "population", "none", fields(
    F("person_key", "string", "the person", 16),
    F("field", "string", "the field the sources disagree on"),
    F("values", "json", "source -> its value (null for personal fields: only that they disagree)"),
    F("chosen", "string", "the source whose value was kept"),
), written_by=("fusepersons:OUTPUT_CONFLICTS",), doc="fields on which the sources of a person disagree")

POPULATION_REJECTS = Schema("population_rejects", "population", "none", fields(
    F("source", "string", "the source table"),
    F("row", "int", "its data row (1 = the first row after the header)"),
    F("reason", "string", "duplicate, invalid_id_unmatched, missing_id_unmatched, ambiguous, ..."),
    F("detail", "string", "what was found, without names or numbers"),
), reason_field="reason", written_by=("fusepersons:OUTPUT_REJECTS",),
    doc="source rows in no person and no enterprise, with why: rows in = in persons + in enterprises + rejected")

POPULATION_COUNTS = Schema("population_counts", "population", "none", fields(
    F("unit", "same", "the unit (UNIT_ID_FIELD of the units)"),
    F("parent", "string", "the unit's parent unit (PARENT_FIELD), empty at the top"),
    F("level", "int", "0 for the units given, 1 for their parents, ..."),
    F("kind", "string", "cell, unit_total, group_total or parent_total", 12),
    F("dimension", "string", "age_group, living_status or residence_type (empty for a total)", 16),
    F("group_name", "string", "the group counted (0-2 ... 80+, 人户一致 ...), empty for a total", 16),
    F("count", "int", "persons; empty when withheld"),
    F("withheld", "bool", "true when the count is not published"),
    F("reason", "string", "primary (a small count) or secondary (withheld so that a small count cannot be "
                          "worked out)", 10),
), reason_field="reason", written_by=("aggregatepopulation:OUTPUT",),
    doc="persons per unit x group, with small counts suppressed and audited (cimtwin:aggregatepopulation)")

# ---------------------------------------------------------------------------------------------------
# real demand (cimtwin:lifecirclecoverage, issue 15)
# ---------------------------------------------------------------------------------------------------
def _requirement() -> tuple[Field, ...]:
    """The fields that name one check: the facility type, its life-circle level, the limit and the group."""
    return fields(
        F("facility_type", "string", "the facility type checked (the standard's code, or the TYPE_FIELD value)"),
        F("level", "string", "life-circle level of the standard (5min, 10min, 15min); empty for given distances", 8),
        F("group_name", "string", "the population group counted (e.g. 60+, 3-5, or a count field)"),
        F("limit", "double", "the largest cost that is covered, in cost_unit"),
        F("cost_unit", "string", "m or s", 2),
    )


LIFE_CIRCLE_UNITS = Schema("life_circle_units", "results", "polygon", fields(
    F("unit", "same", "the unit (UNIT_ID_FIELD); empty for the outside-units and total rows"),
    F("kind", "string", "unit, outside (points in no unit) or total (all points)", 8),
    *_requirement(),
    F("population", "int", "people of the group in the unit; empty when withheld"),
    F("covered", "int", "of them within the limit of a facility of the type; empty when withheld"),
    F("uncovered", "int", "of them not within the limit (too far, not reachable, not on the network); empty "
                          "when withheld"),
    F("share", "double", "covered / population, 0..1 (empty when a figure is withheld or nobody lives there)"),
    F("withheld", "bool", "a figure of the row is not published (fewer than MIN_COUNT, or to protect one)"),
    F("reason", "string", "primary or secondary when withheld", 10),
), reason_field="reason", written_by=("lifecirclecoverage:OUTPUT_UNITS",),
    doc="people covered per unit x facility type x group, small counts suppressed (cimtwin:lifecirclecoverage)")

LIFE_CIRCLE_POPULATION = Schema("life_circle_population", "results", "point", fields(
    F("point_fid", "int64", "feature id of the population point"),
    *_requirement(),
    F("people", "int", "people of the group at the point"),
    F("nearest_id", "same", "the nearest facility of the type (FACILITY_ID_FIELD, the feature id without it)"),
    F("cost", "double", "cost to it in cost_unit: point connector + network + facility connector"),
    F("covered", "bool", "the cost is within the limit"),
    *status_fields(),
), status_field="status", reason_field="reason", written_by=("lifecirclecoverage:OUTPUT_POPULATION",),
    doc="every population point x check: its nearest facility of the type, the cost and covered yes/no")

LIFE_CIRCLE_UNCOVERED = Schema("life_circle_uncovered", "results", "point", fields(
    *_requirement(),
    F("people", "int", "people of the group at the point (only points with people are listed)"),
    F("nearest_id", "string", "the nearest facility of the type, as text (empty: none reachable)"),
    F("cost", "double", "cost to it in cost_unit (empty: none reachable)"),
    *status_fields(),
), extends_input=True, status_field="status", reason_field="reason",
    written_by=("lifecirclecoverage:OUTPUT_UNCOVERED",),
    doc="the population points not covered by a check, with their own fields, then these: status beyond, "
        "unreachable, no_facility or not_snapped")

LIFE_CIRCLE_FACILITIES = Schema("life_circle_facilities", "results", "point", fields(
    F("facility_id", "same", "the facility (FACILITY_ID_FIELD, the feature id without it)"),
    F("facility_fid", "int64", "its feature id"),
    *_requirement(),
    F("served", "int", "people of the group covered with this facility as their nearest of the type"),
    F("capacity", "double", "CAPACITY_FIELD (empty without it or when null)"),
    F("load", "double", "served / capacity (above 1: over capacity; empty without a capacity above 0)"),
    *status_fields(),
), status_field="status", reason_field="reason", written_by=("lifecirclecoverage:OUTPUT_FACILITIES",),
    doc="every facility x check of its type: the people it serves and its load against its capacity")

OUTPUTS = (POPULATION_HOUSEHOLDS, POPULATION_CONFLICTS, POPULATION_REJECTS, POPULATION_COUNTS,
           GRID_CODES, GRID_CELLS, OD_MATRIX, OD_ROUTES, SHORTEST_PATHS, NEAREST_FACILITIES, SERVICE_LINES,
           SERVICE_POLYGONS, SERVICE_NODES, NETWORK_COMPONENTS, LINE_OF_SIGHT, VIEWSHED_AREA, VIEWSHED_BUILDINGS,
           MEASURES, HEIGHT_LIMITS, PARSED_ADDRESSES, HIERARCHY_FINDINGS, HIERARCHY_BUILDINGS, HOUSEHOLD_LINKS,
           UNMATCHED, LIFE_CIRCLE_UNITS, LIFE_CIRCLE_POPULATION, LIFE_CIRCLE_UNCOVERED, LIFE_CIRCLE_FACILITIES)
