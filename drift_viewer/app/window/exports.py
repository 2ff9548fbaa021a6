"""File > Export HTML Report and Export JSON: ask where, write, and say so (or why not). Three versions
(`drift-viewer A B C`) export as three: the three-version report and JSON, from what the comparison
process sent beside A against C (Prepared.three), so nothing is compared again."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ..._version import __version__


def _save_path(window, title: str, suffix: str, filter_: str) -> str | None:
    stem = Path(window.left_path or "comparison").stem
    start = str(Path(window.left_path or ".").parent / f"{stem}-drift{suffix}")
    path, _ = QFileDialog.getSaveFileName(window, title, start, filter_)
    return path or None


def export_html(window) -> None:
    if window.prepared is None:
        return
    from ...report import write_report
    from ...report.three import write_three_report

    path = _save_path(window, "Export HTML Report", ".html", "HTML files (*.html)")
    if not path:
        return
    comparison, three = window.prepared.comparison, window.prepared.three
    if three is not None:
        _export(window, lambda: write_three_report(comparison, three, path, marks=_marks(window)), path)
    else:
        _export(window, lambda: write_report(comparison, path, marks=_marks(window)), path)


def export_json(window) -> None:
    if window.prepared is None:
        return
    from ...engine.serialize import to_dict

    path = _save_path(window, "Export JSON", ".json", "JSON files (*.json)")
    if not path:
        return

    def write() -> None:
        from ...review.marks import marks_json

        comparison, marks, three = window.prepared.comparison, _marks(window), window.prepared.three
        if three is not None:
            from ...formats.three import summary_to_dict

            data = summary_to_dict(comparison, three, __version__, marks)
        else:
            data = to_dict(comparison, __version__, marks_json(marks, comparison) if marks else None)
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)

    _export(window, write, path)


def _marks(window):
    """The review marks on screen (app/review), or None without any: the outputs are then as before."""
    state = window.review.state
    return state.marks if state is not None and state.marks else None


def _export(window, write, path: str) -> None:
    try:
        write()
    except OSError as exc:
        window.message(QMessageBox.Icon.Warning, f"Cannot write “{Path(path).name}”: {exc.strerror or exc}", path)
        return
    window.statusBar().showMessage(f"Saved {path}", 5000)
