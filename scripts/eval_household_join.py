#!/usr/bin/env python3
"""Household join and building_key accuracy on the sample district, measured against truth/.

Usage::

    /usr/bin/python3 scripts/eval_household_join.py [--district DIR] [--seed 7] [--households 5000]

Without ``--district`` the district is generated into a temporary folder.  The
address columns joined (all in one run, so that households are shared):
hukou 户籍地址 and civil_affairs 户籍地址 (truth: registered_household_id),
ledger 实际居住地址 and health 现住址 (truth: household_id).

Figures (issue 5 targets in brackets):

* link rate: linked records among those whose true household exists (>= 98%);
  also shown without the records whose address cannot name the household by
  construction (room missing, non-existent road or number);
* link precision: links whose household (building, room, unit if given) is the
  true one, among all links (>= 99.5%);
* building_key accuracy: among parseable records (parse status not failed,
  true household exists, address not tagged addr_nonexistent_*), the share whose
  parsed building_key equals the key of the true building (>= 99%); the
  parser knows the buildings' roads (as the join does) so that records without
  district get it inferred.
"""
from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
from cim_twin.cim_twin_plugin.core.address import AddressParser, Gazetteer, read_rows  # noqa: E402
from cim_twin.cim_twin_plugin.core.address.join import BuildingAddress, join_households  # noqa: E402

COLUMNS = (("hukou", "户籍地址", "registered_household_id"), ("civil_affairs", "户籍地址", "registered_household_id"),
           ("ledger", "实际居住地址", "household_id"), ("health", "现住址", "household_id"))
# household keys (the join's shared_key step): the person's ID number, kept apart by address kind (a person's
# registered and actual households differ for 人户分离), and the hukou 户号
ID_COLUMNS = {"hukou": "身份证号", "civil_affairs": "公民身份号码", "ledger": "证件号码", "health": "身份证号"}
KIND = {"registered_household_id": "registered", "household_id": "actual"}
UNLINKABLE = ("addr_missing_room", "addr_nonexistent_road", "addr_nonexistent_number")


def load_buildings(gpkg: Path) -> list[BuildingAddress]:
    from osgeo import ogr

    dataset = ogr.Open(str(gpkg))
    layer = dataset.GetLayerByName("buildings")
    out = [BuildingAddress(f.GetField("building_id"), f.GetField("address") or "", floors=f.GetField("floors"))
           for f in layer]
    dataset = None
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--district", type=Path, help="a generated sample district (default: generate one)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--households", type=int, default=5000)
    ap.add_argument("--no-keys", action="store_true", help="join by address alone (no shared_key step)")
    args = ap.parse_args(argv)
    district = args.district
    if district is None:
        district = Path(tempfile.mkdtemp(prefix="cim_twin_eval_")) / "district"
        subprocess.run([sys.executable, str(HERE / "make_sample_district.py"), "--seed", str(args.seed),
                        "--households", str(args.households), "--out", str(district), "--quiet"], check=True)
    truth = district / "truth"
    households = {r["household_id"]: r for r in csv.DictReader(open(truth / "households.csv", encoding="utf-8"))}
    persons = {r["person_id"]: r for r in csv.DictReader(open(truth / "persons.csv", encoding="utf-8"))}
    noise = {(r["source"], int(r["row"])): (r["entity_id"], r["noise"])
             for r in csv.DictReader(open(truth / "source_rows.csv", encoding="utf-8"))}

    addresses, expected, tags, keys = [], [], [], []
    for source, column, truth_col in COLUMNS:
        header, rows = read_rows(district / "sources" / f"{source}.csv")
        col = header.index(column)
        id_col = header.index(ID_COLUMNS[source])
        hh_col = header.index("户号") if "户号" in header else None
        for n, row in enumerate(rows, start=1):
            entity, tag = noise[(source, n)]
            addresses.append(row[col])
            keys.append([f"{KIND[truth_col]}|{row[id_col]}" if row[id_col].strip() else ""]
                        + ([f"户号|{row[hh_col]}"] if hh_col is not None else []))
            expected.append(persons[entity][truth_col] if entity in persons else "")
            tags.append(tag)
    buildings = load_buildings(district / "twin.gpkg")
    gazetteer = Gazetteer.builtin()  # the join adds the buildings' roads to it
    result = join_households(addresses, buildings, gazetteer, household_keys=None if args.no_keys else keys)
    assert result.total == len(addresses)
    by_id = {h.household_id: h for h in result.households}

    with_truth = [i for i, e in enumerate(expected) if e]
    linked = {link.record: link for link in result.links}
    correct = 0
    wrong = []
    for link in result.links:
        truth_id = expected[link.record]
        h = by_id[link.household_id]
        t = households.get(truth_id)
        if t and t["building_id"] == h.building_id and t["room"] == h.room and (not h.unit or h.unit == t["unit"]):
            correct += 1
        else:
            wrong.append((link, truth_id))
    n_linked_truth = sum(1 for i in with_truth if i in linked)
    linkable = [i for i in with_truth if not any(t in tags[i] for t in UNLINKABLE)]
    n_linked_linkable = sum(1 for i in linkable if i in linked)

    # building_key accuracy: the records as the join parsed them (the buildings' roads in the gazetteer),
    # against the buildings' own addresses parsed the same way
    parser = AddressParser(gazetteer)
    truth_key = {b.building_id: parser.parse(b.address).building_key for b in buildings}
    parseable = ok_keys = 0
    for i in with_truth:
        if "addr_nonexistent" in tags[i]:
            continue
        parsed = result.parsed[i]
        if parsed.status == "failed":
            continue
        parseable += 1
        ok_keys += parsed.building_key == truth_key[households[expected[i]]["building_id"]]

    print(f"sample district {district}: {len(addresses)} records, {len(buildings)} buildings")
    print(f"records in = linked + unmatched: {len(addresses)} = {len(result.links)} + {len(result.unmatched)}")
    print("unmatched by reason: " + ", ".join(f"{k} {v}" for k, v in Counter(u.reason for u in result.unmatched)
                                                .most_common()))
    print("links by method: " + ", ".join(f"{k} {v}" for k, v in Counter(lk.method for lk in result.links)
                                             .most_common()))
    print(f"link rate (true household exists): {n_linked_truth}/{len(with_truth)} = "
          f"{n_linked_truth / len(with_truth):.2%}  (target >= 98%)")
    print(f"link rate without unlinkable-by-construction addresses (room missing, non-existent road/number): "
          f"{n_linked_linkable}/{len(linkable)} = {n_linked_linkable / len(linkable):.2%}")
    print(f"link precision: {correct}/{len(result.links)} = {correct / len(result.links):.3%}  (target >= 99.5%)")
    print(f"building_key accuracy (parseable records): {ok_keys}/{parseable} = {ok_keys / parseable:.2%}  "
          "(target >= 99%)")
    print(f"households: {len(result.households)} (truth: "
          f"{sum(1 for h in households.values() if h['occupied'] == '1')} occupied rooms)")
    for link, truth_id in wrong[:10]:
        print(f"  wrong: {addresses[link.record]} -> {link.household_id} ({link.method}); truth {truth_id} "
              f"{households.get(truth_id, {}).get('address', '')} [{tags[link.record]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
