"""Colours and text formats per change kind, from styles.py, for the current light or dark palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication, QStyleFactory

from ..engine.model import ChangeKind
from ..styles import CHANGE_STYLES

_UNDERLINES = {
    "solid": QTextCharFormat.UnderlineStyle.SingleUnderline,
    "double": QTextCharFormat.UnderlineStyle.SingleUnderline,  # the second line is drawn by the delegate
    "wavy": QTextCharFormat.UnderlineStyle.WaveUnderline,
    "box": QTextCharFormat.UnderlineStyle.NoUnderline,  # the frame is drawn by the delegate
    "none": QTextCharFormat.UnderlineStyle.NoUnderline,
}


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def kind_color(kind: ChangeKind, dark: bool) -> QColor:
    style = CHANGE_STYLES[kind]
    return QColor(style.dark if dark else style.light)


def mark(kind: ChangeKind) -> str:
    """The kind's mark style (styles.KindStyle.underline): solid, double, wavy, box or none."""
    return CHANGE_STYLES[kind].underline


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


# --- View > Theme ------------------------------------------------------------------------------------

# Dark theme roles. Text and base match the report's dark scheme (report.css.j2: --fg, --bg), so the kind
# colours' contrast, checked against those, holds in both (tests/app/test_palette.py).
_DARK = {
    QPalette.ColorRole.Window: "#202020",
    QPalette.ColorRole.WindowText: "#e4e4e4",
    QPalette.ColorRole.Base: "#151515",
    QPalette.ColorRole.AlternateBase: "#1e1e1e",
    QPalette.ColorRole.Text: "#e4e4e4",
    QPalette.ColorRole.PlaceholderText: "#9c9c9c",
    QPalette.ColorRole.Button: "#2b2b2b",
    QPalette.ColorRole.ButtonText: "#e4e4e4",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#3873c4",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#3b3721",
    QPalette.ColorRole.ToolTipText: "#e4e4e4",
    QPalette.ColorRole.Link: "#8ab4f8",
    QPalette.ColorRole.LinkVisited: "#c58af9",
    QPalette.ColorRole.Light: "#3a3a3a",
    QPalette.ColorRole.Midlight: "#303030",
    QPalette.ColorRole.Mid: "#4a4a4a",
    QPalette.ColorRole.Dark: "#101010",
    QPalette.ColorRole.Shadow: "#000000",
}
_DARK_DISABLED = {
    QPalette.ColorRole.WindowText: "#7a7a7a",
    QPalette.ColorRole.Text: "#7a7a7a",
    QPalette.ColorRole.ButtonText: "#7a7a7a",
}
_LIGHT_FIXES = {  # Fusion's light palette with the report's base, and a banner colour of Meld's kind
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.Text: "#000000",
    QPalette.ColorRole.ToolTipBase: "#fff6c9",
    QPalette.ColorRole.ToolTipText: "#000000",
}
_system: tuple[str, QPalette] | None = None  # the style and palette the desktop gave, before any choice
_applied = "system"


def applied_theme() -> str:
    return _applied


def palette_for(name: str) -> QPalette:
    """The palette of theme `name` ("light" or "dark"), built on Fusion's."""
    style = QStyleFactory.create("Fusion")
    palette = QPalette(style.standardPalette()) if style is not None else QPalette()
    roles = _DARK if name == "dark" else _LIGHT_FIXES
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    if name == "dark":
        for role, color in _DARK_DISABLED.items():
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return palette


def apply_theme(name: str) -> None:
    """Switch the whole application to "system", "light" or "dark". An explicit theme uses Fusion, which
    honours any palette (native styles may draw their own colours)."""
    global _system, _applied
    app = QApplication.instance()
    if not isinstance(app, QApplication) or name == _applied:
        return
    _applied = name
    if _system is None:
        _system = (app.style().name(), QPalette(app.palette()))
    if name == "system":
        app.setStyle(_system[0])
        app.setPalette(_system[1])
        return
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setPalette(palette_for(name))
