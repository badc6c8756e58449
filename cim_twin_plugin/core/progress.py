"""Progress and cancellation across the core/QGIS boundary.

Core functions that run long accept any object with this small protocol; the
bridge adapts ``QgsProcessingFeedback`` to it; ``None`` means no progress and no cancelling.
"""
from __future__ import annotations

from typing import Protocol

from .errors import Canceled


class Progress(Protocol):
    """What a long-running core function may call back."""

    def is_canceled(self) -> bool:
        """True once the user asked to stop."""
        ...

    def set_progress(self, percent: float) -> None:
        """Report progress in percent (0-100)."""
        ...


def check_canceled(progress: Progress | None) -> None:
    """Raise :class:`Canceled` if *progress* says the user canceled."""
    if progress is not None and progress.is_canceled():
        raise Canceled("canceled by the user")


class SubProgress:
    """A part of another progress: this one's 0-100 % is *start* .. *start* + *span* % of *parent*'s
    (a step of a core function that runs several steps; the bridge's phases do the same for algorithms)."""

    def __init__(self, parent: Progress | None, start: float, span: float):
        self.parent = parent
        self.start = start
        self.span = span

    def is_canceled(self) -> bool:
        return self.parent is not None and self.parent.is_canceled()

    def set_progress(self, percent: float) -> None:
        if self.parent is not None:
            self.parent.set_progress(self.start + self.span * percent / 100.0)
