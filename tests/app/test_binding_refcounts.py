"""Regression guard for the PySide6 6.12.0 binding bug that made the window abort.

That release returned None/True/False from C++ calls without adding a reference; on Python 3.11 (where
these objects are not immortal) a few thousand paints later Python died with "Fatal Python error:
deallocating None". pyproject.toml pins PySide6 below 6.12; this test fails on any build with the bug,
so a future unpin cannot bring it back silently. It runs in a subprocess because the failure is an abort.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 20_000

_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter, QTextLayout

    app = QGuiApplication([])
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    layout = QTextLayout("Haines and Haynes", QFont())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(60)
    layout.endLayout()

    def counts():
        return [sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)]

    before = counts()
    for _ in range(CALLS):
        painter.save()  # returns None from a void C++ method
        painter.restore()
        layout.draw(painter, QPointF(0, 0))
        painter.isActive()  # returns True from a bool C++ method
        layout.isValidCursorPosition(1000)  # returns False
    after = counts()
    painter.end()
    print(json.dumps({"before": before, "after": after}))
    """
).replace("CALLS", str(CALLS))


def test_none_true_false_keep_their_references_through_qt_calls():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, f"Qt calls crashed the interpreter (PySide6 refcount bug?):\n{done.stderr[-2000:]}"
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    # A leaked reference per call would show as a drop of at least CALLS; allow for ordinary churn.
    for name, before, after in zip(("None", "True", "False"), counts["before"], counts["after"], strict=True):
        assert after >= before - 100, f"{name} lost {before - after} references over {CALLS} Qt calls"
