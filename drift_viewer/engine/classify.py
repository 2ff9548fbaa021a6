"""Cutting a word diff into changes and naming each change's kind.

Minimal first version; rules are refined with tests in tests/engine/test_classify.py.
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from .model import Change, ChangeKind, Op, Options, Segment, Span

_TYPO_MAP = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'",
        "‛": "'", "‹": "'", "›": "'", "–": "-", "—": "-", "‒": "-", "―": "-", "−": "-", "\u00a0": " ",
        "…": "...",
    }
)
_QUOTES = set('"“”„«»‟')
_NEGATIONS = {
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "n't", "cannot", "without",
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "ohne",
    "ne", "pas", "jamais", "aucun", "aucune", "sans", "non",
}
_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million", "billion", "percent",
    "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "hundert", "tausend",
}
_WORD = re.compile(r"\w+(?:[.,'’\-]\w+)*")


def _typo(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_TYPO_MAP))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _strip_punct(text: str) -> str:
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("P")).strip()


def _is_negation_flip(a: list[str], b: list[str]) -> bool:
    neg_a = sum(w.lower() in _NEGATIONS or w.lower().endswith("n't") for w in a)
    neg_b = sum(w.lower() in _NEGATIONS or w.lower().endswith("n't") for w in b)
    return (neg_a == 0) != (neg_b == 0)


def _has_number(words: list[str]) -> bool:
    return any(any(c.isdigit() for c in w) or w.lower() in _NUMBER_WORDS for w in words)


def kind_of(left: str, right: str, inside_quote: bool = False) -> ChangeKind:
    """The kind of one change from its two wordings (either may be empty)."""
    if _typo(left).strip() == _typo(right).strip():
        return ChangeKind.TYPOGRAPHY
    if _strip_punct(_typo(left)) == _strip_punct(_typo(right)):
        return ChangeKind.PUNCTUATION
    if left.lower() == right.lower():
        return ChangeKind.CASE
    a, b = _words(left), _words(right)
    if _is_negation_flip(a, b):
        return ChangeKind.NEGATION
    if _has_number(a) or _has_number(b):
        digits_a = [w for w in a if any(c.isdigit() for c in w)]
        digits_b = [w for w in b if any(c.isdigit() for c in w)]
        if digits_a == digits_b and (a and b):
            return ChangeKind.FORMAT
        if a and b:
            return ChangeKind.NUMBER
    if inside_quote and a and b:
        return ChangeKind.QUOTE
    if not a and not b:
        return ChangeKind.PUNCTUATION
    if not left.strip():
        return ChangeKind.INSERTED
    if not right.strip():
        return ChangeKind.DELETED
    if len(a) == len(b) == 1:
        x, y = a[0], b[0]
        close = Levenshtein.normalized_similarity(x.lower(), y.lower()) >= 0.6
        if close and x[:1].isupper() and y[:1].isupper():
            return ChangeKind.NAME
        if close:
            return ChangeKind.SPELLING
        if x[:1].isupper() and y[:1].isupper() and x.lower() != x and not inside_quote:
            return ChangeKind.NAME
    if len(a) == len(b) and all(
        w1[:1].isupper() and w2[:1].isupper() and Levenshtein.normalized_similarity(w1, w2) >= 0.6
        for w1, w2 in zip(a, b)
    ):
        return ChangeKind.NAME
    return ChangeKind.REWORDED


def _quote_depth_changes(text: str) -> list[bool]:
    """For each position of `text`, whether it sits inside double quotation marks."""
    inside = []
    depth = False
    for ch in text:
        if ch in "“„«":
            depth = True
        elif ch in "”»":
            depth = False
        elif ch == '"':
            depth = not depth
        inside.append(depth)
    return inside


def changes_of(
    diff: tuple[Segment, ...], left_base: int, right_base: int, options: Options = Options()
) -> tuple[Change, ...]:
    """Cut a diff into maximal non-equal runs and classify each; offsets are made absolute."""
    left_text = "".join(s.text for s in diff if s.op is not Op.INSERT)
    right_text = "".join(s.text for s in diff if s.op is not Op.DELETE)
    quoted_left = _quote_depth_changes(left_text)
    quoted_right = _quote_depth_changes(right_text)
    out: list[Change] = []
    lpos = rpos = 0
    run: list[Segment] = []

    def flush() -> None:
        if not run:
            return
        dl = "".join(s.text for s in run if s.op is Op.DELETE)
        ins = "".join(s.text for s in run if s.op is Op.INSERT)
        ls, rs = lpos - len(dl), rpos - len(ins)
        inside = (ls < len(quoted_left) and quoted_left[ls]) or (rs < len(quoted_right) and quoted_right[rs])
        kind = kind_of(dl, ins, inside)
        if options.ignore_whitespace and not dl.strip() and not ins.strip():
            kind = None
        if kind is not None and not options.ignores(kind):
            if not (options.ignore_case and dl.lower() == ins.lower()):
                out.append(
                    Change(kind, Span(left_base + ls, left_base + lpos), Span(right_base + rs, right_base + rpos), dl, ins)
                )
        run.clear()

    for seg in diff:
        if seg.op is Op.EQUAL:
            flush()
            lpos += len(seg.text)
            rpos += len(seg.text)
        else:
            run.append(seg)
            if seg.op is Op.DELETE:
                lpos += len(seg.text)
            else:
                rpos += len(seg.text)
    flush()
    return tuple(out)
