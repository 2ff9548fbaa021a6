"""What the window remembers between runs: geometry, dock state, options, theme, zoom, recent pairs.

Always an INI file in the user scope, so tests can point it elsewhere with
QSettings.setPath(IniFormat, UserScope, tmp_path).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSettings

from ...engine.model import ChangeKind

MAX_RECENT = 8
OPTION_KEYS = (
    "ignore_case",
    "ignore_punctuation",
    "ignore_typography",
    "ignore_whitespace",
    "hide_equal",
    "open_at_first_change",
)
THEMES = ("system", "light", "dark")


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "drift-viewer", "drift-viewer")


def _bool(value) -> bool:
    return value is True or (isinstance(value, str) and value.lower() == "true")


class Store:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings or open_settings()

    def options(self) -> dict[str, bool]:
        return {key: _bool(self.q.value(f"options/{key}", False)) for key in OPTION_KEYS}

    def set_options(self, values: dict[str, bool]) -> None:
        for key in OPTION_KEYS:
            self.q.setValue(f"options/{key}", bool(values.get(key, False)))

    def theme(self) -> str:
        raw = str(self.q.value("view/theme", "system"))
        return raw if raw in THEMES else "system"

    def set_theme(self, name: str) -> None:
        self.q.setValue("view/theme", name if name in THEMES else "system")

    def zoom(self) -> int:
        raw = self.q.value("view/zoom", 0)
        try:
            return int(raw) if isinstance(raw, int | str) else 0
        except ValueError:
            return 0

    def set_zoom(self, steps: int) -> None:
        self.q.setValue("view/zoom", int(steps))

    def hidden_kinds(self) -> set[ChangeKind]:
        raw = self.q.value("view/hidden_kinds", "")
        names = raw if isinstance(raw, list) else [n for n in str(raw).split(",") if n]
        return {ChangeKind(n) for n in names if n in ChangeKind._value2member_map_}

    def set_hidden_kinds(self, kinds: set[ChangeKind]) -> None:
        self.q.setValue("view/hidden_kinds", ",".join(sorted(k.value for k in kinds)))

    def geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.q.value("window/geometry"), self.q.value("window/state")

    def set_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def recent(self) -> list[tuple[str, str]]:
        raw = self.q.value("recent/pairs", "")
        items = raw if isinstance(raw, list) else [raw] if raw else []
        pairs = []
        for item in items:
            left, sep, right = str(item).partition("\n")
            if sep:
                pairs.append((left, right))
        return pairs

    def add_recent(self, left: str, right: str) -> list[tuple[str, str]]:
        pairs = [(left, right)] + [p for p in self.recent() if p != (left, right)]
        pairs = pairs[:MAX_RECENT]
        self.q.setValue("recent/pairs", [f"{a}\n{b}" for a, b in pairs])
        return pairs

    def clear_recent(self) -> None:
        self.q.remove("recent/pairs")

    def sync(self) -> None:
        self.q.sync()


FIRST_RUN_FRACTION = 0.8  # of the screen's available area, as a maximised window would nearly fill it


def first_run_geometry(available: QRect) -> QRect:
    """With nothing saved: 80% of the screen's free area, centred (Qt's default sizes the window to its
    widgets' hints: 1066x318 on a 1600x1000 screen, two rows of text)."""
    width, height = int(available.width() * FIRST_RUN_FRACTION), int(available.height() * FIRST_RUN_FRACTION)
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect
