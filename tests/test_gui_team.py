"""Done when: two windows with two logins on one PostgreSQL project see each other's
codings appear within 2 s, driven through the real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.team_helpers import TEXT, TeamServer

pytestmark = [pytest.mark.gui, pytest.mark.postgres]

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from qualcode.ui.qt import QtGui, QtWidgets  # noqa: E402


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("QUALCODE_SETTINGS", str(path))
    return path


def open_window(qtbot, url: str):  # type: ignore[no-untyped-def]
    from qualcode.ui.main_window import MainWindow

    window = MainWindow()
    window.quiet = True
    qtbot.addWidget(window)
    window.resize(1100, 700)
    assert window.open_project(url, remember=False)
    window.show_document_named("NI01")
    window.show()
    qtbot.waitExposed(window)
    # Layers > All coders: see every coder's codings.
    next(a for a in window.layer_menu.actions() if a.text() == "All coders").trigger()
    assert window.layer == "all"
    return window


def code_with_quick_box(qtbot, window, phrase: str, code: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start = TEXT.index(phrase)
    cursor = QtGui.QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QtGui.QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClicks(window.quick_code, code)
    qtbot.keyClick(window.quick_code, QtCore.Qt.Key.Key_Return)
    return start, start + len(phrase)


def spans_by(window, coder: str) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    ids = {c.id for c in window.coders.values() if c.name == coder}
    return {(c.start, c.end) for c in window.visible.values() if c.coder_id in ids}


def tree_count(window, name: str) -> str:  # type: ignore[no-untyped-def]
    view = window.code_tree.findChild(QtWidgets.QTreeView)
    model = view.model()
    flags = QtCore.Qt.MatchFlag.MatchRecursive | QtCore.Qt.MatchFlag.MatchStartsWith
    (found,) = model.match(model.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole, name, 1, flags)
    return str(found.siblingAtColumn(1).data() or "")


def test_two_coders_see_each_others_codings_within_two_seconds(qtbot, team: TeamServer) -> None:  # type: ignore[no-untyped-def]
    bram = open_window(qtbot, team.urls["bram"])
    carla = open_window(qtbot, team.urls["carla"])
    try:
        # Identity is the login: shown in the coder box, not a choice.
        assert bram.coder.name == "Bram" and carla.coder.name == "Carla"
        assert not bram.coder_button.isEnabled()
        before = carla.view.highlight_count()

        began = time.monotonic()
        span = code_with_quick_box(qtbot, bram, "Mijn moeder belde", "moeder")
        assert span in spans_by(bram, "Bram")
        qtbot.waitUntil(lambda: span in spans_by(carla, "Bram"), timeout=2000)
        assert time.monotonic() - began < 2.0
        assert carla.view.highlight_count() == before + 1
        qtbot.waitUntil(lambda: tree_count(carla, "Moeder") == "1", timeout=2000)

        began = time.monotonic()
        other = code_with_quick_box(qtbot, carla, "Mijn mentor hielp", "mentor")
        qtbot.waitUntil(lambda: other in spans_by(bram, "Carla"), timeout=2000)
        assert time.monotonic() - began < 2.0

        # Carla's window cannot remove Bram's coding: the service refuses, nothing changes.
        bram_coding = next(c.id for c in carla.visible.values() if (c.start, c.end) == span)
        assert not carla.coding.remove(bram_coding)
        assert span in spans_by(bram, "Bram")
        # Undo in Bram's window removes his coding; Carla sees it go.
        bram.undo_stack.undo()
        qtbot.waitUntil(lambda: span not in spans_by(carla, "Bram"), timeout=2000)
    finally:
        bram.close()
        carla.close()
