"""The regular expressions and word sets of the address parser (see :mod:`.parser`), by step.

They read normalised text (:func:`.normalise.normalise`: half-width, Latin letters upper-case,
simplified, dashes as ``-``, no blanks, Arabic numerals before unit words).
"""
from __future__ import annotations

import re

from .normalise import ROOM_WORDS

# -- the whole address: what is Chinese, what to drop, where the numbers start (parser.py) ---------
CJK = re.compile(r"[\u4e00-\u9fff]")
THIS_CITY = re.compile(r"^(?:本市|本区|中国|中华人民共和国)+")
_NUMBERED_ROAD = r"(?:大街|大道|路(?![口边旁])|街(?![道区坊口]))"
"""after N号: a numbered road (下沙4号大街), not a house number"""
FIRST_NUMBER = re.compile(rf"[A-Z]?\d+[A-Z]?(?:弄|号(?!{_NUMBERED_ROAD})|幢|栋|单元|层|楼|室|户|座|-)")

# -- A. divisions (head.py) ------------------------------------------------------------------------
NOT_AFTER_ALIAS = re.compile(r"[东西南北中]?(?:路|街|巷|弄|大道|大街|公路|道)|镇|乡|村")
OWN_SUFFIX = re.compile(r"省|市|区|县")
ROAD_AHEAD = re.compile(r"(?!街道|镇|乡)[^\d\-区园场城村镇乡]{2,6}?(?:大道|大街|公路|路|街|巷)")
SHORT_ROAD = re.compile(r".?(?:大道|大街|路|街)")

# -- B. street and community (head.py) -------------------------------------------------------------
STREET = re.compile(r"([\u4e00-\u9fff]{1,6}?(?:街道|镇|乡))(?![路街巷弄道])")
COMMUNITY = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:居民委员会|村民委员会|居委会|村委会|社区|村))(?![路街巷弄道委])")

# -- C. road (head.py; ROAD_SUFFIX also in B and D) ------------------------------------------------
ROAD_SUFFIX = re.compile(
    r"(?:大道|大街|公路|国道|省道|县道|乡道|路(?![口边旁])|街(?![道区坊口])|巷(?![口])|弄(?![堂口])"
    r"|(?<=[一二三四五六七八九十])组(?!团))"  # 村民小组 (六组): the road level of a village
    r"(?!街道|[东西南北中]?(?:路|大道|大街))"  # 金川路街道 is a street; 郑巷北路 one road
)
BOUNDARY = re.compile(r"工业区|开发区|园区|小区|新村|市场|广场|大厦|花园|中心|公司|家园|[区园城场厦苑镇乡村]")
"""a place name that ends here is a zone, estate or village in front of a road (…工业区曹园路)"""
ROAD_NUMBER = re.compile(r"\d+号$")
GROUP_NUMERAL = re.compile(r"[一二三四五六七八九十]+$")
TOWN_IN_ROAD = re.compile(r"(.*?[\u4e00-\u9fff]{2}(?:街道|办事处|镇|乡))(?=[^\d]{2})")
VILLAGE_END = ("村", "村委会", "村民委员会")
NAMED_GROUP = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:村民小组|村民组|居民组|组)(?![长员团])")
"""a named village group after its village (双溪组, 汪庄村民组); not a 组长, 组员 or 组团 (a cluster of buildings)"""
ORDINAL = re.compile(r"[东西南北中环一二三四五六七八九十\d]+")
LANDMARK = frozenset("山门寺桥湖江河塘港湾岭岙溪浦泾口")
"""a road name starting with one of these goes with the name before it (天目山西路, 太平门直街)"""

# -- D. numbers (numbers.py) -----------------------------------------------------------------------
_NUM = r"(?:[A-Z]?\d+(?:[A-Z](?![A-Z]))?|[A-Z]|[甲乙丙丁]\d*)"
TAIL = re.compile(
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
UNIT_CHARS = frozenset("弄巷号室户幢栋座单层楼")
TEXT = re.compile(r"(?:[A-Z]+(?![0-9A-Z])(?!座|栋|幢|单元|楼|-\d)|(?![东西南北中]单元)[^0-9A-Z\-])+|-|[A-Z]+")
BUILDING_POI = re.compile(r"(?:大厦|中心|广场|大楼|公寓|写字楼|商城|市场|商场|酒店|宾馆|[城楼寓馆店])$")
ESTATE = re.compile(r"[区园苑城寓厦场楼府院庭居湾墅舍馆坊期座心]")
"""last character of a POI that is an estate, park or building (its 号 is a house, not a road number)"""
MARKET = re.compile(r"(?:市场|商场|商城|贸城|配城|鞋城|衫城|革城|装城)(?:[A-Z\d一二三四五六七八九十]*区)?[东西南北]?$")
"""a market or shopping town (its 号 is a stall, a room: 综合市场55号, 汽配城1550号, 鞋料市场C区569号)"""
LETTERED = re.compile(r"([A-Z])(\d{3,})")
"""a block letter and a room (A2292)"""
DIGIT = re.compile(r"\d")
LONG_NUMBER = re.compile(r"\d{4,}")
"""a last number this long after an estate is a room (文华小区3115号, 国际商贸城四区44604), not a house"""
