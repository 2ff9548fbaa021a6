"""Stage 1, load: a file (or pasted text) in, a Document out.

In: a path (.txt, .md, .html, .docx, any encoding), bytes (standard input) or a str. Out: `model.Document`, whose
text is decoded, extracted (a web page's main text, Markdown's prose, .docx paragraphs), newline- and
NFC-normalised, with the offset map
back into the decoded file, and `warnings` for what decoding had to guess. Bad input raises
`errors.InputError` with a one-line reason naming the file.

- files: the checks every file passes (exists, regular, size limits) and the choice of extractor
- decoding: bytes to str (byte-order marks, UTF-8, BOM-less UTF-16, HTML charset, then paragraph by
  paragraph: UTF-8, UTF-8 with stray bytes as U+FFFD, or a legacy code page; charset-normalizer for
  East Asian multi-byte code pages)
- legacy, letters: which 8-bit code page a paragraph is in, from the letter frequencies of its language
- html: visible text of an HTML page, with offsets into its source
- maintext: a web page's main text (trafilatura), as the lines of html's text it covers
- markdown: the prose of a Markdown file (markdown-it-py), with offsets into its source
- docx: paragraphs and table cells of a .docx, streamed under byte caps (zip bombs stop at the limit)
- normalise: newlines and NFC, with the offset map
"""

from .files import document_from_text, load_bytes, load_file, read_stream
from .normalise import normalise

__all__ = ["document_from_text", "load_bytes", "load_file", "normalise", "read_stream"]
