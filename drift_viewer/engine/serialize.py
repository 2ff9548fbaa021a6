"""The JSON form of a Comparison (schema "drift-viewer/comparison", version 1; README documents it)."""

from __future__ import annotations

import json
import re
from typing import Any

from .classify.facttable import counts as fact_counts
from .classify.facttable import fact_table
from .model import Comparison, Side

SCHEMA = "drift-viewer/comparison"
SCHEMA_VERSION = 1


def _side(side: Side) -> dict[str, Any]:
    doc = side.document
    return {
        "name": doc.name,
        "path": doc.path,
        "encoding": doc.encoding,
        "size": doc.size,
        "warnings": list(doc.warnings),
        "sentences": [
            {
                "text": s.text,
                "start": doc.source_offset(s.start),
                "end": doc.source_offset(s.end),
                "paragraph": s.paragraph,
            }
            for s in side.sentences
        ],
    }


def to_dict(comparison: Comparison, version: str = "") -> dict[str, Any]:
    left_doc, right_doc = comparison.left.document, comparison.right.document
    return {
        "schema": SCHEMA,
        "version": SCHEMA_VERSION,
        "generator": f"drift-viewer {version}".strip(),
        "options": {
            "ignore_case": comparison.options.ignore_case,
            "ignore_punctuation": comparison.options.ignore_punctuation,
            "ignore_typography": comparison.options.ignore_typography,
            "ignore_whitespace": comparison.options.ignore_whitespace,
            "language": comparison.options.language,
            "cross_lingual": comparison.options.cross_lingual,
        },
        "mode": comparison.mode,
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
                "left": list(g.left),
                "right": list(g.right),
                "kind": g.kind.value,
                "similarity": round(g.similarity, 4),
                "partner": g.partner,
                "changes": [
                    {
                        "kind": c.kind.value,
                        "left_text": c.left_text,
                        "right_text": c.right_text,
                        "left_start": left_doc.source_offset(c.left.start),
                        "left_end": left_doc.source_offset(c.left.end),
                        "right_start": right_doc.source_offset(c.right.start),
                        "right_end": right_doc.source_offset(c.right.end),
                    }
                    for c in g.changes
                ],
            }
            for g in comparison.groups
        ],
        "facts": _facts(comparison),
    }


def _facts(comparison: Comparison) -> dict[str, Any]:
    """The fact table (classify/facttable.py): offsets into the files, as everywhere in this schema."""
    rows = fact_table(comparison)
    left_doc, right_doc = comparison.left.document, comparison.right.document
    return {
        "counts": fact_counts(rows),
        "rows": [
            {
                "kind": r.kind.value,
                "status": r.status.value,
                "group": r.group,
                "left_text": r.left_text,
                "right_text": r.right_text,
                "left_start": None if r.left is None else left_doc.source_offset(r.left.start),
                "left_end": None if r.left is None else left_doc.source_offset(r.left.end),
                "right_start": None if r.right is None else right_doc.source_offset(r.right.start),
                "right_end": None if r.right is None else right_doc.source_offset(r.right.end),
            }
            for r in rows
        ],
    }


CSV_COLUMNS = (
    "kind",
    "status",
    "group",
    "left_text",
    "right_text",
    "left_start",
    "left_end",
    "right_start",
    "right_end",
)


def to_csv(comparison: Comparison) -> str:
    """The fact table as CSV (one fact a row, the JSON's field names as columns)."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_facts(comparison)["rows"])
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", out.getvalue())


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def to_json(comparison: Comparison, version: str = "") -> str:
    """The JSON text, UTF-8-safe: a file name that was not valid UTF-8 holds lone surrogates
    (surrogateescape), which are written as \\udcXX escapes; os.fsencode gives the name's bytes back."""
    text = json.dumps(to_dict(comparison, version), ensure_ascii=False, indent=1) + "\n"
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
