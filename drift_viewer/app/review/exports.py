"""File > Export TMX… and Export TSV…: the comparison on screen, hand edits included, through
drift_viewer.formats (the same writers as `drift-viewer align --format tmx|tsv`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...atomic import write_atomic
from ...engine.lexicon.hidden import escaped
from ..window.actions import Spec
from . import wiring

SPECS = (
    Spec(
        "export_tmx",
        "Export T&MX…",
        None,
        "Save the aligned pairs as a translation memory (TMX 1.4b), hand edits included",
        "review.exports.export_tmx",
    ),
    Spec(
        "export_tsv",
        "Export &TSV…",
        None,
        "Save the aligned text as a bitext: left TAB right, one line per row, hand edits included",
        "review.exports.export_tsv",
    ),
)


class Exports:
    def __init__(self, review) -> None:
        self.review = review
        self.window = window = review.window
        self.actions = wiring.add_actions(window, SPECS)
        wiring.insert(wiring.menu(window, "File"), list(self.actions.values()), before="quit")
        wiring.insert(wiring.menu(window, "File"), [None], before="quit")
        review.state_changed.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self) -> None:
        for action in self.actions.values():
            action.setEnabled(self.review.state is not None)

    def export_tmx(self) -> None:
        from ...formats.tmx import to_tmx

        marks = self.review.state.marks if self.review.state is not None else None
        three = self._three()
        self._export("Export TMX", ".tmx", "TMX files (*.tmx)", lambda c: to_tmx(c, marks or None, three))

    def export_tsv(self) -> None:
        from ...formats.tsv import to_tsv

        three = self._three()
        self._export("Export TSV", ".tsv", "Tab-separated text (*.tsv *.txt)", lambda c: to_tsv(c, three))

    def _three(self):
        """Three versions' summary (B beside A against C) where the window shows three, else None."""
        state = self.review.state
        return state.prepared.three if state is not None else None

    def _export(self, title: str, suffix: str, filter_: str, render) -> str | None:
        state = self.review.state
        if state is None:
            return None
        left = Path(self.window.left_path or "comparison")
        path, _ = QFileDialog.getSaveFileName(self.window, title, str(left.with_name(left.stem + suffix)), filter_)
        if not path:
            return None
        try:
            write_atomic(path, render(state.comparison))
        except OSError as exc:
            self.window.message(
                QMessageBox.Icon.Warning, f"Cannot write “{escaped(Path(path).name)}”: {exc.strerror or exc}", path
            )
            return None
        self.window.statusBar().showMessage(f"Saved {path}", 5000)
        return path
