"""What the ignore options mean, in one place. An ignored change stays in the word diff (the texts
must rebuild) but is left out of the changes; a group whose only changes are ignored is equal.

- ignore_whitespace: a change whose words are the same on both sides (only spacing or line breaks differ)
- ignore_case: CASE changes, and any change that is only case once the other ignored things are taken away
- ignore_typography: TYPOGRAPHY changes (quote styles, dashes, odd spaces), and the like
- ignore_punctuation: PUNCTUATION and TYPOGRAPHY changes, and any change whose letters and digits match

No option ignores a HIDDEN change (invisible characters, bidi controls, look-alike letters): it is how a
copied text is disguised, never a cosmetic.
"""

from __future__ import annotations

from ..model import ChangeKind, Options
from .wording import bare, fold

_BY_OPTION = (
    ("ignore_case", frozenset({ChangeKind.CASE})),
    ("ignore_typography", frozenset({ChangeKind.TYPOGRAPHY})),
    ("ignore_punctuation", frozenset({ChangeKind.PUNCTUATION, ChangeKind.TYPOGRAPHY})),
)


def ignored_whitespace(dl: str, ins: str, options: Options) -> bool:
    """Whether a change is only whitespace and whitespace is ignored: it is no change at all."""
    return options.ignore_whitespace and dl.split() == ins.split()


def ignored(kind: ChangeKind, dl: str, ins: str, options: Options) -> bool:
    """Whether a classified change is left out of the changes."""
    if kind is ChangeKind.HIDDEN or not (
        options.ignore_case or options.ignore_punctuation or options.ignore_typography
    ):
        return False  # a disguise is never a cosmetic: no option hides it
    if any(getattr(options, option) and kind in kinds for option, kinds in _BY_OPTION):
        return True
    return _ignored_difference(dl, ins, options)


def _ignored_difference(dl: str, ins: str, options: Options) -> bool:
    """Whether the two wordings differ only in what the options ignore, taken together."""
    a, b = dl, ins
    if options.ignore_typography or options.ignore_punctuation:
        a, b = fold(a), fold(b)
    if options.ignore_punctuation:
        a, b = bare(a), bare(b)
    if options.ignore_case:
        a, b = a.lower(), b.lower()
    if options.ignore_whitespace or options.ignore_punctuation:
        a, b = "".join(a.split()), "".join(b.split())
    return a == b
