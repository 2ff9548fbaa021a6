"""The report page's values: a Comparison turned into the plain values report.html.j2 lays out.

Everything that holds document text is built by `markup` (escaped there); the rest is numbers,
labels from styles.py and class names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..engine import weak
from ..engine.classify.facttable import Reading
from ..engine.model import RISK_ORDER, Change, ChangeKind, Comparison, Document, Group, GroupKind, risk_rank
from ..styles import CHANGE_STYLES, GROUP_LABELS
from ..wording import plural
from .facts import fact_values
from .markup import change_marks, kind_class, side_html, text_html
from .paging import LIST_FIRST, LIST_FOLD, PAGE_ROWS, Page, pages

if TYPE_CHECKING:
    from ..review.marks import Marks

EXCERPT_CHARS = 80

ROW_CLASSES: dict[GroupKind, str] = {
    GroupKind.EQUAL: "eq",
    GroupKind.CHANGED: "ch",
    GroupKind.MOVED: "mv",
    GroupKind.ONLY_LEFT: "ol",
    GroupKind.ONLY_RIGHT: "or",
}


@dataclass(frozen=True)
class DocInfo:
    side: str  # "Left" / "Right"
    name: Markup
    path: Markup  # absolute, or "standard input" / "pasted text"
    sha256: str
    size: str
    modified: str
    encoding: str
    sentences: int


@dataclass(frozen=True)
class KindCount:
    cls: str
    value: str
    label: str
    description: str
    count: int


@dataclass(frozen=True)
class RankedPage:
    first: int  # 1-based place of its first entry in the kind's list
    last: int
    entries: Markup  # the <li> elements: built here, not in the template (37,000 of them in a book)


@dataclass(frozen=True)
class RankedKind:
    kind: KindCount
    pages: list[RankedPage]  # every change of the kind: the first page shown, the rest folded


@dataclass(frozen=True)
class Row:
    n: int  # 1-based row number, also the id "g<n>"
    cls: str
    kinds: str  # the change kinds in the row, space-separated, for the filters
    left: Markup
    right: Markup
    partner: int | None  # row number of a moved sentence's other place
    weak: str = ""  # tooltip of a weak link (engine/weak.py), "" for a sure one
    manual: bool = False  # linked by hand (a reviewer's edit)
    review: Markup | None = None  # its Review cell, when the report has a Review column

    @property
    def index_entry(self) -> str:
        """The row's classes as report.js reads them from its page's data-r: group class, then kinds."""
        return f"{self.cls} {self.kinds}" if self.kinds else self.cls


def row_index(page: Page[Row]) -> str:
    return ";".join(row.index_entry for row in page.items)


def human_size(size: int) -> str:
    if size < 1000:
        return plural(size, "byte")
    value = float(size)
    for unit in ("kB", "MB", "GB"):
        value /= 1000
        if value < 1000 or unit == "GB":
            return f"{value:.1f} {unit} ({size:,} bytes)"
    raise AssertionError("unreachable")


def _when(mtime: float | None) -> str:
    if mtime is None:
        return "not a file"
    return datetime.fromtimestamp(mtime, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _encoding(document: Document) -> str:
    """What the header says the text was stored as: a .docx is named as such, not by its XML's encoding."""
    return "docx" if document.format == "docx" else document.encoding


def shown(name: str) -> str:
    """A file name as the page can hold it: bytes that were not UTF-8 (kept as lone surrogates by
    surrogateescape) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _doc(side: str, document: Document, sentences: int) -> DocInfo:
    # The full path and the SHA-256 are the provenance a fact-checker cites: which file, exactly. (They also
    # tell the report's readers where the files were on the sender's disk.)
    size = document.size or len(document.text.encode("utf-8"))
    where = document.path or (document.name if document.name == "standard input" else "pasted text")
    return DocInfo(
        side,
        Markup(text_html(shown(document.name))),
        Markup(text_html(shown(where))),
        document.sha256,
        human_size(size),
        _when(document.mtime),
        _encoding(document),
        sentences,
    )


def _warnings(comparison: Comparison) -> list[str]:
    """What loading decided about each side (a guessed code page, bytes shown as U+FFFD), file names only;
    then what the aligner could not do (no sentence encoder: align/semantic.py)."""
    out: list[str] = []
    for document in (comparison.left.document, comparison.right.document):
        out.extend(shown(f"{document.name}: {warning}") for warning in document.warnings)
    return out + [shown(note) for note in comparison.notes]


def _excerpt(text: str) -> str:
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1] + "\u2026"
    return text_html(text)


def _entry(row: int, change: Change) -> str:
    return (
        f'<li><a href="#g{row}">row {row}</a> <del>{_excerpt(change.left_text)}</del> \u2192 '
        f"<ins>{_excerpt(change.right_text)}</ins></li>"
    )


def kind_counts(comparison: Comparison) -> list[KindCount]:
    counts = comparison.change_counts()
    return [
        KindCount(kind_class(k), k.value, CHANGE_STYLES[k].label, CHANGE_STYLES[k].description, counts.get(k, 0))
        for k in RISK_ORDER
    ]


def ranked(comparison: Comparison, kinds: list[KindCount]) -> list[RankedKind]:
    """Changes by risk, then in document order; a moved pair's changes once, linking its left place."""
    by_kind: dict[ChangeKind, list[tuple[int, Change]]] = {}
    for index, change in comparison.iter_changes():
        by_kind.setdefault(change.kind, []).append((index, change))
    out = []
    for kind in sorted(by_kind, key=risk_rank):
        entries = [_entry(index + 1, change) for index, change in by_kind[kind]]
        folds = [
            RankedPage(page.first, page.last, Markup("\n".join(page.items)))
            for page in pages(entries, LIST_FOLD, LIST_FIRST)
        ]
        out.append(RankedKind(kinds[risk_rank(kind)], folds))
    return out


def _row(comparison: Comparison, index: int, group: Group) -> Row:
    left, right = comparison.left, comparison.right
    lspan, rspan = left.group_span(group.left), right.group_span(group.right)
    ltext = left.text[lspan.start : lspan.end] if group.left else ""
    rtext = right.text[rspan.start : rspan.end] if group.right else ""
    kinds = " ".join(dict.fromkeys(kind_class(c.kind) for c in group.changes))
    return Row(
        index + 1,
        ROW_CLASSES[group.kind],
        kinds,
        side_html(ltext, lspan.start, change_marks(group.changes, "left")) if ltext else Markup(""),
        side_html(rtext, rspan.start, change_marks(group.changes, "right")) if rtext else Markup(""),
        None if group.partner is None else group.partner + 1,
        weak_title(group),
        group.manual,
    )


def weak_title(group: Group) -> str:
    return weak.describe(group) or ""


def header_values(
    comparison: Comparison, version: str, generated: datetime | None = None, title: str | None = None
) -> dict:
    """What the page's <header> (and its <title>) show: the two files, when and how it was made. `title`
    replaces "Drift report" as the heading and the page's title."""
    options = comparison.options
    ignored = [
        name
        for name, on in (
            ("case", options.ignore_case),
            ("punctuation", options.ignore_punctuation),
            ("typography", options.ignore_typography),
            ("whitespace", options.ignore_whitespace),
        )
        if on
    ]
    when = generated or datetime.now(UTC)
    return {
        "version": version,
        "title": Markup(text_html(title)) if title else None,
        "generated": when.strftime("%Y-%m-%d %H:%M:%S UTC"),
        "docs": [
            _doc("Left", comparison.left.document, len(comparison.left.sentences)),
            _doc("Right", comparison.right.document, len(comparison.right.sentences)),
        ],
        "ignored": ignored,
        "warnings": [Markup(text_html(warning)) for warning in comparison.bidi_warnings()],
        "load_warnings": _warnings(comparison),
        "language": options.language,
        "translation": _translation(comparison),
    }


def page_values(
    comparison: Comparison,
    version: str,
    generated: datetime | None = None,
    title: str | None = None,
    marks: Marks | None = None,
) -> dict:
    """Everything the template reads, by name: header, summary, ranked list and the rows in pages."""
    # On a book, half the fact table is read in a child while the rows are built here (facttable.Reading).
    facts = Reading(comparison)
    try:
        return _page_values(comparison, version, generated, title, marks, facts)
    finally:
        facts.stop()


def _page_values(
    comparison: Comparison,
    version: str,
    generated: datetime | None,
    title: str | None,
    marks: Marks | None,
    facts: Reading,
) -> dict:
    kinds = kind_counts(comparison)
    group_counts = comparison.group_counts()
    rows = [_row(comparison, i, g) for i, g in enumerate(comparison.groups)]
    review = None
    if marks is not None:
        from dataclasses import replace

        from .review import review_values

        review = review_values(comparison, marks)
        rows = [replace(row, review=review.cells.get(i, Markup(""))) for i, row in enumerate(rows)]
    return {
        "review": review,
        "manual": any(g.manual for g in comparison.groups),
        **header_values(comparison, version, generated, title),
        "similarity": f"{comparison.similarity:.1%}",
        "identical": comparison.identical,
        "groups": [(ROW_CLASSES[k], GROUP_LABELS[k], group_counts.get(k, 0)) for k in GroupKind],
        "kinds": kinds,
        "total_changes": sum(k.count for k in kinds),
        "ranked": ranked(comparison, kinds),
        "n_rows": len(rows),
        "pages": [(page, row_index(page)) for page in pages(rows, PAGE_ROWS)],
        **fact_values(comparison, facts.rows()),  # the fact section: report/facts.py
    }


def _translation(comparison: Comparison) -> str:
    """ "de → fr" for a cross-lingual comparison, "" for a same-language one."""
    if comparison.mode != "cross-lingual":
        return ""
    return f"{comparison.left.language} → {comparison.right.language}"
