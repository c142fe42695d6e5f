"""Memos on the project, documents, codes and codings: service rules and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.core.project import Project, create_project
from tests.conftest import seed


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qualcode", *args], capture_output=True, text=True, check=False
    )


def test_memo_filters_and_places(project: Project) -> None:
    seed(project)
    coding = project.codings.list(coder="Bram")[0]
    project.memos.add("Projectbreed", title="Kalibratie", author="Anouk")
    project.memos.add("Over dit interview", document="NI01", author="Bram")
    project.memos.add("Grens", code="Steungever / Moeder", author="Anouk")
    project.memos.add("Waarom zo", coding=coding.id, author="Bram")
    assert len(project.memos.list(document="NI01")) == 2  # the document and its coding
    assert [m.body for m in project.memos.list(author="Anouk", search="GRENS")] == ["Grens"]
    memos = project.memos.list()
    places = project.memos.places(memos)
    assert sorted(places.values())[:3] == [
        "code Steungever / Moeder",
        f"coding {coding.id} (NI01 {coding.start}-{coding.end}, Steungever / Moeder)",
        "document NI01",
    ]


def test_blind_documents_hide_other_coders_memos(project: Project) -> None:
    seed(project)
    bram_coding = project.codings.list(coder="Bram")[0]
    anouk_coding = project.codings.list(coder="Anouk")[0]
    project.memos.add("Bram over zijn coding", coding=bram_coding.id, author="Bram")
    project.memos.add("Anouk over haar coding", coding=anouk_coding.id, author="Anouk")
    project.memos.add("Anouk over het document", document="NI01", author="Anouk")
    project.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    assert [m.body for m in project.memos.list(viewer="Bram")] == ["Bram over zijn coding"]
    project.act_as("Bram")
    assert len(project.memos.list()) == 1  # the session's coder is the default viewer
    project.documents.reveal("NI01", by="Anouk")
    assert len(project.memos.list()) == 3


def test_cli_memos_write_and_list(tmp_path: Path) -> None:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        seed(project)
        coding_id = project.codings.list(coder="Anouk")[0].id
    done = run("memos", locator, "--add", "Let op de taal", "--title", "Kalibratie")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "added memo 1 on project"
    assert (
        run(
            "memos", locator, "--add", "Interview 1", "--document", "NI01", "--by", "Bram"
        ).returncode
        == 0
    )
    assert (
        run("memos", locator, "--add", "Definitie?", "--code", "Steungever / Moeder").returncode
        == 0
    )
    assert run("memos", locator, "--add", "Twijfel", "--coding", str(coding_id)).returncode == 0
    listing = run("memos", locator)
    assert "[2] document NI01 by Bram" in listing.stdout
    assert listing.stdout.strip().endswith("4 memo(s)")
    data = json.loads(run("memos", locator, "--json").stdout)
    assert [m["target"] for m in data] == ["project", "document", "code", "coding"]
    assert data[0]["title"] == "Kalibratie" and data[3]["coding_id"] == coding_id
    assert run("memos", locator, "--edit", "2", "--text", "Interview 1, herzien").returncode == 0
    assert json.loads(run("memos", locator, "--json", "--document", "NI01").stdout)[0]["body"] == (
        "Interview 1, herzien"
    )
    assert run("memos", locator, "--remove", "3").returncode == 0
    assert len(json.loads(run("memos", locator, "--json").stdout)) == 3
    bad = run("memos", locator, "--add", "x", "--code", "Nope")
    assert bad.returncode == 1 and "unknown code: Nope" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert len(json.loads(run("memos", locator, "--json").stdout)) == 3  # nothing written


@pytest.mark.parametrize(
    "args", [("--edit", "1"), ("--add", "x", "--code", "A", "--document", "B")]
)
def test_cli_memos_bad_requests_are_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        seed(project)
    done = run("memos", locator, *args)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_cli_coders_rename_and_role(tmp_path: Path) -> None:
    locator = str(tmp_path / "study.qcdb")
    with create_project(locator, "Study") as project:
        seed(project)
    assert run("coders", "rename", locator, "Bram", "Bram K").stdout.strip() == (
        "renamed Bram to Bram K"
    )
    assert run("coders", "role", locator, "Bram K", "lead").returncode == 0
    assert "Bram K\tlead" in run("coders", "list", locator).stdout
    clash = run("coders", "rename", locator, "Bram K", "Anouk")
    assert clash.returncode == 1 and "already exists" in clash.stderr
