"""A window on a team server: the live change feed, and riding out a lost connection.

The feed's thread hands each colleague's change over a queued signal; on the GUI thread
it is published into the project's change stream, so views apply it exactly like a
change of their own (only ``origin`` differs). A lost connection is reported once per
outage; actions that failed meanwhile are kept and replayed every second until the
server answers, then the views re-read what they show (events may have been missed).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from qualcode.core.changes import Change
from qualcode.core.project import Project
from qualcode.core.team.feed import ORIGIN_TEAM, ChangeFeed
from qualcode.core.team.pending import PendingActions
from qualcode.ui.qt import QtCore, QtWidgets, Signal

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("TeamSession", text)


class TeamRelay(QtCore.QObject):
    arrived = Signal(object)  # a Change, from the feed's thread
    feedStatus = Signal(str)  # "lost" / "back", from the feed's thread

    def __init__(self, window: MainWindow, project: Project) -> None:
        super().__init__(window)
        self._window = window
        self._project = project
        self.outage = False
        self.reports: list[str] = []  # what the user was told (once per outage)
        # A lasting sign in the status bar while the server is away (messages come and go).
        self.indicator = QtWidgets.QLabel()
        url = project.engine.url
        self.server = f"{url.username}@{url.host}:{url.port or 5432}/{url.database}"
        window.statusBar().addPermanentWidget(self.indicator)
        self.pending = PendingActions(on_lost=self._lost)
        self.arrived.connect(self._publish, QtCore.Qt.ConnectionType.QueuedConnection)
        self.feedStatus.connect(self._feed_status, QtCore.Qt.ConnectionType.QueuedConnection)
        self._timer = QtCore.QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._retry)
        self.feed = ChangeFeed(project.engine.url, self.arrived.emit, status=self.feedStatus.emit)
        self.feed.start(wait=5)
        self._show_pending()

    def stop(self) -> None:
        self._timer.stop()
        self.feed.stop()
        self._window.statusBar().removeWidget(self.indicator)

    def keep(self, label: str, action: Callable[[], Any]) -> Any:
        """Run a user action now, or keep it until the server is back."""
        result = self.pending.run(label, action)
        self._show_pending()
        return result

    def _show_pending(self) -> None:
        """Always say where the project lives; while it is away, say so and what waits."""
        if not self.outage:
            self.indicator.setStyleSheet("color: palette(placeholder-text);")
            self.indicator.setText(_tr("Team server {0} · live").replace("{0}", self.server))
            self.indicator.setToolTip(
                _tr("Colleagues' changes appear here as they are saved on the server.")
            )
            return
        waiting = len(self.pending)
        text = _tr("Team server unreachable")
        if waiting:
            text += " · " + _tr("changes kept: {0}").replace("{0}", str(waiting))
        self.indicator.setStyleSheet("color: palette(highlight); font-weight: 600;")
        self.indicator.setText(text)

    # Feed -> change stream ----------------------------------------------------------
    def _publish(self, change: Change) -> None:
        if self._window.project is self._project:
            self._project.notify(change)

    def _feed_status(self, state: str) -> None:
        if state == "lost":
            self._lost()
        else:
            self._retry()

    # Outage ------------------------------------------------------------------------
    def _lost(self, _message: str = "") -> None:
        if self.outage:
            return  # once per outage: no storm of dialogs
        self.outage = True
        self._show_pending()
        self._timer.start()
        text = _tr(
            "The connection to the team server was lost. Qualcode keeps trying; what you "
            "do meanwhile is kept and saved when the server is back."
        )
        self.reports.append(text)
        self._window.report(text, _tr("Team server"))

    def _retry(self) -> None:
        if not self.outage:
            return
        done = self.pending.retry()
        self._show_pending()
        if not done or not self.feed.listening:
            return
        self.outage = False
        self._timer.stop()
        self._show_pending()
        self._window.statusBar().showMessage(_tr("Reconnected to the team server."), 5000)
        # Colleagues' changes may have been missed: views re-read what they show.
        self._publish(Change("reload", origin=ORIGIN_TEAM))


def attach(window: MainWindow, project: Project) -> TeamRelay | None:
    return TeamRelay(window, project) if project.team is not None else None


def detach(relay: TeamRelay | None) -> None:
    if relay is not None:
        relay.stop()
        relay.deleteLater()
