"""What the comparison process runs for a request: read both files, compare, prepare. Qt-free."""

from __future__ import annotations

from collections.abc import Callable

from ...engine.errors import InputError
from ...engine.load import load_file
from ...engine.model import Document, Options
from ...engine.pipeline import compare_documents, compare_texts
from ...review.project import Loading
from ..prepared import Prepared, prepare, prepare_three
from .stream import Stream


def compare_job(
    left: str, right: str, options: Options, progress: Callable[[str, float], None], loading: Loading | None = None
) -> Prepared:
    """The real job. No should_cancel: the window cancels by killing the process. `loading`: an opened
    project's way of reading its files. When `progress` is the server's `stream.Stream`, the aligned rows
    and each chunk of groups go to the window as they are made."""
    a, b = _load(left, 0, options, loading), _load(right, 1, options, loading)
    early = progress if isinstance(progress, Stream) else None
    comparison = compare_documents(
        a,
        b,
        options,
        progress=progress,
        aligned=early.aligned if early is not None else None,
        built=early.built if early is not None else None,
    )
    return prepare(comparison)  # sorting the changes here costs the window nothing


def three_job(
    third: str,
    left: str,
    right: str,
    options: Options,
    progress: Callable[[str, float], None],
    loading: Loading | None = None,
) -> Prepared:
    """Three versions: `left` A, `right` B (the middle), `third` C; the window shows A against C, with B's
    text beside each row. Sent as functools.partial(three_job, third), which pickles by name."""
    from ...engine.triple import compare_three, summarize

    a, b, c = (_load(path, side, options, loading) for path, side in ((left, 0), (right, 1), (third, 1)))
    triple = compare_three(a, b, c, options, progress=progress)
    summary = summarize(triple)  # the three-way facts: ~0.45 CPU-s on Mark x3, here rather than in the GUI
    return prepare_three(triple.ac, summary, b.name)


class SideInputError(InputError):
    """An InputError that knows which side's file it is about (0 left, 1 right), so that the window can keep
    the other side open."""

    def __init__(self, path: str, reason: str, side: int) -> None:
        super().__init__(path, reason)
        self.side = side


def _load(path: str, side: int, options: Options, loading: Loading | None = None) -> Document:
    how = loading or Loading()
    try:
        return load_file(
            path,
            max_bytes=options.max_bytes,
            max_expanded=how.max_expanded,
            encoding=how.encoding,
            keep_boilerplate=how.keep_boilerplate,
        )
    except InputError as exc:
        raise SideInputError(exc.path, exc.reason, side) from exc


def warm_up() -> None:
    """One tiny comparison, so that first-call costs (lazy imports, compiled regexes) are paid while the
    user is still looking at the window, not on their first request."""
    prepare(compare_texts("Avril Haines said 3 people came.", "Avril Haynes said 4 people came."))
