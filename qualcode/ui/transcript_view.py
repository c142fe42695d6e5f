"""The transcript: read-only, selectable text with coding highlights and a stripe margin.

Built on QTextEdit rather than QPlainTextEdit: only the full text layout honours a line
height, and 140 % leading is what makes long transcripts restful to read; measured on a
300,000-character transcript it opens and scrolls as fast (benchmarks/). Highlights are
ExtraSelections (they never touch the document, so undoing a coding never re-lays out
text), one per flattened run (see ``highlights.runs``), built only near the screen.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from qualcode.core.records import TurnRecord
from qualcode.ui.highlights import Highlight, assign_lanes, run_format, runs
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal
from qualcode.ui.stripe_margin import StripeMargin

CODE_MIME = "application/x-qualcode-code-id"
SERIF_FAMILIES = [
    "Source Serif 4",
    "Charter",
    "Georgia",
    "Noto Serif",
    "Liberation Serif",
    "DejaVu Serif",
    "serif",
]


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


LINE_HEIGHT = 140  # percent


def speaker_labels(text: str, turns: Sequence[TurnRecord]) -> list[tuple[int, int, int]]:
    """(turn start, label start, label end incl. colon) for turns whose label is found."""
    found = []
    for turn in sorted(turns, key=lambda t: t.start):
        head = text[turn.start : turn.start + 80]
        at = head.find(turn.speaker)
        colon = head.find(":", at + len(turn.speaker)) if at >= 0 else -1
        if at >= 0 and colon >= 0:
            found.append((turn.start, turn.start + at, turn.start + colon + 1))
    return found


class TranscriptView(QtWidgets.QTextEdit):
    codeDropped = Signal(int)  # a code id dropped onto the selection
    codingClicked = Signal(int)  # a stripe in the margin was clicked

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            QtCore.Qt.TextInteractionFlag.TextSelectableByMouse
            | QtCore.Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QtWidgets.QTextEdit.LineWrapMode.WidgetWidth)
        self.setUndoRedoEnabled(False)  # formatting speaker labels must not fill an undo log
        self.setFont(transcript_font())
        self.document().setDocumentMargin(18)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._text = ""
        self._highlights: list[Highlight] = []
        self._starts: list[int] = []
        self._window: tuple[int, int] | None = None
        self.focus_coding: int | None = None  # the coding picked in the details pane
        self.margin = StripeMargin(self)
        self.margin.codingClicked.connect(self.codingClicked)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll)
        self.document().documentLayout().documentSizeChanged.connect(self._on_scroll)
        self._update_margin_width()

    # Content -------------------------------------------------------------------------
    def set_transcript(self, text: str, turns: Sequence[TurnRecord] = ()) -> None:
        self._highlights, self._starts, self._window = [], [], None
        self.setExtraSelections([])
        self._text = text
        self.focus_coding = None
        self._fill(text, turns)
        self.moveCursor(QtGui.QTextCursor.MoveOperation.Start)

    def _fill(self, text: str, turns: Sequence[TurnRecord]) -> None:
        """Insert the text in one edit block, speaker labels bold, every line spaced.

        Writing formatted pieces once is about twice as fast as setPlainText followed by
        merging block and char formats over a 300,000-character document.
        """
        document = self.document()
        document.clear()
        cursor = QtGui.QTextCursor(document)
        cursor.beginEditBlock()
        spaced = QtGui.QTextBlockFormat()
        spaced.setLineHeight(
            LINE_HEIGHT, QtGui.QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.setBlockFormat(spaced)  # blocks split off later inherit it
        plain = QtGui.QTextCharFormat()
        bold = QtGui.QTextCharFormat()
        bold.setFontWeight(QtGui.QFont.Weight.DemiBold)
        muted = QtGui.QTextCharFormat()
        muted.setForeground(self.palette().color(QtGui.QPalette.ColorRole.PlaceholderText))
        done = 0
        for start, label_start, label_end in speaker_labels(text, turns):
            if start < done:
                continue
            if start > done:
                cursor.insertText(text[done:start], plain)
            if label_start > start:  # a timestamp such as [00:01:02]
                cursor.insertText(text[start:label_start], muted)
            cursor.insertText(text[label_start:label_end], bold)
            done = label_end
        cursor.insertText(text[done:], plain)
        cursor.endEditBlock()

    def text(self) -> str:
        return self._text

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        self._highlights = sorted(assign_lanes(list(highlights)), key=lambda h: (h.start, h.end))
        self._starts = [h.start for h in self._highlights]
        self._window = None
        # Margin first: a wider margin resizes the viewport, which would rebuild the
        # selections a second time.
        self._update_margin_width()
        self._refresh_window()
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
        if (
            self._window is not None
            and self._window[0] <= visible[0]
            and (visible[1] <= self._window[1])
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
        focus = next((h for h in near if h.coding_id == self.focus_coding), None)
        if focus is not None:
            selections.append(self._focus_selection(focus))
        self.setExtraSelections(selections)

    def _focus_selection(self, h: Highlight) -> QtWidgets.QTextEdit.ExtraSelection:
        """A wavy underline in the code's colour marks which coding the details pane shows."""
        selection = QtWidgets.QTextEdit.ExtraSelection()
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(h.start)
        cursor.setPosition(h.end, QtGui.QTextCursor.MoveMode.KeepAnchor)
        fmt = QtGui.QTextCharFormat()
        fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.WaveUnderline)
        colour = QtGui.QColor(h.colour)
        fmt.setUnderlineColor(colour.lighter(140) if self.is_dark() else colour.darker(140))
        selection.cursor = cursor  # type: ignore[misc]
        selection.format = fmt  # type: ignore[misc]
        return selection

    def set_focus_coding(self, coding_id: int | None) -> None:
        coding_id = coding_id if coding_id is not None and coding_id >= 0 else None
        if coding_id == self.focus_coding:
            return
        self.focus_coding = coding_id
        self._window = None
        self._refresh_window()
        self.margin.update()

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
        cursor.setPosition(
            max(0, min(start, len(self._text))), QtGui.QTextCursor.MoveMode.KeepAnchor
        )
        self.setTextCursor(cursor)
        self.center_cursor()

    def center_cursor(self) -> None:
        """Scroll so the caret sits mid-screen (QTextEdit only ensures it is visible)."""
        bar = self.verticalScrollBar()
        offset = self.cursorRect().center().y() - self.viewport().height() // 2
        bar.setValue(bar.value() + offset)

    # Geometry used by the margin -----------------------------------------------------
    def is_dark(self) -> bool:
        return self.palette().color(QtGui.QPalette.ColorRole.Base).lightness() < 128

    def visible_span(self) -> tuple[int, int] | None:
        if not self._text:
            return None
        viewport = self.viewport()
        first = self.cursorForPosition(QtCore.QPoint(0, 0)).block()
        last = self.cursorForPosition(QtCore.QPoint(viewport.width(), viewport.height())).block()
        return first.position(), last.position() + last.length()

    def y_of(self, position: int, *, bottom: bool) -> int:
        """Viewport y of a text position's line (top, or bottom with ``bottom``)."""
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(max(0, min(position, len(self._text))))
        rect = self.cursorRect(cursor)
        if not bottom:
            return rect.top()
        # The caret spans the glyphs, the line box also the added leading below them.
        return rect.bottom() + int(rect.height() * (LINE_HEIGHT - 100) / 100)

    def _update_margin_width(self) -> None:
        width = self.margin.preferred_width()
        self.setViewportMargins(0, 0, width, 0)
        # Beside the viewport, left of the scroll bar (contentsRect would include the bar).
        viewport = self.viewport().geometry()
        self.margin.setGeometry(viewport.right() + 1, viewport.top(), width, viewport.height())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_margin_width()
        # Selections hold text positions, which re-wrapping keeps: rebuild only when the
        # text now on screen lies outside the window they cover.
        self._refresh_window()

    def changeEvent(self, event: QtCore.QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QtCore.QEvent.Type.PaletteChange:
            # The system switched light/dark: highlight tints differ per scheme.
            self._window = None
            self._refresh_window()
            self.margin.update()

    def _on_scroll(self, *_args: object) -> None:
        self._refresh_window()
        # Repaint all stripes: bars span many lines, so shifting the old pixels is wrong.
        self.margin.update()

    # Tooltips and drops --------------------------------------------------------------
    def viewportEvent(self, event: QtCore.QEvent) -> bool:
        if event.type() == QtCore.QEvent.Type.ToolTip:
            assert isinstance(event, QtGui.QHelpEvent)
            position = self.cursorForPosition(event.pos()).position()
            hits = self.highlights_at(position)
            if hits:
                QtWidgets.QToolTip.showText(
                    event.globalPos(), "<hr>".join(h.tip() for h in hits), self.viewport()
                )
            else:
                QtWidgets.QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _accepts(self, event: QtGui.QDropEvent | QtGui.QDragEnterEvent) -> bool:
        return event.mimeData().hasFormat(CODE_MIME) and self.textCursor().hasSelection()

    @staticmethod
    def _accept_as_copy(event: QtGui.QDropEvent) -> None:
        # Always a copy: a "move" would make the code tree remove the dragged code's row.
        event.setDropAction(QtCore.Qt.DropAction.CopyAction)
        event.accept()

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if self._accepts(event):
            self._accept_as_copy(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QtGui.QDragMoveEvent) -> None:
        # Never let the default handler move the caret: the drop codes the selection.
        if self._accepts(event):
            self._accept_as_copy(event)
        else:
            event.ignore()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        if not self._accepts(event):
            event.ignore()
            return
        payload = bytes(event.mimeData().data(CODE_MIME).data()).decode("ascii", "replace")
        self._accept_as_copy(event)
        if payload.strip().isdigit():
            self.codeDropped.emit(int(payload.strip()))
