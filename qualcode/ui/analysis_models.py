"""Parts shared by the quotes browser and the analysis view: a heat-coloured table model,
the CMO tree model, and a "latest wins" job runner for their queries.

Queries run on a worker thread (:class:`LatestJob`); when the user changes a filter while a
query is queued or running, only the newest request is shown.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Sequence
from typing import Any

from qualcode.core.analysis import CmoConfiguration, Cooccurrence
from qualcode.core.retrieval import Quote
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CONFIG_ROLE = Qt.ItemDataRole.UserRole + 2
Cell = str | int | float
Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex
_INVALID = QtCore.QModelIndex()

# One hue from white to the blue of the report's charts ("Blues"), readable in greyscale.
_LOW = QtGui.QColor("#F7FBFF")
_HIGH = QtGui.QColor("#2166AC")
_ZERO_TEXT = QtGui.QColor("#A0A0A0")


def heat_colour(value: float, peak: float) -> QtGui.QColor:
    """The cell colour for ``value`` on a scale from 0 (near white) to ``peak`` (blue)."""
    share = 0.0 if peak <= 0 else max(0.0, min(1.0, value / peak))
    low = (_LOW.red(), _LOW.green(), _LOW.blue())
    high = (_HIGH.red(), _HIGH.green(), _HIGH.blue())
    mix = [round(a + (b - a) * share) for a, b in zip(low, high, strict=True)]
    return QtGui.QColor(*mix)


class LatestJob(QtCore.QObject):
    """Runs one job at a time; a newer ``submit`` supersedes queued ones (latest wins).

    ``threaded = True`` (the default) runs jobs on a Python thread and hands the outcome back
    through a queued signal, so long searches and matrices never freeze the window; with
    ``threaded = False`` they run on the GUI thread right after the event that asked for them,
    behind a busy cursor. Either way several quick filter changes compute once.

    Threaded jobs were off for a while because the quotes browser segfaulted (heap corruption,
    found later in SQLAlchemy or the garbage collector). That was neither Qt nor threads: the
    synchronous mode crashed the same way once the timing of the cyclic garbage collector
    matched. ``codebook_tree.ordered_records`` used a recursive closure, a reference cycle
    that kept every loaded ``Code`` alive until the cyclic GC ran. When that GC started while
    the session was closing, inside the allocation that turns an ``InstanceState``'s inline
    attributes into a real ``__dict__`` (``state._strong_obj = None``), SQLAlchemy's weakref
    callback ``InstanceState._cleanup`` changed the same object's attributes, and CPython 3.11
    then kept using the freed attribute array. Rule: ORM instances must never sit in
    a reference cycle (no self-referencing closures or back-pointers around loaded rows), so
    they are freed by reference counting, never in the middle of a GC pass.
    """

    threaded = True
    done = Signal(object)
    failed = Signal(str)
    busy = Signal(bool)
    # No arguments: Python objects never travel through a queued signal from the thread.
    _ready = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._scheduled = False
        self._pending: Callable[[], Any] | None = None
        self._result: tuple[Any, str | None] = (None, None)
        self._ready.connect(self._finished, Qt.ConnectionType.QueuedConnection)

    def submit(self, job: Callable[[], Any]) -> None:
        self._pending = job
        if self._thread is not None or self._scheduled:
            return
        if self.threaded:
            self._start_next()
        else:  # after the current event, so several quick changes compute once
            self._scheduled = True
            QtCore.QTimer.singleShot(0, self._run_here)

    def is_running(self) -> bool:
        return self._thread is not None or self._pending is not None or self._scheduled

    def _run_here(self) -> None:
        self._scheduled = False
        job, self._pending = self._pending, None
        if job is None:
            return
        self.busy.emit(True)
        QtWidgets.QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result, error = _call(job)
        finally:
            QtWidgets.QApplication.restoreOverrideCursor()
        self.busy.emit(False)
        self._emit(result, error)

    def _start_next(self) -> None:
        job, self._pending = self._pending, None
        if job is None:
            return
        self._thread = threading.Thread(target=self._run, args=(job,), daemon=True)
        self.busy.emit(True)
        self._thread.start()

    def _run(self, job: Callable[[], Any]) -> None:
        self._result = _call(job)
        self._ready.emit()

    def _finished(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        (result, error), self._result = self._result, (None, None)
        if self._pending is not None:  # a newer request came in: this result is stale
            self._start_next()
            return
        self.busy.emit(False)
        self._emit(result, error)

    def _emit(self, result: Any, error: str | None) -> None:
        if error is not None:
            self.failed.emit(error)
        else:
            self.done.emit(result)

    def shutdown(self) -> None:
        """Drop queued work and wait for the running job (before the owner goes away)."""
        self._pending = None
        if self._thread is not None:
            self._thread.join()


def _call(job: Callable[[], Any]) -> tuple[Any, str | None]:
    try:
        return job(), None
    except Exception as exc:  # shown to the user in the status line, never swallowed
        return None, str(exc) or type(exc).__name__


class HeatTableModel(QtCore.QAbstractTableModel):
    """A read-only table whose numeric ``heat`` columns are shaded by value.

    Rows are lists of cells; ``tips`` gives an optional tooltip per row (the full code path
    when the first column shows an indented name).
    """

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._rows: list[list[Cell]] = []
        self._tips: list[str] = []
        self._heat: set[int] = set()
        self._bold: set[int] = set()
        self._bold_rows: set[int] = set()
        self._peak = 0.0
        self._digits = 2

    def set_table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        *,
        heat: Sequence[int] = (),
        bold: Sequence[int] = (),
        bold_rows: Sequence[int] = (),
        peak: float | None = None,
        tips: Sequence[str] = (),
        digits: int = 2,
    ) -> None:
        self.beginResetModel()
        self._header, self._rows = list(header), [list(r) for r in rows]
        self._heat, self._bold, self._tips = set(heat), set(bold), list(tips)
        self._bold_rows = set(bold_rows)
        self._digits = digits
        values = [float(r[c]) for r in self._rows for c in self._heat if _number(r[c])]
        self._peak = peak if peak is not None else max(values, default=0.0)
        self.endResetModel()

    def cell(self, row: int, column: int) -> Cell:
        return self._rows[row][column]

    def rowCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._header)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._header[section] if 0 <= section < len(self._header) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not 0 <= index.column() < len(row):
            return None
        value, col = row[index.column()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:.{self._digits}f}" if isinstance(value, float) else str(value)
        if role == SORT_ROLE:
            return value if _number(value) else str(value).strip().lower()
        if role == Qt.ItemDataRole.ToolTipRole and self._tips:
            return self._tips[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and _number(value):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (
            col in self._bold or index.row() in self._bold_rows
        ):
            font = QtGui.QFont()
            font.setBold(True)
            return font
        if col not in self._heat or not _number(value):
            return None
        if role == Qt.ItemDataRole.BackgroundRole and float(value) > 0:
            return QtGui.QBrush(heat_colour(float(value), self._peak))
        if role == Qt.ItemDataRole.ForegroundRole:
            if float(value) == 0:
                return QtGui.QBrush(_ZERO_TEXT)
            dark = self._peak > 0 and float(value) > 0.55 * self._peak
            return QtGui.QBrush(QtGui.QColor("white" if dark else "black"))
        return None


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


CMO_COLOURS = {"context": "#E8F1FA", "mechanism": "#FFF4D6", "outcome": "#E5F5E0"}


class CmoModel(QtGui.QStandardItemModel):
    """Groups (an intervention each) with their C-M-O configurations as children."""

    def set_configurations(
        self,
        configurations: Sequence[CmoConfiguration],
        header: Sequence[str],
        group_label: Callable[[str, int], str],
    ) -> None:
        """Fill the tree; ``group_label(group, configurations)`` names a group's row."""
        self.clear()
        self.setHorizontalHeaderLabels(list(header))
        grouped: dict[str, list[CmoConfiguration]] = {}
        for config in configurations:
            grouped.setdefault(config.group, []).append(config)
        for group, configs in grouped.items():
            parent = QtGui.QStandardItem(group_label(group, len(configs)))
            parent.setEditable(False)
            font = parent.font()
            font.setBold(True)
            parent.setFont(font)
            self.appendRow(parent)
            for config in configs:
                parent.appendRow(self._config_row(config))

    @staticmethod
    @staticmethod
    def _config_row(config: CmoConfiguration) -> list[QtGui.QStandardItem]:
        """The codes by name (the tooltip has the full path), units and documents."""
        parts = (config.context, config.mechanism, config.outcome)
        cells = [QtGui.QStandardItem(path[-1]) for path in parts]
        cells += [QtGui.QStandardItem(str(config.units))]
        cells += [QtGui.QStandardItem(", ".join(config.documents))]
        tips = [" / ".join(path) for path in parts] + [cells[3].text(), cells[4].text()]
        for item, kind in zip(cells[:3], CMO_COLOURS, strict=True):
            item.setBackground(QtGui.QBrush(QtGui.QColor(CMO_COLOURS[kind])))
            item.setForeground(QtGui.QBrush(QtGui.QColor("#202020")))
        cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for item, tip in zip(cells, tips, strict=True):
            item.setEditable(False)
            item.setToolTip(tip)
            item.setData(config, CONFIG_ROLE)
        return cells

    def configuration(self, index: Index) -> CmoConfiguration | None:
        value = (
            self.index(index.row(), 0, index.parent()).data(CONFIG_ROLE)
            if index.isValid()
            else None
        )
        return value if isinstance(value, CmoConfiguration) else None


def cooccurrence_rows(result: Cooccurrence) -> list[list[Cell]]:
    """Code 1, code 2, n1, n2, n12, c per pair; the most frequent pairs first."""
    pairs = sorted(result.pairs, key=lambda p: (-p.n_ab, -p.coefficient))
    paths = {code: " / ".join(path) for code, path in result.paths.items()}
    return [[paths[p.code_a], paths[p.code_b], p.n_a, p.n_b, p.n_ab, p.coefficient] for p in pairs]


def example_html(colour: str, label: str, quote: Quote) -> str:
    """One example quote of a CMO part, with a link that jumps to it in its transcript."""
    where = " · ".join(p for p in (quote.document, quote.speaker or "", quote.code_text) if p)
    link = f"quote:{quote.document_id}:{quote.start}:{quote.end}"
    return (
        f"<table width='100%' cellpadding='6' style='background:{colour};margin-bottom:6px'>"
        f"<tr><td><b>{html.escape(label)}</b> &nbsp; <a href='{link}'>{html.escape(where)}</a>"
        f"<br>{html.escape(' '.join(quote.text.split()))}</td></tr></table>"
    )
