"""Who is signed in: on a team server the coder is the database login.

The workbench's "coder for this session" (``Project.fixed_identity``) takes the login's
coder from here: on SQLite the user chooses once, on a server the login decides and
switching is off.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Engine, text

TEAM_SETTING = "team_mode"


@dataclass(frozen=True)
class TeamIdentity:
    """The signed-in login and the coder it is (None for the server's administrator)."""

    login: str
    coder_id: int | None
    coder_name: str | None
    role: str  # "lead", "coder", "consensus", "admin" (owner/superuser) or "none"

    @property
    def may_lead(self) -> bool:
        return self.role in ("lead", "admin")

    def describe(self) -> str:
        if self.coder_name is None:
            return f"login {self.login!r} ({self.role})"
        return f"{self.coder_name} ({self.role}, login {self.login!r})"


def login_for(name: str) -> str:
    """A conventional PostgreSQL login for a coder's name: 'Anouk de Vries' -> 'anouk_de_vries'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    login = re.sub(r"[^a-z0-9_]+", "_", plain.lower()).strip("_")
    if not login or login[0].isdigit():
        login = f"coder_{login}"
    return login[:63]


def is_team_server(engine: Engine) -> bool:
    if engine.url.get_backend_name() != "postgresql":
        return False
    with engine.connect() as conn:
        value = conn.execute(
            text("SELECT value FROM settings WHERE key = :key"), {"key": TEAM_SETTING}
        ).scalar()
    return value == "on"


def detect_identity(engine: Engine) -> TeamIdentity | None:
    """The identity of this connection on a team server; None for any other project."""
    if not is_team_server(engine):
        return None
    with engine.connect() as conn:
        login = str(conn.execute(text("SELECT session_user")).scalar())
        row = conn.execute(
            text("SELECT id, name, role FROM coders WHERE login = :login"), {"login": login}
        ).first()
        if row is not None:
            return TeamIdentity(login, int(row.id), str(row.name), str(row.role))
        # The owner of the project's tables (who ran `team init`) or a superuser administers.
        admin = conn.execute(
            text(
                "SELECT r.rolsuper OR t.tableowner = session_user "
                "FROM pg_roles r, pg_tables t "
                "WHERE r.rolname = session_user AND t.tablename = 'coders' "
                "AND t.schemaname = current_schema()"
            )
        ).scalar()
    return TeamIdentity(login, None, None, "admin" if admin else "none")
