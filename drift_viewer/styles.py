"""How each change kind looks, shared by the window and the HTML report so the two always agree.

Colour is never the only cue: every kind also has a mark style and a short label, for readers who
cannot tell the colours apart (and for print). The mark styles differ in shape, not in dash length
(dotted and dashed looked alike at 100%): a double line for facts (name, number, hidden characters), a
wavy line for meaning (negation, quotation), a box for the same thing written another way, a single line
for wording, and no line for the cosmetic kinds.

The colours were searched (scripts in the window branch's closing note) for the smallest move from the
previous palette such that every two kinds, and each kind against the page, stay at least 10 CAM02-UCS
units apart under normal vision and simulated protanopia, deuteranopia and tritanopia, with text contrast
of at least 4.5:1 (WCAG AA) on both themes. tests/app/test_palette.py checks it, and why 10.
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
    # The mark: "solid", "double" or "wavy" (CSS text-decoration-style), "box" (a frame round the words:
    # no CSS decoration style, a page draws it as an outline) or "none".
    underline: str


CHANGE_STYLES: dict[ChangeKind, KindStyle] = {
    ChangeKind.NAME: KindStyle("Name", "A name spelt or replaced differently", "#eb9178", "#9b4169", "double"),
    ChangeKind.NUMBER: KindStyle("Number", "A number or date with a different value", "#c8a537", "#693c0f", "double"),
    ChangeKind.HIDDEN: KindStyle(
        "Hidden characters",
        "Only invisible characters, bidi controls or look-alike letters of another script differ",
        "#64c8c8",
        "#195f5a",
        "double",
    ),
    ChangeKind.NEGATION: KindStyle("Negation", "A negation added or removed", "#d278cd", "#780a64", "wavy"),
    ChangeKind.QUOTE: KindStyle("Quotation", "Words inside quotation marks changed", "#cd9bff", "#69508c", "wavy"),
    ChangeKind.CODE: KindStyle(
        "Code", "A URL, e-mail address or code on one side only", "#a7e1c7", "#2d16b1", "double"
    ),
    ChangeKind.UNTRANSLATED: KindStyle(
        "Untranslated", "The same text on both sides of a translation", "#ede127", "#421f09", "wavy"
    ),
    ChangeKind.SPELLING: KindStyle("Spelling", "The same word spelt another way", "#faeb96", "#6e5f14", "box"),
    ChangeKind.FORMAT: KindStyle(
        "Format", "The same value written another way (Dec. / December)", "#b4e137", "#506941", "box"
    ),
    ChangeKind.REWORDED: KindStyle("Reworded", "Different wording", "#a5d2ff", "#323c91", "solid"),
    ChangeKind.LENGTH: KindStyle(
        "Length", "A translation much longer or shorter than the rest", "#7a8b86", "#5441f9", "solid"
    ),
    ChangeKind.DELETED: KindStyle("Deleted", "Words only in the left text", "#fab982", "#370500", "solid"),
    ChangeKind.INSERTED: KindStyle("Inserted", "Words only in the right text", "#c8f5c8", "#375037", "solid"),
    ChangeKind.CASE: KindStyle("Case", "Only upper/lower case differs", "#afaaa5", "#373737", "none"),
    ChangeKind.PUNCTUATION: KindStyle("Punctuation", "Only punctuation differs", "#d7c3af", "#412d19", "none"),
    ChangeKind.TYPOGRAPHY: KindStyle(
        "Typography", "Only quote marks, dashes or spaces differ", "#dcdcdc", "#1e2d3c", "none"
    ),
}

GROUP_LABELS: dict[GroupKind, str] = {
    GroupKind.EQUAL: "Equal",
    GroupKind.CHANGED: "Changed",
    GroupKind.MOVED: "Moved",
    GroupKind.ONLY_LEFT: "Only left",
    GroupKind.ONLY_RIGHT: "Only right",
}
