"""The status bar (files, summary, progress with its stage, Cancel) and the banner above the table that
says when the two texts have no differences (Meld shows one too: a status-bar line is easy to miss)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QProgressBar, QPushButton, QToolButton

from ...engine.lexicon.hidden import escaped
from ...engine.model import GroupKind
from ...wording import plural
from ..prepared import Prepared

# The engine's stage names (pipeline.compare_documents), as a reader would say them.
STAGES = {
    "load": "Reading the files",
    "segment": "Finding sentences",
    "align": "Aligning sentences",
    "diff": "Comparing words",
    "done": "Showing the result",
}


def stage_text(stage: str) -> str:
    return STAGES.get(stage, stage.replace("_", " ").capitalize())


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" where its text does not fit, with the whole text as its tooltip.
    A plain QLabel clipped a long summary (three versions, a loading warning) mid-word at the window's
    edge, with no way to read the rest."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # a file name in it is never markup

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tip()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 8, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def is_cut(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.contentsRect().width()

    def _update_tip(self) -> None:
        self.setToolTip(self.text() if self.is_cut() else "")

    def paintEvent(self, event) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), shown, self.foregroundRole()
        )


class StatusBar:
    """The widgets of `window`'s status bar; the window calls `busy` and `progress` from the runner's signals."""

    def __init__(self, window: QMainWindow, cancel) -> None:
        bar = window.statusBar()
        self.files_label = QLabel(window)
        self.files_label.setObjectName("filesLabel")
        self.summary_label = ElidedLabel(window)
        self.summary_label.setObjectName("summaryLabel")
        self.stage_label = QLabel(window)
        self.stage_label.setObjectName("stageLabel")
        self.progress_bar = QProgressBar(window)
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFormat("%p%")
        self.progress_bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.progress_bar.setAccessibleName("Comparison progress")
        # The bar only holds the percentage (the stage is the label beside it), and is never squeezed
        # below what "100%" needs: the status bar gave it ~90 px and clipped "align 20%" to "lign 20%".
        metrics = self.progress_bar.fontMetrics()
        self.progress_bar.setMinimumWidth(max(160, metrics.horizontalAdvance("100%") + 48))
        self.stage_label.setMinimumWidth(max(metrics.horizontalAdvance(s + "…") for s in STAGES.values()) + 8)
        self.cancel_button = QPushButton("Cancel", window)
        self.cancel_button.setToolTip("Stop the running comparison (Esc)")
        self.cancel_button.setShortcut("Esc")
        self.cancel_button.clicked.connect(cancel)
        bar.addWidget(self.files_label)
        bar.addWidget(self.summary_label, 1)
        bar.addPermanentWidget(self.stage_label)
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.cancel_button)
        self.busy(False)

    def busy(self, busy: bool) -> None:
        for widget in (self.stage_label, self.progress_bar, self.cancel_button):
            widget.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.stage_label.setText("Comparing…")

    def progress(self, stage: str, fraction: float) -> None:
        self.progress_bar.setValue(int(fraction * 100))
        self.stage_label.setText(stage_text(stage) + "…")


class IdenticalBanner(QFrame):
    """Shown above the table when a comparison finds no change; hidden by its close button or the next answer."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("identicalBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label = QLabel(self)
        self.label.setObjectName("identicalText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a file name in it is never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setObjectName("identicalClose")
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Hide this message")
        close.setAccessibleName("Hide the message about identical texts")
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(close)
        self.hide()

    def show_for(self, prepared: Prepared | None) -> None:
        text = identical_text(prepared)
        self.label.setText(text or "")
        self.setVisible(bool(text))
        self.setAccessibleDescription(text or "")


def identical_text(prepared: Prepared | None) -> str | None:
    """What the banner says for `prepared`, or None when the texts differ (or nothing is compared)."""
    if prepared is None or prepared.counts:
        return None
    comparison = prepared.comparison
    if any(group.kind is not GroupKind.EQUAL for group in comparison.groups):
        return None
    if prepared.middle_name:  # three versions: A against C, the two ends of the round trip
        same = comparison.left.text == comparison.right.text
        three = prepared.three
        own = sum(len(b) for _, b in three.b_alone) if three is not None else 0
        dropped = sum(1 for b in three.b_of if not b) if three is not None else 0  # rows C restored
        head = f"A and C are {'identical' if same else 'the same once normalised'}"
        middle = escaped(prepared.middle_name)
        if not (own or dropped):
            return f"{head}: nothing drifted on the way through {middle}."
        said = [f"{middle} dropped {plural(dropped, 'row')} that C restored"] if dropped else []
        said += [f"{middle} has {plural(own, 'sentence')} of its own"] if own else []
        return f"{head}, though {' and '.join(said)}."
    if comparison.left.text == comparison.right.text:
        return "The two texts are identical."
    # Equal once normalised: line breaks, Unicode forms, or what the View menu's Ignore options set aside.
    return "No differences: the texts match once line breaks, Unicode forms and what View > Ignore sets aside are left out."
