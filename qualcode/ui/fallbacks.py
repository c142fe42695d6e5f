"""Plain stand-ins for the code tree and document browser, used until the real ones exist.

They offer the same constructor and signals as ``code_tree.CodeTreeWidget`` and
``document_browser.DocumentBrowser`` so the main window does not care which it got.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from qualcode.core.changes import Change
from qualcode.core.project import Project
from qualcode.core.records import CoderRecord
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal
from qualcode.ui.transcript_view import CODE_MIME

ID_ROLE = QtCore.Qt.ItemDataRole.UserRole + 1


def _swatch(colour: str) -> QtGui.QIcon:
    pixmap = QtGui.QPixmap(12, 12)
    pixmap.fill(QtGui.QColor(colour))
    return QtGui.QIcon(pixmap)


class _CodeTree(QtWidgets.QTreeWidget):
    def mimeData(self, items: list[QtWidgets.QTreeWidgetItem]) -> QtCore.QMimeData:
        data = QtCore.QMimeData()
        if items:
            data.setData(CODE_MIME, str(items[0].data(0, ID_ROLE)).encode("ascii"))
            data.setText(items[0].text(0))
        return data

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME]


class FallbackCodeTree(QtWidgets.QWidget):
    codeActivated = Signal(int)
    codeSelected = Signal(int)

    def __init__(self, project: Project, undo_stack: QtGui.QUndoStack,
                 current_coder: Callable[[], CoderRecord | None],
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.tree = _CodeTree()
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragOnly)
        self.tree.setUniformRowHeights(True)
        self.tree.itemDoubleClicked.connect(
            lambda item, _col: self.codeActivated.emit(int(item.data(0, ID_ROLE)))
        )
        self.tree.currentItemChanged.connect(self._on_current)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        project.subscribe(self._on_change)
        self.destroyed.connect(lambda *_: project.unsubscribe(self._on_change))
        self.reload()

    def _on_current(self, item: QtWidgets.QTreeWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.codeSelected.emit(int(item.data(0, ID_ROLE)))

    def _on_change(self, change: Change) -> None:
        if change.kind in ("codebook", "codings"):
            self.reload()

    def reload(self) -> None:
        usage = self.project.codebook.usage()
        expanded = {int(i.data(0, ID_ROLE)) for i in self._items() if i.isExpanded()}
        self.tree.clear()
        items: dict[int, QtWidgets.QTreeWidgetItem] = {}
        for code in self.project.codebook.tree():
            parent = items.get(code.parent_id) if code.parent_id else None
            label = code.name + (f"  ({usage[code.id]})" if usage.get(code.id) else "")
            item = QtWidgets.QTreeWidgetItem([label])
            item.setData(0, ID_ROLE, code.id)
            item.setIcon(0, _swatch(code.colour))
            item.setToolTip(0, code.definition or code.path_text)
            if parent is None:
                self.tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[code.id] = item
            item.setExpanded(code.id in expanded or code.depth == 0)

    def _items(self) -> list[QtWidgets.QTreeWidgetItem]:
        found = []
        iterator = QtWidgets.QTreeWidgetItemIterator(self.tree)
        while iterator.value() is not None:
            found.append(iterator.value())
            iterator += 1
        return found


class FallbackDocumentBrowser(QtWidgets.QWidget):
    documentActivated = Signal(int)

    def __init__(self, project: Project, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.list = QtWidgets.QListWidget()
        self.list.currentItemChanged.connect(self._on_current)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        project.subscribe(self._on_change)
        self.destroyed.connect(lambda *_: project.unsubscribe(self._on_change))
        self.reload()

    def set_current_coder(self, name: str | None) -> None:
        """Kept for parity with DocumentBrowser (which shows per-coder progress)."""

    def _on_current(self, item: QtWidgets.QListWidgetItem | None, _old: object) -> None:
        if item is not None:
            self.documentActivated.emit(int(item.data(ID_ROLE)))

    def _on_change(self, change: Change) -> None:
        if change.kind == "documents":
            self.reload()

    def reload(self) -> None:
        current = self.list.currentItem()
        current_id = int(current.data(ID_ROLE)) if current else None
        self.list.blockSignals(True)
        self.list.clear()
        for doc in self.project.documents.list():
            item = QtWidgets.QListWidgetItem(doc.name)
            item.setData(ID_ROLE, doc.id)
            attrs = ", ".join(f"{k}: {v}" for k, v in sorted(doc.attributes.items()))
            item.setToolTip(attrs)
            self.list.addItem(item)
            if doc.id == current_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def select_document(self, document_id: int) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if int(item.data(ID_ROLE)) == document_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)


def make_code_tree(project: Project, stack: QtGui.QUndoStack,
                   current_coder: Callable[[], CoderRecord | None]) -> Any:
    """The real CodeTreeWidget when it exists, else the stand-in."""
    cls = _optional("qualcode.ui.code_tree", "CodeTreeWidget") or FallbackCodeTree
    return cls(project, stack, current_coder)


def make_document_browser(project: Project) -> Any:
    cls = _optional("qualcode.ui.document_browser", "DocumentBrowser") or FallbackDocumentBrowser
    return cls(project)


def _optional(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name, None)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise
        return None
