"""The "Agreement..." panel: compute figures on a worker thread, show, adjudicate.

``AgreementPanel(project)`` is a plain QWidget; the main window opens it from a menu
entry and connects ``jumpTo(document_id, start, end)`` to its document view.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from qualcode.core.agreement_project import (
    RELIABLE,
    TENTATIVE,
    UNIT_MODES,
    AgreementResult,
    Disagreement,
)
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.services.adjudication import AdjudicationService
from qualcode.ui.agreement_model import (
    SORT_ROLE,
    AgreementWorker,
    AlphaChart,
    DisagreementModel,
    FiguresModel,
)
from qualcode.ui.agreement_notes import note_in_language
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

# Titles are marked for translation here and translated where the combo is filled.
LEVELS = (
    (QtCore.QT_TRANSLATE_NOOP("AgreementPanel", "Codes"), "codes"),
    (QtCore.QT_TRANSLATE_NOOP("AgreementPanel", "Clusters"), "clusters"),
    (QtCore.QT_TRANSLATE_NOOP("AgreementPanel", "Documents"), "documents"),
)


class AgreementPanel(QtWidgets.QWidget):
    jumpTo = Signal(int, int, int)

    def __init__(self, project: Project, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inter-coder agreement"))
        self._project = project
        self._thread: QtCore.QThread | None = None
        self._worker: AgreementWorker | None = None
        self.result: AgreementResult | None = None
        self._adjudication: AdjudicationService = getattr(
            project, "adjudication", None
        ) or AdjudicationService(project)
        self._build()
        self.reload_coders()

    # Layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.coder_list = QtWidgets.QListWidget()
        self.coder_list.setMaximumHeight(110)
        # Documents to compare (the CLI's --documents): by default those every chosen
        # coder has coded; the status line names the ones left out.
        self.document_list = QtWidgets.QListWidget()
        self.document_list.setMaximumHeight(110)
        self.left_out = QtWidgets.QLabel("")
        self.left_out.setWordWrap(True)
        self.unit_box = QtWidgets.QComboBox()
        unit_names = {
            "sentence": self.tr("sentence"),
            "paragraph": self.tr("paragraph"),
            "turn": self.tr("speaker turn"),
            "character": self.tr("character"),
        }
        for unit in UNIT_MODES:
            self.unit_box.addItem(unit_names.get(unit, unit), unit)
        self.threshold = self._spin(0.0, 0.0, 0.99, self.tr("share of a unit a coding must cover"))
        self.tentative = self._spin(TENTATIVE, 0.0, 1.0, self.tr("alpha below this: red"))
        self.reliable = self._spin(RELIABLE, 0.0, 1.0, self.tr("alpha from this: green"))
        self.bootstrap = QtWidgets.QSpinBox()
        self.bootstrap.setRange(0, 20000)
        self.bootstrap.setValue(1000)
        self.viewer_box = QtWidgets.QComboBox()
        self.viewer_box.setToolTip(self.tr("the lead may compare blind, unrevealed documents"))
        self.compute_button = QtWidgets.QPushButton(self.tr("Compute"))
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QtWidgets.QProgressBar()
        self.status = QtWidgets.QLabel("")
        self.status.setWordWrap(True)
        self.notes = QtWidgets.QLabel("")  # the result's notes, in full
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_button = QtWidgets.QPushButton(self.tr("Export to Word…"))
        self.export_button.setEnabled(False)
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Coders"), self.coder_list)
        form.addRow(self.tr("Documents"), self.document_list)
        form.addRow("", self.left_out)
        form.addRow(self.tr("Unit"), self.unit_box)
        form.addRow(self.tr("Coverage threshold"), self.threshold)
        form.addRow(self.tr("Tentative / reliable α"), self._row(self.tentative, self.reliable))
        form.addRow(self.tr("Bootstrap samples"), self.bootstrap)
        form.addRow(self.tr("As (lead)"), self.viewer_box)
        form.addRow(
            self._row(self.compute_button, self.cancel_button, self.progress, self.export_button)
        )
        form.addRow(self.status)
        form.addRow(self.notes)

        self.level_box = QtWidgets.QComboBox()
        for title, _ in LEVELS:
            self.level_box.addItem(self.tr(title))
        self.figures_model = FiguresModel(self)
        self.proxy = QtCore.QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.figures_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QtWidgets.QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.overall = QtWidgets.QLabel("")
        self.chart = AlphaChart()
        chart_scroll = QtWidgets.QScrollArea()
        chart_scroll.setWidget(self.chart)
        chart_scroll.setWidgetResizable(True)
        self.dis_model = DisagreementModel(self)
        self.dis_view = QtWidgets.QTableView()
        self.dis_view.setModel(self.dis_model)
        self.dis_view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.dis_view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.dis_view.horizontalHeader().setStretchLastSection(True)
        self.dis_view.doubleClicked.connect(self._jump)
        self.accept_a = QtWidgets.QPushButton(self.tr("Accept A"))
        self.accept_b = QtWidgets.QPushButton(self.tr("Accept B"))
        self.accept_both = QtWidgets.QPushButton(self.tr("Accept both"))
        self.consensus_button = QtWidgets.QPushButton(self.tr("Consensus coding..."))
        self.note = QtWidgets.QLineEdit()
        self.note.setPlaceholderText(self.tr("note for the decision (optional)"))
        self.annotate = QtWidgets.QCheckBox(self.tr("add note to the code's definition"))
        for button in self._decision_buttons():
            button.setEnabled(False)
        figures_page = QtWidgets.QWidget()
        fl = QtWidgets.QVBoxLayout(figures_page)
        fl.addWidget(self.level_box)
        fl.addWidget(self.table)
        fl.addWidget(self.overall)
        dis_page = QtWidgets.QWidget()
        dl = QtWidgets.QVBoxLayout(dis_page)
        dl.addWidget(self.dis_view)
        dl.addWidget(
            self._row(self.accept_a, self.accept_b, self.accept_both, self.consensus_button)
        )
        dl.addWidget(self._row(self.note, self.annotate))
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(figures_page, self.tr("Figures"))
        self.tabs.addTab(chart_scroll, self.tr("Chart"))
        self.tabs.addTab(dis_page, self.tr("Disagreements"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)

        self.compute_button.clicked.connect(self.compute)
        self.export_button.clicked.connect(lambda _checked=False: self.export_word())
        self.coder_list.itemChanged.connect(lambda _item: self.choose_documents())
        self.document_list.itemChanged.connect(lambda _item: self._say_left_out())
        self.cancel_button.clicked.connect(self.cancel)
        self.level_box.currentIndexChanged.connect(self._show_level)
        self.tentative.valueChanged.connect(self._thresholds_changed)
        self.reliable.valueChanged.connect(self._thresholds_changed)
        self.dis_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.accept_a.clicked.connect(lambda: self._accept(0))
        self.accept_b.clicked.connect(lambda: self._accept(1))
        self.accept_both.clicked.connect(lambda: self._accept(None))
        self.consensus_button.clicked.connect(self._consensus)

    @staticmethod
    def _spin(value: float, low: float, high: float, tip: str) -> QtWidgets.QDoubleSpinBox:
        spin = QtWidgets.QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(3)
        spin.setSingleStep(0.05)
        spin.setValue(value)
        spin.setToolTip(tip)
        return spin

    @staticmethod
    def _row(*widgets: QtWidgets.QWidget) -> QtWidgets.QWidget:
        box = QtWidgets.QWidget()
        lay = QtWidgets.QHBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            lay.addWidget(w)
        return box

    def _decision_buttons(self) -> list[QtWidgets.QPushButton]:
        return [self.accept_a, self.accept_b, self.accept_both, self.consensus_button]

    def reload_coders(self) -> None:
        roles = {
            "lead": self.tr("lead"),
            "coder": self.tr("coder"),
            "consensus": self.tr("consensus"),
        }
        self.coder_list.blockSignals(True)
        self.coder_list.clear()
        self.viewer_box.clear()
        self.viewer_box.addItem(self.tr("(nobody)"), None)
        for coder in self._project.coders.list():
            item = QtWidgets.QListWidgetItem(f"{coder.name} ({roles.get(coder.role, coder.role)})")
            item.setData(Qt.ItemDataRole.UserRole, coder.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = coder.role != "consensus"
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.coder_list.addItem(item)
            if coder.role == "lead":
                self.viewer_box.addItem(coder.name, coder.name)
        if self.viewer_box.count() > 1:
            self.viewer_box.setCurrentIndex(1)
        self.coder_list.blockSignals(False)
        self.choose_documents()

    def choose_documents(self) -> None:
        """Tick the documents every chosen coder has coded; the others stay unticked."""
        chosen = {c.name: c.id for c in self._project.coders.list()}
        ids = [chosen[name] for name in self.checked_coders() if name in chosen]
        counts = self._project.codings.counts()
        self.document_list.blockSignals(True)
        self.document_list.clear()
        for document in self._project.documents.list():
            coded = counts.get(document.id, {})
            by_all = bool(ids) and all(coded.get(cid, 0) > 0 for cid in ids)
            item = QtWidgets.QListWidgetItem(document.name)
            item.setData(Qt.ItemDataRole.UserRole, document.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if by_all else Qt.CheckState.Unchecked)
            self.document_list.addItem(item)
        self.document_list.blockSignals(False)
        self._say_left_out()

    def checked_documents(self) -> list[str]:
        return [
            str(self.document_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.document_list.count())
            if self.document_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def _say_left_out(self) -> None:
        chosen = set(self.checked_documents())
        out = [
            self.document_list.item(row).text()
            for row in range(self.document_list.count())
            if self.document_list.item(row).text() not in chosen
        ]
        self.left_out.setText(
            self.tr("Left out ({0}): {1}")
            .replace("{0}", str(len(out)))
            .replace("{1}", ", ".join(out))
            if out
            else self.tr("All documents are compared.")
        )

    def checked_coders(self) -> list[str]:
        out = []
        for row in range(self.coder_list.count()):
            item = self.coder_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    # Computing ------------------------------------------------------------------------
    def compute(self) -> None:
        if self._thread is not None:
            return
        options = {
            "coders": self.checked_coders(),
            "unit": self.unit_box.currentData(),
            "documents": self.checked_documents(),
            "overlap_threshold": self.threshold.value(),
            "bootstrap": self.bootstrap.value(),
            "viewer": self.viewer_box.currentData(),
        }
        if len(options["coders"]) < 2:
            self.status.setText(self.tr("Tick at least two coders."))
            return
        if not options["documents"]:
            self.status.setText(self.tr("Tick at least one document."))
            return
        self.status.setText(self.tr("Computing..."))
        self.progress.setRange(0, 0)
        self.compute_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        thread = QtCore.QThread(self)
        worker = AgreementWorker(self._project, options)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._progress)
        worker.finished.connect(self._finished)
        worker.failed.connect(self._failed)
        worker.finished.connect(thread.quit)
        worker.failed.connect(thread.quit)
        thread.finished.connect(self._thread_done)
        self._thread, self._worker = thread, worker
        thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    def is_running(self) -> bool:
        return self._thread is not None

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _thread_done(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self.compute_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Not computed: {0}").format(message))

    def _finished(self, result: AgreementResult) -> None:
        self.result = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        o = result.overall
        self.status.setText(
            self.tr("{0} codes, {1} documents, {2} disagreements ({3:.1f} s)").format(
                len(result.codes),
                len(result.settings.documents),
                len(result.disagreements),
                result.seconds,
            )
            + (self.tr("; {0} note(s)").format(len(result.notes)) if result.notes else "")
        )
        self.overall.setText(
            self.tr("Overall: α = {0}").format("–" if math.isnan(o.alpha) else f"{o.alpha:.3f}")
            + ("" if math.isnan(o.cu_alpha) else f"; Cu-α = {o.cu_alpha:.3f}")
            + (f" ({o.note})" if o.note else "")
        )
        self.notes.setText("\n".join(f"• {note_in_language(note)}" for note in result.notes))
        self.export_button.setEnabled(True)
        self._show_level()
        coders = list(result.settings.coders)
        self.dis_model.set_rows(list(result.disagreements), coders)
        self.dis_model.set_settled(self._adjudication.settled())
        self.accept_a.setText(self.tr("Accept {0}").format(coders[0]))
        self.accept_b.setText(self.tr("Accept {0}").format(coders[1]))
        self._selection_changed()

    def _show_level(self) -> None:
        if self.result is None:
            return
        rows = list(getattr(self.result, LEVELS[self.level_box.currentIndex()][1]))
        self.figures_model.set_rows(rows, character=self.result.settings.unit == "character")
        self.chart.set_bars([(f.label, f.alpha) for f in rows])

    def _thresholds_changed(self) -> None:
        t, r = self.tentative.value(), self.reliable.value()
        self.figures_model.set_thresholds(t, r)
        self.chart.tentative, self.chart.reliable = t, r
        self.chart.update()

    # Disagreements and adjudication ----------------------------------------------------
    def _selected(self) -> Disagreement | None:
        rows = self.dis_view.selectionModel().selectedRows()
        return self.dis_model.disagreement(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        enabled = self._selected() is not None and self.viewer_box.currentData() is not None
        for button in self._decision_buttons():
            button.setEnabled(enabled)

    def _jump(self, index: QtCore.QModelIndex) -> None:
        d = self.dis_model.disagreement(index.row())
        self.jumpTo.emit(d.document_id, d.start, d.end)

    def _accept(self, which: int | None) -> None:
        d = self._selected()
        if d is None:
            return
        coders = self.dis_model.coders if which is None else [self.dis_model.coders[which]]
        self._run_decision(
            lambda: self._adjudication.accept(
                d.document_id,
                d.start,
                d.end,
                coders=coders,
                by=self.viewer_box.currentData(),
                note=self.note.text(),
                annotate_codebook=self.annotate.isChecked(),
            )
        )

    def _consensus(self) -> None:
        d = self._selected()
        if d is None:
            return
        paths = sorted({c for entry in d.by_coder for c in entry.codes}) or [
            c.path_text for c in self._project.codebook.tree()
        ]
        code, ok = QtWidgets.QInputDialog.getItem(
            self,
            self.tr("Consensus coding"),
            self.tr("Code for {0} {1}-{2}:").format(d.document, d.start, d.end),
            paths,
            0,
            True,
        )
        if ok and code:
            self.write_consensus(code)

    def write_consensus(self, code: str) -> None:
        d = self._selected()
        if d is None:
            return
        self._run_decision(
            lambda: self._adjudication.write(
                d.document_id,
                d.start,
                d.end,
                code,
                by=self.viewer_box.currentData(),
                note=self.note.text(),
                annotate_codebook=self.annotate.isChecked(),
            )
        )

    def _run_decision(self, action: Any) -> None:
        try:
            decision = action()
        except QualcodeError as exc:
            self.status.setText(self.tr("Not adjudicated: {0}").format(exc))
            return
        self.status.setText(
            self.tr("Decision stored by {0}: {1}, {2} consensus coding(s)").format(
                decision.by, decision.choice, len(decision.added)
            )
        )
        self.note.clear()
        self.dis_model.set_settled(self._adjudication.settled())

    def export_word(self, path: str | None = None) -> Path | None:
        """The agreement report (issue 14's writer) as .docx, saved next to the project."""
        from qualcode.io.agreement_report import write_report
        from qualcode.ui.project_flow import default_folder

        if self.result is None:
            return None
        if path is None:
            path, _filter = QtWidgets.QFileDialog.getSaveFileName(
                self,
                self.tr("Export agreement to Word"),
                str(default_folder(self._project) / "agreement.docx"),
                self.tr("Word document (*.docx)"),
                options=QtWidgets.QFileDialog.Option.DontUseNativeDialog,
            )
        if not path:
            return None
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".docx")
        try:
            written = write_report(self.result, target)
        except (OSError, QualcodeError) as exc:
            self.status.setText(self.tr("Not written: {0}").format(exc))
            return None
        self.status.setText(self.tr("Written to {0}").format(written))
        return written

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self._thread is not None:
            self.cancel()
            self._thread.quit()
            self._thread.wait(5000)
        super().closeEvent(event)
