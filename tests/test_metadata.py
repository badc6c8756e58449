"""metadata.txt is complete and true (what the plugin manager and repository read)."""
from __future__ import annotations

import configparser
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_required_entries():
    meta = metadata()
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "category", "tags", "icon"):
        assert meta.get(key, "").strip(), key
    assert meta["name"] == "CIM Twin"
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["supportsQt6"] == "True"
    assert re.fullmatch(r"\d+\.\d+\.\d+", meta["version"])


def test_about_has_english_and_chinese_and_icon_exists():
    meta = metadata()
    assert re.search(r"[\u4e00-\u9fff]", meta["about"]), "about needs a Chinese line"
    assert re.search(r"[A-Za-z]{4,} [A-Za-z]{4,}", meta["about"])
    assert (ROOT / meta["icon"]).is_file()


def test_provider_version_reads_metadata():
    from cim_twin.cim_twin_plugin.resources import plugin_version

    assert plugin_version() == metadata()["version"]
