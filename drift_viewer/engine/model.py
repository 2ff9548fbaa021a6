"""The comparison model: the data each engine stage hands to the next, and what the GUI, report and
JSON export read.

Glossary
- document text: one side's text after decoding and normalisation (newlines to "\\n", Unicode NFC).
  Every offset in this model counts code points into that text (Qt's UTF-16 positions are converted
  once, at the Qt edge).
- sentence: a span [start, end) of the document text with no leading or trailing whitespace. The
  gaps between consecutive sentences are whitespace only, so sentences plus gaps rebuild the text.
- paragraph: sentences between blank lines (or HTML block elements); `Sentence.paragraph` numbers them.
- group: a contiguous run of left sentences facing a contiguous run of right sentences, in document
  order on both sides. Either run may be empty (a one-sided group). A group's text on one side is
  text[first.start:last.end], inner whitespace included.
- moved pair: a sentence that left its place is shown twice, as a one-sided group at its place on each
  side, both of kind MOVED and each naming the other as `partner`; the word diff of the pair is held
  by both, and counted once (on the left-side group).
- segment: one piece of a word diff, diff-match-patch style. Joining the EQUAL and DELETE texts gives
  the left text, EQUAL and INSERT texts the right text, exactly.
- change: a maximal run of non-equal segments, with its spans on both sides and its kind.

Example: left "Avril Haines said." against right "Avril Haynes said." is one group
    Group(left=(0,), right=(0,), kind=GroupKind.CHANGED, similarity=0.94,
          diff=(Segment(Op.EQUAL, "Avril "), Segment(Op.DELETE, "Haines"),
                Segment(Op.INSERT, "Haynes"), Segment(Op.EQUAL, " said.")),
          changes=(Change(ChangeKind.NAME, Span(6, 12), Span(6, 12), "Haines", "Haynes"),))
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

DEFAULT_MAX_BYTES = 50_000_000


class Op(enum.IntEnum):
    """Word-diff operation; the values are diff-match-patch's."""

    DELETE = -1
    EQUAL = 0
    INSERT = 1


class GroupKind(enum.StrEnum):
    EQUAL = "equal"
    CHANGED = "changed"
    MOVED = "moved"
    ONLY_LEFT = "only-left"
    ONLY_RIGHT = "only-right"


class ChangeKind(enum.StrEnum):
    """What a changed run is, most telling first (see RISK_ORDER for the ranking users see)."""

    NAME = "name"  # capitalised words replaced: Haines -> Haynes is also SPELLING-like, NAME wins
    NUMBER = "number"  # digits or number words with a different value: 55 -> 45
    HIDDEN = "hidden"  # differs only in invisible characters, bidi controls or look-alike letters: Pаris / Paris
    NEGATION = "negation"  # not / never / no / kein added or removed
    QUOTE = "quote"  # words inside quotation marks changed: a misquote
    CODE = "code"  # across languages: a URL, e-mail address or code (A320, ISO 9001) on one side only
    UNTRANSLATED = "untranslated"  # across languages: the same sentence on both sides, left as it was
    SPELLING = "spelling"  # same word spelt otherwise: Defence / Defense
    FORMAT = "format"  # same value written otherwise: Dec. 4 / December 4, U.S. / US
    REWORDED = "reworded"
    LENGTH = "length"  # across languages: a translation far longer or shorter than the texts' ratio
    DELETED = "deleted"
    INSERTED = "inserted"
    CASE = "case"
    PUNCTUATION = "punctuation"
    TYPOGRAPHY = "typography"  # quote styles, dashes, spaces only


# Ranking for the "changes that matter" lists: facts a reader relies on first, cosmetics last.
RISK_ORDER: tuple[ChangeKind, ...] = tuple(ChangeKind)


def risk_rank(kind: ChangeKind) -> int:
    return RISK_ORDER.index(kind)


def row_number(group_index: int) -> int:
    """The row number people see for a group, the same in the window, the report, the text, CSV and
    Markdown output: 1-based. Indices in the model and the JSON stay 0-based, as programs count."""
    return group_index + 1


@dataclass(frozen=True)
class Options:
    """What to ignore and how to read the inputs. What each ignore_* means: classify/ignoring.py."""

    ignore_case: bool = False
    ignore_punctuation: bool = False
    ignore_typography: bool = False
    ignore_whitespace: bool = False
    language: str | None = None  # ISO 639-1 code; None detects it
    presegmented: bool = False  # one sentence a line, as aligners' corpora come
    recall: bool = False  # keep every link the search finds, however unsure (default: precision first)
    max_bytes: int = DEFAULT_MAX_BYTES  # larger files are refused with a clear message
    # Whether the sides are an original and its translation (pipeline/crossmode.py): None decides from
    # the sides' languages, True forces cross-lingual alignment and fact checks, False refuses them.
    cross_lingual: bool | None = None


# The four small records below are built a few hundred thousand times on a book; NamedTuples cost a
# third of what frozen dataclasses do to build, and are as immutable and self-describing.


class Span(NamedTuple):
    """Half-open [start, end) in code points of a document text; empty where a run was inserted."""

    start: int
    end: int


class Sentence(NamedTuple):
    start: int
    end: int
    paragraph: int
    text: str


class Segment(NamedTuple):
    op: Op
    text: str


class Change(NamedTuple):
    kind: ChangeKind
    left: Span
    right: Span
    left_text: str
    right_text: str


@dataclass(frozen=True)
class Group:
    left: tuple[int, ...]
    right: tuple[int, ...]
    kind: GroupKind
    similarity: float  # 0..1, of the group's two texts (of the pair, for a moved sentence)
    diff: tuple[Segment, ...] = ()
    changes: tuple[Change, ...] = ()
    partner: int | None = None  # index in Comparison.groups of a moved sentence's counterpart
    # Calibrated probability that the link is right (align/confidence.py); None on one-sided groups.
    confidence: float | None = None
    # Made by a hand edit of the alignment (engine/regroup.py), not by the aligner. A reviewer's link is
    # vouched for: its confidence is 1.0 (one-sided groups keep None), so it is never listed as weak.
    manual: bool = False


@dataclass(frozen=True)
class Document:
    """One side as loaded: the shown text and where it came from."""

    text: str
    name: str  # what the user sees: the file name, "standard input", or "left"/"right" for pasted text
    path: str | None = None
    encoding: str = "utf-8"  # of the text as stored: a .docx says "utf-8", the encoding of its XML
    format: str = "text"  # "text", "html", "markdown" or "docx": how the text was extracted from the file
    size: int = 0  # bytes on disk
    mtime: float | None = None
    sha256: str = ""  # hex digest of the bytes as read (of the UTF-8 text for pasted text): which file it was
    # source_offsets[i] is the offset in the decoded text of text[i] (length len(text) + 1);
    # None where normalisation changed nothing, so the two coincide.
    source_offsets: tuple[int, ...] | None = None
    # What loading decided that the user should know, one line each, to be shown after the file's name:
    # the code page guessed for a file that is not UTF-8, bytes shown as U+FFFD, paragraphs read in
    # different encodings. Empty for UTF-8 (and BOM-marked) files.
    warnings: tuple[str, ...] = ()

    def source_offset(self, offset: int) -> int:
        return offset if self.source_offsets is None else self.source_offsets[offset]


@dataclass(frozen=True)
class Side:
    document: Document
    sentences: tuple[Sentence, ...]
    language: str | None = None  # ISO 639-1, given or detected; the kind rules of this side follow it

    @property
    def text(self) -> str:
        return self.document.text

    def group_span(self, indices: tuple[int, ...]) -> Span:
        if not indices:
            return Span(0, 0)
        return Span(self.sentences[indices[0]].start, self.sentences[indices[-1]].end)

    def group_text(self, indices: tuple[int, ...]) -> str:
        span = self.group_span(indices)
        return self.text[span.start : span.end]


@dataclass(frozen=True)
class Comparison:
    left: Side
    right: Side
    groups: tuple[Group, ...]
    options: Options = field(default_factory=Options)
    similarity: float = 1.0  # length-weighted mean over groups; one-sided groups count as 0
    # "same-language": sentences aligned by shared words, word diffs classified; "cross-lingual": an
    # original and its translation, aligned by sentence embeddings, facts checked instead of words.
    mode: str = "same-language"
    # What the aligner could not do as it would have (align/semantic.MISSING: no sentence encoder).
    notes: tuple[str, ...] = ()

    def iter_changes(self) -> Iterator[tuple[int, Change]]:
        """Every change once, with its group index; a moved pair's changes come from its left group."""
        for index, group in enumerate(self.groups):
            if group.kind is GroupKind.MOVED and not group.left:
                continue
            for change in group.changes:
                yield index, change

    def change_counts(self) -> Counter[ChangeKind]:
        return Counter(change.kind for _, change in self.iter_changes())

    def group_counts(self) -> Counter[GroupKind]:
        return Counter(group.kind for group in self.groups)

    def warnings(self) -> list[str]:
        """What a reader must know before trusting what is shown: `bidi_warnings`, then the aligner's notes."""
        return self.bidi_warnings() + list(self.notes)

    def bidi_warnings(self) -> list[str]:
        """A side holding bidi controls, which can show its text in another order than it is stored
        (lexicon/hidden.py)."""
        from .lexicon.hidden import bidi_warning

        found = (bidi_warning(side.text, side.document.name) for side in (self.left, self.right))
        return [warning for warning in found if warning]

    @property
    def identical(self) -> bool:
        return all(group.kind is GroupKind.EQUAL for group in self.groups)
