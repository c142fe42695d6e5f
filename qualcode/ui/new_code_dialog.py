"""Naming a new inductive or in-vivo code, and saying where it goes.

A new code never lands silently under whatever happens to be selected in the tree: the
dialog names its parent, which starts at the project's "parent for new inductive codes"
(a setting, e.g. an "Inductive" cluster) or the top level, and the user may change it.
An in-vivo name (the selected words) is shown for editing before the code exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from qualcode.core.project import Project
from qualcode.core.records import CodeRecord
from qualcode.ui.qt import QtCore, QtWidgets

SETTING = "inductive_parent"  # project setting: guid of the default parent ("" = top level)


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("NewCodeDialog", text)


@dataclass(frozen=True)
class NewCodeAnswer:
    name: str
    parent_id: int | None
    remember: bool = False


def shade(colour: str, step: float = 0.25) -> str:
    """A lighter shade of a parent's colour for a new sub-code (the family stays visible)."""
    from qualcode.ui.qt import QtGui

    base = QtGui.QColor(colour) if colour else QtGui.QColor()
    if not base.isValid():
        return ""
    hue, sat, light, _alpha = base.getHslF()
    return QtGui.QColor.fromHslF(max(hue, 0.0), sat, light + (1.0 - light) * step).name().upper()


def default_parent(project: Project, codes: Sequence[CodeRecord]) -> int | None:
    guid = project.setting(SETTING, "")
    return next((c.id for c in codes if c.guid == guid), None) if guid else None


def remember_parent(project: Project, code: CodeRecord | None) -> None:
    project.set_setting(SETTING, code.guid if code is not None else "")


class NewCodeDialog(QtWidgets.QDialog):
    def __init__(
        self,
        title: str,
        name: str,
        codes: Sequence[CodeRecord],
        parent_id: int | None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.name = QtWidgets.QLineEdit(name)
        self.name.selectAll()
        self.parent_box = QtWidgets.QComboBox()
        self.parent_box.addItem(_tr("(top level)"), None)
        for code in codes:
            self.parent_box.addItem(code.path_text, code.id)
        found = self.parent_box.findData(parent_id) if parent_id is not None else 0
        self.parent_box.setCurrentIndex(max(found, 0))
        self.where = QtWidgets.QLabel()
        self.where.setWordWrap(True)
        self.parent_box.currentIndexChanged.connect(self._show_where)
        self.remember = QtWidgets.QCheckBox(_tr("Put new inductive codes here from now on"))
        form = QtWidgets.QFormLayout()
        form.addRow(_tr("Name"), self.name)
        form.addRow(_tr("Parent"), self.parent_box)
        form.addRow("", self.where)
        form.addRow("", self.remember)
        buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok
            | QtWidgets.QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        self.name.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._show_where()
        self.name.setFocus()

    def _show_where(self) -> None:
        if self.parent_box.currentData() is None:
            self.where.setText(_tr("The code is created at the top level of the codebook."))
        else:
            self.where.setText(
                _tr("The code is created under “{0}”.").replace(
                    "{0}", self.parent_box.currentText()
                )
            )

    def answer(self) -> NewCodeAnswer:
        data = self.parent_box.currentData()
        return NewCodeAnswer(
            self.name.text().strip(),
            int(data) if data is not None else None,
            self.remember.isChecked(),
        )


def ask_new_code(
    window: QtWidgets.QWidget,
    project: Project,
    title: str,
    name: str,
    codes: Sequence[CodeRecord],
) -> NewCodeAnswer | None:
    dialog = NewCodeDialog(title, name, codes, default_parent(project, codes), window)
    try:
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted or not dialog.answer().name:
            return None
        return dialog.answer()
    finally:
        dialog.deleteLater()
