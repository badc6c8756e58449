"""Benchmark of life-circle coverage (issue 15): POINTS population points x FACILITIES facilities x 3 distances
on a ~100,000-edge walking network (the grid of bench_network.py), through the core: snapping, the query graph,
one multi-source Dijkstra per facility type, coverage at every distance, the unit table with suppression.

    .venv/bin/python scripts/bench_coverage.py [--points 1000000 --facilities 1000 --size 160]

Targets (issue 15): < 60 s, < 6 GB peak memory. Prints the time of every phase and the peak resident memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
import numpy as np  # noqa: E402
from bench_network import grid, random_points  # noqa: E402
from cim_twin.cim_twin_plugin.core import demand  # noqa: E402
from cim_twin.cim_twin_plugin.core import network as nw  # noqa: E402
from pyproj import CRS  # noqa: E402
from shapely.geometry import box  # noqa: E402

WKT = CRS.from_epsg(4550).to_wkt()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--facilities", type=int, default=1000)
    parser.add_argument("--size", type=int, default=160, help="junctions per side (160: ~100,000 edges)")
    parser.add_argument("--units", type=int, default=20, help="units per side (square communities)")
    args = parser.parse_args()
    rng = np.random.default_rng(15)
    times = {}
    t0 = time.perf_counter()
    coords, offsets, directions, speeds = grid(args.size)
    net = nw.build_network(coords, offsets, np.arange(len(offsets) - 1), directions, speeds, WKT,
                           nw.NetworkSettings(mode="walk"))
    times["build network"] = time.perf_counter() - t0
    points = random_points(rng, args.points, args.size)
    facilities = random_points(rng, args.facilities, args.size)
    t = time.perf_counter()
    ps = nw.snap_points(net, points, 500.0)
    fs = nw.snap_points(net, facilities, 500.0)
    times["snap"] = time.perf_counter() - t
    t = time.perf_counter()
    graph, (p_nodes, f_nodes) = nw.build_query_graph(net, [ps, fs], "length")
    times["query graph"] = time.perf_counter() - t
    t = time.perf_counter()
    near = demand.nearest_by_type(graph, ps, p_nodes, fs, f_nodes, np.zeros(args.facilities, np.int64), ["f"])
    times["nearest (1 multi-source Dijkstra)"] = time.perf_counter() - t
    t = time.perf_counter()
    reqs = demand.requirements_given(["f"], [300, 500, 1000], ["n"])
    weights = demand.group_weights({"n": rng.integers(0, 4, args.points).astype(float)}, reqs)
    cov = demand.coverage(near, reqs, weights)
    times["coverage x 3 distances"] = time.perf_counter() - t
    t = time.perf_counter()
    span = (args.size - 1) * 100.0
    step = span / args.units
    x0, y0 = float(points[:, 0].min()), float(points[:, 1].min())
    cells = [box(x0 + i * step, y0 + j * step, x0 + (i + 1) * step, y0 + (j + 1) * step)
             for i in range(args.units) for j in range(args.units)]
    unit_of, _ = demand.assign_units(points, cells)
    times["points in units"] = time.perf_counter() - t
    t = time.perf_counter()
    table = demand.unit_table(cov, unit_of, list(range(len(cells))), min_count=10)
    times["unit table + suppression"] = time.perf_counter() - t
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    print(f"network: {net.n_edges} edges, {net.n_nodes} junctions; query graph {graph.n_nodes} nodes; "
          f"{args.points} points x {args.facilities} facilities x 3 distances")
    for name, seconds in times.items():
        print(f"  {name:38s} {seconds:8.2f} s")
    print(f"  {'total':38s} {total:8.2f} s   peak memory {peak:.2f} GB (targets < 60 s, < 6 GB)")
    for q in reqs:
        n, summed, covered, uncovered = table.totals[q.label]
        print(f"  {q.limit:6g} m: {covered} of {n} people covered ({100 * covered / max(n, 1):.1f} %), "
              f"unit rows add up: {summed == n}")


if __name__ == "__main__":
    main()
