"""Panels fit a 1366x768 screen, keep the user's window size and are in the View menu
(issue 15, defect 7); the language switch keeps the size too."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project
from tests.conftest import seed
from tests.test_gui_integration import menu_action
from tests.test_gui_workbench import make_window

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from qualcode.ui.qt import QtWidgets  # noqa: E402


@pytest.fixture
def locator(tmp_path: Path) -> str:
    path = str(tmp_path / "study.qcdb")
    with create_project(path, "Study") as project:
        seed(project)
    return path


def panels_menu(window: Any) -> QtWidgets.QMenu:
    menu = menu_action(window, "&View", "&Panels").menu()
    menu.aboutToShow.emit()  # what opening the menu does
    return menu


@pytest.mark.parametrize("width,height", [(1024, 700), (1366, 768), (1600, 900)])
def test_opening_every_panel_keeps_the_window_size(
    qtbot: Any, locator: str, width: int, height: int
) -> None:
    window = make_window(qtbot, locator)
    window.resize(width, height)
    qtbot.wait(20)
    for entry in ("Inter-coder &agreement…", "&Quotes…", "Code &matrix and charts…", "M&emos…"):
        menu_action(window, "&Analysis", entry).trigger()
        QtWidgets.QApplication.processEvents()
        assert (window.width(), window.height()) == (width, height), entry
    assert window.minimumSizeHint().width() <= 1366
    # Every panel is listed in View > Panels, ticked while shown; choosing it hides it.
    menu = panels_menu(window)
    ticked = {a.text(): a.isChecked() for a in menu.actions()}
    assert {"Inter-coder agreement", "Quotes", "Code matrix and charts", "Memos"} <= set(ticked)
    assert ticked["Undo history"] is False
    memos = next(a for a in menu.actions() if a.text() == "Memos")
    memos.trigger()
    assert not window.panel_docks["memos"].isVisible()
    menu = panels_menu(window)
    next(a for a in menu.actions() if a.text() == "Memos").trigger()
    assert window.panel_docks["memos"].isVisible()
    assert (window.width(), window.height()) == (width, height)
    window.close()


def test_code_names_stay_readable_with_panels_docked(qtbot: Any, locator: str) -> None:
    window = make_window(qtbot, locator)
    window.resize(1366, 768)
    for entry in ("&Quotes…", "Code &matrix and charts…"):
        menu_action(window, "&Analysis", entry).trigger()
    QtWidgets.QApplication.processEvents()
    view = window.code_tree.view
    name_width = view.header().sectionSize(0)
    assert name_width >= 150, name_width  # not "Situ…"
    window.close()


def test_language_switch_keeps_the_user_size(qtbot: Any, locator: str) -> None:
    from qualcode.ui.app import switch_language

    window = make_window(qtbot, locator)
    window.resize(1024, 700)
    menu_action(window, "&Analysis", "&Quotes…").trigger()
    QtWidgets.QApplication.processEvents()
    dutch = switch_language(window, "nl")
    qtbot.addWidget(dutch)
    QtWidgets.QApplication.processEvents()
    assert (dutch.width(), dutch.height()) == (1024, 700)
    switch_language(dutch, "en").close()


def test_appearance_is_in_the_view_menu(qtbot: Any, locator: str) -> None:
    from qualcode.ui.app import is_dark_scheme

    window = make_window(qtbot, locator)
    entries = [a.text() for a in menu_action(window, "&View", "&Appearance").menu().actions()]
    assert entries == ["Like the system", "Light", "Dark"]
    menu_action(window, "&View", "&Appearance", "Dark").trigger()
    assert is_dark_scheme()
    base = QtWidgets.QApplication.palette().color(QtWidgets.QApplication.palette().ColorRole.Base)
    assert base.lightness() < 80
    menu_action(window, "&View", "&Appearance", "Light").trigger()
    assert not is_dark_scheme()
    window.close()
