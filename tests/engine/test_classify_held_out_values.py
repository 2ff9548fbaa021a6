"""Values on hand-written news pairs in many languages, as a fact-checker meets them: plural magnitude
words ("Thousands" / "Hundreds"), one date written in two forms, a day written as an ordinal before its
month, and titles in the fact table."""

from __future__ import annotations

import pytest

from drift_viewer.engine.classify.facttable import FactKind, fact_table
from drift_viewer.engine.model import ChangeKind as K
from drift_viewer.engine.pipeline import compare_texts
from drift_viewer.engine.segment import segment


def changes(left: str, right: str, language: str | None = None) -> list[tuple[K, str, str]]:
    options = {"language": language} if language else {}
    comparison = compare_texts(left, right, **options)
    return [(c.kind, c.left_text, c.right_text) for _, c in comparison.iter_changes()]


@pytest.mark.parametrize(
    ("language", "left", "right", "pair"),
    [
        ("en", "Thousands of protesters marched on Sunday.", "Hundreds of protesters marched on Sunday.",
         ("Thousands", "Hundreds")),
        ("en", "Millions of people watched the debate.", "Thousands of people watched the debate.",
         ("Millions", "Thousands")),
        ("de", "Tausende Demonstranten zogen durch die Stadt.", "Hunderte Demonstranten zogen durch die Stadt.",
         ("Tausende", "Hunderte")),
        ("de", "Zehntausende Menschen flohen.", "Hunderttausende Menschen flohen.", ("Zehntausende", "Hunderttausende")),
        ("fr", "Des milliers de manifestants ont défilé.", "Des centaines de manifestants ont défilé.",
         ("milliers", "centaines")),
        ("ru", "Тысячи протестующих прошли по столице.", "Сотни протестующих прошли по столице.", ("Тысячи", "Сотни")),
        ("uk", "Тисячі людей вийшли на вулиці.", "Сотні людей вийшли на вулиці.", ("Тисячі", "Сотні")),
        ("pl", "Tysiące demonstrantów przeszły przez stolicę.", "Setki demonstrantów przeszły przez stolicę.",
         ("Tysiące", "Setki")),
        ("it", "Migliaia di manifestanti hanno sfilato.", "Centinaia di manifestanti hanno sfilato.",
         ("Migliaia", "Centinaia")),
        ("pt", "Milhares de manifestantes marcharam.", "Centenas de manifestantes marcharam.", ("Milhares", "Centenas")),
        ("nl", "Duizenden demonstranten liepen door de stad.", "Honderden demonstranten liepen door de stad.",
         ("Duizenden", "Honderden")),
        ("sv", "Tusentals människor flydde.", "Hundratals människor flydde.", ("Tusentals", "Hundratals")),
        ("tr", "Binlerce kişi şehri terk etti.", "Yüzlerce kişi şehri terk etti.", ("Binlerce", "Yüzlerce")),
        ("ar", "فر آلاف الأشخاص من المدينة.", "فر مئات الأشخاص من المدينة.", ("آلاف", "مئات")),
        ("el", "Χιλιάδες άνθρωποι έφυγαν.", "Εκατοντάδες άνθρωποι έφυγαν.", ("Χιλιάδες", "Εκατοντάδες")),
        ("zh", "数千人逃离了这座城市。", "数百人逃离了这座城市。", ("数千人", "数百人")),
        ("ko", "수천 명이 도시를 떠났다.", "수백 명이 도시를 떠났다.", ("수천", "수백")),
        # Spanish "miles" is thousands only in Spanish: the side's language says so
        ("es", "Miles de personas huyeron de la ciudad.", "Muchas personas huyeron de la ciudad.",
         ("Miles de", "Muchas")),
        ("es", "Miles de manifestantes marcharon.", "Cientos de manifestantes marcharon.", ("Miles", "Cientos")),
    ],
)  # fmt: skip
def test_a_plural_magnitude_changed_is_a_number_change(language, left, right, pair) -> None:
    assert changes(left, right, language) == [(K.NUMBER, *pair)]


def test_the_english_unit_miles_is_no_magnitude() -> None:
    assert changes("He walked for miles.", "He walked for hours.", "en") == [(K.REWORDED, "miles", "hours")]


@pytest.mark.parametrize(
    ("language", "left", "right", "expected"),
    [
        # the word diff matched the shared digits and cut the rest into pieces
        ("en", "The vote is on March 3, 2024.", "The vote is on 3/3/2024.", [(K.FORMAT, "March 3, 2024", "3/3/2024")]),
        ("it", "Il contratto è stato firmato il 3 marzo 2024 a Bruxelles.",
         "Il contratto è stato firmato il 3/3/2024 a Bruxelles.", [(K.FORMAT, "3 marzo 2024", "3/3/2024")]),
        # a slashed date was read as a number change
        ("en", "It was signed on 3 March 2024 in Brussels.", "It was signed on 03/03/2024 in Brussels.",
         [(K.FORMAT, "3 March 2024", "03/03/2024")]),
        ("fr", "Le vote aura lieu le 3 mars 2024.", "Le vote aura lieu le 03/03/2024.",
         [(K.FORMAT, "3 mars 2024", "03/03/2024")]),
        ("es", "El contrato se firmó el 3 de marzo de 2024.", "El contrato se firmó el 03/03/2024.",
         [(K.FORMAT, "3 de marzo de 2024", "03/03/2024")]),
        ("nl", "Het contract werd op 3 maart 2024 getekend.", "Het contract werd op 3-3-2024 getekend.",
         [(K.FORMAT, "3 maart 2024", "3-3-2024")]),
        # the words a date carries in its language go with it
        ("ru", "Договор был подписан 3 марта 2024 года в Брюсселе.", "Договор был подписан 03.03.2024 в Брюсселе.",
         [(K.FORMAT, "3 марта 2024 года", "03.03.2024")]),
        ("cs", "Schůze se konala 3. března 2024.", "Schůze se konala 3. 3. 2024.",
         [(K.FORMAT, "3. března 2024", "3. 3. 2024")]),
        # either reading of a day and month with slashes may match; neither is another date
        ("en", "He was born on 12 May 1990, his lawyer said.", "He was born on 5/12/1990, his lawyer said.",
         [(K.FORMAT, "12 May 1990", "5/12/1990")]),
        ("en", "He was born on 12 May 1990, his lawyer said.", "He was born on 12/6/1990, his lawyer said.",
         [(K.NUMBER, "12 May 1990", "12/6/1990")]),
        ("de", "Der Vertrag wurde am 3. März 2024 unterzeichnet.", "Der Vertrag wurde am 13.03.2024 unterzeichnet.",
         [(K.NUMBER, "3. März 2024", "13.03.2024")]),
    ],
)  # fmt: skip
def test_a_date_in_another_form_is_one_change(language, left, right, expected) -> None:
    assert changes(left, right, language) == expected


def test_a_changed_day_of_a_date_stays_the_day() -> None:
    # one number change that names both values; the dates are not joined where the pieces already say it
    assert changes("The talks ended on 3 March 2024.", "The talks ended on 4 March 2024.") == [(K.NUMBER, "3", "4")]
    assert changes("The talks ended on December 4. Both left.", "The talks ended on Dec. 5. Both left.") == [
        (K.FORMAT, "December", "Dec."),
        (K.NUMBER, "4", "5"),
    ]


def test_two_dates_in_one_sentence_are_judged_each_alone() -> None:
    assert changes("Am 3. März 2024 und am 5. März 2024 wurde gestreikt.",
                   "Am 03.03.2024 und am 06.03.2024 wurde gestreikt.", "de") == [
        (K.FORMAT, "3. März 2024", "03.03.2024"),
        (K.NUMBER, "5. März 2024", "06.03.2024"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "language"),
    [("Schůze se konala 3. března 2024. Pak odešli.", "cs"), ("Mødet blev holdt den 3. marts 2024. Så gik de.", "da"),
     ("Schůze se konala 3. 3. 2024. Pak odešli.", "cs")],
)  # fmt: skip
def test_a_day_written_as_an_ordinal_does_not_end_its_sentence(text, language) -> None:
    assert len(segment(text, language)) == 2


def _names(left: str, right: str) -> set[tuple[str, str]]:
    rows = fact_table(compare_texts(left, right))
    return {(r.left_text, r.right_text) for r in rows if r.kind is FactKind.NAME}


def test_a_title_before_a_name_is_no_name_fact() -> None:
    names = _names(
        "The bridge will reopen by April 2, Mayor Katrin Oduya said. The spokesperson, Ms. Ines Varga, agreed.",
        "The bridge will reopen by 2 April, Mayor Katrin Oduja said. The spokesperson, Ms Ines Varga, agreed.",
    )
    assert ("Mayor", "Mayor") not in names and ("Ms", "Ms") not in names
    # "Ms." abbreviates a title: the name after it does not open a sentence
    assert ("Ines", "Ines") in names
    assert ("Oduya", "Oduja") in names


def test_a_house_style_spelling_is_the_same_name_fact() -> None:
    rows = fact_table(compare_texts("The Defense Ministry in Kyiv said so.", "The Defence Ministry in Kyiv said so."))
    statuses = {(r.left_text, r.right_text): r.status.value for r in rows if r.kind is FactKind.NAME}
    assert statuses[("Defense", "Defence")] == "same"


@pytest.mark.parametrize(
    ("language", "left", "right", "pair"),
    [
        # a month said in a case the CLDR does not list ("in May")
        ("ru", "Выборы пройдут в мае 2025 года.", "Выборы пройдут в июне 2025 года.", ("мае", "июне")),
        ("uk", "Вибори відбудуться у травні 2025 року.", "Вибори відбудуться у червні 2025 року.",
         ("травні", "червні")),
        ("pl", "Wybory odbędą się w maju 2025 roku.", "Wybory odbędą się w czerwcu 2025 roku.", ("maju", "czerwcu")),
        ("cs", "Volby se budou konat v květnu 2025.", "Volby se budou konat v červnu 2025.", ("květnu", "červnu")),
        ("tr", "Seçimler mayısta yapılacak.", "Seçimler haziranda yapılacak.", ("mayısta", "haziranda")),
        # another temperature scale, another scale short form, another currency after "de"
        ("en", "The temperature hit 40 °C on Friday.", "The temperature hit 40 °F on Friday.", ("C", "F")),
        ("ru", "Штраф составил 5 млн рублей.", "Штраф составил 5 млрд рублей.", ("млн", "млрд")),
        ("pl", "Kara wyniosła 3 mld zł.", "Kara wyniosła 3 mln zł.", ("mld", "mln")),
        ("fr", "L'amende s'élève à 3 milliards d'euros.", "L'amende s'élève à 3 milliards de dollars.",
         ("d'euros", "de dollars")),
        ("es", "La multa asciende a 5 millones de euros.", "La multa asciende a 5 millones de dólares.",
         ("euros", "dólares")),
        # teens and tens, and numerals written as one word
        ("it", "Undici persone sono morte.", "Dodici persone sono morte.", ("Undici", "Dodici")),
        ("es", "Once personas murieron.", "Doce personas murieron.", ("Once", "Doce")),
        ("de", "Es starben dreizehn Menschen.", "Es starben vierzehn Menschen.", ("dreizehn", "vierzehn")),
        ("ru", "Погибли сорок человек.", "Погибли пятьдесят человек.", ("сорок", "пятьдесят")),
        ("de", "Es starben einundzwanzig Menschen.", "Es starben zweiundzwanzig Menschen.",
         ("einundzwanzig", "zweiundzwanzig")),
        ("en", "Twenty-two people died.", "Twenty-three people died.", ("Twenty-two", "Twenty-three")),
    ],
)  # fmt: skip
def test_values_of_held_out_news(language, left, right, pair) -> None:
    assert changes(left, right, language) == [(K.NUMBER, *pair)]


def test_a_scale_written_short_or_long_is_one_value() -> None:
    assert changes("Штраф составил 5 млн рублей.", "Штраф составил 5 миллионов рублей.", "ru") == [
        (K.FORMAT, "млн", "миллионов")
    ]


def test_a_finnish_negator_joined_to_its_conjunction_denies() -> None:
    # "ettei" is "että" + "ei" (that ... not): one flip, the verb's negative form goes with it
    assert changes("Ministeri sanoi, ettei hallitus nosta veroja.", "Ministeri sanoi, että hallitus nostaa veroja.",
                   "fi") == [(K.NEGATION, "ettei hallitus nosta", "että hallitus nostaa")]  # fmt: skip
    # ... and said apart, it is the same denial: no flip
    found = changes("Hän sanoi, ettei hallitus nosta veroja.", "Hän sanoi, että hallitus ei nosta veroja.", "fi")
    assert found and K.NEGATION not in {kind for kind, _, _ in found}


@pytest.mark.parametrize(
    ("language", "left", "right"),
    [
        ("de", "Der Wetterdienst meldete am 12. März 2024 Regen in 24 Stunden.",
         "Der Wetterdienst meldete am 12.03.2024 Regen in 48 Stunden."),
        ("fr", "Le service a relevé le 12 mars 2024 des pluies en 24 heures.",
         "Le service a relevé le 12/03/2024 des pluies en 48 heures."),
        ("en", "Rain fell on 25 December 2024 for 24 hours.", "Rain fell on 12/25/2024 for 48 hours."),
    ],
)  # fmt: skip
def test_the_month_of_a_date_in_digits_is_a_date_fact(language, left, right) -> None:
    rows = fact_table(compare_texts(left, right, language=language))
    numbers = {(r.status.value, r.left_text, r.right_text) for r in rows if r.kind is FactKind.NUMBER}
    dates = {(r.status.value, r.left_text, r.right_text) for r in rows if r.kind is FactKind.DATE}
    assert ("changed", "24", "48") in numbers  # not "24" -> "03", with "48" added
    assert [status for status, _, _ in dates] == ["same"]


def test_an_english_day_and_month_under_13_stay_numbers() -> None:
    # 03/04/2024 is 3 April in London and March 4 in New York: no month is read from it
    rows = fact_table(compare_texts("It opened on 3 April 2024.", "It opened on 03/04/2024.", language="en"))
    assert [r.status.value for r in rows if r.kind is FactKind.DATE] == ["missing"]


@pytest.mark.parametrize(
    ("language", "left", "right", "pair"),
    [
        ("en", "It took 1 hour.", "It took 2 hours.", ("1 hour", "2 hours")),
        ("en", "He was jailed for one year.", "He was jailed for two years.", ("one year", "two years")),
        ("de", "Es dauerte 1 Stunde.", "Es dauerte 2 Stunden.", ("1 Stunde", "2 Stunden")),
        ("pl", "Trwało to 24 godziny.", "Trwało to 48 godzin.", ("24 godziny", "48 godzin")),
        ("ru", "Это заняло 24 часа.", "Это заняло 48 часов.", ("24 часа", "48 часов")),
        ("ru", "Ущерб составил 5 миллионов долларов.", "Ущерб составил 2 миллиона долларов.",
         ("5 миллионов", "2 миллиона")),
    ],
)  # fmt: skip
def test_a_unit_agreeing_with_its_changed_number_is_part_of_the_change(language, left, right, pair) -> None:
    assert changes(left, right, language) == [(K.NUMBER, *pair)]


def test_another_unit_after_the_same_number_stays_alone() -> None:
    assert changes("It took 2 hours.", "It took 2 days.", "en") == [(K.NUMBER, "hours", "days")]


def test_a_denied_object_inside_a_quotation_goes_with_the_flip() -> None:
    # Russian genitive of negation: "не теряем надежды" / "теряем надежду", inside a quotation
    assert changes("«Мы не теряем надежды найти выживших», — сказала она.",
                   "«Мы теряем надежду найти выживших», — сказала она.", "ru") == [
        (K.NEGATION, "не теряем надежды", "теряем надежду")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "left", "right", "pair"),
    [
        ("ar", "وتقدر الأضرار بنحو 1.2 مليار دولار.", "وتقدر الأضرار بنحو 1.2 مليون دولار.", ("مليار", "مليون")),
        ("he", "הנזק מוערך ב-1.2 מיליארד דולר.", "הנזק מוערך ב-1.2 מיליון דולר.", ("מיליארד", "מיליון")),
        ("tr", "Zarar 1,2 milyar dolar olarak tahmin ediliyor.", "Zarar 1,2 milyon dolar olarak tahmin ediliyor.",
         ("milyar", "milyon")),
    ],
)  # fmt: skip
def test_a_scale_word_changed_is_a_number_change(language, left, right, pair) -> None:
    assert changes(left, right, language) == [(K.NUMBER, *pair)]


def test_a_han_unit_character_alone_in_a_name_is_no_number() -> None:
    # 埃斯特班 / 埃斯特万 (Esteban respelt): the segmenter cuts the unknown name, and 万 alone counts nothing
    found = changes("省长埃斯特班表示，救援仍在继续。", "省长埃斯特万表示，救援仍在继续。", "zh")
    assert found and K.NUMBER not in {kind for kind, _, _ in found}


@pytest.mark.parametrize(
    ("language", "left", "right", "pair"),
    [
        ("ja", "被害額は12億ドルと推定される。", "被害額は12億円と推定される。", ("ドル", "円")),
        ("zh", "损失估计为12亿美元。", "损失估计为12亿欧元。", ("亿美元", "亿欧元")),
        ("ko", "피해액은 12억 달러로 추정된다.", "피해액은 12억 유로로 추정된다.", ("달러로", "유로로")),
    ],
)  # fmt: skip
def test_another_currency_in_chinese_japanese_and_korean(language, left, right, pair) -> None:
    assert changes(left, right, language) == [(K.NUMBER, *pair)]
