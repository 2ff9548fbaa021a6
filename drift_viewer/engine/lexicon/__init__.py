"""Language data shared by the word diff and the classifier: word lists, number words, months, spelling
variants and typographic equivalents. Data and pure lookups only; nothing here depends on a stage.

- typography: quote marks, dashes and spaces folded to one plain form
- words: stopwords, negators, German articles
- numbers: number words, months, weekdays, and `number_value`
- spelling: British/American endings, respellings, abbreviations without a full stop
- negators (+ negators_data): negation counts and negated word pairs in 20 languages, "without" words
"""

from .numbers import MONTHS, NUMBER_WORDS, ORDINAL_WORDS, PERCENT_WORDS, WEEKDAYS, number_value
from .spelling import ABBREVIATIONS, SPELLING_SUFFIXES, british_american, plain_letters, respelt
from .typography import QUOTE_CHARS, TYPO_FOLD
from .words import GERMAN_ARTICLES, NEGATIONS, STOPWORDS, is_negation

__all__ = [
    "ABBREVIATIONS",
    "GERMAN_ARTICLES",
    "MONTHS",
    "NEGATIONS",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "PERCENT_WORDS",
    "QUOTE_CHARS",
    "SPELLING_SUFFIXES",
    "STOPWORDS",
    "TYPO_FOLD",
    "WEEKDAYS",
    "british_american",
    "is_negation",
    "number_value",
    "plain_letters",
    "respelt",
]
