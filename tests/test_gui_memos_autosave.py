"""A coding memo typed without pressing "Save memo" is never lost (issue 15, defect 9)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import SAMPLE_TEXT, seed
from tests.test_gui_workbench import make_window

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from PySide6 import QtTest  # noqa: E402

from qualcode.ui.qt import QtGui  # noqa: E402

Qt = QtCore.Qt


@pytest.fixture
def locator(tmp_path: Path) -> str:
    path = str(tmp_path / "study.qcdb")
    with create_project(path, "Study") as project:
        seed(project)
    return path


def memo_of_moeder(locator: str) -> str:
    with open_project(locator) as project:
        (coding,) = [
            c for c in project.codings.list(document="NI01", coder="Anouk") if c.end - c.start == 28
        ]
        return coding.memo


def put_cursor_in_moeder(window: Any) -> None:
    cursor = QtGui.QTextCursor(window.view.document())
    cursor.setPosition(SAMPLE_TEXT.index("Mijn moeder") + 2)
    window.view.setTextCursor(cursor)


def test_memo_typed_then_window_closed_is_saved(qtbot: Any, locator: str) -> None:
    window = make_window(qtbot, locator)
    put_cursor_in_moeder(window)
    window.details.memo.setFocus()
    QtTest.QTest.keyClicks(window.details.memo, "moeder als steun")
    window.close()  # no click on "Save memo"
    assert memo_of_moeder(locator) == "moeder als steun"


def test_memo_saves_itself_while_typing_in_one_undo_step(qtbot: Any, locator: str) -> None:
    window = make_window(qtbot, locator)
    put_cursor_in_moeder(window)
    memo = window.details.memo
    memo.setFocus()
    QtTest.QTest.keyClicks(memo, "eerste")
    qtbot.waitUntil(lambda: memo_of_moeder(locator) == "eerste", timeout=3000)
    QtTest.QTest.keyClicks(memo, " en meer")
    qtbot.waitUntil(lambda: memo_of_moeder(locator) == "eerste en meer", timeout=3000)
    assert memo.toPlainText() == "eerste en meer"  # the refresh did not reset the box
    assert memo.textCursor().position() == len("eerste en meer")
    assert window.undo_stack.count() == 1  # the autosaves merged into one step
    window.undo_stack.undo()
    assert memo_of_moeder(locator) == ""
    window.close()
