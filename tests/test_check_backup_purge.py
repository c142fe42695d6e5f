"""``qualcode check``, backups and restore, ``purge-document`` and file permissions."""

from __future__ import annotations

import json
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core import backups
from qualcode.core.project import create_project, open_project

SECRET = "Mijn oom Gerrit uit Zwolle belde elke avond"
TEXT = f"Interviewer: Wie hielp je?\nStudent: {SECRET}, dat hielp echt.\n"


def make_project(path: Path) -> Path:
    with create_project(str(path)) as project:
        project.coders.add("Anouk", role="lead")
        project.coders.add("Bram")
        project.documents.add("P07", TEXT, attributes={"intervention": "Welzijnslab"})
        project.documents.add("P08", "Interviewer: En jij?\nStudent: Ik red me wel.\n")
        steun = project.codebook.add("Steungever", coder="Anouk")
        project.codebook.add("Familie", parent=steun.guid, coder="Anouk")
        start = TEXT.index("oom")
        coding = project.codings.add("P07", "Anouk", "Steungever / Familie", start, start + 10)
        project.codings.add("P08", "Bram", "Steungever", 0, 11)
        project.memos.add(f"Over {SECRET}", author="Anouk", coding=coding.id)
        project.memos.add("Document memo met Gerrit", author="Anouk", document="P07")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_check_passes_on_a_sound_project(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_project(tmp_path / "p.qcdb")
    assert main(["check", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert {"integrity_check", "orphaned_codings", "offsets", "code_cycles"} <= set(
        report["checks"]
    )


def break_project(path: Path) -> None:
    """What an old or hand-edited project may hold: the rules were not always enforced."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    # Rebuild the codings table without the rules later releases added (no unique rule).
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'codings'").fetchone()[0]
    kept = [line for line in sql.split("\n") if "uq_codings_exact" not in line]
    with conn:
        conn.execute("\n".join(kept).replace("CREATE TABLE codings", "CREATE TABLE old_codings"))
        conn.execute("INSERT INTO old_codings SELECT * FROM codings")
        conn.execute("DROP TABLE codings")
        conn.execute("ALTER TABLE old_codings RENAME TO codings")
    with conn:
        coding = conn.execute("SELECT * FROM codings LIMIT 1").fetchone()
        columns = [c[1] for c in conn.execute("PRAGMA table_info(codings)")]
        values = dict(zip(columns, coding, strict=True))
        for changes in (
            {"id": 9001},  # duplicate of the first coding
            {"id": 9002, "document_id": 777},  # orphan: no such document
            {"id": 9003, "start": 5, "end": 99_999},  # beyond the text
        ):
            row = {**values, **changes}
            marks = ", ".join("?" for _ in row)
            names = ", ".join(f'"{k}"' for k in row)
            conn.execute(f"INSERT INTO codings ({names}) VALUES ({marks})", list(row.values()))
        ids = [r[0] for r in conn.execute("SELECT id FROM codes ORDER BY id")]
        conn.execute("UPDATE codes SET parent_id = ? WHERE id = ?", (ids[1], ids[0]))
    conn.close()


def test_check_finds_and_repairs_damage_after_a_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_project(tmp_path / "p.qcdb")
    break_project(path)
    assert main(["check", str(path), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    kinds = {p["kind"]: p for p in report["problems"]}
    assert kinds["duplicate_codings"]["ids"] == [9001]
    assert 9002 in kinds["orphaned_codings"]["ids"]
    assert 9003 in kinds["offsets"]["ids"]
    assert len(kinds["code_cycles"]["ids"]) == 2
    assert main(["check", str(path)]) == 1
    text = capsys.readouterr().out
    assert "problem: duplicate_codings" in text and "--repair" in text

    assert main(["check", str(path), "--repair"]) == 0
    out = capsys.readouterr().out
    assert "backup written to" in out
    backup = Path(out.split("backup written to ")[1].split()[0])
    assert backup.is_file() and mode(backup) == 0o600
    assert main(["check", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    # The repair is in the audit trail like any other change.
    assert main(["log", str(path), "--json"]) == 0
    trail = json.loads(capsys.readouterr().out)
    assert any(e["action"] == "deleted" and e["entity_id"] == "9001" for e in trail)


def test_backup_and_restore_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_project(tmp_path / "p.qcdb")
    out = tmp_path / "saved.qcdb"
    assert main(["backup", str(path), str(out)]) == 0
    assert mode(out) == 0o600 and mode(path) == 0o600
    with open_project(str(path)) as project:
        project.documents.remove("P08")
        assert project.info().documents == 1
    assert main(["restore", str(out), str(path)]) == 0
    assert "current project backed up to" in capsys.readouterr().out
    with open_project(str(path)) as project:
        assert project.info().documents == 2 and project.info().codings == 2
    assert main(["restore", str(tmp_path / "nope.qcdb"), str(path)]) == 1
    damaged = tmp_path / "damaged.qcdb"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 2000)
    assert main(["restore", str(damaged), str(path)]) == 1


def test_automatic_backups_rotate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUALCODE_BACKUP_KEEP", "2")
    monkeypatch.setenv("QUALCODE_BACKUP_MINUTES", "0")
    path = make_project(tmp_path / "p.qcdb")
    for name in ("A", "B", "C"):
        with open_project(str(path)) as project:  # a backup on open when it changed
            project.coders.add(name)
    made = backups.list_backups(path)
    assert len(made) == 2
    assert all(mode(p) == 0o600 for p in made)
    assert mode(backups.backup_dir(path)) == 0o700
    newest = sqlite3.connect(made[-1])
    assert newest.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    newest.close()


@pytest.mark.postgres
def test_backup_of_a_server_project_is_a_qcdb_snapshot(
    postgres_admin_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.conftest import new_postgres_database

    monkeypatch.chdir(tmp_path)  # restore's safety snapshot lands in the current folder
    url = new_postgres_database(postgres_admin_url)
    with create_project(url) as project:
        project.coders.add("Anouk")
        project.documents.add("P07", TEXT)
        steun = project.codebook.add("Steungever", coder="Anouk")
        project.codebook.add("Familie", parent=steun.guid, coder="Anouk")
        project.codings.add("P07", "Anouk", "Steungever / Familie", 0, 11)
    out = tmp_path / "server.qcdb"
    assert main(["backup", url, str(out)]) == 0
    assert mode(out) == 0o600
    with open_project(str(out)) as copy:
        info = copy.info()
        assert (info.documents, info.codes, info.codings) == (1, 2, 1)
    assert main(["check", str(out)]) == 0
    # And back onto the server, replacing what is there.
    with open_project(url) as project:
        project.documents.remove("P07")
    assert main(["restore", str(out), url]) == 0
    with open_project(url) as project:
        assert project.info().codings == 1


def test_purge_document_removes_every_trace(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUALCODE_BACKUP_MINUTES", "0")
    path = make_project(tmp_path / "p.qcdb")
    with open_project(str(path)) as project:  # makes an automatic backup holding P07
        project.codings.update(project.codings.list()[0].id, memo=f"nog eens {SECRET}")
    extra = tmp_path / "elsewhere.qcdb"
    assert main(["backup", str(path), str(extra)]) == 0
    files = [path, extra, *backups.list_backups(path)]
    assert all(SECRET.encode() in f.read_bytes() for f in files)
    capsys.readouterr()

    assert main(["purge-document", str(path), "P07", "--also", str(extra)]) == 0
    out = capsys.readouterr().out
    assert "purged P07: 1 codings, 2 memos" in out
    assert "audit entries" in out and "cleaned backup" in out
    for file in [path, extra, *backups.list_backups(path)]:
        wal = file.with_name(file.name + "-wal")
        data = file.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        assert SECRET.encode() not in data, file
        assert b"Gerrit" not in data, file
    with open_project(str(path)) as project:
        assert [d.name for d in project.documents.list()] == ["P08"]
        assert project.info().codings == 1
    assert main(["check", str(path)]) == 0
    capsys.readouterr()
    assert main(["log", str(path), "--json"]) == 0
    trail = json.loads(capsys.readouterr().out)
    assert not any("P07" in json.dumps(e) for e in trail)
    assert any(e["action"] == "purged" for e in trail)
    assert main(["purge-document", str(path), "P07"]) == 1


def test_merging_many_new_codes_does_not_shift_positions_per_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Appending merged codes ran an UPDATE of sibling positions per code, which made the
    session re-evaluate every loaded code: 8,000 codes took 186 s."""
    from sqlalchemy import event

    path = tmp_path / "p.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Anouk", role="lead")
    incoming = tmp_path / "in.yaml"
    lines = ["qualcode_codebook: 1", "name: groot", "codes:"]
    for cluster in range(4):
        lines.append(f"  - name: Cluster {cluster}\n    children:")
        lines += [f"      - name: Code {cluster}-{i}" for i in range(40)]
    incoming.write_text("\n".join(lines) + "\n", encoding="utf-8")
    shifts: list[str] = []
    from qualcode.core import store

    real_engine_for = store.engine_for

    def counting_engine(locator: str, **kwargs: object) -> object:
        engine = real_engine_for(locator, **kwargs)  # type: ignore[arg-type]

        @event.listens_for(engine, "before_cursor_execute")
        def _seen(_c: object, _cur: object, statement: str, *_args: object) -> None:
            if statement.startswith("UPDATE codes SET position"):
                shifts.append(statement)

        return engine

    monkeypatch.setattr(store, "engine_for", counting_engine)
    assert main(["codebook", "merge", str(path), str(incoming), "--apply"]) == 0
    with open_project(str(path)) as project:
        assert project.info().codes == 4 * 41
    assert shifts == []


def test_check_runs_on_both_backends(project) -> None:  # type: ignore[no-untyped-def]
    from qualcode.core import integrity

    project.coders.add("Anouk")
    project.documents.add("P07", TEXT)
    project.codebook.add("Steungever", coder="Anouk")
    project.codings.add("P07", "Anouk", "Steungever", 0, 11)
    with project.reading() as session:
        report = integrity.check(session.connection())
    assert report.ok, report.as_json()
    assert {"orphaned_codings", "offsets", "code_cycles", "duplicate_codings"} <= set(report.checks)


def test_backups_are_made_while_changes_are_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUALCODE_BACKUP_MINUTES", "0")  # every change is "N minutes later"
    monkeypatch.setenv("QUALCODE_BACKUP_KEEP", "50")
    path = make_project(tmp_path / "p.qcdb")
    with open_project(str(path)) as project:
        first = len(backups.list_backups(path))
        project.coders.add("Carla")
        time.sleep(0.05)  # file times have a coarse clock on some file systems
        project.coders.add("Daan")
        assert len(backups.list_backups(path)) >= first + 2
    newest = sqlite3.connect(backups.list_backups(path)[-1])
    names = {r[0] for r in newest.execute("SELECT name FROM coders")}
    newest.close()
    assert "Daan" in names
