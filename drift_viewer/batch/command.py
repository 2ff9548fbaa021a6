"""`drift-viewer batch SOURCES_DIR COPIES_DIR -o OUT_DIR [--workers N] [--dask ADDRESS|local]`: the
command line of batch mode, called by drift_viewer.cli. Exit status: 0 every copy is its source, 1 some
copy differs or has no source, 2 trouble (a file that could not be read, a stop, bad arguments)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

USAGE = "drift-viewer batch SOURCES_DIR COPIES_DIR -o OUT_DIR [--workers N] [--dask ADDRESS|local]"


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="drift-viewer batch",
        usage=USAGE,
        description="Find each copy's source among SOURCES_DIR and compare them: a report per pair, "
        "summary.json, summary.csv and index.html in OUT_DIR. A rerun skips the pairs already done.",
        epilog="Exit status: 0 every copy is its source, 1 some copy differs or has no source, 2 trouble.",
    )
    p.add_argument(
        "sources", metavar="SOURCES_DIR", help="folder of originals (.txt, .md, .html, .docx), searched recursively"
    )
    p.add_argument("copies", metavar="COPIES_DIR", help="folder of suspected copies, searched recursively")
    p.add_argument("-o", "--output", metavar="OUT_DIR", required=True, help="folder for the reports and summaries")
    p.add_argument("--workers", type=_positive, metavar="N", help="worker processes (default: the number of cores)")
    p.add_argument(
        "--dask",
        metavar="ADDRESS|local",
        help="run on Dask distributed: 'local' starts a cluster on this machine, tcp://HOST:PORT uses a running scheduler",
    )
    p.add_argument("--max-bytes", type=_positive, metavar="N", help="refuse files larger than this")
    return p


def main(argv: Sequence[str]) -> int:
    args = parser().parse_args(list(argv))
    from ..engine.model import DEFAULT_MAX_BYTES
    from .runner import BatchConfig, BatchError, run_batch

    config = BatchConfig(
        args.sources,
        args.copies,
        args.output,
        workers=args.workers,
        dask=args.dask,
        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES,
    )
    try:
        result = run_batch(config)
    except BatchError as exc:
        _say(str(exc))
        return 2
    except KeyboardInterrupt:  # before the workers started (listing folders, starting a cluster)
        _say("stopped before any pair was compared")
        return 2
    except OSError as exc:
        # A Dask scheduler that does not answer raises OSError (a TimeoutError) from Client().
        _say(f"{args.dask or args.output}: {exc.strerror or exc}")
        return 2
    if result.interrupted:
        _say(
            f"stopped: {result.stats.compared + result.stats.reused} copies done; run the same command again to resume"
        )
        return 2
    rows = result.rows
    differ = sum(1 for r in rows if r["source"] and r["counts"])
    unmatched = sum(1 for r in rows if r["source"] is None and not r["error"])
    failed = [r for r in rows if r["error"]]
    for row in failed:
        _say(f"failed: {row['error']}")
    _say(
        f"{len(rows)} copies: {differ} differ from their source, {unmatched} without a source, {len(failed)} failed"
        f" ({result.stats.reused} from the last run); {args.output}/index.html"
    )
    return result.exit_status


def _say(message: str) -> None:
    sys.stderr.write(f"drift-viewer: {message}\n")
    sys.stderr.flush()
