"""main.run_app's start-up order: the comparison child is started before Qt is imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from drift_viewer.app import main
from drift_viewer.app.launch import SCREENSHOT_SIZE

ROOT = Path(__file__).resolve().parents[2]


def test_the_first_child_starts_before_qt_is_imported():
    code = (
        "import sys\n"
        "from drift_viewer.app import main\n"
        "from drift_viewer.app.process import spawn\n"
        "seen = []\n"
        "def spawn_and_look():\n"
        "    seen.append(any(m.startswith('PySide6') for m in sys.modules))\n"
        "    raise SystemExit(0)\n"
        "spawn.spawn = spawn_and_look\n"
        "try:\n"
        "    main.run_app([])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[False]"


def _without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_a_screenshot_without_a_display_renders_offscreen(sample_pair, tmp_path):
    out = tmp_path / "headless.png"
    args = [sys.executable, "-m", "drift_viewer", *map(str, sample_pair), "--screenshot", str(out)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=180, env=_without_display())
    assert done.returncode == 0, done.stderr  # was 134: Qt tried xcb ("xcb-cursor0 is needed") and aborted
    assert "xcb" not in done.stderr
    assert QImage(str(out)).width() == SCREENSHOT_SIZE[0]


def test_the_platform_is_chosen_only_for_a_screenshot_without_a_display_or_a_users_choice():
    cases = [
        ("out.png", {}, "offscreen"),
        ("out.png", {"DISPLAY": ":0"}, None),
        ("out.png", {"WAYLAND_DISPLAY": "wayland-0"}, None),
        ("out.png", {"QT_QPA_PLATFORM": "minimal"}, "minimal"),
        (None, {}, None),  # the window itself: no display is Qt's error to report
    ]
    for screenshot, environ, platform in cases:
        main.headless_screenshot_platform(screenshot, environ)
        assert environ.get("QT_QPA_PLATFORM") == platform, (screenshot, environ)
