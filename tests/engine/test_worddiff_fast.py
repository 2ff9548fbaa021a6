"""diff-match-patch's C++ implementation (fast-diff-match-patch) gives the pure-Python one's diffs, so the
word diff does not depend on which one is installed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.worddiff import matching

pytest.importorskip("fast_diff_match_patch")

# Word keys become private-use code points above U+FFFF (matching._BASE): test on those, and on a small
# alphabet, where ties between longest common subsequences are many.
_KEYS = st.text(alphabet=[chr(matching._BASE + k) for k in range(6)] + list("ab"), max_size=60)


@settings(max_examples=400, deadline=None)
@given(_KEYS, _KEYS)
def test_the_cpp_diff_is_the_python_diff(a: str, b: str) -> None:
    assert matching._diff(a, b) == matching.python_diff(a, b)


def test_the_word_diff_is_the_same_without_the_cpp_diff(monkeypatch) -> None:
    from drift_viewer.engine.worddiff import word_diff

    left = "The council met on Monday and voted to close the old bridge over the river by May, said the mayor."
    right = "On Monday the council voted to reopen the old bridge across the river by June, the mayor said."
    fast = word_diff(left, right)
    monkeypatch.setattr(matching, "_fast_diff", None)
    assert word_diff(left, right) == fast
    assert len(fast) > 3
