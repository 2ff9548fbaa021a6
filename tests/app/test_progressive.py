"""The progressive first paint (app/window/pending.py, process/stream.py), driven through the window with
real comparisons in the comparison process: the aligned rows show before the word diff ends, nothing shown
in between is wrong, the finished window equals the one a whole answer gives, and cancel or a newer
comparison while rows are pending put the window where it should be."""

from __future__ import annotations

import csv
from pathlib import Path

import fake_jobs
import pytest
from conftest import open_and_wait

from drift_viewer.app.review.editing import EDIT_NAMES
from drift_viewer.app.table.model import LEFT_COLUMN, MATCH_COLUMN, RIGHT_COLUMN
from drift_viewer.engine import parallel

NEEDS_FINISHED = ("export_html", "export_json", "find", "next_change", "previous_change", "save_project")


def _books(tsv: Path, books: set[str], out: Path) -> Path:
    """The verses of `books`, a chapter a paragraph (as benchmarks/gui_bench.py builds the whole book)."""
    chapters: dict[tuple[str, str], list[str]] = {}
    with tsv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["book"] in books:
                chapters.setdefault((row["book"], row["chapter"]), []).append(row["text"].strip())
    out.write_text("\n\n".join(" ".join(verses) for verses in chapters.values()) + "\n", encoding="utf-8")
    return out


@pytest.fixture
def gospels(shared_data, tmp_path) -> tuple[Path, Path]:
    """Matthew and Mark in two translations: ~1,750 rows, past parallel.MIN_ITEMS, so the word diff runs in
    forked workers and its rows holding a negation are held for the sentence encoder."""
    nt, books = shared_data / "bible-nt", {"Matthew", "Mark"}
    return _books(nt / "Haweis.tsv", books, tmp_path / "haweis.txt"), _books(
        nt / "Noyes.tsv", books, tmp_path / "noyes.txt"
    )


def _snapshot(window) -> dict:
    """Everything the table shows, row by row, and what the panels list."""
    model = window.model
    rows = []
    for row in range(model.rowCount()):
        rows.append(
            (
                model.group_at(row),
                model.cell(row, LEFT_COLUMN),
                model.cell(row, RIGHT_COLUMN),
                model.row_match(row),
                model.headerData(row, _vertical()),
                model.data(model.index(row, MATCH_COLUMN)),
            )
        )
    return {
        "prepared": window.prepared,
        "rows": rows,
        "changes": list(window.changes.model.shown),
        "summary": window.summary_label.text(),
        "enabled": {name: window.named_actions[name].isEnabled() for name in NEEDS_FINISHED},
    }


def _vertical():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Vertical


def test_rows_come_first_and_the_finished_window_equals_a_whole_answer(qtbot, make_window, gospels):
    window = make_window()
    seen: dict[str, object] = {}
    filled: dict[int, tuple] = {}  # group -> its cells and match as shown while other rows were pending

    def on_rows() -> None:
        model = window.model
        seen["rows"] = model.rowCount()
        seen["prepared"] = window.prepared
        seen["highlights"] = sum(len(model.cell(r, c).highlights) for r in range(model.rowCount()) for c in (0, 1))
        seen["pending"] = sum(model.row_match(r).pending for r in range(model.rowCount()))
        seen["enabled"] = [n for n in NEEDS_FINISHED if window.named_actions[n].isEnabled()]
        seen["edits"] = [n for n in EDIT_NAMES if window.named_actions[n].isEnabled()]
        seen["marks"] = [a.objectName() for a in window.review.marking.actions.values() if a.isEnabled()]
        seen["changes"] = (window.changes.model.rowCount(), window.changes.count_label.text())
        seen["facts"] = window.facts.panel.count_label.text()

    fill = window.model.fill

    def fill_and_look(prepared, pending, start, end, on_screen) -> None:
        fill(prepared, pending, start, end, on_screen)
        model = window.model
        for row in range(start, end):  # while pending, row k shows group k
            if not model.row_match(row).pending:
                filled[model.group_at(row)] = (model.cell(row, 0), model.cell(row, 1), model.row_match(row))

    window.pending.shown.connect(on_rows)
    window.model.fill = fill_and_look
    open_and_wait(qtbot, window, *gospels, timeout=240_000)
    progressive = _snapshot(window)

    whole = make_window()
    whole.runner.job = fake_jobs.whole_job  # the same comparison, answered whole at the end as before
    shown: list[bool] = []
    whole.pending.shown.connect(lambda: shown.append(True))
    open_and_wait(qtbot, whole, *gospels, timeout=240_000)
    reference = _snapshot(whole)

    groups = len(reference["prepared"].comparison.groups)
    assert groups >= parallel.MIN_ITEMS and not shown
    # The rows came before the answer: every row, no highlight, "…" in each match cell, nothing finished.
    assert seen["rows"] == groups and seen["prepared"] is None
    assert seen["highlights"] == 0 and seen["pending"] == groups
    assert seen["enabled"] == [] and seen["edits"] == [] and seen["marks"] == []
    assert all(a.isEnabled() for a in window.review.marking.actions.values())
    assert seen["changes"][0] == 0 and "once every row is compared" in seen["changes"][1]
    assert "once the comparison is finished" in seen["facts"]
    # Rows filled in while others were pending, and each showed what it shows at the end.
    final = {row[0]: (row[1], row[2], row[3]) for row in reference["rows"]}
    assert len(filled) > groups // 2
    assert all(final[group] == shown_then for group, shown_then in filled.items())
    # The finished window: the same comparison, rows, highlights, lists and actions as the whole answer's.
    assert progressive["prepared"] == reference["prepared"]
    for key in ("rows", "changes", "summary", "enabled"):
        assert progressive[key] == reference[key], key
    assert all(progressive["enabled"].values())


def test_cancel_while_rows_are_pending_puts_back_the_pair_shown_before(qtbot, make_window, seed, gospels):
    window = make_window()
    open_and_wait(qtbot, window, *seed)
    before = _snapshot(window)
    with qtbot.waitSignal(window.pending.shown, timeout=240_000):
        window.open_pair(*gospels)
    assert window.prepared is None and window.model.rowCount() > len(before["rows"])
    window.cancel_button.click()
    assert not window.pending.active and not window.runner.busy
    after = _snapshot(window)
    assert after["prepared"] is before["prepared"] and after["rows"] == before["rows"]
    assert after["enabled"] == before["enabled"] and all(after["enabled"].values())
    assert window.summary_label.text().startswith("Cancelled. Still showing the last comparison")
    assert (window.left_path, window.right_path) == tuple(map(str, seed))
    qtbot.wait(1500)  # whatever the killed process had sent is stale: the pair shown stays
    assert window.prepared is before["prepared"] and window.model.rowCount() == len(before["rows"])


def test_a_comparison_started_while_rows_are_pending_drops_them(qtbot, make_window, seed, gospels):
    window = make_window()
    with qtbot.waitSignal(window.pending.shown, timeout=240_000):
        window.open_pair(*gospels)
    rows = []
    window.pending.shown.connect(lambda: rows.append(window.model.rowCount()))
    open_and_wait(qtbot, window, *seed, timeout=120_000)  # the seed pair, while the gospels' words are compared
    qtbot.wait(1500)
    comparison = window.prepared.comparison
    assert comparison.left.document.name == seed[0].name and not window.pending.active
    assert rows == [len(comparison.groups)]  # the seed pair's rows came early too, the gospels' never again
    assert window.model.rowCount() == len(comparison.groups)
    assert all(window.named_actions[name].isEnabled() for name in NEEDS_FINISHED)


def test_a_cancel_with_nothing_shown_before_leaves_an_empty_window(qtbot, make_window, gospels):
    window = make_window()
    with qtbot.waitSignal(window.pending.shown, timeout=240_000):
        window.open_pair(*gospels)
    window.cancel_button.click()
    assert window.prepared is None and window.model.rowCount() == 0 and window.changes.model.rowCount() == 0
    assert window.summary_label.text() == "Cancelled." and window.windowTitle() == "drift-viewer"
    assert not any(window.named_actions[name].isEnabled() for name in NEEDS_FINISHED)


def test_a_reader_who_moved_while_rows_were_pending_keeps_their_place(qtbot, make_window, gospels):
    window = make_window()
    with qtbot.waitSignal(window.pending.shown, timeout=240_000):
        window.open_pair(*gospels)
    window.view.jump_to_row(300, flash=False)  # reading on while the words are compared
    assert window.view.top_group() == 300
    with qtbot.waitSignal(window.comparison_ready, timeout=240_000):
        pass
    assert window.prepared is not None and not window.pending.active
    assert window.view.top_group() == 300  # not back to row 1, where an untouched window opens
