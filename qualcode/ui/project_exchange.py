"""File > Import / merge project and File > Export > Project (.qdpx, copy) in the GUI.

The same services as ``qualcode qdpx``, ``qualcode merge`` and ``qualcode export-copy``:
reading and merging run on a worker behind a progress bar; between the two the lead
reviews the codebook merge plan (the dialog of the codebook import), and a report says
what the merge did.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qualcode.core.codebook_merge_plan import MergePlan
from qualcode.core.codebook_spec import CodebookSpec
from qualcode.core.errors import QualcodeError
from qualcode.core.exchange import ProjectBundle
from qualcode.core.merge_report import MergeReport
from qualcode.core.project import Project
from qualcode.ui.merge_plan_dialog import MergePlanDialog
from qualcode.ui.project_jobs import run_project_job
from qualcode.ui.qt import QtCore, QtWidgets
from qualcode.ui.report_dialog import offer_folder
from qualcode.ui.workers import Progress

OPEN_FILTER = "Projects (*.qdpx *.qde *.qcdb)"
QDPX_FILTER = "REFI-QDA project (*.qdpx)"
COPY_FILTER = "Qualcode project (*.qcdb)"


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("ProjectExchange", text)


@dataclass
class Incoming:
    """What was read, and the plan proposed for its codebook."""

    path: Path
    bundle: ProjectBundle
    base: CodebookSpec
    plan: MergePlan


def read_incoming(project: Project, path: Path, progress: Progress) -> Incoming:
    """Read a .qdpx/.qde or another project and plan its codebook (on the worker)."""
    from qualcode.core.exchange_read import bundle_from_project
    from qualcode.core.project import open_project
    from qualcode.core.services.project_merge import plan_for
    from qualcode.io.exchange import prepare_layout, read_qdpx

    progress(_tr("Reading {0}").replace("{0}", path.name), 0, 3)
    if path.suffix.lower() in (".qdpx", ".qde"):
        bundle = read_qdpx(path)
        progress(_tr("Finding sentences and speaker turns"), 1, 3)
        prepare_layout(bundle)
    else:
        if str(path) == project.locator:
            raise QualcodeError(_tr("A project cannot be merged into itself."))
        with open_project(str(path)) as other:
            bundle = bundle_from_project(other, with_layout=True)
    progress(_tr("Matching codes"), 2, 3)
    base = project.codebook.snapshot()
    plan = plan_for(project, bundle)
    progress("", 3, 3)
    return Incoming(path, bundle, base, plan)


class MergeReportDialog(QtWidgets.QDialog):
    """The merge report, one fact per line (the same lines as the command line)."""

    def __init__(self, report: MergeReport, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Project merged"))
        self.report = report
        self.text = QtWidgets.QPlainTextEdit("\n".join(report.lines()))
        self.text.setReadOnly(True)
        box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.accept)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(box)
        self.resize(720, 380)


def import_project(
    parent: QtWidgets.QWidget, project: Project, coder: str | None, path: Path | None = None
) -> MergeReport | None:
    """Choose a file, review the codebook plan, merge with progress, show the report."""
    from qualcode.core.services.project_merge import merge_bundle

    title = _tr("Import or merge a project")
    if path is None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            parent, title, str(Path.home()), _tr(OPEN_FILTER)
        )
        if not name:
            return None
        path = Path(name)
    chosen = path
    _done, incoming, error = run_project_job(
        parent, project, title, lambda progress: read_incoming(project, chosen, progress)
    )
    if error is not None or incoming is None:
        if error is not None:
            QtWidgets.QMessageBox.warning(parent, title, error)
        return None
    assert isinstance(incoming, Incoming)
    if incoming.plan.entries:
        dialog = MergePlanDialog(
            incoming.plan, incoming.base, incoming.bundle.codebook, path.name, parent
        )
        dialog.setWindowTitle(title)
        if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return None

    def merge(progress: Progress) -> MergeReport:
        progress(_tr("Merging {0}").replace("{0}", path.name), 0, 1)
        # Nothing reports progress after this point: Cancel cannot interrupt a committed merge.
        return merge_bundle(
            project, incoming.bundle, source=path.name, plan=incoming.plan, by=coder
        )

    _done, report, error = run_project_job(parent, project, title, merge)
    if error is not None or report is None:
        if error is not None:
            QtWidgets.QMessageBox.warning(parent, title, error)
        return None
    MergeReportDialog(report, parent).exec()
    return report  # type: ignore[no-any-return]


def _save_path(
    parent: QtWidgets.QWidget, title: str, default: Path, file_filter: str
) -> Path | None:
    name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, title, str(default), _tr(file_filter))
    if not name:
        return None
    path = Path(name)
    return (
        path
        if path.suffix.lower() == default.suffix
        else path.with_name(path.name + default.suffix)
    )


def export_project_qdpx(parent: QtWidgets.QWidget, project: Project) -> Path | None:
    from qualcode.io.exchange import export_qdpx

    title = _tr("Export project as REFI-QDA")
    path = _save_path(parent, title, Path.home() / f"{project.name}.qdpx", QDPX_FILTER)
    if path is None:
        return None
    target = path

    def job(progress: Progress) -> str:
        bundle = export_qdpx(
            project, target, progress=lambda done, total: progress(_tr("Writing"), done, total)
        )
        return (
            _tr("{0} documents, {1} codes and {2} codings written to {3}.")
            .replace("{0}", str(len(bundle.text_sources())))
            .replace("{1}", str(sum(1 for _ in bundle.codebook.walk())))
            .replace("{2}", str(len(bundle.codings)))
            .replace("{3}", str(target))
        )

    _done, message, error = run_project_job(parent, project, title, job)
    if error is not None:
        QtWidgets.QMessageBox.warning(parent, title, error)
        return None
    parent.window().statusBar().showMessage(str(message), 8000)  # type: ignore[attr-defined]
    offer_folder(parent, path, str(message))
    return path


def export_project_copy(parent: QtWidgets.QWidget, project: Project) -> Path | None:
    from qualcode.io.exchange.native_copy import export_copy

    title = _tr("Export a copy of the project")
    path = _save_path(parent, title, Path.home() / f"{project.name} copy.qcdb", COPY_FILTER)
    if path is None:
        return None
    target = path

    def job(progress: Progress) -> None:
        progress(_tr("Copying"), 0, 1)
        export_copy(project.locator, target)

    _done, _result, error = run_project_job(parent, project, title, job)
    if error is not None:
        QtWidgets.QMessageBox.warning(parent, title, error)
        return None
    message = _tr("A copy of the project was written to {0}.").replace("{0}", str(path))
    parent.window().statusBar().showMessage(message, 8000)  # type: ignore[attr-defined]
    offer_folder(parent, path, message)
    return path
