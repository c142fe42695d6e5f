"""The details pane: the selected code's definition, and the codings under the cursor.

It only displays and asks; every change goes back to the main window as a signal, which
turns it into an undo command.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.core.records import CodeRecord, CodingRecord, MemoRecord
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal

ID_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class CodingRow:
    coding: CodingRecord
    code_path: str
    colour: str
    coder: str
    editable: bool  # the current coder may change it (own coding, or a lead)


AUTOSAVE_MS = 800  # after the last keystroke


def _heading(text: str) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setProperty("role", "heading")
    return label


class DetailsPane(QtWidgets.QWidget):
    removeRequested = Signal(int)
    memoSaved = Signal(int, str)
    spanRequested = Signal(int)  # set this coding's span to the current selection
    recodeRequested = Signal(int)  # give this coding the code selected in the code tree
    codingSelected = Signal(int)  # -1: none
    historyRequested = Signal(int)  # show this coding's changes from the audit trail

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, CodingRow] = {}
        self.code_heading = _heading(self.tr("Code"))
        self.code_text = QtWidgets.QLabel()
        self.code_text.setWordWrap(True)
        self.code_text.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.code_text.setAlignment(QtCore.Qt.AlignmentFlag.AlignTop)
        self.code_text.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_text.setContentsMargins(4, 2, 4, 2)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(self.code_text)

        self.codings = QtWidgets.QTreeWidget()
        self.codings.setHeaderLabels([self.tr("Code"), self.tr("Coder"), self.tr("Memo")])
        self.codings.setRootIsDecorated(False)
        self.codings.setUniformRowHeights(True)
        self.codings.setAlternatingRowColors(True)
        header = self.codings.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QtWidgets.QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, 110)
        self.codings.currentItemChanged.connect(self._on_current)

        self.memo = QtWidgets.QPlainTextEdit()
        self.memo.setPlaceholderText(self.tr("Memo on this coding…"))
        self.memo.setMaximumHeight(60)
        self.save_memo = QtWidgets.QPushButton(self.tr("Save memo"))
        self.set_span = QtWidgets.QPushButton(self.tr("Set span to selection"))
        self.remove = QtWidgets.QPushButton(self.tr("Remove"))
        self.history = QtWidgets.QPushButton(self.tr("History"))
        self.history.setToolTip(self.tr("Who changed this coding, when, and how"))
        self.history.clicked.connect(lambda: self._emit_current(self.historyRequested))
        self.recode = QtWidgets.QPushButton(self.tr("Use selected code"))
        self.recode.setToolTip(self.tr("Give this coding the code selected in the codebook"))
        self.recode.clicked.connect(lambda: self._emit_current(self.recodeRequested))
        self.set_span.setToolTip(self.tr("Make the coding cover the text selected now"))
        self.save_memo.clicked.connect(self._save_memo)
        # Memos save as the user types (debounced), and before anything replaces the text,
        # so a memo typed without pressing "Save memo" is never lost.
        self._memo_for: int | None = None  # the coding whose memo the box holds
        self._dirty = False
        self._autosave = QtCore.QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush_memo)
        self.memo.textChanged.connect(self._memo_edited)
        self.set_span.clicked.connect(lambda: self._emit_current(self.spanRequested))
        self.remove.clicked.connect(lambda: self._emit_current(self.removeRequested))
        # Two short rows rather than one long one (Dutch labels are half again as wide);
        # the destructive Remove sits apart from the editing buttons.
        actions = self._actions = QtWidgets.QBoxLayout(QtWidgets.QBoxLayout.Direction.LeftToRight)
        actions.addWidget(self.set_span)
        actions.addWidget(self.recode)
        actions.addStretch(1)
        save_row = QtWidgets.QHBoxLayout()
        save_row.addWidget(self.remove)
        save_row.addWidget(self.history)
        save_row.addStretch(1)
        save_row.addWidget(self.save_memo)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.code_heading)
        layout.addWidget(scroll, 3)
        self.codings_heading = _heading(self.tr("Codings here"))
        layout.addWidget(self.codings_heading)
        layout.addWidget(self.codings, 2)
        layout.addLayout(actions)
        layout.addWidget(self.memo)
        layout.addLayout(save_row)
        self.show_code(None)
        self._update_buttons()

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        # Stack the two buttons when a narrow pane (or a long translation) cannot fit both.
        needed = self.set_span.sizeHint().width() + self.recode.sizeHint().width() + 12
        direction = QtWidgets.QBoxLayout.Direction
        self._actions.setDirection(
            direction.LeftToRight if needed <= event.size().width() else direction.TopToBottom
        )
        super().resizeEvent(event)

    # Code --------------------------------------------------------------------------------
    def show_code(self, code: CodeRecord | None, memos: Sequence[MemoRecord] = ()) -> None:
        if code is None:
            self.code_text.setText(
                "<span style='color:palette(placeholder-text)'>"
                + html.escape(self.tr("Select a code to see its definition."))
                + "</span>"
            )
            return
        parts = [
            f"<div style='font-size:115%; font-weight:600'>"
            f"<span style='color:{code.colour}'>&#9632;</span> {html.escape(code.name)}</div>",
            f"<div style='color:gray'>{html.escape(code.path_text)} · "
            f"{html.escape(self._origin(code.origin))}</div>",
        ]
        for title, body in (
            (self.tr("Definition"), code.definition),
            (self.tr("Include"), code.inclusion),
            (self.tr("Exclude"), code.exclusion),
            (self.tr("Example"), code.example),
        ):
            if body.strip():
                parts.append(f"<p><b>{html.escape(title)}</b><br>{html.escape(body)}</p>")
        for memo in memos:
            who = f" — {html.escape(memo.author)}" if memo.author else ""
            parts.append(
                f"<p><b>{html.escape(self.tr('Memo'))}{who}</b><br>{html.escape(memo.body)}</p>"
            )
        self.code_text.setText("".join(parts))

    def _origin(self, origin: str) -> str:
        # Spelled out so lupdate sees both strings.
        return {"deductive": self.tr("deductive"), "inductive": self.tr("inductive")}.get(
            origin, origin
        )

    # Codings ------------------------------------------------------------------------------
    def show_codings(self, rows: Sequence[CodingRow]) -> None:
        """The codings under the cursor or selection; keeps the current row if still there."""
        current = self.current_coding_id()
        self._rows = {r.coding.id: r for r in rows}
        self.codings.blockSignals(True)
        self.codings.clear()
        for row in rows:
            item = QtWidgets.QTreeWidgetItem(
                [row.code_path.rsplit(" / ", 1)[-1], row.coder, row.coding.memo.replace("\n", " ")]
            )
            item.setData(0, ID_ROLE, row.coding.id)
            pixmap = QtGui.QPixmap(10, 10)
            pixmap.fill(QtGui.QColor(row.colour))
            item.setIcon(0, QtGui.QIcon(pixmap))
            item.setToolTip(0, row.code_path)
            item.setToolTip(2, row.coding.memo)
            self.codings.addTopLevelItem(item)
            if row.coding.id == current:
                self.codings.setCurrentItem(item)
        if self.codings.currentItem() is None and rows:
            self.codings.setCurrentItem(self.codings.topLevelItem(0))
        self.codings.blockSignals(False)
        self._load_memo()
        self._update_buttons()
        current = self.current_coding_id()
        self.codingSelected.emit(current if current is not None else -1)

    def current_coding_id(self) -> int | None:
        item = self.codings.currentItem()
        return int(item.data(0, ID_ROLE)) if item is not None else None

    def select_coding(self, coding_id: int) -> None:
        for index in range(self.codings.topLevelItemCount()):
            item = self.codings.topLevelItem(index)
            if int(item.data(0, ID_ROLE)) == coding_id:
                self.codings.setCurrentItem(item)

    def _on_current(self, *_args: object) -> None:
        self._load_memo()
        self._update_buttons()
        coding_id = self.current_coding_id()
        if coding_id is not None:
            self.codingSelected.emit(coding_id)

    def _load_memo(self) -> None:
        coding_id = self.current_coding_id()
        if coding_id is not None and coding_id == self._memo_for and self.memo.hasFocus():
            return  # still typing in it: an autosave's refresh must not reset the text
        self.flush_memo()
        row = self._rows.get(coding_id) if coding_id is not None else None
        self._loading = True
        self.memo.setPlainText(row.coding.memo if row else "")
        self._loading = False
        self._memo_for = coding_id if row else None
        self._dirty = False

    def _memo_edited(self) -> None:
        if getattr(self, "_loading", False) or self._memo_for is None or self.memo.isReadOnly():
            return
        self._dirty = True
        self._autosave.start()

    def flush_memo(self) -> None:
        """Save a memo typed but not saved yet (also called before the window closes)."""
        self._autosave.stop()
        if not self._dirty or self._memo_for is None:
            return
        self._dirty = False
        row = self._rows.get(self._memo_for)
        text = self.memo.toPlainText()
        if row is None or row.coding.memo != text:
            self.memoSaved.emit(self._memo_for, text)

    def _update_buttons(self) -> None:
        coding_id = self.current_coding_id()
        row = self._rows.get(coding_id) if coding_id is not None else None
        editable = bool(row and row.editable)
        for widget in (self.save_memo, self.set_span, self.recode, self.remove):
            widget.setEnabled(editable)
        self.history.setEnabled(row is not None)  # anyone who sees a coding sees its history
        self.memo.setReadOnly(not editable)

    def _emit_current(self, signal: QtCore.SignalInstance) -> None:
        coding_id = self.current_coding_id()
        if coding_id is not None:
            signal.emit(coding_id)

    def _save_memo(self) -> None:
        self._autosave.stop()
        self._dirty = False
        coding_id = self.current_coding_id()
        if coding_id is not None:
            self.memoSaved.emit(coding_id, self.memo.toPlainText())
