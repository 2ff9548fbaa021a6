"""Hidden characters: invisible characters, bidi controls and look-alike letters are a change kind of
their own, shown as markers, and a document holding bidi controls is warned about."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import drift_viewer
from drift_viewer.engine.classify import kind_of
from drift_viewer.engine.lexicon import hidden
from drift_viewer.engine.model import RISK_ORDER, ChangeKind, Options
from drift_viewer.engine.worddiff import word_diff
from drift_viewer.engine.worddiff.tokens import keys, tokenize

K = ChangeKind


def changes(left: str, right: str, **options) -> list[tuple[ChangeKind, str, str]]:
    comparison = drift_viewer.compare_texts(left, right, **options)
    return [(c.kind, c.left_text, c.right_text) for _, c in comparison.iter_changes()]


@pytest.mark.parametrize(
    "left,right,expected",
    [
        # Trojan Source: shown as "Trojan string here."
        ("Trojan \u202egnirts\u202c here.", "Trojan string here.", [(K.HIDDEN, "\u202egnirts\u202c", "string")]),
        ("We met in Pa\u200bris today.", "We met in Paris today.", [(K.HIDDEN, "Pa\u200bris", "Paris")]),
        ("We met in P\u0430ris today.", "We met in Paris today.", [(K.HIDDEN, "P\u0430ris", "Paris")]),  # Cyrillic а
        ("They co\u00adoperate well.", "They cooperate well.", [(K.HIDDEN, "co\u00adoperate", "cooperate")]),
        ("A word\u2060joined here.", "A wordjoined here.", [(K.HIDDEN, "word\u2060joined", "wordjoined")]),
        ("The text\ufeff starts.", "The text starts.", [(K.HIDDEN, "\ufeff", "")]),
        ("Он живёт в Москве.", "Он живёт в Mоскве.", [(K.HIDDEN, "Москве", "Mоскве")]),  # Latin M in Cyrillic
    ],
)
def test_hidden_changes(left, right, expected):
    assert changes(left, right) == expected


def test_hidden_ranks_after_names_and_numbers():
    assert RISK_ORDER[:3] == (K.NAME, K.NUMBER, K.HIDDEN)


def test_ordinary_changes_are_unaffected():
    assert changes("The cat sat.", "The dog sat.") == [(K.REWORDED, "cat", "dog")]
    assert changes("He paid 5 dollars.", "He paid 6 dollars.") == [(K.NUMBER, "5", "6")]
    assert changes("He said “hello”.", 'He said "hello".')[0][0] is K.TYPOGRAPHY
    # Look-alikes within ASCII, and within one script, are visible letters: not a disguise.
    assert kind_of("burn", "bum") is not K.HIDDEN  # rn / m
    assert kind_of("l0ve", "love") is not K.HIDDEN  # 0 / o
    assert kind_of("ılık", "ilik") is not K.HIDDEN  # Turkish dotless ı is a Latin letter
    assert kind_of("naïve", "naive") is not K.HIDDEN
    assert kind_of("Straße", "Strasse") is not K.HIDDEN


def test_a_disguised_word_is_a_changed_token():
    for disguised in ("Pa\u200bris", "P\u0430ris", "Par\u00adis"):
        left, right = tokenize(f"in {disguised} now"), tokenize("in Paris now")
        assert keys(left) != keys(right)
        assert any(seg.op != 0 for seg in word_diff(f"in {disguised} now", "in Paris now"))


def test_no_option_ignores_a_hidden_change():
    options = {"ignore_case": True, "ignore_punctuation": True, "ignore_typography": True, "ignore_whitespace": True}
    assert changes("We met in Pa\u200bris.", "We met in Paris.", **options) == [(K.HIDDEN, "Pa\u200bris", "Paris")]
    assert not drift_viewer.compare_texts("Trojan \u202egnirts\u202c.", "Trojan string.", **options).identical
    assert Options()  # the options themselves are unchanged


def test_markers_leave_joiners_that_do_visible_work():
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert hidden.marked(family) == ()
    assert hidden.marked("\u2764\ufe0f") == ()  # red heart, emoji presentation
    assert hidden.marked("1\ufe0f\u20e3") == ()  # keycap
    assert hidden.marked("\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f") == ()  # Scotland
    assert hidden.marked("می\u200cخواهم") == ()  # Persian: ZWNJ between letters
    assert hidden.marked("Pa\u200dris") == (2,)  # a joiner in a Latin word does nothing visible
    assert hidden.marked("a\U000e0041b") == (1,)  # a tag character outside a flag smuggles text
    assert hidden.marked("x\u202ey\u2066z\u2069") == (1, 3, 5)


def test_shown_and_escaped_forms():
    assert hidden.shown("a\u202eb\u200bc") == "a\u21c4b\u2b1ac"
    assert hidden.escaped("a\u202eb\u200bc") == "a⟨RLO⟩b⟨ZWSP⟩c"
    assert hidden.describe("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert hidden.short_name("\ufe0f") == "VS16"


def test_invisible_set_holds_every_format_character():
    concatenation_marks = set("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd")
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char) == "Cf" and char not in concatenation_marks:
            assert hidden.INVISIBLE.match(char), f"U+{code:04X}"
    for char in "\u00ad\u034f\u115f\u3164\ufe00\ufe0f\U000e0100\U000e01ef":
        assert hidden.INVISIBLE.match(char)
    for char in "a \u00a0\u2009\n\u0301\u05d0":
        assert not hidden.INVISIBLE.match(char)


def test_bidi_warning_names_the_document_and_counts():
    text = "user\u202e \u2066// admin\u2069"
    warning = hidden.bidi_warning(text, "hostile.txt")
    assert warning is not None and "hostile.txt" in warning and "RLO ×1" in warning and "3 " in warning
    assert hidden.bidi_warning("plain text \u200f with a mark", "x") is None
    comparison = drift_viewer.compare_texts(text, "user // admin")
    assert comparison.warnings() == [warning.replace("hostile.txt", "left")]


PIECES = st.sampled_from(
    [
        "the",
        "Paris",
        "P\u0430ris",
        "Pa\u200bris",
        "\u202e",
        "\u202c",
        "\u2066",
        "\u2069",
        "\u200e",
        "\u200f",
        "\u061c",
        "\ufeff",
        "\u00ad",
        "\u2060",
        "e\u0301",
        "a\u0308\u0323",
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
        "\U0001f44d\U0001f3fd",
        "\u2764\ufe0f",
        "付凌晖",
        "没有",
        "カタカナ",
        "שלום",
        "مرحبا",
        "می\u200cخواهم",
        "55",
        ".",
        "\n\n",
    ]
)
HOSTILE = st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=30).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(HOSTILE, HOSTILE)
def test_hostile_pairs_rebuild_and_never_show_raw_markers(left, right):
    comparison = drift_viewer.compare_texts(left, right)
    for side in (comparison.left, comparison.right):
        text = side.text
        shown = hidden.shown(text)
        assert len(shown) == len(text)
        marked = set(hidden.marked(text))
        # ⇄, ⬚, or a control picture (␛ for ESC): one printable code point, never blank
        assert all(shown[i] == hidden.symbol(text[i]) and shown[i].isprintable() for i in marked)
        assert all(shown[i] in (hidden.BIDI_SYMBOL, hidden.INVISIBLE_SYMBOL) for i in marked if ord(text[i]) > 0x9F)
        assert all(shown[i] == text[i] for i in range(len(text)) if i not in marked)
        assert not any(ch in hidden.BIDI_CONTROLS for ch in shown)
    for group in comparison.groups:
        for change in group.changes:
            assert comparison.left.text[change.left.start : change.left.end] == change.left_text
            assert comparison.right.text[change.right.start : change.right.end] == change.right_text
            if change.kind is K.HIDDEN:
                assert hidden.hidden_difference(change.left_text.strip(), change.right_text.strip())


@pytest.mark.parametrize(
    ("text", "disguised"),
    [
        ("We met in P\u0430ris.", ["\u0430"]),  # Cyrillic а in a Latin word
        ("Avril Hain\u0435s and B\u03bfston", ["\u0435", "\u03bf"]),  # Cyrillic е, Greek ο
        ("\u041co\u0441\u043a\u0432\u0430", ["o"]),  # a Latin o in Cyrillic Москва
        ("\u041f\u0430\u0440\u0438\u0436 and Z\u00fcrich", []),  # a word in one script; ü has no look-alike
        ("IBM \u0438 Apple, na\u00efve caf\u00e9", []),  # words of different scripts side by side
        ("plain ASCII", []),
    ],
)
def test_lookalikes_are_letters_disguised_inside_a_word_of_another_script(text, disguised):
    assert [text[i] for i in hidden.lookalikes(text)] == disguised


def test_lookalike_note_names_the_letter_and_what_it_passes_for():
    note = hidden.lookalike_note("\u0430")
    assert note.startswith("U+0430 CYRILLIC SMALL LETTER A") and "'a'" in note
