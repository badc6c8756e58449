#!/usr/bin/env python3
"""Robustness of the address parser on the real company addresses of ../shared/data/cpca-addresses.

Usage::

    .venv/bin/python scripts/eval_address_cpca.py [--data FILE] [--examples N]

Prints the share of addresses with status ok / partial / failed (and the partial reasons), and
how many change province when parsed with and without their first division name (the first of
province, city, district read in the text, cut off the front): a parse that reads another province
once the first division is gone has taken a county name inside a road or POI name for a division,
or resolved an ambiguous district (朝阳区) to one of its cities without saying so.  The data is
unlabelled (MIT); nothing of it is shipped.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)

DATA = HERE.parent.parent / "shared" / "data" / "cpca-addresses" / "addr.csv"


def without_first_division(parsed) -> str:
    """The normalised text without its first division name read in the text ('' if none leads it)."""
    text = parsed.normalised
    for level in ("province", "city", "district"):
        value = getattr(parsed, level)
        if not value or level in parsed.inferred:
            continue
        for name in (value, value[:-1], value[:2]):
            if name and text.startswith(name):
                rest = text[len(name):]
                return rest.lstrip("省市区县") if name != value else rest
        return ""
    return ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--examples", type=int, default=0, help="print up to N province changes")
    args = ap.parse_args(argv)
    from cim_twin.cim_twin_plugin.core.address import AddressParser, read_rows

    _, rows = read_rows(args.data)
    texts = [row[0] for row in rows if row]
    parser = AddressParser()
    status: Counter = Counter()
    reasons: Counter = Counter()
    changed = tried = 0
    for text in texts:
        p = parser.parse(text)
        status[p.status] += 1
        if p.status != "ok":
            reasons[p.reason_code] += 1
        cut = without_first_division(p)
        if not cut or not p.province:
            continue
        tried += 1
        q = parser.parse(cut)
        if q.province and q.province != p.province:
            changed += 1
            if changed <= args.examples:
                print(f"  {text} -> {p.province} / without first division: {cut} -> {q.province} {q.city} "
                      f"{q.district} [{q.status} {q.reason_code}]")
    n = len(texts)
    print(f"cpca company addresses: {n}")
    for name in ("ok", "partial", "failed"):
        print(f"  {name:8s} {status[name]:6d}  {status[name] / n:.3f}")
    print("  not ok by reason: " + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    print(f"province changes without the first division: {changed} of {tried} with a leading division")
    return 0


if __name__ == "__main__":
    sys.exit(main())
