"""The lead's codebook workflow end to end: two coders' codebooks merged with a reviewed
plan, a release, the diff between versions, and exchange files another tool reads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import xmlschema
from docx import Document as WordDocument

from qualcode.core.codebook_merge import apply_plan, plan_merge
from qualcode.core.project import Project, create_project
from qualcode.core.services.codebook_sync import sync_codebook
from qualcode.io.codebook_formats import read_codebook
from tests.conftest import REPO, seed

CODEBOOK_XSD = REPO / "tests" / "fixtures" / "codebooks" / "Codebook.xsd"


def qualcode(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "qualcode", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result


def run_ok(cwd: Path, *args: str) -> str:
    result = qualcode(cwd, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", ["projectleiders.yaml", "narratief.yaml"])
def test_reference_codebooks_load(name: str) -> None:
    spec = read_codebook(REPO / "codebooks" / name)
    nodes = [node for _, node in spec.walk()]
    assert len(nodes) > 20
    assert all(node.guid and node.definition for node in nodes)
    assert {node.origin for node in nodes} == {"deductive", "inductive"}


def test_sync_applies_a_merged_tree_in_one_go(project: Project) -> None:
    seed(project)
    base = project.codebook.snapshot()
    other_path = REPO / "codebooks" / "narratief.yaml"
    incoming = read_codebook(other_path)
    plan = plan_merge(base, incoming)
    merged, mapping = apply_plan(base, incoming, plan)
    summary = sync_codebook(project, merged, coder="Anouk", aliases=mapping, note="merge")
    paths = {r.path_text for r in project.codebook.tree()}
    assert "Steungever / Moeder" in paths and "Steungedrag / Gedrag steungever" in paths
    # "Steungever / Moeder" matched by path: the seed's code keeps its codings.
    assert len(project.codings.list(code="Steungever / Moeder")) == 2
    assert summary.added == len(paths) - 6
    assert project.versions.log()[-1].action == "import"


def test_lead_merges_two_coders_releases_and_diffs(tmp_path: Path) -> None:
    # Two coders each start from the shared v1 codebook in their own project.
    run_ok(tmp_path, "init", "lead.qcdb")
    run_ok(tmp_path, "coders", "add", "lead.qcdb", "Anouk", "--lead")
    run_ok(tmp_path, "codebook", "import", "lead.qcdb", str(REPO / "codebooks/narratief.yaml"))
    run_ok(tmp_path, "codebook", "release", "lead.qcdb", "--label", "v1 basis")
    for coder in ("Bram", "Carla"):
        run_ok(tmp_path, "init", f"{coder}.qcdb")
        run_ok(
            tmp_path, "codebook", "import", f"{coder}.qcdb", str(REPO / "codebooks/narratief.yaml")
        )
    # Bram adds an inductive code, Carla renames one and redefines another.
    run_ok(
        tmp_path,
        "codebook",
        "add",
        "Bram.qcdb",
        "Situatie / Negatieve situatie / Geldzorgen",
        "--inductive",
        "--definition",
        "Zorgen over geld, schulden of werk naast de studie",
    )
    run_ok(
        tmp_path,
        "codebook",
        "rename",
        "Carla.qcdb",
        "Steungedrag / Gedrag steungever / Praktische steun",
        "Praktische hulp",
    )
    run_ok(tmp_path, "codebook", "export", "Carla.qcdb", "carla.qdc")

    run_ok(tmp_path, "codebook", "merge", "lead.qcdb", "Bram.qcdb", "--apply")
    plan_text = run_ok(
        tmp_path, "codebook", "merge", "lead.qcdb", "carla.qdc", "--plan-out", "plan.json"
    )
    assert "55 same, 1 update" in plan_text and "edit it, then run with" in plan_text
    plan = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    entry = next(e for e in plan["entries"] if e["incoming_path"].endswith("Praktische hulp"))
    assert entry["action"] == "update"  # same id: Carla's renamed code is the lead's code
    entry["use_incoming_name"] = True  # the lead prefers Carla's wording
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    run_ok(
        tmp_path, "codebook", "merge", "lead.qcdb", "carla.qdc", "--plan", "plan.json", "--apply"
    )
    run_ok(
        tmp_path,
        "codebook",
        "release",
        "lead.qcdb",
        "--label",
        "v2 definitief",
        "--note",
        "na de evaluatiesessie",
    )

    diff = json.loads(
        run_ok(tmp_path, "codebook", "diff", "lead.qcdb", "v1 basis", "v2 definitief", "--json")
    )
    kinds = {(c["kind"], " / ".join(c["path"])) for c in diff["changes"]}
    assert ("added", "Situatie / Negatieve situatie / Geldzorgen") in kinds
    assert ("renamed", "Steungedrag / Gedrag steungever / Praktische hulp") in kinds
    text = run_ok(tmp_path, "codebook", "diff", "lead.qcdb", "v1 basis", "v2 definitief")
    assert "renamed: Steungedrag / Gedrag steungever / Praktische steun -> Praktische hulp" in text

    # Hand-outs: a Word codebook and a .qdc valid against the REFI-QDA schema.
    run_ok(
        tmp_path, "codebook", "export", "lead.qcdb", "codebook.docx", "--version", "v2 definitief"
    )
    run_ok(tmp_path, "codebook", "export", "lead.qcdb", "codebook.qdc")
    if CODEBOOK_XSD.exists():
        xmlschema.XMLSchema(str(CODEBOOK_XSD)).validate(str(tmp_path / "codebook.qdc"))
    headings = [
        p.text
        for p in WordDocument(str(tmp_path / "codebook.docx")).paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert any("Geldzorgen" in h for h in headings)
    assert any("Praktische hulp" in h for h in headings)


def test_log_per_code_shows_how_a_definition_evolved(tmp_path: Path) -> None:
    with create_project(str(tmp_path / "s.qcdb")) as project:
        seed(project)
    code = "Steungedrag / Praktische steun"
    for text in ("Hulp bij plannen", "Concrete hulp bij plannen en regelen"):
        run_ok(tmp_path, "codebook", "define", "s.qcdb", code, "--definition", text, "--by", "Bram")
    log = json.loads(run_ok(tmp_path, "codebook", "log", "s.qcdb", "--code", code, "--json"))
    assert [e["after"]["definition"] for e in log if e["action"] == "update"] == [
        "Hulp bij plannen",
        "Concrete hulp bij plannen en regelen",
    ]


def test_bad_codebook_file_changes_nothing(tmp_path: Path) -> None:
    with create_project(str(tmp_path / "s.qcdb")) as project:
        seed(project)
        before = project.codebook.snapshot()
    hostile = tmp_path / "evil.qdc"
    hostile.write_text(
        '<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="a" '
        'name="&x;" isCodable="true"/></Codes></CodeBook>',
        encoding="utf-8",
    )
    result = qualcode(tmp_path, "codebook", "import", "s.qcdb", "evil.qdc")
    assert result.returncode == 1 and "evil.qdc" in result.stderr
    assert "Traceback" not in result.stderr
    with create_project.__globals__["open_project"](str(tmp_path / "s.qcdb")) as project:
        assert project.codebook.snapshot() == before


def test_show_lists_the_tree_with_usage(tmp_path: Path) -> None:
    with create_project(str(tmp_path / "s.qcdb")) as project:
        seed(project)
    text = run_ok(tmp_path, "codebook", "show", "s.qcdb")
    assert text.splitlines()[:2] == ["Steungever  [0]", "    Moeder  [2]"]
    data = json.loads(run_ok(tmp_path, "codebook", "show", "s.qcdb", "--json"))
    moeder = data["codes"][0]["children"][0]
    assert moeder["name"] == "Moeder" and data["usage"][moeder["guid"]] == 2
