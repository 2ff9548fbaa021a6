"""Negation: whether a wording denies, and whether two wordings deny alike (a negative prefix is the
same denial as "not": unsuccessful / not successful).
"""

from __future__ import annotations

import re

from ..lexicon import NEGATIONS
from ..lexicon.negators import count_negations as lexicon_count
from ..lexicon.negators import negated_pair

_CONTRACTED_NOT = re.compile(r"n't\b|\bn'")


# "not only", "nicht nur", "non seulement" add, they do not deny.
_NOT_DENYING = frozenset({"only", "just", "merely", "nur", "seulement"})
_NOT = frozenset({"not", "nicht", "non"})


def negative(words: list[str], text: str) -> bool:
    if "'" in text and _CONTRACTED_NOT.search(text) is not None:
        return True
    if NEGATIONS.isdisjoint(words):
        return False
    last = len(words) - 1
    return any(
        w in NEGATIONS and (n == last or w not in _NOT or words[n + 1] not in _NOT_DENYING) for n, w in enumerate(words)
    )


# Negative prefixes: "unsuccessful" says "not successful", "unmöglich" "nicht möglich".
_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")
# Only these surely deny when added to a word: "ingrafted", "disannul" say the same as the bare word.
DENYING = ("un", "non")


def prefixed_negation(positive: list[str], negative: list[str], prefixes: tuple[str, ...] = _NEGATIVE_PREFIXES) -> bool:
    """Whether a word of `positive` is a word of `negative` with a negative prefix: the same denial."""
    plain = set(negative)
    return any(
        w.startswith(p) and len(w) - len(p) >= 4 and w[len(p) :].lstrip("-") in plain
        for w in positive
        for p in prefixes
    )


# Words that continue a negation already made ("not by word, nor by letter"; "weder ... noch"; "ni"):
# they add no denial of their own, so they are never counted: "not X, nor Y" denies once, and "X, nor Y"
# (the "not" dropped) not at all. "neither" is counted unless it comes after a denial and before a "nor"
# (not troubled, neither by spirit, nor by letter): "not X, neither will Y" denies twice.
_CONTINUING = frozenset({"nor", "noch", "ni", "né", "nem", "ani"})
_SENTENCE_END = frozenset(".!?;")
# Denials of absence, which only flip against their positive: "with sugar" / "without sugar".
_ABSENCE = {"without": "with", "ohne": "mit", "sans": "avec", "sin": "con", "senza": "con", "zonder": "met"}
_CLAUSE_WORDS = 3  # a denial added or dropped with more other words than this is a clause, not a flip


Languages = tuple[str | None, str | None]  # of the left and the right side; None: unknown


def denials(text: str, language: str | None) -> int:
    """How many denials `text` makes in its language: the 20 languages' rules (lexicon/negators.py) when
    the language is known, the English/German/French/Spanish/Italian/Dutch word list otherwise. English
    keeps the rules below, where a "nor" never denies on its own and "neither ... nor" after a denial
    continues it: "not X, nor Y" -> "X, nor Y" is a flip, and "not agitated, nor troubled, neither by
    spirit, nor by letter" -> "not shaken, nor troubled, either by spirit, or by letter" is none."""
    if language is None or language == "en":
        return count_negations(text)
    return lexicon_count(text, language)


def denies_otherwise(a: str, b: str, languages: Languages) -> bool:
    """Whether two wordings deny a different number of times, or one is the other negated in its own
    morphology (Czech nemá / má, Turkish gelmedi / geldi, Japanese 行わない / 行う): a negation candidate
    the English-centred word rules cannot see."""
    left, right = languages
    if left in (None, "en") and right in (None, "en"):
        return False  # the word rules (classify/kinds.py) already looked, with English's own list
    if denials(a, left) != denials(b, right):
        return True
    return bool(a and b) and (_negated(a, b, left) or _negated(b, a, right))


def _negated(a: str, b: str, language: str | None) -> bool:
    """negated_pair, but for English only the checks of `prefixed_negation` above (a bare word of four
    letters or more): with a two-letter stem, "unto" / "to" would read as un- + "to"."""
    return language not in (None, "en") and negated_pair(a, b, language)


def count_negations(text: str) -> int:
    """How many denials `text` makes: negators, minus those continuing a denial in the same sentence and
    "not only"; "lest" and "unless" hold a "not". "without" is left to `flips`, as it denies only against
    a "with" (counted, it made more false flips on the New Testament pair than it saved: 270 against 219)."""
    count = 0
    denied = False  # a denial made earlier in the current sentence
    words = _TOKENS.findall(text.lower())
    for n, w in enumerate(words):
        if w in _SENTENCE_END:
            denied = False
            continue
        if w.endswith("n't") or w in _IMPLIED:
            count += 1
            denied = True
        elif w in _NOT and words[n + 1 : n + 3] in _LITOTES or (w == "no" and words[n + 1 : n + 2] in _LITOTES):
            continue  # "not a little comforted", "no small stir": a denial that affirms
        elif w in NEGATIONS and w not in _ABSENCE:
            if w in _NOT and n + 1 < len(words) and words[n + 1] in _NOT_DENYING:
                continue
            if w in _CONTINUING or (denied and w == "neither" and _nor_follows(words, n)):
                continue
            if w == "ne" and not _NE_PARTNERS.isdisjoint(words[n + 1 : n + 5]):
                continue  # French ne ... pas: the pair is one denial, counted at "pas"
            count += 1
            denied = True
    return count


def _nor_follows(words: list[str], n: int) -> bool:
    for w in words[n + 1 :]:
        if w in _SENTENCE_END:
            return False
        if w == "nor":
            return True
    return False


_TOKENS = re.compile(r"\w+(?:['’]\w+)*|[.!?;]")
# Words that hold a "not": "lest" is "that ... not", "unless" is "if not", "cannot" is "can not".
_IMPLIED = frozenset({"cannot", "lest", "unless"})
# Understatements that affirm: "not a little", "not a few", "no little", "no small".
_LITOTES = [["a", "little"], ["a", "few"], ["little"], ["small"], ["few"]]
_NE_PARTNERS = frozenset({"pas", "jamais", "rien", "plus", "personne", "aucun", "aucune", "guère", "point"})


def flips(
    a: str,
    b: str,
    left: str,
    right: str,
    left_span: tuple[int, int],
    right_span: tuple[int, int],
    languages: Languages = (None, None),
) -> bool:
    """Whether a change the rules call NEGATION flips the meaning where it stands: the clauses around it
    (from the stop before it to the stop after it, on each side) and the group's whole texts make a
    different number of denials (a negator that only moved, or "caught nothing" / "did not catch
    anything", makes the same number), and the change is not a whole clause dropped or added (a deleted
    clause that held a "not" is a deletion)."""
    if not (a and b):
        added = [w for w in _TOKENS.findall((a or b).lower()) if w not in NEGATIONS and w not in _SENTENCE_END]
        if len(added) > _CLAUSE_WORDS:
            return False
    wa, wb = _TOKENS.findall(a.lower()), _TOKENS.findall(b.lower())
    ll, rl = languages
    if len(wa) == len(wb) == 1 and (prefixed_negation(wa, wb, DENYING) or prefixed_negation(wb, wa, DENYING)):
        return True  # successful / unsuccessful: the word itself denies
    if a and b and (_negated(a, b, ll) or _negated(b, a, rl)):
        return True  # nemá / má, gelmedi / geldi: the word itself denies
    # Both the clause and the whole group must deny a different number of times: a negator moved to the
    # next clause keeps the group's count, and one dropped here and added elsewhere in the group (two edits
    # in one long sentence) keeps it too, but changes the clause's.
    if denials(_clause(left, *left_span), ll) != denials(_clause(right, *right_span), rl) and (
        denials(left, ll) != denials(right, rl)
    ):
        return True
    return _absence_flip(a.lower(), b.lower())


_STOP = re.compile(r"[.!?;。！？；؟؛]")


def _clause(text: str, start: int, end: int) -> str:
    """text[start:end] widened to the stops around it: where a denial of the same statement can stand."""
    before = max((m.end() for m in _STOP.finditer(text, 0, start)), default=0)
    after = _STOP.search(text, end)
    return text[before : after.start() if after else len(text)]


def _absence_flip(a: str, b: str) -> bool:
    """ "with" on one side where the other says "without": the only way an absence word flips meaning."""
    wa, wb = set(_TOKENS.findall(a)), set(_TOKENS.findall(b))
    return any(
        (absent in wa and present in wb) or (absent in wb and present in wa) for absent, present in _ABSENCE.items()
    )


# English contractions written out: the same words, shortened, whatever they say.
_IRREGULAR = {"won't": ["will", "not"], "can't": ["can", "not"], "cannot": ["can", "not"], "shan't": ["shall", "not"]}
_SUFFIXES = (("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"))
_EITHER = {"'s": ("is", "has"), "'d": ("would", "had")}


def _expanded(words: list[str]) -> list[str | tuple[str, ...]]:
    out: list[str | tuple[str, ...]] = []
    for w in words:
        w = w.replace("’", "'")
        if w in _IRREGULAR:
            out.extend(_IRREGULAR[w])
            continue
        for short, long in _SUFFIXES:
            if w.endswith(short) and len(w) > len(short):
                out.extend((w[: -len(short)], long))
                break
        else:
            either = _EITHER.get(w[-2:]) if len(w) > 2 else None
            if either:
                out.extend((w[:-2], either))
            else:
                out.append(w)
    return out


def contracted(a: list[str], b: list[str]) -> bool:
    """Whether lower-cased words `a` and `b` are the same words, one side contracted: "does not" /
    "doesn't", "there is" / "there's", "I would" / "I'd"."""
    if a == b or not any("'" in w or "’" in w or w == "cannot" for w in a + b):
        return False
    xa, xb = _expanded(a), _expanded(b)
    if len(xa) != len(xb):
        return False
    return all(
        x == y or (isinstance(x, tuple) and y in x) or (isinstance(y, tuple) and x in y)
        for x, y in zip(xa, xb, strict=True)
    )
