#!/usr/bin/env python3
"""The fuse step of the population base on the sample district, measured against truth/.

Usage::

    .venv/bin/python scripts/eval_population_fuse.py DISTRICT [--reference-date 2025-06-30] [--truth-identity]

DISTRICT is a folder made by ``scripts/make_sample_district.py`` (sources/, truth/, twin.gpkg).
The run: read every sources/*.csv (``sources.read_source``), link (``identity.link``; with
``--truth-identity`` the clusters are taken from truth/source_rows.csv instead, which measures the fuse
alone), place the records (``fuse.place_records``: the household join on 户籍地址 and on the live
addresses), fuse. Each fused person is matched to the truth person most of its records belong to.

Figures (issue 14 targets in brackets), over the truth persons present in some source:

* lives-in household right for residents (registration != away): the fused person's household is the
  true one (building, room, and unit when the join gave one) (>= 99%);
* residence status: living_status and residence_type both equal to truth (>= 99%);
* registration (same_room / other_room / outside / away) equal to truth;
* age group as of the reference date equal to the one of the true birth date;
* conservation per source and the time of each step.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
from cim_twin.cim_twin_plugin.core.population import fuse as fuse_mod  # noqa: E402
from cim_twin.cim_twin_plugin.core.population.model import Identity  # noqa: E402
from cim_twin.cim_twin_plugin.core.population.profiles import age_group, age_on  # noqa: E402
from cim_twin.cim_twin_plugin.core.population.sources import read_source, read_table  # noqa: E402
from eval_household_join import load_buildings  # noqa: E402

SECRET = b"eval-population-fuse"
RULES = """
独居老人: age >= 65 and living_alone
学龄儿童: 6 <= age < 12
流动人口: residence_type == "流动"
"""


def read_sources(folder: Path):
    records, rejects = [], []
    for path in sorted(folder.glob("*.csv")):
        header, rows = read_table(path)
        table = read_source(header, rows, path.stem)
        records.extend(table.records)
        rejects.extend(table.rejects)
    return records, rejects


def truth_identity(records, entity_of) -> Identity:
    """Clusters from truth (each record with its true person; enterprises by credit code)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        groups[entity_of[(r.source, r.row)]].append(i)
    keys = [f"{n:016x}" for n in range(len(groups))]
    return Identity([g for g in groups.values()], keys)


def link(records, entity_of, use_truth: bool):
    if not use_truth:
        try:
            from cim_twin.cim_twin_plugin.core.population.identity import link as identity_link
        except ImportError:
            print("identity.link is not available (core/population/identity.py not merged): truth identity used")
        else:
            return identity_link(records, SECRET), "identity.link"
    return truth_identity(records, entity_of), "truth identity"


def measure(district: Path, reference_date: date = date(2025, 6, 30), use_truth: bool = False) -> dict:
    """Run the steps on *district* and compare with its truth (the figures of the module docstring)."""
    truth = district / "truth"
    persons = {r["person_id"]: r for r in csv.DictReader(open(truth / "persons.csv", encoding="utf-8"))}
    households = {r["household_id"]: r for r in csv.DictReader(open(truth / "households.csv", encoding="utf-8"))}
    entity_of = {(r["source"], int(r["row"])): r["entity_id"]
                 for r in csv.DictReader(open(truth / "source_rows.csv", encoding="utf-8"))}

    times = {}
    t0 = time.perf_counter()
    records, source_rejects = read_sources(district / "sources")
    times["read"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    identity, how = link(records, entity_of, use_truth)
    times["link"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    buildings = load_buildings(district / "twin.gpkg")
    communities = {h["building_id"]: h["community_code"] for h in households.values()}
    places = fuse_mod.place_records(records, buildings, identity=identity)
    times["place"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    result = fuse_mod.fuse(records, identity, places, reference_date, tag_rules=RULES, secret=SECRET,
                           building_communities=communities, source_rejects=source_rejects)
    times["fuse"] = time.perf_counter() - t0

    # each fused person -> the truth person most of its records belong to
    fused_of: dict[str, object] = {}
    for p in result.persons:
        votes = Counter(entity_of[(records[i].source, records[i].row)] for i in p.records)
        pid, _ = votes.most_common(1)[0]
        if pid in persons and pid not in fused_of:
            fused_of[pid] = p
    present = {e for e in entity_of.values() if e in persons}
    residents = [pid for pid in present if persons[pid]["registration"] != "away"]

    def household_right(p, t) -> bool:
        if p is None or not p.lives_household_id:
            return False
        h = places.households.get(p.lives_household_id)
        th = households.get(t["household_id"])
        return (h is not None and th is not None and h.building_id == th["building_id"] and h.room == th["room"]
                and (not h.unit or h.unit == th["unit"]))

    ok_lives = sum(household_right(fused_of.get(pid), persons[pid]) for pid in residents)
    status_ok = reg_ok = age_ok = 0
    confusion = Counter()
    for pid in present:
        t, p = persons[pid], fused_of.get(pid)
        got = (p.living_status, p.residence_type) if p else (None, None)
        status_ok += got == (t["living_status"], t["residence_type"])
        reg_ok += p is not None and p.registration == t["registration"]
        if p is None or p.registration != t["registration"]:
            confusion[(t["registration"], p.registration if p else "not found")] += 1
        true_group = age_group(age_on(date.fromisoformat(t["birth_date"]), reference_date))
        age_ok += p is not None and p.age_group == true_group

    return {"district": district, "records": records, "source_rejects": source_rejects, "buildings": buildings,
            "how": how, "result": result, "present": len(present), "matched": len(fused_of),
            "residents": len(residents), "lives_right": ok_lives, "status_right": status_ok,
            "registration_right": reg_ok, "age_group_right": age_ok, "confusion": confusion, "times": times}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("district", type=Path)
    ap.add_argument("--reference-date", type=date.fromisoformat, default=date(2025, 6, 30),
                    help="age reference date (default 2025-06-30, the sample generator's)")
    ap.add_argument("--truth-identity", action="store_true", help="cluster the records by truth (fuse alone)")
    args = ap.parse_args(argv)
    m = measure(args.district, args.reference_date, args.truth_identity)
    result, n, residents = m["result"], m["present"], m["residents"]
    print(f"sample district {m['district']}: {len(m['records'])} records ({len(m['source_rejects'])} rows rejected "
          f"by the sources step), {len(m['buildings'])} buildings; clusters by {m['how']}")
    print(f"persons fused {len(result.persons)}, truth persons present in a source {n}, matched {m['matched']}")
    for b in sorted(result.balance.values(), key=lambda b: b.source):
        print(f"  {b.source}: {b.rows} rows = {b.in_persons} in persons + {b.in_enterprises} in enterprises + "
              f"{b.rejected} rejected{'' if b.balanced else '  (DOES NOT ADD UP)'}")
    print(f"lives-in household right for residents: {m['lives_right']}/{residents} = "
          f"{m['lives_right'] / residents:.2%}  (target >= 99%)")
    print(f"residence status (living_status + residence_type) equal: {m['status_right']}/{n} = "
          f"{m['status_right'] / n:.2%}  (target >= 99%)")
    print(f"registration equal: {m['registration_right']}/{n} = {m['registration_right'] / n:.2%}")
    print(f"age group equal (as of {args.reference_date}): {m['age_group_right']}/{n} = "
          f"{m['age_group_right'] / n:.2%}")
    print("registration wrong (truth, fused): " + ", ".join(f"{k} {v}" for k, v in m["confusion"].most_common(8)))
    print(f"conflicts {len(result.conflicts)}: " + ", ".join(
        f"{k} {v}" for k, v in Counter(c.field for c in result.conflicts).most_common()))
    print(f"households lived in {len(result.households)}; relations " + ", ".join(
        f"{k} {v}" for k, v in Counter(r.predicate for r in result.relations).most_common()))
    print("tags: " + ", ".join(f"{k} {v}" for k, v in Counter(t for p in result.persons for t in p.tags).most_common()))
    print("time: " + ", ".join(f"{k} {v:.2f} s" for k, v in m["times"].items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
