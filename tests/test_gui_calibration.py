"""A whole calibration round in the desktop app, as a team runs it: the lead assigns a
transcript for blind parallel coding, a coder codes it without seeing the lead's codings,
the lead reveals, compares in the agreement panel and adjudicates into a consensus layer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import seed
from tests.test_gui_integration import menu_action
from tests.test_gui_workbench import make_window, select

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore


def browser_as(window: Any, coders: list[str] | None = None, blind: bool = False) -> Any:
    from qualcode.ui.document_browser import HeadlessBrowserPrompts

    prompts = HeadlessBrowserPrompts()
    prompts.coders, prompts.blind = coders, blind
    window.browser.prompts = prompts
    window.browser.select_document(window.document_id)
    return window.browser


def test_blind_code_reveal_compare_adjudicate(qtbot: Any, tmp_path: Path) -> None:
    locator = str(tmp_path / "calibratie.qcdb")
    with create_project(locator, "Kalibratie") as project:
        seed(project)  # Anouk (lead) coded NI01 twice, Bram once

    lead = make_window(qtbot, locator, coder="Anouk")
    assert browser_as(lead, ["Anouk", "Bram"], blind=True).assign()
    lead.close()

    # Bram codes blind: he sees his own layer only, even when asking for all coders.
    bram = make_window(qtbot, locator, coder="Bram")
    bram.set_layer("all")
    assert bram.view.highlight_count() == 1
    select(bram, "Dat gaf echt rust.")
    qtbot.keyClicks(bram.quick_code, "praktische steun")
    qtbot.keyClick(bram.quick_code, QtCore.Qt.Key.Key_Return)
    assert bram.view.highlight_count() == 2
    assert not browser_as(bram).reveal()  # only a lead can lift the blinding
    bram.close()

    # The lead reveals, and now Bram would see both layers.
    lead = make_window(qtbot, locator, coder="Anouk")
    assert browser_as(lead).reveal()
    with open_project(locator) as project:
        assert len(project.codings.list(document="NI01", viewer="Bram")) == 4

    # Compare: the agreement panel lists the passage they coded differently.
    menu_action(lead, "&Analysis", "Inter-coder &agreement…").trigger()
    panel = lead.panel_docks["agreement"].widget()
    panel.bootstrap.setValue(100)
    panel.compute_button.click()
    qtbot.waitUntil(lambda: panel.result is not None and not panel.is_running(), timeout=20000)
    rows = [panel.dis_model.disagreement(r) for r in range(panel.dis_model.rowCount())]
    disputed = next(i for i, d in enumerate(rows) if "Dat gaf echt rust." in d.text)

    # Adjudicate: the lead accepts her own reading; it lands in the consensus layer.
    panel.dis_view.selectRow(disputed)
    assert panel.accept_a.text() == "Accept Anouk"
    panel.accept_a.click()
    with open_project(locator) as project:
        consensus = project.codings.list(coder="consensus")
        paths = {c.id: c.path_text for c in project.codebook.tree()}
    assert [paths[c.code_id] for c in consensus] == ["Steungedrag / Emotionele steun"]
    lead.close()
