"""Entry point for the window: `run_app(files, screenshot=None) -> exit status`.

Qt is imported only inside run_app, after the comparison's first child has been started: the child's
start-up and the engine's imports (~0.5 s) then overlap Qt's (~0.7 s) instead of following them."""

from __future__ import annotations

from collections.abc import Sequence

from .process import spawn


def run_app(files: Sequence[str], screenshot: str | None = None) -> int:
    first_child = spawn.spawn()
    from .launch import application, build_window, take_screenshot

    app = application()
    if screenshot is None:
        window = build_window(files, first_child=first_child)
        window.show()
        return app.exec()
    return take_screenshot(files, screenshot, first_child=first_child)
