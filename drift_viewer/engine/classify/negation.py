"""Negation: whether a wording denies, and whether two wordings deny alike (a negative prefix is the
same denial as "not": unsuccessful / not successful).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import NEGATIONS
from ..lexicon.negators import count_negations as lexicon_count
from ..lexicon.negators import negated_pair
from ..model import Segment
from .clauses import STOP as _STOP
from .clauses import clauses
from .implicit import implicit_denials
from .meaning import negator_carries, without_negators

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
# A colon opens a clause of its own as a semicolon does (one translation writes ":" where the other writes
# ";"): a denial before it is not carried on after it ("not compelled: ... not even for an hour").
_SENTENCE_END = frozenset(".!?;:")
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


def readings(text: str, language: str | None) -> tuple[int, int, int, int, int]:
    """`text`'s denials read four ways: by negators alone or with the words that deny by their meaning
    (implicit.py), and, in English, with "nor" continuing a denial or denying its own conjunct ("go not
    after them, nor follow them" / "go not away, and follow not": one chain, two denials); last, how many
    meaning words there are. A flip is a count that differs whichever way it is read."""
    english = language is None or language == "en"
    chain = denials(text, language)
    each = count_negations(text, conjuncts=True) if english else chain
    implicit = implicit_denials(text, language)
    return chain, each, chain + implicit, each + implicit, implicit


def _differ(x: tuple[int, ...], y: tuple[int, ...]) -> bool:
    """Every reading differs; with meaning words, also in whether it denies at all: two denials affirm
    ("cannot be denied" / "incontrovertible", "not negligent" / "careful", "not invisible" / "manifest")."""
    if any(a == b for a, b in zip(x[:4], y[:4], strict=False)):
        return False
    return len(x) < 5 or not (x[4] or y[4]) or all(a % 2 != b % 2 for a, b in zip(x[2:4], y[2:4], strict=True))


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


def count_negations(text: str, conjuncts: bool = False) -> int:
    """How many denials `text` makes: negators, minus those continuing a denial in the same sentence and
    "not only"; "lest", "unless" and "except" hold a "not". "without" is left to `flips`, as it denies
    only against a "with" (counted, it made more false flips on the New Testament pair than it saved: 270
    against 219). With `conjuncts`, a "nor" denies its own conjunct, except the one closing a "neither"
    that only carried a denial on."""
    count = 0
    paired = False  # a carried "neither" waits for its "nor"
    denied = False  # a denial made earlier in the current sentence
    last = carried = -9  # where the last denial counted or carried on stood
    words = _TOKENS.findall(text.lower())
    for n, w in enumerate(words):
        if w in _SENTENCE_END:
            denied = paired = False
            continue
        if w in _MARKS:
            continue
        if w == "except":
            # "except ye forgive" is "if ye forgive not"; "not lawful ... except the priests" is "lawful for
            # none but the priests": after a denial, "except" before a noun only bounds it.
            if not denied or words[n + 1 : n + 2] and words[n + 1] in _SUBJECTS:
                count, denied = count + 1, True
            continue
        if not (w in NEGATIONS or w in _IMPLIED or w.endswith("n't")):
            continue
        if _answer(words, n):
            carried = n  # "Nay, but ...", "No; lest": an answer, not the clause's
            continue
        if n and (n - 1 in (last, carried) or (words[n - 1] == "," and n - 2 in (last, carried))):
            carried = n  # "no not", "no, not one": one denial said twice
            continue
        if denied and (words[n + 1 : n + 2] == ["even"] or _next_word(words, n) in NEGATIONS):
            carried = n  # "no room, not even at the door", "no reply, no not to a word": carried on
            continue
        if w.endswith("n't") or w in _IMPLIED:
            pass
        elif w in _NOT and words[n + 1 : n + 3] in _LITOTES or (w == "no" and words[n + 1 : n + 2] in _LITOTES):
            continue  # "not a little comforted", "no small stir", "no sooner": a denial that affirms
        elif w in _ABSENCE or w in _NOT and n + 1 < len(words) and words[n + 1] in _NOT_DENYING:
            continue
        elif w in _NOUGHT and _to_nought(words, n):
            continue  # "set at nought" (despise), "bring to naught" (destroy): verbs, not denials
        elif w in _CONTINUING:
            # "not X, nor Y" denies once; a sentence that opens with "Nor" ("Nor be ye called") denies.
            if conjuncts and paired:
                paired = False
                continue
            if not conjuncts and (denied or (n and words[n - 1] not in _FULL_STOPS)):
                continue
        elif denied and w == "neither" and _nor_follows(words, n):
            paired = True
            continue
        elif w == "ne" and not _NE_PARTNERS.isdisjoint(words[n + 1 : n + 5]):
            continue  # French ne ... pas: the pair is one denial, counted at "pas"
        elif w in _QUANTIFIERS and _exceptive(words, n):
            denied, last = True, n  # "nothing here except five loaves", "none good but one": only
            continue
        count += 1
        denied = True
        last = n
    return count


# A negative quantifier bounded by an exception in its own clause says "only": "We have nothing here except
# five loaves" / "We have here only five loaves", "there is none good but one" / "there is but one who is
# good", "he found none, only leaves". "but" before a subject is a conjunction ("no money, but I
# ..."); "not ... but" is a contrast ("not by works but by faith") and still denies.
_QUANTIFIERS = frozenset({"no", "none", "nothing", "nought", "naught", "nobody", "noone"})
_NOUGHT = frozenset({"nought", "naught", "nothing"})
_COME_BRING = frozenset(
    ["come", "came", "comes", "cometh", "coming", "bring", "brought", "brings", "bringeth", "bringing"]
)


def _to_nought(words: list[str], n: int) -> bool:
    """ "set at nought", "come to naught", "brought to nothing": idioms of contempt and ruin."""
    before = words[n - 1] if n else ""
    return (before == "at" and words[n] != "nothing") or (before == "to" and n > 1 and words[n - 2] in _COME_BRING)


def _exceptive(words: list[str], n: int) -> bool:
    for k in range(n + 1, min(len(words), n + 8)):
        w = words[k]
        if w in _SENTENCE_END or w in _MARKS:
            return words[k : k + 2] == [",", "only"]  # "he found none, only leaves"
        if w == "except" or (w == "but" and words[k + 1 : k + 2] != [] and words[k + 1] not in _SUBJECTS):
            return True
    return False


_SUBJECTS = frozenset({"i", "ye", "you", "he", "she", "it", "we", "they", "thou"})  # "except ye abide"
_FULL_STOPS = frozenset(".!?")


def _next_word(words: list[str], n: int) -> str:
    """The word after words[n], across a comma."""
    for w in words[n + 1 : n + 3]:
        if w not in _MARKS:
            return w
    return ""


# An answer particle opening a clause, set off by a mark: it answers what came before ("Nay, much more
# those members ..." / "Yea, much more ..."), and the clause says its own yes or no.
_ANSWERS = frozenset({"no", "nay"})
_PAUSE = frozenset({",", ":", ";", "!"})


def _answer(words: list[str], n: int) -> bool:
    return (
        words[n] in _ANSWERS
        and words[n + 1 : n + 2] != []
        and words[n + 1] in _PAUSE
        and (n == 0 or words[n - 1] in _SENTENCE_END or words[n - 1] in _PAUSE)
    )


def _nor_follows(words: list[str], n: int) -> bool:
    for w in words[n + 1 :]:
        if w in _SENTENCE_END:
            return False
        if w == "nor":
            return True
    return False


_TOKENS = re.compile(r"\w+(?:['’]\w+)*|[.!?;,:]")
_MARKS = frozenset(",:")
# Words that hold a "not": "lest" is "that ... not", "unless" is "if not", "cannot" is "can not".
_IMPLIED = frozenset({"cannot", "lest", "unless"})
# Understatements and idioms that affirm: "not a little", "no small", "no sooner ... than" (as soon as),
# "no doubt" (surely), "no wonder".
_LITOTES = [["a", "little"], ["a", "few"], ["little"], ["small"], ["few"], ["sooner"], ["doubt"], ["wonder"]]
_NE_PARTNERS = frozenset({"pas", "jamais", "rien", "plus", "personne", "aucun", "aucune", "guère", "point"})


def flips(
    a: str,
    b: str,
    left: str,
    right: str,
    left_span: tuple[int, int],
    right_span: tuple[int, int],
    languages: Languages = (None, None),
    diff: Sequence[Segment] = (),
) -> bool:
    """Whether a change the rules call NEGATION flips the meaning where it stands: the clauses around it
    (from the stop before it to the stop after it, on each side, each widened to what the other side's
    clause says: clauses.py) and the group's whole texts make a different number of denials (a negator
    that only moved, or "caught nothing" / "did not catch anything", makes the same number); the change
    is not a whole clause dropped or added (a deleted clause that held a "not" is a deletion); and a
    negator inside a rewording is one the sentence encoder finds to carry a difference (meaning.py)."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(_others(longer)) - len(_others(shorter)) > _CLAUSE_WORDS and (not shorter or _SENTENCE_MARK.search(longer)):
        # A clause added or dropped that holds a denial ("And" / "But I say to you, that ye resist not the
        # evil-doer; but ... and"): not a flip.
        return False
    if not (a.strip() and b.strip()) and _CONTRAST.search(a or b):
        return False  # "may not perish, but have life" / "may have life": the contrast dropped, not denied
    wa, wb = _TOKENS.findall(a.lower()), _TOKENS.findall(b.lower())
    ll, rl = languages
    if len(wa) == len(wb) == 1 and (prefixed_negation(wa, wb, DENYING) or prefixed_negation(wb, wa, DENYING)):
        return True  # successful / unsuccessful: the word itself denies
    if a and b and (_negated(a, b, ll) or _negated(b, a, rl)):
        return True  # nemá / má, gelmedi / geldi: the word itself denies
    if polarity(a, ll) % 2 == polarity(b, rl) % 2 or polarity(a, ll, False) % 2 == polarity(b, rl, False) % 2:
        # "not culpable" / "blameless", "will not" / "refusing to", "sinless" / "without sin": one denial
        # each; and an absence ("without cause" dropped) flips only against its presence ("with").
        return _absence_flip(a.lower(), b.lower())
    # Both the clause and the whole group must deny a different number of times: a negator moved to the
    # next clause keeps the group's count, and one dropped here and added elsewhere in the group (two edits
    # in one long sentence) keeps it too, but changes the clause's.
    # Counted both with and without the words that deny by their meaning: "destitute of water ... cannot
    # find" / "dry places ... findeth not" is one denial a side by negators, "not culpable" / "blameless"
    # split in two changes one a side with the meaning words.
    lc, rc = clauses(left, right, left_span, right_span, diff)
    clause_l, clause_r = readings(lc, ll), readings(rc, rl)
    # The whole group by negators only: a meaning word paraphrased far from the change ("unclean spirits"
    # / "foul spirits") says nothing about it.
    if not (_differ(clause_l, clause_r) and _differ(readings(left, ll)[:2], readings(right, rl)[:2])):
        return _absence_flip(a.lower(), b.lower())
    denied_l, denied_r = clause_l[2], clause_r[2]
    if not (_words_in(a) and _words_in(b)) and (
        _whole_clause(left, *left_span) if _words_in(a) else _whole_clause(right, *right_span)
    ):
        return False  # ", Defraud not," added between two commandments: a clause added, not one negated
    # A yes-no question asserts nothing: "Is not this the son of David?" / "Is this the son of David?"
    # ask the same thing, the "not" says which answer the asker expects.
    denier = denied_l > denied_r
    text, span, lang = (left, left_span, ll) if denier else (right, right_span, rl)
    if _yes_no_question(text, span, lang):
        return False
    if len(wa) == len(wb) == 1 or without_negators(a, ll).lower() == without_negators(b, rl).lower():
        # A clean flip: the words agree apart from the negator, or it was swapped for one word in its slot
        # ("nunca" / "siempre", "never" / "always": the encoder places such words near each other).
        return True
    # A negator inside a rewording: "not hid" / "discovered" is a denial said another way, "greatly
    # afraid" / "not struck with terror" a flip inside a paraphrase; the encoder tells them apart where
    # it can (meaning.py), and where it cannot the flip stands.
    other, other_span = (right, right_span) if denier else (left, left_span)
    return negator_carries(text, span, other, other_span, lang) is not False


_CLAUSE_MARKS = ",;:.!?()[]—–\"“”«»„'‘’。，、；：！？"


def _words_in(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _whole_clause(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands between clause marks (or the text's ends) on both sides."""
    before = text[:start].rstrip()
    after = text[end:].lstrip()
    inner = text[start:end].strip()
    opens = not before or before[-1] in _CLAUSE_MARKS or inner[:1] in _CLAUSE_MARKS
    closes = not after or after[0] in _CLAUSE_MARKS or inner[-1:] in _CLAUSE_MARKS
    return opens and closes


def polarity(text: str, language: str | None, absence: bool = True) -> int:
    """Denials by negators (`denials`) and by words that deny by their meaning or shape (implicit.py),
    with `absence` "without" among them."""
    return denials(text, language) + implicit_denials(text, language, absence)


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _others(text: str) -> list[str]:
    """The words of a wording that are not negators."""
    return [w for w in _TOKENS.findall(text.lower()) if w not in NEGATIONS and w[0].isalnum()]


# A question opened by a verb and its "not" ("Is not this the son of David?", "Art thou not a king?",
# "Didn't he say ...?") asks for a yes: English puts the "not" there to show which answer is expected,
# and the question asks the same as "Is this the son of David?".
_NEGATED_QUESTION = re.compile(
    r"(?:^|[,:;“\"‘(—]|\b(?:and|or|but|then)\b)\s*(?:is|are|am|art|was|were|do|does|did|doth|dost|have|has|had|hath"
    r"|hast|can|could|will|would|shall|should|may|might|must|wilt|shalt)(?:n['’]t\b|\s+(?:\w+\s+){0,2}?not\b)",
    re.IGNORECASE,
)


def _yes_no_question(text: str, span: tuple[int, int], language: str | None) -> bool:
    """Whether the change's denial is the "not" of an English question that opens with a verb."""
    if language not in (None, "en"):
        return False
    before = max((m.end() for m in _STOP.finditer(text, 0, span[0])), default=0)
    stop = _STOP.search(text, span[1])
    if stop is None or stop.group() != "?":
        return False
    clause = text[before : stop.start()]  # searched on its own: "^" is the clause's start
    return any(span[0] <= before + m.end() <= span[1] + 1 for m in _NEGATED_QUESTION.finditer(clause))


# "not X but Y" said as "Y": the denial goes with what it denies, and Y is asserted either way.
_CONTRAST = re.compile(
    r"\b(?:not|nicht|pas|no|non|niet|inte|ikke)\b.*\b(?:but|sondern|mais|sino|ma|maar|utan|men)\W*$", re.I
)
_SENTENCE_MARK = re.compile(r"\w\s*[.;:!?。；：！？]+\s*\w")


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
