"""A table model of the project's documents with coding progress per coder.

The model holds document ids and fetches every row once per refresh; coding counts are
kept per document and coder so switching the current coder needs no query, and a coding
change re-counts only the document it touched.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from qualcode.core.changes import Change
from qualcode.core.records import CoderRecord, DocumentRecord
from qualcode.ui.qt import Qt, QtCore

if TYPE_CHECKING:
    from qualcode.core.project import Project

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

(NAME, INTERVENTION, SOURCE_TYPE, EDUCATION, LANGUAGE, CODINGS, ASSIGNED, BLIND) = range(8)
_ATTRIBUTE_COLUMNS = {
    INTERVENTION: "intervention",
    SOURCE_TYPE: "source_type",
    EDUCATION: "education_level",
}
# Progress filters of the browser.
MY_ALL, MY_ASSIGNED, MY_NOT_STARTED, MY_STARTED = "all", "assigned", "not-started", "started"
_NO_INDEX = QtCore.QModelIndex()  # shared default; an invalid index is immutable

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


@dataclass
class DocumentRow:
    record: DocumentRecord
    assigned: list[CoderRecord] = field(default_factory=list)
    per_coder: Counter[int] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.per_coder.values())

    def attribute(self, key: str) -> str:
        return self.record.attributes.get(key, "")

    @property
    def hidden_from_coders(self) -> bool:
        """Blind and not yet revealed: coders may not see each other's work."""
        return self.record.blind and not self.record.revealed


class DocumentsModel(QtCore.QAbstractTableModel):
    def __init__(self, project: Project, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._ids: list[int] = []
        self._rows: dict[int, DocumentRow] = {}
        self._coder: CoderRecord | None = None
        self.refresh()
        project.subscribe(self._on_change)

    def detach(self) -> None:
        self._project.unsubscribe(self._on_change)

    def _on_change(self, change: Change) -> None:
        try:
            if change.kind in ("documents", "coders"):
                self.refresh()
            elif change.kind == "codings":
                self._recount(change.document_id)
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            # The C++ side is gone (widget closed without detach): stop listening.
            self.detach()

    # Data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        documents = self._project.documents.list()
        counts = self._count(None)
        self.beginResetModel()
        self._ids = [d.id for d in documents]
        self._rows = {
            d.id: DocumentRow(
                d, self._project.documents.assigned_coders(d.id), counts.get(d.id, Counter())
            )
            for d in documents
        }
        if self._coder is not None:
            self._coder = next(
                (c for c in self._project.coders.list() if c.id == self._coder.id), None
            )
        self.endResetModel()

    def _count(self, document_id: int | None) -> dict[int, Counter[int]]:
        # Reads the codings themselves; a grouped count service would spare building
        # records (see the report: codings.counts()).
        counts: dict[int, Counter[int]] = {}
        for coding in self._project.codings.list(document=document_id):
            counts.setdefault(coding.document_id, Counter())[coding.coder_id] += 1
        return counts

    def _recount(self, document_id: int | None) -> None:
        if document_id is not None and document_id not in self._rows:
            return
        counts = self._count(document_id)
        ids = [document_id] if document_id is not None else self._ids
        for doc_id in ids:
            self._rows[doc_id].per_coder = counts.get(doc_id, Counter())
            row = self._ids.index(doc_id)
            self.dataChanged.emit(self.index(row, CODINGS), self.index(row, CODINGS))

    def set_current_coder(self, name: str | None) -> None:
        self._coder = next((c for c in self._project.coders.list() if c.name == name), None)
        if self._ids:
            self.dataChanged.emit(self.index(0, CODINGS), self.index(len(self._ids) - 1, BLIND))

    @property
    def current_coder(self) -> CoderRecord | None:
        return self._coder

    def row_of(self, document_id: int) -> int:
        return self._ids.index(document_id) if document_id in self._rows else -1

    def document_row(self, document_id: int) -> DocumentRow | None:
        return self._rows.get(document_id)

    def mine(self, row: DocumentRow) -> int:
        return row.per_coder.get(self._coder.id, 0) if self._coder else 0

    def is_mine(self, row: DocumentRow) -> bool:
        return self._coder is not None and any(c.id == self._coder.id for c in row.assigned)

    def _total_visible(self, row: DocumentRow) -> bool:
        # Even a count of other coders' codings is a hint during blind coding.
        return not row.hidden_from_coders or (
            self._coder is not None and self._coder.role == "lead"
        )

    # QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else 8

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == CODINGS:
            return self.tr("Codings by the current coder / by all coders")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Document"),
            self.tr("Intervention"),
            self.tr("Source type"),
            self.tr("Education"),
            self.tr("Language"),
            self.tr("Codings"),
            self.tr("Assigned to"),
            self.tr("Blind"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = self._rows[self._ids[index.row()]]
        column = index.column()
        if role == DOC_ID_ROLE:
            return row.record.id
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            if column == CODINGS:
                return self.mine(row) if self._coder else row.total
            return str(self.data(index)).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CODINGS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: DocumentRow, column: int) -> str:
        if column == NAME:
            return row.record.name
        if column in _ATTRIBUTE_COLUMNS:
            return row.attribute(_ATTRIBUTE_COLUMNS[column])
        if column == LANGUAGE:
            return row.record.language
        if column == CODINGS:
            total = str(row.total) if self._total_visible(row) else "–"
            return f"{self.mine(row)} / {total}" if self._coder else total
        if column == ASSIGNED:
            return ", ".join(c.name for c in row.assigned)
        if not row.record.blind:
            return ""
        return self.tr("revealed") if row.record.revealed else self.tr("blind")

    def _tooltip(self, row: DocumentRow, column: int) -> str | None:
        if column == CODINGS and not self._total_visible(row):
            return self.tr(
                "Blind coding: other coders' codings stay hidden until the lead reveals them."
            )
        if column == NAME and row.record.attributes:
            return "\n".join(f"{k}: {v}" for k, v in sorted(row.record.attributes.items()))
        return None


class DocumentFilterProxy(QtCore.QSortFilterProxyModel):
    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.intervention = ""
        self.source_type = ""
        self.text = ""
        self.progress = MY_ALL
        self.setSortRole(SORT_ROLE)

    def set_filter(self, **values: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated
            self.beginFilterChange()
            self.__dict__.update(values)
            self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)
        else:
            self.__dict__.update(values)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, DocumentsModel)
        row: DocumentRow = model.index(source_row, NAME, source_parent).data(ROW_ROLE)
        if self.intervention and row.attribute("intervention") != self.intervention:
            return False
        if self.source_type and row.attribute("source_type") != self.source_type:
            return False
        needle = self.text.casefold().strip()
        if needle and not any(
            needle in v.casefold() for v in (row.record.name, *row.record.attributes.values())
        ):
            return False
        if self.progress == MY_ALL:
            return True
        if self.progress == MY_STARTED:
            return model.mine(row) > 0
        return model.is_mine(row) and (self.progress == MY_ASSIGNED or model.mine(row) == 0)
