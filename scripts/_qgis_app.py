"""A headless QGIS with Processing and the cimtwin provider, for scripts (benchmarks).

    with cimtwin_processing() as registry:
        algorithm = registry.createAlgorithmById("cimtwin:measure")
"""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator

import _bootstrap  # noqa: F401 (registers the package cim_twin)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")  # pyproj inside .venv looks under the venv otherwise


@contextlib.contextmanager
def cimtwin_processing() -> Iterator[object]:
    """Start QGIS, initialise Processing, register the provider; yield the processing registry."""
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")  # Debian: where the Processing plugin lives
    from processing.core.Processing import Processing

    Processing.initialize()
    from cim_twin.processing_algs.provider import CimTwinProvider

    provider = CimTwinProvider()
    registry = QgsApplication.processingRegistry()
    registry.addProvider(provider)
    try:
        yield registry
    finally:
        registry.removeProvider(provider)
        app.exitQgis()
