"""A calibration round in one window with two coders and a blind document: the second
coder never sees, counts or undoes the first coder's work (issue 15, defect 5)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import seed
from tests.test_gui_calibration import browser_as
from tests.test_gui_quick_code import quick_code
from tests.test_gui_workbench import codings, make_window, select

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from PySide6 import QtTest  # noqa: E402

from qualcode.ui.qt import QtWidgets  # noqa: E402

Qt = QtCore.Qt
CTRL = Qt.KeyboardModifier.ControlModifier


def when_modal(qtbot: Any, act: Callable[[QtWidgets.QWidget], None]) -> list[str]:
    """Answer the next modal dialog the way a person does (keys into it)."""
    seen: list[str] = []

    def poll() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        if dialog is None:
            QtCore.QTimer.singleShot(20, poll)
            return
        seen.append(type(dialog).__name__)
        act(dialog)

    QtCore.QTimer.singleShot(0, poll)
    return seen


def pick(name: str) -> Callable[[QtWidgets.QWidget], None]:
    def act(dialog: QtWidgets.QWidget) -> None:
        combo = dialog.findChild(QtWidgets.QComboBox)
        QtTest.QTest.keyClicks(combo, name)  # keyboard search in the list of coders
        QtTest.QTest.keyClick(combo, Qt.Key.Key_Return)

    return act


def yes(dialog: QtWidgets.QWidget) -> None:
    button = dialog.button(QtWidgets.QMessageBox.StandardButton.Yes)  # type: ignore[attr-defined]
    QtTest.QTest.keyClick(button, Qt.Key.Key_Space)


def no(dialog: QtWidgets.QWidget) -> None:
    QtTest.QTest.keyClick(dialog, Qt.Key.Key_Escape)


def switch_to(qtbot: Any, window: Any, name: str, confirm: bool = True) -> None:
    first = when_modal(qtbot, pick(name))

    def then_confirm(dialog: QtWidgets.QWidget) -> None:
        (yes if confirm else no)(dialog)

    QtCore.QTimer.singleShot(
        0, lambda: qtbot.waitUntil(lambda: bool(first)) or when_modal(qtbot, then_confirm)
    )
    qtbot.mouseClick(window.coder_button, Qt.MouseButton.LeftButton)


def usage(window: Any, path: str) -> int:
    code_id = next(c.id for c in window.codes.values() if c.path_text == path)
    return window.code_tree.model.usage(code_id)


def test_two_coders_one_window_blind_document(qtbot: Any, tmp_path: Path) -> None:
    locator = str(tmp_path / "kalibratie.qcdb")
    with create_project(locator, "Kalibratie") as project:
        seed(project)  # Anouk (lead) has 2 codings on NI01, Bram 1
    window = make_window(qtbot, locator, coder="Anouk")
    window.activateWindow()
    assert browser_as(window, ["Anouk", "Bram"], blind=True).assign()

    # Anouk codes blind: one more coding, one step in her history.
    select(window, "Mijn mentor hielp me")
    quick_code(qtbot, window, "mentor")
    assert len(codings(locator, "Anouk")) == 3
    assert window.coder_button.text() == "Coder: Anouk (lead)"

    # Declining the confirmation changes nothing.
    switch_to(qtbot, window, "Bram", confirm=False)
    assert window.coder.name == "Anouk"

    switch_to(qtbot, window, "Bram")
    assert window.coder.name == "Bram"
    assert window.coder_button.text() == "Coder: Bram (coder)"
    window.set_layer("all")
    assert window.view.highlight_count() == 1  # sees only his own
    assert usage(window, "Steungever / Moeder") == 1  # counts only his own
    assert usage(window, "Steungever / Mentor") == 0
    with open_project(locator) as other:
        assert len(other.codings.list(document="NI01", viewer="Bram")) == 1
    from qualcode.core.retrieval import find_quotes

    assert {q.coder for q in find_quotes(window.project)} == {"Bram"}

    # Ctrl+Z as Bram from the transcript: his history is empty, Anouk's coding stays.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    assert window.undo_stack.count() == 0
    window.view.setFocus()
    QtTest.QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert len(codings(locator, "Anouk")) == 3
    select(window, "we lachten veel samen")
    quick_code(qtbot, window, "emotionele")
    assert len(codings(locator, "Bram")) == 2
    QtTest.QTest.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert len(codings(locator, "Bram")) == 1
    assert len(codings(locator, "Anouk")) == 3

    # Back to Anouk: her own history is still there, and Ctrl+Z undoes her coding.
    switch_to(qtbot, window, "Anouk")
    assert window.coder.name == "Anouk"
    assert window.undo_stack.count() == 1
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.view.setFocus()
    QtTest.QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert len(codings(locator, "Anouk")) == 2
    assert len(codings(locator, "Bram")) == 1
    window.close()


def test_coder_box_is_not_a_free_choice(qtbot: Any, tmp_path: Path) -> None:
    locator = str(tmp_path / "s.qcdb")
    with create_project(locator, "S") as project:
        seed(project)
    window = make_window(qtbot, locator, coder="Bram")
    for combo in window.toolbar.findChildren(QtWidgets.QComboBox):
        assert not any("(lead)" in combo.itemText(i) for i in range(combo.count()))
    with pytest.raises(Exception, match="switch coder"):
        window.project.act_as("Anouk")
    window.close()
