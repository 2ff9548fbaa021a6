"""The command line's side of project files: `compare|report|align PROJECT.drift` read the project's files
with its options, make its edits again and carry its marks; what no longer applies is said on standard
error, one line each, as loading warnings are."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .cliio import say

if TYPE_CHECKING:
    from .engine.model import Comparison
    from .review.marks import Marks

PROJECT_SUFFIX = ".drift"

# The comparison and loading options a project holds itself: given beside a project, they are refused.
_PROJECT_HOLDS = (
    "ignore_case",
    "ignore_punctuation",
    "ignore_typography",
    "ignore_whitespace",
    "language",
    "presegmented",
    "cross_lingual",
    "recall",
    "max_bytes",
    "max_expanded",
    "encoding",
    "keep_boilerplate",
)


def is_project(path: str | None) -> bool:
    return bool(path) and str(path).lower().endswith(PROJECT_SUFFIX)


def check_project_args(args: argparse.Namespace) -> None:
    """One side given: it must be a project, and the options it holds must not be given too."""
    if getattr(args, "right", "") is not None or not hasattr(args, "left"):
        return
    if not is_project(args.left):
        args.parser.error(f"give two files (LEFT RIGHT), or one {PROJECT_SUFFIX} project file")
    given = [name for name in _PROJECT_HOLDS if getattr(args, name, None) != args.parser.get_default(name)]
    if given:
        flag = "--" + given[0].replace("_", "-")
        if given[0] == "cross_lingual":
            flag = "--cross-lingual/--same-language"
        args.parser.error(f"{flag}: a project keeps its own options; open it in the window to change them")


def reviewed(args: argparse.Namespace) -> tuple[Comparison, Marks] | None:
    """The project's comparison with its edits made again, and its marks; None without a project."""
    if args.right is not None:
        return None
    import gc

    gc.disable()  # one command, then exit (cli._compare says why)
    from .review.project import load_project, open_project

    project = load_project(args.left)
    reopened = open_project(project)
    for document in (reopened.comparison.left.document, reopened.comparison.right.document):
        for warning in document.warnings:
            say(f"warning: {document.path}: {warning}")
    for line in reopened.messages():
        say(f"warning: {args.left}: {line}")
    return reopened.comparison, reopened.project.marks


def vecalign_lines(comparison: Comparison) -> str:
    """A reviewed comparison's groups in the `align` command's Vecalign notation (a moved pair once, as
    align_sentences gives it)."""
    from .engine.model import GroupKind

    groups = comparison.groups
    out = []
    for g in groups:
        if g.kind is GroupKind.MOVED and not g.left:
            continue
        right = groups[g.partner].right if g.partner is not None else g.right
        out.append(f"{list(g.left)}:{list(right)}\n")
    return "".join(out)
