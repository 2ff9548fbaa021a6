"""Counts in words for people: "1 sentence", "2 sentences", "12,345 changes". One helper, so that no
output says "1 sentences"."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`count` and the noun that agrees with it; `nouns` where the plural is not noun + "s"."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"
