"""Parts shared by the quotes browser and the analysis view: a heat-coloured table model,
the CMO tree model, and a runner that keeps queries off the GUI thread.

The runner is "latest wins": when the user changes a filter while a query runs, the running
query finishes on its thread, its result is dropped and only the newest request is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import threading
from typing import Any

from qualcode.core.analysis import CmoConfiguration
from qualcode.ui.qt import Qt, QtCore, QtGui, Signal

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
    mix = [
        round(low + (high - low) * share)
        for low, high in zip(_LOW.getRgb()[:3], _HIGH.getRgb()[:3], strict=True)
    ]
    return QtGui.QColor(*mix)


class LatestJob(QtCore.QObject):
    """Runs one job at a time on a worker thread; a newer ``submit`` supersedes the rest.

    The job runs on a plain Python thread that touches no Qt object; its outcome comes
    back through a signal of this object (which lives on the GUI thread), so Qt queues it
    to the GUI thread.
    """

    done = Signal(object)
    failed = Signal(str)
    busy = Signal(bool)
    _outcome = Signal(object, object)  # (result, error message or None)

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._pending: Callable[[], Any] | None = None
        self._outcome.connect(self._finished, Qt.ConnectionType.QueuedConnection)

    def submit(self, job: Callable[[], Any]) -> None:
        self._pending = job
        if self._thread is None:
            self._start_next()

    def is_running(self) -> bool:
        return self._thread is not None or self._pending is not None

    def _start_next(self) -> None:
        job, self._pending = self._pending, None
        if job is None:
            return
        self._thread = threading.Thread(target=self._run, args=(job,), daemon=True)
        self.busy.emit(True)
        self._thread.start()

    def _run(self, job: Callable[[], Any]) -> None:
        try:
            result, error = job(), None
        except Exception as exc:  # shown to the user; the thread must not die silently
            result, error = None, str(exc) or type(exc).__name__
        self._outcome.emit(result, error)

    def _finished(self, result: Any, error: str | None) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        if self._pending is not None:  # a newer request came in: this result is stale
            self._start_next()
            return
        self.busy.emit(False)
        if error is not None:
            self.failed.emit(error)
        else:
            self.done.emit(result)

    def shutdown(self) -> None:
        """Drop queued work and wait for the running job (before the owner goes away)."""
        self._pending = None
        if self._thread is not None:
            self._thread.join()


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
        self._peak = 0.0
        self._digits = 2

    def set_table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Cell]],
        *,
        heat: Sequence[int] = (),
        bold: Sequence[int] = (),
        peak: float | None = None,
        tips: Sequence[str] = (),
        digits: int = 2,
    ) -> None:
        self.beginResetModel()
        self._header, self._rows = list(header), [list(r) for r in rows]
        self._heat, self._bold, self._tips = set(heat), set(bold), list(tips)
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
        if role == Qt.ItemDataRole.FontRole and col in self._bold:
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
    def _config_row(config: CmoConfiguration) -> list[QtGui.QStandardItem]:
        cells = [
            QtGui.QStandardItem(" / ".join(config.context)),
            QtGui.QStandardItem(" / ".join(config.mechanism)),
            QtGui.QStandardItem(" / ".join(config.outcome)),
            QtGui.QStandardItem(str(config.units)),
            QtGui.QStandardItem(", ".join(config.documents)),
        ]
        for item, kind in zip(cells[:3], CMO_COLOURS, strict=True):
            item.setBackground(QtGui.QBrush(QtGui.QColor(CMO_COLOURS[kind])))
            item.setForeground(QtGui.QBrush(QtGui.QColor("#202020")))
        cells[3].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for item in cells:
            item.setEditable(False)
            item.setToolTip(item.text())
            item.setData(config, CONFIG_ROLE)
        return cells

    def configuration(self, index: Index) -> CmoConfiguration | None:
        value = index.siblingAtColumn(0).data(CONFIG_ROLE) if index.isValid() else None
        return value if isinstance(value, CmoConfiguration) else None
