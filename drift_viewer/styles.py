"""How each change kind looks, shared by the window and the HTML report so the two always agree.

Colour is never the only cue: every kind also has an underline style and a short label, for readers
who cannot tell the colours apart (and for print).
"""

from __future__ import annotations

from dataclasses import dataclass

from .engine.model import ChangeKind, GroupKind


@dataclass(frozen=True)
class KindStyle:
    label: str  # short, shown in lists and legends
    description: str  # one line for tooltips and the legend
    light: str  # highlight background on a light theme
    dark: str  # highlight background on a dark theme
    underline: str  # CSS text-decoration-style: solid, double, wavy, dotted, dashed, none


CHANGE_STYLES: dict[ChangeKind, KindStyle] = {
    ChangeKind.NAME: KindStyle("Name", "A name spelt or replaced differently", "#ffb3b3", "#7a2020", "double"),
    ChangeKind.NUMBER: KindStyle("Number", "A number or date with a different value", "#ffc680", "#7a4a10", "double"),
    ChangeKind.HIDDEN: KindStyle(
        "Hidden characters",
        "Only invisible characters, bidi controls or look-alike letters of another script differ",
        "#7fe3d9",
        "#17605a",
        "double",
    ),
    ChangeKind.NEGATION: KindStyle("Negation", "A negation added or removed", "#ff99dd", "#7a1f5c", "wavy"),
    ChangeKind.QUOTE: KindStyle("Quotation", "Words inside quotation marks changed", "#d9b3ff", "#52307a", "wavy"),
    ChangeKind.CODE: KindStyle(
        "Code", "A URL, e-mail address or code on one side only", "#f0b3c8", "#6e2640", "double"
    ),
    ChangeKind.UNTRANSLATED: KindStyle(
        "Untranslated", "The same text on both sides of a translation", "#ffe0a8", "#6b4a12", "wavy"
    ),
    ChangeKind.SPELLING: KindStyle("Spelling", "The same word spelt another way", "#fff099", "#6b5d12", "dotted"),
    ChangeKind.FORMAT: KindStyle(
        "Format", "The same value written another way (Dec. / December)", "#c8f0a0", "#3f5e1f", "dotted"
    ),
    ChangeKind.REWORDED: KindStyle("Reworded", "Different wording", "#a8d4ff", "#1f4a7a", "solid"),
    ChangeKind.LENGTH: KindStyle(
        "Length", "A translation much longer or shorter than the rest", "#c6d0ff", "#2c3770", "dashed"
    ),
    ChangeKind.DELETED: KindStyle("Deleted", "Words only in the left text", "#ffd1c2", "#6e3526", "solid"),
    ChangeKind.INSERTED: KindStyle("Inserted", "Words only in the right text", "#b8f0c8", "#205a33", "solid"),
    ChangeKind.CASE: KindStyle("Case", "Only upper/lower case differs", "#e0e0e0", "#4a4a4a", "dashed"),
    ChangeKind.PUNCTUATION: KindStyle("Punctuation", "Only punctuation differs", "#e6e0d0", "#4d4636", "dashed"),
    ChangeKind.TYPOGRAPHY: KindStyle(
        "Typography", "Only quote marks, dashes or spaces differ", "#ececec", "#3d3d3d", "dotted"
    ),
}

GROUP_LABELS: dict[GroupKind, str] = {
    GroupKind.EQUAL: "Equal",
    GroupKind.CHANGED: "Changed",
    GroupKind.MOVED: "Moved",
    GroupKind.ONLY_LEFT: "Only left",
    GroupKind.ONLY_RIGHT: "Only right",
}
