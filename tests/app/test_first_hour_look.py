"""Issue 13, how the window looks and says things: progress with its stage, a banner for texts without
differences, View > Theme, the Open dialog's types, and the box mark drawn by the delegate."""

from __future__ import annotations

import docx
from conftest import open_and_wait
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QToolButton

from drift_viewer.app import theme
from drift_viewer.app.window.status import STAGES
from drift_viewer.engine.load import files
from drift_viewer.engine.model import ChangeKind
from drift_viewer.styles import CHANGE_STYLES


def test_progress_shows_the_stage_in_words_and_the_percentage_unclipped(qtbot, make_window, seed):
    window = make_window()
    seen: list[str] = []
    window.runner.progress.connect(lambda stage, fraction: seen.append(window.status.stage_label.text()))
    open_and_wait(qtbot, window, *seed)
    assert seen and all(text.removesuffix("…") in STAGES.values() for text in seen)
    assert not window.progress_bar.isVisible()
    # The bar and its label as they stand mid-comparison (the runner's own signals, replayed).
    window.runner.busy_changed.emit(True)
    window.runner.progress.emit("align", 0.2)
    qtbot.waitUntil(lambda: window.progress_bar.isVisible() and window.progress_bar.width() >= 160)
    bar, label = window.progress_bar, window.status.stage_label
    assert bar.text() == "20%" and label.text() == "Aligning sentences…"
    assert bar.fontMetrics().horizontalAdvance("100%") < bar.contentsRect().width() - 20
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
    window.runner.busy_changed.emit(False)
    assert not label.isVisible()


def test_identical_texts_get_a_banner(qtbot, make_window, write):
    window = make_window()
    text = "The bridge opened in May.\n\nIt cost four million euros."
    open_and_wait(qtbot, window, write("a.txt", text), write("b.txt", text))
    banner = window.banner
    assert banner.isVisible() and banner.label.text() == "The two texts are identical."
    close = banner.findChild(QToolButton, "identicalClose")
    close.click()
    assert not banner.isVisible()
    open_and_wait(qtbot, window, write("c.txt", text), write("d.txt", text.upper()))
    assert not banner.isVisible()  # the texts differ
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["ignore_case"].trigger()
    assert banner.isVisible() and banner.label.text().startswith("No differences")


def test_view_theme_switches_light_dark_and_back_and_is_remembered(qtbot, make_window, seed):
    window = make_window()
    open_and_wait(qtbot, window, *seed)
    system_base = QApplication.palette().color(QPalette.ColorRole.Base).name()
    view_menu = window.menuBar().actions()[2].menu()
    theme_menu = next(a.menu() for a in view_menu.actions() if a.menu() and a.menu().objectName() == "themeMenu")
    assert [a.text() for a in theme_menu.actions()] == ["&System", "&Light", "&Dark"]
    assert window.named_actions["theme_system"].isChecked()
    try:
        window.named_actions["theme_dark"].trigger()
        assert theme.is_dark()
        qtbot.waitUntil(lambda: theme.is_dark(window.view.palette()))  # widgets hear of it by a posted event
        assert window.named_actions["theme_dark"].isChecked() and not window.named_actions["theme_system"].isChecked()
        fmt = theme.kind_format(ChangeKind.NAME, window.view.palette())
        assert fmt.background().color().name() == CHANGE_STYLES[ChangeKind.NAME].dark
        qtbot.wait(50)  # the repaint with the new palette
        image = window.view.viewport().grab().toImage()
        probes = [image.pixelColor(x, y).lightness() for x in range(0, image.width(), 9) for y in range(0, 200, 9)]
        assert sum(probes) / len(probes) < 100  # the table itself turned dark
        window.named_actions["theme_light"].trigger()
        qtbot.waitUntil(lambda: not theme.is_dark(window.view.palette()))
        window.named_actions["theme_dark"].trigger()
        window.close()
        again = make_window()
        assert again.named_actions["theme_dark"].isChecked() and theme.is_dark()
        again.named_actions["theme_system"].trigger()
        assert QApplication.palette().color(QPalette.ColorRole.Base).name() == system_base
    finally:
        theme.apply_theme("system")


def test_the_open_dialog_lists_every_type_the_loader_reads(qtbot, make_window, tmp_path, monkeypatch):
    for side, text in (("a", "The minister resigned on Monday."), ("b", "The minister resigned on Tuesday.")):
        document = docx.Document()
        document.add_paragraph(text)
        document.save(str(tmp_path / f"{side}.docx"))
    filters: list[str] = []
    answers = [str(tmp_path / "a.docx"), str(tmp_path / "b.docx")]

    def fake_dialog(parent, title, start, filter_text):
        filters.append(filter_text)
        return answers.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    window = make_window()
    window.named_actions["open_left"].trigger()
    with qtbot.waitSignal(window.comparison_ready, timeout=30_000):
        window.named_actions["open_right"].trigger()
    first = filters[0].split(";;")[0]
    for suffix in (".txt", ".md", ".docx", *files._HTML_SUFFIXES):
        assert f"*{suffix}" in first, suffix
    assert filters[0].split(";;")[-1] == "All files (*)"
    assert window.prepared.counts[ChangeKind.NUMBER] + window.prepared.counts[ChangeKind.REWORDED] >= 1


def test_boxed_kinds_are_framed_in_the_table(qtbot, seed_window, monkeypatch):
    window = seed_window
    model = window.model
    row = next(
        r for r in range(model.rowCount()) if any(h.kind is ChangeKind.SPELLING for h in model.cell(r, 0).highlights)
    )
    window.view.jump_to_row(row, flash=False, select=False)
    window.view.clearSelection()
    rect = window.view.visualRect(model.index(row, 0))
    boxed = window.view.viewport().grab(rect).toImage()
    monkeypatch.setattr(
        theme, "mark", lambda kind: "none" if kind is ChangeKind.SPELLING else CHANGE_STYLES[kind].underline
    )
    window.view.viewport().repaint()
    plain = window.view.viewport().grab(rect).toImage()
    assert boxed != plain  # the frame is the delegate's own drawing
