#!/usr/bin/env python3
"""Benchmark of the disclosure control of population counts (issue 14, cimtwin:aggregatepopulation).

Usage::

    .venv/bin/python scripts/bench_suppression.py [--units 300 3000] [--seed 1] [--integer]
    .venv/bin/python scripts/bench_suppression.py --district /tmp/district   # the sample district's truth

With ``--district`` (a folder written by make_sample_district.py) the table is the true residents of
truth/persons.csv per community (their household's community_code in truth/households.csv) x the
same age groups (age on 2025-07-01), communities under streets (the code's first 9 digits) under the
district (first 6), instead of the synthetic tables; ``--level building``: per building, buildings
under their community.

Synthetic table: UNITS communities (10 to 40 per street, streets in one district) x 10 age groups
(0-2, 3-5, 6-11, 12-14, 15-17, 18-34, 35-59, 60-64, 65-79, 80+) with community sizes from 30 to
4,000 people and realistic age shares, so that small communities and the small age groups give many
counts below 10. Prints, per size: the time of :func:`suppress` (primary + secondary + audit), the
numbers of figures, primary and secondary suppressions, LPs solved, the smallest range of a withheld
figure, the smallest margin of a primary figure against the protection rule, and a check that every
published figure equals the true count.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
import numpy as np  # noqa: E402
from cim_twin.cim_twin_plugin.core.population import aggregate as ag  # noqa: E402

GROUPS = ["0-2", "3-5", "6-11", "12-14", "15-17", "18-34", "35-59", "60-64", "65-79", "80+"]
SHARES = np.array([0.02, 0.025, 0.05, 0.025, 0.025, 0.22, 0.36, 0.08, 0.15, 0.045])


def synthetic(units: int, seed: int):
    rng = np.random.default_rng(seed)
    counts, parents, names = {}, {}, []
    street = 0
    left = 0
    for u in range(units):
        if left == 0:
            street += 1
            left = int(rng.integers(10, 41))
            parents[f"S{street:03d}"] = "D"
        left -= 1
        name = f"C{u:05d}"
        names.append(name)
        parents[name] = f"S{street:03d}"
        size = int(np.exp(rng.uniform(np.log(30), np.log(4000))))
        shares = rng.dirichlet(SHARES * 60)
        for g, n in zip(GROUPS, rng.multinomial(size, shares)):
            counts[(name, "age", g)] = int(n)
    truth = Counter({(u, g): n for (u, _, g), n in counts.items()})
    return ag.CountTable(names, {"age": GROUPS}, counts), parents, truth


def district_table(folder: Path, level: str = "community"):
    import csv

    with open(folder / "truth" / "households.csv", encoding="utf-8", newline="") as f:
        households = list(csv.DictReader(f))
    community = {h["household_id"]: h["community_code"] for h in households}
    building_of = {h["household_id"]: h["building_id"] for h in households}
    community_of_building = {h["building_id"]: h["community_code"] for h in households}
    bounds = [(0, 2), (3, 5), (6, 11), (12, 14), (15, 17), (18, 34), (35, 59), (60, 64), (65, 79), (80, 200)]
    rows = []
    with open(folder / "truth" / "persons.csv", encoding="utf-8", newline="") as f:
        for p in csv.DictReader(f):
            if not p["household_id"]:
                continue  # away: lives outside the district
            y, m, d = map(int, p["birth_date"].split("-"))
            age = 2025 - y - ((m, d) > (7, 1))
            group = next(g for g, (lo, hi) in zip(GROUPS, bounds) if lo <= age <= hi)
            rows.append({"community": community[p["household_id"]], "building": building_of[p["household_id"]],
                         "age": group})
    table = ag.count_records(rows, level, {"age": GROUPS})
    truth = Counter((r[level], r["age"]) for r in rows)  # counted here again, apart from the module
    communities = set(community.values())
    parents = {c: c[:9] for c in communities}
    parents.update({c[:9]: c[:6] for c in communities})
    if level == "building":
        parents.update({b: community_of_building[b] for b in table.units})
    return table, parents, truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--units", type=int, nargs="+", default=[300, 3000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--min-count", type=int, default=10)
    ap.add_argument("--integer", action="store_true", help="audit with milp instead of LP")
    ap.add_argument("--district", type=Path, help="a sample district folder: its true residents instead")
    ap.add_argument("--level", choices=("community", "building"), default="community",
                    help="with --district: the units (buildings nest in communities)")
    args = ap.parse_args()
    for units in [None] if args.district else args.units:
        if args.district:
            table, parents, truth = district_table(args.district, args.level)
        else:
            table, parents, truth = synthetic(units, args.seed)
        units = len(table.units)
        t0 = time.perf_counter()
        result = ag.suppress(table, parents, min_count=args.min_count, integer=args.integer)
        seconds = time.perf_counter() - t0
        wrong = sum(1 for r in result.rows
                    if r.kind == "cell" and r.count is not None and r.count != truth[(r.unit, r.group)])
        primary = sum(r.reason == "primary" for r in result.rows)
        secondary = sum(r.reason == "secondary" for r in result.rows)
        p = (args.min_count + 1) // 2
        margins = []
        for r, a in zip((r for r in result.rows if r.withheld), result.audit):
            if r.reason == "primary":
                v = truth[(r.unit, r.group)] if r.kind == "cell" else None
                if v is not None:
                    margins.append(min(max(0, v - p) - a.low, a.high - (v + p)))
        print(f"{units} units x {len(GROUPS)} groups: {seconds:.2f} s; {len(result.rows)} figures, "
              f"{primary} primary, {secondary} secondary; smallest range {result.smallest_range}; "
              f"smallest primary margin over +-{p}: {min(margins) if margins else '-'}; "
              f"unprotected {len(result.unprotected)}; published cells differing from truth: {wrong}")
        for m in result.messages:
            print("   ", m)


if __name__ == "__main__":
    main()
