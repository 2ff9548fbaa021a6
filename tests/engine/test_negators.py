"""Negation counts and morphological negation pairs in 30 languages (lexicon.negators)."""

from __future__ import annotations

import pytest
from negator_sentences import AFFIRMATIVE, NEGATED

from drift_viewer.engine.lexicon.negators import (
    ABSENCE_WORDS,
    LANGUAGES,
    NEGATION_WORDS,
    PRESENCE_WORDS,
    count_negations,
    is_negator,
    negated_pair,
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_negated_sentences_are_counted(language: str) -> None:
    assert len(NEGATED[language]) >= 3
    assert [count_negations(s, language) for s, _ in NEGATED[language]] == [n for _, n in NEGATED[language]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_affirmative_sentences_count_nothing(language: str) -> None:
    assert len(AFFIRMATIVE[language]) >= 3
    assert {s: count_negations(s, language) for s in AFFIRMATIVE[language]} == dict.fromkeys(AFFIRMATIVE[language], 0)


def test_every_language_has_a_list() -> None:
    assert set(LANGUAGES) == set(NEGATED) == set(AFFIRMATIVE) == set(ABSENCE_WORDS) == set(PRESENCE_WORDS)
    assert len(LANGUAGES) == 30 and all(NEGATION_WORDS[lang] for lang in LANGUAGES)


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        # a two-part negation is one
        ("Je ne veux pas partir.", "fr", 1),
        ("Il n'a jamais rien dit à personne.", "fr", 1),
        ("Je n'aime ni le thé ni le café.", "fr", 1),
        # negative concord: the n-word agrees with the negator
        ("No vino nadie.", "es", 1),
        ("Nadie vino.", "es", 1),
        ("Non ho visto nessuno.", "it", 1),
        ("Nikt nic nie powiedział.", "pl", 1),
        # ... but two plain negators are two
        ("Он не мог не прийти.", "ru", 2),
        ("Non è che non voglio.", "it", 2),
        # a continuing negator after a denial is the same denial
        ("He did not call, nor did he write.", "en", 1),
        ("Neither the mayor nor the council answered.", "en", 1),
        ("Nor did the council answer.", "en", 1),
        ("Weder der Bürgermeister noch der Rat hat geantwortet.", "de", 1),
        ("Ни он, ни она не пришли.", "ru", 1),
        ("Ні він, ні вона не прийшли.", "uk", 1),
        ("No quiero ni pan ni agua.", "es", 1),
        ("Não quero pão nem água.", "pt", 1),
        ("Ani on, ani ona nie przyszli.", "pl", 1),
        ("Nechci ani chleba, ani vodu.", "cs", 1),
        ("لا هذا ولا ذاك.", "ar", 1),
        ("这个菜既不咸也不辣。", "zh", 1),
        # contractions
        ("I can't come and I won't call.", "en", 2),
        ("I cannot say.", "en", 1),
        ("It isn’t here.", "en", 1),  # a typographic apostrophe
        # caught nothing / did not catch anything: the same count, so no flip
        ("They caught nothing.", "en", 1),
        ("They did not catch anything.", "en", 1),
    ],
)
def test_counting_rules(text: str, language: str, count: int) -> None:
    assert count_negations(text, language) == count


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Not only the mayor came.", "en"),
        ("Nicht nur der Bürgermeister kam.", "de"),
        ("Non seulement le maire est venu.", "fr"),
        ("No solo vino el alcalde.", "es"),
        ("Non solo il sindaco è venuto.", "it"),
        ("Não só o prefeito veio.", "pt"),
        ("Niet alleen de burgemeester kwam.", "nl"),
        ("Не только мэр пришёл.", "ru"),
        ("Nie tylko burmistrz przyszedł.", "pl"),
        ("不但市长来了，议员也来了。", "zh"),
        ("市長だけでなく議員も来た。", "ja"),
        ("시장뿐만 아니라 의원도 왔다.", "ko"),
    ],
)
def test_not_only_denies_nothing(text: str, language: str) -> None:
    assert count_negations(text, language) == 0


@pytest.mark.parametrize(
    ("text", "language", "count"),
    [
        ("„Wir werden die Ukraine nicht allein lassen“, sagte Scholz.", "de", 1),
        ("Sie ist nicht allein.", "de", 1),
        ("Je bent niet alleen.", "nl", 1),
        ("Du er ikke alene.", "da", 1),
        ("Das ist nicht allein eine Frage des Geldes, sondern auch der Zeit.", "de", 0),
        ("Nicht allein der Bürgermeister kam, er brachte seine Frau mit.", "de", 0),
        ("Niet alleen hij, maar ook zij kwam.", "nl", 0),
    ],
)
def test_not_alone_denies_where_not_only_does_not(text: str, language: str, count: int) -> None:
    """allein / alleen / alene mean "only" after a negator, and "alone": the clause tells which."""
    assert count_negations(text, language) == count


def test_without_is_left_to_the_caller() -> None:
    assert count_negations("He left without a word.", "en") == 0
    assert count_negations("Er ging ohne ein Wort.", "de") == 0
    assert count_negations("Il est parti sans un mot.", "fr") == 0
    assert count_negations("돈 없이 살았다.", "ko") == 0
    assert "without" in ABSENCE_WORDS["en"] and "with" in PRESENCE_WORDS["en"]
    assert {"ohne", "sans", "sin", "senza", "sem", "zonder", "utan", "uden", "uten"} <= set().union(
        *ABSENCE_WORDS.values()
    )
    assert {"bez", "без", "بدون", "בלי"} <= set().union(*ABSENCE_WORDS.values())
    assert not any(is_negator(w, lang) for lang, words in ABSENCE_WORDS.items() for w in words if " " not in w)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("这家餐厅的菜非常好吃。", "zh"),  # 非常: very
        ("我们要为未来做准备。", "zh"),  # 未来: future
        ("不要总是在意别人的看法", "zh"),  # 别人: others; the 不要 is the one denial
        ("駅前の店は少ない。", "ja"),  # 少ない: few
        ("Moramos no Brasil.", "pt"),
        ("Moramos no Brasil.", None),  # Portuguese "no" is "in the" in the union too
        ("Il est né à Paris.", None),  # French "né" is born, not Italian "nor"
    ],
)
def test_false_friends(text: str, language: str | None) -> None:
    expected = 1 if "不要" in text else 0
    assert count_negations(text, language) == expected


def test_unknown_language_uses_the_union() -> None:
    assert count_negations("The council did not meet.", None) == 1
    assert count_negations("Der Rat hat nicht getagt.", None) == 1
    assert count_negations("Никто не пришёл.", None) == 1
    assert count_negations("我不是学生。", None) == 1
    assert count_negations("学生ではない。", None) == 1
    assert count_negations("학생이 아니다.", None) == 1
    assert count_negations("The council met.", None) == 0
    # a language without a list is counted like an unknown one
    assert count_negations("The council did not meet.", "lt") == 1


def test_is_negator() -> None:
    assert is_negator("not", "en") and is_negator("didn't", "en") and is_negator("Nicht", "de")
    assert is_negator("n'est", "fr") and is_negator("personne", "fr") and not is_negator("avec", "fr")
    assert is_negator("gelmedi", "tr") and not is_negator("geldi", "tr")
    assert is_negator("不是", "zh") and not is_negator("非常", "zh")
    assert is_negator("ない", "ja") and is_negator("않았다", "ko") and not is_negator("있다", "ko")
    assert is_negator("no", "es") and not is_negator("no", None) and is_negator("nicht", None)


@pytest.mark.parametrize(
    ("a", "b", "language", "expected"),
    [
        ("nemá", "má", "cs", True),
        ("nechce", "chce", "cs", True),
        ("není", "je", "cs", True),
        ("nejlepší", "lepší", "cs", False),  # nej-: the superlative
        ("niemożliwy", "możliwy", "pl", True),
        ("niezależny", "zależny", "pl", True),
        ("możliwy", "niemożliwy", "pl", False),  # the other way round
        ("gelmedi", "geldi", "tr", True),
        ("gelmez", "gelir", "tr", True),
        ("yapmıyor", "yapıyor", "tr", True),
        ("okumuyor", "okuyor", "tr", True),
        ("gelmeyecek", "gelecek", "tr", True),
        ("gelmemiş", "gelmiş", "tr", True),
        ("gelmedi", "gitti", "tr", False),
        ("行わない", "行う", "ja", True),
        ("書かなかった", "書いた", "ja", True),
        ("食べない", "食べる", "ja", True),
        ("ありません", "あります", "ja", True),
        ("しない", "する", "ja", True),
        ("行わない", "食べる", "ja", False),
        ("少ない", "少", "ja", False),
        ("不是", "是", "zh", True),
        ("没有", "有", "zh", True),
        ("不同", "同", "zh", True),
        ("不过", "过", "zh", False),
        ("未来", "来", "zh", False),
        ("非常", "常", "zh", False),
        ("없다", "있다", "ko", True),
        ("재미없다", "재미있다", "ko", True),
        ("아닙니다", "입니다", "ko", True),
        ("안 가요", "가요", "ko", True),
        ("먹지 않았다", "먹었다", "ko", True),
        ("가지 않았다", "갔다", "ko", True),
        ("먹지 않았다", "잤다", "ko", False),
        ("unhappy", "happy", "en", True),
        ("not happy", "happy", "en", True),
        ("won't", "will", "en", True),
        ("unmöglich", "möglich", "de", True),
        ("onmogelijk", "mogelijk", "nl", True),
        ("неправда", "правда", "ru", True),
        ("لانهائي", "نهائي", "ar", True),
        ("לא חוקי", "חוקי", "he", True),
        ("happy", "happy", "en", False),
    ],
)
def test_negated_pair(a: str, b: str, language: str, expected: bool) -> None:
    assert negated_pair(a, b, language) is expected
