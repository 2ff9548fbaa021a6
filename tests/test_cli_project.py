"""The command line on project files and the bitext exports: compare/report/align PROJECT.drift, --format
tmx|tsv, and one clear line for a bad, damaged or newer project file."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from drift_viewer.cli import main
from drift_viewer.engine.pipeline import compare_files
from drift_viewer.review import edits
from drift_viewer.review.marks import ChangeKey, Mark, Marks, MarkStatus, RowKey
from drift_viewer.review.project import project_of, save_project

LEFT = "Alpha is here. Beta came late. Gamma went home. Delta sings. Epsilon dances wildly. Zeta stays.\n"
RIGHT = "Alpha is here. Gamma went home now. Beta came late. Delta sings loudly. New one here. Zeta stays.\n"


@pytest.fixture
def project(tmp_path):
    """A reviewed pair saved as a project: Gamma linked by hand (a move), two marks."""
    (tmp_path / "old.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "new.txt").write_text(RIGHT, encoding="utf-8")
    c = compare_files(tmp_path / "old.txt", tmp_path / "new.txt")
    c, edit = edits.link_sentences(c, 2, 1)
    delta = next(k for k, g in enumerate(c.groups) if 3 in g.left)
    zeta = next(k for k, g in enumerate(c.groups) if 5 in g.left)
    marks = Marks().with_mark(RowKey.of(c, zeta), Mark(MarkStatus.CHECKED, "fine"))
    marks = marks.with_mark(ChangeKey.of(c, delta, 0), Mark(MarkStatus.DISPUTED, "louder <really>?"))
    save_project(tmp_path / "review.drift", project_of(c, [edit], marks))
    return tmp_path / "review.drift"


def test_compare_a_project_as_json_carries_manual_links_and_marks(project, tmp_path, capsys):
    out = tmp_path / "c.json"
    assert main(["compare", str(project), "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text(encoding="utf-8"))
    manual = [g for g in data["groups"] if g.get("manual")]
    assert [g["kind"] for g in manual] == ["moved", "moved"]
    assert all(g["confidence"] == 1.0 for g in manual)
    assert all("manual" not in g for g in data["groups"] if g not in manual)
    marks = {m["status"]: m for m in data["marks"]}
    assert marks["checked"]["change"] is None and marks["checked"]["note"] == "fine"
    delta = marks["disputed"]
    assert data["groups"][delta["group"]]["changes"][delta["change"]]["right_text"].strip() == "loudly"
    assert capsys.readouterr().err == ""


def test_compare_a_project_as_text_markdown_and_csv_keeps_its_marks(project, tmp_path):
    """The marks reach every format, not only the JSON: a disputed change with its note, and a checked
    equal row (which has no change line of its own in the CSV)."""
    import csv

    text, md, table = (tmp_path / name for name in ("c.txt", "c.md", "c.csv"))
    for fmt, out in (("text", text), ("md", md), ("csv", table)):
        assert main(["compare", str(project), "--format", fmt, "-o", str(out)]) == 1
    said = text.read_text(encoding="utf-8")
    assert "review: 2 marks" in said
    assert "'' -> 'loudly': disputed: louder <really>?" in said
    assert "checked: fine" in said
    summary = md.read_text(encoding="utf-8")
    assert "### Review (2 marks)" in summary
    assert "*(nothing)* → **loudly**: **disputed**: louder \\<really\\>?" in summary  # escaped as document text
    rows = list(csv.DictReader(table.read_text(encoding="utf-8").splitlines()))
    disputed = [r for r in rows if r["change_mark"] == "disputed"]
    assert len(disputed) == 1 and disputed[0]["change_note"] == "louder <really>?"
    assert "loudly" in disputed[0]["right_text"]
    checked = [r for r in rows if r["row_mark"] == "checked"]
    assert len(checked) == 1 and checked[0]["group_kind"] == "equal" and checked[0]["change_kind"] == ""
    assert [int(r["row"]) for r in rows] == sorted(int(r["row"]) for r in rows)


def test_text_and_csv_of_two_files_have_no_review_columns(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIGHT, encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "csv"]) == 1
    header = capsys.readouterr().out.splitlines()[0]
    assert "row_mark" not in header and header.startswith("row,group_kind,change_kind")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 1
    assert "review:" not in capsys.readouterr().out


def test_json_of_two_files_is_unchanged_by_reviews(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(LEFT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(RIGHT, encoding="utf-8")
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert "marks" not in data and not any("manual" in g for g in data["groups"])


def test_align_a_project_to_tmx_and_tsv_includes_the_hand_link(project, tmp_path):
    tmx = tmp_path / "out.tmx"
    assert main(["align", str(project), "--format", "tmx", "-o", str(tmx)]) == 1
    root = ET.parse(tmx).getroot()
    pairs = [[t.findtext("seg") for t in tu.findall("tuv")] for tu in root.iter("tu")]
    assert ["Gamma went home.", "Gamma went home now."] in pairs
    tsv = tmp_path / "out.tsv"
    assert main(["align", str(project), "--format", "tsv", "-o", str(tsv)]) == 1
    assert "Gamma went home.\tGamma went home now.\n" in tsv.read_text(encoding="utf-8")
    vec = tmp_path / "out.vec"
    assert main(["align", str(project), "-o", str(vec)]) == 1
    assert "[2]:[1]\n" in vec.read_text(encoding="utf-8")


def test_align_two_files_to_tmx_with_a_language(tmp_path, sample_pair):
    out = tmp_path / "o.tmx"
    assert (
        main(["align", str(sample_pair[0]), str(sample_pair[1]), "--format", "tmx", "--language", "de", "-o", str(out)])
        == 1
    )
    root = ET.parse(out).getroot()
    assert {t.get("{http://www.w3.org/XML/1998/namespace}lang") for t in root.iter("tuv")} == {"de"}
    assert root.find("header").get("srclang") == "de"


def test_a_project_whose_file_changed_says_so_and_still_runs(project, tmp_path, capsys):
    (tmp_path / "old.txt").write_text(LEFT.replace("Gamma went home.", "Gamma went away."), encoding="utf-8")
    assert main(["compare", str(project), "--format", "json"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("old.txt has changed since the project was saved")
    assert err[1].startswith(f"drift-viewer: warning: {project}: 1 of 1 alignment edits no longer apply")


def test_a_copied_project_folder_runs_elsewhere(project, tmp_path, capsys):
    copy = tmp_path.parent / (tmp_path.name + "-copy")
    shutil.copytree(tmp_path, copy)
    (tmp_path / "old.txt").unlink()
    assert main(["align", str(copy / "review.drift"), "--format", "tsv"]) == 1
    captured = capsys.readouterr()
    assert "Gamma went home.\tGamma went home now." in captured.out and captured.err == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such project file"),
        (b"\x00\x01binary", "not a drift-viewer project"),
        (b'{"schema": "drift-viewer/project", "version": 1, "left": 3}', "damaged project file"),
        (b'{"schema": "drift-viewer/project", "version": 4}', "written by a newer drift-viewer"),
    ],
)
def test_bad_project_files_are_one_line_and_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "p.drift"
    if content is not None:
        path.write_bytes(content)
    assert main(["compare", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith(f"drift-viewer: {path}: ")


def test_a_single_file_that_is_no_project_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(LEFT, encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["compare", str(tmp_path / "a.txt")])
    assert info.value.code == 2
    assert "give two files (LEFT RIGHT), or one .drift project file" in capsys.readouterr().err


def test_options_beside_a_project_are_refused(project, capsys):
    with pytest.raises(SystemExit):
        main(["report", str(project), "-o", "x.html", "--same-language"])
    assert "--cross-lingual/--same-language: a project keeps its own options" in capsys.readouterr().err


def test_the_window_is_not_started_for_a_bad_project(tmp_path, capsys, monkeypatch):
    import drift_viewer.app.main as app_main

    started = []
    monkeypatch.setattr(app_main, "run_app", lambda files, screenshot=None: started.append(files) or 0)
    path = tmp_path / "p.drift"
    path.write_text('{"schema": "drift-viewer/project", "version": 9}', encoding="utf-8")
    assert main([str(path)]) == 2
    assert "written by a newer drift-viewer" in capsys.readouterr().err and started == []


def test_the_window_gets_a_good_project(project, monkeypatch):
    import drift_viewer.app.main as app_main

    started = []
    monkeypatch.setattr(app_main, "run_app", lambda files, screenshot=None: started.append(list(files)) or 0)
    assert main([str(project)]) == 0
    assert started == [[str(project)]]
