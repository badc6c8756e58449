"""Defect 4 (issue 13): one missing package disables only the algorithms that need it.

A child process hides a module (``sys.modules[name] = None`` makes every import
of it fail, as on a QGIS without the package), loads the provider, and runs an
algorithm that does not need it and one that does.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parent.parent

CHILD = textwrap.dedent("""
    import json, os, sys
    sys.path.insert(0, {scripts!r})
    for name in {hidden!r}:
        sys.modules[name] = None
    from _qgis_app import cimtwin_processing
    with cimtwin_processing() as registry:
        import processing
        from qgis.core import QgsProcessingException
        from cim_twin.processing_algs.provider import UnavailableAlgorithm
        provider = registry.providerById("cimtwin")
        algorithms = provider.algorithms()
        out = {{"listed": sorted(a.name() for a in algorithms),
               "unavailable": sorted(a.name() for a in algorithms if isinstance(a, UnavailableAlgorithm))}}
        result = processing.run("cimtwin:gridcells", {{"EXTENT": "121.5,121.51,31.2,31.21 [EPSG:4490]",
                                                      "LEVEL": 5, "OUTPUT": "memory:"}})
        out["gridcells_features"] = result["OUTPUT"].featureCount()
        try:
            processing.run("cimtwin:parseaddresses", {{"INPUT": "x.csv", "ADDRESS_FIELD": "a", "OUTPUT": "memory:"}})
            out["parse_error"] = None
        except QgsProcessingException as exc:
            out["parse_error"] = str(exc)
        print("RESULT " + json.dumps(out, ensure_ascii=False))
""")


def run_child(hidden):
    code = CHILD.format(scripts=str(ROOT / "scripts"), hidden=list(hidden))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])


def test_without_jieba_only_the_address_algorithms_are_unavailable():
    out = run_child(["jieba"])
    assert out["unavailable"] == ["fusepersons", "joinhouseholds", "parseaddresses", "trainaddressmodel"]
    from cim_twin.processing_algs.provider import ALGORITHMS

    assert len(out["listed"]) == len(ALGORITHMS) == 19, "unavailable algorithms stay listed"
    assert out["gridcells_features"] > 0, "the others still run"
    message = out["parse_error"]
    assert message and "jieba" in message
    assert "pip install jieba" in message and "apt install python3-jieba" in message and "OSGeo4W" in message


def test_without_scipy_the_network_algorithms_are_unavailable():
    out = run_child(["scipy"])
    assert out["unavailable"] == ["aggregatepopulation", "lifecirclecoverage", "nearestfacility", "odmatrix",
                                 "servicearea", "shortestpath"]
    assert out["gridcells_features"] > 0


def test_entries_match_their_classes(qgis_app):
    from cim_twin.processing_algs.provider import ALGORITHMS, load_entry

    for entry in ALGORITHMS:
        algorithm = load_entry(entry)
        assert type(algorithm).__name__ == entry.class_name
        assert algorithm.name() == entry.alg_id
        assert algorithm.groupId() == entry.group_id
        assert algorithm.displayName() == entry.display_name, "the stand-in shows the same name"
