"""The sentence aligner: literal cases, invariants on random input, and the real data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.align import Link, align

ROOT = Path(__file__).resolve().parents[2]

S = [
    "The committee approved the new budget for the coming year after a long debate.",
    "Farmers in the northern valley reported a record harvest of apples this autumn.",
    "The museum will reopen in March with an exhibition of medieval manuscripts.",
    "Heavy snow closed the mountain pass for three days last week.",
    "A local bakery won the national prize for its sourdough bread.",
    "Scientists measured unusually warm water temperatures off the coast.",
    "The city council voted to extend the tram line to the airport.",
    "Tickets for the summer festival sold out within an hour.",
]


def groups(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.left, link.right) for link in links]


def two_sided(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.left, link.right) for link in links if link.left and link.right]


def check_invariants(links: list[Link], n: int, m: int) -> None:
    seen_left = [i for link in links for i in link.left]
    seen_right = [j for link in links for j in link.right]
    assert sorted(seen_left) == list(range(n)), "every left index once"
    assert sorted(seen_right) == list(range(m)), "every right index once"
    in_place = [link for link in links if link.partner is None]
    assert [i for x in in_place for i in x.left] == sorted(i for x in in_place for i in x.left), "in order"
    assert [j for x in in_place for j in x.right] == sorted(j for x in in_place for j in x.right), "in order"
    for k, link in enumerate(links):
        assert link.left or link.right
        for side in (link.left, link.right):
            # Only a moved group may skip sentences (a split sentence moved in pieces).
            if side and link.partner is None:
                assert list(side) == list(range(side[0], side[0] + len(side)))
            assert list(side) == sorted(side)
        assert 0.0 <= link.score <= 1.0
        if link.partner is not None:
            other = links[link.partner]
            assert other.partner == k
            assert bool(link.left) != bool(link.right) and bool(other.left) != bool(other.right)
            assert bool(link.left) == bool(other.right)


def test_identical_inputs_align_one_to_one() -> None:
    links = align(S, S)
    assert groups(links) == [((i,), (i,)) for i in range(len(S))]
    assert all(link.score == 1.0 for link in links)


def test_empty_sides() -> None:
    assert align([], []) == []
    assert groups(align(S[:2], [])) == [((0,), ()), ((1,), ())]
    assert groups(align([], S[:2])) == [((), (0,)), ((), (1,))]


def test_light_edits_stay_one_to_one() -> None:
    right = [s.replace("the", "a", 1) for s in S]
    assert two_sided(align(S, right)) == [((i,), (i,)) for i in range(len(S))]


@pytest.mark.parametrize("parts", [2, 3])
def test_split_sentence_is_one_group(parts: int) -> None:
    long = (
        "The committee approved the new budget for the coming year, which raises spending on schools, "
        "repairs the old bridge over the river, and hires twelve more nurses for the hospital."
    )
    pieces = [
        "The committee approved the new budget for the coming year.",
        "It raises spending on schools and repairs the old bridge over the river.",
        "It also hires twelve more nurses for the hospital.",
    ]
    if parts == 2:
        pieces = [pieces[0], pieces[1][:-1] + " and hires twelve more nurses for the hospital."]
    left = [S[1], long, S[2]]
    right = [S[1], *pieces, S[2]]
    assert two_sided(align(left, right)) == [((0,), (0,)), ((1,), tuple(range(1, 1 + parts))), ((2,), (1 + parts,))]
    # and the merge, seen from the other side
    assert two_sided(align(right, left)) == [((0,), (0,)), (tuple(range(1, 1 + parts)), (1,)), ((1 + parts,), (2,))]


def test_insertion_and_deletion_are_one_sided() -> None:
    left = S[:5]
    right = S[:2] + ["Completely unrelated: the stock market fell sharply on Tuesday morning."] + S[2:4]
    links = align(left, right)
    assert two_sided(links) == [((0,), (0,)), ((1,), (1,)), ((2,), (3,)), ((3,), (4,))]
    assert ((), (2,)) in groups(links) and ((4,), ()) in groups(links)


def test_moved_sentence_is_paired() -> None:
    left = S
    right = S[1:7] + [S[0]] + S[7:]
    links = align(left, right)
    check_invariants(links, len(left), len(right))
    moved = [(k, link) for k, link in enumerate(links) if link.partner is not None]
    assert len(moved) == 2
    (k1, a), (k2, b) = moved
    assert a.left == (0,) and b.right == (6,) and a.partner == k2 and b.partner == k1


def test_unrelated_boilerplate_is_not_a_move() -> None:
    left = ["Share this article.", *S[:4]]
    right = [*S[:4], "Leave a reply."]
    assert all(link.partner is None for link in align(left, right))


def test_one_sentence_against_ten() -> None:
    right = S + ["The weather stayed mild.", "Nothing else happened."]
    links = align([S[3]], right)
    check_invariants(links, 1, len(right))
    assert ((0,), (3,)) in two_sided(links)


def test_repeated_sentences_pair_one_to_one() -> None:
    # Every cell of a block of identical sentences fits, which must not make n-m blocks pay better.
    left = [S[0], *["Thank you."] * 6, S[1]]
    right = [S[0], *["Thank you."] * 6, S[1]]
    right[3] = "Thanks."
    links = align(left, right)
    check_invariants(links, len(left), len(right))
    assert all(len(link.left) <= 1 or len(link.right) <= 1 for link in links)
    assert ((0,), (0,)) in two_sided(links) and ((7,), (7,)) in two_sided(links)


def test_cancellation_is_called() -> None:
    calls = []
    align(S * 3, list(reversed(S)) * 3, check=lambda: calls.append(1))
    assert calls


# Short sentences between aligned neighbours: too few words for a cosine, so paired by their place.


def test_short_sentences_between_aligned_neighbours_pair() -> None:
    for a, b in (("52", "48"), ("***", "***"), ("Yes.", "No."), ("Table 3", "Table 4")):
        links = align(["Prices rose.", a, "They fell later."], ["Prices rose.", b, "They fell later."])
        check_invariants(links, 3, 3)
        assert two_sided(links) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))], (a, b)
    links = align([S[0], "***", S[1]], [S[0], "***", S[1].replace("the", "a", 1)])
    assert links[1] == Link((1,), (1,), 1.0, None, 1.0), "the same text, though it has no features to compare"


def test_k_short_sentences_facing_k_pair_in_order() -> None:
    left = [S[0], "Apples", "12", "Pears", "15", S[1]]
    right = [S[0], "Apples", "13", "Plums", "16", S[1]]
    assert two_sided(align(left, right)) == [((i,), (i,)) for i in range(6)]


def test_short_sentences_at_the_document_edges_pair() -> None:
    links = align(["52", S[0], S[1], "Yes."], ["48", S[0], S[1], "No."])
    assert two_sided(links) == [((i,), (i,)) for i in range(4)]
    assert two_sided(align(["Yes."], ["No."])) == [((0,), (0,))]


def test_long_deletion_and_unrelated_insertion_stay_one_sided() -> None:
    deleted = "Completely unrelated: the stock market fell sharply on Tuesday morning."
    inserted = "A new footbridge across the harbour will open to cyclists next spring."
    links = align([S[0], deleted, S[1]], [S[0], inserted, S[1]])
    assert two_sided(links) == [((0,), (0,)), ((2,), (2,))]
    # Short facing long: the long one had words enough to be judged, and was judged unrelated.
    assert two_sided(align([S[0], "52", S[1]], [S[0], inserted, S[1]])) == [((0,), (0,)), ((2,), (2,))]


def test_two_short_sentences_facing_one_are_not_paired() -> None:
    # One of the two was dropped, and nothing tells which: a guess by position would be as often wrong.
    links = align([S[0], "52", "Yes.", S[1]], [S[0], "48", S[1]])
    check_invariants(links, 4, 3)
    assert two_sided(links) == [((0,), (0,)), ((3,), (2,))]


def test_a_moved_sentence_in_the_gap_does_not_block_the_short_pair() -> None:
    left = [S[0], S[1], "52", *S[2:]]
    right = [S[0], "48", *S[2:7], S[1], S[7]]
    links = align(left, right)
    check_invariants(links, len(left), len(right))
    assert ((2,), (1,)) in two_sided(links)
    moved = {(link.left, links[link.partner].right) for link in links if link.partner is not None and link.left}
    assert moved == {((1,), (7,))}


sentence = st.text(alphabet="abcdefgh ijk.", min_size=0, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence, max_size=25), st.lists(sentence, max_size=25))
def test_invariants_on_random_input(left: list[str], right: list[str]) -> None:
    check_invariants(align(left, right), len(left), len(right))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(S), max_size=20), st.lists(st.sampled_from(S), max_size=20))
def test_invariants_with_repeated_sentences(left: list[str], right: list[str]) -> None:
    check_invariants(align(left, right), len(left), len(right))


short = st.sampled_from(["52", "48", "***", "Yes.", "No.", "Table 3"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(S), short), max_size=16),
    st.lists(st.one_of(st.sampled_from(S), short), max_size=16),
)
def test_invariants_with_short_sentences_and_moves(left: list[str], right: list[str]) -> None:
    check_invariants(align(left, right), len(left), len(right))


def test_deplain_dev_strict_f1(shared_data: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import quality

    score = quality.evaluate_deplain(quality.drift_align, shared_data / "deplain-dev")
    assert score.f1 >= 0.80, score


def test_seed_every_original_sentence_meets_its_rewording(seed: tuple[Path, Path]) -> None:
    from drift_viewer.engine.segment import segment

    spun, original = (segment(p.read_text(encoding="utf-8")) for p in seed)
    links = align([s.text for s in spun], [s.text for s in original])
    check_invariants(links, len(spun), len(original))
    partner_of = {}
    for link in links:
        if link.left and link.right:
            for j in link.right:
                partner_of[j] = link.left
    missing = [original[j].text for j in range(len(original)) if j not in partner_of]
    assert not missing, missing
    # The reworded counterpart, not just any sentence: each pair shares its rarest words.
    for j, left in partner_of.items():
        words = {w.strip('.,"“”’') for w in original[j].text.split() if len(w) > 6}
        text = " ".join(spun[i].text for i in left)
        assert any(w in text for w in words) or not words, (original[j].text, text)


def _pseudo_text(count: int, seed: int) -> list[str]:
    """Distinct sentences of made-up words: enough of them to go past the full-search limit."""
    import random

    rng = random.Random(seed)
    vocab = ["".join(rng.choice("abcdefghiklmnoprstuvwz") for _ in range(rng.randint(3, 9))) for _ in range(3000)]
    return [" ".join(rng.choice(vocab) for _ in range(rng.randint(8, 16))).capitalize() + "." for _ in range(count)]


def test_long_inputs_take_the_anchor_band_and_keep_splits_moves_and_edits() -> None:
    from drift_viewer.engine.align import band
    from drift_viewer.engine.align.vectors import featurize

    left = _pseudo_text(700, seed=7)
    # The right side as (text, the left sentence it comes from); edits tracked by origin.
    right = [(s, i) for i, s in enumerate(left)]
    words = left[100].rstrip(".").split()
    half = len(words) // 2
    right[100:101] = [(" ".join(words[:half]) + ".", 100), (" ".join(words[half:]).capitalize() + ".", 100)]
    right.insert(520, right.pop(right.index((left[300], 300))))  # moved much later
    right.remove((left[600], 600))  # deleted
    right.insert(400, ("Completely unrelated: the stock market fell sharply on Tuesday morning.", -1))
    right = [(s.replace("a", "e", 1) if k % 7 == 0 else s, i) for k, (s, i) in enumerate(right)]  # light edits
    texts = [s for s, _ in right]
    at = {i: k for k, (_, i) in reversed(list(enumerate(right)))}  # first right index per origin

    lf, rf = featurize(left, texts)
    assert (len(left) + 1) * (len(texts) + 1) > band.FULL_CELLS
    assert band.make_band(lf, rf, 2).cells < 0.1 * (len(left) + 1) * (len(texts) + 1), "the band, not the table"

    links = align(left, texts)
    check_invariants(links, len(left), len(texts))
    pairs = two_sided(links)
    assert ((100,), (at[100], at[100] + 1)) in pairs
    moves = {(link.left, links[link.partner].right) for link in links if link.partner is not None and link.left}
    assert moves == {((300,), (at[300],))}
    expected = {((i,), (at[i],)) for i in range(len(left)) if i not in (100, 300, 600)}
    assert expected <= set(pairs), sorted(expected - set(pairs))[:10]
    assert ((600,), ()) in groups(links) and ((), (at[-1],)) in groups(links)


def test_a_text_that_repeats_one_sentence_stays_within_the_band_budget(monkeypatch) -> None:
    """No rare word anchors a text that repeats itself: the strips between anchors narrow until the band
    fits the memory budget, and every sentence is still aligned."""
    from drift_viewer.engine.align import band as band_mod
    from drift_viewer.engine.align.vectors import featurize

    monkeypatch.setattr(band_mod, "BUDGET_CELLS", 60_000)
    texts = ["The council met again on Monday to discuss the new water plant."] * 3000
    other = texts[:1500] + ["The council met once more on Monday to discuss the water plant."] + texts[1501:]
    lf, rf = featurize(texts, other)
    band = band_mod.make_band(lf, rf, 2)
    assert band.cells <= 60_000 < (len(texts) + 1) * (len(other) + 1)
    links = align(texts, other)
    assert sorted(i for link in links for i in link.left) == list(range(3000))
    assert sorted(j for link in links for j in link.right) == list(range(3000))


def test_a_text_too_repetitive_for_any_band_is_refused_with_a_reason(monkeypatch) -> None:
    from drift_viewer.engine.align import band as band_mod
    from drift_viewer.engine.errors import DriftError

    monkeypatch.setattr(band_mod, "BUDGET_CELLS", 1_000)
    texts = ["The council met again on Monday."] * 3000
    other = texts[:1500] + ["The council met once more on Monday."] + texts[1501:]
    with pytest.raises(DriftError, match="(repeat too much|too long) to be aligned within the memory limit"):
        align(texts, other)
