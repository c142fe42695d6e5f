"""File > Import transcripts…: choose files, attributes and options; import on a worker.

The dialog only gathers :class:`ImportOptions`; :func:`import_job` runs
``qualcode.io.transcripts.batch.import_files`` one file at a time so Cancel stops between
files (each file is its own transaction: nothing is left half-imported) and the report
still lists what was done before the stop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.core.project import Project
from qualcode.io.anonymise.keyfile import write_key
from qualcode.io.transcripts.batch import ImportReport, collect_files, import_files
from qualcode.io.transcripts.metadata import read_metadata
from qualcode.ui.import_report import ImportReportDialog
from qualcode.ui.project_jobs import run_project_job
from qualcode.ui.qt import Qt, QtCore, QtWidgets
from qualcode.ui.workers import Cancelled, Progress

TRANSCRIPTS = "Transcripts (*.docx *.odt *.txt *.md)"
SHEETS = "Metadata sheets (*.csv *.xlsx)"
UNUSED_ROWS = "metadata rows without a matching file"


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ImportDialog", text)


def fixed_attributes() -> list[tuple[str, str]]:
    """(attribute key, label) offered as their own fields; others go in the free table."""
    return [
        ("intervention", _tr("Intervention")),
        ("institution", _tr("Institution")),
        ("education_level", _tr("Education level")),
        ("source_type", _tr("Source type")),
    ]


@dataclass
class ImportOptions:
    paths: list[Path]
    attributes: dict[str, str] = field(default_factory=dict)
    metadata_sheet: Path | None = None
    language: str | None = None
    pseudonymise: bool = False
    key_out: Path | None = None
    force: bool = False
    allow: set[str] = field(default_factory=set)


@dataclass
class ImportOutcome:
    report: ImportReport
    cancelled: bool = False
    remaining: int = 0  # files not reached after Cancel
    key_written: Path | None = None


def import_job(project: Project, options: ImportOptions) -> Callable[[Progress], ImportOutcome]:
    def job(progress: Progress) -> ImportOutcome:
        progress(_tr("Looking for transcripts…"))
        files, problems = collect_files(options.paths)
        sheet = read_metadata(options.metadata_sheet) if options.metadata_sheet else None
        outcome = ImportOutcome(ImportReport(failed=list(problems)))
        report = outcome.report

        def log(message: str) -> None:  # never raises: Cancel waits for the file's end
            if not progress.cancelled:
                progress(message)

        for done, path in enumerate(files):
            try:
                progress(
                    _tr("Importing {0} ({1} of {2})…")
                    .replace("{0}", path.name)
                    .replace("{1}", str(done + 1))
                    .replace("{2}", str(len(files))),
                    done,
                    len(files),
                )
            except Cancelled:
                outcome.cancelled, outcome.remaining = True, len(files) - done
                break
            one = import_files(
                project,
                [path],
                attributes=options.attributes,
                metadata_sheet=options.metadata_sheet,
                language=options.language,
                pseudonymise=options.pseudonymise,
                force=options.force,
                allow=options.allow,
                log=log,
            )
            if sheet is not None:
                sheet.lookup(path)
            report.imported += one.imported
            report.skipped += one.skipped
            report.failed += one.failed
            report.warnings += [w for w in one.warnings if not w.startswith(UNUSED_ROWS)]
        if sheet is not None and not outcome.cancelled and sheet.unused():
            report.warnings.append(f"{UNUSED_ROWS}: {', '.join(sheet.unused())}")
        keys = {doc.name: doc.key for doc in report.imported if doc.key}
        if options.key_out is not None and options.pseudonymise:
            write_key(options.key_out, keys)  # CSV or JSON by its suffix, mode 0600
            outcome.key_written = options.key_out
        return outcome

    return job


def _browse_row(
    edit: QtWidgets.QLineEdit, button_text: str, choose: Callable[[], str]
) -> QtWidgets.QWidget:
    row = QtWidgets.QWidget()
    layout = QtWidgets.QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QtWidgets.QPushButton(button_text)
    button.clicked.connect(lambda: edit.setText(choose() or edit.text()))
    layout.addWidget(button)
    return row


class ImportDialog(QtWidgets.QDialog):
    """Gathers the options; the caller runs the import (see :func:`import_transcripts`)."""

    def __init__(self, project: Project, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import transcripts"))
        self._project = project
        self.sources = QtWidgets.QListWidget()
        self.sources.setMinimumHeight(72)
        self.sources.setMaximumHeight(120)
        self.sources.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        add_files = QtWidgets.QPushButton(self.tr("Add files…"))
        add_folder = QtWidgets.QPushButton(self.tr("Add folder…"))
        self.remove_button = QtWidgets.QPushButton(self.tr("Remove"))
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QtWidgets.QVBoxLayout()
        for button in (add_files, add_folder, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        source_box = QtWidgets.QGroupBox(self.tr("Files and folders"))
        source_layout = QtWidgets.QHBoxLayout(source_box)
        source_layout.addWidget(self.sources, 1)
        source_layout.addLayout(buttons)

        self.sheet = QtWidgets.QLineEdit()
        self.sheet.setPlaceholderText(self.tr("optional: CSV or XLSX, one row per file"))
        self.fields: dict[str, QtWidgets.QComboBox] = {}
        attributes = QtWidgets.QGroupBox(self.tr("Attributes for every imported document"))
        form = QtWidgets.QFormLayout(attributes)
        known = self._known_values()
        for key, label in fixed_attributes():
            combo = QtWidgets.QComboBox()
            combo.setEditable(True)
            combo.addItems(["", *known.get(key, [])])
            combo.setCurrentText("")
            self.fields[key] = combo
            form.addRow(label, combo)
        form.addRow(
            self.tr("Metadata sheet"),
            _browse_row(self.sheet, self.tr("Browse…"), self._choose_sheet),
        )
        self.extra = QtWidgets.QTableWidget(0, 2)
        self.extra.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.extra.horizontalHeader().setStretchLastSection(True)
        self.extra.verticalHeader().setVisible(False)
        self.extra.setMaximumHeight(96)
        add_row = QtWidgets.QPushButton(self.tr("Add attribute"))
        add_row.clicked.connect(lambda: self.add_attribute("", ""))
        extra_row = QtWidgets.QWidget()
        extra_layout = QtWidgets.QHBoxLayout(extra_row)
        extra_layout.setContentsMargins(0, 0, 0, 0)
        extra_layout.addWidget(self.extra, 1)
        extra_layout.addWidget(add_row, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Other"), extra_row)

        options = QtWidgets.QGroupBox(self.tr("Options"))
        opts = QtWidgets.QFormLayout(options)
        self.language = QtWidgets.QComboBox()
        for text, code in (
            (self.tr("Detect per file"), None),
            (self.tr("Dutch"), "nl"),
            (self.tr("English"), "en"),
        ):
            self.language.addItem(text, code)
        opts.addRow(self.tr("Language"), self.language)
        self.pseudonymise = QtWidgets.QCheckBox(
            self.tr("Pseudonymise names, places, e-mail and phone numbers before storing")
        )
        opts.addRow(self.pseudonymise)
        self.save_key = QtWidgets.QCheckBox(self.tr("Save the key (placeholder → original) to"))
        self.key_path = QtWidgets.QLineEdit()
        self.key_path.setPlaceholderText(self.tr("keep it apart from the project"))
        self.key_row = _browse_row(self.key_path, self.tr("Browse…"), self._choose_key)
        key_line = QtWidgets.QWidget()
        key_layout = QtWidgets.QHBoxLayout(key_line)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.addWidget(self.save_key)
        key_layout.addWidget(self.key_row, 1)
        opts.addRow(key_line)
        self.allow = QtWidgets.QLineEdit()
        self.allow.setPlaceholderText(
            self.tr("e.g. names of institutions or interventions, separated by commas")
        )
        opts.addRow(self.tr("Names that may stay"), self.allow)
        self.force = QtWidgets.QCheckBox(_tr("Import files whose text is already in the project"))
        opts.addRow(self.force)

        self.box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.box.addButton(
            self.tr("Import"), QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        for widget in (source_box, attributes, options):
            layout.addWidget(widget)
        layout.addWidget(self.box)
        self.pseudonymise.toggled.connect(self._update)
        self.save_key.toggled.connect(self._update)
        self.key_path.textChanged.connect(self._update)
        self.sources.model().rowsInserted.connect(self._update)
        self.sources.model().rowsRemoved.connect(self._update)
        self.resize(640, 600)
        self._update()

    # Choosing --------------------------------------------------------------------------
    def _known_values(self) -> dict[str, list[str]]:
        values: dict[str, set[str]] = {}
        for document in self._project.documents.list():
            for key, value in document.attributes.items():
                values.setdefault(key, set()).add(value)
        return {k: sorted(v, key=str.casefold) for k, v in values.items()}

    def add_paths(self, paths: list[Path]) -> None:
        present = set(self.paths())
        for path in paths:
            if path not in present:
                item = QtWidgets.QListWidgetItem(str(path) + ("/" if path.is_dir() else ""))
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                self.sources.addItem(item)
                present.add(path)

    def add_attribute(self, key: str, value: str) -> None:
        row = self.extra.rowCount()
        self.extra.insertRow(row)
        key_item = QtWidgets.QTableWidgetItem(key)
        self.extra.setItem(row, 0, key_item)
        self.extra.setItem(row, 1, QtWidgets.QTableWidgetItem(value))
        if not key:
            self.extra.editItem(key_item)

    def paths(self) -> list[Path]:
        return [
            Path(str(self.sources.item(r).data(Qt.ItemDataRole.UserRole)))
            for r in range(self.sources.count())
        ]

    def _add_files(self) -> None:
        files, _ = QtWidgets.QFileDialog.getOpenFileNames(
            self, self.tr("Add transcripts"), str(Path.home()), _tr(TRANSCRIPTS)
        )
        self.add_paths([Path(f) for f in files])

    def _add_folder(self) -> None:
        folder = QtWidgets.QFileDialog.getExistingDirectory(
            self, self.tr("Add a folder of transcripts"), str(Path.home())
        )
        if folder:
            self.add_paths([Path(folder)])

    def _remove_selected(self) -> None:
        for item in self.sources.selectedItems():
            self.sources.takeItem(self.sources.row(item))

    def _choose_sheet(self) -> str:
        return QtWidgets.QFileDialog.getOpenFileName(
            self, self.tr("Metadata sheet"), str(Path.home()), _tr(SHEETS)
        )[0]

    def _choose_key(self) -> str:
        return QtWidgets.QFileDialog.getSaveFileName(
            self,
            self.tr("Save the pseudonymisation key"),
            str(Path.home() / "pseudonymisation-key.json"),
            "JSON (*.json)",
        )[0]

    def _update(self) -> None:
        self.save_key.setEnabled(self.pseudonymise.isChecked())
        self.key_row.setEnabled(self.pseudonymise.isChecked() and self.save_key.isChecked())
        self.remove_button.setEnabled(self.sources.count() > 0)
        key_ok = not (
            self.pseudonymise.isChecked()
            and self.save_key.isChecked()
            and not self.key_path.text().strip()
        )
        self.import_button.setEnabled(self.sources.count() > 0 and key_ok)

    # Result ----------------------------------------------------------------------------
    def options(self) -> ImportOptions:
        attributes = {
            key: combo.currentText().strip()
            for key, combo in self.fields.items()
            if combo.currentText().strip()
        }
        for row in range(self.extra.rowCount()):
            key_item, value_item = self.extra.item(row, 0), self.extra.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            if key:
                attributes[key] = value_item.text().strip() if value_item else ""
        pseudonymise = self.pseudonymise.isChecked()
        key_out = self.key_path.text().strip() if pseudonymise and self.save_key.isChecked() else ""
        return ImportOptions(
            paths=self.paths(),
            attributes=attributes,
            metadata_sheet=Path(self.sheet.text().strip()) if self.sheet.text().strip() else None,
            language=self.language.currentData(),
            pseudonymise=pseudonymise,
            key_out=Path(key_out) if key_out else None,
            force=self.force.isChecked(),
            allow={w.strip() for w in self.allow.text().split(",") if w.strip()},
        )


def run_import(
    parent: QtWidgets.QWidget | None, project: Project, options: ImportOptions
) -> ImportOutcome | None:
    """Import on a worker behind a progress dialog; None when the import failed."""
    _done, outcome, error = run_project_job(
        parent, project, _tr("Importing transcripts"), import_job(project, options)
    )
    if error is not None:  # e.g. an unreadable metadata sheet: nothing was imported
        QtWidgets.QMessageBox.warning(parent, _tr("Import transcripts"), error)
    return outcome  # type: ignore[no-any-return]  # None: cancelled before the first file


def import_transcripts(
    parent: QtWidgets.QWidget, project: Project, *, show_report: bool = True
) -> ImportOutcome | None:
    """The whole menu action: dialog, import, report."""
    dialog = ImportDialog(project, parent)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    outcome = run_import(parent, project, dialog.options())
    if outcome is not None and show_report:
        ImportReportDialog(
            outcome.report, outcome.cancelled, outcome.remaining, outcome.key_written, parent
        ).exec()
    return outcome
