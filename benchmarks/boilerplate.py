"""Main-text extraction of web pages: trafilatura against readability-lxml, by the sentences they keep.

Pages: the saved news pages in tests/engine/data/pages (each with a NAME.gold.txt: "+ " story lines,
"~ " lines that count neither way, such as bylines and captions; every other line of the page is
boilerplate) and the seed pair as pages (seedpages.py). Each extractor's output goes through the
engine's own matching back to the page (load/maintext.py), then the engine's sentence segmenter, so what
is scored is what a comparison would see.

Precision: story sentences among the sentences kept (neutral ones left out of both counts). Recall: story
sentences kept among all story sentences. Time: extraction and matching per page, min of --runs runs,
CPU time beside wall time; the one-off import is reported apart.

    .venv/bin/python benchmarks/boilerplate.py [--runs 5]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from seedpages import seed_pages  # noqa: E402

from drift_viewer.engine.load.html import html_to_text  # noqa: E402
from drift_viewer.engine.load.maintext import extract_blocks, keep_main_text  # noqa: E402
from drift_viewer.engine.segment import segment  # noqa: E402

PAGES = ROOT / "tests" / "engine" / "data" / "pages"
Extractor = Callable[[str], tuple[list[str], str]]


def _trafilatura(**options: bool) -> Extractor:
    return lambda source: extract_blocks(source, **options)


def _readability(source: str) -> tuple[list[str], str]:
    from readability import Document

    document = Document(source)
    text, _ = html_to_text(document.summary(html_partial=True))
    return text.split("\n"), document.short_title()


EXTRACTORS: dict[str, Extractor] = {
    "trafilatura": extract_blocks,
    "trafilatura favor_precision": _trafilatura(favor_precision=True),
    "trafilatura favor_recall": _trafilatura(favor_recall=True),
    "trafilatura fast": _trafilatura(fast=True),
    "readability-lxml": _readability,
}


def pages() -> list[tuple[str, str, list[str]]]:
    out = []
    for path in sorted(PAGES.glob("*.html")):
        gold = path.with_suffix(".gold.txt").read_text(encoding="utf-8").splitlines()
        out.append((path.stem, path.read_text(encoding="utf-8"), gold))
    return out + seed_pages()


def _sentences(text: str, language: str | None) -> list[str]:
    return [re.sub(r"\s+", " ", s.text).strip() for s in segment(text, language)]


def score(kept: str, gold: Sequence[str], language: str | None) -> tuple[int, int, int]:
    """(story sentences kept, boilerplate sentences kept, story sentences in all)."""
    story = Counter(s for line in gold if line.startswith("+ ") for s in _sentences(line[2:], language))
    neutral = Counter(s for line in gold if line.startswith("~ ") for s in _sentences(line[2:], language))
    hits = boiler = 0
    for sentence in _sentences(kept, language):
        if story[sentence] > 0:
            story[sentence] -= 1
            hits += 1
        elif neutral[sentence] > 0:
            neutral[sentence] -= 1
        else:
            boiler += 1
    return hits, boiler, hits + sum(story.values())


def _language(source: str) -> str | None:
    m = re.search(r'<html[^>]*\blang="?([a-z]{2})', source)
    return m.group(1) if m else None


def run(runs: int, headline: bool = True) -> list[tuple[str, str, int, int, int, float, float]]:
    rows = []
    for name, source, gold in pages():
        text, offsets = html_to_text(source)
        for label, extract in EXTRACTORS.items():
            wall = cpu = float("inf")
            kept_text = text
            for _ in range(runs):
                w0, c0 = time.perf_counter(), time.process_time()
                blocks, title = extract(source)
                kept = keep_main_text(text, offsets, blocks, title if headline else "")
                wall = min(wall, time.perf_counter() - w0)
                cpu = min(cpu, time.process_time() - c0)
                kept_text = kept.text if kept is not None else text
            hits, boiler, story = score(kept_text, gold, _language(source))
            rows.append((name, label, hits, boiler, story, wall, cpu))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    for module in ("trafilatura", "readability"):
        w0, c0 = time.perf_counter(), time.process_time()
        __import__(module)
        print(f"import {module}: {time.perf_counter() - w0:.2f} s wall, {time.process_time() - c0:.2f} s CPU")
    for headline in (True, False):
        rows = run(args.runs, headline)
        print(f"\n## headline from the page's metadata kept: {'yes' if headline else 'no'}\n")
        print("| page | extractor | story kept | boilerplate kept | precision | recall | ms wall | ms CPU |")
        print("|---|---|---|---|---|---|---|---|")
        totals: dict[str, list[float]] = {}
        for name, label, hits, boiler, story, wall, cpu in rows:
            p = hits / (hits + boiler) if hits + boiler else 1.0
            print(
                f"| {name} | {label} | {hits}/{story} | {boiler} | {p:.2f} | {hits / story:.2f} "
                f"| {wall * 1000:.0f} | {cpu * 1000:.0f} |"
            )
            t = totals.setdefault(label, [0, 0, 0, 0.0, 0.0])
            for k, v in enumerate((hits, boiler, story, wall, cpu)):
                t[k] += v
        print("\n| extractor | precision | recall | ms per page wall | ms per page CPU |")
        print("|---|---|---|---|---|")
        n = len(rows) // len(EXTRACTORS)
        for label, (hits, boiler, story, wall, cpu) in totals.items():
            print(
                f"| {label} | {hits / (hits + boiler):.3f} | {hits / story:.3f} | {wall / n * 1000:.0f} "
                f"| {cpu / n * 1000:.0f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
