"""The transcript: read-only, selectable text with coding highlights and a stripe margin.

Built on QPlainTextEdit because its block layout stays fast on 300,000-character
transcripts; highlights are ExtraSelections (they never touch the document, so undo of
codings never re-lays out text), one per flattened run (see ``highlights.runs``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from qualcode.core.records import TurnRecord
from qualcode.ui.highlights import Highlight, assign_lanes, run_format, runs
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal
from qualcode.ui.stripe_margin import StripeMargin

CODE_MIME = "application/x-qualcode-code-id"
SERIF_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Noto Serif", "Liberation Serif",
                  "DejaVu Serif", "serif"]


def transcript_font(point_size: float = 11.0) -> QtGui.QFont:
    font = QtGui.QFont()
    font.setFamilies(SERIF_FAMILIES)
    font.setPointSizeF(point_size)
    font.setStyleHint(QtGui.QFont.StyleHint.Serif)
    return font


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words and trim surrounding blanks (half-selected words are the
    commonest coding slip)."""
    while start > 0 and text[start - 1].isalnum() and (start < len(text) and text[start].isalnum()):
        start -= 1
    while end < len(text) and text[end].isalnum() and end > 0 and text[end - 1].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class TranscriptView(QtWidgets.QPlainTextEdit):
    codeDropped = Signal(int)  # a code id dropped onto the selection
    codingClicked = Signal(int)  # a stripe in the margin was clicked

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
            | QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(transcript_font())
        self.document().setDocumentMargin(18)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._text = ""
        self._highlights: list[Highlight] = []
        self._starts: list[int] = []
        self._window: tuple[int, int] | None = None
        self.margin = StripeMargin(self)
        self.margin.codingClicked.connect(self.codingClicked)
        self.updateRequest.connect(self._on_update_request)
        self.verticalScrollBar().valueChanged.connect(self._refresh_window)
        self._update_margin_width()

    # Content -------------------------------------------------------------------------
    def set_transcript(self, text: str, turns: Sequence[TurnRecord] = ()) -> None:
        self._highlights, self._starts, self._window = [], [], None
        self.setExtraSelections([])
        self._text = text
        # setPlainText reuses the caret's format; after a transcript that starts with a
        # muted timestamp that would grey out the whole next one.
        self.setCurrentCharFormat(QtGui.QTextCharFormat())
        self.setPlainText(text)
        self._bold_speakers(turns)
        self.moveCursor(QtGui.QTextCursor.MoveOperation.Start)

    def _bold_speakers(self, turns: Sequence[TurnRecord]) -> None:
        """Speaker labels in bold; a leading timestamp such as ``[00:01:02]`` stays muted."""
        if not turns:
            return
        bold = QtGui.QTextCharFormat()
        bold.setFontWeight(QtGui.QFont.Weight.DemiBold)
        muted = QtGui.QTextCharFormat()
        muted.setForeground(self.palette().color(QtGui.QPalette.ColorRole.PlaceholderText))
        cursor = QtGui.QTextCursor(self.document())
        cursor.beginEditBlock()
        for turn in turns:
            head = self._text[turn.start : turn.start + 80]
            at = head.find(turn.speaker)
            colon = head.find(":", max(at, 0) + len(turn.speaker)) if at >= 0 else -1
            if at < 0 or colon < 0:
                continue
            if at > 0:
                cursor.setPosition(turn.start)
                cursor.setPosition(turn.start + at, QtGui.QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(muted)
            cursor.setPosition(turn.start + at)
            cursor.setPosition(turn.start + colon + 1, QtGui.QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(bold)
        cursor.endEditBlock()

    def text(self) -> str:
        return self._text

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        self._highlights = sorted(assign_lanes(list(highlights)), key=lambda h: (h.start, h.end))
        self._starts = [h.start for h in self._highlights]
        self._window = None
        self._refresh_window()
        self._update_margin_width()
        self.margin.update()

    def _refresh_window(self) -> None:
        """Give Qt ExtraSelections only for the text around what is on screen.

        Building a QTextCursor per highlight costs ~50 us in PySide, so all 2,000 codings
        of a long transcript would take ~200 ms; a window of a few screens costs ~2 ms and
        is rebuilt only when scrolling leaves it.
        """
        visible = self.visible_span()
        if visible is None:
            return
        if self._window is not None and self._window[0] <= visible[0] and (
            visible[1] <= self._window[1]
        ):
            return
        span = max(visible[1] - visible[0], 2000)
        low, high = max(0, visible[0] - 2 * span), visible[1] + 2 * span
        self._window = (low, high)
        limit = bisect.bisect_left(self._starts, high)
        near = [h for h in self._highlights[:limit] if h.end > low]
        dark = self.is_dark()
        selections = []
        document = self.document()
        for start, end, colours in runs(near):
            selection = QtWidgets.QTextEdit.ExtraSelection()
            cursor = QtGui.QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QtGui.QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = run_format(colours, dark)  # type: ignore[misc]
            selections.append(selection)
        self.setExtraSelections(selections)

    def highlights(self) -> list[Highlight]:
        return self._highlights

    def highlight_count(self) -> int:
        return len(self._highlights)

    def highlights_at(self, start: int, end: int | None = None) -> list[Highlight]:
        """Highlights touching the position (or overlapping the span ``start``-``end``)."""
        end = start + 1 if end is None or end <= start else end
        limit = bisect.bisect_left(self._starts, end)
        return [h for h in self._highlights[:limit] if h.end > start]

    # Selection -----------------------------------------------------------------------
    def selection_span(self, *, snap: bool = False) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if snap:
            start, end = snap_to_words(self._text, start, end)
        return (start, end) if end > start else None

    def select_span(self, start: int, end: int) -> None:
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(max(0, min(end, len(self._text))))
        cursor.setPosition(max(0, min(start, len(self._text))),
                           QtGui.QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    # Geometry used by the margin -----------------------------------------------------
    def is_dark(self) -> bool:
        return self.palette().color(QtGui.QPalette.ColorRole.Base).lightness() < 128

    def visible_span(self) -> tuple[int, int] | None:
        block = self.firstVisibleBlock()
        if not block.isValid():
            return None
        bottom = self.cursorForPosition(QtCore.QPoint(self.viewport().width(),
                                                      self.viewport().height()))
        last_block = bottom.block()
        return block.position(), last_block.position() + last_block.length()

    def y_of(self, position: int, *, bottom: bool) -> int:
        block = self.document().findBlock(position)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        layout = block.layout()
        line = layout.lineForTextPosition(position - block.position()) if layout else None
        if line is None or not line.isValid():
            return int(top)
        return int(top + line.y() + (line.height() if bottom else 0))

    def _update_margin_width(self) -> None:
        width = self.margin.preferred_width()
        self.setViewportMargins(0, 0, width, 0)
        # Beside the viewport, left of the scroll bar (contentsRect would include the bar).
        viewport = self.viewport().geometry()
        self.margin.setGeometry(viewport.right() + 1, viewport.top(), width, viewport.height())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margin_width()
        self._window = None
        self._refresh_window()

    def _on_update_request(self, rect: QtCore.QRect, dy: int) -> None:
        # Repaint all stripes on scroll: bars span blocks, so scrolling the old pixels is wrong.
        self.margin.update()

    # Tooltips and drops --------------------------------------------------------------
    def viewportEvent(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip:
            assert isinstance(event, QtGui.QHelpEvent)
            position = self.cursorForPosition(event.pos()).position()
            hits = self.highlights_at(position)
            if hits:
                QtWidgets.QToolTip.showText(
                    event.globalPos(), "<hr>".join(h.tooltip for h in hits), self.viewport()
                )
            else:
                QtWidgets.QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _accepts(self, event: QtGui.QDropEvent | QtGui.QDragEnterEvent) -> bool:
        return event.mimeData().hasFormat(CODE_MIME) and self.textCursor().hasSelection()

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        # Never let the default handler move the caret: the drop codes the selection.
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        payload = bytes(event.mimeData().data(CODE_MIME).data()).decode("ascii", "replace")
        event.acceptProposedAction()
        if payload.strip().isdigit():
            self.codeDropped.emit(int(payload.strip()))
