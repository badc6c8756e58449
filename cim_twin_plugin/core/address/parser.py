"""Chinese address parser: jieba segmentation on the gazetteer, then rules.

Steps for one address (after :func:`normalise.normalise`), each one told in full next to its code:

A. **Divisions** (:func:`.head.read_divisions`): the leading division names and aliases of the
   gazetteer (浙江省, 杭州, 浦东新区), top down, each one within the ones before it.
B. **Street and community** without a gazetteer entry (:func:`.head.read_street_community`):
   names ending in 街道/镇/乡, then in 居委会/村委会/社区.
C. **Road** (:func:`.head.read_road`): a gazetteer road, else the first name with a road suffix
   before the first house number; a POI or village in front of it is kept apart.
D. **Numbers** after the road (:func:`.numbers.read_numbers`), one unit at a time: 弄/号/幢/单元/层/室
   and the like; bare numbers and dash forms by position; other text becomes ``poi`` or ``rest``.
E. **Inference** (:meth:`AddressParser._infer`): a missing district from a gazetteer road known in
   one district only; missing upper levels from the lowest division found.

Steps A-C read only the text before the first house number: their result is cached per head.  The
regular expressions and word sets are in :mod:`.patterns`; the building and room keys in :mod:`.keys`
(their functions can be imported from here too).

Parse status: ``ok`` (road or POI, house number and room), ``partial`` (which
of them are missing in ``missing``) or ``failed`` (``reason_code``: empty,
too_long, no_elements).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import LEVEL_RANK, TOWN_PREFIX, Gazetteer
from .head import State, read_divisions, read_road, read_street_community
from .keys import clean_number, house_key, is_house, is_range, make_building_key, make_room_key
from .normalise import extract, normalise
from .numbers import read_numbers
from .patterns import CJK, FIRST_NUMBER, THIS_CITY
from .tagger import to_fields, tokens

__all__ = ["ParsedAddress", "AddressParser", "FIELDS", "MAX_LENGTH", "clean_number", "house_key", "is_house",
           "make_building_key", "make_room_key", "is_range"]

FIELDS = ("province", "city", "district", "street", "community", "road", "lane", "number", "building",
          "unit", "floor", "room", "poi", "rest", "note")
_LONG_CHAIN = re.compile(r"\d+(?:-\d+){4,}")
"""more than four numbers in a chain (1-1-1-1-1): partial, reason long_chain"""
MAX_LENGTH = 300
"""Longer texts are not addresses (reason_code 'too_long')."""

_TAGGED = ("street", "community", "road", "lane", "number", "building", "unit", "floor", "room", "poi", "rest")
"""the fields a tagger decides"""


@dataclass
class ParsedAddress:
    """One parsed address: the fields, where they came from, the parse status and the keys."""

    text: str = ""
    """the address as given"""
    normalised: str = ""
    """the text after normalisation (half-width, Arabic numerals, simplified, no blanks)"""
    province: str = ""
    city: str = ""
    district: str = ""
    street: str = ""
    """街道/镇/乡"""
    community: str = ""
    """居委会/村委会/社区/村"""
    road: str = ""
    lane: str = ""
    """弄/巷 number"""
    number: str = ""
    """号 (house number on the road, or in the lane); 12-3 for 12之3/12-3"""
    building: str = ""
    """幢/栋/座 (or 号楼 when a 号 is already given)"""
    unit: str = ""
    floor: str = ""
    room: str = ""
    poi: str = ""
    """小区/大厦/园区 ... name"""
    rest: str = ""
    """text that was not understood"""
    district_code: str = ""
    """code of the lowest division recognised ('' if none or ambiguous; a built-in town, which has no
    code here, gives its district's)"""
    inferred: tuple[str, ...] = ()
    """fields filled by inference, not read in the text"""
    inferred_from: tuple[str, ...] = ()
    """for each inferred field, ``field:source``: what it was inferred from (``district:road`` a road known
    in one district, ``district:default_region``, ``province:district`` the upper levels of a division)"""
    candidates: tuple[str, ...] = ()
    """for reason ambiguous_district: the divisions the district name may be (上海市普陀区, 浙江省舟山市普陀区)"""
    status: str = "failed"
    """ok / partial / failed"""
    reason_code: str = ""
    """failed: empty, too_long, no_chinese, no_place, no_elements; partial: missing"""
    missing: tuple[str, ...] = ()
    """for partial: which of road, number, room are missing"""
    note: str = ""
    """the notes in brackets (（近地铁站）, (11楼)), read apart: they never change a number"""
    warnings: tuple[str, ...] = ()
    """what was taken out of the text: ``phone`` (a phone number, removed and never kept in any field)"""

    @property
    def reason(self) -> str:
        """The reason in plain English ('' when ok)."""
        extra = "; ".join({"phone": "phone number removed"}.get(w, w) for w in self.warnings)
        if self.status == "ok":
            return extra
        if extra:
            return self._base_reason() + "; " + extra
        return self._base_reason()

    def _base_reason(self) -> str:
        if self.reason_code == "missing":
            return "missing: " + ", ".join(self.missing)
        if self.reason_code == "ambiguous_district":
            return "ambiguous district: " + " / ".join(self.candidates)
        return {"empty": "empty address", "too_long": f"longer than {MAX_LENGTH} characters",
                "no_elements": "no place name or house number found",
                "no_place": "numbers only: no road, POI or division name",
                "no_chinese": "no Chinese characters: not a Chinese address (English or pinyin?)",
                "long_chain": "more than four numbers in a row (1-1-1-1-1): which is which is unknown",
                }.get(self.reason_code, self.reason_code)

    @property
    def building_key(self) -> str:
        return make_building_key(self.district, self.road or self.poi, self.lane, self.number, self.building)

    @property
    def room_key(self) -> str:
        return make_room_key(self.building_key, self.unit, self.room)

    def as_dict(self) -> dict[str, str]:
        """The fields plus keys and status as a dict of strings."""
        out = {name: getattr(self, name) for name in FIELDS}
        out.update(building_key=self.building_key, room_key=self.room_key, status=self.status,
                   reason=self.reason, inferred=",".join(self.inferred),
                   inferred_from=",".join(self.inferred_from), candidates=",".join(self.candidates),
                   warnings=",".join(self.warnings))
        return out


class AddressParser:
    """Parses addresses with a gazetteer (the built-in one by default).

    The parser caches results per text (government tables repeat addresses);
    ``cache_size`` bounds the cache.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, cache_size: int = 200_000, tagger=None,
                 default_region: str | None = None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.builtin()
        self.default_region = self.gazetteer.region_code(default_region) if default_region \
            else self.gazetteer.default_region
        """code of the region an ambiguous district (普陀区) is read in ('' = it stays ambiguous); by default
        the gazetteer's :attr:`.Gazetteer.default_region`"""
        self.tagger = tagger
        """an optional :class:`.tagger.AddressTagger` (a model trained on labelled addresses): it decides
        the fields from street to room; divisions and codes stay with the gazetteer"""
        self.tokenizer = self.gazetteer.tokenizer()
        self.cache_size = cache_size
        self._cache: dict[str, ParsedAddress] = {}
        self._heads: dict[str, tuple[State, int]] = {}

    def parse(self, text: object, default_region: str | None = None) -> ParsedAddress:
        """Parse one address (None, NULL and blanks give status failed, reason empty).

        *default_region* (a division name or code) overrides the parser's for this address: an ambiguous
        district name (普陀区 without its city) is read inside it; without one it stays ambiguous
        (status partial, reason ambiguous_district, :attr:`ParsedAddress.candidates`).
        """
        raw = "" if text is None else str(text)
        region = self.default_region if default_region is None else self.gazetteer.region_code(default_region)
        key = raw if region == self.default_region else (raw, region)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._parse(raw, region)
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            self._cache[key] = cached
        copy = object.__new__(ParsedAddress)  # a copy of the cached parse (its fields are text and tuples)
        copy.__dict__.update(cached.__dict__)
        return copy

    # -- the steps --------------------------------------------------------------------------
    def _parse(self, raw: str, region: str = "") -> ParsedAddress:
        result = ParsedAddress(text=raw)
        if len(raw) > MAX_LENGTH:
            result.reason_code = "too_long"
            return result
        taken = extract(raw, self._starts_with_place)
        s = normalise(taken.text)
        result.normalised = s
        result.note = "；".join(normalise(n) for n in taken.notes)
        if taken.phone:
            result.warnings = ("phone",)
        if not s:
            result.reason_code = "empty"
            return result
        if not CJK.search(s):
            result.reason_code = "no_chinese" if re.search("[A-Z]", s) else "no_place"
            return result
        s = THIS_CITY.sub("", s)
        first_number = FIRST_NUMBER.search(s)
        limit = first_number.start() if first_number else len(s)
        head = s[:limit]
        cached = self._heads.get(head)
        if cached is None:
            # steps A-C read only the text before the first house number: cache them per head
            state = State()
            tokens = list(self.tokenizer.cut(head, HMM=False))
            pos = read_divisions(self.gazetteer, head, tokens, state)
            pos = read_street_community(head, pos, state)
            pos = read_road(self.gazetteer, head, tokens, pos, state)
            if len(self._heads) >= self.cache_size:
                self._heads.clear()
            self._heads[head] = cached = (state, pos)
        head_state, pos = cached
        state = State(dict(head_state.fields), set(head_state.inferred), head_state.code, head_state.candidates)
        read_numbers(s, pos, state.fields)
        if taken.metro:  # 地铁2号线: a POI (the line), not building 2
            metro = "".join(normalise(m) for m in taken.metro)
            key = "rest" if state.fields.get("poi") else "poi"
            state.fields[key] = state.fields.get(key, "") + metro
        long_chain = _LONG_CHAIN.search(s)
        sources = self._infer(state, region)
        for name, value in state.fields.items():
            setattr(result, name, value)
        code = state.code
        if code.startswith(TOWN_PREFIX):  # a built-in town has no code of its own: give its district's
            code = self.gazetteer.divisions[code].parent
        result.district_code = code
        result.inferred = tuple(f for f in FIELDS if f in state.inferred)
        result.inferred_from = tuple(f"{f}:{sources[f]}" for f in FIELDS if f in sources)
        if state.candidates:
            result.candidates = tuple(self._full_name(c) for c in state.candidates)
        if self.tagger is not None:
            self._apply_tagger(result)
        self._status(result)
        if long_chain and result.status != "failed":
            result.status, result.reason_code = "partial", "long_chain"
        return result

    def _starts_with_place(self, text: str) -> bool:
        """True if a division name (or alias) starts *text* (收货人张三上海市...: where the name ends)."""
        names = self.gazetteer.names
        return any(text[:n] in names for n in (2, 3, 4))

    def _full_name(self, code: str) -> str:
        """上海市普陀区, 浙江省舟山市普陀区: the names of a division and its ancestors (a municipality once)."""
        names: list[str] = []
        for division in reversed(self.gazetteer.chain(code).values()):
            if not names or names[-1] != division.name:
                names.append(division.name)
        return "".join(names)

    def _apply_tagger(self, result: ParsedAddress) -> None:
        """Take the fields from street to room from the tagger (the rules' parse is one of its features)."""
        toks = tokens(result.text)
        fields = to_fields(toks, self.tagger.tag(toks, self, result))
        for name in _TAGGED:
            setattr(result, name, fields.get(name, ""))

    def _infer(self, state: State, region: str = "") -> dict[str, str]:
        """Step E: a district from a road known in one district only; an ambiguous district from such a
        road (a road of the user's gazetteer) or the default *region*; the upper levels of the code.

        Returns field -> what it was inferred from (road, default_region, or the level it was read up from).
        """
        gaz = self.gazetteer
        f = state.fields
        sources: dict[str, str] = {}
        road_districts = {d for d in gaz.roads.get(f.get("road", ""), ()) if d}
        if not f.get("district") and road_districts:
            districts = road_districts
            if state.code:
                districts = {d for d in districts if gaz.is_within(d, state.code)}
            if len(districts) == 1:
                state.code = districts.pop()
                sources["district"] = "road"
        if state.candidates:
            for source, within in (("road", road_districts), ("default_region", {region} if region else set())):
                chosen = {c for c in state.candidates if any(gaz.is_within(d, c) or gaz.is_within(c, d)
                                                             for d in within)}
                if 1 < len(chosen) < len(state.candidates):
                    state.candidates = tuple(sorted(chosen))  # 鼓楼区 in 江苏省: 南京 or 徐州
                if len(chosen) == 1:
                    state.code, state.candidates = chosen.pop(), ()
                    level = gaz.divisions[state.code].level
                    sources[level] = source  # the name was read; which division it is was inferred
                    break
        if state.code:
            chain = gaz.chain(state.code)
            lowest = min(chain, key=lambda level: -LEVEL_RANK[level])
            for level, division in chain.items():
                if not f.get(level):
                    f[level] = division.name
                    state.inferred.add(level)
                    sources.setdefault(level, lowest)
        return sources

    @staticmethod
    def _status(result: ParsedAddress) -> None:
        place = result.road or result.poi
        house = result.number or result.building
        named = place or result.district or result.city or result.province or result.street or result.community
        if not named:
            result.status, result.reason_code = "failed", "no_place" if (house or result.room) else "no_elements"
            return
        missing = tuple(name for name, ok in (("road", place), ("number", house), ("room", result.room)) if not ok)
        if result.candidates:
            result.status, result.reason_code, result.missing = "partial", "ambiguous_district", missing
        elif missing:
            result.status, result.reason_code, result.missing = "partial", "missing", missing
        else:
            result.status, result.reason_code = "ok", ""
