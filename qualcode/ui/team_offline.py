"""File > Check out for offline work / Check in to team server (see core.team.offline).

Checking out writes a local project with the login's documents and opens it; checking in
merges the open copy back into the server it came from, signing in with the password
from the keyring (or ~/.pgpass) as when connecting.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.core.errors import QualcodeError
from qualcode.core.project import open_project
from qualcode.core.team import secrets
from qualcode.core.team.offline import CHECKOUT_SETTING, checkin, checkout
from qualcode.ui.qt import QtCore, QtWidgets

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("TeamOffline", text)


def check_out(window: MainWindow, path: Path | None = None) -> bool:
    """Copy the login's documents into ``path`` (asked when None) and open the copy."""
    project = window.project
    if project is None or project.team is None:
        window.report(_tr("Check out works on a project on a team server."), _tr("Check out"))
        return False
    if path is None:
        suggested = Path.home() / f"{project.name}-{project.team.login}.qcdb"
        chosen, _ = QtWidgets.QFileDialog.getSaveFileName(
            window, _tr("Check out for offline work"), str(suggested), "Qualcode (*.qcdb)"
        )
        if not chosen:
            return False
        path = Path(chosen)
    try:
        done = checkout(project, path)
    except QualcodeError as exc:
        window.report(str(exc), _tr("Check out"))
        return False
    window.statusBar().showMessage(
        _tr("Checked out {0} document(s) to {1}; check in when you are back online.")
        .replace("{0}", str(len(done.documents)))
        .replace("{1}", str(path)),
        15000,
    )
    return bool(window.open_project(str(path)))


def check_in(window: MainWindow, *, dry_run: bool = False) -> str | None:
    """Merge the open checked-out copy into its server; returns the merge report text."""
    project = window.project
    origin = project.setting(CHECKOUT_SETTING) if project is not None else ""
    if project is None or not origin:
        window.report(
            _tr("Open a checked-out copy first (File > Check out for offline work)."),
            _tr("Check in"),
        )
        return None
    server_url = str(json.loads(origin)["server"])
    try:
        with open_project(server_url, password=secrets.lookup(server_url)) as server:
            report = checkin(server, Path(project.locator), dry_run=dry_run)
    except QualcodeError as exc:
        window.report(str(exc), _tr("Check in"))
        return None
    text = "\n".join(report.lines())
    window.statusBar().showMessage(_tr("Checked in to {0}.").replace("{0}", server_url), 15000)
    if not window.quiet:
        QtWidgets.QMessageBox.information(window, _tr("Check in"), text)
    return text
