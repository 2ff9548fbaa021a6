"""The main text of a web page: its article without menus, footers, share bars and cookie notices.

trafilatura finds the article; the text kept is never its output but the lines of `html.html_to_text` that
its output covers, so every kept character keeps its exact offset into the HTML source.

Why trafilatura and not readability-lxml (measured by benchmarks/boilerplate.py on the five saved pages in
tests/engine/data/pages and the seed pair rebuilt as pages): both keep every story sentence there, but
trafilatura keeps fewer boilerplate sentences (precision 0.933 against 0.915), because readability returns
the article's whole container, newsletter and subscription boxes included, where trafilatura returns
paragraphs, headings, list items and cells, which match the page's lines one for one. Without the
headline each reads from the page (its one h1, og:title, <title>) put back, recall is 0.979 against
0.938. favor_precision loses a standfirst (recall 0.990): a story sentence lost hides its changes, while a
boilerplate sentence kept only adds a row.
`fast` (no fallback extractors) scores the same on these easy pages; the fallbacks are kept for the pages
they were built for. Both are pure Python over lxml, 8 against 11 ms of CPU a page, and download nothing.

How its output is matched back: the page's lines and the extractor's blocks, whitespace taken out, are
aligned as two sequences by their longest common subsequence (rapidfuzz's, in C: difflib's
longest-block-first pairing kept a menu's "Home" for the article's and lost a block before it); a line
paired with an equal block is kept. Where blocks and lines do not
pair off one to one (a block that joins two lines, a table's cells), the lines between two matched
anchors are kept if they tile the blocks between the same anchors, in order. A line is never kept for
resembling a block, only for being in it, so a menu's "Home" cannot be kept for an article's "home".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import LCSseq

_SPACE = re.compile(r"\s+")
# Elements of trafilatura's XML that hold text of their own: paragraphs, headings, list items, table
# cells, quotations, code, line groups of verse.
_UNIT_TAGS = frozenset(["p", "head", "item", "cell", "quote", "code", "l", "lb", "list", "table", "row", "lg"])


@dataclass(frozen=True)
class MainText:
    text: str
    offsets: list[int]  # offsets[i]: source offset of text[i]; one more than text, like html_to_text's
    dropped_blocks: int  # lines of the page's text left out
    dropped_chars: int  # their characters, spaces between words included

    def summary(self) -> str:
        blocks = "block" if self.dropped_blocks == 1 else "blocks"
        chars = "character" if self.dropped_chars == 1 else "characters"
        return f"boilerplate dropped: {self.dropped_blocks:,} {blocks}, {self.dropped_chars:,} {chars}"


def extract_blocks(
    source: str, *, fast: bool = False, favor_precision: bool = False, favor_recall: bool = False
) -> tuple[list[str], str]:
    """The main text's blocks (one per paragraph, heading, list item or cell) and the page's headline,
    as trafilatura reads them; ([], "") where it finds no article. The options are trafilatura's (the
    benchmark tries them); the defaults are what the loader uses."""
    import trafilatura  # 0.3 s of imports beyond what the engine loads anyway: only for web pages
    from trafilatura.metadata import extract_title

    tree = trafilatura.load_html(source)
    if tree is None:
        return [], ""
    # The headline alone: the rest of the metadata (dates above all) took 1.2 of 2.5 s CPU on a 1 MB page.
    title = extract_title(tree) or ""
    # Comments under an article are the site's, not the story's; tables in an article are its content.
    found = trafilatura.bare_extraction(
        tree,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        fast=fast,
        favor_precision=favor_precision,
        favor_recall=favor_recall,
    )
    if found is None or isinstance(found, dict) or found.body is None:
        return [], title
    return _joined(found.body), title


def _joined(body: Any) -> list[str]:  # an lxml element
    """One string per innermost block element: inline children (hi, ref) belong to their block."""
    out = []
    for element in body.iter():
        if element is body or element.tag not in _UNIT_TAGS:
            continue
        if any(child.tag in _UNIT_TAGS for child in element):
            # A list or table: its items are blocks of their own; text directly inside it is rare.
            continue
        text = "".join(element.itertext())
        if text.strip():
            out.append(text)
    return out


def _compact(text: str) -> str:
    return _SPACE.sub("", text)


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-blank line of the page's text, without its surrounding spaces."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _tile(lines: list[str], blocks: list[str]) -> list[bool]:
    """Which of `lines` occur, in order and without overlap, inside the blocks joined."""
    joined = "".join(blocks)
    kept = []
    pos = 0
    for line in lines:
        at = joined.find(line, pos)
        kept.append(at >= 0)
        if at >= 0:
            pos = at + len(line)
    return kept


def keep_main_text(text: str, offsets: list[int], blocks: list[str], title: str = "") -> MainText | None:
    """The lines of `text` (html_to_text's output) that `blocks` cover, or None if they cover none."""
    spans = _lines(text)
    lines = [_compact(text[s:e]) for s, e in spans]
    wanted = [_compact(b) for b in blocks]
    wanted = [w for w in wanted if w]
    keep = [False] * len(spans)
    i_gap = j_gap = 0  # where the stretch of lines and blocks not yet paired starts
    for op in LCSseq.opcodes(lines, wanted):
        if op.tag != "equal":
            continue
        for k, hit in enumerate(_tile(lines[i_gap : op.src_start], wanted[j_gap : op.dest_start])):
            keep[i_gap + k] = hit
        for k in range(op.src_start, op.src_end):
            keep[k] = True
        i_gap, j_gap = op.src_end, op.dest_end
    for k, hit in enumerate(_tile(lines[i_gap:], wanted[j_gap:])):
        keep[i_gap + k] = hit
    if not any(keep):
        return None
    _keep_repeats(lines, keep)
    _keep_headline(lines, keep, _compact(title))
    return _assemble(text, offsets, spans, keep)


def _keep_repeats(lines: list[str], keep: list[bool]) -> None:
    """trafilatura gives a paragraph repeated in a row once; a copy that repeats one is a change to
    show. A line equal to a kept one is kept inside the kept stretch, or next to a kept line."""
    kept = {line for line, k in zip(lines, keep, strict=True) if k}
    first = keep.index(True)
    last = len(keep) - 1 - keep[::-1].index(True)
    for i in range(first, len(lines)):
        if not keep[i] and lines[i] in kept and (i < last or keep[i - 1]):
            keep[i] = True
    for i in range(first - 1, -1, -1):
        if not (lines[i] in kept and keep[i + 1]):
            break
        keep[i] = True


def _keep_headline(lines: list[str], keep: list[bool], title: str) -> None:
    """Extractors leave out the headline when it stands above the article's container; the headline the
    page's metadata names is kept: the last line equal to it before the first kept line, else the first."""
    if not title or any(k and line == title for line, k in zip(lines, keep, strict=True)):
        return
    first = keep.index(True)
    before = [i for i in range(first) if lines[i] == title]
    after = [i for i in range(first, len(lines)) if lines[i] == title]
    if before or after:
        keep[before[-1] if before else after[0]] = True


def _assemble(text: str, offsets: list[int], spans: list[tuple[int, int]], keep: list[bool]) -> MainText:
    chars: list[str] = []
    out: list[int] = []
    last = -1
    dropped_blocks = dropped_chars = 0
    for index, ((start, end), kept) in enumerate(zip(spans, keep, strict=True)):
        if not kept:
            dropped_blocks += 1
            dropped_chars += end - start
            continue
        if last >= 0:
            prev_end = spans[last][1]
            # Neighbours keep the break between them (a <br> stays one line); across a dropped block,
            # a paragraph break that points just past the kept text before it.
            gap = text[prev_end:start] if last == index - 1 else "\n\n"
            gap = "\n\n" if "\n\n" in gap else "\n"
            chars.append(gap)
            out.extend([offsets[prev_end]] * len(gap))
        chars.append(text[start:end])
        out.extend(offsets[start:end])
        last = index
    out.append(offsets[spans[last][1]])
    return MainText("".join(chars), out, dropped_blocks, dropped_chars)


def main_text(source: str, text: str, offsets: list[int]) -> MainText | None:
    """The main text of the page `source`, whose visible text is `text` (html_to_text's); None where no
    article is found, and the whole page is to be compared."""
    try:
        blocks, title = extract_blocks(source)
    except Exception:  # a third-party parser on any page: its failure only means "compare it all"
        return None
    return keep_main_text(text, offsets, blocks, title) if blocks else None
