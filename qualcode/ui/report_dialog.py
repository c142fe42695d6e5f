"""File > Export > Word report…: choose the grouping, codes, coder and language; write on a
worker with progress; then offer to open the folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qualcode.core.project import Project
from qualcode.io.report import ReportResult, write_report
from qualcode.ui.project_flow import default_folder
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets
from qualcode.ui.workers import Progress, run_with_progress


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ReportDialog", text)


@dataclass
class ReportOptions:
    out: Path
    by: str = "intervention"
    codes: list[str] | None = None
    quotes_per_code: int = 3
    coder: str | None = None
    language: str = "nl"
    # Where quotes and counts come from: None (one layer per document), "all",
    # "consensus" or "coder:NAME" (qualcode.core.evidence).
    layer: str | None = None
    viewer: str | None = None
    memos: bool = False  # code, coding, document and project memos the viewer may read


def can_open_folders() -> bool:
    """No file manager to show under the offscreen platform (tests, screenshots)."""
    return QtGui.QGuiApplication.platformName() not in ("offscreen", "minimal")


class ReportDialog(QtWidgets.QDialog):
    def __init__(self, project: Project, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Word report"))
        documents = project.documents.list()
        keys = sorted({k for d in documents for k in d.attributes}, key=str.casefold)
        self.by = QtWidgets.QComboBox()
        self.by.setEditable(True)
        self.by.addItems(keys or ["intervention"])
        self.by.setCurrentText("intervention" if "intervention" in keys or not keys else keys[0])
        self.codes = QtWidgets.QListWidget()
        self.codes.setMinimumHeight(150)
        for record in project.codebook.tree():
            item = QtWidgets.QListWidgetItem("    " * record.depth + record.name)
            item.setData(Qt.ItemDataRole.UserRole, record.path_text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.codes.addItem(item)
        self.quotes = QtWidgets.QSpinBox()
        self.quotes.setRange(0, 50)
        self.quotes.setValue(3)
        # Evidence layers (core rule: qualcode.core.evidence); never a silent sum.
        self.coder = QtWidgets.QComboBox()
        self.coder.addItem(self.tr("One layer per document (consensus, else assigned)"), None)
        self.coder.addItem(self.tr("All coders, each named"), "all")
        coders = project.coders.list()
        self.coder.addItem(self.tr("Consensus"), "consensus")
        for coder in coders:
            if coder.role != "consensus":
                self.coder.addItem(coder.name, f"coder:{coder.name}")
        self.memos = QtWidgets.QCheckBox(self.tr("Include memos"))
        self.memos.setToolTip(
            self.tr(
                "Memos under their code, by their quote, in the appendix and in About this report"
            )
        )
        self.language = QtWidgets.QComboBox()
        self.language.addItem(self.tr("Dutch"), "nl")
        self.language.addItem(self.tr("English"), "en")
        self.out = QtWidgets.QLineEdit(str(default_folder(project) / f"{project.name} report.docx"))
        browse = QtWidgets.QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._choose_out)
        out_row = QtWidgets.QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)

        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("One chapter per"), self.by)
        hint = QtWidgets.QLabel(
            _tr("Codes (none ticked: all codes; a code includes its sub-codes)")
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.codes)
        form.addRow(self.tr("Quotes per code"), self.quotes)
        form.addRow(self.tr("Codings of"), self.coder)
        form.addRow(self.memos)
        form.addRow(self.tr("Report language"), self.language)
        form.addRow(self.tr("Save as"), out_row)
        self.box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.write_button = self.box.addButton(
            self.tr("Write report"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        self.out.textChanged.connect(lambda text: self.write_button.setEnabled(bool(text.strip())))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.box)
        self.resize(520, 560)

    def _choose_out(self) -> None:
        path, _ = QtWidgets.QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), self.out.text(), self.tr("Word (*.docx)")
        )
        if path:
            self.out.setText(path)

    def chosen_codes(self) -> list[str] | None:
        ticked = [
            str(self.codes.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.codes.count())
            if self.codes.item(r).checkState() == Qt.CheckState.Checked
        ]
        return ticked or None

    def options(self) -> ReportOptions:
        out = Path(self.out.text().strip())
        if out.suffix.lower() != ".docx":
            out = out.with_name(out.name + ".docx")
        return ReportOptions(
            out=out,
            by=self.by.currentText().strip() or "intervention",
            codes=self.chosen_codes(),
            quotes_per_code=self.quotes.value(),
            layer=self.coder.currentData(),
            language=str(self.language.currentData()),
            memos=self.memos.isChecked(),
        )


def run_report(
    parent: QtWidgets.QWidget | None, project: Project, options: ReportOptions
) -> ReportResult | None:
    """Write the report on a worker thread; None after Cancel or an error (reported)."""

    def job(progress: Progress) -> ReportResult:
        progress(_tr("Gathering codings and quotes…"))
        return write_report(
            project,
            options.out,
            by=options.by,
            codes=options.codes,
            quotes_per_code=options.quotes_per_code,
            coder=options.coder,
            layer=options.layer,
            viewer=options.viewer,
            language=options.language,
            memos=options.memos,
            progress=lambda done, total: progress(_tr("Writing chapters…"), done, total),
        )

    done, result, error = run_with_progress(parent, _tr("Writing the Word report"), job)
    if error is not None:
        QtWidgets.QMessageBox.warning(parent, _tr("Word report"), error)
    return result if done else None


def offer_folder(parent: QtWidgets.QWidget | None, path: Path, message: str) -> None:
    """Say where a file went and offer to open its folder (not under offscreen tests)."""
    if not can_open_folders():
        return
    box = QtWidgets.QMessageBox(parent)
    box.setWindowTitle(_tr("Export"))
    box.setText(message)
    open_button = box.addButton(_tr("Open folder"), QtWidgets.QMessageBox.ButtonRole.ActionRole)
    box.addButton(QtWidgets.QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(path.parent)))


def export_report(parent: QtWidgets.QWidget, project: Project) -> ReportResult | None:
    dialog = ReportDialog(project, parent)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    result = run_report(parent, project, dialog.options())
    if result is not None:
        offer_folder(
            parent,
            result.path,
            _tr(
                "Report written to {0}: {1} chapters, {2} quotes. Word fills in the "
                "contents with page numbers when you open it (answer Yes to update)."
            )
            .replace("{0}", str(result.path))
            .replace("{1}", str(len(result.sections)))
            .replace("{2}", str(result.quotes)),
        )
    return result
