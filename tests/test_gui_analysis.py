"""The analysis view offscreen: matrix = code_matrix, co-occurrence, CMO, exports."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from qualcode.core.analysis import code_matrix
from qualcode.core.project import Project
from qualcode.core.retrieval import QuoteFilter
from qualcode.ui.analysis_models import SORT_ROLE
from qualcode.ui.analysis_view import CMO, COOCCURRENCE, MATRIX
from qualcode.ui.qt import Qt, QtCore, QtGui
from tests.test_retrieval import build_study

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot, sqlite_project: Project):  # type: ignore[no-untyped-def]
    from qualcode.ui.analysis_view import AnalysisView

    build_study(sqlite_project)
    widget = AnalysisView(sqlite_project)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    settle(qtbot, widget)
    return widget


def settle(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10000)


def show_tab(qtbot, view, tab: int) -> None:  # type: ignore[no-untyped-def]
    view.tabs.setCurrentIndex(tab)
    settle(qtbot, view)


def test_matrix_equals_code_matrix(qtbot, qtmodeltester, view) -> None:  # type: ignore[no-untyped-def]
    project = view._project
    for count in ("codings", "documents"):
        view.count.setCurrentIndex(view.count.findData(count))
        settle(qtbot, view)
        expected = code_matrix(project, by="intervention", count=count)
        model = view.matrix_model
        assert model.rowCount() == len(expected.rows)
        assert [model.headerData(c, Qt.Orientation.Horizontal) for c in (1, 2)] == list(
            expected.columns
        )
        for r, row in enumerate(expected.rows):
            assert [model.cell(r, c + 1) for c in range(len(row.cells))] == list(row.cells)
            assert model.cell(r, len(row.cells) + 1) == row.total
    qtmodeltester.check(view.matrix_model)
    peak = max(max(r.cells) for r in expected.rows)
    r, c = next(
        (r, c) for r, row in enumerate(expected.rows) for c, v in enumerate(row.cells) if v == peak
    )
    brush = view.matrix_model.index(r, c + 1).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QtGui.QBrush) and brush.color().name().lower() == "#2166ac"
    view.rows.setCurrentIndex(view.rows.findData("clusters"))
    view.coder.setCurrentIndex(view.coder.findData("Anouk"))
    settle(qtbot, view)
    expected = code_matrix(project, rows="clusters", flt=QuoteFilter(coders=("Anouk",)))
    assert [view.matrix_model.cell(r, 0) for r in range(len(expected.rows))] == [
        row.path[-1] for row in expected.rows
    ]


def test_matrix_exports_table_and_chart(qtbot, view, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = view.export_matrix(tmp_path / "matrix.csv")
    assert out is not None
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["code", "Herstelrecht", "Peercoaching", "total"]
    assert rows[1][0] == "Steun"
    assert view.export_matrix(tmp_path / "matrix.xlsx") is not None
    pytest.importorskip("matplotlib")
    png = view.export_chart(tmp_path / "matrix.png")
    assert png is not None and png.read_bytes().startswith(b"\x89PNG")
    view.chart_kind.setCurrentIndex(1)
    svg = view.export_chart(tmp_path / "bars.svg")
    assert svg is not None and b"<svg" in svg.read_bytes()[:400]


def test_cooccurrence_shows_a_known_pair(qtbot, qtmodeltester, view) -> None:  # type: ignore[no-untyped-def]
    show_tab(qtbot, view, COOCCURRENCE)
    model = view.cooc_model
    assert model.rowCount() == 0  # build_study has no overlapping codings of one coder
    view.mode.setCurrentIndex(view.mode.findData("unit"))
    view.unit.setCurrentIndex(view.unit.findData("document"))
    settle(qtbot, view)
    pairs = {(model.cell(r, 0), model.cell(r, 1)): r for r in range(model.rowCount())}
    row = pairs[("Steun / Emotioneel", "Effect / Rust")]
    # Per (document, coder): Anouk codes both in PC01 and PC02 -> 2 together.
    assert model.cell(row, 4) == 2
    c = model.cell(row, 5)
    assert isinstance(c, float) and 0 < c <= 1
    assert model.index(row, 5).data() == f"{c:.2f}"
    assert model.index(row, 5).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(row, 5).data(SORT_ROLE) == c
    qtmodeltester.check(model)


def test_cmo_tab_lists_configurations_with_quotes(qtbot, qtmodeltester, view) -> None:  # type: ignore[no-untyped-def]
    show_tab(qtbot, view, CMO)
    assert view.cmo_model.rowCount() == 1  # build_study tags C, M and O already
    project = view._project
    project.codebook.update("Steun / Praktisch", cmo="mechanism")
    qtbot.waitUntil(lambda: view.is_busy() is False and len(view.configurations) > 1, timeout=5000)
    model = view.cmo_model
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert any(g.startswith("Peercoaching") for g in groups)
    assert any(g.startswith("Herstelrecht") for g in groups) is False  # no context there
    parent = model.index(0, 0)
    assert model.rowCount(parent) == 4  # 1 context x 2 mechanisms x 2 outcomes
    mechanisms = {model.index(r, 1, parent).data() for r in range(4)}
    assert mechanisms == {"Emotioneel", "Praktisch"}
    assert model.index(0, 1, parent).data(Qt.ItemDataRole.ToolTipRole).startswith("Steun / ")
    qtmodeltester.check(model)
    view.cmo_view.setCurrentIndex(model.index(0, 0, parent))
    text = view.examples.toPlainText()
    config = view.cmo_model.configuration(model.index(0, 0, parent))
    assert config is not None and config.examples[0].text in text
    quote = config.examples[2]
    with qtbot.waitSignal(view.jumpTo, timeout=2000) as blocker:
        view._example_clicked(QtCore.QUrl(f"quote:{quote.document_id}:{quote.start}:{quote.end}"))
    assert blocker.args == [quote.document_id, quote.start, quote.end]


def test_cmo_tab_explains_when_nothing_is_tagged(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    project = view._project
    for path in ("Steun / Emotioneel", "Effect", "Context"):
        project.codebook.update(path, cmo=None)
    show_tab(qtbot, view, CMO)
    assert view.cmo_model.rowCount() == 0
    assert "Tag codes" in view.cmo_hint.text()
    assert view.tabs.currentIndex() == CMO and MATRIX == 0


@pytest.mark.parametrize("threaded", [False, True])
def test_latest_job_shows_only_the_newest_result(qtbot, threaded: bool) -> None:  # type: ignore[no-untyped-def]
    from qualcode.ui.analysis_models import LatestJob

    job = LatestJob()
    job.threaded = threaded
    results: list[object] = []
    errors: list[str] = []
    job.done.connect(results.append)
    job.failed.connect(errors.append)
    job.submit(lambda: "old")
    job.submit(lambda: "new")
    qtbot.waitUntil(lambda: not job.is_running(), timeout=5000)
    assert results == ["new"]  # the older request never reaches the view
    job.submit(lambda: 1 / 0)
    qtbot.waitUntil(lambda: not job.is_running(), timeout=5000)
    assert errors == ["division by zero"]
