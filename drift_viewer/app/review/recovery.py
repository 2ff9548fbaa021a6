"""Autosave and crash recovery. While the review has unsaved work, a timer writes it as a project file
(review.project, with `autosave_of` naming the project it stands in for) to a recovery folder
(QStandardPaths' app data, or $DRIFT_VIEWER_AUTOSAVE), beside a QLockFile held while the window lives.
Saving, or closing and dropping the work, removes both. At the next start a recovery file whose lock is
stale (its process died: QLockFile checks the pid, so a second window running is never offered the
first one's work) is offered back.

Files per window session: `<id>.drift` (the project) and `<id>.lock`."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QStandardPaths, QTimer
from PySide6.QtWidgets import QMessageBox

from ...engine.errors import DriftError
from ...engine.lexicon.hidden import escaped

INTERVAL_MS = 60_000  # a minute of work is the most a crash can take
ENV = "DRIFT_VIEWER_AUTOSAVE"  # as review.autosave reads it


def folder() -> Path:
    override = os.environ.get(ENV)
    if override:
        return Path(override)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".drift-viewer") / "recovery"


class Recovery:
    def __init__(self, review) -> None:
        self.review = review
        self.window = review.window
        self.id = f"{os.getpid()}-{time.time_ns()}"
        self._lock: QLockFile | None = None
        self.timer = QTimer(review)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_now)
        review.dirty_changed.connect(self._dirty_changed)
        if not self.window.quiet:
            QTimer.singleShot(0, self.offer)

    def _paths(self, ident: str | None = None) -> tuple[Path, Path]:
        base = folder() / (ident or self.id)
        return base.with_suffix(".drift"), base.with_suffix(".lock")

    def _dirty_changed(self, dirty: bool) -> None:
        if self.window.quiet:
            return
        if dirty and not self.timer.isActive():
            self.timer.start()
        elif not dirty:
            self.timer.stop()

    def save_now(self) -> bool:
        """Write the unsaved review to the recovery file (nothing when there is nothing unsaved)."""
        if self.review.state is None or not self.review.dirty:
            return False
        drift, lock = self._paths()
        try:
            drift.parent.mkdir(parents=True, exist_ok=True)
            if self._lock is None:
                self._lock = QLockFile(str(lock))
                self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
                self._lock.tryLock(0)
            self.review.projects.write(str(drift), autosave_of=self.review.project_path or "")
        except (OSError, DriftError) as exc:
            self.window.statusBar().showMessage(f"Autosave failed: {exc}", 8000)
            return False
        return True

    def discard(self) -> None:
        """The work was saved or dropped: no recovery file for it."""
        self.timer.stop()
        self._paths()[0].unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # --- after a crash -----------------------------------------------------------------------------

    def orphans(self) -> list[str]:
        """Ids of recovery files no living window holds, newest first."""
        found = []
        for drift in folder().glob("*.drift") if folder().is_dir() else ():
            ident = drift.stem
            if ident == self.id:
                continue
            lock = QLockFile(str(drift.with_suffix(".lock")))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):  # nobody holds it: that window is gone
                lock.unlock()
                found.append((drift.stat().st_mtime, ident))
        return [ident for _, ident in sorted(found, reverse=True)]

    def offer(self) -> bool:
        """Offer the newest orphaned recovery file; True when it was opened."""
        idents = self.orphans()
        if not idents:
            return False
        ident = idents[0]
        drift, _ = self._paths(ident)
        from ...review.project import load_project

        try:
            project = load_project(drift).autosave_of
        except DriftError:
            self.remove(ident)  # a damaged recovery file is of no use to anyone
            return False
        saved = time.strftime("%Y-%m-%d %H:%M", time.localtime(drift.stat().st_mtime))
        what = f"of “{escaped(Path(project).name)}”" if project else "of an unsaved review"
        if not self.ask(f"drift-viewer did not close normally. Recover the unsaved work {what} (autosaved {saved})?"):
            self.remove(ident)
            return False
        opened = self.review.projects.open_path(str(drift), recovered_from=project or "")
        if opened:
            self.remove(ident)
        return opened

    def ask(self, text: str) -> bool:
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, "drift-viewer", text, buttons.Yes | buttons.No, self.window)
        box.setDefaultButton(buttons.Yes)
        return box.exec() != int(buttons.No)

    def remove(self, ident: str) -> None:
        for path in self._paths(ident):
            path.unlink(missing_ok=True)
