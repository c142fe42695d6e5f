"""Ordinary mistakes a newcomer makes on the command line: each ends in one clear line,
exit code 1, no traceback, and nothing left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.core.project import create_project, open_project
from qualcode.core.retrieval import QuoteFilter, find_quotes
from tests.conftest import seed

REPO = Path(__file__).resolve().parents[1]


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


def one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> str:
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "sqlalche.me" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.qcdb"
    with create_project(str(path)) as project:
        seed(project)
    return path


@pytest.mark.parametrize(
    ("locator", "words"),
    [
        ("mysql://x/y", ("mysql", "postgresql")),
        ("sqlite:///nope.db", ("nope.db", "no such project file")),
        ("nope.qcdb", ("nope.qcdb", "no such project file")),
        ("transcripts", ("transcripts", "is a folder, not a project file")),
        ("notes.yaml", ("notes.yaml", "not a Qualcode project")),
        ("empty.qcdb", ("empty.qcdb", "not a Qualcode project", "empty")),
    ],
)
def test_info_on_what_is_not_a_project(tmp_path: Path, locator: str, words: tuple[str]) -> None:
    (tmp_path / "transcripts").mkdir()
    (tmp_path / "notes.yaml").write_text("name: narratief\ncodes: []\n", encoding="utf-8")
    (tmp_path / "empty.qcdb").write_bytes(b"")
    before = listing(tmp_path)
    one_clear_line(qualcode(tmp_path, "info", locator), *words)
    assert listing(tmp_path) == before  # no nope.db, no -wal/-shm next to anything
    assert (tmp_path / "empty.qcdb").read_bytes() == b""


def test_report_into_a_missing_folder_is_refused_unless_mkdir(study: Path, tmp_path: Path) -> None:
    target = tmp_path / "not" / "there" / "out.docx"
    one_clear_line(
        qualcode(tmp_path, "report", str(study), str(target)), "does not exist", "--mkdir"
    )
    assert not (tmp_path / "not").exists()
    done = qualcode(tmp_path, "report", str(study), str(target), "--mkdir")
    assert done.returncode == 0, done.stderr
    assert target.is_file()


def test_star_only_quotes_of_the_listing_and_confirm(study: Path, tmp_path: Path) -> None:
    with open_project(str(study)) as project:
        moeder = [c.id for c in project.codings.list(code="Steungever / Moeder")]
        other = [c.id for c in project.codings.list(code="Steungedrag / Emotionele steun")]
    result = qualcode(
        tmp_path, "quotes", str(study), "--code", "Steungever / Moeder", "--star", str(other[0])
    )
    one_clear_line(result, f"coding {other[0]}", "not among the quotes listed", "nothing")
    with open_project(str(study)) as project:
        assert find_quotes(project, QuoteFilter(illustrative_only=True)) == []
    done = qualcode(
        tmp_path, "quotes", str(study), "--code", "Steungever / Moeder", "--star", str(moeder[0])
    )
    assert done.returncode == 0, done.stderr
    assert f"starred [{moeder[0]}]: NI01, Steungever / Moeder" in done.stdout
    shown = qualcode(tmp_path, "quotes", str(study), "--illustrative", "--json")
    assert [row["coding_id"] for row in json.loads(shown.stdout)] == [moeder[0]]


def test_codebook_diff_json_names_the_versions(study: Path, tmp_path: Path) -> None:
    assert qualcode(tmp_path, "codebook", "release", str(study), "--label", "v1").returncode == 0
    added = qualcode(tmp_path, "codebook", "add", str(study), "Steungever / Oma", "--by", "Anouk")
    assert added.returncode == 0, added.stderr
    diff = qualcode(tmp_path, "codebook", "diff", str(study), "v1", "--json")
    data = json.loads(diff.stdout)
    assert (data["old"], data["new"]) == ("v1", "working")
    text = qualcode(tmp_path, "codebook", "diff", str(study), "v1").stdout
    assert "1 change: 1 added" in text and "1 changes" not in text


def test_codebook_log_names_who_imported(tmp_path: Path) -> None:
    path = tmp_path / "study.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Anouk", role="lead")
    codebook = REPO / "codebooks" / "narratief.yaml"
    assert qualcode(tmp_path, "codebook", "import", str(path), str(codebook)).returncode == 0
    log = qualcode(tmp_path, "codebook", "log", str(path)).stdout.splitlines()
    assert log and all("Anouk" in line for line in log), log[:3]
    assert not any(" ? " in line for line in log)
