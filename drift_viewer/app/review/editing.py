"""Edit > Link Rows, Unlink Row, Move Sentence Up/Down, Link Sentence To…, with Undo and Redo.

Each edit is drift_viewer.review.edits' (Qt-free, the one code the CLI and a reopened project use too);
this module only says which rows and sentences the user means: the selected run of rows, the current
row, the side of the current column. Link Sentence To… takes two steps: pick a sentence (Ctrl+L on
its row), then Ctrl+L on the row holding the sentence to link it with; the result shows as a move when
the two are out of order. On three versions the edits are of A against C, and B follows the edited rows
(engine/triple_edit.py)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMessageBox

from ...engine.lexicon.hidden import escaped
from ...engine.model import Group
from ...review import edits
from ..prepared import Prepared
from ..window.actions import Spec
from . import wiring

SPECS = (
    Spec(
        "link_rows",
        "&Link Rows",
        "Ctrl+J",
        "Join the selected rows, or the current row and the next, into one group",
        "review.editing.link_rows",
    ),
    Spec(
        "unlink_row",
        "Unl&ink Row",
        "Ctrl+U",
        "Split the current row into its sentences, each one-sided",
        "review.editing.unlink_row",
    ),
    Spec(
        "move_up",
        "Move Sentence to Row &Above",
        "Alt+Shift+Up",
        "Move the first sentence of the current side to the row above",
        "review.editing.move_up",
    ),
    Spec(
        "move_down",
        "Move Sentence to Row &Below",
        "Alt+Shift+Down",
        "Move the last sentence of the current side to the row below",
        "review.editing.move_down",
    ),
    Spec(
        "link_to",
        "Link Sentence T&o…",
        "Ctrl+L",
        "Pick the current side's sentence; then Ctrl+L on another row links it to that row's other side",
        "review.editing.link_to",
    ),
)
EDIT_NAMES = tuple(spec.name for spec in SPECS)
SIDES = ("left", "right")


def describe_edit(edit: edits.Edit) -> str:
    """“Link rows (“The council approved…”)”: what it was, and the first sentence it held."""
    texts = [t for g in edit.groups for t in (*g.left_texts, *g.right_texts)]
    first = " ".join(texts[0].split()) if texts else ""
    first = first if len(first) <= 60 else first[:59] + "…"
    return f"{edit.describe()} (“{escaped(first)}”)" if first else edit.describe()


class Editing:
    def __init__(self, review) -> None:
        self.review = review
        self.window = window = review.window
        self.picked: tuple[str, int, int] | None = None  # (side, sentence, group) chosen for Link Sentence To
        self.actions = wiring.add_actions(window, SPECS)
        undo = review.stack.createUndoAction(window, "&Undo")
        undo.setObjectName("undo")
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = review.stack.createRedoAction(window, "&Redo")
        redo.setObjectName("redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            window.addAction(action)
            window.named_actions[action.objectName()] = action
        menu = wiring.menu(window, "Edit")
        wiring.insert(menu, [undo, redo, None, *self.actions.values(), None], top=True)
        window.view.context_hooks.append(self.context_menu)
        # Esc forgets a pending Link Sentence To pick, as it cancels a running comparison. The shortcut is
        # live only while a pick is pending; while a comparison runs the Cancel button holds Esc too, and
        # the clash (Qt then fires neither) is resolved by doing both.
        self.forget_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.forget_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.forget_shortcut.activated.connect(self.forget_pick)
        self.forget_shortcut.activatedAmbiguously.connect(self._escape_both)
        review.state_changed.connect(self.update_enabled)
        window.view.selectionModel().currentChanged.connect(lambda *a: self.update_enabled())
        self.update_enabled()

    # --- what the user points at -------------------------------------------------------------------

    def _prepared(self) -> Prepared | None:
        return self.review.state.prepared if self.review.state is not None else None

    def _current(self) -> tuple[int, int] | None:
        """(group, column) of the current cell; the match column counts as the left side."""
        index = self.window.view.currentIndex()
        if self._prepared() is None or not index.isValid():
            return None
        return self.window.model.group_at(index.row()), index.column() if index.column() in (0, 1) else 0

    def _selected_groups(self) -> list[int]:
        model = self.window.model
        rows = {index.row() for index in self.window.view.selectionModel().selectedIndexes()}
        return sorted(model.group_at(row) for row in rows)

    def _group(self, index: int) -> Group:
        prepared = self._prepared()
        assert prepared is not None
        return prepared.comparison.groups[index]

    def _side_with_sentences(self, group: int, column: int) -> str:
        g = self._group(group)
        side = SIDES[column]
        if not (g.left if side == "left" else g.right):
            side = SIDES[1 - column]
        return side

    # --- the edits -------------------------------------------------------------------------------

    def _run(self, text: str, make, focus=None) -> bool:
        """Apply one edit (a function of the comparison returning (comparison, Edit)) as an undo step."""
        state = self.review.state
        if state is None:
            return False
        try:
            comparison, edit = make(state.comparison)
        except edits.EditError as exc:
            self.window.message(QMessageBox.Icon.Information, f"{text}: {exc}")
            return False
        self.review.push(state.edited(comparison, edit), text, focus)
        return True

    def link_rows(self) -> None:
        current = self._current()
        if current is None:
            return
        selected = self._selected_groups()
        first, last = (selected[0], selected[-1]) if len(selected) > 1 else (current[0], current[0] + 1)
        g = self._group(first)
        focus = ("left", g.left[0]) if g.left else ("right", g.right[0]) if g.right else None
        self._run(f"Link rows {first + 1}–{last + 1}", lambda c: edits.link_rows(c, first, last), focus)

    def unlink_row(self) -> None:
        current = self._current()
        if current is not None:
            group = current[0]
            self._run(f"Unlink row {group + 1}", lambda c: edits.unlink_row(c, group), None)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, toward: int) -> None:
        current = self._current()
        if current is None:
            return
        group, column = current
        side = self._side_with_sentences(group, column)
        sentences = self._group(group).left if side == "left" else self._group(group).right
        if not sentences:
            return
        moved = sentences[0] if toward < 0 else sentences[-1]
        where = "above" if toward < 0 else "below"
        self._run(
            f"Move {side} sentence {moved + 1} to the row {where}",
            lambda c: edits.move_sentence(c, group, side, toward),
            (side, moved),
        )

    def link_to(self) -> None:
        """First press: pick the current side's sentence. Second press, on another row: link it to that
        row's sentence on the other side. Again on the picked row: forget the pick."""
        current = self._current()
        if current is None:
            return
        group, column = current
        status = self.window.statusBar()
        if self.picked is None or self.picked[2] == group:
            if self.picked is not None:
                self.forget_pick()
                return
            side = self._side_with_sentences(group, column)
            sentences = self._group(group).left if side == "left" else self._group(group).right
            if not sentences:
                return
            self.picked = (side, sentences[0], group)
            status.showMessage(
                f"Linking the {side} sentence of row {group + 1}: go to the row with its counterpart and press "
                "Ctrl+L again (Esc, or Ctrl+L here, cancels).",
                0,
            )
            self.update_enabled()
            return
        side, sentence, _ = self.picked
        other = "right" if side == "left" else "left"
        target = self._group(group).right if other == "right" else self._group(group).left
        self.picked = None
        status.clearMessage()
        if not target:
            self.window.message(QMessageBox.Icon.Information, f"Row {group + 1} has no {other} sentence to link to.")
            return
        left, right = (sentence, target[0]) if side == "left" else (target[0], sentence)
        self._run(
            f"Link left sentence {left + 1} to right sentence {right + 1}",
            lambda c: edits.link_sentences(c, left, right),
            ("left", left),
        )

    def forget_pick(self) -> None:
        if self.picked is None:
            return
        self.picked = None
        self.window.statusBar().showMessage("Link cancelled.", 4000)
        self.update_enabled()

    def _escape_both(self) -> None:
        self.forget_pick()
        cancel = getattr(self.window, "cancel_button", None)
        if cancel is not None and cancel.isVisible():
            cancel.click()

    # --- after a recompute -------------------------------------------------------------------------

    def reapply(self, state, prepared: Prepared):
        """The session's edits on a fresh comparison of the same pair (F5, an option changed): each one
        that still finds its sentences by text; the others are listed, not silently dropped."""
        from ..prepared import reprepared
        from .state import State

        # Recorded again on the new comparison, as a project saves them.
        comparison, kept, lost = edits.reapply_all(prepared.comparison, state.edits)
        self.picked = None
        if lost:
            self.review.projects.tell_unapplied([describe_edit(e) for e in lost], [])
        shown = prepared if not kept else reprepared(prepared, comparison)
        return State(shown, tuple(kept), state.marks)

    # --- menus -----------------------------------------------------------------------------------

    def update_enabled(self) -> None:
        on = self._current() is not None
        for name in EDIT_NAMES:
            self.actions[name].setEnabled(on)
        link_to = self.actions["link_to"]
        link_to.setText("Link Sentence &Here" if self.picked is not None else "Link Sentence T&o…")
        self.forget_shortcut.setEnabled(self.picked is not None)

    def context_menu(self, menu: QMenu, index: QModelIndex) -> None:
        if not index.isValid() or self._prepared() is None:
            return
        menu.addSeparator()
        for name in EDIT_NAMES:
            menu.addAction(self.actions[name])
        menu.addSeparator()
        menu.addAction(self.window.named_actions["undo"])
        menu.addAction(self.window.named_actions["redo"])
