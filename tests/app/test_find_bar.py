"""The find bar's search over both texts (Qt-free)."""

from __future__ import annotations

from drift_viewer.app.panels.find_bar import matching_groups, sentence_groups, step
from drift_viewer.engine.pipeline import compare_texts


def test_find_counts_groups_once_and_steps_with_wrapping():
    comparison = compare_texts(
        "Haines spoke. Nobody else did.\n\nThen Haines and haines again.",
        "Haynes spoke. Nobody else did.\n\nThen Haines again.",
    )
    groups = matching_groups(comparison, "HAINES", sentence_groups(comparison))
    assert groups == {
        g
        for g, group in enumerate(comparison.groups)
        if "haines" in (comparison.left.group_text(group.left) + comparison.right.group_text(group.right)).lower()
    }
    assert step([2, 5, 9], 5, True) == 9 and step([2, 5, 9], 9, True) == 2
    assert step([2, 5, 9], 5, False) == 2 and step([2, 5, 9], 2, False) == 9 and step([], 0, True) is None
