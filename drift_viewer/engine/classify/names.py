"""Names and spellings: whether the changed words are a name replaced or respelt, or one word spelt
another way (house style, accents, one letter more or less).
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ..lexicon import STOPWORDS, british_american, plain_letters
from ..model import ChangeKind

_NOT_SPELT, _EDITED, _VARIANT = 0, 1, 2


def _spelling_pair(x: str, y: str) -> int:
    """How surely lower-cased `x` and `y` are one word spelt two ways.

    _VARIANT: a known pattern (hyphen, accents or ß, British/American ending); _EDITED: one letter more
    or less in a long word ("judgement"/"judgment"), which for a capitalised word rather says NAME."""
    if abs(len(x) - len(y)) > 3:
        return _NOT_SPELT
    if plain_letters(x) == plain_letters(y) or _umlauts_written_out(x) == _umlauts_written_out(y):
        return _VARIANT  # accents, also on the first letter (Óscar / Oscar, ёлка / елка), ä as ae (Bärbock)
    if x[:1] != y[:1]:
        return _NOT_SPELT
    if x.replace("-", "") == y.replace("-", "") or british_american(x, y):
        return _VARIANT
    # Only an inserted or dropped letter: a swapped one mostly makes another word ("these"/"those").
    # And not at the end either: "persecuted"/"persecute" is another form of the word.
    if (
        abs(len(x) - len(y)) == 1
        and min(len(x), len(y)) >= 5
        and not (x.startswith(y) or y.startswith(x))
        and Levenshtein.distance(x, y) == 1
    ):
        return _EDITED
    return _NOT_SPELT


_POSSESSIVE = re.compile(r"['’]s?$")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _umlauts_written_out(word: str) -> str:
    """German umlauts as a keyboard without them writes them: Bärbock / Baerbock, Müller / Mueller."""
    return word.translate(_UMLAUTS)


def name_or_spelling(
    wa: list[str],
    wb: list[str],
    la: list[str],
    lb: list[str],
    sentence_start: bool,
    noun: bool = False,
    names: bool = True,
    forms: bool = False,
) -> ChangeKind | None:
    """NAME if the changed words are capitalised words replaced, SPELLING if they are respellings.

    A known spelling pattern wins even on a capital (German nouns, "Defence"/"Defense"); otherwise a
    capitalised word replaced is a NAME, except the first word of a sentence, which must be spelt alike
    and be no function word to count as one."""
    if not wa or len(wa) != len(wb) or sorted(la) == sorted(lb):
        return None  # "Jesus Christ" / "Christ Jesus": the same names reordered
    kind = None
    for n, (x, y, xl, yl) in enumerate(zip(wa, wb, la, lb, strict=True)):
        if xl == yl:
            continue
        spelt = _spelling_pair(xl, yl)
        bx, by = _POSSESSIVE.sub("", xl), _POSSESSIVE.sub("", yl)
        if bx == by or _compound_head(bx, by):
            return None  # Christ's / Christ, OECD-Land / Land: another form, not another name
        if (bx == xl) != (by == yl) and adjective_of(bx, by):
            return None  # Russia's army / the Russian army, Hungary's / Hungarian: the place said as an adjective
        if inflected(bx, by):
            # Reparatur / Reparaturen, Pharisee / Pharisees: another form, unless both are capitalised where
            # a capital says "name" (Luis Planas / Luis Plana, Roberts / Robert). That stays a NAME to be
            # confirmed by the documents (evidence.py: each side keeps to its own form).
            if not (forms and names and x[:1].isupper() and y[:1].isupper() and not noun):
                return None
            if n == 0 and sentence_start and (xl in STOPWORDS or yl in STOPWORDS):
                return None  # a capital that says nothing, on a word that is no name
            kind = ChangeKind.NAME
            continue
        if spelt == _VARIANT and not (x[:1].isupper() and y[:1].isupper() and _doubled(xl, yl)):
            kind = kind or ChangeKind.SPELLING
        elif names and x[:1].isupper() and y[:1].isupper():
            if (
                n == 0
                and sentence_start
                and not (
                    Levenshtein.normalized_similarity(xl, yl) >= 0.6 and xl not in STOPWORDS and yl not in STOPWORDS
                )
            ):
                return None
            if n == 0 and noun and Levenshtein.normalized_similarity(xl, yl) < 0.75:
                return None  # die Kosten / die Ausgaben: a German noun swapped, not a name respelt
            kind = ChangeKind.NAME
        elif spelt == _EDITED:
            kind = kind or ChangeKind.SPELLING
        else:
            return None
    return kind


# Endings that make another form of the same word in English, German and French (plural, case, gender,
# adjective); a name respelt keeps its length or changes inside, not only by such a tail.
_INFLECTIONS = frozenset({"s", "es", "e", "en", "n", "er", "ern", "em", "ens", "in", "innen", "ne", "nes"})


# English endings that make a people's or a place's adjective of its name (Russia-n, Hungar-ian, Japan-ese,
# Israel-i, Icelandic); the name may drop its last vowel first (Hungary, Ukraine).
_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ean", "ese", "ish", "i", "ic")


def adjective_of(x: str, y: str) -> bool:
    """Whether one is the other's adjective: Russia / Russian, Hungary / Hungarian, Ukraine / Ukrainian.
    name_or_spelling asks it only where one side is a possessive, which says the same ("Russia's army", "the
    Russian army"): alone, such an ending also makes another name (Maria / Marian)."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    if len(long) <= len(short):
        return False  # Noomi / Noomo: one vowel for another is a respelling, whatever the ending
    stems = (short, short[:-1]) if short[-1:] in "aeiouy" else (short,)
    return any(len(stem) >= 4 and long.startswith(stem) and long[len(stem) :] in _ADJECTIVE_ENDINGS for stem in stems)


def _doubled(x: str, y: str) -> bool:
    """Whether one ends in a doubled letter where the other has it once: O'Neill / O'Neil, Russell /
    Russel. On a capitalised word that is a respelt name; house styles double inside ("Councillor")."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) >= 2 and long == short + short[-1]


def _compound_head(x: str, y: str) -> bool:
    """Whether one is a compound ending in the other: Zwischenmahlzeit / Mahlzeit, OECD-Land / Land.
    A German noun narrowed or widened, not a name; short heads are left out ("Anne" / "Joanne")."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) >= 5 and len(long) >= len(short) + 3 and long.endswith(short)


def inflected(x: str, y: str) -> bool:
    """One is the other with an inflection ending (Reparatur / Reparaturen, Pharisee / Pharisees)."""
    short, long = (x, y) if len(x) < len(y) else (y, x)
    return len(short) >= 5 and long.startswith(short) and long[len(short) :] in _INFLECTIONS


# Case endings of languages that decline names: the sentence's grammar picks the case ("Tusk powiedział" /
# "według Tuska" / "z Tuskiem"), so a name in two cases is one name, while a respelling changes more than
# the ending ("Tusk" / "Tusek": "k" / "ek" is no pair of endings). Each set holds the endings a name's
# nominative takes or trades its last vowel for (Fiala / Fialy / Fialou, Μητσοτάκης / Μητσοτάκη).
_CASE_ENDINGS: dict[str, frozenset[str]] = {
    lang: frozenset(endings.split())
    for lang, endings in {
        "pl": "a u owi em iem ie e y i ą ę o om ami ach ów owie ego emu im ym ej ą",
        "cs": "a u ovi em e y ou ě i ů ům ech ami ího ímu ím é ého ému ým ovou ové",
        "sk": "a u ovi om e y ou i ov och ami ého ému ým ej ú",
        "ru": "а у ом ым им е ой ою ы и ю ем ев ов ам ами ах ого ому ей я",
        "uk": "а у ом ем им і ї ю ой ою ою ові еві ого ому ій я є",
        "be": "а у ом ым ам е ы і ю ай ою ага аму",
        "hr": "a u om em e i ovi ima ama ić ića iću ićem",
        "sr": "a u om em e i ovi ima ama",
        "sl": "a u om em e i ovi ih ima",
        "lt": "as o ui ą u e ai is io iui į iu yje ė ės ei ę",
        "lv": "s a am u ā i e es ei ē",
        "fi": "n in a ä ia iä ssa ssä sta stä lla llä lta ltä lle ksi na nä ta tä han hen iin seen ille ien",
        "et": "i d l lt le s st sse ga ks ni na ta",
        "hu": "nak nek val vel t ot et at öt ban ben ból ből ról ről tól től hoz hez höz ra re nál nél ig é ért on"
        " en ön n",
        "el": "ς ου ο ε η α ων ους ες",
    }.items()
}


DECLINING = frozenset(_CASE_ENDINGS) | {"tr"}


def declined(x: str, y: str, language: str | None) -> bool:
    """Whether lower-cased `x` and `y` are one name in two cases of `language` (Tusk / Tuska / Tuskiem,
    Песков / Пескова, Fiala / Fialou, Marin / Marinin); Turkish writes the case after an apostrophe
    (Ankara / Ankara'da)."""
    if x == y:
        return False
    if language == "tr":
        return x.replace("’", "'").split("'")[0] == y.replace("’", "'").split("'")[0]
    endings = _CASE_ENDINGS.get(language or "")
    if endings is None:
        return False
    stem = 0
    while stem < min(len(x), len(y)) and x[stem] == y[stem]:
        stem += 1
    rx, ry = x[stem:], y[stem:]
    return stem >= 3 and (not rx or rx in endings) and (not ry or ry in endings)
