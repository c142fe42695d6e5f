"""Menu entries that work on the open project: import and export, the Codebook and Analysis
menus, and the panels they open in docks beside the transcript."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from qualcode.ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from qualcode.core.project import Project
    from qualcode.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("MainWindow", text)


def analysis_panels() -> list[tuple[str, str, str, str]]:
    """Docked panels of the Analysis menu: (module, class, dock key, menu text). Modules are
    imported when a panel is first opened, which keeps start-up light."""
    return [
        ("qualcode.ui.quotes_browser", "QuotesBrowser", "quotes", _tr("&Quotes…")),
        ("qualcode.ui.analysis_view", "AnalysisView", "analysis", _tr("Code &matrix and charts…")),
    ]


def _add(
    w: MainWindow,
    menu: QtWidgets.QMenu,
    text: str,
    slot: Callable[[], object],
    *,
    lead: bool = False,
) -> QtGui.QAction:
    """An action that needs an open project (and, with ``lead``, a lead as coder)."""
    action = QtGui.QAction(text, w)
    action.triggered.connect(lambda _checked=False: slot())
    action.setProperty("needsLead", lead)
    menu.addAction(action)
    w.project_actions.append(action)
    return action


def _with_project(
    w: MainWindow, run: Callable[[MainWindow, Project], object]
) -> Callable[[], None]:
    def slot() -> None:
        if w.project is not None:
            run(w, w.project)

    return slot


def build_file_entries(w: MainWindow, menu: QtWidgets.QMenu) -> None:
    from qualcode.ui import codebook_exchange, report_dialog

    _add(w, menu, _tr("&Import transcripts…"), _with_project(w, import_transcripts))
    _add(w, menu, _tr("Import &codebook…"), _with_project(w, import_codebook))
    _add(w, menu, _tr("Import or &merge project (.qdpx, .qcdb)…"), _with_project(w, merge_project))
    export = menu.addMenu(_tr("&Export"))
    _add(w, export, _tr("&Project as REFI-QDA (.qdpx)…"), _with_project(w, export_qdpx))
    _add(w, export, _tr("Project &copy for sending (.qcdb)…"), _with_project(w, export_copy))
    _add(
        w,
        export,
        _tr("&Word report…"),
        _with_project(w, lambda w, p: report_dialog.export_report(w, p)),
    )
    _add(
        w,
        export,
        _tr("&Codebook…"),
        _with_project(w, lambda w, p: codebook_exchange.export_codebook(w, p)),
    )
    _add(
        w,
        export,
        _tr("Codings (&CSV)…"),
        _with_project(w, lambda w, p: codebook_exchange.export_codings_csv(w, p)),
    )


def build_project_menus(w: MainWindow, bar: QtWidgets.QMenuBar) -> None:
    codebook = bar.addMenu(_tr("Code&book"))
    _add(w, codebook, _tr("&Release version…"), _with_project(w, release_version), lead=True)
    _add(w, codebook, _tr("&Compare versions…"), _with_project(w, compare_versions))
    analysis = bar.addMenu(_tr("&Analysis"))
    _add(w, analysis, _tr("Inter-coder &agreement…"), partial(open_agreement, w))
    _add(w, analysis, _tr("M&emos…"), partial(open_memos, w))
    for _module, _cls, key, text in analysis_panels():
        _add(w, analysis, text, partial(open_panel, w, key))
    update_project_actions(w)


def update_project_actions(w: MainWindow) -> None:
    """Enable what the open project (and the current coder's role) allows."""
    is_lead = w.coder is not None and w.coder.role == "lead"
    for action in getattr(w, "project_actions", []):
        action.setEnabled(w.project is not None and (is_lead or not action.property("needsLead")))


# Actions ---------------------------------------------------------------------------------
def import_transcripts(w: MainWindow, project: Project) -> None:
    from qualcode.ui.import_dialog import import_transcripts as run

    outcome = run(w, project)
    if outcome is not None and outcome.report.imported and w.document_id is None:
        w.show_document(outcome.report.imported[0].document_id)


def import_codebook(w: MainWindow, project: Project) -> None:
    from qualcode.ui.codebook_exchange import import_codebook as run

    run(w, project, w.coder.name if w.coder else None)


def merge_project(w: MainWindow, project: Project) -> None:
    from qualcode.ui.project_exchange import import_project

    import_project(w, project, w.coder.name if w.coder else None)


def export_qdpx(w: MainWindow, project: Project) -> None:
    from qualcode.ui.project_exchange import export_project_qdpx

    export_project_qdpx(w, project)


def export_copy(w: MainWindow, project: Project) -> None:
    from qualcode.ui.project_exchange import export_project_copy

    export_project_copy(w, project)


def release_version(w: MainWindow, project: Project) -> None:
    from qualcode.ui.versions_dialogs import ReleaseDialog

    if w.coder is None or w.coder.role != "lead":
        w.report(_tr("Only a lead can release a codebook version."))
        return
    dialog = ReleaseDialog(project, w.coder.name, w)
    if dialog.exec() == QtWidgets.QDialog.DialogCode.Accepted and dialog.released_label:
        w.statusBar().showMessage(
            _tr("Released codebook version {0}").replace("{0}", dialog.released_label), 6000
        )


def compare_versions(w: MainWindow, project: Project) -> None:
    from qualcode.ui.versions_dialogs import CompareDialog

    dialog = CompareDialog(project, w)
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()  # non-modal, kept alive by its parent: it may stay open beside the work


# Docks -----------------------------------------------------------------------------------
def _dock(
    w: MainWindow, key: str, title: str, make: Callable[[Project], QtWidgets.QWidget]
) -> QtWidgets.QDockWidget | None:
    """The panel's dock, created on first use for the open project, then raised."""
    if w.project is None:
        return None
    dock = w.panel_docks.get(key)
    if dock is None:
        size = w.size()  # the user's window size: a panel never widens the window
        panel = make(w.project)
        if hasattr(panel, "jumpTo"):
            panel.jumpTo.connect(w.jump_to)
        dock = PanelDock(title, panel, w)
        dock.setObjectName(f"{key}Dock")
        w.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, dock)
        w.panel_docks[key] = dock
        others = [d for k, d in w.panel_docks.items() if k != key and not d.isFloating()]
        if others:
            w.tabifyDockWidget(others[0], dock)  # one column of tabs, not side by side
        elif _room_needed(w, dock) > size.width():
            # No room beside the workbench in a window this narrow: a window of its own.
            dock.setFloating(True)
            screen = w.screen().availableGeometry()
            dock.resize(min(900, screen.width()), min(640, screen.height() - 40))
        w.resize(size)
        # About 40 % of the window, leaving the transcript and the code tree readable.
        w.resizeDocks([dock], [max(360, int(size.width() * 0.4))], QtCore.Qt.Orientation.Horizontal)
    dock.show()
    dock.raise_()
    return dock


def _room_needed(w: MainWindow, dock: QtWidgets.QDockWidget) -> int:
    """The window width the workbench and a docked panel need side by side."""
    central = w.centralWidget()
    workbench = central.minimumSizeHint().width() if central is not None else 0
    return workbench + dock.minimumSizeHint().width() + 16


class PanelDock(QtWidgets.QDockWidget):
    """A dock whose panel scrolls instead of forcing its size onto the main window.

    ``widget()`` still answers the panel (a scroll area holds it), so callers see the panel.
    The dock can float as a window of its own (double-click its title).
    """

    def __init__(self, title: str, panel: QtWidgets.QWidget, parent: QtWidgets.QWidget) -> None:
        super().__init__(title, parent)
        self._panel = panel
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(panel)
        scroll.setMinimumWidth(280)
        self.setWidget(scroll)

    def widget(self) -> QtWidgets.QWidget:  # type: ignore[override]
        return self._panel


def open_agreement(w: MainWindow) -> QtWidgets.QDockWidget | None:
    from qualcode.ui.agreement_panel import AgreementPanel

    return _dock(w, "agreement", _tr("Inter-coder agreement"), AgreementPanel)


def open_memos(w: MainWindow) -> QtWidgets.QDockWidget | None:
    from qualcode.ui.memo_manager import MemoManager

    def context() -> dict[str, int | None]:
        return {
            "document": w.document_id,
            "code": w.selected_code_id,
            "coding": w.details.current_coding_id(),
        }

    return _dock(
        w,
        "memos",
        _tr("Memos"),
        lambda project: MemoManager(project, lambda: w.coder.name if w.coder else None, context),
    )


def open_panel(w: MainWindow, key: str) -> QtWidgets.QDockWidget | None:
    for module, cls, dock_key, text in analysis_panels():
        if dock_key == key:
            factory = getattr(importlib.import_module(module), cls)
            if key == "quotes":
                # The coder using the window writes summaries and, on blind documents,
                # sees only their own quotes.
                name = w.coder.name if w.coder is not None else None
                return _dock(
                    w,
                    key,
                    text.replace("&", "").rstrip("…"),
                    # Opened with a code selected in the tree: its quotes, not the project's.
                    partial(factory, author=name, code=w.selected_code_id),
                )
            return _dock(w, key, text.replace("&", "").rstrip("…"), factory)
    return None


def close_docks(w: MainWindow) -> None:
    """Panels hold the project: they go when it closes."""
    for dock in w.panel_docks.values():
        panel = dock.widget()
        if panel is not None:
            panel.close()  # lets a running computation stop first
        w.removeDockWidget(dock)
        dock.deleteLater()
    w.panel_docks.clear()
