"""Chinese and Japanese words: runs of Han and kana are cut by a segmenter, everything else keeps the regex."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_worddiff import runs, sides

import drift_viewer
from drift_viewer.engine.classify.wording import wording
from drift_viewer.engine.lexicon import cjk
from drift_viewer.engine.model import ChangeKind
from drift_viewer.engine.worddiff import tokenize, word_diff
from drift_viewer.engine.worddiff.tokens import TOKEN

needs_segmenters = pytest.mark.skipif(
    importlib.util.find_spec("rjieba") is None or importlib.util.find_spec("sudachipy") is None,
    reason="rjieba and sudachipy (run-time dependencies) are not installed",
)

GDP = "国家统计局发言人付凌晖表示，一季度国内生产总值同比增长4.9%。"
TAX = "政府は増税を行わないと発表した。"


def changes(left: str, right: str) -> list[tuple[ChangeKind, str, str]]:
    comparison = drift_viewer.compare_texts(left, right)
    return [(ch.kind, ch.left_text, ch.right_text) for _, ch in comparison.iter_changes()]


@needs_segmenters
def test_chinese_clause_is_cut_into_words():
    assert tokenize(GDP) == [
        "国家统计局", "发言人", "付凌晖", "表示", "，", "一季度", "国内", "生产总值", "同比", "增长", "4.9%", "。",
    ]  # fmt: skip
    assert tokenize("他没有去北京。") == ["他", "没有", "去", "北京", "。"]


@needs_segmenters
def test_japanese_clause_is_cut_into_words():
    assert tokenize(TAX) == ["政府", "は", "増税", "を", "行わ", "ない", "と", "発表", "し", "た", "。"]
    assert tokenize("東京都の人口は1400万人です。") == ["東京都", "の", "人口", "は", "1400万", "人", "です", "。"]


@needs_segmenters
def test_only_the_runs_are_re_split():
    text = "He didn't re-open the U.S. office in 北京, 1,000 times; iPhone15发布 了。"
    assert tokenize(text) == [
        "He", " didn't", " re-open", " the", " U.S", ".", " office", " in", " 北京", ",", " 1,000", " times", ";",
        " iPhone15", "发布", " 了", "。",
    ]  # fmt: skip
    korean = "한국어는 띄어쓰기를 합니다. 4.9%"
    assert tokenize(korean) == TOKEN.findall(korean)


def test_text_without_han_or_kana_never_reaches_a_segmenter():
    assert not cjk.has_cjk("Avril Haines “said” — naïve 한국어 Ελληνικά")
    assert cjk.has_cjk("the 北 side") and cjk.has_cjk("カタカナ") and cjk.has_cjk("𠀀")


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_non_cjk_tokens_are_unchanged(text):
    if not cjk.has_cjk(text):
        assert tokenize(text) == TOKEN.findall(text)


cjk_texts = st.lists(
    st.sampled_from(
        ["北京", "没有", "付凌晖", "増税", "行わない", "カタカナ", "ー", "々", "𠀀", "4.9%", "1400万", "５．９％", "iPhone",
         "，", "。", "、", "「", "」", " ", "\u3000", "\n", ".", "-", "'", "a", "1", "한"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(cjk_texts, cjk_texts)
def test_cjk_diffs_rebuild_both_sides(left, right):
    assert "".join(tokenize(left)) == left
    diff = word_diff(left, right)
    assert sides(diff) == (left, right)
    assert all(seg.text for seg in diff)


@needs_segmenters
def test_japanese_run_longer_than_sudachi_takes_at_once():
    run = "東京都の人口は増えた" * 3000  # 30,000 characters, 90,000 bytes, no punctuation
    tokens = tokenize(run)
    assert "".join(tokens) == run and len(tokens) > 10_000


def test_missing_segmenter_leaves_the_run_whole(monkeypatch):
    monkeypatch.setattr(cjk, "_chinese", lambda: None)
    cjk.cut.cache_clear()
    try:
        assert tokenize("他没有去北京。") == ["他没有去北京", "。"]
    finally:
        cjk.cut.cache_clear()


def test_segmenters_are_imported_only_for_han_or_kana():
    script = (
        "import sys, drift_viewer\n"
        "drift_viewer.compare_texts('Avril Haines said.', 'Avril Haynes said.')\n"
        "print('rjieba' in sys.modules, 'sudachipy' in sys.modules)\n"
        "drift_viewer.compare_texts('他没有去北京。', '他去北京。')\n"
        "print('rjieba' in sys.modules, 'sudachipy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    before, after = out.split()[:2], out.split()[2:]
    assert before == ["False", "False"]
    assert after[1] == "False"


# --- the word diff and the classifier see the same words ------------------------------------------------


@needs_segmenters
def test_classifier_words_are_the_segmenters_words():
    words = wording("国家统计局发言人付凌晖表示，增长4.9%").words
    assert words == ["国家统计局", "发言人", "付凌晖", "表示", "增长", "4.9"]
    assert wording("行わない").words == ["行わ", "ない"]


@needs_segmenters
def test_changed_percentage_is_one_number_change():
    right = GDP.replace("4.9%", "5.9%")
    assert runs(word_diff(GDP, right)) == [("4.9%", "5.9%")]
    assert changes(GDP, right) == [(ChangeKind.NUMBER, "4.9%", "5.9%")]


@needs_segmenters
def test_respelt_name_is_one_word_replaced():
    right = GDP.replace("付凌晖", "付玲晖")
    assert runs(word_diff(GDP, right)) == [("付凌晖", "付玲晖")]
    [(_, left_text, right_text)] = changes(GDP, right)  # its kind belongs to the name rules
    assert (left_text, right_text) == ("付凌晖", "付玲晖")


@needs_segmenters
def test_dropped_negation_is_one_word_deleted():
    assert runs(word_diff("他没有去北京。", "他去北京。")) == [("没有", "")]
    # In context, so that the sentences align (alone, two short CJK sentences do not, yet).
    lead = "今天天气很好。"
    [(_, left_text, right_text)] = changes(lead + "他没有去北京。", lead + "他去北京。")
    assert (left_text, right_text) == ("没有", "")


@needs_segmenters
def test_japanese_negation_dropped_is_one_change():
    right = "政府は増税を行うと発表した。"
    assert runs(word_diff(TAX, right)) == [("行わない", "行う")]
    [(_, left_text, right_text)] = changes(TAX, right)
    assert (left_text, right_text) == ("行わない", "行う")


@needs_segmenters
def test_japanese_number_change():
    left, right = "東京都の人口は1400万人です。", "東京都の人口は1500万人です。"
    assert runs(word_diff(left, right)) == [("1400万", "1500万")]
    assert changes(left, right) == [(ChangeKind.NUMBER, "1400万", "1500万")]
