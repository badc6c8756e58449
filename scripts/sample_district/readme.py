"""README files written next to the sources and the truth tables (generated from the constants)."""
from __future__ import annotations

from pathlib import Path

from .sources import ADDR_KEYS, ADDRESS_NOISE, ENCODINGS, NOISE

_ENC_TEXT = {"gbk": "GBK", "utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8 (no BOM)"}

_SOURCES = {
    "hukou.csv": ("户籍 household registry (police)",
                  "everyone registered at an address in the district, including people living elsewhere "
                  "(人不在户在); sorted by 户号. Not in it: residents registered outside the district."),
    "ledger.csv": ("居委台账 community ledger",
                   "~98% of residents (filed under the community they live in), ~60% of people registered here "
                   "but living elsewhere and ~50% of people registered at another room of the district (both filed "
                   "under the community of registration, 居住状态 人不在户在); sorted by community. 户籍地址 is "
                   "not noised; 出生日期 comes as 1985-07-09, 1985/7/9 or 19850709."),
    "health.csv": ("卫健 resident health records (建档)",
                   "residents with a health record (95% of people 65+, 80% of other locals, 55% of "
                   "registered-outside residents); 现住址 = where they live."),
    "civil_affairs.csv": ("民政 civil-affairs beneficiaries",
                          "people registered here with 低保 (whole 户, 1.2% of 户), a disability (1.5%, 6% at 60+) or "
                          "高龄补贴 (80+); 户籍地址 noised, 居住地址 plain or a place outside for people away."),
    "social_security.csv": ("社保 social insurance",
                            "insured employees (95% of employed locals, 75% of employed people registered outside) "
                            "and 80% of local retirees (退休, no employer); 性别 as GB/T 2261.1 code 1 = male, "
                            "2 = female; 出生年月 YYYYMM; employer credit codes valid (GB 32100) except "
                            "credit_code_checksum rows; ~65% of employers are outside the district and therefore "
                            "absent from enterprises.csv."),
    "enterprises.csv": ("企业 enterprise registry",
                        "firms registered in the district's office, commercial and mixed buildings, plus 5% at home "
                        "addresses (residential rooms); 从业人数 is self-reported (0.6-1.6 x the true count)."),
}


def write_sources_readme(path: Path, headers: dict[str, list[str]], counts: dict[str, int]) -> None:
    lines = [
        "Government source tables of the CIM Twin sample district (synthetic people, synthetic noise).",
        "All files: comma-separated, one header line, CRLF line ends, no quoting needed.",
        "Join them to the twin by ID number, name + birth date and address; measure the joins against ../truth/.",
        "",
    ]
    for fname, (title, coverage) in _SOURCES.items():
        src = fname.removesuffix(".csv")
        lines += [
            f"{fname} -- {title}",
            f"  encoding: {_ENC_TEXT[ENCODINGS[fname]]}",
            f"  rows: {counts.get(fname, 0)}",
            f"  columns: {', '.join(headers.get(fname, []))}",
            f"  coverage: {coverage}",
        ]
        rates = dict(NOISE.get(src, {}))
        if src in ADDRESS_NOISE:
            rates.update({f"addr_{k}": v for k, v in zip(ADDR_KEYS, ADDRESS_NOISE[src]) if v})
        lines.append("  noise rates per row: " + ", ".join(f"{k} {v:.1%}" for k, v in rates.items()))
        lines.append("")
    lines += [
        "Notes on the noise:",
        "  addr_nonexistent splits evenly into a road that is not in the district and a 号/弄 number that does",
        "  not exist (tags addr_nonexistent_road, addr_nonexistent_number); addr_no_city and",
        "  addr_no_city_district exclude each other; addr_haolou applies to lane (弄) buildings only,",
        "  addr_with_unit to buildings with several units only, id_lower_x to IDs ending in X only (so their",
        "  share of all rows is lower); duplicates (tag duplicate_of=<row>) are copies of rows of the same",
        "  file placed elsewhere in it.",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


TRUTH_README = """Truth tables of the CIM Twin sample district (UTF-8, LF, kept apart from the inputs).

persons.csv      one row per person (residents and people registered here but living elsewhere):
                 person_id, the true ID number (always checksum-valid), name, sex (M/F), birth_date,
                 registration: same_room | other_room (registered at another room of the district) |
                               outside (registered outside the district) | away (registered here, living elsewhere),
                 living_status (ledger vocabulary 人户一致 / 人在户不在 / 人不在户在), residence_type 常住 / 流动 /
                 外出 (流动 = registered outside and resident < 6 months), months_resident,
                 household_id + building_id where they live (empty if away), registered_household_id +
                 registered_building_id (empty if registered outside), hukou_no, relation_to_head, family_id,
                 phone, employment, employer_credit_code (in enterprises.csv), health and welfare flags.
households.csv   every residential room (户室) = household: household_id, building_id, unit, floor, room
                 (1203 = floor 12, room 03), canonical address, community_code, grid_code, occupied (0/1),
                 n_residents.
enterprises.csv  every firm (in_registry = 1 for the district's registry, 0 for outside employers that only
                 appear in social_security.csv): credit_code, name, building_id, room, canonical address,
                 industry, true employees among the district's people.
source_rows.csv  one row per data row of every file in ../sources/: source, row (1 = first line after the
                 header), entity_id (person_id, or credit_code for enterprises.csv), noise (';'-separated tags,
                 empty = clean; tags are listed in ../sources/README.txt and scripts/sample_district/sources.py).
road_defects.csv the deliberate defects of the road network (kind, edge_id, gap, x/y in the layer CRS).
"""
