"""The code tree panel: filter box, tree, toolbar and context menu for codebook edits.

Every edit is an undoable command on the main window's shared undo stack; questions to
the user go through a :class:`CodebookPrompts` (dialogs by default, scripted in tests).
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz

from qualcode.core.project import Project
from qualcode.core.records import CodeRecord, CoderRecord
from qualcode.ui.code_dialogs import CodebookPrompts, DialogPrompts
from qualcode.ui.codebook_commands import (
    AddCodeCommand,
    CodeFields,
    DeleteChoice,
    DeleteCodeCommand,
    MergeCodesCommand,
    MoveCodeCommand,
    SplitCodeCommand,
    UpdateCodeCommand,
)
from qualcode.ui.codebook_model import (
    CODE_ID_ROLE,
    NAME,
    ORIGIN,
    PATH_ROLE,
    USAGE,
    CodebookModel,
)
from qualcode.ui.new_code_dialog import shade
from qualcode.ui.qt import Qt, QtCore, QtGui, QtWidgets, Signal

Index = QtCore.QModelIndex | QtCore.QPersistentModelIndex


NARROW = 360  # px: below this the tree shows names and counts only


def path_matches(needle: str, path: str) -> bool:
    """Substring match on the code path; else every word matches, some loosely (typos)."""
    needle, path = needle.casefold().strip(), path.casefold()
    if not needle or needle in path:
        return True
    words = needle.split()
    return all(w in path or (len(w) >= 4 and fuzz.partial_ratio(w, path) >= 80) for w in words)


class CodeFilterProxy(QtCore.QSortFilterProxyModel):
    """Keeps matching codes with their ancestors (recursive filtering), codebook order."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+; invalidateFilter() is deprecated
            self.beginFilterChange()
            self._needle = text
            self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = text
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle.strip():
            return True
        index = self.sourceModel().index(source_row, NAME, source_parent)
        return path_matches(self._needle, str(index.data(PATH_ROLE) or ""))


class CodeTreeWidget(QtWidgets.QWidget):
    codeActivated = Signal(int)
    codeSelected = Signal(int)

    def __init__(
        self,
        project: Project,
        undo_stack: QtGui.QUndoStack,
        current_coder: Callable[[], CoderRecord | None],
        parent: QtWidgets.QWidget | None = None,
        *,
        prompts: CodebookPrompts | None = None,
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.prompts: CodebookPrompts = prompts or DialogPrompts(self)
        self.model = CodebookModel(project, undo_stack, current_coder, self)
        self.model.on_conflict = self._offer_redo
        self.model.errorOccurred.connect(lambda text: self.prompts.error(text))
        self.proxy = CodeFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._selected = -1
        self._expanded: set[int] = set()
        self._known: set[int] = set()
        self._resetting = False

        self.filter = QtWidgets.QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter codes…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.view = self._make_view()
        self.toolbar = QtWidgets.QToolBar()
        self.toolbar.setIconSize(QtCore.QSize(16, 16))
        self._make_actions()

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view)
        self.proxy.modelAboutToBeReset.connect(self._remember)
        self.proxy.modelReset.connect(self._restore)
        self.view.expandAll()
        self._update_actions()
        model = self.model  # the lambda must not need the half-destroyed widget
        self.destroyed.connect(lambda *_: model.detach())

    def _make_view(self) -> QtWidgets.QTreeView:
        view = QtWidgets.QTreeView()
        view.setModel(self.proxy)
        view.setUniformRowHeights(True)
        view.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        # Double-click applies a code, so renaming is F2 or the Rename action only.
        view.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
        view.setDragDropMode(QtWidgets.QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.MoveAction)
        view.setDragEnabled(True)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.doubleClicked.connect(self._activate)
        view.installEventFilter(self)
        header = view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QtWidgets.QHeaderView.ResizeMode.Stretch)
        # A fixed width for the counts: sized to its contents, every count that moves would
        # make the view measure all rows again (one coding cost ~150 ms on 300 codes).
        header.setSectionResizeMode(USAGE, QtWidgets.QHeaderView.ResizeMode.Fixed)
        header.resizeSection(USAGE, view.fontMetrics().horizontalAdvance("0000000") + 12)
        # A fixed, eliding origin column: sized to its contents it could squeeze the names
        # out of a narrow sidebar.
        header.setSectionResizeMode(ORIGIN, QtWidgets.QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ORIGIN, 72)
        view.setMinimumWidth(240)
        view.selectionModel().currentChanged.connect(self._current_changed)
        return view

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str | None = None, tip: str = ""
    ) -> QtGui.QAction:
        action = QtGui.QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut:
            action.setShortcut(QtGui.QKeySequence(shortcut))
            # Only while the tree has focus, so the main window's own shortcuts stay free.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip or text.replace("&", ""))
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        # No Ctrl+N style shortcuts: the main window owns those (new project, new
        # inductive code), and a second action on the same keys makes both ambiguous.
        self.new_action = self._action(self.tr("&New code…"), self.new_code)
        self.new_child_action = self._action(self.tr("New &sub-code…"), self.new_subcode)
        self.rename_action = self._action(self.tr("&Rename"), self.rename, "F2")
        self.edit_action = self._action(self.tr("&Edit definition…"), self.edit_code)
        self.colour_action = self._action(self.tr("&Colour…"), self.change_colour)
        self.merge_action = self._action(self.tr("&Merge into…"), self.merge)
        self.move_action = self._action(self.tr("Mo&ve to…"), self.move_to)
        self.split_action = self._action(self.tr("S&plit…"), self.split)
        self.delete_action = self._action(self.tr("&Delete…"), self.delete)
        # Shown in menus; the key itself is handled in eventFilter (see there).
        self.delete_action.setShortcut(QtGui.QKeySequence(Qt.Key.Key_Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.log_action = self._action(self.tr("Change &log…"), self.change_log)
        # Short labels so the toolbar fits a narrow side panel; menus show the full text.
        for action, short in (
            (self.new_action, self.tr("New")),
            (self.new_child_action, self.tr("Sub-code")),
            (self.edit_action, self.tr("Edit")),
            (self.delete_action, self.tr("Delete")),
        ):
            action.setIconText(short)
            self.toolbar.addAction(action)
        self._code_actions = [
            self.new_child_action,
            self.rename_action,
            self.edit_action,
            self.colour_action,
            self.merge_action,
            self.move_action,
            self.split_action,
            self.delete_action,
            self.log_action,
        ]

    # Selection and activation -----------------------------------------------------------
    def selected_code_id(self) -> int | None:
        index = self.view.currentIndex()
        value = index.data(CODE_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def selected_record(self) -> CodeRecord | None:
        code_id = self.selected_code_id()
        return self.model.record(code_id) if code_id is not None else None

    def select_code(self, code_id: int) -> None:
        index = self.proxy.mapFromSource(self.model.index_of(code_id))
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def _current_changed(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        value = current.data(CODE_ID_ROLE) if current.isValid() else None
        code_id = int(value) if value is not None else -1
        self._update_actions()
        if self._resetting:
            return  # the selection is restored after the reset; no -1 flicker outside
        if code_id != self._selected:
            self._selected = code_id
            self.codeSelected.emit(code_id)

    def _activate(self, index: QtCore.QModelIndex) -> None:
        value = index.data(CODE_ID_ROLE) if index.isValid() else None
        if value is not None:
            self.codeActivated.emit(int(value))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:
        if watched is getattr(self, "view", None) and event.type() == QtCore.QEvent.Type.Resize:
            # In a narrow sidebar the origin column goes, so code names stay readable.
            self.view.header().setSectionHidden(ORIGIN, self.view.width() < NARROW)
        if (
            watched is not getattr(self, "view", None)
            or not isinstance(event, QtGui.QKeyEvent)
            or (self.view.state() == QtWidgets.QAbstractItemView.State.EditingState)
        ):
            return super().eventFilter(watched, event)
        key = event.key()
        if event.type() == QtCore.QEvent.Type.ShortcutOverride and key == Qt.Key.Key_Delete:
            # Delete in the tree means "delete this code", not the main window's
            # "remove coding": claim the key so it arrives here as a key press.
            event.accept()
            return True
        if event.type() == QtCore.QEvent.Type.KeyPress:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self._activate(self.view.currentIndex())
                return True
            if key == Qt.Key.Key_Delete and not event.modifiers():
                self.delete()
                return True
        return super().eventFilter(watched, event)

    def _update_actions(self) -> None:
        has_code = self.selected_code_id() is not None
        for action in self._code_actions:
            action.setEnabled(has_code)

    def _context_menu(self, pos: QtCore.QPoint) -> None:
        menu = QtWidgets.QMenu(self)
        menu.addAction(self.new_action)
        menu.addAction(self.new_child_action)
        menu.addSeparator()
        for action in self._code_actions[1:]:
            menu.addAction(action)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    # Keeping expansion and selection across model resets ---------------------------------
    def _filter_changed(self, text: str) -> None:
        # Hiding the current row makes the view pick a neighbour as current; that must not
        # silently become the code Ctrl+Return applies. Keep the code if it still shows,
        # else select nothing.
        selected = self._selected
        self._resetting = True
        try:
            self.proxy.set_needle(text)
            self.view.expandAll()
        finally:
            self._resetting = False
        index = self.proxy.mapFromSource(self.model.index_of(selected)) if selected != -1 else None
        if index is not None and index.isValid():
            self.view.setCurrentIndex(index)
            return
        self.view.selectionModel().clearCurrentIndex()
        self.view.clearSelection()
        if self._selected != -1:
            self._selected = -1
            self.codeSelected.emit(-1)

    def _remember(self) -> None:
        self._resetting = True
        nodes = self.model.node(QtCore.QModelIndex()).walk()[1:]
        self._known = {n.key for n in nodes}
        self._expanded = {
            n.key
            for n in nodes
            if self.view.isExpanded(self.proxy.mapFromSource(self.model.index_of(n.key)))
        }

    def _restore(self) -> None:
        # Codes that did not exist before the reset open expanded, like the first view.
        for node in self.model.node(QtCore.QModelIndex()).walk()[1:]:
            index = self.proxy.mapFromSource(self.model.index_of(node.key))
            if index.isValid():
                self.view.setExpanded(
                    index, node.key in self._expanded or node.key not in self._known
                )
        self._resetting = False
        if self.model.record(self._selected) is not None:
            self.select_code(self._selected)
        elif self._selected != -1:
            self._selected = -1  # the selected code is gone (deleted, merged)
            self.codeSelected.emit(-1)
        self._update_actions()

    # Edits ----------------------------------------------------------------------------
    def _coder(self) -> int | None:
        return self.model.coder_id()

    def new_code(self, parent_guid: str | None = None) -> str | None:
        """Ask for a new code's fields and add it; returns its guid."""
        title = self.tr("New sub-code") if parent_guid else self.tr("New code")
        parent = next((r for r in self.model.records() if r.guid == parent_guid), None)
        colour = shade(parent.colour) if parent is not None and parent.colour else ""
        start = CodeFields("", origin="inductive", **({"colour": colour} if colour else {}))
        fields = self.prompts.edit_code(title, start)  # a sub-code: a shade of its parent
        if fields is None:
            return None
        command = AddCodeCommand(
            self.project, self._coder(), fields, parent_guid, self.model.report
        )
        if not self.model.push(command) or command.guid is None:
            return None
        record = next((r for r in self.model.records() if r.guid == command.guid), None)
        if record is not None:
            self.select_code(record.id)
        return command.guid

    def new_subcode(self) -> str | None:
        record = self.selected_record()
        return self.new_code(record.guid) if record else None

    def rename(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.view.edit(index.siblingAtColumn(NAME))

    def _update(self, record: CodeRecord, changes: dict[str, object]) -> bool:
        if not changes:
            return False
        return self.model.push(
            UpdateCodeCommand(self.project, self._coder(), record, changes, self.model.report)
        )

    def _offer_redo(self, command: object, conflict: Exception) -> bool:
        """A colleague changed the code first: show its state, offer to redo the edit on it.

        A move or delete is not redone on the new state: the user sees it and decides.
        """
        if not isinstance(command, UpdateCodeCommand):
            self.model.reload()
            self.prompts.error(str(conflict))
            return False
        question = self.tr("{0}\n\nReload the code and apply your change to it?")
        again = self.prompts.confirm(
            self.tr("Changed by a colleague"), question.replace("{0}", str(conflict))
        )
        self.model.reload()
        if not again:
            return False
        current = next((r for r in self.model.records() if r.guid == command.guid), None)
        return current is not None and self.model.push(
            UpdateCodeCommand(
                self.project, self._coder(), current, command.changes, self.model.report
            )
        )

    def edit_code(self) -> bool:
        record = self.selected_record()
        if record is None:
            return False
        fields = self.prompts.edit_code(self.tr("Edit code"), CodeFields.of(record))
        return fields is not None and self._update(record, fields.changes_from(record))

    def change_colour(self) -> bool:
        record = self.selected_record()
        colour = self.prompts.choose_colour(record.colour) if record else None
        return (
            record is not None
            and colour is not None
            and self._update(record, {"colour": colour} if colour != record.colour else {})
        )

    def _outside(self, record: CodeRecord) -> list[CodeRecord]:
        inside = self.model.subtree_ids(record.id)
        return [r for r in self.model.records() if r.id not in inside]

    def merge(self) -> bool:
        source = self.selected_record()
        if source is None:
            return False
        target = self.prompts.choose_merge_target(source, self._outside(source))
        if target is None:
            return False
        moving = self.model.usage(source.id)
        question = self.tr("Merge “%1” into “%2”? %n coding(s) move to “%2”.", "", moving)
        question = question.replace("%1", source.path_text).replace("%2", target.path_text)
        if not self.prompts.confirm(self.tr("Merge codes"), question):
            return False
        return self.model.push(
            MergeCodesCommand(self.project, self._coder(), source, target, self.model.report)
        )

    def move_to(self) -> bool:
        """Move the selected code under another code, or to the top level (besides drag)."""
        source = self.selected_record()
        if source is None:
            return False
        target = self.prompts.choose_move_target(source, self._outside(source))
        if target is None:
            return False
        by_id = {r.id: r for r in self.model.records()}
        old_parent = by_id[source.parent_id].guid if source.parent_id in by_id else None
        new_parent = target.guid if isinstance(target, CodeRecord) else None
        if new_parent == old_parent:
            return False
        moved = self.model.push(
            MoveCodeCommand(
                self.project,
                self._coder(),
                source,
                old_parent,
                source.position,
                new_parent,
                None,
                self.model.report,
            )
        )
        if moved:
            self.select_code(source.id)
        return moved

    def split(self) -> bool:
        record = self.selected_record()
        names = self.prompts.split_names(record) if record else None
        if record is None or not names:
            return False
        return self.model.push(
            SplitCodeCommand(self.project, self._coder(), record, names, self.model.report)
        )

    def delete(self) -> bool:
        record = self.selected_record()
        if record is None:
            return False
        used = self.model.usage(record.id, with_subcodes=True)
        if used:
            choice = self.prompts.choose_delete(record, used, self._outside(record))
            if choice is None:
                return False
        else:
            children = len(self.model.subtree_ids(record.id)) - 1
            question = (
                self.tr("Delete “%1” and %n sub-code(s)?", "", children)
                if children
                else self.tr("Delete “%1”?")
            )
            if not self.prompts.confirm(
                self.tr("Delete code"), question.replace("%1", record.path_text)
            ):
                return False
            choice = DeleteChoice("refuse")
        return self.model.push(
            DeleteCodeCommand(self.project, self._coder(), record, choice, self.model.report)
        )

    def change_log(self) -> None:
        record = self.selected_record()
        if record is not None:
            self.prompts.show_change_log(record, self.project.versions.log(record.guid))
