"""Where the change-kind benchmark's automatic edits can go (kinds_inject.py applies them): a text read into
sentences, words and quotations; each language's word tables (number words, negation sites, common-word
pairs); and one finder per edit kind yielding candidate edits. Finders only propose; the caller picks.
"""

from __future__ import annotations

import bisect
import random
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Planned:
    """An edit before it is applied: replace text[start:end] by `replacement`."""

    kind: str  # a risk kind or "distractor"
    sub: str  # the distractor's flavour ("" for risk kinds)
    start: int
    end: int
    replacement: str


# --- automatic edits: where ----------------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SENTENCE_END = re.compile(r"[.!?][\"”“’»«]*\s+|\n\s*\n")


def sentence_starts(text: str) -> list[int]:
    """Start offsets of rough sentences: after . ! ? (and closing quotes) or a blank line."""
    return [0, *(m.end() for m in SENTENCE_END.finditer(text))]


def quote_regions(text: str, pairs: tuple[tuple[str, str], ...]) -> list[tuple[int, int, bool]]:
    """(start, end, closed) inside quotation marks, per paragraph; an opening mark with no closing one in
    its paragraph runs to the paragraph end (closed=False), so no non-quote edit lands in a quote."""
    regions = []
    for para in re.finditer(r"[^\n]+", text):
        p0, body = para.start(), para.group()
        i = 0
        while i < len(body):
            pair = next((pr for pr in pairs if body[i] == pr[0] and (pr[0] != '"' or _opens(body, i))), None)
            if pair is None:
                i += 1
                continue
            j = body.find(pair[1], i + 1)
            regions.append((p0 + i + 1, p0 + (j if j >= 0 else len(body)), j >= 0))
            i = (j if j >= 0 else len(body)) + 1
    return regions


def _opens(body: str, i: int) -> bool:
    """An ASCII double quote opens when it follows a space or the start and precedes a letter."""
    return (i == 0 or not body[i - 1].isalnum()) and i + 1 < len(body) and body[i + 1].isalpha()


@dataclass
class Doc:
    """A text read for candidate edits: its words, sentences and quotations."""

    text: str
    starts: list[int]
    quotes: list[tuple[int, int, bool]]
    words: list[re.Match[str]]

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def in_quote(self, start: int, end: int) -> bool:
        return any(a <= end and start <= b for a, b, _ in self.quotes)

    def at_sentence_start(self, pos: int) -> bool:
        i = self.sentence(pos)
        return self.text[self.starts[i] : pos].strip(" \"“„«»‘’'(") == ""

    def after_word(self, pos: int) -> bool:
        """Whether a letter and one space come right before pos: mid-sentence, not after punctuation."""
        return pos >= 2 and self.text[pos - 1] == " " and self.text[pos - 2].isalpha()


def read_doc(text: str, pairs: tuple[tuple[str, str], ...]) -> Doc:
    return Doc(text, sentence_starts(text), quote_regions(text, pairs), list(WORD.finditer(text)))


# --- automatic edits: language profiles ---------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    quotes: tuple[tuple[str, str], ...]
    number_words: tuple[tuple[str, ...], ...]  # classes a value is swapped within: units, tens, magnitudes
    digit_words: dict[str, int]  # words written as digits for the number-form distractor
    negation_remove: re.Pattern[str]  # group 1 is the negator, removed with the space before it
    negation_insert: re.Pattern[str]  # the negator goes in at the match's end
    negator: str
    stopwords: frozenset[str]
    synonyms: dict[str, str]  # plainly non-risk rewordings
    connectives: tuple[tuple[str, ...], ...]  # sentence-initial words swapped within a class
    thousands: str
    # German capitalises every noun: a capitalised word after a determiner or an inflected adjective, or
    # with a common-noun ending, is not taken for a name
    determiners: frozenset[str] = frozenset()
    noun_endings: tuple[str, ...] = ()
    not_adjectives: frozenset[str] = frozenset()  # words with adjective endings that are not adjectives


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _pairs(text: str) -> dict[str, str]:
    """Word pairs written "a:b c:d", read as {"a": "b", "c": "d"}: the tables stay compact."""
    return dict(item.split(":") for item in text.split())


EN_UNITS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
DE_UNITS = ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf")
EN_NOT_AFTER = "not|no|never|none|nothing|nobody|neither|nor|a|an|the|he|she|it|they|we|you|i|this|that|there"
DE_NOT_AFTER = (
    "nicht|kein|keine|keinen|keinem|keiner|nie|niemals|nichts|es|er|sie|man|wir|ihr|ich|du|das|der|die|den|dem|"
    "des|ein|eine|einen|einem|einer|sich|auch|noch|schon|ja|doch|denn|also|aber|und|oder|so|da|dann|dies|dieser|"
    "diese|dieses|mir|mich|dir|dich|ihm|ihn|uns|euch|ihnen|wie|was|wer|wo"
)

ENGLISH = Profile(
    quotes=(("“", "”"), ('"', '"')),
    number_words=(EN_UNITS, ("twenty", "thirty", "forty", "fifty", "sixty"), ("hundred", "thousand")),
    digit_words={w: i + 2 for i, w in enumerate(EN_UNITS)},
    negation_remove=re.compile(r"\b(?:did|do|does|was|is|are|were|will|shall|could|would|should|can|had) (not)\b"),
    negation_insert=re.compile(rf"\b(?:is|was|are|were) (?=[a-z]+\b)(?!(?:{EN_NOT_AFTER})\b)"),
    negator="not",
    stopwords=_words(
        "the and that this with from unto they them their there then have shall will what when which "
        "were into upon your yours said says saying also were been being other these those thee thou "
        "thine thy him his her hers she he ye you for not but all any one who whom whose where here "
        "very even"
    ),
    synonyms=_pairs(
        "great:large large:great little:small small:little began:started answered:replied multitude:crowd "
        "crowd:multitude city:town boat:ship ship:boat mountain:hill garment:cloak garments:clothes "
        "quickly:swiftly afraid:fearful immediately:instantly straightway:immediately amazed:astonished "
        "astonished:amazed"
    ),
    connectives=(("And", "Then", "But", "Now", "So"),),
    thousands=",",
)

GERMAN = Profile(
    quotes=(("„", "“"), ("»", "«"), ('"', '"')),
    number_words=(DE_UNITS, ("zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig"), ("hundert", "tausend")),
    digit_words={w: i + 2 for i, w in enumerate(DE_UNITS)},
    negation_remove=re.compile(r"(?<!\bgar)(?<!\büberhaupt) (nicht)\b(?! nur\b)"),
    negation_insert=re.compile(
        r"\b(?:ist|war|sind|waren|wird|werden|kann|können|konnte|konnten|soll|sollen|sollte|muss|müssen|"
        rf"musste|darf|dürfen|will|wollen|wollte) (?=[a-zäöüß]+\b)(?!(?:{DE_NOT_AFTER})\b)"
    ),
    negator="nicht",
    stopwords=_words(
        "der die das den dem des ein eine einen einem einer eines und oder aber auch noch schon sich "
        "sie ihr ihre ihren ihrem ihnen wir uns euch mein meine sein seine seinen seinem nicht kein "
        "keine wird werden wurde wurden sind ist war waren hat haben hatte hatten kann können muss "
        "müssen dass wenn weil denn dann also doch sehr mehr viel viele vielen diese dieser dieses "
        "diesen jeder jede jedes alle allen einmal immer wieder über unter nach durch gegen ohne "
        "zwischen"
    ),
    synonyms=_pairs(
        "schnell:rasch oft:häufig häufig:oft jetzt:nun nun:jetzt immer:stets zusammen:gemeinsam "
        "gemeinsam:zusammen manchmal:gelegentlich wichtig:bedeutend wichtige:bedeutende "
        "wichtigen:bedeutenden bekannt:berühmt klein:winzig kleine:winzige kleinen:winzigen "
        "beginnen:anfangen sagte:meinte ebenfalls:auch bald:demnächst einfach:leicht gerne:gern"
    ),
    connectives=(
        ("Dann", "Danach", "Anschließend", "Später"),
        ("Und", "Aber", "Doch"),
        ("Deshalb", "Daher", "Darum", "Deswegen"),
        ("Außerdem", "Zudem", "Ebenso"),
    ),
    thousands=".",
    determiners=_words(
        "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner mein "
        "meine meinen meinem sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere "
        "dieser diese dieses diesen diesem jeder jede jedes jeden jedem alle allen viele vielen wenige "
        "einige mehrere beide beiden zum zur im am vom beim ins ans"
    ),
    noun_endings=tuple(
        sorted(_words("e en er ern el ung heit keit schaft ion tät ismus nis tum ling chen ment ss ur ik ie um ei"))
    ),
    not_adjectives=_words(
        "oder aber über unter hinter wieder immer wenn denn dann wann gegen zwischen neben ohne gerne "
        "seine einem einen einer eines sehr oben unten außer"
    ),
)

PROFILES: dict[str, Profile] = {"en": ENGLISH, "de": GERMAN}


# --- automatic edits: candidates ----------------------------------------------------------------------

Finder = Callable[[Doc, Profile, random.Random], Iterator[Planned]]


def _like(model: str, word: str) -> str:
    """`word` with the capitalisation of `model`."""
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _respell(word: str, rng: random.Random) -> str:
    """One letter doubled, a vowel swapped or a letter dropped, never the capital."""
    vowels = "aeiou"
    ways = []
    for i in range(1, len(word)):
        ch = word[i]
        if ch.isalpha() and ch.lower() not in vowels and word[i - 1] != ch:
            ways.append(word[: i + 1] + ch + word[i + 1 :])
        if ch in vowels:
            ways.extend(word[:i] + v + word[i + 1 :] for v in vowels if v != ch)
        if len(word) >= 5 and i < len(word) - 1:
            ways.append(word[:i] + word[i + 1 :])
    return rng.choice(ways)


def _name_words(doc: Doc, profile: Profile) -> dict[str, list[re.Match[str]]]:
    """Recurring proper nouns: capitalised mid-sentence at least three times, never lower-case, never
    after a determiner (German capitalises every noun; its names rarely take an article)."""
    lower = {m.group() for m in doc.words if m.group()[0].islower()}
    mid: dict[str, list[re.Match[str]]] = defaultdict(list)
    barred: set[str] = set()
    for k, m in enumerate(doc.words):
        w = m.group()
        # possessives ("John’s") are left out: their respelling would land on the suffix
        if not (w[0].isupper() and w[1:].isalpha() and w[1:].islower() and len(w) >= 3) or w.lower() in lower:
            continue
        before = doc.words[k - 1].group() if k else ""
        if _common_noun(w, before, profile):
            barred.add(w)
        if doc.after_word(m.start()) and not doc.in_quote(m.start(), m.end()):
            mid[w].append(m)
    return {w: ms for w, ms in sorted(mid.items()) if len(ms) >= 3 and w not in barred}


def _common_noun(word: str, before: str, profile: Profile) -> bool:
    if not profile.determiners:
        return False
    adjective = (
        before.islower()
        and len(before) >= 4
        and before.endswith(("e", "en", "er", "es", "em"))
        and not before.endswith(("te", "ten"))  # past-tense verbs: "sagte Noomi"
        and before not in profile.not_adjectives
    )
    return before.lower() in profile.determiners or adjective or word.endswith(profile.noun_endings)


def find_names(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    known = {m.group() for m in doc.words}
    groups = []
    for _word, matches in _name_words(doc, profile).items():
        group = []
        for m in matches:
            new = _respell(m.group(), rng)
            if new not in known:
                group.append(Planned("name", "", m.start(), m.end(), new))
        rng.shuffle(group)
        groups.append(group)
    yield from _interleave(groups)  # many names, not 40 respellings of the most frequent one


def _interleave(groups: list[list[Planned]]) -> Iterator[Planned]:
    for i in range(max(map(len, groups), default=0)):
        yield from (g[i] for g in groups if i < len(g))


def find_numbers(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    for m in re.finditer(r"(?<![\d.,])\d+(?![.,]?\d)", doc.text):
        digits = m.group()
        i = rng.randrange(len(digits))
        choices = [d for d in "0123456789" if d != digits[i] and not (i == 0 and d == "0" and len(digits) > 1)]
        yield Planned("number", "", m.start(), m.end(), digits[:i] + rng.choice(choices) + digits[i + 1 :])
    for m in doc.words:
        word = m.group().lower()
        cls = next((c for c in profile.number_words if word in c), None)
        if cls:
            new = rng.choice([w for w in cls if w != word])
            yield Planned("number", "", m.start(), m.end(), _like(m.group(), new))


def find_negations(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    del rng  # every match is a candidate; the caller shuffles
    for m in profile.negation_remove.finditer(doc.text):
        yield Planned("negation", "", m.start(1) - 1, m.end(1), "")
    for m in profile.negation_insert.finditer(doc.text):
        if not doc.at_sentence_start(m.start()):  # a sentence-initial verb asks a question
            yield Planned("negation", "", m.end(), m.end(), profile.negator + " ")


def _content(word: str, profile: Profile) -> bool:
    w = word.lower()
    numbers = {x for c in profile.number_words for x in c}
    return len(w) >= 4 and word.islower() and w not in profile.stopwords and w not in numbers and "’" not in w


def find_quotes(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    outside = sorted(
        {m.group() for m in doc.words if _content(m.group(), profile) and not doc.in_quote(m.start(), m.end())}
    )
    for a, b, closed in doc.quotes:
        if not closed:
            continue
        for m in WORD.finditer(doc.text, a, b):
            w = m.group()
            if not _content(w, profile):
                continue
            # a different word, not a respelling of this one: no shared three-letter start
            pool = [x for x in outside if abs(len(x) - len(w)) <= 1 and x[:3] != w[:3] and x != w]
            if pool:
                yield Planned("quote", "", m.start(), m.end(), rng.choice(pool))


def find_common_words(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    del rng
    for m in doc.words:
        if m.group() in profile.synonyms:
            yield Planned("distractor", "common-word", m.start(), m.end(), profile.synonyms[m.group()])


def _sentence_first_words(doc: Doc) -> Iterator[re.Match[str]]:
    for start in doc.starts:
        m = WORD.search(doc.text, start, start + 40)
        if m and doc.at_sentence_start(m.start()):
            yield m


def find_sentence_starts(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    for m in _sentence_first_words(doc):
        cls = next((c for c in profile.connectives if m.group() in c), None)
        if cls:
            new = rng.choice([w for w in cls if w != m.group()])
            yield Planned("distractor", "sentence-start", m.start(), m.end(), new)


def find_punctuation(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    del profile, rng
    for m in re.finditer(r"(?<=[^\W\d_]),(?= [^\W\d_])", doc.text):
        yield Planned("distractor", "punctuation", m.start(), m.end(), "")


def find_case(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    """A sentence's capitalised first word lower-cased, where the document has it in lower case too: a
    common word, so the change is case only and cannot pass for a name."""
    del profile, rng
    lower = {m.group() for m in doc.words if m.group()[0].islower()}
    for m in _sentence_first_words(doc):
        w = m.group()
        if w[0].isupper() and w[1:].islower() and w.lower() in lower:
            yield Planned("distractor", "case", m.start(), m.end(), w.lower())


def find_number_forms(doc: Doc, profile: Profile, rng: random.Random) -> Iterator[Planned]:
    del rng
    for m in doc.words:
        value = profile.digit_words.get(m.group())
        if value is not None:
            yield Planned("distractor", "number-form", m.start(), m.end(), str(value))
    for m in re.finditer(r"(?<![\d.,])\d{4,}(?![.,]?\d)", doc.text):
        value = int(m.group())
        if not 1500 <= value <= 2100:  # years keep their four bare digits
            yield Planned("distractor", "number-form", m.start(), m.end(), f"{value:,}".replace(",", profile.thousands))


FINDERS: dict[str, Finder] = {
    "name": find_names,
    "number": find_numbers,
    "negation": find_negations,
    "quote": find_quotes,
    "common-word": find_common_words,
    "sentence-start": find_sentence_starts,
    "punctuation": find_punctuation,
    "case": find_case,
    "number-form": find_number_forms,
}
