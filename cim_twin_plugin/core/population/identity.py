"""Records -> persons (step 2 of the population base): :func:`link`.

Pure Python (jellyfish for name similarity, the address parser for room keys).

1. **By ID number** (deterministic): records with the same valid (or converted) 18-character ID number
   are one person, whatever else they say (a birth date or sex that disagrees with the number is a
   conflict for ``fuse``, not another person).
2. **Scored match** of the records without a valid ID (check digit wrong, missing) to the persons of
   step 1, blocked by birth date (the month for a source that gives only the month; also the birth
   date read from the invalid number itself) against the birth date in the person's ID number, and by
   surname and name length: one pass over the persons finds every candidate (dicts, no pairwise loop),
   so the work stays linear. A candidate scores
   (:func:`score`):

   ===========================================================  =====
   name equal                                                    4
   name one character apart (same length, same surname, 2+)     3
   the same room (road, lane, number, building, room)            3
   else the same building                                        1.5
   invalid number one character from the person's number          3
   (two characters: 1)
   sex equal / different                                         +0.5 / -2
   ===========================================================  =====

   Names are compared with jellyfish's Jaro-Winkler similarity on the characters (a one-character
   difference in a 3-character name scores about 0.8; below :data:`NAME_MIN_SIMILARITY` is no match);
   a different surname or any other name is no match at all, whatever the rest says. A record is
   linked only to a single clear best candidate: score >= :data:`THRESHOLD` and either the only one
   over it or :data:`MARGIN` ahead of the second. A wrong merge is worse than a missed one.
3. Records without a valid ID and without a match: those that match each other strongly (score >=
   :data:`STRONG`, with no person of step 1 over the threshold) form a person of their own, keyed by
   their canonical record; the others are rejected (invalid_id_unmatched / missing_id_unmatched).

Enterprise records are not persons: they are in no cluster and no reject (``fuse`` handles them).

``person_key``: :func:`..idnumber.person_key` of the ID number (first 16 hex digits of HMAC-SHA256 of
the canonical 18-character number); for a person without a valid ID the same hash of its canonical
record ``'noid|' + name + '|' + birth date ISO (YYYY-MM for a month) + '|' + room key`` of its most
trusted record (:data:`.sources.IDENTITY_ORDER`, then source, then row): the same key gives the same
person_key in every run.
"""
from __future__ import annotations

import gc
from collections import defaultdict

import jellyfish

from .. import idnumber
from ..address.keys import clean_number, house_key
from ..address.parser import AddressParser
from ..progress import check_canceled
from .model import Identity, Reject, SourceRecord
from .sources import IDENTITY_ORDER, parse_id

__all__ = ["link", "score", "name_score", "canonical_text", "THRESHOLD", "MARGIN", "STRONG"]

THRESHOLD = 6.0
"""least score of a link"""
MARGIN = 1.0
"""how far the best candidate must lead the second when both are over the threshold"""
STRONG = 7.0
"""least score of a link between two records that have no person by ID"""
NAME_MIN_SIMILARITY = 0.7
"""least Jaro-Winkler similarity of two names one character apart"""

_ROLE_RANK = {role: i for i, role in enumerate(IDENTITY_ORDER)}
_ADDRESS_FIELDS = ("live_address", "hukou_address")


def name_score(a: str, b: str) -> float:
    """4 for equal names, 3 for names one given-name character apart (same length >= 2, same surname,
    Jaro-Winkler >= NAME_MIN_SIMILARITY), else 0."""
    if not a or not b:
        return 0.0
    if a == b:
        return 4.0
    if len(a) != len(b) or len(a) < 2 or a[0] != b[0]:
        return 0.0
    if sum(1 for x, y in zip(a, b) if x != y) != 1:
        return 0.0
    return 3.0 if jellyfish.jaro_winkler_similarity(a, b) >= NAME_MIN_SIMILARITY else 0.0


def _hamming(a: str, b: str) -> int:
    if len(a) != len(b):
        return 99
    return sum(1 for x, y in zip(a, b) if x != y)


class _Features:
    """What the scored match compares of a record or a person: names, birth keys, sexes, ID, rooms."""

    __slots__ = ("names", "sexes", "ids", "rooms", "buildings")

    def __init__(self):
        self.names: set[str] = set()
        self.sexes: set[str] = set()
        self.ids: set[str] = set()
        self.rooms: set[str] = set()
        self.buildings: set[str] = set()


class _Addresses:
    """Room and building keys of address texts (district and unit left out: sources drop them)."""

    def __init__(self, parser: AddressParser | None):
        self.parser = parser
        self.cache: dict[str, tuple[str, str]] = {}

    def keys(self, text: str) -> tuple[str, str]:
        hit = self.cache.get(text)
        if hit is not None:
            return hit
        if self.parser is None:
            self.parser = _default_parser()
        p = self.parser.parse(text)
        key = house_key(p.road or p.poi, p.lane, p.number, p.building)
        building = "|".join(key) if key[0] and (key[2] or key[3]) else ""
        room = f"{building}|{clean_number(p.room)}" if building and p.room else ""
        if not building:  # not understood: the normalised text stands for the room
            room = p.normalised or text
        self.cache[text] = hit = (room, building)
        return hit


_PARSER: list[AddressParser] = []


def _default_parser() -> AddressParser:
    """One parser with the built-in gazetteer for every call (building it loads jieba's dictionary)."""
    if not _PARSER:
        _PARSER.append(AddressParser())
    return _PARSER[0]


def score(a: _Features, b: _Features) -> float:
    """Score of record features *a* against person (or record) features *b* (module docstring)."""
    best_name = max((name_score(x, y) for x in a.names for y in b.names), default=0.0)
    if best_name == 0.0:
        return 0.0
    total = best_name
    if a.rooms & b.rooms:
        total += 3.0
    elif a.buildings & b.buildings:
        total += 1.5
    if a.ids and b.ids:
        distance = min(_hamming(x, y) for x in a.ids for y in b.ids)
        total += 3.0 if distance <= 1 else 1.0 if distance == 2 else 0.0
    if a.sexes and b.sexes:
        total += 0.5 if a.sexes & b.sexes else -2.0
    return total


def _birth_keys(rec: SourceRecord) -> list[str]:
    """Block keys of a record without a valid ID: its birth date 'YYYYMMDD' (or month 'YYYYMM'), and the
    birth date its invalid number carries."""
    keys = []
    born = rec.values.get("birth_date")
    if born is not None:
        keys.append(f"{born.year:04d}{born.month:02d}{born.day:02d}" if rec.birth_precision == "day"
                    else f"{born.year:04d}{born.month:02d}")
    raw = rec.values.get("id_raw", "")
    if len(raw) == 18 and raw[6:14].isdigit() and raw[6:14] not in keys:
        keys.append(raw[6:14])
    return keys


def _births_agree(a: SourceRecord, b: SourceRecord) -> bool:
    """Some birth key of *a* equals one of *b* (a month matches the dates in it)."""
    ka, kb = set(_birth_keys(a)), set(_birth_keys(b))
    return bool(ka & kb) or any(k[:6] in kb for k in ka if len(k) == 8) or any(k[:6] in ka for k in kb if len(k) == 8)


def canonical_text(rec: SourceRecord, addresses: _Addresses | None = None) -> str:
    """'noid|' + name + '|' + birth date (ISO; YYYY-MM for a month) + '|' + the room key of its address."""
    born = rec.values.get("birth_date")
    born_text = "" if born is None else born.isoformat() if rec.birth_precision == "day" else f"{born:%Y-%m}"
    room = ""
    addresses = addresses or _Addresses(None)
    for f in _ADDRESS_FIELDS:
        text = rec.get(f)
        if text:
            room = addresses.keys(text)[0]
            break
    return f"noid|{rec.get('name', '')}|{born_text}|{room}"


def link(records: list[SourceRecord], secret: bytes, progress=None, parser: AddressParser | None = None) -> Identity:
    """Cluster *records* into persons (module docstring). *secret*: the key of the person_keys;
    *progress*: a :class:`..progress.Progress` or None; *parser*: the address parser for room keys
    (default: one with the built-in gazetteer).

    Returns an :class:`~.model.Identity`: clusters (indices into *records*) in the order of their first
    record, their person_keys, the rejects and the scored links made.
    """
    collect = gc.isenabled()
    gc.disable()  # millions of new lists: the cyclic collector would walk every record again and again
    try:
        return _link(records, secret, progress, parser)
    finally:
        if collect:
            gc.enable()


def _link(records, secret, progress, parser) -> Identity:
    n = len(records)
    by_id: dict[str, int] = {}
    clusters: list[list[int]] = []
    cluster_ids: list[str] = []
    noid: list[int] = []
    step = max(1, n // 50)
    find = by_id.get
    for i, rec in enumerate(records):
        if i % step == 0:
            check_canceled(progress)
            if progress is not None:
                progress.set_progress(60.0 * i / max(n, 1))
        number = rec.values.get("id_number")
        if number is None or rec.role == "enterprise":
            if rec.role != "enterprise":
                noid.append(i)
            continue
        if len(number) != 18 or number[17] == "x":  # not from read_source: normalise it
            number = parse_id(number)[0]
            if number is None:
                noid.append(i)
                continue
        c = find(number)
        if c is None:
            by_id[number] = c = len(clusters)
            clusters.append([i])
            cluster_ids.append(number)
        else:
            clusters[c].append(i)
    # = idnumber.person_key of each number (they are valid and canonical: no second check)
    keys = list(map(idnumber.keyed_hasher(secret), cluster_ids))
    rejects: list[Reject] = []
    matches: list[tuple[int, int, float]] = []
    if noid:
        _link_without_id(records, noid, clusters, cluster_ids, keys, rejects, matches, secret, parser, progress)
    if progress is not None:
        progress.set_progress(100.0)
    return Identity(clusters, keys, rejects, matches)


def _link_without_id(records, noid, clusters, cluster_ids, keys, rejects, matches, secret, parser, progress):
    addresses = _Addresses(parser)
    # the blocks: (birth date or month, surname, name length) of the records without ID -> those records;
    # one pass over the persons by ID finds their candidates (a name one character apart keeps both)
    wanted: dict[tuple, list[int]] = defaultdict(list)
    for i in noid:
        name = records[i].get("name", "").replace(" ", "")
        if name:
            for k in _birth_keys(records[i]):
                wanted[(k, name[0], len(name))].append(i)
    candidates: dict[int, set[int]] = defaultdict(set)
    births = {k for k, _head, _size in wanted}
    look = wanted.get
    for c, members in enumerate(clusters):
        number = cluster_ids[c]
        day, month = number[6:14], number[6:12]
        if day not in births and month not in births:
            continue
        for j in members:
            name = records[j].values.get("name")
            if not name:
                continue
            head, size = name[0], len(name)
            for hit in (look((day, head, size)), look((month, head, size))):
                if hit is not None:
                    for i in hit:
                        candidates[i].add(c)
    check_canceled(progress)
    id_members = {c: list(clusters[c]) for cs in candidates.values() for c in cs}
    features: dict[int, _Features] = {}

    def person_features(c: int) -> _Features:
        f = features.get(c)
        if f is None:
            f = features[c] = _Features()
            f.ids.add(cluster_ids[c])
            for j in id_members[c]:
                _add(f, records[j], addresses, with_address=False)
        return f

    def with_rooms(f: _Features, c: int) -> _Features:
        if not f.rooms and not f.buildings:
            for j in id_members[c]:
                _add_addresses(f, records[j], addresses)
        return f

    unmatched: list[int] = []
    ambiguous: set[int] = set()
    record_features: dict[int, _Features] = {}
    for count, i in enumerate(noid):
        if count % 1000 == 0:
            check_canceled(progress)
        rec = records[i]
        rf = record_features[i] = _Features()
        _add(rf, rec, addresses, with_address=True)
        scored = []
        for c in sorted(candidates.get(i, ())):
            pf = person_features(c)
            if max((name_score(x, y) for x in rf.names for y in pf.names), default=0.0) == 0.0:
                continue
            with_rooms(pf, c)
            s = score(rf, pf)
            if s >= THRESHOLD:
                scored.append((s, c))
        scored.sort(reverse=True)
        if scored and (len(scored) == 1 or scored[0][0] - scored[1][0] >= MARGIN):
            s, c = scored[0]
            matches.append((i, clusters[c][0], s))
            clusters[c].append(i)
        else:
            unmatched.append(i)
            if scored:
                ambiguous.add(i)
    _group_unmatched(records, unmatched, record_features, clusters, keys, rejects, matches, secret, addresses,
                     ambiguous)


def _add(f: _Features, rec: SourceRecord, addresses: _Addresses, with_address: bool) -> None:
    name = rec.get("name")
    if name:
        f.names.add(name.replace(" ", ""))
    sex = rec.get("sex")
    if sex:
        f.sexes.add(sex)
    raw = rec.values.get("id_raw")
    if raw:
        f.ids.add(raw)
    if with_address:
        _add_addresses(f, rec, addresses)


def _add_addresses(f: _Features, rec: SourceRecord, addresses: _Addresses) -> None:
    for field_name in _ADDRESS_FIELDS:
        text = rec.get(field_name)
        if text:
            room, building = addresses.keys(text)
            if room:
                f.rooms.add(room)
            if building:
                f.buildings.add(building)


def _group_unmatched(records, unmatched, record_features, clusters, keys, rejects, matches, secret, addresses,
                     ambiguous):
    """Records without a match: strong links among themselves make persons; the rest are rejected.

    *ambiguous*: records with several candidates over the threshold (they stay rejected)."""
    blocks: dict = defaultdict(list)
    for i in unmatched:
        if i in ambiguous:
            continue
        # by month, so that a source giving only the month meets the others; dates are checked below
        for k in {k[:6] for k in _birth_keys(records[i])}:
            blocks[k].append(i)
    parent = {i: i for i in unmatched}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for members in blocks.values():
        for a_pos, a in enumerate(members):
            for b in members[a_pos + 1:]:
                if records[a].source == records[b].source or not _births_agree(records[a], records[b]):
                    continue  # one source lists a person once (exact copies are rejected before)
                s = score(record_features[a], record_features[b])
                if s >= STRONG and find(a) != find(b):
                    parent[find(a)] = find(b)
                    matches.append((a, b, s))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in unmatched:
        groups[find(i)].append(i)
    for members in groups.values():
        if len(members) < 2:
            i = members[0]
            rec = records[i]
            reason = "invalid_id_unmatched" if rec.id_status == "invalid" else "missing_id_unmatched"
            detail = ("several persons match as well: not linked" if i in ambiguous
                      else "no person with a matching name, birth date and address")
            rejects.append(Reject(rec.source, rec.row, reason, detail))
            continue
        members.sort()
        canonical = min(members, key=lambda j: (_ROLE_RANK.get(records[j].role, 99), records[j].source, records[j].row))
        clusters.append(members)
        keys.append(idnumber.keyed_hash(canonical_text(records[canonical], addresses), secret))
