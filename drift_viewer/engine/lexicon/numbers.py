"""Numbers, months and weekdays as words, and the value of a number written in digits or words."""

from __future__ import annotations

import re
from functools import lru_cache

from .calendar_data import CLDR_MONTHS, CLDR_WEEKDAYS

_UNITS = {
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 10**6, "billion": 10**9, "dozen": 12,
    # German
    "null": 0, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
    "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90, "hundert": 100, "tausend": 1000, "millionen": 10**6, "milliarden": 10**9,
    # French ("un"/"une" are also articles, so they are left out)
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "onze": 11, "douze": 12, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "cent": 100, "cents": 100,
    "mille": 1000,
    # Spanish, Italian, Dutch (not "uno", "due", "sei", "otto": also words or names elsewhere)
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "cien": 100, "millones": 10**6,
    "tre": 3, "quattro": 4, "cinque": 5, "sette": 7, "nove": 9, "dieci": 10, "venti": 20, "trenta": 30,
    "cento": 100, "milioni": 10**6,
    "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "negen": 9, "tien": 10, "twintig": 20,
    "honderd": 100, "duizend": 1000, "miljoen": 10**6,
    # Portuguese, Swedish, Danish, Norwegian (not "to", "ti", "ni", "en", "et", "fire", "sex": words elsewhere)
    "dois": 2, "duas": 2, "três": 3, "quatro": 4, "sete": 7, "oito": 8, "dez": 10, "vinte": 20,
    "trinta": 30, "cem": 100, "fyra": 4, "fem": 5, "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "tjugo": 20,
    "hundra": 100, "tusen": 1000, "seks": 6, "syv": 7, "otte": 8, "åtte": 8, "tyve": 20, "tjue": 20,
    "hundrede": 100, "hundre": 100, "tusind": 1000,
    # Polish, Czech
    "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6, "siedem": 7, "osiem": 8,
    "dziewięć": 9, "dziesięć": 10, "dwadzieścia": 20, "tysiąc": 1000, "dva": 2, "dvě": 2, "tři": 3,
    "čtyři": 4, "pět": 5, "šest": 6, "sedm": 7, "osm": 8, "devět": 9, "deset": 10, "dvacet": 20, "tisíc": 1000,
    # Russian, Ukrainian
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8, "девять": 9,
    "десять": 10, "двадцать": 20, "сто": 100, "тысяча": 1000, "дві": 2, "чотири": 4, "п'ять": 5,
    "шість": 6, "сім": 7, "вісім": 8, "дев'ять": 9, "двадцять": 20, "тисяча": 1000,
    # Turkish (not "on" ten, "bin" thousand: English words)
    "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9, "yirmi": 20, "yüz": 100,
    # Arabic, Hebrew
    "اثنان": 2, "اثنين": 2, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6,
    "سبعة": 7, "ثمانية": 8, "تسعة": 9, "عشرة": 10, "عشر": 10, "عشرون": 20, "عشرين": 20, "مئة": 100,
    "مائة": 100, "ألف": 1000, "שניים": 2, "שתיים": 2, "שלושה": 3, "שלוש": 3, "ארבעה": 4, "ארבע": 4,
    "חמישה": 5, "חמש": 5, "שישה": 6, "שש": 6, "שבעה": 7, "שבע": 7, "שמונה": 8, "תשעה": 9, "תשע": 9,
    "עשרה": 10, "עשר": 10, "עשרים": 20, "מאה": 100, "אלף": 1000,
    # Greek (both genders of 3 and 4), Finnish, Hungarian (not "hat" six: English), Romanian (not "opt",
    # "nouă" new, "mie" me), Indonesian (not "lima": the city), Catalan (the rest are French or Spanish)
    "δύο": 2, "τρία": 3, "τρεις": 3, "τέσσερα": 4, "τέσσερις": 4, "πέντε": 5, "έξι": 6, "επτά": 7, "εφτά": 7,
    "οκτώ": 8, "οχτώ": 8, "εννέα": 9, "εννιά": 9, "δέκα": 10, "είκοσι": 20, "εκατό": 100, "χίλια": 1000,
    "kaksi": 2, "kolme": 3, "neljä": 4, "viisi": 5, "kuusi": 6, "seitsemän": 7, "kahdeksan": 8, "yhdeksän": 9,
    "kymmenen": 10, "sata": 100, "tuhat": 1000,
    "kettő": 2, "két": 2, "három": 3, "négy": 4, "öt": 5, "hét": 7, "nyolc": 8, "kilenc": 9, "tíz": 10,
    "húsz": 20, "száz": 100, "ezer": 1000,
    "trei": 3, "patru": 4, "cinci": 5, "șase": 6, "șapte": 7, "zece": 10, "douăzeci": 20,
    "dua": 2, "tiga": 3, "empat": 4, "enam": 6, "tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10,
    "seratus": 100, "seribu": 1000,
    "cinc": 5, "vuit": 8,
}  # fmt: skip
# Teens and tens the lists above lacked. Not Spanish "once" (English), "doce" and "quince" (Portuguese
# "sweet", English "quince"), Portuguese "doze" (English), French "seize" (English), Latin-script "sto"
# (Italian "I am"): those are read only on a side known to be in their language (magnitudes.py).
_MORE = [
    ("dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn", 13),
    ("twaalf dertien veertien vijftien zestien zeventien achttien negentien", 12),
    ("undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove", 11),
    ("_ trece catorce _ dieciséis diecisiete dieciocho diecinueve", 12),
    ("_ treze catorze _ dezesseis dezessete dezoito dezenove", 12),
    ("treize quatorze quinze", 13),
    ("elva tolv tretton fjorton femton sexton sjutton arton nitton", 11),
    ("elleve _ tretten fjorten femten seksten sytten atten nitten", 11),
    ("jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście", 11),
    ("jedenáct dvanáct třináct čtrnáct patnáct šestnáct sedmnáct osmnáct devatenáct", 11),
    ("одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать", 11),
    ("одинадцять дванадцять тринадцять чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять дев'ятнадцять", 11),
]
_TENS = [
    "тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто",
    "тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто",
    "trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt dziewięćdziesiąt",
    "třicet čtyřicet padesát šedesát sedmdesát osmdesát devadesát",
    "_ quaranta cinquanta sessanta settanta ottanta novanta",
    "_ _ _ sesenta setenta ochenta noventa",
    "_ quarenta cinquenta sessenta setenta oitenta noventa",
    "dertig veertig vijftig zestig zeventig tachtig negentig",
    "trettio fyrtio femtio sextio sjuttio åttio nittio",
    "otuz kırk elli altmış yetmiş seksen doksan",
]
for _words, _first in _MORE:
    for _n, _word in enumerate(_words.split()):
        if _word != "_":
            _UNITS.setdefault(_word, _first + _n)
for _words in _TENS:
    for _n, _word in enumerate(_words.split()):
        if _word != "_":
            _UNITS.setdefault(_word, 30 + 10 * _n)
NUMBER_WORDS: dict[str, int] = _UNITS

# Ordinals of the numbers a text may state as amounts ("in his fortieth year" / "forty years old"). Not
# "first" and "second": they are as often "at first" and a unit of time as a rank.
ORDINAL_WORDS: dict[str, float] = {
    word: float(value)
    for words, value in (
        ("third dritte troisième", 3), ("fourth vierte quatrième", 4), ("fifth fünfte cinquième", 5),
        ("sixth sechste sixième", 6), ("seventh siebte septième", 7), ("eighth achte huitième", 8),
        ("ninth neunte neuvième", 9), ("tenth zehnte dixième", 10), ("eleventh elfte", 11), ("twelfth zwölfte", 12),
        ("thirteenth", 13), ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17),
        ("eighteenth", 18), ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30), ("fortieth", 40),
        ("fiftieth", 50), ("sixtieth", 60), ("seventieth", 70), ("eightieth", 80), ("ninetieth", 90),
        ("hundredth", 100), ("thousandth", 1000),
    )
    for word in words.split()
}  # fmt: skip

# Words that only say "per hundred": "55 percent" and "55%" have the same value.
PERCENT_WORDS = frozenset(
    {"percent", "per cent", "prozent", "pour cent", "pourcent", "%"}
    | set(
        [
            "procent",
            "procento",
            "procenta",
            "procentů",
            "prosent",
            "процент",
            "процента",
            "процентов",
            "процентa",
            "відсоток",
            "відсотки",
            "відсотків",
            "prosenttia",
            "prosentti",
            "százalék",
        ]
    )
)

_MONTHS = [
    ("january jan januar janv janvier jänner enero gennaio januari", 1),
    ("february feb februar févr fevr février fevrier febrero febbraio februari", 2),
    ("march mar märz mär mars marzo maart", 3),
    ("april apr avril avr abril aprile", 4),
    ("may mai mayo maggio mei", 5),
    ("june jun juni juin junio giugno", 6),
    ("july jul juli juil juillet julio luglio", 7),
    ("august aug août aout agosto augustus", 8),
    ("september sep sept septembre septiembre setiembre settembre", 9),
    ("october oct oktober okt octobre octubre ottobre", 10),
    ("november nov novembre noviembre", 11),
    ("december dec dezember dez décembre decembre déc diciembre dicembre", 12),
]
# "In May" said in a case of its own, which the CLDR does not list (it has the nominative and the genitive):
# Russian prepositional "в мае", Ukrainian locative "у травні", Polish "w maju", Czech "v květnu".
_MONTHS_IN = [
    "январе styczniu січні lednu", "феврале lutym лютому únoru", "марте marcu березні březnu",
    "апреле kwietniu квітні dubnu", "мае maju травні květnu", "июне czerwcu червні červnu",
    "июле lipcu липні červenci", "августе sierpniu серпні srpnu", "сентябре wrześniu вересні",
    "октябре październiku жовтні říjnu", "ноябре listopadzie листопаді", "декабре grudniu грудні prosinci",
]  # fmt: skip
# Turkish writes the case ending onto a lower-case month without an apostrophe: "mayısta", "haziranda".
_TR_MONTHS = [
    "ocak",
    "şubat",
    "mart",
    "nisan",
    "mayıs",
    "haziran",
    "temmuz",
    "ağustos",
    "eylül",
    "ekim",
    "kasım",
    "aralık",
]


def _turkish_locatives() -> dict[str, int]:
    """Each Turkish month with its locative and ablative endings, by vowel harmony and voicing."""
    out = {}
    for number, month in enumerate(_TR_MONTHS, 1):
        vowel = next((c for c in reversed(month) if c in "aıoueiöü"), "a")
        v = "a" if vowel in "aıou" else "e"
        d = "t" if month[-1] in "çfhkpsşt" else "d"
        for ending in (d + v, d + v + "n"):
            out[month + ending] = number
    return out


# The other supported languages' names come from the CLDR (calendar_data.py); the hand-spelt ones win.
MONTHS: dict[str, int] = {
    **CLDR_MONTHS,
    **_turkish_locatives(),
    **{name: number for number, names in enumerate(_MONTHS_IN, 1) for name in names.split()},
    **{name: number for names, number in _MONTHS for name in names.split()},
}
# Month names that are common words of another supported language (Spanish "marca" a brand, Dutch
# "leden" members, English "mart"): a month only where a date stands (values.dates, factread.months).
MONTH_OR_WORD = frozenset({"marca", "maja", "maj", "mart", "leden", "maio"})

# Short forms that are also common words ("sun", "mar", German "do", "so") are left out.
_WEEKDAYS = [
    ("monday mon montag lundi lunes lunedì maandag", 1),
    ("tuesday tue tues dienstag mardi martes martedì dinsdag", 2),
    ("wednesday wed mittwoch mercredi miércoles mercoledì woensdag", 3),
    ("thursday thu thur thurs donnerstag jeudi jueves giovedì donderdag", 4),
    ("friday fri freitag vendredi viernes venerdì vrijdag", 5),
    ("saturday samstag sonnabend samedi sábado sabato zaterdag", 6),
    ("sunday sonntag dimanche domingo domenica zondag", 7),
]
WEEKDAYS: dict[str, int] = {**CLDR_WEEKDAYS, **{name: number for names, number in _WEEKDAYS for name in names.split()}}


# "3rd", "21st", French "1er", "2e", "3ème": the day in "March 3rd" is the 3 of "3 March".
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th|er|re|e|ème|eme|è)", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # a pure function of the word, asked ~80k times a book for ~10k words
def number_value(word: str) -> float | None:
    """The value of a digit string ("1,000", "4.5") or a number word; None if `word` is neither.

    Month names win over number words: "Sept." is September far more often than French seven."""
    if word[:1].isdigit():
        ordinal = _ORDINAL.fullmatch(word)
        if ordinal:
            return float(ordinal.group(1))
        plain = word.replace(",", "").replace("\u202f", "").replace("'", "")
        try:
            return float(plain)
        except ValueError:
            pass
        glued = _GLUED_SUFFIX.fullmatch(word)
        if glued:
            # A counter or case ending written onto the digits: Korean 12일, Chinese 5座, Turkish 12'de.
            return number_value(glued.group(1))
        # German decimal comma "4,5" or a stray mix: keep digits apart so 4,5 and 4.5 still differ.
        digits = "".join(c if c.isdigit() else "." for c in word)
        try:
            return float(digits)
        except ValueError:
            return None
    prefixed = _GLUED_PREFIX.fullmatch(word)
    if prefixed:
        return number_value(prefixed.group(1))  # Hebrew ב-12, Arabic ال-5: a particle before the digits
    if word in MONTHS:
        return None
    value = NUMBER_WORDS.get(word)
    if value is None:
        compound = _compound_number(word)
        return compound if compound is not None or word.isascii() else _cjk_number(word)
    return float(value)


_GLUED_SUFFIX = re.compile(r"(\d+(?:[.,]\d+)?)['’]?[^\W\d_]+")
_GLUED_PREFIX = re.compile(r"[^\W\d_]{1,3}-(\d+(?:[.,]\d+)*%?)")
_CJK_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_LARGE = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}


# A unit character alone, no digit before it and no counter after: a character of a word the segmenter did
# not know, most often a foreign name spelt in Han (埃斯特万 "Esteban" cut into 埃斯特 and 万), not a count.
_CJK_ALONE = frozenset("十百千万萬亿億")


def _cjk_number(word: str) -> float | None:
    """The value of a Chinese or Japanese numeral at the start of a word, with at most one counter after
    it (五, 五座, 二十三, 三千五百万, 五つ); None otherwise. A lone 一 is left out: it opens ordinary words
    (一起 "together", 一样 "the same") far more often than it counts."""
    n = 0
    while n < len(word) and (word[n] in _CJK_DIGITS or word[n] in _CJK_UNITS or word[n] in _CJK_LARGE):
        n += 1
    if n == 0 or len(word) - n > 1 or word[:n] == "一" or (n == len(word) == 1 and word in _CJK_ALONE):
        return None
    total = section = digit = 0
    for ch in word[:n]:
        if ch in _CJK_DIGITS:
            digit = _CJK_DIGITS[ch]
        elif ch in _CJK_UNITS:
            section += (digit or 1) * _CJK_UNITS[ch]
            digit = 0
        else:
            total += (section + digit or 1) * _CJK_LARGE[ch]
            section = digit = 0
    return float(total + section + digit)


_GERMAN_COMPOUND = re.compile(r"(ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und(\w+zig|dreißig)")


def _compound_number(word: str) -> float | None:
    """Tens and units in one word: "forty-five", "fünfundvierzig"; None for anything else."""
    m = _GERMAN_COMPOUND.fullmatch(word)
    tens, unit = (m.group(2), "eins" if m.group(1) == "ein" else m.group(1)) if m else word.partition("-")[::2]
    t, u = NUMBER_WORDS.get(tens), NUMBER_WORDS.get(unit)
    if t is None or u is None or not (20 <= t <= 90 and t % 10 == 0 and 1 <= u <= 9):
        return None
    return float(t + u)
