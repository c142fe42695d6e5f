"""Creating, opening and migrating projects on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from qualcode.core import store
from qualcode.core.errors import DomainError, ProjectError
from qualcode.core.models import Base
from qualcode.core.project import create_project, open_project


def test_new_project_is_at_head_and_reopens(locator: str) -> None:
    with create_project(locator, "Studie") as project:
        project.coders.add("Anouk", role="lead")
    with open_project(locator) as project:
        info = project.info()
        assert info.name == "Studie"
        assert info.coders == 1
        assert info.schema_revision == store.head_revision()


def test_migrations_from_empty_database_match_the_models(locator: str) -> None:
    """Upgrading an empty database through every migration yields exactly the models."""
    engine = store.engine_for(locator)
    try:
        store.upgrade(engine, locator)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
        assert store.current_revision(engine) == store.head_revision()
    finally:
        engine.dispose()


def test_unknown_or_missing_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Bram")
    # Pretend the file was written by a release that knew no migrations yet.
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = 'base-for-test'")
    con.commit()
    con.close()
    # A schema unknown to this release cannot be upgraded: refuse, change nothing.
    with pytest.raises(ProjectError, match="newer release"):
        open_project(str(path))
    con = sqlite3.connect(path)
    con.execute("DELETE FROM alembic_version")
    con.commit()
    con.close()
    with pytest.raises(ProjectError, match="no schema version"):
        open_project(str(path))


def test_upgrade_takes_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "study.qcdb"
    engine = store.engine_for(str(path))
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE placeholder (id INTEGER)"))
    backup = store.upgrade(engine, str(path))
    engine.dispose()
    assert backup is not None and backup.exists()
    con = sqlite3.connect(backup)
    assert con.execute("SELECT name FROM sqlite_master WHERE name='placeholder'").fetchone()
    con.close()
    with open_project(str(path)) as project:
        assert project.info().schema_revision == store.head_revision()


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "study.qcdb"
    with create_project(str(path)) as project, project.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_create_refuses_existing_and_open_refuses_missing(tmp_path: Path) -> None:
    path = tmp_path / "study.qcdb"
    create_project(str(path)).close()
    with pytest.raises(ProjectError, match="already exists"):
        create_project(str(path))
    with pytest.raises(ProjectError, match="no such project"):
        open_project(str(tmp_path / "missing.qcdb"))


def test_open_refuses_a_file_that_is_not_a_project(tmp_path: Path) -> None:
    junk = tmp_path / "notes.qcdb"
    junk.write_text("this is not a database")
    with pytest.raises(ProjectError, match=r"notes\.qcdb"):
        open_project(str(junk))
    empty = tmp_path / "empty.qcdb"
    sqlite3.connect(empty).close()
    with pytest.raises(ProjectError, match="not a Qualcode project"):
        open_project(str(empty))


def test_bad_url_is_a_clear_error() -> None:
    with pytest.raises(ProjectError, match="not a valid database URL"):
        store.engine_for("postgresql+psycopg://user@host:notaport/db")


def test_sqlite_url_locator_works(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'study.qcdb'}"
    with create_project(url) as project:
        project.coders.add("Anouk")
    assert create_engine(url).connect().execute(text("SELECT count(*) FROM coders")).scalar() == 1


def test_opening_a_project_from_an_older_release_upgrades_it(locator: str) -> None:
    """A project written at schema 0001 (before merges, stars and summaries) opens, is
    backed up (SQLite) and upgraded, and keeps every row."""
    from alembic import command

    engine = store.engine_for(locator)
    command.upgrade(store.alembic_config(engine), "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO coders (id, name, role, created_at) "
                "VALUES (1, 'Anouk', 'lead', '2025-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO documents (id, name, text, content_hash, source_format, language, "
                "imported_at, blind) VALUES (1, 'NI01', 'Mijn moeder hielp.', 'x', 'txt', 'nl', "
                "'2025-01-01', false)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO codes (id, guid, position, name, definition, inclusion, exclusion, "
                "example, colour, origin, created_at, modified_at) VALUES (1, "
                "'0b6c2a4e-1111-4222-8333-444455556666', 0, 'Moeder', '', '', '', '', '#4E79A7', "
                "'deductive', '2025-01-01', '2025-01-01')"
            )
        )
        conn.execute(
            text(
                'INSERT INTO codings (id, document_id, code_id, coder_id, start, "end", memo, '
                "created_at) VALUES (1, 1, 1, 1, 0, 11, 'oud', '2025-01-01')"
            )
        )
        # An exact duplicate (the old quick-code box stored some twice), with a memo.
        conn.execute(
            text(
                'INSERT INTO codings (id, document_id, code_id, coder_id, start, "end", memo, '
                "created_at) VALUES (2, 1, 1, 1, 0, 11, '', '2025-01-01')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO memos (id, target, coding_id, title, body, created_at, modified_at) "
                "VALUES (1, 'coding', 2, '', 'op de dubbele', '2025-01-01', '2025-01-01')"
            )
        )
    engine.dispose()
    backups_before = _backups(locator)
    with open_project(locator) as project:
        assert project.info().schema_revision == store.head_revision()
        coding = project.codings.get(1)
        assert (coding.start, coding.end, coding.memo, coding.illustrative) == (0, 11, "oud", False)
        # 0003 folded the duplicate into the oldest coding; its memo followed.
        assert [c.id for c in project.codings.list()] == [1]
        assert [m.coding_id for m in project.memos.list(target="coding")] == [1]
        with pytest.raises(DomainError, match="already"):
            project.codings.add(1, 1, 1, 0, 11)
        project.codings.update(1, illustrative=True)
        project.summaries.set("Moeder", "Moeder steunt praktisch.", author="Anouk")
        assert project.codebook.update("Moeder", cmo="mechanism").cmo == "mechanism"
        # 0003: codes stay codable, keep their colour; coders and documents get no GUID yet.
        moeder = project.codebook.get("Moeder")
        assert (moeder.codable, moeder.colour) == (True, "#4E79A7")
        assert project.codebook.update("Moeder", codable=False).codable is False
        # 0005: codes carry a version for optimistic concurrency, coders a login.
        assert project.codebook.get("Moeder").version == 3
        assert [c.name for c in project.coders.list()] == ["Anouk"]
        # 0006: the audit trail exists and recorded the edits just made.
        from qualcode.core.audit import read_log

        with project.reading() as session:
            trail = read_log(session, entity="coding", entity_id="1")
        assert [e.action for e in trail] == ["changed"]
        assert trail[0].before["illustrative"] is False and trail[0].after["illustrative"]
    if not store.is_url(locator):
        (backup,) = set(_backups(locator)) - set(backups_before)
        con = sqlite3.connect(backup)
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert con.execute("SELECT memo FROM codings").fetchone() == ("oud",)
        con.close()


def _backups(locator: str) -> list[Path]:
    if store.is_url(locator):
        return []
    path = Path(locator)
    return sorted(path.parent.glob(f"{path.name}.backup-*"))
