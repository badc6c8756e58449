"""Paths of the plugin's files (icons are loaded from disk, no compiled Qt resources)."""
from __future__ import annotations

from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent.parent
ICON_PATH = str(PLUGIN_DIR / "icons" / "cim_twin.svg")
METADATA_PATH = PLUGIN_DIR / "metadata.txt"


def plugin_version() -> str:
    """The ``version`` entry of metadata.txt."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(METADATA_PATH, encoding="utf-8")
    return parser.get("general", "version")
