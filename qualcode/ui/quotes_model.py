"""The quotes table: one row per coded quote, with its star (and rank) as the first column.

The model holds the ``Quote`` records a search returned; stars are changed through
``project.quotes`` by the browser, which then refreshes the affected rows from the core.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from qualcode.core.retrieval import Quote
from qualcode.ui.qt import Qt, QtCore, QtGui

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
_INVALID = QtCore.QModelIndex()
QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1

STAR, CODE, DOCUMENT, SPEAKER, TEXT, CODER = range(6)
STARRED, UNSTARRED = "★", "☆"
_STAR_COLOUR = QtGui.QColor("#D4A017")
_PLAIN_COLOUR = QtGui.QColor("#A0A0A0")


def one_line(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def quote_html(quote: Quote, heading: str) -> str:
    """The detail pane: a heading, then context (grey), the quote (bold), context (grey)."""

    def block(text: str) -> str:
        return html.escape(text).replace("\n", "<br>")

    return (
        f"<p style='color:#555555'>{html.escape(heading)}</p>"
        "<p style='line-height:140%'>"
        f"<span style='color:#8A8A8A'>{block(quote.context_before)}</span>"
        f"<b>{block(quote.text)}</b>"
        f"<span style='color:#8A8A8A'>{block(quote.context_after)}</span></p>"
        + (f"<p><i>{block(quote.memo)}</i></p>" if quote.memo else "")
    )


class QuotesModel(QtCore.QAbstractTableModel):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._quotes: list[Quote] = []

    def set_quotes(self, quotes: Sequence[Quote]) -> None:
        self.beginResetModel()
        self._quotes = list(quotes)
        self.endResetModel()

    def quotes(self) -> list[Quote]:
        return list(self._quotes)

    def quote(self, row: int) -> Quote:
        return self._quotes[row]

    def row_of(self, coding_id: int) -> int:
        """The row showing this coding, or -1."""
        return next((n for n, q in enumerate(self._quotes) if q.coding_id == coding_id), -1)

    def replace(self, quote: Quote) -> None:
        """Show a fresh copy of one quote (after its star or rank changed)."""
        row = self.row_of(quote.coding_id)
        if row >= 0:
            self._quotes[row] = quote
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._quotes)

    def columnCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            names = [
                STARRED,
                self.tr("Code"),
                self.tr("Document"),
                self.tr("Speaker"),
                self.tr("Quote"),
                self.tr("Coder"),
            ]
            return names[section] if 0 <= section < len(names) else None
        if role == Qt.ItemDataRole.ToolTipRole and section == STAR:
            return self.tr("Illustrative quote (click to star); the number is its place")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._quotes):
            return None
        if not 0 <= index.column() < 6:
            return None
        q, col = self._quotes[index.row()], index.column()
        if role == QUOTE_ROLE:
            return q
        if role == Qt.ItemDataRole.DisplayRole:
            if col == STAR:
                return (STARRED + (str(q.rank) if q.rank else "")) if q.illustrative else UNSTARRED
            if col == CODE:
                return q.code_text
            if col == DOCUMENT:
                return q.document
            if col == SPEAKER:
                return q.speaker or ""
            if col == TEXT:
                return one_line(q.text)
            return q.coder
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == TEXT:
                return one_line(q.text, 1000)
            if col == DOCUMENT:
                return self.tr("paragraph %1").replace("%1", str(q.paragraph))
            if col == CODE:
                return q.code_text
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == STAR:
            return QtGui.QBrush(_STAR_COLOUR if q.illustrative else _PLAIN_COLOUR)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == STAR:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
