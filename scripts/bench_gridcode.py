"""Benchmark the Beidou grid encoder: scalar ``encode`` vs vectorised ``encode_many``.

Encodes random points (seeded) inside China's extent (lon 73-135, lat 18-53) at
level 10 and prints codes per second for both paths, then checks they agree.

    /usr/bin/python3 scripts/bench_gridcode.py [--points 1000000] [--scalar-points N] [--level 10] [--heights]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bootstrap  # noqa: F401,E402 (registers the package cim_twin)
import numpy as np  # noqa: E402
from cim_twin.cim_twin_plugin.core import gridcode  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000,
                        help="points for encode_many (default 1,000,000)")
    parser.add_argument("--scalar-points", type=int, default=None,
                        help="points for the scalar loop (default: same as --points)")
    parser.add_argument("--level", type=int, default=10, help="grid level 1-10 (default 10)")
    parser.add_argument("--heights", action="store_true", help="also encode heights (3D codes)")
    parser.add_argument("--seed", type=int, default=20200301)
    args = parser.parse_args(argv)

    rng = np.random.default_rng(args.seed)
    lons = rng.uniform(73.0, 135.0, args.points)
    lats = rng.uniform(18.0, 53.0, args.points)
    heights = rng.uniform(-100.0, 9000.0, args.points) if args.heights else None
    kind = "3D" if args.heights else "2D"

    start = time.perf_counter()
    codes = gridcode.encode_many(lons, lats, args.level, heights=heights)
    elapsed = time.perf_counter() - start
    print(f"gridcode encode_many: {args.points:,} points at level {args.level} ({kind}) "
          f"in {elapsed:.2f} s = {args.points / elapsed:,.0f} codes/s")

    n_scalar = args.points if args.scalar_points is None else min(args.scalar_points, args.points)
    lon_list = lons[:n_scalar].tolist()
    lat_list = lats[:n_scalar].tolist()
    start = time.perf_counter()
    if heights is None:
        scalar = [gridcode.encode(x, y, args.level) for x, y in zip(lon_list, lat_list)]
    else:
        h_list = heights[:n_scalar].tolist()
        scalar = [gridcode.encode_3d(x, y, h, args.level) for x, y, h in zip(lon_list, lat_list, h_list)]
    elapsed = time.perf_counter() - start
    print(f"gridcode encode (scalar loop): {n_scalar:,} points at level {args.level} ({kind}) "
          f"in {elapsed:.2f} s = {n_scalar / elapsed:,.0f} codes/s")

    if scalar != codes[:n_scalar]:
        print("MISMATCH between encode and encode_many", file=sys.stderr)
        return 1
    print(f"both paths agree on all {n_scalar:,} compared points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
