"""The document browser: model checks, filters, coding counts, assignment, attributes."""

from __future__ import annotations

import pytest

from qualcode.core.project import Project
from qualcode.ui.document_browser import (
    MY_ASSIGNED,
    MY_NOT_STARTED,
    MY_STARTED,
    AttributesDialog,
    DocumentBrowser,
    HeadlessBrowserPrompts,
)
from qualcode.ui.documents_model import BLIND, CODINGS, INTERVENTION, NAME, DocumentsModel
from tests.conftest import SAMPLE_TEXT, seed

pytestmark = pytest.mark.gui


@pytest.fixture
def project(sqlite_project: Project) -> Project:
    seed(sqlite_project)
    sqlite_project.documents.add(
        "FG01",
        SAMPLE_TEXT + " Extra.",
        attributes={
            "intervention": "Peercoaching",
            "source_type": "focus group",
            "education_level": "hbo",
        },
    )
    sqlite_project.documents.add(
        "PL01",
        SAMPLE_TEXT + " Anders.",
        attributes={"intervention": "Peercoaching", "source_type": "interview"},
    )
    return sqlite_project


@pytest.fixture
def browser(qtbot, project: Project) -> DocumentBrowser:  # type: ignore[no-untyped-def]
    widget = DocumentBrowser(project, prompts=HeadlessBrowserPrompts())
    qtbot.addWidget(widget)
    yield widget
    widget.model.detach()


def visible(browser: DocumentBrowser) -> list[str]:
    proxy = browser.proxy
    return [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]


def prompts(browser: DocumentBrowser) -> HeadlessBrowserPrompts:
    assert isinstance(browser.prompts, HeadlessBrowserPrompts)
    return browser.prompts


def test_model_passes_qtmodeltester(qtmodeltester, project: Project) -> None:  # type: ignore[no-untyped-def]
    model = DocumentsModel(project)
    qtmodeltester.check(model)
    model.set_current_coder("Bram")
    project.documents.add("NI09", SAMPLE_TEXT + " Nog een.")
    qtmodeltester.check(model)
    model.detach()


def test_columns_show_attributes_and_counts(browser: DocumentBrowser, project: Project) -> None:
    model = browser.model
    ni01 = project.documents.get("NI01").id
    row = model.row_of(ni01)
    assert model.index(row, INTERVENTION).data() == "Welzijnscoach"
    assert model.index(row, CODINGS).data() == "3"  # no coder chosen: all codings
    browser.set_current_coder("Bram")
    assert browser.codings_text(ni01) == "1 / 3"
    browser.set_current_coder("Anouk")
    assert browser.codings_text(ni01) == "2 / 3"
    project.codings.add("NI01", "Anouk", "Steungever / Mentor", 0, 10)
    assert browser.codings_text(ni01) == "3 / 4"  # only that document was re-counted


def test_filter_by_intervention_source_type_and_text(browser: DocumentBrowser) -> None:
    assert visible(browser) == ["FG01", "NI01", "PL01"]
    combo = browser.intervention
    assert [combo.itemText(i) for i in range(combo.count())][1:] == [
        "Peercoaching",
        "Welzijnscoach",
    ]
    combo.setCurrentIndex(combo.findData("Peercoaching"))
    assert visible(browser) == ["FG01", "PL01"]
    browser.source_type.setCurrentIndex(browser.source_type.findData("interview"))
    assert visible(browser) == ["PL01"]
    browser.source_type.setCurrentIndex(0)
    browser.text.setText("hbo")  # attribute values count for the text filter
    assert visible(browser) == ["FG01"]
    browser.text.clear()
    combo.setCurrentIndex(0)
    assert len(visible(browser)) == 3


def test_assign_blind_and_progress_filters(browser: DocumentBrowser, project: Project) -> None:
    browser.set_current_coder("Bram")
    browser.select_document(project.documents.get("FG01").id)
    prompts(browser).coders, prompts(browser).blind = ["Bram", "Anouk"], True
    assert browser.assign()
    fg01 = project.documents.get("FG01")
    assert fg01.blind and [c.name for c in project.documents.assigned_coders(fg01.id)] == [
        "Anouk",
        "Bram",
    ]
    model = browser.model
    row = model.row_of(fg01.id)
    assert model.index(row, BLIND).data() == "blind"
    assert "Bram" in model.index(row, 6).data()
    browser.progress.setCurrentIndex(browser.progress.findData(MY_ASSIGNED))
    assert visible(browser) == ["FG01"]
    browser.progress.setCurrentIndex(browser.progress.findData(MY_NOT_STARTED))
    assert visible(browser) == ["FG01"]
    browser.progress.setCurrentIndex(browser.progress.findData(MY_STARTED))
    assert visible(browser) == ["NI01"]  # Bram coded there, though not assigned


def test_blind_totals_hidden_until_reveal(browser: DocumentBrowser, project: Project) -> None:
    ni01 = project.documents.get("NI01").id
    project.documents.assign(ni01, ["Anouk", "Bram"], blind=True)
    browser.set_current_coder("Bram")
    assert browser.codings_text(ni01) == "1 / –"
    browser.select_document(ni01)
    assert not browser.reveal()  # Bram is no lead
    assert "lead" in prompts(browser).errors[0]
    browser.set_current_coder("Anouk")
    assert browser.codings_text(ni01) == "2 / –"  # she codes it blind too (issue 15)
    assert browser.reveal()
    assert browser.model.index(browser.model.row_of(ni01), BLIND).data() == "revealed"
    assert browser.selected_document_id() == ni01  # selection kept across the reset


def test_edit_attributes(browser: DocumentBrowser, project: Project, qtbot) -> None:  # type: ignore[no-untyped-def]
    pl01 = project.documents.get("PL01").id
    browser.select_document(pl01)
    prompts(browser).attributes = {"intervention": "Welzijnslab", "institution": "Fontys"}
    assert browser.edit_attributes()
    assert project.documents.get(pl01).attributes == {
        "intervention": "Welzijnslab",
        "institution": "Fontys",
    }
    combo = browser.intervention
    assert combo.findData("Welzijnslab") > 0
    dialog = AttributesDialog("PL01", {"a": "1"})
    qtbot.addWidget(dialog)
    dialog.add_row("b", "2")
    assert dialog.values() == {"a": "1", "b": "2"}


def test_activation_signal(qtbot, browser: DocumentBrowser, project: Project) -> None:  # type: ignore[no-untyped-def]
    ni01 = project.documents.get("NI01").id
    browser.select_document(ni01)
    index = browser.view.currentIndex()
    with qtbot.waitSignal(browser.documentActivated) as activated:
        browser.view.activated.emit(index)
    assert activated.args == [ni01]
