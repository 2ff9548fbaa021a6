"""Stage 1, load: a file (or pasted text) in, a Document out.

In: a path (.txt, .md, .html, .docx, any encoding) or a str. Out: `model.Document`, whose text is
decoded, extracted (visible HTML text, .docx paragraphs), newline- and NFC-normalised, with the offset map
back into the decoded file. Bad input raises `errors.InputError` with a one-line reason.

- files: the checks every file passes (exists, regular, size limit) and the choice of extractor
- decoding: bytes to str (byte-order marks, UTF-8, BOM-less UTF-16, HTML charset, charset-normalizer)
- html: visible text of an HTML page, with offsets into its source
- docx: paragraphs and table cells of a .docx
- normalise: newlines and NFC, with the offset map
"""

from .files import document_from_text, load_file
from .normalise import normalise

__all__ = ["document_from_text", "load_file", "normalise"]
