"""The Open Batch Results dialog: a summary.json's pairs in a table, riskiest first (the order the batch
wrote them in). Enter or a double-click opens the pair in the window, the source on the left; the dialog
stays open beside it, so the next pair is one key away. Copies with no source or that failed are listed,
greyed, and say why they cannot be opened."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ...batch.outputs import read_summary, sorted_rows

COLUMNS = ("Copy", "Source", "Similarity", "Changes")


class PairOpener(Protocol):
    def open_pair(self, left: str | os.PathLike, right: str | os.PathLike) -> None: ...


def _kinds(counts: dict) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.items())


class BatchResultsDialog(QDialog):
    def __init__(self, parent: QMainWindow, summary_path: str, data: dict) -> None:
        super().__init__(parent)
        self.setObjectName("batchResults")
        self.setWindowTitle(f"Batch Results — {Path(summary_path).parent.name or summary_path}")
        self._opener: PairOpener = parent  # type: ignore[assignment]
        base = Path(summary_path).resolve().parent
        self.sources = Path(data.get("sources") or base)
        self.copies = Path(data.get("copies") or base)
        self.rows = sorted_rows(data["pairs"])
        matched = sum(1 for r in self.rows if r["source"])
        self.info = QLabel(
            f"{len(self.rows)} copies, {matched} with a source. Riskiest first: Enter or double-click opens a pair."
        )
        self.table = QTableWidget(len(self.rows), len(COLUMNS), self)
        self.table.setObjectName("batchTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)  # one line a pair: the full text is in the tooltip
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for i, row in enumerate(self.rows):
            cells = (
                row["copy"],
                row["source"] or ("could not be read" if row.get("error") else "no source found"),
                f"{row['similarity']:.3f}" if row["source"] else "",
                _kinds(row["counts"] or {}) if row["source"] else (row.get("error") or ""),
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not row["source"]:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(i, j, item)
        self.table.resizeColumnToContents(2)
        self.table.cellActivated.connect(lambda r, _c: self.open_row(r))
        self.table.cellDoubleClicked.connect(lambda r, _c: self.open_row(r))
        if self.rows:
            self.table.selectRow(0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addWidget(self.table)
        self.resize(1100, 560)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Enter in the table opens the pair; QDialog would take it as "accept" and close instead.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentRow() >= 0:
            self.open_row(self.table.currentRow())
            return
        super().keyPressEvent(event)

    def open_row(self, index: int) -> None:
        row = self.rows[index]
        if not row["source"]:
            why = row.get("error") or "no source among the batch's sources shares enough of its text"
            self.info.setText(f"{row['copy']}: {why}")
            return
        source, copy = self.sources / row["source"], self.copies / row["copy"]
        missing = [str(p) for p in (source, copy) if not p.is_file()]
        if missing:
            self.info.setText(f"Not found (moved since the batch ran?): {', '.join(missing)}")
            return
        self.info.setText(f"Opened {row['copy']} against {row['source']}")
        self._opener.open_pair(source, copy)


def open_batch_results(window: QMainWindow, path: str | None = None) -> BatchResultsDialog | None:
    """Ask for a summary.json (unless given one) and show its pairs; a file that is not one says why."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(
            window, "Open Batch Results", "", "Batch summary (summary.json);;JSON (*.json)"
        )
        if not path:
            return None
    try:
        data = read_summary(path)
    except (OSError, ValueError) as exc:
        text = str(exc) if isinstance(exc, ValueError) else f"{path}: {exc.strerror or exc}"
        QMessageBox(QMessageBox.Icon.Warning, "Open Batch Results", text, QMessageBox.StandardButton.Ok, window).exec()
        return None
    dialog = BatchResultsDialog(window, path, data)
    window._batch_results = dialog  # type: ignore[attr-defined]  # kept alive while shown
    dialog.show()
    dialog.table.setFocus()
    return dialog


def install(window: QMainWindow) -> QAction:
    """Add File > Open Batch Results… after the Open actions (the one hook in the window's code)."""
    action = QAction("Open &Batch Results…", window)
    action.setObjectName("openBatchResults")
    action.setShortcut(QKeySequence("Ctrl+Shift+B"))
    action.setStatusTip("List the pairs of a batch run (its summary.json), riskiest first")
    action.triggered.connect(lambda: open_batch_results(window))
    file_menu = next((a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File"), None)
    if isinstance(file_menu, QMenu):
        entries = file_menu.actions()
        after = next((i for i, a in enumerate(entries) if a.menu() is not None), 1)  # Open Recent
        before = entries[after + 1] if after + 1 < len(entries) else None
        file_menu.insertAction(before, action) if before is not None else file_menu.addAction(action)
    window.addAction(action)
    return action
