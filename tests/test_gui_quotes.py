"""The quotes browser offscreen: filters, stars and order, export, jump, summaries."""

from __future__ import annotations

import csv
import gc
from pathlib import Path

import pytest

from qualcode.core.project import Project
from qualcode.core.retrieval import QuoteFilter, find_quotes
from qualcode.ui.qt import Qt, QtCore
from qualcode.ui.quotes_model import STAR, STARRED, UNSTARRED
from tests.test_retrieval import build_study

pytestmark = pytest.mark.gui


@pytest.fixture
def browser(qtbot, sqlite_project: Project):  # type: ignore[no-untyped-def]
    from qualcode.ui.quotes_browser import QuotesBrowser

    build_study(sqlite_project)
    widget = QuotesBrowser(sqlite_project, author="Anouk")
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    settle(qtbot, widget)
    return widget


def settle(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10000)


def choose(box, data: object) -> None:  # type: ignore[no-untyped-def]
    index = box.findData(data)
    assert index >= 0, data
    box.setCurrentIndex(index)


def code_id(project: Project, path: str) -> int:
    return next(c.id for c in project.codebook.tree() if " / ".join(c.path) == path)


def test_filters_by_code_and_intervention(qtbot, qtmodeltester, browser) -> None:  # type: ignore[no-untyped-def]
    project = browser._project
    assert browser.model.rowCount() == 12
    qtmodeltester.check(browser.model)
    choose(browser.code, code_id(project, "Steun"))
    settle(qtbot, browser)
    assert browser.model.rowCount() == 6  # Emotioneel and Praktisch, all coders
    browser.subcodes.setChecked(False)
    settle(qtbot, browser)
    assert browser.model.rowCount() == 0
    browser.subcodes.setChecked(True)
    choose(browser.intervention, "Peercoaching")
    settle(qtbot, browser)
    assert {q.document for q in browser.model.quotes()} == {"PC01", "PC02"}
    assert browser.model.rowCount() == 5
    choose(browser.coder, "consensus")
    settle(qtbot, browser)
    assert [q.coder for q in browser.model.quotes()] == ["Consensus"]
    choose(browser.coder, None)
    choose(browser.speaker, "Student B")
    settle(qtbot, browser)
    assert browser.model.rowCount() == 1
    assert browser.model.index(0, 3).data() == "Student B"
    choose(browser.speaker, None)
    browser.search.setText("LUISTER")
    qtbot.waitUntil(lambda: browser.model.rowCount() == 4, timeout=5000)
    qtmodeltester.check(browser.model)


def test_detail_pane_shows_context_and_the_quote_in_bold(qtbot, browser) -> None:  # type: ignore[no-untyped-def]
    browser.select_row(0)
    quote = browser.selected()
    assert quote is not None
    html = browser.detail.toHtml()
    assert quote.text.split()[0] in browser.detail.toPlainText()
    assert "font-weight" in html and "#8a8a8a" in html.lower()


def test_star_toggle_goes_through_the_core(qtbot, browser) -> None:  # type: ignore[no-untyped-def]
    project = browser._project
    quote = browser.model.quote(2)
    assert browser.model.index(2, STAR).data() == UNSTARRED
    rect = browser.table.visualRect(browser.model.index(2, STAR))
    qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    starred = find_quotes(project, QuoteFilter(illustrative_only=True))
    assert [q.coding_id for q in starred] == [quote.coding_id]
    assert browser.model.index(2, STAR).data().startswith(STARRED)
    settle(qtbot, browser)
    browser.select_row(browser.model.row_of(quote.coding_id))
    browser.star_button.click()  # the button unstars it again
    assert find_quotes(project, QuoteFilter(illustrative_only=True)) == []


def test_move_orders_the_starred_quotes_of_a_code(qtbot, browser) -> None:  # type: ignore[no-untyped-def]
    project = browser._project
    rust = [q for q in find_quotes(project) if q.code_text == "Effect / Rust"]
    for q in rust:
        project.quotes.star(q.coding_id)
    browser.illustrative.setChecked(True)
    settle(qtbot, browser)
    last = rust[-1].coding_id
    browser.select_row(browser.model.row_of(last))
    assert browser.up_button.isEnabled()
    browser.up_button.click()
    settle(qtbot, browser)
    ranked = sorted(
        (q for q in find_quotes(project, QuoteFilter(illustrative_only=True)) if q.rank),
        key=lambda q: q.rank or 0,
    )
    assert [q.coding_id for q in ranked][-2] == last
    assert browser.selected() is not None and browser.selected().coding_id == last
    order = [q.coding_id for q in browser.model.quotes()]
    assert order.index(last) == len(rust) - 2  # shown in its new place


def test_export_csv_and_read_it_back(qtbot, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    choose(browser.intervention, "Herstelrecht")
    settle(qtbot, browser)
    out = tmp_path / "quotes.csv"
    assert browser.export(out) == 3
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["document"] for r in rows] == ["HR01"] * 3
    assert {r["intervention"] for r in rows} == {"Herstelrecht"}
    assert rows[0]["text"] == browser.model.quote(0).text
    assert browser.export(tmp_path / "quotes.xlsx") == 3


def test_double_click_jumps_to_the_quote(qtbot, browser) -> None:  # type: ignore[no-untyped-def]
    quote = browser.model.quote(1)
    rect = browser.table.visualRect(browser.model.index(1, 4))
    qtbot.mouseClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(browser.jumpTo, timeout=2000) as blocker:
        qtbot.mouseDClick(browser.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [quote.document_id, quote.start, quote.end]


def test_summary_is_saved_per_intervention_and_overall(qtbot, browser) -> None:  # type: ignore[no-untyped-def]
    project = browser._project
    choose(browser.code, code_id(project, "Steun / Emotioneel"))
    choose(browser.intervention, "Peercoaching")
    settle(qtbot, browser)
    editor = browser.summary
    assert editor.isEnabled() and editor.scope.currentData() == "Peercoaching"
    assert editor.target.count() == 2  # the code and its cluster
    editor.text.setPlainText("Luisteren staat centraal.")
    editor.save_button.click()
    record = project.summaries.get(
        "Steun / Emotioneel", scope_key="intervention", scope_value="Peercoaching"
    )
    assert record is not None and record.body == "Luisteren staat centraal."
    assert record.author == "Anouk"
    editor.target.setCurrentIndex(1)  # the cluster Steun
    choose(editor.scope, "")
    editor.text.setPlainText("Over alle interventies: steun is vooral emotioneel.")
    choose(editor.scope, "Herstelrecht")  # switching saves what was typed
    overall = project.summaries.get("Steun")
    assert overall is not None and overall.body.startswith("Over alle interventies")
    assert editor.text.toPlainText() == ""
    choose(editor.scope, "Peercoaching")
    editor.target.setCurrentIndex(0)
    assert editor.text.toPlainText() == "Luisteren staat centraal."


def test_changes_elsewhere_refresh_the_list(qtbot, browser) -> None:  # type: ignore[no-untyped-def]
    project = browser._project
    text = project.documents.text("PC02")
    start = text.index("Ik kon")
    project.codings.add("PC02", "Bram", "Steun / Emotioneel", start, start + 6)
    qtbot.waitUntil(lambda: browser.model.rowCount() == 13, timeout=5000)
    browser.close()
    QtCore.QCoreApplication.processEvents()


def test_threaded_searches_with_row_selection_leave_no_orm_rows_to_the_gc(
    qtbot, sqlite_project: Project, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Threaded searches plus row selection (summary editor reads the codebook) once segfaulted.

    The cause was ORM rows in a reference cycle, freed by the cyclic GC while their session
    closed (see ``LatestJob``). The crash depends on GC timing; the cycle itself does not, so
    the test checks that no loaded row is ever left for the cyclic GC.
    """
    from qualcode.core.models import Base
    from qualcode.ui.analysis_models import LatestJob
    from qualcode.ui.quotes_browser import QuotesBrowser

    monkeypatch.setattr(LatestJob, "threaded", True)
    build_study(sqlite_project)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)  # keep what the cyclic GC finds, to look at it
    try:
        widget = QuotesBrowser(sqlite_project, author="Anouk")
        qtbot.addWidget(widget)
        widget.show()
        settle(qtbot, widget)
        assert widget.job.threaded and widget.model.rowCount() == 12
        for _ in range(3):
            for row in range(widget.model.rowCount()):
                widget.select_row(row)
                settle(qtbot, widget)
                assert widget.selected() is widget.model.quote(row)
            widget.refresh()  # a search in flight while rows are selected
            widget.select_row(0)
            settle(qtbot, widget)
        for _ in range(20):
            sqlite_project.codebook.tree()
        gc.collect()
        rows = [o for o in gc.garbage if isinstance(o, Base)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
    assert rows == []
    assert widget.summary.isEnabled()
