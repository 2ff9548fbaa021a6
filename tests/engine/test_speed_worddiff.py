"""The word diff's cheaper steps (issue 12, fifth pass) give what the steps they replace gave: the longest
rising chain of anchors taken whole where the anchors already rise, the shared keys' codes and positions
found in C, a unit asked of the second wording only when the first names one. The references are the
code as it was before."""

from __future__ import annotations

from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.lexicon import units
from drift_viewer.engine.worddiff import matching


def _increasing_before(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    tails: list[int] = []
    ends: list[int] = []
    back: list[int] = []
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tails, j)
        back.append(ends[k - 1] if k else -1)
        if k == len(tails):
            tails.append(j)
            ends.append(n)
        else:
            tails[k] = j
            ends[k] = n
    chain = []
    n = ends[-1] if ends else -1
    while n >= 0:
        chain.append(pairs[n])
        n = back[n]
    chain.reverse()
    return chain


@st.composite
def _anchor_pairs(draw: st.DrawFn) -> list[tuple[int, int]]:
    """Sorted, distinct first members; second members distinct (a permutation), often already rising, and
    sometimes with ties, which the fast path must not take for a rise."""
    n = draw(st.integers(min_value=1, max_value=30))
    seconds = list(range(n))
    if draw(st.booleans()):
        seconds = draw(st.permutations(seconds))
    if draw(st.integers(0, 5)) == 0:
        seconds = [min(j, n // 2) for j in seconds]
    return list(zip(range(n), seconds, strict=True))


@settings(max_examples=500, deadline=None)
@given(_anchor_pairs())
def test_the_rising_chain_is_the_one_searched_before(pairs: list[tuple[int, int]]) -> None:
    assert matching._increasing(pairs) == _increasing_before(pairs)


def _opcodes_before(ka: list[str], kb: list[str]) -> list[matching.Opcode]:
    n, m = len(ka), len(kb)
    if ka == kb:
        return [("equal", 0, n, 0, m)] if n else []
    shared = set(ka).intersection(kb)
    if not shared:
        return [op for op in (("delete", 0, n, 0, 0), ("insert", n, n, 0, m)) if op[2] > op[1] or op[4] > op[3]]
    codes = {k: chr(matching._BASE + c) for c, k in enumerate(shared)}
    ca, cb = [codes.get(k) for k in ka], [codes.get(k) for k in kb]
    ia = [i for i, c in enumerate(ca) if c is not None]
    ib = [j for j, c in enumerate(cb) if c is not None]
    a, b = "".join(c for c in ca if c), "".join(c for c in cb if c)
    ps: list[int] = []
    qs: list[int] = []
    if ka <= kb:
        matching._anchored(a, b, ps, qs)
    else:
        matching._anchored(b, a, qs, ps)
    return matching._runs([ia[p] for p in ps], [ib[q] for q in qs], n, m)


_KEYS = st.lists(
    st.sampled_from(["the", "and", "of", "jesus", "said", ",", ".", "him", "unto", "to", "a"]), max_size=25
)


@settings(max_examples=400, deadline=None)
@given(_KEYS, _KEYS)
def test_opcodes_are_the_ones_found_before(ka: list[str], kb: list[str]) -> None:
    assert matching.opcodes(ka, kb) == _opcodes_before(ka, kb)


def test_a_unit_is_another_only_when_both_wordings_name_one() -> None:
    assert units.another_unit("years", "months")
    assert units.another_unit("€", "$")
    assert not units.another_unit("dollars", "dollar")
    assert not units.another_unit("said", "months")
    assert not units.another_unit("months", "said")
    assert units.unit_ids("Years.") == units.unit_ids("years")
