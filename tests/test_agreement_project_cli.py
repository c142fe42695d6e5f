"""``qualcode agreement`` and ``qualcode stats alpha`` end to end, as a user runs them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from qualcode.core.project import create_project
from tests.agreement_project_helpers import two_coder_project
from tests.test_cli import qualcode

# Krippendorff (2011), 4 coders x 12 units with missing values; nominal alpha = 0.743.
KRIPPENDORFF_2011 = [
    ["A", 1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    ["B", 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    ["C", None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    ["D", 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]


@pytest.fixture
def study(tmp_path: Path) -> Path:
    with create_project(str(tmp_path / "study.qcdb"), "CLI") as project:
        two_coder_project(project)
    return tmp_path


def test_agreement_prints_tables_and_disagreements(study: Path) -> None:
    run = qualcode(
        study,
        "agreement",
        "study.qcdb",
        "--coders",
        "Anouk,Bram",
        "--bootstrap",
        "200",
        "--seed",
        "4",
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "coders: Anouk, Bram; unit: sentence" in out
    assert "Steun" in out and "80.0" in out and "0.604" in out
    assert "disagreements: 2" in out
    assert '"Zin nummer 03 staat hier."' in out and "  Bram: (nothing)" in out


def test_agreement_json_report_and_limits(study: Path) -> None:
    run = qualcode(
        study,
        "agreement",
        "study.qcdb",
        "--coders",
        "Anouk,Bram",
        "--json",
        "--bootstrap",
        "0",
        "--out",
        "report.docx",
    )
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["codes"][0]["label"] == "Steun"
    assert data["codes"][0]["alpha"] == pytest.approx(0.604167, abs=1e-6)
    assert len(data["disagreements"]) == 2
    assert (study / "report.docx").stat().st_size > 5000
    csv_run = qualcode(
        study,
        "agreement",
        "study.qcdb",
        "--coders",
        "Anouk,Bram",
        "--unit",
        "character",
        "--out",
        "report.csv",
        "--disagreements",
        "1",
    )
    assert csv_run.returncode == 0, csv_run.stderr
    assert "disagreements: 2 (first 1)" in csv_run.stdout
    rows = list(csv.DictReader((study / "report.csv").open(encoding="utf-8")))
    assert any(r["kind"] == "code" and r["label"] == "Steun" for r in rows)
    dis = list(csv.reader((study / "report_disagreements.csv").open(encoding="utf-8")))
    assert dis[0] == [
        "document", "paragraph", "turn", "speaker", "start", "end", "disputed", "Anouk", "Bram",
        "text",
    ]  # fmt: skip
    assert len(dis) == 3


def test_agreement_report_docx_has_styled_tables(tmp_path: Path) -> None:
    from docx import Document

    from qualcode.core.agreement_project import compute_agreement
    from qualcode.io.agreement_report import TABLE_STYLE, write_report

    with create_project(str(tmp_path / "s.qcdb")) as project:
        two_coder_project(project)
        result = compute_agreement(project, ["Anouk", "Bram"], bootstrap=100)
    write_report(result, tmp_path / "r.docx")
    doc = Document(str(tmp_path / "r.docx"))
    assert all(t.style.name == TABLE_STYLE for t in doc.tables)
    texts = [p.text for p in doc.paragraphs]
    assert "Disagreements (2)" in texts and "Zin nummer 03 staat hier." in texts
    assert any("0.800" in c.text for t in doc.tables for r in t.rows for c in r.cells)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--coders", "Anouk"), "at least two coders"),
        (("--coders", "Anouk,Zoe"), "unknown coder: Zoe"),
        (("--coders", "Anouk,Bram", "--out", "x.pdf"), "must be .docx or .csv"),
    ],
)
def test_agreement_mistakes_are_one_line(study: Path, args: tuple[str, ...], message: str) -> None:
    run = qualcode(study, "agreement", "study.qcdb", *args)
    assert run.returncode == 1
    assert message in run.stderr and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


def _write_matrix(folder: Path) -> tuple[Path, Path]:
    from openpyxl import Workbook

    path_csv = folder / "k.csv"
    with path_csv.open("w", newline="") as fh:
        csv.writer(fh).writerows([["" if v is None else v for v in r] for r in KRIPPENDORFF_2011])
    book = Workbook()
    for row in KRIPPENDORFF_2011:
        book.active.append(row)
    path_xlsx = folder / "k.xlsx"
    book.save(path_xlsx)
    return path_csv, path_xlsx


def test_stats_alpha_on_krippendorffs_example_csv_and_xlsx(tmp_path: Path) -> None:
    for path in _write_matrix(tmp_path):
        run = qualcode(tmp_path, "stats", "alpha", path.name, "--level", "nominal")
        assert run.returncode == 0, run.stderr
        assert "Krippendorff's alpha (nominal): 0.743" in run.stdout
        assert "pairable values: 40" in run.stdout
        js = qualcode(
            tmp_path,
            "stats",
            "alpha",
            path.name,
            "--level",
            "interval",
            "--json",
            "--bootstrap",
            "300",
        )
        data = json.loads(js.stdout)
        assert data["alpha"] == pytest.approx(0.849, abs=5e-4)
        assert data["pairable_values"] == 40 and data["units"] == 12
        assert data["bootstrap"]["low"] < data["alpha"] < data["bootstrap"]["high"]


def test_stats_alpha_mistakes_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "one.csv").write_text("A,1,2,3\n")
    (tmp_path / "text.csv").write_text("A,x,y\nB,x,z\n")
    for args, message in [
        (("missing.csv",), "file not found"),
        (("one.csv",), "at least two"),
        (("text.csv", "--level", "interval"), "text.csv"),
    ]:
        run = qualcode(tmp_path, "stats", "alpha", *args)
        assert run.returncode == 1, args
        assert message in run.stderr and "Traceback" not in run.stderr


def test_stats_kappa_prints_percent_cohen_scott_and_fleiss(tmp_path: Path) -> None:
    # p_o = .8; Cohen p_e = .48 -> .615; Scott's pooled p_e = .5 -> .600
    (tmp_path / "two.csv").write_text(
        "Anouk,1,1,0,0,1,0,1,1,1,0\nBram,1,0,0,0,1,0,1,1,0,0\n", encoding="utf-8"
    )
    run = qualcode(tmp_path, "stats", "kappa", "two.csv")
    assert run.returncode == 0, run.stderr
    assert "Percent agreement:  80.0%" in run.stdout
    assert "Cohen's kappa:      0.615" in run.stdout
    assert "Scott's pi:         0.600" in run.stdout
    assert "Fleiss' kappa:      0.600" in run.stdout  # Fleiss equals Scott for two coders
    path_csv, _ = _write_matrix(tmp_path)
    data = json.loads(qualcode(tmp_path, "stats", "kappa", path_csv.name, "--json").stdout)
    assert data["coders"] == ["A", "B", "C", "D"] and data["units"] == 12
    assert data["cohen"]["value"] is None and "two coders" in data["cohen"]["reason"]
    assert data["scott"]["value"] is None and "two coders" in data["scott"]["reason"]
    assert 0 < data["percent"]["value"] < 1 and data["fleiss"]["value"] is not None
    bad = qualcode(tmp_path, "stats", "kappa", "missing.csv")
    assert bad.returncode == 1 and "missing.csv: file not found" in bad.stderr


def test_agreement_header_counts_contributing_documents_and_json_gives_reasons(
    study: Path,
) -> None:
    with create_project(str(study / "more.qcdb"), "CLI") as project:
        two_coder_project(project)
        project.documents.add("D2", "Alleen Anouk codeerde hier.")
        project.codings.add("D2", "Anouk", "Steun", 0, 6)
    run = qualcode(study, "agreement", "more.qcdb", "--coders", "Anouk,Bram", "--unit", "character")
    assert run.returncode == 0, run.stderr
    assert "documents contributing: 1 of 2 (D1)" in run.stdout
    assert "left out: D2: coded by Anouk only; nothing to compare" in run.stdout
    assert "u-alpha" in run.stdout and "over documents" in run.stdout
    assert 'D1, paragraph 1: "' in run.stdout  # located by paragraph, not offsets
    data = json.loads(
        qualcode(
            study, "agreement", "more.qcdb", "--coders", "Anouk,Bram", "--unit", "character",
            "--json",
        ).stdout
    )  # fmt: skip
    assert data["settings"]["contributing"] == ["D1"]
    assert data["settings"]["left_out"] == [
        {"document": "D2", "why": "coded by Anouk only; nothing to compare"}
    ]
    overall = data["overall"]
    assert overall["u_alpha"] is not None
    for key, value in overall.items():
        if value is None and key not in ("ref_id", "reason"):
            assert overall["reasons"].get(key), key


def test_long_code_paths_are_cut_in_the_middle_keeping_the_code_name() -> None:
    from qualcode.commands.agreement_cmd import cut_label

    path = "Steungedrag / Gedrag steungever / Persoonlijke aandacht en emotionele steun"
    shown = cut_label(path, 50)
    assert len(shown) <= 50 and shown.endswith("Persoonlijke aandacht en emotionele steun")
    assert cut_label("Steungedrag / Gedrag steungever / Praktische steun", 50) == (
        "Steungedrag / Gedrag steungever / Praktische steun"
    )
    assert cut_label("A / Een heel lange naam van een code", 20).endswith("...")
