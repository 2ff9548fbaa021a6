"""Three-version projects (.drift with a "middle" file): the format, what a reader of an older version
does with one, and the command line on them (`compare|report PROJECT.drift`, `align` refused)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from drift_viewer import cli
from drift_viewer.engine.load import load_file
from drift_viewer.engine.triple import compare_three
from drift_viewer.review import project as core
from drift_viewer.review.marks import ChangeKey, Mark, Marks, MarkStatus, RowKey
from tests.report.htmltree import parse

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"
NAMES = ("en-de.en.txt", "en-de.de.txt", "en-de.back.txt")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    """A three-version project beside copies of its files: row 2 disputed, Schmidt -> Schmitt accepted."""
    for name in NAMES:
        shutil.copy(DATA / name, tmp_path / name)
    a, b, c = (load_file(tmp_path / n) for n in NAMES)
    triple = compare_three(a, b, c)
    ac = triple.ac
    name_change = next(i for i, ch in enumerate(ac.groups[5].changes) if ch.left_text == "Schmidt")
    marks = Marks().with_mark(RowKey.of(ac, 1), Mark(MarkStatus.DISPUTED, "5,4 in the German"))
    marks = marks.with_mark(ChangeKey.of(ac, 5, name_change), Mark(MarkStatus.ACCEPTED))
    path = tmp_path / "three.drift"
    core.save_project(path, core.project_of(ac, marks=marks, middle=b))
    return path


def test_a_three_version_project_holds_the_middle_file_and_is_version_2(saved: Path):
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["version"] == 2 and list(data)[4:7] == ["left", "middle", "right"]
    assert [data[k]["relative"] for k in ("left", "middle", "right")] == list(NAMES)
    loaded = core.load_project(saved)
    assert loaded.middle is not None and loaded.middle.relative == NAMES[1] and len(loaded.marks) == 2


def test_a_two_file_project_is_still_written_as_version_1(tmp_path: Path):
    from drift_viewer.engine.pipeline import compare_files

    path = tmp_path / "pair.drift"
    core.save_project(path, core.project_of(compare_files(DATA / NAMES[0], DATA / NAMES[2])))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and "middle" not in data  # every reader opens it, as before
    assert core.load_project(path).middle is None


def test_a_reader_of_version_1_refuses_three_versions_in_words(saved: Path, monkeypatch):
    monkeypatch.setattr(core, "VERSION", 1)  # what drift-viewer before three-version projects reads
    with pytest.raises(core.ProjectError) as error:
        core.load_project(saved)
    assert str(error.value) == (
        f"{saved}: written by a newer drift-viewer (project version 2; this one reads up to 1): "
        "update drift-viewer to open it"
    )


def test_hand_edits_on_three_versions_are_kept_and_b_follows_them(saved: Path, capsys, monkeypatch):
    """An edit of A against C is saved (project version 3) and made again by `compare PROJECT.drift`:
    rows 1 and 2 linked hold B's two sentences, and the facts of A came back in C on the joined row."""
    from drift_viewer.review.edits import link_rows

    a, b, c = (load_file(saved.parent / n) for n in NAMES)
    ac = compare_three(a, b, c).ac
    edited, edit = link_rows(ac, 0, 1)
    marks = core.load_project(saved).marks
    core.save_project(saved, core.project_of(edited, [edit], marks, middle=b))
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["version"] == 3 and len(data["edits"]) == 1 and data["middle"]["relative"] == NAMES[1]
    assert len(core.load_project(saved).edits) == 1
    assert cli.main(["compare", str(saved), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["rows"][0] == {"row": 1, "a": [0, 1], "b": [0, 1], "c": [0, 1], "a_c_group": 0}
    assert [r["a"] for r in out["rows"][1:3]] == [[2], [3]]  # the rows after it moved up by one
    assert out["a_c"]["groups"][0]["manual"] is True
    number = next(f for f in out["facts"]["rows"] if f["a_text"] == "4.5 billion")
    assert (number["row"], number["a_c"]) == (0, "changed")
    # Schmidt -> Schmitt, accepted on row 6, is on row 5 now; the disputed row 2 the edit joined into row 1
    # is no longer a row, as on a pair (review/marks.py finds a row by its sentences): kept, with no group.
    assert [(m["group"], m["status"]) for m in out["a_c"]["marks"]] == [(4, "accepted"), (None, "disputed")]
    # A reader of version 2 (it refused hand edits on three versions) says so in words.
    monkeypatch.setattr(core, "VERSION", 2)
    with pytest.raises(core.ProjectError, match="project version 3; this one reads up to 2"):
        core.load_project(saved)


def test_report_and_compare_of_a_three_version_project(saved: Path, tmp_path: Path, capsys):
    out = tmp_path / "r.html"
    assert cli.main(["report", str(saved), "-o", str(out)]) == 1
    tree = parse(out.read_text(encoding="utf-8"))
    assert tree.find("table", id="documents").find("tbody").find_all("tr")[1].find("td").text() == NAMES[1]
    review = [li.text() for li in tree.find("ol", cls="rv-list").find_all("li")]
    assert review == ["row 2 Disputed — 5,4 in the German", "row 6 Accepted Schmidt → Schmitt"]
    assert "Bürgermeister" in tree.find(id="g2").find("div", cls="B").text()
    assert cli.main(["compare", str(saved), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "drift-viewer-three"
    assert [(m["group"], m["change"], m["status"]) for m in data["a_c"]["marks"]] == [
        (1, None, "disputed"),
        (5, 0, "accepted"),
    ]
    assert cli.main(["compare", str(saved)]) == 1
    assert "  B   Bürgermeister Peter Tschentscher sagte" in capsys.readouterr().out


def test_a_changed_middle_file_is_said_on_standard_error(saved: Path, capsys):
    middle = saved.parent / NAMES[1]
    middle.write_text(middle.read_text(encoding="utf-8") + "\nNoch ein Satz.\n", encoding="utf-8")
    assert cli.main(["compare", str(saved), "--format", "json", "-o", str(saved.parent / "x.json")]) == 1
    err = capsys.readouterr().err
    assert f"{middle} has changed since the project was saved" in err


def test_align_of_a_three_version_project_is_one_line(saved: Path, capsys):
    assert cli.main(["align", str(saved)]) == 2
    err = capsys.readouterr().err
    assert "three.drift: holds three versions (A B C): use compare or report, or the window" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["compare", "--format", "csv"], "three versions are written as --format text or json, not csv"),
        (["report", "-o", "r.html", "--ignore-case"], "--ignore-case: a project keeps its own options"),
    ],
)
def test_what_three_versions_cannot_do_is_one_line(saved: Path, argv, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([argv[0], str(saved), *argv[1:]])
    assert exit_.value.code == 2 and message in capsys.readouterr().err
