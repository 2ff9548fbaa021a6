"""py3langid's model kept inflated in the cache folder (segment/langid_model.py): the same answers as
py3langid's own loading, one file written and then read, and no failure when the folder is unusable."""

from __future__ import annotations

from pathlib import Path

import pytest

from drift_viewer.engine.segment import langid_model
from drift_viewer.engine.segment.language import LANGUAGES

py3langid = pytest.importorskip("py3langid")

_TEXTS = (
    "The ministers met on Wednesday and agreed a new package of sanctions.",
    "Die Minister trafen sich am Mittwoch und einigten sich auf neue Sanktionen.",
    "Les ministres se sont réunis mercredi et ont approuvé de nouvelles sanctions.",
    "Ministrene mødtes onsdag og blev enige om nye sanktioner.",
    "Ministrarna möttes på onsdagen och enades om nya sanktioner.",
    "Министры встретились в среду и согласовали новые санкции.",
    "Міністри зустрілися в середу й погодили нові санкції.",
    "Ministři se ve středu sešli a schválili nové sankce.",
    "部长们星期三开会,同意了新的制裁措施。",
    "12345 67890",
    "",
)


@pytest.fixture(scope="module")
def reference() -> object:
    # py3langid's own path: inflate through its temporary file, then restrict.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def test_cached_model_ranks_as_py3langid_does(
    reference: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRIFT_VIEWER_CACHE", str(tmp_path))
    built = langid_model.load_identifier(LANGUAGES)  # inflated and written
    files = list(tmp_path.glob("langid-*.npz"))
    assert len(files) == 1
    read = langid_model.load_identifier(LANGUAGES)  # read back from the file
    for text in _TEXTS:
        expected = reference.rank(text)  # type: ignore[attr-defined]
        assert built.rank(text) == expected
        assert read.rank(text) == expected
    assert not list(tmp_path.glob(".langid-*")), "no temporary file is left behind"


def test_a_damaged_cache_file_is_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIFT_VIEWER_CACHE", str(tmp_path))
    langid_model.load_identifier(LANGUAGES)
    (cached,) = tmp_path.glob("langid-*.npz")
    cached.write_bytes(cached.read_bytes()[:1000])  # a start interrupted while copying, say
    identifier = langid_model.load_identifier(LANGUAGES)
    assert identifier.rank(_TEXTS[1])[0][0] == "de"
    assert cached.stat().st_size > 1_000_000


def test_other_languages_get_their_own_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIFT_VIEWER_CACHE", str(tmp_path))
    langid_model.load_identifier(("en", "de"))
    langid_model.load_identifier(("en", "fr"))
    assert len(list(tmp_path.glob("langid-*.npz"))) == 2
    assert langid_model.load_identifier(("en", "fr")).rank(_TEXTS[2])[0][0] == "fr"


def test_cache_off_writes_nothing_and_still_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRIFT_VIEWER_CACHE", "off")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert langid_model.cache_folder() is None
    assert langid_model.load_identifier(LANGUAGES).rank(_TEXTS[5])[0][0] == "ru"
    assert not any(tmp_path.rglob("*.npz"))


def test_a_cache_path_that_is_a_file_is_only_slower(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Unwritable for root too (a read-only folder is not): nobody can make a folder inside a file.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("DRIFT_VIEWER_CACHE", str(blocker / "cache"))
    assert langid_model.load_identifier(LANGUAGES).rank(_TEXTS[2])[0][0] == "fr"
    assert blocker.read_text() == "x"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="xx"):
        langid_model._restrict(langid_model._inflate(_model_path()), ("en", "xx"))


def _model_path() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE
