"""Layout rules that keep the project healthy (STYLE.md): they fail the build when broken."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_CODE = [p for d in ("cim_twin_plugin", "processing_algs") for p in (ROOT / d).rglob("*.py")]


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "cim_twin_plugin" / "core").rglob("*.py")), ids=str)
def test_core_imports_neither_qgis_nor_qt(path):
    banned = [m for m in imported_modules(path) if m.split(".")[0] in {"qgis", "PyQt5", "PyQt6", "processing"}]
    assert banned == [], f"{path.name} imports {banned}: core must stay pure Python"


@pytest.mark.parametrize("path", sorted(PLUGIN_CODE), ids=str)
def test_qt_only_through_qgis_pyqt(path):
    direct = [m for m in imported_modules(path) if m.split(".")[0] in {"PyQt5", "PyQt6"}]
    assert direct == [], f"{path.name} imports {direct}; use qgis.PyQt"


def test_root_init_holds_only_class_factory():
    tree = ast.parse((ROOT / "__init__.py").read_text(encoding="utf-8"))
    top = [node for node in tree.body if not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    assert [type(node).__name__ for node in top] == ["FunctionDef"]
    assert top[0].name == "classFactory"


def test_processing_code_does_not_import_gui():
    for path in (ROOT / "processing_algs").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        modules += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [m for m in modules if "gui" in m.split(".")], f"{path.name} imports GUI code"


#: processing_algs modules that are shared bases or declarations, not algorithms
SHARED_ALG_MODULES = {"__init__", "base", "provider", "parameters", "styles", "visibility_styles",
                      "network_common", "visibility_common", "address_common"}


def test_no_algorithm_module_imports_another():
    algorithm_modules = {p.stem for p in (ROOT / "processing_algs").glob("*.py")} - SHARED_ALG_MODULES
    for path in (ROOT / "processing_algs").glob("*.py"):
        if path.stem == "provider":
            continue  # the provider lists the algorithms
        tree = ast.parse(path.read_text(encoding="utf-8"))
        relative = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level == 1 and n.module}
        assert not relative & algorithm_modules, f"{path.name} imports algorithm modules {relative & algorithm_modules}"


def test_core_imports_no_gui_and_no_bridge():
    for path in (ROOT / "cim_twin_plugin" / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        modules = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not [m for m in modules if m.split(".")[0] in {"gui", "qgis_io"} or ".gui" in m or "qgis_io" in m], \
            f"{path.name} imports GUI or bridge code"


def test_parameter_module_keeps_the_core_default():
    from cim_twin.cim_twin_plugin.core.visibility.grid import DEFAULT_MAX_CELLS

    source = (ROOT / "processing_algs" / "parameters.py").read_text(encoding="utf-8")
    assert f"DEFAULT_MAX_CELLS = {DEFAULT_MAX_CELLS:_}" in source
