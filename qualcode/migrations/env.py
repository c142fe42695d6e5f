"""Alembic environment: runs on the engine the project store hands over."""

from alembic import context
from sqlalchemy import Connection

from qualcode.core.models import Base

engine = context.config.attributes["engine"]


def _pragma(connection: Connection, state: str) -> None:
    # On the driver's connection: through SQLAlchemy it would start a transaction first
    # (the store's engine emits BEGIN itself), where SQLite ignores this pragma.
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute(f"PRAGMA foreign_keys = {state}")  # type: ignore[attr-defined]


with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # Batch mode copies a table and drops the old one; with foreign keys on, that drop
        # cascades (memos on codings vanished). The pragma only works outside a
        # transaction, which pysqlite has not begun for a PRAGMA.
        _pragma(connection, "OFF")
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,  # SQLite can only alter tables by copying them
                compare_type=True,
            )
            context.run_migrations()
            if sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"upgrade left dangling references: {broken[:5]}")
    finally:
        if sqlite:
            _pragma(connection, "ON")
