"""A table model of the project's documents with coding progress per coder.

The model holds document ids and fetches every row once per refresh; coding counts per
document and coder come from one aggregate query (as the current coder may see them, so
blind coding holds) and are then kept by the deltas of change events.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from qualcode.core.changes import Change, SequenceGuard
from qualcode.core.counting import Visibility, document_delta
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
        self._visibility = Visibility(None, True, frozenset())
        # Deltas apply only in sequence; a missed event (gap) means a full refresh.
        self._guard = SequenceGuard(self._on_change, self.refresh, project.events.seq)
        self.refresh()
        project.subscribe(self._guard)

    def detach(self) -> None:
        self._project.unsubscribe(self._guard)

    def _on_change(self, change: Change) -> None:
        try:
            if change.kind in ("documents", "coders"):
                self.refresh()
            elif change.kind == "codings" and change.is_delta:
                self._apply_delta(change)
            elif change.kind == "codings":
                self.recount()
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            # The C++ side is gone (widget closed without detach): stop listening.
            self.detach()

    # Data --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Documents, assignments and counts: three queries, whatever the project's size."""
        documents = self._project.documents.list()
        assigned = self._project.documents.assignments()
        if self._coder is not None:
            self._coder = next(
                (c for c in self._project.coders.list() if c.id == self._coder.id), None
            )
        counts = self._read_counts()
        self.beginResetModel()
        self._ids = [d.id for d in documents]
        self._rows = {
            d.id: DocumentRow(d, assigned.get(d.id, []), Counter(counts.get(d.id, {})))
            for d in documents
        }
        self.endResetModel()

    def _read_counts(self) -> dict[int, dict[int, int]]:
        """Codings per document and coder as the current coder may see them (one query)."""
        self._guard.reset(self._project.events.seq)
        counts = self._project.counts.per_document(self._coder.id if self._coder else None)
        self._visibility = counts.visibility
        return counts.per_document

    def _same_counts_for(self, coder: CoderRecord | None) -> bool:
        """Whether ``coder`` sees the counts already read: without documents in blind
        coding, every coder sees every coding."""
        del coder  # who it is matters only when something is blind
        return not any(row.hidden_from_coders for row in self._rows.values())

    def recount(self) -> None:
        counts = self._read_counts()
        for doc_id, row in self._rows.items():
            row.per_coder = Counter(counts.get(doc_id, {}))
        if self._ids:
            self.dataChanged.emit(self.index(0, CODINGS), self.index(len(self._ids) - 1, CODINGS))

    def _apply_delta(self, change: Change) -> None:
        """Adjust the counts of the documents the event names; one emit per row touched."""
        rows: set[int] = set()
        for (doc_id, coder_id), n in document_delta(change, self._visibility).items():
            row = self._rows.get(doc_id)
            if row is None:
                continue
            row.per_coder[coder_id] += n
            rows.add(self._ids.index(doc_id))
        for row_number in sorted(rows):
            cell = self.index(row_number, CODINGS)
            self.dataChanged.emit(cell, cell)

    def set_current_coder(self, name: str | None) -> None:
        coder = next((c for c in self._project.coders.list() if c.name == name), None)
        if coder == self._coder:
            return
        same = self._same_counts_for(coder)
        self._coder = coder
        if same:
            self._visibility = replace(
                self._visibility,
                viewer_id=coder.id if coder else None,
                lead=coder is None or coder.role == "lead",
            )
        else:  # what this coder may see differs on blind documents
            counts = self._read_counts()
            for doc_id, row in self._rows.items():
                row.per_coder = Counter(counts.get(doc_id, {}))
        if self._ids:
            self.dataChanged.emit(self.index(0, CODINGS), self.index(len(self._ids) - 1, BLIND))

    @property
    def current_coder(self) -> CoderRecord | None:
        return self._coder

    def document_ids(self) -> set[int]:
        return set(self._rows)

    def first_document_id(self) -> int | None:
        return self._ids[0] if self._ids else None

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
        # The blind rule (core.counting): a lead oversees, unless she codes it blind too.
        coder = self._coder
        return not row.hidden_from_coders or (
            coder is not None
            and coder.role == "lead"
            and all(c.id != coder.id for c in row.assigned)
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
