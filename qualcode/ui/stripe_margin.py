"""The coding stripes beside the transcript: one coloured bar per coding, with labels.

Like the margin of ATLAS.ti or MAXQDA: each coding is a vertical bar from its first to its
last line; overlapping codings sit in separate lanes, and the code's name is written next
to a bar's top wherever it does not collide with the label above.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from qualcode.ui.highlights import MAX_LANES, Highlight
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal

if TYPE_CHECKING:
    from qualcode.ui.transcript_view import TranscriptView

LANE_WIDTH = 6
LABEL_WIDTH = 132
PAD = 6


class StripeMargin(QtWidgets.QWidget):
    codingClicked = Signal(int)

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self._view = view
        self._hits: list[tuple[QtCore.QRect, Highlight]] = []
        self.setMouseTracking(True)
        self.setCursor(QtCore.Qt.CursorShape.PointingHandCursor)

    def preferred_width(self) -> int:
        lanes = max((h.lane for h in self._view.highlights()), default=-1) + 1
        return PAD + min(max(lanes, 1), MAX_LANES) * LANE_WIDTH + PAD + LABEL_WIDTH

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        palette = self.palette()
        painter.fillRect(event.rect(), palette.color(QtGui.QPalette.ColorRole.Base))
        painter.setPen(palette.color(QtGui.QPalette.ColorRole.Mid))
        painter.drawLine(0, 0, 0, self.height())
        self._hits = []
        visible = self._view.visible_span()
        if visible is None:
            return
        first, last = visible
        lanes = max((h.lane for h in self._view.highlights()), default=0) + 1
        label_x = PAD + min(lanes, MAX_LANES) * LANE_WIDTH + PAD
        font = QtGui.QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.88, 7.0))
        painter.setFont(font)
        metrics = QtGui.QFontMetrics(font)
        dark = self._view.is_dark()
        items = []
        for h in self._view.highlights():
            if h.end <= first or h.start >= last:
                continue
            top = self._view.y_of(h.start, bottom=False) if h.start >= first else -2
            bottom = self._view.y_of(h.end - 1, bottom=True) if h.end <= last else self.height() + 2
            items.append((top, bottom, h))
        items.sort(key=lambda item: (item[0], item[2].lane))
        for top, bottom, h in items:
            x = PAD + h.lane * LANE_WIDTH
            bar = QtCore.QRect(x, top + 1, LANE_WIDTH - 2, max(bottom - top - 2, 4))
            painter.fillRect(bar, QtGui.QColor(h.colour))
            if h.coding_id == self._view.focus_coding:
                painter.setPen(QtGui.QPen(palette.color(QtGui.QPalette.ColorRole.Text), 1))
                painter.drawRect(bar.adjusted(-1, -1, 0, 0))
            self._hits.append((bar.adjusted(-1, 0, 1, 0), h))
        self._paint_labels(
            painter, metrics, label_x, dark, [(top, h) for top, _bottom, h in items if top >= -1]
        )

    def _paint_labels(
        self,
        painter: QtGui.QPainter,
        metrics: QtGui.QFontMetrics,
        x: int,
        dark: bool,
        starts: list[tuple[int, Highlight]],
    ) -> None:
        """One label per line where codings start: codings of one code by several coders
        read "Ziekte · A B" rather than the same name twice; later lines that would overlap
        the label above stay unlabelled (their stripe keeps its tooltip)."""
        label_bottom = -1_000
        width = self.width() - x - PAD
        index = 0
        while index < len(starts):
            top, first_h = starts[index]
            group: dict[str, list[str]] = {}
            while index < len(starts) and starts[index][0] - top < metrics.height() // 2:
                h = starts[index][1]
                whos = group.setdefault(h.label, [])
                if h.who and h.who not in whos:
                    whos.append(h.who)
                index += 1
            if top < label_bottom:
                continue
            text = "; ".join(
                f"{name} · {' '.join(whos)}" if whos else name for name, whos in group.items()
            )
            rect = QtCore.QRect(x, top, width, metrics.height())
            painter.setPen(label_colour(QtGui.QColor(first_h.colour), dark))
            painter.drawText(
                rect,
                int(QtCore.Qt.AlignmentFlag.AlignLeft),
                metrics.elidedText(text, QtCore.Qt.TextElideMode.ElideRight, width),
            )
            self._hits.append((rect, first_h))
            label_bottom = top + metrics.height()

    def _hit(self, pos: QtCore.QPoint) -> Highlight | None:
        for rect, h in reversed(self._hits):
            if rect.contains(pos):
                return h
        return None

    def event(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip:
            assert isinstance(event, QtGui.QHelpEvent)
            hit = self._hit(event.pos())
            if hit is not None:
                QtWidgets.QToolTip.showText(event.globalPos(), hit.tip(), self)
            else:
                QtWidgets.QToolTip.hideText()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QtGui.QMouseEvent) -> None:
        hit = self._hit(event.position().toPoint())
        if hit is not None:
            self.codingClicked.emit(hit.coding_id)


def label_colour(colour: QtGui.QColor, dark: bool) -> QtGui.QColor:
    """The code's hue, light or dark enough to read as text (pale codes vanish otherwise)."""
    hue, saturation, lightness, _alpha = colour.getHsl()
    lightness = max(min(lightness, 200), 165) if dark else min(lightness, 95)
    return QtGui.QColor.fromHsl(hue, saturation, lightness)
