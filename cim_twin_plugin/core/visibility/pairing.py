"""Which observer looks at which target: the pairing rule of line of sight (pure Python)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from ..errors import QT_TRANSLATE_NOOP, Message, TooLargeError, ValidationError

#: pairing modes: "order" = the n-th observer with the n-th target, "all" = every observer with every target
PAIRINGS = ("order", "all")

#: the largest number of pairs made unless the caller allows more
DEFAULT_MAX_PAIRS = 1_000_000

Obs = TypeVar("Obs")
Tgt = TypeVar("Tgt")


def pair_points(observers: Sequence[Obs], targets: Sequence[Tgt], mode: str,
                max_pairs: int = DEFAULT_MAX_PAIRS) -> tuple[list[tuple[Obs, Tgt]], Message | None]:
    """The (observer, target) pairs to test, and a note for the log (None when there is nothing to say).

    *mode* ``"order"`` pairs the n-th observer with the n-th target; with unequal counts only the first
    min(o, t) are paired and the note says so. ``"all"`` pairs every observer with every target, observer
    by observer; more than *max_pairs* pairs are refused with a :class:`TooLargeError` (values o, t, n,
    limit). The items are the caller's own (points, rows, ...): they are paired, never looked into.
    """
    o, t = len(observers), len(targets)
    if mode == "order":
        note = None
        if o != t:
            note = Message(QT_TRANSLATE_NOOP("CoreErrors",
                "{o} observers and {t} targets: only the first {n} are paired, the rest is not used."),
                o=o, t=t, n=min(o, t))
        return list(zip(observers, targets)), note
    if mode == "all":
        n = o * t
        if n > max_pairs:
            raise TooLargeError(
                QT_TRANSLATE_NOOP("CoreErrors",
                    "{o} observers x {t} targets = {n:,} sight lines, more than the limit of {limit:,}: select "
                    "fewer points or raise MAX_PAIRS."),
                code="too_many_pairs", o=o, t=t, n=n, limit=max_pairs,
            )
        return [(a, b) for a in observers for b in targets], None
    raise ValidationError(
        QT_TRANSLATE_NOOP("CoreErrors", "Unknown pairing {mode}: use one of {modes}."),
        code="pairing_unknown", mode=mode, modes=", ".join(PAIRINGS),
    )
