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
        # CJK corner brackets are the quotation marks of Chinese and Japanese (『』 inside 「」), Hebrew
        # writes gershayim and geresh for quotes (and in acronyms, as many write " there: צה״ל / צה"ל)
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "״": '"',
        "׳": "'",
        # Arabic percent sign and decimal and thousands separators: "٣٫٥٪" is "3.5%" in Arabic-Indic digits
        "٪": "%",
        "٫": ".",
        "٬": ",",
    }
)

# Double quotation marks only: single ones double as apostrophes, which would open quotes that never close.
QUOTE_CHARS = '"“”„‟«»'
