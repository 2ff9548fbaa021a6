"""What the comparison process runs for a request: read both files, compare, prepare. Qt-free."""

from __future__ import annotations

from collections.abc import Callable

from ...engine.load import load_file
from ...engine.model import Options
from ...engine.pipeline import compare_documents, compare_texts
from ..prepared import Prepared, prepare


def compare_job(left: str, right: str, options: Options, progress: Callable[[str, float], None]) -> Prepared:
    """The real job. No should_cancel: the window cancels by killing the process."""
    comparison = compare_documents(
        load_file(left, max_bytes=options.max_bytes),
        load_file(right, max_bytes=options.max_bytes),
        options,
        progress=progress,
    )
    return prepare(comparison)  # sorting the changes here costs the window nothing


def warm_up() -> None:
    """One tiny comparison, so that first-call costs (lazy imports, compiled regexes) are paid while the
    user is still looking at the window, not on their first request."""
    prepare(compare_texts("Avril Haines said 3 people came.", "Avril Haynes said 4 people came."))
