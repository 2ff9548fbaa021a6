"""Which comparison shows a copy and its source: the floor on the paired text, the choice by the whole copy."""

from __future__ import annotations

from drift_viewer.batch.match import KEPT_FLOOR, match_of
from drift_viewer.engine.pipeline import compare_texts

from .conftest import HARBOUR, UNRELATED

EXTRA = (
    "The fish market on the quay reopened in spring with twelve new stalls.\n"
    "Harbour master Jens Olafsen warned skippers about the shifting sandbanks.\n"
)


def test_a_rewording_keeps_enough_and_an_unrelated_text_does_not():
    reworded = HARBOUR.replace("rebuilt", "reconstructed").replace("Tourists now come", "Visitors now arrive")
    assert match_of(compare_texts(HARBOUR, reworded)).share > 0.6
    assert match_of(compare_texts(UNRELATED, reworded)).share < KEPT_FLOOR


def test_the_source_that_explains_more_of_the_copy_wins_over_a_partial_parallel():
    copy = HARBOUR + EXTRA
    parallel = "".join(HARBOUR.splitlines(keepends=True)[:1]) + UNRELATED  # shares one sentence, word for word
    full, partial = (
        match_of(compare_texts(copy, copy.replace("twelve", "eleven"))),
        match_of(compare_texts(parallel, copy)),
    )
    assert partial.share >= KEPT_FLOOR  # what it pairs, it keeps
    assert full.explained > partial.explained
