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
