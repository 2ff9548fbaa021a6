"""After a hand edit the window re-sorts only the changed groups' changes (prepared.prepare_edited):
the result must be exactly what a full prepare gives, for every kind of edit, and the table's row diff
must name exactly the rows that differ."""

from __future__ import annotations

import pytest

from drift_viewer.app.prepared import prepare, prepare_edited
from drift_viewer.app.table import cells
from drift_viewer.app.table.rowdiff import group_span, row_change, same_row
from drift_viewer.engine.load import load_file
from drift_viewer.engine.model import GroupKind
from drift_viewer.engine.pipeline import compare_documents
from drift_viewer.review import edits


@pytest.fixture(scope="module")
def comparison(request):
    from tests.conftest import SAMPLES

    return compare_documents(load_file(SAMPLES / "original.txt"), load_file(SAMPLES / "rewrite.txt"))


def all_edits(c):
    """One of each edit the window offers, wherever it makes sense in the sample."""
    gs = c.groups
    two = [k for k, g in enumerate(gs) if g.left and g.right]
    out = [edits.link_rows(c, two[0], two[0] + 1), edits.unlink_row(c, two[-1])]
    split = next(k for k, g in enumerate(gs) if len(g.right) == 2)
    out.append(edits.move_sentence(c, split, "right", +1))
    lonely = next(k for k, g in enumerate(gs) if g.kind is GroupKind.ONLY_LEFT)
    far = max(k for k, g in enumerate(gs) if g.right and k != lonely)
    out.append(edits.link_sentences(c, gs[lonely].left[0], gs[far].right[0]))
    return [edited for edited, _ in out]


def test_an_edited_comparison_is_prepared_as_a_full_prepare_would(comparison):
    before = prepare(comparison)
    for edited in all_edits(comparison):
        first, old_end, new_end = group_span(comparison.groups, edited.groups)
        assert first < max(old_end, new_end)
        quick, full = prepare_edited(before, edited, first, old_end, new_end), prepare(edited)
        assert quick.changes == full.changes
        assert quick.group_kinds == full.group_kinds
        assert quick.counts == full.counts


@pytest.mark.parametrize("hide_equal", [False, True])
def test_the_row_diff_replaces_the_rows_that_changed_and_maps_the_rest(comparison, hide_equal):
    for edited in all_edits(comparison):
        old_rows = cells.visible_groups(comparison, hide_equal, 0)
        new_rows = cells.visible_groups(edited, hide_equal, 0)
        change = row_change(comparison.groups, edited.groups, old_rows, new_rows)
        for row in range(change.first):
            assert same_row(comparison.groups[old_rows[row]], edited.groups[new_rows[row]])
        for tail in range(1, len(old_rows) - change.old_end + 1):
            old, new = old_rows[-tail], new_rows[-tail]
            assert same_row(comparison.groups[old], edited.groups[new]) and change.map_group(old) == new
        assert change.old_end > change.first or change.new_end > change.first
        # Rebuilding the table from the kept head, the new middle and the kept tail gives the new table.
        rebuilt = old_rows[: change.first] + new_rows[change.first : change.new_end]
        rebuilt += [change.map_group(g) for g in old_rows[change.old_end :]]
        assert rebuilt == new_rows
