"""The report header and the window's status bar say when a pair is a translation (issue 14)."""

from __future__ import annotations

from pathlib import Path

from drift_viewer.app.prepared import prepare, summary
from drift_viewer.engine.pipeline import compare_files, compare_texts
from drift_viewer.report import write_report

DATA = Path(__file__).resolve().parent.parent / "engine" / "data" / "translation"


def test_report_and_status_bar_say_it_is_a_translation(tmp_path):
    comparison = compare_files(DATA / "en-de.en.txt", DATA / "en-de.de.txt")
    assert "translation en → de" in summary(prepare(comparison))
    out = tmp_path / "r.html"
    write_report(comparison, out)
    assert 'id="mode">Translation (en → de)' in out.read_text()
    same = compare_texts("We need more time.", "We need more time now.")
    assert "translation" not in summary(prepare(same))
    write_report(same, out)
    assert 'id="mode"' not in out.read_text()
