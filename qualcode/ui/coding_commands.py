"""Undo commands for codings (and the codes the coding workflow creates on the fly).

``redo()``/``undo()`` call only service methods, so the stack never touches SQL and the
services keep notifying views. A command that fails in its first ``redo()`` keeps the
error in ``error`` and marks itself obsolete, so ``QUndoStack.push`` drops it instead of
leaving a step that cannot be undone (Qt swallows exceptions raised in virtual calls).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.records import CodeRecord, CodingRecord
from qualcode.ui.qt import QtCore, QtGui

CodeKey = int | str
MEMO_EDIT_ID = 7101  # a code id, or a guid for codes that undo/redo may re-create


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("CodingCommands", text)


class _ServiceCommand(QtGui.QUndoCommand):
    """Base: runs ``_do``/``_undo`` and turns a domain error into an obsolete command."""

    def __init__(self, text: str, parent: QtGui.QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.error: QualcodeError | None = None

    def redo(self) -> None:
        # A macro's base redo() runs its children; ours have none, parents use MacroCommand.
        try:
            self._do()
        except QualcodeError as exc:
            self.error = exc
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self._undo()
        except QualcodeError as exc:
            self.error = exc

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddCodingCommand(_ServiceCommand):
    """Code ``start``-``end`` of a document; redo after undo restores the same coding id."""

    def __init__(
        self,
        project: Project,
        document_id: int,
        coder_id: int,
        code: CodeKey,
        start: int,
        end: int,
        memo: str = "",
        *,
        label: str = "",
        parent: QtGui.QUndoCommand | None = None,
    ) -> None:
        super().__init__(label or _tr("Apply code"), parent)
        self.project = project
        self.document_id, self.coder_id, self.code = document_id, coder_id, code
        self.start, self.end, self.memo = start, end, memo
        self.record: CodingRecord | None = None

    def _do(self) -> None:
        if self.record is None:
            self.record = self.project.codings.add(
                self.document_id, self.coder_id, self.code, self.start, self.end, self.memo
            )
        else:
            # The code may have been re-created with a new id by a parent command's redo.
            code_id = self.project.codebook.get(self.code).id
            self.record = self.project.codings.restore([replace(self.record, code_id=code_id)])[0]

    def _undo(self) -> None:
        if self.record is not None:
            self.project.codings.remove([self.record.id])


class CodeHitsCommand(_ServiceCommand):
    """Code many spans (all hits of a search) with one code: one undo step.

    Spans this coder already coded with this code are skipped (a coding is stored once).
    """

    def __init__(
        self,
        project: Project,
        coder_id: int,
        code_id: int,
        spans: Sequence[tuple[int, int, int]],
        label: str,
    ) -> None:
        super().__init__(label)
        self.project, self.coder_id, self.code_id = project, coder_id, code_id
        self.spans = list(spans)
        self.added: list[CodingRecord] = []
        self.document_id: int | None = spans[0][0] if spans else None

    def _do(self) -> None:
        from qualcode.core.services.codings import NewCoding

        if self.added:  # redo after undo: the same codings, same ids
            self.project.codings.restore(self.added)
            return
        have = {
            (c.document_id, c.start, c.end)
            for c in self.project.codings.list(coder=self.coder_id, code=self.code_id)
        }
        new = [
            NewCoding(doc, self.coder_id, self.code_id, start, end)
            for doc, start, end in dict.fromkeys(self.spans)
            if (doc, start, end) not in have
        ]
        self.added = self.project.codings.add_many(new) if new else []
        if not self.added:
            self.setObsolete(True)  # every hit coded already: no empty undo step

    def _undo(self) -> None:
        if self.added:
            self.project.codings.remove([c.id for c in self.added])


class RemoveCodingsCommand(_ServiceCommand):
    def __init__(
        self, project: Project, coding_ids: Sequence[int], parent: QtGui.QUndoCommand | None = None
    ) -> None:
        label = _tr("Remove coding") if len(coding_ids) == 1 else _tr("Remove codings")
        super().__init__(label, parent)
        self.project = project
        self.coding_ids = list(coding_ids)
        self.removed: list[CodingRecord] = []
        self.document_id: int | None = None

    def _do(self) -> None:
        self.removed = self.project.codings.remove(self.coding_ids)
        self.document_id = self.removed[0].document_id if self.removed else None

    def _undo(self) -> None:
        self.project.codings.restore(self.removed)


class UpdateCodingCommand(_ServiceCommand):
    """Change a coding's span, code and/or memo; undo puts the previous values back."""

    def __init__(
        self,
        project: Project,
        coding_id: int,
        *,
        start: int | None = None,
        end: int | None = None,
        code_id: int | None = None,
        memo: str | None = None,
        parent: QtGui.QUndoCommand | None = None,
    ) -> None:
        if memo is not None and start is None and code_id is None:
            label = _tr("Edit coding memo")
        elif code_id is not None:
            label = _tr("Change coding's code")
        else:
            label = _tr("Change coding span")
        super().__init__(label, parent)
        self.project = project
        self.coding_id = coding_id
        self.new = {"start": start, "end": end, "code": code_id, "memo": memo}
        self.before: CodingRecord | None = None
        self.document_id: int | None = None

    def id(self) -> int:
        # Memo-only edits of one coding merge into one undo step (autosave while typing).
        only_memo = all(self.new[k] is None for k in ("start", "end", "code"))
        return MEMO_EDIT_ID if only_memo else -1

    def mergeWith(self, other: QtGui.QUndoCommand) -> bool:
        if not isinstance(other, UpdateCodingCommand) or other.coding_id != self.coding_id:
            return False
        if other.error is not None:
            return False
        self.new = dict(other.new)  # undo still returns to this command's ``before``
        return True

    def _do(self) -> None:
        if self.before is None:
            self.before = self.project.codings.get(self.coding_id)
            self.document_id = self.before.document_id
        self.project.codings.update(self.coding_id, **self.new)  # type: ignore[arg-type]

    def _undo(self) -> None:
        b = self.before
        if b is not None:
            self.project.codings.update(b.id, start=b.start, end=b.end, code=b.code_id, memo=b.memo)


class CreateCodeCommand(_ServiceCommand):
    """A new code (inductive or in-vivo); redo after undo re-creates it with the same guid."""

    def __init__(
        self,
        project: Project,
        name: str,
        *,
        parent_code: int | None,
        coder_id: int | None,
        origin: str = "inductive",
        colour: str | None = None,
        parent: QtGui.QUndoCommand | None = None,
    ) -> None:
        super().__init__(_tr("New code “{0}”").replace("{0}", name), parent)
        self.project = project
        self.name, self.parent_code, self.coder_id = name, parent_code, coder_id
        self.origin, self.colour = origin, colour
        self.guid: str | None = None
        self.parent_guid: str | None = None
        self.record: CodeRecord | None = None

    def _do(self) -> None:
        if self.parent_code is not None and self.parent_guid is None:
            self.parent_guid = self.project.codebook.get(self.parent_code).guid
        fields: dict[str, str] = {"origin": self.origin}
        if self.colour:
            fields["colour"] = self.colour
        self.record = self.project.codebook.add(
            self.name, parent=self.parent_guid, coder=self.coder_id, guid=self.guid, **fields
        )
        self.guid = self.record.guid

    def _undo(self) -> None:
        if self.guid is not None:
            self.project.codebook.delete(self.guid, coder=self.coder_id)


class MacroCommand(QtGui.QUndoCommand):
    """A parent whose children run in order; if one fails, the finished ones are undone."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.error: QualcodeError | None = None
        self._steps: list[_ServiceCommand] = []

    @property
    def document_id(self) -> int | None:
        """The document a step codes in, so undo can show it."""
        return next(
            (
                getattr(s, "document_id", None)
                for s in self._steps
                if getattr(s, "document_id", None) is not None
            ),
            None,
        )

    def steps(self) -> list[_ServiceCommand]:
        return list(self._steps)

    def add(self, step: _ServiceCommand) -> _ServiceCommand:
        self._steps.append(step)
        return step

    def redo(self) -> None:
        done: list[_ServiceCommand] = []
        for step in self._steps:
            step.error = None
            step.redo()
            if step.error is not None:
                self.error = step.error
                for finished in reversed(done):
                    finished.undo()
                self.setObsolete(True)
                return
            done.append(step)

    def undo(self) -> None:
        for step in reversed(self._steps):
            step.undo()


def create_and_apply(
    project: Project,
    name: str,
    *,
    parent_code: int | None,
    coder_id: int,
    origin: str,
    document_id: int | None,
    span: tuple[int, int] | None,
    label: str,
    colour: str | None = None,
) -> tuple[MacroCommand, CreateCodeCommand]:
    """One undo step that creates a code and, with a selection, codes it right away.

    The steps are the macro's children, held in Python rather than as Qt children: PySide
    does not hand a child's ownership to its parent command, so Qt-side children would be
    freed twice when the stack is cleared. Holding them also lets the apply step ask the
    create step for the guid it got, and lets a failed step roll back the finished ones.
    """
    macro = MacroCommand(label)
    create = CreateCodeCommand(
        project, name, parent_code=parent_code, coder_id=coder_id, origin=origin, colour=colour
    )
    macro.add(create)
    if document_id is not None and span is not None:
        macro.add(_ApplyCreated(project, create, document_id, coder_id, span))
    return macro, create


class _ApplyCreated(AddCodingCommand):
    """Applies the code its sibling ``CreateCodeCommand`` made (known only after redo)."""

    def __init__(
        self,
        project: Project,
        create: CreateCodeCommand,
        document_id: int,
        coder_id: int,
        span: tuple[int, int],
    ) -> None:
        super().__init__(project, document_id, coder_id, 0, span[0], span[1])
        self._create = create

    def _do(self) -> None:
        assert self._create.guid is not None
        self.code = self._create.guid
        super()._do()
