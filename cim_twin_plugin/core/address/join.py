"""The household join: records with addresses -> households in building footprints.

Buildings are indexed by their address key (road|lane|number|building, with the
district kept apart so that records without a district can still match).  Each
record is parsed and looked up in this order:

``exact``
    the record's text needed no normalisation, names its district and gives
    the building's road, lane and number as they are (score 1.0);
``normalised``
    the same after normalisation: full-width digits, Chinese numerals, 号楼 for
    号, blanks, traditional characters (score 0.95);
``inferred_district``
    the record gives no district; the building's road is known in one district
    only, which is taken (score 0.9);
``fuzzy_road``
    the road is not in the buildings' roads, but exactly one road of the same
    length differs in one character and has that lane and number, and the room's
    floor fits the building (score 0.8).  Conservative on purpose: a wrong
    household is worse than none, so two candidate roads mean no match.
``shared_key``
    only with *household_keys* (户号, or the person's ID number when all
    addresses are of one kind, e.g. all registered addresses): a record whose
    address did not name its household on its own (no room, or a road or
    number that no building has) takes the household that the records sharing
    one of its keys were linked to by address, when they name exactly one
    household and the record agrees with it: same building (unit and floor
    too, if it gives them) when its building was found; otherwise the same
    room and the same road or the same lane and number (score 0.85).  Keys
    only confirm, they never override an address: two households among the
    key's records, or a disagreeing address, leave the record unmatched.

A record links to a household only when the room is known; the household is
(building, unit, room).  A record without unit joins the household of the same
room given with a unit when only one unit has that room; when several have it
the record is left unmatched (ambiguous).  Two footprints with one address are
reported (``duplicate_building_address``) and never guessed between.

Every record ends in ``links`` or in ``unmatched`` with a reason code:
parse_failed, no_road, other_district, road_not_found, ambiguous_road,
number_not_found, duplicate_building_address, no_room, room_in_several_units,
building_without_geometry (the address found a building that has no footprint to
place the household in: the building id is given, no household is made).
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..idnumber import normalise as normalise_id
from ..progress import Progress, check_canceled
from .gazetteer import Gazetteer
from .parser import AddressParser, ParsedAddress, clean_number, house_key, is_house

__all__ = ["BuildingAddress", "BuildingIndex", "Link", "Unmatched", "Household", "JoinResult", "join_households",
           "index_buildings"]

SCORES = {"exact": 1.0, "normalised": 0.95, "inferred_district": 0.9, "fuzzy_road": 0.8, "shared_key": 0.85}
# reasons a shared household key may resolve (the address named a building but no room, or no building)
_KEY_RESOLVES = {"no_room", "room_in_several_units", "number_not_found", "road_not_found", "ambiguous_road"}


@dataclass
class BuildingAddress:
    """The address of one building footprint: a full text, or parts (road, lane, number)."""

    building_id: str
    address: str = ""
    road: str = ""
    lane: str = ""
    number: str = ""
    district: str = ""
    floors: int | None = None
    """number of floors, if known (checks fuzzy matches: a room on floor 12 needs 12 floors)"""
    located: bool = True
    """False when the building has no footprint (NULL or empty geometry): nobody is placed in it"""


@dataclass
class BuildingIndex:
    """Buildings by address key, with what could not be indexed."""

    by_key: dict[tuple[str, str, str, str], list[tuple[str, str]]] = field(default_factory=dict)
    """(road, lane, number, building) -> [(building_id, district)]"""
    floors: dict[str, int | None] = field(default_factory=dict)
    roads: dict[str, set[str]] = field(default_factory=dict)
    """road -> districts ('' unknown)"""
    roads_by_length: dict[int, list[str]] = field(default_factory=dict)
    districts: set[str] = field(default_factory=set)
    without_address: list[str] = field(default_factory=list)
    """building ids with no usable address"""
    duplicates: dict[tuple[str, str, str, str], list[str]] = field(default_factory=dict)
    """address key -> the building ids that share it"""


@dataclass(slots=True)
class Link:
    record: int
    """index of the record in the input order"""
    household_id: str
    building_id: str
    method: str
    score: float


@dataclass(slots=True)
class Unmatched:
    record: int
    reason: str
    """reason code (see the module docstring)"""
    detail: str = ""
    """what was found (road, building ids) in plain text"""
    building_id: str = ""
    """the building, when it was found but the household was not"""


@dataclass
class Household:
    household_id: str
    building_id: str
    unit: str
    floor: str
    room: str
    records: int = 0


@dataclass
class JoinResult:
    links: list[Link]
    unmatched: list[Unmatched]
    households: list[Household]
    index: BuildingIndex
    parsed: list[ParsedAddress]

    @property
    def total(self) -> int:
        return len(self.links) + len(self.unmatched)


def _house_key(parsed: ParsedAddress) -> tuple[str, str, str, str]:
    return house_key(parsed.road or parsed.poi, parsed.lane, parsed.number, parsed.building)


def index_buildings(buildings: Iterable[BuildingAddress], parser: AddressParser) -> BuildingIndex:
    """Index buildings by address key; duplicates and buildings without address are reported."""
    index = BuildingIndex()
    for b in buildings:
        if b.address:
            parsed = parser.parse(b.address)
            key = _house_key(parsed)
            district = b.district or parsed.district
        else:
            key = house_key(b.road.strip(), str(b.lane or "").strip(), str(b.number or "").strip(), "")
            district = b.district
        if not is_house(key):
            index.without_address.append(b.building_id)
            continue
        index.by_key.setdefault(key, []).append((b.building_id, district))
        index.floors[b.building_id] = b.floors
        index.roads.setdefault(key[0], set()).add(district)
        if district:
            index.districts.add(district)
    for key, entries in index.by_key.items():
        if len(entries) > 1:
            index.duplicates[key] = [bid for bid, _ in entries]
    for road in index.roads:
        index.roads_by_length.setdefault(len(road), []).append(road)
    return index


def _one_off(a: str, b: str) -> bool:
    """Same length, exactly one different character, same last character (the road suffix)."""
    return a[-1] == b[-1] and sum(x != y for x, y in zip(a, b)) == 1


_ROOM_FLOOR = re.compile(r"^(\d{1,3})(\d{2})$")


def room_floor(room: str) -> str:
    """Floor of a room number (1203 -> 12, 101 -> 1); '' if the room is not of that form."""
    match = _ROOM_FLOOR.match(room or "")
    return str(int(match.group(1))) if match and int(match.group(1)) > 0 else ""


def _fits_floors(parsed: ParsedAddress, floors: int | None) -> bool:
    floor = parsed.floor or room_floor(clean_number(parsed.room))
    if floors is None or not floor or not floor.isdigit():
        return True
    return int(floor) <= floors


def _locate(parsed: ParsedAddress, text: str, index: BuildingIndex) -> tuple[str, str, str]:
    """Where one parsed address leads: (reason, detail, building_id) when unmatched (see the module
    docstring), ('', method, building_id) when it names a room of one building."""
    by_key = index.by_key
    if parsed.status == "failed":
        return "parse_failed", parsed.reason, ""
    key = _house_key(parsed)
    if not key[0]:
        return "no_road", parsed.reason, ""
    district = parsed.district if "district" not in parsed.inferred else ""
    if district and index.districts and district not in index.districts:
        return "other_district", district, ""
    entries = by_key.get(key)
    if entries is not None:
        if district:
            entries = [e for e in entries if not e[1] or e[1] == district]
        if not district:
            method = "inferred_district"
        elif parsed.normalised == text.strip() and "号楼" not in parsed.normalised:
            method = "exact"
        else:
            method = "normalised"
    elif key[0] not in index.roads:
        candidates = []
        for road in index.roads_by_length.get(len(key[0]), ()):
            if _one_off(road, key[0]) and (road,) + key[1:] in by_key:
                candidates.append(road)
        if len(candidates) > 1:
            return "ambiguous_road", f"{key[0]}: {', '.join(sorted(candidates))}", ""
        if not candidates:
            return "road_not_found", key[0], ""
        entries = by_key[(candidates[0],) + key[1:]]
        if district:
            entries = [e for e in entries if not e[1] or e[1] == district]
        if len(entries) == 1 and not _fits_floors(parsed, index.floors.get(entries[0][0])):
            return "road_not_found", f"{key[0]} (~{candidates[0]}, floor does not fit)", ""
        method = "fuzzy_road"
    else:
        return "number_not_found", "|".join(key), ""
    if not entries:
        return "other_district", district, ""
    if len(entries) > 1:
        return "duplicate_building_address", ", ".join(bid for bid, _ in entries), ""
    building_id = entries[0][0]
    if not clean_number(parsed.room):
        return "no_room", building_id, building_id
    return "", method, building_id


def join_households(
    addresses: Sequence[object],
    buildings: Iterable[BuildingAddress],
    gazetteer: Gazetteer | None = None,
    progress: Progress | None = None,
    household_keys: Sequence[Iterable[str]] | None = None,
    tagger=None,
    default_region: str | None = None,
) -> JoinResult:
    """Link each address of *addresses* to a household of *buildings* (see the module docstring).

    *household_keys*, if given, holds per record the values that tie it to one
    household (户号, an ID number); blanks are ignored, values are compared
    after :func:`core.idnumber.normalise` (a lower-case x or full-width digits match).
    *tagger* (:class:`.tagger.AddressTagger`), if given, parses the records' addresses with the
    rules; the buildings' addresses (clean, one form per source) stay with the rules alone.
    *default_region* (a division name or code, e.g. 上海市): an ambiguous district name without its city
    (普陀区) is read inside it (see :meth:`.parser.AddressParser.parse`); by default the gazetteer's.
    """
    buildings = list(buildings)
    gazetteer = gazetteer if gazetteer is not None else Gazetteer.builtin()
    # the buildings' roads become gazetteer words (so a record without district finds its district)
    plain = AddressParser(gazetteer, default_region=default_region)
    index = index_buildings(buildings, plain)
    for road, districts in index.roads.items():
        for district in districts:
            gazetteer.add_road(road, district)
    parser = AddressParser(gazetteer, tagger=tagger, default_region=default_region)

    links: list[Link] = []
    unmatched: list[Unmatched] = []
    pending: list[tuple[int, str, ParsedAddress, str, float]] = []
    parsed_all: list[ParsedAddress] = []
    raws = ["" if text is None else str(text) for text in addresses]
    # each distinct text is parsed once (one parse shared by the records that repeat it), over both cores
    # when there are many; where a text leads depends on the text alone: found once per distinct text too
    parses = _parse_distinct(parser, raws, progress) if tagger is None else {}
    located: dict[str, tuple[str, str, str]] = {}
    total = len(addresses)
    for i, raw in enumerate(raws):
        if i % 5000 == 0:
            check_canceled(progress)
            if progress is not None and total:
                progress.set_progress(60.0 + 30.0 * i / total)
        parsed = parses.get(raw)
        if parsed is None:
            parsed = parses[raw] = parser.parse(raw)
        parsed_all.append(parsed)
        found = located.get(raw)
        if found is None:
            found = located[raw] = _locate(parsed, raw, index)
        reason, detail, building_id = found
        if reason:
            unmatched.append(Unmatched(i, reason, detail, building_id))
        else:
            pending.append((i, building_id, parsed, detail, SCORES[detail]))

    # households: (building, unit, room); unit-less records join the one unit that has the room
    units: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, building_id, parsed, _, _ in pending:
        unit = clean_number(parsed.unit)
        if unit:
            units[(building_id, clean_number(parsed.room))].add(unit)
    households: dict[tuple[str, str, str], Household] = {}
    for i, building_id, parsed, method, score in pending:
        room = clean_number(parsed.room)
        unit = clean_number(parsed.unit)
        if not unit:
            known = units.get((building_id, room), set())
            if len(known) > 1:
                unmatched.append(Unmatched(i, "room_in_several_units", f"{building_id} {room}", building_id))
                continue
            unit = next(iter(known)) if known else ""
        hkey = (building_id, unit, room)
        household = households.get(hkey)
        if household is None:
            household_id = f"{building_id}/{unit}/{room}" if unit else f"{building_id}/{room}"
            floor = parsed.floor or room_floor(room)
            household = households[hkey] = Household(household_id, building_id, unit, floor, room)
        household.records += 1
        links.append(Link(i, household.household_id, building_id, method, score))
    if household_keys is not None:
        unmatched = _link_by_shared_keys(household_keys, links, unmatched, households, parsed_all, index)
    unlocated = {b.building_id for b in buildings if not b.located}
    if unlocated:
        links, households = _without_unlocated(links, unmatched, households, unlocated)
    links.sort(key=lambda link: link.record)
    unmatched.sort(key=lambda u: u.record)
    if progress is not None:
        progress.set_progress(100.0)
    return JoinResult(links, unmatched, list(households.values()), index, parsed_all)


#: distinct texts from which the parse is shared with a worker process, and texts per task
PARALLEL_TEXTS = 20_000
CHUNK_TEXTS = 4_000
_WORKER: dict = {}
"""in a worker process: its parser (set up by :func:`_worker_start`)"""


def _worker_start(gazetteer: Gazetteer) -> None:
    # the worker's texts are distinct: a small cache (the heads before the first number still recur)
    _WORKER["parser"] = AddressParser(gazetteer, cache_size=20_000)


def _worker_parse(texts: list[str]) -> list[ParsedAddress]:
    parse = _WORKER["parser"].parse
    return [parse(text) for text in texts]


def _parse_distinct(parser: AddressParser, raws: Sequence[str], progress: Progress | None) -> dict[str, ParsedAddress]:
    """text -> its parse, for every distinct text of *raws* (progress 0-60 %).

    With many texts and a second core, a worker process (:mod:`..pool`) parses chunks from the end with a
    copy of the parser's gazetteer (the same words, so the same parses) while this process parses from the
    start; a chunk the worker has not begun is taken back. Without a worker everything is parsed here.
    """
    distinct = list(dict.fromkeys(raws))
    out: dict[str, ParsedAddress] = {}
    chunks = [distinct[k:k + CHUNK_TEXTS] for k in range(0, len(distinct), CHUNK_TEXTS)]
    executor = None
    futures: list = [None] * len(chunks)
    if len(distinct) >= PARALLEL_TEXTS:
        from .. import pool  # noqa: PLC0415 (only for large tables)

        if pool.cpu_count() >= 2:
            try:
                executor = pool.spawn_executor(1)
                executor.submit(_worker_start, parser.gazetteer)
                for k in range(len(chunks) - 1, 0, -1):  # the worker takes them from the end
                    futures[k] = executor.submit(_worker_parse, chunks[k])
            except OSError:  # no interpreter for workers: all parsed here
                executor = None
    try:
        parse = parser.parse
        for k, chunk in enumerate(chunks):
            check_canceled(progress)
            future = futures[k]
            if future is not None and not future.cancel():
                break  # the worker has this one and the rest
            out.update((text, parse(text)) for text in chunk)
            futures[k] = None
            if progress is not None:
                progress.set_progress(60.0 * (k + 1) / len(chunks))
        for k, future in enumerate(futures):
            if future is None:
                continue
            try:
                parses = future.result()
            except Exception:  # noqa: BLE001 (a worker that died: the chunk is parsed here, same parses)
                parses = [parse(text) for text in chunks[k]]
            out.update(zip(chunks[k], parses))
    finally:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
    return out


def _without_unlocated(links: list[Link], unmatched: list[Unmatched], households: dict, unlocated: set[str]):
    """Links into buildings without a footprint become ``building_without_geometry`` (appended to
    *unmatched*), and their households are dropped: a household is a place, it needs the footprint."""
    kept = []
    for link in links:
        if link.building_id in unlocated:
            unmatched.append(Unmatched(link.record, "building_without_geometry", link.building_id, link.building_id))
        else:
            kept.append(link)
    return kept, {k: h for k, h in households.items() if h.building_id not in unlocated}


def _link_by_shared_keys(
    household_keys: Sequence[Iterable[str]],
    links: list[Link],
    unmatched: list[Unmatched],
    households: dict[tuple[str, str, str], Household],
    parsed_all: list[ParsedAddress],
    index: BuildingIndex,
) -> list[Unmatched]:
    """The ``shared_key`` step (module docstring); returns the records still unmatched."""
    by_id = {h.household_id: h for h in households.values()}
    # the ID-number normalisation (blanks, full-width digits, x -> X) suits 户号 as well; the keys recur (a 户号
    # per member, a person per kind of address): each is normalised once
    normalised: dict[str, str] = {}

    def values_of(keys: Iterable[str] | None) -> set[str]:
        out = set()
        for v in keys or ():
            if v is not None:
                text = str(v)
                k = normalised.get(text)
                if k is None:
                    k = normalised[text] = normalise_id(text)
                if k:
                    out.add(k)
        return out

    building_key = {bid: key for key, entries in index.by_key.items() for bid, _ in entries}
    # only links made by address vouch for a household: a key never chains through another key link
    named: dict[str, set[str]] = defaultdict(set)
    for link in links:
        for value in values_of(household_keys[link.record]):
            named[value].add(link.household_id)
    still = []
    for u in unmatched:
        candidates: set[str] = set()
        if u.reason in _KEY_RESOLVES:
            for value in values_of(household_keys[u.record]):
                candidates |= named.get(value, set())
        household = by_id[next(iter(candidates))] if len(candidates) == 1 else None
        if household is None or not _agrees(parsed_all[u.record], u, household, building_key):
            still.append(u)
            continue
        household.records += 1
        links.append(Link(u.record, household.household_id, household.building_id, "shared_key",
                          SCORES["shared_key"]))
    return still


def _agrees(parsed: ParsedAddress, u: Unmatched, household: Household,
            building_key: dict[str, tuple[str, str, str, str]]) -> bool:
    """Whether a record's own address is consistent with the household its key names."""
    unit, room = clean_number(parsed.unit), clean_number(parsed.room)
    if unit and unit != household.unit:
        return False
    if u.building_id:  # the address found the building, not the room
        if u.building_id != household.building_id or (room and room != household.room):
            return False
        floor = parsed.floor or room_floor(room)
        return not floor or not household.floor or floor == household.floor
    if not room or room != household.room:
        return False
    road, lane, number, building = _house_key(parsed)
    key = building_key.get(household.building_id)
    if key is None or building != key[3]:
        return False
    return (road == key[0] and lane == key[1]) or (lane == key[1] and number == key[2])
