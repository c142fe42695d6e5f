"""File > Coders…: add, rename and give the lead role, by keys (issue 15)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import seed
from tests.test_gui_blind_round import when_modal
from tests.test_gui_integration import menu_action
from tests.test_gui_workbench import make_window

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from PySide6 import QtTest  # noqa: E402

from qualcode.ui.qt import QtWidgets  # noqa: E402

Qt = QtCore.Qt


def test_lead_adds_renames_and_promotes_a_coder(qtbot: Any, tmp_path: Path) -> None:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        seed(project)
    window = make_window(qtbot, locator, coder="Anouk")
    done: list[bool] = []

    def manage(dialog: QtWidgets.QWidget) -> None:
        QtTest.QTest.keyClicks(dialog.name, "Carla")
        QtTest.QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter adds
        QtTest.QTest.keyClicks(dialog.name, "Carla de Vries")
        QtTest.QTest.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
        QtTest.QTest.keyClick(dialog.lead_box, Qt.Key.Key_Space)  # Carla leads now
        QtTest.QTest.keyClicks(dialog.name, "Bram")
        QtTest.QTest.keyClick(dialog.name, Qt.Key.Key_Return)  # a name taken: one clear line
        done.append("already exists" in dialog.status.text())
        dialog.reject()

    when_modal(qtbot, manage)
    menu_action(window, "&File", "C&oders…").trigger()
    assert done == [True]
    with open_project(locator) as project:
        roles = {c.name: c.role for c in project.coders.list()}
    assert roles == {"Anouk": "lead", "Bram": "coder", "Carla de Vries": "lead"}
    assert "Carla de Vries" in {c.name for c in window.coders.values()}  # the window follows
    window.close()


def test_a_coder_may_look_but_not_change(qtbot: Any, tmp_path: Path) -> None:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        seed(project)
    window = make_window(qtbot, locator, coder="Bram")
    seen: list[bool] = []
    when_modal(
        qtbot, lambda d: (seen.append(d.add_button.isEnabled() or d.name.isEnabled()), d.reject())
    )
    menu_action(window, "&File", "C&oders…").trigger()
    assert seen == [False]
    window.close()
