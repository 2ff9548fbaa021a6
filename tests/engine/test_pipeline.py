"""The whole pipeline through the public API: invariants on any input, and the seed case."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import drift_viewer
from drift_viewer.engine.model import ChangeKind, GroupKind, Op

WORDS = ["Haines", "Haynes", "said", "not", "55", "45", "the", "war", "“quoted”", '"quoted"', "Dec.", "U.S.", "—"]
texts = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(min_size=1, max_size=8), st.sampled_from([". ", "\n\n", "\n", "! "])),
    max_size=40,
).map(" ".join)


def _check_rebuild(comparison) -> None:
    left, right = comparison.left, comparison.right
    for group in comparison.groups:
        if group.kind is GroupKind.MOVED:
            if not group.left:
                continue
            partner = comparison.groups[group.partner]
            ltext, rtext = left.group_text(group.left), right.group_text(partner.right)
        else:
            ltext, rtext = left.group_text(group.left), right.group_text(group.right)
        assert "".join(s.text for s in group.diff if s.op is not Op.INSERT) == ltext
        assert "".join(s.text for s in group.diff if s.op is not Op.DELETE) == rtext
        for change in group.changes:
            assert left.text[change.left.start : change.left.end] == change.left_text
            assert right.text[change.right.start : change.right.end] == change.right_text


def _check_coverage(side) -> None:
    """Every non-space character is inside exactly one sentence; gaps are whitespace."""
    pos = 0
    for sentence in side.sentences:
        assert sentence.start >= pos
        assert side.text[pos : sentence.start].strip() == ""
        assert side.text[sentence.start : sentence.end] == sentence.text
        pos = sentence.end
    assert side.text[pos:].strip() == ""


def _check_groups_cover(comparison) -> None:
    for side, key in ((comparison.left, "left"), (comparison.right, "right")):
        seen = [i for g in comparison.groups for i in getattr(g, key)]
        assert seen == list(range(len(side.sentences)))


@settings(max_examples=60, deadline=None)
@given(texts, texts)
def test_any_pair_keeps_every_character_and_rebuilds_both_sides(left, right):
    comparison = drift_viewer.compare_texts(left, right)
    _check_coverage(comparison.left)
    _check_coverage(comparison.right)
    _check_groups_cover(comparison)
    _check_rebuild(comparison)


@settings(max_examples=30, deadline=None)
@given(texts)
def test_identical_texts_are_all_equal(text):
    comparison = drift_viewer.compare_texts(text, text)
    assert comparison.identical
    assert all(g.kind is GroupKind.EQUAL and len(g.left) == len(g.right) for g in comparison.groups)


def test_an_empty_side_gives_one_sided_groups():
    comparison = drift_viewer.compare_texts("One sentence. Another one here.", "")
    assert comparison.groups and all(g.kind is GroupKind.ONLY_LEFT for g in comparison.groups)
    comparison = drift_viewer.compare_texts("", "One sentence. Another one here.")
    assert comparison.groups and all(g.kind is GroupKind.ONLY_RIGHT for g in comparison.groups)


def test_ignore_options_drop_only_their_kinds():
    left, right = "He said “yes” to the plan.", 'He said "yes" to the plan.'
    assert not drift_viewer.compare_texts(left, right).identical
    assert drift_viewer.compare_texts(left, right, ignore_typography=True).identical
    assert not drift_viewer.compare_texts("The Plan works.", "The plan works.").identical
    assert drift_viewer.compare_texts("The Plan works.", "The plan works.", ignore_case=True).identical


def test_align_sentences_returns_index_groups_in_order():
    groups = drift_viewer.align_sentences(
        ["A cat sat.", "It was red.", "Then it left."], ["A cat sat.", "Then it left."]
    )
    assert groups[0] == ([0], [0])
    assert ([1], []) in groups
    assert groups[-1] == ([2], [1])


def test_cancel_raises_and_returns_nothing():
    from drift_viewer.engine.errors import Cancelled

    with pytest.raises(Cancelled):
        drift_viewer.compare_texts("A b. C d.", "A b. C e.", should_cancel=lambda: True)


def test_progress_is_reported_up_to_done():
    seen = []
    drift_viewer.compare_texts("A b. C d.", "A b. C e.", progress=lambda stage, f: seen.append((stage, f)))
    assert seen[-1] == ("done", 1.0)
    assert [f for _, f in seen] == sorted(f for _, f in seen)


# --- the seed case: an RFE/RL article (right) and its content-farm copy (left) ---------------------


@pytest.fixture
def seed_comparison(seed):
    return drift_viewer.compare_files(*seed)


def _group_with(comparison, side: str, needle: str):
    target = getattr(comparison, side)
    for group in comparison.groups:
        if needle in target.group_text(getattr(group, side)):
            return group
    raise AssertionError(f"no group on the {side} holds {needle!r}")


def test_seed_every_original_sentence_is_paired(seed_comparison):
    for group in seed_comparison.groups:
        if group.right:
            assert group.kind in (GroupKind.CHANGED, GroupKind.EQUAL), seed_comparison.right.group_text(group.right)
    _check_rebuild(seed_comparison)


@pytest.mark.parametrize(
    "needle",
    [
        "Russia Launches Fresh Wave",
        "Also Read",
        "With reports by AP and Reuters",
        "Leave a Reply",
        "Your email address will not be published",
        "Related Articles",
        "Back to top button",
    ],
)
def test_seed_boilerplate_is_only_left(seed_comparison, needle):
    assert _group_with(seed_comparison, "left", needle).kind is GroupKind.ONLY_LEFT


@pytest.mark.parametrize(
    ("left_word", "right_word"), [("Haynes", "Haines"), ("Anthony", "Antony"), ("Defence", "Defense")]
)
def test_seed_respelled_names_are_name_or_spelling(seed_comparison, left_word, right_word):
    found = [
        c.kind
        for _, c in seed_comparison.iter_changes()
        if re.search(rf"\b{left_word}\b", c.left_text) and re.search(rf"\b{right_word}\b", c.right_text)
    ]
    assert found and all(k in (ChangeKind.NAME, ChangeKind.SPELLING) for k in found), found
    # A respelling must be its own change, not buried in a longer rewording.
    assert any(c.left_text.strip() == left_word for _, c in seed_comparison.iter_changes())


def test_seed_quote_marks_are_typography(seed_comparison):
    typo = [c for _, c in seed_comparison.iter_changes() if c.kind is ChangeKind.TYPOGRAPHY]
    assert any("“" in c.left_text and '"' in c.right_text for c in typo)
    assert not any(
        c.kind is not ChangeKind.TYPOGRAPHY and c.left_text in "“”’" and c.right_text in "\"'"
        for _, c in seed_comparison.iter_changes()
        if c.left_text and c.right_text
    )


def test_seed_changed_quoted_words_are_quote_changes(seed_comparison):
    group = _group_with(seed_comparison, "right", "reduced tempo")
    quote = [c for c in group.changes if c.kind is ChangeKind.QUOTE]
    assert any("pace" in c.left_text and "tempo" in c.right_text for c in quote), group.changes


def test_lone_surrogates_from_api_text_become_replacement_characters():
    comparison = drift_viewer.compare_texts("Bad \ud800 char here.", "Bad char here.")
    assert comparison.left.text == "Bad \ufffd char here."
    _check_rebuild(comparison)


def test_parallel_groups_equal_serial_ones(monkeypatch, sample_pair):
    from drift_viewer.engine import parallel as fanout

    serial = drift_viewer.compare_files(*sample_pair)
    monkeypatch.setattr(fanout, "MIN_ITEMS", 1)
    monkeypatch.setattr(fanout, "workers_for", lambda count: 2)
    parallel = drift_viewer.compare_files(*sample_pair)
    assert parallel.groups == serial.groups
    assert parallel.change_counts() == serial.change_counts()


def test_fan_out_stays_in_process_when_threads_run(monkeypatch):
    import threading

    from drift_viewer.engine import parallel as fanout

    monkeypatch.setattr(fanout, "MIN_ITEMS", 1)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert fanout.workers_for(10_000) == 1


def test_a_sentence_without_counterpart_is_one_deletion_whatever_it_says():
    comparison = drift_viewer.compare_texts(
        "The council met on Monday.\n\nYour email address will not be published.", "The council met on Monday."
    )
    changes = [c for _, c in comparison.iter_changes()]
    assert [c.kind for c in changes] == [ChangeKind.DELETED]
    assert changes[0].left_text == "Your email address will not be published."


def test_a_short_sentence_between_aligned_neighbours_is_compared_with_its_counterpart():
    comparison = drift_viewer.compare_texts(
        "Prices rose.\n\n52\n\n***\n\nThey fell later.", "Prices rose.\n\n48\n\n***\n\nThey fell later."
    )
    assert [(g.left, g.right, g.kind) for g in comparison.groups] == [
        ((0,), (0,), GroupKind.EQUAL),
        ((1,), (1,), GroupKind.CHANGED),
        ((2,), (2,), GroupKind.EQUAL),
        ((3,), (3,), GroupKind.EQUAL),
    ]
    changes = [c for _, c in comparison.iter_changes()]
    assert [(c.kind, c.left_text, c.right_text) for c in changes] == [(ChangeKind.NUMBER, "52", "48")]


def test_seed_names_survive_the_documents_evidence(seed) -> None:
    """Through the whole pipeline (name evidence from both documents), the seed's respelt names stay names
    and the British spelling stays spelling."""
    comparison = drift_viewer.compare_files(*seed)
    kinds = {(c.kind, c.left_text, c.right_text) for _, c in comparison.iter_changes()}
    assert (ChangeKind.NAME, "Anthony", "Antony") in kinds
    assert (ChangeKind.NAME, "Haynes", "Haines") in kinds
    assert (ChangeKind.SPELLING, "Defence", "Defense") in kinds
