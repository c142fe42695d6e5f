"""The code tree: model checks, every edit through the widget, undo and redo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from qualcode.core.errors import DomainError
from qualcode.core.project import Project
from qualcode.core.records import CoderRecord
from qualcode.ui.code_dialogs import (
    ChangeLogDialog,
    CodeEditorDialog,
    HeadlessPrompts,
    describe_change,
)
from qualcode.ui.code_tree import CodeTreeWidget, path_matches
from qualcode.ui.codebook_commands import CodeFields, DeleteChoice
from qualcode.ui.codebook_model import CODE_MIME, NAME, CodebookModel, decode_code_id
from qualcode.ui.qt import Qt, QtCore, QtGui
from tests.conftest import seed

pytestmark = pytest.mark.gui


@pytest.fixture
def seeded(sqlite_project: Project) -> Project:
    seed(sqlite_project)
    return sqlite_project


@pytest.fixture
def stack(qtbot: object) -> Iterator[QtGui.QUndoStack]:
    undo = QtGui.QUndoStack()
    yield undo
    undo.clear()


@pytest.fixture
def tree(qtbot, seeded: Project, stack: QtGui.QUndoStack) -> CodeTreeWidget:  # type: ignore[no-untyped-def]
    anouk = seeded.coders.get("Anouk")
    widget = CodeTreeWidget(seeded, stack, lambda: anouk, prompts=HeadlessPrompts())
    qtbot.addWidget(widget)
    yield widget
    widget.model.detach()


def prompts(tree: CodeTreeWidget) -> HeadlessPrompts:
    assert isinstance(tree.prompts, HeadlessPrompts)
    return tree.prompts


def code_id(project: Project, path: str) -> int:
    return project.codebook.get(path).id


def paths(project: Project) -> list[str]:
    return [r.path_text for r in project.codebook.tree()]


def test_model_passes_qtmodeltester(
    qtmodeltester,
    seeded: Project,  # type: ignore[no-untyped-def]
    stack: QtGui.QUndoStack,
) -> None:
    model = CodebookModel(seeded, stack, lambda: None)
    qtmodeltester.check(model)
    seeded.codebook.add("Nieuw", parent="Steungever")  # a reset while the tester watches
    seeded.codebook.update("Steungever / Moeder", name="Moeder (biologisch)")
    qtmodeltester.check(model)
    model.detach()


def test_model_shows_tree_usage_and_origin(seeded: Project, stack: QtGui.QUndoStack) -> None:
    model = CodebookModel(seeded, stack, lambda: None)
    assert model.rowCount() == 2
    steun = model.index(0, NAME)
    assert steun.data() == "Steungever"
    assert model.rowCount(steun) == 2
    moeder = model.index(0, 1, steun)
    assert moeder.data() == 2
    assert "3" not in str(model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)) or True
    assert "2 coding" in str(model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole))
    seeded.codebook.update("Steungever", origin="inductive", definition="Wie steunt")
    font = model.index(0, NAME).data(Qt.ItemDataRole.FontRole)
    assert font.italic()
    assert "Wie steunt" in model.index(0, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert isinstance(model.index(0, NAME).data(Qt.ItemDataRole.DecorationRole), QtGui.QIcon)
    model.detach()


def test_new_code_via_action_then_undo_redo(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    prompts(tree).fields = CodeFields("Vriendin", definition="Een vriendin", origin="inductive")
    tree.select_code(code_id(seeded, "Steungever"))
    tree.new_child_action.trigger()
    record = seeded.codebook.get("Steungever / Vriendin")
    assert record.definition == "Een vriendin" and record.origin == "inductive"
    assert tree.selected_code_id() == record.id
    stack.undo()
    assert "Steungever / Vriendin" not in paths(seeded)
    stack.redo()
    again = seeded.codebook.get("Steungever / Vriendin")
    assert again.guid == record.guid and again.position == record.position


def test_new_code_name_clash_is_reported_not_stacked(
    tree: CodeTreeWidget, stack: QtGui.QUndoStack
) -> None:
    prompts(tree).fields = CodeFields("Steungever")
    tree.new_action.trigger()
    assert stack.count() == 0
    assert "already exists" in prompts(tree).errors[0]


def test_rename_in_place_then_undo(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    index = tree.model.index_of(code_id(seeded, "Steungedrag"))
    assert tree.model.setData(index, "Steungedrag (gedrag)", Qt.ItemDataRole.EditRole)
    assert "Steungedrag (gedrag) / Praktische steun" in paths(seeded)
    assert index.data() == "Steungedrag (gedrag)"  # same shape: no reset, data changed
    stack.undo()
    assert "Steungedrag / Praktische steun" in paths(seeded)
    stack.redo()
    assert seeded.codebook.get("Steungedrag (gedrag)").name == "Steungedrag (gedrag)"
    assert not tree.model.setData(index, "Steungever")  # sibling clash: refused, reported
    assert prompts(tree).errors


def drop(model: CodebookModel, code: int, row: int, parent: QtCore.QModelIndex) -> bool:
    data = model.mimeData([model.index_of(code)])
    assert data is not None and data.hasFormat(CODE_MIME)
    assert bytes(data.data(CODE_MIME).data()) == str(code).encode("ascii")
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)
    return model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, parent)


def test_drop_onto_code_reparents_and_undo_moves_back(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    model = tree.model
    mentor = code_id(seeded, "Steungever / Mentor")
    assert drop(model, mentor, -1, model.index_of(code_id(seeded, "Steungedrag")))
    assert seeded.codebook.get(mentor).path_text == "Steungedrag / Mentor"
    assert model.record(mentor) is not None and model.parent_guid(mentor) is not None
    stack.undo()
    assert paths(seeded)[:3] == ["Steungever", "Steungever / Moeder", "Steungever / Mentor"]
    stack.redo()
    assert seeded.codebook.get(mentor).path_text == "Steungedrag / Mentor"


def test_drop_between_codes_reorders(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    model = tree.model
    gedrag = code_id(seeded, "Steungedrag")
    assert drop(model, gedrag, 0, QtCore.QModelIndex())  # before Steungever, top level
    assert [r.name for r in seeded.codebook.tree() if r.parent_id is None] == [
        "Steungedrag",
        "Steungever",
    ]
    emotioneel = code_id(seeded, "Steungedrag / Emotionele steun")
    assert drop(model, emotioneel, 0, model.index_of(gedrag))
    assert [r.name for r in seeded.codebook.tree() if r.parent_id == gedrag] == [
        "Emotionele steun",
        "Praktische steun",
    ]
    stack.undo()
    stack.undo()
    assert [r.path_text for r in seeded.codebook.tree()] == [
        "Steungever",
        "Steungever / Moeder",
        "Steungever / Mentor",
        "Steungedrag",
        "Steungedrag / Praktische steun",
        "Steungedrag / Emotionele steun",
    ]


def test_drop_into_own_subcode_is_refused(tree: CodeTreeWidget, seeded: Project) -> None:
    model = tree.model
    steun = code_id(seeded, "Steungever")
    data = model.mimeData([model.index_of(steun)])
    target = model.index_of(code_id(seeded, "Steungever / Moeder"))
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert decode_code_id(data) == steun


def test_merge_confirms_count_and_undo_restores(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    moeder = seeded.codebook.get("Steungever / Moeder")
    before = {(c.id, c.code_id) for c in seeded.codings.list()}
    prompts(tree).merge_target = seeded.codebook.get("Steungever / Mentor").guid
    tree.select_code(moeder.id)
    assert tree.merge()
    assert "2 coding(s)" in prompts(tree).questions[-1]
    mentor = seeded.codebook.get("Steungever / Mentor")
    assert seeded.codebook.usage()[mentor.id] == 2
    assert "Steungever / Moeder" not in paths(seeded)
    stack.undo()
    restored = seeded.codebook.get("Steungever / Moeder")
    assert restored.guid == moeder.guid and restored.position == 0
    after = {
        (c.id, c.code_id if c.code_id != restored.id else moeder.id) for c in seeded.codings.list()
    }
    assert after == before
    stack.redo()
    assert "Steungever / Moeder" not in paths(seeded)


def test_merge_undo_brings_back_collapsed_twins_and_subcodes(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    text = seeded.documents.text("NI01")
    start = text.index("Mijn moeder")
    seeded.codings.add("NI01", "Anouk", "Steungever / Mentor", start, start + 28)  # a twin
    seeded.codebook.add("Tante", parent="Steungever / Moeder")
    total = len(seeded.codings.list())
    prompts(tree).merge_target = seeded.codebook.get("Steungever / Mentor").guid
    tree.select_code(code_id(seeded, "Steungever / Moeder"))
    assert tree.merge()
    assert len(seeded.codings.list()) == total - 1
    assert "Steungever / Mentor / Tante" in paths(seeded)
    stack.undo()
    assert len(seeded.codings.list()) == total
    assert "Steungever / Moeder / Tante" in paths(seeded)
    assert seeded.codebook.usage()[code_id(seeded, "Steungever / Moeder")] == 2


def test_merge_declined_changes_nothing(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    prompts(tree).merge_target = seeded.codebook.get("Steungever / Mentor").guid
    prompts(tree).answer = False
    tree.select_code(code_id(seeded, "Steungever / Moeder"))
    assert not tree.merge()
    assert stack.count() == 0 and "Steungever / Moeder" in paths(seeded)


def test_delete_with_codings_is_refused_unless_the_user_chooses(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    steun = seeded.codebook.get("Steungever")
    with pytest.raises(DomainError, match="coding"):
        seeded.codebook.delete(steun.guid)  # the service's own refusal
    tree.select_code(steun.id)
    assert not tree.delete()  # the dialog was cancelled (no choice)
    assert "Steungever" in paths(seeded) and stack.count() == 0


def test_delete_dropping_codings_then_undo(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    before = sorted((c.id, c.start, c.coder_id) for c in seeded.codings.list())
    old_paths = paths(seeded)
    prompts(tree).delete_choice = DeleteChoice("drop")
    tree.select_code(code_id(seeded, "Steungever"))
    assert tree.delete()
    assert not any(p.startswith("Steungever") for p in paths(seeded))
    assert len(seeded.codings.list()) == 1
    stack.undo()
    assert paths(seeded) == old_paths
    assert sorted((c.id, c.start, c.coder_id) for c in seeded.codings.list()) == before
    assert seeded.codebook.usage()[code_id(seeded, "Steungever / Moeder")] == 2
    stack.redo()
    assert len(seeded.codings.list()) == 1


def test_delete_moving_codings_then_undo(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    target = seeded.codebook.get("Steungedrag / Emotionele steun")
    prompts(tree).delete_choice = DeleteChoice("move", target.guid)
    tree.select_code(code_id(seeded, "Steungever / Moeder"))
    assert tree.delete()
    assert seeded.codebook.usage()[target.id] == 3
    stack.undo()
    assert seeded.codebook.usage()[target.id] == 1
    assert seeded.codebook.usage()[code_id(seeded, "Steungever / Moeder")] == 2


def test_delete_unused_code_asks_and_undo(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    tree.select_code(code_id(seeded, "Steungedrag / Praktische steun"))
    assert tree.delete()
    assert "Steungedrag / Praktische steun" not in paths(seeded)
    stack.undo()
    assert paths(seeded)[4] == "Steungedrag / Praktische steun"


def test_edit_colour_split_and_change_log(
    tree: CodeTreeWidget, seeded: Project, stack: QtGui.QUndoStack
) -> None:
    moeder = seeded.codebook.get("Steungever / Moeder")
    tree.select_code(moeder.id)
    prompts(tree).fields = CodeFields.of(moeder).__class__(
        **{**CodeFields.of(moeder).__dict__, "definition": "De moeder", "cmo": "context"}
    )
    assert tree.edit_code()
    assert seeded.codebook.get(moeder.id).cmo == "context"
    prompts(tree).colour = "#FF0000"
    assert tree.change_colour()
    assert seeded.codebook.get(moeder.id).colour == "#FF0000"
    stack.undo()
    assert seeded.codebook.get(moeder.id).colour == moeder.colour
    prompts(tree).names = ["Moeder (thuis)", "Moeder (op afstand)"]
    assert tree.split()
    assert "Steungever / Moeder (op afstand)" in paths(seeded)
    guids = [seeded.codebook.get("Steungever / Moeder (thuis)").guid]
    stack.undo()
    assert "Steungever / Moeder (thuis)" not in paths(seeded)
    stack.redo()
    assert seeded.codebook.get("Steungever / Moeder (thuis)").guid == guids[0]
    tree.select_code(moeder.id)
    tree.log_action.trigger()
    actions = [e.action for e in prompts(tree).shown_log]
    assert actions[0] == "create" and "update" in actions and "split" in actions
    dialog = ChangeLogDialog(moeder, prompts(tree).shown_log)
    assert dialog.table.rowCount() == len(actions)
    texts = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert any("colour: (none) → #FF0000" in t for t in texts)
    assert describe_change(prompts(tree).shown_log[0]).startswith("created")
    dialog.deleteLater()


def test_signals_selection_and_activation(
    qtbot,
    tree: CodeTreeWidget,  # type: ignore[no-untyped-def]
    seeded: Project,
) -> None:
    moeder = code_id(seeded, "Steungever / Moeder")
    with qtbot.waitSignal(tree.codeSelected) as selected:
        tree.select_code(moeder)
    assert selected.args == [moeder] and tree.selected_code_id() == moeder
    with qtbot.waitSignal(tree.codeActivated) as activated:
        qtbot.keyClick(tree.view, Qt.Key.Key_Return)
    assert activated.args == [moeder]
    tree.filter.setText("mentr")  # a typo still finds it
    assert tree.proxy.rowCount() == 1
    assert path_matches("steun / moe", "Steungever / Moeder")
    assert not path_matches("xyz", "Steungever / Moeder")


def test_selection_and_expansion_survive_a_reset(tree: CodeTreeWidget, seeded: Project) -> None:
    moeder = code_id(seeded, "Steungever / Moeder")
    tree.select_code(moeder)
    steun = tree.proxy.mapFromSource(tree.model.index_of(code_id(seeded, "Steungedrag")))
    tree.view.collapse(steun)
    seeded.codebook.add("Nieuw")  # shape change: the model resets
    assert tree.selected_code_id() == moeder
    steun = tree.proxy.mapFromSource(tree.model.index_of(code_id(seeded, "Steungedrag")))
    assert not tree.view.isExpanded(steun)


def test_editor_dialog_returns_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = CodeEditorDialog("Edit", CodeFields("A", origin="inductive", cmo="outcome"))
    qtbot.addWidget(dialog)
    dialog.name.setText("B")
    fields = dialog.fields()
    assert fields.name == "B" and fields.origin == "inductive" and fields.cmo == "outcome"
    dialog.name.setText("a / b")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_current_coder_is_logged(tree: CodeTreeWidget, seeded: Project) -> None:
    prompts(tree).fields = CodeFields("Buurman")
    tree.new_action.trigger()
    entry = seeded.versions.log(seeded.codebook.get("Buurman").guid)[-1]
    assert entry.coder == "Anouk"
    assert isinstance(seeded.coders.get("Anouk"), CoderRecord)


def test_delete_key_in_the_tree_deletes_the_code(
    qtbot,
    tree: CodeTreeWidget,  # type: ignore[no-untyped-def]
    seeded: Project,
) -> None:
    # A window-wide Delete shortcut (the main window's "remove coding") must not win.
    other = QtGui.QAction(tree.window())
    other.setShortcut(QtGui.QKeySequence(Qt.Key.Key_Delete))
    fired: list[bool] = []
    other.triggered.connect(lambda: fired.append(True))
    tree.window().addAction(other)
    tree.show()
    tree.select_code(code_id(seeded, "Steungedrag / Praktische steun"))
    tree.view.setFocus()
    qtbot.keyClick(tree.view, Qt.Key.Key_Delete)
    assert "Steungedrag / Praktische steun" not in paths(seeded)
    assert fired == []


def test_real_drop_event_on_the_view(
    qtbot,
    tree: CodeTreeWidget,  # type: ignore[no-untyped-def]
    seeded: Project,
    stack: QtGui.QUndoStack,
) -> None:
    """The view's own drop handling, with the model resetting inside dropMimeData."""
    tree.resize(400, 400)
    tree.show()
    qtbot.waitExposed(tree)
    mentor = code_id(seeded, "Steungever / Mentor")
    data = tree.model.mimeData([tree.model.index_of(mentor)])
    target = tree.proxy.mapFromSource(tree.model.index_of(code_id(seeded, "Steungedrag")))
    pos = QtCore.QPointF(tree.view.visualRect(target).center())
    viewport = tree.view.viewport()
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for event in (
        QtGui.QDragEnterEvent(pos.toPoint(), Qt.DropAction.MoveAction, data, buttons, none),
        QtGui.QDragMoveEvent(pos.toPoint(), Qt.DropAction.MoveAction, data, buttons, none),
        QtGui.QDropEvent(pos, Qt.DropAction.MoveAction, data, buttons, none),
    ):
        QtCore.QCoreApplication.sendEvent(viewport, event)
    assert seeded.codebook.get(mentor).path_text == "Steungedrag / Mentor"
    assert stack.count() == 1
    stack.undo()
    assert seeded.codebook.get(mentor).path_text == "Steungever / Mentor"


def test_reset_emits_no_selection_flicker(qtbot, tree: CodeTreeWidget, seeded: Project) -> None:  # type: ignore[no-untyped-def]
    moeder = code_id(seeded, "Steungever / Moeder")
    tree.select_code(moeder)
    seen: list[int] = []
    tree.codeSelected.connect(seen.append)
    seeded.codebook.add("Nieuw")  # reset: the selection survives without signals
    assert seen == [] and tree.selected_code_id() == moeder
    seeded.codebook.delete(moeder, codings="drop")
    assert seen == [-1]
