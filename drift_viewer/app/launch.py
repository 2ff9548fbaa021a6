"""Opening the window (`build_window`) or rendering it to a PNG (`take_screenshot`); `main.run_app` calls these."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

import drift_viewer

from .process.protocol import Failure
from .window.main_window import MainWindow

SCREENSHOT_SIZE = (1400, 900)
SCREENSHOT_TIMEOUT_MS = 120_000


def sample_pair() -> tuple[Path, Path]:
    samples = Path(drift_viewer.__file__).parent.parent / "resources" / "samples"
    return samples / "original.txt", samples / "rewrite.txt"


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("drift-viewer")
        app.setOrganizationName("drift-viewer")
        app.setApplicationVersion(drift_viewer.__version__)
    return app  # type: ignore[return-value]


def build_window(
    files: Sequence[str], quiet: bool = False, first_child: subprocess.Popen[bytes] | None = None
) -> MainWindow:
    """The window comparing `files` (LEFT, RIGHT; A, B, C for three versions; PROJECT.drift; none: the
    bundled sample), its first comparison started."""
    window = MainWindow(quiet=quiet, first_child=first_child)
    if len(files) == 1:  # a project: its files, options, edits and marks (app/review/project_actions.py)
        if not window.review.projects.open_path(files[0]):
            window.summary_label.setText("Open a project (File > Open Project…) or two files to compare.")
        return window
    left, right = (files[0], files[1]) if files else sample_pair()
    window.open_pair(left, right, str(files[2]) if len(files) == 3 else None)
    return window


def take_screenshot(files: Sequence[str], out: str, first_child: subprocess.Popen[bytes] | None = None) -> int:
    """Compare, render the window offscreen once the result is on screen, save a PNG: 0, or 2 on trouble."""
    window = build_window(files, quiet=True, first_child=first_child)
    window.resize(*SCREENSHOT_SIZE)
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def done(result: object) -> None:
        outcome.setdefault("result", result)
        loop.quit()

    window.comparison_ready.connect(lambda: done(None))
    window.comparison_failed.connect(done)
    window.runner.cancelled.connect(lambda: done(Failure("the comparison was cancelled")))
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: done(Failure("timed out waiting for the comparison")))
    window.show()
    if "result" not in outcome:
        loop.exec()
    try:
        failure = outcome.get("result")
        if isinstance(failure, Failure):
            where = f"{failure.path}: " if failure.path else ""
            print(f"drift-viewer: {where}{failure.message}", file=sys.stderr)
            return 2
        for _ in range(3):  # let the lazy row fitting and the dock layout settle before grabbing
            QApplication.processEvents()
            window.view.fit_visible_rows()
        if not window.grab().save(out, "PNG"):
            print(f"drift-viewer: cannot write the screenshot to {out}", file=sys.stderr)
            return 2
        return 0
    finally:
        window.runner.shutdown()
        window.runner.wait(5000)
        window.close()
        window.deleteLater()
