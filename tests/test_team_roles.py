"""Team mode on a real PostgreSQL server: logins are coders, roles are enforced by the
services and by the database itself (row-level security), codebook edits are versioned."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from qualcode.cli import main
from qualcode.core import store
from qualcode.core.errors import EditConflict, PermissionDenied, ProjectError
from tests.team_helpers import TEXT, TeamServer, as_login

pytestmark = pytest.mark.postgres


def _raw(url: str):  # an engine that bypasses our services entirely
    return create_engine(store.engine_for(url).url)


def test_identity_is_the_login(team: TeamServer) -> None:
    with team.open("bram") as project:
        assert project.team is not None
        assert (project.team.coder_name, project.team.role) == ("Bram", "coder")
    with team.open("anouk") as project:
        assert project.team is not None and project.team.may_lead


def test_a_coder_cannot_touch_another_coders_codings_even_with_raw_sql(team: TeamServer) -> None:
    start = TEXT.index("Mijn moeder")
    with team.open("bram") as bram:
        mine = bram.codings.add("NI01", "Bram", "Steungever / Moeder", start, start + 11)
        bram.memos.add("Bram's note", coding=mine.id)
    engine = _raw(team.urls["carla"])
    with engine.begin() as conn:
        moved = conn.execute(text("UPDATE codings SET start = 0 WHERE id = :i"), {"i": mine.id})
        assert moved.rowcount == 0
        assert conn.execute(text("DELETE FROM codings")).rowcount == 0
        assert conn.execute(text("UPDATE memos SET body = 'mine now'")).rowcount == 0
    with engine.begin() as conn, pytest.raises(Exception, match="row-level security"):
        conn.execute(
            text(
                'INSERT INTO codings (document_id, code_id, coder_id, start, "end", memo, '
                "created_at, illustrative) VALUES (1, 2, :bram, 0, 5, '', now(), false)"
            ),
            {"bram": mine.coder_id},
        )
    with engine.begin() as conn, pytest.raises(Exception, match="permission denied"):
        conn.execute(text("UPDATE codes SET name = 'gekaapt'"))
    engine.dispose()
    with team.open("anouk") as lead:
        (kept,) = lead.codings.list(coder="Bram")
        assert (kept.start, kept.end) == (start, start + 11)
        assert [m.body for m in lead.memos.list(target="coding")] == ["Bram's note"]
        assert lead.codebook.get("Steungever / Moeder").name == "Moeder"


def test_services_refuse_what_the_role_does_not_allow(team: TeamServer) -> None:
    start = TEXT.index("Mijn moeder")
    with team.open("bram") as bram:
        own = bram.codings.add("NI01", "Bram", "Steungever / Moeder", start, start + 11)
    with team.open("carla") as carla:
        with pytest.raises(PermissionDenied, match="only as yourself"):
            carla.codings.add("NI01", "Bram", "Steungever / Moeder", 0, 5)
        with pytest.raises(PermissionDenied, match="another coder"):
            carla.codings.update(own.id, end=start + 20)
        with pytest.raises(PermissionDenied, match="another coder"):
            carla.codings.remove([own.id])
        for action in (
            lambda: carla.codebook.add("Vader", parent="Steungever"),
            lambda: carla.codebook.update("Steungever / Moeder", name="Mama"),
            lambda: carla.versions.release("v1"),
            lambda: carla.documents.assign("NI01", ["Carla"], blind=True),
            lambda: carla.documents.reveal("NI01", by="Carla"),
            lambda: carla.adjudication.accept("NI01", 0, 20, coders=["Bram"], by="Carla"),
        ):
            with pytest.raises(PermissionDenied, match="only a lead"):
                action()
        theirs = carla.codings.add("NI01", "Carla", "Steungever / Mentor", 0, 5)
        carla.codings.update(theirs.id, end=9)
        assert carla.codings.get(theirs.id).end == 9
        memo = carla.memos.add("Carla denkt")
        assert memo.author == "Carla"
    with team.open("anouk") as lead:
        lead.codebook.update("Steungever / Moeder", definition="De moeder als steun")
        lead.documents.assign("NI01", ["Bram", "Carla"], blind=True)
        lead.versions.release("v1")
        lead.codings.update(own.id, illustrative=True)  # leads star anyone's quotes
        (change,) = [c for c in lead.versions.log() if c.action == "update"]
        assert change.coder == "Anouk"


def test_a_stale_codebook_edit_is_refused_with_the_current_state(team: TeamServer) -> None:
    with team.open("anouk") as first, team.open("anouk") as second:
        loaded = second.codebook.get("Steungever / Moeder")
        first.codebook.update("Steungever / Moeder", name="Moeder of verzorger")
        with pytest.raises(EditConflict) as refused:
            second.codebook.update(loaded.id, name="Mama", expected_version=loaded.version)
        message = str(refused.value)
        assert "changed by Anouk" in message and "Moeder of verzorger" in message
        assert "not saved" in message
        assert second.codebook.get(loaded.id).name == "Moeder of verzorger"
        # Reload and redo: the edit on the current version goes through.
        current = second.codebook.get(loaded.id)
        redone = second.codebook.update(loaded.id, name="Mama", expected_version=current.version)
        assert redone.version == current.version + 1


def test_two_leads_rename_the_same_code_at_once(team: TeamServer) -> None:
    """Both read version v, both write at the same moment: one wins, one gets the conflict."""
    with team.open("anouk") as setup:
        setup.coders.add("Dirk", role="lead")
    from qualcode.core.team.server import add_member

    engine = store.engine_for(team.admin)
    add_member(engine, "Dirk", "dirk", lead=True, password="dirk-pw")
    engine.dispose()
    urls = [team.urls["anouk"], as_login(team.admin, "dirk", "dirk-pw")]
    from qualcode.core.project import open_project

    projects = [open_project(url) for url in urls]
    loaded = projects[0].codebook.get("Steungever / Mentor")  # as both windows show it
    version = loaded.version
    barrier = threading.Barrier(2)
    outcome: dict[str, object] = {}

    def rename(project: object, name: str) -> None:
        barrier.wait()
        try:
            outcome[name] = project.codebook.update(  # type: ignore[attr-defined]
                loaded.id, name=name, expected_version=version
            )
        except EditConflict as exc:
            outcome[name] = exc

    threads = [
        threading.Thread(target=rename, args=(p, n))
        for p, n in zip(projects, ("Mentor (school)", "Studieloopbaanbegeleider"), strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    conflicts = [n for n, r in outcome.items() if isinstance(r, EditConflict)]
    winners = [n for n, r in outcome.items() if not isinstance(r, EditConflict)]
    assert len(conflicts) == 1 and len(winners) == 1, outcome
    assert winners[0] in str(outcome[conflicts[0]])  # the message shows the current state
    assert projects[1].codebook.get("Steungever / " + winners[0]).version == version + 1
    for project in projects:
        project.close()


def test_team_commands(postgres_admin_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import new_postgres_database

    url = new_postgres_database(postgres_admin_url)
    assert main(["team", "init", url, "--lead", "Anouk de Vries"]) == 0
    out = capsys.readouterr().out
    assert "signs in as new login 'anouk_de_vries'" in out and "password for" in out
    assert main(["team", "add-coder", url, "Evi", "--login", "evi_cli"]) == 0
    assert "coder Evi signs in as new login 'evi_cli'" in capsys.readouterr().out
    assert main(["team", "add-coder", url, "Bram"]) == 0  # a login other projects use too
    assert "coder Bram signs in as" in capsys.readouterr().out
    assert main(["team", "members", as_login(url, "bram", "x")]) == 0
    listing = capsys.readouterr().out
    assert "signed in as Bram (coder, login 'bram')" in listing
    assert "Anouk de Vries\tlead\tanouk_de_vries" in listing
    # A second init upgrades and refreshes instead of failing.
    assert main(["team", "init", url, "--lead", "Anouk de Vries"]) == 0
    assert "existing login" in capsys.readouterr().out


def test_unknown_url_schemes_get_one_clear_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["info", "mysql://user@host/study"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "qualcode info: error: mysql://user@host/study: unsupported database 'mysql'; "
        "use a project file or postgresql://user@host/database"
    ]
    with pytest.raises(ProjectError, match="team mode needs a PostgreSQL URL"):
        main(["--debug", "team", "init", str(tmp_path / "x.qcdb"), "--lead", "A"])


def test_blind_codings_stay_hidden_from_a_coders_connection(team: TeamServer) -> None:
    with team.open("anouk") as lead:
        lead.documents.assign("NI02", ["Bram", "Carla"], blind=True)
    with team.open("bram") as bram:
        coding = bram.codings.add("NI02", "Bram", "Steungever / Moeder", 0, 12)
        bram.memos.add("Moeder belt elke dag", coding=coding.id)
    engine = _raw(team.urls["carla"])
    count = text("SELECT count(*) FROM codings WHERE document_id = 2")
    memos = text("SELECT count(*) FROM memos WHERE coding_id IS NOT NULL")
    with engine.connect() as conn:
        assert conn.execute(count).scalar() == 0  # even raw SQL does not show Bram's
        assert conn.execute(memos).scalar() == 0  # nor the memo on his coding
    with team.open("anouk") as lead:
        assert len(lead.codings.list(document="NI02")) == 1
        lead.documents.reveal("NI02", by="Anouk")
    with engine.connect() as conn:
        assert conn.execute(count).scalar() == 1
        assert conn.execute(memos).scalar() == 1
    engine.dispose()


def test_stale_moves_and_deletes_are_refused_too(team: TeamServer) -> None:
    with team.open("anouk") as first, team.open("anouk") as second:
        seen = second.codebook.get("Steungever / Mentor")
        first.codebook.update(seen.id, definition="Begeleider op school")
        with pytest.raises(EditConflict, match="Begeleider op school"):
            second.codebook.move(seen.id, parent=None, expected_version=seen.version)
        with pytest.raises(EditConflict, match="changed by Anouk"):
            second.codebook.delete(seen.id, expected_version=seen.version)
        now = second.codebook.get(seen.id)
        assert now.path == ("Steungever", "Mentor")  # neither moved nor deleted
        second.codebook.move(seen.id, parent=None, expected_version=now.version)
        assert second.codebook.get(seen.id).path == ("Mentor",)
