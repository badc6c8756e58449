"""Benchmark of the population base (issue 14): the sample district's sources fused end to end.

Reads the six source tables of a sample district, links, places and fuses them with
core.population.pipeline.build (what cimtwin:fusepersons runs between reading and writing), and prints
the time of each step, the peak memory of the process and the figures against the district's truth.
Issue 14's targets: 150,000 households in < 45 s; 1,000,000 households (about 6 million records) in
< 5 minutes with a peak memory < 12 GB.

    .venv/bin/python scripts/bench_population.py --households 150000
    .venv/bin/python scripts/bench_population.py --district /tmp/d1m      (an existing district)
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bootstrap  # noqa: F401,E402 (registers the package cim_twin)
from cim_twin.cim_twin_plugin.core.address.join import BuildingAddress  # noqa: E402
from cim_twin.cim_twin_plugin.core.population.pipeline import Table, build  # noqa: E402
from cim_twin.cim_twin_plugin.core.population.sources import read_table  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def buildings_of(twin: Path) -> tuple[list[BuildingAddress], dict]:
    from osgeo import ogr

    ds = ogr.Open(str(twin))
    layer = ds.GetLayerByName("buildings")
    buildings, communities = [], {}
    for f in layer:
        buildings.append(BuildingAddress(f.GetField("building_id"), f.GetField("address") or "",
                                         floors=f.GetField("floors")))
        communities[f.GetField("building_id")] = f.GetField("community_code")
    return buildings, communities


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=150_000)
    parser.add_argument("--district", type=Path, help="an existing sample district (else one is generated)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    district = args.district
    if district is None:
        district = Path(tempfile.mkdtemp(prefix="cimtwin_bench_population_")) / "district"
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", str(args.seed),
                        "--households", str(args.households), "--out", str(district), "--quiet"], check=True)
        print(f"generated {args.households:,} households in {time.perf_counter() - started:.1f} s: {district}")
    t0 = time.perf_counter()
    tables = []
    for path in sorted((district / "sources").glob("*.csv")):
        header, rows = read_table(path)
        tables.append(Table(path.stem, header, rows))
    buildings, communities = buildings_of(district / "twin.gpkg")
    t1 = time.perf_counter()
    population = build(tables, buildings, b"bench-secret-key-0123456789", date(2026, 12, 1),
                       building_communities=communities)
    t2 = time.perf_counter()
    result = population.result
    records = len(population.records) + len(population.source_rejects)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_gb = usage.ru_maxrss / 1024 ** 2
    print(f"{records:,} source rows, {len(buildings):,} buildings: read {t1 - t0:.1f} s, "
          f"fused {t2 - t1:.1f} s, total {t2 - t0:.1f} s; peak memory {peak_gb:.2f} GB")
    # the processor time is what a busy machine does not inflate (the wall times above it does)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)  # the join's address-parsing worker, once it ended
    print(f"processor time {usage.ru_utime + usage.ru_stime:.1f} s (this process), "
          f"{children.ru_utime + children.ru_stime:.1f} s (worker processes that ended)")
    print(f"{len(result.persons):,} persons, {len(result.households):,} lived-in households, "
          f"{len(result.relations):,} relations, {len(result.rejects):,} rejected rows; balanced: {result.balanced}")
    truth = district / "truth" / "persons.csv"
    if truth.exists():
        with open(truth, encoding="utf-8") as handle:
            n_truth = sum(1 for _ in handle) - 1
        print(f"truth: {n_truth:,} persons; found {len(result.persons):,} "
              f"({100.0 * (len(result.persons) - n_truth) / max(1, n_truth):+.2f} %)")


if __name__ == "__main__":
    main()
