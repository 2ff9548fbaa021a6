"""review/project.py and autosave.py: .drift files saved, reopened elsewhere, reopened after a file changed."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from drift_viewer.engine.pipeline import compare_files
from drift_viewer.review import autosave, edits
from drift_viewer.review.marks import ChangeKey, Mark, Marks, MarkStatus, RowKey
from drift_viewer.review.project import (
    Loading,
    ProjectError,
    load_project,
    open_project,
    project_of,
    save_project,
)

LEFT = "Alpha is here. Beta came late. Gamma went home. Delta sings. Epsilon dances wildly. Zeta stays.\n"
RIGHT = "Alpha is here. Gamma went home now. Beta came late. Delta sings loudly. New one here. Zeta stays.\n"


def _review(folder):
    """A pair in `folder`, compared and reviewed: two edits and two marks; the project saved beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old.txt").write_text(LEFT, encoding="utf-8")
    (folder / "new.txt").write_text(RIGHT, encoding="utf-8")
    c = compare_files(folder / "old.txt", folder / "new.txt", ignore_case=True)
    c, e1 = edits.link_sentences(c, 2, 1)
    delta = next(k for k, g in enumerate(c.groups) if 3 in g.left)
    c, e2 = edits.link_rows(c, delta, delta + 1)
    zeta = next(k for k, g in enumerate(c.groups) if 5 in g.left)
    marks = Marks().with_mark(RowKey.of(c, zeta), Mark(MarkStatus.CHECKED, "fine"))
    marks = marks.with_mark(ChangeKey.of(c, delta, 0), Mark(MarkStatus.DISPUTED, "really?"))
    project = save_project(folder / "review.drift", project_of(c, [e1, e2], marks, Loading(encoding="utf-8")))
    return c, project


def _rows(c):
    return [(g.left, g.right, g.kind, g.manual, g.partner) for g in c.groups]


def test_a_project_reopens_as_it_was_saved(tmp_path):
    c, project = _review(tmp_path / "work")
    loaded = load_project(tmp_path / "work" / "review.drift")
    assert loaded.edits == project.edits and loaded.marks == project.marks
    assert loaded.options == c.options and loaded.options.ignore_case
    assert loaded.loading == Loading(encoding="utf-8")
    reopened = open_project(loaded)
    assert _rows(reopened.comparison) == _rows(c)
    assert reopened.stale_files == [] and reopened.unapplied == [] and reopened.orphaned_marks == []
    assert reopened.messages() == []
    assert reopened.project.edits == project.edits


def test_the_format_is_versioned_json_with_relative_paths(tmp_path):
    _, _ = _review(tmp_path / "work")
    data = json.loads((tmp_path / "work" / "review.drift").read_text(encoding="utf-8"))
    assert data["schema"] == "drift-viewer/project" and data["version"] == 1
    assert data["left"]["relative"] == "old.txt" and os.path.isabs(data["left"]["path"])
    assert data["left"]["size"] == len(LEFT.encode()) and len(data["left"]["sha256"]) == 64
    assert [e["op"] for e in data["edits"]] == ["link-sentences", "link-rows"]
    assert {m["status"] for m in data["marks"]} == {"checked", "disputed"}


def test_a_copy_of_the_folder_opens_elsewhere(tmp_path):
    c, _ = _review(tmp_path / "work")
    shutil.copytree(tmp_path / "work", tmp_path / "copy")
    shutil.rmtree(tmp_path / "work")  # the absolute paths now lead nowhere
    reopened = open_project(load_project(tmp_path / "copy" / "review.drift"))
    assert reopened.comparison.left.document.path == str(tmp_path / "copy" / "old.txt")
    assert _rows(reopened.comparison) == _rows(c)
    assert reopened.messages() == []


def test_a_missing_file_is_named(tmp_path):
    _review(tmp_path / "work")
    (tmp_path / "work" / "new.txt").unlink()
    with pytest.raises(ProjectError, match=r"review.drift: its right file is missing \(looked for .*new.txt"):
        open_project(load_project(tmp_path / "work" / "review.drift"))


def test_reopened_after_a_file_changed(tmp_path):
    c, project = _review(tmp_path / "work")
    # Gamma's sentence rewritten: the move edit no longer applies; a sentence added above shifts the rest.
    changed = "Preface. " + LEFT.replace("Gamma went home.", "Gamma stayed out.")
    (tmp_path / "work" / "old.txt").write_text(changed, encoding="utf-8")
    reopened = open_project(load_project(tmp_path / "work" / "review.drift"))
    assert reopened.stale_files == [str(tmp_path / "work" / "old.txt")]
    assert reopened.unapplied == [project.edits[0]]
    assert reopened.project.edits[0].op == "link-rows"
    assert reopened.project.edits[0].groups[0].left == (4, 5)  # re-recorded where the sentences are now
    rows = [(g.left, g.right) for g in reopened.comparison.groups]
    assert ((4, 5), (3, 4)) in rows
    assert reopened.orphaned_marks == []  # Zeta's row and Delta's change are still there
    attached, _ = reopened.project.marks.attach(reopened.comparison)
    assert {m.status for row in attached.values() for m in [row.row, *row.changes.values()] if m} == {
        MarkStatus.CHECKED,
        MarkStatus.DISPUTED,
    }
    messages = reopened.messages()
    assert messages[0].endswith("old.txt has changed since the project was saved")
    assert messages[1].startswith("1 of 2 alignment edits no longer apply") and "Gamma went home." in messages[1]


def test_marks_whose_rows_are_gone_are_listed(tmp_path):
    _review(tmp_path / "work")
    (tmp_path / "work" / "old.txt").write_text(LEFT.replace("Zeta stays.", "Zeta left."), encoding="utf-8")
    reopened = open_project(load_project(tmp_path / "work" / "review.drift"))
    assert [m.note for _, m in reopened.orphaned_marks] == ["fine"]
    assert reopened.messages()[-1] == "1 of 2 review marks have no row to go on: checked: “fine” (“Zeta stays.”)"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00garbage", "not UTF-8"),
        (b"{not json", "bad JSON at line 1"),
        (b'{"schema": "something/else"}', "not a drift-viewer project"),
        (b'{"schema": "drift-viewer/project", "version": 7}', "newer drift-viewer.*version 7.*up to 3"),
        (b'{"schema": "drift-viewer/project", "version": "one"}', "damaged project file"),
        (b'{"schema": "drift-viewer/project", "version": 1}', r"damaged project file \(missing 'left'\)"),
        (
            b'{"schema": "drift-viewer/project", "version": 1, "left": {"path": "a"}, "right": {"path": "b"},'
            b' "edits": [{"op": "explode", "groups": []}]}',
            "damaged project file .unknown edit",
        ),
        (
            b'{"schema": "drift-viewer/project", "version": 1, "left": {"path": "a"}, "right": {"path": "b"},'
            b' "options": {"ignore_case": "yes"}}',
            "options.ignore_case is not true or false",
        ),
    ],
)
def test_bad_project_files_get_one_clear_line(tmp_path, content, message):
    path = tmp_path / "bad.drift"
    path.write_bytes(content)
    with pytest.raises(ProjectError, match=message) as info:
        load_project(path)
    assert "\n" not in str(info.value) and str(info.value).startswith(str(path))


def test_missing_and_folder_project_paths(tmp_path):
    with pytest.raises(ProjectError, match="no such project file"):
        load_project(tmp_path / "none.drift")
    with pytest.raises(ProjectError, match="is a folder"):
        load_project(tmp_path)


def test_save_is_atomic_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    _, project = _review(tmp_path / "work")
    before = (tmp_path / "work" / "review.drift").read_bytes()

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(ProjectError, match="cannot be written .No space left"):
        save_project(tmp_path / "work" / "review.drift", project)
    assert (tmp_path / "work" / "review.drift").read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "work").iterdir()) == ["new.txt", "old.txt", "review.drift"]


def test_pasted_text_cannot_go_in_a_project():
    from drift_viewer.engine.pipeline import compare_texts

    with pytest.raises(ProjectError, match="the left side is not a file"):
        project_of(compare_texts(LEFT, RIGHT))


def test_autosave_paths_and_recovery(tmp_path):
    _, project = _review(tmp_path / "work")
    root = tmp_path / "state"
    where = autosave.autosave_path(project, root)
    assert where.parent == root and where.name.startswith("review-") and where.suffix == ".drift"
    pair = autosave.autosave_path((project.left.path, project.right.path), root)
    assert pair != where and pair.name.startswith("old-")
    assert autosave.autosave_path(project, root) == where  # stable
    root.mkdir()
    save_project(where, project.__class__(**{**project.__dict__, "autosave_of": project.path}))
    assert autosave.recoverable(root) == [where]
    recovered = load_project(where)
    assert recovered.autosave_of == project.path and recovered.edits == project.edits
    # Its relative paths point nowhere from the state folder; the absolute ones still find the files.
    assert open_project(recovered).unapplied == []
    autosave.discard(where)
    assert autosave.recoverable(root) == []


def test_autosave_folder_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DRIFT_VIEWER_AUTOSAVE", str(tmp_path / "here"))
    assert autosave.autosave_dir() == tmp_path / "here"
    monkeypatch.delenv("DRIFT_VIEWER_AUTOSAVE")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    if os.name == "posix" and os.uname().sysname != "Darwin":
        assert autosave.autosave_dir() == tmp_path / "xdg" / "drift-viewer" / "autosave"
