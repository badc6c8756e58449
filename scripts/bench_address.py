#!/usr/bin/env python3
"""Benchmark of the address parser and the household join (issue 5 targets in brackets).

Usage::

    /usr/bin/python3 scripts/bench_address.py [--big DIR] [--records 1000000]

Prints:

* dictionary load time: built-in gazetteer + jieba tokenizer (< 3 s), also with jieba's import;
* addresses per second on one core after loading (>= 20,000/s), for the sample
  district's noisy source addresses with the parser's caches off (every address
  parsed from scratch; the best of three passes, as timeit does: other work on
  the machine only ever slows a pass down, and all three are printed) and on
  (the default: tables repeat addresses), and for the
  18,367 real company addresses of ../shared/data/cpca-addresses (all distinct;
  skipped when absent);
* the household join of 1,000,000 records (< 2 minutes): the address columns of
  a 150,000-household sample district (hukou, civil affairs, ledger x 2, health),
  first 1,000,000 records, parse + join timed from records in memory (CSV
  reading is printed apart).

There is no peer tool to compare with offline (cpca stops at the district and
is not a Debian package); the figures stand alone.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)

SHARED = HERE.parent.parent / "shared" / "data"
COLUMNS = (("hukou", "户籍地址"), ("civil_affairs", "户籍地址"), ("ledger", "实际居住地址"), ("ledger", "户籍地址"),
           ("health", "现住址"))


def district_addresses(district: Path, limit: int | None = None) -> list[str]:
    from cim_twin.cim_twin_plugin.core.address import read_rows

    out: list[str] = []
    for source, column in COLUMNS:
        header, rows = read_rows(district / "sources" / f"{source}.csv")
        col = header.index(column)
        out.extend(row[col] for row in rows)
        if limit and len(out) >= limit:
            return out[:limit]
    return out


def load_buildings(gpkg: Path):
    from cim_twin.cim_twin_plugin.core.address.join import BuildingAddress
    from osgeo import ogr

    dataset = ogr.Open(str(gpkg))
    layer = dataset.GetLayerByName("buildings")
    out = [BuildingAddress(f.GetField("building_id"), f.GetField("address") or "", floors=f.GetField("floors"))
           for f in layer]
    dataset = None
    return out


def rate(parser, addresses) -> float:
    start = time.perf_counter()
    for text in addresses:
        parser.parse(text)
    return len(addresses) / (time.perf_counter() - start)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--big", type=Path, help="a generated district of >= 150,000 households (default: generate)")
    ap.add_argument("--records", type=int, default=1_000_000)
    args = ap.parse_args(argv)

    start = time.perf_counter()
    import jieba  # noqa: F401
    from cim_twin.cim_twin_plugin.core.address import AddressParser, Gazetteer
    imported = time.perf_counter() - start
    start = time.perf_counter()
    parser = AddressParser(Gazetteer.builtin())
    load = time.perf_counter() - start
    print(f"dictionary load: {load:.2f} s (gazetteer {len(parser.gazetteer.divisions)} divisions + jieba tokenizer; "
          f"imports {imported:.2f} s)  target < 3 s")

    tmp = Path(tempfile.mkdtemp(prefix="cim_twin_bench_"))
    small = tmp / "small"
    subprocess.run([sys.executable, str(HERE / "make_sample_district.py"), "--seed", "7", "--households", "5000",
                    "--out", str(small), "--quiet"], check=True)
    addresses = district_addresses(small)
    cold = AddressParser(parser.gazetteer, cache_size=0)
    passes = [rate(cold, addresses) for _ in range(3)]
    print(f"parse, sample district ({len(addresses)} noisy addresses, caches off): "
          f"{max(passes):,.0f} addresses/s  target >= 20,000/s  (best of 3 passes: "
          + ", ".join(f"{r:,.0f}" for r in passes) + ")")
    warm = AddressParser(parser.gazetteer)
    rate(warm, addresses[:1])
    print(f"parse, sample district (caches on, first pass): {rate(warm, addresses):,.0f} addresses/s")
    cpca = SHARED / "cpca-addresses" / "addr.csv"
    if cpca.exists():
        from cim_twin.cim_twin_plugin.core.address import read_rows

        _, rows = read_rows(cpca)
        real = [row[0] for row in rows if row]
        print(f"parse, cpca real company addresses ({len(real)}, all distinct, caches off): "
              f"{rate(AddressParser(parser.gazetteer, cache_size=0), real):,.0f} addresses/s")
    else:
        print("parse, cpca real company addresses: skipped (../shared/data/cpca-addresses absent)")

    from cim_twin.cim_twin_plugin.core.address.join import join_households

    big = args.big
    if big is None:
        big = tmp / "big"
        start = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "make_sample_district.py"), "--seed", "7", "--households",
                        "150000", "--out", str(big), "--quiet"], check=True)
        print(f"(generated a 150,000-household district in {time.perf_counter() - start:.0f} s)")
    start = time.perf_counter()
    records = district_addresses(big, args.records)
    buildings = load_buildings(big / "twin.gpkg")
    read = time.perf_counter() - start
    start = time.perf_counter()
    result = join_households(records, buildings)
    joined = time.perf_counter() - start
    print(f"join: {len(records):,} records to {len(buildings):,} buildings in {joined:.1f} s "
          f"({len(records) / joined:,.0f} records/s; CSV reading {read:.1f} s apart)  target < 120 s")
    print(f"      {len(result.links):,} linked + {len(result.unmatched):,} unmatched = {result.total:,}; "
          f"{len(result.households):,} households")
    return 0


if __name__ == "__main__":
    sys.exit(main())
