"""Weak links (engine/weak.py): the cue says where a reader should check a link first."""

from __future__ import annotations

from pathlib import Path

from drift_viewer.engine import weak
from drift_viewer.engine.model import GroupKind
from drift_viewer.engine.pipeline import compare_texts

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def test_a_sentence_the_same_on_both_sides_is_never_a_weak_link():
    comparison = compare_texts((SAMPLES / "original.txt").read_text(), (SAMPLES / "rewrite.txt").read_text())
    identical = [g for g in comparison.groups if g.left and g.right or g.kind is GroupKind.MOVED]
    same = [g for g in identical if g.similarity == 1.0 and g.confidence is not None]
    assert same  # the sample holds an unchanged and a moved unchanged sentence
    assert not any(weak.is_weak(g) for g in same)
    assert all(weak.describe(g) is None for g in same)
    # a changed pair under the sure level is still weak: the rule is about sameness, not about short texts
    changed = [g for g in comparison.groups if g.confidence is not None and g.similarity < 1.0]
    assert [weak.is_weak(g) for g in changed] == [g.confidence < weak.SURE for g in changed]
