"""`drift-viewer compare A B C` and `report A B C`: three versions aligned through the middle one
(engine/triple.py), written as text or JSON (formats/three.py) or as the HTML report (report/three.py).
cli.py hands over here when a third file is given, or a project holding three versions."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ._version import __version__
from .cliio import STDIN, OutputError, say, write

THREE_FORMATS = ("text", "json")


def run_three(args: argparse.Namespace, load: Callable, options: Callable, command: str) -> int | None:
    """`compare` or `report` of three versions: given as A B C, or as a project that holds them; None for
    anything else (cli.py goes on with a pair). `load(args, path, side)` reads one file as cli.py does,
    `options(args)` gives the engine's Options."""
    if args.third is None and not _three_project(args):
        return None
    if command == "compare" and args.format not in THREE_FORMATS:
        args.parser.error(f"three versions are written as --format text or json, not {args.format}")
    import gc

    gc.disable()  # one command, then exit (as cli._compare)
    triple, marks = _three(args, load, options)
    if command == "report":
        return _report(args, triple, marks)
    from .formats.three import render_three_text, three_to_json

    if args.format == "json":
        text = three_to_json(triple, __version__, marks)
    else:
        color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty())
        text = render_three_text(triple, color=color)
    write(text, args.output)
    return 0 if triple.identical else 1


def _three_project(args: argparse.Namespace) -> bool:
    from .cliproject import is_project

    if args.right is not None or not is_project(args.left):
        return False
    from .review.project import load_project

    args.project = load_project(args.left)  # a bad one: one line (cli.main catches DriftError)
    return args.project.middle is not None


def _three(args: argparse.Namespace, load: Callable, options: Callable):  # -> (Triple, Marks | None)
    if args.third is None:  # a project (_three_project)
        from .review.project import open_three

        reopened = open_three(args.project)
        for document in (reopened.triple.ab.left.document, reopened.triple.ab.right.document):
            for warning in document.warnings:
                say(f"warning: {document.path}: {warning}")
        for warning in reopened.triple.ac.right.document.warnings:
            say(f"warning: {reopened.triple.ac.right.document.path}: {warning}")
        for line in reopened.messages():
            say(f"warning: {args.left}: {line}")
        return reopened.triple, reopened.project.marks or None
    if [args.left, args.right, args.third].count(STDIN) > 1:
        args.parser.error("only one version can be - (standard input); give the others as files")
    from .engine.triple import compare_three

    a, b, c = (
        load(args, path, side) for path, side in ((args.left, "first"), (args.right, "middle"), (args.third, "third"))
    )
    return compare_three(a, b, c, options(args)), None


def _report(args: argparse.Namespace, triple, marks) -> int:
    from .engine.triple import summarize
    from .report.three import render_three_report, write_three_report

    summary = summarize(triple)
    if args.output is None:
        write(render_three_report(triple.ac, summary, title=args.title, marks=marks), None)
    else:
        try:
            write_three_report(triple.ac, summary, args.output, title=args.title, marks=marks)
        except OSError as exc:
            raise OutputError(args.output, exc) from None
    return 0 if triple.identical else 1


def three_too(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "third",
        nargs="?",
        metavar="THIRD",
        help="a third version (LEFT the original, RIGHT its translation, THIRD the back-translation): "
        "A beside C with the drift of the round trip, B beneath each row, the facts across all three",
    )


def two_only(parser: argparse.ArgumentParser) -> None:
    """A third file is taken (and refused in words, by refuse_third) rather than left to argparse's
    'unrecognized arguments', which says nothing of why or what to do instead."""
    parser.add_argument("third", nargs="?", help=argparse.SUPPRESS)


def refuse_third(args: argparse.Namespace) -> None:
    if getattr(args, "third", None) is not None:
        args.parser.error(
            f"{args.command} takes two versions (LEFT RIGHT); for three use 'drift-viewer compare A B C' "
            "(--format text or json) or 'drift-viewer report A B C -o REPORT.html', or open them in the window: "
            "drift-viewer A B C"
        )
