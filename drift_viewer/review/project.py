"""Project files (.drift): a comparison's two files (or three versions' three), its options, the
reviewer's edits and marks.

The format (versioned JSON; the README's "Project files" section documents it) names each file by its path
relative to the project file where there is one, and by its absolute path, with its size and SHA-256. A
project is reopened from a copy of its folder elsewhere (the relative path is tried first), and a file
that changed since is told apart by its digest: the edits and marks are then applied where their
sentences are still there by text (review/edits.py, review/marks.py), and the others listed.

Three versions (engine/triple.py) are a project with a "middle" file: "left" is A, "middle" B and "right"
C, and the marks and hand edits are on the A–C rows, as the window shows them (B follows the edited
rows: engine/triple_edit.py). Such a project is version 2, so a drift-viewer that reads only version 1
refuses it in words ("written by a newer drift-viewer") instead of opening A and C as a pair with B
silently gone; with hand edits it is version 3, which a version-2 reader (it refused edits on three
versions) also refuses in those words rather than calling the file damaged. A two-file project is still
written as version 1, which every reader opens.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any

from .._version import __version__
from ..atomic import write_atomic
from ..engine.errors import DriftError
from ..engine.model import Comparison, Document, Options
from .edits import Edit, reapply_all
from .marks import ChangeKey, Key, Mark, Marks

SCHEMA = "drift-viewer/project"
VERSION = 3  # the newest this reader reads: 2 added "middle" (three versions), 3 edits on three versions
THREE_VERSION = 2  # three versions without hand edits
THREE_EDITS_VERSION = 3
PAIR_VERSION = 1  # what a two-file project is written as: older readers open it
SUFFIX = ".drift"
MAX_PROJECT_BYTES = 64_000_000  # a book's project with a mark on every row is a few MB


class ProjectError(DriftError):
    """A project file that cannot be read or used; the message is one line that names the file."""


@dataclass(frozen=True)
class FileRef:
    """One side's file as the project knows it."""

    path: str  # absolute, where it was when the project was saved
    relative: str | None  # from the project file's folder, "/"-separated; None on another drive
    size: int
    sha256: str

    @classmethod
    def of(cls, document: Document, side: str) -> FileRef:
        if document.path is None:
            raise ProjectError(
                f"the {side} side is not a file ({document.name}): save it to a file to keep it in a project"
            )
        return cls(os.path.abspath(document.path), None, document.size, document.sha256)


@dataclass(frozen=True)
class Loading:
    """How the files are read, as the command line's --encoding, --keep-boilerplate, --max-expanded."""

    encoding: str | None = None
    keep_boilerplate: bool = False
    max_expanded: int | None = None


@dataclass(frozen=True)
class Project:
    left: FileRef
    right: FileRef
    options: Options = field(default_factory=Options)
    loading: Loading = field(default_factory=Loading)
    edits: tuple[Edit, ...] = ()  # in the order they were made, each applied to the result of the last
    marks: Marks = field(default_factory=Marks)
    path: str | None = None  # the project file it was read from or saved to
    autosave_of: str | None = None  # in an autosave: the project file (or "") it stands in for
    middle: FileRef | None = None  # three versions: B (left is A, right is C)

    @property
    def name(self) -> str:
        return Path(self.path).name if self.path else "unsaved project"


def project_of(
    comparison: Comparison,
    edits: tuple[Edit, ...] | list[Edit] = (),
    marks: Marks | None = None,
    loading: Loading | None = None,
    path: str | None = None,
    middle: Document | None = None,
) -> Project:
    """The project of a comparison on screen: its files as they were read, its options, edits and marks.
    `middle`: three versions' B, when `comparison` is their A against C (and `edits` edits of it)."""
    return Project(
        FileRef.of(comparison.left.document, "left"),
        FileRef.of(comparison.right.document, "right"),
        comparison.options,
        loading or Loading(),
        tuple(edits),
        marks or Marks(),
        path,
        middle=FileRef.of(middle, "middle") if middle is not None else None,
    )


# ---- writing


def to_json(project: Project, path: str | os.PathLike[str]) -> str:
    """The project as it is written to `path` (relative paths are from that file's folder)."""
    folder = Path(os.path.abspath(path)).parent
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "version": _version_of(project),
        "generator": f"drift-viewer {__version__}",
        "saved": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "left": _file_json(project.left, folder),
        **({"middle": _file_json(project.middle, folder)} if project.middle is not None else {}),
        "right": _file_json(project.right, folder),
        "options": {f.name: getattr(project.options, f.name) for f in fields(Options)},
        "loading": {f.name: getattr(project.loading, f.name) for f in fields(Loading)},
        "edits": [edit.to_json() for edit in project.edits],
        "marks": project.marks.to_json(),
    }
    if project.autosave_of is not None:
        data["autosave_of"] = project.autosave_of
    # One edit or mark a line: a project under version control diffs by the review step.
    lines = [
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in data.items()
        if k not in ("edits", "marks")
    ]
    for key in ("edits", "marks"):
        items = ",\n".join(f"    {json.dumps(item, ensure_ascii=False)}" for item in data[key])
        lines.append(f'  "{key}": [\n{items}\n  ]' if items else f'  "{key}": []')
    return "{\n" + ",\n".join(lines) + "\n}\n"


def _version_of(project: Project) -> int:
    """The oldest version whose readers read the project whole."""
    if project.middle is None:
        return PAIR_VERSION
    return THREE_EDITS_VERSION if project.edits else THREE_VERSION


def _file_json(ref: FileRef, folder: Path) -> dict[str, Any]:
    try:
        relative: str | None = PurePath(os.path.relpath(ref.path, folder)).as_posix()
    except ValueError:  # another drive (Windows): no relative path
        relative = None
    return {"path": ref.path, "relative": relative, "size": ref.size, "sha256": ref.sha256}


def save_project(path: str | os.PathLike[str], project: Project) -> Project:
    """Write the project to `path` atomically (a crash never leaves half a project under its name); the
    project as saved, with its path, is returned."""
    try:
        write_atomic(path, to_json(project, path))
    except OSError as exc:
        raise ProjectError(f"{os.fspath(path)}: cannot be written ({exc.strerror or exc})") from None
    return replace(project, path=os.path.abspath(path))


# ---- reading


def load_project(path: str | os.PathLike[str]) -> Project:
    shown = os.fspath(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_PROJECT_BYTES + 1)
    except FileNotFoundError:
        raise ProjectError(f"{shown}: no such project file") from None
    except IsADirectoryError:
        raise ProjectError(f"{shown}: is a folder, not a project file") from None
    except OSError as exc:
        raise ProjectError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_PROJECT_BYTES:
        raise ProjectError(f"{shown}: too large to be a drift-viewer project")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ProjectError(f"{shown}: not a drift-viewer project (not UTF-8 text)") from None
    except json.JSONDecodeError as exc:
        raise ProjectError(
            f"{shown}: not a drift-viewer project, or a damaged one (bad JSON at line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ProjectError(f'{shown}: not a drift-viewer project (no "schema": "{SCHEMA}")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProjectError(f"{shown}: damaged project file (its version is {version!r})")
    if version > VERSION:
        raise ProjectError(
            f"{shown}: written by a newer drift-viewer (project version {version}; this one reads up to "
            f"{VERSION}): update drift-viewer to open it"
        )
    try:
        return _project(data, os.path.abspath(path))
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        what = f"missing {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ProjectError(f"{shown}: damaged project file ({what})") from None


def _project(data: dict[str, Any], path: str) -> Project:
    known = {f.name for f in fields(Options)}
    options = {}
    for key, value in dict(data.get("options", {})).items():
        if key not in known:
            continue  # an option this version does not have: its default is what it does
        if key == "language" and value is not None and not isinstance(value, str):
            raise ValueError("options.language is not a language code")
        flag = key.startswith("ignore_") or key in ("presegmented", "recall")
        if flag and not isinstance(value, bool):
            raise ValueError(f"options.{key} is not true or false")
        if key == "cross_lingual" and value is not None and not isinstance(value, bool):
            raise ValueError("options.cross_lingual is not true, false or null")
        if key == "max_bytes" and (not isinstance(value, int) or value <= 0):
            raise ValueError("options.max_bytes is not a positive number")
        options[key] = value
    loading = dict(data.get("loading", {}))
    middle = _file(data["middle"], "middle") if "middle" in data else None
    return Project(
        _file(data["left"], "left"),
        _file(data["right"], "right"),
        Options(**options),
        Loading(loading.get("encoding"), bool(loading.get("keep_boilerplate", False)), loading.get("max_expanded")),
        tuple(Edit.from_json(e) for e in data.get("edits", [])),
        Marks.from_json(list(data.get("marks", []))),
        path,
        data.get("autosave_of"),
        middle,
    )


def _file(data: dict[str, Any], side: str) -> FileRef:
    path, relative = data["path"], data.get("relative")
    if not isinstance(path, str) or not path or (relative is not None and not isinstance(relative, str)):
        raise ValueError(f"the {side} file's path")
    size, digest = data.get("size", 0), data.get("sha256", "")
    if not isinstance(size, int) or not isinstance(digest, str):
        raise ValueError(f"the {side} file's size or digest")
    return FileRef(path, relative, size, digest)


# ---- opening


def locate(project: Project, side: str) -> str:
    """Where one side's file is now: beside the project as it was (a copied or moved folder), else at
    its absolute path."""
    ref: FileRef = getattr(project, side)
    tried = []
    if ref.relative is not None and project.path:
        beside = os.path.normpath(os.path.join(os.path.dirname(project.path), ref.relative))
        if os.path.isfile(beside):
            return beside
        tried.append(beside)
    if os.path.isfile(ref.path):
        return ref.path
    tried.append(ref.path)
    looked = " or ".join(dict.fromkeys(tried))
    raise ProjectError(f"{project.name}: its {side} file is missing (looked for {looked})")


@dataclass(frozen=True)
class Reopened:
    project: Project  # as reopened: its files where they are now, its edits as they apply now
    comparison: Comparison  # with the edits that still apply made again
    stale_files: list[str]  # the files that changed since the project was saved
    unapplied: list[Edit]  # edits whose sentences are no longer there
    orphaned_marks: list[tuple[Key, Mark]]  # marks with no row (or change) to go on

    def messages(self) -> list[str]:
        """What the reader must be told, one line each (empty when all is as it was saved)."""
        out = [f"{name} has changed since the project was saved" for name in self.stale_files]
        if self.unapplied:
            edits = len(self.project.edits) + len(self.unapplied)
            out.append(
                f"{len(self.unapplied)} of {edits} alignment edits no longer apply (their sentences are gone): "
                + "; ".join(_edit_line(e) for e in self.unapplied)
            )
        if self.orphaned_marks:
            marks = len(self.project.marks)
            out.append(
                f"{len(self.orphaned_marks)} of {marks} review marks have no row to go on: "
                + "; ".join(_mark_line(k, m) for k, m in self.orphaned_marks)
            )
        return out


def open_project(project: Project, progress: Any = None, should_cancel: Any = None) -> Reopened:
    """Read the project's files, compare them with its options, make its edits again and attach its marks."""
    from ..engine.pipeline import compare_documents

    if project.middle is not None:
        raise ProjectError(f"{project.name}: holds three versions (A B C): use compare or report, or the window")
    paths = locate(project, "left"), locate(project, "right")
    docs = [_load(project, p) for p in paths]
    comparison = compare_documents(docs[0], docs[1], project.options, progress=progress, should_cancel=should_cancel)
    refs = (project.left, project.right)
    stale = [p for p, doc, ref in zip(paths, docs, refs, strict=True) if ref.sha256 and doc.sha256 != ref.sha256]
    comparison, applied, unapplied = reapply_all(comparison, project.edits)
    _, orphaned = project.marks.attach(comparison)
    now = replace(
        project,
        left=replace(FileRef.of(docs[0], "left"), relative=project.left.relative),
        right=replace(FileRef.of(docs[1], "right"), relative=project.right.relative),
        edits=tuple(applied),
    )
    return Reopened(now, comparison, stale, unapplied, orphaned)


def _load(project: Project, path: str) -> Document:
    from ..engine.load import load_file

    how = project.loading
    return load_file(
        path,
        max_bytes=project.options.max_bytes,
        max_expanded=how.max_expanded,
        encoding=how.encoding,
        keep_boilerplate=how.keep_boilerplate,
    )


@dataclass(frozen=True)
class ReopenedThree:
    project: Project
    triple: Any  # engine.triple.Triple: A against C (triple.ac) carries the marks
    stale_files: list[str]
    orphaned_marks: list[tuple[Key, Mark]]
    unapplied_edits: list[Edit] = field(default_factory=list)

    def messages(self) -> list[str]:
        return Reopened(
            self.project, self.triple.ac, self.stale_files, self.unapplied_edits, self.orphaned_marks
        ).messages()


def open_three(project: Project, progress: Any = None) -> ReopenedThree:
    """A three-version project's files compared through B (engine/triple.py), its hand edits made again on
    A–C (B following the edited rows), its marks attached to A–C."""
    from ..engine.triple import compare_three
    from ..engine.triple_edit import rechain

    assert project.middle is not None
    sides = ("left", "middle", "right")
    paths = [locate(project, side) for side in sides]
    docs = [_load(project, p) for p in paths]
    triple = compare_three(docs[0], docs[1], docs[2], project.options, progress=progress)
    refs = (project.left, project.middle, project.right)
    stale = [p for p, doc, ref in zip(paths, docs, refs, strict=True) if ref.sha256 and doc.sha256 != ref.sha256]
    ac, applied, unapplied = reapply_all(triple.ac, project.edits)
    if applied:
        triple = replace(triple, ac=ac, rows=rechain(triple.rows, ac))
    _, orphaned = project.marks.attach(triple.ac)
    return ReopenedThree(replace(project, edits=tuple(applied)), triple, stale, orphaned, unapplied)


def _edit_line(edit: Edit) -> str:
    texts = [t for g in edit.groups for t in (*g.left_texts, *g.right_texts)]
    first = texts[0] if texts else ""
    return f"{edit.describe()} ({_clip(first)})"


def _mark_line(key: Key, mark: Mark) -> str:
    row = key.row if isinstance(key, ChangeKey) else key
    texts = (*row.left, *row.right)
    note = f": {_clip(mark.note)}" if mark.note else ""
    return f"{mark.status.value}{note} ({_clip(texts[0] if texts else '')})"


def _clip(text: str, n: int = 48) -> str:
    text = " ".join(text.split())
    return f"“{text}”" if len(text) <= n else f"“{text[: n - 1]}…”"
