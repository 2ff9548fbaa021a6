"""The fact table (issue 14, point 3): each side's names, numbers, dates, percentages, quotations and
codes with their counterparts and a status, for same-language pairs and translations alike."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from drift_viewer import cli
from drift_viewer.engine.classify.facttable import FactKind, FactStatus, counts, fact_table
from drift_viewer.engine.pipeline import compare_files, compare_texts

DATA = Path(__file__).parent / "data" / "translation"


def _rows(comparison):
    return {(r.kind, r.status, r.left_text, r.right_text) for r in fact_table(comparison)}


def test_same_language_statuses():
    comparison = compare_texts(
        'Minister Avril Haines said 55% of the 1,200 staff left in March. "We will rebuild," she said. '
        "The budget was cut.",
        'Minister Avril Haynes said 45% of the 1,200 staff left in March. "We shall rebuild," she said. '
        "The budget was cut by 3 million.",
    )
    rows = _rows(comparison)
    assert (FactKind.NAME, FactStatus.SAME, "Avril", "Avril") in rows
    assert (FactKind.NAME, FactStatus.RESPELLED, "Haines", "Haynes") in rows
    assert (FactKind.PERCENT, FactStatus.CHANGED, "55", "45") in rows
    assert (FactKind.NUMBER, FactStatus.SAME, "1,200", "1,200") in rows
    assert (FactKind.DATE, FactStatus.SAME, "March", "March") in rows
    assert (FactKind.QUOTE, FactStatus.CHANGED, '"We will rebuild,"', '"We shall rebuild,"') in rows
    assert (FactKind.NUMBER, FactStatus.ADDED, "", "3 million") in rows


def test_translation_facts_by_value_and_script():
    comparison = compare_files(DATA / "en-ru.en.txt", DATA / "en-ru.ru.txt")
    rows = _rows(comparison)
    assert (FactKind.NUMBER, FactStatus.SAME, "5,642", "5642") in rows
    assert (FactKind.NAME, FactStatus.SAME, "Petrov", "Петров") in rows
    assert (FactKind.NUMBER, FactStatus.CHANGED, "8", "9") in rows
    assert (FactKind.NAME, FactStatus.MISSING, "Petrov", "") in rows  # replaced by Сидоров
    # The Russian month is read by its CLDR name (genitive, as a date writes it): the same date.
    assert [r for r in rows if r[0] is FactKind.DATE] == [(FactKind.DATE, FactStatus.SAME, "August", "августа")]
    table = counts(fact_table(comparison))
    assert table["left"]["number"] == table["right"]["number"]


def test_a_german_translation_lists_names_not_nouns():
    """German capitalises every noun: its names are the capitalised words the English side has too."""
    rows = _rows(compare_files(DATA / "en-de.en.txt", DATA / "en-de.de.txt"))
    names = {(status, left, right) for kind, status, left, right in rows if kind is FactKind.NAME}
    assert (FactStatus.SAME, "Hamburg", "Hamburg") in names  # common in German, a name all the same
    assert (FactStatus.SAME, "Tschentscher", "Tschentscher") in names
    # One script: a letter off is a respelling, though the languages differ.
    assert (FactStatus.RESPELLED, "Schmidt", "Schmitt") in names
    assert not {right for _, _, right in names} & {"Plan", "Tunnel", "Rat", "E-Mail"}  # nouns


def test_rows_point_at_their_text_and_group():
    comparison = compare_files(DATA / "en-de.en.txt", DATA / "en-de.de.txt")
    for row in fact_table(comparison):
        group = comparison.groups[row.group]
        if row.left is not None:
            assert comparison.left.text[row.left.start : row.left.end] == row.left_text
            assert comparison.left.group_span(group.left).start <= row.left.start
        if row.right is not None:
            assert comparison.right.text[row.right.start : row.right.end] == row.right_text


def test_json_and_csv_carry_the_table(tmp_path):
    left, right = str(DATA / "en-de.en.txt"), str(DATA / "en-de.de.txt")
    out = tmp_path / "facts.csv"
    assert cli.main(["compare", left, right, "--format", "facts", "-o", str(out)]) == 1
    table = list(csv.DictReader(io.StringIO(out.read_text())))
    assert {
        "kind": "number",
        "status": "changed",
        "left_text": "4.5 billion",
        "right_text": "5,4 Milliarden",
    }.items() <= next(r for r in table if r["left_text"] == "4.5 billion").items()
    assert any(r["kind"] == "code" and r["status"] == "same" and r["left_text"] == "presse@hamburg.de" for r in table)
    cli.main(["compare", left, right, "--format", "json", "-o", str(tmp_path / "c.json")])
    facts = json.loads((tmp_path / "c.json").read_text())["facts"]
    assert len(facts["rows"]) == len(table)
    assert facts["counts"]["status"]["changed"] == sum(r["status"] == "changed" for r in table)


def test_a_name_after_a_closing_straight_quote_is_paired():
    # The straight quote before "Blinken" closes a quotation (a space parts them): the sentence goes on,
    # so "Blinken" is a name on both sides, not one missing on the side with curly quotes.
    comparison = compare_texts(
        "Antony Blinken spoke. “We talk,” Blinken told CBS News.",
        'Antony Blinken spoke. "We talk," Blinken told CBS News.',
    )
    rows = _rows(comparison)
    assert (FactKind.NAME, FactStatus.SAME, "Blinken", "Blinken") in rows
    assert not [r for r in rows if r[0] is FactKind.NAME and r[1] is not FactStatus.SAME]


def test_a_word_after_an_initialism_is_no_sentence_start():
    # "U.S. Secretary": the stop ends an initialism, so the left's "US Secretary" pairs with it.
    rows = _rows(compare_texts("US Secretary Antony Blinken said.", "U.S. Secretary Antony Blinken said."))
    assert (FactKind.NAME, FactStatus.SAME, "Secretary", "Secretary") in rows


def test_headline_words_are_names_only_with_running_text_evidence():
    left = "Russia Launches Fresh Wave Of Missile Attacks On Ukraine\n\nThe war in Ukraine goes on, said Ann."
    right = "The war in Ukraine goes on, said Ann."
    names = {r[2] for r in _rows(compare_texts(left, right)) if r[0] is FactKind.NAME}
    assert {"Ukraine", "Ann"} <= names  # Ukraine is capitalised in running text too
    assert not names & {"Launches", "Fresh", "Wave", "Missile", "Attacks"}


def test_seed_respelt_names_are_respelled(seed):
    rows = _rows(compare_files(*seed))
    assert (FactKind.NAME, FactStatus.RESPELLED, "Haynes", "Haines") in rows
    assert (FactKind.NAME, FactStatus.RESPELLED, "Anthony", "Antony") in rows
    assert not [r for r in rows if r[0] is FactKind.NAME and r[2] in {"Launches", "Fresh", "Wave"}]


def test_speech_opened_by_a_colon_or_comma_is_no_name():
    """Bible style opens speech with a capital after a colon or comma, without a quote mark: "Thou" and
    "Teacher" there are words the text also writes in lower case, while "Peter" after a comma stays a name."""
    left = (
        "And he cried out, saying, Thou art the Son. They say to him: Teacher, we know thou art true. "
        "And they said, Peter is here. The teacher said that thou shalt go."
    )
    right = left.replace("true", "honest")
    rows = _rows(compare_texts(left, right))
    names = {left_text for kind, _, left_text, _ in rows if kind is FactKind.NAME}
    assert "Peter" in names
    assert not names & {"Thou", "Teacher"}
