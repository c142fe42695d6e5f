"""What the Coding menu does: every action becomes one command on the session's undo stack."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from qualcode.core.errors import ConnectionLost, QualcodeError
from qualcode.core.project import Project
from qualcode.core.records import CoderRecord
from qualcode.ui import new_code_dialog, project_flow
from qualcode.ui.coding_commands import (
    AddCodingCommand,
    CodeHitsCommand,
    RemoveCodingsCommand,
    UpdateCodingCommand,
    create_and_apply,
)
from qualcode.ui.qt import QtCore, QtGui, QtWidgets, Signal
from qualcode.ui.transcript_view import snap_to_words

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow

RECENT_LIMIT = 9
IN_VIVO_MAX = 60


def in_vivo_name(text: str) -> str:
    """The selected words as a code name: one line, no path separator, not too long."""
    name = " ".join(text.split()).strip(" \t.,;:!?\"'“”‘’()[]-–")
    name = name.replace("/", "-")
    if len(name) > IN_VIVO_MAX:
        name = name[:IN_VIVO_MAX].rsplit(" ", 1)[0] + "…"
    return re.sub(r"\s+", " ", name)


class CodingController(QtCore.QObject):
    recentChanged = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.recent: list[int] = []

    # Context --------------------------------------------------------------------------
    def _say(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 6000)

    def _context(self) -> tuple[Project, CoderRecord, int] | None:
        w = self.w
        if w.project is None or w.document_id is None:
            self._say(self.tr("Open a document first."))
            return None
        if w.coder is None and not w.coders and not w.quiet:
            self._ask_first_coder()
        if w.coder is None:
            self._say(self.tr("Choose who is coding in the toolbar first."))
            return None
        return w.project, w.coder, w.document_id

    def _ask_first_coder(self) -> None:
        """A project without coders (created without a name) gets its first, a lead."""
        assert self.w.project is not None
        name, ok = QtWidgets.QInputDialog.getText(
            self.w,
            self.tr("Who is coding?"),
            self.tr("Your name, as coder (the first coder leads the project):"),
        )
        if ok and name.strip():
            try:
                self.w.project.coders.add(name.strip(), role="lead")
            except QualcodeError as exc:
                self._say(str(exc))
                return
            self.w.set_coder(name.strip())

    def _span(self) -> tuple[int, int] | None:
        span = self.w.view.selection_span(snap=self.w.snap_to_words)
        if span is None:
            self._say(self.tr("Select some text in the transcript first."))
        return span

    def _push(
        self,
        command: QtGui.QUndoCommand,
        again: Callable[[], QtGui.QUndoCommand] | None = None,
    ) -> bool:
        label = command.text()  # a refused command is deleted by the stack
        self.w.undo_stack.push(command)
        error = getattr(command, "error", None)
        relay = self.w.team_relay
        if isinstance(error, ConnectionLost) and relay is not None and again is not None:
            # The team server is gone: keep the action and save it when it is back.
            relay.keep(label, partial(self._replay, again))
            return True
        if error is not None:
            self._say(str(error))
            QtWidgets.QApplication.beep()
            return False
        return True

    def _replay(self, make: Callable[[], QtGui.QUndoCommand]) -> None:
        """Run a kept action again; still no server: raise so it stays kept, in order."""
        command = make()
        self.w.undo_stack.push(command)
        error = getattr(command, "error", None)
        if isinstance(error, ConnectionLost):
            raise error
        if error is not None:
            self._say(str(error))

    # Applying codes -------------------------------------------------------------------
    def apply_code(self, code_id: int) -> bool:
        context = self._context()
        span = self._span() if context else None
        if context is None or span is None:
            return False
        project, coder, document_id = context
        name = self.w.codes[code_id].name if code_id in self.w.codes else str(code_id)
        label = self.tr("Apply “{0}”").replace("{0}", name)

        def make() -> QtGui.QUndoCommand:
            return AddCodingCommand(project, document_id, coder.id, code_id, *span, label=label)

        if not self._push(make(), again=make):
            return False
        self._remember(code_id)
        self._say(label)
        return True

    def code_hits(self, hits: list[tuple[int, int, int]]) -> int:
        """Find in all documents > Code all hits: the selected code on every hit."""
        w = self.w
        code = w.codes.get(w.selected_code_id) if w.selected_code_id is not None else None
        if w.project is None or w.coder is None or code is None or not hits:
            self._say(self.tr("Select a code in the codebook first."))
            return 0
        label = self.tr("Code {0} hits with “{1}”").replace("{0}", str(len(hits)))
        command = CodeHitsCommand(
            w.project, w.coder.id, code.id, hits, label.replace("{1}", code.name)
        )
        if not self._push(command):
            return 0
        self._remember(code.id)
        self._say(
            self.tr("{0} new codings with “{1}”")
            .replace("{0}", str(len(command.added)))
            .replace("{1}", code.path_text)
        )
        return len(command.added)

    def apply_recent(self, index: int) -> bool:
        if index >= len(self.recent):
            self._say(self.tr("No recent code {0} yet.").replace("{0}", str(index + 1)))
            return False
        return self.apply_code(self.recent[index])

    def _remember(self, code_id: int) -> None:
        if code_id in self.recent:
            self.recent.remove(code_id)
        self.recent.insert(0, code_id)
        del self.recent[RECENT_LIMIT:]
        self._store()
        self.recentChanged.emit()

    def _store(self) -> None:
        if self.w.project is not None:
            project_flow.set_recent_codes(self.w.project.locator, self.recent)

    def load(self) -> None:
        """The recent codes of the project just opened (kept per project in the settings)."""
        if self.w.project is not None:
            self.recent = [
                c for c in project_flow.recent_codes(self.w.project.locator) if c in self.w.codes
            ]
            self.recentChanged.emit()

    def forget_missing(self) -> None:
        """Drop recent codes that no longer exist (deleted or merged)."""
        kept = [c for c in self.recent if c in self.w.codes]
        if kept != self.recent:
            self.recent = kept
            self.recentChanged.emit()

    # New codes ------------------------------------------------------------------------
    def new_inductive(self, name: str | None = None) -> bool:
        context = self._context()
        if context is None:
            return False
        return self._create(name or "", self.tr("New inductive code"), ask=name is None)

    def in_vivo(self) -> bool:
        context = self._context()
        span = self._span() if context else None
        if context is None or span is None:
            return False
        # The code is named by whole words, so the coding covers whole words too.
        span = snap_to_words(self.w.view.text(), *span)
        name = in_vivo_name(self.w.view.text()[span[0] : span[1]])
        return self._create(name, self.tr("In-vivo code"), span, ask=True)

    def _create(
        self, name: str, title: str, span: tuple[int, int] | None = None, *, ask: bool
    ) -> bool:
        """Create (and, with a selection, apply) a code whose name and parent the user saw."""
        context = self._context()
        assert context is not None
        project, coder, document_id = context
        codes = sorted(self.w.codes.values(), key=lambda c: c.path)
        parent = new_code_dialog.default_parent(project, codes)
        if ask:
            answer = new_code_dialog.ask_new_code(self.w, project, title, name, codes)
            if answer is None:
                return False
            name, parent = answer.name, answer.parent_id
            if answer.remember:
                new_code_dialog.remember_parent(project, self.w.codes.get(parent or -1))
        name = name.strip()
        if not name:
            return False
        if span is None:
            span = self.w.view.selection_span(snap=self.w.snap_to_words)
        label = self.tr("{0} “{1}”").replace("{0}", title).replace("{1}", name)
        parent_record = self.w.codes.get(parent) if parent is not None else None
        macro, create = create_and_apply(
            project,
            name,
            colour=new_code_dialog.shade(parent_record.colour) if parent_record else None,
            parent_code=parent,
            coder_id=coder.id,
            origin="inductive",
            document_id=document_id,
            span=span,
            label=label,
        )
        if not self._push(macro):
            return False
        if create.record is not None:
            self._remember(create.record.id)
            where = self.w.codes.get(parent or -1)
            self._say(
                self.tr("Created “{0}” under “{1}”")
                .replace("{0}", name)
                .replace("{1}", where.path_text if where else self.tr("(top level)"))
            )
        return True

    # Editing codings ------------------------------------------------------------------
    def remove(self, coding_id: int | None = None) -> bool:
        coding_id = coding_id if coding_id is not None else self.w.details.current_coding_id()
        if self.w.project is None or coding_id is None:
            self._say(self.tr("Put the cursor in a coding to remove it."))
            return False
        if not self.w.may_edit(coding_id):
            self._say(self.tr("You can only remove your own codings."))
            return False
        return self._push(RemoveCodingsCommand(self.w.project, [coding_id]))

    def save_memo(self, coding_id: int, memo: str) -> bool:
        if self.w.project is None or not self.w.may_edit(coding_id):
            return False
        return self._push(UpdateCodingCommand(self.w.project, coding_id, memo=memo))

    def set_span(self, coding_id: int) -> bool:
        span = self._span()
        if self.w.project is None or span is None or not self.w.may_edit(coding_id):
            return False
        return self._push(
            UpdateCodingCommand(self.w.project, coding_id, start=span[0], end=span[1])
        )

    def recode(self, coding_id: int | None = None) -> bool:
        """Give a coding the code selected in the codebook (a wrong code is a common slip)."""
        coding_id = coding_id if coding_id is not None else self.w.details.current_coding_id()
        code_id = self.w.selected_code_id
        if self.w.project is None or coding_id is None or not self.w.may_edit(coding_id):
            return False
        if code_id is None:
            self._say(self.tr("Select the right code in the codebook first."))
            return False
        return self._push(UpdateCodingCommand(self.w.project, coding_id, code_id=code_id))
