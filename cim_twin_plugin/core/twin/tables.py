"""The schemas of the twin's tables (DESIGN.md "Data model of the twin") and of every output we write.

Twin tables are what a twin GeoPackage (or the shared PostGIS schema) holds;
output schemas are what each algorithm writes. Algorithms produce rows of
these and write them through the bridge, which maps the types.
"""
from __future__ import annotations

from .schema import F, Schema, by_name, fields, status_fields

# ---------------------------------------------------------------------------------------------------
# the twin's tables
# ---------------------------------------------------------------------------------------------------
ADMIN_UNITS = Schema("admin_units", "admin", "polygon", fields(
    F("code", "string", "division code: 2/4/6 digits province..district, 9 street/town, 12 community, 15 grid", 15),
    F("level", "string", "province, city, district, street, community or grid", 10),
    F("name", "string", "the unit's name"),
    F("parent_code", "string", "code of the unit it nests in (empty for the top)", 15),
), key=("code",), doc="administrative units nesting without gaps", aliases=("行政区划",))

BUILDINGS = Schema("buildings", "buildings", "polygon", fields(
    F("building_id", "string", "unique building id", 10),
    F("district", "string", "district name"),
    F("road", "string", "road (路) of the address"),
    F("lane", "int", "lane (弄) number, if any"),
    F("number", "int", "house number (号)"),
    F("address", "string", "the whole address as written"),
    F("floors", "int", "floors above ground"),
    F("height_m", "double", "height above ground, m"),
    F("use", "string", "residential, commercial, school, ...", 12),
    F("units", "int", "residential units (单元)"),
    F("community_code", "string", "12-digit community code", 12),
    F("grid_code", "string", "15-digit grid code", 15),
), key=("building_id",), doc="building footprints", aliases=("建筑", "楼栋"))

HOUSEHOLDS = Schema("households", "population", "point", fields(
    F("household_id", "string", "building_id/unit/floor/room"),
    F("building_id", "string", "the building the household is in"),
    F("unit", "string", "unit (单元)"),
    F("floor", "string", "floor (层)"),
    F("room", "string", "room (室)"),
    F("room_key", "string", "normalised address key of the room"),
    F("records", "int", "records linked to the household"),
), key=("household_id",), doc="households (户室) at a point inside their building", aliases=("户室",))

PERSONS = Schema("persons", "population", "none", fields(
    F("person_key", "string", "pseudonymous key: keyed hash of the ID number (never the number)"),
    F("sex", "string", "男/女 (GB/T 2261.1)", 2),
    F("birth_year", "int", "year of birth"),
    F("residence_status", "string", "人在户在 / 人在户不在 / 人不在户在 ...", 16),
    F("tags", "json", "the 1+9+X profile tags"),
    F("provenance", "json", "per field: the source it came from"),
), key=("person_key",), doc="persons fused from the sources (personal data, no geometry)", aliases=("人口",))

RELATIONS = Schema("relations", "population", "none", fields(
    F("subject", "string", "key of the subject (person_key, household_id, ...)"),
    F("predicate", "string", "lives_in, registered_at, works_at, member_of, located_in", 16),
    F("object", "string", "key of the object"),
    F("source", "string", "the source table"),
    F("valid_from", "date", "first day the relation holds"),
    F("valid_to", "date", "last day (empty while it holds)"),
), key=("subject", "predicate", "object"), doc="the entity-relation graph")

FACILITIES = Schema("facilities", "facilities", "point", fields(
    F("facility_id", "string", "unique facility id", 8),
    F("type", "string", "kindergarten, primary_school, health_station, elderly_care, ...", 20),
    F("name", "string", "name"),
    F("capacity", "int", "places / beds"),
    F("address", "string", "address"),
    F("building_id", "string", "the building it is in", 10),
    F("community_code", "string", "community code", 12),
), key=("facility_id",), doc="public-service facilities", aliases=("公共服务设施",))

ROADS = Schema("roads", "roads", "line", fields(
    F("edge_id", "int", "unique road piece id"),
    F("name", "string", "road name"),
    F("class", "string", "road class", 10),
    F("oneway", "int", "1 = one way in digitising direction, -1 against, 0 both"),
    F("speed_kmh", "int", "speed, km/h"),
), key=("edge_id",), doc="road centre lines", aliases=("道路",))

LINEAGE = Schema("lineage", "results", "none", fields(
    F("run_id", "string", "unique id of the run"),
    F("algorithm", "string", "cimtwin:<id>"),
    F("inputs", "json", "the inputs (paths, layer names; never personal data)"),
    F("count_in", "int64", "records in"),
    F("count_out", "int64", "records written"),
    F("count_rejected", "int64", "records rejected (with their reasons in the rejects table)"),
    F("started", "datetime", "start time (UTC)"),
    F("seconds", "double", "run time, s"),
), key=("run_id",), doc="which algorithm made what, from what")

TWIN_TABLES = (ADMIN_UNITS, BUILDINGS, HOUSEHOLDS, PERSONS, RELATIONS, FACILITIES, ROADS, LINEAGE)

# ---------------------------------------------------------------------------------------------------
# outputs of the algorithms (``same`` = the type of the input id field)
# ---------------------------------------------------------------------------------------------------
GRID_CODES = Schema("grid_codes", "results", "any", fields(
    F("bd_code", "string", "Beidou grid code (2D, or 3D with a height)", 40),
    F("entity_code", "string", "admin code + grid code", 60),
    F("bd_reason", "string", "why there is no code (empty when coded)"),
), extends_input=True, reason_field="bd_reason", doc="cimtwin:gridcode: the input's fields, then these")

GRID_CELLS = Schema("grid_cells", "results", "polygon", fields(
    F("bd_code", "string", "Beidou grid code", 40),
    F("level", "int", "grid level 1..10"),
    F("centre_lon", "double", "cell centre longitude, degrees (CGCS2000)"),
    F("centre_lat", "double", "cell centre latitude, degrees (CGCS2000)"),
), key=("bd_code",), doc="cimtwin:gridcells")

OD_MATRIX = Schema("od_matrix", "results", "none", fields(
    F("origin_id", "same", "the origin's id (type of ORIGIN_ID_FIELD)"),
    F("destination_id", "same", "the destination's id (type of DESTINATION_ID_FIELD)"),
    F("cost", "double", "cost in cost_unit"),
    F("cost_unit", "string", "m or s", 2),
    F("length_m", "double", "route length including connectors, m"),
    F("network_m", "double", "length on the network, m"),
    *status_fields(),
), key=("origin_id", "destination_id"), status_field="status", reason_field="reason", doc="cimtwin:odmatrix")

SERVICE_LINES = Schema("service_area_lines", "results", "line", fields(
    F("facility_id", "same", "the facility's id"),
    F("band", "double", "the cost band reached"),
    F("cost_unit", "string", "m or s", 3),
    F("length_m", "double", "length of the reached road part, m"),
    *status_fields(),
), status_field="status", reason_field="reason", doc="cimtwin:servicearea road parts")

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
), reason_field="los_reason", doc="cimtwin:lineofsight")

HIERARCHY_FINDINGS = Schema("hierarchy_findings", "results", "polygon", fields(
    F("kind", "string", "gap, overlap, outside_parent, building_unplaced, building_in_several, ..."),
    F("code", "string", "the unit or building concerned"),
    F("other", "string", "the other unit, if any"),
    F("level", "string", "the level checked"),
    F("area_m2", "double", "area of the finding, m2"),
), doc="cimtwin:checkhierarchy findings")

HOUSEHOLD_LINKS = Schema("household_links", "population", "none", fields(
    F("record", "same", "the record's key"),
    F("household_id", "string", "the household linked to"),
    F("building_id", "string", "its building"),
    F("method", "string", "exact, normalised, inferred_district, fuzzy_road, household_key"),
    F("score", "double", "match score 0..1"),
), doc="cimtwin:joinhouseholds links (kept input fields come after record)")

UNMATCHED = Schema("unmatched", "population", "none", fields(
    F("record", "same", "the record's key"),
    F("address", "string", "the address as given"),
    F("reason", "string", "why it has no household, in words"),
    F("reason_code", "string", "the reason as a code"),
    F("building_id", "string", "the building, when only the room is unknown"),
), reason_field="reason", doc="cimtwin:joinhouseholds records without a household")

OUTPUTS = (GRID_CODES, GRID_CELLS, OD_MATRIX, SERVICE_LINES, LINE_OF_SIGHT, HIERARCHY_FINDINGS,
           HOUSEHOLD_LINKS, UNMATCHED)

SCHEMAS = by_name(TWIN_TABLES + OUTPUTS)


def schema(name: str) -> Schema:
    """The schema called *name* (or one of its aliases)."""
    if name in SCHEMAS:
        return SCHEMAS[name]
    for s in SCHEMAS.values():
        if name in s.aliases:
            return s
    raise KeyError(f"no schema {name!r}; known: {', '.join(SCHEMAS)}")


def recognise(layer_name: str, field_names) -> Schema | None:
    """The twin table a layer holds: by its name (or alias), else by its fields (all key fields and at
    least 80 % of the schema's fields present); None when nothing fits."""
    text = layer_name or ""
    base = text.split("|")[0].strip().lower()
    if "layername=" in text:  # an OGR source string: file.gpkg|layername=roads
        base = text.split("layername=", 1)[1].split("|")[0].strip().lower()
    for s in TWIN_TABLES:
        if base == s.name or layer_name in s.aliases:
            return s
    names = set(field_names)
    best, share = None, 0.0
    for s in TWIN_TABLES:
        if s.key and not set(s.key) <= names:
            continue
        m = s.matches(names)
        if m >= 0.8 and m > share:
            best, share = s, m
    return best
