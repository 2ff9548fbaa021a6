"""The kind colours (styles.py, shared with the report) stay apart for colour-blind readers, and the
mark styles differ in shape.

Why 10 CAM02-UCS units: CAM02-UCS (Luo, Cui & Li 2006) is scaled so that a distance of about 1 is a
just-noticeable difference for two large patches side by side under controlled viewing. A highlight is
a small mark (one line of text, well under a degree of visual angle) read apart from the other kinds,
on screens nobody calibrated: Stone, Szafir & Setlur (2014, "An Engineering Model for Color Difference
as a Function of Size") and Szafir, Stone & Gleicher (2014, "Adapting Color Difference for Design")
measured with web viewers that the difference people notice grows several-fold for such marks, to
around 5 units. 10 units, ten laboratory JNDs, keeps about twice that margin: two kinds must be told
apart at a glance, not merely noticed as different side by side. Severity 100 simulates dichromacy
(the whole cone type missing: protanopia, deuteranopia, tritanopia), the hardest case of each.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from colorspacious import cspace_convert

from drift_viewer.engine.model import ChangeKind
from drift_viewer.styles import CHANGE_STYLES

MIN_DISTANCE = 10.0
VISIONS = (None, "protanomaly", "deuteranomaly", "tritanomaly")
# (theme, background, text colours): the window's and the report's (report.css.j2 --bg/--fg).
THEMES = (
    ("light", "#ffffff", ("#000000", "#1b1b1b")),
    ("dark", "#151515", ("#e4e4e4",)),
)


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255.0


def _seen(rgb: np.ndarray, vision: str | None) -> np.ndarray:
    if vision is not None:
        cvd = {"name": "sRGB1+CVD", "cvd_type": vision, "severity": 100}
        rgb = np.clip(cspace_convert(rgb, cvd, "sRGB1"), 0, 1)
    return cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def _luminance(rgb: np.ndarray) -> float:
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ np.array([0.2126, 0.7152, 0.0722]))


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# Kinds shown together: a translation's fact checks never meet the word-level kinds of a same-language
# pair (spelling, rewording, case...), so each set must hold apart within itself.
TRANSLATION_ONLY = {ChangeKind.CODE, ChangeKind.UNTRANSLATED, ChangeKind.LENGTH}
TRANSLATION = TRANSLATION_ONLY | {
    ChangeKind.NAME,
    ChangeKind.NUMBER,
    ChangeKind.NEGATION,
    ChangeKind.QUOTE,
    ChangeKind.HIDDEN,
}
SETS = {
    "same-language": [k for k in CHANGE_STYLES if k not in TRANSLATION_ONLY],
    "translation": [k for k in CHANGE_STYLES if k in TRANSLATION],
}


@pytest.mark.parametrize("shown", sorted(SETS))
@pytest.mark.parametrize("vision", VISIONS, ids=lambda v: v or "normal")
@pytest.mark.parametrize(("theme", "background", "texts"), THEMES, ids=[t[0] for t in THEMES])
def test_every_two_kind_colours_stay_apart(theme, background, texts, vision, shown):
    kinds = SETS[shown]
    colours = np.array([_rgb(getattr(CHANGE_STYLES[k], theme)) for k in kinds])
    seen = _seen(colours, vision)
    too_close = [
        (kinds[i].value, kinds[j].value, round(float(np.linalg.norm(seen[i] - seen[j])), 1))
        for i, j in itertools.combinations(range(len(kinds)), 2)
        if np.linalg.norm(seen[i] - seen[j]) < MIN_DISTANCE
    ]
    assert not too_close, f"{theme}, {vision or 'normal vision'}: kinds too alike: {too_close}"
    page = _seen(_rgb(background)[None], vision)[0]
    faint = [k.value for k, p in zip(kinds, seen, strict=True) if np.linalg.norm(p - page) < MIN_DISTANCE]
    assert not faint, f"{theme}, {vision or 'normal vision'}: kinds too close to the page: {faint}"


@pytest.mark.parametrize(("theme", "background", "texts"), THEMES, ids=[t[0] for t in THEMES])
def test_text_on_every_highlight_meets_wcag_aa(theme, background, texts):
    low = [
        (kind.value, text, round(_contrast(getattr(style, theme), text), 2))
        for kind, style in CHANGE_STYLES.items()
        for text in texts
        if _contrast(getattr(style, theme), text) < 4.5
    ]
    assert not low


def test_the_simulation_tells_the_old_pink_and_salmon_apart_only_as_it_should():
    """The check can fail: the palette before issue 13 had name pink and deleted salmon ~2 units apart
    under deuteranopia."""
    old_name, old_deleted = _rgb("#ffb3b3"), _rgb("#ffd1c2")
    seen = _seen(np.array([old_name, old_deleted]), "deuteranomaly")
    assert np.linalg.norm(seen[0] - seen[1]) < MIN_DISTANCE


def test_mark_styles_differ_in_shape_not_dash_length():
    styles = {style.underline for style in CHANGE_STYLES.values()}
    assert styles <= {"solid", "double", "wavy", "box", "none"}
    assert not styles & {"dotted", "dashed"}  # a dotted and a dashed line differ only in dash length
    by_style = {s: {k for k, v in CHANGE_STYLES.items() if v.underline == s} for s in styles}
    assert by_style["double"] == {ChangeKind.NAME, ChangeKind.NUMBER, ChangeKind.HIDDEN, ChangeKind.CODE}  # facts
    assert by_style["none"] == {ChangeKind.CASE, ChangeKind.PUNCTUATION, ChangeKind.TYPOGRAPHY}
