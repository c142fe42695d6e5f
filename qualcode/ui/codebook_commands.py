"""Undoable codebook edits: each command calls only ``project.codebook``/``codings`` services.

Commands refer to codes by guid, never by database id: undoing a delete re-creates a code
with its old guid but a new id, and later commands on the stack must still find it.

A command runs once through :func:`push` *before* it goes on the stack, so a refused edit
(a name clash, say) raises :class:`QualcodeError` to the caller and never reaches the stack.
Later undo/redo failures (the project changed underneath) mark the command obsolete, which
drops it from the stack, and are reported through ``on_error``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from qualcode.core.errors import QualcodeError
from qualcode.core.records import CodeRecord, CodingRecord
from qualcode.ui.qt import QtCore, QtGui

if TYPE_CHECKING:
    from qualcode.core.project import Project

translate = QtCore.QCoreApplication.translate
ErrorHandler = Callable[[str], None]


@dataclass(frozen=True)
class CodeFields:
    """The user-editable fields of a code, as the editor dialog shows them."""

    name: str
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str = "#9C9C9C"
    origin: str = "deductive"
    cmo: str | None = None

    @classmethod
    def of(cls, record: CodeRecord) -> CodeFields:
        return cls(
            record.name,
            record.definition,
            record.inclusion,
            record.exclusion,
            record.example,
            record.colour,
            record.origin,
            record.cmo,
        )

    def extra(self) -> dict[str, Any]:
        """Everything but the name, as keyword arguments for ``codebook.add``."""
        return {
            "definition": self.definition,
            "inclusion": self.inclusion,
            "exclusion": self.exclusion,
            "example": self.example,
            "colour": self.colour,
            "origin": self.origin,
            "cmo": self.cmo,
        }

    def changes_from(self, record: CodeRecord) -> dict[str, Any]:
        """Only the fields that differ from ``record`` (for ``codebook.update``)."""
        new = {"name": self.name, **self.extra()}
        return {k: v for k, v in new.items() if getattr(record, k) != v}


@dataclass(frozen=True)
class DeleteChoice:
    """What happens to a deleted code's codings: ``drop`` them or ``move`` them elsewhere."""

    mode: str
    move_to: str | None = None


def push(stack: QtGui.QUndoStack, command: CodebookCommand) -> None:
    """Run ``command`` now (raising on refusal), then put it on the stack without re-running."""
    command.execute()
    stack.push(command)


class CodebookCommand(QtGui.QUndoCommand):
    def __init__(
        self, project: Project, coder: int | None, text: str, on_error: ErrorHandler | None
    ) -> None:
        super().__init__(text)
        self._project = project
        self._coder = coder
        self._on_error = on_error
        self._executed = False

    def execute(self) -> None:
        self._do()
        self._executed = True

    def redo(self) -> None:
        if self._executed:
            # QUndoStack.push calls redo(); push() already did the work.
            self._executed = False
            return
        self._guarded(self._do)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, action: Callable[[], None]) -> None:
        # An exception must not escape into Qt's C++ undo stack; drop the command instead.
        try:
            action()
        except QualcodeError as exc:
            self.setObsolete(True)
            if self._on_error is not None:
                self._on_error(str(exc))

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    # Helpers shared by commands that must bring codes and codings back ---------------
    def _recreate(self, record: CodeRecord, parent_guid: str | None) -> CodeRecord:
        return self._project.codebook.add(
            record.name,
            parent=parent_guid,
            position=record.position,
            guid=record.guid,
            coder=self._coder,
            **CodeFields.of(record).extra(),
        )

    def _put_codings_back(
        self, originals: Sequence[CodingRecord], holder_guid: str | None, id_map: dict[int, int]
    ) -> None:
        """Return codings to their old codes: reassign those that moved to ``holder_guid``,
        restore those that were dropped or collapsed as twins. ``id_map`` maps old code ids
        to the ids of re-created codes."""
        codings = self._project.codings
        present = {c.id: c for c in codings.list(code=holder_guid)} if holder_guid else {}
        back: dict[int, list[int]] = {}
        missing: list[CodingRecord] = []
        for original in originals:
            code_id = id_map.get(original.code_id, original.code_id)
            now = present.get(original.id)
            if now is None:
                missing.append(replace(original, code_id=code_id))
            elif now.code_id != code_id:
                back.setdefault(code_id, []).append(original.id)
        for code_id, ids in back.items():
            codings.reassign(ids, code_id)
        if missing:
            codings.restore(missing)


class AddCodeCommand(CodebookCommand):
    def __init__(
        self,
        project: Project,
        coder: int | None,
        fields: CodeFields,
        parent_guid: str | None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            project,
            coder,
            translate("CodebookCommands", "Add code “{0}”").format(fields.name),
            on_error,
        )
        self._fields = fields
        self._parent = parent_guid
        self.guid: str | None = None
        self._position: int | None = None

    def _do(self) -> None:
        # The first run picks guid and position; redo puts the code back exactly there.
        record = self._project.codebook.add(
            self._fields.name,
            parent=self._parent,
            coder=self._coder,
            position=self._position,
            guid=self.guid,
            **self._fields.extra(),
        )
        self.guid, self._position = record.guid, record.position

    def _undo(self) -> None:
        assert self.guid is not None
        self._project.codebook.delete(self.guid, coder=self._coder, codings="refuse")


class UpdateCodeCommand(CodebookCommand):
    """Rename, redefine or recolour: update forward, update back."""

    def __init__(
        self,
        project: Project,
        coder: int | None,
        record: CodeRecord,
        changes: dict[str, Any],
        on_error: ErrorHandler | None = None,
    ) -> None:
        if set(changes) == {"name"}:
            text = translate("CodebookCommands", "Rename code “{0}” to “{1}”").format(
                record.name, changes["name"]
            )
        else:
            text = translate("CodebookCommands", "Edit code “{0}”").format(record.name)
        super().__init__(project, coder, text, on_error)
        self._guid = record.guid
        self._after = dict(changes)
        self._before = {k: getattr(record, k) for k in changes}
        # The version the user saw: the first run is refused if a colleague changed the
        # code since (optimistic concurrency); undo/redo then work on what is current.
        self._version: int | None = record.version

    @property
    def guid(self) -> str:
        return self._guid

    @property
    def changes(self) -> dict[str, Any]:
        return dict(self._after)

    def _do(self) -> None:
        version, self._version = self._version, None
        try:
            self._project.codebook.update(
                self._guid, coder=self._coder, expected_version=version, **self._after
            )
        except QualcodeError:
            self._version = version
            raise

    def _undo(self) -> None:
        self._project.codebook.update(self._guid, coder=self._coder, **self._before)


class MoveCodeCommand(CodebookCommand):
    def __init__(
        self,
        project: Project,
        coder: int | None,
        record: CodeRecord,
        old_parent: str | None,
        old_row: int,
        new_parent: str | None,
        new_row: int | None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            project,
            coder,
            translate("CodebookCommands", "Move code “{0}”").format(record.name),
            on_error,
        )
        self._guid = record.guid
        self._old = (old_parent, old_row)
        self._new = (new_parent, new_row)
        self._version: int | None = record.version  # first run only: see UpdateCodeCommand

    def _do(self) -> None:
        parent, row = self._new
        version, self._version = self._version, None
        try:
            self._project.codebook.move(
                self._guid,
                parent=parent,
                position=row,
                coder=self._coder,
                expected_version=version,
            )
        except QualcodeError:
            self._version = version
            raise

    def _undo(self) -> None:
        parent, row = self._old
        self._project.codebook.move(self._guid, parent=parent, position=row, coder=self._coder)


def _subtree(records: Sequence[CodeRecord], guid: str) -> list[CodeRecord]:
    """The code and its descendants in tree order (parents before children)."""
    inside: set[int] = set()
    found: list[CodeRecord] = []
    for record in records:
        if record.guid == guid or record.parent_id in inside:
            inside.add(record.id)
            found.append(record)
    return found


class DeleteCodeCommand(CodebookCommand):
    """Delete a code with its sub-codes; undo re-creates them (same guids) and their codings."""

    def __init__(
        self,
        project: Project,
        coder: int | None,
        record: CodeRecord,
        choice: DeleteChoice | None = None,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            project,
            coder,
            translate("CodebookCommands", "Delete code “{0}”").format(record.name),
            on_error,
        )
        self._guid = record.guid
        self._choice = choice or DeleteChoice("refuse")
        self._codes: list[tuple[CodeRecord, str | None]] = []
        self._codings: list[CodingRecord] = []
        self._version: int | None = record.version  # first run only: see UpdateCodeCommand

    def _do(self) -> None:
        # Capture on every run: what exists now is what undo must bring back.
        records = self._project.codebook.tree()
        guids = {r.id: r.guid for r in records}
        self._codes = [
            (r, guids.get(r.parent_id) if r.parent_id else None)
            for r in _subtree(records, self._guid)
        ]
        codings = self._project.codings
        self._codings = codings.list(code=self._guid, with_subcodes=True)
        if self._choice.mode == "move" and self._choice.move_to:
            # Twins collapse at the destination, possibly deleting its own older codings.
            self._codings += codings.list(code=self._choice.move_to)
        version, self._version = self._version, None
        try:
            self._project.codebook.delete(
                self._guid,
                coder=self._coder,
                codings=self._choice.mode,
                move_to=self._choice.move_to,
                expected_version=version,
            )
        except QualcodeError:
            self._version = version
            raise

    def _undo(self) -> None:
        id_map = {old.id: self._recreate(old, parent).id for old, parent in self._codes}
        if self._codings:
            holder = self._choice.move_to if self._choice.mode == "move" else None
            self._put_codings_back(self._codings, holder, id_map)


class MergeCodesCommand(CodebookCommand):
    """Merge one code into another; undo re-creates the source with its guid, moves its
    sub-codes back and returns its codings (including twins the merge collapsed)."""

    def __init__(
        self,
        project: Project,
        coder: int | None,
        source: CodeRecord,
        target: CodeRecord,
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            project,
            coder,
            translate("CodebookCommands", "Merge “{0}” into “{1}”").format(
                source.name, target.name
            ),
            on_error,
        )
        self._source = source.guid
        self._target = target.guid
        self._record = source
        self._parent: str | None = None
        self._children: list[tuple[str, int]] = []
        self._codings: list[CodingRecord] = []

    def _do(self) -> None:
        records = self._project.codebook.tree()
        by_guid = {r.guid: r for r in records}
        guids = {r.id: r.guid for r in records}
        source = by_guid.get(self._source)
        if source is not None:
            self._record = source
            self._parent = guids.get(source.parent_id) if source.parent_id else None
            self._children = [(r.guid, r.position) for r in records if r.parent_id == source.id]
            codings = self._project.codings
            self._codings = codings.list(code=self._source) + codings.list(code=self._target)
        self._project.codebook.merge([self._source], self._target, coder=self._coder)

    def _undo(self) -> None:
        source = self._recreate(self._record, self._parent)
        for guid, position in sorted(self._children, key=lambda c: c[1]):
            self._project.codebook.move(
                guid, parent=self._source, position=position, coder=self._coder
            )
        self._put_codings_back(self._codings, self._target, {self._record.id: source.id})


class SplitCodeCommand(CodebookCommand):
    """New sibling codes that take over part of a code's meaning; the original keeps its
    codings (the split logbook entry is written on the first run only)."""

    def __init__(
        self,
        project: Project,
        coder: int | None,
        record: CodeRecord,
        names: Sequence[str],
        on_error: ErrorHandler | None = None,
    ) -> None:
        super().__init__(
            project,
            coder,
            translate("CodebookCommands", "Split code “{0}”").format(record.name),
            on_error,
        )
        self._guid = record.guid
        self._names = list(names)
        self._created: list[CodeRecord] = []
        self._parent: str | None = None

    @property
    def created_guids(self) -> list[str]:
        return [r.guid for r in self._created]

    def _do(self) -> None:
        if not self._created:
            self._created = self._project.codebook.split(self._guid, self._names, coder=self._coder)
            parent_id = self._created[0].parent_id
            self._parent = self._project.codebook.get(parent_id).guid if parent_id else None
            return
        # Redo: same guids as the first run, so later commands on the stack still apply.
        for record in self._created:
            self._recreate(record, self._parent)

    def _undo(self) -> None:
        for record in reversed(self._created):
            self._project.codebook.delete(record.guid, coder=self._coder, codings="refuse")
