"""Translations: every string of the code is in the .ts, translated, and zh_CN loads in QGIS."""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "i18n" / "cim_twin_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    result = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            result[(name, message.findtext("source"))] = message.find("translation")
    return result


def test_every_entry_is_translated_with_the_same_placeholders():
    entries = messages(TS)
    assert len(entries) > 40
    for (context, source), translation in entries.items():
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), (context, source)
        text = translation.text or ""
        assert CJK.search(text), f"{context}: {source!r} has no Chinese translation"
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", text)), source


@pytest.mark.skipif(shutil.which("pylupdate5") is None, reason="pylupdate5 (pyqt5-dev-tools) not installed")
def test_ts_holds_exactly_the_strings_of_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = subprocess.run(
        ["make", "-s", "--no-print-directory", "-C", str(ROOT), "-pn"], capture_output=True, text=True
    ).stdout
    match = re.search(r"^I18N_SOURCES := (.*)$", sources, re.M)
    files = match.group(1).split() if match else []
    assert files, "Makefile defines I18N_SOURCES"
    subprocess.run(["pylupdate5", "-noobsolete", *files, "-ts", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    assert set(messages(fresh)) == set(messages(TS)), "run `make ts` and translate the new strings"


@pytest.mark.qgis
def test_zh_cn_translator_translates_algorithms(qgis_app):
    pytest.importorskip("qgis.core")
    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True, capture_output=True)
    from cim_twin.cim_twin_plugin import i18n
    from cim_twin.processing_algs.gridcode import GridCodeAlgorithm
    from cim_twin.processing_algs.provider import CimTwinProvider

    i18n.remove_translators()
    english = GridCodeAlgorithm()
    assert english.displayName() == "Beidou grid codes of features"
    try:
        assert i18n.install_translator("zh_CN") is not None
        algorithm = GridCodeAlgorithm()
        assert algorithm.displayName() == "要素北斗网格位置码"
        assert CJK.search(algorithm.shortHelpString())
        assert algorithm.group() == "孪生实体"
        algorithm.initAlgorithm()
        assert CJK.search(algorithm.parameterDefinition("LEVEL").description())
        assert CJK.search(algorithm.parameterDefinition("LEVEL").help())
        assert CJK.search(CimTwinProvider().name())
    finally:
        i18n.remove_translators()
    assert GridCodeAlgorithm().displayName() == "Beidou grid codes of features"


@pytest.mark.qgis
def test_translator_follows_the_qgis_locale(qgis_app):
    from cim_twin.cim_twin_plugin import i18n
    from qgis.core import QgsSettings

    settings = QgsSettings()
    old = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "zh_CN")
        assert i18n.qgis_locale() == "zh_CN"
        assert i18n.install_translator() is not None
        settings.setValue("locale/userLocale", "en_US")
        i18n.remove_translators()
        assert i18n.install_translator() is None, "English needs no translator"
    finally:
        i18n.remove_translators()
        settings.setValue("locale/overrideFlag", old[0] if old[0] is not None else False)
        settings.setValue("locale/userLocale", old[1] or "")


@pytest.mark.qgis
def test_zh_cn_translates_every_parameter_and_help_of_every_algorithm(qgis_app):
    """Defect 3 (issue 13): strings of shared helpers (BuildingParameters, the address model, the network
    base) were filed under a context never looked up; every description, help and short help must come
    back in Chinese."""
    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True, capture_output=True)
    from cim_twin.cim_twin_plugin import i18n
    from cim_twin.processing_algs.provider import ALGORITHMS, load_entry

    i18n.remove_translators()
    try:
        assert i18n.install_translator("zh_CN") is not None
        untranslated = []
        for entry in ALGORITHMS:
            algorithm = load_entry(entry)
            algorithm.initAlgorithm()
            texts = {"displayName": algorithm.displayName(), "shortHelpString": algorithm.shortHelpString()}
            for parameter in algorithm.parameterDefinitions():
                texts[f"{parameter.name()}.description"] = parameter.description()
                texts[f"{parameter.name()}.help"] = parameter.help()
            for output in algorithm.outputDefinitions():
                texts[f"{output.name()}.output"] = output.description()
            untranslated += [f"{entry.alg_id} {key}: {text!r}" for key, text in texts.items()
                             if not CJK.search(text or "")]
        assert untranslated == []
    finally:
        i18n.remove_translators()


@pytest.mark.qgis
def test_core_errors_reach_zh_cn_users_in_chinese(qgis_app, cimtwin, memory_layer):
    """Defect 7 (issue 13): core errors carry a code and values; the bridge translates their template."""
    import processing
    from qgis.core import QgsProcessingException

    subprocess.run(["make", "-s", "translations"], cwd=ROOT, check=True, capture_output=True)
    from cim_twin.cim_twin_plugin import i18n

    units = memory_layer("Polygon", "EPSG:4550", [("code", "string"), ("level", "string"),
                                                  ("parent_code", "string")],
                         [("POLYGON((0 0,10 0,10 10,0 10,0 0))", [None, "district", None])], name="units")
    i18n.remove_translators()
    try:
        assert i18n.install_translator("zh_CN") is not None
        with pytest.raises(QgsProcessingException) as info:
            processing.run("cimtwin:checkhierarchy", {"ADMIN_UNITS": units, "OUTPUT": "memory:"})
        message = str(info.value)
        assert CJK.search(message) and "has no code" not in message, message
        assert "units" in message, "the layer is named"
    finally:
        i18n.remove_translators()


def test_every_marked_core_template_is_in_the_ts():
    """pylupdate5 misses a QT_TRANSLATE_NOOP whose context is not on the line of its parenthesis; every
    template the core marks must be in the .ts, or zh_CN users read it in English."""
    import ast

    entries = messages(TS)
    missing = []
    for path in sorted((ROOT / "cim_twin_plugin" / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
                    and len(node.args) == 2 and all(isinstance(a, ast.Constant) for a in node.args)):
                key = (node.args[0].value, node.args[1].value)
                if key not in entries:
                    missing.append(f"{path.name}:{node.lineno}: {key[1]}")
    assert missing == []
