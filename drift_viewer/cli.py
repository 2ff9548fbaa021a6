"""The `drift-viewer` command. Heavy modules (Qt, the engine) are imported only by the command that
needs them, so `--help` answers at once.

Exit status follows diff(1): 0 no differences, 1 differences, 2 trouble.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Sequence

from ._version import __version__
from .engine.model import DEFAULT_MAX_BYTES

COMMANDS = ("compare", "align", "report")

USAGE = """\
drift-viewer [LEFT RIGHT] [--screenshot OUT.png]   open the window (no files: the bundled sample)
drift-viewer compare LEFT RIGHT [--format text|json] [-o FILE] [options]
drift-viewer report LEFT RIGHT -o REPORT.html [options]
drift-viewer align LEFT RIGHT --presegmented"""


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("left", help="the original (left) file")
    parser.add_argument("right", help="the other version (right) file")
    parser.add_argument("--ignore-case", action="store_true", help="treat case-only changes as equal")
    parser.add_argument("--ignore-punctuation", action="store_true", help="treat punctuation-only changes as equal")
    parser.add_argument("--ignore-typography", action="store_true", help="treat quote, dash and space styles as equal")
    parser.add_argument("--ignore-whitespace", action="store_true", help="treat whitespace changes as equal")
    parser.add_argument(
        "--language", metavar="CODE", help="language for sentence rules (en, de, fr, ...); default: detect"
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
        "--max-bytes",
        type=int,
        default=DEFAULT_MAX_BYTES,
        metavar="N",
        help="refuse files larger than this, or whose text (a .docx unzipped, HTML entities expanded) is",
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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drift-viewer",
        usage=USAGE,
        description="Show how a text drifted between two versions: aligned sentences, word changes and their kinds.",
        epilog="Exit status: 0 no differences, 1 differences, 2 trouble.",
    )
    parser.add_argument("--version", action="version", version=f"drift-viewer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    compare = sub.add_parser("compare", help="print the comparison as text or JSON")
    _add_options(compare)
    compare.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="csv: the fact table, one fact a row"
    )
    compare.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    compare.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    report = sub.add_parser("report", help="write a self-contained HTML report")
    _add_options(report)
    report.add_argument("-o", "--output", metavar="FILE", required=True, help="the .html file to write")
    align = sub.add_parser("align", help="print sentence alignment groups in Vecalign notation")
    _add_options(align)
    align.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="drift-viewer", usage=USAGE)
    parser.add_argument("files", nargs="*", metavar="FILE", help="LEFT and RIGHT to compare")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window to OUT.png after comparing, then exit"
    )
    return parser


def _options(args: argparse.Namespace) -> dict:
    return {
        "ignore_case": args.ignore_case,
        "ignore_punctuation": args.ignore_punctuation,
        "ignore_typography": args.ignore_typography,
        "ignore_whitespace": args.ignore_whitespace,
        "language": args.language,
        "presegmented": args.presegmented,
        "max_bytes": args.max_bytes,
        "cross_lingual": args.cross_lingual,
    }


class OutputError(Exception):
    """The output could not be written; the message names the path the user gave."""

    def __init__(self, output: str, exc: OSError) -> None:
        super().__init__(f"{output}: cannot be written ({exc.strerror or exc})")


def _say(message: str) -> None:
    """One line on stderr. A file name that is not valid UTF-8 is written back as the bytes it was."""
    line = f"drift-viewer: {message}\n"
    buffer = getattr(sys.stderr, "buffer", None)
    if buffer is None:
        sys.stderr.write(line)
        return
    sys.stderr.flush()
    buffer.write(line.encode(sys.stderr.encoding or "utf-8", "surrogateescape"))
    buffer.flush()


def _check_output(output: str | None) -> None:
    """Before any work: -o must not name a folder, and its folder must exist."""
    if output is None:
        return
    if os.path.isdir(output):
        raise OutputError(output, IsADirectoryError(0, "it is a folder; give a file name"))
    parent = os.path.dirname(output) or "."
    if not os.path.isdir(parent):
        raise OutputError(output, FileNotFoundError(0, "no such folder"))


def _write(text: str, output: str | None) -> None:
    # surrogateescape: a file name that is not valid UTF-8 goes out as the bytes it was (JSON escapes it).
    data = text.encode("utf-8", "surrogateescape")
    if output is None:
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:
            sys.stdout.write(data.decode("utf-8", "replace"))
        else:
            sys.stdout.flush()
            buffer.write(data)
            buffer.flush()
        return
    try:
        mode = os.stat(output).st_mode
    except OSError:
        mode = 0
    try:
        if mode and not stat.S_ISREG(mode):  # a device or pipe (/dev/stdout, a FIFO): written in place
            with open(output, "wb") as fh:
                fh.write(data)
            return
        target = os.path.abspath(output)
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=os.path.dirname(target))
    except OSError as exc:
        raise OutputError(output, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)  # never leave a half-written file under the user's name
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(output, exc) from None
        raise


def _load(args: argparse.Namespace, path: str):  # -> Document
    from .engine.load import load_file

    document = load_file(path, max_bytes=args.max_bytes, max_expanded=args.max_expanded, encoding=args.encoding)
    for warning in document.warnings:
        _say(f"warning: {path}: {warning}")
    return document


def _run(args: argparse.Namespace) -> int:
    from .engine.model import Options
    from .engine.pipeline import align_sentences, compare_documents

    _check_output(args.output)
    if args.command == "align":
        from .engine.segment import segment, segment_lines

        split = segment_lines if args.presegmented else (lambda t: segment(t, args.language))
        left = [s.text for s in split(_load(args, args.left).text)]
        right = [s.text for s in split(_load(args, args.right).text)]
        groups = align_sentences(left, right, cross_lingual=args.cross_lingual, language=args.language)
        _write("".join(f"{list(a)}:{list(b)}\n" for a, b in groups), args.output)
        return 0 if all(a and b for a, b in groups) and len(left) == len(right) and left == right else 1

    left_doc, right_doc = _load(args, args.left), _load(args, args.right)
    comparison = compare_documents(left_doc, right_doc, Options(**_options(args)))
    if args.command == "report":
        from .report import write_report

        try:
            write_report(comparison, args.output)
        except OSError as exc:
            raise OutputError(args.output, exc) from None
    elif args.format == "json":
        from .engine.serialize import to_json

        _write(to_json(comparison, __version__), args.output)
    elif args.format == "csv":
        from .engine.serialize import to_csv

        _write(to_csv(comparison), args.output)
    else:
        from .textout import render_text

        color = args.color == "always" or (args.color == "auto" and args.output is None and sys.stdout.isatty())
        _write(render_text(comparison, color=color), args.output)
    return 0 if comparison.identical else 1


def main(argv: Sequence[str] | None = None) -> int:
    # The aligner's matrix products are small; BLAS thread pools only contend with each other and with the
    # GUI on a loaded 2-core machine (measured 17x slower). Must be set before numpy is first imported.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        args = _parser().parse_args(argv)
        if args.command is None:
            _parser().print_help()
            return 0
        from .engine.errors import DriftError

        if args.encoding is not None:
            import codecs

            try:
                codecs.lookup(args.encoding)
            except LookupError:
                _say(f"--encoding {args.encoding}: no such encoding")
                return 2
        try:
            return _run(args)
        except (DriftError, OutputError) as exc:
            _say(str(exc))
            return 2
        except OSError as exc:
            _say(f"{exc.filename or args.output or ''}: {exc.strerror or exc}")
            return 2
        except KeyboardInterrupt:
            return 2
    args = _gui_parser().parse_args(argv)
    if len(args.files) not in (0, 2):
        _gui_parser().error("give two files (LEFT RIGHT), or none to open the bundled sample")
    from .app.main import run_app

    return run_app(args.files, screenshot=args.screenshot)
