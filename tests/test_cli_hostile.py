"""The command line on hostile input and output (issue 10): warnings on stderr and in the JSON and report,
zip bombs refused in one line, non-UTF-8 file names in every output, no temp file left on any failure,
messages that name the user's path, exit 2 on trouble."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from drift_viewer.cli import main
from drift_viewer.engine.lexicon import hidden
from tests.engine.test_load_hostile import _PARA, FRENCH, make_docx


def run(*args: str | bytes, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "drift_viewer", *args], capture_output=True, timeout=120, cwd=cwd)


def _files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The cat sat on the mat. It was warm.", encoding="utf-8")
    b.write_text("The cat sat on the rug. It was warm.", encoding="utf-8")
    return a, b


def test_legacy_file_warns_on_stderr_in_json_and_in_the_report(tmp_path: Path) -> None:
    left = tmp_path / "fr.txt"
    left.write_bytes(FRENCH.encode("cp1252"))
    right = tmp_path / "fr8.txt"
    right.write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "c.json"
    result = run("compare", str(left), str(right), "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"drift-viewer: warning: {left}: ") and "cp1252" in lines[0]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["left"]["encoding"] == "cp1252" and "cp1252" in data["left"]["warnings"][0]
    assert data["right"]["warnings"] == []
    report = tmp_path / "r.html"
    assert run("report", str(left), str(right), "-o", str(report)).returncode == 0
    page = report.read_text(encoding="utf-8")
    assert 'id="warnings"' in page and "fr.txt: is not UTF-8; read as cp1252" in page


def test_utf8_files_have_no_warnings(pair: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "c.json"
    result = run("compare", *map(str, pair), "--format", "json", "-o", str(out))
    assert result.returncode == 1 and result.stderr == b""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["left"]["warnings"] == [] == data["right"]["warnings"]


def test_encoding_option(tmp_path: Path) -> None:
    left = tmp_path / "fr.txt"
    left.write_bytes(FRENCH.encode("cp1252"))
    result = run("compare", str(left), str(left), "--encoding", "cp1252")
    assert result.returncode == 0 and result.stderr == b""
    bogus = run("compare", str(left), str(left), "--encoding", "nonesuch")
    assert bogus.returncode == 2 and bogus.stderr.decode().count("\n") == 1 and b"nonesuch" in bogus.stderr


def test_docx_bomb_is_one_line_exit_2(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    bomb = make_docx(tmp_path / "bomb.docx", (_PARA * 10_000 for _ in range(26)))
    for extra in ((), ("--max-expanded", "1000000000")):
        result = run("compare", str(bomb), str(pair[1]), "--max-bytes", "100000", *extra)
        assert result.returncode == 2
        lines = result.stderr.decode().splitlines()
        assert (
            len(lines) == 1
            and lines[0].startswith(f"drift-viewer: {bomb}: ")
            and "100,000" in lines[0]
            or ("2,000,000" in lines[0])
        )
        assert "Traceback" not in result.stderr.decode()


def test_non_utf8_file_name_in_every_output(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    name = os.fsdecode(raw)  # holds a lone surrogate (surrogateescape)
    Path(name).write_text("The cat sat on the mat. It was warm.", encoding="utf-8")
    out = tmp_path / "out.json"
    result = run("compare", raw, str(pair[1]), "--format", "json", "-o", str(out))
    assert result.returncode == 1, result.stderr  # was a UnicodeEncodeError traceback, exit 1
    data = json.loads(out.read_text(encoding="utf-8"))
    assert os.fsencode(data["left"]["name"]) == b"caf\xe9.txt"
    assert os.fsencode(data["left"]["path"]) == raw
    text = run("compare", raw, str(pair[1]))
    assert text.returncode == 1 and text.stdout.startswith(b"caf\xe9.txt (")
    report = tmp_path / "r.html"
    assert run("report", raw, str(pair[1]), "-o", str(report)).returncode == 1
    assert "caf\ufffd.txt" in report.read_text(encoding="utf-8")
    missing = run("compare", os.fsencode(str(tmp_path)) + b"/gone\xff.txt", str(pair[1]))
    assert missing.returncode == 2 and b"gone\xff.txt: no such file" in missing.stderr
    assert _files(tmp_path) == {"a.txt", "b.txt", os.path.basename(name), "out.json", "r.html"}


@pytest.mark.parametrize("command", ["compare", "align", "report"])
def test_output_naming_a_folder(tmp_path: Path, pair: tuple[Path, Path], command: str) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    before = _files(tmp_path)
    result = run(command, *map(str, pair), "-o", str(folder))
    assert result.returncode == 2
    assert result.stderr.decode() == f"drift-viewer: {folder}: cannot be written (it is a folder; give a file name)\n"
    assert _files(tmp_path) == before and _files(folder) == set()


def test_output_in_a_missing_folder(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    result = run("compare", *map(str, pair), "-o", str(tmp_path / "nope" / "out.txt"))
    assert result.returncode == 2 and f"{tmp_path / 'nope' / 'out.txt'}: cannot be written" in result.stderr.decode()


@pytest.mark.parametrize("command", ["compare", "align"])
def test_full_disk_leaves_no_temp_file_and_names_the_output(
    tmp_path: Path, pair: tuple[Path, Path], command: str, monkeypatch, capsys
) -> None:
    class Full:
        def __init__(self, fd: int, mode: str) -> None:
            self.fh = open(fd, mode)  # noqa: SIM115 - closed in __exit__

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.fh.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fdopen", Full)
    out = tmp_path / "out.txt"
    before = _files(tmp_path)
    assert main([command, *map(str, pair), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"drift-viewer: {out}: cannot be written (No space left on device)\n"
    assert _files(tmp_path) == before


def test_output_to_a_pipe_is_written_in_place(tmp_path: Path, pair: tuple[Path, Path]) -> None:
    # A device or FIFO named by -o is written to, not replaced by a regular file (as root, the old temp
    # file and rename replaced /dev/full itself).
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["align", *map(str, pair), "-o", str(fifo)]) == 1
    reader.join(10)
    assert got == [b"[0]:[0]\n[1]:[1]\n"] and fifo.is_fifo()


def test_control_characters_never_reach_the_terminal_raw(tmp_path: Path, capsys) -> None:
    # An ESC in a document is the start of a terminal escape sequence: the text output printed it raw.
    # It hides inside a word as a zero-width space does, so the change is a hidden one.
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("Mayor John Haines said on Monday that the council will not approve it.", encoding="utf-8")
    right.write_text("Mayor John Haines sa\x1bid on Monday that the \x1b]0;pwned\x07council will not approve it.")
    assert main(["compare", str(left), str(right)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "sa\u27e8ESC\u27e9id" in out and "\u27e8ESC\u27e9]0;pwned\u27e8BEL\u27e9council" in out
    assert "hidden: 'said' -> 'sa\\x1bid'" in out


@pytest.mark.parametrize("mark", ["\u200b", "\u00ad", "\u2060", "\u202e"])
def test_invisible_character_inside_a_name_is_one_name_in_the_fact_table(tmp_path: Path, capsys, mark: str) -> None:
    # The fact reader cut "Hai\u200bnes" at the zero-width space: the table said Haines was respelt "Hai".
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    sentence = "Mayor John Haines said on Monday that the council will not approve the budget."
    left.write_text(sentence, encoding="utf-8")
    right.write_text(sentence.replace("Haines", f"Hai{mark}nes"), encoding="utf-8")
    assert main(["compare", str(left), str(right), "--format", "facts"]) == 1
    rows = capsys.readouterr().out.splitlines()
    name = f"Hai\u27e8{hidden.short_name(mark)}\u27e9nes"
    assert f"name,same,0,Haines,{name},11,17,11,18" in rows
    assert not [row for row in rows if ",respelled," in row]
    assert main(["compare", str(left), str(right)]) == 1
    assert f"hidden: 'Haines' -> 'Hai{mark}nes'".encode("unicode_escape").decode() in capsys.readouterr().out
