"""A corpus of hostile files, built on demand (nothing binary is committed): binary formats, NULs, broken
and legacy encodings, odd line ends, degenerate texts, markup meant to run, invisible and look-alike
characters, and file names that look like options. `build(folder)` writes them and base.txt
and returns {name: path}; `BASE` is the sentence every file is compared against.

Run as a script to write the corpus somewhere for a manual pass over every entry point:
    python -m tests.hostile_corpus /tmp/hostile
"""

from __future__ import annotations

import io
import struct
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path

BASE = (
    "Mayor John Haines said on Monday that the council will not approve the new budget of 4.5 million "
    "dollars. The vote was delayed until March. Residents were angry."
)
_FR = "Le maire Jean Hainé a déclaré lundi que le conseil n’approuvera pas le budget. « Très bien », dit-il."
_JA = "田中市長は月曜日、議会が新しい予算を承認しないと述べた。投票は三月まで延期された。"
_ZH = "市长张伟周一表示，议会不会批准新的预算。投票推迟到三月。居民们很生气。"
_RU = "Мэр Иван Петров заявил в понедельник, что совет не утвердит новый бюджет. Голосование отложено."
# Invisible or disguised characters put inside the name "Haines": each must come out as a hidden change.
INSIDE_NAME = {
    "zwsp": "Hai\u200bnes",
    "shy": "Hai\u00adnes",
    "zwj": "Hai\u200dnes",
    "word_joiner": "Hai\u2060nes",
    "bom_inside": "Hai\ufeffnes",
    "rlo": "Hai\u202enes\u202c",
    "tags": "Hai\U000e0065\U000e0076nes",
    "escape": "Hai\x1bnes",
    "homoglyph": "H\u0430ines",  # Cyrillic а
}


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" + b"\xff" * 6))


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", BASE)
    return buffer.getvalue()


def contents() -> dict[str, bytes]:
    """Every hostile file's name and bytes."""
    files: dict[str, bytes] = {
        "image.png": _png(),
        "paper.pdf": b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nstream\n" + bytes(range(256)) * 4 + b"\n%%EOF\n",
        "archive.zip": _zip(),
        "program.elf": b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8,
        "nuls.txt": BASE.replace(" ", "\x00").encode(),
        "two_nuls.txt": (BASE + "\x00\x00").encode(),
        "bad_utf8.txt": BASE.encode() + b" \xff\xfe\xc3\x28 \xe2\x82 and more.",
        "cr_only.txt": BASE.replace(". ", ".\r").encode(),
        "mixed_eol.txt": b"Line one.\r\nLine two.\rLine three.\nLine four.\r\r\nLine five.",
        "only_spaces.txt": " \t\n\r\n   \u00a0\u3000\n".encode() * 200,
        "only_punct.txt": "!?.,;:-—()[]{}".encode() * 200,
        "empty.txt": b"",
        "long_word.txt": b"x" * 100_000 + b" end. " + b"y" * 100_000,
        "nested.html": b"<html><body>" + b"<div>" * 20_000 + b"<p>Deep text here.</p>" + b"</div>" * 20_000,
        "malformed.html": b"<html><body><p>Unclosed <b>bold <p>Mayor Haines said no.</div></span><<>><!-- open",
        "scripts.html": (
            b'<html><head><script>document.title="PWNED";window.__pwned=1</script></head><body><p>Mayor Haines '
            b'said the <a href="javascript:window.__pwned=2">vote</a> was delayed.</p><iframe '
            b'src="javascript:window.__pwned=3"></iframe><img src=x onerror="window.__pwned=4"></body></html>'
        ),
        "injection.md": (
            b"# Title <script>window.__pwned=5</script>\n\nMayor Haines said [click](javascript:window.__pwned=6)"
            b' and ![i](x) <iframe src="javascript:1"></iframe>.\n\n[r]: javascript:window.__pwned=7\n'
        ),
        "injection.txt": (
            b"Mayor <script>window.__pwned=8</script> Haines said <img src=x onerror=window.__pwned=9> the vote "
            b"</td></tr></table> **bold** {{t}} was delayed. &lt;b&gt; &amp; done."
        ),
        "nfd.txt": unicodedata.normalize("NFD", BASE.replace("Haines", "Hainés")).encode(),
        "combining.txt": BASE.replace("Haines", "Ha\u0336i\u0336nes" + "\u0301" * 50).encode(),
        "emoji.txt": BASE.replace("Residents", "👨‍👩‍👧‍👦 Residents 🏳️‍🌈").encode(),
        "surrogate_bytes.txt": BASE.encode() + b" \xed\xa0\x80 lone surrogate.",
        "terminal_escapes.txt": BASE.replace("the council", "\x1b[31mthe council\x1b[0m\x07").encode(),
        "utf16_bom.txt": BASE.encode("utf-16"),
        "utf16le.txt": BASE.encode("utf-16-le"),
        "utf16be.txt": BASE.encode("utf-16-be"),
        "utf32_bom.txt": BASE.encode("utf-32"),
        "utf32le.txt": BASE.encode("utf-32-le"),
        "utf32be.txt": BASE.encode("utf-32-be"),
        "utf8_bom.txt": BASE.encode("utf-8-sig"),
        "latin1.txt": _FR.replace("’", "'").replace("« ", '"').replace(" »", '"').encode("latin-1"),
        "cp1252.txt": _FR.encode("cp1252"),
        "shift_jis.txt": _JA.encode("shift_jis"),
        "gb18030.txt": _ZH.encode("gb18030"),
        "koi8_r.txt": _RU.encode("koi8-r"),
        "many_lines.txt": b"a\n" * 20_000,
        "name with spaces.txt": BASE.encode(),
        "ünïcödé ✓ 名前.txt": BASE.encode(),
        "-leading-dash.txt": BASE.encode(),
    }
    for name, word in INSIDE_NAME.items():
        files[f"inside_{name}.txt"] = BASE.replace("Haines", word).encode()
    return files


def build(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "base.txt").write_text(BASE, encoding="utf-8")
    out = {"base.txt": folder / "base.txt"}
    for name, data in contents().items():
        path = folder / name
        path.write_bytes(data)
        out[name] = path
    return out


if __name__ == "__main__":
    for built in build(Path(sys.argv[1])).values():
        print(built)
