"""Did a speed change change a result? Writes every output of the check set (seed pair, the bundled
sample, the NT pair) with the tree under test, then compares each with the one saved before:

    python benchmarks/same_output.py save DIR     # before the change
    python benchmarks/same_output.py check DIR    # after it: byte for byte, the version and paths masked
    python benchmarks/same_output.py check DIR --quick   # the JSON only

The JSON is compared byte for byte (its "generator", "path" and "modified" values masked: the version, and where each tree keeps the sample), the text
and CSV outputs too. The NT pair is built as speed.py builds it (each chapter a paragraph).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import speed

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "data" / "seed"
PAIRS = {
    "seed": (SEED / "rferl-original.txt", SEED / "spun-copy.txt"),
    "sample": (ROOT / "resources" / "samples" / "original.txt", ROOT / "resources" / "samples" / "rewrite.txt"),
}
FORMATS = ("json", "text", "csv", "md", "facts")
# The version, and where the bundled sample lies (another tree holds it elsewhere, checked out later).
_MASKED = re.compile(rb'"(generator|path|modified)": "[^"]*"')


def _pairs() -> dict[str, tuple[Path, Path]]:
    pairs = {name: pair for name, pair in PAIRS.items() if pair[0].exists()}
    if speed.NT_DIR.exists():
        # One place and one time stamp, as the JSON holds each file's path and modification time.
        work = Path(tempfile.gettempdir()) / "drift-viewer-same-output"
        work.mkdir(exist_ok=True)
        nt = speed.make_series(work, [1])[0]
        for path in (nt.left, nt.right):
            os.utime(path, (1e9, 1e9))
        pairs["nt"] = (nt.left, nt.right)
    return pairs


def write_all(out: Path, formats: tuple[str, ...] = FORMATS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (left, right) in _pairs().items():
        for fmt in formats:
            target = out / f"{name}.{fmt}"
            cmd = [sys.executable, "-m", "drift_viewer", "compare", str(left), str(right)]
            cmd += ["--format", fmt, "-o", str(target)]
            done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
            if done.returncode not in (0, 1):
                raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr}")
            written.append(target)
    return written


def _masked(path: Path) -> bytes:
    return _MASKED.sub(rb'"\1": ""', path.read_bytes())


def main(argv: list[str]) -> int:
    quick = "--quick" in argv  # the JSON alone: it holds every group, change and fact
    argv = [a for a in argv if a != "--quick"]
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print(__doc__)
        return 2
    where = Path(argv[1])
    if argv[0] == "save":
        for path in write_all(where):
            print("saved", path)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        differ = 0
        for path in write_all(Path(tmp), ("json",) if quick else FORMATS):
            before = where / path.name
            same = before.exists() and _masked(before) == _masked(path)
            differ += not same
            print("same   " if same else "DIFFERS", path.name)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
