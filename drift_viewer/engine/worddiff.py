"""Word-level diff of two texts: whole words in, whole words out, never "Ha[y->i]nes".

How it works
- Tokens: a word (with inner apostrophes and hyphens: "didn't", "re-open"; digit groups: "1,000", "4.5";
  dotted abbreviations: "U.S") or one other non-space mark, each carrying the whitespace before it.
- Tokens are compared by a key: stripped of that whitespace, lower-cased, typography folded. So "The"/"the"
  and "’"/"'" line up as the same word, and a space or newline alone never pulls two texts into step.
- diff-match-patch diffs the keys, each mapped to one private-use character (its own diff_linesToChars
  trick, applied to words), with Diff_Timeout 0 so the result never depends on machine load; wordmatch
  shows it only the words both sides share, between patience anchors, and keeps the match count a longest
  common subsequence's. Its runs cut the texts into equal runs and changed runs. A matched pair whose raw tokens still differ is a change of
  its own (case, typography, spacing).
- Readability: inside a changed run, a capitalised pair spelt alike or a pair of numbers is split out
  so a name or number change never hides inside a rewording; then short unchanged runs of function
  words or commas between two rewordings are absorbed, so "the exact opposite" -> "exactly the contrary"
  reads as one change, not confetti.

Segments follow diff-match-patch's data model (model.Op has its values): EQUAL+DELETE texts rebuild the
left text exactly, EQUAL+INSERT the right; DELETE comes before INSERT inside each changed run.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from . import wordmatch
from .lexicon import MONTHS, STOPWORDS, TYPO_FOLD, is_negation, number_value, respelt
from .model import Op, Segment

_WORD = r"\d+(?:[.,]\d+)+|(?:\w\.)+\w(?!\w)|\w+(?:['’\-]\w+)*"
# Every character falls in one alternative, so the tokens always rebuild the text.
_TOKEN = re.compile(rf"\s*(?:{_WORD}|-+|\.+|\S)|\s+")


def tokenize(text: str) -> list[str]:
    """Split into tokens whose concatenation is exactly `text`; each token keeps its leading whitespace."""
    return _TOKEN.findall(text)


_KEYS: dict[str, str] = {}
_FLAGS: dict[str, int] = {}
_CACHE_MAX = 200_000
# What a token is, as far as readability rules care; computed once per distinct token.
_NUMBER, _NEGATION, _WORDLIKE, _WEAK, _CAPITAL = 1, 2, 4, 8, 16


def _key(token: str) -> str:
    key = token.strip().translate(TYPO_FOLD).lower()
    # "--" and "—", "..." and "…" are one mark written otherwise.
    if len(key) > 1 and key[0] in "-." and not key.strip(key[0]):
        key = key[0]
    if len(_KEYS) >= _CACHE_MAX:
        _KEYS.clear()
        _FLAGS.clear()
    _KEYS[token] = key
    return key


def _keys(tokens: list[str]) -> list[str]:
    get = _KEYS.get
    return [get(t) or _key(t) for t in tokens]


def _flags(token: str, key: str) -> int:
    flags = _FLAGS.get(token)
    if flags is None:
        flags = 0
        if key[:1].isalnum():
            flags |= _WORDLIKE
            if number_value(key) is not None:
                flags |= _NUMBER
            if is_negation(key):
                flags |= _NEGATION
            if token.lstrip()[:1].isupper():
                flags |= _CAPITAL
        if key in STOPWORDS or key == ",":
            flags |= _WEAK
        _FLAGS[token] = flags
    return flags


# Enum members bound once: in Python 3.11 each `Op.DELETE` is a slow class-attribute lookup, and these run per segment.
_EQUAL_OP, _DELETE_OP, _INSERT_OP = Op.EQUAL, Op.DELETE, Op.INSERT

# An item is (what, i1, i2, j1, j2): tokens [i1, i2) of the left against [j1, j2) of the right.
_EQ, _CHANGE, _FIXED = 0, 1, 2  # _FIXED: a change that must stay apart (name, number, case, typography)


def word_diff(left: str, right: str) -> tuple[Segment, ...]:
    """Diff two texts word by word; EQUAL+DELETE rebuild `left`, EQUAL+INSERT rebuild `right`."""
    if left == right:
        return (Segment(Op.EQUAL, left),) if left else ()
    if not left:
        return (Segment(Op.INSERT, right),)
    if not right:
        return (Segment(Op.DELETE, left),)
    ta, tb = _TOKEN.findall(left), _TOKEN.findall(right)
    ka, kb = _keys(ta), _keys(tb)
    items = _items(ta, tb, ka, kb)
    if len(items) > 1:
        items = _fuse(_anchor(items, ta, tb, ka, kb), ta, tb, ka, kb)
    return _emit(items, ta, tb)


# diff-match-patch over word keys, each mapped to one private-use character (its own
# diff_linesToChars trick, applied to words); see wordmatch for how it is given less to do.
_opcodes = wordmatch.opcodes


def _items(ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> list[list[int]]:
    items: list[list[int]] = []
    for tag, i1, i2, j1, j2 in _opcodes(ka, kb):
        if tag != "equal":
            if items and items[-1][0] == _CHANGE:
                last = items[-1]
                last[2], last[4] = i2, j2
            else:
                items.append([_CHANGE, i1, i2, j1, j2])
        elif ta[i1:i2] == tb[j1:j2]:
            items.append([_EQ, i1, i2, j1, j2])
        else:
            # Same words, but some differ in case, typography or the space before them.
            start = i1
            for i in range(i1, i2):
                j = j1 + i - i1
                if ta[i] != tb[j]:
                    if i > start:
                        items.append([_EQ, start, i, j1 + start - i1, j])
                    items.append([_FIXED, i, i + 1, j, j + 1])
                    start = i + 1
            if start < i2:
                items.append([_EQ, start, i2, j1 + start - i1, j2])
    return items


def _salient(token: str, key: str) -> int:
    """1 for a number, 2 for a capitalised word, 3 for a longer plain word, 0 otherwise: what may anchor
    inside a rewording."""
    flags = _flags(token, key)
    if flags & _NUMBER:
        return 1
    if flags & _CAPITAL:
        return 2
    return 3 if len(key) >= 5 and flags & _WORDLIKE and not flags & _NEGATION else 0


# Plain words pair up only when one respells the other ("labour"/"labor"), and only in runs short enough
# that trying every pair stays cheap.
_RESPELT_RUN = 60


def _anchor(items: list[list[int]], ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> list[list[int]]:
    """Split changed runs around name-like and number pairs, so each becomes a change of its own."""
    out: list[list[int]] = []
    for item in items:
        what, i1, i2, j1, j2 = item
        if what != _CHANGE or i1 == i2 or j1 == j2 or (i2 - i1 == 1 and j2 - j1 == 1):
            out.append(item)
            continue
        plain_too = i2 - i1 <= _RESPELT_RUN and j2 - j1 <= _RESPELT_RUN
        left = [(i, s) for i in range(i1, i2) if (s := _salient(ta[i], ka[i])) and (plain_too or s != 3)]
        right = (
            [(j, s) for j in range(j1, j2) if (s := _salient(tb[j], kb[j])) and (plain_too or s != 3)] if left else []
        )
        scored = []
        for i, si in left:
            for j, sj in right:
                if si != sj:
                    continue
                if si == 3:
                    # Only a known respelling: an inflection ("jeden"/"jeder") is part of the rewording.
                    if respelt(ka[i], kb[j]):
                        scored.append((-0.9, i, j))
                    continue
                score = 1.0 if si == 1 else Levenshtein.normalized_similarity(ka[i], kb[j])
                if score >= 0.6:
                    scored.append((-score, i, j))
        if not scored:
            out.append(item)
            continue
        pairs: list[tuple[int, int]] = []
        for _, i, j in sorted(scored):
            # Keep the pairs in order on both sides: crossing pairs would need a move, not a diff.
            if all((i - p) * (j - q) > 0 for p, q in pairs):
                pairs.append((i, j))
        pi, pj = i1, j1
        for i, j in sorted(pairs):
            if i > pi or j > pj:
                out.append([_CHANGE, pi, i, pj, j])
            out.append([_FIXED, i, i + 1, j, j + 1])
            pi, pj = i + 1, j + 1
        if pi < i2 or pj < j2:
            out.append([_CHANGE, pi, i2, pj, j2])
    return out


def _plain(item: list[int], ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> bool:
    """Whether a change is an ordinary rewording that may grow into its neighbours.

    Not when it is punctuation only, holds a number or a negation, or is one word respelt or renamed:
    those must stay visible on their own (classify names their kinds)."""
    what, i1, i2, j1, j2 = item
    if what != _CHANGE:
        return False
    seen = 0
    for i in range(i1, i2):
        seen |= _flags(ta[i], ka[i])
    for j in range(j1, j2):
        seen |= _flags(tb[j], kb[j])
    if seen & (_NUMBER | _NEGATION) or not seen & _WORDLIKE:
        return False
    if i2 - i1 == 1 and j2 - j1 == 1:
        return Levenshtein.normalized_similarity(ka[i1], kb[j1]) < 0.6
    return True


def _weak(item: list[int], ta: list[str], ka: list[str]) -> bool:
    """An unchanged run too slight to read as an anchor between two changes: "the", "of the", ","."""
    _, i1, i2, _, _ = item
    if i2 - i1 > 3:
        return False
    words = 0
    for i in range(i1, i2):
        if not _flags(ta[i], ka[i]) & _WEAK:
            return False
        words += ka[i] != ","
    return words <= 2


def _fuse(items: list[list[int]], ta: list[str], tb: list[str], ka: list[str], kb: list[str]) -> list[list[int]]:
    out: list[list[int]] = []
    plain: list[bool] = []  # parallel to out, so each change is classified once
    for item in items:
        if item[0] == _EQ or len(out) < 2 or out[-1][0] != _EQ:
            out.append(item)
            plain.append(item[0] == _CHANGE and _plain(item, ta, tb, ka, kb))
            continue
        first, gap = out[-2], out[-1]
        if first[0] == _CHANGE and item[0] == _CHANGE and _transposed(first, item, ka, kb):
            # "2 April" -> "April 2": one change that reads as a reordering.
            out[-2:] = [[_FIXED, first[1], item[2], first[3], item[4]]]
            plain[-2:] = [False]
            continue
        is_plain = item[0] == _CHANGE and _plain(item, ta, tb, ka, kb)
        if is_plain and plain[-2] and _weak(gap, ta, ka):
            out[-2:] = [[_CHANGE, first[1], item[2], first[3], item[4]]]
            plain[-2:] = [True]
        else:
            out.append(item)
            plain.append(is_plain)
    return out


def _transposed(first: list[int], second: list[int], ka: list[str], kb: list[str]) -> bool:
    """A deletion and an insertion of the same words with at most a few words between."""
    _, a1, a2, b1, b2 = first
    _, c1, c2, d1, d2 = second
    if c1 - a2 > 3:
        return False
    if a1 < a2 and b1 == b2 and c1 == c2 and d1 < d2:
        x, y = ka[a1:a2], kb[d1:d2]
    elif a1 == a2 and b1 < b2 and c1 < c2 and d1 == d2:
        x, y = kb[b1:b2], ka[c1:c2]
    else:
        return False
    # A day moved around its month and changed too ("3 March" -> "March 4th") is one date change,
    # not a number deleted here and another inserted there.
    return _same_words(x, y) or (
        any(k in MONTHS for k in ka[a2:c1]) and _one_number(x) is not None and _one_number(y) is not None
    )


def _one_number(keys: list[str]) -> float | None:
    """The value of a run that is one number and punctuation ("3", "4th ,"), else None."""
    words = [k for k in keys if k[:1].isalnum()]
    return number_value(words[0]) if len(words) == 1 else None


def _same_words(x: list[str], y: list[str]) -> bool:
    """The same words in any order, numbers by value and punctuation aside: "3" and "3rd,", as in
    "3 March" -> "March 3rd,"."""
    if sorted(x) == sorted(y):
        return True

    def words(keys: list[str]) -> list[str]:
        out = []
        for k in keys:
            if k[:1].isalnum():
                value = number_value(k)
                out.append(k if value is None else f"{value:g}")
        return sorted(out)

    wx = words(x)
    return bool(wx) and wx == words(y)


def _emit(items: list[list[int]], ta: list[str], tb: list[str]) -> tuple[Segment, ...]:
    segments: list[Segment] = []
    add = segments.append

    def flush(same: str, dels: str, ins: str) -> None:
        """Close a changed run: the equal text before it, then its deletion, then its insertion."""
        if same:
            add(Segment(_EQUAL_OP, same))
        if dels:
            add(Segment(_DELETE_OP, dels))
        if ins:
            add(Segment(_INSERT_OP, ins))

    dels = ins = ""
    same = ""  # equal text not yet added: it grows until a change follows it
    join = "".join
    for what, i1, i2, j1, j2 in items:
        if what == _EQ:
            text = ta[i1] if i2 - i1 == 1 else join(ta[i1:i2])
            if dels or ins:
                flush(same, dels, ins)
                dels = ins = ""
                same = text
            else:
                same += text
            continue
        a = ta[i1] if i2 - i1 == 1 else join(ta[i1:i2])
        b = tb[j1] if j2 - j1 == 1 else join(tb[j1:j2])
        if a[:1].isspace() and b[:1].isspace():
            word = a.lstrip()
            if what == _FIXED and word == b.lstrip():
                # Only the space before the word changed ("\n\nWashington" / "Washington").
                dels += a[: len(a) - len(word)]
                ins += b[: len(b) - len(word)]
                a = b = ""
                lead = word
            else:
                # The shared space before a change is unchanged; keeping it equal also keeps this
                # change apart from the one before it.
                n = 0
                limit = min(len(a), len(b))
                while n < limit and a[n] == b[n] and a[n].isspace():
                    n += 1
                lead, a, b = a[:n], a[n:], b[n:]
            if not lead:
                dels += a
                ins += b
            elif dels or ins:
                flush(same, dels, ins)
                same = lead
                dels, ins = a, b
            else:
                same += lead
                dels, ins = a, b
        else:
            dels += a
            ins += b
    if dels or ins:
        flush(same, dels, ins)
    elif same:
        add(Segment(_EQUAL_OP, same))
    return tuple(segments)
