"""Typographic variants: the marks that look different but say the same (quotes, dashes, odd spaces)."""

from __future__ import annotations

# Typographic variants folded to one plain form; each maps one character to one character so folded text
# keeps its offsets. Quotes and apostrophes fold to the straight ones, dashes to "-", odd spaces to " ".
TYPO_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "‹": "'",
        "›": "'",
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
        "−": "-",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u200a": " ",
        "\u2002": " ",
        "\u2003": " ",
        "…": ".",
    }
)

# Double quotation marks only: single ones double as apostrophes, which would open quotes that never close.
QUOTE_CHARS = '"“”„‟«»'
