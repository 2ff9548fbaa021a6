"""The window's actions, one table: name, text, shortcut, tip, and the window's method it triggers.
`menus` puts every action in a menu (keyboard reachable) and some in the toolbar, tooltips included."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

Key = QKeySequence.StandardKey
Shortcut = str | QKeySequence.StandardKey | tuple[str | QKeySequence.StandardKey, ...]


@dataclass(frozen=True)
class Spec:
    name: str
    text: str
    shortcut: Shortcut | None
    tip: str
    slot: str  # attribute path on the window: "reload", "view.copy_selection"
    checkable: bool = False


OPTION_TOGGLES = ("ignore_case", "ignore_punctuation", "ignore_typography", "ignore_whitespace")

SPECS = (
    Spec("open_left", "Open &Left…", Key.Open, "Open the left (original) file", "choose_left"),
    Spec("open_right", "Open &Right…", "Ctrl+Shift+O", "Open the right (other version) file", "choose_right"),
    # No Ctrl+Shift+S: that is Save As in every editor (here Save Project As, review/project_actions.py).
    Spec("swap", "&Swap Sides", None, "Swap the left and right files", "swap_sides"),
    Spec("reload", "Reloa&d", "F5", "Read both files again and compare", "reload"),
    Spec("export_html", "Export &HTML Report…", "Ctrl+E", "Save a self-contained HTML report", "export_html"),
    Spec("export_json", "Export &JSON…", "Ctrl+Shift+E", "Save the comparison as JSON", "export_json"),
    Spec("quit", "&Quit", Key.Quit, "", "close"),
    Spec("copy", "&Copy", Key.Copy, "Copy the selected rows' text", "view.copy_selection"),
    Spec(
        "show_text",
        "Show Cell &Text…",
        "Ctrl+T",
        "Open the current cell's text to select and copy part of it (or double-click a cell)",
        "view.show_current_text",
    ),
    Spec("find", "&Find…", Key.Find, "Find in both texts", "find_bar.open_bar"),
    Spec("find_next", "Find &Next", ("F3",), "Next match", "find_bar.find_next"),
    Spec("find_previous", "Find &Previous", ("Shift+F3",), "Previous match", "find_bar.find_previous"),
    Spec("next_change", "&Next Change", "Alt+Down", "Go to the next changed row", "nav.next_change"),
    Spec("previous_change", "&Previous Change", "Alt+Up", "Go to the previous changed row", "nav.previous_change"),
    Spec(
        "open_at_first_change",
        "Open at First &Change",
        None,
        "When a comparison opens, select its first changed row instead of row 1",
        "save_settings",
        True,
    ),
    Spec("theme_system", "&System", None, "Colours as the desktop sets them", "themes.choose_system", True),
    Spec("theme_light", "&Light", None, "Dark text on a light background", "themes.choose_light", True),
    Spec("theme_dark", "&Dark", None, "Light text on a dark background", "themes.choose_dark", True),
    Spec("ignore_case", "Ignore &Case", None, "Treat changes of upper/lower case as equal", "options_changed", True),
    Spec(
        "ignore_punctuation",
        "Ignore &Punctuation",
        None,
        "Treat punctuation-only changes as equal",
        "options_changed",
        True,
    ),
    Spec(
        "ignore_typography",
        "Ignore &Typography",
        None,
        "Treat quote, dash and space styles as equal",
        "options_changed",
        True,
    ),
    Spec("ignore_whitespace", "Ignore &Whitespace", None, "Treat whitespace changes as equal", "options_changed", True),
    Spec(
        "hide_equal",
        "&Hide Equal Rows",
        "Ctrl+H",
        "Show only changed rows, with a row of context",
        "set_hide_equal",
        True,
    ),
    Spec(
        "weak_only",
        "Show Wea&k Links Only",
        "Ctrl+Shift+W",
        "Show only the links the aligner is unsure of (marked ? beside the row number), to check them first",
        "set_weak_only",
        True,
    ),
    Spec("zoom_in", "Zoom &In", (Key.ZoomIn, "Ctrl+="), "Larger text", "zoom_in"),
    Spec("zoom_out", "Zoom &Out", Key.ZoomOut, "Smaller text", "zoom_out"),
    Spec("zoom_reset", "&Actual Size", "Ctrl+0", "Text at the normal size", "zoom_reset"),
    Spec("about", "&About drift-viewer", None, "", "about"),
    Spec("focus_table", "Go to &Table", "Ctrl+1", "Move the keyboard focus to the aligned table", "focus_table"),
    Spec(
        "focus_changes",
        "Go to C&hanges Panel",
        "Ctrl+2",
        "Move the keyboard focus to the list of changes (F6 cycles between panes)",
        "focus_changes",
    ),
    Spec("cycle_focus", "Ne&xt Pane", "F6", "Move the keyboard focus to the next pane", "cycle_focus"),
)


def make_action(window: QMainWindow, spec: Spec) -> QAction:
    action = QAction(spec.text, window)
    action.setObjectName(spec.name)
    tip = spec.tip
    if spec.shortcut is not None:
        keys = spec.shortcut if isinstance(spec.shortcut, tuple) else (spec.shortcut,)
        action.setShortcuts([QKeySequence(key) for key in keys])
        if tip:
            tip = f"{tip} ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.setCheckable(spec.checkable)
    slot = attrgetter(spec.slot)(window)
    (action.toggled if spec.checkable else action.triggered).connect(slot)
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build_actions(window: QMainWindow) -> dict[str, QAction]:
    """Every action of SPECS, by name, connected to its slot on `window` (which has those attributes)."""
    return {spec.name: make_action(window, spec) for spec in SPECS}
