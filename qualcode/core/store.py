"""Where a project lives: locators, engines, schema creation and migrations.

A *locator* is either a file path (an SQLite project, the embedded default) or an
SQLAlchemy URL such as ``postgresql+psycopg://user@host:5432/dbname`` (a team server).
"""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from qualcode.core import audit as _audit  # noqa: F401  (registers the audit_log table)
from qualcode.core.errors import ProjectError
from qualcode.core.models import Base

SQLITE_SUFFIX = ".qcdb"


def is_url(locator: str) -> bool:
    return "://" in locator


def engine_for(locator: str, *, password: str | None = None) -> Engine:
    """An engine for a locator; SQLite files get WAL journaling and enforced foreign keys."""
    if is_url(locator):
        try:
            url = make_url(locator)
        except (ArgumentError, ValueError) as exc:
            raise ProjectError(f"{locator}: not a valid database URL ({exc})") from exc
        backend = url.get_backend_name()
        if backend == "sqlite":
            return _sqlite_engine(url.database or "")
        if backend != "postgresql":
            raise ProjectError(
                f"{url.render_as_string(hide_password=True)}: unsupported database "
                f"{url.drivername!r}; use a project file or postgresql://user@host/database"
            )
        if url.drivername not in ("postgresql", "postgresql+psycopg"):
            raise ProjectError(
                f"{url.render_as_string(hide_password=True)}: unsupported driver "
                f"{url.drivername!r}; use postgresql+psycopg://"
            )
        url = url.set(drivername="postgresql+psycopg")  # the driver we ship
        if password is not None and url.password is None:
            url = url.set(password=password)
        # A name of its own per open project: the team change feed tells this window's
        # changes from a colleague's by it (two windows in one process included).
        url = url.update_query_dict({"application_name": f"qualcode-{uuid.uuid4().hex[:12]}"})
        try:
            return create_engine(url, pool_pre_ping=True)
        except ModuleNotFoundError as exc:
            raise ProjectError(
                f"{url.render_as_string(hide_password=True)}: the PostgreSQL driver is "
                f"missing ({exc}); reinstall Qualcode (pip install qualcode)"
            ) from exc
    return _sqlite_engine(locator)


def busy_timeout_seconds() -> float:
    """How long a writer waits for another to finish: $QUALCODE_BUSY_TIMEOUT, else 120 s.

    A codebook merge or a 100,000-row import holds the write lock for many seconds; a
    colleague's `coders add` meanwhile should wait for it, not fail.
    """
    try:
        return max(0.0, float(os.environ.get("QUALCODE_BUSY_TIMEOUT", "120")))
    except ValueError:
        return 120.0


# Execution option that marks a connection as a writer: its transaction begins with
# BEGIN IMMEDIATE, taking the write lock (and waiting for it) up front. A deferred BEGIN
# would start as a reader and fail at once with "database is locked" when it tries to
# write after another process committed, whatever the busy timeout.
WRITE = "qualcode_write"


def _sqlite_engine(path: str) -> Engine:
    timeout = busy_timeout_seconds()
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling defers BEGIN; taking it over makes every
        # service call one real transaction, DDL included.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql(
            "BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN"
        )

    return engine


def alembic_config(engine: Engine | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", "qualcode:migrations")
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def create_schema(engine: Engine) -> None:
    """A new project: create all tables, then mark it as being at the newest migration."""
    Base.metadata.create_all(engine)
    command.stamp(alembic_config(engine), "head")


def has_tables(engine: Engine) -> bool:
    try:
        return bool(inspect(engine).get_table_names())
    except OperationalError as exc:
        raise ProjectError(f"cannot read the database: {exc.orig}") from exc


def upgrade(engine: Engine, locator: str) -> Path | None:
    """Bring an older project up to date; SQLite files are copied to a backup first.

    Returns the backup path (None on a server, where DDL runs in one transaction and the
    server's own backups apply).
    """
    backup: Path | None = None
    if engine.url.get_backend_name() == "sqlite" and engine.url.database:
        backup = backup_sqlite(Path(engine.url.database))
    try:
        command.upgrade(alembic_config(engine), "head")
    except SQLAlchemyError as exc:
        where = f"; the backup {backup} is untouched" if backup else ""
        raise ProjectError(f"{locator}: migration failed ({exc}){where}") from exc
    return backup


def backup_sqlite(path: Path) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL and open readers)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.backup-{stamp}")
    from qualcode.core.backups import online_copy  # the backup is 0600, like the project

    return online_copy(path, target)
