"""The quotes browser: filter coded quotes, read them in context, star and order the
illustrative ones, export them, and write the summary of a code beside them.

``QuotesBrowser(project)`` is a plain QWidget; the main window opens it from a menu entry
and connects ``jumpTo(document_id, start, end)`` to its transcript view. Searches run on a
worker thread (latest wins), so typing in the search field never freezes the window.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Sequence
from functools import partial
from pathlib import Path

from qualcode.core.changes import Change
from qualcode.core.combined import DEFAULT_DISTANCE, Combination
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.retrieval import Quote, QuoteFilter, find_quotes
from qualcode.io.tables import QUOTE_COLUMNS, quote_rows, write_table
from qualcode.ui.analysis_models import LatestJob
from qualcode.ui.project_flow import default_folder
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal
from qualcode.ui.quotes_model import STAR, QuotesModel, quote_html
from qualcode.ui.summary_editor import SCOPE_KEY, SummaryEditor

_REFRESH_ON = {"codings", "codebook", "documents", "coders"}


class QuotesBrowser(QtWidgets.QWidget):
    jumpTo = Signal(int, int, int)
    _changed = Signal(str)  # project notices, re-emitted so they arrive on the GUI thread

    def __init__(
        self,
        project: Project,
        parent: QtWidgets.QWidget | None = None,
        *,
        author: str | None = None,
        code: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quotes"))
        self._project = project
        self._viewer = author
        self._code_order: dict[int, int] = {}
        self._keep_selection: int | None = None
        self.model = QuotesModel(self)
        self.job = LatestJob(self)
        self.summary = SummaryEditor(project, self, author=author)
        self._build()
        self.job.done.connect(self._show_quotes)
        self.job.failed.connect(lambda message: self.status.setText(message))
        self._search_timer = QtCore.QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        # The listener holds no reference to the widget, so a closed browser can be freed.
        listener = partial(_relay, self._changed)
        project.subscribe(listener)
        self.destroyed.connect(lambda *_args: project.unsubscribe(listener))
        self._changed.connect(self._project_changed)
        self.reload_filters()
        if code is not None:  # opened for one code: search that, not the whole project
            self.code.setCurrentIndex(max(0, self.code.findData(code)))
        self.refresh()

    # Layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.code = QtWidgets.QComboBox()
        self.code.setMinimumContentsLength(28)
        self.subcodes = QtWidgets.QCheckBox(self.tr("Include sub-codes"))
        self.subcodes.setChecked(True)
        self.coder = QtWidgets.QComboBox()
        self.speaker = QtWidgets.QComboBox()
        self.intervention = QtWidgets.QComboBox()
        self.attribute = QtWidgets.QComboBox()
        self.value = QtWidgets.QComboBox()
        self.value.setMinimumContentsLength(12)
        self.search = QtWidgets.QLineEdit()
        self.search.setPlaceholderText(self.tr("Search in the quotes"))
        self.search.setClearButtonEnabled(True)
        self.illustrative = QtWidgets.QCheckBox(self.tr("Illustrative only"))
        # Combined retrieval: only codings within / overlapping / near another code's.
        self.relation = QtWidgets.QComboBox()
        for label, key in (
            (self.tr("Anywhere"), None),
            (self.tr("Within"), "within"),
            (self.tr("Overlapping"), "overlapping"),
            (self.tr("Near"), "near"),
        ):
            self.relation.addItem(label, key)
        self.other_code = QtWidgets.QComboBox()
        self.other_code.setMinimumContentsLength(20)
        self.distance = QtWidgets.QSpinBox()
        self.distance.setRange(0, 100000)
        self.distance.setValue(DEFAULT_DISTANCE)
        self.distance.setSuffix(self.tr(" characters"))
        grid = QtWidgets.QGridLayout()
        grid.addWidget(QtWidgets.QLabel(self.tr("Code")), 0, 0)
        grid.addWidget(self.code, 0, 1)
        grid.addWidget(self.subcodes, 0, 2)
        grid.addWidget(QtWidgets.QLabel(self.tr("Coder")), 0, 3)
        grid.addWidget(self.coder, 0, 4)
        grid.addWidget(QtWidgets.QLabel(self.tr("Speaker")), 0, 5)
        grid.addWidget(self.speaker, 0, 6)
        grid.addWidget(QtWidgets.QLabel(self.tr("Intervention")), 1, 0)
        grid.addWidget(self.intervention, 1, 1)
        grid.addWidget(self.illustrative, 1, 2)
        grid.addWidget(QtWidgets.QLabel(self.tr("Attribute")), 1, 3)
        grid.addWidget(self.attribute, 1, 4)
        grid.addWidget(self.value, 1, 5, 1, 2)
        grid.addWidget(QtWidgets.QLabel(self.tr("Where")), 2, 0)
        grid.addWidget(self.relation, 2, 1)
        grid.addWidget(self.other_code, 2, 2, 1, 3)
        grid.addWidget(self.distance, 2, 5, 1, 2)
        grid.addWidget(self.search, 3, 0, 1, 7)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(4, 1)
        grid.setColumnStretch(6, 1)

        self.table = QtWidgets.QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(STAR, QtWidgets.QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(4, QtWidgets.QHeaderView.ResizeMode.Stretch)
        for column, width in ((STAR, 44), (1, 220), (2, 190), (3, 90), (5, 70)):
            self.table.setColumnWidth(column, width)
        self.detail = QtWidgets.QTextBrowser()
        self.detail.setPlaceholderText(self.tr("Select a quote to read it in its context."))
        self.star_button = QtWidgets.QPushButton(self.tr("&Star"))
        self.star_button.setToolTip(self.tr("Mark the quote as illustrative (or unmark it)"))
        self.up_button = QtWidgets.QPushButton(self.tr("Move &up"))
        self.down_button = QtWidgets.QPushButton(self.tr("Move &down"))
        for button in (self.up_button, self.down_button):
            button.setToolTip(self.tr("Order the starred quotes of this code for the report"))
        self.export_button = QtWidgets.QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Save the quotes shown as CSV or Excel"))
        self.status = QtWidgets.QLabel("")
        actions = QtWidgets.QHBoxLayout()
        for button in (self.star_button, self.up_button, self.down_button):
            actions.addWidget(button)
        actions.addWidget(self.status, 1)
        actions.addWidget(self.export_button)
        left = QtWidgets.QWidget()
        left_layout = QtWidgets.QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        quotes_split = QtWidgets.QSplitter(Qt.Orientation.Vertical)
        quotes_split.addWidget(self.table)
        quotes_split.addWidget(self.detail)
        quotes_split.setStretchFactor(0, 3)
        quotes_split.setStretchFactor(1, 1)
        left_layout.addWidget(quotes_split, 1)
        left_layout.addLayout(actions)
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.summary)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 300])
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(split, 1)

        for box in (self.code, self.coder, self.speaker, self.intervention, self.value):
            box.currentIndexChanged.connect(self.refresh)
        for box in (self.relation, self.other_code):
            box.currentIndexChanged.connect(self.refresh)
        self.distance.valueChanged.connect(self.refresh)
        self.attribute.currentIndexChanged.connect(self._attribute_changed)
        for check in (self.subcodes, self.illustrative):
            check.toggled.connect(self.refresh)
        self.intervention.currentIndexChanged.connect(
            lambda _i: self.summary.set_scope(self.intervention.currentData() or "")
        )
        self.code.currentIndexChanged.connect(self._follow_code)
        self.table.selectionModel().selectionChanged.connect(self._current_changed)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(self._double_clicked)
        self.star_button.clicked.connect(lambda: self.toggle_star())
        self.up_button.clicked.connect(lambda: self.move_quote(-1))
        self.down_button.clicked.connect(lambda: self.move_quote(1))
        self.export_button.clicked.connect(lambda: self.export())
        self._update_buttons()

    # Filters ----------------------------------------------------------------------------
    def reload_filters(self) -> None:
        """Fill the combos from the codebook, coders and documents (keeping choices)."""
        codes = self._project.codebook.tree()
        self._code_order = {c.id: n for n, c in enumerate(codes)}
        coders = self._project.coders.list()
        documents = self._project.documents.list()
        attributes: dict[str, set[str]] = {}
        speakers: set[str] = set()
        for document in documents:
            for key, value in document.attributes.items():
                attributes.setdefault(key, set()).add(value)
        speakers.update(self._project.documents.speakers())  # one query, not one per document
        self._attributes = attributes
        code_items = [("    " * (len(c.path) - 1) + c.name, c.id) for c in codes]
        coder_items = [(c.name, c.name) for c in coders]
        if any(c.role == "consensus" for c in coders):
            coder_items.append((self.tr("Consensus layer"), "consensus"))
        self._fill(self.code, self.tr("All codes"), code_items)
        self._fill(self.other_code, self.tr("(choose a code)"), code_items)
        self._fill(self.coder, self.tr("All coders"), coder_items)
        self._fill(self.speaker, self.tr("All speakers"), [(s, s) for s in _sorted(speakers)])
        values = _sorted(attributes.get(SCOPE_KEY, set()))
        self._fill(self.intervention, self.tr("All interventions"), [(v, v) for v in values])
        keys = [k for k in _sorted(set(attributes)) if k != SCOPE_KEY]
        self._fill(self.attribute, self.tr("Other attribute…"), [(k, k) for k in keys])
        self._attribute_changed(refresh=False)
        self.summary.reload_scopes()

    @staticmethod
    def _fill(
        box: QtWidgets.QComboBox, everything: str, items: Sequence[tuple[str, object]]
    ) -> None:
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(everything, None)
        for label, data in items:
            box.addItem(label, data)
        index = box.findData(current) if current is not None else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def _attribute_changed(self, *_args: object, refresh: bool = True) -> None:
        key = self.attribute.currentData()
        values = _sorted(self._attributes.get(key, set())) if key else []
        self._fill(self.value, self.tr("any value"), [(v, v) for v in values])
        self.value.setEnabled(bool(key))
        if refresh:
            self.refresh()

    def current_filter(self) -> QuoteFilter:
        where: dict[str, str] = {}
        if self.intervention.currentData():
            where[SCOPE_KEY] = str(self.intervention.currentData())
        if self.attribute.currentData() and self.value.currentData():
            where[str(self.attribute.currentData())] = str(self.value.currentData())
        code = self.code.currentData()
        coder = self.coder.currentData()
        return QuoteFilter(
            codes=(int(code),) if code is not None else (),
            subcodes=self.subcodes.isChecked(),
            coders=(str(coder),) if coder else (),
            where=where,
            speaker=self.speaker.currentData(),
            search=self.search.text().strip() or None,
            illustrative_only=self.illustrative.isChecked(),
            viewer=self._viewer,
            combine=self._combination(),
        )

    def _combination(self) -> Combination | None:
        relation, other = self.relation.currentData(), self.other_code.currentData()
        self.distance.setEnabled(relation == "near")
        if relation is None or other is None:
            return None
        return Combination(int(other), relation, distance=self.distance.value())

    # Searching --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Search again with the current filters (on the worker thread)."""
        flt, project = self.current_filter(), self._project
        self.status.setText(self.tr("Searching…"))
        self.job.submit(lambda: find_quotes(project, flt))

    def is_busy(self) -> bool:
        return self.job.is_running()

    def _show_quotes(self, quotes: list[Quote]) -> None:
        if self.illustrative.isChecked():  # the order the report uses: by code, then rank
            quotes = sorted(
                quotes,
                key=lambda q: (
                    self._code_order.get(q.code_id, 0),
                    q.rank is None,
                    q.rank or 0,
                ),
            )
        keep = self._keep_selection or (q.coding_id if (q := self.selected()) else None)
        self._keep_selection = None
        self.model.set_quotes(quotes)
        self.status.setText(self.tr("%n quote(s)", "", len(quotes)))
        row = self.model.row_of(keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._current_changed()

    def _project_changed(self, kind: str) -> None:
        if kind not in _REFRESH_ON:
            return
        if kind != "codings":
            self.reload_filters()
        self.refresh()

    # Selection, stars and order ---------------------------------------------------------
    def selected(self) -> Quote | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.quote(rows[0].row()) if rows else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _current_changed(self, *_args: object) -> None:
        quote = self.selected()
        if quote is None:
            self.detail.clear()
        else:
            where = " · ".join(
                part
                for part in (
                    quote.document,
                    quote.speaker or "",
                    self.tr("paragraph %1").replace("%1", str(quote.paragraph)),
                    quote.code_text,
                    quote.coder,
                )
                if part
            )
            self.detail.setHtml(quote_html(quote, where))
        self._follow_code()
        self._update_buttons()

    def _follow_code(self, *_args: object) -> None:
        """The summary is about the code filtered on, else about the selected quote's code."""
        code = self.code.currentData()
        if code is None and (quote := self.selected()) is not None:
            code = quote.code_id
        current = self.summary.current()
        if code is None or current is None or current[0] != code:
            self.summary.set_code(int(code) if code is not None else None)

    def _update_buttons(self) -> None:
        quote = self.selected()
        self.star_button.setEnabled(quote is not None)
        self.star_button.setText(
            self.tr("Un&star") if quote is not None and quote.illustrative else self.tr("&Star")
        )
        starred = quote is not None and quote.illustrative
        self.up_button.setEnabled(starred)
        self.down_button.setEnabled(starred)

    def _clicked(self, index: QtCore.QModelIndex) -> None:
        if index.column() == STAR:
            self.toggle_star(index.row())

    def _double_clicked(self, index: QtCore.QModelIndex) -> None:
        if index.column() == STAR:
            return  # the two clicks already toggled the star twice
        quote = self.model.quote(index.row())
        self.jumpTo.emit(quote.document_id, quote.start, quote.end)

    def toggle_star(self, row: int | None = None) -> None:
        quote = self.model.quote(row) if isinstance(row, int) else self.selected()
        if quote is None:
            return
        try:
            if quote.illustrative:
                self._project.quotes.unstar(quote.coding_id)
            else:
                self._project.quotes.star(quote.coding_id)
        except QualcodeError as exc:
            self.status.setText(str(exc))
            return
        # Shown at once; the search that the change notice starts brings the ranks.
        self.model.replace(
            dataclasses.replace(quote, illustrative=not quote.illustrative, rank=None)
        )
        self._keep_selection = quote.coding_id
        self._update_buttons()

    def move_quote(self, step: int) -> None:
        """Move the selected starred quote one place up (-1) or down (+1) among its code's."""
        quote = self.selected()
        if quote is None or not quote.illustrative:
            return
        starred = find_quotes(
            self._project, QuoteFilter(codes=(quote.code_id,), illustrative_only=True)
        )
        starred.sort(key=lambda q: (q.rank is None, q.rank or 0))
        ids = [q.coding_id for q in starred]
        here = ids.index(quote.coding_id)
        there = here + step
        if not 0 <= there < len(ids):
            return
        ids[here], ids[there] = ids[there], ids[here]
        self._keep_selection = quote.coding_id
        self._project.quotes.order(ids)

    # Export -----------------------------------------------------------------------------
    def export(self, path: Path | None = None) -> int | None:
        """Write the quotes shown to CSV or XLSX; asks for a file name when none is given."""
        if path is None:
            name, chosen = QtWidgets.QFileDialog.getSaveFileName(
                self,
                self.tr("Export quotes"),
                str(default_folder(self._project) / "quotes.xlsx"),
                self.tr("Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)"),
            )
            if not name:
                return None
            path = Path(name)
            if path.suffix.lower() not in (".csv", ".xlsx"):
                path = path.with_suffix(".csv" if "csv" in chosen.lower() else ".xlsx")
        quotes = self.model.quotes()
        keys = _sorted({k for q in quotes for k in q.attributes})
        try:
            count = write_table(
                path, [*QUOTE_COLUMNS, *keys], quote_rows(quotes, keys), sheet="quotes"
            )
        except (QualcodeError, OSError) as exc:
            self.status.setText(self.tr("Not exported: %1").replace("%1", str(exc)))
            return None
        self.status.setText(
            self.tr("%n quote(s) exported to %1", "", count).replace("%1", path.name)
        )
        return count

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.summary.is_dirty():
            self.summary.save()
        self.job.shutdown()
        super().closeEvent(event)


def _relay(signal: QtCore.SignalInstance, change: Change) -> None:
    with contextlib.suppress(RuntimeError):  # the browser was deleted before it could unsubscribe
        signal.emit(change.kind)


def _sorted(values: set[str]) -> list[str]:
    return sorted(values, key=str.lower)
