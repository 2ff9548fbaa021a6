"""Screenshot helper for tests and docs: the window's --screenshot, optionally under a dark palette.

    QT_QPA_PLATFORM=offscreen python tests/app/shots.py LEFT RIGHT OUT.png [--dark]
    (QT_SCALE_FACTOR=2 for a 200% screen)

`render` runs it in a subprocess, since the scale factor and palette are fixed when Qt starts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DARK = {"Window": "#202124", "WindowText": "#e8eaed", "Base": "#17181a", "AlternateBase": "#222327",
        "Text": "#e8eaed", "Button": "#2a2b2e", "ButtonText": "#e8eaed", "Highlight": "#3d6fb4",
        "HighlightedText": "#ffffff", "Mid": "#55585e", "Link": "#8ab4f8", "ToolTipBase": "#2a2b2e",
        "ToolTipText": "#e8eaed", "PlaceholderText": "#9aa0a6"}  # fmt: skip


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, color in DARK.items():
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(color))
    return palette


def render(left, right, out, *, dark: bool = False, scale: float | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("QT_SCALE_FACTOR", None)
    if scale is not None:
        env["QT_SCALE_FACTOR"] = str(scale)
    args = [sys.executable, __file__, str(left), str(right), str(out)] + (["--dark"] if dark else [])
    return subprocess.run(args, capture_output=True, text=True, timeout=180, env=env)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    from drift_viewer.app.launch import application, take_screenshot

    app = application()
    if "--dark" in argv:
        app.setStyle("Fusion")  # the platform style may ignore a palette; Fusion draws with it
        app.setPalette(dark_palette())
    left, right, out = (a for a in argv if not a.startswith("--"))
    return take_screenshot([left, right], out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
