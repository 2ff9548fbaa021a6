"""A short Markdown summary to paste into a note, a ticket or a chat: which files, how similar, how many
changes of each kind, then every change that matters with its two sentences.

"Changes that matter" are the kinds ranked above spelling (name, number, hidden characters, negation,
quotation): they change what a text states, where spelling and the kinds below it change how it is
written. They are all listed, never cut: the lists are what the summary is for. Row numbers are the
report's and the window's (1-based).

Document text is escaped for CommonMark and GitHub: it never starts a line (each line opens with our
own "- Left: ", "| ", ...), so only inline markup needs a backslash: emphasis and strikethrough (* _ ~),
code (`), links and images ([ ]), HTML and autolinks (< >), entities (&), table cells (|), math ($) and
the backslash itself. The rest (. ( ) # -) stays readable as pasted. Invisible characters are written
as ⟨RLO⟩, ⟨ZWSP⟩, ... as in the text output.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..engine.lexicon.hidden import escaped
from ..engine.model import RISK_ORDER, Change, ChangeKind, Comparison, GroupKind, risk_rank, row_number
from ..styles import CHANGE_STYLES, GROUP_LABELS
from ..wording import plural

if TYPE_CHECKING:
    from ..review.marks import Marks

MATTER: tuple[ChangeKind, ...] = RISK_ORDER[: risk_rank(ChangeKind.SPELLING)]

_INLINE_MARKUP = re.compile(r"([\\`*_~\[\]<>&|$])")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE_RUN = re.compile(r"\s*\n\s*")


def md_text(text: str) -> str:
    """Document text as Markdown that shows exactly these characters on one line (see the docstring)."""
    text = _LONE_SURROGATE.sub("\ufffd", escaped(text))  # a file name that was not UTF-8
    return _INLINE_MARKUP.sub(r"\\\1", _SPACE_RUN.sub(" ", text))


def _words(text: str) -> str:
    shown = md_text(text.strip())
    return f"**{shown}**" if shown else "*(nothing)*"


def _sentences(comparison: Comparison, index: int) -> tuple[str, str]:
    """The row's text on each side; a moved sentence's right side is at its partner's row."""
    group = comparison.groups[index]
    right = group.right
    if not right and group.kind is GroupKind.MOVED and group.partner is not None:
        right = comparison.groups[group.partner].right
    left_text = comparison.left.group_text(group.left) if group.left else ""
    right_text = comparison.right.group_text(right) if right else ""
    return left_text, right_text


def _entry(comparison: Comparison, index: int, changes: list[Change]) -> list[str]:
    """One row's changes of one kind, then its two sentences once."""
    left, right = _sentences(comparison, index)
    words = "; ".join(f"{_words(c.left_text)} → {_words(c.right_text)}" for c in changes)
    return [
        f"- Row {row_number(index)}: {words}",
        f"  - Left: {md_text(left) if left else '*(no counterpart)*'}",
        f"  - Right: {md_text(right) if right else '*(no counterpart)*'}",
    ]


def render_markdown(comparison: Comparison, title: str | None = None, marks: Marks | None = None) -> str:
    """`marks`, a project's review marks: a closing "Review" section."""
    lines = _summary(comparison, title)
    if marks is not None:
        from .reviewed import markdown_section

        lines += markdown_section(marks, comparison, md_text, _words)
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(comparison: Comparison, title: str | None) -> list[str]:
    left, right = comparison.left, comparison.right
    heading = md_text(title) if title else f"Drift: {md_text(left.document.name)} → {md_text(right.document.name)}"
    lines = [f"## {heading}", "", "| Side | File | Sentences | SHA-256 |", "|---|---|---|---|"]
    for label, side in (("Left", left), ("Right", right)):
        document = side.document
        digest = f"`{document.sha256}`" if document.sha256 else ""
        lines.append(f"| {label} | {md_text(document.name)} | {len(side.sentences):,} | {digest} |")
    lines.append("")
    warnings = comparison.warnings() + [f"{d.name}: {w}" for d in (left.document, right.document) for w in d.warnings]
    lines += [f"> **Warning:** {md_text(warning)}" for warning in warnings]
    if warnings:
        lines.append("")
    groups = comparison.group_counts()
    rows = ", ".join(f"{groups[k]:,} {GROUP_LABELS[k].lower()}" for k in GroupKind if groups.get(k))
    counts = comparison.change_counts()
    total = sum(counts.values())
    if comparison.identical:
        lines.append(f"Similarity {comparison.similarity:.1%}: the texts are the same.")
        return lines
    lines += [
        f"Similarity {comparison.similarity:.1%}; {plural(len(comparison.groups), 'row')} ({rows}); "
        f"{plural(total, 'change')}.",
        "",
        "| Kind | Changes |",
        "|---|---:|",
    ]
    lines += [f"| {CHANGE_STYLES[k].label} | {counts[k]:,} |" for k in RISK_ORDER if counts.get(k)]
    lines += ["", "### Changes that matter", ""]
    # kind -> row -> its changes of that kind, in document order
    by_kind: dict[ChangeKind, dict[int, list[Change]]] = {}
    for index, change in comparison.iter_changes():
        if change.kind in MATTER:
            by_kind.setdefault(change.kind, {}).setdefault(index, []).append(change)
    if not by_kind:
        lines.append(f"None: no {', '.join(CHANGE_STYLES[k].label.lower() for k in MATTER)} changes.")
    for kind in MATTER:
        if kind not in by_kind:
            continue
        total_kind = sum(len(found) for found in by_kind[kind].values())
        lines += [f"#### {CHANGE_STYLES[kind].label} ({total_kind:,})", ""]
        for index, found in by_kind[kind].items():
            lines += _entry(comparison, index, found)
        lines.append("")
    return lines
