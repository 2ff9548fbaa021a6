"""Word diff: exact rebuild, whole-word segments, readable runs, and agreement with diff-match-patch."""

from __future__ import annotations

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import Indel

from drift_viewer.engine.model import Op, Segment
from drift_viewer.engine.worddiff import tokenize, word_diff
from drift_viewer.engine.worddiff.tokens import keys as _keys


def sides(diff: tuple[Segment, ...]) -> tuple[str, str]:
    left = "".join(s.text for s in diff if s.op is not Op.INSERT)
    right = "".join(s.text for s in diff if s.op is not Op.DELETE)
    return left, right


def runs(diff: tuple[Segment, ...]) -> list[tuple[str, str]]:
    """(deleted, inserted) of each maximal non-equal run, as changes_of cuts them."""
    out: list[tuple[str, str]] = []
    dl = ins = None
    for seg in (*diff, Segment(Op.EQUAL, "")):
        if seg.op is Op.EQUAL:
            if dl is not None:
                out.append((dl, ins))
            dl = ins = None
            continue
        dl, ins = dl or "", ins or ""
        if seg.op is Op.DELETE:
            dl += seg.text
        else:
            ins += seg.text
    return out


def test_example_from_the_model():
    assert word_diff("Avril Haines said.", "Avril Haynes said.") == (
        Segment(Op.EQUAL, "Avril "),
        Segment(Op.DELETE, "Haines"),
        Segment(Op.INSERT, "Haynes"),
        Segment(Op.EQUAL, " said."),
    )


def test_identical_and_empty():
    assert word_diff("", "") == ()
    assert word_diff("same", "same") == (Segment(Op.EQUAL, "same"),)
    assert word_diff("", "new") == (Segment(Op.INSERT, "new"),)
    assert word_diff("old", "") == (Segment(Op.DELETE, "old"),)


def test_tokens_keep_words_whole():
    assert tokenize("He didn't re-open the U.S. office, 1,000 times.") == [
        "He", " didn't", " re-open", " the", " U.S", ".", " office", ",", " 1,000", " times", ".",
    ]  # fmt: skip
    assert tokenize("  trailing  ") == ["  trailing", "  "]


def test_name_change_is_one_replaced_word_not_fragments():
    diff = word_diff("Haines", "Haynes")
    assert diff == (Segment(Op.DELETE, "Haines"), Segment(Op.INSERT, "Haynes"))


def test_name_stays_apart_from_a_rewording_next_to_it():
    diff = word_diff("Avril Haines alluded to past claims.", "Avril Haynes referred to past claims.")
    assert runs(diff) == [("Haines", "Haynes"), ("alluded", "referred")]


def test_name_split_out_of_a_longer_replaced_run():
    diff = word_diff("Then said Tomas quietly.", "Then claimed Thomas loudly.")
    assert ("Tomas", "Thomas") in runs(diff)


def test_number_split_out_of_a_rewording():
    diff = word_diff("they counted 55 soldiers there", "they reckoned 45 troops there")
    assert ("55", "45") in runs(diff)


def test_confetti_of_small_words_is_absorbed():
    diff = word_diff("is interested in negotiating an end to the war", "is interested in talks on ending the war")
    assert runs(diff) == [("negotiating an end to", "talks on ending")]
    diff = word_diff("is the exact opposite, Blinken said", "is exactly the contrary, Blinken said")
    assert runs(diff) == [("the exact opposite", "exactly the contrary")]


def test_unchanged_content_word_is_not_absorbed():
    diff = word_diff("he ran quickly toward home", "he walked quickly towards home")
    assert runs(diff) == [("ran", "walked"), ("toward", "towards")]


def test_case_and_typography_line_up_word_by_word():
    diff = word_diff("Live briefing: Russia’s invasion", "Live Briefing: Russia's Invasion")
    assert runs(diff) == [("briefing", "Briefing"), ("Russia’s", "Russia's"), ("invasion", "Invasion")]


def test_whitespace_only_change_keeps_the_word_equal():
    diff = word_diff("Ukraine\n\nWashington sees", "Ukraine Washington sees")
    assert runs(diff) == [("\n\n", " ")]


def test_transposed_date_is_one_change():
    diff = word_diff("On 2 April he left.", "On April 2 he left.")
    assert runs(diff) == [("2 April", "April 2")]


def test_delete_comes_before_insert():
    for left, right in [("a b c", "a x c"), ("x y", "y x"), ("one two", "three")]:
        diff = word_diff(left, right)
        for first, second in zip(diff, diff[1:], strict=False):
            assert first.op is not second.op
            assert not (first.op is Op.INSERT and second.op is Op.DELETE)


def _dmp_token_lcs(ka: list[str], kb: list[str]) -> int:
    """Length of diff-match-patch's common subsequence over the same keys, one character per key."""
    table: dict[str, str] = {}
    a = "".join(table.setdefault(k, chr(0xF0000 + len(table))) for k in ka)
    b = "".join(table.setdefault(k, chr(0xF0000 + len(table))) for k in kb)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0
    return sum(len(text) for op, text in dmp.diff_main(a, b, False) if op == 0)


@pytest.mark.parametrize(
    "left,right",
    [
        ("the cat sat on the mat", "the dog sat on a mat"),
        ("a b c d e f", "f e d c b a"),
        ("Washington sees no signs", "Moscow sees signs, no doubt"),
    ],
)
def test_word_runs_come_from_a_minimal_diff_match_patch_script(left, right):
    # The readability passes only regroup runs; the common subsequence under them is a longest one.
    from rapidfuzz.distance import Indel

    from drift_viewer.engine.worddiff.diff import _opcodes

    ka, kb = _keys(tokenize(left)), _keys(tokenize(right))
    ours = sum(i2 - i1 for tag, i1, i2, _, _ in _opcodes(ka, kb) if tag == "equal")
    assert ours == _dmp_token_lcs(ka, kb) == Indel.similarity(ka, kb) // 2


texts = st.lists(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            list(" \n\t\u00a0.,;:'’“”\"—-–…")
            + ["😀", "👍🏽", "𝔘", "e\u0301", "ß", "İ", "1,000", "U.S."]
            # Han and kana go to a segmenter (lexicon.cjk), whose words must rebuild the text too.
            + ["付凌晖", "没有", "增长4.9%", "行わない", "カタカナ", "々", "　", "。"]
        ),
    ),
    max_size=60,
).map("".join)
wordy = st.lists(
    st.sampled_from(
        ["the", "The", "Haines", "Haynes", "55", "45", "not", ",", ".", " ", "  ", "\n", "“", "”", "re-open", "colour"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_rebuilds_both_sides_exactly(left, right):
    diff = word_diff(left, right)
    assert sides(diff) == (left, right)
    assert all(seg.text for seg in diff)


@settings(max_examples=300, deadline=None)
@given(wordy, wordy)
def test_rebuilds_word_salad_exactly(left, right):
    diff = word_diff(left, right)
    assert sides(diff) == (left, right)
    for first, second in zip(diff, diff[1:], strict=False):
        assert first.op is not second.op


@settings(max_examples=300, deadline=None)
@given(texts)
def test_tokens_rebuild_text(text):
    assert "".join(tokenize(text)) == text


@settings(max_examples=10, deadline=None)
@given(
    st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta", ",", "Haines", "😀"]), min_size=1, max_size=40), texts
)
def test_long_inputs(words, noise):
    # ~20,000 tokens a side: big enough to catch quadratic blow-ups and recursion limits.
    left = " ".join(words * 500)
    right = noise.join(reversed(words * 500))
    assert sides(word_diff(left, right)) == (left, right)


def test_segments_never_split_a_word():
    diff = word_diff("The colour of Haines's coat", "The color of Haynes's coats")
    for seg in diff:
        if seg.op is not Op.EQUAL:
            assert seg.text.strip() == seg.text.strip().strip(".,")  # whole tokens
    assert runs(diff) == [("colour", "color"), ("Haines's coat", "Haynes's coats")] or ("colour", "color") in runs(diff)


def _matched(codes: list[tuple[str, int, int, int, int]]) -> int:
    return sum(i2 - i1 for tag, i1, i2, _, _ in codes if tag == "equal")


def _covers(codes: list[tuple[str, int, int, int, int]], ka: list[str], kb: list[str]) -> None:
    """Opcodes tile both key lists in order, and equal runs hold equal keys."""
    i = j = 0
    for tag, i1, i2, j1, j2 in codes:
        assert (i1, j1) == (i, j)
        assert i2 > i1 or j2 > j1
        if tag == "equal":
            assert ka[i1:i2] == kb[j1:j2]
        i, j = i2, j2
    assert (i, j) == (len(ka), len(kb))


def test_patience_anchors_give_way_when_they_would_cost_matches():
    from drift_viewer.engine.worddiff.matching import _anchored, _increasing

    assert _increasing([(0, 3), (1, 0), (2, 1), (3, 2)]) == [(1, 0), (2, 1), (3, 2)]
    # "u" is the only word found once on each side; anchoring on it would match 1 word instead of 3.
    ps: list[int] = []
    qs: list[int] = []
    _anchored("uppp", "pppu", ps, qs)
    assert (ps, qs) == ([1, 2, 3], [0, 1, 2])


def test_patience_anchor_lines_up_the_rare_word():
    from drift_viewer.engine.worddiff.diff import _opcodes

    ka = _keys(tokenize("and the Lord said and the people went"))
    kb = _keys(tokenize("and the people said and the Lord went"))
    codes = _opcodes(ka, kb)
    _covers(codes, ka, kb)
    assert _matched(codes) == Indel.similarity(ka, kb) // 2


small_vocabulary = st.lists(st.sampled_from(["a", "b", "c", "d", "e", "f", "g", ",", "the", "Lord"]), max_size=40)


@settings(max_examples=500, deadline=None)
@given(small_vocabulary, small_vocabulary)
def test_word_matching_is_a_longest_common_subsequence(ka, kb):
    # Reduction to shared words and patience anchors only ever shorten diff-match-patch's work; the
    # number of matched words stays rapidfuzz's LCS length.
    from drift_viewer.engine.worddiff.diff import _opcodes

    codes = _opcodes(ka, kb)
    _covers(codes, ka, kb)
    assert _matched(codes) == Indel.similarity(ka, kb) // 2


def test_word_matching_is_minimal_on_the_new_testament(shared_data):
    import csv

    from drift_viewer.engine.worddiff.diff import _opcodes

    def verses(name: str) -> dict[tuple[str, str, str], str]:
        with open(shared_data / "bible-nt" / name, encoding="utf-8", newline="") as f:
            return {
                (r["book"], r["chapter"], r["verse"]): r["text"]
                for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            }

    left, right = verses("Haweis.tsv"), verses("Noyes.tsv")
    refs = [ref for ref in left if ref in right][:1500]
    for ref in refs:
        ka, kb = _keys(tokenize(left[ref])), _keys(tokenize(right[ref]))
        codes = _opcodes(ka, kb)
        _covers(codes, ka, kb)
        assert _matched(codes) == Indel.similarity(ka, kb) // 2, ref


def test_transposed_date_with_an_ordinal_is_one_change():
    assert runs(word_diff("On 3 March 2024 he left.", "On March 3rd, 2024 he left.")) == [("3 March", "March 3rd,")]
    # the day changed too: still one change, so it reads as a date change
    assert runs(word_diff("On 3 March 2024 he left.", "On March 4th, 2024 he left.")) == [("3 March", "March 4th,")]


def test_a_respelt_word_is_split_out_of_a_rewording():
    diff = word_diff("the labourers went into the field", "the laborers came for the field")
    assert ("labourers", "laborers") in runs(diff)
    # an inflected word is not a respelling: it stays in the rewording
    assert runs(word_diff("sie kommen auf jeden Fall", "er erzeugt jeder Fall")) == [
        ("sie kommen auf jeden", "er erzeugt jeder")
    ]
