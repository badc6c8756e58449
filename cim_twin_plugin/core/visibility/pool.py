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


def _view_task(args):
    """Worker: the view of one observer on the mapped surface."""
    from .viewshed import single_view

    path, gt, index, observer, mode, curv = args
    surface = _SURFACES.get(path)
    if surface is None:
        surface = _SURFACES.setdefault(path, np.load(path, mmap_mode="r"))
    window, vis = single_view(np.asarray(surface), gt, observer, mode, curv)
    # 2 bits per cell instead of 8 through the pipe: visible and in range
    return index, window, vis.shape, np.packbits(vis == 1), np.packbits(vis != 255)


def _unpack(result):
    index, window, shape, visible, valid = result
    n = shape[0] * shape[1]
    vis = np.where(np.unpackbits(valid, count=n).astype(bool), np.unpackbits(visible, count=n), 255)
    return index, window, vis.astype(np.uint8).reshape(shape)


def map_views(surface: np.ndarray, gt, tasks, mode: str, curv: float,
              progress: Progress | None = None, workers: int | None = None) -> Iterator:
    """Yield (index, window, vis) for every (index, observer) task, in completion order."""
    from .viewshed import single_view

    workers = min(workers or cpu_count(), len(tasks))
    if workers <= 1:
        for index, observer in tasks:
            check_canceled(progress)
            window, vis = single_view(surface, gt, observer, mode, curv)
            yield index, window, vis
        return
    folder = tempfile.mkdtemp(prefix="cimtwin_viewshed_")
    path = os.path.join(folder, "surface.npy")
    executor = None
    pending = {index: observer for index, observer in tasks}
    try:
        np.save(path, surface)
        top = __name__.split(".")[0]
        root = os.path.dirname(os.path.abspath(sys.modules[top].__file__))
        context = multiprocessing.get_context("spawn")
        context.set_executable(python_executable())
        executor = ProcessPoolExecutor(
            workers, mp_context=context, initializer=exec,
            initargs=(_BOOTSTRAP.format(name=top, root=root),),
        )
        futures = [executor.submit(_view_task, (path, tuple(gt), index, observer, mode, curv))
                   for index, observer in tasks]
        try:
            for future in as_completed(futures):
                check_canceled(progress)
                result = _unpack(future.result())
                pending.pop(result[0], None)
                yield result
        except BrokenProcessPool:
            # workers could not start (e.g. an embedded interpreter without a script path):
            # finish the remaining observers here, one core, same results
            pass
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)
    for index, observer in sorted(pending.items()):
        check_canceled(progress)
        window, vis = single_view(surface, gt, observer, mode, curv)
        yield index, window, vis
