"""wordfreq's 'small' word lists read straight from its data files, without importing wordfreq.

Importing wordfreq costs 0.25 s of CPU (langcodes' tables, ftfy's character data) to answer one thing
here: each word's frequency. Its lists are files of the wheel, `small_<code>.msgpack.gz`, in the format
wordfreq's `read_cBpack` reads: a header, then one list of words per centibel of frequency. A language
with a file of its own code is read here, giving the dict `wordfreq.get_frequency_dict(code, "small")`
gives; anything else (another code wordfreq maps to a neighbour's list, a header of a format it may
change to) is left to wordfreq itself (evidence._frequencies).
"""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without running it
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def small(language: str) -> dict[str, float] | None:
    """The frequency of each word of `language`'s small list, or None when it must come from wordfreq."""
    if not language.isalpha() or not language.islower():
        return None  # "pt-BR", "EN": wordfreq's own code matching decides
    folder = _data_dir()
    path = folder / f"small_{language}.msgpack.gz" if folder is not None else None
    if path is None or not path.is_file():
        return None
    try:
        import msgpack  # wordfreq's own dependency

        with gzip.open(path, "rb") as infile:
            data = msgpack.load(infile, raw=False)
    except (ImportError, OSError, ValueError):
        return None
    header = data[0] if isinstance(data, list) and data else None
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        return None
    freqs: dict[str, float] = {}
    for index, bucket in enumerate(data[1:]):
        freq = 10 ** (-index / 100)  # wordfreq's cB_to_freq(-index)
        for word in bucket:
            freqs[word] = freq
    return freqs
