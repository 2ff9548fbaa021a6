"""Stage 2, segment: a document text in, its sentences out.

In: `Document.text` and an optional language code. Out: `model.Sentence` spans (start, end, paragraph,
text) in document order, with only whitespace between them.

- paragraphs: blank-line blocks and hard-wrapped lines; caps each sentence at MAX_SENTENCE characters
- sentences: sentence ends inside a paragraph, a fast rule pass with pysbd for the doubtful spots
- rules: the fast pass's verdict on one candidate end (CUT, NOCUT or UNSURE), pysbd's rules emulated
- language: the language of a text or a paragraph (py3langid; scripts and stopwords without it), for
  pysbd's rule set and the negation lexicon
- stopwords: short stopword lists for the guess without py3langid
"""

from .paragraphs import MAX_SENTENCE, segment, segment_lines

__all__ = ["MAX_SENTENCE", "segment", "segment_lines"]
