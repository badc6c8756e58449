"""The gazetteer: China's division names (built in), plus user streets, communities, roads and POIs.

Built-in data (see data/README.txt for sources and licences): ``data/divisions.csv``
(code, name, level, parent_code) holds the provinces, prefecture-level cities and
county-level districts with their codes; ``data/towns.csv`` (name, district_code)
the streets and towns (街道/镇/乡) of each district, without codes: they get the
pseudo-code ``town:<district code>:<name>`` (:data:`TOWN_PREFIX`), never written
as a division code.  Both are rebuilt by ``scripts/build_divisions.py``.
A user's street with the same name and district (花木街道, 310115010 from a
GAZETTEER file) replaces the built-in one, so that its real code is used.

Codes are 6 digits for the three built-in levels (310000, 310100, 310115), 9 for
streets and 12 for communities.  For the four municipalities the city level is
the municipality itself (上海市 province 310000, city 310100).

The jieba tokenizer (:meth:`Gazetteer.tokenizer`) has every name, alias, road
and POI as a word, so segmentation finds them whole.
"""
from __future__ import annotations

import csv
import gzip
import io
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# imported here, not on first use: jieba's first import keeps the importing frames alive (an exception it
# catches while probing optional packages), which would keep a Processing algorithm's sinks open
import jieba

from ..errors import QT_TRANSLATE_NOOP, ValidationError
from .csvio import read_rows

__all__ = ["Division", "Gazetteer", "LEVELS", "alias_of", "village_stem"]

LEVELS = ("province", "city", "district", "street", "community")
"""Administrative levels, top down."""
LEVEL_RANK = {name: i for i, name in enumerate(LEVELS)}
DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_CSV = DATA_DIR / "divisions.csv"
TOWNS_CSV = DATA_DIR / "towns.csv"
TOWN_PREFIX = "town:"
"""code prefix of the built-in towns (which have no official code here)"""
HISTORIC_CSV = DATA_DIR / "historic.csv"
"""districts abolished since 2000 (闸北区, 江干区 ...): records keep using the old names for years
(our own list, from the State Council's published boundary changes)"""
JIEBA_BASE = DATA_DIR / "jieba_base.txt"
VILLAGES_TSV = DATA_DIR / "villages.tsv.gz"
"""district code TAB the names of its villages and communities without 村/社区 (前仓 for 前仓村)"""

_ETHNIC = ("蒙古|回|藏|维吾尔|壮|朝鲜|土家|苗|彝|布依|侗|哈尼|傣|景颇|白|傈僳|羌|哈萨克|柯尔克孜|黎|畲|瑶|满|"
           "达斡尔|鄂温克|仡佬|水|纳西|土|撒拉|保安|东乡|裕固|毛南|仫佬|锡伯|塔吉克|普米|怒|独龙|阿昌|德昂|"
           "基诺|布朗|拉祜|佤|京|鄂伦春|赫哲|门巴|珞巴|塔塔尔|俄罗斯|乌孜别克")
_SUFFIX = re.compile(
    rf"(?:(?:(?:{_ETHNIC})族)*自治(?:区|州|县|旗)|特别行政区|新区|地区|街道|居委会|村委会|社区|省|市|区|县|旗|盟|镇|乡)$"
)
_VILLAGE_SUFFIX = re.compile(r"(?:社区居委会|村民委员会|居民委员会|村委会|居委会|社区|村)$")
#: level words accepted in user CSV files (English and Chinese)
_LEVEL_WORDS = {
    "province": "province", "省": "province", "city": "city", "市": "city",
    "district": "district", "county": "district", "区": "district", "县": "district", "区县": "district",
    "street": "street", "town": "street", "街道": "street", "镇": "street", "乡镇": "street", "乡": "street",
    "community": "community", "village": "community", "居委": "community", "居委会": "community",
    "村": "community", "社区": "community",
    "road": "road", "路": "road", "道路": "road", "poi": "poi", "小区": "poi", "地名": "poi",
}


@dataclass(frozen=True)
class Division:
    """One administrative unit."""

    code: str
    """division code (6 digits for province/city/district, 9 street, 12 community; user codes as given)"""
    name: str
    """official name (浙江省, 杭州市, 西湖区)"""
    level: str
    """one of LEVELS"""
    parent: str = ""
    """code of the parent unit ('' for provinces and unknown parents)"""


def alias_of(name: str) -> str | None:
    """Short form of a division name (浙江省 -> 浙江, 浦东新区 -> 浦东), or None when too short to be safe."""
    short = _SUFFIX.sub("", name)
    if short == name or len(short) < 2:
        return None
    return short


def village_stem(name: str) -> str | None:
    """A village's or community's name without its suffix (前仓村 -> 前仓), if it has 2 to 4 characters left."""
    short = _VILLAGE_SUFFIX.sub("", name)
    return short if 2 <= len(short) <= 4 else None


class Gazetteer:
    """Names of divisions, roads and POIs with their place in the hierarchy."""

    def __init__(self, divisions: Iterable[Division] = ()):
        self.divisions: dict[str, Division] = {}
        self.names: dict[str, list[tuple[str, bool]]] = {}
        """name or alias -> [(division code, is_alias)]"""
        self.roads: dict[str, set[str]] = {}
        """road name -> district codes it is known in ('' = district unknown)"""
        self.pois: dict[str, set[str]] = {}
        """POI name (小区, 大厦 ...) -> district codes"""
        self._tokenizer = None
        self._builtin_villages = False
        """True for the built-in gazetteer: data/villages.tsv.gz is read on first use"""
        self._village_lines: dict[str, str] | None = None
        """district code -> its built-in village names, blank-separated"""
        self._villages: dict[str, frozenset[str]] = {}
        self._communities: list[Division] = []
        self._districts_of: dict[str, list[str]] | None = None
        self.default_region: str = ""
        """code of the division an ambiguous district name is read in when the text does not decide it
        (:meth:`set_default_region`; '' = none: the district stays ambiguous)"""
        self._within: dict[tuple[str, str], bool] = {}
        """(code, ancestor) -> :meth:`is_within` (asked for the same few pairs on every parse)"""
        for division in divisions:
            self.add_division(division)

    def __getstate__(self) -> dict:
        """The state without the tokenizer (rebuilt from the words on first use: a worker process gets a copy)."""
        state = dict(self.__dict__)
        state["_tokenizer"] = None
        return state

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def builtin(cls) -> Gazetteer:
        """The built-in national list (provinces, cities, districts)."""
        gazetteer = cls()
        with open(BUILTIN_CSV, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                gazetteer.add_division(Division(row["code"], row["name"], row["level"], row["parent_code"]))
        with open(HISTORIC_CSV, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                known = gazetteer.divisions.get(row["code"])
                if known is not None and known.name == row["name"]:
                    continue  # still in the list (江干区 in cpca's): one division, not two of one name
                code = row["code"] if known is None else "old:" + row["code"]
                gazetteer.add_division(Division(code, row["name"], row["level"], row["parent_code"]))
        with open(TOWNS_CSV, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                name, district = row["name"], row["district_code"]
                gazetteer.add_division(Division(f"{TOWN_PREFIX}{district}:{name}", name, "street", district))
        gazetteer._builtin_villages = True  # read on first use (2 MB)
        return gazetteer

    def add_division(self, division: Division) -> None:
        if division.level not in LEVEL_RANK:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "unknown level {level} for {name}"), code="unknown_level",
                                  level=repr(division.level), name=repr(division.name))
        if not division.name:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "division {division} has no name"), code="division_without_name",
                                  division=repr(division.code))
        if division.level == "street" and not division.code.startswith(TOWN_PREFIX) and division.parent:
            self._drop_builtin_town(f"{TOWN_PREFIX}{division.parent}:{division.name}")
        self.divisions[division.code] = division
        self._within.clear()
        if division.level == "community":
            self._communities.append(division)
            self._villages.clear()
        elif division.level == "district":
            self._districts_of = None
        self._add_name(division.name, division.code, False)
        alias = alias_of(division.name)
        # a town's alias that starts with a suffix character (市东 of 市东街道) would swallow the suffix of the
        # name before it (北京市东长安街)
        if alias and division.level in ("province", "city", "district", "street") \
                and not (division.level == "street" and alias[0] in "省市区县镇乡"):
            self._add_name(alias, division.code, True)
        self._tokenizer = None

    def _drop_builtin_town(self, code: str) -> None:
        town = self.divisions.pop(code, None)
        if town is None:
            return
        self._within.clear()
        for name in (town.name, alias_of(town.name)):
            entries = [e for e in self.names.get(name or "", ()) if e[0] != code]
            if entries:
                self.names[name] = entries
            else:
                self.names.pop(name or "", None)

    def _add_name(self, name: str, code: str, is_alias: bool) -> None:
        entries = self.names.setdefault(name, [])
        if (code, is_alias) not in entries:
            entries.append((code, is_alias))

    def add_road(self, name: str, district: str = "") -> None:
        """Add a road (锦绣路), optionally with the code or name of its district."""
        self._add_place(self.roads, name, district)

    def add_poi(self, name: str, district: str = "") -> None:
        """Add a POI (小区, 大厦, 园区 ...), optionally with its district."""
        self._add_place(self.pois, name, district)

    def _add_place(self, table: dict[str, set[str]], name: str, district: str) -> None:
        name = name.strip()
        if name:
            known = table.get(name)
            if known is None:
                table[name] = {self._district_code(district)}
                self._tokenizer = None  # the tokenizer's words change (a known name adds no word)
            else:
                known.add(self._district_code(district))

    def _district_code(self, district: str) -> str:
        district = (district or "").strip()
        if not district or district in self.divisions:
            return district
        found = [c for c, _ in self.names.get(district, ()) if self.divisions[c].level == "district"]
        return found[0] if len(found) == 1 else ""

    def _resolve_parent(self, parent: str, level: str) -> str:
        parent = (parent or "").strip()
        if not parent or parent in self.divisions:
            return parent
        # the level right above first; a community may also be given with its district (青石桥村, 余杭区)
        for want in range(LEVEL_RANK[level] - 1, -1, -1):
            found = [c for c, _ in self.names.get(parent, ()) if LEVEL_RANK[self.divisions[c].level] == want]
            if found:
                return found[0] if len(found) == 1 else ""
        return ""

    def load_csv(self, path: str | Path) -> int:
        """Add the rows of a user CSV (UTF-8, UTF-8 BOM or GBK); returns the number of names added.

        Columns (header names, case-insensitive): ``level`` (province/city/district/street/
        community/road/poi, or 省/市/区/街道/居委/路/小区), ``name``, optional ``code`` and
        ``parent`` (code or name of the parent unit; for roads and POIs their district).
        The streets.csv of the national division list (code, name, areaCode, ...) is accepted as is.
        """
        header, rows = read_rows(path)
        return self.add_rows(header, rows, str(path))

    def add_rows(self, header: list[str], rows: Iterable[list[str]], where: str = "table") -> int:
        """Add rows as :meth:`load_csv` reads them (header + lists of strings)."""
        cols = {h.strip().lower(): i for i, h in enumerate(header)}
        if "areacode" in cols and "name" in cols:  # the national streets.csv
            level_col = None
            parent_col = cols["areacode"]
        else:
            level_col = cols.get("level", cols.get("级别", cols.get("type")))
            parent_col = cols.get("parent", cols.get("parent_code", cols.get("district", cols.get("上级"))))
        name_col = cols.get("name", cols.get("名称"))
        code_col = cols.get("code", cols.get("代码"))
        if name_col is None or (level_col is None and "areacode" not in cols):
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "the gazetteer {where} needs the columns 'level' and 'name' (optional 'code', "
                "'parent'); it has {columns}"), code="gazetteer_columns", where=where,
                columns=", ".join(header) or "-")
        added = 0
        for number, row in enumerate(rows, start=2):
            def get(col, row=row):
                return row[col].strip() if col is not None and col < len(row) and row[col] else ""

            name = get(name_col)
            if not name:
                continue
            level = "street" if level_col is None else _LEVEL_WORDS.get(get(level_col).lower())
            if level is None:
                raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                    "the gazetteer {where}, line {line}: level {level} is not one of "
                    "province, city, district, street, community, road, poi"), code="gazetteer_level",
                    where=where, line=number, level=repr(get(level_col)))
            parent = get(parent_col)
            if level == "road":
                self.add_road(name, parent)
            elif level == "poi":
                self.add_poi(name, parent)
            else:
                code = get(code_col) or f"user:{level}:{name}:{parent}"
                self.add_division(Division(code, name, level, self._resolve_parent(parent, level)))
            added += 1
        return added

    def region_code(self, region: str) -> str:
        """The code of a division given by code or by name (上海市, 上海, 浙江省杭州市); '' for ''.

        Raises ValidationError if *region* names no division or several.
        """
        region = (region or "").strip()
        if not region or region in self.divisions:
            return region
        codes = {c for c, _ in self.names.get(region, ())}
        if not codes:  # 浙江省杭州市: the last division read in it
            from .head import State, read_divisions
            state = State()
            if read_divisions(self, region, list(self.tokenizer().cut(region, HMM=False)), state) == len(region):
                codes = {state.code} if state.code else set(state.candidates)
        ranks = {LEVEL_RANK[self.divisions[c].level] for c in codes}
        top = min(ranks) if ranks else 0
        codes = {c for c in codes if LEVEL_RANK[self.divisions[c].level] == top}
        if len(codes) == 2 and {c[2:] for c in codes} == {"0000", "0100"} and len({c[:2] for c in codes}) == 1:
            codes = {min(codes)}  # a municipality: its province and city level are one place
        if len(codes) != 1:
            raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors",
                "default region {region} is not one known division"), code="unknown_region",
                                  region=repr(region))
        return codes.pop()

    def set_default_region(self, region: str) -> None:
        """Read ambiguous district names (普陀区) inside *region* (a division name or code; '' = none)."""
        self.default_region = self.region_code(region)

    # -- queries ----------------------------------------------------------------------------
    def lookup(self, name: str) -> list[tuple[Division, bool]]:
        """Divisions called *name* (or with that alias), and whether it was the alias."""
        return [(self.divisions[code], is_alias) for code, is_alias in self.names.get(name, ())]

    def chain(self, code: str) -> dict[str, Division]:
        """The unit *code* and its ancestors, by level."""
        out: dict[str, Division] = {}
        seen = set()
        while code and code in self.divisions and code not in seen:
            seen.add(code)
            division = self.divisions[code]
            out.setdefault(division.level, division)
            code = division.parent
        return out

    def villages(self, code: str) -> frozenset[str]:
        """Names of the villages and communities an address read down to division *code* may name, without
        their suffix (前仓 for 前仓村): those of its district (of its city when no district is known), built-in
        and the user's communities.  Empty for a province or an unknown code."""
        found = self._villages.get(code)
        if found is not None:
            return found
        chain = self.chain(code) if code in self.divisions else {}
        division = chain.get("district") or chain.get("city")
        names: set[str] = set()
        if division is not None:
            if self._builtin_villages and self._village_lines is None:
                with gzip.open(VILLAGES_TSV, "rt", encoding="utf-8") as fh:
                    self._village_lines = dict(line.rstrip("\n").split("\t", 1) for line in fh)
            code_of_place = division.code
            if division.level == "district":
                districts = [code_of_place]
            else:
                if self._districts_of is None:
                    self._districts_of = {}
                    for d in self.divisions.values():
                        if d.level == "district":
                            self._districts_of.setdefault(d.parent, []).append(d.code)
                districts = self._districts_of.get(code_of_place, [])
            for district in districts:
                names.update((self._village_lines or {}).get(district, "").split())
            for community in self._communities:
                if self.is_within(community.parent, code_of_place):
                    short = village_stem(community.name)
                    if short:
                        names.add(short)
        self._villages[code] = found = frozenset(names)
        return found

    def is_within(self, code: str, ancestor: str) -> bool:
        """True if unit *code* is *ancestor* or lies inside it."""
        key = (code, ancestor)
        found = self._within.get(key)
        if found is None:
            found = False
            seen = set()
            while code and code not in seen:
                if code == ancestor:
                    found = True
                    break
                seen.add(code)
                division = self.divisions.get(code)
                code = division.parent if division else ""
            self._within[key] = found
        return found

    def tokenizer(self):
        """A jieba tokenizer whose dictionary is this gazetteer (built once, rebuilt after additions)."""
        if self._tokenizer is None:
            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer(dictionary=str(JIEBA_BASE))
            words = set(self.names) | set(self.roads) | set(self.pois)
            lines = JIEBA_BASE.read_bytes().splitlines()
            lines += [f"{w} {100000 * len(w)}".encode() for w in sorted(words) if len(w) >= 2 and " " not in w]
            # the prefix dictionary is built in memory (no cache file in the temp folder, no file left open)
            tokenizer.FREQ, tokenizer.total = tokenizer.gen_pfdict(io.BytesIO(b"\n".join(lines)))
            tokenizer.initialized = True
            self._tokenizer = tokenizer
        return self._tokenizer

