"""The memo manager: every memo of the project in one list, with filters and an editor.

Project, document, code and coding memos are written here (the coding memo also in the
details pane). The list holds what the session's coder may see (the memo service applies
the blind rule); the text saves as the user types, like the coding memo box.
"""

from __future__ import annotations

from collections.abc import Callable

from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.records import MemoRecord
from qualcode.ui.qt import QtCore, QtWidgets, Signal

AUTOSAVE_MS = 800
KINDS = ("project", "document", "code", "coding")
COLUMNS = ("Place", "Author", "Title", "Memo", "Changed")


class MemoManager(QtWidgets.QWidget):
    jumpTo = Signal(int, int, int)  # document id, start, end (a coding memo's passage)

    def __init__(
        self,
        project: Project,
        author: Callable[[], str | None] = lambda: None,
        context: Callable[[], dict[str, int | None]] = dict,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        """``context`` says what the window has at hand: document, code and coding ids."""
        super().__init__(parent)
        self.project = project
        self._author = author
        self._context = context
        self._memos: list[MemoRecord] = []
        self.kind = QtWidgets.QComboBox()
        self.kind.addItem(self.tr("All memos"), None)
        labels = {
            "project": self.tr("Project"),
            "document": self.tr("Documents"),
            "code": self.tr("Codes"),
            "coding": self.tr("Codings"),
        }
        for kind in KINDS:
            self.kind.addItem(labels[kind], kind)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search memos…"))
        self.search.setClearButtonEnabled(True)
        self.mine = QtWidgets.QCheckBox(self.tr("Only mine"))
        self.table = QtWidgets.QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Place"),
                self.tr("Author"),
                self.tr("Title"),
                self.tr("Memo"),
                self.tr("Changed"),
            ]
        )
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QtWidgets.QHeaderView.ResizeMode.Stretch)  # the text
        self.title = QtWidgets.QLineEdit()
        self.title.setPlaceholderText(self.tr("Title"))
        self.body = QtWidgets.QPlainTextEdit()
        self.body.setPlaceholderText(self.tr("Choose a memo, or write a new one."))
        self.new_menu = QtWidgets.QMenu(self)
        self.new_actions = {
            "project": self.new_menu.addAction(self.tr("Project memo")),
            "document": self.new_menu.addAction(self.tr("Memo on this document")),
            "code": self.new_menu.addAction(self.tr("Memo on the selected code")),
            "coding": self.new_menu.addAction(self.tr("Memo on the coding at the cursor")),
        }
        for kind, action in self.new_actions.items():
            action.triggered.connect(lambda _c=False, k=kind: self.new_memo(k))
        self.new_button = QtWidgets.QPushButton(self.tr("New memo"))
        self.new_button.setMenu(self.new_menu)
        self.delete_button = QtWidgets.QPushButton(self.tr("Delete memo"))
        self.delete_button.clicked.connect(self.delete_memo)
        self.status = QtWidgets.QLabel()
        filters = QtWidgets.QHBoxLayout()
        for widget in (self.kind, self.search, self.mine):
            filters.addWidget(widget)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        editor = QtWidgets.QWidget()
        editor_layout = QtWidgets.QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(self.title)
        editor_layout.addWidget(self.body)
        splitter.addWidget(editor)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self._editing: int | None = None
        self._loading = False
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._load_selected)
        self.table.itemDoubleClicked.connect(self._jump)
        self.title.textEdited.connect(lambda _t: self._edited())
        self.body.textChanged.connect(self._edited)
        self.refresh()

    # The list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.flush()
        author = self._author() if self.mine.isChecked() else None
        try:
            self._memos = self.project.memos.list(
                target=self.kind.currentData(), author=author, search=self.search.text() or None
            )
        except QualcodeError as exc:
            self.status.setText(str(exc))
            return
        places = self.project.memos.places(self._memos)
        keep = self._editing
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._memos))
        for row, memo in enumerate(self._memos):
            cells = (
                places[memo.id],
                memo.author or "",
                memo.title,
                " ".join(memo.body.split()),
                memo.modified_at.strftime("%Y-%m-%d %H:%M"),
            )
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(memo.body if column == 3 else text)
                self.table.setItem(row, column, item)
            if memo.id == keep:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 200))  # the text gets the rest
        self.table.setColumnWidth(2, min(self.table.columnWidth(2), 120))
        self.status.setText(self.tr("{0} memo(s)").replace("{0}", str(len(self._memos))))
        if keep is None or keep not in {m.id for m in self._memos}:
            self._show(None)

    def memo_ids(self) -> list[int]:
        return [m.id for m in self._memos]

    def _selected(self) -> MemoRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self._memos[rows[0].row()] if rows else None

    def _load_selected(self) -> None:
        self.flush()
        self._show(self._selected())

    def _show(self, memo: MemoRecord | None) -> None:
        self._loading = True
        self._editing = memo.id if memo else None
        self.title.setText(memo.title if memo else "")
        self.body.setPlainText(memo.body if memo else "")
        for widget in (self.title, self.body, self.delete_button):
            widget.setEnabled(memo is not None)
        self._loading = False

    # Writing ----------------------------------------------------------------------------
    def new_memo(self, kind: str) -> bool:
        place = self._context()
        key = {"document": "document", "code": "code", "coding": "coding"}.get(kind)
        ref = place.get(key) if key else None
        if key and ref is None:
            self.status.setText(
                {
                    "document": self.tr("Open a document first."),
                    "code": self.tr("Select a code in the codebook first."),
                    "coding": self.tr("Put the cursor in a coding first."),
                }[kind]
            )
            return False
        try:
            memo = self.project.memos.add(
                "",
                author=self._author(),
                **({key: ref} if key else {}),  # type: ignore[arg-type]
            )
        except QualcodeError as exc:
            self.status.setText(str(exc))
            return False
        self._editing = memo.id
        self.refresh()
        self._show(memo)
        self.body.setFocus()
        return True

    def _edited(self) -> None:
        if not self._loading and self._editing is not None:
            self._timer.start()

    def flush(self) -> None:
        """Save the memo being typed (debounced while typing; at once before a switch)."""
        if not self._timer.isActive() or self._editing is None:
            return
        self._timer.stop()
        try:
            self.project.memos.edit(
                self._editing, body=self.body.toPlainText(), title=self.title.text()
            )
        except QualcodeError as exc:
            self.status.setText(str(exc))

    def delete_memo(self) -> None:
        memo = self._selected()
        if memo is None:
            return
        self._timer.stop()
        self.project.memos.remove(memo.id)
        self._editing = None
        self.refresh()

    def _jump(self, item: QtWidgets.QTableWidgetItem) -> None:
        memo = self._memos[item.row()]
        if memo.coding_id is not None:
            coding = self.project.codings.get(memo.coding_id)
            self.jumpTo.emit(coding.document_id, coding.start, coding.end)
        elif memo.document_id is not None:
            self.jumpTo.emit(memo.document_id, 0, 0)

    def closeEvent(self, event: object) -> None:
        self.flush()
        super().closeEvent(event)  # type: ignore[arg-type]
