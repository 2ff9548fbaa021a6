"""Keeps `None` alive under a PySide6 binding bug.

PySide6-Essentials 6.12 (abi3 wheel) returns None from void C++ methods without adding a reference.
On Python 3.12+ None is immortal and nothing happens; on 3.11 every such call (QPainter.save,
QTextLayout.draw, ...) takes one reference from None, and after some thousands of paints Python
aborts with "deallocating None". We hand None references that are never given back: a list that is
itself never freed. `top_up` is cheap enough to call from paint code.
"""

from __future__ import annotations

import ctypes
import sys

_FLOOR = 1_000_000
_CHUNK = 2_000_000  # 16 MB of pointers; one chunk lasts two million void calls
NEEDED = sys.version_info < (3, 12)


def top_up() -> None:
    if NEEDED and sys.getrefcount(None) < _FLOOR:
        chunk = [None] * _CHUNK
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(chunk))  # leak the list, so its references to None stay
