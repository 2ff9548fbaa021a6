"""File > Export TSV and Export TMX on three versions (issue 14): every row holds A, B (the middle version)
and C, not only A against C; a sentence of B alone has its own TSV line after the row the window shows it
with, and the TMX names each version and keeps the review marks."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QFileDialog

from drift_viewer.engine.load import load_file
from drift_viewer.engine.triple import compare_three, summarize
from drift_viewer.formats.tmx import to_tmx
from drift_viewer.formats.tsv import to_tsv

DATA = Path(__file__).resolve().parents[1] / "engine" / "data" / "translation"
NAMES = ("en-de.en.txt", "en-de.de.txt", "en-de.back.txt")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
REVISIONS = {
    "a.txt": "The mayor said that 40 people were hurt, and the bridge will reopen in May. Officials met in Kyiv.",
    "b.txt": "The mayor said that 40 people were hurt. The bridge will reopen in May. The storm hit at night. "
    "Officials met in Kyiv.",
    "c.txt": "The mayor said that 44 people were hurt, and the bridge will reopen in May. Officials met in Kiev.",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in NAMES:
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _units(tmx: str) -> list[tuple[str, list[tuple[str, str, str]], dict[str, str]]]:
    """(tuid, [(version, language, segment)], the tu's own props) of each <tu>."""
    out = []
    for tu in ET.fromstring(tmx).iter("tu"):
        props = {p.get("type", ""): p.text or "" for p in tu.findall("prop")}
        tuvs = [
            (tuv.findtext("prop") or "", tuv.get(XML_LANG, ""), tuv.findtext("seg") or "") for tuv in tu.findall("tuv")
        ]
        out.append((tu.get("tuid", ""), tuvs, props))
    return out


def test_the_window_exports_all_three_versions_with_the_marks(qtbot, make_window, folder, tmp_path, monkeypatch):
    window = make_window()
    a, b, c = (folder / n for n in NAMES)
    with qtbot.waitSignal(window.comparison_ready, timeout=60_000):
        window.open_pair(a, b, str(c))
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.view.selectionModel().setCurrentIndex(window.model.index(1, 0), flags)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.view, Qt.Key.Key_3, ctrl_alt)  # Mark as Disputed: 4.5 -> 5.4 billion

    tsv = tmp_path / "three.tsv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tsv), ""))
    window.named_actions["export_tsv"].trigger()
    lines = tsv.read_text(encoding="utf-8").splitlines()
    assert all(line.count("\t") == 2 for line in lines)
    row2 = lines[1].split("\t")
    assert "4.5 billion" in row2[0] and "5,4 Milliarden" in row2[1] and "5.4 billion" in row2[2]
    assert len(lines) == window.model.rowCount()  # no row of B alone in this fixture

    tmx = tmp_path / "three.tmx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmx), ""))
    window.named_actions["export_tmx"].trigger()
    units = _units(tmx.read_text(encoding="utf-8"))
    tuid, tuvs, props = units[1]
    assert tuid == "2" and props == {"x-drift-mark": "disputed"}
    assert [(v, lang) for v, lang, _ in tuvs] == [("A", "en"), ("B", "de"), ("C", "en")]
    assert "5,4 Milliarden" in tuvs[1][2] and "5.4 billion" in tuvs[2][2]


def test_a_sentence_only_the_middle_version_has_gets_its_own_line(tmp_path: Path):
    for name, text in REVISIONS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    triple = compare_three(*(load_file(tmp_path / name) for name in REVISIONS))
    three = summarize(triple)
    assert three.b_alone, "the fixture has a sentence of B alone"
    lines = [line.split("\t") for line in to_tsv(triple.ac, three).splitlines()]
    assert ["", "The storm hit at night.", ""] in lines
    storm = lines.index(["", "The storm hit at night.", ""])
    assert "bridge will reopen in May" in lines[storm - 1][1]  # after the row it is shown with
    assert lines[-1][0] == "Officials met in Kyiv." and lines[-1][2] == "Officials met in Kiev."
    # The TMX leaves it out (a unit needs two versions) and keeps every row's three versions.
    units = _units(to_tmx(triple.ac, None, three))
    assert len(units) == len(lines) - 1
    assert all([v for v, _, _ in tuvs] == ["A", "B", "C"] for _, tuvs, _ in units)
    assert "The storm hit at night." not in " ".join(seg for _, tuvs, _ in units for _, _, seg in tuvs)
    # Without the middle version, the pair's own bitext, as before.
    assert all(line.count("\t") == 1 for line in to_tsv(triple.ac).splitlines())
