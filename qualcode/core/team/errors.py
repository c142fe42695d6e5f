"""Database errors a user can understand: a lost server, a refused right."""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, OperationalError

from qualcode.core.errors import ConnectionLost, PermissionDenied, ProjectError, QualcodeError

# SQLSTATEs meaning the server or the connection went away (class 08, admin shutdown,
# crash shutdown, cannot connect now).
_GONE = ("08", "57P01", "57P02", "57P03")


def is_connection_error(exc: DBAPIError) -> bool:
    if exc.connection_invalidated:
        return True
    state = getattr(exc.orig, "sqlstate", None)
    if state is None:
        # psycopg raises OperationalError without a SQLSTATE when it cannot connect at all.
        return (
            type(exc.orig).__module__.startswith("psycopg")
            and "Operational" in type(exc.orig).__name__
        )
    return any(state.startswith(prefix) for prefix in _GONE)


def translate_db_error(locator: str, exc: DBAPIError) -> QualcodeError | DBAPIError:
    """The error to show for a DBAPI error raised inside a transaction.

    Anything else than a refused right, a lost connection or an operational failure is a
    bug, and stays the original error.
    """
    state = getattr(exc.orig, "sqlstate", None)
    if state == "42501":  # insufficient_privilege, row-level security included
        first = str(exc.orig).splitlines()[0] if str(exc.orig) else "permission denied"
        return PermissionDenied(f"the team server refused this change: {first}")
    if is_connection_error(exc):
        return ConnectionLost(f"{_where(locator)}: connection to the server lost; try again")
    if not isinstance(exc, OperationalError):
        return exc
    first = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
    return ProjectError(f"{_where(locator)}: database error ({first})")


def _where(locator: str) -> str:
    """The locator without a password, for messages."""
    if "://" not in locator:
        return locator
    from sqlalchemy.engine import make_url

    try:
        return make_url(locator).render_as_string(hide_password=True)
    except Exception:
        return locator.split("://", 1)[0] + "://..."
