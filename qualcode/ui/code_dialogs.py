"""Dialogs of the code tree: code editor, merge, delete, split and the change log.

The tree asks its questions through :class:`CodebookPrompts`; :class:`DialogPrompts`
answers them with these dialogs, :class:`HeadlessPrompts` with scripted answers (tests).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from qualcode.core.records import ChangeRecord, CodeRecord
from qualcode.ui.codebook_commands import CodeFields, DeleteChoice
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets

translate = QtCore.QCoreApplication.translate
CMO_TAGS = ("context", "mechanism", "outcome")
_SHOWN_FIELDS = (
    "name",
    "path",
    "definition",
    "inclusion",
    "exclusion",
    "example",
    "colour",
    "origin",
    "cmo",
)


class CodebookPrompts(Protocol):
    """Questions the code tree asks the user; tests answer them without dialogs."""

    def edit_code(self, title: str, fields: CodeFields) -> CodeFields | None: ...
    def choose_colour(self, colour: str) -> str | None: ...
    def choose_merge_target(
        self, source: CodeRecord, candidates: Sequence[CodeRecord]
    ) -> CodeRecord | None: ...
    def choose_delete(
        self, code: CodeRecord, codings: int, candidates: Sequence[CodeRecord]
    ) -> DeleteChoice | None: ...
    def choose_move_target(
        self, source: CodeRecord, candidates: Sequence[CodeRecord]
    ) -> CodeRecord | str | None: ...
    def split_names(self, code: CodeRecord) -> list[str] | None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def show_change_log(self, code: CodeRecord, entries: Sequence[ChangeRecord]) -> None: ...
    def error(self, text: str) -> None: ...


class HeadlessPrompts:
    """Scripted answers for tests and scripts: set the attributes, read ``errors`` after."""

    def __init__(self) -> None:
        self.fields: CodeFields | None = None
        self.colour: str | None = None
        self.merge_target: str | None = None  # guid
        self.move_target: str | None = None  # guid, or "" for the top level
        self.delete_choice: DeleteChoice | None = None
        self.names: list[str] | None = None
        self.answer = True
        self.errors: list[str] = []
        self.questions: list[str] = []
        self.shown_log: list[ChangeRecord] = []

    def edit_code(self, title: str, fields: CodeFields) -> CodeFields | None:
        return self.fields

    def choose_colour(self, colour: str) -> str | None:
        return self.colour

    def choose_merge_target(
        self, source: CodeRecord, candidates: Sequence[CodeRecord]
    ) -> CodeRecord | None:
        return next((c for c in candidates if c.guid == self.merge_target), None)

    def choose_delete(
        self, code: CodeRecord, codings: int, candidates: Sequence[CodeRecord]
    ) -> DeleteChoice | None:
        return self.delete_choice

    def choose_move_target(
        self, source: CodeRecord, candidates: Sequence[CodeRecord]
    ) -> CodeRecord | str | None:
        if self.move_target == "":
            return ""
        return next((c for c in candidates if c.guid == self.move_target), None)

    def split_names(self, code: CodeRecord) -> list[str] | None:
        return self.names

    def confirm(self, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer

    def show_change_log(self, code: CodeRecord, entries: Sequence[ChangeRecord]) -> None:
        self.shown_log = list(entries)

    def error(self, text: str) -> None:
        self.errors.append(text)


def _buttons(dialog: QtWidgets.QDialog) -> QtWidgets.QDialogButtonBox:
    box = QtWidgets.QDialogButtonBox(
        QtWidgets.QDialogButtonBox.StandardButton.Ok
        | QtWidgets.QDialogButtonBox.StandardButton.Cancel
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ColourButton(QtWidgets.QPushButton):
    """Shows a colour and opens the colour picker when clicked."""

    def __init__(self, colour: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = colour
        self.clicked.connect(self._pick)
        self._show()

    def _show(self) -> None:
        pixmap = QtGui.QPixmap(16, 16)
        pixmap.fill(QtGui.QColor(self.colour))
        self.setIcon(QtGui.QIcon(pixmap))
        self.setText(self.colour.upper())

    def _pick(self) -> None:
        chosen = QtWidgets.QColorDialog.getColor(
            QtGui.QColor(self.colour), self, self.tr("Code colour")
        )
        if chosen.isValid():
            self.colour = chosen.name().upper()
            self._show()


class CodeEditorDialog(QtWidgets.QDialog):
    def __init__(
        self, title: str, fields: CodeFields, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.name = QtWidgets.QLineEdit(fields.name)
        self.texts: dict[str, QtWidgets.QPlainTextEdit] = {}
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        labels = {
            "definition": self.tr("&Definition:"),
            "inclusion": self.tr("&Inclusion:"),
            "exclusion": self.tr("E&xclusion:"),
            "example": self.tr("&Example:"),
        }
        for key, label in labels.items():
            edit = QtWidgets.QPlainTextEdit(getattr(fields, key))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(48)
            self.texts[key] = edit
            form.addRow(label, edit)
        self.colour = ColourButton(fields.colour)
        form.addRow(self.tr("&Colour:"), self.colour)
        self.origin = QtWidgets.QComboBox()
        self.origin.addItem(self.tr("Deductive (a priori)"), "deductive")
        self.origin.addItem(self.tr("Inductive (from the data)"), "inductive")
        self.origin.setCurrentIndex(max(0, self.origin.findData(fields.origin)))
        form.addRow(self.tr("&Origin:"), self.origin)
        self.cmo = QtWidgets.QComboBox()
        self.cmo.addItem(self.tr("(none)"), None)
        for tag, label in zip(
            CMO_TAGS, (self.tr("Context"), self.tr("Mechanism"), self.tr("Outcome")), strict=True
        ):
            self.cmo.addItem(label, tag)
        self.cmo.setCurrentIndex(max(0, self.cmo.findData(fields.cmo)))
        form.addRow(self.tr("C&MO tag:"), self.cmo)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._validate)
        self._validate()
        self.resize(460, 520)

    def _validate(self) -> None:
        ok = self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and " / " not in self.name.text())

    def fields(self) -> CodeFields:
        return CodeFields(
            name=self.name.text().strip(),
            definition=self.texts["definition"].toPlainText().strip(),
            inclusion=self.texts["inclusion"].toPlainText().strip(),
            exclusion=self.texts["exclusion"].toPlainText().strip(),
            example=self.texts["example"].toPlainText().strip(),
            colour=self.colour.colour,
            origin=self.origin.currentData(),
            cmo=self.cmo.currentData(),
        )


class CodePickerDialog(QtWidgets.QDialog):
    """Choose one code from a filterable list of paths (merge target, move-to code)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        candidates: Sequence[CodeRecord],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.filter = QtWidgets.QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter codes…"))
        self.filter.setClearButtonEnabled(True)
        self.list = QtWidgets.QListWidget()
        for record in candidates:
            item = QtWidgets.QListWidgetItem(record.path_text)
            item.setData(Qt.ItemDataRole.UserRole, record)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(self.accept)
        self.filter.textChanged.connect(self._filter)
        layout = QtWidgets.QVBoxLayout(self)
        label = QtWidgets.QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(_buttons(self))
        self.resize(420, 460)

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(needle not in item.text().casefold())

    def chosen(self) -> CodeRecord | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item and not item.isHidden() else None


class DeleteCodeDialog(QtWidgets.QDialog):
    """A code with codings: move them to another code, or drop them with the code."""

    def __init__(
        self,
        code: CodeRecord,
        codings: int,
        candidates: Sequence[CodeRecord],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Delete code"))
        text = self.tr("“%1” (with its sub-codes) has %n coding(s).", "", codings)
        label = QtWidgets.QLabel(text.replace("%1", code.path_text))
        label.setWordWrap(True)
        self.move_codings = QtWidgets.QRadioButton(self.tr("&Move the codings to:"))
        self.target = QtWidgets.QComboBox()
        for record in candidates:
            self.target.addItem(record.path_text, record.guid)
        self.drop_codings = QtWidgets.QRadioButton(self.tr("&Delete the codings too"))
        self.move_codings.setChecked(bool(candidates))
        self.move_codings.setEnabled(bool(candidates))
        self.drop_codings.setChecked(not candidates)
        self.move_codings.toggled.connect(self.target.setEnabled)
        self.target.setEnabled(self.move_codings.isChecked())
        layout = QtWidgets.QVBoxLayout(self)
        for widget in (label, self.move_codings, self.target, self.drop_codings):
            layout.addWidget(widget)
        layout.addWidget(_buttons(self))

    def choice(self) -> DeleteChoice:
        if self.move_codings.isChecked() and self.target.currentData():
            return DeleteChoice("move", self.target.currentData())
        return DeleteChoice("drop")


def describe_change(entry: ChangeRecord) -> str:
    """One line for the change log: what was before and what came after."""
    before, after = entry.before or {}, entry.after or {}
    if entry.action == "create":
        return translate("ChangeLog", "created as {0}").format(after.get("path", ""))
    if entry.action == "delete":
        return translate("ChangeLog", "deleted ({0})").format(before.get("path", ""))
    if entry.action == "merge":
        return translate("ChangeLog", "merged into {0}").format(after.get("target_path", ""))
    if entry.action == "split":
        targets = after.get("targets")
        count = len(targets) if isinstance(targets, list) else 0
        return translate("ChangeLog", "split into {0} new code(s)").format(count)
    parts = [
        f"{key}: {_short(before.get(key))} → {_short(after.get(key))}"
        for key in _SHOWN_FIELDS
        if before.get(key) != after.get(key)
    ]
    return "; ".join(parts) or entry.note


def _short(value: object) -> str:
    text = "" if value is None else str(value)
    if not text:
        return translate("ChangeLog", "(none)")  # e.g. a code that had no colour yet
    return text if len(text) <= 60 else text[:57] + "…"


class ChangeLogDialog(QtWidgets.QDialog):
    """The logbook of one code: when, who, action, before → after."""

    def __init__(
        self,
        code: CodeRecord,
        entries: Sequence[ChangeRecord],
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change log: %1").replace("%1", code.path_text))
        self.table = QtWidgets.QTableWidget(len(entries), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Before → after")]
        )
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, entry in enumerate(entries):
            cells = (
                entry.at.strftime("%Y-%m-%d %H:%M"),
                entry.coder or "—",
                entry.action,
                describe_change(entry),
            )
            for column, text in enumerate(cells):
                item = QtWidgets.QTableWidgetItem(text)
                item.setToolTip(text if column == 3 else "")
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        close = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(close)
        self.resize(720, 360)


class DialogPrompts:
    """The real, modal answers to the code tree's questions."""

    def __init__(self, parent: QtWidgets.QWidget) -> None:
        self._parent = parent

    def edit_code(self, title: str, fields: CodeFields) -> CodeFields | None:
        dialog = CodeEditorDialog(title, fields, self._parent)
        return dialog.fields() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None

    def choose_colour(self, colour: str) -> str | None:
        chosen = QtWidgets.QColorDialog.getColor(
            QtGui.QColor(colour), self._parent, translate("DialogPrompts", "Code colour")
        )
        return chosen.name().upper() if chosen.isValid() else None

    def choose_merge_target(
        self, source: CodeRecord, candidates: Sequence[CodeRecord]
    ) -> CodeRecord | None:
        dialog = CodePickerDialog(
            translate("DialogPrompts", "Merge code"),
            translate("DialogPrompts", "Merge “{0}” into which code?").format(source.path_text),
            candidates,
            self._parent,
        )
        return dialog.chosen() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None

    def choose_move_target(
        self, source: CodeRecord, candidates: Sequence[CodeRecord]
    ) -> CodeRecord | str | None:
        """Where a code goes: another code (as its sub-code) or "" for the top level."""
        top = translate("DialogPrompts", "(top level)")
        labels = [top, *(c.path_text for c in candidates)]
        label, ok = QtWidgets.QInputDialog.getItem(
            self._parent,
            translate("DialogPrompts", "Move code"),
            translate("DialogPrompts", "Move “{0}” under:").format(source.path_text),
            labels,
            0,
            False,
        )
        if not ok:
            return None
        return "" if label == top else candidates[labels.index(label) - 1]

    def choose_delete(
        self, code: CodeRecord, codings: int, candidates: Sequence[CodeRecord]
    ) -> DeleteChoice | None:
        dialog = DeleteCodeDialog(code, codings, candidates, self._parent)
        return dialog.choice() if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted else None

    def split_names(self, code: CodeRecord) -> list[str] | None:
        text, ok = QtWidgets.QInputDialog.getMultiLineText(
            self._parent,
            translate("DialogPrompts", "Split code"),
            translate(
                "DialogPrompts", "Names of the new codes next to “{0}”, one per line:"
            ).format(code.name),
        )
        names = [line.strip() for line in text.splitlines() if line.strip()]
        return names if ok and names else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QtWidgets.QMessageBox.question(self._parent, title, text)
        return answer == QtWidgets.QMessageBox.StandardButton.Yes

    def show_change_log(self, code: CodeRecord, entries: Sequence[ChangeRecord]) -> None:
        ChangeLogDialog(code, entries, self._parent).exec()

    def error(self, text: str) -> None:
        QtWidgets.QMessageBox.warning(self._parent, translate("DialogPrompts", "Qualcode"), text)
