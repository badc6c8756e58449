"""Steps A-C of the address parser (see :mod:`.parser`): divisions, street and community, road.

They read only the head of an address, the text before its first house number, so the parser
caches their result per head (a :class:`State` and the position reached).

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
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .gazetteer import LEVEL_RANK, Division, Gazetteer
from .patterns import (
    BOUNDARY,
    COMMUNITY,
    GROUP_NUMERAL,
    LANDMARK,
    NAMED_GROUP,
    NOT_AFTER_ALIAS,
    ORDINAL,
    OWN_SUFFIX,
    ROAD_AHEAD,
    ROAD_NUMBER,
    ROAD_SUFFIX,
    SHORT_ROAD,
    STREET,
    TOWN_IN_ROAD,
    VILLAGE_END,
)

_MUNICIPALITIES = ("110000", "120000", "310000", "500000")


@dataclass
class State:
    """What the steps have read so far."""

    fields: dict[str, str] = field(default_factory=dict)
    """field name -> text read (the FIELDS of :class:`.parser.ParsedAddress`)"""
    inferred: set[str] = field(default_factory=set)
    """fields filled by inference (step E), not read in the text"""
    code: str = ""
    """code of the lowest division found ('' if none)"""
    candidates: tuple[str, ...] = ()
    """codes of the divisions an ambiguous name read last may be (普陀区 without its city: 上海 or 舟山)"""


def read_divisions(gaz: Gazetteer, s: str, tokens: list[str], state: State) -> int:
    """Step A: the divisions at the start of *s* (cut into *tokens*) into *state*; returns where they end."""
    pos = 0
    last: Division | None = None
    ambiguous: list[Division] = []  # the divisions an ambiguous name read last may be
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
            town_ok = (last is not None and last.level in ("district", "city")) \
                or bool(ambiguous) and ambiguous[0].level in ("district", "city")
            road_ahead = town_ok and bool(ROAD_AHEAD.match(s, after))
            candidates = [(d, is_alias) for d, is_alias in candidates
                          if d.level != "street" or (town_ok and (road_ahead or not is_alias))]
            if not candidates:
                break
        alias_only = all(is_alias for _, is_alias in candidates)
        if alias_only and (NOT_AFTER_ALIAS.match(s, after) or SHORT_ROAD.match(s, after)) \
                and not _name_at(gaz, s, after):
            break  # 黄岩路 is a road, 龙山镇 a town (but 台州路桥区 is 台州 + 路桥区)
        if ambiguous:
            # after an ambiguous name (普陀区) only a division inside one of its candidates may follow: it
            # decides which one (朝阳区望京街道); a county name in a road or POI (祁连山南路, 黄龙时代广场) does not
            rank = LEVEL_RANK[ambiguous[0].level]
            fitting = [d for d, _ in candidates if LEVEL_RANK[d.level] > rank
                       and any(gaz.is_within(d.code, a.code) for a in ambiguous)]
            if not fitting:
                break
            ambiguous = [a for a in ambiguous if any(gaz.is_within(d.code, a.code) for d in fitting)]
            if len(ambiguous) == 1:
                last = ambiguous.pop()
                state.fields[last.level] = last.name
                state.code, state.candidates = last.code, ()
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
                    and not (alias_only and SHORT_ROAD.match(s, after)):  # 象山县…象山港路
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
            # same name in several places (朝阳区): keep the name and the candidates, not a code
            state.fields[chosen.level] = chosen.name
            ambiguous = fitting
            state.candidates = tuple(sorted({d.code for d in fitting}))
            pos += len(token)
            continue
        state.fields[chosen.level] = chosen.name
        state.code, state.candidates = chosen.code, ()
        ambiguous = []
        last = chosen
        pos += len(token)
        if alias_only and OWN_SUFFIX.match(s, pos):
            skip_suffix = True  # 富阳市 read as alias 富阳 + 市 (the old county-level city)
    return pos


def _name_at(gaz: Gazetteer, s: str, pos: int) -> bool:
    """True if a full division name starts at *pos*."""
    names = gaz.names
    return any(any(not alias for _, alias in names.get(s[pos:pos + n], ())) for n in range(2, 8))


def read_street_community(s: str, pos: int, state: State) -> int:
    """Step B: a street/town and a community not read in step A, from *pos*; returns where they end."""
    if "street" not in state.fields:
        match = STREET.match(s, pos)
        if match and not ROAD_SUFFIX.search(match.group(1)) and not any(c.isdigit() for c in match.group(1)):
            state.fields["street"] = match.group(1)
            pos = match.end()
    if "community" not in state.fields:
        match = COMMUNITY.match(s, pos)
        if match and not ROAD_SUFFIX.search(match.group(1)) and not any(c.isdigit() for c in match.group(1)):
            name = match.group(1)
            if not name.endswith("村") or ("street" in state.fields and state.fields["street"]):
                state.fields["community"] = name
                pos = match.end()
    return pos


def read_road(gaz: Gazetteer, s: str, tokens: list[str], pos: int, state: State) -> int:
    """Step C: the road from *pos* (and a POI or village in front of it); returns where it ends."""
    limit = len(s)
    if state.fields.get("community", "").endswith(VILLAGE_END):
        group = NAMED_GROUP.match(s, pos)
        if group:
            state.fields["road"] = group.group()  # 集贤村双溪组: a village group is the road level
            return group.end()
    # C1: a gazetteer road (or POI) in the tokens
    roads, pois = gaz.roads, gaz.pois
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
    for match in ROAD_SUFFIX.finditer(s, pos, limit):
        start = max(pos, match.start() - 8)
        if match.start() <= start:
            continue
        head = s[start:match.start()]
        cut = _zone_end(head)
        if cut:
            start += cut
            head = s[start:match.start()]
        group = GROUP_NUMERAL.search(head) if match.group() == "组" else None
        if group:
            start += group.start()  # 永西六组: the group is 六组
            head = s[start:match.start()]
        numbered = ROAD_NUMBER.search(head)
        if numbered:
            start += numbered.start()  # 下沙4号大街: the road is 4号大街
            head = s[start:match.start()]
        elif head[0].isdigit() and match.group() not in ("国道", "省道", "县道", "乡道"):
            continue
        if match.group() == "弄" and head[-1].isdigit():
            continue
        town = TOWN_IN_ROAD.match(head)
        if town and "street" not in state.fields:
            state.fields["street"] = town.group(1)  # 开发区下沙街道盛安路: the street is not part of the road
            start += town.end()
            head = s[start:match.start()]
        cut = _village_end(gaz, head, state)
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


def _village_end(gaz: Gazetteer, head: str, state: State) -> int:
    """Length of a village name without 村 at the start of *head*, in front of a road (前仓花园路: 2), or 0.

    Only the villages of the district (or else the city) already read count, and what is left must
    still be a road name: two characters or more besides a direction at its end, not only directions and
    numerals (小河东二路), not starting like a landmark (天目山西路, 太平门直街 stay whole).
    """
    if len(head) < 4 or not state.code:
        return 0
    names = gaz.villages(state.code)
    for n in (4, 3, 2):
        if head[:n] in names:
            stem = head[n:].rstrip("东西南北中")
            if len(stem) >= 2 and not ORDINAL.fullmatch(stem) and stem[0] not in LANDMARK:
                return n
    return 0


def _zone_end(head: str) -> int:
    """Where the road name starts in *head* (0: all of it), after the last zone in front of it.

    The road keeps at least two characters that are not all directions: 西城工业区曹园路 -> 曹园路
    (not the 园 of 曹园), 经济开发区中心大道 -> 中心大道.
    """
    ends = [m.end() for m in BOUNDARY.finditer(head, 0, len(head) - 2)]
    for end in reversed(ends):
        if head[end:].strip("东西南北中"):
            return end
    return 0
