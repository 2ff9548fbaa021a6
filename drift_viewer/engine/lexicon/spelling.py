"""One word spelt two ways: house styles (British/American), accents, abbreviations without a full stop."""

from __future__ import annotations

import unicodedata

# Short forms written without a full stop (British house style "Dr", "Mr"; "£4m", "$2bn"), each with
# the words it stands for: without the dot nothing else says they abbreviate, so only these count.
ABBREVIATIONS: dict[str, frozenset[str]] = {
    short: frozenset(longs.split())
    for short, longs in {
        "dr": "doctor", "mr": "mister", "st": "saint street", "mt": "mount", "prof": "professor",
        "gen": "general", "gov": "governor", "sen": "senator", "rep": "representative", "lt": "lieutenant",
        "col": "colonel", "sgt": "sergeant", "capt": "captain", "jr": "junior", "sr": "senior",
        "pres": "president", "ave": "avenue", "rd": "road", "mme": "madame", "mlle": "mademoiselle",
        "fr": "frau", "nr": "nummer", "m": "million", "mn": "million", "bn": "billion",
        "k": "thousand", "mio": "million millionen", "mrd": "milliarde milliarden", "tsd": "tausend",
        "km": "kilometre kilometres kilometer kilometers kilometer kilometern",
        "kg": "kilogram kilograms kilogramme kilogrammes kilogramm",
        "cm": "centimetre centimetres centimeter centimeters zentimeter",
        "mm": "millimetre millimetres millimeter millimeters", "ft": "feet foot", "mph": "miles",
        "lb": "pound pounds", "lbs": "pounds", "min": "minute minutes minuten", "sec": "second seconds",
        "hr": "herr hour", "hrs": "hours", "std": "stunde stunden",
        # Russian, Ukrainian, Polish, Czech write these without a full stop, before every case of the word
        "млн": "миллион миллиона миллионов мільйон мільйона мільйонів",
        "млрд": "миллиард миллиарда миллиардов мільярд мільярда мільярдів",
        "тыс": "тысяча тысячи тысяч", "тис": "тисяча тисячі тисяч",
        "mln": "milion miliony milionów", "mld": "miliard miliardy miliardów miliarda miliardu",
        "tys": "tysiąc tysiące tysięcy",
    }.items()
}  # fmt: skip

# British/American (and other house-style) endings: (one form, the other), tried both ways on word ends.
SPELLING_SUFFIXES = (
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("ence", "ense"),
    ("re", "er"),
    ("res", "ers"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ll", "l"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("mme", "m"),
    ("mmes", "ms"),
)


def british_american(a: str, b: str) -> bool:
    """Whether lower-cased `a` and `b` differ only by a known house-style ending or an inner ae/oe."""
    if a == b:
        return False
    for x, y in SPELLING_SUFFIXES:
        for p, q in ((a, b), (b, a)):
            if p.endswith(x) and q.endswith(y) and p[: -len(x)] == q[: -len(y)] and len(p) - len(x) >= 2:
                return True
    # Inner forms: colour/color also occurs as "colourful"/"colorful", anaemia/anemia, foetus/fetus.
    for x, y in (
        ("our", "or"),
        ("ae", "e"),
        ("oe", "e"),
        ("ise", "ize"),
        ("isa", "iza"),
        ("ence", "ense"),
        ("llor", "lor"),
    ):
        if a.replace(x, y) == b or b.replace(x, y) == a:
            return True
    return False


def respelt(a: str, b: str) -> bool:
    """Whether lower-cased `a` and `b` are surely one word spelt two ways: a house style ("labour"/"labor",
    "marvelled"/"marveled"), accents, or one letter more inside a longer word ("judgement"/"judgment")."""
    if a == b or a[:1] != b[:1]:
        return False
    if british_american(a, b) or plain_letters(a) == plain_letters(b):
        return True
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1 or len(short) < 5 or long.startswith(short):
        return False
    n = next((i for i, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[n:] == long[n + 1 :]


# Arabic letters that writers and regions interchange in the same word: alif with or without its hamza
# (أحمد / احمد), final yā' written as alif maqṣūra (السيسي / السيسى, Egyptian usage), tā' marbūṭa as hā'
# (الحكومة / الحكومه), hamza seats; and the tatweel that only stretches a word.
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "ـ": None}
    # Letters with a stroke or without a dot, which Unicode does not decompose but writers without the
    # keyboard replace by the plain letter: Wałęsa / Walesa, Bjørn / Bjorn, Đoković / Djoković, Işık / Isik
    | {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H"}
)


def plain_letters(word: str) -> str:
    """`word` without its accents and diacritics (harakat too), Arabic letter variants folded."""
    decomposed = unicodedata.normalize("NFKD", word.replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_ARABIC_FOLD)
