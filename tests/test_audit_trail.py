"""The audit trail records every change in the same transaction, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.audit import read_log
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project, create_project

TEXT = "Interviewer: Hoe gaat het?\nStudent: Mijn moeder helpt me echt, elke week.\n"


def log(project: Project, **filters: object) -> list:
    with project.reading() as session:
        return read_log(session, **filters)  # type: ignore[arg-type]


def test_every_kind_of_change_is_recorded_with_before_and_after(project: Project) -> None:
    project.actor = "Anouk"
    anouk = project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    doc = project.documents.add("NI01", TEXT, attributes={"intervention": "Welzijnscoach"})
    code = project.codebook.add("Steungever", coder="Anouk")
    coding = project.codings.add("NI01", "Bram", "Steungever", 33, 44)
    project.codings.update(coding.id, end=48, memo="moeder als steun")
    project.memos.add("Eerste indruk", author="Anouk", document="NI01")
    project.documents.assign("NI01", ["Bram"])
    project.codebook.update(code.guid, definition="Wie steunt de student", coder="Anouk")
    project.codings.remove([coding.id])

    entries = log(project)
    kinds = {(e.entity, e.action) for e in entries}
    for expected in [
        ("document", "created"),
        ("attribute", "created"),
        ("code", "created"),
        ("coding", "created"),
        ("coding", "changed"),
        ("coding", "deleted"),
        ("memo", "created"),
        ("assignment", "created"),
        ("code", "changed"),
    ]:
        assert expected in kinds, expected
    history = log(project, entity="coding", entity_id=str(coding.id))
    assert [e.action for e in history] == ["created", "changed", "deleted"]
    changed = history[1]
    assert changed.before["end"] == 44 and changed.after["end"] == 48
    assert changed.after["memo"] == "moeder als steun"
    assert changed.coder == "Bram" and changed.actor == "Anouk"
    assert changed.document == "NI01" and changed.document_id == doc.id
    # The transcript itself is recorded by length and hash, not copied into the trail.
    long_text = TEXT * 100
    long_doc = project.documents.add("NI02", long_text)
    created = log(project, document_id=long_doc.id, entity="document")[0]
    assert created.after["text"]["chars"] == len(long_text)
    assert "Mijn moeder" not in json.dumps(created.after)
    assert anouk.id is not None


def test_a_refused_change_leaves_no_entry(project: Project) -> None:
    project.coders.add("Anouk")
    project.documents.add("NI01", TEXT)
    project.codebook.add("Steungever", coder="Anouk")
    before = len(log(project))
    with pytest.raises(QualcodeError):
        project.codings.add("NI01", "Anouk", "Steungever", 10, 5_000)  # beyond the text
    assert len(log(project)) == before


def test_bulk_codings_are_each_recorded(project: Project) -> None:
    from qualcode.core.services.codings import NewCoding

    project.coders.add("Anouk")
    project.documents.add("NI01", TEXT)
    code = project.codebook.add("Steungever", coder="Anouk")
    records = project.codings.add_many(
        [NewCoding("NI01", "Anouk", code.id, i, i + 3) for i in range(20)]
    )
    created = [e for e in log(project, entity="coding") if e.action == "created"]
    assert sorted(int(e.entity_id) for e in created) == sorted(r.id for r in records)


def test_log_command_filters_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Anouk")
        project.coders.add("Bram")
        project.documents.add("NI01", TEXT)
        project.documents.add("NI02", TEXT + " ")
        project.codebook.add("Steungever", coder="Anouk")
        project.codings.add("NI01", "Anouk", "Steungever", 33, 44)
        project.codings.add("NI02", "Bram", "Steungever", 33, 44)
    capsys.readouterr()
    assert main(["log", str(path), "--coder", "Bram", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert entries and all(e["coder"] == "Bram" for e in entries)
    assert main(["log", str(path), "--document", "NI01", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert {e["document"] for e in entries} == {"NI01"}
    assert main(["log", str(path), "--since", "1h"]) == 0
    out = capsys.readouterr().out
    assert "created coding" in out and "change(s)" in out
    assert main(["log", str(path), "--since", "2999-01-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["log", str(path), "--since", "yesterday-ish"]) == 1
