"""Every window and dialog in Dutch shows no English text of ours (issue 15, defect 8).

The same walk runs in English and in Dutch over the same project: every text a user can
read (labels, buttons, menus, placeholders, tabs, headers, combo entries, titles, the
undo history, the version comparison) is collected. A Dutch text that also appeared in
the English walk is English left over, unless it is data (names from the project), a
word the translation keeps on purpose (the .ts says so), or Qt's own standard text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from qualcode.core.project import create_project, open_project
from tests.conftest import seed
from tests.test_gui_workbench import make_window, select

pytestmark = pytest.mark.gui

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from qualcode.ui.qt import QtGui, QtWidgets  # noqa: E402

# Texts Qt itself provides (standard buttons, context menus), not our code's.
QT_OWN = {"OK", "&OK", "Cancel", "&Cancel", "Close", "&Close", "Save", "&Save", "&Yes", "&No"}
# The same in both languages: names of statistics, and each language named in itself.
SAME_IN_DUTCH = {"Cohen κ", "Fleiss κ", "Scott π", "English", "Nederlands", "Qualcode"}
TAGS = re.compile(r"<[^>]+>")


@pytest.fixture
def locator(tmp_path: Path) -> str:
    path = str(tmp_path / "study.qcdb")
    with create_project(path, "Studie") as project:
        seed(project)
        project.versions.release("v1", coder="Anouk")
        project.codebook.add("Buren", coder="Anouk")  # a change for the version comparison
        project.memos.add("Projectmemo", author="Anouk")
    return path


def _texts_of(widget: QtWidgets.QWidget) -> list[str]:
    out: list[str] = [widget.windowTitle(), widget.toolTip()]
    if isinstance(widget, QtWidgets.QLabel):
        out.append(widget.text())
    if isinstance(widget, QtWidgets.QAbstractButton):
        out.append(widget.text())
    if isinstance(widget, QtWidgets.QLineEdit | QtWidgets.QPlainTextEdit):
        out.append(widget.placeholderText())
    if isinstance(widget, QtWidgets.QPlainTextEdit) and widget.isReadOnly():
        out.extend(widget.toPlainText().splitlines())
    if isinstance(widget, QtWidgets.QComboBox):
        out.extend(widget.itemText(i) for i in range(widget.count()))
    if isinstance(widget, QtWidgets.QTabBar):
        out.extend(widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QtWidgets.QGroupBox | QtWidgets.QDockWidget):
        out.append(widget.title() if isinstance(widget, QtWidgets.QGroupBox) else "")
    if isinstance(widget, QtWidgets.QCheckBox):
        out.append(widget.text())
    if isinstance(widget, QtWidgets.QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        header = getattr(widget, "header", None) or getattr(widget, "horizontalHeader", None)
        columns = header().count() if header is not None else 1
        for column in range(columns):
            out.append(str(model.headerData(column, QtCore.Qt.Orientation.Horizontal) or ""))
        if isinstance(widget, QtWidgets.QUndoView):
            rows = model.rowCount(QtCore.QModelIndex())
            out.extend(str(model.index(r, 0).data() or "") for r in range(rows))
    for action in widget.actions():
        out.extend(_action_texts(action))
    return out


def _action_texts(action: QtGui.QAction) -> list[str]:
    out = [action.text(), action.toolTip()]
    menu = action.menu()
    if menu is not None:
        menu.aboutToShow.emit()  # menus filled when opened (recent, panels)
        for sub in menu.actions():
            out.extend(_action_texts(sub))
    return out


def collect(*roots: QtWidgets.QWidget) -> set[str]:
    texts: set[str] = set()
    for root in roots:
        for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
            for text in _texts_of(widget):
                for line in TAGS.sub("\n", text or "").splitlines():
                    line = line.strip()
                    if re.search(r"[A-Za-z]{3}", line):
                        texts.add(line)
    return texts


def walk(qtbot: Any, locator: str) -> set[str]:
    from qualcode.ui import project_menus
    from qualcode.ui.new_code_dialog import NewCodeDialog
    from qualcode.ui.versions_dialogs import CompareDialog, ReleaseDialog

    window = make_window(qtbot, locator)
    select(window, "Mijn mentor hielp me")
    code = next(c for c in window.codes.values() if c.name == "Mentor")
    window.coding.apply_code(code.id)  # an undo step: its label must be Dutch too
    window.history_dock.show()
    for opener in (
        lambda: project_menus.open_agreement(window),
        lambda: project_menus.open_memos(window),
        lambda: project_menus.open_panel(window, "quotes"),
        lambda: project_menus.open_panel(window, "analysis"),
    ):
        opener()
    panel = window.panel_docks["agreement"].widget()
    panel.bootstrap.setValue(0)
    panel.compute_button.click()
    qtbot.waitUntil(lambda: panel.result is not None and not panel.is_running(), timeout=20000)
    dialogs = [
        CompareDialog(window.project, window),
        ReleaseDialog(window.project, "Anouk", window),
        NewCodeDialog("x", "Samen lachen", list(window.codes.values()), None, window),
    ]
    for dialog in dialogs:
        dialog.show()
    QtWidgets.QApplication.processEvents()
    texts = collect(window, *dialogs)
    texts |= {window.undo_action.text(), window.statusBar().currentMessage()}
    for dialog in dialogs:
        dialog.close()
    window.close()
    return texts


def data_names(locator: str) -> set[str]:
    with open_project(locator) as project:
        names = {d.name for d in project.documents.list()}
        names |= {c.name for c in project.coders.list()}
        for code in project.codebook.tree():
            names |= {code.name, code.path_text}
        names |= {v.label for v in project.versions.list()}
        names |= {m.body for m in project.memos.list()}
        names |= {project.name, "Qualcode"}
        for document in project.documents.list():  # attribute keys and values are data
            for key, value in document.attributes.items():
                names |= {key, value}
    return names


def kept_in_dutch() -> set[str]:
    """Sources the Dutch translation keeps as they are ("Memo", "Code", ...)."""
    ts = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "qualcode_nl.ts"
    kept = set()
    for message in ET.parse(ts).getroot().iter("message"):
        source, translation = message.findtext("source"), message.findtext("translation")
        if source and translation and source == translation:
            kept.add(source.replace("&", ""))
    return kept


def test_every_window_in_dutch_shows_no_english_of_ours(qtbot: Any, locator: str) -> None:
    from qualcode.ui.app import ensure_app, install_language

    app = ensure_app()
    install_language(app, "en")
    english = walk(qtbot, locator)
    install_language(app, "nl")
    try:
        dutch = walk(qtbot, locator)
    finally:
        install_language(app, "en")
    data = data_names(locator)
    kept = kept_in_dutch()

    def ours(text: str) -> bool:
        plain = text.replace("&", "")
        if text in QT_OWN or plain in QT_OWN or plain in kept or plain in SAME_IN_DUTCH:
            return False
        rest = re.sub("|".join(re.escape(n) for n in data if n), "", text)
        # A name from the project, perhaps with punctuation or numbers around it, is data.
        return not (rest != text and len(rest.strip(" /:·,()-—→0123456789")) < 3)

    leftovers = sorted(t for t in dutch & english if ours(t))
    assert leftovers == [], f"English in the Dutch interface: {leftovers}"
