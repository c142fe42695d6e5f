"""Agreement panel: choosing documents, notes in full, decisions marked, the consensus
layer named at once, and the Word report written from the panel (issue 15, defect 6)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project
from tests.conftest import SAMPLE_TEXT, seed
from tests.test_gui_blind_round import when_modal
from tests.test_gui_integration import menu_action
from tests.test_gui_workbench import make_window

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from PySide6 import QtTest  # noqa: E402

from qualcode.ui.qt import QtWidgets  # noqa: E402

Qt = QtCore.Qt


@pytest.fixture
def locator(tmp_path: Path) -> str:
    path = str(tmp_path / "study.qcdb")
    with create_project(path, "Study") as project:
        seed(project)
        project.documents.add("NI02", SAMPLE_TEXT.replace("moeder", "vader"))
        project.codings.add("NI02", "Anouk", "Steungever / Mentor", 0, 12)  # Bram: nothing
    return path


def test_panel_documents_notes_decisions_consensus_and_word(
    qtbot: Any, locator: str, tmp_path: Path
) -> None:
    window = make_window(qtbot, locator)
    menu_action(window, "&Analysis", "Inter-coder &agreement…").trigger()
    panel = window.panel_docks["agreement"].widget()
    ticked = {
        panel.document_list.item(r).text(): panel.document_list.item(r).checkState()
        for r in range(panel.document_list.count())
    }
    assert ticked == {"NI01": Qt.CheckState.Checked, "NI02": Qt.CheckState.Unchecked}
    assert panel.left_out.text() == "Left out (1): NI02"
    panel.bootstrap.setValue(50)
    qtbot.mouseClick(panel.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result is not None and not panel.is_running(), timeout=20000)
    assert panel.result.settings.documents == ("NI01",) or list(
        panel.result.settings.documents
    ) == ["NI01"]
    if panel.result.notes:  # "1 note(s)" comes with the text of the note
        for note in panel.result.notes:
            assert note in panel.notes.text()

    # Adjudicate the first disagreement: the row is marked, the consensus layer is named.
    assert panel.dis_model.rowCount() > 0
    panel.tabs.setCurrentIndex(2)
    panel.dis_view.selectRow(0)
    qtbot.mouseClick(panel.accept_a, Qt.MouseButton.LeftButton)
    last = panel.dis_model.columnCount() - 1
    assert panel.dis_model.headerData(last, Qt.Orientation.Horizontal) == "Decision"
    assert panel.dis_model.index(0, last).data().startswith("✓")
    assert "consensus" in {c.name for c in window.coders.values()}
    assert window.layer_combo.findData("consensus") >= 0  # no restart needed

    # Word export from the panel, through the save dialog, next to the project.
    target = tmp_path / "overeenstemming.docx"
    folders: list[str] = []

    def save(dialog: QtWidgets.QWidget) -> None:
        folders.append(dialog.directory().absolutePath())
        name = dialog.findChild(QtWidgets.QLineEdit, "fileNameEdit")
        name.selectAll()
        QtTest.QTest.keyClicks(name, target.name)  # the dialog opens next to the project
        QtTest.QTest.keyClick(name, Qt.Key.Key_Return)

    when_modal(qtbot, save)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert folders == [str(Path(locator).parent)]
    assert target.is_file()
    import docx

    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Anouk" in text and "Bram" in text
    window.close()
