"""Three versions (issue 14, point 4): original, translation and back-translation (or three revisions)
aligned through the middle one; A against C word by word; the fact table across all three."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drift_viewer import cli
from drift_viewer.engine.classify.facttable import FactKind, FactStatus
from drift_viewer.engine.load import load_file
from drift_viewer.engine.model import ChangeKind, GroupKind
from drift_viewer.engine.pipeline import document_from_text
from drift_viewer.engine.triple import compare_three, triple_facts

DATA = Path(__file__).parent / "data" / "translation"
FILES = [DATA / "en-de.en.txt", DATA / "en-de.de.txt", DATA / "en-de.back.txt"]


@pytest.fixture(scope="module")
def back_translation():
    return compare_three(*(load_file(p) for p in FILES))


def test_a_back_translation_is_aligned_through_the_translation(back_translation):
    triple = back_translation
    assert (triple.ab.mode, triple.bc.mode, triple.ac.mode) == ("cross-lingual", "cross-lingual", "same-language")
    assert [(r.a, r.b, r.c) for r in triple.rows] == [((k,), (k,), (k,)) for k in range(10)]
    drift = {(c.kind, c.left_text, c.right_text) for _, c in triple.ac.iter_changes()}
    assert {
        (ChangeKind.NUMBER, "4.5", "5.4"),
        (ChangeKind.NAME, "Schmidt", "Schmitt"),
        (ChangeKind.NUMBER, "12", "21"),
    } <= drift
    assert any(kind is ChangeKind.NEGATION for kind, _, _ in drift)
    assert triple.ac.groups[6].kind is GroupKind.EQUAL  # "We need more time." came back as it was


def test_the_fact_table_runs_across_all_three(back_translation):
    facts = {(f.kind, f.a_text, f.b_text, f.c_text): (f.ab, f.bc, f.ac, f.row) for f in triple_facts(back_translation)}
    S, C, R = FactStatus.SAME, FactStatus.CHANGED, FactStatus.RESPELLED
    assert facts[(FactKind.NUMBER, "4.5 billion", "5,4 Milliarden", "5.4 billion")] == (C, S, C, 1)
    assert facts[(FactKind.NAME, "Schmidt", "Schmitt", "Schmitt")] == (R, S, R, 5)
    assert facts[(FactKind.DATE, "March", "März", "March")] == (S, S, S, 0)
    assert facts[(FactKind.NUMBER, "1,200", "1.200", "1,200")] == (S, S, S, 2)


def test_revisions_split_merge_and_a_sentence_only_the_middle_has():
    a = document_from_text(
        "The mayor said that 40 people were hurt, and the bridge will reopen in May. Officials met in Kyiv.", "a"
    )
    b = document_from_text(
        "The mayor said that 40 people were hurt. The bridge will reopen in May. The storm hit at night. "
        "Officials met in Kyiv.",
        "b",
    )
    c = document_from_text(
        "The mayor said that 44 people were hurt, and the bridge will not reopen in May. Officials met in Kiev.", "c"
    )
    triple = compare_three(a, b, c)
    rows = [(r.a, r.b, r.c) for r in triple.rows]
    assert rows == [((0,), (0, 1), (0,)), ((), (2,), ()), ((1,), (3,), (1,))]  # B's split is one row
    assert [r.group for r in triple.rows] == [0, None, 1]
    first = {(c.kind, c.left_text, c.right_text) for c in triple.ac.groups[0].changes}
    assert (ChangeKind.NUMBER, "40", "44") in first and any(k is ChangeKind.NEGATION for k, _, _ in first)
    assert [(c.kind, c.left_text, c.right_text) for c in triple.ac.groups[1].changes] == [
        (ChangeKind.NAME, "Kyiv", "Kiev")
    ]
    assert not triple.identical


def test_compare_three_files_as_text_and_json(capsys, tmp_path: Path):
    assert cli.main(["compare", *map(str, FILES)]) == 1
    out = capsys.readouterr().out
    assert "A-B cross-lingual (en -> de), B-C cross-lingual (de -> en), A against C same-language" in out
    assert "  A/C Mayor Peter Tschentscher said the project would cost [-4.5-]{+5.4+} billion euros." in out
    assert "  B   Bürgermeister Peter Tschentscher sagte" in out
    assert "row 2 number changed: '4.5 billion' -> '5,4 Milliarden' -> '5.4 billion' (A-B changed, B-C same)" in out
    target = tmp_path / "three.json"
    assert cli.main(["compare", *map(str, FILES), "--format", "json", "-o", str(target)]) == 1
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["schema"] == "drift-viewer-three" and data["modes"]["a_c"] == "same-language"
    assert len(data["rows"]) == 10 and data["rows"][1] == {"row": 2, "a": [1], "b": [1], "c": [1], "a_c_group": 1}
    fact = next(f for f in data["facts"]["rows"] if f["a_text"] == "4.5 billion")
    assert (fact["b_text"], fact["c_text"], fact["a_b"], fact["b_c"], fact["a_c"]) == (
        "5,4 Milliarden",
        "5.4 billion",
        "changed",
        "same",
        "changed",
    )
    de = FILES[1].read_text(encoding="utf-8")
    assert de[fact["b_start"] : fact["b_end"]] == "5,4 Milliarden"  # offsets into the file
    assert data["a_c"]["schema"] and len(data["a_c"]["groups"]) == 10  # the A-C comparison, pair schema
    assert len(data["b"]["sentences"]) == 10


def test_three_files_refuse_pair_formats_and_two_stdins(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["compare", *map(str, FILES), "--format", "csv"])
    assert exit_.value.code == 2 and "three versions are written as --format text or json" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        cli.main(["compare", "-", str(FILES[1]), "-"])
    assert exit_.value.code == 2 and "only one" in capsys.readouterr().err


def test_a_sentence_the_middle_dropped_and_the_third_restored_is_one_row(tmp_path: Path, capsys):
    """No B sentence carries it, so the chain through B cannot join A's and C's copies: they are aligned
    with each other, between the same two B sentences, and A against C is identical."""
    text = (
        "The council met on Monday. It approved a budget of 4.5 billion. The mayor did not agree. Schmidt left early.\n"
    )
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace(" The mayor did not agree.", ""), encoding="utf-8")
    triple = compare_three(*(load_file(p) for p in (a, b, a)))
    assert [(r.a, r.b, r.c) for r in triple.rows] == [
        ((0,), (0,), (0,)),
        ((1,), (1,), (1,)),
        ((2,), (), (2,)),
        ((3,), (2,), (3,)),
    ]
    assert triple.ac.identical and triple.identical
    assert cli.main(["compare", str(a), str(b), str(a)]) == 0
    out = capsys.readouterr().out
    assert "A and C are identical; B dropped 1 row that C restored\n" in out
    assert "only-left" not in out and "only-right" not in out
    # B's own sentence, which C dropped again: the ends are still identical, and B's sentence is said.
    c = tmp_path / "c.txt"
    c.write_text(text, encoding="utf-8")
    b.write_text(text.replace("Monday.", "Monday. It rained."), encoding="utf-8")
    assert cli.main(["compare", str(a), str(b), str(c)]) == 1
    assert "A and C are identical; B has 1 sentence of its own" in capsys.readouterr().out


def test_a_and_c_restored_differently_are_compared_in_the_gap():
    """The gap's A and C sentences are aligned by their text, not paired by place: C's reworded copy of
    A's sentence pairs with it, and a sentence of C alone stays one-sided."""
    a = document_from_text("Officials met in Kyiv. The bridge will reopen in May. Talks went on.", "a")
    b = document_from_text("Officials met in Kyiv. Talks went on.", "b")
    c = document_from_text(
        "Officials met in Kyiv. A storm hit the coast overnight. The bridge reopens in June. Talks went on.", "c"
    )
    triple = compare_three(a, b, c)
    gap = [(r.a, r.c) for r in triple.rows if not r.b]
    assert gap == [((), (1,)), ((1,), (2,))]
    joined = triple.ac.groups[next(r.group for r in triple.rows if r.a == (1,))]
    assert joined.kind is GroupKind.CHANGED
    assert any("May" in ch.left_text and "June" in ch.right_text for ch in joined.changes)
