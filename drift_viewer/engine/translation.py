"""Cross-lingual mode: an original and its translation. Which mode a pair gets, and its groups.

A pair is cross-lingual when its two sides are detected in different languages and share few words
(a misdetected short text in the same language shares most of its words, so it stays same-language);
`Options.cross_lingual` forces the mode either way. Cross-lingual pairs are aligned by sentence
embeddings (align/crosslingual.py) and each pair gets fact checks (classify/crosscheck.py) instead
of a word diff, which would mark every word of a translation as reworded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .align import Link, crosslingual
from .classify.crosscheck import fact_changes
from .errors import DriftError
from .model import Group, GroupKind, Op, Options, Segment, Side

SAME_LANGUAGE = "same-language"
CROSS_LINGUAL = "cross-lingual"
SHARED_WORDS = 0.3  # share of one side's distinct words found on the other above which texts are one language
_WORD = re.compile(r"[^\W\d_]{3,}")


class ModeError(DriftError):
    """A mode that cannot be used for these inputs."""


def choose_mode(left: Side, right: Side, options: Options) -> str:
    if not left.sentences or not right.sentences:
        return SAME_LANGUAGE if options.cross_lingual is None else _forced(options.cross_lingual)
    return mode_of(left.text, right.text, (left.language, right.language), options)


def mode_of(left: str, right: str, languages: tuple[str | None, str | None], options: Options) -> str:
    if options.cross_lingual is not None:
        return _forced(options.cross_lingual)
    if options.language is not None or languages[0] == languages[1]:
        return SAME_LANGUAGE
    return CROSS_LINGUAL if shared_words(left, right) < SHARED_WORDS else SAME_LANGUAGE


def _forced(cross: bool) -> str:
    return CROSS_LINGUAL if cross else SAME_LANGUAGE


def shared_words(left: str, right: str) -> float:
    """Of the side with fewer distinct words, the share also found on the other side."""
    a = {w.lower() for w in _WORD.findall(left)}
    b = {w.lower() for w in _WORD.findall(right)}
    if not a or not b:
        return 1.0
    return len(a & b) / min(len(a), len(b))


def align(
    left: Side,
    right: Side,
    check: Callable[[], None] | None,
    progress: Callable[[float], None] | None = None,
) -> list[Link]:
    return crosslingual.align(
        [s.text for s in left.sentences], [s.text for s in right.sentences], check=check, progress=progress
    )


def length_ratio(left: Side, right: Side) -> float:
    """The right side's sentence characters over the left's: what a translation's length is expected to be."""
    lsum = sum(len(s.text) for s in left.sentences)
    rsum = sum(len(s.text) for s in right.sentences)
    return (rsum + 1) / (lsum + 1)


def pair_group(link: Link, left: Side, right: Side, languages: tuple[str | None, str | None], ratio: float) -> Group:
    """A two-sided group of a translation: its texts side by side, its fact checks as its changes."""
    lspan, rspan = left.group_span(link.left), right.group_span(link.right)
    ltext, rtext = left.text[lspan.start : lspan.end], right.text[rspan.start : rspan.end]
    changes = fact_changes(ltext, rtext, lspan.start, rspan.start, languages, ratio, (left.text, right.text))
    # The diff keeps the model's rule (its DELETE and INSERT texts rebuild the two sides); nothing
    # reads it as word changes, as the changes are the facts.
    diff = (Segment(Op.DELETE, ltext), Segment(Op.INSERT, rtext))
    kind = GroupKind.CHANGED if changes else GroupKind.EQUAL
    return Group(link.left, link.right, kind, link.score, diff, changes)


def align_texts(left: Sequence[str], right: Sequence[str]) -> list[tuple[list[int], list[int]]]:
    """Cross-lingual groups of two lists of sentences, in Vecalign's order (the `align` command)."""
    return [(list(k.left), list(k.right)) for k in crosslingual.align(list(left), list(right))]
