"""Change kinds on hand-written pairs nobody tuned for, in many languages, as a fact-checker meets them:
two-word negations as one flip, the languages detected without rules of their own before, names declined
by case, Arabic letter variants and names respelt once in scripts without capitals."""

from __future__ import annotations

import pytest

from drift_viewer.engine.model import ChangeKind as K
from drift_viewer.engine.pipeline import compare_texts


def changes(left: str, right: str, language: str | None = None) -> list[tuple[K, str, str]]:
    options = {"language": language} if language else {}
    comparison = compare_texts(left, right, **options)
    return [(c.kind, c.left_text, c.right_text) for _, c in comparison.iter_changes()]


@pytest.mark.parametrize(
    ("language", "left", "right", "expected"),
    [
        # one denial said with two words is one change, whatever stands between them
        ("fr", "Le ministre ne veut pas augmenter les impôts.", "Le ministre veut augmenter les impôts.",
         [(K.NEGATION, "ne veut pas", "veut")]),
        ("fr", "Il ne le lui a pas donné hier soir.", "Il le lui a donné hier soir.",
         [(K.NEGATION, "ne le lui a pas", "le lui a")]),
        # "plus de" / "des": the partner word went with its article
        ("fr", "Il ne reste plus de vaccins dans la région.", "Il reste des vaccins dans la région.",
         [(K.NEGATION, "ne reste plus de", "reste des")]),
        ("ca", "El govern no vol pas apujar els impostos aquest any.", "El govern vol apujar els impostos aquest any.",
         [(K.NEGATION, "no vol pas", "vol")]),
        ("af", "Die regering sal nie die belasting verhoog nie.", "Die regering sal die belasting verhoog.",
         [(K.NEGATION, "nie die belasting verhoog nie", "die belasting verhoog")]),
        # a denied verb takes its object in the genitive: the new ending is part of the flip
        ("pl", "Rząd nie podniesie podatków w tym roku.", "Rząd podniesie podatki w tym roku.",
         [(K.NEGATION, "nie podniesie podatków", "podniesie podatki")]),
        ("ru", "Он не видел машины.", "Он видел машину.", [(K.NEGATION, "не видел машины", "видел машину")]),
        # Czech concord: the negated verb and "žádné" are one denial; the verb opening the sentence is no name
        ("cs", "Neviděl jsem žádné auto.", "Viděl jsem auto.", [(K.NEGATION, "Neviděl jsem žádné", "Viděl jsem")]),
    ],
)  # fmt: skip
def test_a_two_word_negation_is_one_change(language, left, right, expected) -> None:
    assert changes(left, right, language) == expected


def test_two_denials_in_one_clause_stay_two() -> None:
    assert changes("Il ne mange jamais et ne boit pas.", "Il mange et boit.", "fr") == [
        (K.NEGATION, "ne mange jamais", "mange"),
        (K.NEGATION, "ne boit pas", "boit"),
    ]


def test_a_partner_word_swapped_alone_is_no_flip() -> None:
    # "ne ... pas" / "ne ... plus": still denied, the rewording of "not" into "no longer"
    assert changes("Le ministre ne veut pas augmenter les impôts.", "Le ministre ne veut plus augmenter les impôts.",
                   "fr") == [(K.REWORDED, "pas", "plus")]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "left", "right", "negator"),
    [
        ("el", "Η κυβέρνηση δεν θα αυξήσει τους φόρους φέτος.", "Η κυβέρνηση θα αυξήσει τους φόρους φέτος.", "δεν"),
        ("id", "Pemerintah tidak akan menaikkan pajak tahun ini.", "Pemerintah akan menaikkan pajak tahun ini.",
         "tidak"),
        ("vi", "Chính phủ sẽ không tăng thuế trong năm nay.", "Chính phủ sẽ tăng thuế trong năm nay.", "không"),
        ("ro", "Guvernul nu va crește taxele anul acesta.", "Guvernul va crește taxele anul acesta.", "nu"),
        ("hi", "सरकार इस साल कर नहीं बढ़ाएगी।", "सरकार इस साल कर बढ़ाएगी।", "नहीं"),  # the span keeps its vowel sign
        ("fi", "Hallitus ei nosta veroja tänä vuonna.", "Hallitus nostaa veroja tänä vuonna.", "ei nosta"),
    ],
)  # fmt: skip
def test_languages_detected_before_without_rules_flip(language, left, right, negator) -> None:
    [(kind, a, _)] = changes(left, right, language)
    assert (kind, a) == (K.NEGATION, negator)


def test_a_vietnamese_yes_no_question_denies_nothing() -> None:
    # "có ... không?" asks; dropping the question particle is no flip
    kinds = [k for k, _, _ in changes("Anh có đi Hà Nội không? Tôi đi.", "Anh có đi Hà Nội? Tôi đi.", "vi")]
    assert K.NEGATION not in kinds


@pytest.mark.parametrize(
    ("language", "left", "right"),
    [
        ("pl", "Donald Tusk powiedział, że rząd nie zmieni planu.", "Zdaniem Donalda Tuska rząd nie zmieni planu."),
        ("ru", "Песков заявил, что Кремль не видел доклада.", "По словам Пескова, Кремль не видел доклада."),
        ("fi", "Sanna Marin vieraili Berliinissä.", "Sanna Marinin mukaan vierailu Berliinissä onnistui."),
        ("cs", "Premiér Fiala v pondělí jednal v Bruselu.", "S premiérem Fialou jednali v pondělí v Bruselu."),
    ],
)
def test_a_name_in_another_case_is_no_name_change(language, left, right) -> None:
    assert K.NAME not in [k for k, _, _ in changes(left, right, language)]


@pytest.mark.parametrize(
    ("language", "left", "right", "pair"),
    [
        ("pl", "Premier Tusk przyjechał do Brukseli.", "Premier Tusek przyjechał do Brukseli.", ("Tusk", "Tusek")),
        ("ru", "Дмитрий Песков заявил, что Кремль не видел доклада.",
         "Дмитрий Песоков заявил, что Кремль не видел доклада.", ("Песков", "Песоков")),
        # Arabic and Hebrew, said once: not a listed word, respelt inside
        ("ar", "التقى الرئيس بوزير الخارجية أنتوني بلينكن.", "التقى الرئيس بوزير الخارجية أنتوني بلينكين.",
         ("بلينكن", "بلينكين")),
        ("he", "ראש הממשלה נתניהו נפגש עם אנטוני בלינקן.", "ראש הממשלה נתניהו נפגש עם אנטוני בלינקין.",
         ("בלינקן", "בלינקין")),
    ],
)  # fmt: skip
def test_a_name_respelt_is_a_name_change(language, left, right, pair) -> None:
    assert changes(left, right, language) == [(K.NAME, *pair)]


def test_arabic_letter_variants_are_a_spelling() -> None:
    # final yā' as alif maqṣūra (Egyptian usage): the same name written otherwise
    assert changes("قال الرئيس عبد الفتاح السيسي إن الاقتصاد ينمو.", "قال الرئيس عبد الفتاح السيسى إن الاقتصاد ينمو.",
                   "ar") == [(K.SPELLING, "السيسي", "السيسى")]  # fmt: skip


@pytest.mark.parametrize(("left", "right"), [("nothing", "nought"), ("naught", "nothing")])
def test_nought_denies_as_nothing_does(left, right) -> None:
    kinds = [k for k, _, _ in changes(f"He found {left} in the house.", f"He found {right} in the house.", "en")]
    assert kinds == [K.REWORDED]


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Herod treated him with contempt and mocked him.", "Herod set him at nought and mocked him."),
        ("The plan came to naught.", "The plan came to nothing."),
    ],
)
def test_set_at_nought_is_no_denial(left, right) -> None:
    # idioms of contempt and ruin: "set at nought" is "despise", "come to naught" is "fail"
    assert K.NEGATION not in [k for k, _, _ in changes(left, right, "en")]


@pytest.mark.parametrize(
    ("language", "left", "right", "expected"),
    [
        ("zh", "事故造成三人死亡。", "事故造成四人死亡。", [(K.NUMBER, "三人", "四人")]),
        ("ja", "事故で三人が死亡した。", "事故で四人が死亡した。", [(K.NUMBER, "三", "四")]),
        ("el", "Τρεις άνθρωποι σκοτώθηκαν στο ατύχημα.", "Τέσσερις άνθρωποι σκοτώθηκαν στο ατύχημα.",
         [(K.NUMBER, "Τρεις", "Τέσσερις")]),
        ("fi", "Onnettomuudessa kuoli kolme ihmistä.", "Onnettomuudessa kuoli neljä ihmistä.",
         [(K.NUMBER, "kolme", "neljä")]),
        ("es", "La inflación subió al 2,5 por ciento.", "La inflación subió al 2,5%.", [(K.FORMAT, " por ciento", "%")]),
        ("ru", "Сделка оценивается в 1,2 млрд рублей.", "Сделка оценивается в 1,2 миллиарда рублей.",
         [(K.FORMAT, "млрд", "миллиарда")]),
        # another currency is another amount
        ("en", "The deal is worth $1.2bn.", "The deal is worth £1.2bn.", [(K.NUMBER, "$", "£")]),
        # Arabic-Indic digits with the Arabic decimal separator and percent sign
        ("ar", "قال الوزير إن النمو بلغ ٣٫٥٪ هذا العام.", "قال الوزير إن النمو بلغ 3.5% هذا العام.",
         [(K.FORMAT, "٣٫٥٪", "3.5%")]),
    ],
)  # fmt: skip
def test_values_in_other_languages_and_scripts(language, left, right, expected) -> None:
    assert changes(left, right, language) == expected


@pytest.mark.parametrize(
    ("language", "left", "right"),
    [
        ("ja", "首相は「法律を改正する」と述べた。", "首相は『法律を改正する』と述べた。"),
        ("zh", "总理说：“我们将修改法律。”", "总理说：「我们将修改法律。」"),
        ("he", 'השר אמר: "נשנה את החוק".', "השר אמר: ״נשנה את החוק״."),
        # German »...« closes with «: the closing mark stays in its sentence
        ("de", "Er sagte: »Wir werden das Gesetz ändern.«", "Er sagte: „Wir werden das Gesetz ändern.“"),
    ],
)
def test_quotation_marks_of_other_languages_are_typography(language, left, right) -> None:
    assert {k for k, _, _ in changes(left, right, language)} == {K.TYPOGRAPHY}


def test_a_word_opening_a_quote_is_no_name_for_sharing_an_ending() -> None:
    # Finnish "Muutamme" / "Kumoamme" (we change / we repeal): rare forms that share only "-amme"
    assert changes("Hän sanoi: ”Muutamme lakia.”", "Hän sanoi: ”Kumoamme lakia.”", "fi") == [
        (K.QUOTE, "Muutamme", "Kumoamme")
    ]


@pytest.mark.parametrize(
    ("language", "left", "right", "expected"),
    [
        ("es", "Es imposible.", "No es posible.", [(K.REWORDED, "Es imposible", "No es posible")]),
        ("pl", "To jest niemożliwe.", "To nie jest możliwe.", [(K.REWORDED, "jest niemożliwe", "nie jest możliwe")]),
    ],
)
def test_a_denial_moved_from_a_prefix_to_a_negator_is_no_flip(language, left, right, expected) -> None:
    assert changes(left, right, language) == expected


@pytest.mark.parametrize(
    ("language", "left", "right", "pair"),
    [
        ("es", "El ministro Óscar Puente habló el lunes.", "El ministro Oscar Puente habló el lunes.", ("Óscar", "Oscar")),
        ("de", "Außenministerin Baerbock reiste nach Kiew.", "Außenministerin Bärbock reiste nach Kiew.",
         ("Baerbock", "Bärbock")),
        ("pl", "Wałęsa przemawiał w Gdańsku.", "Walesa przemawiał w Gdańsku.", ("Wałęsa", "Walesa")),
        ("ru", "Ёлка стояла в зале.", "Елка стояла в зале.", ("Ёлка", "Елка")),
        ("fr", "La réunion a eu lieu à Genève.", "La réunion a eu lieu a Genève.", ("à", "a")),
    ],
)  # fmt: skip
def test_letters_written_without_their_marks_are_a_spelling(language, left, right, pair) -> None:
    # an accent on the first letter, ä written ae, ł written l, ё written е: the same word or name
    assert changes(left, right, language) == [(K.SPELLING, *pair)]


def test_a_name_respelt_beyond_its_marks_stays_a_name() -> None:
    assert changes("Außenministerin Baerbock reiste nach Kiew.", "Außenministerin Baerbeck reiste nach Kiew.",
                   "de") == [(K.NAME, "Baerbock", "Baerbeck")]  # fmt: skip


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("사고로 세 명이 숨졌다.", "사고로 네 명이 숨졌다.", [(K.NUMBER, "세", "네")]),
        ("사과 두 개를 샀다.", "사과 세 개를 샀다.", [(K.NUMBER, "두", "세")]),
        # 네 "yes" before no counter: no number
        ("네, 알겠습니다. 세 시에 만나요.", "세, 알겠습니다. 세 시에 만나요.", [(K.REWORDED, "네", "세")]),
    ],
)
def test_korean_native_numerals_before_a_counter(left, right, expected) -> None:
    assert changes(left, right, "ko") == expected
