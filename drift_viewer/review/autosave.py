"""Where a review in progress is autosaved, so that it can be offered back after a crash.

One autosave file per project (or per pair of files not yet saved as a project), named by a digest of
what it stands for, in the user's state folder: $DRIFT_VIEWER_AUTOSAVE if set, else the platform's
(XDG_STATE_HOME/drift-viewer/autosave on Linux, %LOCALAPPDATA% on Windows, ~/Library/Application Support
on macOS). An autosave is an ordinary project file (project.py) whose `autosave_of` names the project file
it stands in for ("" for none): the window writes it after each change and removes it on a clean save
or close, so any autosave left at start-up is one a crash left behind.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from .project import SUFFIX, Project


def autosave_dir(root: str | os.PathLike[str] | None = None) -> Path:
    if root is not None:
        return Path(root)
    if os.environ.get("DRIFT_VIEWER_AUTOSAVE"):
        return Path(os.environ["DRIFT_VIEWER_AUTOSAVE"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "drift-viewer" / "autosave"


def autosave_path(target: Project | tuple[str, str], root: str | os.PathLike[str] | None = None) -> Path:
    """The autosave file of a project (by its own path once saved, else by its two files) or of a pair
    of file paths."""
    if isinstance(target, Project):
        if target.path:
            what, stem = os.path.abspath(target.path), Path(target.path).stem
        else:
            what, stem = _pair(target.left.path, target.right.path), Path(target.left.path).stem
    else:
        what, stem = _pair(*target), Path(target[0]).stem
    digest = hashlib.sha256(what.encode("utf-8", "surrogateescape")).hexdigest()[:16]
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem)[:40] or "pair"
    return autosave_dir(root) / f"{safe}-{digest}{SUFFIX}"


def _pair(left: str, right: str) -> str:
    return os.path.abspath(left) + "\0" + os.path.abspath(right)


def recoverable(root: str | os.PathLike[str] | None = None) -> list[Path]:
    """Autosaves left behind (by a crash), newest first."""
    folder = autosave_dir(root)
    try:
        found = [p for p in folder.iterdir() if p.suffix == SUFFIX and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def discard(path: str | os.PathLike[str]) -> None:
    """Remove an autosave (after a clean save or close, or when the user declines to recover it)."""
    Path(path).unlink(missing_ok=True)
