"""The terminal form of a comparison: one block a changed group, headed by its row number (the report's
and the window's, 1-based) and its sentence numbers on each side (1-based too). Invisible
characters are written as ⟨RLO⟩, ⟨ZWSP⟩, ... (engine/lexicon/hidden.py), so a bidi control cannot
reorder the terminal's line nor a zero-width space hide; a change's own wordings are shown by repr,
which escapes them as \u202e."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..engine.lexicon.hidden import escaped
from ..engine.model import Comparison, GroupKind, Op, Segment, risk_rank, row_number
from ..wording import plural

if TYPE_CHECKING:
    from ..review.marks import Marks

RED, GREEN, DIM, BOLD, RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"


def painter(color: bool) -> Callable[[str, str], str]:
    """paint(code, text): `text` in the terminal colour `code`, or as it is without `color`."""
    return (lambda code, text: f"{code}{text}{RESET}") if color else (lambda code, text: text)


def inline_diff(diff: Sequence[Segment], paint: Callable[[str, str], str]) -> str:
    """A group's word diff on one line as wdiff writes it, `[-old-]{+new+}`, invisible characters shown."""
    parts = []
    for seg in diff:
        if seg.op is Op.EQUAL:
            parts.append(seg.text)
        elif seg.op is Op.DELETE:
            parts.append(paint(RED, f"[-{seg.text}-]"))
        else:
            parts.append(paint(GREEN, f"{{+{seg.text}+}}"))
    return escaped("".join(parts))


def render_text(comparison: Comparison, *, color: bool = False, marks: Marks | None = None) -> str:
    """`marks`, a project's review marks: listed in a closing "review" block."""
    paint = painter(color)

    lines = [
        f"{escaped(comparison.left.document.name)} ({plural(len(comparison.left.sentences), 'sentence')}) vs "
        f"{escaped(comparison.right.document.name)} ({plural(len(comparison.right.sentences), 'sentence')})",
        f"similarity {comparison.similarity:.1%}",
    ]
    if comparison.mode != "same-language":
        lines.append(
            f"mode {comparison.mode} ({comparison.left.language} -> {comparison.right.language}): facts checked, words not diffed"
        )
    lines += [f"warning: {escaped(warning)}" for warning in comparison.warnings()]
    counts = comparison.change_counts()
    if counts:
        lines.append(
            "changes: "
            + ", ".join(f"{k.value} {n}" for k, n in sorted(counts.items(), key=lambda kv: risk_rank(kv[0])))
        )
    lines.append("")
    for index, group in enumerate(comparison.groups):
        if group.kind is GroupKind.EQUAL:
            continue
        head = f"row {row_number(index)} {group.kind.value}: {_where(group.left, group.right)}"
        if group.partner is not None:
            head += f" (moved, see row {row_number(group.partner)})"
        lines.append(paint(BOLD, head))
        if group.kind is GroupKind.ONLY_LEFT:
            lines.append("  - " + paint(RED, escaped(comparison.left.group_text(group.left))))
        elif group.kind is GroupKind.ONLY_RIGHT:
            lines.append("  + " + paint(GREEN, escaped(comparison.right.group_text(group.right))))
        elif group.kind is GroupKind.MOVED and not group.left:
            lines.append("  (moved here) " + escaped(comparison.right.group_text(group.right)))
        else:
            lines.append("  " + inline_diff(group.diff, paint).replace("\n", "\n  "))
            for change in group.changes:
                lines.append(paint(DIM, f"    {change.kind.value}: {change.left_text!r} -> {change.right_text!r}"))
        lines.append("")
    if marks is not None:
        from .reviewed import text_section

        lines += text_section(marks, comparison)
    return "\n".join(lines) + "\n"


def _sentences(side: str, indices: tuple[int, ...]) -> str:
    if not indices:
        return f"no {side} sentence"
    if len(indices) == 1:
        return f"{side} sentence {indices[0] + 1}"
    return f"{side} sentences {indices[0] + 1}-{indices[-1] + 1}"


def _where(left: tuple[int, ...], right: tuple[int, ...]) -> str:
    """Which sentences a row holds, counted from 1 on each side: "left sentence 3, right sentences 4-5"."""
    return f"{_sentences('left', left)}, {_sentences('right', right)}"
