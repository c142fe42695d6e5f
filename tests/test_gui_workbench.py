"""The coding workbench driven through its real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import REPO, SAMPLE_TEXT, seed

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from PySide6 import QtTest  # noqa: E402

from qualcode.ui.qt import QtGui, QtWidgets  # noqa: E402


@pytest.fixture
def locator(tmp_path: Path) -> str:
    path = str(tmp_path / "study.qcdb")
    with create_project(path, "Test study") as project:
        seed(project)
    return path


def make_window(qtbot, locator: str, coder: str = "Anouk"):  # type: ignore[no-untyped-def]
    from qualcode.ui.main_window import MainWindow

    window = MainWindow(coder=coder)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    assert window.open_project(locator, remember=False)
    window.show_document_named("NI01")
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot, locator: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    win = make_window(qtbot, locator)
    yield win
    win.close()


def select(window, phrase: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start = SAMPLE_TEXT.index(phrase)
    cursor = QtGui.QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QtGui.QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    return start, start + len(phrase)


def codings(locator: str, coder: str = "Anouk") -> list[tuple[int, int, str]]:
    with open_project(locator) as project:
        names = {c.id: c.path_text for c in project.codebook.tree()}
        return [
            (c.start, c.end, names[c.code_id])
            for c in project.codings.list(document="NI01", coder=coder)
        ]


def tree_index(window, name: str):  # type: ignore[no-untyped-def]
    view = window.code_tree.findChild(QtWidgets.QTreeView)
    model = view.model()
    flags = QtCore.Qt.MatchFlag.MatchRecursive | QtCore.Qt.MatchFlag.MatchStartsWith
    found = model.match(model.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole, name, 1, flags)
    assert found, f"{name} not in the code tree"
    view.scrollTo(found[0])
    return view, found[0]


def test_code_by_double_click_then_undo_and_redo(qtbot, window, locator) -> None:
    before = window.view.highlight_count()
    span = select(window, "Mijn mentor hielp me")
    view, index = tree_index(window, "Mentor")
    # A real double-click starts with a press; item views ignore a bare double-click event.
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=centre)
    assert (*span, "Steungever / Mentor") in codings(locator)
    assert window.view.highlight_count() == before + 1
    with open_project(locator) as project:
        coding_id = next(
            c.id for c in project.codings.list(document="NI01", coder="Anouk") if c.start == span[0]
        )
    window.undo_stack.undo()
    assert (*span, "Steungever / Mentor") not in codings(locator)
    assert window.view.highlight_count() == before
    window.undo_stack.redo()
    with open_project(locator) as project:
        assert project.codings.get(coding_id).start == span[0]  # same id comes back
    assert window.view.highlight_count() == before + 1


def test_quick_code_box_applies_best_fuzzy_match(qtbot, window, locator) -> None:
    span = select(window, "we lachten veel samen")
    box = window.quick_code
    assert box.matches("emotionel")[0] == "Steungedrag / Emotionele steun"
    qtbot.keyClicks(box, "mentr")
    qtbot.keyClick(box, QtCore.Qt.Key.Key_Return)
    assert (*span, "Steungever / Mentor") in codings(locator)
    # Ctrl+1 re-applies the most recent code to a new selection.
    span2 = select(window, "Die waren er ook")
    window.view.setFocus()
    qtbot.keyClick(window.view, QtCore.Qt.Key.Key_1, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert (*span2, "Steungever / Mentor") in codings(locator)


def test_drop_code_onto_selection(qtbot, window, locator) -> None:
    from qualcode.ui.transcript_view import CODE_MIME

    span = select(window, "medestudenten")
    code_id = next(c.id for c in window.codes.values() if c.name == "Praktische steun")
    data = QtCore.QMimeData()
    data.setData(CODE_MIME, str(code_id).encode("ascii"))
    event = QtGui.QDropEvent(
        QtCore.QPointF(20, 20),
        QtCore.Qt.DropAction.CopyAction,
        data,
        QtCore.Qt.MouseButton.LeftButton,
        QtCore.Qt.KeyboardModifier(0),
    )
    window.view.dropEvent(event)
    assert (*span, "Steungedrag / Praktische steun") in codings(locator)


def test_inductive_and_in_vivo_codes_are_one_undo_step(qtbot, window, locator) -> None:
    from tests.test_gui_blind_round import when_modal

    view, index = tree_index(window, "Steungedrag")
    view.setCurrentIndex(index)  # selected, yet new codes go where the user says (issue 15)
    span = select(window, "we lachten veel samen")
    assert window.coding.new_inductive(name="Samen lachen")
    with open_project(locator) as project:
        code = project.codebook.get("Samen lachen")
        assert code.origin == "inductive"
    assert (*span, "Samen lachen") in codings(locator)
    window.undo_stack.undo()  # removes the coding and the code together
    with open_project(locator) as project:
        assert "Samen lachen" not in {c.name for c in project.codebook.tree()}
    window.undo_stack.redo()
    assert (*span, "Samen lachen") in codings(locator)

    start, end = select(window, "at gaf echt rust.")  # a half-selected first word
    when_modal(qtbot, lambda d: QtTest.QTest.keyClick(d.focusWidget(), QtCore.Qt.Key.Key_Return))
    assert window.coding.in_vivo()
    assert (start - 1, end, "Dat gaf echt rust") in codings(locator)
    assert window.undo_stack.count() == 2


def test_layers_change_what_is_highlighted(window) -> None:
    counts = {}
    for layer in ("mine", "all", "none", "Bram"):
        window.set_layer(layer)
        counts[layer] = window.view.highlight_count()
    assert counts == {"mine": 2, "all": 3, "none": 0, "Bram": 1}


def test_blind_document_hides_the_other_coder(qtbot, locator) -> None:
    with open_project(locator) as project:
        project.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
        project.coders.add("Carla", role="lead")
    bram = make_window(qtbot, locator, coder="Bram")
    bram.set_layer("all")
    assert bram.view.highlight_count() == 1  # only his own, though Anouk has two
    bram.close()
    anouk = make_window(qtbot, locator, coder="Anouk")
    anouk.set_layer("all")
    assert anouk.view.highlight_count() == 2  # a lead coding it blind is a coder there
    anouk.close()
    carla = make_window(qtbot, locator, coder="Carla")
    carla.set_layer("all")
    assert carla.view.highlight_count() == 3  # a lead who does not code it oversees it
    carla.close()


def test_details_pane_edits_memo_span_and_removes(qtbot, window, locator) -> None:
    start, _end = select(window, "Mijn moeder belde")
    cursor = QtGui.QTextCursor(window.view.document())
    cursor.setPosition(start + 2)
    window.view.setTextCursor(cursor)
    assert window.details.codings.topLevelItemCount() == 1  # Anouk's layer only
    window.details.memo.setPlainText("moeder als steun")
    window.details.save_memo.click()
    with open_project(locator) as project:
        memos = [c.memo for c in project.codings.list(document="NI01", coder="Anouk")]
    assert "moeder als steun" in memos
    select(window, "Mijn moeder belde elke dag.")
    coding_id = window.details.current_coding_id()
    window.details.set_span.click()
    with open_project(locator) as project:
        assert project.codings.get(coding_id).end == start + len("Mijn moeder belde elke dag.")
    view, index = tree_index(window, "Mentor")
    view.setCurrentIndex(index)
    window.details.recode.click()
    assert (start, start + 27, "Steungever / Mentor") in codings(locator)
    window.details.remove.click()
    assert len(codings(locator)) == 1
    for _ in range(4):
        window.undo_stack.undo()
    with open_project(locator) as project:
        restored = project.codings.get(coding_id)
        code = project.codebook.get(restored.code_id).name
    assert (restored.end - restored.start, restored.memo, code) == (28, "", "Moeder")


def test_find_bar_and_find_in_all_documents(qtbot, window) -> None:
    from qualcode.ui.find import FindAllDialog

    window.find_bar.open()
    window.find_bar.edit.setText("medestudenten")
    assert window.view.textCursor().selectedText() == "medestudenten"
    dialog = FindAllDialog(window.project, window)
    qtbot.addWidget(dialog)
    dialog.edit.setText("student")
    assert dialog.search() == 3  # Student: twice, medestudenten once
    jumps = []
    dialog.hitActivated.connect(lambda *hit: jumps.append(hit))
    dialog._activate(dialog.results.topLevelItem(1))
    assert jumps and jumps[0][1] == SAMPLE_TEXT.casefold().index("student", 50)


def test_find_in_all_documents_highlights_the_hit_words(qtbot, window) -> None:
    from qualcode.ui.find import HIT_COLOUR, SPAN_ROLE, FindAllDialog

    dialog = FindAllDialog(window.project, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.edit.setFocus()
    qtbot.keyClicks(dialog.edit, "medestudenten")
    qtbot.keyClick(dialog.edit, QtCore.Qt.Key.Key_Return)
    assert dialog.results.topLevelItemCount() == 1
    item = dialog.results.topLevelItem(0)
    snippet = item.text(1)
    assert "[" not in snippet and "]" not in snippet  # marked, not bracketed
    start, end = item.data(1, SPAN_ROLE)
    assert snippet[start:end].casefold() == "medestudenten"
    # The marker is painted: the hit's cell holds the highlight colour, the name cell not.
    image = dialog.results.viewport().grab().toImage()
    view = dialog.results

    def yellow_in(rect: QtCore.QRect) -> int:
        return sum(
            image.pixelColor(x, y) == HIT_COLOUR
            for x in range(rect.left(), rect.right())
            for y in range(rect.top(), rect.bottom())
        )

    hit_cell = view.visualItemRect(item).adjusted(view.columnViewportPosition(1), 0, 0, 0)
    name_cell = QtCore.QRect(hit_cell)
    name_cell.setLeft(0)
    name_cell.setRight(view.columnViewportPosition(1) - 1)
    assert yellow_in(hit_cell) > 50
    assert yellow_in(name_cell) == 0


def test_start_screen_lists_recent_projects(qtbot, locator) -> None:
    from qualcode.ui import project_flow
    from qualcode.ui.main_window import MainWindow

    project_flow.remember(locator)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.pages.currentWidget() is window.start
    assert window.start.recent.count() == 1
    window.start.openRequested.emit(
        window.start.recent.item(0).data(QtCore.Qt.ItemDataRole.UserRole + 1)
    )
    assert window.project is not None and window.pages.currentWidget() is window.workbench
    assert window.coder is not None and window.coder.name == "Anouk"  # the first lead
    window.close()


def test_worker_reports_progress_and_cancels(qtbot) -> None:
    from qualcode.ui.workers import Cancelled, Worker, run_with_progress

    done, result, error = run_with_progress(None, "Counting", lambda p: (p("", 1, 2), 42)[1])
    assert (done, result, error) == (True, 42, None)

    def forever(progress) -> None:  # type: ignore[no-untyped-def]
        while True:
            progress("working")
            QtCore.QThread.msleep(5)

    worker = Worker(forever)
    worker.start()
    QtCore.QThread.msleep(30)
    worker.cancel()
    assert worker.wait(2000)
    assert worker.was_cancelled and worker.error is None
    assert issubclass(Cancelled, Exception)


@pytest.mark.parametrize("with_project", [True, False], ids=["workbench", "start-screen"])
def test_screenshot_cli_writes_png(tmp_path: Path, locator: str, with_project: bool) -> None:
    out = tmp_path / "shot.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QUALCODE_SETTINGS": str(tmp_path / "cli.ini"),
    }
    project = [locator] if with_project else []
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "qualcode",
            "gui",
            *project,
            "--screenshot",
            str(out),
            "--size",
            "1100x700",
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    image = QtGui.QImage(str(out))
    assert out.stat().st_size > (10_000 if with_project else 3_000)
    assert (image.width(), image.height()) == (1100, 700)


def test_undo_in_another_document_brings_it_back(qtbot, window, locator) -> None:
    span = select(window, "Mijn mentor hielp me")
    mentor = next(c.id for c in window.codes.values() if c.name == "Mentor")
    assert window.coding.apply_code(mentor)
    first = window.document_id
    other = window.project.documents.add("NI02", "Student: Een ander gesprek.\n")
    window.show_document(other.id)
    window.undo_stack.undo()
    assert window.document_id == first  # the undone coding is on screen
    assert (*span, "Steungever / Mentor") not in codings(locator)
    window.show_document(other.id)
    window.undo_stack.redo()
    assert window.document_id == first
    assert window.view.highlight_count() == 3
