"""Comparing B with A is the mirror of comparing A with B: the same groups with left and right swapped
(ONLY_LEFT <-> ONLY_RIGHT), the same changes with their sides swapped (DELETED <-> INSERTED, every other
kind the same).

What is exact, and what is not (yet):
- the alignment's groups do not always mirror: its link threshold depends on the direction (the xfail below);
- a group's changes mirror exactly whenever its word diff does (a capital at a sentence start or after a
  German article is read on both sides now; the left's alone was);
- the word diff keeps a longest common subsequence either way, so both directions match as many words;
  but when several subsequences are longest, diff-match-patch's choice between them depends on the
  direction, and the changes then differ (the seed pair's one such group: see
  test_the_seed_pair_differs_only_where_the_word_diff_ties).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import drift_viewer
from drift_viewer.engine.classify.cutting import changes_of
from drift_viewer.engine.model import ChangeKind, Comparison, Group, GroupKind, Op, Segment
from drift_viewer.engine.worddiff import matching, word_diff
from drift_viewer.engine.worddiff.tokens import keys, tokenize

_KIND = {ChangeKind.DELETED: ChangeKind.INSERTED, ChangeKind.INSERTED: ChangeKind.DELETED}
_GROUP_KIND = {GroupKind.ONLY_LEFT: GroupKind.ONLY_RIGHT, GroupKind.ONLY_RIGHT: GroupKind.ONLY_LEFT}

# Words that exercise the rules: names and their respellings, numbers, negators, quotes, abbreviations,
# German articles and nouns, case, punctuation, sentence ends.
_VOCABULARY = (
    'Haines Haynes Avril said says not never no 55 45 four forty the The a war peace “quoted” "quoted" '
    "Dec. December U.S. US — - , ; : ( ) Mr. Mr der die Kosten Ausgaben civilian civilians plight and of "
    "global response labour labor re-open reopen didn't did Kyiv Kiev Russia Russia's it It was"
)
WORDS = _VOCABULARY.split()
_SEPARATORS = [". ", "\n\n", "\n", "! ", "? ", " "]
_token = st.one_of(st.sampled_from(WORDS), st.sampled_from(_SEPARATORS))


@st.composite
def pairs(draw) -> tuple[str, str]:
    """Two small texts, the second an edit of the first (or unrelated), as real versions of a text are."""
    a = draw(st.lists(_token, min_size=1, max_size=30))
    if draw(st.booleans()):
        b = draw(st.lists(_token, max_size=30))
    else:
        b = list(a)
        for _ in range(draw(st.integers(0, 6))):
            at = draw(st.integers(0, len(b)))
            what = draw(st.sampled_from(["replace", "insert", "delete"]))
            if what == "insert" or not b or at == len(b):
                b.insert(at, draw(_token))
            elif what == "replace":
                b[at] = draw(_token)
            else:
                del b[at]
    return " ".join(a), " ".join(b)


# --- mirrors ---------------------------------------------------------------------------------------


def _runs(diff: tuple[Segment, ...]) -> list[tuple[str, str, str]]:
    """A diff as (equal text, deleted text, inserted text) runs: the order of a run's DELETE and INSERT
    segments is a convention (deletions first), not a difference."""
    out: list[tuple[str, str, str]] = []
    equal, deleted, inserted = "", "", ""
    for seg in diff:
        if seg.op is Op.EQUAL:
            if deleted or inserted:
                out.append((equal, deleted, inserted))
                equal, deleted, inserted = "", "", ""
            equal += seg.text
        elif seg.op is Op.DELETE:
            deleted += seg.text
        else:
            inserted += seg.text
    out.append((equal, deleted, inserted))
    return out


def _mirrored_runs(diff: tuple[Segment, ...]) -> list[tuple[str, str, str]]:
    return [(e, i, d) for e, d, i in _runs(diff)]


def _pairs_of(comparison: Comparison) -> dict[tuple[tuple[int, ...], tuple[int, ...]], Group]:
    """Each group by (left sentences, right sentences); a moved pair once, by both its sentences, as the
    member that holds its diff and changes."""
    out = {}
    for group in comparison.groups:
        if group.kind is GroupKind.MOVED:
            if not group.left:
                continue
            partner = comparison.groups[group.partner]
            out[(group.left, partner.right)] = group
        else:
            out[(group.left, group.right)] = group
    return out


def _changes(group: Group, mirror: bool) -> Counter:
    if not mirror:
        return Counter((c.kind, c.left, c.right, c.left_text, c.right_text) for c in group.changes)
    return Counter((_KIND.get(c.kind, c.kind), c.right, c.left, c.right_text, c.left_text) for c in group.changes)


def _both_ways(a: str, b: str, **options):
    forward = drift_viewer.compare_texts(a, b, **options)
    backward = drift_viewer.compare_texts(b, a, **options)
    return forward, backward


def _group_keys(comparison: Comparison, mirror: bool) -> Counter:
    keys = Counter()
    for g in comparison.groups:
        left, right, kind = (g.right, g.left, _GROUP_KIND.get(g.kind, g.kind)) if mirror else (g.left, g.right, g.kind)
        keys[(left, right, kind)] += 1
    return keys


def _word_diff_ties(forward: Group, backward: Group) -> bool:
    return _runs(forward.diff) != _mirrored_runs(backward.diff)


# --- properties ------------------------------------------------------------------------------------


@pytest.mark.xfail(strict=True, reason="the aligner's dynamic programme breaks this tie differently by direction")
def test_groups_mirror_even_on_degenerate_sentences():
    """Left to right, two one-sided groups and a 1-3 group (similarity 0.48); right to left, three 1-1
    groups. The link threshold is now the same both ways (search._threshold reads both sides' best
    cosines, with a float32 tolerance: here match and background levels were equal but for rounding, and
    the two directions fell on either side), but the dynamic programme still breaks the tie between these
    groupings differently by direction. Short, repetitive sentences like these only."""
    forward, backward = _both_ways("Haynes .  .  Haines", "Haines .  .  Haines")
    assert _group_keys(forward, False) == _group_keys(backward, True)


@settings(max_examples=300, deadline=None)
@given(pairs(), st.booleans())
def test_changes_mirror_wherever_the_word_diff_does(pair, typography):
    forward, backward = _both_ways(*pair, ignore_typography=typography)
    if _group_keys(forward, False) != _group_keys(backward, True):
        return  # the alignment's threshold differs by direction (see the xfail above): nothing to pair
    mirrored = {(r, le): g for (le, r), g in _pairs_of(backward).items()}
    for key, group in _pairs_of(forward).items():
        other = mirrored[key]
        assert group.similarity == pytest.approx(other.similarity)
        if _word_diff_ties(group, other):
            continue  # another longest common subsequence chosen: the next property checks its size
        assert _changes(group, False) == _changes(other, True), (group.diff, other.diff)


@settings(max_examples=300, deadline=None)
@given(pairs())
def test_the_word_diff_matches_as_many_words_either_way(pair):
    ka, kb = keys(tokenize(pair[0])), keys(tokenize(pair[1]))

    def matched(ops) -> int:
        return sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")

    assert matched(matching.opcodes(ka, kb)) == matched(matching.opcodes(kb, ka))


def test_a_capital_at_either_sides_sentence_start_proves_nothing():
    """ "Then" / "Than": the left's capital opens a sentence, the right's follows a comma. Each side's place
    counts, so neither direction reads a name (the left's alone was asked: REWORDED one way, NAME the other)."""
    a, b = "He said. Then Haines came.", "He said, Than Haines came."
    forward = changes_of(word_diff(a, b), 0, 0)
    backward = changes_of(word_diff(b, a), 0, 0)
    assert [(c.kind, c.left_text, c.right_text) for c in forward] == [
        (ChangeKind.PUNCTUATION, ".", ","),
        (ChangeKind.REWORDED, "Then", "Than"),
    ]
    assert [(_KIND.get(c.kind, c.kind), c.right_text, c.left_text) for c in backward] == [
        (c.kind, c.left_text, c.right_text) for c in forward
    ]


# --- the seed pair ---------------------------------------------------------------------------------


def test_the_seed_pair_differs_only_where_the_word_diff_ties(seed):
    """The issue's case (spun copy and original, Ignore Typography): it was 88 changes one way and 87 the
    other, from one group where "the global response and the civilian plight" / "the plight of civilians,
    and territorial control maps" has two longest common subsequences ("plight" or "and"). The word diff
    now breaks such ties in one fixed order, so the two directions mirror exactly."""
    left, right = (Path(p).read_text(encoding="utf-8") for p in seed)
    forward, backward = _both_ways(left, right, ignore_typography=True)
    assert _group_keys(forward, False) == _group_keys(backward, True)
    mirrored = {(r, le): g for (le, r), g in _pairs_of(backward).items()}
    tied = []
    for key, group in _pairs_of(forward).items():
        if _word_diff_ties(group, mirrored[key]):
            tied.append(key)
        else:
            assert _changes(group, False) == _changes(mirrored[key], True)
    assert tied == []
    counts = sum(forward.change_counts().values()), sum(backward.change_counts().values())
    assert counts[0] == counts[1], counts
