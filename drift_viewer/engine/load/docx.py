"""The text of a .docx file: paragraphs and table cells, a blank line between them (python-docx)."""

from __future__ import annotations

from ..errors import InputError


def docx_text(data: bytes, path: str) -> str:
    """Paragraphs (and table cells) of a .docx, a blank line between them."""
    import io

    import docx  # python-docx; imported here as only .docx files need it
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises assorted zip, OPC and lxml errors on damaged files
        raise InputError(path, f"is not a readable .docx file ({exc.__class__.__name__})") from None
    paragraphs: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraphs.append(Paragraph(block, document).text)
        elif tag == "tbl":
            table = Table(block, document)
            for row in table.rows:
                for cell in row.cells:
                    paragraphs.extend(p.text for p in cell.paragraphs)
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
