"""Hostile and legacy input (issue 10): .docx bombs and entities, legacy code pages, stray bytes, files
whose paragraphs are in different encodings. Every input is built here, small, in tmp_path."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

import pytest

from drift_viewer.engine.errors import InputError
from drift_viewer.engine.load import docx as docx_mod
from drift_viewer.engine.load import load_file

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_PARA = b"<w:p><w:r><w:t>All work and no play makes Jack a dull boy, said the city.</w:t></w:r></w:p>"


def make_docx(path: Path, body: Iterable[bytes], prolog: bytes = b'<?xml version="1.0" encoding="UTF-8"?>') -> Path:
    """A minimal .docx whose document.xml is `prolog`, <w:document><w:body>, the body pieces, and the end."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(prolog + f"<w:document {_W}><w:body>".encode())
            for piece in body:
                fh.write(piece)
            fh.write(b"</w:body></w:document>")
    return path


def _reason(path: Path, **kwargs) -> str:
    with pytest.raises(InputError) as info:
        load_file(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message and message.startswith(str(path))
    return info.value.reason


# --- .docx -------------------------------------------------------------------------------------------------


def test_docx_text_after_an_entity_or_character_reference_is_kept(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "amp.docx",
        [
            b"<w:p><w:r><w:t>Sold by &amp; to the city.</w:t></w:r></w:p>",
            b"<w:p><w:r><w:t>Caf&#233; &#x2014; ok.</w:t></w:r></w:p>",
        ],
    )
    assert load_file(path).text == "Sold by & to the city.\n\nCafé — ok."


def test_docx_text_after_a_declared_entity_is_kept(tmp_path: Path) -> None:
    # python-docx kept &co; as a child node and read "Sold by" only.
    prolog = b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY co "the city">]>'
    path = make_docx(tmp_path / "dtd.docx", [b"<w:p><w:r><w:t>Sold by &co; to the people.</w:t></w:r></w:p>"], prolog)
    assert load_file(path).text == "Sold by the city to the people."


def test_docx_external_entity_is_refused_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    prolog = f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret}">]>'.encode()
    path = make_docx(tmp_path / "xxe.docx", [b"<w:p><w:r><w:t>A &x; B</w:t></w:r></w:p>"], prolog)
    assert "outside file" in _reason(path)


def test_docx_runs_tabs_breaks_tables_and_tracked_changes(tmp_path: Path) -> None:
    body = [
        b"<w:p><w:r><w:t>One</w:t><w:tab/><w:t>two</w:t><w:br/><w:t>three</w:t></w:r>",
        b'<w:r><w:br w:type="page"/></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>',
        b"<w:ins><w:r><w:t> added</w:t></w:r></w:ins></w:p>",
        b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one.</w:t></w:r></w:p></w:tc>",
        b"<w:tc><w:p><w:r><w:t>Cell two.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    ]
    path = make_docx(tmp_path / "runs.docx", body)
    assert load_file(path).text == "One\ttwo\nthree added\n\nCell one.\n\nCell two."


def test_docx_bomb_is_refused_by_its_stated_size(tmp_path: Path) -> None:
    # 20 MB of paragraphs in about 60 kB: over 20 x a 100 kB --max-bytes before a byte is parsed.
    path = make_docx(tmp_path / "bomb.docx", (_PARA * 10_000 for _ in range(26)))
    assert path.stat().st_size < 200_000
    reason = _reason(path, max_bytes=100_000)
    assert "2,000,000 bytes of XML" in reason and "--max-expanded" in reason


def test_docx_bomb_stops_at_the_text_limit(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "bomb.docx", (_PARA * 10_000 for _ in range(26)))
    reason = _reason(path, max_bytes=100_000, max_expanded=10**12)
    assert "100,000 bytes of text" in reason and "--max-bytes" in reason


def test_docx_single_huge_run_stops_at_the_text_limit(tmp_path: Path) -> None:
    body = [b"<w:p><w:r><w:t>", *(b"a" * (1 << 20) for _ in range(16)), b"</w:t></w:r></w:p>"]
    path = make_docx(tmp_path / "run.docx", body)
    assert "bytes of text" in _reason(path, max_bytes=1_000_000, max_expanded=10**12)


def test_docx_whose_zip_lies_about_its_size_is_capped_while_reading(tmp_path: Path, monkeypatch) -> None:
    path = make_docx(tmp_path / "liar.docx", (_PARA * 10_000 for _ in range(3)))
    monkeypatch.setattr(docx_mod, "_stated_size", lambda info: 0)  # as a crafted central directory would say
    assert "500,000 bytes of XML" in _reason(path, max_expanded=500_000)


def test_docx_damaged_xml_is_one_line(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "bad.docx", [b"<w:p><w:r><w:t>open"])
    assert "not a readable .docx" in _reason(path)


# --- HTML entities -----------------------------------------------------------------------------------------


def test_html_text_after_entities_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text("<html><body><p>Sold by &amp; to the city &#8212; and &copy; 2024 &bogus; end.</p></body></html>")
    assert load_file(path).text == "Sold by & to the city — and © 2024 &bogus; end."


def test_html_entity_expansion_obeys_the_limit(tmp_path: Path) -> None:
    page = "<html><body><p>" + "&nGt;" * 20_000 + "</p></body></html>"  # 5 bytes each, 6 bytes of text
    path = tmp_path / "e.html"
    path.write_text(page)
    assert "entities are expanded" in _reason(path, max_bytes=len(page) + 10)


# --- legacy code pages ---------------------------------------------------------------------------------------

FRENCH = "Il était très content de voir là-bas une œuvre de son père. À bientôt, dit-il, et il partit vers l'église."
GERMAN = "Die Straße führt über die Brücke. Größere Geschäfte müssen früher schließen, während kleine Läden öffnen. "


@pytest.mark.parametrize(
    ("text", "encoding", "language"),
    [
        (FRENCH, "cp1252", "fr"),  # 115 bytes: was cp1250, "trčs", "lŕ", "śuvre"
        (FRENCH * 70, "cp1252", "fr"),  # 8 kB
        (GERMAN * 75, "latin-1", "de"),  # was cp1250 (same letters; cp1252 is preferred)
        ("Příliš žluťoučký kůň úpěl ďábelské ódy. Zítra večer přijedou.", "cp1250", "cs"),
        ("Zażółć gęślą jaźń, powiedział. Będę jutro w Łodzi.", "cp1250", "pl"),
        ("Москва - столица России, большой и красивый город.", "koi8-r", "ru"),
        ("Москва - столица России, большой и красивый город.", "cp1251", "ru"),
        ("Γειά σου κόσμε, αυτό είναι ελληνικά κείμενα.", "cp1253", "el"),
    ],
)
def test_legacy_code_page_is_judged_by_its_letters(tmp_path: Path, text: str, encoding: str, language: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = load_file(path)
    assert doc.text == text
    expected = "cp1252" if encoding == "latin-1" else encoding
    assert doc.encoding == expected
    assert len(doc.warnings) == 1 and expected in doc.warnings[0] and f"language: {language}" in doc.warnings[0]


def test_html_declared_utf8_but_cp1252_is_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = '<html><head><meta charset="utf-8"></head><body><p>Le café était fermé à midi.</p></body></html>'
    path.write_bytes(page.encode("cp1252"))
    doc = load_file(path)
    assert doc.text == "Le café était fermé à midi."  # was "Le cafť ťtait fermť ŗ midi."
    assert doc.encoding == "cp1252" and "declares charset 'utf-8'" in doc.warnings[0]


def test_mostly_utf8_keeps_utf8_and_marks_bad_bytes(tmp_path: Path) -> None:
    path = tmp_path / "stray.txt"
    good = (GERMAN * 20).encode("utf-8")
    path.write_bytes(good + b"\x80 und \xff weiter. " + good)
    doc = load_file(path)  # was refused: "is not text in any encoding that could be recognised"
    assert doc.encoding == "utf-8"
    assert doc.text == GERMAN * 20 + "\ufffd und \ufffd weiter. " + GERMAN * 20
    assert doc.warnings == (f"2 bytes are not valid UTF-8 (the first at byte {len(good):,}); each is shown as U+FFFD",)


def test_utf8_paragraph_with_latin1_bytes_is_not_read_as_cp1250(tmp_path: Path) -> None:
    path = tmp_path / "stray2.txt"
    path.write_bytes("Die Straße führt über die Brücke, sagte er.".encode() + b" \xe4\xe4 x\x81")
    doc = load_file(path)  # was cp1250 for the whole file: "StraĂźe fĂĽhrt"
    assert doc.text.startswith("Die Straße führt über die Brücke") and doc.text.count("\ufffd") == 3
    assert doc.encoding == "utf-8" and "3 bytes are not valid UTF-8" in doc.warnings[0]


def test_ascii_with_stray_bytes_shows_replacement_characters(tmp_path: Path) -> None:
    path = tmp_path / "ascii.txt"
    path.write_bytes(b"Hello world, this is plain text.\xff\xfe\x80 And it goes on.\n")
    doc = load_file(path)  # was "ÿþ€" (or "яюЂ"), silently
    assert doc.text == "Hello world, this is plain text.\ufffd\ufffd\ufffd And it goes on.\n"
    assert doc.warnings and "3 bytes are not valid UTF-8 (the first at byte 32)" in doc.warnings[0]


def test_paragraphs_in_different_encodings_are_read_one_by_one(tmp_path: Path) -> None:
    parts = [
        ("Der Weg über die Brücke ist schön, sagte sie.", "utf-8"),
        ("La fenêtre était ouverte, très grande et très belle.", "latin-1"),
        ("Москва - столица России, большой и красивый город.", "koi8-r"),
    ]
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\n\n".join(text.encode(enc) for text, enc in parts) + b"\n")
    doc = load_file(path)  # was refused, or one code page for all (the Russian as Arabic letters)
    assert doc.text == "\n\n".join(text for text, _ in parts) + "\n"
    assert doc.encoding == "utf-8+cp1252+koi8-r"
    assert "different encodings" in doc.warnings[0] and "1 in koi8-r (Cyrillic)" in doc.warnings[0]


def test_encoding_option_overrides_detection(tmp_path: Path) -> None:
    path = tmp_path / "fr.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    doc = load_file(path, encoding="cp1250")
    assert doc.encoding == "cp1250" and "trčs" in doc.text and doc.warnings == ()
    utf8 = load_file(path, encoding="utf-8")
    assert utf8.text.count("\ufffd") == 8 and "not valid utf-8 (--encoding utf-8)" in utf8.warnings[0]
    with pytest.raises(InputError):
        load_file(path, encoding="no-such-codec")


def test_utf8_and_east_asian_files(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_text(GERMAN, encoding="utf-8")
    assert load_file(path).warnings == ()
    sjis = tmp_path / "ja.txt"
    sjis.write_bytes(("日本語のテキストです。これは東京の話です。" * 20).encode("shift_jis"))
    doc = load_file(sjis)
    assert doc.text.startswith("日本語のテキスト") and doc.warnings


def test_english_with_curly_quotes_and_a_french_paragraph_is_one_code_page(tmp_path: Path) -> None:
    # Each paragraph counts in its own language: as one English text, the French letters made mac-roman
    # ("‡" for "à") look better than cp1252.
    english = "\u201cThou art the man,\u201d he said; \u2018and it\u2019s true.\u2019 They went home. " * 3
    paragraphs = [english] * 6 + [FRENCH] * 4
    path = tmp_path / "bilingual.txt"
    path.write_bytes("\n\n".join(paragraphs).encode("cp1252"))
    doc = load_file(path)
    assert doc.text == "\n\n".join(paragraphs) and doc.encoding == "cp1252"
    assert len(doc.warnings) == 1 and "read as cp1252" in doc.warnings[0]


BOMLESS = {
    "ru": "Привет, мир. Это проверка файла без метки порядка байтов.\n",
    "el": "Καλημέρα κόσμε. Αυτό είναι ένα αρχείο χωρίς σήμανση.\n",
    "ja": "こんにちは、世界。私はカタカナのテキストも書きます。\n",
    "zh": "北京 是 中国 的首都. 上海 是 一个 大城市.\n",
    "ar": "مرحبا بالعالم. هذا ملف بدون علامة ترتيب البايت.\n",
    "de": "Grüße aus Köln. Zweite Zeile.\n",
    "zh-digits": "“我们等了太久了。”工程最早可能在5月开工，一共需要12个月。",
    "ja-none": "山本市長は市役所前で「きれいな水を待ち続けてきた」と語った。",
}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("language", sorted(BOMLESS))
def test_bomless_utf16_in_any_script_is_read_and_said(tmp_path: Path, language: str, codec: str) -> None:
    # Only spaces and punctuation carry NULs outside Latin script: the NUL count alone took these for binary.
    path = tmp_path / "u16.txt"
    path.write_bytes(BOMLESS[language].encode(codec))
    doc = load_file(path)
    assert doc.text == BOMLESS[language]
    assert doc.encoding == codec
    assert any("no byte-order mark" in w for w in doc.warnings)


def test_binary_with_nuls_on_one_parity_is_still_refused(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    data = bytearray()
    for _ in range(5000):  # 16-bit samples: every third high byte zero, as in a quiet sound or an index
        data += bytes([rng.randrange(256), 0 if rng.random() < 0.3 else rng.randrange(256)])
    path = tmp_path / "samples.bin"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="binary"):
        load_file(path)


@pytest.mark.parametrize(
    ("text", "codec"),
    [("kosztować 140 milionów", "cp1250"), ("Le café était déjà fermé !", "cp1252"), ("Это проверка, да!!", "cp1251")],
)
def test_short_legacy_text_is_not_read_as_utf16(tmp_path: Path, text: str, codec: str) -> None:
    # Even-length legacy bytes read as UTF-16 are ideographs of one script too: the code page must win.
    data = text.encode(codec)
    assert len(data) % 2 == 0
    path = tmp_path / "short.txt"
    path.write_bytes(data)
    doc = load_file(path)
    assert doc.text == text
    assert "utf-16" not in doc.encoding


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", ["Mayor Haines said no. The vote was delayed.\n", BOMLESS["ru"], BOMLESS["ja"]])
def test_bomless_utf32_is_read_and_said(tmp_path: Path, codec: str, text: str) -> None:
    # Was refused as "a binary file (it holds NUL bytes)": three NULs in four bytes for Latin text.
    path = tmp_path / "u32.txt"
    path.write_bytes(text.encode(codec))
    doc = load_file(path)
    assert doc.text == text and doc.encoding == codec
    assert doc.warnings == (f"has no byte-order mark; read as {codec.upper()}, which the pattern of its bytes shows",)


def test_utf8_with_terminal_escapes_is_not_read_as_utf16(tmp_path: Path) -> None:
    # A log with colour codes or a stray BEL: valid UTF-8 with more than 1% controls and an even length
    # was read as UTF-16-BE ideographs ("Bush hid the facts" with controls).
    sentence = (
        "Mayor John Haines said on Monday that the council will not approve the new budget of 4.5 million "
        "dollars. The vote was delayed until March. Residents were angry."
    )
    text = sentence.replace(" ", "\x07", 3).replace("said", "sa\x1bid")
    assert len(text) % 2 == 0
    path = tmp_path / "log.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = load_file(path)
    assert doc.text == text and doc.encoding == "utf-8" and doc.warnings == ()
