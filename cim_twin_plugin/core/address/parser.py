"""Chinese address parser: jieba segmentation on the gazetteer, then rules.

Steps for one address (after :func:`normalise.normalise`):

A. **Divisions.**  The jieba tokenizer of the gazetteer cuts the text; the
   leading tokens that are division names or aliases (浙江省, 杭州, 浦东新区)
   are taken top down, each one checked against the ones before it (a district
   must lie in the city already read).  An alias followed by a road suffix is a
   road (黄岩路), not a division.  Municipalities read as city level (NAACL
   tags 上海市 as city); the province is then inferred.  A street/town is read
   only after its district or city, and without its suffix only before a road
   (柳市大兴东路 = 柳市镇 + 大兴东路); one of a neighbouring district of the same
   city is a town written under the district it belonged to (江干区下沙).
B. **Street and community** without a gazetteer entry: a short name ending in
   街道/镇/乡, then one ending in 居委会/村委会/社区 (or 村 right after a town).
C. **Road**: a gazetteer road if one occurs, else the first name ending in
   路/街/大道/大街/公路/国道/省道/巷/弄 before the first house number; a POI-like
   name in front of it (…工业区, …广场, …小区) is cut off and kept as ``poi``, a
   village of the district written without 村 (勾庄逸盛路) as ``community``.
D. **Numbers** after the road, one unit at a time: 弄/巷 (lane), 号 (number; 号楼
   after a lane is the lane's house number), 幢/栋/座 and a row N排 (building), 单元 (unit),
   层/楼 (floor), 室/户/号房 (room), a market aisle N街 (unit); bare numbers and
   dash forms by position
   (``12号1203`` room 1203, ``68-8-1202`` building-unit-room).  A numbered part
   of an estate (下湾4区, 2期, 7组团) stays in the POI's name; a 号 read as the
   house of a POI is its door number when a 幢/栋/座 follows (工业园112号3幢);
   a block letter before a room is the building (A2292); a 号 in a market is a
   stall, i.e. a room (综合市场55号), and 铺/档/房 are room words.  12F is a floor,
   a stair (2梯) and a gate (8号门, not 74号门面) are neither; after a floor or unit a number is a
   room; a last number of four digits or more after an estate is a room (文华小区3115号).  Other text
   becomes ``poi`` (first) or ``rest``.
E. **Inference**: a missing district from a gazetteer road known in one
   district only; missing upper levels from the lowest division found.

Parse status: ``ok`` (road or POI, house number and room), ``partial`` (which
of them are missing in ``missing``) or ``failed`` (``reason_code``: empty,
too_long, no_elements).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import LEVEL_RANK, TOWN_PREFIX, Division, Gazetteer
from .normalise import ROOM_WORDS, normalise
from .tagger import to_fields, tokens

__all__ = ["ParsedAddress", "AddressParser", "FIELDS", "MAX_LENGTH", "clean_number", "house_key", "is_house",
           "make_building_key", "make_room_key", "is_range"]

FIELDS = ("province", "city", "district", "street", "community", "road", "lane", "number", "building",
          "unit", "floor", "room", "poi", "rest")
MAX_LENGTH = 300
"""Longer texts are not addresses (reason_code 'too_long')."""

_TAGGED = ("street", "community", "road", "lane", "number", "building", "unit", "floor", "room", "poi", "rest")
"""the fields a tagger decides"""
_MUNICIPALITIES = ("110000", "120000", "310000", "500000")
_NOT_AFTER_ALIAS = re.compile(r"[东西南北中]?(?:路|街|巷|弄|大道|大街|公路|道)|镇|乡|村")
_OWN_SUFFIX = re.compile(r"省|市|区|县")
_STREET = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:街道|镇|乡))(?![路街巷弄道])")
_COMMUNITY = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:居民委员会|村民委员会|居委会|村委会|社区|村))(?![路街巷弄道委])")
_ROAD_SUFFIX = re.compile(
    r"(?:大道|大街|公路|国道|省道|县道|乡道|路(?![口边旁])|街(?![道区坊口])|巷(?![口])|弄(?![堂口])"
    r"|(?<=[一二三四五六七八九十])组(?!团))"  # 村民小组 (六组): the road level of a village
    r"(?!街道|[东西南北中]?(?:路|大道|大街))"  # 金川路街道 is a street; 郑巷北路 one road
)
_BOUNDARY = re.compile(r"工业区|开发区|园区|小区|新村|市场|广场|大厦|花园|中心|公司|家园|[区园城场厦苑镇乡村]")
"""a place name that ends here is a zone, estate or village in front of a road (…工业区曹园路)"""
_NUMBERED_ROAD = r"(?:大街|大道|路(?![口边旁])|街(?![道区坊口]))"
"""after N号: a numbered road (下沙4号大街), not a house number"""
_FIRST_NUMBER = re.compile(rf"[A-Z]?\d+[A-Z]?(?:弄|号(?!{_NUMBERED_ROAD})|幢|栋|单元|层|楼|室|户|座|-)")
_ROAD_NUMBER = re.compile(r"\d+号$")
_ROAD_AHEAD = re.compile(r"(?!街道|镇|乡)[^\d\-区园场城村镇乡]{2,6}?(?:大道|大街|公路|路|街|巷)")
_GROUP_NUMERAL = re.compile(r"[一二三四五六七八九十]+$")
_TOWN_IN_ROAD = re.compile(r"(.*?[\u4e00-\u9fff]{2}(?:街道|办事处|镇|乡))(?=[^\d]{2})")
_VILLAGE_END = ("村", "村委会", "村民委员会")
_NAMED_GROUP = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:村民小组|村民组|居民组|组)(?![长员团])")
"""a named village group after its village (双溪组, 汪庄村民组); not a 组长, 组员 or 组团 (a cluster of buildings)"""
_ORDINAL = re.compile(r"[东西南北中环一二三四五六七八九十\d]+")
_LANDMARK = frozenset("山门寺桥湖江河塘港湾岭岙溪浦泾口")
"""a road name starting with one of these goes with the name before it (天目山西路, 太平门直街)"""
_SHORT_ROAD = re.compile(r".?(?:大道|大街|路|街)")
_NUM = r"(?:[A-Z]?\d+(?:[A-Z](?![A-Z]))?|[A-Z]|[甲乙丙丁]\d*)"
_TAIL = re.compile(
    # 8号门 (a gate, not 74号门面: the shop front of No. 74), 4号库, 33号地块 (a store, a plot): not a house
    rf"(?P<gate>{_NUM}号(?:门(?![面诊卫市口])|库|仓|地块|厂房))"
    rf"|(?P<stair>{_NUM}梯)"
    r"|(?P<distance>\d+(?:米|公里))"
    r"|(?P<cluster>\d+组团)"
    r"|(?P<zone>[A-Z]?\d+[A-Z]?(?:区|期)(?![域块]))"
    r"|(?P<group>\d+(?:组(?!团)|队|社))"
    rf"|(?P<lane>{_NUM})(?:弄|巷)"
    rf"|(?P<haolou>{_NUM}(?:-{_NUM})?)号楼"
    rf"|(?P<room>{_NUM})(?:{'|'.join(ROOM_WORDS)})"
    rf"|(?P<hao>{_NUM}(?:-\d+)?)号"
    rf"|(?P<building>{_NUM}(?:-{_NUM})?)(?:幢|栋|座)楼?"  # 2-8栋, A-6栋: one building; 3栋楼, A幢楼
    rf"|(?P<row>{_NUM})排(?=[A-Z]?\d)"  # 4排9号: a row of houses (or of stalls) and its door
    rf"|(?P<unit>{_NUM}|[东西南北中])单元"
    r"|(?P<floor>-?\d+|B\d+|负\d+|地下\d+)(?:层|楼|F(?![A-Z]))"
    r"|(?P<aisle>\d+)街(?=[A-Z]?\d)"
    r"|(?P<lbuilding>[A-Z]\d*[A-Z]?|\d+[A-Z])楼"
    rf"|(?P<bare>(?:[A-Z]?\d+(?:[A-Z](?![A-Z]))?|[A-Z](?=-\d))(?:-{_NUM})*)"
)
_UNIT_CHARS = frozenset("弄巷号室户幢栋座单层楼")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_THIS_CITY = re.compile(r"^(?:本市|本区|中国|中华人民共和国)")
_TEXT = re.compile(r"(?:[A-Z]+(?![0-9A-Z])(?!座|栋|幢|单元|楼|-\d)|(?![东西南北中]单元)[^0-9A-Z\-])+|-|[A-Z]+")
_BUILDING_POI = re.compile(r"(?:大厦|中心|广场|大楼|公寓|写字楼|商城|市场|商场|酒店|宾馆|[城楼寓馆店])$")
_ESTATE = re.compile(r"[区园苑城寓厦场楼府院庭居湾墅舍馆坊期座心]")
"""last character of a POI that is an estate, park or building (its 号 is a house, not a road number)"""
_MARKET = re.compile(r"(?:市场|商场|商城|贸城|配城|鞋城|衫城|革城|装城)(?:[A-Z\d一二三四五六七八九十]*区)?[东西南北]?$")
"""a market or shopping town (its 号 is a stall, a room: 综合市场55号, 汽配城1550号, 鞋料市场C区569号)"""
_LETTERED = re.compile(r"([A-Z])(\d{3,})")
"""a block letter and a room (A2292)"""
_DIGIT = re.compile(r"\d")
_LONG_NUMBER = re.compile(r"\d{4,}")
"""a last number this long after an estate is a room (文华小区3115号, 国际商贸城四区44604), not a house"""
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def is_range(parts: list[str], short: bool = False) -> bool:
    """807-811: two numbers of three digits or more, the same length, the second a little larger.

    *short*: numbers of any length (the stalls of a market: 32-38号, 5-10号).
    """
    return (len(parts) == 2 and all(p.isdigit() for p in parts)
            and (short or len(parts[0]) == len(parts[1]) >= 3) and 0 < int(parts[1]) - int(parts[0]) <= 20)


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
    status: str = "failed"
    """ok / partial / failed"""
    reason_code: str = ""
    """failed: empty, too_long, no_chinese, no_place, no_elements; partial: missing"""
    missing: tuple[str, ...] = ()
    """for partial: which of road, number, room are missing"""

    @property
    def reason(self) -> str:
        """The reason in plain English ('' when ok)."""
        if self.status == "ok":
            return ""
        if self.reason_code == "missing":
            return "missing: " + ", ".join(self.missing)
        return {"empty": "empty address", "too_long": f"longer than {MAX_LENGTH} characters",
                "no_elements": "no place name or house number found",
                "no_place": "numbers only: no road, POI or division name",
                "no_chinese": "no Chinese characters: not a Chinese address (English or pinyin?)",
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
                   reason=self.reason, inferred=",".join(self.inferred))
        return out


def clean_number(value: str) -> str:
    """A house number as keys compare it: leading zeros off each dash part (01-02 -> 1-2)."""
    return "-".join(_LEADING_ZEROS.sub("", part) for part in value.split("-")) if value else ""


def house_key(road: str, lane: str, number: str, building: str) -> tuple[str, str, str, str]:
    """(road, lane, number, building) as one building's spellings share them, numbers cleaned.

    In a lane, a house given only as 幢/栋 is the lane's number (47弄2栋 = 47弄2号).
    """
    lane, number, building = clean_number(lane), clean_number(number), clean_number(building)
    if lane and not number and building:
        number, building = building, ""
    return road, lane, number, building


def is_house(key: tuple[str, str, str, str]) -> bool:
    """A :func:`house_key` that names a building: a road (or POI) and a number or building."""
    return bool(key[0]) and bool(key[2] or key[3])


def make_building_key(district: str, road: str, lane: str, number: str, building: str) -> str:
    """district|road|lane|number|building (see :func:`house_key`), shared by the spellings of one building.

    Empty when there is no road (or POI) or no number/building.
    """
    key = house_key(road, lane, number, building)
    if not is_house(key):
        return ""
    return "|".join((district, *key))


def make_room_key(building_key: str, unit: str, room: str) -> str:
    """building_key|unit|room (empty without a building key or a room)."""
    room = clean_number(room)
    if not building_key or not room:
        return ""
    return f"{building_key}|{clean_number(unit)}|{room}"


@dataclass
class _State:
    fields: dict[str, str] = field(default_factory=dict)
    inferred: set[str] = field(default_factory=set)
    code: str = ""


class AddressParser:
    """Parses addresses with a gazetteer (the built-in one by default).

    The parser caches results per text (government tables repeat addresses);
    ``cache_size`` bounds the cache.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, cache_size: int = 200_000, tagger=None):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.builtin()
        self.tagger = tagger
        """an optional :class:`.tagger.AddressTagger` (a model trained on labelled addresses): it decides
        the fields from street to room; divisions and codes stay with the gazetteer"""
        self.tokenizer = self.gazetteer.tokenizer()
        self.cache_size = cache_size
        self._cache: dict[str, ParsedAddress] = {}
        self._heads: dict[str, tuple[_State, int]] = {}

    def parse(self, text: object) -> ParsedAddress:
        """Parse one address (None, NULL and blanks give status failed, reason empty)."""
        raw = "" if text is None else str(text)
        cached = self._cache.get(raw)
        if cached is not None:
            return ParsedAddress(**cached.__dict__)
        result = self._parse(raw)
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[raw] = result
        return ParsedAddress(**result.__dict__)

    # -- the steps --------------------------------------------------------------------------
    def _parse(self, raw: str) -> ParsedAddress:
        result = ParsedAddress(text=raw)
        if len(raw) > MAX_LENGTH:
            result.reason_code = "too_long"
            return result
        s = normalise(raw)
        result.normalised = s
        if not s:
            result.reason_code = "empty"
            return result
        if not _CJK.search(s):
            result.reason_code = "no_chinese" if re.search("[A-Z]", s) else "no_place"
            return result
        s = _THIS_CITY.sub("", s)
        first_number = _FIRST_NUMBER.search(s)
        limit = first_number.start() if first_number else len(s)
        head = s[:limit]
        cached = self._heads.get(head)
        if cached is None:
            # steps A-C read only the text before the first house number: cache them per head
            state = _State()
            tokens = list(self.tokenizer.cut(head, HMM=False))
            pos = self._divisions(head, tokens, state)
            pos = self._street_community(head, pos, state)
            pos = self._road(head, tokens, pos, state)
            if len(self._heads) >= self.cache_size:
                self._heads.clear()
            self._heads[head] = cached = (state, pos)
        head_state, pos = cached
        state = _State(dict(head_state.fields), set(head_state.inferred), head_state.code)
        self._tail(s, pos, state)
        self._infer(state)
        for name, value in state.fields.items():
            setattr(result, name, value)
        code = state.code
        if code.startswith(TOWN_PREFIX):  # a built-in town has no code of its own: give its district's
            code = self.gazetteer.divisions[code].parent
        result.district_code = code
        result.inferred = tuple(f for f in FIELDS if f in state.inferred)
        if self.tagger is not None:
            self._apply_tagger(result)
        self._status(result)
        return result

    def _apply_tagger(self, result: ParsedAddress) -> None:
        """Take the fields from street to room from the tagger (the rules' parse is one of its features)."""
        toks = tokens(result.text)
        fields = to_fields(toks, self.tagger.tag(toks, self, result))
        for name in _TAGGED:
            setattr(result, name, fields.get(name, ""))

    def _divisions(self, s: str, tokens: list[str], state: _State) -> int:
        gaz = self.gazetteer
        pos = 0
        last: Division | None = None
        skip_suffix = False
        for token in tokens:
            if skip_suffix:
                skip_suffix = False
                if token in "省市区县":
                    pos += 1
                    continue
            if token in ("-", "市辖区"):
                pos += len(token)  # 浙江省-杭州-下城区, 上海市市辖区黄浦区
                continue
            if token in gaz.roads or token in gaz.pois:
                break
            candidates = gaz.lookup(token)
            if not candidates:
                break
            after = pos + len(token)
            if any(d.level == "street" for d, _ in candidates):
                # a town needs its district before it; without its suffix (柳市大兴东路), a road right after it
                town_ok = last is not None and last.level in ("district", "city")
                road_ahead = town_ok and bool(_ROAD_AHEAD.match(s, after))
                candidates = [(d, is_alias) for d, is_alias in candidates
                              if d.level != "street" or (town_ok and (road_ahead or not is_alias))]
                if not candidates:
                    break
            alias_only = all(is_alias for _, is_alias in candidates)
            if alias_only and (_NOT_AFTER_ALIAS.match(s, after) or _SHORT_ROAD.match(s, after)) \
                    and not self._name_at(s, after):
                break  # 黄岩路 is a road, 龙山镇 a town (but 台州路桥区 is 台州 + 路桥区)
            rank = LEVEL_RANK[last.level] if last else -1
            fitting = [d for d, _ in candidates if LEVEL_RANK[d.level] > rank
                       and (last is None or gaz.is_within(d.code, last.code))]
            if not fitting and last is not None and last.level == "district" and "street" not in state.fields:
                # a town written under the district it belonged to before a split (余杭区临平, 江干区下沙):
                # one town of that name in the same city; the district's code is kept
                siblings = {d.name for d, _ in candidates if d.level == "street" and d.parent != last.code
                            and gaz.is_within(d.code, last.parent)}
                if len(siblings) == 1:
                    state.fields["street"] = siblings.pop()
                    pos += len(token)
                    continue
            if not fitting:
                if last is not None and any(d.code == last.code or gaz.is_within(last.code, d.code)
                                            for d, _ in candidates) \
                        and not (alias_only and _SHORT_ROAD.match(s, after)):  # 象山县…象山港路
                    pos += len(token)  # a repeated upper level (浙江省杭州市浙江省): skip it
                    continue
                break
            best_rank = min(LEVEL_RANK[d.level] for d in fitting)
            fitting = [d for d in fitting if LEVEL_RANK[d.level] == best_rank]
            chosen = fitting[0]
            if chosen.level == "province" and chosen.code in _MUNICIPALITIES:
                city = gaz.divisions.get(chosen.code[:2] + "0100")
                if city is not None:
                    chosen = city
            if len({d.code for d in fitting}) > 1:
                # same name in several places (朝阳区): keep the name, not the code
                state.fields[chosen.level] = chosen.name
                pos += len(token)
                continue
            state.fields[chosen.level] = chosen.name
            state.code = chosen.code
            last = chosen
            pos += len(token)
            if alias_only and _OWN_SUFFIX.match(s, pos):
                skip_suffix = True  # 富阳市 read as alias 富阳 + 市 (the old county-level city)
        return pos

    def _name_at(self, s: str, pos: int) -> bool:
        """True if a full division name starts at *pos*."""
        names = self.gazetteer.names
        return any(any(not alias for _, alias in names.get(s[pos:pos + n], ())) for n in range(2, 8))

    def _street_community(self, s: str, pos: int, state: _State) -> int:
        if "street" not in state.fields:
            match = _STREET.match(s, pos)
            if match and not _ROAD_SUFFIX.search(match.group(1)) and not any(c.isdigit() for c in match.group(1)):
                state.fields["street"] = match.group(1)
                pos = match.end()
        if "community" not in state.fields:
            match = _COMMUNITY.match(s, pos)
            if match and not _ROAD_SUFFIX.search(match.group(1)) and not any(c.isdigit() for c in match.group(1)):
                name = match.group(1)
                if not name.endswith("村") or ("street" in state.fields and state.fields["street"]):
                    state.fields["community"] = name
                    pos = match.end()
        return pos

    def _road(self, s: str, tokens: list[str], pos: int, state: _State) -> int:
        limit = len(s)
        if state.fields.get("community", "").endswith(_VILLAGE_END):
            group = _NAMED_GROUP.match(s, pos)
            if group:
                state.fields["road"] = group.group()  # 集贤村双溪组: a village group is the road level
                return group.end()
        # C1: a gazetteer road (or POI) in the tokens
        roads, pois = self.gazetteer.roads, self.gazetteer.pois
        if roads or pois:
            offset = 0
            for token in tokens:
                start, offset = offset, offset + len(token)
                if start < pos:
                    continue
                if start >= limit:
                    break
                if token in roads:
                    if start > pos:
                        state.fields.setdefault("poi", s[pos:start])
                    state.fields["road"] = token
                    return offset
                if token in pois and "poi" not in state.fields:
                    state.fields["poi"] = token
        # C2: a name ending in a road suffix
        for match in _ROAD_SUFFIX.finditer(s, pos, limit):
            start = max(pos, match.start() - 8)
            if match.start() <= start:
                continue
            head = s[start:match.start()]
            cut = self._zone_end(head)
            if cut:
                start += cut
                head = s[start:match.start()]
            group = _GROUP_NUMERAL.search(head) if match.group() == "组" else None
            if group:
                start += group.start()  # 永西六组: the group is 六组
                head = s[start:match.start()]
            numbered = _ROAD_NUMBER.search(head)
            if numbered:
                start += numbered.start()  # 下沙4号大街: the road is 4号大街
                head = s[start:match.start()]
            elif head[0].isdigit() and match.group() not in ("国道", "省道", "县道", "乡道"):
                continue
            if match.group() == "弄" and head[-1].isdigit():
                continue
            town = _TOWN_IN_ROAD.match(head)
            if town and "street" not in state.fields:
                state.fields["street"] = town.group(1)  # 开发区下沙街道盛安路: the street is not part of the road
                start += town.end()
                head = s[start:match.start()]
            cut = self._village_end(head, state)
            if cut:
                if start == pos and "community" not in state.fields:
                    state.fields["community"] = head[:cut]  # a village of the district: the community level
                    pos += cut
                start += cut
                head = s[start:match.start()]
            if start > pos and "poi" not in state.fields:
                state.fields["poi"] = s[pos:start]
            elif start > pos:
                state.fields["rest"] = state.fields.get("rest", "") + s[pos:start]
            state.fields["road"] = s[start:match.end()]
            return match.end()
        return pos

    def _village_end(self, head: str, state: _State) -> int:
        """Length of a village name without 村 at the start of *head*, in front of a road (前仓花园路: 2), or 0.

        Only the villages of the district (or else the city) already read count, and what is left must
        still be a road name: two characters or more besides a direction at its end, not only directions and
        numerals (小河东二路), not starting like a landmark (天目山西路, 太平门直街 stay whole).
        """
        if len(head) < 4 or not state.code:
            return 0
        names = self.gazetteer.villages(state.code)
        for n in (4, 3, 2):
            if head[:n] in names:
                stem = head[n:].rstrip("东西南北中")
                if len(stem) >= 2 and not _ORDINAL.fullmatch(stem) and stem[0] not in _LANDMARK:
                    return n
        return 0

    @staticmethod
    def _zone_end(head: str) -> int:
        """Where the road name starts in *head* (0: all of it), after the last zone in front of it.

        The road keeps at least two characters that are not all directions: 西城工业区曹园路 -> 曹园路
        (not the 园 of 曹园), 经济开发区中心大道 -> 中心大道.
        """
        ends = [m.end() for m in _BOUNDARY.finditer(head, 0, len(head) - 2)]
        for end in reversed(ends):
            if head[end:].strip("东西南北中"):
                return end
        return 0

    def _tail(self, s: str, pos: int, state: _State) -> None:
        f = state.fields
        rest = [f["rest"]] if f.get("rest") else []
        end = len(s)
        in_poi = False  # a POI named after the road, before any number: the numbers are the POI's
        door = False  # the building was read from a 号 after a POI: a 幢/栋/座 after it shows it was the door
        while pos < end:
            match = _TAIL.match(s, pos)
            if match is None or match.end() == pos:
                text = _TEXT.match(s, pos)
                chunk = text.group() if text else s[pos]
                pos += len(chunk)
                if chunk == "-":
                    continue
                road_match = None
                if "road" not in f and not any(k in f for k in ("lane", "number", "building")):
                    road_match = _ROAD_SUFFIX.search(chunk)
                if road_match and road_match.start() >= 2:
                    f["road"] = chunk[:road_match.end()]
                    leftover = chunk[road_match.end():]
                    if leftover:
                        rest.append(leftover)
                elif "poi" not in f and not any(k in f for k in ("building", "unit", "floor", "room")):
                    f["poi"] = chunk
                    in_poi = "road" in f and not any(k in f for k in ("lane", "number"))
                else:
                    rest.append(chunk)
                continue
            kind = match.lastgroup
            value = match.group(kind)
            pos = match.end()
            if kind in ("cluster", "zone") and not any(k in f for k in ("lane", "number", "building", "unit",
                                                                        "floor", "room")):
                # 星海名城7组团, 下湾4区, 清泰南苑2期: a part of the estate, part of its name
                f["poi"] = f.get("poi", "") + match.group()
            elif kind in ("gate", "stair", "distance", "cluster", "zone"):
                rest.append(match.group())  # 8号门: a gate, 4号库: a store, not a house; 向东50米: a distance
            elif kind == "group":
                if "road" not in f and "number" not in f:
                    f["road"] = value  # 村民小组 (3组): the road level of a village address
                else:
                    rest.append(match.group())
            elif kind == "lane":
                if "lane" not in f and "number" not in f:
                    f["lane"] = value
                else:
                    rest.append(match.group())
            elif kind in ("building", "lbuilding", "haolou") and door and "number" not in f and "lane" not in f \
                    and not any(k in f for k in ("unit", "floor", "room")):
                # 永西工业园112号3幢, 武林广场7号杭州大厦A座: the 号 read as the house was the door number
                f["number"], f["building"], door = f["building"], value, False
            elif kind == "haolou":
                if "number" not in f and "lane" in f and "building" not in f:
                    f["number"] = value
                else:
                    f.setdefault("building", value)
            elif kind == "hao":
                if "number" not in f and "building" not in f and "floor" not in f:
                    # a 号 after a POI with no road is the house in it (君悦花园12号)
                    on_road = ("road" in f or "lane" in f) and not in_poi
                    # 村/组/桥/头 are places the 号 counts along (花塘村西店186号, 海王路石岸头130号): a road number
                    village = not _ESTATE.search(f.get("poi", "")[-1:])
                    door = not (on_road or "poi" not in f or village)
                    if door and "-" in value:
                        # 国际商贸城G2-13474号, 时代广场7-3号: block/building and stall/door; 404-411: rooms
                        door = False
                        parts = value.split("-", 1)
                        if is_range(parts, short=bool(_MARKET.search(f["poi"]))):
                            f["room"] = value
                        else:
                            f["building"], f["room"] = parts
                    elif door and (_MARKET.search(f["poi"]) or _LONG_NUMBER.fullmatch(value)
                                   and not _DIGIT.search(s, pos)):
                        door = False  # 综合市场55号, 汽配城1550号: a stall; 文华小区3115号 (the last): a room
                        f["room"] = value
                    else:
                        f["building" if door else "number"] = value
                elif "building" in f and not any(k in f for k in ("unit", "floor", "room")) \
                        and _DIGIT.search(s, pos):
                    # 10栋6号8楼, 157幢69号2503室: the 号 between is the unit.  A last one (5栋6号, the door
                    # of a row house) stays the room: it is the household (NAACL tags most of them cellno)
                    f["unit"] = value
                elif "building" in f and "-" in value and not any(k in f for k in ("unit", "floor", "room")) \
                        and not is_range(value.split("-")):
                    f["unit"], f["room"] = value.split("-")  # 国贸中心12幢129-180号: unit 129, room 180
                elif "building" in f or "unit" in f or "floor" in f or _MARKET.search(f.get("poi", "")):
                    f.setdefault("room", value)  # (兴宁路589号明州建材物资市场C区79号: a stall)
                else:
                    f.setdefault("building", value)
            elif kind == "aisle":
                if "unit" not in f and ("floor" in f or "building" in f
                                        or ("number" not in f and _MARKET.search(f.get("poi", "")))):
                    # a market aisle (6楼7街41050, 市场B7区11街21581): the stall is the room
                    f["unit"] = match.group()
                else:
                    rest.append(match.group())
            elif kind == "row" and "building" in f:
                rest.append(match.group())
            elif kind in ("building", "lbuilding", "row"):
                if "building" in f:
                    rest.append(match.group())
                else:
                    f["building"] = value
            elif kind in ("unit", "floor", "room"):
                if kind in f:
                    rest.append(match.group())
                else:
                    f[kind] = value
            else:  # a bare number: its place decides what it is
                before_floor = False
                if "-" in value and pos < end and s[pos] in "号室户":
                    pos += 1  # 14-9-1456室, G2-13474号: the unit word closes the chain
                elif "-" in value and pos < end and s[pos] in _UNIT_CHARS:
                    value, _, last = value.rpartition("-")
                    pos -= len(last)  # the last part goes with the unit after it (174-8楼)
                    # 179-4-3楼: building 179, unit 4, floor 3 (no room)
                    before_floor = s[pos + len(last)] in "层楼"
                self._bare(value, f, rest, in_poi, before_floor, not _DIGIT.search(s, pos))
        if rest:
            f["rest"] = "".join(rest)
        elif "rest" in f:
            del f["rest"]

    @staticmethod
    def _bare(value: str, f: dict[str, str], rest: list[str], in_poi: bool = False,
              before_floor: bool = False, last: bool = False) -> None:
        """Place a number without unit word (or a dash chain) by what is already known.

        *in_poi*: the numbers follow a POI named after the road (they are its houses);
        *before_floor*: a floor follows the chain (its last part is then the unit, or the building if
        none is read yet: 174-8楼);
        *last*: no number follows.
        """
        parts = value.split("-")
        if is_range(parts):
            parts = [value]  # 807-811, 1220-1221: a range of rooms (or of numbers), one value
        placed = any(k in f for k in ("number", "building"))
        if (last and not placed and "road" in f and "lane" not in f and not in_poi and len(parts) == 2
                and len(parts[1]) <= 3 and parts[1].isdigit()):
            f["number"] = value  # 纽扣路344-110 at the end: a sub-number (344号之110), like 344-110号
            return
        after_floor = "floor" in f or "unit" in f  # 5楼94, 二单元A14: a room, whatever came before
        if after_floor and len(parts) == 2 and "room" not in f:
            f["room"] = value  # 12楼6289-2, 7单元905-2: one room
            return
        if not placed and not after_floor and (("lane" in f or "road" in f) and not in_poi
                                               or len(parts) == 1 and last and "road" not in f and f.get("poi")
                                               and not _ESTATE.search(f["poi"][-1])):
            f["number"] = parts[0]  # after a road, or a place that is no estate (沙龙1749, 留公坞138)
            parts = parts[1:]
        elif not placed and len(parts) == 1 and (after_floor or _BUILDING_POI.search(f.get("poi", ""))
                                                 or last and f.get("poi") and _LONG_NUMBER.fullmatch(value)
                                                 or "-" in parts[0]):
            pass  # 5楼94, 华远大厦1041, 华景乐园1893 (four digits or more), 404-411 (a range): a room
        elif not placed:
            lettered = _LETTERED.fullmatch(parts[0]) if len(parts) <= 2 else None
            if lettered and (len(parts) == 1 or is_range([lettered.group(2), parts[1]])):
                # 明月花都A2292: block A, room 2292; 奥特莱斯A150-151: block A, rooms 150-151
                f["building"], parts = lettered.group(1), ["-".join((lettered.group(2), *parts[1:]))]
            else:
                f["building"] = parts[0]
                parts = parts[1:]
        if not parts:
            return
        if len(parts) >= 3 and "building" not in f:
            f["building"] = parts.pop(0)
        if len(parts) == 2 and "building" not in f and "unit" not in f:
            f["building"] = parts.pop(0)
        if len(parts) >= 2 and "unit" not in f:
            f["unit"] = parts[-2]
        if before_floor and len(parts) == 1 and "unit" not in f and "building" in f:
            f["unit"] = parts[0]
        elif before_floor and len(parts) == 1 and "building" not in f:
            f["building"] = parts[0]  # 五洲国际广场174-8楼: building 174, floor 8
        elif "room" not in f:
            f["room"] = parts[-1]
        else:
            rest.append(value)

    def _infer(self, state: _State) -> None:
        gaz = self.gazetteer
        f = state.fields
        if not f.get("district") and f.get("road") in gaz.roads:
            districts = {d for d in gaz.roads[f["road"]] if d}
            if state.code:
                districts = {d for d in districts if gaz.is_within(d, state.code)}
            if len(districts) == 1:
                state.code = districts.pop()
        if state.code:
            for level, division in gaz.chain(state.code).items():
                if not f.get(level):
                    f[level] = division.name
                    state.inferred.add(level)

    @staticmethod
    def _status(result: ParsedAddress) -> None:
        place = result.road or result.poi
        house = result.number or result.building
        named = place or result.district or result.city or result.province or result.street or result.community
        if not named:
            result.status, result.reason_code = "failed", "no_place" if (house or result.room) else "no_elements"
            return
        missing = tuple(name for name, ok in (("road", place), ("number", house), ("room", result.room)) if not ok)
        if missing:
            result.status, result.reason_code, result.missing = "partial", "missing", missing
        else:
            result.status, result.reason_code = "ok", ""
