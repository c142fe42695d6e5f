"""Codebook files in and out from the GUI: export (any format, with usage counts), codings
CSV export, and import as a reviewed merge (plan -> review -> apply in one transaction)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qualcode.core.codebook_merge import apply_plan, plan_merge
from qualcode.core.codebook_merge_plan import MergePlan
from qualcode.core.codebook_spec import CodebookSpec, fill_missing_guids
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.services.codebook_sync import SyncSummary, sync_codebook
from qualcode.io.codebook_formats import (
    READ_EXTENSIONS,
    WRITE_EXTENSIONS,
    read_codebook,
    write_codebook,
)
from qualcode.io.codebook_formats.common import GUID_CASE_SETTING, apply_guid_case
from qualcode.io.codings_csv import export_codings
from qualcode.ui.merge_plan_dialog import MergePlanDialog
from qualcode.ui.project_flow import default_folder
from qualcode.ui.qt import QtCore, QtWidgets
from qualcode.ui.report_dialog import offer_folder

IMPORT_FILTER = "Codebooks (*.qdc *.qdpx *.qde *.yaml *.yml *.json *.csv)"
CSV_FILTER = "CSV (*.csv)"


def _tr(text: str) -> str:
    return QtCore.QCoreApplication.translate("CodebookExchange", text)


def export_filters() -> list[tuple[str, str]]:
    """(file dialog filter, extension); the chosen filter decides a name without one."""
    return [
        (_tr("Word document (*.docx)"), ".docx"),
        (_tr("REFI-QDA codebook (*.qdc)"), ".qdc"),
        (_tr("Qualcode YAML (*.yaml)"), ".yaml"),
        (_tr("Qualcode JSON (*.json)"), ".json"),
        (_tr("Spreadsheet (*.csv)"), ".csv"),
    ]


def with_extension(path: Path, chosen_filter: str) -> Path:
    """Keep a known extension the user typed; else add the chosen filter's."""
    if path.suffix.lower() in WRITE_EXTENSIONS:
        return path
    ext = dict(export_filters()).get(chosen_filter, ".docx")
    return path.with_name(path.name + ext)


def write_codebook_file(project: Project, path: Path) -> int:
    """The working codebook with usage counts; returns the number of codes written."""
    spec = project.codebook.snapshot()
    counts = project.codebook.usage()
    usage = {r.guid: counts.get(r.id, 0) for r in project.codebook.tree()}
    spec.name = spec.name or project.name
    if path.suffix.lower() == ".qdc":  # GUIDs spelled as the tool they came from spells them
        apply_guid_case(spec, project.setting(GUID_CASE_SETTING))
    write_codebook(spec, path, usage=usage)
    return sum(1 for _ in spec.walk())


def export_codebook(parent: QtWidgets.QWidget, project: Project) -> Path | None:
    filters = export_filters()
    name, chosen = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        _tr("Export codebook"),
        str(default_folder(project) / f"{project.name} codebook.docx"),
        ";;".join(f for f, _ in filters),
    )
    if not name:
        return None
    path = with_extension(Path(name), chosen)
    try:
        count = write_codebook_file(project, path)
    except (QualcodeError, OSError, ValueError) as exc:
        QtWidgets.QMessageBox.warning(parent, _tr("Export codebook"), str(exc))
        return None
    offer_folder(
        parent,
        path,
        _tr("{0} codes written to {1}.").replace("{0}", str(count)).replace("{1}", str(path)),
    )
    return path


def export_codings_csv(parent: QtWidgets.QWidget, project: Project) -> Path | None:
    name, _ = QtWidgets.QFileDialog.getSaveFileName(
        parent,
        _tr("Export codings"),
        str(default_folder(project) / f"{project.name} codings.csv"),
        _tr(CSV_FILTER),
    )
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".csv") else Path(name + ".csv")
    try:
        count = export_codings(project, path)
    except (QualcodeError, OSError) as exc:
        QtWidgets.QMessageBox.warning(parent, _tr("Export codings"), str(exc))
        return None
    offer_folder(
        parent,
        path,
        _tr("{0} codings written to {1}.").replace("{0}", str(count)).replace("{1}", str(path)),
    )
    return path


@dataclass
class CodebookImport:
    """Everything the review needs: the two trees and the proposed plan."""

    path: Path
    base: CodebookSpec
    incoming: CodebookSpec
    plan: MergePlan


def plan_import(project: Project, path: Path) -> CodebookImport:
    incoming = read_codebook(path)
    fill_missing_guids(incoming)
    base = project.codebook.snapshot()
    plan = plan_merge(base, incoming, mapping=project.codebook.aliases())
    return CodebookImport(path, base, incoming, plan)


def apply_import(project: Project, planned: CodebookImport, coder: str | None) -> SyncSummary:
    """The reviewed plan into the working codebook (sync_codebook: one transaction)."""
    merged, mapping = apply_plan(planned.base, planned.incoming, planned.plan)
    return sync_codebook(
        project, merged, coder=coder, aliases=mapping, note=f"import of {planned.path.name}"
    )


def import_codebook(
    parent: QtWidgets.QWidget, project: Project, coder: str | None, path: Path | None = None
) -> SyncSummary | None:
    if path is None:
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            parent, _tr("Import codebook"), str(Path.home()), _tr(IMPORT_FILTER)
        )
        if not name:
            return None
        path = Path(name)
    try:
        if path.suffix.lower() not in READ_EXTENSIONS:
            raise ValueError(_tr("{0}: not a codebook file").replace("{0}", path.name))
        planned = plan_import(project, path)
    except (QualcodeError, OSError, ValueError) as exc:
        QtWidgets.QMessageBox.warning(parent, _tr("Import codebook"), str(exc))
        return None
    dialog = MergePlanDialog(planned.plan, planned.base, planned.incoming, path.name, parent)
    if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
        return None
    try:
        summary = apply_import(project, planned, coder)
    except QualcodeError as exc:
        QtWidgets.QMessageBox.warning(parent, _tr("Import codebook"), str(exc))
        return None
    QtWidgets.QMessageBox.information(
        parent,
        _tr("Import codebook"),
        _tr("{0}: {1} codes added, {2} updated, {3} moved.")
        .replace("{0}", path.name)
        .replace("{1}", str(summary.added))
        .replace("{2}", str(summary.updated))
        .replace("{3}", str(summary.moved)),
    )
    return summary
