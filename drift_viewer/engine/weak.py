"""Weak links: groups whose calibrated confidence (align/confidence.py) is under SURE, the level at which
nine links in ten are right. The window and the report mark them and can show them alone, so a reader
checks the links most likely to pair the wrong sentences first."""

from __future__ import annotations

from .model import Comparison, Group

SURE = 0.9


def is_weak(group: Group) -> bool:
    # Sentences the same on both sides are never worth a check first: even paired with the wrong copy of
    # themselves they show no change, and on a short text the calibration cannot tell them sure.
    return group.confidence is not None and group.confidence < SURE and group.similarity < 1.0


def describe(group: Group) -> str | None:
    """One line for a tooltip, or None for a sure link or a one-sided group."""
    if not is_weak(group):
        return None
    assert group.confidence is not None
    tenths = max(1, round(group.confidence * 10))
    return f"Weak link: confidence {group.confidence:.2f}, about {tenths} in 10 such links are right"


def weak_groups(comparison: Comparison) -> list[int]:
    """Indices of the weak groups (both halves of a weak moved pair)."""
    return [k for k, g in enumerate(comparison.groups) if is_weak(g)]
