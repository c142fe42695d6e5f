"""Menus, shortcuts and the toolbar of the main window."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from qualcode.ui import project_flow, project_menus, team_offline
from qualcode.ui.about import add_help_menu
from qualcode.ui.app import LANGUAGES, set_look, settings
from qualcode.ui.coder_session import coder_label, switch_coder
from qualcode.ui.connect_dialog import connect_to_server
from qualcode.ui.find import FindAllDialog
from qualcode.ui.qt import QtCore, QtGui, QtWidgets
from qualcode.ui.quick_code import QuickCodeBox

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("MainWindow", text)


def _action(
    window: MainWindow,
    menu: QtWidgets.QMenu,
    text: str,
    slot: object,
    shortcut: str | QtGui.QKeySequence.StandardKey | None = None,
) -> QtGui.QAction:
    action = QtGui.QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QtGui.QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    menu.addAction(action)
    return action


def build_menus(w: MainWindow) -> None:
    bar = w.menuBar()
    std = QtGui.QKeySequence.StandardKey

    file_menu = bar.addMenu(_tr("&File"))
    # No Ctrl+N here: the code tree uses it for "new code" while it has focus.
    _action(w, file_menu, _tr("&New project…"), partial(project_flow.new_project, w))
    _action(w, file_menu, _tr("&Open project…"), partial(project_flow.browse, w), std.Open)
    _action(w, file_menu, _tr("Open the &sample project"), partial(project_flow.open_sample, w))
    _action(w, file_menu, _tr("Connect to &team server…"), partial(connect_to_server, w))
    _action(w, file_menu, _tr("Check out for o&ffline work…"), partial(team_offline.check_out, w))
    _action(w, file_menu, _tr("Chec&k in to team server…"), partial(team_offline.check_in, w))
    w.recent_menu = file_menu.addMenu(_tr("&Recent projects"))
    w.recent_menu.aboutToShow.connect(partial(_fill_recent, w))
    _action(w, file_menu, _tr("&Close project"), w.close_project, std.Close)
    w.switch_coder_action = _action(w, file_menu, _tr("S&witch coder…"), lambda: switch_coder(w))
    w.coders_action = _action(w, file_menu, _tr("C&oders…"), partial(_manage_coders, w))
    file_menu.addSeparator()
    project_menus.build_file_entries(w, file_menu)
    file_menu.addSeparator()
    _action(w, file_menu, _tr("&Quit"), w.close, std.Quit)

    edit = bar.addMenu(_tr("&Edit"))
    # From the group: the actions follow whichever coder's history is active.
    w.undo_action = w.undo_stacks.createUndoAction(w, _tr("&Undo"))
    w.undo_action.setShortcut(QtGui.QKeySequence(std.Undo))
    w.redo_action = w.undo_stacks.createRedoAction(w, _tr("&Redo"))
    w.redo_action.setShortcut(QtGui.QKeySequence(std.Redo))
    edit.addAction(w.undo_action)
    edit.addAction(w.redo_action)
    edit.addSeparator()
    _action(w, edit, _tr("&Find…"), w.find_bar.open, std.Find)
    _action(w, edit, _tr("Find in &all documents…"), partial(_find_all, w), "Ctrl+Shift+F")

    coding = bar.addMenu(_tr("&Coding"))
    apply = _action(
        w, coding, _tr("&Apply selected code"), partial(_apply_selected, w), "Ctrl+Return"
    )
    _action(w, coding, _tr("&Quick code…"), partial(_focus_quick, w), "Ctrl+K")
    w.recent_codes_menu = coding.addMenu(_tr("Recent &codes"))
    w.recent_code_actions = []
    for n in range(9):
        action = QtGui.QAction(w)
        action.setShortcut(QtGui.QKeySequence(f"Ctrl+{n + 1}"))
        action.triggered.connect(
            partial(lambda index, _checked=False: w.coding.apply_recent(index), n)
        )
        w.addAction(action)  # shortcuts work even while the submenu is hidden
        w.recent_code_actions.append(action)
    w.coding.recentChanged.connect(partial(_fill_recent_codes, w))
    _fill_recent_codes(w)
    coding.addSeparator()
    inductive = _action(
        w, coding, _tr("&New inductive code…"), w.coding.new_inductive, "Ctrl+Alt+N"
    )
    in_vivo = _action(w, coding, _tr("&In-vivo code"), w.coding.in_vivo, "Ctrl+I")
    _action(w, coding, _tr("Give coding the &selected code"), w.coding.recode)
    remove = _action(w, coding, _tr("&Remove coding"), w.coding.remove, std.Delete)
    # Del also deletes codes in the code tree; scoped so the two never clash.
    remove.setShortcutContext(QtCore.Qt.ShortcutContext.WidgetWithChildrenShortcut)
    w.view.addAction(remove)
    w.details.addAction(remove)
    w.context_actions = [apply, inductive, in_vivo, remove]
    coding.addSeparator()
    w.snap_action = _action(
        w, coding, _tr("&Snap selection to whole words"), partial(_toggle_snap, w)
    )
    w.snap_action.setCheckable(True)
    w.snap_action.setChecked(w.snap_to_words)

    project_menus.build_project_menus(w, bar)

    view = bar.addMenu(_tr("&View"))
    w.layer_menu = view.addMenu(_tr("&Layers"))
    w.layer_group = QtGui.QActionGroup(w)
    _history_dock(w)
    w.panels_menu = view.addMenu(_tr("&Panels"))
    w.panels_menu.aboutToShow.connect(partial(_fill_panels, w))
    _fill_panels(w)
    look = view.addMenu(_tr("&Appearance"))
    looks = QtGui.QActionGroup(w)
    chosen = str(settings().value("look", "system") or "system")
    for key, label in (
        ("system", _tr("Like the system")),
        ("light", _tr("Light")),
        ("dark", _tr("Dark")),
    ):
        action = _action(w, look, label, partial(set_look, key))
        action.setCheckable(True)
        action.setChecked(key == chosen)
        looks.addAction(action)
    language = view.addMenu(_tr("&Language"))
    group = QtGui.QActionGroup(w)
    current = str(settings().value("language", "") or "en")
    for code, name in LANGUAGES.items():
        action = _action(w, language, name, partial(_set_language, w, code))
        action.setCheckable(True)
        action.setChecked(code == current)
        group.addAction(action)

    add_help_menu(w, bar)
    _build_toolbar(w)


def _build_toolbar(w: MainWindow) -> None:
    toolbar = w.toolbar = w.addToolBar(_tr("Main"))
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.addAction(w.undo_action)
    toolbar.addAction(w.redo_action)
    toolbar.addSeparator()
    # Not a free choice box: the identity is fixed for the session, switching is explicit.
    w.coder_button = QtWidgets.QToolButton()
    w.coder_button.setToolTip(_tr("Switch coder…"))
    w.coder_button.clicked.connect(lambda _checked=False: switch_coder(w))
    toolbar.addWidget(w.coder_button)
    toolbar.addWidget(QtWidgets.QLabel("  " + _tr("Show") + " "))
    w.layer_combo = QtWidgets.QComboBox()
    w.layer_combo.setMinimumContentsLength(12)
    w.layer_combo.activated.connect(lambda index: w.set_layer(str(w.layer_combo.itemData(index))))
    toolbar.addWidget(w.layer_combo)
    spacer = QtWidgets.QWidget()
    spacer.setSizePolicy(
        QtWidgets.QSizePolicy.Policy.Expanding, QtWidgets.QSizePolicy.Policy.Preferred
    )
    toolbar.addWidget(spacer)
    w.quick_code = QuickCodeBox()
    w.quick_code.codeChosen.connect(w.coding.apply_code)
    # Back to the transcript: the next passage is selected there, and Ctrl+Z there undoes
    # the coding rather than the typed letters.
    w.quick_code.finished.connect(w.view.setFocus)
    toolbar.addWidget(w.quick_code)


def panel_openers(w: MainWindow) -> list[tuple[str, str, object]]:
    """(dock key, menu text, opener) of every panel the View menu shows and hides."""
    panels: list[tuple[str, str, object]] = [
        ("history", _tr("Undo history"), lambda: w.history_dock.show()),
        ("agreement", _tr("Inter-coder agreement"), partial(project_menus.open_agreement, w)),
        ("memos", _tr("Memos"), partial(project_menus.open_memos, w)),
    ]
    for _module, _cls, key, text in project_menus.analysis_panels():
        panels.append(
            (key, text.replace("&", "").rstrip("…"), partial(project_menus.open_panel, w, key))
        )
    return panels


def _fill_panels(w: MainWindow) -> None:
    """Each panel with a tick when shown: choose it to show it, again to hide it."""
    w.panels_menu.clear()
    for key, text, opener in panel_openers(w):
        dock = w.history_dock if key == "history" else w.panel_docks.get(key)
        shown = dock is not None and dock.isVisible()
        action = w.panels_menu.addAction(text)
        action.setCheckable(True)
        action.setChecked(shown)
        action.setEnabled(key == "history" or w.project is not None)
        action.triggered.connect(partial(_toggle_panel, action, dock, opener))


def _toggle_panel(
    action: QtGui.QAction, dock: QtWidgets.QDockWidget | None, opener: object
) -> None:
    if action.isChecked() or dock is None:
        opener()  # type: ignore[operator]
    else:
        dock.hide()


def _history_dock(w: MainWindow) -> QtWidgets.QDockWidget:
    """Every step of the session, clickable to go back to it (hidden until asked for)."""
    dock = QtWidgets.QDockWidget(_tr("Undo history"), w)
    dock.setObjectName("historyDock")
    history = QtWidgets.QUndoView(w.undo_stacks)
    history.setEmptyLabel(_tr("<opened>"))
    dock.setWidget(history)
    w.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    w.history_dock = dock
    return dock


def refresh_coder_widgets(w: MainWindow) -> None:
    """Coder combo, layer combo and Layers menu reflect the project's coders."""
    project_menus.update_project_actions(w)
    if not hasattr(w, "coder_button"):
        return
    coders = sorted(w.coders.values(), key=lambda c: c.name.casefold())
    w.coder_button.setText(coder_label(w.coder))
    # On a team server the coder is the login: shown, not switched.
    w.coder_button.setEnabled(w.project is None or w.project.team is None)
    w.switch_coder_action.setEnabled(w.project is not None and w.project.team is None)
    layers = [("mine", _tr("My codings")), ("all", _tr("All coders")), ("none", _tr("No codings"))]
    layers += [(c.name, _tr("Only {0}").replace("{0}", c.name)) for c in coders]
    w.layer_combo.blockSignals(True)
    w.layer_combo.clear()
    w.layer_menu.clear()
    for action in w.layer_group.actions():
        w.layer_group.removeAction(action)
    for index, (key, label) in enumerate(layers):
        w.layer_combo.addItem(label, key)
        if key == w.layer:
            w.layer_combo.setCurrentIndex(index)
        action = _action(w, w.layer_menu, label, partial(w.set_layer, key))
        action.setCheckable(True)
        action.setChecked(key == w.layer)
        w.layer_group.addAction(action)
        if index == 2:
            w.layer_menu.addSeparator()
    w.layer_combo.blockSignals(False)


def _manage_coders(w: MainWindow) -> None:
    from qualcode.ui.coders_dialog import CodersDialog

    if w.project is None:
        return
    leads = [c for c in w.coders.values() if c.role == "lead"]
    may = not leads or (w.coder is not None and w.coder.role == "lead")
    dialog = CodersDialog(w.project, may, w)
    dialog.exec()
    dialog.deleteLater()


def _fill_recent(w: MainWindow) -> None:
    w.recent_menu.clear()
    for locator in project_flow.recent_projects():
        _action(w, w.recent_menu, locator, partial(project_flow.open_locator, w, locator))
    if not w.recent_menu.actions():
        w.recent_menu.addAction(_tr("(none yet)")).setEnabled(False)


def _fill_recent_codes(w: MainWindow) -> None:
    w.recent_codes_menu.clear()
    for index, action in enumerate(w.recent_code_actions):
        code_id = w.coding.recent[index] if index < len(w.coding.recent) else None
        code = w.codes.get(code_id) if code_id is not None else None
        action.setText(code.path_text if code else _tr("(empty)"))
        action.setEnabled(code is not None)
        if code is not None:
            w.recent_codes_menu.addAction(action)
    if not w.recent_codes_menu.actions():
        w.recent_codes_menu.addAction(_tr("(apply a code first)")).setEnabled(False)


def _apply_selected(w: MainWindow) -> None:
    if w.selected_code_id is None:
        w.statusBar().showMessage(_tr("Select a code in the codebook first."), 5000)
        return
    w.coding.apply_code(w.selected_code_id)


def _focus_quick(w: MainWindow) -> None:
    w.quick_code.setFocus()
    w.quick_code.selectAll()


def _toggle_snap(w: MainWindow) -> None:
    w.snap_to_words = w.snap_action.isChecked()
    settings().setValue("snapToWords", w.snap_to_words)


def _find_all(w: MainWindow) -> None:
    if w.project is None:
        return
    dialog = FindAllDialog(w.project, w)
    dialog.hitActivated.connect(w.jump_to)
    dialog.codeAllRequested.connect(w.coding.code_hits)
    dialog.show()


def _set_language(w: MainWindow, code: str) -> None:
    from qualcode.ui.app import switch_language

    settings().setValue("language", code)
    switch_language(w, code)


def transcript_menu(w: MainWindow, pos: QtCore.QPoint) -> None:
    """Copy and Select All from Qt, then the coding actions that apply here."""
    menu = w.view.createStandardContextMenu(pos)
    menu.addSeparator()
    for action in w.context_actions:
        menu.addAction(action)
    menu.exec(w.view.viewport().mapToGlobal(pos))
    menu.deleteLater()
