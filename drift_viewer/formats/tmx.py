"""TMX 1.4b, the translation-memory exchange format: one <tu> per linked pair (every two-sided group, a
moved pair once: formats/bitext.py), with a <tuv xml:lang> per side holding its <seg>.

- Languages: each side's, given (--language) or detected; "und" (BCP 47: undetermined) where neither.
- tuid is the row number people see; a hand-made link carries <prop type="x-drift-manual">yes</prop>, a
  review mark <prop type="x-drift-mark">disputed</prop> and its note as the <tu>'s <note>.
- XML 1.0 cannot hold most C0 control characters (U+0000-U+001F but tab, line feed and carriage return),
  U+FFFE, U+FFFF or lone surrogates, not even as character references. They are written as U+FFFD, the
  replacement character, and the header's <note> says how many were: a translation memory must parse,
  and a reader must see that something was there.
- Three versions: a <tu> per row with a <tuv> for each version that has text there, in the order A, B,
  C, each naming its version (<prop type="x-drift-version">). A tool that takes the first <tuv> of a
  language reads the original and its translation (A and B); the back-translation C follows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from .._version import __version__
from ..engine.model import Comparison, row_number
from .bitext import pairs, rows_three

if TYPE_CHECKING:
    from ..engine.triple import TripleSummary
    from ..review.marks import Marks

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
UNDETERMINED = "und"


def to_tmx(comparison: Comparison, marks: Marks | None = None, three: TripleSummary | None = None) -> str:
    """The TMX text; `marks`, a review's (review/marks.py), go on their pairs. With `three` (three
    versions, `comparison` being A against C), each <tu> holds the three versions' text."""
    left_lang = comparison.left.language or UNDETERMINED
    right_lang = comparison.right.language or UNDETERMINED
    middle_lang = (three.b.language or UNDETERMINED) if three is not None else UNDETERMINED
    replaced = 0

    def clean(text: str) -> str:
        nonlocal replaced
        text, n = _NOT_XML.subn("\ufffd", text)
        replaced += n
        return text

    root = ET.Element("tmx", version="1.4")
    header = ET.SubElement(
        root,
        "header",
        {
            "creationtool": "drift-viewer",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "drift-viewer",
            "adminlang": "en",
            "srclang": left_lang,
            "datatype": "plaintext",
        },
    )
    body = ET.SubElement(root, "body")
    attached = marks.attach(comparison)[0] if marks else {}
    units: list[tuple[int, bool, list[tuple[str, str, str]]]]  # row, manual, (version, language, text)
    if three is None:
        units = [(p.row, p.manual, [("", left_lang, p.left), ("", right_lang, p.right)]) for p in pairs(comparison)]
    else:
        versions = (("A", left_lang), ("B", middle_lang), ("C", right_lang))
        units = [
            (r.row, False, [(v, lang, text) for (v, lang), text in zip(versions, (r.a, r.b, r.c), strict=True)])
            for r in rows_three(comparison, three)
            if not r.alone
        ]
    for row, manual, sides in units:
        sides = [side for side in sides if side[2]]
        if len(sides) < 2:
            continue
        tu = ET.SubElement(body, "tu", tuid=str(row_number(row)))
        found = attached.get(row)
        if found is not None and found.row is not None and found.row.note:
            ET.SubElement(tu, "note").text = clean(found.row.note)
        if manual:
            ET.SubElement(tu, "prop", type="x-drift-manual").text = "yes"
        if found is not None and found.row is not None:
            ET.SubElement(tu, "prop", type="x-drift-mark").text = found.row.status.value
        for version, lang, text in sides:
            tuv = ET.SubElement(tu, "tuv", {_XML_LANG: lang})
            if version:
                ET.SubElement(tuv, "prop", type="x-drift-version").text = version
            ET.SubElement(tuv, "seg").text = clean(text)
    if replaced:
        note = ET.Element("note")
        note.text = f"{replaced} characters that XML 1.0 cannot hold (control characters) are written as U+FFFD"
        header.append(note)
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
