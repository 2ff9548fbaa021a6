"""The batch benchmark's corpus, built from ../shared/data: 1,000 sources and 1,000 copies with the truth.

Sources: the New Testament in Haweis's translation cut into passages of about 8 verses (a chapter cut
into equal parts), and the 42 DEplain-dev originals. Copies: the same passages in another translation
(Noyes; in Mark also Anderson and the Twentieth Century NT, rotating), real paraphrases of their sources;
the DEplain plain-language rewrites; some with web boilerplate around them, some cut to their first half,
some as an HTML page or Markdown. Copies with no source at all: passages whose source is held out (from
Romans to Revelation, where few passages have parallels that would make a held-out copy's "source"
debatable), the 11 DEplain-dev-hard rewrites and the seed's spun copy. Tyndale's 1526 spelling is left
out: it shares too few word pairs with any modern spelling (benchmarks/README.md).
"""

from __future__ import annotations

import csv
import html
import json
from collections import OrderedDict
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
VERSES_A_PASSAGE = 8
SOURCES = 1000

BOILERPLATE_TOP = [
    "Daily Verses Network | Home | Reading plans | Donate",
    "Share this page on Facebook, X and WhatsApp",
]
BOILERPLATE_END = [
    "Subscribe to our newsletter and get a new reading in your inbox every morning.",
    "We use cookies to give you the best experience. By continuing you accept our privacy policy.",
    "© 2026 Daily Verses Network. All rights reserved.",
]

Key = tuple[str, int, int]


def read_tsv(path: Path) -> OrderedDict[Key, str]:
    verses: OrderedDict[Key, str] = OrderedDict()
    with path.open(newline="", encoding="utf-8") as fh:
        rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for book, chapter, verse, text in rows:
            verses[(book, int(chapter), int(verse))] = text
    return verses


def passages(verses: OrderedDict[Key, str]) -> list[list[Key]]:
    chapters: OrderedDict[tuple[str, int], list[Key]] = OrderedDict()
    for key in verses:
        chapters.setdefault(key[:2], []).append(key)
    out = []
    for keys in chapters.values():
        parts = max(1, round(len(keys) / VERSES_A_PASSAGE))
        size = -(-len(keys) // parts)
        out.extend(keys[i : i + size] for i in range(0, len(keys), size))
    return out


def _name(keys: list[Key]) -> str:
    book, chapter, first = keys[0]
    return f"{book.replace(' ', '_')}/{chapter:02d}_{first:02d}-{keys[-1][2]:02d}"


def _dress(text: str, index: int) -> tuple[str, str]:
    """(text, suffix): every 10th copy with boilerplate around it, every 10th cut to its first half, every
    20th an HTML page (boilerplate in its navigation), every 15th Markdown."""
    paragraphs = text.split("\n")
    if index % 10 == 7:
        paragraphs = paragraphs[: max(1, len(paragraphs) // 2)]
    if index % 10 == 3:
        paragraphs = BOILERPLATE_TOP + paragraphs + BOILERPLATE_END
    if index % 20 == 5:
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
        nav = "".join(f"<li>{html.escape(b)}</li>" for b in BOILERPLATE_TOP)
        foot = "".join(f"<p>{html.escape(b)}</p>" for b in BOILERPLATE_END)
        page = f"<!doctype html><html><head><title>Reading</title></head><body><nav><ul>{nav}</ul></nav>\n<article>{body}</article><footer>{foot}</footer></body></html>\n"
        return page, ".html"
    if index % 15 == 0:
        return "# Today's reading\n\n" + "\n\n".join(paragraphs) + "\n", ".md"
    return "\n".join(paragraphs) + "\n", ".txt"


def build(out: Path, n_sources: int = SOURCES) -> dict[str, str | None]:
    """Write out/sources and out/copies; return {copy: its source or None}, both relative paths.
    Smaller corpora (n_sources < 1000, for the scaling series) keep the same proportions."""
    haweis = read_tsv(DATA / "bible-nt" / "Haweis.tsv")
    translations = {name: read_tsv(DATA / "bible-dev" / f"{name}.tsv") for name in ("Anderson", "Twenty")}
    translations["Noyes"] = read_tsv(DATA / "bible-nt" / "Noyes.tsv")
    cut = passages(haweis)
    deplain = sorted((DATA / "deplain-dev").glob("*.src"), key=lambda p: int(p.stem))
    hard = sorted((DATA / "deplain-dev-hard").glob("*.tgt"), key=lambda p: int(p.stem))
    scale = n_sources / SOURCES
    n_deplain = max(1, round(len(deplain) * scale))
    late = [i for i, keys in enumerate(cut) if keys[0][0] not in ("Matthew", "Mark", "Luke", "John", "Acts")]
    n_nt = n_sources - n_deplain
    n_held = max(1, round((len(cut) - (SOURCES - len(deplain))) * scale))
    held = set(late[:: max(1, len(late) // n_held)][:n_held])
    kept = [i for i in range(len(cut)) if i not in held][:n_nt]
    used = kept + sorted(held)
    n_hard = max(1, round(len(hard) * scale))
    # As many copies as sources: the surplus sources, spread evenly, get no copy.
    surplus = len(used) + n_deplain + n_hard + 1 - n_sources
    uncopied = set(kept[:: max(1, len(kept) // max(1, surplus))][:surplus]) if surplus > 0 else set()
    truth: dict[str, str | None] = {}
    (out / "sources").mkdir(parents=True, exist_ok=True)
    (out / "copies").mkdir(parents=True, exist_ok=True)
    mark_turn = 0
    for n, i in enumerate(used):
        keys = cut[i]
        name = _name(keys)
        if i not in held:
            src = out / "sources" / f"{name}.txt"
            src.parent.mkdir(parents=True, exist_ok=True)
            src.write_text("\n".join(haweis[k] for k in keys) + "\n", encoding="utf-8")
            if i in uncopied:
                continue
        translation = "Noyes"
        if keys[0][0] == "Mark":
            translation = ("Noyes", "Anderson", "Twenty")[mark_turn % 3]
            mark_turn += 1
        lines = [translations[translation][k] for k in keys if k in translations[translation]]
        text, suffix = _dress("\n".join(lines), n)
        copy = f"{name}.{translation}{suffix}"
        (out / "copies" / copy).parent.mkdir(parents=True, exist_ok=True)
        (out / "copies" / copy).write_text(text, encoding="utf-8")
        truth[copy] = None if i in held else f"{name}.txt"
    for n, src in enumerate(deplain[:n_deplain]):
        (out / "sources" / "deplain").mkdir(exist_ok=True)
        (out / "sources" / "deplain" / f"{src.stem}.txt").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
        text, suffix = _dress(src.with_suffix(".tgt").read_text(encoding="utf-8").strip(), n)
        (out / "copies" / "deplain").mkdir(exist_ok=True)
        (out / "copies" / "deplain" / f"{src.stem}.plain{suffix}").write_text(text, encoding="utf-8")
        truth[f"deplain/{src.stem}.plain{suffix}"] = f"deplain/{src.stem}.txt"
    for tgt in hard[:n_hard]:
        (out / "copies" / "deplain-hard").mkdir(exist_ok=True)
        (out / "copies" / "deplain-hard" / f"{tgt.stem}.plain.txt").write_text(
            tgt.read_text(encoding="utf-8"), encoding="utf-8"
        )
        truth[f"deplain-hard/{tgt.stem}.plain.txt"] = None
    spun = DATA / "seed" / "spun-copy.txt"
    (out / "copies" / "spun-copy.txt").write_text(spun.read_text(encoding="utf-8"), encoding="utf-8")
    truth["spun-copy.txt"] = None
    (out / "truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True), encoding="utf-8")
    return truth


if __name__ == "__main__":
    import sys

    target = Path(sys.argv[1])
    t = build(target, int(sys.argv[2]) if len(sys.argv) > 2 else SOURCES)
    n_src = sum(1 for p in (target / "sources").rglob("*") if p.is_file())
    print(f"{n_src} sources, {len(t)} copies, {sum(v is None for v in t.values())} without a source")
