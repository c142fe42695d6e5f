"""Backups: online copies of SQLite projects, snapshots of server projects, restore.

* Copies use SQLite's online backup API (``sqlite3.Connection.backup``): consistent even
  while other processes read or write, WAL included. A plain file copy is not.
* Automatic backups of an SQLite project go to ``<project>.backups/`` next to it: one
  when a project that changed since its last backup is opened, and one every
  ``QUALCODE_BACKUP_MINUTES`` (default 10) while changes are made; the newest
  ``QUALCODE_BACKUP_KEEP`` (default 5; 0 turns them off) are kept.
* A project on a server is backed up as a ``.qcdb`` snapshot (the same schema in SQLite),
  so it opens anywhere without the server.
* Every file made here is readable by its owner only (0600): it holds interview data.
"""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, MetaData, Table, insert, select, text

from qualcode.core.errors import ProjectError

BACKUP_SUFFIX = ".qcdb"
CHUNK = 5_000


def private_file(path: Path) -> None:
    """Create ``path`` empty with mode 0600 (or make an existing one 0600)."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(handle)
    except FileExistsError:
        os.chmod(path, 0o600)


def online_copy(source: Path, target: Path) -> Path:
    """Copy an SQLite database through the backup API into ``target`` (0600)."""
    if target.exists():
        raise ProjectError(f"{target}: already exists; choose another name")
    private_file(target)
    try:
        src = sqlite3.connect(source)
        try:
            dest = sqlite3.connect(target)
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise ProjectError(f"{source}: cannot back up ({exc})") from exc
    return target


def stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")[:-3]


# --------------------------------------------------------------------------- automatic


def backup_dir(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".backups")


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def keep_count() -> int:
    return _env_int("QUALCODE_BACKUP_KEEP", 5)


def interval_seconds() -> float:
    return 60.0 * _env_int("QUALCODE_BACKUP_MINUTES", 10)


def list_backups(project_path: Path) -> list[Path]:
    """Automatic backups of a project, oldest first."""
    folder = backup_dir(project_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{project_path.stem}-*{BACKUP_SUFFIX}"))


def _last_change(project_path: Path) -> float:
    times = [project_path.stat().st_mtime]
    wal = project_path.with_name(project_path.name + "-wal")
    if wal.exists():
        times.append(wal.stat().st_mtime)
    return max(times)


def auto_backup(project_path: Path, *, force: bool = False) -> Path | None:
    """A rotating backup if the project changed since the newest one (and it is old enough).

    Returns the new backup, or None when none was due. Never raises for a backup that
    cannot be made: a full disk must not stop the user from working (the reason is
    returned by :func:`last_problem` for the caller to show).
    """
    keep = keep_count()
    if keep <= 0 or not project_path.is_file():
        return None
    existing = list_backups(project_path)
    if existing and not force:
        newest = existing[-1].stat().st_mtime
        # Strictly newer: file times tick coarsely (a few ms), and a change in the same
        # tick as the newest backup must not be taken for "nothing changed".
        if newest > _last_change(project_path):
            return None  # nothing changed since
        if time.time() - newest < interval_seconds():
            return None
    folder = backup_dir(project_path)
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        target = online_copy(project_path, folder / f"{project_path.stem}-{stamp()}{BACKUP_SUFFIX}")
    except (OSError, ProjectError) as exc:
        _problems.append(str(exc))
        return None
    for old in list_backups(project_path)[:-keep]:
        old.unlink(missing_ok=True)
    return target


_problems: list[str] = []


def last_problem() -> str | None:
    return _problems[-1] if _problems else None


# --------------------------------------------------------------------------- copy rows


def copy_rows(source: Engine, target: Engine, *, clear: bool = False) -> dict[str, int]:
    """Copy every row of every table from one project database to another, in one
    transaction; ``clear`` first empties the target's tables (a restore).

    Tables go in foreign-key order; self-referencing rows (the code tree) parents first.
    Returns rows copied per table.
    """
    from qualcode.core.models import Base

    counts: dict[str, int] = {}
    with source.connect() as src, target.connect() as dst:
        is_sqlite = dst.dialect.name == "sqlite"
        with dst.begin():
            if clear:
                for table in reversed(Base.metadata.sorted_tables):
                    dst.execute(table.delete())
            for table in Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in src.execute(select(table))]
                rows = _parents_first(table, rows)
                for start in range(0, len(rows), CHUNK):
                    dst.execute(insert(table), rows[start : start + CHUNK])
                counts[table.name] = len(rows)
            if not is_sqlite:
                _reset_sequences(dst, Base.metadata)
    return counts


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    self_refs = [fk for fk in table.foreign_keys if fk.column.table is table]
    if not self_refs or not rows:
        return rows
    child, parent = self_refs[0].parent.key, self_refs[0].column.key
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    pending = rows
    while pending:
        ready = [r for r in pending if r[child] is None or r[child] in placed]
        if not ready:  # a cycle: keep the rest as they are (check reports it)
            ordered.extend(pending)
            break
        ordered.extend(ready)
        placed.update(r[parent] for r in ready)
        taken = {id(r) for r in ready}
        pending = [r for r in pending if id(r) not in taken]
    return ordered


def _reset_sequences(conn: Any, metadata: MetaData) -> None:
    for table in metadata.sorted_tables:
        if "id" in table.columns and table.columns["id"].autoincrement in (True, "auto"):
            conn.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                )
            )


def snapshot(engine: Engine, target: Path) -> dict[str, int]:
    """A server project as a .qcdb file (0600), schema at the same revision."""
    from qualcode.core import store

    if target.exists():
        raise ProjectError(f"{target}: already exists; choose another name")
    private_file(target)
    sqlite_engine = store.engine_for(str(target))
    try:
        store.create_schema(sqlite_engine)  # stamped head, as the opened server project is
        counts = copy_rows(engine, sqlite_engine)
        with sqlite_engine.begin() as conn:
            conn.exec_driver_sql("DELETE FROM settings WHERE key = 'team_mode'")
    except Exception:
        sqlite_engine.dispose()
        target.unlink(missing_ok=True)
        raise
    sqlite_engine.dispose()
    return counts


def verify_backup(path: Path) -> str:
    """The schema revision of a backup file, after an integrity check; raises if unusable."""
    if not path.is_file():
        raise ProjectError(f"{path}: no such backup file")
    try:
        conn = sqlite3.connect(path)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise ProjectError(f"{path}: the backup is damaged ({result[0][0]})")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ProjectError(f"{path}: not a Qualcode project or backup ({exc})") from exc
    if row is None:
        raise ProjectError(f"{path}: not a Qualcode project (no schema version)")
    return str(row[0])
