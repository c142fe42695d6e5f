"""One coding changes the window's models by a delta, not by a reload (small scale).

The scale benchmarks (benchmarks/bench_window.py) time this on 100,000 codings; here the
same path is checked for what it does: applied by keys as a person would, the code tree
and the document list get no reset and one ``dataChanged`` per touched row run, their
counts move by one, and no count is read again from the database (no GROUP BY, no
re-reading of the document's codings).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from qualcode.core.project import create_project
from qualcode.ui.codebook_model import USAGE
from qualcode.ui.documents_model import CODINGS
from qualcode.ui.qt import QtCore, QtGui, QtWidgets
from tests.conftest import SAMPLE_TEXT, seed


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from qualcode.ui.main_window import MainWindow

    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Test study") as project:
        seed(project)
        project.documents.add("NI02", SAMPLE_TEXT.replace("moeder", "vader"))
    win = MainWindow(coder="Anouk")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    assert win.open_project(locator, remember=False)
    win.show_document_named("NI01")
    win.set_layer("all")
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


class Spy:
    """Counts what a model tells its views."""

    def __init__(self, model: QtCore.QAbstractItemModel) -> None:
        self.resets = 0
        self.changed: list[tuple[int, int, int, int]] = []
        model.modelReset.connect(self._reset)
        model.layoutChanged.connect(self._reset)
        model.dataChanged.connect(self._changed)

    def _reset(self, *_args: object) -> None:
        self.resets += 1

    def _changed(self, top: QtCore.QModelIndex, bottom: QtCore.QModelIndex, *_: object) -> None:
        self.changed.append((top.row(), bottom.row(), top.column(), bottom.column()))

    def clear(self) -> None:
        self.resets, self.changed = 0, []


class Statements:
    """The SQL the window sends while a block runs."""

    def __init__(self, engine: object) -> None:
        self.seen: list[str] = []
        self._engine = engine

    def __enter__(self) -> Statements:
        event.listen(self._engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self._engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement: str, *_args: object) -> None:  # type: ignore[no-untyped-def]
        self.seen.append(" ".join(statement.split()).upper())


def usage_cell(window, name: str) -> QtCore.QModelIndex:  # type: ignore[no-untyped-def]
    model = window.code_tree.model
    code = next(c for c in model.records() if c.name == name)
    return model.index_of(code.id, USAGE)


def select(window, phrase: str) -> None:  # type: ignore[no-untyped-def]
    start = SAMPLE_TEXT.index(phrase)
    cursor = QtGui.QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QtGui.QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def press_return_on_code(qtbot, window, name: str) -> None:  # type: ignore[no-untyped-def]
    tree = window.code_tree.view
    proxy = tree.model()
    flags = QtCore.Qt.MatchFlag.MatchRecursive | QtCore.Qt.MatchFlag.MatchExactly
    found = proxy.match(proxy.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole, name, 1, flags)
    tree.setFocus()
    tree.setCurrentIndex(found[0])
    qtbot.keyClick(tree, QtCore.Qt.Key.Key_Return)


def test_one_coding_is_a_delta_in_every_model(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    tree_model = window.code_tree.model
    docs = window.browser.model
    tree_spy, proxy_spy, docs_spy = Spy(tree_model), Spy(window.code_tree.proxy), Spy(docs)
    mentor, steungever = usage_cell(window, "Mentor"), usage_cell(window, "Steungever")
    assert mentor.data() == 0
    assert "0 coding(s) including" not in steungever.data(QtCore.Qt.ItemDataRole.ToolTipRole)
    ni01 = docs.index(docs.row_of(window.document_id), CODINGS)
    assert ni01.data() == "2 / 3"
    shown = window.view.highlight_count()

    select(window, "Mijn mentor hielp me")
    with Statements(window.project.engine) as sql:
        press_return_on_code(qtbot, window, "Mentor")
    assert mentor.data() == 1
    assert "3 coding(s) including sub-codes" in steungever.data(QtCore.Qt.ItemDataRole.ToolTipRole)
    assert ni01.data() == "3 / 4"
    assert window.view.highlight_count() == shown + 1
    # A delta: no reset, only the code and its parent (usage column), only NI01's cell.
    assert tree_spy.resets == proxy_spy.resets == docs_spy.resets == 0
    assert sorted(tree_spy.changed) == sorted(
        [
            (mentor.row(), mentor.row(), USAGE, USAGE),
            (steungever.row(), steungever.row(), USAGE, USAGE),
        ]
    )
    assert docs_spy.changed == [(ni01.row(), ni01.row(), CODINGS, CODINGS)]
    # Nothing was counted or re-read for the views: no aggregate, no coding rows fetched
    # (the service's own duplicate check reads keys only).
    assert any(s.startswith("INSERT INTO CODINGS") for s in sql.seen)
    assert not [s for s in sql.seen if "GROUP BY" in s or s.startswith("SELECT CODINGS.ID")]

    for spy in (tree_spy, docs_spy):
        spy.clear()
    window.view.setFocus()
    qtbot.keyClick(window.view, QtCore.Qt.Key.Key_Z, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert (mentor.data(), ni01.data()) == (0, "2 / 3")
    assert window.view.highlight_count() == shown
    assert tree_spy.resets == docs_spy.resets == 0
    assert len(tree_spy.changed) == 2 and len(docs_spy.changed) == 1


def test_blind_counts_in_the_tree_follow_the_viewer(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.project.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    moeder = usage_cell(window, "Moeder")
    # Anouk leads but codes NI01 blind herself: she counts only her own (issue 15).
    assert moeder.data() == 1
    from tests.test_gui_blind_round import switch_to

    switch_to(qtbot, window, "Bram")  # File > Switch coder…, chosen and confirmed
    assert window.coder.name == "Bram"
    assert moeder.data() == 1  # only his own coding until the lead reveals
    # Anouk codes again on the blind document (her session, say): Bram's count stays.
    anouk = window.project.coders.get("Anouk")
    start = SAMPLE_TEXT.index("Mijn moeder")
    window.project.codings.add("NI01", anouk.id, "Steungever / Moeder", start, start + 11)
    assert moeder.data() == 1
    window.project.documents.reveal("NI01", by="Anouk")
    assert moeder.data() == 3
    QtWidgets.QApplication.processEvents()
