"""File > Import or merge project and File > Export > Project, driven through the menus."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qualcode.core.project import create_project, open_project
from qualcode.io.exchange import export_qdpx, import_qdpx
from qualcode.ui.qt import QtCore, QtWidgets
from tests.exchange_helpers import FOCUS, build_rich_project, schema_errors, span
from tests.test_gui_integration import drive, make_window, menu_action


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    locator = str(tmp_path / "lead.qcdb")
    with create_project(locator, "Lead") as project:
        build_rich_project(project)
    win = make_window(qtbot, locator)
    yield win
    win.close()


def test_merge_a_coders_qdpx_with_plan_review_and_report(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.ui.merge_plan_dialog import MergePlanDialog
    from qualcode.ui.project_exchange import MergeReportDialog

    # Bram's copy: one new code and two new codings, handed back as .qdpx.
    bram = tmp_path / "bram.qcdb"
    export_qdpx(window.project, tmp_path / "lead.qdpx")
    import_qdpx(tmp_path / "lead.qdpx", str(bram))
    with open_project(str(bram)) as copy:
        copy.codebook.add("Herkenning", origin="inductive", coder="Bram")
        copy.codings.add("FG02", "Bram", "Herkenning", *span(FOCUS, "hetzelfde meemaakte"))
        copy.codings.add("FG02", "Bram", "Lotgenoten", *span(FOCUS, "minder alleen"))
        export_qdpx(copy, tmp_path / "bram.qdpx")

    monkeypatch.setattr(
        QtWidgets.QFileDialog,
        "getOpenFileName",
        lambda *a, **k: (str(tmp_path / "bram.qdpx"), ""),
    )

    def review(dialog: MergePlanDialog) -> None:
        rows = {dialog.table.item(r, 2).text(): r for r in range(dialog.table.rowCount())}
        assert dialog.table.item(rows["Herkenning"], 1).text() == "new"
        assert dialog.apply_button.isEnabled()
        dialog.apply_button.setFocus()
        qtbot.keyClick(dialog.apply_button, QtCore.Qt.Key.Key_Space)

    plans = drive(monkeypatch, MergePlanDialog, review)
    reports = drive(monkeypatch, MergeReportDialog, lambda dialog: None)
    menu_action(window, "&File", "Import or &merge project (.qdpx, .qcdb)…").trigger()
    assert len(plans) == 1 and len(reports) == 1
    text = reports[0].text.toPlainText()
    assert "codings: 2 added, 5 already there (not duplicated)" in text
    assert "codes: 1 added" in text
    assert window.project.info().codings == 7
    # The window follows: the new code is in the tree the user sees.
    assert any(c.path_text == "Herkenning" for c in window.codes.values())


def test_export_project_qdpx_and_copy_from_the_menu(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QtWidgets.QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "uit"), "")
    )
    menu_action(window, "&File", "&Export", "&Project as REFI-QDA (.qdpx)…").trigger()
    assert schema_errors(tmp_path / "uit.qdpx") == []
    assert "5 codings written" in window.statusBar().currentMessage()
    menu_action(window, "&File", "&Export", "Project &copy for sending (.qcdb)…").trigger()
    with open_project(str(tmp_path / "uit.qcdb")) as copy:
        assert copy.info().codings == 5


def test_a_broken_file_gives_one_message_and_changes_nothing(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_text("not a zip")
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    warnings: list[str] = []
    monkeypatch.setattr(
        QtWidgets.QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text)
    )
    menu_action(window, "&File", "Import or &merge project (.qdpx, .qcdb)…").trigger()
    assert len(warnings) == 1 and "not a zip archive" in warnings[0]
    assert window.project.info().codings == 5
