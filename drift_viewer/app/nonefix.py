"""Keeps None, True and False alive under a PySide6 binding bug.

PySide6-Essentials 6.12 (abi3 wheel) returns None from void C++ methods, and True/False from bool
ones, without adding a reference. On Python 3.12+ these objects are immortal and nothing happens; on
3.11 every such call (QPainter.save, QTextLayout.draw, QWidget.isVisible, ...) takes one reference
away, and after enough of them Python aborts with "deallocating None" (or True/False). We hand them
references that are never given back: lists that are themselves never freed. `top_up` is cheap
enough to call from paint code.
"""

from __future__ import annotations

import ctypes
import sys

_FLOOR = 500_000
_CHUNK = 1_000_000  # 8 MB of pointers; one chunk lasts half a million calls at least
NEEDED = sys.version_info < (3, 12)
_SINGLETONS = (None, True, False)


def top_up() -> None:
    if not NEEDED:
        return
    for obj in _SINGLETONS:
        if sys.getrefcount(obj) < _FLOOR:
            chunk = [obj] * _CHUNK
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(chunk))  # leak the list, so its references stay
