"""formats/tmx.py and formats/tsv.py: bitexts for translators and aligners, hand edits included."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from drift_viewer.engine.model import GroupKind
from drift_viewer.engine.pipeline import compare_files, compare_texts
from drift_viewer.formats.bitext import one_line
from drift_viewer.formats.tmx import to_tmx
from drift_viewer.formats.tsv import to_tsv
from drift_viewer.review import edits
from drift_viewer.review.marks import Mark, Marks, MarkStatus, RowKey

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LEFT = "Alpha is here. Beta came late. Gamma went home. Delta sings. Epsilon dances wildly. Zeta stays."
RIGHT = "Alpha is here. Gamma went home now. Beta came late. Delta sings loudly. New one here. Zeta stays."


def _linked(c):
    """Every two-sided group, and each moved pair once."""
    return sum(1 for g in c.groups if (g.left and g.right) or (g.kind is GroupKind.MOVED and g.left))


def test_tmx_parses_and_holds_one_tu_per_linked_pair(sample_pair):
    c = compare_files(*sample_pair)
    root = ET.fromstring(to_tmx(c))
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None and header.get("srclang") == "en" and header.get("segtype") == "sentence"
    tus = root.findall("body/tu")
    assert len(tus) == _linked(c)
    for tu in tus:
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == ["en", "en"]
        assert all(t.findtext("seg") for t in tuvs)
    first = next(g for g in c.groups if g.left and g.right)
    assert tus[0].findall("tuv")[0].findtext("seg") == c.left.sentences[first.left[0]].text


def test_tmx_languages_are_each_sides(tmp_path):
    c = compare_texts("The bridge opened in 1911. It is old.", "Die Brücke wurde 1911 eröffnet. Sie ist alt.")
    root = ET.fromstring(to_tmx(c))
    langs = {t.get(XML_LANG) for t in root.iter("tuv")}
    assert langs == {c.left.language, c.right.language} and c.left.language != c.right.language


def test_tmx_escapes_markup_and_replaces_what_xml_cannot_hold():
    left = 'A <b>bold</b> & "quoted" claim\x01 here. Second one\x0bends.'
    right = 'A <b>bold</b> & "quoted" claim\x01 there. Second one\x0bends.'
    text = to_tmx(compare_texts(left, right))
    root = ET.fromstring(text)  # a real parser: control characters would make this raise
    segs = [s.text for s in root.iter("seg")]
    assert segs[0] == 'A <b>bold</b> & "quoted" claim\ufffd here.'
    assert segs[1] == 'A <b>bold</b> & "quoted" claim\ufffd there.'
    note = root.findtext("header/note")
    assert note is not None and note.startswith("2 characters that XML 1.0 cannot hold")
    assert "&lt;b&gt;" in text and "&amp;" in text


def test_tmx_marks_manual_links_and_review_marks():
    c = compare_texts(LEFT, RIGHT)
    c, _ = edits.link_sentences(c, 2, 1)
    zeta = next(k for k, g in enumerate(c.groups) if 5 in g.left)
    marks = Marks().with_mark(RowKey.of(c, zeta), Mark(MarkStatus.DISPUTED, "check the source"))
    root = ET.fromstring(to_tmx(c, marks))
    by_text = {tu.findall("tuv")[0].findtext("seg"): tu for tu in root.iter("tu")}
    gamma = by_text["Gamma went home."]
    assert [p.text for p in gamma.findall("prop") if p.get("type") == "x-drift-manual"] == ["yes"]
    assert gamma.findall("tuv")[1].findtext("seg") == "Gamma went home now."
    zeta_tu = by_text["Zeta stays."]
    assert zeta_tu.findtext("note") == "check the source"
    assert [p.text for p in zeta_tu.findall("prop")] == ["disputed"]


def test_tsv_is_one_line_per_group_with_breaks_flattened():
    left = "First line\nwraps here.\tTabbed too. Alone on the left."
    right = "First line wraps here. Tabbed too."
    c = compare_texts(left, right)
    lines = to_tsv(c).split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    assert all(len(r) == 2 for r in rows)
    assert len(rows) == len(c.groups)
    assert rows[0] == ["First line wraps here.", "First line wraps here."]
    assert ["Alone on the left.", ""] in rows
    assert one_line("a \u2028 b\r\nc") == "a b c"


def _split(tsv: str, folder):
    """The TSV's columns as two presegmented files; line numbers kept per side (empty cells skipped)."""
    left, right, lines = [], [], []
    for line in tsv.splitlines():
        a, b = line.split("\t")
        lines.append(((len(left),) if a else (), (len(right),) if b else ()))
        if a:
            left.append(a)
        if b:
            right.append(b)
    (folder / "l.txt").write_text("\n".join(left) + "\n", encoding="utf-8")
    (folder / "r.txt").write_text("\n".join(right) + "\n", encoding="utf-8")
    return lines


@pytest.mark.parametrize("pair", ["sample", "seed"])
def test_tsv_aligned_again_presegmented_gives_the_same_groups(tmp_path, sample_pair, request, pair):
    if pair == "seed":
        data = request.getfixturevalue("shared_data")
        paths = (data / "seed" / "spun-copy.txt", data / "seed" / "rferl-original.txt")
    else:
        paths = sample_pair
    # The aligner's own groups come back; a hand edit would not (the aligner would link again what a
    # reviewer unlinked), which is why the TSV is no way to keep a review: the project file is.
    c = compare_files(*paths)
    expected = _split(to_tsv(c), tmp_path)
    again = compare_files(tmp_path / "l.txt", tmp_path / "r.txt", presegmented=True)
    got = []
    for g in again.groups:
        if g.kind is GroupKind.MOVED and not g.left:
            continue
        right = again.groups[g.partner].right if g.partner is not None else g.right
        got.append((g.left, right))
    assert sorted(got) == sorted(expected)
