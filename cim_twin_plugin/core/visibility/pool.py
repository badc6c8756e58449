"""Many observers on every core: a process pool over a memory-mapped surface.

Why processes: the exact sweep is a Python loop over numpy calls on small
arrays, which holds the GIL, so threads would not use a second core. The
surface is saved once as a .npy file that every worker maps read-only (one copy
in the page cache, not one per worker). Workers are spawned (never forked: a
forked QGIS is not safe), run a real Python interpreter (inside QGIS
``sys.executable`` is QGIS itself) and import this package by its path.
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

import numpy as np

from ..progress import Progress, check_canceled

_SURFACES: dict[str, np.ndarray] = {}

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


def cpu_count() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def python_executable() -> str:
    """A Python interpreter for the workers (QGIS's own executable is not one)."""
    exe = sys.executable or ""
    base = os.path.basename(exe).lower()
    if base.startswith("python"):
        return exe
    for candidate in (
        os.path.join(sys.exec_prefix, "bin", f"python{sys.version_info.major}.{sys.version_info.minor}"),
        os.path.join(sys.exec_prefix, "bin", "python3"),
        os.path.join(sys.exec_prefix, "python.exe"),
        os.path.join(sys.exec_prefix, "python3.exe"),
        shutil.which("python3") or "",
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    return exe


def spawn_executor(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers import this plugin (spawned, with a real Python)."""
    top = __name__.split(".")[0]
    root = os.path.dirname(os.path.abspath(sys.modules[top].__file__))
    context = multiprocessing.get_context("spawn")
    context.set_executable(python_executable())
    return ProcessPoolExecutor(workers, mp_context=context, initializer=exec,
                               initargs=(_BOOTSTRAP.format(name=top, root=root),))


def _chunk_task(args):
    """Worker: the summed views of a group of observers on the mapped surface."""
    from .viewshed import accumulate

    path, labels_path, gt, tasks, mode, curv, has_nodata = args
    surface = _load(path)
    labels = _load(labels_path) if labels_path else None
    part = accumulate(surface, gt, tasks, mode, curv, labels, has_nodata)
    part.covered = np.packbits(part.covered)  # 1 bit per cell through the pipe
    return part


def _load(path: str) -> np.ndarray:
    array = _SURFACES.get(path)
    if array is None:
        array = _SURFACES.setdefault(path, np.asarray(np.load(path, mmap_mode="r")))
    return array


def _chunks(tasks, workers: int) -> list:
    """Groups of observers: a few per worker, so progress moves and the load stays even."""
    count = min(len(tasks), workers * 4)
    return [tasks[k::count] for k in range(count)]


def map_chunks(surface: np.ndarray, gt, tasks, mode: str, curv: float, labels: np.ndarray | None = None,
               has_nodata: bool = True, progress: Progress | None = None, workers: int | None = None) -> Iterator:
    """Yield :class:`~.viewshed.Accumulated` parts that together cover every (index, observer) task."""
    from .viewshed import accumulate

    workers = min(workers or cpu_count(), len(tasks))
    if workers <= 1:
        yield accumulate(surface, gt, tasks, mode, curv, labels, has_nodata, progress)
        return
    folder = tempfile.mkdtemp(prefix="cimtwin_viewshed_")
    path = os.path.join(folder, "surface.npy")
    labels_path = os.path.join(folder, "labels.npy") if labels is not None else ""
    executor = None
    pending = {index: observer for index, observer in tasks}
    try:
        np.save(path, surface)
        if labels is not None:
            np.save(labels_path, labels)
        executor = spawn_executor(workers)
        futures = [executor.submit(_chunk_task, (path, labels_path, tuple(gt), chunk, mode, curv, has_nodata))
                   for chunk in _chunks(tasks, workers)]
        try:
            for future in as_completed(futures):
                check_canceled(progress)
                part = future.result()
                part.covered = np.unpackbits(part.covered, count=surface.size).astype(bool).reshape(surface.shape)
                for index in part.indices:
                    pending.pop(index, None)
                yield part
        except BrokenProcessPool:
            # workers could not start (e.g. an embedded interpreter without a script path):
            # finish the remaining observers here, one core, same results
            pass
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)
    if pending:
        yield accumulate(surface, gt, sorted(pending.items(), key=lambda item: item[0]), mode, curv, labels,
                         has_nodata, progress)
