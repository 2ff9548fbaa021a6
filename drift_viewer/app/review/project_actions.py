"""File > Open Project…, Save Project, Save Project As…: a `.drift` file (drift_viewer.review.project)
holds both files, the options, the hand edits and the review marks, or three versions' three files and
their marks (no hand edits: the window refuses them on three versions). Opening one compares its files
in the comparison process as any pair (or three), then re-applies the edits and marks where their
sentences still match by text, and says what changed and what no longer applies. Closing (or opening
another pair) with unsaved review work asks first."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...engine.lexicon.hidden import escaped
from ...engine.model import Options
from ...wording import plural
from ..window.actions import Spec
from . import wiring
from .editing import describe_edit

FILTER = "drift-viewer projects (*.drift);;All files (*)"
SPECS = (
    Spec("open_project", "Open &Project…", "Ctrl+Shift+P", "Open a saved review (.drift)", "review.projects.open"),
    Spec(
        "save_project",
        "Sa&ve Project",
        "Ctrl+S",
        "Save the files, options, hand edits and review marks as a project (.drift)",
        "review.projects.save",
    ),
    Spec(
        "save_project_as",
        "Save Project &As…",
        ("Ctrl+Shift+S", "Ctrl+Alt+S"),  # Save As's key everywhere; Ctrl+Alt+S as before
        "Save the review as a new project file",
        "review.projects.save_as",
    ),
)


def core():
    """drift_viewer.review.project, imported when first needed (the window starts without it)."""
    from ...review import project

    return project


LISTED = 12  # edits or marks named in the changed-file message; the rest are counted


class Projects:
    def __init__(self, review) -> None:
        self.review = review
        self.window = window = review.window
        self.actions = wiring.add_actions(window, SPECS)
        # (Project, its path, recovered_from) until its comparison arrives
        self._opening: tuple[object, str, str | None] | None = None
        self._discard_ok = False  # the user already agreed to drop the unsaved work
        self.loading = None  # how the opened project reads its files (review.project.Loading), kept on save
        # The opened project's files and Options (language, presegmented…: what the window has no menu for)
        self.options_for: tuple[str, str, Options] | None = None
        file_menu = wiring.menu(window, "File")
        wiring.insert(file_menu, [self.actions["open_project"], None], before="swap")
        wiring.insert(
            file_menu, [self.actions["save_project"], self.actions["save_project_as"], None], before="export_html"
        )
        window.comparison_failed.connect(lambda *a: setattr(self, "_opening", None))
        review.state_changed.connect(self.update_enabled)
        self.update_enabled()

    @property
    def is_opening(self) -> bool:
        """A project's comparison is on its way (its edits and marks re-apply when it arrives)."""
        return self._opening is not None

    def update_enabled(self) -> None:
        on = self.review.state is not None
        self.actions["save_project"].setEnabled(on)
        self.actions["save_project_as"].setEnabled(on)

    # --- opening -----------------------------------------------------------------------------------

    def open(self) -> None:
        start = str(Path(self.review.project_path or self.window.left_path or ".").parent)
        path, _ = QFileDialog.getOpenFileName(self.window, "Open Project", start, FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str, recovered_from: str | None = None) -> bool:
        """Read the project at `path` and compare its files; the edits and marks follow in `take_opening`.
        `recovered_from`: `path` is a recovery file, of this project ("" for an unsaved review)."""
        if not self.may_discard():
            return False
        from ...engine.errors import DriftError

        try:
            project = core().load_project(path)
            left, right = core().locate(project, "left"), core().locate(project, "right")
            middle = core().locate(project, "middle") if project.middle is not None else None
        except DriftError as exc:  # the message names the file and says what is wrong, in one line
            if self.window.quiet:  # the screenshot mode waits for an answer: this is it
                from ..process.protocol import Failure

                self.window.comparison_failed.emit(Failure(str(exc), path))
            else:
                self.window.message(QMessageBox.Icon.Warning, f"Cannot open the project: {escaped(str(exc))}", path)
            return False
        self._opening = (project, path, recovered_from)
        self.loading = project.loading
        # The window's right_path is B for three versions (open_pair(A, B, C)), as options() compares it.
        self.options_for = (left, middle or right, project.options)
        self._set_options(project)
        self._discard_ok = True
        try:
            if middle is not None:
                self.window.open_pair(left, middle, right)
            else:
                self.window.open_pair(left, right)
        finally:
            self._discard_ok = False
        return True

    def options(self, base: Options) -> Options:
        """The options to compare the pair on screen with: the window's (its Ignore toggles) over those of
        the project it came from, so a project's language or presegmented input is kept."""
        window = self.window
        if self.options_for is None or (window.left_path, window.right_path) != self.options_for[:2]:
            return base
        ignores = {f.name: getattr(base, f.name) for f in fields(Options) if f.name.startswith("ignore_")}
        return replace(self.options_for[2], **ignores)

    def loading_for(self):
        """How to read the pair on screen (review.project.Loading: its encoding, boilerplate and expansion
        cap) when it is the opened project's pair, else None: the window's defaults."""
        window = self.window
        if self.options_for is None or (window.left_path, window.right_path) != self.options_for[:2]:
            return None
        return self.loading

    def _set_options(self, project) -> None:
        options = project.options
        for key in ("ignore_case", "ignore_punctuation", "ignore_typography", "ignore_whitespace"):
            action = self.window.named_actions[key]
            action.blockSignals(True)
            action.setChecked(bool(getattr(options, key)))
            action.blockSignals(False)

    def take_opening(self, prepared):
        """The project being opened, applied to its comparison: (State, its project path, whether it holds
        unsaved work: a recovered one), or None."""
        if self._opening is None:
            return None
        project, path, recovered_from = self._opening
        self._opening = None
        from ...review.edits import reapply_all
        from ..prepared import reprepared
        from .state import State

        # As review.project.open_project does, on the comparison the window's own process made.
        comparison, kept, unapplied = reapply_all(prepared.comparison, project.edits)
        _, orphaned = project.marks.attach(comparison) if project.marks else ({}, [])
        docs = [comparison.left.document, comparison.right.document]
        refs = [project.left, project.right]
        if project.middle is not None and prepared.three is not None:
            docs.append(prepared.three.b.document)
            refs.append(project.middle)
        stale = [
            doc.path or doc.name for doc, ref in zip(docs, refs, strict=True) if ref.sha256 and doc.sha256 != ref.sha256
        ]
        state = State(prepared if not kept else reprepared(prepared, comparison), tuple(kept), project.marks)
        if stale or unapplied or orphaned:
            self.tell_unapplied(
                [describe_edit(e) for e in unapplied], [describe_mark(k, m) for k, m in orphaned], stale
            )
        if recovered_from is not None:
            return state, recovered_from or None, True
        return state, path, False

    def tell_unapplied(self, edits: list[str], marks: list[str], stale: list[str] | None = None) -> None:
        """Say which files changed and which edits and marks no longer apply (after the answer is shown)."""
        stale = stale or []
        if stale:
            names = " and ".join(f"“{escaped(Path(p).name)}”" for p in stale)
            text = f"{names} changed since the project was saved."
        else:
            text = "Some of the review no longer finds its rows (the files are as they were saved)."
        if edits or marks:  # "1 mark no longer applies", not "0 edits and 1 mark no longer apply"
            counts = [plural(len(found), what) for found, what in ((edits, "edit"), (marks, "mark")) if found]
            text += f" {' and '.join(counts)} no longer appl{'ies' if len(edits) + len(marks) == 1 else 'y'}:"
        else:
            text += " Every edit and mark still applies."
        lines = [f"• {e}" for e in edits] + [f"• {m}" for m in marks]
        shown = lines[:LISTED] + ([f"… and {len(lines) - LISTED} more"] if len(lines) > LISTED else [])
        self.last_message = (text, "\n".join(shown))
        if self.window.quiet:
            return
        QTimer.singleShot(0, lambda: self.window.message(QMessageBox.Icon.Information, text, "\n".join(shown)))

    # --- saving ------------------------------------------------------------------------------------

    def project(self):
        state = self.review.state
        assert state is not None
        three = state.prepared.three  # three versions: B is kept beside A (left) and C (right)
        middle = three.b.document if three is not None else None
        return core().project_of(state.comparison, state.edits, state.marks, self.loading_for(), middle=middle)

    def write(self, path: str, autosave_of: str | None = None) -> None:
        core().save_project(path, replace(self.project(), autosave_of=autosave_of))

    def save(self) -> bool:
        if self.review.project_path is None:
            return self.save_as()
        return self.save_to(self.review.project_path)

    def save_as(self) -> bool:
        if self.review.state is None:
            return False
        current = self.review.project_path or str(
            Path(self.window.left_path or "review").with_name(Path(self.window.left_path or "review").stem + ".drift")
        )
        path, _ = QFileDialog.getSaveFileName(self.window, "Save Project", current, FILTER)
        if not path:
            return False
        if not path.endswith(".drift"):
            path += ".drift"
        return self.save_to(path)

    def save_to(self, path: str) -> bool:
        from ...engine.errors import DriftError

        try:
            self.write(path)
        except DriftError as exc:  # one line naming the file (or a side that is no file: pasted text)
            self.window.message(QMessageBox.Icon.Warning, f"Cannot save the project: {escaped(str(exc))}", path)
            return False
        self.review.mark_saved(path)
        self.review.recovery.discard()
        self.window.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    # --- unsaved work ------------------------------------------------------------------------------

    def may_discard(self) -> bool:
        """True when the review on screen may go: nothing unsaved, or the user saved or dropped it."""
        if self._discard_ok or not self.review.dirty or self.window.quiet:
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        self.review.recovery.discard()
        return True

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "drift-viewer",
            "The review has unsaved changes (hand edits or marks).",
            buttons.Save | buttons.Discard | buttons.Cancel,
            self.window,
        )
        box.setInformativeText("Save them as a project before going on?")
        box.setDefaultButton(buttons.Save)
        answer = box.exec()
        # Anything but Save or Cancel (Discard, or a test's stand-in) drops the work.
        return buttons(answer) if answer in (int(buttons.Save), int(buttons.Cancel)) else buttons.Discard


def describe_mark(key, mark) -> str:
    from ...review.marks import ChangeKey, describe

    row = key.row if isinstance(key, ChangeKey) else key
    text = next(iter(row.left + row.right), "")
    text = escaped(text if len(text) <= 60 else text[:59] + "…")
    what = (
        f"the change “{escaped(key.left_text)}” → “{escaped(key.right_text)}”" if isinstance(key, ChangeKey) else "row"
    )
    return f"{describe(mark)} on {what} “{text}”"
