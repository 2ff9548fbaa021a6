"""Generates drift_viewer/engine/lexicon/units.txt from the Unicode CLDR names of units and currencies
(through Babel, which ships CLDR): `python tests/engine/units_gen.py` rewrites the file, and
test_units.py checks that the committed file is what this makes.

A unit beside a number is part of the amount: "five years" / "five months" in prison, "10 km" / "10
miles", "5,000 euros" / "5,000 dollars" state another fact. CLDR spells every unit in every plural form
of each language (Russian год / года / лет), which no hand list would. Generated rather than read at run
time for the reason calendar_gen.py gives (Babel's load time). Scripts written without spaces are left
out: their units are glued to the digits (5年), which lexicon.numbers reads."""

from __future__ import annotations

import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[2] / "drift_viewer" / "engine" / "lexicon" / "units.txt"
LANGUAGES = [
    "en",
    "de",
    "fr",
    "es",
    "it",
    "pt",
    "nl",
    "sv",
    "da",
    "nb",
    "pl",
    "cs",
    "ru",
    "uk",
    "tr",
    "ar",
    "he",
    "bg",
    "el",
    "fa",
    "hi",
    "hy",
    "kk",
    "mr",
    "sk",
    "ur",
    "ca",
    "et",
    "fi",
    "hr",
    "hu",
    "id",
    "lt",
    "lv",
    "ro",
    "sl",
    "vi",
]
UNITS = [
    "duration-year",
    "duration-month",
    "duration-week",
    "duration-day",
    "duration-hour",
    "duration-minute",
    "duration-second",
    "length-kilometer",
    "length-meter",
    "length-centimeter",
    "length-millimeter",
    "length-mile",
    "length-foot",
    "length-inch",
    "length-yard",
    "mass-kilogram",
    "mass-gram",
    "mass-tonne",
    "mass-pound",
    "mass-ounce",
    "volume-liter",
    "volume-gallon",
    "area-hectare",
    "area-acre",
    "temperature-celsius",
    "temperature-fahrenheit",
]
CURRENCIES = [
    "EUR",
    "USD",
    "GBP",
    "JPY",
    "CNY",
    "CHF",
    "RUB",
    "UAH",
    "PLN",
    "CZK",
    "SEK",
    "NOK",
    "DKK",
    "TRY",
    "INR",
    "ILS",
    "SAR",
    "AED",
    "KRW",
    "BRL",
    "MXN",
    "CAD",
    "AUD",
    "HUF",
    "RON",
]
UNIT_IDS = [unit.split("-", 1)[1] for unit in UNITS]
_NOUN_LIKE = 0.5  # franc / frank 0.8, рубль (rubl) / ruble 0.8, suisse / franc 0.0
_SHORT_MIN = 2  # one-letter symbols (m, g, h, t) are initials and variables as often as units


def _plain(value: object) -> object:
    try:
        return {k: _plain(v) for k, v in value.items()}  # type: ignore[attr-defined]
    except AttributeError:
        return value


def _words(pattern: str) -> list[str]:
    text = pattern.replace("{0}", " ").replace("-", " ")
    return [w.strip(".").lower() for w in text.split() if len(w.strip(".")) >= _SHORT_MIN]


def generate() -> str:
    from anyascii import anyascii
    from babel import Locale
    from rapidfuzz.distance import Levenshtein

    from drift_viewer.engine.lexicon import STOPWORDS

    # The noun of each unit, in English: the unit's own name, and for a currency the lower-case words of
    # its English name, where CLDR capitalises the country's adjective ("Japanese yen", "US dollar").
    english = _plain(Locale.parse("en")._data["currency_names_plural"])  # "US dollar"; the bare name is "US Dollar"
    nouns = {unit: [unit] for unit in UNIT_IDS}
    for code in CURRENCIES:
        nouns[code] = [w for w in english[code]["one"].split() if w.islower()]  # type: ignore[index]
    units: dict[str, set[str]] = {}
    for language in LANGUAGES:
        data = Locale.parse(language)._data
        spelt: list[tuple[str, list[str]]] = []  # (unit, the words of one of its names)
        patterns = _plain(data["unit_patterns"])
        for unit in UNITS:
            forms = patterns.get(unit, {})  # type: ignore[union-attr]
            for width in ("long", "short"):
                for category, pattern in forms.get(width, {}).items():
                    if category != "per" and isinstance(pattern, str):
                        spelt.append((unit.split("-", 1)[1], _words(pattern)))
        names = _plain(data["currency_names"])
        plurals = _plain(data["currency_names_plural"])
        for code in CURRENCIES:
            for name in [names.get(code, "")] + list(plurals.get(code, {}).values()):  # type: ignore[union-attr]
                spelt.append((code, _words(name)))
        places = {w for name in Locale.parse(language).territories.values() for w in _words(name)}
        for unit, words in spelt:
            for word in words:
                if len(words) > 1 and word in places:
                    continue  # "new shekel": the word of New Zealand too
                # Of a several-word name, only the noun names the unit: the word that spells the English
                # noun in this language's way (franc / Franken / franco / فرنك), not the country's
                # adjective (suisse / Schweizer / svizzero), which also names its people and its language.
                if len(words) == 1 or any(
                    Levenshtein.normalized_similarity(anyascii(word).lower(), noun) >= _NOUN_LIKE
                    for noun in nouns[unit]
                ):
                    units.setdefault(word, set()).add(unit)
    common = set(STOPWORDS)
    kept = {w: ids for w, ids in units.items() if w.isalpha() and w not in common}
    by_unit: dict[str, list[str]] = {}
    for word, ids in kept.items():
        for unit in ids:
            by_unit.setdefault(unit, []).append(word)
    lines = [
        "# Units and currencies by their names in 37 languages, from the Unicode CLDR: a unit (or ISO",
        "# currency code), a colon, the words that may name it. Generated by tests/engine/units_gen.py: do not edit.",
        *(f"{unit}: {' '.join(sorted(words))}" for unit, words in sorted(by_unit.items())),
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    TARGET.write_text(generate(), encoding="utf-8")
    sys.stdout.write(f"wrote {TARGET}\n")
