"""Batch import into a project, and the import / anonymise-check commands."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook

from qualcode.commands import anonymise_cmd, import_cmd
from qualcode.core.project import Project, create_project
from qualcode.io.transcripts.batch import import_files

FIXTURES = Path(__file__).parent / "fixtures" / "import"
TEXT_A = "Interviewer: Hoe ging het?\n\nStudent: Goed. Mijn coach hielp echt.\n"
TEXT_B = "I: What helped you?\n\nR: My friends did. They really listened to me.\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "transcripts"
    (folder / "sub").mkdir(parents=True)
    (folder / "NI01.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "sub" / "NI02.txt").write_text(TEXT_B, encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("Moderator: Welkom allemaal.")
    document.add_paragraph("Deelnemer 1: Dank je.")
    document.save(folder / "FG01.docx")
    (folder / "notes.csv").write_text("ignored", encoding="utf-8")
    (folder / "~$FG01.docx").write_bytes(b"lock")
    (folder / "broken.docx").write_bytes(b"not a zip")
    return folder


def _import(project: Project, paths: list[Path], **kwargs: Any) -> Any:
    options: dict[str, Any] = {
        "attributes": {},
        "metadata_sheet": None,
        "language": None,
        "pseudonymise": False,
        "force": False,
        "allow": set(),
        "progress": None,
    }
    options.update(kwargs)
    return import_files(project, paths, **options)


def test_folder_import(project: Project, tmp_path: Path) -> None:
    sheet = tmp_path / "meta.csv"
    sheet.write_text(
        "file;intervention;institution;language\nNI01.txt;Back on Track;Avans;nl\n"
        "ni02;Caring Universities;VU;en\nNI99;Typo;X;nl\n",
        encoding="utf-8",
    )
    calls: list[tuple[int, int]] = []
    report = _import(
        project,
        [_folder(tmp_path)],
        attributes={"source_type": "interview", "institution": "?"},
        metadata_sheet=sheet,
        progress=lambda done, total: calls.append((done, total)),
    )
    assert [d.name for d in report.imported] == ["FG01", "NI01", "NI02"]
    assert [p.path.name for p in report.failed] == ["broken.docx"]
    assert "corrupt" in report.failed[0].reason
    assert calls[-1] == (4, 4)
    assert any("NI99" in w for w in report.warnings)
    assert any("not listed" in w for w in report.imported[0].warnings)

    ni01 = project.documents.get("NI01")
    assert ni01.attributes == {
        "intervention": "Back on Track",
        "institution": "Avans",  # the sheet overrides --attr per file
        "language": "nl",
        "source_type": "interview",
    }
    assert project.documents.get("NI02").language == "en"
    assert project.documents.text("NI01") == TEXT_A
    turns = project.documents.turns("NI01")
    assert [t.speaker for t in turns] == ["Interviewer", "Student"]
    sentences = project.documents.units("NI01", "sentence")
    assert [TEXT_A[s:e] for s, e in sentences] == [
        "Hoe ging het?",
        "Goed.",
        "Mijn coach hielp echt.",
    ]
    assert [TEXT_A[s:e] for s, e in project.documents.units("NI01", "turn")] == [
        "Hoe ging het?",
        "Goed. Mijn coach hielp echt.",
    ]
    fg01 = project.documents.get("FG01")
    assert fg01.source_format == "docx"
    assert [t.speaker for t in project.documents.turns("FG01")] == ["Moderator", "Deelnemer 1"]
    lines = report.lines()
    assert any(line.startswith("failed broken.docx: ") for line in lines)


def test_duplicates_skipped_unless_forced(sqlite_project: Project, tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text(TEXT_A, encoding="utf-8")
    copy = tmp_path / "b.txt"
    copy.write_text(TEXT_A, encoding="utf-8")
    report = _import(sqlite_project, [first, copy])
    assert [d.name for d in report.imported] == ["a"]
    assert [p.path.name for p in report.skipped] == ["b.txt"]
    again = _import(sqlite_project, [first])
    assert "already imported" in again.skipped[0].reason
    forced = _import(sqlite_project, [copy], force=True)
    assert [d.name for d in forced.imported] == ["b"]
    assert len(sqlite_project.documents.list()) == 2


def test_failed_file_leaves_nothing(sqlite_project: Project, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    report = _import(sqlite_project, [empty, tmp_path / "missing.txt"])
    assert not report.ok and len(report.failed) == 2
    assert sqlite_project.documents.list() == []


def test_xlsx_metadata_by_name_column(sqlite_project: Project, tmp_path: Path) -> None:
    from datetime import datetime

    path = tmp_path / "a.txt"
    path.write_text(TEXT_A, encoding="utf-8")
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "interview_date", "participants"])
    sheet.append(["A", datetime(2025, 2, 11), 3])
    book.save(tmp_path / "meta.xlsx")
    _import(sqlite_project, [path], metadata_sheet=tmp_path / "meta.xlsx")
    attributes = sqlite_project.documents.get("a").attributes
    assert attributes == {"interview_date": "2025-02-11", "participants": "3"}


def test_pseudonymised_import_moves_turns_and_units(
    sqlite_project: Project, tmp_path: Path
) -> None:
    path = tmp_path / "p.txt"
    path.write_text(
        "Interviewer: Wat is je nummer?\n\nStudent: Bel 06-12345678 of mail jan@x.nl. Echt waar.\n",
        encoding="utf-8",
    )
    # use_deduce follows pseudonymise; stub deduce out so this test stays fast.
    import qualcode.io.anonymise.engine as engine

    def no_deduce(text: str, progress: Any = None) -> Any:
        return iter(())

    original = engine.deduce_spans
    engine.deduce_spans = no_deduce  # type: ignore[assignment]
    try:
        report = _import(sqlite_project, [path], pseudonymise=True)
    finally:
        engine.deduce_spans = original  # type: ignore[assignment]
    (doc,) = report.imported
    assert doc.key == {"[TELEFOON-1]": "06-12345678", "[EMAIL-1]": "jan@x.nl"}
    text = sqlite_project.documents.text("p")
    assert "06-" not in text and "[TELEFOON-1]" in text
    units = sqlite_project.documents.units("p", "sentence")
    assert [text[s:e] for s, e in units] == [
        "Wat is je nummer?",
        "Bel [TELEFOON-1] of mail [EMAIL-1].",
        "Echt waar.",
    ]
    turns = sqlite_project.documents.turns("p")
    assert text[turns[1].start : turns[1].end].endswith("Echt waar.")


# --- commands --------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    """Run one of our commands as ``qualcode.cli`` would, without loading every other
    command module (those are built in parallel and may be mid-change)."""
    parser = argparse.ArgumentParser(prog="qualcode")
    subparsers = parser.add_subparsers(dest="command")
    import_cmd.register(subparsers)
    anonymise_cmd.register(subparsers)
    args = parser.parse_args(argv)
    return int(args.func(args) or 0)


def test_import_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locator = str(tmp_path / "study.qcdb")
    create_project(locator).close()
    folder = _folder(tmp_path)
    code = main(["import", locator, str(folder), "--attr", "wave=1", "--language", "nl"])
    out = capsys.readouterr().out
    assert code == 1  # broken.docx failed; the others are in
    assert "3 imported, 0 skipped, 1 failed" in out
    assert "failed broken.docx" in out
    code = main(["import", locator, str(folder / "NI01.txt")])
    assert code == 0
    assert "0 imported, 1 skipped" in capsys.readouterr().out


def test_import_command_rejects_bad_attr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locator = str(tmp_path / "study.qcdb")
    create_project(locator).close()
    with pytest.raises(ValueError, match="KEY=VALUE"):
        main(["import", locator, str(tmp_path), "--attr", "novalue"])


def test_anonymise_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "anonymise-check",
            str(FIXTURES / "planted.txt"),
            "--json",
            "--no-deduce",
            "--allow",
            "Avans",
        ]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"text", "kind", "start", "end"} <= set(rows[0])
    text = (FIXTURES / "planted.txt").read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["text"] for r in rows)
    assert {"email", "phone", "postcode"} <= {r["kind"] for r in rows}


def test_anonymise_check_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("I: Bel me op 06-12345678.\n", encoding="utf-8")
    assert main(["anonymise-check", str(path), "--no-deduce"]) == 0
    out = capsys.readouterr().out
    assert "1 possible identifier" in out and "06-12345678" in out
