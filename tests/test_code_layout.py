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
