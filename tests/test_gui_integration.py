"""The project-level menus driven offscreen: import, Word report, agreement, codebook
exchange, releases. Modal dialogs are driven by replacing their ``exec`` with a function
that works the real widgets, then accepts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.agreement_project_helpers import two_coder_project
from tests.conftest import seed

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from qualcode.ui.qt import QtGui, QtWidgets  # noqa: E402

ACCEPTED = QtWidgets.QDialog.DialogCode.Accepted


def make_window(qtbot: Any, locator: str, coder: str = "Anouk") -> Any:
    from qualcode.ui.main_window import MainWindow

    window = MainWindow(coder=coder)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    assert window.open_project(locator, remember=False)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Iterator[Any]:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Test study") as project:
        seed(project)
    win = make_window(qtbot, locator)
    yield win
    win.close()


def menu_action(window: Any, *texts: str) -> QtGui.QAction:
    """The action reached by menu texts, e.g. ("&File", "&Export", "&Word report…")."""
    actions = window.menuBar().actions()
    for depth, text in enumerate(texts):
        found = next((a for a in actions if a.text() == text), None)
        assert found is not None, f"no menu entry {text!r} in {[a.text() for a in actions]}"
        if depth == len(texts) - 1:
            return found
        actions = found.menu().actions()
    raise AssertionError("no texts")


def drive(monkeypatch: pytest.MonkeyPatch, cls: type, work: Callable[[Any], object]) -> list[Any]:
    """Replace ``cls.exec``: ``work(dialog)`` runs instead, then the dialog is accepted."""
    seen: list[Any] = []

    def exec_(self: Any) -> QtWidgets.QDialog.DialogCode:
        seen.append(self)
        if work(self) is False:
            return QtWidgets.QDialog.DialogCode.Rejected
        return ACCEPTED

    monkeypatch.setattr(cls, "exec", exec_)
    return seen


def transcripts(folder: Path) -> Path:
    folder.mkdir()
    (folder / "int01.txt").write_text(
        "Interviewer: Hoe ging het?\n\nStudent: De coach hielp me enorm met plannen.\n",
        encoding="utf-8",
    )
    (folder / "int02.txt").write_text(
        "Interviewer: En daarna?\n\nStudent: Ik voelde me minder alleen op school.\n",
        encoding="utf-8",
    )
    return folder


# Import ---------------------------------------------------------------------------------
def test_import_a_folder_through_the_dialog(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.ui.import_dialog import ImportDialog
    from qualcode.ui.import_report import ImportReportDialog

    folder = transcripts(tmp_path / "in")

    def fill(dialog: ImportDialog) -> None:
        assert not dialog.import_button.isEnabled()  # nothing chosen yet
        dialog.add_paths([folder])
        assert dialog.import_button.isEnabled()
        dialog.fields["intervention"].setCurrentText("Peercoaching")
        dialog.fields["institution"].setCurrentText("Avans")
        dialog.add_attribute("cohort", "2025")
        dialog.language.setCurrentIndex(dialog.language.findData("nl"))
        assert not dialog.save_key.isEnabled()  # only with pseudonymise
        dialog.pseudonymise.setChecked(True)
        assert dialog.save_key.isEnabled() and not dialog.key_row.isEnabled()
        dialog.pseudonymise.setChecked(False)
        dialog.import_button.click()

    drive(monkeypatch, ImportDialog, fill)
    reports = drive(monkeypatch, ImportReportDialog, lambda dialog: None)
    assert documents_in_browser(window) == {"NI01"}
    menu_action(window, "&File", "&Import transcripts…").trigger()
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=10000)
    report = reports[0]
    assert report.summary.text().startswith("2 imported, 0 skipped, 0 failed")
    assert [report.table.item(r, 0).text() for r in range(2)] == ["int01.txt", "int02.txt"]
    names = {d.name: d for d in window.project.documents.list()}
    assert {"int01", "int02"} <= set(names)
    assert names["int01"].attributes["intervention"] == "Peercoaching"
    assert names["int01"].attributes["cohort"] == "2025"
    assert names["int02"].language == "nl"
    assert documents_in_browser(window) == {"NI01", "int01", "int02"}


def documents_in_browser(window: Any) -> set[str]:
    model = window.browser.view.model()
    return {str(model.index(r, 0).data()) for r in range(model.rowCount())}


def test_cancel_stops_between_files_and_keeps_the_report(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    from qualcode.ui.import_dialog import ImportOptions, import_job
    from qualcode.ui.project_jobs import notices_on_gui_thread
    from qualcode.ui.workers import Worker

    folder = transcripts(tmp_path / "in")
    worker = Worker(import_job(window.project, ImportOptions(paths=[folder])))
    # Cancel as soon as the first file is announced: that file completes, the next not.
    # A direct connection cancels on the worker thread at once; a queued one could arrive
    # after both small files are done.
    worker.progressed.connect(
        lambda _m, done, _t: worker.cancel() if done == 0 else None,
        QtCore.Qt.ConnectionType.DirectConnection,
    )
    with notices_on_gui_thread(window.project):
        worker.start()
        qtbot.waitUntil(worker.isFinished, timeout=10000)
    outcome = worker.result
    assert outcome.cancelled and outcome.remaining == 1
    assert [d.name for d in outcome.report.imported] == ["int01"]
    assert "int01" in documents_in_browser(window)  # the notice reached the GUI thread
    assert "int02" not in {d.name for d in window.project.documents.list()}


# Word report ----------------------------------------------------------------------------
def test_word_report_from_the_menu(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import docx

    from qualcode.ui.report_dialog import ReportDialog

    window.project.documents.add(
        "NI02", "Student: Samen koken hielp.", attributes={"intervention": "Kookclub"}
    )
    window.project.codings.add("NI02", "Anouk", "Steungedrag / Praktische steun", 9, 26)
    out = tmp_path / "out" / "rapport"

    def fill(dialog: ReportDialog) -> None:
        assert dialog.by.currentText() == "intervention"
        dialog.out.setText(str(out))
        dialog.quotes.setValue(2)
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        dialog.write_button.click()

    drive(monkeypatch, ReportDialog, fill)
    menu_action(window, "&File", "&Export", "&Word report…").trigger()
    written = out.with_name("rapport.docx")
    qtbot.waitUntil(written.exists, timeout=15000)
    headings = [
        p.text for p in docx.Document(str(written)).paragraphs if p.style.name == "Heading 1"
    ]
    assert any("Kookclub" in h for h in headings)
    assert any("Welzijnscoach" in h for h in headings)


# Agreement ------------------------------------------------------------------------------
def test_agreement_panel_jumps_to_a_disagreement(qtbot: Any, tmp_path: Path) -> None:
    locator = str(tmp_path / "agree.qcdb")
    with create_project(locator, "Agreement") as project:
        spans = two_coder_project(project)
    window = make_window(qtbot, locator)
    menu_action(window, "&Analysis", "Inter-coder &agreement…").trigger()
    dock = window.panel_docks["agreement"]
    assert dock.isVisible()
    panel = dock.widget()
    panel.bootstrap.setValue(100)
    panel.compute_button.click()
    qtbot.waitUntil(lambda: panel.result is not None and not panel.is_running(), timeout=20000)
    assert panel.dis_model.rowCount() == 2
    panel.tabs.setCurrentIndex(2)
    index = panel.dis_model.index(1, 0)
    rect = panel.dis_view.visualRect(index)
    # A real double-click: press and release, then the double-click on the same row.
    for click in (qtbot.mouseClick, qtbot.mouseDClick):
        click(panel.dis_view.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=rect.center())
    d = panel.dis_model.disagreement(1)
    assert window.document_id == d.document_id
    cursor = window.view.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (d.start, d.end)
    assert (d.start, d.end) in (spans[3], spans[4])
    window.close_project()  # the dock goes with the project
    assert window.panel_docks == {}
    window.close()


# Codebook exchange ----------------------------------------------------------------------
def test_codebook_import_resolves_a_conflict_before_apply(
    qtbot: Any, window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.core.codebook_spec import CodebookSpec, CodeNode
    from qualcode.io.codebook_formats import write_codebook
    from qualcode.ui.merge_plan_dialog import MergePlanDialog

    project = window.project
    project.codebook.add("Overig", parent="Steungever", coder="Anouk")
    project.codebook.add("Overig", parent="Steungedrag", coder="Anouk")
    # Another coder's codebook: own guids, so only paths and names can match.
    incoming = CodebookSpec(
        name="Bram",
        codes=[
            CodeNode("Steungever", children=[CodeNode("Buren", definition="Steun van buren")]),
            CodeNode("Overig", definition="Wat nergens past"),  # two base codes score 100
            CodeNode("Weggooien"),
        ],
    )
    path = tmp_path / "incoming.yaml"
    write_codebook(incoming, path)
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QtWidgets.QMessageBox, "information", lambda *a, **k: None)

    def review(dialog: MergePlanDialog) -> None:
        rows = {dialog.table.item(r, 2).text(): r for r in range(dialog.table.rowCount())}
        conflict = rows["Overig"]
        assert dialog.table.item(conflict, 1).text() == "conflict"
        assert not dialog.apply_button.isEnabled()
        assert "1 conflict" in dialog.status.text()
        entry = dialog.plan.entries[conflict]
        target = next(c for c in entry.candidates if c.path == ("Steungedrag", "Overig"))
        dialog.choose_target(conflict, target.guid)
        assert dialog.apply_button.isEnabled()
        assert dialog.table.item(rows["Steungever / Buren"], 1).text() == "new"
        dialog.table.item(rows["Weggooien"], 0).setCheckState(QtCore.Qt.CheckState.Unchecked)
        assert not dialog.plan.entries[rows["Weggooien"]].accept
        dialog.apply_button.click()

    seen = drive(monkeypatch, MergePlanDialog, review)
    menu_action(window, "&File", "Import &codebook…").trigger()
    assert len(seen) == 1
    paths = {c.path_text for c in project.codebook.tree()}
    assert "Steungever / Buren" in paths
    assert "Weggooien" not in paths
    overig = next(c for c in project.codebook.tree() if c.path_text == "Steungedrag / Overig")
    assert overig.definition == "Wat nergens past"  # empty in base: taken from incoming
    assert any(c.path_text == "Steungever / Buren" for c in window.codes.values())


def test_codebook_and_codings_export(
    window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.io.codebook_formats import read_codebook
    from qualcode.ui.codebook_exchange import export_filters

    qdc_filter = next(f for f, ext in export_filters() if ext == ".qdc")
    monkeypatch.setattr(
        QtWidgets.QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "boek"), qdc_filter),
    )
    menu_action(window, "&File", "&Export", "&Codebook…").trigger()
    spec = read_codebook(tmp_path / "boek.qdc")
    assert {n.name for _p, n in spec.walk()} >= {"Steungever", "Moeder", "Emotionele steun"}
    monkeypatch.setattr(
        QtWidgets.QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(tmp_path / "codings.csv"), ""),
    )
    menu_action(window, "&File", "&Export", "Codings (&CSV)…").trigger()
    lines = (tmp_path / "codings.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 3


# Versions -------------------------------------------------------------------------------
def test_release_and_compare_versions(
    qtbot: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qualcode.ui.versions_dialogs import CompareDialog, ReleaseDialog

    def fill(dialog: ReleaseDialog) -> bool:
        assert not dialog.release_button.isEnabled()
        dialog.label.setText("v1")
        dialog.note.setPlainText("na kalibratie")
        dialog.release_button.click()
        return dialog.result() == ACCEPTED

    drive(monkeypatch, ReleaseDialog, fill)
    release = menu_action(window, "Code&book", "&Release version…")
    assert release.isEnabled()
    release.trigger()
    versions = window.project.versions.list()
    assert [(v.label, v.note, v.released_by) for v in versions] == [
        ("v1", "na kalibratie", "Anouk")
    ]
    window.project.codebook.add("Buren", parent="Steungever", coder="Anouk")
    menu_action(window, "Code&book", "&Compare versions…").trigger()
    dialog = window.findChild(CompareDialog)
    assert dialog.older.currentData() == "v1" and dialog.newer.currentData() == "working"
    assert "Buren" in dialog.text.toPlainText()
    assert dialog.text.isReadOnly()
    dialog.newer.setCurrentIndex(0)
    assert dialog.text.toPlainText() == "Choose two different versions."
    dialog.close()
    window.set_coder("Bram")  # not a lead: the entry is disabled
    assert not release.isEnabled()
    with open_project(window.project.locator) as other:
        assert [v.label for v in other.versions.list()] == ["v1"]


def test_other_panels_open_in_docks(qtbot: Any, window: Any) -> None:
    """The quotes and analysis panels open from the Analysis menu in docks."""
    from qualcode.ui.project_menus import analysis_panels

    panels = [(key, text) for _module, _cls, key, text in analysis_panels()]
    assert [key for key, _ in panels] == ["quotes", "analysis"]
    for key, text in panels:
        menu_action(window, "&Analysis", text).trigger()
        dock = window.panel_docks[key]
        assert dock.isVisible() and dock.widget() is not None
    window.close_project()
    assert window.panel_docks == {}
    assert not menu_action(window, "&Analysis", "Inter-coder &agreement…").isEnabled()
