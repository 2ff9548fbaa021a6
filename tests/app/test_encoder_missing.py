"""The window's status line says when two texts that share few words were aligned by their words alone
because the sentence encoder is not installed (engine/align/semantic.py)."""

from __future__ import annotations

from pathlib import Path

from drift_viewer.engine.align import encoder, semantic

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "retelling"


def _without_encoder(monkeypatch) -> None:
    monkeypatch.setattr(encoder, "_model", None)
    monkeypatch.setattr(encoder, "available", lambda: False)


def test_without_the_encoder_the_window_status_line_warns(monkeypatch) -> None:
    from drift_viewer import compare_files
    from drift_viewer.app.prepared import prepare, summary

    _without_encoder(monkeypatch)
    line = summary(prepare(compare_files(DATA / "original.txt", DATA / "retold.txt")))
    assert line.startswith(f"⚠ {semantic.MISSING}")
    monkeypatch.undo()
    assert "⚠" not in summary(prepare(compare_files(DATA / "original.txt", DATA / "retold.txt")))
