"""Plural magnitude words: "thousands", "Tausende", "milliers", "тысячи" state an amount by its order of
magnitude. "Thousands of protesters" / "Hundreds of protesters" changes how many came as surely as
"3,000" / "300" does, so each such word is valued at the magnitude it names (the same reading as
amounts.py gives "by hundreds" / "a hundred deep").

Only forms that are no common word of another supported language are listed for every language. A
form that is one is read only where its side is known to be in the language it counts in: Spanish
"miles" (thousands) is the English unit.
"""

from __future__ import annotations

_BY_MAGNITUDE = {
    10.0: (
        "tens dizaines decenas decine dezenas tientallen tiotals dziesiątki dziesiątek desítky десятки десятков "
        "десятків onlarca عشرات עשרות δεκάδες kymmeniä puluhan desenes zeci"
    ),
    12.0: "dozens dutzende douzaines docenas dozzine dúzias dussintals düzinelerce",
    100.0: (
        "hundreds hunderte centaines cientos centenares centinaia centenas honderden hundratals hundredvis "
        "hundrevis setki setek stovky сотни сотен сотні сотень yüzlerce مئات εκατοντάδες satoja ratusan "
        "centenars sute सैकड़ों 수백"
    ),
    1000.0: (
        "thousands tausende milliers millares migliaia milhares duizenden tusentals tusindvis tusenvis "
        "tysiące tisíce тысячи тисячі binlerce آلاف אלפי אלפים χιλιάδες tuhansia ribuan milers हज़ारों हजारों 수천"
    ),
    10_000.0: "zehntausende 수만",
    100_000.0: "hunderttausende लाखों",
    1e6: "millions millionen milioni milhões miljoenen miljontals miliony milionów миллионы миллионов мільйони "
    "мільйонів milyonlarca ملايين מיליוני מיליונים εκατομμύρια miljoonia jutaan",
    1e9: "billions milliards miliardi miliardy миллиарды мільярди",
}
# The short forms news writes after a number, with no stop: Russian "5 млн рублей", Polish "3 mld zł".
_SHORT = {"тыс": 1e3, "тис": 1e3, "tys": 1e3, "млн": 1e6, "mln": 1e6, "млрд": 1e9, "mld": 1e9, "mrd": 1e9, "bln": 1e9}
# ... and the case forms a scale word takes after a number in Slavic languages ("2 миллиона", "5 миллионов").
_SCALE_CASES = {
    1e3: "тысяч тысячу тисяч тисячу tysięcy",
    1e6: "миллион миллиона мільйон мільйона milion miliona milionu",
    1e9: "миллиард миллиарда миллиардов мільярд мільярда мільярдів miliard miliarda miliardów",
}
# The scale words of the languages whose number lists (lexicon/numbers.py) stop at a thousand: Arabic,
# Hebrew, Greek, Turkish, Persian ("1.2 مليار دولار" / "1.2 مليون دولار").
_SCALES_MORE = {
    1e6: "مليون ملايين מיליון εκατομμύριο εκατ milyon میلیون",
    1e9: "مليار مليارات מיליארד מיליארדים δισεκατομμύριο δισεκατομμύρια δισ milyar میلیارد",
}
PLURAL_MAGNITUDES: dict[str, float] = (
    _SHORT
    | {w: v for v, ws in _SCALE_CASES.items() for w in ws.split()}
    | {w: v for v, ws in _SCALES_MORE.items() for w in ws.split()}
    | {word: value for value, words in _BY_MAGNITUDE.items() for word in words.split()}
)

# Forms that are another language's common word, valued only on a side known to be in their language:
# Spanish "miles" is the English unit, "once" English, "doce" Portuguese "sweet"; Portuguese "doze" and
# French "seize" are English verbs; Polish and Czech "sto" is Italian "I am".
_IN_LANGUAGE = {
    "es": {"miles": 1000.0, "once": 11.0, "doce": 12.0, "quince": 15.0},
    "pt": {"doze": 12.0, "quinze": 15.0},
    "fr": {"seize": 16.0},
    "pl": {"sto": 100.0},
    "cs": {"sto": 100.0},
    "sk": {"sto": 100.0},
}


# Chinese and Japanese say "several thousand" with 数 / 几 / 幾 ("a few") or 上 ("up to") before the unit:
# 数千人, 几百名, 上万. At most one counter may follow (人, 名, 个).
_CJK_FEW = "数几幾上"
_CJK_UNIT = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 10_000.0, "萬": 10_000.0, "亿": 1e8, "億": 1e8}


def plural_magnitude(word: str) -> float | None:
    """The magnitude a plural magnitude word names (lower-case `word`), or None."""
    value = PLURAL_MAGNITUDES.get(word)
    if value is None and len(word) >= 2 and word[0] in _CJK_FEW and word[1] in _CJK_UNIT and len(word) <= 3:
        value = _CJK_UNIT[word[1]]
    return value


def language_values(words: list[str], language: str | None) -> list[float]:
    """The values of the forms in `words` that only `language` reads as numbers ("miles", "once" in
    Spanish)."""
    own = _IN_LANGUAGE.get(language or "", {})
    return [own[w] for w in words if w in own]
