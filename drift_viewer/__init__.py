"""drift-viewer: see how a text drifted between two versions.

Public API (imported lazily so that `drift-viewer --help` stays fast):
    compare_texts(left_text, right_text, **options) -> Comparison
    compare_files(left_path, right_path, **options) -> Comparison
    align_sentences(left_sentences, right_sentences) -> [(left_indices, right_indices), ...]
    render_report(comparison, title=None) -> str, write_report(comparison, path, title=None)  # the HTML report
"""

from __future__ import annotations

from typing import Any

from ._version import __version__

__all__ = ["compare_texts", "compare_files", "align_sentences", "render_report", "write_report", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("compare_texts", "compare_files", "align_sentences"):
        from .engine import pipeline

        return getattr(pipeline, name)
    if name in ("render_report", "write_report"):
        from . import report

        return getattr(report, name)
    raise AttributeError(f"module 'drift_viewer' has no attribute {name!r}")
