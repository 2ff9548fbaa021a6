"""The pipeline: documents in, Comparison out, with progress reports and cancellation.

Stages: load -> segment -> align -> word diff -> classify, each a sub-package of the engine; this module
only wires them and turns alignment links into model groups. The per-group work (word diff and
classification) runs through `parallel`, on every core for long texts.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from . import classify, groupwork, parallel, segment, worddiff
from .classify.evidence import NameEvidence, zipf
from .errors import Cancelled
from .load import document_from_text, load_file
from .model import (
    Change,
    ChangeKind,
    Comparison,
    Document,
    Group,
    GroupKind,
    Op,
    Options,
    Segment,
    Sentence,
    Side,
    Span,
)
from .segment.language import detect_language, detect_paragraph_language, paragraph_answers, remember_paragraphs
from .segment.paragraphs import MOST_SENTENCES

if TYPE_CHECKING:
    from .align import Link

Progress = Callable[[str, float], None]  # (stage name, fraction 0..1 of the whole job)
ShouldCancel = Callable[[], bool]
# Early looks at a comparison being made, for a caller that shows it as it comes (the window):
# aligned(left side, right side, links, mode) once the sentences are aligned, before any word diff;
# built(start, groups) as groups start.. are built, in order; None for a group whose kinds wait for the
# sentence encoder's verdict (groupwork.py), sent again once known. The Comparison returned is the truth.
Aligned = Callable[[Side, Side, "Sequence[Link]", str], None]
Built = Callable[[int, Sequence[Group | None]], None]


def _checker(should_cancel: ShouldCancel | None) -> Callable[[], None]:
    def check() -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled()

    return check


# Characters a side from which the right side is segmented, and the name evidence read, in a child beside
# this process's own work (on the New Testament, 0.7 s each against a fork and ~30 ms of pickling).
BACKGROUND_MIN = 100_000


def make_side(document: Document, options: Options, tick: Callable[[float], None] | None = None) -> Side:
    return Side(document, *_sentences(document, options, tick))


def _sentences(
    document: Document, options: Options, tick: Callable[[float], None] | None
) -> tuple[tuple[Sentence, ...], str]:
    language = options.language or detect_language(document.text)
    most = MOST_SENTENCES  # more cannot be aligned: refused as soon as they are counted
    if options.presegmented:
        sentences = segment.segment_lines(document.text, most)
    else:
        sentences = segment.segment(document.text, options.language, detected=language, tick=tick, most=most)
    return tuple(sentences), language


def _sentences_back(
    document: Document, options: Options, tick: Callable[[float], None] | None
) -> tuple[tuple[Sentence, ...], str, dict[tuple[str, str], str]]:
    """_sentences, with the paragraph languages it read, for the parent when this runs in a child."""
    held = paragraph_answers()
    sentences, language = _sentences(document, options, tick)
    return sentences, language, {k: v for k, v in paragraph_answers().items() if k not in held}


def compare_documents(
    left: Document,
    right: Document,
    options: Options | None = None,
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    aligned: Aligned | None = None,
    built: Built | None = None,
) -> Comparison:
    options = options or Options()
    # Every stage builds hundreds of thousands of small acyclic objects on a book; the cyclic collector
    # would walk the growing heap again and again for nothing (0.5 s of 3 s on the New Testament, and
    # more than linear growth with size). Off for this call only, and restored as it was, even on errors.
    with _no_cyclic_gc():
        return _compare(left, right, options, progress, should_cancel, aligned, built)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _compare(
    left: Document,
    right: Document,
    options: Options,
    progress: Progress | None,
    should_cancel: ShouldCancel | None,
    aligned: Aligned | None = None,
    built: Built | None = None,
) -> Comparison:
    check = _checker(should_cancel)
    report = progress or (lambda stage, fraction: None)
    report("segment", 0.0)

    def segmenting(first: float) -> Callable[[float], None]:
        def tick(done: float) -> None:
            check()
            report("segment", first + 0.1 * done)

        return tick

    # Both sides at once where there are two cores: the right side in a child, the left one here.
    right_sentences = parallel.start(partial(_sentences_back, right, options), len(right.text), BACKGROUND_MIN)
    try:
        left_side = make_side(left, options, segmenting(0.0))
        check()
        sentences, right_language, answers = right_sentences.result(segmenting(0.1), check)
        remember_paragraphs(answers)  # the paragraph languages the child read: the kind rules ask again
        right_side = Side(right, sentences, right_language)
    finally:
        right_sentences.stop()
    check()
    report("align", 0.2)
    from . import align as align_mod  # numpy and the aligner load here, not with the command
    from . import translation

    check()

    # Which capitalised words the documents show to be names: read once, before the workers fork, in a
    # child while this process aligns.
    languages = (left_side.language, right_side.language)
    size = len(left.text) + len(right.text)
    for language in languages if size >= 2 * BACKGROUND_MIN else ():
        # A book's word frequencies loaded here (0.25 s), before any fork: the evidence child, the diff
        # workers and the fact table all read them, and each would load its own copy otherwise.
        zipf("", language)
        check()
    names = parallel.start(partial(_evidence, left.text, right.text, languages), size, 2 * BACKGROUND_MIN)
    try:
        mode = translation.choose_mode(left_side, right_side, options)
        check()
        cross = mode == translation.CROSS_LINGUAL
        notes: list[str] = []
        if cross:
            links = translation.align(left_side, right_side, check, lambda done: report("align", 0.2 + 0.4 * done))
        else:
            links = align_mod.align(
                [s.text for s in left_side.sentences],
                [s.text for s in right_side.sentences],
                left_paragraphs=[s.paragraph for s in left_side.sentences],
                right_paragraphs=[s.paragraph for s in right_side.sentences],
                check=_aligning(check, report, len(left_side.sentences)),
                floor=0.0 if options.recall else align_mod.FLOOR,
                notes=notes,
            )
        if aligned is not None:
            aligned(left_side, right_side, links, mode)
        report("diff", 0.6)
        evidence = replace(names.result(check=check), texts=(left.text, right.text))
    finally:
        names.stop()
    check()
    build = GroupBuilder.of(left_side, right_side, options, mode, evidence)
    groups = groupwork.build_groups(
        build, links, languages, check, lambda done: report("diff", 0.6 + 0.4 * done), built
    )
    report("done", 1.0)
    _builders[:] = [build]  # for the hand edits of this comparison, if made in this process
    overall = _overall(groups, left_side, right_side)
    return Comparison(left_side, right_side, tuple(groups), options, overall, mode, tuple(notes))


@dataclass(frozen=True)
class GroupBuilder:
    """What every group of one comparison is built with: the pipeline and a hand edit of the alignment
    (regroup.py) build their groups by this one call, so an edited group reads as a computed one."""

    left: Side
    right: Side
    options: Options
    evidence: NameEvidence
    languages: tuple[str | None, str | None]
    cross: bool
    ratio: float
    mode: str
    # A paragraph in another language than its document's gets that language's kind rules: per side,
    # paragraph number -> its language, for the paragraphs that differ.
    own: tuple[dict[int, str], dict[int, str]] = ({}, {})

    @classmethod
    def of(
        cls, left: Side, right: Side, options: Options, mode: str, evidence: NameEvidence | None = None
    ) -> GroupBuilder:
        """`evidence`: the documents' name evidence if read already (the pipeline reads it in a child
        while it aligns); else read here."""
        from . import translation

        languages = (left.language, right.language)
        if evidence is None:
            evidence = NameEvidence.of(left.text, right.text, languages)
        cross = mode == translation.CROSS_LINGUAL
        ratio = translation.length_ratio(left, right)
        own = ({}, {}) if cross else (_paragraph_languages(left, options), _paragraph_languages(right, options))
        return cls(left, right, options, evidence, languages, cross, ratio, mode, own)

    def __call__(self, link: Link, links: Sequence[Link]) -> Group:
        if self.cross and link.left and link.right:
            from . import translation

            return translation.pair_group(link, self.left, self.right, self.languages, self.ratio)
        languages = self.languages
        if self.own[0] or self.own[1]:
            left, right = self.left.sentences, self.right.sentences
            languages = (
                self.own[0].get(left[link.left[0]].paragraph, languages[0]) if link.left else languages[0],
                self.own[1].get(right[link.right[0]].paragraph, languages[1]) if link.right else languages[1],
            )
        return _group(link, links, self.left, self.right, self.options, self.evidence, languages)


_builders: list[GroupBuilder] = []  # the last one made: its sides are those of the comparisons edited


def builder_for(comparison: Comparison) -> GroupBuilder:
    """The group builder of a comparison (or of one edited from it: they share their sides), made once:
    reading the documents' name evidence takes 0.4 s of CPU on the New Testament, an edit 6 ms."""
    c = comparison
    for build in _builders:
        if build.left is c.left and build.right is c.right and build.options == c.options and build.mode == c.mode:
            return build
    build = GroupBuilder.of(c.left, c.right, c.options, c.mode)
    _builders[:] = [build]
    return build


def _evidence(left: str, right: str, languages: tuple[str | None, str | None], tick: object) -> NameEvidence:
    """NameEvidence.of without its copy of the texts, which the waiting process has already."""
    return replace(NameEvidence.of(left, right, languages), texts=("", ""))


def _aligning(check: Callable[[], None], report: Progress, rows: int) -> Callable[[], None]:
    """The aligner's cancellation check, which also moves the progress on: the aligner checks about once
    every 16 rows of its search (and between its steps), so the share done is guessed from the calls."""
    expected = rows / 16 + 8
    calls = 0

    def step() -> None:
        nonlocal calls
        check()
        calls += 1
        report("align", 0.2 + 0.4 * min(calls / expected, 0.99))

    return step


def _paragraph_languages(side: Side, options: Options) -> dict[int, str]:
    """The paragraphs whose own language (segment.language, long paragraphs only) is not the side's."""
    if options.language or side.language is None or not side.sentences:
        return {}
    spans: dict[int, tuple[int, int]] = {}
    for s in side.sentences:
        start, _ = spans.get(s.paragraph, (s.start, s.end))
        spans[s.paragraph] = (start, s.end)
    out = {}
    for paragraph, (start, end) in spans.items():
        found = detect_paragraph_language(side.text, start, end, side.language)
        if found != side.language:
            out[paragraph] = found
    return out


def _group(
    link: Link,
    links: Sequence[Link],
    left: Side,
    right: Side,
    options: Options,
    evidence: NameEvidence | None = None,
    languages: tuple[str | None, str | None] = (None, None),
) -> Group:
    if link.partner is not None:
        other = links[link.partner]
        lidx, ridx = (link.left, other.right) if link.left else (other.left, link.right)
    else:
        lidx, ridx = link.left, link.right
    lspan, rspan = left.group_span(lidx), right.group_span(ridx)
    ltext, rtext = _member_text(left, lidx), _member_text(right, ridx)
    if link.partner is None and not (lidx and ridx):
        # A sentence with no counterpart is one deletion or insertion, whatever words it holds: "will not
        # be published" in dropped boilerplate is no negation flip.
        # Unless it holds a name respelt (one letter off a name the documents use): a sentence added
        # that misspells a name is what a fact-checker must see first.
        diff: tuple[Segment, ...]
        if lidx:
            diff = (Segment(Op.DELETE, ltext),)
            dropped = ChangeKind.NAME if evidence and evidence.respelt_name_in(ltext, 0) else ChangeKind.DELETED
            change = Change(dropped, lspan, Span(rspan.start, rspan.start), ltext, "")
            return Group(link.left, link.right, GroupKind.ONLY_LEFT, 0.0, diff, (change,))
        diff = (Segment(Op.INSERT, rtext),)
        added = ChangeKind.NAME if evidence and evidence.respelt_name_in(rtext, 1) else ChangeKind.INSERTED
        change = Change(added, Span(lspan.start, lspan.start), rspan, "", rtext)
        return Group(link.left, link.right, GroupKind.ONLY_RIGHT, 0.0, diff, (change,))
    diff = worddiff.word_diff(ltext, rtext)
    changes = classify.changes_of(diff, lspan.start, rspan.start, options, evidence, languages)
    similarity = Indel.normalized_similarity(ltext, rtext)
    if link.partner is not None:
        kind = GroupKind.MOVED
    elif changes:
        kind = GroupKind.CHANGED
    else:
        kind = GroupKind.EQUAL
    return Group(link.left, link.right, kind, similarity, diff, changes, link.partner, link.confidence)


def _member_text(side: Side, indices: tuple[int, ...]) -> str:
    """The group's stretch of text, with the sentences inside it that the group skips (a gapped group,
    a moved sentence's pieces) blanked to spaces: offsets into the stretch stay offsets into the text,
    and a skipped sentence, a group of its own, is not diffed twice."""
    span = side.group_span(indices)
    text = side.text[span.start : span.end]
    if not indices or indices[-1] - indices[0] + 1 == len(indices):
        return text
    members = set(indices)
    chars = list(text)
    for k in range(indices[0] + 1, indices[-1]):
        if k not in members:
            s = side.sentences[k]
            chars[s.start - span.start : s.end - span.start] = " " * (s.end - s.start)
    return "".join(chars)


def _overall(groups: Sequence[Group], left: Side, right: Side) -> float:
    """Length-weighted similarity; one-sided text counts as wholly different."""
    weight, total = weighed(groups, left, right, range(len(groups)))
    return total / weight if weight else 1.0


def weighed(groups: Sequence[Group], left: Side, right: Side, indices: Iterable[int]) -> tuple[float, float]:
    """(length, length-weighted similarity) of the groups at `indices`, the two sums of `_overall`; a
    hand edit (regroup.py) updates them by the groups it changed instead of walking a book's 7,000."""
    ls, rs = left.sentences, right.sentences
    weight = total = 0.0
    for k in indices:
        g = groups[k]
        if g.kind is GroupKind.MOVED and not g.left:
            continue
        # A moved sentence's similarity is its pair's: weigh it with its partner's text.
        right_indices = groups[g.partner].right if g.partner is not None else g.right
        size = (ls[g.left[-1]].end - ls[g.left[0]].start if g.left else 0) + (
            rs[right_indices[-1]].end - rs[right_indices[0]].start if right_indices else 0
        )
        weight += size
        total += size * g.similarity
    return weight, total


def compare_texts(
    left_text: str,
    right_text: str,
    *,
    left_name: str = "left",
    right_name: str = "right",
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    **options,
) -> Comparison:
    left, right = document_from_text(left_text, left_name), document_from_text(right_text, right_name)
    return compare_documents(left, right, Options(**options), progress=progress, should_cancel=should_cancel)


def compare_files(
    left_path: str | os.PathLike[str],
    right_path: str | os.PathLike[str],
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
    **options,
) -> Comparison:
    opts = Options(**options)
    left, right = load_file(left_path, max_bytes=opts.max_bytes), load_file(right_path, max_bytes=opts.max_bytes)
    return compare_documents(left, right, opts, progress=progress, should_cancel=should_cancel)


def align_sentences(
    left_sentences,
    right_sentences,
    *,
    recall: bool = False,
    cross_lingual: bool | None = False,
    language: str | None = None,
    notes: list[str] | None = None,
) -> list[tuple[list[int], list[int]]]:
    """Groups in the left's order, one-sided groups included; a moved pair is one group at its left
    sentence's place, and a group's index lists need not be contiguous (`[3]:[5, 7]`). `recall`: keep
    every link the search finds, however unsure; by default a sentence with no convincing partner stays
    one-sided. With `cross_lingual` None, the mode follows the sentences' languages, as
    compare_documents does. `notes` gets the aligner's notes (align/semantic.MISSING)."""
    from . import align as align_mod
    from . import translation

    left_sentences, right_sentences = list(left_sentences), list(right_sentences)
    if cross_lingual is None:
        texts = "\n".join(left_sentences), "\n".join(right_sentences)
        languages = (language or detect_language(texts[0]), language or detect_language(texts[1]))
        mode = translation.mode_of(texts[0], texts[1], languages, Options(language=language))
        cross_lingual = mode == translation.CROSS_LINGUAL
    if cross_lingual:
        return translation.align_texts(left_sentences, right_sentences)
    links = align_mod.align(left_sentences, right_sentences, floor=0.0 if recall else align_mod.FLOOR, notes=notes)
    out = []
    for link in links:
        if link.partner is None:
            out.append((list(link.left), list(link.right)))
        elif link.left:
            out.append((list(link.left), list(links[link.partner].right)))
    return out
