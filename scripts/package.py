"""Build dist/cim_twin-<version>.zip: the folder cim_twin/ as QGIS installs it.

Only what the plugin needs at run time goes in: code, metadata, icons, licence,
README and the compiled translations (run `make translations` first; `make
package` does). Tests, scripts and development files stay out.
"""
from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _bootstrap  # noqa: E402,F401 (registers the package cim_twin)
from cim_twin.cim_twin_plugin.resources import plugin_version  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
INCLUDE_FILES = ["metadata.txt", "__init__.py", "LICENSE", "README.md", "resources.qrc"]
#: folders shipped whole (code and its data files), minus caches
INCLUDE_DIRS = ("cim_twin_plugin", "processing_algs", "icons")
EXCLUDE_SUFFIXES = (".pyc", ".pyo", ".nbi", ".nbc")  # bytecode and numba caches


def package_files() -> list[Path]:
    """Every file that goes into the zip, relative to the repository root."""
    files = [Path(name) for name in INCLUDE_FILES]
    for folder in INCLUDE_DIRS:
        files += sorted(
            p.relative_to(ROOT)
            for p in (ROOT / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and not p.name.endswith(EXCLUDE_SUFFIXES)
        )
    qms = sorted(p.relative_to(ROOT) for p in (ROOT / "i18n").glob("*.qm"))
    if not qms:
        sys.exit("package: no compiled translations in i18n/: run `make translations` first")
    return files + qms


def build(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"cim_twin-{plugin_version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for rel in package_files():
            archive.write(ROOT / rel, Path("cim_twin") / rel)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    args = parser.parse_args()
    target = build(args.out)
    with zipfile.ZipFile(target) as archive:
        count = len(archive.namelist())
    print(f"package: {target} ({count} files, {target.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
