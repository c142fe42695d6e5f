"""Cross-case analysis: code x attribute matrix, code co-occurrence and CMO configurations.

``AnalysisView(project)`` is a plain QWidget with three tabs. Each tab computes with the
core's functions (``code_matrix``, ``cooccurrence``, ``cmo_configurations``) on a worker
thread when it is shown or its options change; a tab whose data changed meanwhile is
recomputed when it is shown again. ``jumpTo(document_id, start, end)`` opens an example.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from functools import partial
from pathlib import Path

from qualcode.core.analysis import (
    CmoConfiguration,
    Cooccurrence,
    Matrix,
    cmo_configurations,
    code_matrix,
    cooccurrence,
)
from qualcode.core.changes import Change
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.retrieval import QuoteFilter
from qualcode.io.report import charts
from qualcode.io.tables import matrix_header, matrix_rows, write_table
from qualcode.ui.analysis_models import (
    CMO_COLOURS,
    SORT_ROLE,
    Cell,
    CmoModel,
    HeatTableModel,
    LatestJob,
    cooccurrence_rows,
    example_html,
)
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

MATRIX, COOCCURRENCE, CMO = range(3)


class AnalysisView(QtWidgets.QWidget):
    jumpTo = Signal(int, int, int)
    _changed = Signal(str)

    def __init__(self, project: Project, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Analysis"))
        self._project = project
        self.matrix: Matrix | None = None
        self.configurations: list[CmoConfiguration] = []
        self.jobs = [LatestJob(self) for _ in range(3)]
        self._stale = [True, True, True]
        self.matrix_model = HeatTableModel(self)
        self.cooc_model = HeatTableModel(self)
        self.cmo_model = CmoModel(self)
        self._build()
        for tab, (job, show) in enumerate(
            zip(self.jobs, (self._show_matrix, self._show_cooc, self._show_cmo), strict=True)
        ):
            job.done.connect(show)
            job.failed.connect(lambda message, tab=tab: self._failed(tab, message))
        listener = partial(_relay, self._changed)
        project.subscribe(listener)
        self.destroyed.connect(lambda *_args: project.unsubscribe(listener))
        self._changed.connect(self._project_changed)
        self.reload_options()
        self.compute()

    # Layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.coder = QtWidgets.QComboBox()
        self.coder.setToolTip(self.tr("Two coders on one passage count twice; choose one"))
        self.status = QtWidgets.QLabel("")
        self.status.setStyleSheet("color: #666666")
        top = QtWidgets.QHBoxLayout()
        top.addWidget(QtWidgets.QLabel(self.tr("Coder")))
        top.addWidget(self.coder)
        top.addWidget(self.status, 1)
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self._matrix_page(), self.tr("Codes × attribute"))
        self.tabs.addTab(self._cooc_page(), self.tr("Co-occurrence"))
        self.tabs.addTab(self._cmo_page(), self.tr("Context – mechanism – outcome"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.coder.currentIndexChanged.connect(lambda _i: self._invalidate_all())
        self.tabs.currentChanged.connect(lambda _i: self.compute())

    @staticmethod
    def _bar(*items: QtWidgets.QWidget | str) -> QtWidgets.QHBoxLayout:
        bar = QtWidgets.QHBoxLayout()
        for item in items:
            if isinstance(item, str):
                bar.addWidget(QtWidgets.QLabel(item))
            else:
                bar.addWidget(item)
        bar.addStretch(1)
        return bar

    def _table(self, model: QtCore.QAbstractItemModel) -> QtWidgets.QTableView:
        proxy = QtCore.QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QtWidgets.QTableView()
        view.setModel(proxy)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)  # unsorted until a header is clicked: tree order
        view.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(22)
        view.setShowGrid(False)
        return view

    def _combo(self, items: list[tuple[str, str]]) -> QtWidgets.QComboBox:
        box = QtWidgets.QComboBox()
        for label, data in items:
            box.addItem(label, data)
        return box

    def _matrix_page(self) -> QtWidgets.QWidget:
        self.by = QtWidgets.QComboBox()
        self.count = self._combo(
            [
                (self.tr("codings"), "codings"),
                (self.tr("documents"), "documents"),
                (self.tr("speakers"), "speakers"),
            ]
        )
        self.rows = self._combo([(self.tr("codes"), "codes"), (self.tr("clusters"), "clusters")])
        self.chart_kind = self._combo(
            [(self.tr("heatmap"), "heatmap"), (self.tr("bar chart of totals"), "bars")]
        )
        self.export_matrix_button = QtWidgets.QPushButton(self.tr("Export &table…"))
        self.export_chart_button = QtWidgets.QPushButton(self.tr("Export c&hart…"))
        self.export_chart_button.setEnabled(charts.available())
        self.matrix_view = self._table(self.matrix_model)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        count_per = (self.tr("Count"), self.count, self.tr("per"), self.by)
        layout.addLayout(self._bar(*count_per, self.tr("for"), self.rows))
        layout.addWidget(self.matrix_view, 1)
        chart = (self.tr("Chart"), self.chart_kind, self.export_chart_button)
        layout.addLayout(self._bar(self.export_matrix_button, *chart))
        for box in (self.by, self.count, self.rows):
            box.currentIndexChanged.connect(lambda _i: self._invalidate(MATRIX))
        self.export_matrix_button.clicked.connect(lambda: self.export_matrix())
        self.export_chart_button.clicked.connect(lambda: self.export_chart())
        return page

    def _cooc_page(self) -> QtWidgets.QWidget:
        self.mode = self._combo(
            [(self.tr("overlapping codings"), "overlap"), (self.tr("the same unit"), "unit")]
        )
        self.unit = self._combo(
            [
                (self.tr("paragraph"), "paragraph"),
                (self.tr("speaker turn"), "turn"),
                (self.tr("sentence"), "sentence"),
                (self.tr("document"), "document"),
            ]
        )
        self.level = self._combo([(self.tr("codes"), "codes"), (self.tr("clusters"), "clusters")])
        self.cooc_view = self._table(self.cooc_model)
        self.cooc_view.horizontalHeader().setStretchLastSection(False)
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        together = (self.tr("Codes together in"), self.mode, self.unit)
        layout.addLayout(self._bar(*together, self.tr("of"), self.level))
        layout.addWidget(self.cooc_view, 1)
        note = QtWidgets.QLabel(
            self.tr("c = n12 / (n1 + n2 − n12): 0 means never together, 1 always together.")
        )
        note.setStyleSheet("color: #666666")
        layout.addWidget(note)
        for box in (self.mode, self.unit, self.level):
            box.currentIndexChanged.connect(lambda _i: self._invalidate(COOCCURRENCE))
        self.mode.currentIndexChanged.connect(
            lambda _i: self.unit.setEnabled(self.mode.currentData() == "unit")
        )
        self.unit.setEnabled(False)
        return page

    def _cmo_page(self) -> QtWidgets.QWidget:
        self.cmo_by = QtWidgets.QComboBox()
        self.within = self._combo(
            [(self.tr("one document"), "document"), (self.tr("one speaker turn"), "turn")]
        )
        self.cmo_view = QtWidgets.QTreeView()
        self.cmo_view.setModel(self.cmo_model)
        self.cmo_view.setAlternatingRowColors(True)
        self.cmo_view.setUniformRowHeights(True)
        self.examples = QtWidgets.QTextBrowser()
        self.examples.setOpenLinks(False)
        self.examples.anchorClicked.connect(self._example_clicked)
        self.cmo_hint = QtWidgets.QLabel("")
        self.cmo_hint.setWordWrap(True)
        split = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.cmo_view)
        split.addWidget(self.examples)
        split.setSizes([500, 220])
        page = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(page)
        layout.addLayout(self._bar(self.tr("Per"), self.cmo_by, self.tr("within"), self.within))
        layout.addWidget(self.cmo_hint)
        layout.addWidget(split, 1)
        for box in (self.cmo_by, self.within):
            box.currentIndexChanged.connect(lambda _i: self._invalidate(CMO))
        self.cmo_view.selectionModel().currentChanged.connect(self._cmo_selected)
        return page

    # Options and computing ---------------------------------------------------------------
    def reload_options(self) -> None:
        keys: set[str] = set()
        for document in self._project.documents.list():
            keys.update(document.attributes)
        ordered = sorted(keys, key=lambda k: (k != "intervention", k.lower()))
        coders = [(c.name, c.name) for c in self._project.coders.list()]
        for box, items, first in (
            (self.by, [(k, k) for k in ordered], None),
            (self.cmo_by, [(k, k) for k in ordered], None),
            (self.coder, coders, self.tr("All coders")),
        ):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            if first is not None:
                box.addItem(first, None)
            for label, data in items:
                box.addItem(label, data)
            box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
            box.blockSignals(False)

    def _filter(self) -> QuoteFilter:
        coder = self.coder.currentData()
        return QuoteFilter(coders=(str(coder),) if coder else ())

    def _invalidate(self, tab: int) -> None:
        self._stale[tab] = True
        self.compute()

    def _invalidate_all(self) -> None:
        self._stale = [True, True, True]
        self.compute()

    def compute(self) -> None:
        """Compute the visible tab if its figures are out of date."""
        tab = self.tabs.currentIndex()
        if not self._stale[tab]:
            return
        self._stale[tab] = False
        project, flt = self._project, self._filter()
        job: Callable[[], object]
        if tab == MATRIX:
            by = self.by.currentData()
            if by is None:
                self.status.setText(self.tr("No document has attributes yet."))
                return
            job = partial(
                code_matrix,
                project,
                by=by,
                count=self.count.currentData(),
                rows=self.rows.currentData(),
                flt=flt,
            )
        elif tab == COOCCURRENCE:
            options = {"mode": self.mode.currentData(), "unit": self.unit.currentData()}
            job = partial(cooccurrence, project, flt, level=self.level.currentData(), **options)
        else:
            by = self.cmo_by.currentData() or "intervention"
            job = partial(
                cmo_configurations, project, by=by, within=self.within.currentData(), flt=flt
            )
        self.status.setText(self.tr("Computing…"))
        self.jobs[tab].submit(job)

    def is_busy(self) -> bool:
        return any(job.is_running() for job in self.jobs)

    def _failed(self, tab: int, message: str) -> None:
        self._stale[tab] = True
        self.status.setText(self.tr("Not computed: %1").replace("%1", message))

    def _project_changed(self, kind: str) -> None:
        if kind in ("documents", "coders", "codebook"):
            self.reload_options()
        if kind in ("codings", "codebook", "documents", "coders"):
            self._invalidate_all()

    # Results ------------------------------------------------------------------------------
    def _show_matrix(self, matrix: Matrix) -> None:
        self.matrix = matrix
        columns = [c or self.tr("(none)") for c in matrix.columns]
        rows: list[list[Cell]] = [
            ["    " * r.depth + r.path[-1], *r.cells, r.total] for r in matrix.rows
        ]
        self.matrix_model.set_table(
            [self.tr("Code"), *columns, self.tr("Total")],
            rows,
            heat=range(1, len(columns) + 1),
            bold=[len(columns) + 1],
            bold_rows=[n for n, r in enumerate(matrix.rows) if r.depth == 0],
            tips=[" / ".join(r.path) for r in matrix.rows],
        )
        header = self.matrix_view.horizontalHeader()
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Interactive)
        self.matrix_view.setColumnWidth(0, 300)
        for column in range(1, len(columns) + 2):  # the values share the rest of the width
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
        self.status.setText(self.tr("%n row(s)", "", len(rows)))

    def _show_cooc(self, result: Cooccurrence) -> None:
        rows = cooccurrence_rows(result)
        self.cooc_model.set_table(
            [self.tr("Code 1"), self.tr("Code 2"), "n1", "n2", "n12", "c"],
            rows,
            heat=[5],
            bold=[4],
            tips=[f"{r[0]}  ×  {r[1]}" for r in rows],
        )
        header = self.cooc_view.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column in range(2, 6):
            self.cooc_view.setColumnWidth(column, 70)
        self.status.setText(self.tr("%n pair(s) of codes", "", len(rows)))

    def _show_cmo(self, configurations: list[CmoConfiguration]) -> None:
        self.configurations = configurations
        self.cmo_model.set_configurations(
            configurations,
            [
                self.tr("Context"),
                self.tr("Mechanism"),
                self.tr("Outcome"),
                self.tr("Units"),
                self.tr("Documents"),
            ],
            lambda group, n: self.tr("%1 (%n configuration(s))", "", n).replace(
                "%1", group or self.tr("(none)")
            ),
        )
        for row in range(self.cmo_model.rowCount()):
            self.cmo_view.setFirstColumnSpanned(row, QtCore.QModelIndex(), True)
        self.cmo_view.expandAll()
        for column, width in enumerate((230, 230, 230, 60)):
            self.cmo_view.setColumnWidth(column, width)
        tagged = any(c.cmo for c in self._project.codebook.tree())
        hint = self.tr("No unit holds a context, mechanism and outcome code together.")
        if not tagged:
            hint = self.tr("Tag codes as context, mechanism or outcome in the code editor first.")
        self.cmo_hint.setText("" if configurations else hint)
        self.cmo_hint.setVisible(not configurations)
        self.examples.clear()
        self.status.setText(self.tr("%n configuration(s)", "", len(configurations)))

    def _cmo_selected(self, index: QtCore.QModelIndex, _previous: object = None) -> None:
        config = self.cmo_model.configuration(index)
        if config is None:
            self.examples.clear()
            return
        parts = [
            example_html(CMO_COLOURS[kind], label, quote)
            for kind, label, quote in zip(
                CMO_COLOURS,
                (self.tr("Context"), self.tr("Mechanism"), self.tr("Outcome")),
                config.examples,
                strict=True,
            )
        ]
        self.examples.setHtml("".join(parts))

    def _example_clicked(self, url: QtCore.QUrl) -> None:
        _, doc, start, end = url.toString().split(":")
        self.jumpTo.emit(int(doc), int(start), int(end))

    # Export ---------------------------------------------------------------------------------
    def _ask(self, title: str, default: str, filters: str) -> Path | None:
        from qualcode.ui.project_flow import default_folder

        default = str(default_folder(self._project) / default)  # next to the project
        name, chosen = QtWidgets.QFileDialog.getSaveFileName(self, title, default, filters)
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(chosen[chosen.rfind("*") + 1 : -1] or Path(default).suffix)
        return path

    def export_matrix(self, path: Path | None = None) -> Path | None:
        if self.matrix is None:
            return None
        path = path or self._ask(
            self.tr("Export matrix"),
            "matrix.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
        )
        if path is None:
            return None
        m, target = self.matrix, path

        def write() -> Path:
            write_table(target, matrix_header(m), matrix_rows(m), sheet=f"{m.count} by {m.by}")
            return target

        return self._export(write)

    def export_chart(self, path: Path | None = None) -> Path | None:
        if self.matrix is None:
            return None
        path = path or self._ask(
            self.tr("Export chart"),
            "matrix.png",
            self.tr("PNG image (*.png);;SVG image (*.svg)"),
        )
        if path is None:
            return None
        m = self.matrix
        title = self.tr("%1 per %2").replace("%1", self.count.currentText()).replace("%2", m.by)
        if self.chart_kind.currentData() == "bars":
            return self._export(lambda: charts.bar_chart(m, path, title=title))
        return self._export(lambda: charts.heatmap(m, path, title=title))

    def _export(self, write: Callable[[], Path]) -> Path | None:
        try:
            path = write()
        except (QualcodeError, OSError) as exc:
            self.status.setText(self.tr("Not exported: %1").replace("%1", str(exc)))
            return None
        self.status.setText(self.tr("Saved %1").replace("%1", str(path)))
        return Path(path)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        for job in self.jobs:
            job.shutdown()
        super().closeEvent(event)


def _relay(signal: QtCore.SignalInstance, change: Change) -> None:
    with contextlib.suppress(RuntimeError):  # the view was deleted before it could unsubscribe
        signal.emit(change.kind)
