"""Offline: a coder checks documents out of the team server into a local SQLite copy,
codes there without the server, and checks the copy back in (the project merge)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.project import open_project
from tests.team_helpers import TEXT, TeamServer

pytestmark = pytest.mark.postgres


def test_checkout_code_offline_and_checkin(
    team: TeamServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    start = TEXT.index("Mijn moeder")
    with team.open("anouk") as lead:
        lead.documents.assign("NI01", ["Bram"])
    with team.open("carla") as carla:
        carla.codings.add("NI01", "Carla", "Steungever / Mentor", 0, 11)
    copy = tmp_path / "bram-offline.qcdb"
    assert main(["team", "checkout", team.urls["bram"], str(copy)]) == 0
    out = capsys.readouterr().out
    assert f"checked out 1 document(s) with 1 coding(s) to {copy}: NI01" in out
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    # Offline: the copy is an ordinary project file.
    with open_project(str(copy)) as local:
        assert [d.name for d in local.documents.list()] == ["NI01"]
        assert {c.path_text for c in local.codebook.tree()} >= {"Steungever / Moeder"}
        local.codings.add("NI01", "Bram", "Steungever / Moeder", start, start + 11, memo="thuis")
        local.codings.add("NI01", "Bram", "Steungever / Mentor", 60, 70)

    assert main(["team", "checkin", team.urls["bram"], str(copy), "--dry-run"]) == 0
    assert "dry run" in capsys.readouterr().out
    with team.open("anouk") as lead:
        assert lead.codings.list(coder="Bram") == []  # a dry run stores nothing

    assert main(["team", "checkin", team.urls["bram"], str(copy)]) == 0
    report = capsys.readouterr().out
    assert "codings: 2 added, 1 already there (not duplicated)" in report
    assert main(["team", "checkin", team.urls["bram"], str(copy)]) == 0
    assert "codings: 0 added, 3 already there" in capsys.readouterr().out
    with team.open("anouk") as lead:
        stored = {(c.start, c.end, c.memo) for c in lead.codings.list(coder="Bram")}
        assert stored == {(start, start + 11, "thuis"), (60, 70, "")}
        assert len(lead.codings.list(coder="Carla")) == 1


def test_a_coders_copy_cannot_bring_new_codes(team: TeamServer, tmp_path: Path) -> None:
    from qualcode.core.errors import PermissionDenied
    from qualcode.core.team.offline import checkin, checkout

    copy = tmp_path / "carla.qcdb"
    with team.open("carla") as server:
        checkout(server, copy, ["NI02"])
    with open_project(str(copy)) as local:
        local.codebook.add("Buurvrouw", parent="Steungever")
    with team.open("carla") as server, pytest.raises(PermissionDenied, match="need a lead"):
        checkin(server, copy)
    with team.open("anouk") as lead:
        assert "Steungever / Buurvrouw" not in {c.path_text for c in lead.codebook.tree()}
