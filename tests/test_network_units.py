"""Road network core (no QGIS): metres in a CRS whose unit is the foot, OD pair statuses decided in core,
core errors as templates with a code (the bridge translates them)."""
from __future__ import annotations

import numpy as np
import pytest
from cim_twin.cim_twin_plugin.core import network as nw
from cim_twin.cim_twin_plugin.core.errors import CONTEXT, ValidationError
from pyproj import CRS, Transformer

METRES = CRS.from_epsg(32610).to_wkt()
FEET = CRS.from_epsg(2227).to_wkt()  # NAD83 / California zone 3 (ftUS)
X0, Y0 = 551000.0, 4180000.0


def network_in(wkt, lines, tolerance=0.0, ellipsoid=(6378137.0, 6356752.314245179)):
    to = Transformer.from_crs(CRS.from_epsg(32610), CRS.from_wkt(wkt), always_xy=True)
    coords = np.concatenate([np.column_stack(to.transform(*(np.asarray(line, float) + (X0, Y0)).T))
                             for line in lines])
    offsets = np.concatenate([[0], np.cumsum([len(line) for line in lines])])
    n = len(lines)
    settings = nw.NetworkSettings(snap_tolerance=tolerance, ellipsoid=ellipsoid)
    return nw.build_network(coords, offsets, np.arange(n), np.zeros(n, np.int8), np.full(n, 30.0), wkt,
                            settings), to


def test_metres_per_unit_of_the_working_crs():
    assert nw.metres_per_unit(METRES) == 1.0
    assert nw.metres_per_unit(FEET) == pytest.approx(1200 / 3937)


@pytest.mark.parametrize("ellipsoid", [None, (6378137.0, 6356752.314245179)])
def test_snapping_tolerance_buffer_and_area_are_metres_in_a_crs_in_feet(ellipsoid):
    lines = [[(0, 0), (400, 0)], [(400.6, 0), (700, 0)]]  # a 0.6 m undershoot
    results = {}
    for wkt in (METRES, FEET):
        network, to = network_in(wkt, lines, tolerance=1.0, ellipsoid=ellipsoid)
        assert network.summary()["components"] == 1, "a 1 m tolerance closes a 0.6 m gap (1.97 ft)"
        facility = np.column_stack(to.transform(X0, Y0 + 10))
        snapped = nw.snap_points(network, facility, max_snap=15.0)
        assert snapped.ok[0] and snapped.connector_len[0] == pytest.approx(10.0, rel=1e-3)
        graph, (nodes,) = nw.build_query_graph(network, [snapped], "length")
        (area,), _ = nw.service_areas(graph, snapped, nodes, [300.0])
        polygon = nw.area_polygon(area, 50.0)
        results[wkt] = (area.length, nw.area_m2(area, polygon))
    assert results[FEET] == pytest.approx(results[METRES], rel=2e-3)
    assert results[METRES][1] == pytest.approx(290 * 100 + 2 * 2 ** 0.5 * 50 ** 2, rel=1e-3)


def test_od_pair_statuses_are_decided_in_core():
    network, to = network_in(METRES, [[(0, 0), (400, 0)], [(0, 100), (400, 100)]])
    pts = np.column_stack(to.transform(X0 + np.array([10.0, 10.0, 10.0, 5000.0]),
                                       Y0 + np.array([1.0, 99.0, 1.0, 0.0])))
    snapped = nw.snap_points(network, pts, max_snap=50.0)
    graph, (nodes,) = nw.build_query_graph(network, [snapped], "length")
    matrix = nw.od_matrix(graph, snapped, nodes, snapped, nodes)
    status = nw.od_statuses(matrix, snapped, snapped)
    assert status[0, 0] == "same_point" and status[0, 2] == "same_point"
    assert status[0, 1] == "unreachable" and status[1, 0] == "unreachable"
    assert status[3, 0] == "origin_rejected" and status[0, 3] == "destination_rejected"
    assert status[3, 3] == "origin_rejected"
    assert status[1, 1] == "same_point"


def test_core_errors_are_templates_with_codes():
    with pytest.raises(nw.NetworkError) as info:
        nw.NetworkSettings(snap_tolerance=-1.0)
    assert info.value.code == "network_snap_tolerance" and "{value}" in info.value.template
    assert str(info.value) == "snapping tolerance must be 0 or more, not -1.0"
    seen = []
    assert info.value.translated(lambda context, text: seen.append(context) or "[zh] " + text) == \
        "[zh] snapping tolerance must be 0 or more, not -1.0"
    assert seen == [CONTEXT]
    with pytest.raises(ValidationError) as info:
        nw.check_bands(["x"])
    assert info.value.code == "band_not_a_number" and info.value.values == {"value": "x"}
    network, to = network_in(METRES, [[(0, 0), (400, 0)]])
    snapped = nw.snap_points(network, np.column_stack(to.transform(X0, Y0)))
    graph, (nodes,) = nw.build_query_graph(network, [snapped], "length")
    with pytest.raises(ValidationError) as info:
        nw.nearest_facilities(graph, snapped, nodes, snapped, nodes, 0)
    assert info.value.code == "nearest_n"
    with pytest.raises(nw.NetworkError) as info:
        nw.build_network(np.zeros((0, 2)), np.zeros(1, np.int64), [], [], [], METRES, nw.NetworkSettings())
    assert info.value.code == "network_empty"
