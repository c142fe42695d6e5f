"""Headers and footers of a Word transcript stay out of the coded text but are kept."""

from __future__ import annotations

from pathlib import Path

import docx

from qualcode.core.project import Project
from qualcode.core.services.documents import NOTES_MEMO_TITLE
from qualcode.io.transcripts.batch import import_files


def test_header_text_is_kept_as_a_document_memo(sqlite_project: Project, tmp_path: Path) -> None:
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "Transcript 7, vertrouwelijk"
    word.add_paragraph("Interviewer: Hoe begon het?")
    word.add_paragraph("Student: Met een gesprek bij de decaan.")
    path = tmp_path / "NI07.docx"
    word.save(str(path))
    import_files(
        sqlite_project,
        [path],
        attributes={},
        metadata_sheet=None,
        language="nl",
        pseudonymise=False,
        force=False,
        allow=set(),
        progress=None,
    )
    assert "vertrouwelijk" not in sqlite_project.documents.text("NI07")
    memos = sqlite_project.memos.list(document="NI07")
    assert [m.title for m in memos] == [NOTES_MEMO_TITLE]
    assert "Transcript 7, vertrouwelijk" in memos[0].body
    assert [t.speaker for t in sqlite_project.documents.turns("NI07")] == ["Interviewer", "Student"]


def test_folder_import_says_which_files_it_passed_over(
    sqlite_project: Project, tmp_path: Path
) -> None:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    (folder / "I01.txt").write_text("Interviewer: Dag.\n\nR: Hallo.\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    (folder / "meta.csv").write_text("file,intervention\nI01.txt,Welzijnslab\n")
    report = import_files(
        sqlite_project,
        [folder],
        attributes={},
        metadata_sheet=folder / "meta.csv",
        language=None,
        pseudonymise=False,
        force=False,
        allow=set(),
        progress=None,
    )
    assert [d.name for d in report.imported] == ["I01"]
    assert report.warnings == [
        "ignored 1 file(s) that are not transcripts (.docx/.odt/.txt/.md): scan.pdf"
    ]
    assert sqlite_project.documents.get("I01").attributes == {"intervention": "Welzijnslab"}
