"""The schemas of the twin's tables (DESIGN.md "Data model of the twin"), and the lookup of every schema.

Twin tables are what a twin GeoPackage (or the shared PostGIS schema) holds;
the schemas of what each algorithm writes are in :mod:`.outputs`. Algorithms
produce rows of these and write them through the bridge, which maps the types.
"""
from __future__ import annotations

from .outputs import (  # noqa: F401 (re-exported: lineofsight and joinhouseholds still read them from here)
    GRID_CELLS,
    GRID_CODES,
    HEIGHT_LIMITS,
    HIERARCHY_BUILDINGS,
    HIERARCHY_FINDINGS,
    HOUSEHOLD_LINKS,
    LIFE_CIRCLE_FACILITIES,
    LIFE_CIRCLE_POPULATION,
    LIFE_CIRCLE_UNCOVERED,
    LIFE_CIRCLE_UNITS,
    LINE_OF_SIGHT,
    MEASURES,
    NEAREST_FACILITIES,
    NETWORK_COMPONENTS,
    OD_MATRIX,
    OD_ROUTES,
    OUTPUTS,
    PARSED_ADDRESSES,
    POPULATION_CONFLICTS,
    POPULATION_COUNTS,
    POPULATION_HOUSEHOLDS,
    POPULATION_REJECTS,
    SERVICE_LINES,
    SERVICE_NODES,
    SERVICE_POLYGONS,
    SHORTEST_PATHS,
    UNMATCHED,
    VIEWSHED_AREA,
    VIEWSHED_BUILDINGS,
)
from .schema import F, Schema, by_name, fields

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
), key=("household_id",), written_by=("joinhouseholds:OUTPUT_HOUSEHOLDS",),
    doc="households (户室) at a point inside their building", aliases=("户室",))

PERSONS = Schema("persons", "population", "none", fields(
    F("person_key", "string", "pseudonymous key: 16 hex digits of HMAC-SHA256 of the ID number (never the number)",
      16),
    F("sex", "string", "男 or 女", 2),
    F("birth_year", "int", "year of birth (the birth date itself is not written)"),
    F("age", "int", "completed years on the reference date"),
    F("age_group", "string", "0-2, 3-5, 6-11, 12-14, 15-17, 18-59, 60-64, 65-79 or 80+", 8),
    F("ethnicity", "string", "民族"),
    F("living_status", "string", "人户一致, 人在户不在 or 人不在户在", 8),
    F("residence_type", "string", "常住 (>= 6 months), 流动 (< 6 months) or 外出 (lives elsewhere)", 4),
    F("registration", "string", "same_room, other_room (another room of the district), outside or away", 12),
    F("months_resident", "int", "months lived at the address (居住月数)"),
    F("household_id", "string", "the household the person lives in (lives_in)"),
    F("building_id", "string", "the building the person lives in"),
    F("registered_household_id", "string", "the household of the 户籍 registration (registered_at)"),
    F("registered_building_id", "string", "the building of the registration"),
    F("family_key", "string", "keyed hash of the 户号: members of one 户 share it", 16),
    F("relation_to_head", "string", "与户主关系"),
    F("household_size", "int", "persons living in the household"),
    F("living_alone", "bool", "the only person living in the household"),
    F("education_stage", "string", "nursery, preschool, primary, junior_secondary or senior_secondary", 16),
    F("employment", "string", "employed, retired or none (社保)", 8),
    F("employer_credit_code", "string", "unified social credit code of the employer (works_at)", 18),
    F("employer_building_id", "string", "the employer's building, when the enterprise registry places it"),
    F("hypertension", "bool", "高血压 (卫健)"),
    F("diabetes", "bool", "糖尿病 (卫健)"),
    F("family_doctor", "bool", "签约家庭医生 (卫健)"),
    F("dibao", "bool", "低保 (民政)"),
    F("disability", "string", "残疾类别 (民政)"),
    F("disability_grade", "string", "残疾等级 (民政)"),
    F("elderly_allowance", "bool", "高龄补贴 (民政)"),
    F("tags", "json", "the X tags of the user's rules (a JSON list)"),
    F("provenance", "json", "per field: the source its value came from (a JSON object)"),
    F("sources", "string", "the roles holding the person (hukou, ledger, health, ...)"),
), key=("person_key",), written_by=("fusepersons:OUTPUT_PERSONS",),
    doc="persons fused from the sources (personal data under PIPL; no names, ID numbers or phones; no geometry)",
    aliases=("人口",))

RELATIONS = Schema("relations", "population", "none", fields(
    F("subject", "string", "key of the subject (person_key, household_id, ...)"),
    F("predicate", "string", "lives_in, registered_at, works_at, member_of, located_in", 16),
    F("object", "string", "key of the object"),
    F("source", "string", "the source table"),
    F("valid_from", "date", "first day the relation holds"),
    F("valid_to", "date", "last day (empty while it holds)"),
), key=("subject", "predicate", "object"), written_by=("fusepersons:OUTPUT_RELATIONS",),
    doc="the entity-relation graph")

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

SCHEMAS = by_name(TWIN_TABLES + OUTPUTS)
#: the schema of every feature output, by ``algorithm id:OUTPUT parameter``
WRITTEN = {output: s for s in SCHEMAS.values() for output in s.written_by}


def schema(name: str) -> Schema:
    """The schema called *name* (or one of its aliases)."""
    if name in SCHEMAS:
        return SCHEMAS[name]
    for s in SCHEMAS.values():
        if name in s.aliases:
            return s
    raise KeyError(f"no schema {name!r}; known: {', '.join(SCHEMAS)}")


def output_schema(algorithm: str, output: str) -> Schema:
    """The schema of the output *output* (``OUTPUT_LINES``) of the algorithm *algorithm* (``servicearea``)."""
    key = f"{algorithm.removeprefix('cimtwin:')}:{output}"
    if key not in WRITTEN:
        raise KeyError(f"no schema is declared for {key}")
    return WRITTEN[key]


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
