"""The seed case scored by hand: which sentences of the content-farm copy should face which of the RFE/RL
original (../shared/data/seed: left = spun-copy.txt, right = rferl-original.txt).

GOLD lists every story sentence of the copy with its source sentence. One side of a pair is an exact
excerpt of the file, or "start…end": from that start to the first following occurrence of that end.
The copy's headline, "Also Read" teaser, byline and web boilerplate have no source and are not listed.

Metric (the one quality.py uses for the Bible pipeline, because segmentation decides what a sentence
is): each gold pair covers the sentences its excerpts overlap on each side; gold pairs sharing a
sentence merge, and each resulting set of left and right sentences is a gold component. Predicted links
are the (l, r) of every group with both sides, plus every moved pair, that touch a gold sentence.
Precision = share of those links whose two sentences lie in one component; recall = share of gold
sentences with at least one such correct link. `pairs` counts gold pairs with a correct link between
their own sentences: "did the pipeline put these two side by side".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "seed"
LEFT_FILE, RIGHT_FILE = "spun-copy.txt", "rferl-original.txt"

GOLD: tuple[tuple[str, str], ...] = (
    (
        "Washington sees no signs…Anthony Blinken said.",
        "Washington sees no signs…Antony Blinken has said.",
    ),
    (
        "“There is always value in diplomacy…meaningful diplomacy.",
        "\"There's always value in diplomacy…meaningful diplomacy.",
    ),
    (
        "And what we’ve seen, at least recently…on the battlefield.",
        "And what we've seen, at least recently…on the battlefield.",
    ),
    ("Live briefing: Russia’s invasion of Ukraine", "Live Briefing: Russia's Invasion Of Ukraine"),
    (
        "RFE/RL Live briefing brings you…the civilian plight.",
        "RFE/RL's Ukraine Live Briefing gives you…territorial control maps.",
    ),
    ("For all of RFE/RL’s coverage of the war, click here.", "For all of RFE/RL's coverage of the war, click here."),
    (
        "“He couldn’t win on the battlefield…turn off the electricity.”",
        "\"He's been unable to win…turn off the electricity.",
    ),
    ("That’s what’s going on.", "That's what's going on."),
    (
        "“So unless and until Putin demonstrates…Face the nation.",
        '"So,unless and until Putin demonstrates…Face The Nation.',
    ),
    (
        "In recent weeks, Russian military focus…of Russian occupation.",
        "In recent weeks, Russia's military focus…Russian occupation.",
    ),
    ("On December 1, President Joe Biden…ending the invasion.", "On December 1, President Joe Biden…end the invasion."),
    ("“I’m willing to talk to Mr. Putin…Biden said.", "\"I'm prepared to speak with Mr. Putin…Biden said."),
    ("“He hasn’t done that yet.”", '"He hasn\'t done that yet."'),
    ("The head of US intelligence…in the coming months.", "The head of U.S. intelligence…in coming months."),
    ("Avril Haynes referred to past claims…in Russia “.", 'Avril Haines alluded to past allegations…in Russia."'),
    ("“But it’s not clear to us yet…on December 3.", "\"But it's still not clear to us…on December 3."),
    (
        "The British Ministry of Defence…“significantly declining”.",
        'The British Ministry of Defense…"falling significantly."',
    ),
    (
        "Meduza reported that it received…senior government officials.",
        "Meduza said it obtained…top government officials.",
    ),
    (
        "The poll, commissioned by the Kremlin…the war to continue.",
        "The survey, commissioned by the Kremlin…the war to go on.",
    ),
    ("The report does not mention the margin of error.", "The report didn’t mention the margin of error."),
)

Spans = Sequence[tuple[int, int]]  # [start, end) of each sentence in its document text
Groups = Iterable[tuple[Sequence[int], Sequence[int]]]


@dataclass(frozen=True)
class SeedScore:
    precision: float
    recall: float
    f1: float
    pairs: int  # gold pairs linked
    total: int  # gold pairs
    seconds: float = 0.0


def locate(text: str, excerpt: str) -> tuple[int, int]:
    """[start, end) of an excerpt, or of a "start…end" excerpt, in text; ValueError if absent."""
    head, sep, tail = excerpt.partition("…")
    start = text.index(head)
    if not sep:
        return start, start + len(head)
    end = text.index(tail, start + len(head))
    return start, end + len(tail)


def _covering(spans: Spans, start: int, end: int) -> frozenset[int]:
    return frozenset(k for k, (s, e) in enumerate(spans) if s < end and e > start)


def gold_pairs(left_text: str, right_text: str, left_spans: Spans, right_spans: Spans):
    """Per gold pair, (left sentence indices, right sentence indices) it covers."""
    pairs = []
    for lx, rx in GOLD:
        pairs.append((_covering(left_spans, *locate(left_text, lx)), _covering(right_spans, *locate(right_text, rx))))
    return pairs


def _components(pairs) -> dict[tuple[str, int], int]:
    """Gold component of each gold sentence, keyed ("L", i) / ("R", j)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    for ls, rs in pairs:
        nodes = [("L", i) for i in ls] + [("R", j) for j in rs]
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
    roots = sorted({find(x) for x in parent})
    return {x: roots.index(find(x)) for x in parent}


def score(
    left_text: str, right_text: str, left_spans: Spans, right_spans: Spans, groups: Groups, seconds: float = 0.0
) -> SeedScore:
    pairs = gold_pairs(left_text, right_text, left_spans, right_spans)
    component = _components(pairs)
    links = {(i, j) for a, b in groups for i in a for j in b if ("L", i) in component or ("R", j) in component}
    correct = {(i, j) for i, j in links if component.get(("L", i), -1) == component.get(("R", j), -2)}
    recalled = {("L", i) for i, _ in correct} | {("R", j) for _, j in correct}
    p = len(correct) / len(links) if links else 0.0
    r = len(recalled) / len(component) if component else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    linked = sum(any((i, j) in correct for i in ls for j in rs) for ls, rs in pairs)
    return SeedScore(p, r, f, linked, len(pairs), seconds)


def comparison_groups(comparison) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """A Comparison's groups as (left, right) indices, a moved pair as one group (it is shown linked)."""
    out = []
    for g in comparison.groups:
        if g.left and g.right:
            out.append((tuple(g.left), tuple(g.right)))
        elif g.partner is not None and g.left:
            out.append((tuple(g.left), tuple(comparison.groups[g.partner].right)))
    return out


def spans_of(side) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in side.sentences]
