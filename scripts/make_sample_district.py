#!/usr/bin/env python3
"""Generate a synthetic, Shanghai-like sample district for CIM Twin.

Usage (Debian's Python, which has GDAL, numpy, shapely and pyproj)::

    /usr/bin/python3 scripts/make_sample_district.py --seed 7 --households 5000 --out DIR

Same seed and arguments give byte-identical CSV files, DEM and features (the
GeoPackage timestamp is fixed through OGR_CURRENT_DATE, so with GDAL 3.6 even
twin.gpkg is byte-identical).  ``--households 1000000`` runs in a
few minutes (timings are printed).

CRS
    EPSG:4550, "CGCS2000 / 3-degree Gauss-Kruger CM 123E" (zone 41 without the
    zone prefix in the easting).  EPSG has no CGCS2000 Gauss-Kruger CRS with a
    central meridian at 121E: the 3-degree zones have central meridians at
    multiples of 3 degrees (120E = EPSG:4549 covers 118.5-121.5E, 123E =
    EPSG:4550 covers 121.5-124.5E).  The district's south-west corner is put at
    121.525E 31.205N (Pudong, east of the Huangpu) and it grows north-east, so
    it lies inside EPSG:4550's area of use whatever its size.  ``--epsg 4549``
    writes the same layout in the CM 120E zone instead (the lattice stays
    axis-aligned in the chosen grid).
Admin codes (synthetic, in the style of the statistical division codes)
    district 310115 浦东新区 (parent 310000); streets/towns 9 digits =
    310115 + 001.. for 街道 and 101.. for 镇 (real Pudong names, made-up
    codes); communities (居委会) 12 digits = street code + 001..; grid cells
    (网格) 15 digits = community code + 001.. (there is no national grid-cell
    code; this is a local convention).  Children tile their parent exactly.
Roads
    A noded network: edges are split at every junction and end exactly on
    each other.  Two deliberate defects, listed in truth/road_defects.csv:
    (1) one branch-road edge ends 0.5 m short of its junction with the
    southern boundary road (an undershoot; the edge is still connected at its
    other end), (2) a two-edge park path (公园园路) touching no other road, so
    the network has exactly two connected components.  Lanes (弄, class
    'lane') run from a road into residential blocks and are named after it
    (锦绣路1000弄).  One-way edges are digitised in the allowed direction.
Outputs in DIR
    twin.gpkg (admin_units, roads, buildings, facilities), dem.tif (5 m,
    float32, nodata -9999, gentle 3-8 m terrain plus one 40-60 m hill in a
    park; a 4 x 4-cell nodata hole in the north-east margin on purpose),
    sources/*.csv with sources/README.txt (encodings: hukou and
    civil_affairs GBK; ledger, health, social_security UTF-8 with BOM;
    enterprises UTF-8), truth/*.csv with truth/README.txt.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
import numpy as np  # noqa: E402
from cim_twin.cim_twin_plugin.core import idnumber  # noqa: E402
from pyproj import CRS, Transformer  # noqa: E402
from sample_district import layout, output, population, readme, sources  # noqa: E402

ANCHOR_LONLAT = (121.525, 31.205)
"""South-west corner of the district (CGCS2000 longitude, latitude)."""
DEFAULT_EPSG = 4550
ALLOWED_EPSG = (4549, 4550)
OUTPUTS = ("twin.gpkg", "dem.tif", "sources", "truth")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    ap.add_argument("--households", type=int, default=5000, help="number of occupied households (default 5000)")
    ap.add_argument("--out", type=Path, required=True, help="output directory")
    ap.add_argument("--epsg", type=int, default=DEFAULT_EPSG, choices=ALLOWED_EPSG,
                    help="CGCS2000 Gauss-Kruger CRS (default 4550 = CM 123E)")
    ap.add_argument("--overwrite", action="store_true", help="replace earlier outputs in --out")
    ap.add_argument("--quiet", action="store_true", help="print nothing but errors")
    args = ap.parse_args(argv)
    if args.households < 10:
        ap.error("--households must be at least 10")
    return args


def anchor(epsg: int) -> tuple[float, float]:
    """Projected position of the district's south-west corner, rounded to whole metres."""
    tr = Transformer.from_crs(4490, epsg, always_xy=True)
    x, y = tr.transform(*ANCHOR_LONLAT)
    return float(round(x)), float(round(y))


def generate(seed: int, households: int, out: Path, epsg: int, log=print) -> dict:
    t_all = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(name: str, t0: float) -> float:
        timings[name] = time.perf_counter() - t0
        log(f"  {name:<12} {timings[name]:7.2f} s")
        return time.perf_counter()

    ss = np.random.SeedSequence(seed)
    r_layout, r_rooms, r_pop, r_firms, r_src, r_dem = (np.random.default_rng(s) for s in ss.spawn(6))
    crs = CRS.from_epsg(epsg)
    offset = anchor(epsg)
    log(f"CRS: EPSG:{epsg} {crs.name}; SW corner {ANCHOR_LONLAT[0]}E {ANCHOR_LONLAT[1]}N -> "
        f"E {offset[0]:.0f} N {offset[1]:.0f}")

    t = time.perf_counter()
    district = layout.build_district(households, r_layout)
    t = lap("layout", t)
    rooms = population.make_rooms(district, households, r_rooms)
    persons = population.make_population(district, rooms, r_pop)
    t = lap("population", t)
    firms = population.make_enterprises(district, rooms, persons, r_firms)
    t = lap("enterprises", t)
    _check_ids(persons, r_src)
    t = lap("id check", t)

    (out / "sources").mkdir(parents=True)
    (out / "truth").mkdir()
    gpkg_counts = output.write_gpkg(out / "twin.gpkg", district, offset, epsg)
    t = lap("gpkg", t)
    dem = output.write_dem(out / "dem.tif", district, offset, epsg, r_dem)
    t = lap("dem", t)
    sw = sources.SourceWriter(district, rooms, persons, firms, r_src)
    sw.open_truth(out / "truth")
    for name in ("hukou", "ledger", "health", "civil_affairs", "social_security", "enterprises"):
        getattr(sw, name)(out / "sources")
    readme.write_sources_readme(out / "sources" / "README.txt", sw.headers, sw.counts)
    t = lap("sources", t)
    truth_counts = sw.write_truth(out / "truth", offset)
    (out / "truth" / "README.txt").write_text(readme.TRUTH_README, encoding="utf-8")
    t = lap("truth", t)
    timings["total"] = time.perf_counter() - t_all
    return dict(crs=f"EPSG:{epsg} {crs.name}", offset=offset, gpkg=gpkg_counts, dem=dem,
                sources=sw.counts, truth=truth_counts, timings=timings,
                persons=len(persons), rooms=len(rooms), households=int(rooms.occupied.sum()))


def _check_ids(persons, rng, sample: int = 20000) -> None:
    """Cross-check the vectorised ID numbers with the core module (a sample) and their uniqueness."""
    n = len(persons.id_number)
    if len(set(persons.id_number)) != n:
        raise RuntimeError("duplicate ID numbers generated")
    idx = rng.choice(n, size=min(sample, n), replace=False) if n > sample else range(n)
    bad = [i for i in idx if not idnumber.is_valid(persons.id_number[i])]
    if bad:
        raise RuntimeError(f"{len(bad)} generated ID numbers fail GB 11643")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    log = (lambda *a, **k: None) if args.quiet else print
    out: Path = args.out
    existing = [name for name in OUTPUTS if (out / name).exists()]
    if existing and not args.overwrite:
        print(f"error: {out} already holds {', '.join(existing)}; use --overwrite or another --out", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    partial = out / ".partial"
    if partial.exists():
        shutil.rmtree(partial)
    log(f"Generating sample district: seed {args.seed}, {args.households} households -> {out}")
    try:
        summary = generate(args.seed, args.households, partial, args.epsg, log)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    for name in OUTPUTS:  # publish: outputs are complete or absent
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        (partial / name).rename(target)
    partial.rmdir()

    log("")
    log(f"CRS       {summary['crs']}")
    log("twin.gpkg " + ", ".join(f"{k} {v}" for k, v in summary["gpkg"].items()))
    dem = summary["dem"]
    log(f"dem.tif   {dem['cols']} x {dem['rows']} cells of {output.DEM_CELL:g} m, "
        f"{dem['min']:.1f}..{dem['max']:.1f} m, hill {dem['hill_height']:.1f} m "
        f"at E {dem['hill_x']:.0f} N {dem['hill_y']:.0f}")
    log(f"rooms     {summary['rooms']} ({summary['households']} occupied), persons {summary['persons']}")
    log("sources   " + ", ".join(f"{k} {v}" for k, v in summary["sources"].items()))
    log("truth     " + ", ".join(f"{k} {v}" for k, v in summary["truth"].items()))
    log(f"time      {summary['timings']['total']:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
