"""A small hand-made batch: three sources, and copies of every sort the batch must handle."""

from __future__ import annotations

from pathlib import Path

import pytest

HARBOUR = (
    "The harbour of Kessendorf was rebuilt in 1998 after the great storm.\n"
    "Mayor Annelie Brandt opened the new pier with forty fishing boats in attendance.\n"
    "The old lighthouse, painted red and white, was moved two hundred metres inland.\n"
    "Tourists now come for the smoked herring and the annual regatta in August.\n"
    "Critics said the pier cost the town far more than the council had promised.\n"
)
ORCHARD = (
    "Professor Tomasz Wielgus studied the apple orchards of the Vistula valley for thirty years.\n"
    "His survey counted eleven thousand trees of varieties that are no longer sold.\n"
    "Several growers refused to graft the old cultivars because buyers wanted glossy fruit.\n"
    "The university archive keeps his notebooks, written in pencil and full of drawings.\n"
)
COMET = (
    "Astronomers at the Ondřejov observatory tracked the comet for nine nights in March.\n"
    "Its tail stretched across four degrees of sky before the solar wind broke it apart.\n"
    "Amateur observers in Moravia sent hundreds of photographs to the research team.\n"
)
UNRELATED = (
    "Grandmother's recipe calls for butter, sugar and a pinch of cardamom.\n"
    "Knead the dough until it is smooth, then let it rest under a damp cloth.\n"
    "Bake the buns until golden and brush them with warm milk.\n"
)
BOILERPLATE = "Home | News | Sport | Weather\nShare this article\n"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Path, Path]:
    """sources/: harbour, orchard, comet. copies/: the harbour story respun (a name and a number
    changed), the orchard text cut to its first half inside boilerplate, the comet text as it is, a copy
    with no source, and a .docx that is no zip file."""
    sources, copies = tmp_path / "sources", tmp_path / "copies"
    write(sources / "harbour.txt", HARBOUR)
    write(sources / "science" / "orchard.md", ORCHARD)
    write(sources / "comet.txt", COMET)
    respun = HARBOUR.replace("Annelie Brandt", "Annelie Brand").replace("forty", "fourteen")
    write(copies / "news" / "harbour-copy.txt", respun)
    half = "".join(ORCHARD.splitlines(keepends=True)[:2])
    write(
        copies / "orchard-page.html",
        f"<html><body><nav>{BOILERPLATE}</nav><p>{half}</p><footer>© 2026</footer></body></html>",
    )
    write(copies / "comet.txt", COMET)
    write(copies / "buns.txt", UNRELATED)
    write(copies / "broken.docx", b"this is not a zip file at all")
    return sources, copies


@pytest.fixture
def identical_corpus(tmp_path: Path) -> tuple[Path, Path]:
    sources, copies = tmp_path / "sources", tmp_path / "copies"
    write(sources / "comet.txt", COMET)
    write(sources / "orchard.txt", ORCHARD)
    write(copies / "comet.txt", COMET)
    return sources, copies
