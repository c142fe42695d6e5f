"""Opening, creating and remembering projects; building the sample project in the background."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project, create_project, open_project
from qualcode.core.records import CoderRecord
from qualcode.core.team import secrets
from qualcode.ui.app import settings
from qualcode.ui.qt import QtCore, QtWidgets
from qualcode.ui.workers import Progress, run_with_progress

if TYPE_CHECKING:
    from qualcode.ui.main_window import MainWindow

RECENT_LIMIT = 10
FILTER = "Qualcode projects (*.qcdb)"


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ProjectFlow", text)


def load(locator: str, password: str | None = None) -> Project:
    if password is None and "://" in locator:
        password = secrets.lookup(locator)  # the keyring; else libpq reads ~/.pgpass
    return open_project(locator, password=password)


def recent_projects() -> list[str]:
    value = settings().value("recentProjects", [])
    if isinstance(value, str):  # QSettings returns a bare string for one-element lists
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember(locator: str) -> None:
    if "://" not in locator:
        locator = str(Path(locator).resolve())
    recent = [locator, *[r for r in recent_projects() if r != locator]][:RECENT_LIMIT]
    store = settings()
    store.setValue("recentProjects", recent)
    store.setValue("lastProject", locator)


def _key(locator: str) -> str:
    # Locators hold slashes and colons, which QSettings would read as groups.
    return "projects/" + hashlib.sha1(locator.encode("utf-8")).hexdigest()[:16]


def last_document(locator: str) -> int | None:
    value = settings().value(f"{_key(locator)}/document")
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def set_last_document(locator: str, document_id: int) -> None:
    settings().setValue(f"{_key(locator)}/document", document_id)


def recent_codes(locator: str) -> list[int]:
    value = settings().value(f"{_key(locator)}/recentCodes", "")
    return [int(v) for v in str(value or "").split(",") if v.strip().isdigit()]


def set_recent_codes(locator: str, code_ids: list[int]) -> None:
    settings().setValue(f"{_key(locator)}/recentCodes", ",".join(str(c) for c in code_ids))


def pick_coder(
    coders: list[CoderRecord], requested: str | None, current: CoderRecord | None
) -> CoderRecord | None:
    """``--coder``, else the one already chosen, else the last used, else the first lead."""
    by_name = {c.name: c for c in coders}
    for name in (
        requested,
        current.name if current else None,
        str(settings().value("coder", "") or ""),
    ):
        if name and name in by_name:
            return by_name[name]
    leads = [c for c in coders if c.role == "lead"]
    return (leads or coders or [None])[0]


def open_locator(window: MainWindow, locator: str) -> None:
    if "://" not in locator and not Path(locator).exists():
        QtWidgets.QMessageBox.warning(
            window, _tr("Cannot open project"), _tr("{0} no longer exists.").replace("{0}", locator)
        )
        return
    if not window.open_project(locator) and locator.startswith("postgresql"):
        from qualcode.ui.connect_dialog import connect_to_server

        connect_to_server(window, locator)  # e.g. no password stored: ask, prefilled


def browse(window: MainWindow) -> None:
    path, _ = QtWidgets.QFileDialog.getOpenFileName(
        window, _tr("Open project"), str(Path.home()), _tr(FILTER)
    )
    if path:
        window.open_project(path)


def new_project(window: MainWindow) -> None:
    path, _ = QtWidgets.QFileDialog.getSaveFileName(
        window, _tr("New project"), str(Path.home() / "study.qcdb"), _tr(FILTER)
    )
    if not path:
        return
    if not path.endswith(".qcdb"):
        path += ".qcdb"
    name, ok = QtWidgets.QInputDialog.getText(
        window, _tr("New project"), _tr("Your name, as coder (you become the lead):")
    )
    try:
        with create_project(path) as project:
            if ok and name.strip():
                project.coders.add(name.strip(), role="lead")
    except QualcodeError as exc:
        QtWidgets.QMessageBox.warning(window, _tr("Cannot create project"), str(exc))
        return
    window.open_project(path)


def default_folder(project: Project) -> Path:
    """Where save dialogs start: next to the project file (a server project: home)."""
    from qualcode.core import store

    if not store.is_url(project.locator):
        folder = Path(project.locator).resolve().parent
        if folder.is_dir():
            return folder
    return Path.home()


def sample_folder() -> Path:
    from platformdirs import user_data_path

    return user_data_path("Qualcode", "Qualcode") / "sample"


def open_sample(window: MainWindow, folder: Path | None = None) -> bool:
    """Open the sample project, building it first (on a worker thread) if needed."""
    from qualcode.demo import PROJECT_FILE, build_demo

    folder = folder or sample_folder()
    path = folder / PROJECT_FILE
    if not path.exists():
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a half-built earlier attempt

        def job(progress: Progress) -> object:
            progress(_tr("Building the sample project…"))
            return build_demo(folder, progress=lambda message: progress(message))

        done, _result, error = run_with_progress(window, _tr("Building the sample project"), job)
        if not done:
            shutil.rmtree(folder, ignore_errors=True)
            if error:
                QtWidgets.QMessageBox.warning(window, _tr("Sample project"), error)
            return False
    return window.open_project(str(path))
