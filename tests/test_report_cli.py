"""CSV/XLSX exports and the report, quotes, matrix and summaries commands end to end."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import openpyxl
import pytest

from qualcode import cli
from qualcode.core.analysis import code_matrix
from qualcode.core.errors import DomainError
from qualcode.core.project import Project, create_project, open_project
from qualcode.core.retrieval import QuoteFilter, find_quotes
from qualcode.io.tables import export_matrix, export_quotes, write_table
from tests.test_cli import qualcode
from tests.test_retrieval import build_study

NEW_COMMANDS = ("qualcode.commands.quotes_cmd", "qualcode.commands.matrix_cmd")


@pytest.fixture
def study_file(tmp_path: Path) -> Path:
    path = tmp_path / "study.qcdb"
    with create_project(str(path), "CLI study") as project:
        build_study(project)
    return path


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """Run a command in-process (with the quotes and matrix modules registered)."""
    modules = tuple(dict.fromkeys((*cli.COMMAND_MODULES, *NEW_COMMANDS)))
    monkeypatch.setattr(cli, "COMMAND_MODULES", modules)

    def invoke(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_report_command_end_to_end(study_file: Path) -> None:
    folder = study_file.parent
    done = qualcode(
        folder,
        "report",
        "study.qcdb",
        "out.docx",
        "--by",
        "intervention",
        "--codes",
        "Steun,Effect / Rust",
        "--quotes-per-code",
        "2",
        "--coder",
        "Anouk",
        "--language",
        "en",
    )
    assert done.returncode == 0, done.stderr
    assert "2 chapters (Herstelrecht, Peercoaching)" in done.stdout
    document = docx.Document(str(folder / "out.docx"))
    assert document.paragraphs[1].text == "Report by intervention"
    assert "Coders: Anouk." in [p.text for p in document.paragraphs]
    assert "add --pdf" in done.stdout  # how to get page numbers: said here, not in the file
    wrong = qualcode(folder, "report", "study.qcdb", "out.pdf")
    assert wrong.returncode == 1 and ".docx" in wrong.stderr
    unknown = qualcode(folder, "report", "study.qcdb", "x.docx", "--coder", "Nobody")
    assert unknown.returncode == 1 and "Nobody" in unknown.stderr
    assert "Traceback" not in unknown.stderr


def test_quotes_command_filters_stars_and_exports(study_file: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        "quotes",
        str(study_file),
        "--code",
        "Effect",
        "--subcodes",
        "--where",
        "intervention=Peercoaching",
        "--search",
        "rust",
        "--json",
    )
    assert code == 0
    rows = json.loads(out)
    assert [(r["document"], r["speaker"], r["text"]) for r in rows] == [
        ("PC01", "Student A", "Dat gaf rust in mijn hoofd.")
    ]
    assert rows[0]["intervention"] == "Peercoaching"
    first = rows[0]["coding_id"]
    code, out, _ = run("quotes", str(study_file), "--star", str(first), "--illustrative")
    assert code == 0 and out.startswith(f"*[{first}] PC01, Student A, ¶2 - Effect / Rust")
    target = tmp_path / "quotes.xlsx"
    code, out, _ = run("quotes", str(study_file), "--coder", "Bram", "--out", str(target))
    assert code == 0 and "wrote 2 quotes" in out
    sheet = openpyxl.load_workbook(target).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:3] == ("coding_id", "document", "code") and len(values) == 3
    code, out, err = run("quotes", str(study_file), "--where", "intervention")
    assert code == 1 and "KEY=VALUE" in err


def test_matrix_command(study_file: Path, run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("matrix", str(study_file), "--count", "documents", "--json")
    assert code == 0
    assert json.loads(out)[0] == {"code": "Steun", "Herstelrecht": 1, "Peercoaching": 2, "total": 3}
    code, out, _ = run("matrix", str(study_file), "--rows", "clusters")
    assert code == 0 and out.splitlines()[1].split() == ["Steun", "1", "5", "6"]
    target = tmp_path / "m.csv"
    code, _, _ = run("matrix", str(study_file), "--by", "institution", "--out", str(target))
    with target.open(encoding="utf-8-sig") as handle:
        table = list(csv.reader(handle))
    assert table[0] == ["code", "Avans", "Curio", "total"]
    assert table[1] == ["Steun", "5", "1", "6"]
    code, out, _ = run("matrix", str(study_file), "--cooccurrence", "paragraph", "--json")
    pairs = json.loads(out)
    assert {
        "code_a": "Steun / Emotioneel",
        "code_b": "Effect / Rust",
        "n_a": 4,
        "n_b": 4,
        "n_ab": 2,
        "c": 0.333,
    } in pairs


def test_summaries_commands(study_file: Path, run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(
        "summaries",
        "set",
        str(study_file),
        "--code",
        "Steun",
        "--by",
        "intervention",
        "--value",
        "Peercoaching",
        "--text",
        "Luisteren.",
        "--author",
        "Anouk",
    )
    assert code == 0 and "saved summary of Steun for intervention=Peercoaching" in out
    run("summaries", "set", str(study_file), "--code", "Effect", "--text", "Rust overal.")
    code, out, _ = run("summaries", "list", str(study_file), "--json")
    assert [(s["code"], s["value"], s["author"]) for s in json.loads(out)] == [
        ("Steun", "Peercoaching", "Anouk"),
        ("Effect", "", None),
    ]
    code, out, _ = run("summaries", "list", str(study_file), "--by", "intervention")
    assert "Steun [intervention=Peercoaching, Anouk" in out and "Effect" not in out
    code, _, err = run(
        "summaries", "set", str(study_file), "--code", "Steun", "--by", "x", "--text", "y"
    )
    assert code == 1 and "both" in err


def test_table_exports_match_retrieval_and_analysis(study_file: Path, tmp_path: Path) -> None:
    with open_project(str(study_file)) as project:
        flt = QuoteFilter(where={"intervention": "Peercoaching"})
        count = export_quotes(project, tmp_path / "q.csv", flt)
        quotes = find_quotes(project, flt)
        matrix = export_matrix(project, tmp_path / "m.xlsx", count="speakers")
        assert matrix == code_matrix(project, count="speakers")
    assert count == len(quotes)
    with (tmp_path / "q.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["text"] for r in rows] == [q.text for q in quotes]
    assert rows[0]["paragraph"] == str(quotes[0].paragraph)
    sheet = openpyxl.load_workbook(tmp_path / "m.xlsx").active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0] == ("code", "Herstelrecht", "Peercoaching", "total")
    assert values[1] == ("Steun", 1, 3, 4)


def test_cells_never_become_formulas(tmp_path: Path) -> None:
    write_table(tmp_path / "x.csv", ["text"], [["=SUM(A1)"], ["-ok"], ["fine"]])
    assert (tmp_path / "x.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "text",
        "'=SUM(A1)",
        "'-ok",
        "fine",
    ]
    write_table(tmp_path / "x.xlsx", ["text"], [["@cmd"]])
    assert openpyxl.load_workbook(tmp_path / "x.xlsx").active["A2"].value == "'@cmd"
    with pytest.raises(DomainError):
        write_table(tmp_path / "x.ods", ["a"], [])


def test_project_fixture_backends_agree(project: Project) -> None:
    build_study(project)
    assert len(find_quotes(project, QuoteFilter(coders=("Anouk",)))) == 9
