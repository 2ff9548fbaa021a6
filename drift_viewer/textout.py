"""The terminal form of a comparison: one block a changed group, changes marked inline. Invisible
characters are written as ⟨RLO⟩, ⟨ZWSP⟩, ... (engine/lexicon/hidden.py), so a bidi control cannot
reorder the terminal's line nor a zero-width space hide; a change's own wordings are shown by repr,
which escapes them as \u202e."""

from __future__ import annotations

from .engine.lexicon.hidden import escaped
from .engine.model import Comparison, GroupKind, Op, risk_rank

_RED, _GREEN, _DIM, _BOLD, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[2m", "\x1b[1m", "\x1b[0m"


def render_text(comparison: Comparison, *, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if color else text

    lines = [
        f"{escaped(comparison.left.document.name)} ({len(comparison.left.sentences)} sentences) vs "
        f"{escaped(comparison.right.document.name)} ({len(comparison.right.sentences)} sentences)",
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
        where = f"L{_rng(group.left)} R{_rng(group.right)}"
        head = f"#{index} {group.kind.value} {where}"
        if group.partner is not None:
            head += f" (moved, see #{group.partner})"
        lines.append(paint(_BOLD, head))
        if group.kind is GroupKind.ONLY_LEFT:
            lines.append("  - " + paint(_RED, escaped(comparison.left.group_text(group.left))))
        elif group.kind is GroupKind.ONLY_RIGHT:
            lines.append("  + " + paint(_GREEN, escaped(comparison.right.group_text(group.right))))
        elif group.kind is GroupKind.MOVED and not group.left:
            lines.append("  (moved here) " + escaped(comparison.right.group_text(group.right)))
        else:
            inline = []
            for seg in group.diff:
                if seg.op is Op.EQUAL:
                    inline.append(seg.text)
                elif seg.op is Op.DELETE:
                    inline.append(paint(_RED, f"[-{seg.text}-]"))
                else:
                    inline.append(paint(_GREEN, f"{{+{seg.text}+}}"))
            lines.append("  " + escaped("".join(inline)).replace("\n", "\n  "))
            for change in group.changes:
                lines.append(paint(_DIM, f"    {change.kind.value}: {change.left_text!r} -> {change.right_text!r}"))
        lines.append("")
    return "\n".join(lines) + "\n"


def _rng(indices: tuple[int, ...]) -> str:
    if not indices:
        return "-"
    return str(indices[0] + 1) if len(indices) == 1 else f"{indices[0] + 1}-{indices[-1] + 1}"
