"""The JSON form of a Comparison (schema "drift-viewer/comparison", version 1; README documents it).

Indices are 0-based, as programs count: a group's `left`/`right` sentence indices and its `partner`.
Each group also carries `row`, the 1-based number people see for it in every other output."""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from .classify.facttable import FactRow, Reading
from .classify.facttable import counts as fact_counts
from .model import Comparison, Document, Side, row_number

SCHEMA = "drift-viewer/comparison"
SCHEMA_VERSION = 1


def modified(mtime: float | None) -> str | None:
    """A modification time as ISO 8601 in UTC, to the second: "2026-12-01T11:12:41Z"."""
    if mtime is None:
        return None
    return datetime.fromtimestamp(mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _side(side: Side) -> dict[str, Any]:
    doc = side.document
    offset = _offsets(doc)
    return {
        "name": doc.name,
        "path": doc.path,  # absolute; null for standard input and pasted text
        "encoding": doc.encoding,
        "size": doc.size,
        "modified": modified(doc.mtime),
        "sha256": doc.sha256,
        "language": side.language,
        "warnings": list(doc.warnings),
        "sentences": [
            {"text": s.text, "start": offset(s.start), "end": offset(s.end), "paragraph": s.paragraph}
            for s in side.sentences
        ],
    }


def _offsets(doc: Document) -> Callable[[int], int]:
    """doc.source_offset without a method call per offset where the text is the file's (no offset map)."""
    return _same if doc.source_offsets is None else doc.source_offsets.__getitem__


def _same(offset: int) -> int:
    return offset


def to_dict(comparison: Comparison, version: str = "", marks: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """`marks`: a reviewed comparison's marks as review/marks.py's marks_json makes them; with None the
    dict has no "marks" key, as before reviews existed."""
    # On a book, a child reads the fact table from its first group on while this process builds the other
    # keys, then reads it from its last group on until the two meet (facttable.Reading).
    reading = Reading(comparison)
    try:
        out = _dict_without_facts(comparison, version)
        out["facts"] = facts(comparison, reading.rows())
    finally:
        reading.stop()
    if marks is not None:
        out["marks"] = marks
    return out


def _dict_without_facts(comparison: Comparison, version: str) -> dict[str, Any]:
    left_offset, right_offset = _offsets(comparison.left.document), _offsets(comparison.right.document)
    out = {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "generator": f"drift-viewer {version}".strip(),
        "options": {
            "ignore_case": comparison.options.ignore_case,
            "ignore_punctuation": comparison.options.ignore_punctuation,
            "ignore_typography": comparison.options.ignore_typography,
            "ignore_whitespace": comparison.options.ignore_whitespace,
            "language": comparison.options.language,
            "recall": comparison.options.recall,
            "cross_lingual": comparison.options.cross_lingual,
        },
        "mode": comparison.mode,
        "notes": list(comparison.notes),  # what the aligner could not do (no sentence encoder installed)
        "languages": {"left": comparison.left.language, "right": comparison.right.language},
        "similarity": round(comparison.similarity, 4),
        "counts": {
            "groups": {k.value: n for k, n in sorted(comparison.group_counts().items())},
            "changes": {k.value: n for k, n in sorted(comparison.change_counts().items())},
        },
        "left": _side(comparison.left),
        "right": _side(comparison.right),
        "groups": [
            {
                "row": row_number(index),
                "left": list(g.left),
                "right": list(g.right),
                "kind": g.kind.value,
                "similarity": round(g.similarity, 4),
                "partner": g.partner,
                "confidence": g.confidence,
                **({"manual": True} if g.manual else {}),
                "changes": [
                    {
                        "kind": c.kind.value,
                        "left_text": c.left_text,
                        "right_text": c.right_text,
                        "left_start": left_offset(c.left.start),
                        "left_end": left_offset(c.left.end),
                        "right_start": right_offset(c.right.start),
                        "right_end": right_offset(c.right.end),
                    }
                    for c in g.changes
                ],
            }
            for index, g in enumerate(comparison.groups)
        ],
    }
    return out


def facts(comparison: Comparison, rows: list[FactRow] | None = None) -> dict[str, Any]:
    """The fact table (classify/facttable.py): offsets into the files, as everywhere in this schema.
    `rows`: the table if read already."""
    if rows is None:
        rows = Reading(comparison).rows()
    left_offset, right_offset = _offsets(comparison.left.document), _offsets(comparison.right.document)
    return {
        "counts": fact_counts(rows),
        "rows": [
            {
                "kind": r.kind.value,
                "status": r.status.value,
                "group": r.group,
                "left_text": r.left_text,
                "right_text": r.right_text,
                "left_start": None if r.left is None else left_offset(r.left.start),
                "left_end": None if r.left is None else left_offset(r.left.end),
                "right_start": None if r.right is None else right_offset(r.right.start),
                "right_end": None if r.right is None else right_offset(r.right.end),
            }
            for r in rows
        ],
    }


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(comparison: Comparison, version: str = "", marks: list[dict[str, Any]] | None = None) -> str:
    """The JSON text, UTF-8-safe: a file name that was not valid UTF-8 holds lone surrogates
    (surrogateescape), which are written as \\udcXX escapes; os.fsencode gives the name's bytes back.

    One sentence or group a line: as easy to read and diff as an indented dump, and written by json's C
    encoder, which an indent turns off (the pure-Python one took 1 s of a book's 3 s)."""
    collecting = gc.isenabled()
    gc.disable()  # hundreds of thousands of small acyclic dicts: the collector would only walk them
    # As to_dict, but the keys before the fact table are written too before this process reads its part
    # of the table, so the child reading the other part takes more of it (0.45 s of writing on a book).
    reading = Reading(comparison)
    try:
        parts: list[str] = []
        out = _dict_without_facts(comparison, version)
        out["facts"] = _Later(lambda: facts(comparison, reading.rows()))
        if marks is not None:
            out["marks"] = marks
        _write(out, 0, parts)
    finally:
        reading.stop()
        if collecting:
            gc.enable()
    text = "".join(parts) + "\n"
    try:
        text.encode()  # the common case, no lone surrogate: one C pass instead of a regex scan
        return text
    except UnicodeEncodeError:
        pass
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)
_ENCODE = _ENCODER.encode
# The C encoder that _ENCODE builds anew on every call (JSONEncoder.iterencode), made once with the same
# arguments: a book's JSON is ~50,000 calls, one a sentence, group and fact row, and building it was
# most of each call.
_MAKE_C_ENCODER = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODER = (
    None
    if _MAKE_C_ENCODER is None
    else _MAKE_C_ENCODER(None, _ENCODER.default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
)


def _encode_item(item: Any) -> str:
    """_ENCODE of one dict or list, through the prepared C encoder where there is one."""
    if _C_ENCODER is None or isinstance(item, str):
        return _ENCODE(item)
    return "".join(_C_ENCODER(item, 0))


class _Later:
    """A value made when `_write` reaches it."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _write(value: Any, depth: int, parts: list[str]) -> None:
    """The top two levels of dicts and the lists of sentences and groups one item a line; the rest as
    compact JSON."""
    if isinstance(value, _Later):
        value = value.make()
    pad = "\n" + " " * (depth + 1)
    if isinstance(value, dict) and depth <= 1 and value:
        parts.append("{")
        for k, (key, item) in enumerate(value.items()):
            parts.append(("," if k else "") + pad + _ENCODE(key) + ": ")
            _write(item, depth + 1, parts)
        parts.append("\n" + " " * depth + "}")
    elif isinstance(value, list) and depth <= 2 and value and isinstance(value[0], dict):
        parts.append("[")
        parts.append(",".join([pad + _encode_item(item) for item in value]))
        parts.append("\n" + " " * depth + "]")
    else:
        parts.append(_ENCODE(value))
