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
