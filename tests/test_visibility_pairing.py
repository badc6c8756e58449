"""Line of sight pairing rule in core (no QGIS): by order with a note on unequal counts, all pairs with a
refusal above the limit that carries its values as a translatable template."""
from __future__ import annotations

import pytest
from cim_twin.cim_twin_plugin.core.errors import CONTEXT, TooLargeError, ValidationError
from cim_twin.cim_twin_plugin.core.visibility import DEFAULT_MAX_PAIRS, PAIRINGS, pair_points


def test_modes_are_the_algorithms_enum_in_order():
    assert PAIRINGS == ("order", "all")
    assert DEFAULT_MAX_PAIRS == 1_000_000


def test_by_order_pairs_the_nth_with_the_nth():
    pairs, note = pair_points(["a", "b", "c"], [1, 2, 3], "order")
    assert pairs == [("a", 1), ("b", 2), ("c", 3)]
    assert note is None


@pytest.mark.parametrize("observers, targets, n", [(["a", "b", "c"], [1], 1), (["a"], [1, 2], 1),
                                                   ([], [1, 2], 0)])
def test_by_order_with_unequal_counts_pairs_the_first_and_says_so(observers, targets, n):
    pairs, note = pair_points(observers, targets, "order")
    assert pairs == list(zip(observers, targets)) and len(pairs) == n
    assert note.values == {"o": len(observers), "t": len(targets), "n": n}
    assert str(note) == (f"{len(observers)} observers and {len(targets)} targets: only the first {n} are paired, "
                         "the rest is not used.")
    seen = []
    assert note.translated(lambda context, text: seen.append(context) or "[zh] " + text).startswith("[zh] ")
    assert seen == [CONTEXT]


def test_by_order_is_not_limited():
    pairs, note = pair_points(list(range(5)), list(range(5)), "order", max_pairs=2)
    assert len(pairs) == 5 and note is None


def test_all_pairs_every_observer_with_every_target_observer_by_observer():
    pairs, note = pair_points(["a", "b"], [1, 2, 3], "all")
    assert pairs == [("a", 1), ("a", 2), ("a", 3), ("b", 1), ("b", 2), ("b", 3)]
    assert note is None
    assert pair_points(["a", "b"], [1, 2, 3], "all", max_pairs=6)[0] == pairs, "the limit itself is allowed"
    assert pair_points([], [1, 2], "all") == ([], None)


def test_all_pairs_above_the_limit_are_refused_with_the_counts():
    with pytest.raises(TooLargeError) as info:
        pair_points(list(range(1500)), list(range(1000)), "all", max_pairs=1_000_000)
    error = info.value
    assert isinstance(error, ValidationError) and isinstance(error, ValueError)
    assert error.code == "too_many_pairs"
    assert error.values == {"o": 1500, "t": 1000, "n": 1_500_000, "limit": 1_000_000}
    assert str(error) == ("1500 observers x 1000 targets = 1,500,000 sight lines, more than the limit of "
                          "1,000,000: select fewer points or raise MAX_PAIRS.")
    assert "{n:,}" in error.template and "{limit:,}" in error.template
    assert error.translated(lambda context, text: text.replace("sight lines", "条视线")).count("条视线") == 1


def test_an_unknown_mode_is_refused():
    with pytest.raises(ValidationError) as info:
        pair_points([1], [2], "nearest")
    assert info.value.code == "pairing_unknown" and info.value.values["mode"] == "nearest"
    assert "order, all" in str(info.value)
