"""A coding's history from the audit trail, shown in the desktop app."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.project import open_project
from qualcode.ui.qt import QtCore
from tests.conftest import SAMPLE_TEXT
from tests.test_gui_workbench import locator, make_window, select  # noqa: F401

pytestmark = pytest.mark.gui


def test_history_button_shows_who_changed_a_coding(qtbot, locator, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    start = SAMPLE_TEXT.index("Mijn moeder")
    with open_project(locator) as project:
        coding = next(c for c in project.codings.list(coder="Anouk") if c.start == start)
        project.actor = "Bram"
        project.codings.update(coding.id, memo="moeder als eerste steun")
    window = make_window(qtbot, locator)
    select(window, "Mijn moeder")  # the cursor on the coded words lists their codings
    qtbot.waitUntil(lambda: window.details.codings.topLevelItemCount() > 0)
    items = [
        window.details.codings.topLevelItem(i)
        for i in range(window.details.codings.topLevelItemCount())
    ]
    mine = next(i for i in items if i.text(1) == "Anouk")
    window.details.codings.setCurrentItem(mine)
    assert window.details.history.isEnabled()
    qtbot.mouseClick(window.details.history, QtCore.Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "history_dialog", None) is not None)
    dialog = window.history_dialog
    rows = [
        [dialog.table.topLevelItem(r).text(c) for c in range(4)]
        for r in range(dialog.table.topLevelItemCount())
    ]
    assert [r[2] for r in rows] == ["created", "changed"]
    assert rows[1][1].startswith("Bram")
    assert "moeder als eerste steun" in rows[1][3]
    dialog.grab().save(str(tmp_path / "history.png"))
