"""`align A B C` (found by integ3): a third file is refused in words that say what to run instead, not
with argparse's bare 'unrecognized arguments'. (`report A B C` now writes the three-version report:
tests/report/test_three_report.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer import cli

DATA = Path(__file__).resolve().parent / "engine" / "data" / "translation"
A, B, C = (str(DATA / name) for name in ("en-de.en.txt", "en-de.de.txt", "en-de.back.txt"))


def test_align_refuses_three_versions_saying_what_takes_them(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["align", A, B, C, "-o", str(tmp_path / "out.txt")])
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert "align takes two versions" in err and "drift-viewer compare A B C" in err
    assert "drift-viewer report A B C" in err
    assert not (tmp_path / "out.txt").exists()


def test_three_versions_refuse_formats_that_hold_two(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["compare", A, B, C, "--format", "csv"])
    assert exit_.value.code == 2
    assert "three versions are written as --format text or json, not csv" in capsys.readouterr().err
