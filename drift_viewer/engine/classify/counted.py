"""What a number counts, and values only a language reads, for the checks cutting.py makes beside the kind
rules: another unit after a number ("3 milliards d'euros" / "de dollars"), another temperature scale
("40 °C" / "40 °F"), and number words that are another language's common words (Spanish "miles", "once").
"""

from __future__ import annotations

import re

from ..lexicon.magnitudes import language_values
from .amounts import amounts
from .negation import Languages
from .wording import wording

# The "of" the Romance languages put between a number and its unit: "5 millones de euros", "d'euros".
_OF_BEFORE = re.compile(r"^(?:(?:de|di|of|do|da|del)\s+|d['’])", re.IGNORECASE)


# A Han scale character the word diff kept with the unit: 亿美元 / 亿欧元 (hundred million dollars / euros).
_HAN_SCALE = re.compile("^[十百千万萬亿億]+")


def unit_word(text: str) -> str:
    """A unit's word without the "of" before it ("d'euros" -> "euros", "de dollars" -> "dollars") or a Han
    scale character ("亿美元" -> "美元")."""
    return _HAN_SCALE.sub("", _OF_BEFORE.sub("", text))


def degree_scales(a: str, b: str, before_left: str, before_right: str) -> bool:
    """Two letters, each right after a degree sign (the texts before them end with it): two temperature
    scales, °C / °F / °K, and the same digits state another temperature."""
    return (
        len(a) == len(b) == 1
        and a.isalpha()
        and b.isalpha()
        and before_left.endswith("°")
        and before_right.endswith("°")
    )


def own_values(a: str, b: str, languages: Languages) -> bool:
    """Whether a number or magnitude word only its side's language reads so ("miles", "once" in Spanish)
    makes the two wordings state different amounts."""
    own_a = language_values(wording(a).lowers, languages[0])
    own_b = language_values(wording(b).lowers, languages[1])
    if not (own_a or own_b):
        return False
    return sorted(amounts(a) + tuple(own_a)) != sorted(amounts(b) + tuple(own_b))
