"""The agreement panel's parts: table models (figures, colour-coded; disagreements), the
alpha bar chart, and the worker that computes off the GUI thread."""

from __future__ import annotations

import math
from typing import Any

from qualcode.core.agreement_project import (
    RELIABLE,
    TENTATIVE,
    Disagreement,
    Figures,
    compute_agreement,
)
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
COLOURS = {
    "reliable": "#C6EFCE",
    "tentative": "#FFEB9C",
    "low": "#FFC7CE",
    "undefined": "#EDEDED",
}
_INVALID = QtCore.QModelIndex()
Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


def band(alpha: float, tentative: float, reliable: float) -> str:
    if math.isnan(alpha):
        return "undefined"
    return "reliable" if alpha >= reliable else "tentative" if alpha >= tentative else "low"


def _fmt(value: float, digits: int = 3) -> str:
    if math.isnan(value):
        return "–"
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text  # no "-0.000"


def _ci(low: float, high: float) -> str:
    return "–" if math.isnan(low) else f"{_fmt(low)} – {_fmt(high)}"


# Columns whose cells are shaded by the thresholds: alpha, and uα in character mode.
UNIT_ALPHA_COLUMN = 5
CHAR_ALPHA_COLUMN, CHAR_U_COLUMN = 1, 3


_T = QtCore.QT_TRANSLATE_NOOP
UNIT_COLUMNS = (
    _T("AgreementColumns", "Code"),
    _T("AgreementColumns", "% agree"),
    "Cohen κ",
    "Scott π",
    "Fleiss κ",
    "α",
    _T("AgreementColumns", "95% CI"),
    _T("AgreementColumns", "Units"),
    _T("AgreementColumns", "Coded"),
)
CHAR_COLUMNS = (
    _T("AgreementColumns", "Code"),
    _T("AgreementColumns", "binary α"),
    _T("AgreementColumns", "95% CI"),
    "uα",
    _T("AgreementColumns", "95% CI"),
    "cu-α",
    _T("AgreementColumns", "Segments"),
    _T("AgreementColumns", "Length"),
)
DISAGREEMENT_COLUMNS = (
    _T("AgreementColumns", "Document"),
    _T("AgreementColumns", "Where"),
    _T("AgreementColumns", "Text"),
)
DECISION_COLUMN = _T("AgreementColumns", "Decision")


def column_title(text: str) -> str:
    # Spelled out so the translation tools find each string.
    translate = QtCore.QCoreApplication.translate
    titles = {
        "Code": translate("AgreementColumns", "Code"),
        "% agree": translate("AgreementColumns", "% agree"),
        "95% CI": translate("AgreementColumns", "95% CI"),
        "Units": translate("AgreementColumns", "Units"),
        "Coded": translate("AgreementColumns", "Coded"),
        "binary α": translate("AgreementColumns", "binary α"),
        "Segments": translate("AgreementColumns", "Segments"),
        "Length": translate("AgreementColumns", "Length"),
        "Document": translate("AgreementColumns", "Document"),
        "Where": translate("AgreementColumns", "Where"),
        "Text": translate("AgreementColumns", "Text"),
        "Decision": translate("AgreementColumns", "Decision"),
    }
    return titles.get(text, text)


class FiguresModel(QtCore.QAbstractTableModel):
    """One row per ``Figures``; the alpha cells are coloured by the two thresholds."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Figures] = []
        self._character = False
        self.tentative, self.reliable = TENTATIVE, RELIABLE

    def set_rows(self, rows: list[Figures], *, character: bool) -> None:
        self.beginResetModel()
        self._rows, self._character = list(rows), character
        self.endResetModel()

    def set_thresholds(self, tentative: float, reliable: float) -> None:
        self.tentative, self.reliable = tentative, reliable
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, self.columnCount() - 1),
                [Qt.ItemDataRole.BackgroundRole],
            )

    def figures(self, row: int) -> Figures:
        return self._rows[row]

    @property
    def alpha_column(self) -> int:
        return CHAR_ALPHA_COLUMN if self._character else UNIT_ALPHA_COLUMN

    def _fields(self) -> tuple[str | None, ...]:
        """The ``Figures`` field behind each column (None for the label and counts)."""
        if self._character:
            return (None, "alpha", "ci_low", "u_alpha", "u_ci_low", "cu_alpha", None, None)
        return (None, "percent", "cohen", "scott", "fleiss", "alpha", "ci_low", None, None)

    def rowCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _INVALID) -> int:
        if parent.isValid():
            return 0
        return len(CHAR_COLUMNS if self._character else UNIT_COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = CHAR_COLUMNS if self._character else UNIT_COLUMNS
            return column_title(names[section]) if 0 <= section < len(names) else None
        return str(section + 1)

    def _values(self, f: Figures) -> list[tuple[str, float | str]]:
        """(display text, sort key) per column."""
        if self._character:
            return [
                (f.label, f.label.lower()),
                (_fmt(f.alpha), f.alpha),
                (_ci(f.ci_low, f.ci_high), f.ci_low),
                (_fmt(f.u_alpha), f.u_alpha),
                (_ci(f.u_ci_low, f.u_ci_high), f.u_ci_low),
                (_fmt(f.cu_alpha), f.cu_alpha),
                (str(f.n_coded), float(f.n_coded)),
                (str(f.n_pairable), float(f.n_pairable)),
            ]
        return [
            (f.label, f.label.lower()),
            (_fmt(f.percent * 100, 1), f.percent),
            (_fmt(f.cohen), f.cohen),
            (_fmt(f.scott), f.scott),
            (_fmt(f.fleiss), f.fleiss),
            (_fmt(f.alpha), f.alpha),
            (_ci(f.ci_low, f.ci_high), f.ci_low),
            (str(f.n_units), float(f.n_units)),
            (str(f.n_coded), float(f.n_coded)),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        values = self._values(f)
        if not 0 <= index.column() < len(values):
            return None
        text, key = values[index.column()]
        alpha_column = self.alpha_column
        shaded = {alpha_column: f.alpha}
        if self._character:
            shaded[CHAR_U_COLUMN] = f.u_alpha
        if role == Qt.ItemDataRole.DisplayRole:
            return text + (" !" if index.column() == alpha_column and f.low_data else "")
        if role == SORT_ROLE:
            # NaN sorts below every number, so undefined figures gather at one end.
            return -1e9 if isinstance(key, float) and math.isnan(key) else key
        if role == Qt.ItemDataRole.BackgroundRole and index.column() in shaded:
            value = shaded[index.column()]
            name = "undefined" if f.low_data else band(value, self.tentative, self.reliable)
            return QtGui.QBrush(QtGui.QColor(COLOURS[name]))
        if role == Qt.ItemDataRole.ToolTipRole:
            # An empty cell says why it is empty; the others carry the figure's note.
            field = self._fields()[index.column()]
            why = f.reason_for(field) if field else None
            return why or f.note or f.reason or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class DisagreementModel(QtCore.QAbstractTableModel):
    """Disputed units or stretches: document, span, text, and each coder's codes."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Disagreement] = []
        self._coders: list[str] = []
        self._settled: dict[tuple[int, int, int], str] = {}

    def set_rows(self, rows: list[Disagreement], coders: list[str]) -> None:
        self.beginResetModel()
        self._rows, self._coders = list(rows), list(coders)
        self.endResetModel()

    def set_settled(self, settled: dict[tuple[int, int, int], str]) -> None:
        """Mark the disagreements the lead has decided (the last column, tinted green)."""
        self._settled = dict(settled)
        if self._rows:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last))

    def decision(self, row: int) -> str | None:
        d = self._rows[row]
        return self._settled.get((d.document_id, d.start, d.end))

    def disagreement(self, row: int) -> Disagreement:
        return self._rows[row]

    @property
    def coders(self) -> list[str]:
        return list(self._coders)

    def rowCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else 4 + len(self._coders)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            names = [
                *map(column_title, DISAGREEMENT_COLUMNS),
                *self._coders,
                column_title(DECISION_COLUMN),
            ]
            return names[section] if 0 <= section < len(names) else None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        d = self._rows[index.row()]
        col = index.column()
        decided = self._settled.get((d.document_id, d.start, d.end))
        if role == Qt.ItemDataRole.BackgroundRole and decided is not None:
            return QtGui.QColor(90, 170, 90, 60)
        if col == self.columnCount() - 1:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return f"✓ {decided}" if decided else ""
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                return d.document
            if col == 1:
                # Where a reader finds it: paragraph and speaker turn, not offsets.
                where = f"¶ {d.paragraph}"
                return where + (f" · {d.speaker} {d.turn}" if d.turn is not None else "")
            if col == 2:
                text = " ".join(d.text.split())
                if role == Qt.ItemDataRole.DisplayRole and len(text) > 160:
                    return text[:157] + "..."
                return text
            return "; ".join(d.codes_of(self._coders[col - 3])) or "–"
        return None


class _Cancelled(Exception):
    pass


class AgreementWorker(QtCore.QObject):
    """Runs ``compute_agreement`` off the GUI thread; cancel() stops at the next step."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, project: Project, options: dict[str, Any]) -> None:
        super().__init__()
        self._project, self._options = project, options
        self._cancel = False

    def cancel(self) -> None:
        self._cancel = True

    def _tick(self, done: int, total: int) -> None:
        if self._cancel:
            raise _Cancelled
        self.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = compute_agreement(self._project, progress=self._tick, **self._options)
        except _Cancelled:
            self.failed.emit("cancelled")
        except (QualcodeError, ValueError) as exc:
            self.failed.emit(str(exc))
        else:
            self.finished.emit(result)


class AlphaChart(QtWidgets.QWidget):
    """Horizontal bars of alpha per row, with the two threshold lines."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, float]] = []
        self.tentative, self.reliable = TENTATIVE, RELIABLE
        self.setMinimumHeight(120)

    def set_bars(self, bars: list[tuple[str, float]]) -> None:
        self._bars = bars
        self.setMinimumHeight(max(120, 16 * len(bars) + 24))
        self.update()

    def paintEvent(self, event: QtGui.QPaintEvent) -> None:
        painter = QtGui.QPainter(self)
        try:
            painter.fillRect(self.rect(), self.palette().base())
            label_w = min(260, self.width() // 3)
            left, right = label_w + 8, self.width() - 12
            width = max(right - left, 10)

            def x_of(value: float) -> int:  # alpha from -1 .. 1 mapped on the bar area
                return int(left) + int((max(-1.0, min(1.0, value)) + 1.0) / 2.0 * width)

            for line in (0.0, self.tentative, self.reliable):
                painter.setPen(QtGui.QPen(QtGui.QColor("#888888"), 1, Qt.PenStyle.DashLine))
                painter.drawLine(x_of(line), 4, x_of(line), self.height() - 4)
            for row, (label, alpha) in enumerate(self._bars):
                y = 8 + row * 16
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QtCore.QRect(2, y, label_w, 14),
                    int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                    painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideLeft, label_w),
                )
                if math.isnan(alpha):
                    continue
                colour = QtGui.QColor(COLOURS[band(alpha, self.tentative, self.reliable)])
                x0, x1 = sorted((x_of(0.0), x_of(alpha)))
                painter.fillRect(QtCore.QRect(x0, y + 2, max(x1 - x0, 1), 10), colour.darker(115))
        finally:
            painter.end()
