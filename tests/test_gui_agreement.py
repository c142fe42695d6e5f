"""The agreement panel offscreen: compute on a worker, colours, chart, jump, adjudicate."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qualcode.core.project import Project
from qualcode.ui.agreement_model import COLOURS, FiguresModel
from qualcode.ui.qt import Qt, QtGui
from tests.agreement_project_helpers import two_coder_project

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot, sqlite_project: Project):  # type: ignore[no-untyped-def]
    from qualcode.ui.agreement_panel import AgreementPanel

    two_coder_project(sqlite_project)
    widget = AgreementPanel(sqlite_project)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _compute(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.bootstrap.setValue(200)
    panel.compute_button.click()
    qtbot.waitUntil(lambda: panel.result is not None and not panel.is_running(), timeout=20000)


def test_compute_fills_the_table_chart_and_disagreements(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    assert panel.checked_coders() == ["Anouk", "Bram"]
    assert panel.viewer_box.currentData() == "Anouk"
    _compute(qtbot, panel)
    model = panel.figures_model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Steun"
    assert model.index(0, 1).data() == "80.0"
    assert model.index(0, 5).data().startswith("0.604")
    brush = model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(brush, QtGui.QBrush)
    assert brush.color().name().upper() == COLOURS["undefined"]  # too little data: grey
    assert panel.dis_model.rowCount() == 2
    assert panel.dis_model.index(0, 2).data() == "Zin nummer 03 staat hier."
    assert panel.chart._bars == [("Steun", model.figures(0).alpha)]
    panel.tabs.setCurrentIndex(1)
    assert not panel.chart.grab().isNull()
    panel.level_box.setCurrentIndex(2)  # documents
    assert model.index(0, 0).data() == "D1"


def test_models_pass_the_model_tester(qtbot, qtmodeltester, panel) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, panel)
    qtmodeltester.check(panel.figures_model)
    qtmodeltester.check(panel.dis_model)
    panel.unit_box.setCurrentText("character")
    panel.result = None
    _compute(qtbot, panel)
    qtmodeltester.check(panel.figures_model)
    assert panel.figures_model.headerData(1, Qt.Orientation.Horizontal) == "binary α"


def test_character_mode_shows_u_alpha_with_intervals(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    panel.unit_box.setCurrentText("character")
    _compute(qtbot, panel)
    model = panel.figures_model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert header[:6] == ["Code", "binary α", "95% CI", "uα", "95% CI", "cu-α"]
    panel.level_box.setCurrentIndex(3)  # overall
    overall = panel.result.overall
    assert model.index(0, 3).data() == f"{overall.u_alpha:.3f}"
    # One document contributes: no interval, and the empty cell says why.
    assert model.index(0, 2).data() == "–"
    assert "one document" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_sorting_and_threshold_colours(qtbot, panel, sqlite_project: Project) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, panel)
    fig = panel.figures_model.figures(0)
    model = FiguresModel()
    model.set_rows([replace(fig, low_data=False, alpha=0.7)], character=False)
    colour = model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole).color().name().upper()
    assert colour == COLOURS["tentative"]
    model.set_thresholds(0.5, 0.65)
    colour = model.index(0, 5).data(Qt.ItemDataRole.BackgroundRole).color().name().upper()
    assert colour == COLOURS["reliable"]
    panel.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    assert panel.proxy.rowCount() == 1


def test_double_click_jumps_to_the_disagreement(qtbot, panel) -> None:  # type: ignore[no-untyped-def]
    _compute(qtbot, panel)
    index = panel.dis_model.index(1, 2)
    with qtbot.waitSignal(panel.jumpTo, timeout=2000) as blocker:
        panel.dis_view.doubleClicked.emit(index)
    d = panel.dis_model.disagreement(1)
    assert blocker.args == [d.document_id, d.start, d.end]


def test_adjudication_buttons_store_the_consensus_layer(
    qtbot,
    panel,
    sqlite_project: Project,  # type: ignore[no-untyped-def]
) -> None:
    _compute(qtbot, panel)
    assert not panel.accept_a.isEnabled()
    panel.dis_view.selectRow(0)
    assert panel.accept_a.isEnabled() and panel.accept_a.text() == "Accept Anouk"
    panel.note.setText("A had gelijk")
    panel.accept_a.click()
    assert "Decision stored by Anouk" in panel.status.text()
    layer = sqlite_project.codings.list(coder="consensus")
    first = panel.dis_model.disagreement(0)
    assert [(c.start, c.end) for c in layer] == [(first.start, first.end)]
    panel.dis_view.selectRow(1)
    panel.write_consensus("Steungever / Vader")
    assert len(sqlite_project.codings.list(coder="consensus")) == 2


def test_blind_documents_are_refused_without_a_lead(qtbot, panel, sqlite_project: Project) -> None:  # type: ignore[no-untyped-def]
    sqlite_project.documents.assign("D1", ["Anouk", "Bram"], blind=True)
    panel.viewer_box.setCurrentIndex(0)  # nobody
    panel.compute_button.click()
    qtbot.waitUntil(lambda: "Not computed" in panel.status.text(), timeout=20000)
    assert "blind" in panel.status.text() and panel.result is None
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=5000)
