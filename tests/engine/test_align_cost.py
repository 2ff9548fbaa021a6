"""The aligner's cost on long and repetitive text: anchors that survive repetition, sparse vectors that
give the dense rows back bit for bit, and the search cut into pieces."""

from __future__ import annotations

import random

import numpy as np
import pytest

from drift_viewer.engine.align import Link, align, band, vectors
from drift_viewer.engine.align.vectors import featurize


def _pseudo_text(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghiklmnoprstuvwz") for _ in range(rng.randint(3, 9))) for _ in range(3000)]
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(count)]


def _edited(left: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    right = [s.replace("a", "e", 1) if rng.random() < 0.2 else s for s in left]
    del right[len(right) // 3]
    right.insert(2 * len(right) // 3, "Completely unrelated: the stock market fell sharply on Tuesday morning.")
    return right


def _pairs(links: list[Link]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(link.left, link.right) for link in links if link.left and link.right}


def _covers(links: list[Link], n: int, m: int) -> None:
    assert [i for link in links for i in link.left] == list(range(n))
    assert [j for link in links for j in link.right] == list(range(m))


def test_a_book_repeated_four_times_is_anchored_like_the_book_once() -> None:
    """Every stem of a text copied four times occurs at least four times: no globally rare word is left,
    yet each copy's rare words, paired in text order, anchor it as well as the single copy."""
    once_left = _pseudo_text(500, seed=3)
    once_right = _edited(once_left, seed=4)
    lf1, rf1 = featurize(once_left, once_right)
    lf4, rf4 = featurize(once_left * 4, once_right * 4)
    stems, counts = np.unique(lf4.stem_ids, return_counts=True)
    assert counts.min() >= 4, "no stem is rare in the repeated text"
    once, four = band.anchors(lf1, rf1), band.anchors(lf4, rf4)
    assert len(four) >= 3.8 * len(once) > 0
    assert band.make_band(lf4, rf4, 2).cells <= 4.4 * band.make_band(lf1, rf1, 2).cells
    pairs1 = _pairs(align(once_left, once_right))
    links4 = align(once_left * 4, once_right * 4)
    _covers(links4, 2000, 4 * len(once_right))
    # The copies are aligned copy to copy: each copy holds the single copy's pairs, moved on.
    for k in range(4):
        moved = {(tuple(i + 500 * k for i in a), tuple(j + len(once_right) * k for j in b)) for a, b in pairs1}
        assert len(moved & _pairs(links4)) >= 0.98 * len(pairs1)


def test_one_sentence_repeated_is_anchored_along_the_diagonal() -> None:
    texts = ["The council met again on Monday to discuss the new water plant."] * 3000
    other = texts[:1500] + ["The council met once more on Monday to discuss the water plant."] + texts[1501:]
    lf, rf = featurize(texts, other)
    chain = band.anchors(lf, rf)
    assert len(chain) >= 2990 and all(p == q for p, q in chain)
    assert band.make_band(lf, rf, 2).cells < 15 * 3001
    links = align(texts, other)
    _covers(links, 3000, 3000)
    # Which copy faces which near the edit is a tie; nearly every sentence is paired 1-1 all the same.
    assert sum(len(a) == len(b) == 1 for a, b in _pairs(links)) >= 2990


def test_sparse_rows_give_the_dense_rows_back_bit_for_bit(monkeypatch) -> None:
    left = _pseudo_text(300, seed=5)
    right = _edited(left, seed=6)
    dense_l, dense_r = featurize(left, right)
    monkeypatch.setattr(vectors, "DENSE_ROWS", 10)
    sparse_l, sparse_r = featurize(left, right)
    assert isinstance(sparse_l.vectors, vectors.SparseRows)
    for d, s in ((dense_l, sparse_l), (dense_r, sparse_r)):
        assert np.array_equal(d.vectors, s.vectors[:])
        assert np.array_equal(d.vectors[40:77], s.vectors[40:77])
        assert np.array_equal(d.vectors[[5, 0, 5, 299]], s.vectors[np.array([5, 0, 5, 299])])
        assert np.array_equal(d.norms2, s.norms2)
    p, q = np.array([0, 10, 299]), np.array([0, 11, 200])
    assert np.array_equal(vectors.pair_cosines(dense_l, dense_r, p, q), vectors.pair_cosines(sparse_l, sparse_r, p, q))


@pytest.mark.parametrize("piece_cells", [3_000, 8_000])
def test_a_long_text_searched_in_pieces_keeps_its_pairs(monkeypatch, piece_cells: int) -> None:
    left = _pseudo_text(1200, seed=8)
    right = _edited(left, seed=9)
    whole = align(left, right)
    monkeypatch.setattr(band, "PIECE_CELLS", piece_cells)
    monkeypatch.setattr(vectors, "DENSE_ROWS", 100)
    lf, rf = featurize(left, right)
    parts, _ = band.pieces(lf, rf, 2)
    assert len(parts) > 1 and max(p.band.cells for p in parts) <= 2 * piece_cells
    assert [p.rows[0] for p in parts[1:]] == [p.rows[1] for p in parts[:-1]]
    assert [p.cols[0] for p in parts[1:]] == [p.cols[1] for p in parts[:-1]]
    cut = align(left, right)
    _covers(cut, len(left), len(right))
    assert len(_pairs(cut) & _pairs(whole)) >= 0.99 * len(_pairs(whole))


def test_texts_too_long_for_any_band_are_refused_before_their_vectors_are_built(monkeypatch) -> None:
    from drift_viewer.engine.align import search
    from drift_viewer.engine.errors import DriftError

    built = []
    monkeypatch.setattr(search, "featurize", lambda *a: built.append(a))
    monkeypatch.setattr(band, "BUDGET_CELLS", 5_000)
    left = _pseudo_text(1000, seed=12)
    with pytest.raises(DriftError, match="too long to be aligned within the memory limit"):
        align(left, _edited(left, seed=13))
    assert not built
