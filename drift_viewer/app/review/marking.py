"""Review marks: Edit > Mark as Checked / Accepted / Disputed, Mark with Note…, Clear Mark, for the
selected rows of the table, or for the selected change when the Changes panel has the focus; and
View > Show Marked, a filter of the table and the Changes panel by mark. A mark is an undo step like an
edit. Marks are drift_viewer.review.marks' (keyed by sentence texts, so they survive a re-alignment)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...review.marks import ChangeKey, Mark, MarkStatus, RowKey
from ..prepared import ChangeEntry
from ..window.actions import Spec
from . import wiring

STATUSES = ("checked", "accepted", "disputed")
SPECS = (
    Spec("mark_checked", "Mark as &Checked", "Ctrl+Alt+1", "Mark the selection as looked at", "review.marking.checked"),
    Spec("mark_accepted", "Mark as &Accepted", "Ctrl+Alt+2", "Mark the selection as right", "review.marking.accepted"),
    Spec(
        "mark_disputed",
        "Mark as &Disputed",
        "Ctrl+Alt+3",
        "Mark the selection as wrong or doubtful",
        "review.marking.disputed",
    ),
    Spec(
        "mark_note",
        "Mark with &Note…",
        "F2",
        "Mark the selection and write a note on it",
        "review.marking.with_note",
    ),
    Spec("mark_clear", "C&lear Mark", "Ctrl+Alt+0", "Take the mark off the selection", "review.marking.clear"),
)
MARK_NAMES = tuple(spec.name for spec in SPECS)
# View > Show Marked: what each choice keeps (None: every row).
FILTERS: tuple[tuple[str, str, frozenset[str] | None], ...] = (
    ("all", "&All Rows", None),
    ("any", "&Marked Rows", frozenset(STATUSES)),
    ("unmarked", "&Unmarked Rows", frozenset()),
    ("checked", "&Checked", frozenset({"checked"})),
    ("accepted", "Acc&epted", frozenset({"accepted"})),
    ("disputed", "&Disputed", frozenset({"disputed"})),
)


class NoteDialog(QDialog):
    """A mark's status and its note (Ctrl+Enter or OK keeps them)."""

    def __init__(self, parent: QWidget, what: str, status: str, note: str) -> None:
        super().__init__(parent)
        self.setObjectName("noteDialog")
        self.setWindowTitle(f"Mark {what}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"Mark {what} as:", self))
        self.buttons = QButtonGroup(self)
        for k, name in enumerate(STATUSES):
            button = QRadioButton(f"&{name.capitalize()}", self)
            button.setObjectName(f"status_{name}")
            button.setChecked(name == status)
            self.buttons.addButton(button, k)
            layout.addWidget(button)
        label = QLabel("&Note (optional):", self)
        self.note = QPlainTextEdit(note, self)
        self.note.setObjectName("noteText")
        self.note.setTabChangesFocus(True)
        label.setBuddy(self.note)
        layout.addWidget(label)
        layout.addWidget(self.note)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.resize(420, 260)

    def status(self) -> str:
        return STATUSES[max(0, self.buttons.checkedId())]

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def keyPressEvent(self, event) -> None:
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return
        super().keyPressEvent(event)


class Marking:
    def __init__(self, review) -> None:
        self.review = review
        self.window = window = review.window
        self.actions = wiring.add_actions(window, SPECS)
        self.dialog: NoteDialog | None = None
        self.filter = "all"
        edit = wiring.menu(window, "Edit")
        marks_menu = QMenu("Review &Mark", window)
        marks_menu.setObjectName("marksMenu")
        for name in MARK_NAMES:
            marks_menu.addAction(self.actions[name])
        self.menu = marks_menu
        wiring.insert(edit, [marks_menu, None], before="copy")
        shown = QMenu("Show &Marked", window)
        shown.setObjectName("markFilterMenu")
        group = QActionGroup(shown)
        self.filter_actions: dict[str, QAction] = {}
        for key, text, _ in FILTERS:
            action = QAction(text, shown)
            action.setObjectName(f"show_{key}")
            action.setCheckable(True)
            action.setChecked(key == "all")
            action.triggered.connect(lambda checked=False, k=key: self.set_filter(k))
            group.addAction(action)
            shown.addAction(action)
            self.filter_actions[key] = action
        wiring.insert(wiring.menu(window, "View"), [shown], before="zoom_in")  # beside Show Weak Links Only
        window.view.context_hooks.append(self.context_menu)
        changes_view = window.changes.view
        changes_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        changes_view.customContextMenuRequested.connect(self._changes_menu)
        self.last_changes_menu: QMenu | None = None
        review.state_changed.connect(self._refilter)

    # --- targets -----------------------------------------------------------------------------------

    def _targets(self, change: bool | None = None) -> tuple[str, list]:
        """(what, keys): the selected change when the Changes panel has the focus (or `change`), else
        the selected rows of the table."""
        state = self.review.state
        if state is None:
            return "", []
        comparison = state.comparison
        entry = self.window.changes.current_entry()
        if change is None:
            change = self.window.changes.view.hasFocus()
        if entry is not None and change:
            index = comparison.groups[entry.group].changes.index(entry.change)
            return f"the change in row {entry.group + 1}", [ChangeKey.of(comparison, entry.group, index)]
        view, model = self.window.view, self.window.model
        rows = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
        if not rows and view.currentIndex().isValid():
            rows = [view.currentIndex().row()]
        groups = [model.group_at(r) for r in rows]
        what = f"row {groups[0] + 1}" if len(groups) == 1 else f"{len(groups)} rows"
        return what, [RowKey.of(comparison, g) for g in groups]

    def _current_mark(self, key) -> Mark | None:
        state = self.review.state
        return state.marks.get(key) if state is not None and hasattr(state.marks, "get") else None

    def _set(self, keys: list, mark: Mark | None, text: str) -> None:
        state = self.review.state
        if state is None or not keys:
            return
        marks = state.marks
        for key in keys:
            marks = marks.with_mark(key, mark) if mark is not None else marks.without(key)
        from .state import State

        self.review.push(State(state.prepared, state.edits, marks), text, self.review.current_focus())

    # --- actions ---------------------------------------------------------------------------------

    def checked(self) -> None:
        self._mark("checked")

    def accepted(self) -> None:
        self._mark("accepted")

    def disputed(self) -> None:
        self._mark("disputed")

    def _mark(self, status: str, note: str | None = None, change: bool | None = None) -> None:
        what, keys = self._targets(change)
        if keys:
            old = self._current_mark(keys[0]) if len(keys) == 1 else None
            kept = note if note is not None else (old.note if old is not None else "")
            self._set(keys, Mark(MarkStatus(status), kept), f"Mark {what} {status}")

    def clear(self, change: bool | None = None) -> None:
        what, keys = self._targets(change)
        self._set(keys, None, f"Clear the mark of {what}")

    def with_note(self, change: bool | None = None) -> NoteDialog | None:
        what, keys = self._targets(change)
        if not keys:
            return None
        old = self._current_mark(keys[0])
        dialog = NoteDialog(self.window, what, old.status if old else "checked", old.note if old else "")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._set(keys, Mark(MarkStatus(dialog.status()), dialog.text()), f"Mark {what}")
        )
        self.dialog = dialog
        dialog.open()
        dialog.note.setFocus()
        return dialog

    # --- the filter ------------------------------------------------------------------------------

    def _refilter(self) -> None:
        if self.filter != "all":  # a mark or an edit can bring a row in or take it out
            self.apply_filter()

    def set_filter(self, key: str) -> None:
        self.filter = key
        self.filter_actions[key].setChecked(True)
        self.apply_filter()

    def apply_filter(self) -> None:
        keeps = dict((k, v) for k, _, v in FILTERS)[self.filter]
        model, changes = self.window.model, self.window.changes
        if keeps is None:
            model.set_keep_group(None)
            changes.set_keep(None)
            return
        attached = self.review.attached
        marked: dict[int, set[str]] = {}
        for group, (status, _) in attached.rows.items():
            marked.setdefault(group, set()).add(status)
        for (group, _), (status, _) in attached.changes.items():
            marked.setdefault(group, set()).add(status)
        if keeps:
            model.set_keep_group(lambda g: bool(marked.get(g, set()) & keeps))
        else:
            model.set_keep_group(lambda g: g not in marked)

        def keep_entry(entry: ChangeEntry) -> bool:
            return bool(marked.get(entry.group, set()) & keeps) if keeps else entry.group not in marked

        changes.set_keep(keep_entry)

    # --- menus -------------------------------------------------------------------------------------

    def context_menu(self, menu: QMenu, index: QModelIndex) -> None:
        if index.isValid() and self.review.state is not None:
            menu.addSeparator()
            for name in MARK_NAMES:
                menu.addAction(self.actions[name])

    def _change_marker(self, status: str) -> Callable[[], None]:
        return lambda: self._mark(status, change=True)

    def _changes_menu(self, pos) -> None:
        if self.window.changes.current_entry() is None:
            return
        menu = QMenu(self.window.changes.view)
        # Actions of their own: while the menu is open the panel may not hold the focus that says "a change".
        for status in STATUSES:
            menu.addAction(f"Mark Change as {status.capitalize()}", self._change_marker(status))
        menu.addAction("Mark Change with Note…", lambda: self.with_note(change=True))
        menu.addAction("Clear the Change's Mark", lambda: self.clear(change=True))
        self.last_changes_menu = menu
        menu.popup(self.window.changes.view.viewport().mapToGlobal(pos))
