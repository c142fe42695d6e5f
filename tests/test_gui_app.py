"""App-level flows: the sample project on a worker thread, settings, layer flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.project import create_project
from tests.conftest import seed

pytestmark = pytest.mark.gui


def fake_build(folder: Path, *, progress=None, **_kw):  # type: ignore[no-untyped-def]
    """Stands in for the real sample build (which imports ten transcripts)."""
    folder.mkdir(parents=True, exist_ok=True)
    for step in ("codebooks", "transcripts", "codings"):
        if progress:
            progress(step)
    with create_project(str(folder / "sample.qcdb"), "Sample") as project:
        seed(project)


def test_open_sample_builds_on_a_worker_then_opens(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import qualcode.demo
    from qualcode.ui import project_flow
    from qualcode.ui.main_window import MainWindow

    monkeypatch.setattr(qualcode.demo, "build_demo", fake_build)
    window = MainWindow()
    qtbot.addWidget(window)
    assert project_flow.open_sample(window, tmp_path / "sample")
    assert window.project is not None
    assert window.view.toPlainText().startswith("Interviewer:")
    assert project_flow.recent_projects() == [str(tmp_path / "sample" / "sample.qcdb")]
    window.close()


def test_failed_sample_build_leaves_nothing_behind(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import qualcode.demo
    from qualcode.ui import project_flow
    from qualcode.ui.main_window import MainWindow

    def broken(folder: Path, **_kw: object) -> None:
        folder.mkdir(parents=True)
        raise OSError("disk full")

    monkeypatch.setattr(qualcode.demo, "build_demo", broken)
    monkeypatch.setattr(
        project_flow.QtWidgets.QMessageBox, "warning", staticmethod(lambda *a, **k: None)
    )
    window = MainWindow()
    qtbot.addWidget(window)
    assert not project_flow.open_sample(window, tmp_path / "sample")
    assert not (tmp_path / "sample").exists()
    assert window.project is None


def test_layer_coder_and_layout_are_remembered(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qualcode.ui.main_window import MainWindow

    locator = str(tmp_path / "study.qcdb")
    with create_project(locator) as project:
        seed(project)
    first = MainWindow()
    qtbot.addWidget(first)
    first.open_project(locator)
    first.set_coder("Bram")
    first.set_layer("all")
    mentor = next(c.id for c in first.codes.values() if c.name == "Mentor")
    first.coding._remember(mentor)
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.start.recent.count() == 1
    second.open_project(locator)
    assert second.coder is not None and second.coder.name == "Bram"
    assert second.layer == "all"
    assert second.layer_combo.currentData() == "all"
    assert second.coding.recent == [mentor]  # Ctrl+1 still means Mentor here
    second.close()


def test_gui_command_options_reach_the_window(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from qualcode import cli
    from qualcode.commands import display_check
    from qualcode.ui import app

    seen = {}
    monkeypatch.setattr(app, "run", lambda options: seen.setdefault("options", options) and 0)
    # The tests run offscreen, where an interactive window would be invisible and `gui`
    # refuses (see test_gui_newcomer.py); here only the options matter.
    monkeypatch.setattr(display_check, "display_problem", lambda env=None: None)
    assert (
        cli.main(
            [
                "gui",
                "x.qcdb",
                "--coder",
                "Bram",
                "--layer",
                "none",
                "--language",
                "nl",
                "--document",
                "NI01",
            ]
        )
        == 0
    )
    options = seen["options"]
    assert (options.locator, options.coder, options.layer, options.language, options.document) == (
        "x.qcdb",
        "Bram",
        "none",
        "nl",
        "NI01",
    )


def test_first_coding_in_a_project_without_coders_asks_who_codes(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, monkeypatch
) -> None:
    from qualcode.ui.main_window import MainWindow
    from qualcode.ui.qt import QtWidgets

    locator = str(tmp_path / "new.qcdb")
    with create_project(locator) as project:
        project.documents.add("T1", "Student: Ik vond het fijn.")
        code = project.codebook.add("Positief")
    monkeypatch.setattr(
        QtWidgets.QInputDialog, "getText", staticmethod(lambda *a, **k: ("Sanne", True))
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project(locator, remember=False)
    assert window.coder is None
    window.view.select_span(9, 26)
    assert window.coding.apply_code(code.id)
    assert window.coder is not None and (window.coder.name, window.coder.role) == ("Sanne", "lead")
    assert [(c.start, c.end) for c in window.project.codings.list(coder="Sanne")] == [(9, 26)]
    window.close()


def test_switching_language_live_keeps_project_document_and_history(  # type: ignore[no-untyped-def]
    qtbot, tmp_path
) -> None:
    from qualcode.ui import app, i18n
    from qualcode.ui.main_window import MainWindow

    locator = str(tmp_path / "study.qcdb")
    with create_project(locator) as project:
        seed(project)
    window = MainWindow()
    qtbot.addWidget(window)
    window.open_project(locator, remember=False)
    window.view.select_span(0, 12)
    mentor = next(c.id for c in window.codes.values() if c.name == "Mentor")
    assert window.coding.apply_code(mentor)
    try:
        dutch = app.switch_language(window, "nl")
        qtbot.addWidget(dutch)
        assert dutch.menuBar().actions()[0].text() == "&Bestand"
        assert dutch.project is not None and dutch.document_id == window.document_id
        assert dutch.undo_stack.count() == 1
        dutch.undo_stack.undo()  # the coding made before the switch
        assert dutch.view.highlight_count() == 2
        english = app.switch_language(dutch, "en")
        qtbot.addWidget(english)
        assert english.menuBar().actions()[0].text() == "&File"
        english.close()
    finally:
        i18n.install_translator(app.ensure_app(), "en")
