"""py3langid's model restricted to our languages, read in ~0.1 s instead of inflated in 1-3 s.

py3langid 0.4 ships its model as an LZMA-compressed npz and loads it by inflating 68 MB into a temporary
file: ~0.8 CPU-s and, on a busy disk, 1-3 s of wall time on every start, paid by any short text (a news
article has too few stopwords for language.py's cheap guess). What it ends up with is the same every
time, so the model restricted to our languages is written once, uncompressed (~45 MB), to the user's
cache folder and read back from there. Where no cache can be written the model is inflated in memory,
which still skips the temporary file. The arrays are the ones py3langid builds itself, so every answer is
the same (tests/engine/test_langid_model.py compares the rankings).

DRIFT_VIEWER_CACHE names another cache folder; DRIFT_VIEWER_CACHE=off writes and reads none.
"""

from __future__ import annotations

import hashlib
import io
import lzma
import os
import tempfile
import zipfile
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

_FORMAT = 1  # bump when the arrays written change, so that an old cache file is never read
_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def cache_folder() -> Path | None:
    """Where the restricted model is kept, or None when caching is off."""
    given = os.environ.get("DRIFT_VIEWER_CACHE", "")
    if given.lower() == "off":
        return None
    if given:
        return Path(given)
    import platformdirs  # only here: the cache is the one thing in the engine that needs it

    return Path(platformdirs.user_cache_dir("drift-viewer", appauthor=False))


def load_identifier(languages: Sequence[str]) -> Any:
    """A py3langid LanguageIdentifier over `languages` (codes the model knows)."""
    import py3langid
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    model = Path(MODEL_DIR) / MODEL_FILE
    folder = cache_folder()
    cached = folder / _cache_name(model, py3langid, languages) if folder is not None else None
    arrays = _read(cached) if cached is not None else None
    if arrays is None:
        arrays = _restrict(_inflate(model), languages)
        if cached is not None:
            _write(cached, arrays)
    return LanguageIdentifier(
        np.asarray(arrays["ptc"]),
        np.asarray(arrays["pc"]),
        arrays["classes"].tolist(),
        _stdlib_array(arrays["nextmove"]),
        arrays["out_feat"].tolist(),
        tk_row=_stdlib_array(arrays["nextmove_row"]),
    )


def _cache_name(model: Path, package: Any, languages: Sequence[str]) -> str:
    stat = model.stat()
    key = f"{_FORMAT} {getattr(package, '__version__', '')} {stat.st_size} {stat.st_mtime_ns} {sorted(languages)}"
    return f"langid-{hashlib.sha256(key.encode()).hexdigest()[:16]}.npz"


def _inflate(model: Path) -> dict[str, np.ndarray]:
    with np.load(io.BytesIO(lzma.decompress(model.read_bytes())), allow_pickle=False) as data:
        return {name: data[name] for name in _ARRAYS}


def _restrict(arrays: dict[str, np.ndarray], languages: Sequence[str]) -> dict[str, np.ndarray]:
    # The same selection as LanguageIdentifier.set_languages, done once before saving: the other 120
    # languages' columns are most of the probability table and are never asked for.
    wanted = set(languages)
    unknown = wanted - set(arrays["classes"].tolist())
    if unknown:
        raise ValueError(f"py3langid does not know {sorted(unknown)}")
    keep = [i for i, code in enumerate(arrays["classes"].tolist()) if code in wanted]
    return {**arrays, "ptc": arrays["ptc"][:, keep], "pc": arrays["pc"][keep], "classes": arrays["classes"][keep]}


def _read(path: Path) -> dict[str, np.ndarray] | None:
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {name: data[name] for name in _ARRAYS}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None  # absent, truncated or foreign: build it again
    return arrays


def _write(path: Path, arrays: dict[str, np.ndarray]) -> None:
    # Written beside its final name and renamed, so that a second drift-viewer starting at the same moment
    # reads either no file or a whole one. A cache that cannot be written is only a slower next start.
    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".langid-", suffix=".npz", delete=False) as out:
            temporary = Path(out.name)
            np.savez(out, **arrays)  # type: ignore[arg-type]  # numpy types allow_pickle among the names
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def _stdlib_array(values: np.ndarray) -> array:
    # py3langid walks its automaton one byte at a time in Python, where indexing a stdlib array is about
    # three times faster than indexing numpy; it builds the same arrays itself (modelio._to_array).
    codes = {2: "H", 4: "I", 8: "Q"}
    out = array(codes[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).tobytes())
    return out
