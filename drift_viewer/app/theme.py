"""Colours and text formats per change kind, from styles.py, for the current light or dark palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from ..engine.model import ChangeKind
from ..styles import CHANGE_STYLES

_UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "double": QTextCharFormat.UnderlineStyle.SingleUnderline,  # the second line is drawn by the delegate
    "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "dotted": QTextCharFormat.UnderlineStyle.DotLine,
    "dashed": QTextCharFormat.UnderlineStyle.DashUnderline,
    "none": QTextCharFormat.UnderlineStyle.NoUnderline,
}


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def kind_color(kind: ChangeKind, dark: bool) -> QColor:
    style = CHANGE_STYLES[kind]
    return QColor(style.dark if dark else style.light)


def is_double(kind: ChangeKind) -> bool:
    return CHANGE_STYLES[kind].underline == "double"


def kind_format(kind: ChangeKind, palette: QPalette) -> QTextCharFormat:
    """The highlight of a change of `kind` in table text (callers that ask often cache it: see the delegate)."""
    dark = is_dark(palette)
    fmt = QTextCharFormat()
    fmt.setBackground(kind_color(kind, dark))
    fmt.setForeground(palette.color(QPalette.ColorRole.Text))
    fmt.setUnderlineStyle(_UNDERLINES[CHANGE_STYLES[kind].underline])
    # The underline carries the kind for colour-blind readers, so it must contrast with the text, not the fill.
    fmt.setUnderlineColor(palette.color(QPalette.ColorRole.Text))
    return fmt
