"""A generic process pool for CPU-bound core work (used by the viewshed and by measure).

Why processes: numpy loops over small arrays hold the GIL, so threads would not
use a second core. Workers are spawned (never forked: a forked QGIS is not
safe), run a real Python interpreter and import this plugin by its path.

Which interpreter: the one the running process is, never the first ``python3``
on PATH. Inside QGIS or qgis_process ``sys.executable`` may be the QGIS binary
or (embedded Python searches PATH for its own name) a pyenv or conda python
that has nothing to do with the interpreter QGIS runs. The candidates come
from the running interpreter's own prefixes and version, and each is asked
once, in a short subprocess, whether it is the same Python (version and base
prefix) and can import numpy. When none is, :func:`spawn_executor` raises
:class:`NoWorkerPython` and callers work on one core (and say so).
"""
from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor

_BOOTSTRAP = """
import importlib.util, sys
name, root = {name!r}, {root!r}
if name not in sys.modules:
    spec = importlib.util.spec_from_file_location(
        name, root + "/__init__.py", submodule_search_locations=[root])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
"""

_PROBE = "import sys, numpy; print(repr((tuple(sys.version_info[:2]), sys.base_exec_prefix)))"


class NoWorkerPython(OSError):
    """No interpreter equal to the running one was found to start workers with (the message says why)."""


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def candidate_executables() -> list[str]:
    """Interpreters that may be the running one, most likely first (existing files only, no PATH search)."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    names = [f"python{version}", f"python{sys.version_info.major}", "python"]
    out: list[str] = []
    exe = sys.executable or ""
    if os.path.basename(exe).lower().startswith("python"):
        out.append(exe)  # checked like the others: it may be a foreign python found on PATH
    for prefix in dict.fromkeys((sys.exec_prefix, sys.prefix, sys.base_exec_prefix, sys.base_prefix)):
        for folder in (os.path.join(prefix, "bin"), prefix):
            for name in names:
                for ext in ("", ".exe"):
                    out.append(os.path.join(folder, name + ext))
    seen, existing = set(), []
    for path in out:
        if path and path not in seen and os.path.isfile(path) and os.access(path, os.X_OK):
            seen.add(path)
            existing.append(path)
    return existing


def is_same_python(executable: str, timeout: float = 20.0) -> bool:
    """True when *executable* is the running interpreter's Python (version, base prefix) and imports numpy."""
    try:
        # the workers' own environment (they inherit it), so what the probe imports they import
        done = subprocess.run([executable, "-c", _PROBE], capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return False
    if done.returncode != 0:
        return False
    expected = repr((tuple(sys.version_info[:2]), sys.base_exec_prefix))
    return done.stdout.strip() == expected


_FOUND: list[str] = []
"""the interpreter found once (only a success is kept: a probe that timed out on a cold start is tried again)"""


def python_executable() -> str | None:
    """The interpreter workers run in (the running one), or None when none can be found."""
    if _FOUND:
        return _FOUND[0]
    for candidate in candidate_executables():
        if is_same_python(candidate):
            _FOUND.append(candidate)
            return candidate
    return None


def forget_executable() -> None:
    """Forget the interpreter found (tests; a changed environment)."""
    _FOUND.clear()


def spawn_executor(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers import this plugin (spawned, with the running Python).

    Raises :class:`NoWorkerPython` when no interpreter equal to the running one is found.
    """
    executable = python_executable()
    if executable is None:
        raise NoWorkerPython(
            f"no Python {sys.version_info.major}.{sys.version_info.minor} of {sys.base_exec_prefix} "
            "with numpy was found to start worker processes"
        )
    top = __name__.split(".")[0]
    root = os.path.dirname(os.path.abspath(sys.modules[top].__file__))
    context = multiprocessing.get_context("spawn")
    context.set_executable(executable)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=exec,
                               initargs=(_BOOTSTRAP.format(name=top, root=root),))
