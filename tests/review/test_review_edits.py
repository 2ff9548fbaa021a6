"""review/edits.py: the reviewer's four edits, their records, and applying them again to changed files."""

from __future__ import annotations

import json

import pytest

from drift_viewer.engine.model import GroupKind
from drift_viewer.engine.pipeline import compare_texts
from drift_viewer.review import edits
from drift_viewer.review.edits import Edit, EditError

LEFT = "Alpha is here. Beta came late. Gamma went home. Delta sings. Epsilon dances wildly. Zeta stays."
RIGHT = "Alpha is here. Gamma went home now. Beta came late. Delta sings loudly. New one here. Zeta stays."


@pytest.fixture(scope="module")
def c():
    return compare_texts(LEFT, RIGHT)


def rows(c):
    return [(g.left, g.right) for g in c.groups]


def row_of(c, left=None, right=None):
    return next(
        k for k, g in enumerate(c.groups) if (left is None or left in g.left) and (right is None or right in g.right)
    )


def _sentences_once(c):
    """Every sentence in exactly one row, on its own side."""
    left = sorted(i for g in c.groups for i in g.left)
    right = sorted(j for g in c.groups for j in g.right)
    return left == list(range(len(c.left.sentences))) and right == list(range(len(c.right.sentences)))


def test_link_rows_makes_one_group_of_their_sentences(c):
    first = row_of(c, left=3)
    edited, edit = edits.link_rows(c, first, first + 1)
    assert rows(edited)[first] == ((3, 4), (3, 4))
    assert len(edited.groups) == len(c.groups) - 1
    assert edited.groups[first].manual and edited.groups[first].kind is GroupKind.CHANGED
    assert edit.op == edits.LINK_ROWS
    assert edit.groups[0].left_texts == ("Delta sings.", "Epsilon dances wildly.")
    assert _sentences_once(edited)


def test_unlink_row_leaves_one_sided_sentences(c):
    row = row_of(c, left=4)
    edited, _ = edits.unlink_row(c, row)
    assert rows(edited)[row : row + 2] == [((4,), ()), ((), (4,))]
    assert [g.kind for g in edited.groups[row : row + 2]] == [GroupKind.ONLY_LEFT, GroupKind.ONLY_RIGHT]
    assert _sentences_once(edited)
    with pytest.raises(EditError, match="not linked"):
        edits.unlink_row(edited, row)


def test_move_sentence_to_the_neighbouring_row(c):
    linked, _ = edits.link_rows(c, row_of(c, left=3), row_of(c, left=4))
    row = row_of(linked, left=3)
    edited, edit = edits.move_sentence(linked, row, "left", +1)
    assert rows(edited)[row : row + 2] == [((3,), (3, 4)), ((4, 5), (5,))]
    assert edit.op == edits.MOVE_SENTENCE and _sentences_once(edited)
    back, _ = edits.move_sentence(edited, row + 1, "left", -1)
    assert rows(back) == rows(linked)


def test_move_sentence_refuses_what_cannot_be(c):
    only_left = row_of(c, left=2)
    with pytest.raises(EditError, match="no right sentence"):
        edits.move_sentence(c, only_left, "right", 1)
    with pytest.raises(EditError, match="no row above"):
        edits.move_sentence(c, 0, "left", -1)
    with pytest.raises(EditError, match="no row below"):
        edits.move_sentence(c, len(c.groups) - 1, "right", 1)
    with pytest.raises(EditError, match="no row 99"):
        edits.unlink_row(c, 98)


def test_link_sentences_anywhere_is_a_moved_pair_and_unlinks_back(c):
    edited, edit = edits.link_sentences(c, 2, 1)  # Gamma: left 2 sits after Beta, right 1 before it
    pieces = [g for g in edited.groups if g.partner is not None]
    assert [g.kind for g in pieces] == [GroupKind.MOVED, GroupKind.MOVED]
    assert all(g.manual and g.confidence == 1.0 for g in pieces)
    assert edit.groups[0].left_texts == ("Gamma went home.",) and edit.groups[0].right_texts == (
        "Gamma went home now.",
    )
    with pytest.raises(EditError, match="already linked"):
        edits.link_sentences(edited, 2, 1)
    unlinked, _ = edits.unlink_row(edited, edited.groups.index(pieces[1]))
    assert rows(unlinked) == rows(c) and _sentences_once(unlinked)


def test_link_sentences_in_order_takes_them_out_of_their_rows(c):
    # Delta (left 3) with the inserted "New one here." (right 4): Epsilon's row loses its right side.
    with pytest.raises(EditError, match="already linked"):
        edits.link_sentences(c, 4, 4)
    pair_row = row_of(c, left=3)
    edited, _ = edits.link_sentences(c, 3, 4)
    assert ((3,), (4,)) in rows(edited)
    assert ((), (3,)) in rows(edited) and ((4,), ()) in rows(edited)
    assert edited.groups[pair_row].manual
    assert _sentences_once(edited)


def test_linking_a_moved_piece_leaves_its_partner_on_its_own():
    # An edit on one piece of a moved pair leaves the other piece's sentence one-sided, not moved.
    c = compare_texts(LEFT, RIGHT)
    moved, _ = edits.link_sentences(c, 2, 1)
    right_piece = next(k for k, g in enumerate(moved.groups) if g.partner is not None and g.right)
    edited, edit = edits.link_rows(moved, right_piece - 1, right_piece)
    assert all(g.partner is None for g in edited.groups)
    assert ((2,), ()) in rows(edited)
    assert _sentences_once(edited)
    assert any(eg.left == (2,) and not eg.right for eg in edit.groups)


def test_an_edit_survives_json_and_applies_again_to_the_same_files(c):
    edited, edit = edits.link_sentences(c, 2, 1)
    again = Edit.from_json(json.loads(json.dumps(edit.to_json())))
    assert again == edit
    applied = edits.apply_edit(c, again)
    assert applied is not None and applied.groups == edited.groups


def test_edits_apply_again_to_a_file_that_changed_elsewhere(c):
    linked, link = edits.link_rows(c, row_of(c, left=3), row_of(c, left=4))
    moved, move = edits.link_sentences(linked, 2, 1)
    # A sentence added at the top of each side shifts every index by one; the texts are still there.
    changed = compare_texts("Preface first. " + LEFT, "Preface first. " + RIGHT)
    step = edits.apply_edit(changed, link)
    assert step is not None
    step2 = edits.apply_edit(step, move)
    assert step2 is not None
    shifted = [(tuple(i + 1 for i in g.left), tuple(j + 1 for j in g.right)) for g in moved.groups]
    assert rows(step2)[1:] == shifted
    assert [g.manual for g in step2.groups[1:]] == [g.manual for g in moved.groups]


def test_an_edit_whose_sentence_is_gone_no_longer_applies(c):
    _, edit = edits.link_sentences(c, 2, 1)
    changed = compare_texts(LEFT.replace("Gamma went home.", "Gamma stayed."), RIGHT)
    assert edits.apply_edit(changed, edit) is None


def test_repeated_sentences_are_found_near_where_they_were():
    left = "Amen. One thing. Amen. Two things. Amen. Three things."
    right = "Amen. One thing here. Amen. Two things. Amen. Three things."
    c = compare_texts(left, right)
    _, edit = edits.unlink_row(c, row_of(c, left=4))
    changed = compare_texts("Start. " + left, "Start. " + right)
    applied = edits.apply_edit(changed, edit)
    assert applied is not None
    assert ((5,), ()) in rows(applied) and ((), (5,)) in rows(applied)
    assert ((1,), (1,)) in rows(applied)  # the first Amen keeps its link


def _invariants(c):
    """What every comparison must hold, edited or not."""
    assert _sentences_once(c)
    for k, g in enumerate(c.groups):
        if g.partner is not None:
            assert c.groups[g.partner].partner == k and g.kind is GroupKind.MOVED
            assert bool(g.left) != bool(g.right)
    for side in ("left", "right"):
        firsts = [getattr(g, side)[0] for g in c.groups if getattr(g, side)]
        assert firsts == sorted(firsts), f"{side} side out of reading order"
    from drift_viewer.engine.pipeline import _overall

    assert c.similarity == pytest.approx(_overall(c.groups, c.left, c.right), abs=1e-9)


def test_random_edits_on_a_real_pair_keep_the_model_whole(shared_data):
    import random

    from drift_viewer.engine.pipeline import compare_files

    data = shared_data / "deplain-dev"
    c = compare_files(data / "105.src", data / "105.tgt", presegmented=True)
    rng = random.Random(15)
    done = 0
    history = [c]
    for _ in range(60):
        n = len(c.groups)
        op = rng.choice(["link", "unlink", "move", "pair", "undo"])
        try:
            if op == "link":
                k = rng.randrange(n - 1)
                c, _ = edits.link_rows(c, k, k + 1)
            elif op == "unlink":
                c, _ = edits.unlink_row(c, rng.randrange(n))
            elif op == "move":
                c, _ = edits.move_sentence(c, rng.randrange(n), rng.choice(["left", "right"]), rng.choice([-1, 1]))
            elif op == "pair":
                c, _ = edits.link_sentences(
                    c, rng.randrange(len(c.left.sentences)), rng.randrange(len(c.right.sentences))
                )
            elif len(history) > 1:
                history.pop()
                c = history[-1]
                continue
        except EditError:
            continue
        history.append(c)
        done += 1
        _invariants(c)
    assert done > 30
    assert any(g.manual for g in c.groups)
