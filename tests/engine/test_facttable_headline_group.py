"""A title-case headline linked by hand with the sentence under it (found by integ3): its words are still
headline words, not names missing or added on one side."""

from __future__ import annotations

from pathlib import Path

from drift_viewer.engine.classify.facttable import FactKind, fact_table
from drift_viewer.engine.pipeline import compare_files
from drift_viewer.review import edits

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


def _names(comparison, group: int) -> set[tuple[str, str, str]]:
    return {
        (r.status.value, r.left_text, r.right_text)
        for r in fact_table(comparison)
        if r.kind is FactKind.NAME and r.group == group
    }


def test_headline_words_stay_headline_words_in_a_group_with_the_sentence_below():
    comparison = compare_files(SAMPLES / "original.txt", SAMPLES / "rewrite.txt")
    headline, body = comparison.groups[0], comparison.groups[1]
    assert headline.left and headline.right and body.left and body.right
    apart = _names(comparison, 0) | _names(comparison, 1)
    linked, _ = edits.link_rows(comparison, 0, 1)
    together = _names(linked, 0)
    words = {w for _, left, right in together for w in (left, right)}
    assert not words & {"Harbour", "Bridge", "Reopen", "Spring"}, together
    assert together == apart  # the body's names (Eastwick, Mayor Katrin Oduya) as before the link
