"""The Kinds filter of the changes panel: a popup that stays open while kinds are ticked (a QMenu closes
after every toggle and draws its check as a faint frame), with a check box per kind, an "Only" button
beside each, and "Show all". Esc or a click outside closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ...engine.model import RISK_ORDER, ChangeKind
from ...styles import CHANGE_STYLES
from .. import theme


def swatch(kind: ChangeKind, dark: bool, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(theme.kind_color(kind, dark))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#808080"))  # a frame: a pale swatch still shows its edge on a pale menu
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class KindsFilter(QFrame):
    changed = Signal()  # the set of hidden kinds changed

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("kindsFilter")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Kinds of change to list")
        self.boxes: dict[ChangeKind, QCheckBox] = {}
        self.only_buttons: dict[ChangeKind, QToolButton] = {}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for row, kind in enumerate(RISK_ORDER):
            style = CHANGE_STYLES[kind]
            box = QCheckBox(style.label, self)
            box.setObjectName(f"kind_{kind.value}")
            box.setChecked(True)
            box.setToolTip(style.description)
            box.toggled.connect(self._toggled)
            only = QToolButton(self)
            only.setObjectName(f"only_{kind.value}")
            only.setText("Only")
            only.setToolTip(f"List only {style.label.lower()} changes")
            only.setAccessibleName(f"Only {style.label}")
            only.clicked.connect(lambda checked=False, k=kind: self.only(k))
            grid.addWidget(box, row, 0)
            grid.addWidget(only, row, 1)
            self.boxes[kind] = box
            self.only_buttons[kind] = only
        self.show_all_button = QPushButton("Show &All", self)
        self.show_all_button.setObjectName("showAllKinds")
        self.show_all_button.setToolTip("List every kind of change")
        self.show_all_button.clicked.connect(self.show_all)
        hint = QLabel("Esc closes", self)
        hint.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.show_all_button)
        top.addStretch(1)
        top.addWidget(hint)
        column = QGridLayout(self)
        column.setContentsMargins(10, 8, 10, 8)
        column.addLayout(top, 0, 0)
        column.addLayout(grid, 1, 0)
        self._quiet = False

    # --- state ---------------------------------------------------------------------------------------

    def hidden_kinds(self) -> set[ChangeKind]:
        return {kind for kind, box in self.boxes.items() if not box.isChecked()}

    def set_hidden_kinds(self, kinds: set[ChangeKind]) -> None:
        """Tick every kind but `kinds`; one `changed` at the end, not one per box."""
        self._quiet = True
        try:
            for kind, box in self.boxes.items():
                box.setChecked(kind not in kinds)
        finally:
            self._quiet = False
        self.changed.emit()

    def only(self, kind: ChangeKind) -> None:
        self.set_hidden_kinds(set(self.boxes) - {kind})

    def show_all(self) -> None:
        self.set_hidden_kinds(set())

    def set_counts(self, counts, dark: bool) -> None:
        for kind, box in self.boxes.items():
            box.setText(f"{CHANGE_STYLES[kind].label} ({counts.get(kind, 0)})")
            box.setIcon(swatch(kind, dark))

    def _toggled(self, *args) -> None:
        if not self._quiet:
            self.changed.emit()

    # --- showing ---------------------------------------------------------------------------------------

    def popup_under(self, anchor: QWidget) -> None:
        self.adjustSize()
        self.move(anchor.mapToGlobal(anchor.rect().bottomLeft()))
        self.show()
        self.raise_()
        first = next(iter(self.boxes.values()))
        first.setFocus(Qt.FocusReason.PopupFocusReason)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)
