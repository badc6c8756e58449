"""Test configuration: import the repository as the package ``cim_twin``.

Two tiers (STYLE.md): pure core tests run with ``pytest -p no:qgis``; tests
that touch QGIS use pytest-qgis fixtures and are marked ``qgis``.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)

SHARED_DATA = ROOT.parent / "shared" / "data"


def qgis_available() -> bool:
    """True when QGIS's Python bindings can be imported (the QGIS tier can run)."""
    import importlib.util

    return importlib.util.find_spec("qgis") is not None


_KEEP_ALIVE: list = []


def qgis_process_runner(python_paths=()):
    """Yield a scripts/qgisprocess.QgisProcess with the plugin enabled in a temporary profile, then clean up.

    *python_paths*: folders put first on qgis_process's PYTHONPATH (its Python is Debian's, which does not
    see pip packages of .venv).
    """
    import os

    from qgisprocess import QgisProcess  # scripts/ is on sys.path (above)

    runner = QgisProcess()
    if python_paths:
        runner.env["PYTHONPATH"] = os.pathsep.join([*map(str, python_paths), runner.env.get("PYTHONPATH", "")])
    result = runner.enable_plugin()
    assert result.returncode == 0, result.stdout + result.stderr
    yield runner
    runner.cleanup()


if qgis_available():
    import pytest

    @pytest.fixture(scope="module")
    def qgis_process():
        """qgis_process (the batch runner) with this checkout's plugin enabled."""
        yield from qgis_process_runner()

    def _register_cimtwin():
        """The registered cimtwin provider (+ expression functions), as the plugin does it."""
        from cim_twin.cim_twin_plugin import expressions
        from cim_twin.processing_algs.provider import CimTwinProvider
        from qgis.core import QgsApplication

        registry = QgsApplication.processingRegistry()
        if registry.providerById("cimtwin") is None:
            provider = CimTwinProvider()
            _KEEP_ALIVE.append(provider)  # Python owns the provider: dropping it would unregister it
            registry.addProvider(provider)
        expressions.register_functions()
        return registry.providerById("cimtwin")

    @pytest.fixture
    def cimtwin(qgis_processing):
        """The registered cimtwin provider (+ expression functions), as the plugin does it."""
        return _register_cimtwin()

    @pytest.fixture(scope="module")
    def cimtwin_module(qgis_processing):
        """:func:`cimtwin` for module-scoped fixtures that run algorithms once for several tests."""
        return _register_cimtwin()

    @pytest.fixture
    def memory_layer():
        """Factory: memory_layer("Point", "EPSG:4490", [("name", "string")], [(wkt, [values])])."""
        from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

        def make(geometry_type: str, crs: str, fields, rows, name: str = "test"):
            spec = f"{geometry_type}?crs={crs}" + "".join(f"&field={n}:{t}" for n, t in fields)
            layer = QgsVectorLayer(spec, name, "memory")
            assert layer.isValid(), spec
            features = []
            for wkt, values in rows:
                feature = QgsFeature(layer.fields())
                if wkt is not None:
                    feature.setGeometry(QgsGeometry.fromWkt(wkt))
                feature.setAttributes(list(values))
                features.append(feature)
            ok, _ = layer.dataProvider().addFeatures(features)  # returns (success, features)
            assert ok and layer.featureCount() == len(rows), layer.dataProvider().lastError()
            layer.updateExtents()
            return layer

        return make


#: roads and estates of the synthetic labelled addresses (address model tests)
LABELLED_ROADS = ["文一西路", "莫干山路", "解放东路", "环城北路", "天目山路", "延安路", "凤起路", "庆春路"]
LABELLED_ESTATES = ["锦绣花园", "阳光小区", "东方家园", "翠苑", "金都城"]


def write_labelled_conll(path, count: int = 60, seed: int = 5):
    """Write *count* labelled addresses in CoNLL form: 杭州市, road, N号, estate, N栋 and a last M号 labelled
    the unit (cellno), where the rules read that last 号 as the room.  Returns *path*."""
    import random

    rng = random.Random(seed)
    blocks = []
    for _ in range(count):
        road, estate = rng.choice(LABELLED_ROADS), rng.choice(LABELLED_ESTATES)
        number, building, unit = rng.randint(1, 999), rng.randint(1, 40), rng.randint(1, 9)
        pairs = [("杭", "B-city"), ("州", "I-city"), ("市", "I-city")]
        pairs += [(c, ("B-" if i == 0 else "I-") + "road") for i, c in enumerate(road)]
        pairs += [(str(number), "B-roadno"), ("号", "I-roadno")]
        pairs += [(c, ("B-" if i == 0 else "I-") + "poi") for i, c in enumerate(estate)]
        pairs += [(str(building), "B-houseno"), ("栋", "I-houseno"), (str(unit), "B-cellno"), ("号", "I-cellno")]
        blocks.append("\n".join(f"{t} {g}" for t, g in pairs))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path
