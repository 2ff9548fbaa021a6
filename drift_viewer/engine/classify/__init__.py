"""Stage 5, classify: a group's word diff in, its changes with their kinds out.

In: the Segments of one group, where its texts start in each document, and the Options. Out: a tuple of
`model.Change` (kind, spans on both sides, both wordings), one per maximal run of non-equal segments
that the options do not ignore.

- cutting: the diff cut into changes, each placed in its texts; the entry point `changes_of`
- ignoring: what every ignore_* option means
- positions: where a change stands: inside a quotation, at a sentence or line start, after an article
- kinds: the rules that name a change's kind from its two wordings and its position
- wording: what the rules read of one wording (folded, bare, words, negative?, holds a value?)
- values: numbers, dates and percentages by value; FORMAT versus NUMBER
- negation: whether a wording denies, and whether a change flips what its clause and group deny
- implicit: words that deny by their meaning or shape ("impossible", "blameless", "refused", "without")
- amounts: the amounts a text states, numeral phrases read by value
- onesided: when a value only one wording states is a count changed (what it counts stays on the other side)
- names: NAME versus SPELLING for capitalised and respelt words
- meaning: whether a negator inside a rewording carries a difference, asked of the sentence encoder
- clauses: the clause a change stands in on each side, widened to what the other side's says
- twopart: a denial said with two words ("ne ... pas", "nie ... nie") joined into one change
"""

from .cutting import changes_of
from .kinds import kind_of
from .meaning import held_questions
from .meaning import hold as hold_meaning
from .meaning import joined as meaning_joined
from .meaning import load_beside as load_meaning_beside
from .meaning import loaded as meaning_loaded

__all__ = [
    "changes_of",
    "held_questions",
    "hold_meaning",
    "kind_of",
    "load_meaning_beside",
    "meaning_joined",
    "meaning_loaded",
]
