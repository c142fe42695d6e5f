"""What an import did: one row per file (imported, skipped, failed) and the warnings."""

from __future__ import annotations

from pathlib import Path

from qualcode.io.transcripts.batch import ImportReport
from qualcode.ui.qt import QtCore, QtGui, QtWidgets

COLOURS = {"imported": "#2e7d32", "skipped": "#8a6d00", "failed": "#c62828"}


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ImportReportDialog", text)


def flagged_count(report: ImportReport) -> int:
    """Possible identifiers found but left in the text (pseudonymised ones are not flagged)."""
    return sum(len(doc.findings) for doc in report.imported if not doc.key)


def summary_text(report: ImportReport) -> str:
    text = (
        _tr("{0} imported, {1} skipped, {2} failed")
        .replace("{0}", str(len(report.imported)))
        .replace("{1}", str(len(report.skipped)))
        .replace("{2}", str(len(report.failed)))
    )
    flagged = flagged_count(report)
    if flagged:
        text += "; " + _tr("{0} possible identifiers flagged").replace("{0}", str(flagged))
    replaced = sum(len(doc.key) for doc in report.imported)
    if replaced:
        text += "; " + _tr("{0} identifiers pseudonymised").replace("{0}", str(replaced))
    return text


def report_rows(report: ImportReport) -> list[tuple[str, str, str]]:
    """(file, result key, details) per file, in the order imported, skipped, failed."""
    rows = []
    for doc in report.imported:
        turns = sum(doc.speakers.values())
        details = (
            _tr("{0}, {1}, {2} words, {3} turns")
            .replace("{0}", doc.source_format)
            .replace("{1}", doc.language)
            .replace("{2}", f"{doc.words:,}")
            .replace("{3}", str(turns))
        )
        if doc.key:
            details += "; " + _tr("{0} pseudonymised").replace("{0}", str(len(doc.key)))
        elif doc.findings:
            details += "; " + _tr("{0} possible identifiers").replace("{0}", str(len(doc.findings)))
        details += "".join(f"; {w}" for w in doc.warnings)
        rows.append((doc.path.name, "imported", details))
    rows += [(p.path.name, "skipped", p.reason) for p in report.skipped]
    rows += [(p.path.name, "failed", p.reason) for p in report.failed]
    return rows


class ImportReportDialog(QtWidgets.QDialog):
    def __init__(
        self,
        report: ImportReport,
        cancelled: bool = False,
        remaining: int = 0,
        key_written: Path | None = None,
        parent: QtWidgets.QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        labels = {
            "imported": self.tr("imported"),
            "skipped": self.tr("skipped"),
            "failed": self.tr("failed"),
        }
        self.summary = QtWidgets.QLabel(summary_text(report))
        self.summary.setStyleSheet("font-size: 12pt; font-weight: 600;")
        self.summary.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.summary)
        if cancelled:
            note = QtWidgets.QLabel(
                _tr(
                    "Stopped after Cancel: {0} file(s) were not imported. Every file listed "
                    "here was stored completely."
                ).replace("{0}", str(remaining))
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        if key_written is not None:
            layout.addWidget(
                QtWidgets.QLabel(
                    self.tr("Pseudonymisation key written to {0}").replace("{0}", str(key_written))
                )
            )
        elif any(doc.key for doc in report.imported):
            layout.addWidget(
                QtWidgets.QLabel(
                    self.tr("No key was saved, so the placeholders cannot be traced back.")
                )
            )
        rows = report_rows(report)
        self.table = QtWidgets.QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Result"), self.tr("Details")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for row, (name, result, details) in enumerate(rows):
            status = QtWidgets.QTableWidgetItem(labels[result])
            status.setForeground(QtGui.QBrush(QtGui.QColor(COLOURS[result])))
            detail = QtWidgets.QTableWidgetItem(details)
            detail.setToolTip(details)
            for column, item in enumerate((QtWidgets.QTableWidgetItem(name), status, detail)):
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        if report.warnings:
            warnings = QtWidgets.QPlainTextEdit("\n".join(report.warnings))
            warnings.setReadOnly(True)
            warnings.setMaximumHeight(80)
            layout.addWidget(QtWidgets.QLabel(self.tr("Warnings")))
            layout.addWidget(warnings)
        box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        box.accepted.connect(self.accept)
        layout.addWidget(box)
        self.resize(720, 420)
