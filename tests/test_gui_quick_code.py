"""Quick coding driven like a person: Ctrl+K, type, Enter in the popup (issue 15, 1-3)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import SAMPLE_TEXT, seed
from tests.test_gui_workbench import codings, make_window, select

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from PySide6 import QtTest  # noqa: E402

from qualcode.ui.qt import QtWidgets  # noqa: E402

Qt = QtCore.Qt
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def seeded(tmp_path: Path) -> str:
    path = str(tmp_path / "study.qcdb")
    with create_project(path, "Test study") as project:
        seed(project)
    return path


@pytest.fixture
def window(qtbot: Any, seeded: str) -> Any:
    win = make_window(qtbot, seeded)
    win.activateWindow()
    yield win
    win.close()


def quick_code(qtbot: Any, window: Any, typed: str) -> Any:
    """Ctrl+K from the transcript, type, and press Enter in the completer's popup."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.view.setFocus()
    QtTest.QTest.keyClick(window.view, Qt.Key.Key_K, CTRL)
    assert QtWidgets.QApplication.focusWidget() is window.quick_code
    QtTest.QTest.keyClicks(QtWidgets.QApplication.focusWidget(), typed)
    popup = window.quick_code.popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    QtTest.QTest.keyClick(popup, Qt.Key.Key_Down)  # highlight the best match
    QtTest.QTest.keyClick(popup, Qt.Key.Key_Return)
    return popup


def test_enter_in_the_popup_codes_once_with_one_undo_step(
    qtbot: Any, window: Any, seeded: str
) -> None:
    span = select(window, "Mijn mentor hielp me")
    before = window.undo_stack.count()
    quick_code(qtbot, window, "mentor")
    assert codings(seeded).count((*span, "Steungever / Mentor")) == 1
    assert window.undo_stack.count() == before + 1


def test_store_refuses_an_exact_duplicate_coding(project: Any) -> None:
    from qualcode.core.errors import DomainError

    seed(project)
    start = SAMPLE_TEXT.index("Mijn moeder")
    with pytest.raises(DomainError, match="already"):
        project.codings.add("NI01", "Anouk", "Steungever / Moeder", start, start + 28)
    assert len(project.codings.list(coder="Anouk", code="Steungever / Moeder")) == 1


def test_after_quick_coding_ctrl_z_undoes_the_coding_from_anywhere(
    qtbot: Any, window: Any, seeded: str
) -> None:
    span = select(window, "Mijn mentor hielp me")
    popup = quick_code(qtbot, window, "mentor")
    assert not popup.isVisible()
    focus = QtWidgets.QApplication.focusWidget()
    assert focus is window.view  # back in the transcript, ready for the next passage
    QtTest.QTest.keyClick(focus, Qt.Key.Key_Z, CTRL)
    assert (*span, "Steungever / Mentor") not in codings(seeded)
    QtTest.QTest.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Y, CTRL)
    assert (*span, "Steungever / Mentor") in codings(seeded)
    # From the code tree too (not a text field): Ctrl+Z undoes the project action.
    window.code_tree.setFocus()
    QtTest.QTest.keyClick(QtWidgets.QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert (*span, "Steungever / Mentor") not in codings(seeded)


def test_ctrl_z_while_typing_in_a_name_field_undoes_the_text(
    qtbot: Any, window: Any, seeded: str
) -> None:
    span = select(window, "Mijn mentor hielp me")
    quick_code(qtbot, window, "mentor")
    window.quick_code.setFocus()
    QtTest.QTest.keyClicks(window.quick_code, "abc")
    QtTest.QTest.keyClick(window.quick_code, Qt.Key.Key_Z, CTRL)
    assert window.quick_code.text() != "abc"  # the typing was undone
    assert (*span, "Steungever / Mentor") in codings(seeded)  # the coding stays


def test_ranking_prefers_the_last_path_segment(window: Any) -> None:
    with open_project(window.project.locator) as project:
        project.codebook.add("Effect van ervaren steun", coder="Anouk")
    window.reload_codes()
    found = window.quick_code.matches("prakt steun")
    assert found[0] == "Steungedrag / Praktische steun"
