"""The command line end to end, as a user runs it, in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from qualcode.cli import build_parser


def qualcode(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "qualcode", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_init_coders_info(tmp_path: Path) -> None:
    assert qualcode(tmp_path, "init", "study.qcdb").returncode == 0
    assert qualcode(tmp_path, "coders", "add", "study.qcdb", "Anouk", "--lead").returncode == 0
    assert qualcode(tmp_path, "coders", "add", "study.qcdb", "Bram").returncode == 0
    info = qualcode(tmp_path, "info", "study.qcdb")
    assert info.returncode == 0
    assert "coders:    2 (Anouk, Bram)" in info.stdout
    assert "documents: 0" in info.stdout


def test_user_mistakes_give_one_line_and_no_traceback(tmp_path: Path) -> None:
    missing = qualcode(tmp_path, "info", "nope.qcdb")
    assert missing.returncode == 1
    assert "nope.qcdb" in missing.stderr and "Traceback" not in missing.stderr
    qualcode(tmp_path, "init", "study.qcdb")
    again = qualcode(tmp_path, "init", "study.qcdb")
    assert again.returncode == 1 and "already exists" in again.stderr
    qualcode(tmp_path, "coders", "add", "study.qcdb", "Bram")
    dup = qualcode(tmp_path, "coders", "add", "study.qcdb", "Bram")
    assert dup.returncode == 1 and "already exists" in dup.stderr
    (tmp_path / "c.csv").write_text("document,coder,start,end,code,memo\nX,Bram,0,4,Y,\n")
    bad = qualcode(tmp_path, "codings", "import", "study.qcdb", "c.csv")
    assert bad.returncode == 1
    assert "line 2: unknown document 'X'" in bad.stderr and "Traceback" not in bad.stderr


def test_every_command_has_help() -> None:
    parser = build_parser()
    actions = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    names = set(actions[0].choices)
    assert {"init", "info", "coders", "codings", "demo", "documents"} <= names
    for name, sub in actions[0].choices.items():
        assert sub.format_help().strip(), name


def test_demo_builds_the_sample_project_and_its_reports(tmp_path: Path) -> None:
    from docx import Document as WordDocument

    result = qualcode(tmp_path, "demo", "out")
    assert result.returncode == 0, result.stderr
    assert "documents: 10" in result.stdout and "codebook versions: v1 basis" in result.stdout
    info = qualcode(tmp_path, "info", "out/sample.qcdb", "--json")
    data = json.loads(info.stdout)
    assert (data["documents"], data["coders"]) == (10, 2)
    assert data["codes"] > 70 and data["codings"] > 400
    report = WordDocument(str(tmp_path / "out" / "sample-report.docx"))
    chapters = [p.text for p in report.paragraphs if p.style.name == "Heading 1"]
    for intervention in ("Back on Track", "Herstelrecht", "Caring Universities"):
        assert any(intervention in c for c in chapters)
    assert (tmp_path / "out" / "agreement.docx").exists()
    again = qualcode(tmp_path, "demo", "out")
    assert again.returncode == 1 and "already exists" in again.stderr
