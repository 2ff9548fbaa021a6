"""The `drift-viewer` command. Heavy modules (Qt, the engine) are imported only by the command that
needs them, so `--help` answers at once.

Each subcommand is a `Command`: its usage line, how it adds its options, and how it runs. COMMANDS lists
them; a new one is a builder and a runner added there.

Exit status follows diff(1): 0 no differences, 1 differences, 2 trouble.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ._version import __version__
from .cli_three import refuse_third, run_three, three_too, two_only
from .cliio import STDIN, STDIN_NAME, OutputError, check_output, compare_format, read_stdin, say, write
from .engine.model import DEFAULT_MAX_BYTES

FORMATS = ("text", "json", "csv", "md", "facts")
ALIGN_FORMATS = ("vecalign", "tmx", "tsv")

USAGE = """\
drift-viewer [LEFT RIGHT [THIRD] | PROJECT.drift] [--screenshot OUT.png]   the window (none: the sample)
drift-viewer compare LEFT RIGHT [--format text|json|csv|md|facts] [-o FILE] [options]
drift-viewer compare A B C [--format text|json]   original, translation, back-translation: A against C through B
drift-viewer report LEFT RIGHT [THIRD] -o REPORT.html [--title TEXT] [options]
drift-viewer align LEFT RIGHT [--format vecalign|tmx|tsv] [--presegmented] [-o FILE] [options]
drift-viewer batch SOURCES_DIR COPIES_DIR -o OUT_DIR [--workers N] [--dask ADDRESS|local]
(LEFT or RIGHT may be - for standard input; compare, report and align take a PROJECT.drift instead of
LEFT RIGHT: its files, options, alignment edits and review marks)"""


def _language(given: str) -> str:
    """argparse type for --language: the supported code it names, or an error listing them all."""
    from .engine.segment.language import SUPPORTED, language_code

    code = language_code(given)
    if code is None:
        raise argparse.ArgumentTypeError(
            f"{given!r} is not a language drift-viewer has rules for; give one of {', '.join(SUPPORTED)}, "
            "or leave --language out to detect it"
        )
    return code


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("left", metavar="LEFT", help="the original (left) file; - reads standard input")
    parser.add_argument(
        "right",
        metavar="RIGHT",
        nargs="?",
        help="the other version (right) file; - reads standard input. Leave it out when LEFT is a .drift project",
    )
    parser.add_argument("--ignore-case", action="store_true", help="treat case-only changes as equal")
    parser.add_argument("--ignore-punctuation", action="store_true", help="treat punctuation-only changes as equal")
    parser.add_argument("--ignore-typography", action="store_true", help="treat quote, dash and space styles as equal")
    parser.add_argument("--ignore-whitespace", action="store_true", help="treat whitespace changes as equal")
    parser.add_argument(
        "--language",
        type=_language,
        metavar="CODE",
        help="language of both texts, an ISO 639-1 code (en, de, fr, ...; a wrong one lists them); default: detect",
    )
    parser.add_argument("--presegmented", action="store_true", help="inputs have one sentence a line")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--cross-lingual",
        dest="cross_lingual",
        action="store_const",
        const=True,
        help="the right file translates the left: align by meaning and check facts (default: when languages differ)",
    )
    mode.add_argument(
        "--same-language",
        dest="cross_lingual",
        action="store_const",
        const=False,
        help="compare word by word even if the two files' languages differ",
    )
    parser.add_argument(
        "--recall",
        action="store_true",
        help="link every sentence pair the aligner finds, even unsure ones (default: an unsure sentence stays unlinked)",
    )
    parser.add_argument(
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse files larger than N bytes, or whose text (a .docx unzipped, HTML entities expanded) is "
        f"larger (default: {DEFAULT_MAX_BYTES // 1_000_000} MB)",
    )
    parser.add_argument(
        "--max-expanded",
        type=int,
        metavar="N",
        help="refuse a .docx whose XML unzips to more than N bytes (default: 20 x --max-bytes)",
    )
    parser.add_argument(
        "--encoding", metavar="NAME", help="read both files in this encoding (cp1252, koi8-r, ...); default: detect"
    )
    parser.add_argument(
        "--keep-boilerplate",
        action="store_true",
        help="compare a web page's menus, footers and share bars too (default: its main text only)",
    )


def _output(parser: argparse.ArgumentParser, what: str, required: bool = False) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", required=required, help=f"{what}; - is standard output")


def _compare_options(parser: argparse.ArgumentParser) -> None:
    _add_options(parser)
    parser.add_argument(
        "third",
        nargs="?",
        metavar="THIRD",
        help="a third version (LEFT the original, RIGHT its translation, THIRD the back-translation): "
        "aligned through RIGHT, the words of LEFT against THIRD, the facts across all three",
    )
    parser.add_argument(
        "--format",
        type=compare_format,
        choices=FORMATS,
        default="text",
        help="text (inline marks), json (all data, 0-based indices), csv (one line per change), "
        "md (a Markdown summary to paste), facts (the fact table as CSV: every name, number, date and "
        "quotation with its counterpart); default: text",
    )
    _output(parser, "write to FILE instead of standard output")
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (auto: on a terminal)",
    )
    parser.add_argument("--title", metavar="TEXT", help="the Markdown summary's heading (with --format md)")


def _report_options(parser: argparse.ArgumentParser) -> None:
    _add_options(parser)
    three_too(parser)
    _output(parser, "the .html file to write", required=True)
    parser.add_argument("--title", metavar="TEXT", help="the report's title (default: Drift report)")


def _align_options(parser: argparse.ArgumentParser) -> None:
    _add_options(parser)
    two_only(parser)
    parser.add_argument(
        "--format",
        choices=ALIGN_FORMATS,
        default="vecalign",
        help="vecalign (groups of 0-based sentence indices, [0, 1]:[0]), tmx (TMX 1.4b translation memory, "
        "one <tu> per linked pair, languages detected or --language), tsv (a bitext: left TAB right, one "
        "line per group); default: vecalign",
    )
    _output(parser, "write to FILE instead of standard output")


def _options(args: argparse.Namespace):  # -> Options
    from .engine.model import Options

    return Options(
        ignore_case=args.ignore_case,
        ignore_punctuation=args.ignore_punctuation,
        ignore_typography=args.ignore_typography,
        ignore_whitespace=args.ignore_whitespace,
        language=args.language,
        presegmented=args.presegmented,
        recall=args.recall,
        max_bytes=args.max_bytes,
        cross_lingual=args.cross_lingual,
    )


def _how_to_load(args: argparse.Namespace) -> dict:
    """The keywords load_file and load_bytes both take: a file and standard input are read alike."""
    return {
        "max_bytes": args.max_bytes,
        "max_expanded": args.max_expanded,
        "encoding": args.encoding,
        "keep_boilerplate": args.keep_boilerplate,
    }


def _load(args: argparse.Namespace, path: str, side: str):  # -> Document
    from .engine.load import load_bytes, load_file

    if path == STDIN:
        document = load_bytes(read_stdin(args.max_bytes, side), STDIN_NAME, **_how_to_load(args))
    else:
        document = load_file(path, **_how_to_load(args))
    for warning in document.warnings:
        say(f"warning: {document.name if path == STDIN else path}: {warning}")
    return document


def _compare(args: argparse.Namespace):  # -> (Comparison, Marks | None)
    """The comparison to write, and its review marks when it comes from a project."""
    from .cliproject import reviewed

    found = reviewed(args)
    if found is not None:
        return found
    import gc

    # One command, then exit: the cyclic collector would only walk a book's million acyclic objects,
    # once more when the engine turns it back on (0.3 s on the New Testament).
    gc.disable()
    from .engine.pipeline import compare_documents

    left, right = _load(args, args.left, "left"), _load(args, args.right, "right")
    return compare_documents(left, right, _options(args)), None


def _run_align(args: argparse.Namespace) -> int:
    refuse_third(args)
    if args.format != "vecalign" or args.right is None:  # a bitext, or a project's edited groups
        comparison, marks = _compare(args)
        if args.format == "tmx":
            from .formats.tmx import to_tmx

            text = to_tmx(comparison, marks)
        elif args.format == "tsv":
            from .formats.tsv import to_tsv

            text = to_tsv(comparison)
        else:
            from .cliproject import vecalign_lines

            text = vecalign_lines(comparison)
        write(text, args.output)
        return 0 if comparison.identical else 1
    from .engine.pipeline import align_sentences
    from .engine.segment import segment, segment_lines

    split = segment_lines if args.presegmented else (lambda t: segment(t, args.language))
    left = [s.text for s in split(_load(args, args.left, "left").text)]
    right = [s.text for s in split(_load(args, args.right, "right").text)]
    notes: list[str] = []
    groups = align_sentences(
        left, right, recall=args.recall, cross_lingual=args.cross_lingual, language=args.language, notes=notes
    )
    for note in notes:
        say(f"warning: {note}")
    # Vecalign's notation, 0-based like its tools: "[0, 1]:[0]".
    write("".join(f"{list(a)}:{list(b)}\n" for a, b in groups), args.output)
    return 0 if all(a and b for a, b in groups) and len(left) == len(right) and left == right else 1


def _run_report(args: argparse.Namespace) -> int:
    if (three := run_three(args, _load, _options, "report")) is not None:
        return three
    from .report import render_report, write_report

    comparison, marks = _compare(args)
    if args.output is None:
        write(render_report(comparison, title=args.title, marks=marks), None)
    else:
        try:
            write_report(comparison, args.output, title=args.title, marks=marks)
        except OSError as exc:
            raise OutputError(args.output, exc) from None
    return 0 if comparison.identical else 1


def _run_compare(args: argparse.Namespace) -> int:
    if (three := run_three(args, _load, _options, "compare")) is not None:
        return three
    comparison, marks = _compare(args)
    if args.format == "json":
        from .engine.serialize import to_json

        if marks is None:
            text = to_json(comparison, __version__)
        else:
            from .review.marks import marks_json

            text = to_json(comparison, __version__, marks_json(marks, comparison))
    elif args.format == "csv":
        from .formats.csvout import render_csv

        text = render_csv(comparison, marks)
    elif args.format == "facts":
        from .formats.csvout import render_facts_csv

        text = render_facts_csv(comparison)
    elif args.format == "md":
        from .formats.mdout import render_markdown

        text = render_markdown(comparison, title=args.title, marks=marks)
    else:
        from .formats.textout import render_text

        color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty())
        text = render_text(comparison, color=color, marks=marks)
    write(text, args.output)
    return 0 if comparison.identical else 1


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    usage: str  # after "drift-viewer NAME "
    add_options: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {
    c.name: c
    for c in (
        Command(
            "compare",
            "print the comparison as text, JSON, CSV or Markdown",
            "LEFT RIGHT [THIRD] [--format text|json|csv|md|facts] [-o FILE] [--title TEXT] [options]",
            _compare_options,
            _run_compare,
        ),
        Command(
            "report",
            "write a self-contained HTML report",
            "LEFT RIGHT [THIRD] -o REPORT.html [--title TEXT] [options]",
            _report_options,
            _run_report,
        ),
        Command(
            "align",
            "print sentence alignment groups (Vecalign notation, 0-based), a TMX or a TSV bitext",
            "LEFT RIGHT [--format vecalign|tmx|tsv] [--presegmented] [-o FILE] [options]",
            _align_options,
            _run_align,
        ),
    )
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drift-viewer",
        usage=USAGE,
        description="Show how a text drifted between two versions: aligned sentences, word changes and their kinds.",
        epilog="Exit status: 0 no differences, 1 differences, 2 trouble.",
    )
    parser.add_argument("--version", action="version", version=f"drift-viewer {__version__}")
    # prog= here, or each subcommand's usage starts with the whole top-level usage above.
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", prog="drift-viewer")
    for command in COMMANDS.values():
        child = sub.add_parser(
            command.name,
            help=command.help,
            description=command.help[0].upper() + command.help[1:] + ".",
            usage=f"drift-viewer {command.name} {command.usage}",
            epilog="LEFT or RIGHT may be - for standard input. "
            "Exit status: 0 no differences, 1 differences, 2 trouble.",
        )
        command.add_options(child)
        child.set_defaults(parser=child)
    # Listed here for --help only: main() hands "batch" to its own parser (batch/command.py) first.
    sub.add_parser("batch", help="compare every copy in a folder with its source in another: reports and summaries")
    return parser


def _checked(args: argparse.Namespace) -> argparse.Namespace:
    """What argparse cannot see in a command line: both sides on standard input. Exits 2 as it does.
    (getattr: a command need not take two sides or an output.)"""
    if getattr(args, "left", None) == STDIN and getattr(args, "right", None) == STDIN:
        args.parser.error("only one side can be - (standard input); give the other as a file")
    if getattr(args, "output", None) == STDIN:
        args.output = None
    from .cliproject import check_project_args

    check_project_args(args)
    if args.command == "compare" and args.title is not None and args.format != "md":
        args.parser.error("--title is for --format md (and for the report)")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    # The aligner's matrix products are small; BLAS thread pools only contend with each other and with the
    # GUI on a loaded 2-core machine (measured 17x slower). Must be set before numpy is first imported.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "batch":  # its own parser and options: drift_viewer/batch/command.py
        from .batch.command import main as batch_main

        return batch_main(argv[1:])
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        # parse_known_args: a stray word is then the subcommand's error, under its own usage line
        # (parse_args reports it from the top-level parser, under the top-level usage).
        args, extra = _parser().parse_known_args(argv)
        if args.command is None:
            _parser().print_help()
            return 0
        if extra:
            args.parser.error(f"unrecognized arguments: {' '.join(extra)}")
        args = _checked(args)
        from .engine.errors import DriftError

        if getattr(args, "encoding", None) is not None:
            import codecs

            try:
                codecs.lookup(args.encoding)
            except LookupError:
                say(f"--encoding {args.encoding}: no such encoding")
                return 2
        try:
            check_output(getattr(args, "output", None))
            return COMMANDS[args.command].run(args)
        except (DriftError, OutputError) as exc:
            say(str(exc))
            return 2
        except OSError as exc:
            say(f"{exc.filename or getattr(args, 'output', None) or ''}: {exc.strerror or exc}")
            return 2
        except KeyboardInterrupt:
            return 2
    from .cli_window import run_window

    return run_window(argv, USAGE)
