#!/usr/bin/env python3
"""Benchmark of road network analysis (issue 3), figures side by side in one run.

Usage::

    PROJ_DATA=/usr/share/proj QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/bench_network.py [--size 158]

Synthetic grid-like network in EPSG:4550: SIZE x SIZE junctions about 100 m apart
(jittered), every block side digitised as two edges (a mid-block node, as real
data split where attributes change), 1 in 6 sides one-way, speeds 20-60 km/h.
SIZE 158 gives ~99,000 edges. Prints:

1. 1,000 origin-destination routes: cimtwin:shortestpath (one run, layers of 1,000
   start and end points, by order) and the core alone, against
   native:shortestpathpointtopoint timed on 20 calls and scaled to 1,000;
2. a 1,000 x 1,000 OD matrix, graph build included (core, and cimtwin:odmatrix);
3. service areas for 200 facilities x 3 bands (core lines; polygons separately).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
import numpy as np  # noqa: E402
from cim_twin.cim_twin_plugin.core import network as nw  # noqa: E402

X0, Y0 = 350000.0, 3440000.0
CGCS2000 = (6378137.0, 6356752.314140356)


def grid(size: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    ii, jj = np.meshgrid(np.arange(size), np.arange(size), indexing="ij")
    px = X0 + ii * 100.0 + rng.uniform(-20, 20, ii.shape)
    py = Y0 + jj * 100.0 + rng.uniform(-20, 20, ii.shape)
    a, b = [], []
    for di, dj in ((1, 0), (0, 1)):
        src = np.column_stack([px[: size - di, : size - dj].ravel(), py[: size - di, : size - dj].ravel()])
        dst = np.column_stack([px[di:, dj:].ravel(), py[di:, dj:].ravel()])
        a.append(src)
        b.append(dst)
    a, b = np.concatenate(a), np.concatenate(b)
    mid = (a + b) / 2 + rng.uniform(-5, 5, a.shape)
    starts = np.concatenate([a, mid])
    ends = np.concatenate([mid, b])
    coords = np.stack([starts, ends], axis=1).reshape(-1, 2)
    n = len(starts)
    offsets = np.arange(n + 1) * 2
    side_oneway = rng.random(len(a)) < 1 / 6
    directions = np.where(np.concatenate([side_oneway, side_oneway]), 1, 0).astype(np.int8)
    side_speed = rng.choice([20.0, 30.0, 40.0, 60.0], len(a))
    speeds = np.concatenate([side_speed, side_speed])
    return coords, offsets, directions, speeds


def random_points(rng, n, size):
    return np.column_stack([rng.uniform(X0, X0 + (size - 1) * 100, n), rng.uniform(Y0, Y0 + (size - 1) * 100, n)])


def write_gpkg(path: Path, coords, offsets, directions, speeds):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4550)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("oneway", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("speed_kmh", ogr.OFTReal))
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for k in range(len(offsets) - 1):
        c = coords[offsets[k]:offsets[k + 1]]
        f = ogr.Feature(defn)
        f.SetField("oneway", int(directions[k]))
        f.SetField("speed_kmh", float(speeds[k]))
        f.SetGeometry(ogr.CreateGeometryFromWkt("LINESTRING (" + ",".join(f"{x} {y}" for x, y in c) + ")"))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


def write_points(path: Path, name: str, xy):
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4550)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer(name, srs, ogr.wkbPoint)
    layer.StartTransaction()
    for x, y in xy:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({x} {y})"))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=158, help="junctions per grid side (158 -> ~99,000 edges)")
    ap.add_argument("--native-calls", type=int, default=20)
    ap.add_argument("--skip-qgis", action="store_true", help="core figures only")
    args = ap.parse_args()
    rng = np.random.default_rng(7)
    from pyproj import CRS

    wkt = CRS.from_epsg(4550).to_wkt()
    coords, offsets, directions, speeds = grid(args.size)
    n_edges = len(offsets) - 1
    settings = nw.NetworkSettings(ellipsoid=CGCS2000)
    print(f"network: {n_edges} edges, {args.size}x{args.size} junctions, EPSG:4550, ellipsoidal lengths")

    # -- core -----------------------------------------------------------------------------
    t0 = time.perf_counter()
    net = nw.build_network(coords, offsets, np.arange(n_edges), directions, speeds, wkt, settings)
    t_build = time.perf_counter() - t0
    s = net.summary()
    print(f"graph build (core): {t_build:.2f} s -> {s['nodes']} junctions, {s['links']} links")

    origins, dests = random_points(rng, 1000, args.size), random_points(rng, 1000, args.size)
    t0 = time.perf_counter()
    o = nw.snap_points(net, origins)
    d = nw.snap_points(net, dests)
    graph, (on, dn) = nw.build_query_graph(net, [o, d], "length")
    t_snap = time.perf_counter() - t0
    t0 = time.perf_counter()
    routes = nw.shortest_paths(graph, o, on, d, dn, np.column_stack([np.arange(1000), np.arange(1000)]))
    t_routes = time.perf_counter() - t0
    ok = sum(r.status == "ok" for r in routes)
    core_routes_total = t_build + t_snap + t_routes
    print(f"1,000 OD routes (core): build {t_build:.2f} s + snap/insert {t_snap:.2f} s + routes {t_routes:.2f} s "
          f"= {core_routes_total:.2f} s ({ok} routes with geometry)")

    t0 = time.perf_counter()
    net2 = nw.build_network(coords, offsets, np.arange(n_edges), directions, speeds, wkt,
                            nw.NetworkSettings(ellipsoid=CGCS2000, default_speed=31.0))
    o = nw.snap_points(net2, origins)
    d = nw.snap_points(net2, dests)
    graph2, (on, dn) = nw.build_query_graph(net2, [o, d], "length")
    matrix = nw.od_matrix(graph2, o, on, d, dn)
    t_od = time.perf_counter() - t0
    print(f"1,000 x 1,000 OD matrix, length (core, graph build included): {t_od:.2f} s "
          f"[target < 10 s] ({np.isfinite(matrix.cost).sum()} finite costs)")
    t0 = time.perf_counter()
    graph3, (on3, dn3) = nw.build_query_graph(net2, [o, d], "time")
    matrix_t = nw.od_matrix(graph3, o, on3, d, dn3)
    t_od_time = time.perf_counter() - t0
    print(f"1,000 x 1,000 OD matrix, travel time + route length (core, graph reused): {t_od_time:.2f} s "
          f"({np.isfinite(matrix_t.cost).sum()} finite)")

    fac_xy = random_points(rng, 200, args.size)
    t0 = time.perf_counter()
    net3 = nw.build_network(coords, offsets, np.arange(n_edges), directions, speeds, wkt,
                            nw.NetworkSettings(ellipsoid=CGCS2000, mode="walk"))
    f = nw.snap_points(net3, fac_xy)
    graph4, (fn,) = nw.build_query_graph(net3, [f], "time")
    areas, _ = nw.service_areas(graph4, f, fn, [300, 600, 900])
    t_sa = time.perf_counter() - t0
    parts = sum(len(a.link) for a in areas)
    print(f"service areas 200 facilities x 3 bands (5/10/15 min walk, core lines with geometry, graph build "
          f"included): {t_sa:.2f} s [target < 10 s] ({len(areas)} areas, {parts} edge parts)")
    t0 = time.perf_counter()
    polygons = [nw.area_polygon(a, 50.0) for a in areas]
    t_poly = time.perf_counter() - t0
    print(f"  + polygons (buffer 50 m) for the {len(polygons)} areas: {t_poly:.2f} s")
    if args.skip_qgis:
        return

    # -- QGIS: native vs cimtwin -----------------------------------------------------------
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from cim_twin.processing_algs.provider import CimTwinProvider
    from processing.core.Processing import Processing

    Processing.initialize()
    provider = CimTwinProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    project = QgsProject.instance()
    from qgis.core import QgsCoordinateReferenceSystem

    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4550"))
    project.setEllipsoid("EPSG:1024")

    def context():
        ctx = QgsProcessingContext()
        ctx.setProject(project)
        ctx.setEllipsoid("EPSG:1024")
        return ctx

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        roads = tmp / "roads.gpkg"
        write_gpkg(roads, coords, offsets, directions, speeds)
        write_points(tmp / "o.gpkg", "o", origins)
        write_points(tmp / "d.gpkg", "d", dests)
        calls = args.native_calls
        agree = []
        t0 = time.perf_counter()
        for k in range(calls):
            result = processing.run("native:shortestpathpointtopoint", {
                "INPUT": str(roads), "STRATEGY": 0, "DIRECTION_FIELD": "oneway", "VALUE_FORWARD": "1",
                "VALUE_BACKWARD": "-1", "VALUE_BOTH": "0", "DEFAULT_DIRECTION": 2, "TOLERANCE": 0,
                "START_POINT": f"{origins[k, 0]},{origins[k, 1]} [EPSG:4550]",
                "END_POINT": f"{dests[k, 0]},{dests[k, 1]} [EPSG:4550]", "OUTPUT": "memory:"},
                context=context(), feedback=QgsProcessingFeedback())
            agree.append((result["TRAVEL_COST"], routes[k].network_length))
        t_native = time.perf_counter() - t0
        per_call = t_native / calls
        rel = max(abs(a - b) / a for a, b in agree)
        print(f"native:shortestpathpointtopoint: {calls} calls {t_native:.1f} s = {per_call:.2f} s per call -> "
              f"1,000 routes ~ {per_call * 1000:.0f} s (scaled)")
        print(f"  agreement on those {calls} routes: max relative difference {rel:.1e} (network part)")
        params = {"NETWORK": str(roads), "DIRECTION_FIELD": "oneway", "SPEED_FIELD": "speed_kmh",
                  "START_LAYER": str(tmp / "o.gpkg"), "END_LAYER": str(tmp / "d.gpkg"), "PAIRING": 0,
                  "OUTPUT": str(tmp / "routes.gpkg")}
        nw.CACHE.clear()
        t0 = time.perf_counter()
        result = processing.run("cimtwin:shortestpath", params, context=context(), feedback=QgsProcessingFeedback())
        t_alg = time.perf_counter() - t0
        print(f"cimtwin:shortestpath, 1,000 routes in one run (read layer, build graph, write GeoPackage): "
              f"{t_alg:.2f} s -> {per_call * 1000 / t_alg:.0f}x faster than 1,000 native calls [target >= 100x]; "
              f"core alone {per_call * 1000 / core_routes_total:.0f}x")
        t0 = time.perf_counter()
        processing.run("cimtwin:shortestpath", dict(params, OUTPUT=str(tmp / "routes2.gpkg")), context=context(),
                       feedback=QgsProcessingFeedback())
        print(f"  second run, graph from the cache: {time.perf_counter() - t0:.2f} s")
        nw.CACHE.clear()
        t0 = time.perf_counter()
        result = processing.run("cimtwin:odmatrix", {
            "NETWORK": str(roads), "DIRECTION_FIELD": "oneway", "ORIGINS": str(tmp / "o.gpkg"),
            "DESTINATIONS": str(tmp / "d.gpkg"), "OUTPUT": str(tmp / "od.gpkg")},
            context=context(), feedback=QgsProcessingFeedback())
        print(f"cimtwin:odmatrix 1,000 x 1,000 (graph build and writing 1,000,000 rows to GeoPackage included): "
              f"{time.perf_counter() - t0:.2f} s ({result['PAIRS']} rows)")
    app.exitQgis()


if __name__ == "__main__":
    main()
