"""The Open dialog's filters: every type the loader reads (engine/load/files.py picks the reader by
suffix: .docx unzipped, .html/.htm/.xhtml extracted, anything else decoded as text), first all of them
together, so that a .docx is never hidden behind a "Text files" filter."""

from __future__ import annotations

FILE_TYPES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Text", (".txt", ".text")),
    ("Markdown", (".md", ".markdown")),
    ("Web pages", (".html", ".htm", ".xhtml")),
    ("Word documents", (".docx",)),
)


def readable_suffixes() -> tuple[str, ...]:
    return tuple(suffix for _, suffixes in FILE_TYPES for suffix in suffixes)


def _patterns(suffixes: tuple[str, ...]) -> str:
    return " ".join(f"*{suffix}" for suffix in suffixes)


def open_filter() -> str:
    """The filter string for QFileDialog: all readable types, each type, then all files."""
    parts = [f"Readable files ({_patterns(readable_suffixes())})"]
    parts += [f"{name} ({_patterns(suffixes)})" for name, suffixes in FILE_TYPES]
    parts.append("All files (*)")
    return ";;".join(parts)
