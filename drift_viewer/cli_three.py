"""`drift-viewer compare A B C`: three versions aligned through the middle one (engine/triple.py),
written as text or JSON (formats/three.py). cli.py hands over here when a third file is given."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ._version import __version__
from .cliio import STDIN, write

THREE_FORMATS = ("text", "json")


def run_compare_three(args: argparse.Namespace, load: Callable, options) -> int:
    """`load(args, path, side)` reads one file as cli.py does; `options` the engine's Options."""
    if args.format not in THREE_FORMATS:
        args.parser.error(f"three versions are written as --format text or json, not {args.format}")
    if [args.left, args.right, args.third].count(STDIN) > 1:
        args.parser.error("only one version can be - (standard input); give the others as files")
    import gc

    gc.disable()  # one command, then exit (as cli._compare)
    from .engine.triple import compare_three
    from .formats.three import render_three_text, three_to_json

    a, b, c = (
        load(args, path, side) for path, side in ((args.left, "first"), (args.right, "middle"), (args.third, "third"))
    )
    triple = compare_three(a, b, c, options)
    if args.format == "json":
        text = three_to_json(triple, __version__)
    else:
        color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty())
        text = render_three_text(triple, color=color)
    write(text, args.output)
    return 0 if triple.identical else 1


def two_only(parser: argparse.ArgumentParser) -> None:
    """A third file is taken (and refused in words, by refuse_third) rather than left to argparse's
    'unrecognized arguments', which says nothing of why or what to do instead."""
    parser.add_argument("third", nargs="?", help=argparse.SUPPRESS)


def refuse_third(args: argparse.Namespace) -> None:
    if getattr(args, "third", None) is not None:
        args.parser.error(
            f"{args.command} takes two versions (LEFT RIGHT); for three use "
            "'drift-viewer compare A B C' (--format text or json), or open them in the window: drift-viewer A B C"
        )
