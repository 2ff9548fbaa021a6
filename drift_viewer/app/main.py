"""Entry point for the window: `run_app(files, screenshot=None) -> exit status`.

Qt is imported only inside run_app, after the comparison's first child has been started: the child's
start-up and the engine's imports (~0.5 s) then overlap Qt's (~0.7 s) instead of following them."""

from __future__ import annotations

import os
from collections.abc import MutableMapping, Sequence

from .process import spawn


def headless_screenshot_platform(screenshot: str | None, environ: MutableMapping[str, str]) -> None:
    """A screenshot needs no screen: with no display to talk to (no DISPLAY, no WAYLAND_DISPLAY), render
    offscreen instead of letting Qt try xcb and abort. A QT_QPA_PLATFORM the user set is left alone.
    Must run before QApplication is made."""
    if screenshot is None or environ.get("QT_QPA_PLATFORM"):
        return
    if not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        environ["QT_QPA_PLATFORM"] = "offscreen"


def run_app(files: Sequence[str], screenshot: str | None = None) -> int:
    headless_screenshot_platform(screenshot, os.environ)
    first_child = spawn.spawn()
    from .launch import application, build_window, take_screenshot

    app = application()
    if screenshot is None:
        window = build_window(files, first_child=first_child)
        window.show()
        return app.exec()
    return take_screenshot(files, screenshot, first_child=first_child)
