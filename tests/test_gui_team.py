"""Done when: two windows with two logins on one PostgreSQL project see each other's
codings appear within 2 s, driven through the real widgets (pytest-qt, offscreen)."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.team_helpers import TEXT, TeamServer

pytestmark = [pytest.mark.gui, pytest.mark.postgres]
SHOTS = Path(os.environ.get("QUALCODE_SHOTS", tempfile.gettempdir()))

QtCore = pytest.importorskip("qualcode.ui.qt").QtCore
from qualcode.ui.qt import QtGui, QtWidgets  # noqa: E402


def open_window(qtbot, url: str):  # type: ignore[no-untyped-def]
    from qualcode.ui.main_window import MainWindow

    window = MainWindow()
    window.quiet = True
    qtbot.addWidget(window)
    window.resize(1100, 700)
    assert window.open_project(url, remember=False)
    window.show_document_named("NI01")
    window.show()
    qtbot.waitExposed(window)
    # Layers > All coders: see every coder's codings.
    next(a for a in window.layer_menu.actions() if a.text() == "All coders").trigger()
    assert window.layer == "all"
    return window


def code_with_quick_box(qtbot, window, phrase: str, code: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start = TEXT.index(phrase)
    cursor = QtGui.QTextCursor(window.view.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(phrase), QtGui.QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    qtbot.keyClicks(window.quick_code, code)
    qtbot.keyClick(window.quick_code, QtCore.Qt.Key.Key_Return)
    return start, start + len(phrase)


def spans_by(window, coder: str) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    ids = {c.id for c in window.coders.values() if c.name == coder}
    return {(c.start, c.end) for c in window.visible.values() if c.coder_id in ids}


def tree_count(window, name: str) -> str:  # type: ignore[no-untyped-def]
    view = window.code_tree.findChild(QtWidgets.QTreeView)
    model = view.model()
    flags = QtCore.Qt.MatchFlag.MatchRecursive | QtCore.Qt.MatchFlag.MatchStartsWith
    found = model.match(model.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole, name, 1, flags)
    return str(found[0].siblingAtColumn(1).data() or "") if found else ""


def document_count(window, name: str) -> str:  # type: ignore[no-untyped-def]
    model = window.browser.view.model()
    (found,) = model.match(model.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole, name, 1)
    horizontal = QtCore.Qt.Orientation.Horizontal
    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, horizontal) == "Codings"
    )
    return str(found.siblingAtColumn(column).data() or "")


def test_two_coders_see_each_others_codings_within_two_seconds(qtbot, team: TeamServer) -> None:  # type: ignore[no-untyped-def]
    bram = open_window(qtbot, team.urls["bram"])
    carla = open_window(qtbot, team.urls["carla"])
    try:
        # Identity is the login: shown in the coder box, not a choice.
        assert bram.coder.name == "Bram" and carla.coder.name == "Carla"
        assert not bram.coder_button.isEnabled()
        url = make_url(team.urls["bram"])
        where = f"bram@{url.host}:{url.port}/{url.database}"
        assert bram.team_relay.indicator.text() == f"Team server {where} · live"
        before = carla.view.highlight_count()
        # Carla is in the middle of something: a selection, a scroll position, history.
        code_with_quick_box(qtbot, carla, "Die waren er ook", "mentor")
        before += 1
        selection = TEXT.index("we lachten")
        cursor = QtGui.QTextCursor(carla.view.document())
        cursor.setPosition(selection)
        cursor.setPosition(selection + 10, QtGui.QTextCursor.MoveMode.KeepAnchor)
        carla.view.setTextCursor(cursor)
        carla.view.verticalScrollBar().setValue(carla.view.verticalScrollBar().maximum())
        scrolled = carla.view.verticalScrollBar().value()
        assert document_count(carla, "NI01") == "1 / 1"

        began = time.monotonic()
        span = code_with_quick_box(qtbot, bram, "Mijn moeder belde", "moeder")
        assert span in spans_by(bram, "Bram")
        qtbot.waitUntil(lambda: span in spans_by(carla, "Bram"), timeout=2000)
        assert time.monotonic() - began < 2.0
        assert carla.view.highlight_count() == before + 1
        qtbot.waitUntil(lambda: tree_count(carla, "Moeder") == "1", timeout=2000)
        carla.grab().save(str(SHOTS / "team-colleague-coding.png"))
        assert document_count(carla, "NI01") == "1 / 2"  # the document list follows
        # ... and nothing of what Carla was doing moved.
        kept = carla.view.textCursor()
        assert (kept.selectionStart(), kept.selectionEnd()) == (selection, selection + 10)
        assert carla.view.verticalScrollBar().value() == scrolled
        assert carla.undo_stack.count() == 1 and carla.undo_stack.canUndo()

        began = time.monotonic()
        other = code_with_quick_box(qtbot, carla, "Mijn mentor hielp", "mentor")
        assert carla.undo_stack.count() == 2
        qtbot.waitUntil(lambda: other in spans_by(bram, "Carla"), timeout=2000)
        assert time.monotonic() - began < 2.0

        # Carla's window cannot remove Bram's coding: the service refuses, nothing changes.
        bram_coding = next(c.id for c in carla.visible.values() if (c.start, c.end) == span)
        assert not carla.coding.remove(bram_coding)
        assert span in spans_by(bram, "Bram")
        # Undo in Bram's window removes his coding; Carla sees it go.
        bram.undo_stack.undo()
        qtbot.waitUntil(lambda: span not in spans_by(carla, "Bram"), timeout=2000)
        # The lead renames a code at her desk: both code trees follow.
        with team.open("anouk") as lead:
            lead.codebook.update("Steungever / Mentor", name="Studiebegeleider")
        qtbot.waitUntil(lambda: tree_count(bram, "Studiebegeleider") == "2", timeout=2000)
        qtbot.waitUntil(lambda: tree_count(carla, "Studiebegeleider") == "2", timeout=2000)
    finally:
        bram.close()
        carla.close()


def test_lost_server_is_reported_once_and_the_coding_is_kept(qtbot, restartable) -> None:  # type: ignore[no-untyped-def]
    from tests.team_helpers import make_team, seed_team

    team = make_team(restartable.url("postgres"))
    seed_team(team)
    bram = open_window(qtbot, team.urls["bram"])
    try:
        relay = bram.team_relay
        assert relay is not None
        restartable.halt()
        first = code_with_quick_box(qtbot, bram, "Mijn moeder belde", "moeder")
        second = code_with_quick_box(qtbot, bram, "Mijn mentor hielp", "mentor")
        qtbot.waitUntil(lambda: not relay.feed.listening, timeout=5000)
        assert len(relay.pending) == 2  # both kept, in order
        assert len(relay.reports) == 1  # one message for the outage, not one per action
        assert relay.indicator.text() == "Team server unreachable · changes kept: 2"

        restartable.resume()
        qtbot.waitUntil(lambda: not relay.outage, timeout=20000)
        assert len(relay.pending) == 0 and len(relay.reports) == 1
        assert relay.indicator.text().endswith(" · live")
        assert {first, second} <= spans_by(bram, "Bram")
        assert bram.undo_stack.count() == 2  # saved codings are ordinary undo steps
        with team.open("anouk") as lead:
            stored = [(c.start, c.end) for c in lead.codings.list(coder="Bram")]
        assert sorted(stored) == sorted([first, second])  # each exactly once
    finally:
        bram.close()


def test_a_stale_code_edit_offers_reload_and_redo(qtbot, team: TeamServer) -> None:  # type: ignore[no-untyped-def]
    from qualcode.ui.code_dialogs import HeadlessPrompts
    from qualcode.ui.codebook_commands import CodeFields

    window = open_window(qtbot, team.urls["anouk"])
    colleague = team.open("anouk")  # the same lead at another desk

    class ColleagueSavesFirst(HeadlessPrompts):
        def edit_code(self, title: str, fields: CodeFields) -> CodeFields | None:
            # While this dialog is open, the other desk renames the code and saves.
            colleague.codebook.update("Steungever / Mentor", name="Studiebegeleider")
            return CodeFields(fields.name, definition="Begeleidt de studie", colour=fields.colour)

    prompts = ColleagueSavesFirst()
    try:
        window.code_tree.prompts = prompts
        view = window.code_tree.findChild(QtWidgets.QTreeView)
        model = view.model()
        flags = QtCore.Qt.MatchFlag.MatchRecursive | QtCore.Qt.MatchFlag.MatchStartsWith
        (index,) = model.match(
            model.index(0, 0), QtCore.Qt.ItemDataRole.DisplayRole, "Mentor", 1, flags
        )
        view.setCurrentIndex(index)
        assert window.code_tree.edit_code()
        (question,) = prompts.questions
        assert "changed by Anouk" in question and "Studiebegeleider" in question
        assert "not saved" in question
        code = next(r for r in colleague.codebook.tree() if r.definition)
        # The colleague's name stays, and this desk's definition is applied on top of it.
        assert (code.name, code.definition) == ("Studiebegeleider", "Begeleidt de studie")
    finally:
        colleague.close()
        window.close()


class MemoryKeyring:
    """A keyring backend in memory, so the test never touches the user's keyring."""

    def __new__(cls):  # type: ignore[no-untyped-def]
        from keyring.backend import KeyringBackend

        class Memory(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.saved: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.saved.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.saved[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.saved.pop((service, username), None)

        return Memory()


def test_connect_dialog_keyring_and_recent_servers(  # type: ignore[no-untyped-def]
    qtbot, team: TeamServer, private_settings: Path
) -> None:
    import keyring

    from qualcode.ui.connect_dialog import ConnectDialog
    from qualcode.ui.main_window import MainWindow

    url = make_url(team.admin)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    window = MainWindow()
    window.quiet = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def fill_in() -> None:
        dialog = QtWidgets.QApplication.activeModalWidget()
        assert isinstance(dialog, ConnectDialog)
        dialog.grab().save(str(SHOTS / "connect-dialog.png"))
        for field, value in (
            (dialog.host, url.host),
            (dialog.database, url.database),
            (dialog.user, "bram"),
            (dialog.password, "bram-pw"),
        ):
            field.setFocus()
            qtbot.keyClicks(field, str(value))
        dialog.port.setFocus()
        dialog.port.selectAll()
        qtbot.keyClicks(dialog.port, str(url.port))
        qtbot.keyClick(dialog.password, QtCore.Qt.Key.Key_Return)

    try:
        QtCore.QTimer.singleShot(100, fill_in)
        qtbot.mouseClick(window.start.connect_button, QtCore.Qt.MouseButton.LeftButton)
        assert window.project is not None and window.coder.name == "Bram"
        locator = f"postgresql://bram@{url.host}:{url.port}/{url.database}"
        assert window.project.locator == locator  # no password in what is remembered
        assert memory.saved == {
            ("qualcode", f"bram@{url.host}:{url.port}/{url.database}"): "bram-pw"
        }
        window.close_project()
        from qualcode.ui.app import settings

        settings().sync()
        assert "bram-pw" not in private_settings.read_text(encoding="utf-8")
        item = window.start.recent.item(0)
        assert item.text() == f"{url.database}\nteam server · bram@{url.host}:{url.port}"
        window.grab().save(str(SHOTS / "start-team-server.png"))
        # Reopening from the start screen takes the password from the keyring.
        recent = window.start.recent
        centre = recent.visualItemRect(item).center()
        qtbot.mouseClick(recent.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(recent.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=centre)
        assert window.project is not None and window.project.engine.url.password == "bram-pw"
    finally:
        keyring.set_keyring(previous)
        window.close()


def test_check_out_code_offline_and_check_in_from_the_window(  # type: ignore[no-untyped-def]
    qtbot, team: TeamServer, tmp_path: Path
) -> None:
    from qualcode.ui import team_offline

    with team.open("anouk") as lead:
        lead.documents.assign("NI01", ["Bram"])
    window = open_window(qtbot, team.urls["bram"])
    try:
        copy = tmp_path / "bram-trein.qcdb"
        assert team_offline.check_out(window, copy)
        assert window.project is not None and window.project.locator == str(copy)
        assert window.team_relay is None  # a local file: no server, no feed
        window.show_document_named("NI01")
        assert window.coder is not None and window.coder.name == "Bram"
        span = code_with_quick_box(qtbot, window, "Mijn moeder belde", "moeder")
        report = team_offline.check_in(window)
        assert report is not None and "codings: 1 added" in report
        with team.open("anouk") as lead:
            assert [(c.start, c.end) for c in lead.codings.list(coder="Bram")] == [span]
    finally:
        window.close()
