"""A small editor for the summary of a code or its cluster, per intervention or overall.

Summaries are saved through ``project.summaries.set`` with the current author. Switching to
another code or scope saves pending edits first, so nothing typed is lost silently.
"""

from __future__ import annotations

from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.records import CodeRecord
from qualcode.core.services.summaries import SummaryRecord
from qualcode.ui.qt import QtWidgets, Signal

SCOPE_KEY = "intervention"


class SummaryEditor(QtWidgets.QWidget):
    saved = Signal(object)  # the SummaryRecord, or None when an emptied summary was removed

    def __init__(
        self,
        project: Project,
        parent: QtWidgets.QWidget | None = None,
        author: str | None = None,
        scope_key: str = SCOPE_KEY,
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._author = author
        self._scope_key = scope_key
        self._loaded: tuple[int, str] | None = None  # (code id, scope value) in the editor
        self._dirty = False  # typed since loaded or saved
        self.target = QtWidgets.QComboBox()
        self.target.setToolTip(self.tr("Summarise this code, or the cluster it belongs to"))
        self.scope = QtWidgets.QComboBox()
        self.scope.setToolTip(self.tr("A summary per intervention, or one across all of them"))
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What do the quotes of this code say?"))
        self.save_button = QtWidgets.QPushButton(self.tr("&Save summary"))
        self.status = QtWidgets.QLabel("")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #666666")
        title = QtWidgets.QLabel(self.tr("<b>Summary</b>"))
        form = QtWidgets.QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Of"), self.target)
        form.addRow(self.tr("For"), self.scope)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.status)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.save_button.clicked.connect(self.save)
        self.text.textChanged.connect(self._edited)
        self.target.currentIndexChanged.connect(self._switch)
        self.scope.currentIndexChanged.connect(self._switch)
        self.reload_scopes()
        self.set_code(None)

    # Public API -------------------------------------------------------------------------
    def reload_scopes(self) -> None:
        """Fill the scope list from the documents' values of the scope attribute."""
        current = self.scope.currentData()
        values = sorted(
            {
                d.attributes[self._scope_key]
                for d in self._project.documents.list()
                if d.attributes.get(self._scope_key)
            },
            key=str.lower,
        )
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("All interventions (cross-case)"), "")
        for value in values:
            self.scope.addItem(value, value)
        index = self.scope.findData(current) if current is not None else 0
        self.scope.setCurrentIndex(max(0, index))
        self.scope.blockSignals(False)

    def set_code(self, code_id: int | None) -> None:
        """Offer this code and its ancestors (clusters); None disables the editor."""
        records = {c.id: c for c in self._project.codebook.tree()}
        chain: list[CodeRecord] = []
        while code_id is not None and code_id in records:
            chain.append(records[code_id])
            code_id = records[code_id].parent_id
        self.target.blockSignals(True)
        self.target.clear()
        for n, record in enumerate(chain):
            label = " / ".join(record.path)
            if n > 0 and record.parent_id is None:
                label = self.tr("%1 (cluster)").replace("%1", label)
            self.target.addItem(label, record.id)
        self.target.blockSignals(False)
        self.setEnabled(bool(chain))
        if not chain:
            self.status.setText(self.tr("Choose a code to write its summary."))
        self._switch()

    def set_scope(self, value: str) -> None:
        """Follow the browser's intervention filter ("" = across all)."""
        index = self.scope.findData(value)
        if index >= 0:
            self.scope.setCurrentIndex(index)

    def current(self) -> tuple[int, str] | None:
        code_id = self.target.currentData()
        return None if code_id is None else (int(code_id), str(self.scope.currentData() or ""))

    def save(self) -> SummaryRecord | None:
        if self._loaded is None:
            return None
        code_id, value = self._loaded
        try:
            record = self._project.summaries.set(
                code_id,
                self.text.toPlainText(),
                scope_key=self._scope_key if value else "",
                scope_value=value,
                author=self._author,
            )
        except QualcodeError as exc:
            self.status.setText(self.tr("Not saved: %1").replace("%1", str(exc)))
            return None
        self._dirty = False
        self._show_status(record)
        self.saved.emit(record)
        return record

    # Internals --------------------------------------------------------------------------
    def _switch(self) -> None:
        if self._loaded is not None and self._dirty:
            self.save()  # keep what was typed before showing another summary
        self._loaded = self.current()
        record = None
        if self._loaded is not None:
            code_id, value = self._loaded
            try:
                record = self._project.summaries.get(
                    code_id, scope_key=self._scope_key if value else "", scope_value=value
                )
            except QualcodeError:
                record = None
        self.text.blockSignals(True)
        self.text.setPlainText(record.body if record else "")
        self.text.blockSignals(False)
        self._dirty = False
        if self._loaded is not None:
            self._show_status(record)

    def is_dirty(self) -> bool:
        return self._dirty

    def _edited(self) -> None:
        self._dirty = True
        self.status.setText(self.tr("Not saved yet."))

    def _show_status(self, record: SummaryRecord | None) -> None:
        if record is None:
            self.status.setText(self.tr("No summary yet."))
            return
        when = record.modified_at.strftime("%Y-%m-%d %H:%M")
        who = record.author or self.tr("unknown")
        self.status.setText(self.tr("Saved by %1, %2").replace("%1", who).replace("%2", when))
