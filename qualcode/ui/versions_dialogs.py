"""Codebook > Release version… (leads) and Codebook > Compare versions…."""

from __future__ import annotations

from qualcode.core.codebook_diff import CodebookDiff
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.services.versions import WORKING
from qualcode.ui.qt import QtCore, QtWidgets
from qualcode.ui.transcript_view import transcript_font


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("VersionsDialogs", text)


class ReleaseDialog(QtWidgets.QDialog):
    """Label and note for a release; the lead named in ``coder`` releases it."""

    def __init__(
        self, project: Project, coder: str, parent: QtWidgets.QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Release codebook version"))
        self._project, self._coder = project, coder
        self.released_label: str | None = None
        existing = [v.label for v in project.versions.list()]
        self.label = QtWidgets.QLineEdit()
        self.label.setPlaceholderText(_tr("e.g. v2 after calibration"))
        self.note = QtWidgets.QPlainTextEdit()
        self.note.setPlaceholderText(_tr("what changed and why (optional)"))
        self.note.setMaximumHeight(90)
        self.error = QtWidgets.QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        info = QtWidgets.QLabel(
            _tr(
                "Freezes the working codebook ({0} codes) as a named version, released by "
                "{1}. Earlier versions: {2}."
            )
            .replace("{0}", str(len(project.codebook.tree())))
            .replace("{1}", coder)
            .replace("{2}", ", ".join(existing) or _tr("none"))
        )
        info.setWordWrap(True)
        form = QtWidgets.QFormLayout()
        form.addRow(_tr("Label"), self.label)
        form.addRow(_tr("Note"), self.note)
        self.box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.release_button = self.box.addButton(
            _tr("Release"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.release_button.setEnabled(False)
        self.label.textChanged.connect(
            lambda text: self.release_button.setEnabled(bool(text.strip()))
        )
        self.box.accepted.connect(self.release)
        self.box.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(info)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.box)
        self.resize(460, 280)

    def release(self) -> None:
        try:
            version = self._project.versions.release(
                self.label.text(), note=self.note.toPlainText().strip(), coder=self._coder
            )
        except QualcodeError as exc:
            self.error.setText(str(exc))  # e.g. the label exists: stay open to fix it
            return
        self.released_label = version.label
        self.accept()


class CompareDialog(QtWidgets.QDialog):
    """Two versions (or the working codebook) and the difference as text."""

    def __init__(self, project: Project, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Compare codebook versions"))
        self._project = project
        labels = [v.label for v in project.versions.list()]
        self.older = QtWidgets.QComboBox()
        self.newer = QtWidgets.QComboBox()
        for combo in (self.older, self.newer):
            for label in labels:
                combo.addItem(label, label)
            combo.addItem(_tr("working codebook"), WORKING)
        self.older.setCurrentIndex(max(0, len(labels) - 1))
        self.newer.setCurrentIndex(self.newer.count() - 1)
        self.text = QtWidgets.QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(transcript_font(10.0))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(QtWidgets.QLabel(_tr("From")))
        row.addWidget(self.older, 1)
        row.addWidget(QtWidgets.QLabel(_tr("to")))
        row.addWidget(self.newer, 1)
        box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        layout.addWidget(box)
        self.older.currentIndexChanged.connect(self.compare)
        self.newer.currentIndexChanged.connect(self.compare)
        self.resize(720, 520)
        self.compare()

    def compare(self) -> None:
        a, b = str(self.older.currentData()), str(self.newer.currentData())
        if a == b:
            self.text.setPlainText(_tr("Choose two different versions."))
            return
        try:
            diff = self._project.versions.diff(a, b)
        except QualcodeError as exc:
            self.text.setPlainText(str(exc))
            return
        title = f"{self.older.currentText()} → {self.newer.currentText()}"
        body = format_diff(diff) if not diff.is_empty else _tr("No changes.")
        self.text.setPlainText(f"{title}\n\n{body}")


def _kind_label(kind: str) -> str:
    labels = {
        "added": _tr("added"),
        "removed": _tr("removed"),
        "renamed": _tr("renamed"),
        "moved": _tr("moved"),
        "reordered": _tr("reordered"),
        "redefined": _tr("redefined"),
        "recoloured": _tr("recoloured"),
        "origin_changed": _tr("origin changed"),
        "merged": _tr("merged"),
        "split": _tr("split"),
    }
    return labels.get(kind, kind.replace("_", " "))


def format_diff(diff: CodebookDiff) -> str:
    """The comparison in the interface language (the core's text is English, for logs)."""
    groups = {kind: group for kind, group in diff.by_kind().items() if group}
    total = sum(len(g) for g in groups.values())
    counts = ", ".join(f"{len(g)} {_kind_label(k)}" for k, g in groups.items())
    header = _tr("1 change") if total == 1 else _tr("{0} changes").replace("{0}", str(total))
    lines = [f"{header}: {counts}"]
    for kind, group in groups.items():
        lines.append("")
        lines.extend(f"{_kind_label(kind)}: {change.describe()}" for change in group)
    return "\n".join(lines)
