"""Invisible characters in the window: each drawn as a visible symbol (positions kept, so highlights
still land on their words), described in the cell's tooltip, escaped in the Changes panel, and a bidi
warning in the status bar."""

from __future__ import annotations

from conftest import open_and_wait
from PySide6.QtCore import Qt

from drift_viewer.app.prepared import prepare, summary
from drift_viewer.app.table import cells
from drift_viewer.app.table.model import CellRole
from drift_viewer.engine.lexicon import hidden
from drift_viewer.engine.model import ChangeKind
from drift_viewer.engine.pipeline import compare_texts

LEFT = "Trojan \u202egnirts\u202c here. \U0001f600 We met in Pa\u200bris. A family \U0001f468\u200d\U0001f469 came."
RIGHT = "Trojan string here. \U0001f600 We met in Paris. A family \U0001f468\u200d\U0001f469 came."
RAW = set(hidden.BIDI_CONTROLS) | {"\u200b"}


def utf16_slice(text: str, start: int, length: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * (start + length)].decode("utf-16-le")


def test_cell_text_shows_symbols_and_keeps_highlights_on_their_words():
    comparison = compare_texts(LEFT, RIGHT)
    texts = [cells.cell(comparison, g, cells.LEFT) for g in range(len(comparison.groups))]
    joined = " ".join(c.text for c in texts)
    assert not RAW & set(joined)
    assert "\u21c4gnirts\u21c4" in joined and "Pa\u2b1aris" in joined
    assert "\U0001f468\u200d\U0001f469" in joined  # an emoji sequence keeps its joiner
    spans = [utf16_slice(c.text, h.start, h.length) for c in texts for h in c.highlights]
    assert "\u21c4gnirts\u21c4" in spans and "Pa\u2b1aris" in spans
    for cell in texts:
        assert all(utf16_slice(cell.text, m, 1) in (hidden.BIDI_SYMBOL, hidden.INVISIBLE_SYMBOL) for m in cell.markers)
    assert any("U+202E RIGHT-TO-LEFT OVERRIDE" in c.hidden for c in texts)


def test_status_summary_warns_of_bidi_controls():
    prepared = prepare(compare_texts(LEFT, RIGHT))
    line = summary(prepared)
    assert line.startswith("⚠ left holds 2 bidi control characters") and "hidden" in line
    assert "⚠" not in summary(prepare(compare_texts("The cat sat.", "The dog sat.")))


def test_window_draws_markers_and_warns(qtbot, make_window, write):
    window = make_window()
    open_and_wait(qtbot, window, write("left.txt", LEFT), write("right.txt", RIGHT))
    model = window.model
    shown = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        cell = index.data(CellRole)
        shown.append(index.data(Qt.ItemDataRole.DisplayRole))
        if cell.text:
            # What the delegate lays out and paints is the shown text, markers formatted.
            layout, _ = window.view.delegate.layout(cell, window.view.font(), 400, window.view.palette())
            assert layout.text() == cell.text.replace("\n", "\u2028")
            assert not RAW & set(layout.text())
            if cell.markers:
                starts = {r.start for r in layout.formats()}
                assert set(cell.markers) <= starts
                tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
                assert "U+" in tooltip and not RAW & set(tooltip)
    assert not RAW & set("".join(shown))
    assert any("\u21c4gnirts\u21c4" in text for text in shown)
    assert window.summary_label.text().startswith("⚠ left.txt holds 2 bidi control characters")
    panel = window.changes.model
    texts = [panel.index(r, 1).data(Qt.ItemDataRole.DisplayRole) for r in range(panel.rowCount())]
    assert "⟨RLO⟩gnirts⟨PDF⟩" in texts and "Pa⟨ZWSP⟩ris" in texts
    assert panel.shown[0].kind is ChangeKind.HIDDEN


def test_a_file_name_with_a_bidi_control_is_shown_escaped(qtbot, make_window, write):
    window = make_window()
    open_and_wait(qtbot, window, write("report\u202egpj.txt", LEFT), write("right.txt", RIGHT))
    assert "\u202e" not in window.windowTitle() and "⟨RLO⟩" in window.windowTitle()
    assert "\u202e" not in window.files_label.text()


def test_lookalike_letters_are_drawn_apart_and_named_in_the_tooltip(qtbot, make_window, write):
    window = make_window()
    open_and_wait(qtbot, window, write("left.txt", "We met in Paris."), write("right.txt", "We met in P\u0430ris."))
    index = window.model.index(0, 1)
    cell = index.data(CellRole)
    assert [utf16_slice(cell.text, i, 1) for i in cell.lookalikes] == ["\u0430"]
    layout, _ = window.view.delegate.layout(cell, window.view.font(), 400, window.view.palette())
    ranges = layout.formats()
    outlined = [r.start for r in ranges if r.format.textOutline().style() != Qt.PenStyle.NoPen]
    assert outlined == list(cell.lookalikes)
    assert "CYRILLIC SMALL LETTER A" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert window.model.index(0, 0).data(CellRole).lookalikes == ()


def test_a_control_character_is_drawn_as_its_control_picture_and_described():
    # A cell showed an ESC or a BEL raw (nothing on screen, or a terminal's escape when copied out).
    comparison = compare_texts("Mayor Haines said no. It rained.", "Mayor Haines sa\x1bid no. It\x07 rained.")
    texts = [cells.cell(comparison, g, cells.RIGHT) for g in range(len(comparison.groups))]
    joined = " ".join(c.text for c in texts)
    assert "\x1b" not in joined and "\x07" not in joined
    assert "sa\u241bid" in joined and "It\u2407 rained" in joined
    assert any("U+001B ESC" in c.hidden for c in texts) and any("U+0007 BEL" in c.hidden for c in texts)
    assert [utf16_slice(c.text, m, 1) for c in texts for m in c.markers] == ["\u241b", "\u2407"]
    kinds = [change.kind for group in comparison.groups for change in group.changes]
    assert ChangeKind.HIDDEN in kinds
