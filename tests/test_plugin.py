"""The plugin loads as QGIS loads it and unload() leaves nothing behind."""
from __future__ import annotations

import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from qgis.core import QgsApplication, QgsExpression  # noqa: E402

FUNCTIONS = ("cim_grid_code", "cim_grid_decode")


def _metadata_version() -> str:
    import configparser
    from pathlib import Path

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(Path(__file__).resolve().parent.parent / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def test_load_and_unload_leave_nothing_behind(qgis_iface, qgis_processing):
    import cim_twin

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("cimtwin")
    if existing is not None:  # registered by another test's fixture: start clean
        registry.removeProvider(existing)
    from cim_twin.cim_twin_plugin import expressions

    expressions.unregister_functions()
    assert not any(QgsExpression.isFunctionName(name) for name in FUNCTIONS)

    plugin = cim_twin.classFactory(qgis_iface)
    assert registry.providerById("cimtwin") is None, "nothing may register before initGui"
    plugin.initGui()
    provider = registry.providerById("cimtwin")
    assert provider is not None
    assert {a.name() for a in provider.algorithms()} >= {"gridcode", "gridcells"}
    assert provider.versionInfo() == _metadata_version()
    for name in FUNCTIONS:
        assert QgsExpression.isFunctionName(name)
    assert len(plugin.actions) == 3
    menu_texts = [a.text() for a in plugin.actions]
    assert all(menu_texts)

    plugin._activate_tool()
    assert qgis_iface.mapCanvas().mapTool() is plugin.map_tool

    plugin.unload()
    assert registry.providerById("cimtwin") is None
    for name in FUNCTIONS:
        assert not QgsExpression.isFunctionName(name)
    assert plugin.actions == []
    assert plugin.map_tool is None
    assert qgis_iface.mapCanvas().mapTool() is None
    assert qgis_iface.removePluginMenu.call_count >= 3


def test_init_processing_alone_is_what_qgis_process_calls(qgis_iface, qgis_processing):
    import cim_twin

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("cimtwin")
    if existing is not None:
        registry.removeProvider(existing)
    plugin = cim_twin.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initProcessing()  # idempotent: one provider
    assert [p.id() for p in registry.providers()].count("cimtwin") == 1
    plugin.unload()
    assert registry.providerById("cimtwin") is None
