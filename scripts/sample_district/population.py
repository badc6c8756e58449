"""The true population of the sample district, built with numpy arrays.

Rooms (户室) are the households of the twin: every residential building has
``floors x units x rooms-per-unit`` rooms numbered ``<floor><nn>`` (1203 = floor
12, room 03).  ``households`` rooms are occupied; the rest are vacant.

Each occupied room gets a household drawn from templates (single, couple,
nuclear family, three generations, flat-sharers, ...) whose ages are tied
together (children 24-36 years younger than parents, ...), which gives a
Shanghai-like age pyramid (few children, a bulge at 30-40 and at 55-70).

Registration (户籍) and residence:
    ``same_room``  registered at the room they live in (人户一致);
    ``other_room`` registered at another room of the district (人户分离 within
                   the district: 人在户不在 where they live, 人不在户在 where registered);
    ``outside``    registered outside the district (来沪/外区人员: 人在户不在;
                   常住 if resident >= 6 months, else 流动);
    ``away``       registered at a room here but living elsewhere (人不在户在, 外出);
                   these are extra people, not members of the resident households.

ID numbers follow GB 11643 (``cim_twin_plugin.core.idnumber``): address code
310115 for most people registered here (other Shanghai district codes for some),
the origin county's code for people registered outside; sequence numbers are
unique per (address code, birth date) with the sex in their parity.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import codes, vocab
from .layout import District

REF_DATE = np.datetime64("2025-06-30")
"""Reference date of the snapshot (ages, months resident): fixed for reproducibility."""

RELATIONS = ("户主", "配偶", "子", "女", "父亲", "母亲", "其他", "孙子", "孙女")
REG_MODES = ("same_room", "other_room", "outside", "away")
DISABILITY_TYPES = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
GRADES = ("一级", "二级", "三级", "四级")
LOCAL_REGION = 310115
CHECK = np.array(list("10X98765432"))
WEIGHTS = np.array([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2], dtype=np.int64)

# name, share of households, share of migrant (registered-outside) households
TEMPLATES = (
    ("single_young", 0.10, 0.55), ("single_old", 0.08, 0.03), ("couple_young", 0.08, 0.45),
    ("couple_mid", 0.12, 0.20), ("couple_old", 0.13, 0.05), ("nuclear1", 0.19, 0.35),
    ("nuclear2", 0.06, 0.30), ("three_gen", 0.10, 0.12), ("shared", 0.05, 0.80),
    ("single_parent", 0.04, 0.30), ("old_with_child", 0.05, 0.05),
)
AWAY_TEMPLATES = (("single_young", 0.35), ("couple_young", 0.2), ("nuclear1", 0.25), ("couple_old", 0.2))


@dataclass
class Rooms:
    building: np.ndarray  # index into District.buildings
    floor: np.ndarray
    unit: np.ndarray
    room: np.ndarray  # 1203
    occupied: np.ndarray  # bool
    community: np.ndarray  # index into community list

    def __len__(self) -> int:
        return len(self.building)


@dataclass
class Enterprises:
    credit_code: list[str]
    name: list[str]
    industry: np.ndarray  # index into vocab.INDUSTRIES
    in_district: np.ndarray  # bool: registered in the district (in the registry)
    building: np.ndarray  # index into buildings, -1 outside
    room: np.ndarray  # room number in the building (0 = none)
    res_room: np.ndarray  # index into Rooms for home offices, -1 otherwise
    founded: np.ndarray  # datetime64[D]
    capital: np.ndarray  # 万元
    status: np.ndarray  # index into STATUS
    legal_rep: list[str]
    employees: np.ndarray  # true employees among the district's people

    STATUS = ("存续", "在业", "注销", "吊销")


@dataclass
class Persons:
    household: np.ndarray  # room index where living, -1 = away
    family: np.ndarray  # family index (resident households then away families)
    reg_room: np.ndarray  # room index of registration, -1 = outside
    reg_mode: np.ndarray  # index into REG_MODES
    hukou_group: np.ndarray  # -1 = not registered here
    hukou_no: np.ndarray  # int, 0 = none
    relation: np.ndarray
    sex: np.ndarray  # 1 male, 0 female
    birth: np.ndarray  # datetime64[D]
    region: np.ndarray  # 6-digit address code of the ID number
    id_number: list[str]
    name: list[str]
    ethnicity: np.ndarray
    months: np.ndarray  # months resident at the living address (0 = away)
    phone: np.ndarray  # int64, own or guardian's
    origin: np.ndarray  # index into vocab.ORIGINS for outside registration, -1
    away_place: np.ndarray  # index into vocab.AWAY_PLACES, -1
    employment: np.ndarray
    employer: np.ndarray  # index into Enterprises, -1
    health_record: np.ndarray
    hypertension: np.ndarray
    diabetes: np.ndarray
    family_doctor: np.ndarray
    dibao: np.ndarray
    disability: np.ndarray  # index into DISABILITY_TYPES, -1
    disability_grade: np.ndarray
    elderly_allowance: np.ndarray

    def __len__(self) -> int:
        return len(self.household)

    @property
    def age(self) -> np.ndarray:
        return ((REF_DATE - self.birth).astype(int) / 365.2425).astype(int)


# ----------------------------------------------------------------------------
def make_rooms(district: District, households: int, rng: np.random.Generator) -> Rooms:
    comm_index = {u.code: i for i, u in enumerate(u for u in district.admin if u.level == "community")}
    res = [(i, b) for i, b in enumerate(district.buildings) if b.use == "residential"]
    per_floor = np.array([b.units * b.rooms_per_unit for _, b in res])
    floors = np.array([b.floors for _, b in res])
    rpu = np.array([b.rooms_per_unit for _, b in res])
    counts = per_floor * floors
    bidx = np.repeat(np.array([i for i, _ in res]), counts)
    # position within building -> floor, index on floor
    start = np.repeat(np.cumsum(counts) - counts, counts)
    pos = np.arange(counts.sum()) - start
    pf = np.repeat(per_floor, counts)
    floor = pos // pf + 1
    idx = pos % pf + 1
    unit = (idx - 1) // np.repeat(rpu, counts) + 1
    community = np.repeat(np.array([comm_index[b.community_code] for _, b in res]), counts)
    n = len(bidx)
    if households > n:
        raise RuntimeError(f"only {n} rooms for {households} households")
    occupied = np.zeros(n, dtype=bool)
    occupied[rng.choice(n, size=households, replace=False)] = True
    return Rooms(bidx, floor, unit, floor * 100 + idx, occupied, community)


def _tri(rng, lo, mode, hi, n):
    return np.floor(rng.triangular(lo, mode, hi + 1, n)).astype(int)


def _template_members(name: str, n: int, rng: np.random.Generator):
    """Roles of ``n`` households of a template: list of (relation, age, sex, present)."""
    ones = np.ones(n, dtype=bool)
    roles = []

    def child_rel(sex):
        return np.where(sex == 1, 2, 3)

    def couple(lo, mode, hi, spread):
        head = _tri(rng, lo, mode, hi, n)
        head_sex = (rng.random(n) < 0.72).astype(int)
        spouse = np.clip(head + rng.integers(-spread, spread + 1, n) - 2 * head_sex + 1, 18, 100)
        roles.append((np.zeros(n, int), head, head_sex, ones))
        roles.append((np.ones(n, int), spouse, 1 - head_sex, ones))
        return head

    def child_of(parent, lo, hi, present=ones):
        age = parent - rng.integers(lo, hi + 1, n)
        age = np.where(age < 0, rng.integers(0, 3, n), age)
        sex = (rng.random(n) < 0.52).astype(int)
        roles.append((child_rel(sex), age, sex, present))
        return age

    if name == "single_young":
        roles.append((np.zeros(n, int), _tri(rng, 20, 28, 42, n), (rng.random(n) < 0.55).astype(int), ones))
    elif name == "single_old":
        roles.append((np.zeros(n, int), _tri(rng, 62, 76, 100, n), (rng.random(n) < 0.35).astype(int), ones))
    elif name == "couple_young":
        couple(23, 29, 40, 3)
    elif name == "couple_mid":
        couple(41, 55, 62, 3)
    elif name == "couple_old":
        couple(60, 68, 95, 4)
    elif name == "nuclear1":
        head = couple(26, 38, 56, 3)
        child_of(head, 24, 36)
    elif name == "nuclear2":
        head = couple(30, 40, 52, 3)
        c1 = child_of(head, 24, 34)
        age2 = c1 - rng.integers(1, 9, n)
        sex2 = (rng.random(n) < 0.52).astype(int)
        roles.append((child_rel(sex2), np.maximum(age2, 0), sex2, ones))
    elif name == "three_gen":
        head = couple(28, 36, 48, 3)
        child_of(head, 24, 35)
        u = rng.random(n)
        father = np.clip(head + rng.integers(24, 35, n), 0, 100)
        mother = np.clip(father - rng.integers(0, 5, n), 0, 100)
        roles.append((np.full(n, 4), father, np.ones(n, int), u < 0.75))
        roles.append((np.full(n, 5), mother, np.zeros(n, int), (u < 0.6) | (u >= 0.75)))
    elif name == "shared":
        roles.append((np.zeros(n, int), _tri(rng, 20, 26, 40, n), (rng.random(n) < 0.5).astype(int), ones))
        roles.append((np.full(n, 6), _tri(rng, 20, 26, 40, n), (rng.random(n) < 0.5).astype(int), ones))
        roles.append((np.full(n, 6), _tri(rng, 20, 26, 40, n), (rng.random(n) < 0.5).astype(int), rng.random(n) < 0.4))
    elif name == "single_parent":
        head = _tri(rng, 30, 42, 56, n)
        roles.append((np.zeros(n, int), head, (rng.random(n) < 0.25).astype(int), ones))
        child_of(head, 22, 38)
    elif name == "old_with_child":
        head = _tri(rng, 58, 70, 90, n)
        head_sex = (rng.random(n) < 0.6).astype(int)
        roles.append((np.zeros(n, int), head, head_sex, ones))
        spouse = np.clip(head + rng.integers(-4, 5, n), 50, 100)
        roles.append((np.ones(n, int), spouse, 1 - head_sex, rng.random(n) < 0.7))
        child_of(head, 24, 36)
    else:  # pragma: no cover
        raise ValueError(name)
    return roles


def _families(template_idx: np.ndarray, names: list[str], rng):
    """Members of families: arrays (family, relation, age, sex), ordered by family then role."""
    fam, rel, age, sex, order = [], [], [], [], []
    for t, name in enumerate(names):
        members = np.flatnonzero(template_idx == t)
        if len(members) == 0:
            continue
        for k, (r, a, s, present) in enumerate(_template_members(name, len(members), rng)):
            fam.append(members[present])
            rel.append(r[present])
            age.append(np.clip(a[present], 0, 100))
            sex.append(s[present])
            order.append(np.full(present.sum(), k))
    fam, rel, age, sex, order = (np.concatenate(x) for x in (fam, rel, age, sex, order))
    srt = np.lexsort((order, fam))
    return fam[srt], rel[srt], age[srt], sex[srt]


def _birth_dates(age: np.ndarray, rng) -> np.ndarray:
    days = np.round(age * 365.2425).astype(int) + rng.integers(0, 365, len(age))
    return REF_DATE - days.astype("timedelta64[D]")


def _ymd(birth: np.ndarray) -> np.ndarray:
    y = birth.astype("datetime64[Y]").astype(int) + 1970
    m = birth.astype("datetime64[M]").astype(int) % 12 + 1
    d = (birth - birth.astype("datetime64[M]").astype("datetime64[D]")).astype(int) + 1
    return y * 10000 + m * 100 + d


def make_id_numbers(region: np.ndarray, birth: np.ndarray, sex: np.ndarray, rng) -> list[str]:
    """Checksum-valid GB 11643 numbers, unique per person (vectorised)."""
    ymd = _ymd(birth)
    key = region.astype(np.int64) * 10**9 + ymd.astype(np.int64) * 10 + sex
    tiebreak = rng.random(len(key))
    srt = np.lexsort((tiebreak, key))
    uniq, first, inverse = np.unique(key[srt], return_index=True, return_inverse=True)
    rank = np.arange(len(key)) - first[inverse]
    if rank.max(initial=0) >= 500:
        raise RuntimeError("more than 500 people share address code, birth date and sex")
    base = rng.integers(0, 500, len(uniq))
    k = (base[inverse] + rank * 37) % 500
    seq = np.empty(len(key), dtype=np.int64)
    seq[srt] = 2 * k + sex[srt]
    first17 = region.astype(np.int64) * 10**11 + ymd.astype(np.int64) * 1000 + seq
    digits = (first17[:, None] // (10 ** np.arange(16, -1, -1, dtype=np.int64))) % 10
    check = CHECK[(digits * WEIGHTS).sum(axis=1) % 11]
    return [f"{a:017d}{c}" for a, c in zip(first17.tolist(), check.tolist())]


def make_names(sex: np.ndarray, rng) -> list[str]:
    n = len(sex)
    sur = np.array([s for s, _ in vocab.SURNAMES])
    w = np.array([p for _, p in vocab.SURNAMES])
    s_idx = rng.choice(len(sur), size=n, p=w / w.sum())
    male = np.array(vocab.GIVEN_MALE + vocab.GIVEN_NEUTRAL)
    female = np.array(vocab.GIVEN_FEMALE + vocab.GIVEN_NEUTRAL)
    g1 = np.where(sex == 1, male[rng.integers(0, len(male), n)], female[rng.integers(0, len(female), n)])
    g2 = np.where(sex == 1, male[rng.integers(0, len(male), n)], female[rng.integers(0, len(female), n)])
    two = rng.random(n) < 0.75
    g2 = np.where(two, g2, "")
    return [a + b + c for a, b, c in zip(sur[s_idx].tolist(), g1.tolist(), g2.tolist())]


def make_phones(n: int, rng) -> np.ndarray:
    prefixes = np.array([int(p) for p in vocab.PHONE_PREFIXES], dtype=np.int64)
    return prefixes[rng.integers(0, len(prefixes), n)] * 10**8 + rng.integers(0, 10**8, n)


def make_population(district: District, rooms: Rooms, rng: np.random.Generator) -> Persons:
    occ = np.flatnonzero(rooms.occupied)
    n_hh = len(occ)
    tnames = [t[0] for t in TEMPLATES]
    tp = np.array([t[1] for t in TEMPLATES])
    tmpl = rng.choice(len(TEMPLATES), size=n_hh, p=tp / tp.sum())
    migrant_hh = rng.random(n_hh) < np.array([t[2] for t in TEMPLATES])[tmpl]
    fam, rel, age, sex = _families(tmpl, tnames, rng)

    n_away = max(3, round(0.035 * n_hh))
    anames = [t[0] for t in AWAY_TEMPLATES]
    ap = np.array([t[1] for t in AWAY_TEMPLATES])
    atmpl = rng.choice(len(AWAY_TEMPLATES), size=n_away, p=ap / ap.sum())
    afam, arel, aage, asex = _families(atmpl, anames, rng)

    n_res = len(fam)
    family = np.concatenate([fam, afam + n_hh])
    rel = np.concatenate([rel, arel])
    age = np.concatenate([age, aage])
    sex = np.concatenate([sex, asex])
    n = len(family)
    resident = np.arange(n) < n_res
    household = np.full(n, -1)
    household[:n_res] = occ[fam]

    # registration
    n_rooms = len(rooms)
    hh_mode = np.where(migrant_hh, 2, np.where(rng.random(n_hh) < 0.10, 1, 0))
    hh_other_room = rng.integers(0, n_rooms, n_hh)
    hh_other_room = np.where(hh_other_room == occ, (hh_other_room + 1) % n_rooms, hh_other_room)
    reg_mode = np.full(n, 3)
    reg_mode[:n_res] = hh_mode[fam]
    spouse_out = resident & (reg_mode != 2) & (rel == 1) & (rng.random(n) < 0.08)
    reg_mode[spouse_out] = 2
    reg_room = np.full(n, -1)
    reg_room[:n_res] = np.where(hh_mode[fam] == 0, occ[fam], hh_other_room[fam])
    reg_room[reg_mode == 2] = -1
    vacant = np.flatnonzero(~rooms.occupied)
    away_room = rng.choice(n_rooms, n_away)
    if len(vacant):
        use_vacant = rng.random(n_away) < 0.4
        away_room = np.where(use_vacant, vacant[rng.integers(0, len(vacant), n_away)], away_room)
    reg_room[n_res:] = away_room[afam]

    registered = reg_room >= 0
    hukou_group = np.where(registered, family, -1)
    groups = np.unique(hukou_group[registered])
    numbers = 100000000 + rng.choice(900000000, size=len(groups), replace=False)
    hukou_no = np.zeros(n, dtype=np.int64)
    hukou_no[registered] = numbers[np.searchsorted(groups, hukou_group[registered])]

    # origins and ID address codes
    origin = np.full(n, -1)
    fam_origin = rng.integers(0, len(vocab.ORIGINS), n_hh + n_away)
    origin[reg_mode == 2] = fam_origin[family[reg_mode == 2]]
    spouse_origin = rng.integers(0, len(vocab.ORIGINS), n)
    origin[spouse_out] = spouse_origin[spouse_out]
    origin_codes = np.array([int(c) for c, _ in vocab.ORIGINS])
    sh_codes = np.array([int(c) for c, _ in vocab.SHANGHAI_DISTRICTS])
    n_fam = n_hh + n_away
    fam_region = np.where(rng.random(n_fam) < 0.8, LOCAL_REGION, sh_codes[rng.integers(0, len(sh_codes), n_fam)])
    region = np.where(rng.random(n) < 0.15, sh_codes[rng.integers(0, len(sh_codes), n)], fam_region[family])
    region = np.where(origin >= 0, origin_codes[np.maximum(origin, 0)], region)

    birth = _birth_dates(age, rng)
    id_number = make_id_numbers(region, birth, sex, rng)
    name = make_names(sex, rng)
    ew = np.array([p for _, p in vocab.ETHNICITIES])
    ethnicity = rng.choice(len(ew), size=n, p=ew / ew.sum())
    # children share their household head's family name (first member of each family is the head)
    # children take the father's family name (the male of the head couple, else the head's); the head's
    # father shares the head's family name when the head is a man
    fam_first = np.searchsorted(family, family)
    spouse_idx = np.minimum(fam_first + 1, n - 1)
    has_male_spouse = (family[spouse_idx] == family) & (rel[spouse_idx] == 1) & (sex[spouse_idx] == 1)
    father_idx = np.where((sex[fam_first] == 0) & has_male_spouse, spouse_idx, fam_first)
    take = ((rel == 2) | (rel == 3) | (rel >= 7)) | ((rel == 4) & (sex[fam_first] == 1))
    sur = [name[i][0] for i in father_idx.tolist()]
    name = [fs + nm[1:] if t else nm for nm, fs, t in zip(name, sur, take.tolist())]

    age_months = ((REF_DATE - birth).astype(int) / 30.44).astype(int) + 1
    # months at the living address: one move-in date per household, capped by age; a spouse registered
    # outside keeps the household's date
    fam_short = rng.random(n_hh) < 0.3
    fam_months = np.select(
        [hh_mode == 0, hh_mode == 1],
        [rng.integers(6, 600, n_hh), rng.integers(3, 240, n_hh)],
        np.where(fam_short, rng.integers(1, 6, n_hh), rng.integers(6, 181, n_hh)),
    )
    months = np.zeros(n, dtype=int)
    months[:n_res] = np.minimum(fam_months[fam], age_months[:n_res])
    away_place = np.where(reg_mode == 3, rng.integers(0, len(vocab.AWAY_PLACES), n), -1)

    phone = make_phones(n, rng)
    phone = np.where(age < 14, phone[fam_first], phone)

    # employment
    retire_age = np.where(sex == 1, 60, 55)
    p_emp = np.where(reg_mode == 2, 0.88, 0.80)
    employment = np.select(
        [age < 3, age < 18, (age < 23) & (rng.random(n) < 0.5), age >= retire_age],
        [0, 1, 1, 4],
        default=np.where(rng.random(n) < p_emp, 2, 3),
    )
    persons = Persons(
        household=household, family=family, reg_room=reg_room, reg_mode=reg_mode, hukou_group=hukou_group,
        hukou_no=hukou_no, relation=rel, sex=sex, birth=birth, region=region, id_number=id_number, name=name,
        ethnicity=ethnicity, months=months, phone=phone, origin=origin, away_place=away_place,
        employment=employment, employer=np.full(n, -1),
        health_record=np.zeros(n, bool), hypertension=np.zeros(n, bool), diabetes=np.zeros(n, bool),
        family_doctor=np.zeros(n, bool), dibao=np.zeros(n, bool), disability=np.full(n, -1),
        disability_grade=np.full(n, -1), elderly_allowance=np.zeros(n, bool),
    )
    _welfare(persons, age, rng)
    return persons


def _welfare(p: Persons, age: np.ndarray, rng) -> None:
    n = len(p)
    resident = p.household >= 0
    registered = p.reg_room >= 0
    local = p.reg_mode != 2
    p_rec = np.where(age >= 65, 0.95, np.where(local, 0.8, 0.55))
    p.health_record[:] = resident & (rng.random(n) < p_rec)
    p_ht = np.select([age < 40, age < 60], [0.02, 0.12], 0.38)
    p_dm = np.select([age < 40, age < 60], [0.005, 0.05], 0.16)
    p.hypertension[:] = rng.random(n) < p_ht
    p.diabetes[:] = rng.random(n) < p_dm
    p_fd = np.where(age >= 65, 0.8, np.where(p.hypertension | p.diabetes, 0.6, 0.25))
    p.family_doctor[:] = p.health_record & (rng.random(n) < p_fd)
    groups = np.unique(p.hukou_group[registered])
    poor = groups[rng.random(len(groups)) < 0.012]
    p.dibao[:] = registered & np.isin(p.hukou_group, poor)
    p_dis = np.where(age >= 60, 0.06, 0.015)
    dis = registered & (rng.random(n) < p_dis)
    p.disability[:] = np.where(dis, rng.integers(0, len(DISABILITY_TYPES), n), -1)
    p.disability_grade[:] = np.where(dis, rng.integers(0, 4, n), -1)
    p.elderly_allowance[:] = registered & (age >= 80) & (rng.random(n) < 0.95)


# ----------------------------------------------------------------------------
def make_enterprises(district: District, rooms: Rooms, persons: Persons, rng) -> Enterprises:
    """Firms registered in the district's office/commercial buildings and in homes, plus outside employers."""
    bl = district.buildings
    b_idx, b_room = [], []
    for i, b in enumerate(bl):
        if b.use == "office":
            k = max(1, round(b.floors * rng.uniform(0.3, 1.5)))
        elif b.use == "commercial":
            k = int(rng.integers(3, 16))
        elif b.use == "mixed" and b.lane is None:
            k = int(rng.integers(2, 9))
        else:
            continue
        floors = rng.integers(1, b.floors + 1, k)
        slot = rng.integers(1, 30, k)
        rooms_no = sorted(set((floors * 100 + slot).tolist()))
        b_idx += [i] * len(rooms_no)
        b_room += rooms_no
    n_office = len(b_idx)
    n_home = max(1, round(n_office * 0.05))
    home = rng.choice(len(rooms), n_home, replace=False)
    n_local = n_office + n_home
    n_out = max(50, n_local // 2)
    n = n_local + n_out

    in_district = np.arange(n) < n_local
    building = np.full(n, -1)
    building[:n_office] = b_idx
    building[n_office:n_local] = rooms.building[home]
    room = np.zeros(n, dtype=int)
    room[:n_office] = b_room
    room[n_office:n_local] = rooms.room[home]
    res_room = np.full(n, -1)
    res_room[n_office:n_local] = home

    iw = np.array([w for *_, w in vocab.INDUSTRIES])
    industry = rng.choice(len(iw), size=n, p=iw / iw.sum())
    sh = [c for c, _ in vocab.SHANGHAI_DISTRICTS]
    regions = ["310115"] * n_local + [sh[i] for i in rng.integers(0, len(sh), n_out)]
    charset = codes.CREDIT_CHARSET.replace("X", "")
    codes_seen: set[str] = set()
    credit = []
    for reg in regions:
        while True:
            if rng.random() < 0.7:
                body = "MA1" + "".join(charset[i] for i in rng.integers(0, len(charset), 5))
            else:
                body = f"{int(rng.integers(10**7, 10**8)):08d}"
            code = codes.make_credit_code(reg, body)
            if code not in codes_seen:
                codes_seen.add(code)
                credit.append(code)
                break
    names_seen: set[str] = set()
    names = []
    fc = vocab.FIRM_CHARS
    for ind in industry.tolist():
        words = vocab.INDUSTRIES[ind][1]
        while True:
            k = 2 if rng.random() < 0.8 else 3
            brand = "".join(fc[i] for i in rng.integers(0, len(fc), k))
            nm = f"上海{brand}{words[int(rng.integers(0, len(words)))]}有限公司"
            if nm not in names_seen:
                names_seen.add(nm)
                names.append(nm)
                break
    founded = np.datetime64("1995-01-01") + rng.integers(0, 365 * 30, n).astype("timedelta64[D]")
    capital = np.round(np.exp(rng.normal(5.5, 1.3, n))).astype(int) + 1
    status = rng.choice(4, size=n, p=[0.85, 0.10, 0.03, 0.02])
    legal_rep = make_names((rng.random(n) < 0.65).astype(int), rng)

    # employers of employed people: 35 % work for a firm registered in the district
    size = np.exp(rng.normal(0, 1.2, n))
    employed = np.flatnonzero(persons.employment == 2)
    local = rng.random(len(employed)) < 0.35
    pl = size[:n_local] / size[:n_local].sum()
    po = size[n_local:] / size[n_local:].sum()
    emp = np.where(local, rng.choice(n_local, len(employed), p=pl), n_local + rng.choice(n_out, len(employed), p=po))
    persons.employer[employed] = emp
    employees = np.bincount(emp, minlength=n)
    return Enterprises(credit, names, industry, in_district, building, room, res_room, founded, capital, status,
                       legal_rep, employees)
