"""The document browser: filterable table of documents, assignment and attribute editing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.records import CoderRecord
from qualcode.ui.documents_model import (
    CODINGS,
    DOC_ID_ROLE,
    INTERVENTION,
    MY_ALL,
    MY_ASSIGNED,
    MY_NOT_STARTED,
    MY_STARTED,
    NAME,
    ROW_ROLE,
    DocumentFilterProxy,
    DocumentRow,
    DocumentsModel,
)
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


class BrowserPrompts(Protocol):
    def choose_coders(
        self, document: str, coders: Sequence[CoderRecord], assigned: Sequence[CoderRecord]
    ) -> tuple[list[str], bool] | None: ...
    def edit_attributes(
        self, document: str, attributes: Mapping[str, str]
    ) -> dict[str, str] | None: ...
    def error(self, text: str) -> None: ...


class HeadlessBrowserPrompts:
    """Scripted answers for tests: set ``coders``/``blind`` or ``attributes`` first."""

    def __init__(self) -> None:
        self.coders: list[str] | None = None
        self.blind = False
        self.attributes: dict[str, str] | None = None
        self.errors: list[str] = []

    def choose_coders(
        self, document: str, coders: Sequence[CoderRecord], assigned: Sequence[CoderRecord]
    ) -> tuple[list[str], bool] | None:
        return (self.coders, self.blind) if self.coders is not None else None

    def edit_attributes(
        self, document: str, attributes: Mapping[str, str]
    ) -> dict[str, str] | None:
        return self.attributes

    def error(self, text: str) -> None:
        self.errors.append(text)


class AssignDialog(QtWidgets.QDialog):
    def __init__(
        self,
        document: str,
        coders: Sequence[CoderRecord],
        assigned: Sequence[CoderRecord],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign “%1”").replace("%1", document))
        self.list = QtWidgets.QListWidget()
        taken = {c.id for c in assigned}
        for coder in coders:
            item = QtWidgets.QListWidgetItem(f"{coder.name} ({coder.role})")
            item.setData(Qt.ItemDataRole.UserRole, coder.name)
            item.setCheckState(
                Qt.CheckState.Checked if coder.id in taken else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        self.blind = QtWidgets.QCheckBox(
            self.tr("&Blind: coders do not see each other's codings until the lead reveals them")
        )
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(QtWidgets.QLabel(self.tr("Coders:")))
        layout.addWidget(self.list)
        layout.addWidget(self.blind)
        layout.addWidget(buttons)

    def chosen(self) -> list[str]:
        return [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]


class AttributesDialog(QtWidgets.QDialog):
    """Key/value table; an emptied value or removed row removes the attribute."""

    def __init__(
        self, document: str, attributes: Mapping[str, str], parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Attributes of “%1”").replace("%1", document))
        self.table = QtWidgets.QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        for key, value in sorted(attributes.items()):
            self.add_row(key, value)
        add = QtWidgets.QPushButton(self.tr("&Add"))
        add.clicked.connect(lambda: self.add_row("", ""))
        remove = QtWidgets.QPushButton(self.tr("&Remove"))
        remove.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(420, 360)

    def add_row(self, key: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QtWidgets.QTableWidgetItem(key))
        self.table.setItem(row, 1, QtWidgets.QTableWidgetItem(value))

    def values(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key, value = (self.table.item(row, c) for c in (0, 1))
            if key is not None and key.text().strip():
                found[key.text().strip()] = value.text().strip() if value else ""
        return found


class DialogBrowserPrompts:
    def __init__(self, parent: QtWidgets.QWidget) -> None:
        self._parent = parent

    def choose_coders(
        self, document: str, coders: Sequence[CoderRecord], assigned: Sequence[CoderRecord]
    ) -> tuple[list[str], bool] | None:
        dialog = AssignDialog(document, coders, assigned, self._parent)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen(), dialog.blind.isChecked()

    def edit_attributes(
        self, document: str, attributes: Mapping[str, str]
    ) -> dict[str, str] | None:
        dialog = AttributesDialog(document, attributes, self._parent)
        return dialog.values() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None

    def error(self, text: str) -> None:
        QtWidgets.QMessageBox.warning(self._parent, "Qualcode", text)


class DocumentBrowser(QtWidgets.QWidget):
    documentActivated = Signal(int)

    def __init__(
        self,
        project: Project,
        parent: QtWidgets.QWidget | None = None,
        *,
        prompts: BrowserPrompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.prompts: BrowserPrompts = prompts or DialogBrowserPrompts(self)
        self.model = DocumentsModel(project, self)
        self.proxy = DocumentFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.intervention = QtWidgets.QComboBox()
        self.source_type = QtWidgets.QComboBox()
        self.progress = QtWidgets.QComboBox()
        for label, key in (
            (self.tr("All documents"), MY_ALL),
            (self.tr("Assigned to me"), MY_ASSIGNED),
            (self.tr("Assigned to me, not started"), MY_NOT_STARTED),
            (self.tr("Coded by me"), MY_STARTED),
        ):
            self.progress.addItem(label, key)
        self.text = QtWidgets.QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter documents…"))
        self.text.setClearButtonEnabled(True)
        self.view = QtWidgets.QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setWordWrap(False)
        # activated = Enter, or double-click (single click where the platform says so).
        self.view.activated.connect(self._activate)
        # Moving through the list opens documents too (as the main window expects), but
        # not when the program itself selects a row or the model resets.
        self._quiet = False
        self._kept: int | None = None  # the selected document, kept across model resets
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.assign_action = QtGui.QAction(self.tr("&Assign to coder(s)…"), self)
        self.assign_action.triggered.connect(lambda _=False: self.assign())
        self.reveal_action = QtGui.QAction(self.tr("&Reveal codings"), self)
        self.reveal_action.triggered.connect(lambda _=False: self.reveal())
        self.attributes_action = QtGui.QAction(self.tr("Edit a&ttributes…"), self)
        self.attributes_action.triggered.connect(lambda _=False: self.edit_attributes())

        # Text on its own row, the combos below: the panel is often only ~300 px wide.
        filters = QtWidgets.QHBoxLayout()
        for widget in (self.intervention, self.source_type, self.progress):
            widget.currentIndexChanged.connect(self._apply_filters)
            widget.setSizeAdjustPolicy(
                QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            widget.setMinimumContentsLength(6)
            filters.addWidget(widget, 1)
        self.text.textChanged.connect(self._apply_filters)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)
        layout.addLayout(filters)
        layout.addWidget(self.view)
        self._setup_columns()
        self.model.modelAboutToBeReset.connect(self._remember)
        self.model.modelReset.connect(self._fill_combos)
        self._fill_combos()
        model = self.model
        self.destroyed.connect(lambda *_: model.detach())

    # Public interface -----------------------------------------------------------------
    def set_current_coder(self, name: str | None) -> None:
        self.model.set_current_coder(name)
        self._apply_filters()

    def select_document(self, document_id: int) -> None:
        source = self.model.index(self.model.row_of(document_id), NAME)
        index = self.proxy.mapFromSource(source) if source.isValid() else source
        if index.isValid():
            self._quiet = True
            try:
                self.view.setCurrentIndex(index)
            finally:
                self._quiet = False
            self.view.scrollTo(index)

    def selected_document_id(self) -> int | None:
        index = self.view.currentIndex()
        value = index.data(DOC_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def _setup_columns(self) -> None:
        """Narrow panel: name, intervention and progress show; the header menu adds more."""
        header = self.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.moveSection(header.visualIndex(CODINGS), 1)  # progress next to the name
        for column in range(self.model.columnCount()):
            header.setSectionHidden(column, column not in (NAME, INTERVENTION, CODINGS))
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    def _column_menu(self, pos: QtCore.QPoint) -> None:
        header = self.view.horizontalHeader()
        menu = QtWidgets.QMenu(self)
        for column in range(self.model.columnCount()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != NAME)
            action.toggled.connect(lambda shown, c=column: header.setSectionHidden(c, not shown))
        menu.exec(header.mapToGlobal(pos))

    # Filters --------------------------------------------------------------------------
    def _fill_combos(self) -> None:
        records = [
            self.model.index(r, NAME).data(ROW_ROLE).record for r in range(self.model.rowCount())
        ]
        for combo, key, everything in (
            (self.intervention, "intervention", self.tr("All interventions")),
            (self.source_type, "source_type", self.tr("All source types")),
        ):
            current = combo.currentData() or ""
            values = sorted({r.attributes[key] for r in records if r.attributes.get(key)})
            combo.blockSignals(True)  # refilling must not re-filter half-way
            combo.clear()
            combo.addItem(everything, "")
            for value in values:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self._apply_filters()
        self.view.resizeColumnsToContents()
        # Long transcript names must not push the progress column out of a narrow panel.
        self.view.setColumnWidth(NAME, min(self.view.columnWidth(NAME), 180))
        if self._kept is not None:
            self.select_document(self._kept)

    def _remember(self) -> None:
        self._kept = self.selected_document_id()

    def _apply_filters(self) -> None:
        self.proxy.set_filter(
            intervention=self.intervention.currentData() or "",
            source_type=self.source_type.currentData() or "",
            text=self.text.text(),
            progress=self.progress.currentData() or MY_ALL,
        )

    # Actions --------------------------------------------------------------------------
    def _activate(self, index: QtCore.QModelIndex) -> None:
        value = index.data(DOC_ID_ROLE) if index.isValid() else None
        if value is not None:
            self.documentActivated.emit(int(value))

    def _current_changed(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        if not self._quiet and self.view.hasFocus():
            self._activate(current)

    def _context_menu(self, pos: QtCore.QPoint) -> None:
        row = self._selected_row()
        if row is None:
            return
        coder = self.model.current_coder
        self.reveal_action.setEnabled(
            row.hidden_from_coders and coder is not None and coder.role == "lead"
        )
        menu = QtWidgets.QMenu(self)
        for action in (self.assign_action, self.reveal_action, self.attributes_action):
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def _selected_row(self) -> DocumentRow | None:
        document_id = self.selected_document_id()
        return self.model.document_row(document_id) if document_id is not None else None

    def _run(self, action: str, *args: object, **kwargs: object) -> bool:
        try:
            getattr(self.project.documents, action)(*args, **kwargs)
        except QualcodeError as exc:
            self.prompts.error(str(exc))
            return False
        return True

    def assign(self) -> bool:
        row = self._selected_row()
        if row is None:
            return False
        answer = self.prompts.choose_coders(
            row.record.name, self.project.coders.list(), row.assigned
        )
        if answer is None or not answer[0]:
            return False
        coders, blind = answer
        return self._run("assign", row.record.id, coders, blind=blind)

    def reveal(self) -> bool:
        row, coder = self._selected_row(), self.model.current_coder
        if row is None or coder is None:
            return False
        return self._run("reveal", row.record.id, by=coder.id)

    def edit_attributes(self) -> bool:
        row = self._selected_row()
        if row is None:
            return False
        values = self.prompts.edit_attributes(row.record.name, row.record.attributes)
        if values is None:
            return False
        removed: dict[str, str | None] = {k: None for k in row.record.attributes if k not in values}
        return self._run("set_attributes", row.record.id, {**removed, **values})

    def codings_text(self, document_id: int) -> str:
        """What the codings column shows for a document (used by tests and tooltips)."""
        return str(self.model.index(self.model.row_of(document_id), CODINGS).data())
