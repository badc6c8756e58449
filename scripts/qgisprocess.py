"""Run QGIS's qgis_process with CIM Twin enabled in a throw-away profile.

Used by ``make demo`` and the tests. Debian's ``qgis_process`` wrapper passes
``--noversioncheck``, which the 3.22 executable rejects, so we call
``qgis_process.bin``. The profile lives in a temporary folder
(``QGIS_CUSTOM_CONFIG_PATH``), never in the user's own QGIS profile.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def qgis_process_executable() -> str:
    """Path of the qgis_process binary that accepts 3.22's options."""
    for name in ("qgis_process.bin", "qgis_process"):
        path = shutil.which(name) or (f"/usr/lib/qgis/{name}" if Path(f"/usr/lib/qgis/{name}").exists() else None)
        if path:
            return path
    raise FileNotFoundError("qgis_process not found: run `make deps` (installs Debian's qgis package)")


@dataclass
class Result:
    """Outcome of one qgis_process call."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        """The JSON document qgis_process printed with --json."""
        return json.loads(self.stdout)


class QgisProcess:
    """qgis_process with a temporary profile where the plugin in *plugin_dir* is installed.

    *plugin_dir* is a folder holding the plugin (the repository root, or an unpacked zip);
    it is linked into the profile as ``python/plugins/cim_twin``.
    """

    def __init__(self, plugin_dir: Path | None = ROOT, config_dir: Path | None = None):
        self.config_dir = Path(config_dir or tempfile.mkdtemp(prefix="cim_twin_qgis_profile_"))
        plugins = self.config_dir / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True, exist_ok=True)
        if plugin_dir is not None:
            link = plugins / "cim_twin"
            if not link.exists():
                link.symlink_to(Path(plugin_dir).resolve(), target_is_directory=True)
        self.env = dict(os.environ)
        self.env.update(
            {
                "QGIS_CUSTOM_CONFIG_PATH": str(self.config_dir),
                "QT_QPA_PLATFORM": "offscreen",
                "XDG_RUNTIME_DIR": self.env.get("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}"),
                "PYTHONDONTWRITEBYTECODE": "1",
            }
        )
        Path(self.env["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)

    def call(self, *args: str, timeout: float = 600) -> Result:
        """Run ``qgis_process.bin *args`` and return its exit code and output."""
        proc = subprocess.run(
            [qgis_process_executable(), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    def enable_plugin(self, name: str = "cim_twin") -> Result:
        """``qgis_process plugins enable cim_twin`` in the temporary profile."""
        return self.call("plugins", "enable", name)

    def run(self, algorithm: str, **params) -> Result:
        """Run an algorithm with --json; list values repeat the parameter."""
        args = ["--json", "run", algorithm, "--"]
        for key, value in params.items():
            values = value if isinstance(value, (list, tuple)) else [value]
            args += [f"{key}={v}" for v in values]
        return self.call(*args)

    def cleanup(self) -> None:
        """Delete the temporary profile."""
        shutil.rmtree(self.config_dir, ignore_errors=True)
