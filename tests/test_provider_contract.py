"""Every cimtwin algorithm keeps the interface contract: ids, parameter names, help everywhere."""
from __future__ import annotations

import re

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from cim_twin.processing_algs.base import GROUPS  # noqa: E402
from cim_twin.processing_algs.provider import algorithm_classes  # noqa: E402

#: parameter names promised to users' models and scripts (DESIGN.md): keep them stable
PROMISED = {
    "gridcode": {"INPUT", "LEVEL", "HEIGHT_FIELD", "ADMIN_CODE_FIELD", "OUTPUT"},
    "gridcells": {"EXTENT", "LEVEL", "OUTPUT"},
    "shortestpath": {"NETWORK", "START", "END", "START_LAYER", "END_LAYER", "PAIRING", "COST", "OUTPUT"},
    "odmatrix": {"NETWORK", "ORIGINS", "DESTINATIONS", "ORIGIN_ID_FIELD", "DESTINATION_ID_FIELD", "COST", "OUTPUT",
                 "OUTPUT_LINES"},
    "nearestfacility": {"NETWORK", "INCIDENTS", "FACILITIES", "N", "MAX_COST", "OUTPUT"},
    "servicearea": {"NETWORK", "FACILITIES", "COSTS", "OUTPUT_LINES", "OUTPUT_POLYGONS", "OUTPUT_NODES"},
    "buildingdsm": {"DEM", "BUILDINGS", "HEIGHT_FIELD", "FLOORS_FIELD", "FLOOR_HEIGHT", "BASE", "OUTPUT"},
    "viewshed": {"DEM", "BUILDINGS", "HEIGHT_FIELD", "OBSERVERS", "OBSERVER", "OBSERVER_HEIGHT", "TARGET_HEIGHT",
                 "RADIUS", "AZIMUTH", "HFOV", "VANGLE_UP", "VANGLE_DOWN", "CURVATURE", "ALGORITHM", "OUTPUT",
                 "OUTPUT_AREA", "OUTPUT_BUILDINGS"},
    "lineofsight": {"OBSERVERS", "TARGETS", "PAIRING", "DEM", "BUILDINGS", "OBSERVER_HEIGHT", "TARGET_HEIGHT",
                    "CURVATURE", "OUTPUT"},
    "measure": {"INPUT", "HEIGHT_FIELD", "FLOORS_FIELD", "FLOOR_HEIGHT", "DEM", "OUTPUT"},
    "heightlimit": {"BUILDINGS", "HEIGHT_FIELD", "LIMITS", "LIMIT_FIELD", "LIMIT_VALUE", "LIMIT_RASTER", "OUTPUT"},
    "parseaddresses": {"INPUT", "ADDRESS_FIELD", "GAZETTEER", "OUTPUT"},
    "trainaddressmodel": {"INPUT", "GAZETTEER", "MAX_ITERATIONS", "OUTPUT"},
    "joinhouseholds": {"INPUT", "ADDRESS_FIELD", "BUILDINGS", "BUILDING_ADDRESS_FIELD", "OUTPUT_HOUSEHOLDS",
                       "OUTPUT_LINKS", "OUTPUT_UNMATCHED"},
    "checkhierarchy": {"ADMIN_UNITS", "BUILDINGS", "OUTPUT"},
}


def instances():
    result = []
    for cls in algorithm_classes():
        algorithm = cls()
        algorithm.initAlgorithm()
        result.append(algorithm)
    return result


@pytest.mark.parametrize("algorithm", instances(), ids=lambda a: a.name())
def test_algorithm_is_documented(algorithm):
    assert re.fullmatch(r"[a-z][a-z0-9]*", algorithm.name())
    assert algorithm.groupId() in GROUPS
    assert algorithm.displayName() and algorithm.displayName() != algorithm.name()
    assert len(algorithm.shortHelpString()) > 80
    assert algorithm.icon() is not None
    for parameter in algorithm.parameterDefinitions():
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*", parameter.name()), parameter.name()
        assert parameter.description(), parameter.name()
        assert len(parameter.help() or "") > 10, f"{algorithm.name()}: {parameter.name()} has no help"
    assert algorithm.outputDefinitions(), "outputs are typed so models can chain them"


def test_promised_ids_and_parameters_exist():
    by_name = {a.name(): a for a in instances()}
    for name, parameters in PROMISED.items():
        assert name in by_name, f"cimtwin:{name} is promised"
        assert parameters <= {p.name() for p in by_name[name].parameterDefinitions()}


def test_ids_are_unique():
    names = [a.name() for a in instances()]
    assert len(names) == len(set(names))
