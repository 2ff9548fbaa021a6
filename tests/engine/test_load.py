from __future__ import annotations

import os
import sys
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drift_viewer.engine.errors import InputError
from drift_viewer.engine.load import document_from_text, load_file, normalise
from drift_viewer.engine.load.html import html_to_text

# --- normalise ---------------------------------------------------------------------------------------------


def test_normalise_unchanged_text_has_no_map() -> None:
    assert normalise("plain text\nline two") == ("plain text\nline two", None)


def test_normalise_newlines_map_back() -> None:
    decoded = "a\r\nb\rc\u2028d\u2029e\x85f"
    text, offsets = normalise(decoded)
    assert text == "a\nb\nc\nd\n\ne\nf"
    assert offsets is not None and len(offsets) == len(text) + 1
    assert [decoded[offsets[i]] for i in range(len(text)) if text[i] != "\n"] == list("abcdef")
    assert offsets[-1] == len(decoded)


def test_normalise_composes_to_nfc_and_maps_to_the_base_character() -> None:
    decoded = "Cafe\u0301 cre\u0300me"
    text, offsets = normalise(decoded)
    assert text == "Café crème"
    assert offsets is not None
    assert decoded[offsets[text.index("é")]] == "e"
    assert decoded[offsets[text.index("m")]] == "m"


def test_normalise_hangul_jamo() -> None:
    decoded = "\u1100\u1161\u11a8 x"  # L V T jamo compose to one syllable
    text, offsets = normalise(decoded)
    assert text == unicodedata.normalize("NFC", decoded)
    assert offsets is not None and offsets[text.index("x")] == decoded.index("x")


_NORMALISE_PIECES = list("ae \r\n\u0301\u0308\u0323\u1100\u1161\u11a8\uac00\u2028\u2029\x85Å") + ["\r\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NORMALISE_PIECES), max_size=40).map("".join))
def test_normalise_properties(decoded: str) -> None:
    text, offsets = normalise(decoded)
    expected = unicodedata.normalize(
        "NFC", decoded.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n").replace("\u2028", "\n")
    )
    assert text == expected.replace("\u2029", "\n\n")
    if offsets is None:
        assert text == decoded
    else:
        assert len(offsets) == len(text) + 1
        assert list(offsets) == sorted(offsets)
        assert offsets[-1] == len(decoded)
        assert all(0 <= o <= len(decoded) for o in offsets)


# --- decoding --------------------------------------------------------------------------------------------

TEXT = "Grüße aus Köln — “quoted” and naïve café.\nZweite Zeile.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    doc = load_file(path)
    assert doc.text == TEXT
    assert doc.encoding == encoding
    assert doc.size == len(data)


def test_legacy_8bit_encoding_is_detected(tmp_path: Path) -> None:
    text = (
        "Die Bürger der Stadt München waren über die Änderung der Öffnungszeiten sehr verärgert. "
        "Größere Geschäfte müssen künftig früher schließen, während kleine Läden länger öffnen dürfen.\n"
    ) * 5
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_file(path)
    assert doc.text == text
    assert doc.encoding != "utf-8"  # cp1252, or a code page that reads these bytes the same (cp1250)


def test_crlf_file_keeps_offsets_into_the_decoded_text(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"One.\r\nTwo.\r\n")
    doc = load_file(path)
    assert doc.text == "One.\nTwo.\n"
    assert doc.source_offset(doc.text.index("T")) == 6


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = load_file(path)
    assert doc.text == "" and doc.size == 0 and doc.source_offsets is None


def test_a_stray_nul_is_kept_as_a_replacement_character(tmp_path: Path) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"Hello\x00 world.")
    doc = load_file(path)
    assert doc.text == "Hello\ufffd world."


# --- bad input: one clear line, never a traceback -----------------------------------------------------------


def _reason(path: Path, **kwargs: int) -> str:
    with pytest.raises(InputError) as info:
        load_file(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return info.value.reason


def test_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.txt") == "no such file"


def test_folder(tmp_path: Path) -> None:
    assert _reason(tmp_path) == "is a folder, not a file"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert "binary" in _reason(path)


def test_known_binary_formats_are_named(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "PDF" in _reason(path)


def test_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    assert "over the 100-byte limit" in _reason(path, max_bytes=100)
    assert load_file(path, max_bytes=101).text == "x" * 101


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root reads any file; needs a normal user")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    try:
        assert _reason(path) == "permission denied"
    finally:
        path.chmod(0o600)


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root the real check cannot fail, so the open() is made to."""
    path = tmp_path / "secret.txt"
    path.write_text("hidden")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    assert _reason(path) == "permission denied"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert "not a regular file" in _reason(path)


def test_undecodable_bom(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\x00\xd8")  # a lone surrogate after a UTF-16 BOM
    assert "byte-order mark" in _reason(path)


def test_damaged_docx(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip at all")
    assert "not a readable .docx" in _reason(path)


# --- HTML ----------------------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Title</title><style>p { color: red }</style>
<script>var s = "<p>not text</p>";</script></head>
<body><h1>Live  briefing</h1><p>First   sentence &amp; more.<br>Next line &#8212; here.</p>
<div hidden>secret</div><ul><li>one</li><li>two</li></ul><pre>a  b
 c</pre><p>tail <b>bold</b>.</p></body></html>"""


def test_html_visible_text_only() -> None:
    text, offsets = html_to_text(PAGE)
    assert text == "Live briefing\n\nFirst sentence & more.\nNext line — here.\n\none\n\ntwo\n\na  b\n c\n\ntail bold."
    assert len(offsets) == len(text) + 1
    for i, ch in enumerate(text):
        if ch.strip() and ch not in "&—":
            assert PAGE[offsets[i]] == ch
    assert PAGE[offsets[text.index("&")] :].startswith("&amp;")


def test_html_file_loads_with_offsets_into_the_source(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.replace("\n", "\r\n").encode("utf-8"))
    doc = load_file(path)
    assert doc.text.startswith("Live briefing\n\nFirst sentence")
    source = PAGE.replace("\n", "\r\n")
    assert source[doc.source_offset(doc.text.index("First"))] == "F"
    assert source[doc.source_offset(doc.text.index("tail")) :].startswith("tail")


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café “déjà vu”.</p></body></html>'
    path = tmp_path / "old.htm"
    path.write_bytes(page.encode("cp1252"))
    doc = load_file(path)
    assert doc.text == "Café “déjà vu”."
    assert doc.encoding == "cp1252"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<br>",
                "<script>",
                "</script>",
                "a b",
                "&amp;",
                "&#233;",
                "  ",
                "\n",
                "<div hidden>",
                "</div>",
                "<pre>",
                "</pre>",
                "&bogus;",
                "x",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_html_offsets_are_ordered_and_in_range(page: str) -> None:
    text, offsets = html_to_text(page)
    assert len(offsets) == len(text) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(page) for o in offsets)


# --- docx ------------------------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Live briefing", level=1)
    document.add_paragraph("First sentence. Second sentence.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Cell one."
    table.rows[0].cells[1].text = "Cell two."
    document.add_paragraph("After the table.")
    path = tmp_path / "story.docx"
    document.save(str(path))
    doc = load_file(path)
    assert doc.text == "Live briefing\n\nFirst sentence. Second sentence.\n\nCell one.\n\nCell two.\n\nAfter the table."
    assert (doc.format, doc.encoding) == ("docx", "utf-8")


# --- the seed and pasted text --------------------------------------------------------------------------------


def test_seed_files_load(seed: tuple[Path, Path]) -> None:
    for path in seed:
        doc = load_file(path)
        assert doc.encoding == "utf-8"
        assert "Blinken" in doc.text
        assert doc.name == path.name


def test_document_from_text() -> None:
    doc = document_from_text("Cafe\u0301\r\nNext", "left")
    assert doc.text == "Café\nNext"
    assert doc.name == "left"
    assert doc.source_offsets is not None and doc.source_offset(len(doc.text)) == len("Cafe\u0301\r\nNext")
