"""Make the repository importable as the package ``cim_twin`` from scripts and tests.

The repository root *is* the plugin folder (deployed as ``cim_twin``), but a
checkout may be called anything (``main``, ``cim_twin-dev``...). This registers
the root under the name ``cim_twin`` exactly as QGIS sees it once installed.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def register() -> None:
    """Register the repository root as package ``cim_twin`` (idempotent)."""
    if "cim_twin" in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(
        "cim_twin", ROOT / "__init__.py", submodule_search_locations=[str(ROOT)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cim_twin"] = module
    spec.loader.exec_module(module)


register()
