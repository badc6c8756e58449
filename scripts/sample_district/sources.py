"""Government source tables (CSV) with realistic noise, and the truth tables.

Each source is built from the true population, then noised row by row with
vectorised draws; every noise applied is recorded in ``truth/source_rows.csv``
(one line per source row: source, row, entity_id, noise tags).  Rows are
numbered 1.. after the header line.

Noise tags (rates per source in NOISE and ADDRESS_NOISE below):
    addr_no_city            上海市 dropped (浦东新区锦绣路...)
    addr_no_city_district   上海市浦东新区 dropped (锦绣路...)
    addr_haolou             号楼 for 号 (lane buildings only)
    addr_fullwidth          full-width digits
    addr_cn_numeral         lane/house number in Chinese numerals (一千弄十二号)
    addr_road_typo          one character of the road name replaced by a homophone-like one
    addr_missing_room       room (室) missing
    addr_room_no_shi        room without 室 (12号1203)
    addr_with_unit          单元 inserted (12号2单元1203室)
    addr_nonexistent_number the 号 (or lane) does not exist on that road/lane
    addr_nonexistent_road   the road does not exist in the district
    duplicate_of=<row>      copy of an earlier-or-later row of the same file
    id_checksum             one digit of the ID number changed (check character wrong)
    id_lower_x              check character written as lower-case x (valid after normalising)
    id_missing              ID number left empty
    birth_conflict          birth date differs from the registry (a few days, or a year)
    sex_conflict            sex differs from the registry
    name_homophone          one given-name character replaced by a homophone
    phone_old               an outdated phone number
    status_wrong            ledger 居住状态 differs from the truth
    credit_code_checksum    employer credit code mistyped (check character wrong)
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

import numpy as np

from . import codes, vocab
from .layout import ADDRESS_PREFIX, DISTRICT_NAME, District
from .population import DISABILITY_TYPES, GRADES, REG_MODES, RELATIONS, Enterprises, Persons, Rooms

ENCODINGS = {
    "hukou.csv": "gbk",
    "ledger.csv": "utf-8-sig",
    "health.csv": "utf-8-sig",
    "civil_affairs.csv": "gbk",
    "social_security.csv": "utf-8-sig",
    "enterprises.csv": "utf-8",
}

ADDRESS_NOISE = {
    # no_city, no_city_district, haolou, fullwidth, cn_numeral, road_typo, missing_room, room_no_shi,
    # with_unit, nonexistent
    "hukou": (0.30, 0.05, 0.03, 0.01, 0.01, 0.005, 0.01, 0.02, 0.0, 0.002),
    "ledger": (0.15, 0.35, 0.10, 0.05, 0.03, 0.01, 0.03, 0.05, 0.05, 0.003),
    "health": (0.20, 0.10, 0.05, 0.03, 0.02, 0.01, 0.02, 0.03, 0.03, 0.002),
    "civil_affairs": (0.25, 0.10, 0.05, 0.02, 0.02, 0.01, 0.02, 0.03, 0.0, 0.002),
    "enterprises": (0.10, 0.05, 0.02, 0.02, 0.01, 0.01, 0.05, 0.05, 0.0, 0.03),
}
ADDR_KEYS = ("no_city", "no_city_district", "haolou", "fullwidth", "cn_numeral", "road_typo",
             "missing_room", "room_no_shi", "with_unit", "nonexistent")

NOISE = {
    # duplicate, id_checksum, id_lower_x (of X-ending IDs), id_missing, birth_conflict, sex_conflict,
    # name_homophone, phone_old
    "hukou": dict(duplicate=0.003, id_checksum=0.001),
    "ledger": dict(duplicate=0.005, id_checksum=0.005, id_lower_x=0.3, id_missing=0.002, birth_conflict=0.005,
                   sex_conflict=0.003, name_homophone=0.003, phone_old=0.04, status_wrong=0.01),
    "health": dict(duplicate=0.005, id_checksum=0.003, birth_conflict=0.004, sex_conflict=0.002,
                   name_homophone=0.002, phone_old=0.05),
    "civil_affairs": dict(duplicate=0.004, id_checksum=0.002, birth_conflict=0.003),
    "social_security": dict(duplicate=0.003, id_checksum=0.002, sex_conflict=0.002, birth_conflict=0.003,
                            credit_code_checksum=0.003),
    "enterprises": dict(duplicate=0.003),
}


# ----------------------------------------------------------------------------
class AddressBook:
    """Address parts of rooms and buildings, and the noisy renderer."""

    def __init__(self, district: District, rooms: Rooms, rng: np.random.Generator):
        self.rng = rng
        b = district.buildings
        self.b_road = [x.road for x in b]
        self.b_lane = [x.lane or 0 for x in b]
        self.b_number = [x.number for x in b]
        self.b_units = [x.units for x in b]
        self.rooms = rooms
        self.road_names = district.road_names
        self.lane_max = district.lane_numbers
        self.road_numbers: dict[str, set[int]] = {}
        for x in b:
            if not x.lane:
                self.road_numbers.setdefault(x.road, set()).add(x.number)
        for road, lane in district.lane_numbers:
            self.road_numbers.setdefault(road, set()).add(lane)
        self.fake_roads = [s + "路" for s in vocab.NONEXISTENT_ROAD_STEMS]
        self._typos: dict[str, str | None] = {}

    def canonical_room(self, r: int, prefix: str = ADDRESS_PREFIX) -> str:
        bi = int(self.rooms.building[r])
        lane = self.b_lane[bi]
        lane_s = f"{lane}弄" if lane else ""
        return f"{prefix}{self.b_road[bi]}{lane_s}{self.b_number[bi]}号{int(self.rooms.room[r])}室"

    def canonical(self, bi: int, room: int = 0, prefix: str = ADDRESS_PREFIX) -> str:
        lane = self.b_lane[bi]
        lane_s = f"{lane}弄" if lane else ""
        room_s = f"{room}室" if room else ""
        return f"{prefix}{self.b_road[bi]}{lane_s}{self.b_number[bi]}号{room_s}"

    def typo(self, road: str) -> str | None:
        if road not in self._typos:
            out = None
            for i, ch in enumerate(road[:-1]):
                alt = vocab.ROAD_TYPO.get(ch)
                if alt:
                    cand = road[:i] + alt + road[i + 1:]
                    if cand not in self.road_names:
                        out = cand
                        break
            self._typos[road] = out
        return self._typos[road]

    def render(self, bi: int, room: int, unit: int, flags: np.ndarray, tags: list[str]) -> str:
        """One address with the noise in ``flags`` (bools in ADDR_KEYS order); appends tags."""
        (no_city, no_cd, haolou, fullw, cn, typo, miss_room, no_shi, with_unit, nonexist) = flags.tolist()
        road, lane, number = self.b_road[bi], self.b_lane[bi], self.b_number[bi]
        if nonexist:
            if self.rng.random() < 0.5:
                road = self.fake_roads[int(self.rng.integers(0, len(self.fake_roads)))]
                tags.append("addr_nonexistent_road")
            else:
                if lane:
                    number = self.lane_max[(road, lane)] + int(self.rng.integers(5, 60))
                else:
                    used = self.road_numbers.get(road, set())
                    number = max(used) + 2 * int(self.rng.integers(3, 30))
                tags.append("addr_nonexistent_number")
        elif typo:
            alt = self.typo(road)
            if alt:
                road = alt
                tags.append("addr_road_typo")
        if no_cd:
            prefix = ""
            tags.append("addr_no_city_district")
        elif no_city:
            prefix = DISTRICT_NAME
            tags.append("addr_no_city")
        else:
            prefix = ADDRESS_PREFIX
        if cn:
            lane_s = f"{codes.chinese_numeral(lane)}弄" if lane else ""
            num_s = codes.chinese_numeral(number)
            tags.append("addr_cn_numeral")
        else:
            lane_s = f"{lane}弄" if lane else ""
            num_s = str(number)
        hao = "号"
        if haolou and lane:
            hao = "号楼"
            tags.append("addr_haolou")
        unit_s = ""
        if with_unit and room and self.b_units[bi] > 1:
            unit_s = f"{unit}单元"
            tags.append("addr_with_unit")
        if not room:
            room_s = ""
        elif miss_room:
            room_s = ""
            unit_s = ""
            tags.append("addr_missing_room")
        elif no_shi:
            room_s = str(room)
            tags.append("addr_room_no_shi")
        else:
            room_s = f"{room}室"
        text = f"{prefix}{road}{lane_s}{num_s}{hao}{unit_s}{room_s}"
        if fullw:
            text = codes.fullwidth(text)
            tags.append("addr_fullwidth")
        return text


# ----------------------------------------------------------------------------
@dataclass
class Table:
    """A source table being built: columns of strings plus entity ids and sparse noise tags per row."""

    source: str
    filename: str
    columns: dict[str, list[str]]
    entity: list[str]
    tags: defaultdict = field(default_factory=lambda: defaultdict(list))

    def __len__(self) -> int:
        return len(self.entity)


def _addr_flags(source: str, n: int, rng) -> np.ndarray:
    """Which address noises apply per row (columns in ADDR_KEYS order), each at its documented rate."""
    rates = np.array(ADDRESS_NOISE[source])
    flags = rng.random((n, len(rates))) < rates
    u = rng.random(n)  # the two prefix drops exclude each other
    flags[:, 1] = u < rates[1]
    flags[:, 0] = (u >= rates[1]) & (u < rates[1] + rates[0])
    return flags


def _addresses(book: AddressBook, source: str, room_idx: np.ndarray, tags: defaultdict,
               rows: np.ndarray | None = None) -> list[str]:
    """Noisy address of room ``room_idx`` (index into Rooms) per row; tags go to ``rows[i]`` (default i)."""
    n = len(room_idx)
    flags = _addr_flags(source, n, book.rng)
    noisy = flags.any(axis=1)
    rooms = book.rooms
    bld = rooms.building[room_idx].tolist()
    room_no = rooms.room[room_idx].tolist()
    out = [book.canonical(b, r) for b, r in zip(bld, room_no)]
    keys = np.arange(n) if rows is None else rows
    for i in np.flatnonzero(noisy).tolist():
        r = int(room_idx[i])
        out[i] = book.render(bld[i], room_no[i], int(rooms.unit[r]), flags[i], tags[int(keys[i])])
    return out


def _fmt_dates(d: np.ndarray, style: str) -> list[str]:
    iso = d.astype(str).tolist()
    if style == "iso":
        return iso
    if style == "compact":
        return [s.replace("-", "") for s in iso]
    if style == "ym":
        return [s[:4] + s[5:7] for s in iso]
    if style == "slash":
        return [f"{s[:4]}/{int(s[5:7])}/{int(s[8:10])}" for s in iso]
    raise ValueError(style)


def _noisy_ids(ids: list[str], rates: dict, rng, tags: list[list[str]]) -> list[str]:
    n = len(ids)
    out = list(ids)
    chk = np.flatnonzero(rng.random(n) < rates.get("id_checksum", 0.0))
    pos = rng.integers(0, 17, n)
    delta = rng.integers(1, 10, n)
    for i in chk.tolist():
        s = out[i]
        p = int(pos[i])
        out[i] = s[:p] + str((int(s[p]) + int(delta[i])) % 10) + s[p + 1:]
        tags[i].append("id_checksum")
    if rates.get("id_lower_x"):
        lx = rng.random(n) < rates["id_lower_x"]
        for i in np.flatnonzero(lx).tolist():
            if out[i].endswith("X"):
                out[i] = out[i][:-1] + "x"
                tags[i].append("id_lower_x")
    if rates.get("id_missing"):
        for i in np.flatnonzero(rng.random(n) < rates["id_missing"]).tolist():
            out[i] = ""
            tags[i] = [t for t in tags[i] if not t.startswith("id_")] + ["id_missing"]
    return out


def _noisy_birth(birth: np.ndarray, rate: float, rng, tags) -> np.ndarray:
    n = len(birth)
    hit = rng.random(n) < rate
    shift = np.where(rng.random(n) < 0.3, 365 * np.where(rng.random(n) < 0.5, 1, -1),
                     rng.integers(1, 41, n) * np.where(rng.random(n) < 0.5, 1, -1))
    out = np.where(hit, birth + shift.astype("timedelta64[D]"), birth)
    for i in np.flatnonzero(hit).tolist():
        tags[i].append("birth_conflict")
    return out


def _noisy_sex(sex: np.ndarray, rate: float, rng, tags) -> np.ndarray:
    hit = rng.random(len(sex)) < rate
    for i in np.flatnonzero(hit).tolist():
        tags[i].append("sex_conflict")
    return np.where(hit, 1 - sex, sex)


def _noisy_names(names: list[str], rate: float, rng, tags) -> list[str]:
    out = list(names)
    for i in np.flatnonzero(rng.random(len(names)) < rate).tolist():
        nm = out[i]
        for k in range(1, len(nm)):
            alt = vocab.NAME_TYPO.get(nm[k])
            if alt:
                out[i] = nm[:k] + alt + nm[k + 1:]
                tags[i].append("name_homophone")
                break
    return out


def _noisy_phones(phones: np.ndarray, rate: float, rng, tags) -> list[str]:
    hit = rng.random(len(phones)) < rate
    from .population import make_phones

    alt = make_phones(len(phones), rng)
    for i in np.flatnonzero(hit).tolist():
        tags[i].append("phone_old")
    return np.where(hit, alt, phones).astype(str).tolist()


def _sex_text(sex: np.ndarray) -> list[str]:
    return np.where(sex == 1, "男", "女").tolist()


def _duplicate_and_order(t: Table, rate: float, rng, order: np.ndarray | None = None) -> Table:
    """Put rows in ``order`` (default: as built) and insert duplicates of ``rate`` of them at random places."""
    n = len(t)
    base = np.arange(n) if order is None else order
    dup_src = rng.permutation(np.flatnonzero(rng.random(n) < rate))
    positions = np.sort(rng.integers(0, n + 1, len(dup_src)))
    seq = np.insert(base, positions, np.arange(len(dup_src)) + n)
    is_dup = seq >= n
    src_of = seq.copy()
    src_of[is_dup] = dup_src[seq[is_dup] - n]
    final_of = np.zeros(n, dtype=np.int64)  # final 0-based position of each original row
    final_of[seq[~is_dup]] = np.flatnonzero(~is_dup)
    if len(src_of) > 1:
        pick = itemgetter(*src_of.tolist())
        cols = {k: pick(v) for k, v in t.columns.items()}
        entity = pick(t.entity)
    else:
        cols = {k: [v[i] for i in src_of.tolist()] for k, v in t.columns.items()}
        entity = [t.entity[i] for i in src_of.tolist()]
    tags: defaultdict = defaultdict(list)
    for s, tg in t.tags.items():
        if tg:
            tags[int(final_of[s])] = tg
    for j in np.flatnonzero(is_dup).tolist():
        s = int(src_of[j])
        tags[j] = list(t.tags.get(s, ())) + [f"duplicate_of={final_of[s] + 1}"]
    return Table(t.source, t.filename, cols, list(entity), tags)


# ----------------------------------------------------------------------------
class SourceWriter:
    """Builds the six sources and the truth tables; writes them as CSV."""

    def __init__(self, district: District, rooms: Rooms, persons: Persons, firms: Enterprises,
                 rng: np.random.Generator):
        self.d, self.rooms, self.p, self.f, self.rng = district, rooms, persons, firms, rng
        self.book = AddressBook(district, rooms, rng)
        self.comm_names = [u.name for u in district.admin if u.level == "community"]
        self.pid = [f"P{i + 1:08d}" for i in range(len(persons))]
        self._truth_fh = None
        self._truth_csv = None
        self.n_truth_rows = 0
        self.counts: dict[str, int] = {}
        self.headers: dict[str, list[str]] = {}

    # -- helpers ---------------------------------------------------------------
    def _origin_address(self, i: int) -> str:
        o = int(self.p.origin[i])
        place = vocab.ORIGINS[o][1]
        h = hash_int(self.p.id_number[i])
        town = vocab.ORIGIN_TOWNS[h % len(vocab.ORIGIN_TOWNS)]
        village = vocab.ORIGIN_VILLAGES[(h // 7) % len(vocab.ORIGIN_VILLAGES)]
        return f"{place}{town}镇{village}村{h % 97 + 1}号"

    def _reg_address(self, idx: np.ndarray, prefix: str) -> list[str]:
        out = []
        for i in idx.tolist():
            r = int(self.p.reg_room[i])
            out.append(self.book.canonical_room(r, prefix) if r >= 0 else self._origin_address(i))
        return out

    def _finish(self, t: Table, out_dir: Path, order: np.ndarray | None = None) -> None:
        self._write(_duplicate_and_order(t, NOISE[t.source].get("duplicate", 0.0), self.rng, order), out_dir)

    # -- sources ---------------------------------------------------------------
    def hukou(self, out: Path) -> None:
        p, rng = self.p, self.rng
        idx = np.flatnonzero(p.reg_room >= 0)
        idx = idx[np.lexsort((p.relation[idx], p.hukou_no[idx]))]
        tags: defaultdict = defaultdict(list)
        rates = NOISE["hukou"]
        addr = _addresses(self.book, "hukou", p.reg_room[idx], tags)
        ids = _noisy_ids([p.id_number[i] for i in idx.tolist()], rates, rng, tags)
        cols = {
            "身份证号": ids,
            "姓名": [p.name[i] for i in idx.tolist()],
            "性别": _sex_text(p.sex[idx]),
            "出生日期": _fmt_dates(p.birth[idx], "iso"),
            "民族": [vocab.ETHNICITIES[e][0] for e in p.ethnicity[idx].tolist()],
            "户籍地址": addr,
            "户号": p.hukou_no[idx].astype(str).tolist(),
            "与户主关系": [RELATIONS[r] for r in p.relation[idx].tolist()],
        }
        self._finish(Table("hukou", "hukou.csv", cols, [self.pid[i] for i in idx.tolist()], tags), out)

    def ledger(self, out: Path) -> None:
        p, rng = self.p, self.rng
        n_all = len(p)
        resident = np.flatnonzero((p.household >= 0) & (rng.random(n_all) < 0.98))
        away = np.flatnonzero((p.reg_mode == 3) & (rng.random(n_all) < 0.6))
        split = np.flatnonzero((p.reg_mode == 1) & (rng.random(n_all) < 0.5))
        person = np.concatenate([resident, away, split])
        kind = np.concatenate([np.zeros(len(resident), int), np.ones(len(away), int), np.full(len(split), 2)])
        n = len(person)
        tags: defaultdict = defaultdict(list)
        rates = NOISE["ledger"]
        # the address the row is filed under (community) and the actual address column
        file_room = np.where(kind == 0, p.household[person], p.reg_room[person])
        actual = np.full(n, "", dtype=object)
        live_rows = np.flatnonzero(kind != 1)
        live_addr = _addresses(self.book, "ledger", p.household[person[live_rows]], tags, live_rows)
        actual[live_rows] = live_addr
        for i in np.flatnonzero(kind == 1).tolist():
            actual[i] = vocab.AWAY_PLACES[int(p.away_place[person[i]])]
        status = np.where(kind == 0, np.where(p.reg_mode[person] == 0, "人户一致", "人在户不在"), "人不在户在")
        wrong = rng.random(n) < rates["status_wrong"]
        alt = np.where(status == "人户一致", "人在户不在", np.where(status == "人在户不在", "人户一致", "人在户不在"))
        status = np.where(wrong, alt, status)
        for i in np.flatnonzero(wrong).tolist():
            tags[i].append("status_wrong")
        months = np.where(kind == 0, p.months[person], 0).astype(str)
        months = np.where(kind == 2, "", months)
        ids = _noisy_ids([p.id_number[i] for i in person.tolist()], rates, rng, tags)
        names = _noisy_names([p.name[i] for i in person.tolist()], rates["name_homophone"], rng, tags)
        sex = _noisy_sex(p.sex[person], rates["sex_conflict"], rng, tags)
        birth = _noisy_birth(p.birth[person], rates["birth_conflict"], rng, tags)
        fmt = rng.choice(3, size=n, p=[0.5, 0.3, 0.2])
        b_iso, b_slash, b_compact = (_fmt_dates(birth, s) for s in ("iso", "slash", "compact"))
        births = [(b_iso, b_slash, b_compact)[f][i] for i, f in enumerate(fmt.tolist())]
        phones = _noisy_phones(p.phone[person], rates["phone_old"], rng, tags)
        reg_addr = self._reg_address(person, DISTRICT_NAME)
        registered = np.datetime64("2015-01-01") + rng.integers(0, 3800, n).astype("timedelta64[D]")
        comm = self.rooms.community[file_room]
        order = np.lexsort((file_room, comm))
        cols = {
            "序号": [str(i) for i in range(1, n + 1)],
            "所属居委": [self.comm_names[c] for c in comm.tolist()],
            "姓名": names,
            "证件号码": ids,
            "性别": _sex_text(sex),
            "出生日期": births,
            "实际居住地址": actual.tolist(),
            "户籍地址": reg_addr,
            "居住状态": status.tolist(),
            "居住月数": months.tolist(),
            "联系电话": phones,
            "登记日期": _fmt_dates(registered, "iso"),
        }
        t = Table("ledger", "ledger.csv", cols, [self.pid[i] for i in person.tolist()], tags)
        t = _duplicate_and_order(t, rates["duplicate"], rng, order)
        t.columns["序号"] = [str(i) for i in range(1, len(t) + 1)]
        self._write(t, out)

    def open_truth(self, truth_dir: Path) -> None:
        """Start truth/source_rows.csv; every source written afterwards streams its rows into it."""
        self._truth_fh = open(truth_dir / "source_rows.csv", "w", encoding="utf-8", newline="")
        self._truth_csv = csv.writer(self._truth_fh, lineterminator="\n")
        self._truth_csv.writerow(["source", "row", "entity_id", "noise"])

    def _write(self, t: Table, out: Path) -> None:
        path = out / t.filename
        with open(path, "w", encoding=ENCODINGS[t.filename], newline="") as fh:
            w = csv.writer(fh, lineterminator="\r\n")
            w.writerow(list(t.columns))
            w.writerows(zip(*t.columns.values()))
        tags = t.tags
        self._truth_csv.writerows(
            (t.source, i + 1, e, ";".join(tags[i]) if i in tags else "") for i, e in enumerate(t.entity))
        self.n_truth_rows += len(t)
        self.counts[t.filename] = len(t)
        self.headers[t.filename] = list(t.columns)

    def health(self, out: Path) -> None:
        p, rng = self.p, self.rng
        person = np.flatnonzero(p.health_record)
        person = person[rng.permutation(len(person))]
        n = len(person)
        tags: defaultdict = defaultdict(list)
        rates = NOISE["health"]
        addr = _addresses(self.book, "health", p.household[person], tags)
        ids = _noisy_ids([p.id_number[i] for i in person.tolist()], rates, rng, tags)
        names = _noisy_names([p.name[i] for i in person.tolist()], rates["name_homophone"], rng, tags)
        sex = _noisy_sex(p.sex[person], rates["sex_conflict"], rng, tags)
        birth = _noisy_birth(p.birth[person], rates["birth_conflict"], rng, tags)
        phones = _noisy_phones(p.phone[person], rates["phone_old"], rng, tags)
        since = np.datetime64("2010-01-01") + rng.integers(0, 5300, n).astype("timedelta64[D]")
        yn = lambda a: np.where(a, "是", "否").tolist()  # noqa: E731 (local formatter)
        cols = {
            "档案编号": [f"310115{i:09d}" for i in rng.permutation(n) + 1],
            "姓名": names,
            "身份证号": ids,
            "性别": _sex_text(sex),
            "出生日期": _fmt_dates(birth, "iso"),
            "现住址": addr,
            "联系电话": phones,
            "建档日期": _fmt_dates(since, "iso"),
            "高血压": yn(p.hypertension[person]),
            "糖尿病": yn(p.diabetes[person]),
            "签约家庭医生": yn(p.family_doctor[person]),
        }
        self._finish(Table("health", "health.csv", cols, [self.pid[i] for i in person.tolist()], tags), out)

    def civil_affairs(self, out: Path) -> None:
        p, rng = self.p, self.rng
        person = np.flatnonzero(p.dibao | (p.disability >= 0) | p.elderly_allowance)
        person = person[rng.permutation(len(person))]
        n = len(person)
        tags: defaultdict = defaultdict(list)
        rates = NOISE["civil_affairs"]
        reg_addr = _addresses(self.book, "civil_affairs", p.reg_room[person], tags)
        live = []
        for i in person.tolist():
            h = int(p.household[i])
            live.append(self.book.canonical_room(h, DISTRICT_NAME) if h >= 0
                        else vocab.AWAY_PLACES[int(p.away_place[i])] if p.away_place[i] >= 0 else "")
        ids = _noisy_ids([p.id_number[i] for i in person.tolist()], rates, rng, tags)
        birth = _noisy_birth(p.birth[person], rates["birth_conflict"], rng, tags)
        age = p.age[person]
        elderly = p.elderly_allowance[person]
        allowance = np.select([age >= 100, age >= 90], [600, 350], 180) * elderly
        amount = allowance + 1510 * p.dibao[person] + 200 * (p.disability[person] >= 0)
        dis = p.disability[person]
        cols = {
            "对象编号": [f"MZ{i:08d}" for i in range(1, n + 1)],
            "姓名": [p.name[i] for i in person.tolist()],
            "公民身份号码": ids,
            "性别": _sex_text(p.sex[person]),
            "出生日期": _fmt_dates(birth, "compact"),
            "户籍地址": reg_addr,
            "居住地址": live,
            "低保": np.where(p.dibao[person], "是", "否").tolist(),
            "残疾类别": [DISABILITY_TYPES[d] if d >= 0 else "" for d in dis.tolist()],
            "残疾等级": [GRADES[g] if g >= 0 else "" for g in p.disability_grade[person].tolist()],
            "高龄补贴": np.where(elderly, "是", "否").tolist(),
            "月发放金额": amount.astype(str).tolist(),
        }
        self._finish(Table("civil_affairs", "civil_affairs.csv", cols, [self.pid[i] for i in person.tolist()],
                           tags), out)

    def social_security(self, out: Path) -> None:
        p, f, rng = self.p, self.f, self.rng
        n_all = len(p)
        local = p.reg_mode != 2
        employed = (p.employment == 2) & (p.employer >= 0) & (rng.random(n_all) < np.where(local, 0.95, 0.75))
        retired = (p.employment == 4) & local & (rng.random(n_all) < 0.8)
        person = np.flatnonzero(employed | retired)
        person = person[rng.permutation(len(person))]
        n = len(person)
        tags: defaultdict = defaultdict(list)
        rates = NOISE["social_security"]
        ids = _noisy_ids([p.id_number[i] for i in person.tolist()], rates, rng, tags)
        sex = _noisy_sex(p.sex[person], rates["sex_conflict"], rng, tags)
        birth = _noisy_birth(p.birth[person], rates["birth_conflict"], rng, tags)
        emp = p.employer[person]
        is_ret = p.employment[person] == 4
        credit, firm = [], []
        bad = rng.random(n) < rates["credit_code_checksum"]
        charset = codes.CREDIT_CHARSET
        for i, (e, r) in enumerate(zip(emp.tolist(), is_ret.tolist())):
            if r or e < 0:
                credit.append("")
                firm.append("")
                continue
            code = f.credit_code[e]
            if bad[i]:
                k = int(rng.integers(8, 17))
                ch = charset[(charset.index(code[k]) + int(rng.integers(1, 31))) % 31]
                code = code[:k] + ch + code[k + 1:]
                tags[i].append("credit_code_checksum")
            credit.append(code)
            firm.append(f.name[e])
        status = np.where(is_ret, "退休", np.where(rng.random(n) < 0.05, "暂停缴费", "正常缴费"))
        birth_y = p.birth[person].astype("datetime64[Y]").astype(int) + 1970
        start_y = np.clip(birth_y + 18 + rng.integers(0, 8, n), 1993, 2025)
        start = [f"{y}{m:02d}" for y, m in zip(start_y.tolist(), rng.integers(1, 7, n).tolist())]
        base = np.where(is_ret, 0, np.round(rng.lognormal(np.log(9000), 0.45, n), -1).clip(7384, 36921))
        cols = {
            "个人编号": [f"{i:010d}" for i in rng.permutation(n) + 31000000],
            "姓名": [p.name[i] for i in person.tolist()],
            "身份证号码": ids,
            "性别": np.where(sex == 1, "1", "2").tolist(),
            "出生年月": _fmt_dates(birth, "ym"),
            "单位统一社会信用代码": credit,
            "单位名称": firm,
            "参保状态": status.tolist(),
            "参保年月": start,
            "月缴费基数": base.astype(int).astype(str).tolist(),
        }
        self._finish(Table("social_security", "social_security.csv", cols, [self.pid[i] for i in person.tolist()],
                           tags), out)

    def enterprises(self, out: Path) -> None:
        f, rng = self.f, self.rng
        idx = np.flatnonzero(f.in_district)
        idx = idx[rng.permutation(len(idx))]
        n = len(idx)
        tags: defaultdict = defaultdict(list)
        flags = _addr_flags("enterprises", n, rng)
        addr = []
        for k, e in enumerate(idx.tolist()):
            bi, room = int(f.building[e]), int(f.room[e])
            unit = int(self.rooms.unit[f.res_room[e]]) if f.res_room[e] >= 0 else 1
            if flags[k].any():
                addr.append(self.book.render(bi, room, unit, flags[k], tags[k]))
            else:
                addr.append(self.book.canonical(bi, room))
        reported = np.maximum(1, np.round(f.employees[idx] * rng.uniform(0.6, 1.6, n))).astype(int)
        cols = {
            "统一社会信用代码": [f.credit_code[e] for e in idx.tolist()],
            "企业名称": [f.name[e] for e in idx.tolist()],
            "注册地址": addr,
            "行业门类": [vocab.INDUSTRIES[i][0] for i in f.industry[idx].tolist()],
            "成立日期": _fmt_dates(f.founded[idx], "iso"),
            "注册资本(万元)": f.capital[idx].astype(str).tolist(),
            "登记状态": [Enterprises.STATUS[s] for s in f.status[idx].tolist()],
            "法定代表人": [f.legal_rep[e] for e in idx.tolist()],
            "从业人数": reported.astype(str).tolist(),
        }
        self._finish(Table("enterprises", "enterprises.csv", cols, [f.credit_code[e] for e in idx.tolist()], tags),
                     out)

    # -- truth -----------------------------------------------------------------
    def write_truth(self, out: Path, offset: tuple[float, float] = (0.0, 0.0)) -> dict[str, int]:
        p, f, rooms, d = self.p, self.f, self.rooms, self.d
        bid = [b.building_id for b in d.buildings]
        hid = [f"H{i + 1:07d}" for i in range(len(rooms))]
        counts = {}
        n_res = np.bincount(p.household[p.household >= 0], minlength=len(rooms))
        with open(out / "households.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["household_id", "building_id", "unit", "floor", "room", "address", "community_code",
                        "grid_code", "occupied", "n_residents"])
            comm = [b.community_code for b in d.buildings]
            grid = [b.grid_code for b in d.buildings]
            w.writerows(
                (hid[r], bid[b], u, fl, rm, self.book.canonical_room(r), comm[b], grid[b], int(o), k)
                for r, (b, u, fl, rm, o, k) in enumerate(zip(
                    rooms.building.tolist(), rooms.unit.tolist(), rooms.floor.tolist(), rooms.room.tolist(),
                    rooms.occupied.astype(int).tolist(), n_res.tolist())))
        counts["households.csv"] = len(rooms)

        status = np.array(["人户一致", "人在户不在", "人在户不在", "人不在户在"])[p.reg_mode]
        res_type = np.where(p.reg_mode == 3, "外出", np.where((p.reg_mode == 2) & (p.months < 6), "流动", "常住"))
        emp_names = np.array(["child", "student", "employed", "unemployed", "retired"])
        with open(out / "persons.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["person_id", "id_number", "name", "sex", "birth_date", "ethnicity", "registration",
                        "living_status", "residence_type", "months_resident", "household_id", "building_id",
                        "registered_household_id", "registered_building_id", "hukou_no", "relation_to_head",
                        "family_id", "phone", "employment", "employer_credit_code", "health_record",
                        "hypertension", "diabetes", "family_doctor", "dibao", "disability", "disability_grade",
                        "elderly_allowance"])
            hid_a = np.array(hid + [""], dtype=object)
            bid_a = np.array(bid + [""], dtype=object)
            room_b = np.append(rooms.building, len(bid))  # index -1 -> ""
            hh, rr = p.household, p.reg_room
            credit = np.array(f.credit_code + [""], dtype=object)
            yes = lambda a: a.astype(int).tolist()  # noqa: E731 (local formatter)
            cols = [
                self.pid, p.id_number, p.name, np.where(p.sex == 1, "M", "F").tolist(), _fmt_dates(p.birth, "iso"),
                [vocab.ETHNICITIES[e][0] for e in p.ethnicity.tolist()],
                np.array(REG_MODES)[p.reg_mode].tolist(), status.tolist(), res_type.tolist(), p.months.tolist(),
                hid_a[hh].tolist(), bid_a[room_b[hh]].tolist(), hid_a[rr].tolist(), bid_a[room_b[rr]].tolist(),
                np.where(p.hukou_no > 0, p.hukou_no.astype(str), "").tolist(),
                np.array(RELATIONS)[p.relation].tolist(), [f"FAM{k + 1:07d}" for k in p.family.tolist()],
                p.phone.tolist(), emp_names[p.employment].tolist(), credit[p.employer].tolist(),
                yes(p.health_record), yes(p.hypertension), yes(p.diabetes), yes(p.family_doctor), yes(p.dibao),
                np.array(DISABILITY_TYPES + ("",))[p.disability].tolist(),
                np.array(GRADES + ("",))[p.disability_grade].tolist(), yes(p.elderly_allowance),
            ]
            w.writerows(zip(*cols))
        counts["persons.csv"] = len(p)

        with open(out / "enterprises.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["credit_code", "name", "in_registry", "building_id", "room", "address", "industry",
                        "employees"])
            for e in range(len(f.credit_code)):
                b = int(f.building[e])
                w.writerow([f.credit_code[e], f.name[e], int(f.in_district[e]), bid[b] if b >= 0 else "",
                            int(f.room[e]) or "", self.book.canonical(b, int(f.room[e])) if b >= 0 else "",
                            vocab.INDUSTRIES[f.industry[e]][0], int(f.employees[e])])
        counts["enterprises.csv"] = len(f.credit_code)

        if self._truth_fh is not None:
            self._truth_fh.close()
            self._truth_fh = None
        counts["source_rows.csv"] = self.n_truth_rows

        with open(out / "road_defects.csv", "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["kind", "edge_id", "gap_m", "x", "y", "note"])
            for dd in d.defects:
                w.writerow([dd["kind"], dd["edge_id"], dd["gap_m"] if dd["gap_m"] is not None else "",
                            dd["x"] + offset[0], dd["y"] + offset[1], dd["note"]])
        counts["road_defects.csv"] = len(d.defects)
        return counts


def hash_int(text: str) -> int:
    """Small deterministic hash (Python's hash() is salted per process)."""
    h = 2166136261
    for ch in text.encode("ascii", "replace"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h
