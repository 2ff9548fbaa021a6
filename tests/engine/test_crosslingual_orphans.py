"""A lone one-sided sentence beside a pair of a translation joins the pair when it brings the two sides
closer (its content is in the other side's text), and stays one-sided when it does not (a sentence the
translator really dropped or added, a run of captions)."""

from __future__ import annotations

import numpy as np

from drift_viewer.engine.align.crosslingual import absorb_orphans
from drift_viewer.engine.align.links import Link


def _unit(*rows: list[float]) -> np.ndarray:
    x = np.array(rows, dtype=np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_a_split_off_fragment_joins_the_pair_it_was_translated_into() -> None:
    # Right sentence 0 says what left sentences 0 and 1 say together.
    lv = _unit([1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0])
    rv = _unit([1, 1, 0, 0], [0, 0, 1, 0])
    links = [Link((0,), (0,), 0.7), Link((1,), (), 0.0), Link((2,), (1,), 1.0)]
    out = absorb_orphans(links, lv, rv)
    assert [(k.left, k.right) for k in out] == [((0, 1), (0,)), ((2,), (1,))]
    assert out[0].score > 0.99


def test_a_fragment_joins_the_next_pair_and_right_side_fragments_join_too() -> None:
    lv = _unit([1, 0, 0], [0, 1, 1])
    rv = _unit([1, 0, 0], [0, 1, 0], [0, 0, 1])
    links = [Link((0,), (0,), 1.0), Link((), (1,), 0.0), Link((1,), (2,), 0.7)]
    out = absorb_orphans(links, lv, rv)
    assert [(k.left, k.right) for k in out] == [((0,), (0,)), ((1,), (1, 2))]


def test_a_sentence_with_no_counterpart_stays_one_sided() -> None:
    # Left sentence 1 is about something the right side never says: joining would dilute the pair.
    lv = _unit([1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0])
    rv = _unit([1, 0.1, 0, 0], [0, 0, 1, 0])
    links = [Link((0,), (0,), 0.99), Link((1,), (), 0.0), Link((2,), (1,), 1.0)]
    assert absorb_orphans(links, lv, rv) == links


def test_a_run_of_one_sided_sentences_and_full_groups_are_left_alone() -> None:
    lv = _unit(*[[1, 0, 0, 0, 0]] * 4, [0, 1, 0, 0, 0])
    rv = _unit([1, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 0])
    # The pair already has four sentences on the left (the search's largest group): no fifth.
    full = [Link((0, 1, 2, 3), (0,), 1.0), Link((4,), (), 0.0)]
    assert absorb_orphans(full, lv, rv) == full
    # Captions on the right only, unrelated to the text: none joins.
    captions = [Link((0,), (0,), 1.0), Link((), (1,), 0.0), Link((), (2,), 0.0)]
    assert absorb_orphans(captions, lv, rv) == captions
