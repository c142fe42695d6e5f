"""Whole-project exchange through REFI-QDA .qdpx: schema-valid export, lossless round trip."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

from qualcode.core.project import Project, create_project, open_project
from qualcode.io.exchange import export_qdpx, import_qdpx
from tests.exchange_helpers import INTERVIEW, build_rich_project, content, schema_errors, span


def test_export_is_schema_valid_and_carries_everything(project: Project, tmp_path: Path) -> None:
    build_rich_project(project)
    out = tmp_path / "study.qdpx"
    export_qdpx(project, out)
    assert schema_errors(out) == []
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # project data: owner only
    with zipfile.ZipFile(out) as archive:
        names = sorted(archive.namelist())
        qde = archive.read("project.qde").decode("utf-8")
        texts = [archive.read(n) for n in names if n.startswith("sources/")]
    assert names[0] == "project.qde" and len(texts) == 2
    assert INTERVIEW.encode("utf-8") in texts  # UTF-8, no BOM, LF as stored
    # Positions are code points over exactly that text: the emoji counts once.
    start, end = span(INTERVIEW, "Humor hielp ook")
    assert f'startPosition="{start}" endPosition="{end}"' in qde
    assert 'name="Steungever" isCodable="false"' in qde
    assert 'name="Humor / Amusement"' in qde
    assert qde.count("color=") == 1  # only the code that has a colour
    assert "Origin:" not in qde and "Herkomst:" not in qde
    assert "<TextValue>Welzijnscoach</TextValue>" in qde
    assert 'Set guid="' in qde and 'name="Ronde 1"' in qde


def test_round_trip_export_import_export_is_lossless(locator: str, tmp_path: Path) -> None:
    """Export -> import into a new project -> export: same codes, codings (coder, span,
    memo), memos and attributes, on SQLite and PostgreSQL."""
    with create_project(str(tmp_path / "a.qcdb")) as original:
        build_rich_project(original)
        export_qdpx(original, tmp_path / "a.qdpx")
        expected = content(original)
    report = import_qdpx(tmp_path / "a.qdpx", locator)
    assert (report.codings_added, len(report.documents_added), report.memos_added) == (5, 2, 4)
    with open_project(locator) as copy:
        assert content(copy) == expected
        export_qdpx(copy, tmp_path / "b.qdpx")
    assert schema_errors(tmp_path / "b.qdpx") == []
    with create_project(str(tmp_path / "c.qcdb")) as third:
        pass
    import_qdpx(tmp_path / "b.qdpx", str(tmp_path / "c.qcdb"))
    with open_project(str(tmp_path / "c.qcdb")) as third:
        assert content(third) == expected


def test_import_into_the_same_project_again_adds_nothing(tmp_path: Path) -> None:
    target = str(tmp_path / "p.qcdb")
    with create_project(target) as project:
        build_rich_project(project)
        export_qdpx(project, tmp_path / "p.qdpx")
    report = import_qdpx(tmp_path / "p.qdpx", target)
    assert report.codings_added == 0 and report.codings_existing == 5
    assert report.documents_same == ["FG02", "NI01"] and report.documents_added == []
    assert report.memos_added == 0 and report.memos_existing == 4
    with open_project(target) as project:
        assert project.info().codings == 5


def test_dry_run_reports_and_writes_nothing(tmp_path: Path) -> None:
    with create_project(str(tmp_path / "a.qcdb")) as project:
        build_rich_project(project)
        export_qdpx(project, tmp_path / "a.qdpx")
    new = tmp_path / "new.qcdb"
    report = import_qdpx(tmp_path / "a.qdpx", str(new), dry_run=True)
    assert report.codings_added == 5 and report.codes_added == 5
    assert "nothing changed" in report.lines()[-1]
    assert not new.exists()


def test_twin_texts_and_repeated_memos_still_get_unique_guids(tmp_path: Path) -> None:
    """The same text imported twice (--force) and the same memo written twice: the export
    still has one GUID per thing, so it reads back (duplicate GUIDs are refused)."""
    with create_project(str(tmp_path / "a.qcdb")) as project:
        build_rich_project(project)
        project.documents.add("NI01-kopie", INTERVIEW, force=True)
        project.memos.add("Let op de emoji.", document="NI01", author="Bram")
        export_qdpx(project, tmp_path / "a.qdpx")
        expected = content(project)
    assert schema_errors(tmp_path / "a.qdpx") == []
    import_qdpx(tmp_path / "a.qdpx", str(tmp_path / "b.qcdb"))
    with open_project(str(tmp_path / "b.qcdb")) as copy:
        got = content(copy)
    assert got == expected  # both texts and both memos arrive
    assert import_qdpx(tmp_path / "a.qdpx", str(tmp_path / "b.qcdb")).codings_added == 0
