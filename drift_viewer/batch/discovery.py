"""The input files of a folder: every .txt, .md, .html and .docx below it, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path

SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx"})


def find_inputs(folder: str | os.PathLike[str]) -> list[str]:
    """Paths relative to `folder`, with "/" between parts, sorted. Hidden files and folders (".git",
    an editor's "~$draft.docx" lock) are no documents."""
    root = Path(folder)
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUFFIXES:
                continue
            found.append(Path(dirpath, name).relative_to(root).as_posix())
    return sorted(found)
