"""Project operations on a worker thread whose change notices still reach the GUI thread.

Services call ``project.notify`` on the thread that ran them; the views subscribed to a
project are widgets and item models, which must only be touched from the GUI thread. While
a job runs, :func:`run_project_job` routes notices raised on the worker through a queued
signal, so each listener runs on the GUI thread, in order, as if the job had run there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from qualcode.core.changes import Change
from qualcode.core.project import Project
from qualcode.ui.qt import QtCore, QtWidgets, Signal
from qualcode.ui.workers import Progress, run_with_progress


class _Relay(QtCore.QObject):
    """Lives on the GUI thread; a notice emitted from elsewhere arrives queued."""

    notice = Signal(object)

    def __init__(self, deliver: Callable[[Change], None]) -> None:
        super().__init__()
        self.notice.connect(deliver, QtCore.Qt.ConnectionType.QueuedConnection)


@contextmanager
def notices_on_gui_thread(project: Project) -> Iterator[None]:
    """Within the block, notices from other threads are delivered on the GUI thread."""
    original = project.notify  # the bound method, so delivery skips this wrapper
    relay = _Relay(original)
    gui_thread = threading.get_ident()

    def notify(change: Change) -> None:
        if threading.get_ident() == gui_thread:
            original(change)
        else:
            relay.notice.emit(change)

    project.notify = notify  # type: ignore[method-assign]
    try:
        yield
    finally:
        # Queued notices from the last moments of the job arrive before we let go.
        QtCore.QCoreApplication.processEvents()
        del project.notify  # back to the class's method
        relay.deleteLater()


def run_project_job(
    parent: QtWidgets.QWidget | None,
    project: Project,
    title: str,
    job: Callable[[Progress], Any],
) -> tuple[bool, Any, str | None]:
    """:func:`run_with_progress` for a job that changes ``project``."""
    with notices_on_gui_thread(project):
        return run_with_progress(parent, title, job)
