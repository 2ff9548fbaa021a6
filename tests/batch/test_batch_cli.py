"""The batch command as a user runs it: cli.main with real folders, the summaries read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from drift_viewer import cli
from drift_viewer.engine.model import RISK_ORDER

from .conftest import ORCHARD, write


def _run(sources: Path, copies: Path, out: Path, *extra: str) -> int:
    return cli.main(["batch", str(sources), str(copies), "-o", str(out), "--workers", "1", *extra])


def _summary(out: Path) -> dict:
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_batch_finds_sources_and_writes_summaries(corpus, tmp_path, capsys):
    sources, copies = corpus
    out = tmp_path / "out"
    assert _run(sources, copies, out) == 2  # the broken .docx is trouble, but the batch went on
    summary = _summary(out)
    assert summary["schema"] == "drift-viewer/batch" and summary["version"] == 1
    rows = {r["copy"]: r for r in summary["pairs"]}
    assert set(rows) == {"news/harbour-copy.txt", "orchard-page.html", "comet.txt", "buns.txt", "broken.docx"}
    for row in summary["pairs"]:
        assert list(row) == ["copy", "source", "similarity", "counts", "report", "error"]
    assert rows["news/harbour-copy.txt"]["source"] == "harbour.txt"
    assert rows["news/harbour-copy.txt"]["counts"].get("name") and rows["news/harbour-copy.txt"]["counts"].get("number")
    assert rows["orchard-page.html"]["source"] == "science/orchard.md"  # half the source, in boilerplate
    assert rows["comet.txt"]["source"] == "comet.txt" and rows["comet.txt"]["counts"] == {}
    assert rows["buns.txt"]["source"] is None and rows["buns.txt"]["report"] is None
    assert rows["broken.docx"]["error"] and "broken.docx" in rows["broken.docx"]["error"]
    # Riskiest first: the respun copy (a name changed) leads, the identical pair comes last.
    assert summary["pairs"][0]["copy"] == "news/harbour-copy.txt"
    assert summary["pairs"][-1]["copy"] == "comet.txt"
    for row in summary["pairs"]:
        if row["source"]:
            report = out / row["report"]
            assert report.is_file() and "<html" in report.read_text(encoding="utf-8")[:500].lower()
    with (out / "summary.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert [r["copy"] for r in table] == [r["copy"] for r in summary["pairs"]]
    assert set(str(k) for k in RISK_ORDER) <= set(table[0])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="reports/news/harbour-copy.txt.html"' in index and "no source found" in index
    err = capsys.readouterr().err
    assert "broken.docx" in err and "5 copies" in err


def test_exit_status_zero_when_every_copy_is_its_source(identical_corpus, tmp_path):
    sources, copies = identical_corpus
    assert _run(sources, copies, tmp_path / "out") == 0


def test_exit_status_one_when_a_copy_differs(identical_corpus, tmp_path):
    sources, copies = identical_corpus
    write(copies / "orchard.txt", ORCHARD.replace("eleven thousand", "twelve thousand"))
    assert _run(sources, copies, tmp_path / "out") == 1


def test_copy_without_source_is_listed_and_exits_one(identical_corpus, tmp_path):
    sources, copies = identical_corpus
    write(copies / "recipe.txt", "Knead the dough with butter and cardamom, then bake the buns until golden.\n")
    out = tmp_path / "out"
    assert _run(sources, copies, out) == 1
    row = next(r for r in _summary(out)["pairs"] if r["copy"] == "recipe.txt")
    assert row["source"] is None and row["error"] is None


def test_missing_folder_is_trouble(tmp_path, capsys):
    (tmp_path / "copies").mkdir()
    assert _run(tmp_path / "nowhere", tmp_path / "copies", tmp_path / "out") == 2
    assert "nowhere: no such folder" in capsys.readouterr().err


def test_empty_copies_folder_is_trouble(identical_corpus, tmp_path, capsys):
    sources, _ = identical_corpus
    (tmp_path / "empty").mkdir()
    assert _run(sources, tmp_path / "empty", tmp_path / "out") == 2
    assert "no .txt, .md, .html or .docx files" in capsys.readouterr().err


def test_bad_workers_value_is_a_usage_error(identical_corpus, tmp_path):
    sources, copies = identical_corpus
    with pytest.raises(SystemExit) as stop:
        cli.main(["batch", str(sources), str(copies), "-o", str(tmp_path / "o"), "--workers", "0"])
    assert stop.value.code == 2


def test_an_engine_bug_on_one_file_is_listed_not_fatal(corpus, tmp_path, monkeypatch):
    from drift_viewer.batch import work

    real = work.compare_documents

    def broken_on_comets(left, right, options):
        if "comet" in (right.name or ""):
            raise IndexError("list index out of range")
        return real(left, right, options)

    monkeypatch.setattr(work, "compare_documents", broken_on_comets)
    sources, copies = corpus
    out = tmp_path / "out"
    assert _run(sources, copies, out) == 2
    rows = {r["copy"]: r for r in _summary(out)["pairs"]}
    assert "could not be compared (IndexError" in rows["comet.txt"]["error"]
    assert rows["news/harbour-copy.txt"]["source"] == "harbour.txt"  # the others went on
