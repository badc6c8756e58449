"""The records and results of the population base (issue 14), shared by its steps.

Pure Python. The steps, each its own module:

1. ``sources``: a government table (header + rows) -> :class:`SourceRecord` per row, its role and
   columns recognised from the headers or given by a config; values normalised (ID numbers, sex,
   birth dates in their forms, residence status); rows that cannot be used -> :class:`Reject`.
2. ``identity``: records -> persons (:class:`Identity`: clusters of record indices), deterministic
   on valid ID numbers, a conservative scored match on name + birth date + address for the rest;
   ``person_key`` = keyed hash.
3. ``fuse``: each cluster -> one :class:`Person`: fields by trust priority, provenance, conflicts,
   residence status, age groups, the 1+9+X profile and tags; households with member counts;
   relations.
4. ``aggregate``: persons -> counts per unit x group with primary and secondary suppression.
5. ``graph``: relations -> GraphML / Neo4j import files.

Personal data (ID numbers, names, phone numbers) stays inside :class:`SourceRecord` and never goes
into a :class:`Person`, :class:`Reject`, :class:`Conflict`, a message or a log line: records are
named by source and row.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: the roles a source table can play (DESIGN.md: the street office's tables)
ROLES = ("hukou", "ledger", "health", "civil_affairs", "social_security", "enterprise")
ROLE_NAMES = {"hukou": "户籍", "ledger": "居委台账", "health": "卫健", "civil_affairs": "民政",
              "social_security": "社保", "enterprise": "企业"}

#: canonical field names of a person record (what a column is mapped to)
PERSON_FIELDS = (
    "id_number", "name", "sex", "birth_date", "ethnicity", "hukou_address", "live_address", "living_status",
    "months_resident", "hukou_no", "relation_to_head", "community", "phone", "record_date",
    "employer_credit_code", "employer_name", "insurance_status",
    "hypertension", "diabetes", "family_doctor", "dibao", "disability", "disability_grade", "elderly_allowance",
)
#: canonical field names of an enterprise record
ENTERPRISE_FIELDS = ("credit_code", "name", "address", "industry", "founded", "status", "employees")

#: the ledger's residence vocabulary (人户状态)
LIVING_STATUSES = ("人户一致", "人在户不在", "人不在户在")
#: residence types: 常住 = lives here >= 6 months, 流动 = < 6 months, 外出 = registered here, lives elsewhere
RESIDENCE_TYPES = ("常住", "流动", "外出")


@dataclass(slots=True)  # no per-record attribute dict: millions of records
class SourceRecord:
    """One data row of a source table, its values normalised. Holds personal data: never written out."""

    source: str
    """the source's name (its file or layer name, e.g. 'hukou')"""
    role: str
    """one of :data:`ROLES`"""
    row: int
    """1 = the first data row after the header"""
    values: dict = field(default_factory=dict)
    """canonical field -> normalised value: id_number (18 characters, upper-case X, only when valid),
    name (str), sex ('M'/'F'), birth_date (datetime.date), months_resident (int), record_date (date),
    living_status (one of LIVING_STATUSES), flags as bool (hypertension ...), others as stripped text"""
    id_status: str = "missing"
    """'valid', 'converted' (15 digits or lower-case x, now valid 18), 'invalid' (wrong check digit,
    date or length) or 'missing'"""
    birth_precision: str = "day"
    """'day', or 'month' (a source with YYYYMM only)"""

    def get(self, name: str, default=None):
        value = self.values.get(name)
        return default if value is None or value == "" else value


@dataclass
class Reject:
    """A row that is not in any person (or enterprise), with why. No personal data in *detail*."""

    source: str
    row: int
    reason: str
    """code: duplicate, invalid_id_unmatched, missing_id_unmatched, no_identity, conflicting_id, ..."""
    detail: str = ""
    """what was found, without names or numbers (e.g. 'duplicate of row 12', 'id check digit wrong')"""


@dataclass
class Identity:
    """The result of the identity step."""

    clusters: list[list[int]]
    """each person's records, as indices into the records list; every record is in at most one cluster"""
    person_keys: list[str]
    """per cluster: its person_key (16 hex digits)"""
    rejects: list[Reject] = field(default_factory=list)
    """records in no cluster, with why"""
    matches: list[tuple[int, int, float]] = field(default_factory=list)
    """(record, record, score) of the scored (non-ID) links made, for the log and tests"""


@dataclass
class Conflict:
    """Sources that disagree on a field of a person."""

    person_key: str
    field: str
    values: dict
    """source -> the value it gives (only for non-personal fields: sex, birth_year, living_status ...;
    a personal field is reported as disagreeing without its values)"""
    chosen: str
    """the source whose value was kept"""


@dataclass
class Person:
    """One person of the base: no name, no ID number, no phone."""

    person_key: str
    sex: str | None = None
    birth_date: date | None = None
    """kept for age computation inside the core; written out as birth_year only"""
    ethnicity: str | None = None
    living_status: str | None = None
    residence_type: str | None = None
    months_resident: int | None = None
    registration: str | None = None
    """same_room, other_room (registered at another room of the district), outside, away"""
    lives_household_id: str | None = None
    lives_building_id: str | None = None
    registered_household_id: str | None = None
    registered_building_id: str | None = None
    family_key: str | None = None
    """keyed hash of the 户号 (member_of)"""
    relation_to_head: str | None = None
    employment: str | None = None
    """employed, retired or none"""
    employer_credit_code: str | None = None
    flags: dict = field(default_factory=dict)
    """hypertension, diabetes, family_doctor, dibao, elderly_allowance: bool; disability, disability_grade: str"""
    tags: list[str] = field(default_factory=list)
    provenance: dict = field(default_factory=dict)
    """field -> the source its value came from"""
    sources: list[str] = field(default_factory=list)
    """the sources (roles) holding the person"""
    records: list[int] = field(default_factory=list)
    """indices of the records fused into the person"""
    # the 1+9 profile as of the fuse's reference date (added by the fuse step)
    age: int | None = None
    """completed years on the reference date"""
    age_group: str | None = None
    """one of :data:`.profiles.AGE_GROUPS` (0-2, 3-5, 6-11, 12-14, 15-17, 18-59, 60-64, 65-79, 80+)"""
    education_stage: str | None = None
    """nursery (0-3), preschool (3-6), primary (6-12), junior_secondary (12-15), senior_secondary (15-18)"""
    living_alone: bool | None = None
    """the only person living in their household (None when the household is not known)"""
    household_size: int | None = None
    """persons living in the household where the person lives"""
    employer_building_id: str | None = None
    """the employer's building, when the enterprise registry places it in the twin"""

    @property
    def birth_year(self) -> int | None:
        return self.birth_date.year if self.birth_date is not None else None
