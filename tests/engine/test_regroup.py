"""engine/regroup.py: hand-made groups are built by the pipeline's own code and placed in reading order."""

from __future__ import annotations

import pytest

from drift_viewer.engine import codec
from drift_viewer.engine.model import GroupKind
from drift_viewer.engine.pipeline import compare_files, compare_texts
from drift_viewer.engine.regroup import RegroupError, regroup

LEFT = "Alpha is here. Beta came late. Gamma went home. Delta sings. Epsilon dances wildly. Zeta stays."
RIGHT = "Alpha is here. Gamma went home now. Beta came late. Delta sings loudly. New one here. Zeta stays."


def _shape(c):
    return [(g.left, g.right, g.kind, g.partner) for g in c.groups]


def _computed(g):
    return (g.kind, g.similarity, g.diff, g.changes)


def test_rebuilding_every_group_gives_what_the_pipeline_computed(sample_pair):
    c = compare_files(*sample_pair)
    for k, g in enumerate(c.groups):
        if g.partner is not None:
            continue
        edited = regroup(c, [k], [(g.left, g.right)])
        assert _shape(edited) == _shape(c)
        new = edited.groups[k]
        assert _computed(new) == _computed(g)
        assert new.manual
        assert new.confidence == (1.0 if g.left and g.right else None)
        # Only the edited group is new: every other one is the very object it was.
        assert all(a is b for j, (a, b) in enumerate(zip(edited.groups, c.groups, strict=True)) if j != k)
        assert edited.similarity == pytest.approx(c.similarity)


def test_a_pair_out_of_order_becomes_a_moved_pair_like_the_aligners():
    c = compare_texts(LEFT, RIGHT)
    # Gamma (left 2) now faces right 1, before Beta's pair: it cannot sit between the kept rows.
    gamma = next(k for k, g in enumerate(c.groups) if g.left == (2,))
    inserted = next(k for k, g in enumerate(c.groups) if g.right == (1,))
    edited = regroup(c, [gamma, inserted], [((2,), (1,))])
    pieces = [(k, g) for k, g in enumerate(edited.groups) if g.manual]
    assert [(g.left, g.right, g.kind) for _, g in pieces] == [((), (1,), GroupKind.MOVED), ((2,), (), GroupKind.MOVED)]
    (a, ga), (b, gb) = pieces
    assert ga.partner == b and gb.partner == a
    assert ga.diff == gb.diff and [ch.right_text for ch in gb.changes] == [" now"]
    # Counted once, from its left piece, as the pipeline counts a moved pair.
    assert sum(1 for k, _ in edited.iter_changes() if k in (a, b)) == 1
    assert edited.similarity > c.similarity


SENTENCES = [
    "The harbour bridge will reopen in April after repairs.",
    "Mayor Katrin Oduya announced the date on Tuesday.",
    "Engineers found the steel frame undamaged by the storm.",
    "The repairs will cost 4.5 million euros from a regional fund.",
    "Local shop owners welcomed the news with relief.",
    "The baker said half of his customers cross that bridge.",
    "Work is expected to start on Monday, March 3.",
    "The railings will keep their green colour.",
]
MOVED_LEFT = " ".join(SENTENCES)
# The first sentence moved down five places, with its month changed.
MOVED_RIGHT = " ".join(SENTENCES[1:6] + [SENTENCES[0].replace("April", "May")] + SENTENCES[6:])


def test_moved_pairs_rebuilt_keep_their_pipeline_diff():
    c = compare_texts(MOVED_LEFT, MOVED_RIGHT)
    k, g = next((k, g) for k, g in enumerate(c.groups) if g.partner is not None and g.left)
    p = g.partner
    assert p is not None
    edited = regroup(c, [k, p], [(g.left, c.groups[p].right)])
    assert _shape(edited) == _shape(c)
    assert _computed(edited.groups[k]) == _computed(g)
    assert _computed(edited.groups[p]) == _computed(c.groups[p])
    assert [(ch.left_text, ch.right_text) for ch in edited.groups[k].changes] == [("April", "May")]


def test_partners_are_renumbered_when_rows_come_and_go():
    c = compare_texts(LEFT, RIGHT)
    moved = regroup(
        c,
        [k for k, g in enumerate(c.groups) if g.left == (2,) or g.right == (1,)],
        [((2,), (1,))],
    )
    # Unlink the last pair into two rows: rows after it shift, partners before it must still point right.
    last = len(moved.groups) - 2
    g = moved.groups[last]
    split = regroup(moved, [last], [(g.left, ()), ((), g.right)])
    assert len(split.groups) == len(moved.groups) + 1
    for k, h in enumerate(split.groups):
        if h.partner is not None:
            assert split.groups[h.partner].partner == k
    # Deleted before inserted, at the row's place.
    assert [(h.left, h.right) for h in split.groups[last : last + 2]] == [(g.left, ()), ((), g.right)]


def test_codec_carries_manual():
    c = compare_texts(LEFT, RIGHT)
    edited = regroup(c, [0], [((0,), (0,))])
    assert codec.unpack_group(codec.pack_group(edited.groups[0])) == edited.groups[0]
    assert codec.unpack_group(codec.pack_group(edited.groups[0])).manual


@pytest.mark.parametrize(
    ("remove", "new", "message"),
    [
        ([0], [((0, 1), (0,))], "left sentences"),
        ([0], [((0,), ())], "right sentences"),
        ([99], [], "out of range"),
    ],
)
def test_a_spec_that_is_no_regrouping_is_refused(remove, new, message):
    c = compare_texts(LEFT, RIGHT)
    with pytest.raises(RegroupError, match=message):
        regroup(c, remove, new)


def test_a_moved_piece_cannot_lose_its_partner_silently():
    c = compare_texts(LEFT, RIGHT)
    moved = regroup(c, [k for k, g in enumerate(c.groups) if g.left == (2,) or g.right == (1,)], [((2,), (1,))])
    piece = next(k for k, g in enumerate(moved.groups) if g.partner is not None)
    with pytest.raises(RegroupError, match="partner"):
        regroup(moved, [piece], [(moved.groups[piece].left, moved.groups[piece].right)])


def test_cross_lingual_pairs_are_built_as_translations():
    left = "The council approved the plan by 7 votes to 2. The bridge first opened in 1911."
    right = "Der Rat billigte den Plan mit 7 zu 2 Stimmen. Die Brücke wurde 1912 eröffnet."
    c = compare_texts(left, right, cross_lingual=True)
    assert c.mode == "cross-lingual"
    k = next(k for k, g in enumerate(c.groups) if g.left and g.right)
    g = c.groups[k]
    edited = regroup(c, [k], [(g.left, g.right)])
    assert _computed(edited.groups[k]) == _computed(g)


def test_the_overall_similarity_kept_by_edits_is_the_one_computed_anew():
    from drift_viewer.engine.pipeline import _overall

    c = compare_texts(LEFT, RIGHT)
    once = regroup(c, [4, 5], [((3, 4), (3, 4))])
    twice = regroup(once, [4], [((3,), ()), ((4,), ()), ((), (3,)), ((), (4,))])
    for edited in (once, twice):
        assert edited.similarity == pytest.approx(_overall(edited.groups, edited.left, edited.right), abs=1e-12)
    assert twice.similarity < c.similarity


def test_prepare_makes_the_builder_the_edits_reuse():
    from drift_viewer.engine import pipeline
    from drift_viewer.engine.regroup import prepare

    c = compare_texts(LEFT, RIGHT)
    pipeline._builders.clear()  # as in the window, where the comparison was made in another process
    prepare(c)
    build = pipeline.builder_for(c)
    edited = regroup(c, [0], [((0,), (0,))])
    assert pipeline.builder_for(edited) is build  # an edited comparison shares its sides, so its builder
