"""`make demo`: build the sample district and run CIM Twin's algorithms on it with qgis_process.

The plugin is enabled in a temporary QGIS profile (never the user's). Everything
is written to the output folder (default demo_output/) and a short summary is
printed: what was produced, counts and timings. Each capability adds a step to
STEPS below.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from osgeo import ogr  # noqa: E402
from qgisprocess import QgisProcess  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def layer_count(path: Path, layer: str | None = None) -> int:
    dataset = ogr.Open(str(path))
    lyr = dataset.GetLayerByName(layer) if layer else dataset.GetLayer(0)
    return lyr.GetFeatureCount()


def layer_box(path: Path, layer: str) -> tuple[tuple[float, float], tuple[float, float], str]:
    dataset = ogr.Open(str(path))
    lyr = dataset.GetLayerByName(layer)
    xmin, xmax, ymin, ymax = lyr.GetExtent()
    return (xmin, ymin), (xmax, ymax), lyr.GetSpatialRef().GetAuthorityCode(None)


def first_row(path: Path) -> dict:
    """The attributes of the first feature of a one-layer file."""
    dataset = ogr.Open(str(path))
    feature = dataset.GetLayer(0).GetNextFeature()
    return feature.items()


def layer_extent(path: Path, layer: str) -> str:
    """The layer's extent as qgis_process takes it: 'xmin,xmax,ymin,ymax [EPSG:n]'."""
    (xmin, ymin), (xmax, ymax), epsg = layer_box(path, layer)
    return f"{xmin},{xmax},{ymin},{ymax} [EPSG:{epsg}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "demo_output")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--households", type=int, default=5000)
    args = parser.parse_args()
    out: Path = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    district = out / "district"
    twin = district / "twin.gpkg"
    summary: list[tuple[str, str, float]] = []

    start = time.perf_counter()
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_sample_district.py"), "--seed", str(args.seed),
         "--households", str(args.households), "--out", str(district), "--quiet"],
        check=True,
    )
    summary.append(
        ("sample district", f"{district.relative_to(out.parent)}: {layer_count(twin, 'buildings')} buildings, "
         f"{layer_count(twin, 'admin_units')} admin units, {layer_count(twin, 'roads')} road edges, "
         f"{layer_count(twin, 'facilities')} facilities", time.perf_counter() - start)
    )

    qgis = QgisProcess()
    try:
        result = qgis.enable_plugin()
        if result.returncode != 0:
            print(result.stdout, result.stderr, file=sys.stderr)
            return 1

        def run(label: str, algorithm: str, describe, **params) -> None:
            t0 = time.perf_counter()
            res = qgis.run(algorithm, **params)
            elapsed = time.perf_counter() - t0
            if res.returncode != 0:
                print(f"demo: {algorithm} failed\n{res.stdout}\n{res.stderr}", file=sys.stderr)
                raise SystemExit(1)
            summary.append((label, describe(res.json["results"]), elapsed))

        # -- Twin entities: Beidou grid codes ------------------------------------------------
        coded = out / "buildings_gridcode.gpkg"
        run(
            "cimtwin:gridcode buildings",
            "cimtwin:gridcode",
            lambda r: f"{coded.name}: {r['CODED']} coded (level 8, entity_code = community + grid), "
            f"{r['FAILED']} without code",
            INPUT=f"{twin}|layername=buildings", LEVEL=8, ADMIN_CODE_FIELD="community_code", OUTPUT=coded,
        )
        coded3d = out / "buildings_gridcode_3d.gpkg"
        run(
            "cimtwin:gridcode buildings 3D",
            "cimtwin:gridcode",
            lambda r: f"{coded3d.name}: {r['CODED']} 3D codes at roof height (level 7), "
            f"{r['FAILED']} without code",
            INPUT=f"{twin}|layername=buildings", LEVEL=7, HEIGHT_FIELD="height_m", OUTPUT=coded3d,
        )
        cells = out / "grid_cells_level6.gpkg"
        run(
            "cimtwin:gridcells",
            "cimtwin:gridcells",
            lambda r: f"{cells.name}: {r['COUNT']} level-6 cells (about 62 m) over the district",
            EXTENT=layer_extent(twin, "admin_units"), LEVEL=6, OUTPUT=cells,
        )

        # -- Network: a route across the district and the 5/10/15-minute walking life circles ---
        network = dict(NETWORK=f"{twin}|layername=roads", DIRECTION_FIELD="oneway", SPEED_FIELD="speed_kmh",
                       SNAP_TOLERANCE=1)
        (xmin, ymin), (xmax, ymax), epsg = layer_box(twin, "roads")
        route = out / "route.gpkg"
        run(
            "cimtwin:shortestpath",
            "cimtwin:shortestpath",
            lambda r: "{name}: fastest route (driving, one-way streets respected) {length_m:.0f} m in "
            "{time_s:.0f} s".format(name=route.name, **first_row(route)),
            **network, COST=1, OUTPUT=route,
            START=f"{xmin + 0.15 * (xmax - xmin)},{ymin + 0.2 * (ymax - ymin)} [EPSG:{epsg}]",
            END=f"{xmin + 0.85 * (xmax - xmin)},{ymin + 0.8 * (ymax - ymin)} [EPSG:{epsg}]",
        )
        areas = out / "service_polygons.gpkg"
        run(
            "cimtwin:servicearea",
            "cimtwin:servicearea",
            lambda r: f"{areas.name}: {r['AREAS']} walking catchments (facility x 5/10/15 min), "
            f"{r['REJECTED']} rejected",
            **network, FACILITIES=f"{twin}|layername=facilities", FACILITY_ID_FIELD="facility_id", MODE=1, COST=1,
            COST_UNIT=1, COSTS="5,10,15", OUTPUT_LINES=out / "service_lines.gpkg", OUTPUT_POLYGONS=areas,
        )

        # -- Visibility and measurement ------------------------------------------------------
        (bx0, by0), (bx1, by1), bepsg = layer_box(twin, "buildings")
        view = out / "viewshed.tif"
        run(
            "cimtwin:viewshed",
            "cimtwin:viewshed",
            lambda r: f"{view.name}: {r['VISIBLE_CELLS']} visible cells ({r['VISIBLE_AREA_M2'] / 1e4:.1f} ha) "
            "within 600 m of the district centre, buildings as obstacles (exact)",
            DEM=district / "dem.tif", BUILDINGS=f"{twin}|layername=buildings", HEIGHT_FIELD="height_m",
            FLOORS_FIELD="floors", OBSERVER=f"{(bx0 + bx1) / 2},{(by0 + by1) / 2} [EPSG:{bepsg}]", RADIUS=600,
            OUTPUT=view, OUTPUT_AREA=out / "visible_area.gpkg", OUTPUT_BUILDINGS=out / "buildings_visibility.gpkg",
        )
        measured = out / "buildings_measured.gpkg"
        run(
            "cimtwin:measure",
            "cimtwin:measure",
            lambda r: f"{measured.name}: {r['MEASURED']} buildings with geodesic area, perimeter, volume, "
            "facade and base elevation",
            INPUT=f"{twin}|layername=buildings", HEIGHT_FIELD="height_m", FLOORS_FIELD="floors",
            DEM=district / "dem.tif", OUTPUT=measured,
        )
        over = out / "buildings_height_limit.gpkg"  # every building, with hl_status over / within / not_checked
        run(
            "cimtwin:heightlimit",
            "cimtwin:heightlimit",
            lambda r: f"{over.name}: {r['OVER']} buildings over a 60 m limit, {r['WITHIN']} within "
                      f"(hl_status of every building)",
            BUILDINGS=f"{twin}|layername=buildings", HEIGHT_FIELD="height_m", LIMIT_VALUE=60, OUTPUT=over,
        )

        # -- Population: real space (addresses -> households in buildings) ------------------
        sources = district / "sources"
        parsed = out / "ledger_parsed.csv"
        run(
            "cimtwin:parseaddresses ledger",
            "cimtwin:parseaddresses",
            lambda r: f"{parsed.name}: {r['OK']} ok, {r['PARTIAL']} partial, {r['FAILED']} failed",
            INPUT=sources / "ledger.csv", ADDRESS_FIELD="实际居住地址", OUTPUT=parsed,
        )
        households = out / "households.gpkg"
        run(
            "cimtwin:joinhouseholds hukou",
            "cimtwin:joinhouseholds",
            lambda r: f"{households.name}: {r['RECORDS']} records = {r['LINKED']} linked + "
            f"{r['UNMATCHED']} unmatched; {r['HOUSEHOLDS']} households",
            INPUT=sources / "hukou.csv", ADDRESS_FIELD="户籍地址", HOUSEHOLD_KEY_FIELDS="户号",
            BUILDINGS=f"{twin}|layername=buildings", BUILDING_ID_FIELD="building_id",
            BUILDING_ADDRESS_FIELD="address", FLOORS_FIELD="floors",
            OUTPUT_HOUSEHOLDS=households, OUTPUT_LINKS=out / "household_links.csv",
            OUTPUT_UNMATCHED=out / "household_unmatched.csv",
        )
        hierarchy = out / "hierarchy_report.gpkg"
        run(
            "cimtwin:checkhierarchy",
            "cimtwin:checkhierarchy",
            lambda r: f"{hierarchy.name}: {r['FINDINGS']} findings (gaps, overlaps, misplaced units/buildings)",
            ADMIN_UNITS=f"{twin}|layername=admin_units", BUILDINGS=f"{twin}|layername=buildings",
            BUILDING_ID_FIELD="building_id", OUTPUT=hierarchy,
            OUTPUT_BUILDINGS=out / "buildings_communities.gpkg",
        )

        # -- Population: the person base fused from the six sources, published with suppression --
        base = out / "population"
        base.mkdir()
        roles = ("hukou", "ledger", "health", "civil_affairs", "social_security", "enterprises")
        run(
            "cimtwin:fusepersons",
            "cimtwin:fusepersons",
            lambda r: f"{base.name}/: {r['RECORDS']} source rows -> {r['PERSONS']} persons in {r['HOUSEHOLDS']} "
            f"lived-in households; {r['REJECTED']} rows rejected, {r['CONFLICTS']} conflicts",
            SOURCES=[sources / f"{name}.csv" for name in roles], BUILDINGS=f"{twin}|layername=buildings",
            BUILDING_ID_FIELD="building_id", BUILDING_ADDRESS_FIELD="address", FLOORS_FIELD="floors",
            SECRET_KEY=base / "secret.key", REFERENCE_DATE="2026-12-01",
            TAG_RULES="独居老人: age >= 65 and living_alone\n学龄儿童: 6 <= age < 12",
            OUTPUT_PERSONS=base / "persons.gpkg", OUTPUT_HOUSEHOLDS=base / "households.gpkg",
            OUTPUT_RELATIONS=base / "relations.gpkg", OUTPUT_CONFLICTS=base / "conflicts.csv",
            OUTPUT_REJECTS=base / "rejects.csv",
        )
        table = base / "community_age_groups.csv"
        run(
            "cimtwin:aggregatepopulation",
            "cimtwin:aggregatepopulation",
            lambda r: f"{table.name}: community x age group, {r['PUBLISHED']} counts published, {r['WITHHELD']} "
            f"withheld (< 10, and what would reveal them); smallest range of a withheld count {r['SMALLEST_RANGE']}",
            INPUT=base / "households.gpkg", UNITS=f"{twin}|layername=admin_units|subset=\"level\" = 'community'",
            UNIT_ID_FIELD="code", PARENT_FIELD="parent_code", GROUPS="0", MIN_COUNT=10, OUTPUT=table,
        )
        grid_table = base / "grid_age_groups.csv"
        run(
            "cimtwin:aggregatepopulation grid",
            "cimtwin:aggregatepopulation",
            lambda r: f"{grid_table.name}: grid (网格) x age group x living status, nested in communities: "
            f"{r['PUBLISHED']} counts published, {r['WITHHELD']} withheld; smallest range of a withheld count "
            f"{r['SMALLEST_RANGE']}",
            INPUT=base / "households.gpkg", UNITS=f"{twin}|layername=admin_units|subset=\"level\" = 'grid'",
            UNIT_ID_FIELD="code", PARENT_FIELD="parent_code", GROUPS="0,1", MIN_COUNT=10, OUTPUT=grid_table,
        )
        coverage = base / "life_circle_coverage.csv"
        run(
            "cimtwin:lifecirclecoverage",
            "cimtwin:lifecirclecoverage",
            lambda r: f"{coverage.name}: 一老一小 and the other GB 50180 life circles per community (walking): "
            f"{r['COVERED']} people covered, {r['UNCOVERED']} not (uncovered households with their reason in "
            "life_circle_uncovered.gpkg)",
            NETWORK=f"{twin}|layername=roads", FACILITIES=f"{twin}|layername=facilities", TYPE_FIELD="type",
            FACILITY_ID_FIELD="facility_id", CAPACITY_FIELD="capacity", POPULATION=base / "households.gpkg",
            UNITS=f"{twin}|layername=admin_units|subset=\"level\" = 'community'", UNIT_ID_FIELD="code",
            OUTPUT_UNITS=coverage, OUTPUT_UNCOVERED=base / "life_circle_uncovered.gpkg",
            OUTPUT_FACILITIES=base / "life_circle_facilities.csv",
        )
        run(
            "cimtwin:exportpopulationgraph",
            "cimtwin:exportpopulationgraph",
            lambda r: f"population.graphml and neo4j/: {r['NODES']} nodes, {r['EDGES']} relations",
            RELATIONS=base / "relations.gpkg", PERSONS=base / "persons.gpkg", HOUSEHOLDS=base / "households.gpkg",
            BUILDINGS=f"{twin}|layername=buildings", OUTPUT_GRAPHML=base / "population.graphml",
            OUTPUT_NEO4J=base / "neo4j",
        )
    finally:
        qgis.cleanup()

    # the population base against the district's truth/ (core, the same steps as fusepersons)
    t0 = time.perf_counter()
    evaluation = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_population_fuse.py"), str(district),
         "--reference-date", "2026-12-01"], check=True, capture_output=True, text=True).stdout
    wanted = ("lives-in household right", "residence status", "registration equal")
    lines = [line.strip() for line in evaluation.splitlines() if line.startswith(wanted)]
    evaluation = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_population_identity.py"), str(district)],
        check=True, capture_output=True, text=True).stdout
    lines += [line.strip() for line in evaluation.splitlines()
              if line.strip().startswith(("identity:", "valid-ID records", "records without a valid ID"))]
    summary.append(("population base vs truth", "; ".join(lines), time.perf_counter() - t0))

    # accuracy of the household join against the district's truth/ (all sources, in core)
    t0 = time.perf_counter()
    evaluation = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_household_join.py"), "--district", str(district)],
        check=True, capture_output=True, text=True,
    ).stdout
    wanted = ("link rate (true household exists)", "link precision", "building_key accuracy")
    lines = [line.strip() for line in evaluation.splitlines() if line.startswith(wanted)]
    summary.append(("household join vs truth", "; ".join(lines), time.perf_counter() - t0))

    print("\nCIM Twin demo: summary")
    width = max(len(label) for label, _, _ in summary)
    for label, text, seconds in summary:
        print(f"  {label:<{width}}  {seconds:6.1f} s  {text}")
    print(f"  outputs in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
