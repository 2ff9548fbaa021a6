"""align/grow.py: a 1-k link takes the one-sided pieces of its split next to it, on the side with the
shorter sentences, when their best partner is the link's single sentence and that sentence is longer
than the pieces it has; and nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer.engine.align import align, grow, search
from drift_viewer.engine.align.links import Link
from drift_viewer.engine.align.vectors import featurize

LEFT = [
    "The council met on Monday evening in the town hall.",
    "The old harbour bridge, closed since May for repairs to its rusted steel cables, will reopen to traffic "
    "next week, the council said.",
    "Shops near the harbour expect more customers.",
]
RIGHT = [
    "The council met on Monday evening in the town hall.",
    "The old harbour bridge will reopen to traffic next week.",
    "It was closed since May for repairs to its rusted steel cables.",
    "Shops near the harbour expect more customers.",
]
# The search's links as they might come out: the split's second piece left one-sided.
SHORT_PIECE = [
    Link((0,), (0,), 1.0, None, 0.99),
    Link((1,), (1,), 0.5, None, 0.9),
    Link((), (2,), 0.0),
    Link((2,), (3,), 1.0, None, 0.99),
]


def _grow(left, right, links, floor=0.0):
    lf, rf = featurize(left, right)
    _, evidence = search._monotone(lf, rf, None)
    return grow.grow_splits(links, lf, rf, evidence, floor)


def _two_sided(links):
    return [(x.left, x.right) for x in links if x.left and x.right]


def test_a_split_takes_its_one_sided_piece() -> None:
    out = _grow(LEFT, RIGHT, SHORT_PIECE)
    assert _two_sided(out) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    assert all(x.left or x.right for x in out) and len(out) == 3
    grown = out[1]
    assert grown.confidence is None  # rated again with the others at the end of align()
    assert 0.0 < grown.score <= 1.0


def test_the_same_split_grows_with_the_texts_swapped() -> None:
    swapped = [Link(x.right, x.left, x.score, x.partner, x.confidence) for x in SHORT_PIECE]
    out = _grow(RIGHT, LEFT, swapped)
    assert _two_sided(out) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]


def test_a_copied_sentence_does_not_take_its_dropped_neighbour() -> None:
    # The right side's sentence 1 is the left's sentence 1 word for word; right 2 was added next to it
    # and shares its words, but a copy is no split: its single sentence is not longer than its piece.
    left = [LEFT[0], "The old harbour bridge will reopen to traffic next week.", LEFT[1]]
    right = [RIGHT[0], "The old harbour bridge will reopen to traffic next week.", "The bridge is old.", RIGHT[3]]
    links = [
        Link((0,), (0,), 1.0, None, 0.99),
        Link((1,), (1,), 1.0, None, 0.99),
        Link((), (2,), 0.0),
        Link((2,), (3,), 0.1, None, 0.5),
    ]
    assert _grow(left, right, links) == links


def test_a_piece_explained_better_elsewhere_stays_one_sided() -> None:
    right = [*RIGHT[:2], "Shops near the old harbour expect many more customers.", RIGHT[3]]
    assert _grow(LEFT, right, SHORT_PIECE) == SHORT_PIECE


def test_nothing_grows_on_the_side_with_the_longer_sentences() -> None:
    # The one-sided sentence is on the left, whose sentences are longer: what a rewrite dropped.
    links = [
        Link((0,), (0,), 1.0, None, 0.99),
        Link((1,), (1,), 0.5, None, 0.9),
        Link((2,), (), 0.0),
        Link((), (2,), 0.0),
        Link((), (3,), 0.0),
    ]
    left = [LEFT[0], LEFT[1], "It was closed since May for repairs to its rusted steel cables, the council said."]
    assert grow.split_side(*featurize(left, RIGHT)) == 1
    assert _grow(left, RIGHT, links) == links


def test_a_grown_link_under_the_floor_is_not_made() -> None:
    assert _grow(LEFT, RIGHT, SHORT_PIECE, floor=1.0) == SHORT_PIECE


def test_moved_pairs_are_renumbered() -> None:
    # A moved pair around the links: dropping the absorbed piece shifts the pair's second half.
    moved = [Link((), (9,), 0.6, 5), *SHORT_PIECE, Link((3,), (), 0.6, 0)]
    out = grow._without(moved, {3})
    assert len(out) == 5 and out[0].partner == 4 and out[4].partner == 0 and out[4].left == (3,)


def test_on_a_deplain_document_the_split_is_found(shared_data: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import quality

    docs = {name: (src, tgt, gold) for name, src, tgt, gold in quality.load_deplain(shared_data / "deplain-dev")}
    src, tgt, gold = docs["86"]
    assert ((3,), (3, 4)) in gold

    def groups() -> list:
        return [(x.left, x.right) for x in align(src, tgt) if x.left and x.right]

    assert ((3,), (3, 4)) in groups()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(grow, "grow_splits", lambda links, *_: links)
        assert ((3,), (3, 4)) not in groups() and ((3,), (4,)) in groups()


def test_a_piece_that_shares_only_a_few_letters_stays_one_sided() -> None:
    # "Birds sang." has a best partner (a few shared trigrams), less alike than the search links a pair.
    left = ["The cat sat on the mat.", "It was a very warm day outside.", "Birds sang."]
    right = ["The cat sat on the mat.", "It was a very warm day outside today."]
    assert [(x.left, x.right) for x in align(left, right)] == [((0,), (0,)), ((1,), (1,)), ((2,), ())]
