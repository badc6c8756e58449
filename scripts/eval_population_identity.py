#!/usr/bin/env python3
"""Measure the population base's sources and identity steps against the sample district's truth.

    .venv/bin/python scripts/make_sample_district.py --seed 7 --households 5000 --out /tmp/d --quiet
    .venv/bin/python scripts/eval_population_identity.py /tmp/d

Reads every table of <district>/sources/ with ``read_source`` (no CONFIG, or ``--config``), links the
records with ``identity.link`` and prints, against truth/source_rows.csv and truth/persons.csv:
persons found vs truth persons present in any source; the share of valid-ID records in the right
person; for records without a valid ID the pairwise precision and recall of their links; time and
records/s. ``--repeat N`` links the records N times over (a bigger input, IDs made distinct per copy)
to measure speed. Prints counts and shares only, never a name or number.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
from cim_twin.cim_twin_plugin.core.population.sources import (  # noqa: E402
    SourceTable,
    load_config,
    read_source,
    read_table,
)

SOURCE_FILES = ("hukou", "ledger", "health", "civil_affairs", "social_security", "enterprises")


def read_district(folder: str | Path, config_path: str | Path | None = None) -> list[SourceTable]:
    """Every source table of a sample district folder, read with read_source."""
    config = load_config(config_path) if config_path else None
    tables = []
    for path in sorted((Path(folder) / "sources").iterdir()):
        if path.suffix.lower() not in (".csv", ".xlsx"):
            continue
        header, rows = read_table(path)
        tables.append(read_source(header, rows, path.stem, config))
    return tables


def read_truth(folder: str | Path) -> tuple[dict[tuple[str, int], tuple[str, str]], dict[str, str]]:
    """(source, row) -> (entity_id, noise tags) and person_id -> true ID number."""
    folder = Path(folder) / "truth"
    with open(folder / "source_rows.csv", encoding="utf-8", newline="") as fh:
        rows = {(r["source"], int(r["row"])): (r["entity_id"], r["noise"]) for r in csv.DictReader(fh)}
    with open(folder / "persons.csv", encoding="utf-8", newline="") as fh:
        ids = {r["person_id"]: r["id_number"] for r in csv.DictReader(fh)}
    return rows, ids


def duplicate_pairs(truth_rows: dict, source: str) -> set[frozenset[int]]:
    """The (row, row) pairs tagged duplicate_of in one source."""
    out = set()
    for (src, row), (_entity, noise) in truth_rows.items():
        m = re.search(r"duplicate_of=(\d+)", noise) if src == source else None
        if m:
            out.add(frozenset((row, int(m.group(1)))))
    return out


def evaluate(records, identity, truth_rows) -> dict:
    """Figures of an identity result against truth (see the module docstring)."""
    person_of = [truth_rows[(r.source, r.row)][0] for r in records]
    cluster_of = {}
    for c, members in enumerate(identity.clusters):
        for i in members:
            cluster_of[i] = c
    persons = [i for i, r in enumerate(records) if r.role != "enterprise"]
    truth_persons = {person_of[i] for i in persons}
    # a cluster is right for a valid-ID record when the cluster's majority person is the record's person
    majority = {}
    for c, members in enumerate(identity.clusters):
        majority[c] = Counter(person_of[i] for i in members).most_common(1)[0][0]
    valid = [i for i in persons if "id_number" in records[i].values]
    valid_right = sum(1 for i in valid if i in cluster_of and majority[cluster_of[i]] == person_of[i])
    # pairwise precision / recall of the records without a valid ID, over pairs with any other record
    noid = [i for i in persons if "id_number" not in records[i].values]
    by_person = defaultdict(list)
    for i in persons:
        by_person[person_of[i]].append(i)
    true_pairs = found_pairs = right_pairs = 0
    for i in noid:
        same = [j for j in by_person[person_of[i]] if j != i]
        true_pairs += len(same)
        c = cluster_of.get(i)
        if c is None:
            continue
        linked = [j for j in identity.clusters[c] if j != i]
        found_pairs += len(linked)
        right_pairs += sum(1 for j in linked if person_of[j] == person_of[i])
    return {
        "records": len(records), "person_records": len(persons), "truth_persons": len(truth_persons),
        "persons_found": len(identity.clusters), "valid_id_records": len(valid),
        "valid_right": valid_right / len(valid) if valid else 1.0,
        "noid_records": len(noid), "noid_linked": sum(1 for i in noid if i in cluster_of),
        "noid_precision": right_pairs / found_pairs if found_pairs else 1.0,
        "noid_recall": right_pairs / true_pairs if true_pairs else 1.0,
        "rejects": Counter(j.reason for j in identity.rejects),
    }


def replicate(records, copies: int) -> list:
    """*copies* copies of the records, each copy a district of its own: ID numbers get another address
    code (check digit recomputed), names another first character, so that copies do not link."""
    from cim_twin.cim_twin_plugin.core import idnumber
    from cim_twin.cim_twin_plugin.core.population.model import SourceRecord

    out = list(records)
    for k in range(1, copies):
        region = f"{(110000 + k * 7) % 1000000:06d}"
        for r in records:
            values = dict(r.values)
            if "id_number" in values:
                first17 = region + values["id_number"][6:17]
                values["id_number"] = first17 + idnumber.check_digit(first17)
            elif "id_raw" in values:
                values["id_raw"] = region + values["id_raw"][6:]
            for key in ("live_address", "hukou_address", "address"):
                if key in values:
                    values[key] = f"{k}区" + values[key]
            if "name" in values:  # another surname: a copy is no candidate for another copy's records
                values["name"] = chr(0x4E00 + k % 20000) + values["name"]
            out.append(SourceRecord(r.source, r.role, r.row + k * 10_000_000, values, r.id_status,
                                    r.birth_precision))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("district", help="a folder written by scripts/make_sample_district.py")
    ap.add_argument("--config", help="a population CONFIG TOML file")
    ap.add_argument("--repeat", type=int, default=1, help="link the records this many times over (speed)")
    args = ap.parse_args(argv)
    from cim_twin.cim_twin_plugin.core.population.identity import link

    t0 = time.perf_counter()
    tables = read_district(args.district, args.config)
    t_read = time.perf_counter() - t0
    truth_rows, _ids = read_truth(args.district)
    records = [r for t in tables for r in t.records]
    n_rows = sum(t.rows for t in tables)
    print(f"sources: {len(tables)} tables, {n_rows} rows, {len(records)} records in {t_read:.2f} s")
    for t in tables:
        dups = sum(1 for j in t.rejects if j.reason == "duplicate")
        tagged = len(duplicate_pairs(truth_rows, t.name))
        print(f"  {t.name:16s} role {t.role:16s} rows {t.rows:7d} records {len(t.records):7d} "
              f"duplicates {dups:4d} (truth {tagged})")
    secret = b"eval-population-identity"
    t0 = time.perf_counter()
    identity = link(records, secret)
    t_link = time.perf_counter() - t0
    f = evaluate(records, identity, truth_rows)
    print(f"identity: {f['persons_found']} persons found, truth persons present in any source "
          f"{f['truth_persons']} ({(f['persons_found'] - f['truth_persons']) / f['truth_persons']:+.2%})")
    print(f"  valid-ID records in the right person: {f['valid_right']:.4%} of {f['valid_id_records']}")
    print(f"  records without a valid ID: {f['noid_records']}, linked {f['noid_linked']}; "
          f"pairwise precision {f['noid_precision']:.4%}, recall {f['noid_recall']:.4%}")
    print(f"  rejects: {dict(f['rejects'])}; scored links {len(identity.matches)}")
    print(f"  time {t_link:.2f} s, {len(records) / t_link:,.0f} records/s")
    if args.repeat > 1:
        big = replicate(records, args.repeat)
        t0 = time.perf_counter()
        result = link(big, secret)
        dt = time.perf_counter() - t0
        print(f"speed: {len(big):,} records ({args.repeat} copies) linked in {dt:.1f} s, "
              f"{len(big) / dt:,.0f} records/s, {len(result.clusters):,} persons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
