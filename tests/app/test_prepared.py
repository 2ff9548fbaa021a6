"""Prepared: changes sorted once, riskiest first, and the status line."""

from __future__ import annotations

from drift_viewer.app.prepared import prepare, summary
from drift_viewer.engine.model import RISK_ORDER, ChangeKind
from drift_viewer.engine.pipeline import compare_texts


def test_prepare_sorts_changes_by_risk_then_row():
    comparison = compare_texts(
        "Avril Haines said it was 55 people, and never more.", "Avril Haynes said it was 45 people; and never more."
    )
    prepared = prepare(comparison)
    ranks = [RISK_ORDER.index(e.kind) for e in prepared.changes]
    assert ranks == sorted(ranks)
    assert prepared.changes[0].kind is ChangeKind.NAME
    assert "similarity" in summary(prepared) and "name" in summary(prepared)


def test_the_summary_names_what_loading_had_to_guess(tmp_path) -> None:
    from drift_viewer.engine.pipeline import compare_files

    left = tmp_path / "fr.txt"
    left.write_bytes("Il était très tôt. Là, une œuvre déjà connue.".encode("cp1252"))
    right = tmp_path / "fr2.txt"
    right.write_text("Il était très tôt. Là, une œuvre bien connue.", encoding="utf-8")
    line = summary(prepare(compare_files(left, right)))
    assert line.startswith("⚠ fr.txt:") and "cp1252" in line
