"""A thin Qt item model over the codebook tree, which is kept in plain Python nodes.

Indexes carry the code id as their internal id (never a pointer to a Python object), so a
stale index after a reload is a harmless dictionary miss instead of a crash. Edits made
through the model (rename in place, drag and drop) become undoable commands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from qualcode.core.changes import Change, SequenceGuard
from qualcode.core.counting import Visibility, usage_delta
from qualcode.core.errors import EditConflict, QualcodeError
from qualcode.core.records import CodeRecord, CoderRecord
from qualcode.ui.codebook_commands import (
    CodebookCommand,
    MoveCodeCommand,
    UpdateCodeCommand,
    push,
)
from qualcode.ui.qt import Qt, QtCore, QtGui, Signal

if TYPE_CHECKING:
    from qualcode.core.project import Project

CODE_MIME = "application/x-qualcode-code-id"
CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GUID_ROLE = Qt.ItemDataRole.UserRole + 2
PATH_ROLE = Qt.ItemDataRole.UserRole + 3
RECORD_ROLE = Qt.ItemDataRole.UserRole + 4

NAME, USAGE, ORIGIN = range(3)
_NO_INDEX = QtCore.QModelIndex()  # shared default; an invalid index is immutable
_ROOT = 0  # internal id of the invisible root; code ids start at 1

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


class CodeNode:
    __slots__ = ("children", "parent", "record", "row")

    def __init__(self, record: CodeRecord | None, parent: CodeNode | None, row: int) -> None:
        self.record = record
        self.parent = parent
        self.row = row
        self.children: list[CodeNode] = []

    @property
    def key(self) -> int:
        return self.record.id if self.record else _ROOT

    def walk(self) -> list[CodeNode]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


def encode_code_id(code_id: int) -> QtCore.QMimeData:
    data = QtCore.QMimeData()
    data.setData(CODE_MIME, QtCore.QByteArray(str(code_id).encode("ascii")))
    return data


def decode_code_id(data: QtCore.QMimeData) -> int | None:
    if not data.hasFormat(CODE_MIME):
        return None
    raw = bytes(data.data(CODE_MIME).data()).decode("ascii", "replace").strip()
    return int(raw) if raw.isdigit() else None


class CodebookModel(QtCore.QAbstractItemModel):
    """Columns: code name (swatch, italic when inductive), codings, origin."""

    errorOccurred = Signal(str)

    def __init__(
        self,
        project: Project,
        undo_stack: QtGui.QUndoStack,
        current_coder: Callable[[], CoderRecord | None],
        parent: QtCore.QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._project = project
        self._stack = undo_stack
        # Called when an edit was refused because a colleague changed the code first.
        self.on_conflict: Callable[[CodebookCommand, EditConflict], bool] | None = None
        self._current_coder = current_coder
        self._root = CodeNode(None, None, 0)
        self._nodes: dict[int, CodeNode] = {_ROOT: self._root}
        self._shape: list[tuple[int, int | None]] = []
        self._usage: dict[int, int] = {}
        self._totals: dict[int, int] = {}
        self._visibility = Visibility(None, True, frozenset())
        self._icons: dict[str, QtGui.QIcon] = {}
        # Deltas apply only in sequence; a missed event (gap) means a full reload.
        self._guard = SequenceGuard(self._on_change, self._full_reload, project.events.seq)
        self.reload()
        project.subscribe(self._guard)

    # Keeping up with the project --------------------------------------------------------
    def detach(self) -> None:
        self._project.unsubscribe(self._guard)

    def _on_change(self, change: Change) -> None:
        try:
            if change.kind == "codebook":
                self.reload(recount=False)
            elif change.kind == "codings" and change.is_delta:
                self._apply_delta(change)
            elif change.kind in ("codings", "documents", "coders"):
                # Bulk codings, blinding or roles changed: one aggregate query.
                self.recount()
        except RuntimeError as exc:
            if "already deleted" not in str(exc):
                raise
            # The C++ side is gone (widget closed without detach): stop listening.
            self.detach()

    def _full_reload(self) -> None:
        self.reload(recount=True)

    def reload(self, *, recount: bool = True) -> None:
        """Re-read the tree; a changed shape resets the model, else only changed rows."""
        records = self._project.codebook.tree()
        shape = [(r.id, r.parent_id) for r in records]
        if recount:
            self._read_counts()
        if shape == self._shape:
            changed = []
            for record in records:
                node = self._nodes[record.id]
                if node.record != record:
                    node.record = record
                    changed.append(node)
            self._totals = self._compute_totals()
            self._emit_rows(changed, NAME, ORIGIN)
            if recount:
                self._emit_all(USAGE)
            return
        self.beginResetModel()
        self._build(records)
        self._shape = shape
        self._totals = self._compute_totals()
        self.endResetModel()

    def _read_counts(self) -> None:
        """Usage per code as the current coder may see it: one GROUP BY query."""
        self._guard.reset(self._project.events.seq)
        counts = self._project.counts.usage(self.coder_id())
        self._usage, self._visibility = counts.usage, counts.visibility

    def set_undo_stack(self, stack: QtGui.QUndoStack) -> None:
        """Edits go onto this stack from now on (each coder has an undo history)."""
        self._stack = stack

    def recount(self) -> None:
        """Counts again from the database (new coder, blinding changed, bulk codings)."""
        self._read_counts()
        self._totals = self._compute_totals()
        self._emit_all(USAGE)

    def _apply_delta(self, change: Change) -> None:
        """One coding added, removed or recoded: adjust its code and the ancestors' totals."""
        delta = usage_delta(change, self._visibility)
        touched: dict[int, CodeNode] = {}
        for code_id, n in delta.items():
            node = self._nodes.get(code_id)
            if node is None:  # a code this tree does not know yet: its notice is on the way
                continue
            self._usage[code_id] = self._usage.get(code_id, 0) + n
            while node is not None and node.record is not None:
                self._totals[node.key] = self._totals.get(node.key, 0) + n
                touched[node.key] = node
                node = node.parent
        self._emit_rows(list(touched.values()), USAGE, USAGE)

    def _build(self, records: list[CodeRecord]) -> None:
        self._root = CodeNode(None, None, 0)
        self._nodes = {_ROOT: self._root}
        for record in records:  # tree order: a parent always comes before its children
            parent = self._nodes[record.parent_id or _ROOT]
            node = CodeNode(record, parent, len(parent.children))
            parent.children.append(node)
            self._nodes[record.id] = node

    def _compute_totals(self) -> dict[int, int]:
        totals: dict[int, int] = {}
        # Children follow their parent in tree order, so a reversed pass sums bottom-up.
        for node in reversed(list(self._nodes.values())):
            value = self._usage.get(node.key, 0) + sum(totals[c.key] for c in node.children)
            totals[node.key] = value
        return totals

    def _emit_rows(self, nodes: list[CodeNode], first: int, last: int) -> None:
        """One ``dataChanged`` per run of adjacent rows under the same parent.

        A view or proxy walks the tree for every emit, so one emit per code after each
        coding made a 300-code tree cost seconds (see PITFALLS).
        """
        by_parent: dict[int, list[int]] = {}
        for node in nodes:
            if node.parent is not None:
                by_parent.setdefault(node.parent.key, []).append(node.row)
        for parent_key, rows in by_parent.items():
            rows.sort()
            run_start = previous = rows[0]
            for row in [*rows[1:], None]:
                if row is not None and row == previous + 1:
                    previous = row
                    continue
                self._emit_range(parent_key, run_start, previous, first, last)
                if row is not None:
                    run_start = previous = row

    def _emit_range(self, parent_key: int, top: int, bottom: int, first: int, last: int) -> None:
        children = self._nodes[parent_key].children
        self.dataChanged.emit(
            self.createIndex(top, first, children[top].key),
            self.createIndex(bottom, last, children[bottom].key),
            [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
        )

    def _emit_all(self, column: int) -> None:
        for node in self._nodes.values():
            if node.children:
                self._emit_range(node.key, 0, len(node.children) - 1, column, column)

    # Lookups for the widget -------------------------------------------------------------
    def node(self, index: Index) -> CodeNode:
        if not index.isValid():
            return self._root
        return self._nodes.get(index.internalId(), self._root)

    def record(self, code_id: int) -> CodeRecord | None:
        node = self._nodes.get(code_id)
        return node.record if node else None

    def records(self) -> list[CodeRecord]:
        return [n.record for n in self._root.walk() if n.record is not None]

    def index_of(self, code_id: int, column: int = NAME) -> QtCore.QModelIndex:
        node = self._nodes.get(code_id)
        if node is None or node.record is None:
            return QtCore.QModelIndex()
        return self.createIndex(node.row, column, node.key)

    def usage(self, code_id: int, *, with_subcodes: bool = False) -> int:
        return (self._totals if with_subcodes else self._usage).get(code_id, 0)

    def parent_guid(self, code_id: int) -> str | None:
        node = self._nodes.get(code_id)
        parent = node.parent if node else None
        return parent.record.guid if parent and parent.record else None

    def subtree_ids(self, code_id: int) -> set[int]:
        node = self._nodes.get(code_id)
        return {n.key for n in node.walk()} if node else set()

    def coder_id(self) -> int | None:
        coder = self._current_coder()
        return coder.id if coder else None

    def push(self, command: CodebookCommand) -> bool:
        """Run a command onto the shared stack; a refusal becomes ``errorOccurred``."""
        try:
            push(self._stack, command)
        except EditConflict as exc:
            if self.on_conflict is not None:  # the code tree offers to reload and redo
                return self.on_conflict(command, exc)
            self.errorOccurred.emit(str(exc))
            return False
        except QualcodeError as exc:
            self.errorOccurred.emit(str(exc))
            return False
        return True

    def report(self, text: str) -> None:
        self.errorOccurred.emit(text)

    # QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _NO_INDEX) -> QtCore.QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QtCore.QModelIndex()
        return self.createIndex(row, column, self.node(parent).children[row].key)

    def parent(self, index: Index | None = None) -> Any:
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid():
            return QtCore.QModelIndex()
        node = self._nodes.get(index.internalId())
        up = node.parent if node else None
        if up is None or up.record is None:
            return QtCore.QModelIndex()
        return self.createIndex(up.row, NAME, up.key)

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        if parent.isValid() and parent.column() != NAME:
            return 0
        return len(self.node(parent).children)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Code"), self.tr("Codings"), self.tr("Origin"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        record = self.node(index).record if index.isValid() else None
        if record is None:
            return None
        column = index.column()
        if role == CODE_ID_ROLE:
            return record.id
        if role == GUID_ROLE:
            return record.guid
        if role == PATH_ROLE:
            return record.path_text
        if role == RECORD_ROLE:
            return record
        if column == NAME:
            return self._name_data(record, role)
        if column == USAGE:
            return self._usage_data(record, role)
        if role == Qt.ItemDataRole.DisplayRole:
            origin = self.tr("inductive") if record.origin == "inductive" else self.tr("deductive")
            return f"{origin} · {record.cmo}" if record.cmo else origin
        return None

    def _name_data(self, record: CodeRecord, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return record.name
        if role == Qt.ItemDataRole.DecorationRole:
            return self._swatch(record.colour)
        if role == Qt.ItemDataRole.FontRole and record.origin == "inductive":
            font = QtGui.QFont()
            font.setItalic(True)  # inductive codes stay visibly "close to the data"
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"<b>{_escape(record.path_text)}</b>"]
            if record.origin == "inductive":
                lines.append(self.tr("<i>Inductive code</i>"))
            if record.definition:
                lines.append(_escape(record.definition))
            return "<br>".join(lines)
        return None

    def _usage_data(self, record: CodeRecord, role: int) -> Any:
        own = self._usage.get(record.id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return own
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            total = self._totals.get(record.id, 0)
            return (
                self.tr("%n coding(s) on this code", "", own)
                + "\n"
                + self.tr("%n coding(s) including sub-codes", "", total)
            )
        return None

    def _swatch(self, colour: str) -> QtGui.QIcon:
        icon = self._icons.get(colour)
        if icon is None:
            pixmap = QtGui.QPixmap(12, 12)
            pixmap.fill(QtGui.QColor(colour))
            icon = self._icons[colour] = QtGui.QIcon(pixmap)
        return icon

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # dropping on empty space: top level
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        record = self.node(index).record if index.isValid() else None
        if record is None or index.column() != NAME or role != Qt.ItemDataRole.EditRole:
            return False
        name = str(value).strip()
        if not name or name == record.name:
            return False
        return self.push(
            UpdateCodeCommand(self._project, self.coder_id(), record, {"name": name}, self.report)
        )

    # Drag and drop ----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy as well, so the transcript view may accept the drop as "apply this code".
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME]

    def mimeData(  # type: ignore[override]  # None: no drag starts (Qt checks for null)
        self, indexes: Sequence[QtCore.QModelIndex]
    ) -> QtCore.QMimeData | None:
        for index in indexes:
            record = self.node(index).record if index.isValid() else None
            if record is not None:
                return encode_code_id(record.id)
        return None

    def canDropMimeData(
        self, data: QtCore.QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self._drop_target(data, row, parent) is not None

    def _drop_target(
        self, data: QtCore.QMimeData, row: int, parent: Index
    ) -> tuple[CodeNode, CodeNode, int | None] | None:
        """(code, new parent, new position) for a drop, or None if it makes no sense."""
        code_id = decode_code_id(data)
        node = self._nodes.get(code_id) if code_id else None
        if node is None or node.record is None:
            return None
        target = self.node(parent.sibling(parent.row(), NAME) if parent.isValid() else parent)
        if target.key in self.subtree_ids(node.key):
            return None  # onto itself or one of its own sub-codes
        if row < 0:
            return node, target, None  # dropped onto a code: becomes its last child
        position = row
        if target is node.parent and node.row < row:
            position -= 1  # its own slot disappears before it is re-inserted
        if target is node.parent and position == node.row:
            return None
        return node, target, position

    def dropMimeData(
        self, data: QtCore.QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        found = self._drop_target(data, row, parent)
        if found is None:
            return False
        node, target, position = found
        assert node.record is not None and node.parent is not None
        old_parent = node.parent.record.guid if node.parent.record else None
        new_parent = target.record.guid if target.record else None
        # Returning True is safe for a move: removeRows() is not implemented, so the view's
        # "remove the dragged source rows" step does nothing; the reload did the work.
        return self.push(
            MoveCodeCommand(
                self._project,
                self.coder_id(),
                node.record,
                old_parent,
                node.row,
                new_parent,
                position,
                self.report,
            )
        )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
