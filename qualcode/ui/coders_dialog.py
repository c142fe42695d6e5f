"""File > Coders…: the people who code, added, renamed and given the lead role here."""

from __future__ import annotations

from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.records import CoderRecord
from qualcode.ui.qt import Qt, QtWidgets

ROLE_ROLE = Qt.ItemDataRole.UserRole


class CodersDialog(QtWidgets.QDialog):
    def __init__(
        self, project: Project, may_manage: bool, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Coders"))
        self.project = project
        self.list = QtWidgets.QTableWidget(0, 2)
        self.list.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role")])
        self.list.horizontalHeader().setStretchLastSection(True)
        self.list.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.name = QtWidgets.QLineEdit()
        self.name.setPlaceholderText(self.tr("Name of a new coder, or the new name"))
        self.add_button = QtWidgets.QPushButton(self.tr("Add"))
        self.rename_button = QtWidgets.QPushButton(self.tr("Rename"))
        self.lead_box = QtWidgets.QCheckBox(
            self.tr("Lead (releases versions, reveals, adjudicates)")
        )
        self.status = QtWidgets.QLabel("")
        self.status.setWordWrap(True)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.rename_button)
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.lead_box)
        layout.addWidget(self.status)
        layout.addWidget(close)
        for widget in (self.name, self.add_button, self.rename_button, self.lead_box):
            widget.setEnabled(may_manage)
        if not may_manage:
            self.status.setText(self.tr("Only a lead manages coders."))
        self.add_button.clicked.connect(lambda _c=False: self.add())
        self.rename_button.clicked.connect(lambda _c=False: self.rename())
        self.name.returnPressed.connect(self.add)
        self.lead_box.clicked.connect(lambda checked: self.set_lead(bool(checked)))
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.resize(460, 360)
        self.refresh()

    def _roles(self) -> dict[str, str]:
        return {
            "lead": self.tr("lead"),
            "coder": self.tr("coder"),
            "consensus": self.tr("consensus"),
        }

    def refresh(self, select: str | None = None) -> None:
        coders = self.project.coders.list()
        self.list.setRowCount(len(coders))
        for row, coder in enumerate(coders):
            name = QtWidgets.QTableWidgetItem(coder.name)
            name.setData(ROLE_ROLE, coder.id)
            self.list.setItem(row, 0, name)
            self.list.setItem(row, 1, QtWidgets.QTableWidgetItem(self._roles()[coder.role]))
            if coder.name == select:
                self.list.selectRow(row)

    def selected(self) -> CoderRecord | None:
        rows = self.list.selectionModel().selectedRows()
        if not rows:
            return None
        return self.project.coders.get(int(self.list.item(rows[0].row(), 0).data(ROLE_ROLE)))

    def _show_selected(self) -> None:
        coder = self.selected()
        self.lead_box.setChecked(coder is not None and coder.role == "lead")

    def _run(self, action: object, select: str | None) -> bool:
        try:
            action()  # type: ignore[operator]
        except QualcodeError as exc:
            self.status.setText(str(exc))
            return False
        self.status.setText("")
        self.refresh(select)
        return True

    def add(self) -> bool:
        name = self.name.text().strip()
        role = "lead" if self.lead_box.isChecked() and self.selected() is None else "coder"
        done = self._run(lambda: self.project.coders.add(name, role=role), name)
        if done:
            self.name.clear()
        return done

    def rename(self) -> bool:
        coder, name = self.selected(), self.name.text().strip()
        if coder is None:
            self.status.setText(self.tr("Select the coder to rename first."))
            return False
        done = self._run(lambda: self.project.coders.rename(coder.id, name), name)
        if done:
            self.name.clear()
        return done

    def set_lead(self, lead: bool) -> bool:
        coder = self.selected()
        if coder is None or coder.role == "consensus":
            return False
        role = "lead" if lead else "coder"
        return self._run(lambda: self.project.coders.set_role(coder.id, role), coder.name)
