"""Who is coding in this window: one identity per session, one undo history per coder.

The identity is chosen once (``--coder``, else the last one used here, else the first
lead) and fixed on the project (:meth:`Project.act_as`), so every listing, count and
export the services make is what that coder may see. Changing it is an explicit "Switch
coder…" with a confirmation; on a team server the login fixes it and switching is off.
Each coder has an undo stack of their own: as Bram, Ctrl+Z never touches Anouk's work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from qualcode.core.records import CoderRecord
from qualcode.ui.qt import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("CoderSession", text)


class CoderStacks(QtGui.QUndoGroup):
    """The undo stacks of one session, one per coder id (0: nobody chosen yet)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._stacks: dict[int, QtGui.QUndoStack] = {}

    def stack(self, coder_id: int) -> QtGui.QUndoStack:
        if coder_id not in self._stacks:
            stack = QtGui.QUndoStack(self)
            self.addStack(stack)
            self._stacks[coder_id] = stack
        return self._stacks[coder_id]

    def activate(self, coder_id: int) -> QtGui.QUndoStack:
        stack = self.stack(coder_id)
        self.setActiveStack(stack)
        return stack

    def clear_all(self) -> None:
        """Commands hold the project; a closed project must not be undone into."""
        for stack in self._stacks.values():
            stack.clear()


class SwitchPrompts(Protocol):
    def choose(self, window: QtWidgets.QWidget, coders: list[CoderRecord]) -> str | None: ...

    def confirm(self, window: QtWidgets.QWidget, current: str, new: str) -> bool: ...


class DialogPrompts:
    """The real questions: pick a coder from a list, then confirm the switch."""

    def choose(self, window: QtWidgets.QWidget, coders: list[CoderRecord]) -> str | None:
        labels = [f"{c.name} ({_tr(c.role)})" for c in coders]
        label, ok = QtWidgets.QInputDialog.getItem(
            window, _tr("Switch coder"), _tr("Code as:"), labels, 0, False
        )
        return coders[labels.index(label)].name if ok and label in labels else None

    def confirm(self, window: QtWidgets.QWidget, current: str, new: str) -> bool:
        answer = QtWidgets.QMessageBox.question(
            window,
            _tr("Switch coder"),
            _tr(
                "This window codes as {0}. Switch to {1}?\n\nFrom now on everything you "
                "code, undo and see here is {1}'s; blind documents show {1}'s codings only."
            )
            .replace("{0}", current)
            .replace("{1}", new),
        )
        return answer == QtWidgets.QMessageBox.StandardButton.Yes


def switch_coder(window: MainWindow, prompts: SwitchPrompts | None = None) -> bool:
    """File > Switch coder…: choose, confirm, then the window codes as the new coder."""
    project = window.project
    if project is None:
        return False
    if project.fixed_identity is not None:
        window.report(
            _tr("On this server you code as {0} (your login).").replace(
                "{0}", project.fixed_identity
            )
        )
        return False
    prompts = prompts or DialogPrompts()
    people = [
        c
        for c in sorted(window.coders.values(), key=lambda c: c.name.casefold())
        if c.role != "consensus" and (window.coder is None or c.id != window.coder.id)
    ]
    if not people:
        window.report(_tr("There is no other coder in this project (add one in Coders…)."))
        return False
    name = prompts.choose(window, people)
    if name is None:
        return False
    current = window.coder.name if window.coder else _tr("nobody")
    if not prompts.confirm(window, current, name):
        return False
    return window.set_coder(name)


def coder_label(coder: CoderRecord | None) -> str:
    if coder is None:
        return _tr("Coder: (nobody)")
    return _tr("Coder: {0} ({1})").replace("{0}", coder.name).replace("{1}", _tr(coder.role))
