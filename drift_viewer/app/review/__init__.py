"""Review work in the window (issue 15): hand edits of the alignment with undo and redo (`editing`,
`undo`), review marks and notes (`marking`), project files with autosave and recovery (`project_actions`,
`recovery`), TMX and TSV exports (`exports`). `session.Review` holds what is on screen and wires them
to the window; the editing itself is drift_viewer.review's (Qt-free), shared with the CLI and report."""

from .session import Review

__all__ = ["Review"]
