"""The main window: start screen, or the coding workbench of one open project.

The window keeps the session state (project, coder, document, layer) and refreshes its
views from the project's change notices; coding actions live in ``coding_actions``, menus
in ``menus``, project opening in ``project_flow``.
"""

from __future__ import annotations

import sys
from functools import partial

from qualcode.core.changes import Change, SequenceGuard
from qualcode.core.counting import Visibility
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.records import CodeRecord, CoderRecord, CodingRecord, DocumentRecord
from qualcode.ui import project_flow, project_menus, team_session, window_events
from qualcode.ui.app import settings
from qualcode.ui.code_tree import CodeTreeWidget
from qualcode.ui.coder_session import CoderStacks
from qualcode.ui.coding_actions import CodingController
from qualcode.ui.connect_dialog import connect_to_server
from qualcode.ui.details_pane import CodingRow, DetailsPane
from qualcode.ui.document_browser import DocumentBrowser
from qualcode.ui.find import FindBar
from qualcode.ui.layers import (
    FIXED_LAYERS,
    HighlightCache,
    highlights_for,
    visible_codings,
)
from qualcode.ui.menus import build_menus, refresh_coder_widgets, transcript_menu
from qualcode.ui.qt import QtCore, QtGui, QtWidgets
from qualcode.ui.start_screen import StartScreen
from qualcode.ui.transcript_view import TranscriptView


def _heading(text: str) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(text)
    label.setProperty("role", "heading")
    return label


def _panel(heading: QtWidgets.QLabel | None, *widgets: QtWidgets.QWidget) -> QtWidgets.QWidget:
    panel = QtWidgets.QWidget()
    layout = QtWidgets.QVBoxLayout(panel)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.setSpacing(6)
    if heading is not None:
        layout.addWidget(heading)
    for widget in widgets:
        layout.addWidget(widget)
    return panel


class MainWindow(QtWidgets.QMainWindow):
    def __init__(self, coder: str | None = None, undo_stacks: CoderStacks | None = None) -> None:
        super().__init__()
        self.setWindowTitle("Qualcode")
        self.project: Project | None = None
        self.quiet = False  # set for --screenshot: report errors on stderr, not in dialogs
        # One undo history per coder (handed on when the window is rebuilt).
        self.undo_stacks = undo_stacks or CoderStacks()
        self.undo_stacks.setParent(self)
        self.undo_stack = self.undo_stacks.activate(0)
        self.coder: CoderRecord | None = None
        self.requested_coder = coder
        self.document_id: int | None = None
        self.layer = str(settings().value("layer", "mine") or "mine")
        self.snap_to_words = settings().value("snapToWords", "false") in ("true", True)
        self.codes: dict[int, CodeRecord] = {}
        self.coders: dict[int, CoderRecord] = {}
        self.visible: dict[int, CodingRecord] = {}
        self.visibility = Visibility(None, True, frozenset())  # the blind rule, for deltas
        self.drawn: HighlightCache = {}  # highlights of the codings on screen, reused
        self._guard = SequenceGuard(self._on_change, self._resync)
        self.selected_code_id: int | None = None
        self.code_tree: CodeTreeWidget | None = None
        self.browser: DocumentBrowser | None = None
        self.project_actions: list[QtGui.QAction] = []  # enabled while a project is open
        self.panel_docks: dict[str, QtWidgets.QDockWidget] = {}  # agreement, quotes, ...
        self.team_relay: team_session.TeamRelay | None = None  # live feed on a team server

        self.start = StartScreen()
        self.view = TranscriptView()
        self.find_bar = FindBar(self.view)
        self.details = DetailsPane()
        self.doc_title = QtWidgets.QLabel()
        self.doc_title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.doc_meta = QtWidgets.QLabel()
        self.doc_meta.setStyleSheet("color: palette(placeholder-text);")
        self.coding = CodingController(self)
        self._build_workbench()
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(self.start)
        self.pages.addWidget(self.workbench)
        self.setCentralWidget(self.pages)
        build_menus(self)
        self.toolbar.setVisible(False)  # coder, layers and quick code need a project
        self._connect()
        self.start.set_recent(project_flow.recent_projects())
        geometry = settings().value("window/geometry")
        if isinstance(geometry, QtCore.QByteArray):
            self.restoreGeometry(geometry)

    # Layout -------------------------------------------------------------------------
    def _build_workbench(self) -> None:
        self.browser_holder = _panel(_heading(self.tr("Documents")))
        self.tree_holder = _panel(_heading(self.tr("Codebook")))
        header = QtWidgets.QWidget()
        header_layout = QtWidgets.QVBoxLayout(header)
        header_layout.setContentsMargins(18, 10, 18, 6)
        header_layout.setSpacing(0)
        header_layout.addWidget(self.doc_title)
        header_layout.addWidget(self.doc_meta)
        centre = QtWidgets.QWidget()
        centre_layout = QtWidgets.QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        centre_layout.addWidget(header)
        centre_layout.addWidget(self.find_bar)
        centre_layout.addWidget(self.view, 1)
        self.right = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        self.right.addWidget(self.tree_holder)
        self.right.addWidget(_panel(None, self.details))
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.splitter = QtWidgets.QSplitter(QtCore.Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.browser_holder)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        # Explicit minimums: the panes' own hints (long names, toolbars) would otherwise
        # force a window wider than a small laptop screen.
        for pane, width in ((self.browser_holder, 170), (centre, 380), (self.right, 280)):
            pane.setMinimumWidth(width)
        for label in (self.doc_title, self.doc_meta):
            label.setSizePolicy(
                QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred
            )
        self.splitter.setSizes([320, 700, 420])
        self.right.setSizes([420, 440])
        for splitter, key in ((self.splitter, "main"), (self.right, "right")):
            splitter.setChildrenCollapsible(False)
            state = settings().value(f"window/splitter-{key}")
            if isinstance(state, QtCore.QByteArray):
                splitter.restoreState(state)
        self.workbench = self.splitter

    def _connect(self) -> None:
        self.view.cursorPositionChanged.connect(self.update_details)
        self.view.selectionChanged.connect(self.update_details)
        self.view.codeDropped.connect(self.coding.apply_code)
        self.view.codingClicked.connect(self.select_coding)
        self.view.setContextMenuPolicy(QtCore.Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(partial(transcript_menu, self))
        self.details.removeRequested.connect(self.coding.remove)
        self.details.memoSaved.connect(self.coding.save_memo)
        self.details.spanRequested.connect(self.coding.set_span)
        self.details.recodeRequested.connect(self.coding.recode)
        self.details.codingSelected.connect(self.view.set_focus_coding)
        self.details.historyRequested.connect(self.show_coding_history)
        self._stack_index = self.undo_stack.index()
        self.undo_stacks.indexChanged.connect(self._follow_undo)
        self.start.openRequested.connect(lambda locator: project_flow.open_locator(self, locator))
        self.start.browseRequested.connect(lambda: project_flow.browse(self))
        self.start.newRequested.connect(lambda: project_flow.new_project(self))
        self.start.sampleRequested.connect(lambda: project_flow.open_sample(self))
        self.start.connectRequested.connect(lambda: connect_to_server(self))

    # Project ------------------------------------------------------------------------
    def open_project(
        self, locator: str, *, remember: bool = True, password: str | None = None
    ) -> bool:
        try:
            project = project_flow.load(locator, password)
        except QualcodeError as exc:
            self.report(str(exc), self.tr("Cannot open project"))
            return False
        self.set_project(project)
        if remember:
            project_flow.remember(locator)
            self.start.set_recent(project_flow.recent_projects())
        return True

    def report(self, message: str, title: str = "Qualcode") -> None:
        if self.quiet:
            print(message, file=sys.stderr)
        else:
            QtWidgets.QMessageBox.warning(self, title, message)

    def set_project(self, project: Project) -> None:
        self.close_project()
        self.project = project
        # Deltas apply in sequence; a missed event (gap) re-reads what the window shows.
        self._guard = SequenceGuard(self._on_change, self._resync, project.events.seq)
        project.subscribe(self._guard)
        if project.team is not None:  # on a team server the coder is the login
            self.requested_coder = project.team.coder_name
        self.team_relay = team_session.attach(self, project)
        self.reload_coders()
        if self.coder is not None:
            settings().setValue("coder", self.coder.name)  # --coder becomes the last used
        self._use_identity()
        if self.layer not in FIXED_LAYERS and self.layer not in {
            c.name for c in self.coders.values()
        }:
            self.layer = "mine"  # a coder's layer remembered from another project
        self.reload_codes()
        self.coding.load()
        self.browser = DocumentBrowser(project)
        self.browser_holder.layout().addWidget(self.browser)
        self.browser.documentActivated.connect(self.show_document)
        self.code_tree = CodeTreeWidget(project, self.undo_stack, lambda: self.coder)
        self.tree_holder.layout().addWidget(self.code_tree)
        self.code_tree.codeActivated.connect(self.coding.apply_code)
        self.code_tree.codeSelected.connect(self.select_code)
        if self.coder is not None:
            self.browser.set_current_coder(self.coder.name)
        self.setWindowTitle(f"{project.name} — Qualcode")
        self.pages.setCurrentWidget(self.workbench)
        self.toolbar.setVisible(True)
        refresh_coder_widgets(self)  # also enables the project's menu entries
        last = project_flow.last_document(project.locator)
        ids = self.browser.model.document_ids()  # already read for the list: no query
        if last in ids:
            self.show_document(last)
        elif ids:
            self.show_document(self.browser.model.first_document_id() or 0)

    def _use_identity(self) -> None:
        """Fix the session's coder on the project and show that coder's undo history."""
        if self.project is not None and self.coder is not None:
            try:
                self.coder = self.project.act_as(self.coder.id, switch=True)
            except QualcodeError as exc:  # a login fixed another identity
                self.report(str(exc))
                fixed = self.project.fixed_identity
                self.coder = next((c for c in self.coders.values() if c.name == fixed), None)
        self.undo_stack = self.undo_stacks.activate(self.coder.id if self.coder else 0)
        self._stack_index = self.undo_stack.index()

    def hand_over(self) -> tuple[Project | None, CoderStacks]:
        """Give up the open project and the undo histories without closing them (a rebuilt
        window takes them over, e.g. after switching the interface language)."""
        project, stacks = self.project, self.undo_stacks
        if project is not None:
            project.unsubscribe(self._guard)
        team_session.detach(self.team_relay)
        self.team_relay = None
        project_menus.close_docks(self)  # the new window opens its own panels
        stacks.indexChanged.disconnect(self._follow_undo)
        self.project = None
        self.undo_stacks = CoderStacks(self)  # so closing this window clears nothing
        self.undo_stack = self.undo_stacks.activate(0)
        stacks.setParent(None)
        return project, stacks

    def close_project(self) -> None:
        if self.project is None:
            return
        self.project.unsubscribe(self._guard)
        team_session.detach(self.team_relay)
        self.team_relay = None
        for widget in (self.browser, self.code_tree):
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()
        self.browser = self.code_tree = None
        project_menus.close_docks(self)
        # Commands hold the old project; keeping them would undo into a closed database.
        self.undo_stacks.clear_all()
        self.project.close()
        self.project, self.document_id, self.selected_code_id = None, None, None
        project_menus.update_project_actions(self)
        self.view.set_transcript("")
        self.pages.setCurrentWidget(self.start)
        self.toolbar.setVisible(False)
        self.setWindowTitle("Qualcode")

    def reload_coders(self) -> None:
        assert self.project is not None
        self.coders = {c.id: c for c in self.project.coders.list()}
        self.coder = project_flow.pick_coder(
            list(self.coders.values()), self.requested_coder, self.coder
        )
        self.read_visibility()
        refresh_coder_widgets(self)

    def read_visibility(self) -> None:
        """The blind rule for the current coder, to filter coding deltas without a query."""
        if self.project is not None:
            self.visibility = self.project.counts.visibility(self.coder.id if self.coder else None)

    def reload_codes(self) -> None:
        assert self.project is not None
        tree = self.project.codebook.tree()
        self.codes = {c.id: c for c in tree}
        self.quick_code.set_codes(tree)
        self.coding.forget_missing()

    def set_coder(self, name: str) -> bool:
        """Code as ``name`` from now on (File > Switch coder… asks and confirms first)."""
        found = next((c for c in self.coders.values() if c.name == name), None)
        if self.project is not None and self.project.team is not None:
            found = None  # on a team server the coder is the login, not a choice
        if found is None or found == self.coder:
            return False
        if self.project is not None and self.project.fixed_identity not in (None, name):
            self.report(f"{self.project.fixed_identity}: fixed by the login")
            return False
        self.coder = found
        self.requested_coder = name
        settings().setValue("coder", name)
        self._use_identity()
        self.read_visibility()
        if self.code_tree is not None:
            self.code_tree.model.set_undo_stack(self.undo_stack)  # the new coder's history
            self.code_tree.model.recount()  # what this coder may see (blind coding)
        if self.browser is not None:
            self.browser.set_current_coder(name)
        refresh_coder_widgets(self)
        self.refresh_highlights()
        return True

    def set_layer(self, layer: str) -> None:
        """``mine``, ``all``, ``none`` or a coder's name."""
        if layer not in FIXED_LAYERS and layer not in {c.name for c in self.coders.values()}:
            layer = "mine"
        self.layer = layer
        settings().setValue("layer", layer)
        refresh_coder_widgets(self)
        self.refresh_highlights()

    # Documents ----------------------------------------------------------------------
    def show_document_named(self, name: str | None) -> bool:
        if self.project is None:
            return False
        documents = self.project.documents.list()
        if name:
            match = next((d for d in documents if d.name == name), None)
        else:  # the first document with codings makes the most telling picture
            match = next((d for d in documents if self.project.codings.list(document=d.id)), None)
        if match is None:
            return False
        self.show_document(match.id)
        return True

    def show_document(self, document_id: int) -> None:
        if self.project is None:
            return
        record = self.project.documents.get(document_id)
        self.document_id = document_id
        self.view.set_transcript(
            self.project.documents.text(document_id), self.project.documents.turns(document_id)
        )
        self.update_header(record)
        if self.browser is not None:
            self.browser.select_document(document_id)
        project_flow.set_last_document(self.project.locator, document_id)
        self.refresh_highlights()

    def jump_to(self, document_id: int, start: int, end: int) -> None:
        """Open a document (if another one shows) and select the span: panels' jumpTo."""
        if document_id != self.document_id:
            self.show_document(document_id)
        self.view.select_span(start, end)
        self.view.setFocus()

    def update_header(self, record: DocumentRecord) -> None:
        self.doc_title.setText(record.name)
        attrs = [
            record.attributes.get(k, "")
            for k in ("intervention", "institution", "education_level", "source_type")
        ]
        meta = [a for a in attrs if a] + [
            self.tr("{0} characters").replace("{0}", f"{record.length:,}")
        ]
        if record.blind and not record.revealed:
            meta.append(self.tr("blind coding"))
        self.doc_meta.setText(" · ".join(meta))

    def visible_codings(self) -> list[CodingRecord]:
        if self.project is None or self.document_id is None or self.coder is None:
            return []
        return visible_codings(self.project, self.document_id, self.coder, self.layer, self.coders)

    def refresh_highlights(self, *, reread: bool = True) -> None:
        """Draw the visible codings; ``reread=False`` reuses those already held (a code
        renamed or recoloured changes how they look, not which they are)."""
        if reread:
            self.visible = {c.id: c for c in self.visible_codings()}
        if reread:
            self.drawn.clear()
        highlights = highlights_for(
            list(self.visible.values()), self.codes, self.coders, self.drawn
        )
        self.view.set_highlights(highlights)
        self.statusBar().showMessage(
            self.tr("{0} codings shown").replace("{0}", str(len(highlights))), 4000
        )
        self.update_details()

    # Details ------------------------------------------------------------------------
    def may_edit(self, coding_id: int) -> bool:
        coding = self.visible.get(coding_id)
        if coding is None or self.coder is None:
            return False
        return coding.coder_id == self.coder.id or self.coder.role == "lead"

    def update_details(self) -> None:
        cursor = self.view.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        rows = []
        for h in self.view.highlights_at(start, end if end > start else None):
            coding = self.visible.get(h.coding_id)
            code = self.codes.get(coding.code_id) if coding else None
            if coding is None or code is None:
                continue
            coder = self.coders.get(coding.coder_id)
            rows.append(
                CodingRow(
                    coding,
                    code.path_text,
                    code.colour,
                    coder.name if coder else "?",
                    self.may_edit(coding.id),
                )
            )
        self.details.show_codings(rows)

    def select_code(self, code_id: int) -> None:
        self.selected_code_id = code_id if code_id in self.codes else None  # -1: none
        code = self.codes.get(code_id)
        memos = self.project.memos.list(code=code_id) if self.project and code else []
        self.details.show_code(code, memos)

    def show_coding_history(self, coding_id: int) -> None:
        """The coding's changes from the audit trail, in a dialog."""
        from qualcode.core.audit import coding_history
        from qualcode.ui.history_dialog import CodingHistoryDialog

        if self.project is None:
            return
        dialog = CodingHistoryDialog(coding_id, coding_history(self.project, coding_id), self)
        self.history_dialog = dialog  # kept so tests (and a second look) can reach it
        dialog.open()

    def select_coding(self, coding_id: int) -> None:
        coding = self.visible.get(coding_id)
        if coding is not None:
            self.view.select_span(coding.start, coding.end)
            self.details.select_coding(coding_id)

    def _follow_undo(self, index: int) -> None:
        """Undo/redo of a coding in another document opens it, so the change is seen."""
        step = index if index < self._stack_index else index - 1  # undone or redone
        self._stack_index = index
        command = self.undo_stack.command(step) if 0 <= step < self.undo_stack.count() else None
        document_id = getattr(command, "document_id", None)
        if isinstance(document_id, int) and document_id != self.document_id and self.project:
            self.show_document(document_id)

    # Change notices (applied in qualcode/ui/window_events.py) ----------------------
    def _resync(self) -> None:
        window_events.resync(self)

    def _on_change(self, change: Change) -> None:
        window_events.on_change(self, change)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        self.details.flush_memo()  # a memo typed without "Save memo" is kept
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/splitter-main", self.splitter.saveState())
        store.setValue("window/splitter-right", self.right.saveState())
        store.setValue("snapToWords", self.snap_to_words)
        store.sync()
        self.close_project()
        super().closeEvent(event)
