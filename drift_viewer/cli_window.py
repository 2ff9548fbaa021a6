"""`drift-viewer [LEFT RIGHT [THIRD] | PROJECT.drift]`: the window's command line, checked before Qt is
imported, so a wrong argument is one line and not a window that opens on nothing."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .cliio import STDIN, say


def _gui_parser(usage: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="drift-viewer", usage=usage)
    parser.add_argument("files", nargs="*", metavar="FILE", help="LEFT and RIGHT to compare")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window to OUT.png after comparing, then exit"
    )
    return parser


def run_window(argv: Sequence[str], usage: str) -> int:
    """`usage`: the top-level usage (cli.USAGE), which names the window's arguments first."""
    args = _gui_parser(usage).parse_args(argv)
    from .cliproject import is_project

    if len(args.files) not in (0, 2, 3) and not (len(args.files) == 1 and is_project(args.files[0])):
        _gui_parser(usage).error(
            "give two files (LEFT RIGHT), three (A B C), a .drift project, or none to open the bundled sample"
        )
    if STDIN in args.files:
        _gui_parser(usage).error("the window cannot read standard input (-); use drift-viewer compare or report")
    if len(args.files) == 1:  # a project: a bad one is one line here, before Qt starts
        from .review.project import ProjectError, load_project

        try:
            load_project(args.files[0])
        except ProjectError as exc:
            say(str(exc))
            return 2
    from .app.main import run_app

    return run_app(args.files, screenshot=args.screenshot)
