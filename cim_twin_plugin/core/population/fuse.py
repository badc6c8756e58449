"""The fuse step of the population base: linked records -> persons, households, relations (issue 14).

Pure Python. Input: the records (:class:`.model.SourceRecord`), the identity step's clusters
(:class:`.model.Identity`) and where each record's addresses are in the twin (:func:`place_records`,
which runs the household join of ``cimtwin:joinhouseholds``, :func:`core.address.join.join_households`,
once on the registered addresses 户籍地址 and once on the addresses where people live).

Per person (:class:`.model.Person`):

* every field is taken by trust priority per field (:data:`DEFAULT_PRIORITIES`; identity fields
  户籍 > 民政 > 社保 > 卫健 > 居委台账, where a person lives 居委台账 > 卫健 > 民政), then the most recent
  ``record_date``, then non-empty (a source without the value does not count); ``provenance[field]``
  names the source. Sources that disagree give a :class:`.model.Conflict`: with their values for
  sex, birth_year, ethnicity and living_status, without values (``None`` per source) for names,
  户号 and places. A birth date known to the month only (社保 YYYYMM) is completed by a lower-trust
  source that gives the same month to the day.
* 人户状态 from the places and the ledger (truth/README.txt's vocabulary):

  ============  ===========  ==============  =======================================================
  registration  living       residence type  when
  ============  ===========  ==============  =======================================================
  same_room     人户一致     常住            the registered household is the one they live in
  other_room    人在户不在   常住            registered at another room of the district
  outside       人在户不在   常住 / 流动     lives here, not in the district's 户籍; 常住 with
                                             居住月数 >= 6, 流动 below (unknown months: 常住 when
                                             their first live record is >= 6 months old)
  away          人不在户在   外出            in the 户籍, no live source places them here
  ============  ===========  ==============  =======================================================

  The places decide; the ledger's 居住状态 decides only what the places leave open: a person whose
  live address did not join (no room, a number no building has) lives in the registered household
  when the ledger says 人户一致, elsewhere in the district when it says 人在户不在. **A person in the
  户籍 with no ledger row** and no placed live address lives at the registered household when a 卫健
  record (residents only) holds them, and elsewhere (away, 外出) when none does: the ledger covers ~98%
  of residents, so someone absent from the ledger and from health is far more often away than home.
  A person not in the 户籍 and placed by no address (e.g. in 社保 only) is taken as living in the
  district, registered outside, household unknown: the street office's person sources hold its
  residents and its registered people, and the 户籍 holds every registered one. Their residence type
  stays unknown without 居住月数 or a live record 6 months old.
* age and age group as of the reference date, the 1+9 profile (:mod:`.profiles`) and the X tags
  (:mod:`.rules`).

Households (:class:`HouseholdCounts`): per lived-in household, members per age group and residence
status. Relations (:class:`Relation`): lives_in, registered_at, member_of, works_at, located_in, in.
Conservation (:class:`SourceBalance`): every record is in one person, one enterprise or a reject.

Names, ID numbers and phone numbers never leave the records: not into a Person, a Conflict, a
Reject, a relation or a note. The 户号 becomes ``family_key``, a keyed hash.
"""
from __future__ import annotations

import hashlib
import hmac
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..address.gazetteer import Gazetteer
from ..address.join import BuildingAddress, Household, join_households
from ..errors import QT_TRANSLATE_NOOP, Message, ValidationError
from ..progress import Progress, check_canceled
from .model import ROLES, Conflict, Identity, Person, Reject, SourceRecord
from .profiles import AGE_GROUPS, EMPLOYMENT, age_group, age_on, education_stage, elderly_flags
from .rules import TagRule, apply_rules, parse_rules
from .sources import PopulationConfig, default_priorities

__all__ = ["DEFAULT_PRIORITIES", "RecordPlace", "Places", "place_records", "HouseholdCounts", "Relation",
           "Enterprise", "SourceBalance", "FuseResult", "fuse", "person_view", "family_key"]

#: field -> roles (or source names), most trusted first (:func:`.sources.default_priorities`: identity
#: fields 户籍 > 民政 > 社保 > 卫健 > 居委台账, where a person lives 居委台账 > 卫健 > 民政). The places are
#: ranked as their address fields: the household a person lives in by ``live_address``, the one they
#: are registered at by ``hukou_address``.
DEFAULT_PRIORITIES: dict[str, tuple[str, ...]] = default_priorities()
LIVES, REGISTERED = "live_address", "hukou_address"
LIVE_ROLES = frozenset({"ledger", "health", "civil_affairs"})
#: conflicts on these fields list the sources' values; on any other field only which sources disagree
PUBLIC_CONFLICT_FIELDS = frozenset({"sex", "birth_year", "ethnicity", "living_status"})
FLAG_FIELDS = ("hypertension", "diabetes", "family_doctor", "dibao", "disability", "disability_grade",
               "elderly_allowance")
#: join reasons that mean "the address is somewhere in the district, the room was not found"
IN_DISTRICT_REASONS = frozenset({"no_room", "room_in_several_units", "number_not_found", "duplicate_building_address",
                                 "building_without_geometry"})
SIX_MONTHS_DAYS = 183


# --- places -----------------------------------------------------------------------------------------------------

@dataclass(slots=True)
class RecordPlace:
    """Where one record's addresses are in the twin."""

    registered_household_id: str | None = None
    """the household of its 户籍地址 (hukou_address)"""
    registered_building_id: str | None = None
    """the building of its 户籍地址, also when the room was not found"""
    registered_reason: str = ""
    """'' placed; 'no_address'; or the join's reason code (parse_failed, no_room, other_district ...)"""
    lives_household_id: str | None = None
    """the household of its live address (live_address; an enterprise's registered address)"""
    lives_building_id: str | None = None
    lives_reason: str = ""


class Places(list):
    """The :class:`RecordPlace` of each record (a list, in record order) and the households the joins made."""

    def __init__(self, places: Iterable[RecordPlace] = (), households: Mapping[str, Household] | None = None):
        super().__init__(places)
        self.households: dict[str, Household] = dict(households or {})
        """household_id -> the join's household (building, unit, floor, room)"""
        self.unmatched: Counter = Counter()
        """(kind, reason) -> records the join left unmatched; kind = registered, lives or enterprise"""


_ADDRESS_FIELD = {"registered": "hukou_address", "lives": "live_address", "enterprise": "address"}


def _set(place: RecordPlace, kind: str, household_id, building_id, reason: str) -> None:
    if kind == "registered":
        place.registered_household_id, place.registered_building_id = household_id, building_id
        place.registered_reason = reason
    else:
        place.lives_household_id, place.lives_building_id, place.lives_reason = household_id, building_id, reason


def place_records(records: Sequence[SourceRecord], buildings: Iterable[BuildingAddress],
                  gazetteer: Gazetteer | None = None, identity: Identity | None = None,
                  progress: Progress | None = None) -> Places:
    """Place each record's addresses in the twin with the household join (module docstring).

    The join runs once on the registered addresses (hukou_address) together with the live addresses
    (live_address), so that one room is one household for both, and once on the enterprises'
    addresses (their 注册地址, role enterprise; an office is not a household). Its shared-key step gets
    the person, apart per kind of address (the identity cluster when *identity* is given, else the
    valid ID number) and, for registered addresses, the 户号: a record whose address lacks its room takes
    the household its person's other records of that kind name, when they agree.
    """
    buildings = list(buildings)
    gazetteer = gazetteer if gazetteer is not None else Gazetteer.builtin()
    cluster_of: dict[int, int] = {}
    if identity is not None:
        for c, members in enumerate(identity.clusters):
            for i in members:
                cluster_of[i] = c
    places = Places(RecordPlace() for _ in records)

    shared: dict[str, str] = {}  # one string per key value (a person's records, a 户号's members share it)

    def person_key(i: int, record: SourceRecord) -> str:
        if i in cluster_of:
            return f"person|{cluster_of[i]}"
        number = record.get("id_number")
        return f"id|{number}" if number else ""

    def one(text: str) -> str:
        return shared.setdefault(text, text)

    # one join for the registered and the live addresses, so that a room is one household in both;
    # the enterprises' rooms apart (an office is not a household)
    for kinds in (("registered", "lives"), ("enterprise",)):
        check_canceled(progress)
        entries, texts, keys = [], [], []
        for kind in kinds:
            column = _ADDRESS_FIELD[kind]
            for i, record in enumerate(records):
                if (record.role == "enterprise") != (kind == "enterprise"):
                    continue
                text = record.get(column)
                if not text:
                    _set(places[i], kind, None, None, "no_address")
                    continue
                entries.append((i, kind))
                texts.append(str(text))
                key = [one(f"{kind}|{person_key(i, record)}")] if kind != "enterprise" and person_key(i, record) \
                    else []
                if kind == "registered" and record.get("hukou_no"):
                    key.append(one(f"hukou_no|{record.get('hukou_no')}"))
                keys.append(tuple(key))
        if not entries:
            continue
        result = join_households(texts, buildings, gazetteer, household_keys=keys)
        for link in result.links:
            i, kind = entries[link.record]
            _set(places[i], kind, link.household_id, link.building_id, "")
        for miss in result.unmatched:
            i, kind = entries[miss.record]
            places.unmatched[(kind, miss.reason)] += 1
            _set(places[i], kind, None, miss.building_id or None, miss.reason)
        if kinds != ("enterprise",):
            places.households.update((h.household_id, h) for h in result.households)
    return places


# --- results ----------------------------------------------------------------------------------------------------

@dataclass
class HouseholdCounts:
    """A lived-in household and who lives in it (counts only)."""

    household_id: str
    building_id: str
    unit: str = ""
    floor: str = ""
    room: str = ""
    members: int = 0
    """persons living here"""
    by_age_group: dict = field(default_factory=dict)
    """age group label -> members (every label of :data:`.profiles.AGE_GROUPS`, and 'unknown')"""
    by_status: dict = field(default_factory=dict)
    """人户一致, 人在户不在, 常住, 流动 -> members"""
    registered: int = 0
    """persons registered here (those living here and those away)"""
    away: int = 0
    """persons registered here who live elsewhere (人不在户在)"""


@dataclass
class Relation:
    """One edge of the population graph."""

    subject: str
    predicate: str
    """lives_in, registered_at, member_of, works_at, located_in, in"""
    object: str
    source: str
    """the source (name) the edge comes from"""
    valid_from: date | None = None
    """the record date of the record that gives it, if known"""


@dataclass
class Enterprise:
    """An enterprise of the registry, with where it is."""

    credit_code: str
    building_id: str | None = None
    household_id: str | None = None
    """its room, when the address names a room of a residential building"""
    source: str = ""
    records: list[int] = field(default_factory=list)
    reason: str = ""
    """the join's reason when it is not placed in a building"""


@dataclass
class SourceBalance:
    """Conservation per source: rows = in persons + in enterprises + rejected."""

    source: str
    rows: int = 0
    in_persons: int = 0
    in_enterprises: int = 0
    rejected: int = 0

    @property
    def balanced(self) -> bool:
        return self.rows == self.in_persons + self.in_enterprises + self.rejected


@dataclass
class FuseResult:
    persons: list[Person]
    conflicts: list[Conflict]
    households: list[HouseholdCounts]
    relations: list[Relation]
    rejects: list[Reject]
    enterprises: list[Enterprise]
    balance: dict[str, SourceBalance]
    """source name -> its conservation counts"""
    notes: list[Message] = field(default_factory=list)

    @property
    def balanced(self) -> bool:
        return all(b.balanced for b in self.balance.values())


# --- helpers ----------------------------------------------------------------------------------------------------

def family_key(hukou_no: str, secret: bytes) -> str:
    """Keyed hash of a 户号 (16 hex digits), so that members of one 户 share a key that reveals nothing."""
    text = "".join(str(hukou_no).split())
    return hmac.new(bytes(secret), f"hukou_no|{text}".encode(), hashlib.sha256).hexdigest()[:16]


def _config(priorities: PopulationConfig | Mapping[str, Sequence[str]] | None) -> PopulationConfig:
    """A CONFIG as given, or the default priorities with *priorities* replacing them per field."""
    if isinstance(priorities, PopulationConfig):
        return priorities
    merged = dict(DEFAULT_PRIORITIES)
    merged.update((key, tuple(order)) for key, order in (priorities or {}).items())
    return PopulationConfig(priorities=merged)


class _Ranker:
    """Orders a person's records for a field: trust priority, then most recent, then input order.

    The order is computed in two parts: once for all records, their place by recency (a record with a
    ``record_date`` before one without, the most recent first, then input order); per field, the trust
    rank of each (source, role) pair, also once. A person's records sorted by recency are then stably
    sorted by trust rank, and that permutation is cached per rank table (fields with the same ranks
    share one) and sequence of (source, role) pairs: most persons share a handful of patterns.
    """

    def __init__(self, records: Sequence[SourceRecord], config: PopulationConfig):
        self.records = records
        self.config = config
        group_of: dict[tuple[str, str], int] = {}
        self.groups: list[tuple[str, str]] = []
        """the (source, role) pairs of the records"""
        self.group: list[int] = []
        """per record: its (source, role) pair, as an index into ``groups``"""
        recency = []
        present: list[set[str]] = []
        for record in records:
            pair = (record.source, record.role)
            g = group_of.get(pair)
            if g is None:
                g = group_of[pair] = len(self.groups)
                self.groups.append(pair)
                present.append(set())
            self.group.append(g)
            present[g].update(record.values)
            when = record.get("record_date")
            recency.append((0, -when.toordinal()) if isinstance(when, date) else (1, 0))
        self.position: list[int] = [0] * len(records)
        """per record: its place in the recency order (ties in input order)"""
        for place, i in enumerate(sorted(range(len(records)), key=recency.__getitem__)):
            self.position[i] = place
        self.present: list[frozenset[str]] = [frozenset(p) for p in present]
        """per (source, role) pair: the fields any of its records has (a field no pair has is skipped)"""
        self._ranks: dict[str, tuple[int, ...]] = {}
        self._tables: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._orders: dict[tuple, tuple[int, ...]] = {}
        self._fields: dict[tuple[int, ...], frozenset[str]] = {}
        self._last: tuple = (None, [], (), {}, frozenset())

    def _group_ranks(self, name: str) -> tuple[int, ...]:
        ranks = self._ranks.get(name)
        if ranks is None:  # unlisted sources after the listed ones, in ROLES order
            ranks = tuple(self.config.rank(name, source, role) * 10 + (ROLES.index(role) if role in ROLES
                                                                      else len(ROLES))
                          for source, role in self.groups)
            ranks = self._ranks[name] = self._tables.setdefault(ranks, ranks)  # fields alike share one
        return ranks

    def ranked(self, indices: Iterable[int], name: str) -> list[int]:
        return list(self._order(indices, name))

    def _order(self, indices: Iterable[int], name: str) -> list[int]:
        """The ranked records (shared: not to be changed). A person's fields are ranked on one list, which
        is sorted by recency once: *indices* must not change between calls."""
        if indices is not self._last[0]:
            self._start(indices)
        _, by_recency, groups, done, _ = self._last
        ranks = self._group_ranks(name)
        found = done.get(id(ranks))
        if found is None:
            key = (ranks, groups)
            order = self._orders.get(key)
            if order is None:
                order = self._orders[key] = tuple(sorted(range(len(groups)), key=lambda p: ranks[groups[p]]))
            found = done[id(ranks)] = [by_recency[p] for p in order]
        return found

    def _start(self, indices: Iterable[int]) -> None:
        by_recency = sorted(indices, key=self.position.__getitem__)
        groups = tuple(map(self.group.__getitem__, by_recency))
        fields = self._fields.get(groups)
        if fields is None:
            fields = self._fields[groups] = frozenset().union(*(self.present[g] for g in set(groups)))
        self._last = (indices, by_recency, groups, {}, fields)

    def candidates(self, indices: Iterable[int], name: str, value=None) -> list[tuple[int, object]]:
        """(record, value) of the records that give the field, most trusted first."""
        if value is None:  # the field itself (SourceRecord.get: None and '' are no value)
            if indices is not self._last[0]:
                self._start(indices)
            if name not in self._last[4]:
                return []
            records = self.records
            out = []
            for i in self._order(indices, name):
                v = records[i].values.get(name)
                if v is not None and v != "":
                    out.append((i, v))
            return out
        out = []
        for i in self._order(indices, name):
            v = value(self.records[i])
            if v is not None and v != "":
                out.append((i, v))
        return out


def _label(record: SourceRecord, taken: set[str]) -> str:
    label = record.source if record.source not in taken else f"{record.source} row {record.row}"
    taken.add(label)
    return label


def _conflict(person_key: str, name: str, cands: list[tuple[int, object]], records: Sequence[SourceRecord],
              same=lambda a, b: a == b, shown=lambda v: v) -> Conflict | None:
    """A Conflict when the candidates' values are not all the same (values only for public fields)."""
    first = cands[0][1]
    if all(same(first, v) for _, v in cands[1:]):
        return None
    values: dict = {}
    taken: set[str] = set()
    for i, v in cands:
        values[_label(records[i], taken)] = shown(v) if name in PUBLIC_CONFLICT_FIELDS else None
    return Conflict(person_key, name, values, records[cands[0][0]].source)


def _same_birth(a: tuple[date, str], b: tuple[date, str]) -> bool:
    if "month" in (a[1], b[1]):
        return (a[0].year, a[0].month) == (b[0].year, b[0].month)
    return a[0] == b[0]


def _norm_name(value) -> str:
    return "".join(str(value).split())


# --- the person -------------------------------------------------------------------------------------------------

class _Fuser:
    def __init__(self, records, places, reference_date, config, secret, enterprise_buildings):
        self.records = records
        self.places = places
        self.reference = reference_date
        self.rank = _Ranker(records, config)
        self.secret = secret
        self.enterprise_buildings = enterprise_buildings
        self.conflicts: list[Conflict] = []

    def take(self, person: Person, indices, name: str, attr: str | None = None, value=None, conflict=True):
        cands = self.rank.candidates(indices, name, value)
        if not cands:
            return None
        if conflict and len(cands) > 1:
            c = _conflict(person.person_key, name, cands, self.records)
            if c is not None:
                self.conflicts.append(c)
        i, v = cands[0]
        person.provenance[attr or name] = self.records[i].source
        return v

    def person(self, key: str, indices: list[int]) -> Person:
        records = self.records
        person = Person(person_key=key, records=sorted(indices))
        person.sources = sorted({records[i].role for i in indices}, key=lambda r: ROLES.index(r) if r in ROLES else 99)
        # names: only whether they disagree
        cands = self.rank.candidates(indices, "name", lambda r: _norm_name(r.get("name", "")) or None)
        if len(cands) > 1:
            c = _conflict(key, "name", cands, records)
            if c is not None:
                self.conflicts.append(c)
        person.sex = self.take(person, indices, "sex")
        person.ethnicity = self.take(person, indices, "ethnicity")
        self._birth(person, indices)
        person.relation_to_head = self.take(person, indices, "relation_to_head")
        hukou_no = self.take(person, indices, "hukou_no", attr="family_key")
        if hukou_no:
            person.family_key = family_key(hukou_no, self.secret)
        status = self.take(person, indices, "insurance_status", attr="employment", conflict=False)
        person.employment = EMPLOYMENT.get(str(status).strip(), "none") if status else "none"
        if status is None:
            person.provenance.pop("employment", None)
        code = self.take(person, indices, "employer_credit_code")
        if code and person.employment == "employed":
            person.employer_credit_code = str(code).strip().upper()
            person.employer_building_id = self.enterprise_buildings.get(person.employer_credit_code)
        for flag in FLAG_FIELDS:
            person.flags[flag] = self.take(person, indices, flag)
        self._residence(person, indices)
        person.age = age_on(person.birth_date, self.reference)
        person.age_group = age_group(person.age)
        person.education_stage = education_stage(person.age)
        person.flags.update(elderly_flags(person.age))
        return person

    def _birth(self, person: Person, indices) -> None:
        def birth(r: SourceRecord):
            return (r.get("birth_date"), r.birth_precision) if r.get("birth_date") else None

        cands = self.rank.candidates(indices, "birth_date", birth)
        if not cands:
            return
        if len(cands) > 1:
            years = [(i, v[0].year) for i, v in cands]
            conflict = _conflict(person.person_key, "birth_year", years, self.records)
            if conflict is None:
                conflict = _conflict(person.person_key, "birth_date", cands, self.records, same=_same_birth)
            if conflict is not None:
                self.conflicts.append(conflict)
        i, (born, precision) = cands[0]
        if precision == "month":  # complete YYYYMM by a source that gives the same month to the day
            for j, (other, p) in cands[1:]:
                if p == "day" and (other.year, other.month) == (born.year, born.month):
                    i, born = j, other
                    break
        person.birth_date = born
        person.provenance["birth_date"] = self.records[i].source

    def _residence(self, person: Person, indices) -> None:
        records, places, rank = self.records, self.places, self.rank
        people = [i for i in indices if records[i].role != "enterprise"]
        reg = [i for i in rank.ranked(people, REGISTERED) if places[i].registered_household_id]
        reg_i = reg[0] if reg else None
        in_registry = reg_i is not None or any(records[i].role == "hukou" for i in people)
        if reg_i is not None:
            place = places[reg_i]
            person.registered_household_id, person.registered_building_id = (place.registered_household_id,
                                                                              place.registered_building_id)
            person.provenance["registered_household_id"] = records[reg_i].source
            ids = {places[i].registered_household_id for i in reg}
            if len(ids) > 1:
                cands = [(i, places[i].registered_household_id) for i in reg]
                self.conflicts.append(_conflict(person.person_key, "registered_household_id", cands, records))
        else:
            building = next((places[i].registered_building_id for i in rank.ranked(people, REGISTERED)
                             if places[i].registered_building_id), None)
            person.registered_building_id = building
        lives = [i for i in rank.ranked(people, LIVES) if places[i].lives_household_id]
        ledger = [i for i in rank.ranked(people, "living_status") if records[i].role == "ledger"]
        stated = {records[i].get("living_status") for i in ledger} - {None}
        health = any(records[i].role == "health" for i in people)
        lives_here_said = bool(stated & {"人户一致", "人在户不在"}) or (not ledger and health)

        lives_hh = lives_building = lives_src = None
        if lives:
            place = places[lives[0]]
            lives_hh, lives_building, lives_src = place.lives_household_id, place.lives_building_id, lives[0]
            ids = {places[i].lives_household_id for i in lives}
            if len(ids) > 1:
                cands = [(i, places[i].lives_household_id) for i in lives]
                self.conflicts.append(_conflict(person.person_key, "lives_household_id", cands, records))
        else:
            lives_building = next((places[i].lives_building_id for i in rank.ranked(people, LIVES)
                                   if places[i].lives_building_id and places[i].lives_reason in IN_DISTRICT_REASONS),
                                  None)
        same_said = "人户一致" in stated or (not ledger and health)
        if lives_hh is None and person.registered_household_id and same_said and (
                lives_building is None or lives_building == person.registered_building_id):
            # the live address did not name the room; the ledger (or a health record) says they live where registered
            lives_hh, lives_building = person.registered_household_id, person.registered_building_id
            lives_src = ledger[0] if ledger else next(i for i in people if records[i].role == "health")

        if lives_hh is not None:
            if person.registered_household_id:
                registration = "same_room" if person.registered_household_id == lives_hh else "other_room"
            elif in_registry:
                registration = "same_room" if "人户一致" in stated else "other_room"
            else:
                registration = "outside"
        elif lives_building is not None or lives_here_said:
            registration = "other_room" if in_registry else "outside"
        elif in_registry:
            registration = "away"
        else:  # a street office's person sources hold its residents: not in the 户籍 -> registered outside
            registration = "outside"
        if registration == "same_room" and not person.registered_household_id:
            person.registered_household_id = lives_hh
            person.provenance["registered_household_id"] = records[ledger[0]].source if ledger else None
        if registration != "away":
            person.lives_household_id, person.lives_building_id = lives_hh, lives_building
            if lives_src is not None:
                person.provenance["lives_household_id"] = records[lives_src].source
        months = self.take(person, people, "months_resident", conflict=False)
        person.months_resident = int(months) if months is not None else None
        person.registration = registration
        person.living_status, person.residence_type = self._status(registration, person.months_resident, people)
        if registration is not None:
            person.provenance["living_status"] = "addresses" if (lives or reg) else (
                records[ledger[0]].source if ledger else "addresses")
        expected = {person.living_status} | ({"人不在户在"} if registration == "other_room" else set())
        wrong = [i for i in ledger if records[i].get("living_status") not in expected | {None}]
        if wrong and person.living_status:
            values = {records[i].source: records[i].get("living_status") for i in wrong}
            values["addresses"] = person.living_status
            self.conflicts.append(Conflict(person.person_key, "living_status", values, "addresses"))

    def _status(self, registration, months, people) -> tuple[str | None, str | None]:
        if registration == "same_room":
            return "人户一致", "常住"
        if registration == "other_room":
            return "人在户不在", "常住"
        if registration == "away":
            return "人不在户在", "外出"
        if registration != "outside":
            return None, None
        if months is not None:
            return "人在户不在", "常住" if months >= 6 else "流动"
        dates = [self.records[i].get("record_date") for i in people if self.records[i].role in LIVE_ROLES]
        dates = [d for d in dates if isinstance(d, date)]
        if dates and (self.reference - min(dates)).days >= SIX_MONTHS_DAYS:
            return "人在户不在", "常住"
        return "人在户不在", None


# --- the whole step ---------------------------------------------------------------------------------------------

def person_view(person: Person) -> dict:
    """The values a tag rule sees (:data:`.rules.TAG_FIELDS`)."""
    flags = person.flags
    return {
        "age": person.age, "birth_year": person.birth_year, "age_group": person.age_group, "sex": person.sex,
        "ethnicity": person.ethnicity, "living_status": person.living_status,
        "residence_type": person.residence_type, "registration": person.registration,
        "months_resident": person.months_resident, "living_alone": person.living_alone,
        "household_size": person.household_size, "relation_to_head": person.relation_to_head,
        "employment": person.employment, "has_employer": person.employer_credit_code is not None,
        "employer_in_district": person.employer_building_id is not None,
        "education_stage": person.education_stage,
        **{k: flags.get(k) for k in ("age_60_plus", "age_65_plus", "age_80_plus", *FLAG_FIELDS)},
        "lives_in_district": person.registration in ("same_room", "other_room", "outside"),
        "registered_in_district": person.registration in ("same_room", "other_room", "away"),
    }


def _enterprises(records, places, taken: set[int]) -> tuple[list[Enterprise], list[Reject]]:
    by_code: dict[str, Enterprise] = {}
    rejects = []
    for i, record in enumerate(records):
        if record.role != "enterprise" or i in taken:
            continue
        code = str(record.get("credit_code", "")).strip().upper()
        if not code:
            rejects.append(Reject(record.source, record.row, "no_identity", "no credit code"))
            continue
        enterprise = by_code.get(code)
        if enterprise is None:
            enterprise = by_code[code] = Enterprise(code, source=record.source)
        enterprise.records.append(i)
        place = places[i]
        if enterprise.building_id is None and place.lives_building_id:
            enterprise.building_id, enterprise.household_id = place.lives_building_id, place.lives_household_id
            enterprise.reason = ""
        elif enterprise.building_id is None:
            enterprise.reason = place.lives_reason
    return list(by_code.values()), rejects


def fuse(records: Sequence[SourceRecord], identity: Identity, places: Sequence[RecordPlace], reference_date: date,
         priorities: PopulationConfig | Mapping[str, Sequence[str]] | None = None, tag_rules=(),
         secret: bytes = b"", building_communities: Mapping[str, str] | None = None,
         source_rejects: Iterable[Reject] = (), progress: Progress | None = None) -> FuseResult:
    """Fuse the linked records into persons, households and relations (see the module docstring).

    *places*: :func:`place_records` of the same records. *priorities*: a CONFIG
    (:class:`.sources.PopulationConfig`: per-source ranks too), or field -> sources (roles or source
    names) replacing :data:`DEFAULT_PRIORITIES` per field. *tag_rules*: rules text, a mapping
    or parsed :class:`.rules.TagRule` (see :mod:`.rules`). *secret*: the key of the keyed hashes
    (family_key). *building_communities*: building_id -> community code, for the building -> community
    relations. *source_rejects*: the rows the sources step refused (exact duplicates, blank rows), kept in
    the rejects and in the conservation counts.
    """
    if not isinstance(secret, (bytes, bytearray)) or not secret:
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "the secret key must be non-empty bytes"),
                              code="secret_key")
    if len(places) != len(records):
        raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{places} places for {records} records: place the same records"),  # noqa: E501
                              code="places_mismatch", places=len(places), records=len(records))
    rules = list(tag_rules) if all(isinstance(r, TagRule) for r in tag_rules) and not isinstance(tag_rules, str) \
        else parse_rules(tag_rules)
    config = _config(priorities)

    # enterprises: clusters of enterprise records only, and enterprise records the identity left alone
    in_cluster: dict[int, int] = {}
    for c, members in enumerate(identity.clusters):
        for i in members:
            in_cluster[i] = c
    rejected = {(r.source, r.row) for r in identity.rejects}
    person_clusters = [c for c, members in enumerate(identity.clusters)
                       if any(records[i].role != "enterprise" for i in members)]
    person_records = {i for c in person_clusters for i in identity.clusters[c]}
    taken = person_records | {i for i, r in enumerate(records) if (r.source, r.row) in rejected}
    enterprises, enterprise_rejects = _enterprises(records, places, taken)
    enterprise_buildings = {e.credit_code: e.building_id for e in enterprises if e.building_id}

    fuser = _Fuser(records, places, reference_date, config, bytes(secret), enterprise_buildings)
    persons = []
    for n, c in enumerate(person_clusters):
        if n % 2000 == 0:
            check_canceled(progress)
            if progress is not None:
                progress.set_progress(80.0 * n / max(1, len(person_clusters)))
        persons.append(fuser.person(identity.person_keys[c], list(identity.clusters[c])))

    # records in nothing: kept as rejects so that the counts add up
    source_rejects = list(source_rejects)
    rejects = source_rejects + list(identity.rejects) + enterprise_rejects
    in_enterprise = {i for e in enterprises for i in e.records}
    rejected |= {(r.source, r.row) for r in enterprise_rejects}
    notes: list[Message] = []
    for i, record in enumerate(records):
        if i not in person_records and i not in in_enterprise and (record.source, record.row) not in rejected:
            rejects.append(Reject(record.source, record.row, "not_linked", "in no person of the identity step"))
    households = _households(persons, places)
    _tag(persons, rules)
    relations = _relations(persons, records, households, enterprises, building_communities or {})
    balance = _balance(records, person_records, in_enterprise, rejects, len(source_rejects))
    for b in balance.values():
        if not b.balanced:  # cannot happen with a consistent identity; said rather than hidden
            notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{source}: the counts do not add up"),
                                 source=b.source))
        notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{source}: {rows} rows = {persons} in persons + {enterprises} in enterprises + {rejected} rejected"),  # noqa: E501
                             source=b.source, rows=b.rows, persons=b.in_persons, enterprises=b.in_enterprises,
                             rejected=b.rejected))
    statuses = Counter(p.registration or "unknown" for p in persons)
    notes.append(Message(QT_TRANSLATE_NOOP("CoreErrors", "{persons} persons: {same_room} same room, {other_room} other room, {outside} registered outside, {away} away, {unknown} unknown"),  # noqa: E501
                         persons=len(persons), **{k: statuses.get(k, 0) for k in
                                                  ("same_room", "other_room", "outside", "away", "unknown")}))
    if progress is not None:
        progress.set_progress(100.0)
    return FuseResult(persons, fuser.conflicts, households, relations, rejects, enterprises, balance, notes)


def _households(persons: list[Person], places: Sequence[RecordPlace]) -> list[HouseholdCounts]:
    known = getattr(places, "households", {})
    counts: dict[str, HouseholdCounts] = {}
    for p in persons:
        if p.lives_household_id is None:
            continue
        h = counts.get(p.lives_household_id)
        if h is None:
            joined = known.get(p.lives_household_id)
            h = counts[p.lives_household_id] = HouseholdCounts(
                p.lives_household_id, p.lives_building_id or "", *(
                    (joined.unit, joined.floor, joined.room) if joined is not None else ("", "", "")),
                by_age_group={label: 0 for label, _, _ in AGE_GROUPS} | {"unknown": 0},
                by_status={"人户一致": 0, "人在户不在": 0, "常住": 0, "流动": 0})
        h.members += 1
        h.by_age_group[p.age_group or "unknown"] += 1
        for value in (p.living_status, p.residence_type):
            if value in h.by_status:
                h.by_status[value] += 1
    for p in persons:
        if p.registered_household_id in counts:
            h = counts[p.registered_household_id]
            h.registered += 1
            h.away += p.registration == "away"
    for p in persons:
        if p.lives_household_id is not None:
            p.household_size = counts[p.lives_household_id].members
            p.living_alone = p.household_size == 1
    return list(counts.values())


def _tag(persons: list[Person], rules: list[TagRule]) -> None:
    if not rules:
        return
    for p in persons:
        p.tags = apply_rules(rules, person_view(p))


def _relations(persons, records, households, enterprises, communities) -> list[Relation]:
    out: list[Relation] = []

    def when(source: str | None, person: Person, roles: Iterable[str] = ()) -> date | None:
        for i in person.records:
            r = records[i]
            if r.source == source or r.role in roles:
                d = r.get("record_date")
                if isinstance(d, date):
                    return d
        return None

    for p in persons:
        prov = p.provenance
        if p.lives_household_id:
            src = prov.get("lives_household_id") or ""
            out.append(Relation(p.person_key, "lives_in", p.lives_household_id, src, when(src, p)))
        if p.registered_household_id:
            src = prov.get("registered_household_id") or ""
            out.append(Relation(p.person_key, "registered_at", p.registered_household_id, src, when(src, p)))
        if p.family_key:
            src = prov.get("family_key") or ""
            out.append(Relation(p.person_key, "member_of", p.family_key, src, when(src, p)))
        if p.employer_credit_code:
            src = prov.get("employer_credit_code") or ""
            out.append(Relation(p.person_key, "works_at", p.employer_credit_code, src, when(src, p)))
    for e in enterprises:
        if e.building_id:
            founded = records[e.records[0]].get("founded")
            out.append(Relation(e.credit_code, "located_in", e.building_id, e.source,
                                founded if isinstance(founded, date) else None))
    buildings = set()
    for h in households:
        out.append(Relation(h.household_id, "in", h.building_id, "households"))
        buildings.add(h.building_id)
    for e in enterprises:
        if e.building_id:
            buildings.add(e.building_id)
    for b in sorted(buildings):
        if communities.get(b):
            out.append(Relation(b, "in", str(communities[b]), "buildings"))
    return out


def _balance(records, person_records, in_enterprise, rejects, unread: int) -> dict[str, SourceBalance]:
    """Counts per source; the first *unread* rejects are rows the sources step made no record of."""
    balance: dict[str, SourceBalance] = defaultdict(lambda: SourceBalance(""))
    for i, record in enumerate(records):
        b = balance[record.source]
        b.source = record.source
        b.rows += 1
        b.in_persons += i in person_records
        b.in_enterprises += i in in_enterprise
    for n, r in enumerate(rejects):
        balance[r.source].rejected += 1
        balance[r.source].rows += n < unread
        balance[r.source].source = r.source
    return dict(balance)
