"""New inductive and in-vivo codes go where the user says (issue 15, defect 4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import seed
from tests.test_gui_blind_round import when_modal
from tests.test_gui_workbench import codings, make_window, select, tree_index

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from PySide6 import QtTest  # noqa: E402

from qualcode.ui.qt import QtWidgets  # noqa: E402

Qt = QtCore.Qt
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        seed(project)
        project.codebook.add("Inductief", coder="Anouk")
    win = make_window(qtbot, locator)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    yield win
    win.close()


def paths(window: Any) -> set[str]:
    with open_project(window.project.locator) as project:
        return {c.path_text for c in project.codebook.tree()}


def test_in_vivo_asks_for_name_and_parent_not_the_selected_code(qtbot: Any, window: Any) -> None:
    view, index = tree_index(window, "Mentor")
    view.setCurrentIndex(index)  # a deductive code happens to be selected
    start, end = select(window, "Mijn mentor hielp me met een planning.")
    seen: list[str] = []

    def answer(dialog: QtWidgets.QWidget) -> None:
        seen.append(dialog.where.text())
        assert dialog.name.text() == "Mijn mentor hielp me met een planning"
        name = dialog.focusWidget()
        assert name is dialog.name
        QtTest.QTest.keyClick(name, Qt.Key.Key_A, CTRL)
        QtTest.QTest.keyClicks(name, "Hulp bij planning")  # edited before it exists
        QtTest.QTest.keyClick(name, Qt.Key.Key_Tab)
        combo = dialog.focusWidget()
        assert combo is dialog.parent_box
        QtTest.QTest.keyClicks(combo, "Inductief")  # keyboard search in the parents
        seen.append(dialog.where.text())
        QtTest.QTest.keyClick(dialog.remember, Qt.Key.Key_Space)
        QtTest.QTest.keyClick(combo, Qt.Key.Key_Return)

    when_modal(qtbot, answer)
    window.view.setFocus()
    QtTest.QTest.keyClick(window.view, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=3000)
    assert seen[0] == "The code is created at the top level of the codebook."
    assert seen[1] == "The code is created under “Inductief”."
    assert "Inductief / Hulp bij planning" in paths(window)
    assert "Steungever / Mentor / Hulp bij planning" not in paths(window)
    assert (start, end, "Inductief / Hulp bij planning") in codings(window.project.locator)

    # The remembered parent is the default next time; Escape creates nothing.
    select(window, "we lachten veel samen")
    defaults: list[str] = []

    def cancel(dialog: QtWidgets.QWidget) -> None:
        defaults.append(dialog.parent_box.currentText())
        QtTest.QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)

    when_modal(qtbot, cancel)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.view.setFocus()
    QtTest.QTest.keyClick(window.view, Qt.Key.Key_N, CTRL | Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(defaults), timeout=3000)
    assert defaults == ["Inductief"]
    assert len(paths(window)) == 8  # seven before, plus the one in-vivo code


def test_filtering_the_tree_does_not_change_what_ctrl_return_applies(
    qtbot: Any, window: Any
) -> None:
    view, index = tree_index(window, "Mentor")
    view.setCurrentIndex(index)
    tree = window.code_tree
    QtTest.QTest.keyClicks(tree.filter, "moed")  # hides Mentor, shows Moeder
    span = select(window, "we lachten veel samen")
    window.view.setFocus()
    QtTest.QTest.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert not any(c[:2] == span for c in codings(window.project.locator))
    # Filtering so that Mentor shows again and selecting it applies Mentor.
    tree.filter.clear()
    QtTest.QTest.keyClicks(tree.filter, "ment")
    view, index = tree_index(window, "Mentor")
    view.setCurrentIndex(index)
    window.view.setFocus()
    QtTest.QTest.keyClick(window.view, Qt.Key.Key_Return, CTRL)
    assert (*span, "Steungever / Mentor") in codings(window.project.locator)


def test_new_sub_code_takes_a_shade_of_its_parent(qtbot: Any, window: Any) -> None:
    from dataclasses import replace

    from qualcode.ui.code_dialogs import HeadlessPrompts

    offered: list[str] = []

    class Recording(HeadlessPrompts):
        def edit_code(self, title: str, fields: Any) -> Any:
            offered.append(fields.colour)
            return replace(fields, name="Buren")

    window.code_tree.prompts = Recording()
    view, index = tree_index(window, "Steungever")
    view.setCurrentIndex(index)
    assert window.code_tree.new_subcode()
    parent = next(c for c in window.codes.values() if c.name == "Steungever")
    child = next(c for c in window.codes.values() if c.name == "Buren")
    assert offered == [child.colour] and child.colour not in ("", parent.colour)
    from qualcode.ui.qt import QtGui

    assert QtGui.QColor(child.colour).hslHue() == QtGui.QColor(parent.colour).hslHue()
    assert QtGui.QColor(child.colour).lightness() > QtGui.QColor(parent.colour).lightness()


def test_move_code_to_another_parent_and_back_to_the_top(qtbot: Any, window: Any) -> None:
    from qualcode.ui.code_dialogs import HeadlessPrompts

    tree = window.code_tree
    prompts = HeadlessPrompts()
    tree.prompts = prompts
    with open_project(window.project.locator) as project:
        prompts.move_target = project.codebook.get("Steungedrag").guid
    view, index = tree_index(window, "Mentor")
    view.setCurrentIndex(index)
    assert tree.move_action.isEnabled() and tree.move_action.text() == "Mo&ve to…"
    tree.move_action.trigger()
    assert "Steungedrag / Mentor" in paths(window)
    prompts.move_target = ""
    tree.move_action.trigger()
    assert "Mentor" in paths(window)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert "Steungever / Mentor" in paths(window)


def test_find_in_all_documents_then_code_all_hits(qtbot: Any, window: Any) -> None:
    from qualcode.ui.find import FindAllDialog
    from tests.test_gui_integration import menu_action

    view, index = tree_index(window, "Mentor")
    view.setCurrentIndex(index)
    menu_action(window, "&Edit", "Find in &all documents…").trigger()
    dialog = window.findChild(FindAllDialog)
    QtTest.QTest.keyClicks(dialog.edit, "mijn")
    QtTest.QTest.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert len(dialog.hits()) == 2  # "Mijn moeder", "Mijn mentor"
    before = len(codings(window.project.locator))
    QtTest.QTest.mouseClick(dialog.code_all, Qt.MouseButton.LeftButton)
    coded = codings(window.project.locator)
    assert len(coded) == before + 2
    assert all(c[2] == "Steungever / Mentor" for c in coded if c[1] - c[0] == 4)
    QtTest.QTest.mouseClick(dialog.code_all, Qt.MouseButton.LeftButton)  # again: no twins
    assert len(codings(window.project.locator)) == before + 2
    assert window.undo_stack.count() == 1  # the second click left no empty step
    window.undo_stack.undo()
    assert len(codings(window.project.locator)) == before
    dialog.close()
