"""Normalisation of Chinese address text before parsing.

What it does, in order (each step is a plain function, tested on its own):

1. Unicode NFKC: full-width digits, letters and punctuation become half-width
   (``１２号`` -> ``12号``, ``（`` -> ``(``); latin letters are upper-cased.
2. Traditional -> simplified for the characters that occur in addresses
   (``號樓區縣鎮...``).  A small table of our own: the complete conversion
   (OpenCC) is not a Debian Python package, and addresses need only a few
   hundred characters.
3. Blanks and punctuation are removed; ``#`` after a number means 号
   (``3#楼`` -> ``3号楼``); dashes of all kinds become ``-``; 之 between
   numbers becomes ``-`` (``12之3号`` -> ``12-3号``), and so does 一 written for a dash
   between Arabic digits (``153一4`` -> ``153-4``), and so do ``_ / \\`` between
   numbers (``1924_2幢`` -> ``1924-2幢``, ``9/661`` -> ``9-661``).
4. Chinese numerals before an address unit (弄 号 幢 栋 单元 层 楼 室 户 座, and 排 before a number)
   become Arabic: positional ones (``一千零二十弄`` -> ``1020弄``) and
   digit-by-digit ones (``一二零三室`` -> ``1203室``); right after a number they
   start a new one (``C123八楼`` -> ``C123-8楼``).  Numerals that are
   part of a name (``东昌二村``, ``第一居委会``) are left alone.

Before step 4, two typing slips of pinyin input after a number are mended: 撞 for 幢 (zhuang) and
搂 for 楼 (lou): ``16撞10号`` -> ``16幢10号``, ``13号搂`` -> ``13号楼``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["clean", "normalise", "Extracted", "extract", "to_halfwidth", "to_simplified", "chinese_to_int",
           "convert_numerals",
           "ROOM_WORDS", "strip_unit_word"]

ROOM_WORDS = ("号房", "室", "户", "房间", "房", "铺", "档", "商位")
"""words after a room (or shop, stall) number; 房间 before 房, so a pattern takes the longer one"""
_RE_UNIT_WORD = re.compile(r"(?:号楼|[幢栋座]楼|单元|号|弄|巷|幢|栋|座|排|层|楼|" + "|".join(ROOM_WORDS) + r")$")

# Traditional -> simplified for characters common in addresses (hand-made: see module docstring).
_TRAD = (
    "號号樓楼區区縣县鎮镇鄉乡門门單单層层東东華华園园廣广場场灣湾陽阳長长興兴濱滨橋桥莊庄龍龙鳳凤寧宁"
    "滬沪蘇苏陸陆錦锦繡绣國国際际實实業业開开發发館馆棟栋戶户裡里裏里衛卫農农豐丰嶺岭組组會会廈厦"
    "賓宾學学醫医廠厂塊块車车線线鐵铁環环橫横豎竖灣湾濟济戲戏劇剧書书錢钱銀银貿贸關关藥药"
    "廟庙壩坝崗岗嶼屿島岛礦矿鋼钢機机電电紡纺織织綠绿藍蓝紅红黃黄鳥鸟魚鱼馬马雲云風风陳陈張张"
    "劉刘楊杨趙赵吳吴孫孙鄭郑許许鄧邓蕭萧葉叶蘭兰禮礼義义廳厅處处歸归黨党協协區区滙汇匯汇溝沟"
    "灘滩淺浅鹽盐縣县雙双兩两廈厦遼辽寶宝潤润傑杰聖圣韓韩臺台麗丽漢汉閩闽贛赣瓊琼"
    "隴陇蒼苍寬宽圖图頭头漁渔滿满鎖锁邊边遠远達达進进運运樂乐鄰邻鐘钟閘闸營营儀仪彎弯灣湾"
)
_TRAD_TABLE = {ord(_TRAD[i]): _TRAD[i + 1] for i in range(0, len(_TRAD) - 1, 2)}

_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
_CN = "零〇○一二两三四五六七八九十百千万"
_CN_SET = frozenset(_CN)
_UNIT_AFTER = "弄|号|幢|栋|单元|层|楼|室|户|座|排(?=[0-9零〇○一二两三四五六七八九十]|$)"
_RE_CN_BEFORE_UNIT = re.compile(f"([{_CN}]+)(?={_UNIT_AFTER})")
_RE_CN_AFTER_UNIT = re.compile(f"(?<=[号幢栋元层楼室弄])([{_CN}]{{2,}})$")
_RE_DROP = re.compile(r"[\s,，、。;；:：'\"“”‘’()\[\]{}【】<>《》·•_!！?？*~`|/\\]+")
_RE_DASH = re.compile(r"[‐‑‒–—―－~～]")
_RE_HASH = re.compile(r"(?<=[0-9A-Z])#")
_RE_ZHI = re.compile(r"(?<=\d)[之一](?=\d)")
_RE_TYPO = re.compile(r"(?<=[0-9A-Z号零〇○一二两三四五六七八九十])[撞搂]")
_TYPOS = {"撞": "幢", "搂": "楼"}
_RE_NUMBER_SEP = re.compile(r"(?<=[0-9A-Z])[_/\\]+(?=[0-9])|(?<=[0-9])[_/\\]+(?=[A-Z])")


def to_halfwidth(text: str) -> str:
    """NFKC (full-width -> half-width) and upper-case latin letters."""
    return unicodedata.normalize("NFKC", text).upper()


def to_simplified(text: str) -> str:
    """Traditional characters common in addresses -> simplified."""
    return text.translate(_TRAD_TABLE)


def chinese_to_int(numeral: str) -> int | None:
    """Value of a Chinese numeral: positional (一千零二十 -> 1020) or digit by digit (一二零三 -> 1203).

    Returns None if *numeral* is not a well-formed numeral.
    """
    if not numeral or any(ch not in _DIGITS and ch not in _UNITS for ch in numeral):
        return None
    if not any(ch in _UNITS for ch in numeral):
        return int("".join(str(_DIGITS[ch]) for ch in numeral))
    total = section = 0
    digit: int | None = None
    for ch in numeral:
        if ch in _DIGITS:
            if digit is not None and _DIGITS[ch] != 0:
                return None  # two digits in a row in a positional numeral
            digit = _DIGITS[ch] if _DIGITS[ch] else None
        else:
            unit = _UNITS[ch]
            if unit == 10000:
                total += (section + (digit or 0)) * unit
                section = 0
            else:
                section += (1 if digit is None else digit) * unit
            digit = None
    return total + section + (digit or 0)


def _replace_numeral(match: re.Match) -> str:
    value = chinese_to_int(match.group(1))
    if value is None:
        return match.group(1)
    # C123八楼: the numeral starts a new number, it does not extend the one before (C123-8楼, not C1238楼)
    start = match.start(1)
    return ("-" if start and match.string[start - 1].isascii() and match.string[start - 1].isalnum() else "") \
        + str(value)


def convert_numerals(text: str) -> str:
    """Chinese numerals before address units (and a trailing room after one) -> Arabic digits."""
    if _CN_SET.isdisjoint(text):
        return text
    text = _RE_CN_BEFORE_UNIT.sub(_replace_numeral, text)
    return _RE_CN_AFTER_UNIT.sub(_replace_numeral, text)


def strip_unit_word(value: str) -> str:
    """A number without the address unit word after it (12号楼 -> 12, 1131铺 -> 1131, 553弄 -> 553)."""
    return _RE_UNIT_WORD.sub("", value)


def _prepare(text: object) -> str:
    """Half-width, simplified, one dash ('' for None/NULL-like values); punctuation still in."""
    if text is None:
        return ""
    text = str(text)
    if not text or text.upper() in ("NULL", "NONE", "NAN"):
        return ""
    return _RE_DASH.sub("-", to_simplified(to_halfwidth(text)))


def clean(text: object) -> str:
    """The character-level part of :func:`normalise`: half-width, simplified, one dash, no blanks or
    punctuation; each character maps on its own, so a text cleaned in pieces equals the text cleaned whole."""
    return _RE_DROP.sub("", _prepare(text))


def normalise(text: object) -> str:
    """The normalised form of an address (empty string for None/NULL-like values)."""
    # 1924_2幢, 9/661, C3_902 (also full-width: １９２４＿２): a separator between numbers is a dash, not nothing
    text = _RE_NUMBER_SEP.sub("-", _prepare(text))
    text = _RE_DROP.sub("", text)
    text = _RE_HASH.sub("号", text)
    text = _RE_ZHI.sub("-", text)
    text = _RE_TYPO.sub(lambda m: _TYPOS[m.group()], text)
    return convert_numerals(text)


# -- what is not the address: phone numbers, notes in brackets, metro lines, labels, control characters --
_RE_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]")
_RE_PHONE = re.compile(
    r"(?:(?:联系)?电话|手机|座机|TEL|MOBILE|PHONE)?[:：]?(?:\+?86-?)?(?<!\d)"
    r"(?:1[3-9]\d(?:[- ]?\d{4}){2}|0\d{2,3}-?\d{7,8}(?:-\d{1,4})?)(?!\d)"
    r"|(?:(?:联系)?电话|手机|座机|TEL)[:：]?\d{7,8}(?!\d)")
"""a mobile (1[3-9]X and 8 digits, maybe in groups), a landline with its area code (021-12345678), or an
eight-digit local number standing alone"""
_RE_NOTE = re.compile(r"\(([^()]*)\)|【([^【】]*)】|\[([^\[\]]*)\]")
_RE_METRO = re.compile(r"(?:地铁|轨道交通)?\d+号线(?:[\u4e00-\u9fff]{1,8}?站)?")
_RE_LABEL = re.compile(r"^(?:收货地址|收件地址|详细地址|通讯地址|联系地址|家庭住址|地址|住址)[:：]?")
_RE_PERSON = re.compile(r"^(?:收货人|收件人|联系人|姓名)[:：]?")
_RE_SYMBOL = re.compile("[\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF"
                        "\u3030\uFE0F\u20E3\u00A9\u00AE\u2122]")
"""emoji, arrows, geometric shapes, stars and other symbols (😀 ★ ☎ ▲)"""
_RE_SEVEN_DIGITS = re.compile(r"\d[\d -]{6,}")
_RE_LEADING = re.compile(r"^(?:中华人民共和国|中国)+")


@dataclass
class Extracted:
    """What :func:`extract` took out of an address."""

    text: str = ""
    """the address without it (half-width, still with punctuation)"""
    phone: bool = False
    """a phone number was removed (never kept)"""
    notes: list[str] = field(default_factory=list)
    """the notes in brackets (（近地铁站）, (11楼)), without the brackets"""
    metro: list[str] = field(default_factory=list)
    """metro lines (地铁2号线, 3号线东方体育中心站): a POI, not a building"""


def extract(text: str, is_place=None) -> Extracted:
    """Take out of *text* what is not the address: control and format characters and symbols (emoji), a
    label (地址：), a person label with the name after it (收货人张三: the name is dropped, up to where
    *is_place* (a callable on the text that follows) finds a place name, three characters at most otherwise),
    phone numbers, notes in brackets and metro lines.  The text comes back half-width, upper-case."""
    out = Extracted()
    text = _RE_CONTROL.sub("", to_halfwidth(text))
    text = _RE_SYMBOL.sub("", text).strip()
    for _ in range(2):
        text = _RE_LABEL.sub("", _RE_LEADING.sub("", text.lstrip(" ,，:：-")))
        person = _RE_PERSON.match(text)
        if person:
            rest = text[person.end():]
            cut = next((k for k in (2, 3, 4) if is_place is not None and is_place(rest[k:].lstrip(" ,:"))), 3)
            text = rest[cut:]
    if _RE_SEVEN_DIGITS.search(text):
        phone_free = _RE_PHONE.sub(" ", text)
        out.phone = phone_free != text
        text = phone_free
    if "(" in text or "【" in text or "[" in text:
        def note(match: re.Match) -> str:
            value = next(g for g in match.groups() if g is not None).strip()
            if value:
                out.notes.append(value)
            return ""
        text = _RE_NOTE.sub(note, text)
    if "号线" in text:
        def metro(match: re.Match) -> str:
            out.metro.append(match.group())
            return ""
        text = _RE_METRO.sub(metro, text)
    out.text = text
    return out
