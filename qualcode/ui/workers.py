"""Long jobs on a worker thread, with a progress dialog and a cancel that is safe.

Cancelling never kills the thread: the job's progress callback raises ``Cancelled`` at
the next report, so the job unwinds through its own ``finally``/transaction blocks and
leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from qualcode.ui.qt import QtCore, QtWidgets, Signal


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel."""


class Progress:
    """What a job calls to report: ``progress("message")`` or ``progress("", done, total)``."""

    def __init__(self, worker: Worker) -> None:
        self._worker = worker

    def __call__(self, message: str = "", done: int = -1, total: int = -1) -> None:
        if self._worker.cancel_requested:
            raise Cancelled()
        self._worker.progressed.emit(message, done, total)

    @property
    def cancelled(self) -> bool:
        return self._worker.cancel_requested


class Worker(QtCore.QThread):
    progressed = Signal(str, int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(
        self, job: Callable[[Progress], Any], parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._job = job
        self.cancel_requested = False
        self.result: Any = None
        self.error: str | None = None
        self.was_cancelled = False

    def cancel(self) -> None:
        self.cancel_requested = True

    def run(self) -> None:
        try:
            self.result = self._job(Progress(self))
        except Cancelled:
            self.was_cancelled = True
        except Exception as exc:  # reported to the user; the thread must not die silently
            self.error = str(exc) or type(exc).__name__
            self.failed.emit(self.error)
        else:
            self.succeeded.emit(self.result)


def run_with_progress(
    parent: QtWidgets.QWidget | None, title: str, job: Callable[[Progress], Any]
) -> tuple[bool, Any, str | None]:
    """Run ``job`` on a thread behind a modal progress dialog.

    Returns (completed, result, error); completed is False after Cancel or an error.
    """
    dialog = QtWidgets.QProgressDialog(
        title, QtCore.QCoreApplication.translate("Workers", "Cancel"), 0, 0, parent
    )
    dialog.setWindowTitle(title)
    dialog.setWindowModality(QtCore.Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setMinimumWidth(380)
    worker = Worker(job)
    loop = QtCore.QEventLoop()

    def on_progress(message: str, done: int, total: int) -> None:
        if message:
            dialog.setLabelText(message)
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(done)

    def on_cancel() -> None:
        dialog.setLabelText(QtCore.QCoreApplication.translate("Workers", "Cancelling…"))
        worker.cancel()

    worker.progressed.connect(on_progress)
    worker.finished.connect(loop.quit)
    dialog.canceled.connect(on_cancel)
    worker.start()
    loop.exec()
    worker.wait()
    dialog.reset()
    dialog.deleteLater()
    completed = not worker.was_cancelled and worker.error is None
    return completed, worker.result, worker.error
