"""Where a change stands in its text: inside a quotation, at a sentence or line start, after a German
article. Classification reads these facts; they depend on the surrounding text, not on the two wordings.
"""

from __future__ import annotations

import re

from ..lexicon import GERMAN_ARTICLES, QUOTE_CHARS

QUOTE_RE = re.compile(f"[{QUOTE_CHARS}「」『』]")
_CORNER_CLOSERS = {"「": "」", "『": "』"}
_CORNER_ONLY_CLOSE = frozenset("」』")


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of text inside double quotation marks, marks excluded.

    Handles English “…”, German „…“ and »…«, French «…», Swedish ”…”, straight "…", and the corner
    brackets of Japanese and Chinese 「…」 and 『…』. A quotation left open (a quote running over several
    paragraphs reopens without closing) lasts to the end of the text.
    """
    spans = []
    opener = ""
    start = 0
    for m in QUOTE_RE.finditer(text):
        ch = m.group()
        pos = m.start()
        if opener:
            closes = (
                _CORNER_CLOSERS.get(opener) == ch
                if opener in _CORNER_CLOSERS
                else (
                    ch == '"'
                    if opener == '"'
                    else (ch in "“”" if opener == "„" else ch == "«" if opener == "»" else ch in "”»")
                )
            )
            if closes:
                spans.append((start, pos))
                opener = ""
            continue
        if ch in _CORNER_ONLY_CLOSE:
            continue  # a corner bracket that closes opens nothing
        opener, start = ch, pos + 1
    if opener:
        spans.append((start, len(text)))
    return spans


def inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    # A change inside quotes shares at least a character with the quoted span; an insertion point
    # (start == end) counts when it falls strictly inside.
    if start < end:
        return any(s < end and start < e for s, e in spans)
    return any(s < start < e for s, e in spans)


_BEFORE_WORD = frozenset(" \t\u00a0\"'“”„«»‘’‚([{")


def sentence_start(text: str, pos: int) -> bool:
    """Whether the word at `pos` opens a sentence: only spaces, quotes and brackets after . ! ? : or a line."""
    i = pos
    while i > 0 and text[i - 1] in _BEFORE_WORD:
        i -= 1
    return i == 0 or text[i - 1] in ".!?…:\n"


_TWO_WORDS_BEFORE = re.compile(r"(\w+)\s+(?:(\w+)\s+)?$")
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def after_article(text: str, pos: int) -> bool:
    """Whether the word at `pos` follows a German article, maybe with an adjective between ("ein neues")."""
    m = _TWO_WORDS_BEFORE.search(text, max(0, pos - 40), pos)
    if m is None:
        return False
    first, second = m.groups()
    if second is None:
        return first.lower() in GERMAN_ARTICLES
    return second.lower() in GERMAN_ARTICLES or (
        first.lower() in GERMAN_ARTICLES and second.islower() and second.endswith(_ADJECTIVE_ENDINGS)
    )


def line_start(text: str, pos: int) -> bool:
    return pos == 0 or text[pos - 1] == "\n"
