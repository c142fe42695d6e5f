"""What a team server holds besides the schema: roles, grants, row-level security, and
the change log whose inserts are announced with NOTIFY.

Everything here runs as the administrator who owns the project's tables (the login in
the URL given to ``qualcode team init``); table owners are not subject to row-level
security, every other login is. All statements are idempotent, so ``team init`` can run
again after an upgrade to refresh them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from qualcode.core.errors import DomainError, ProjectError
from qualcode.core.team.identity import TEAM_SETTING

CHANNEL = "qualcode_changes"
CHANGE_LOG = "qualcode_change_log"

# Tables whose changes a window follows: (table, change kind, id column, document column).
WATCHED = (
    ("codings", "codings", "id", "document_id"),
    ("memos", "memos", "id", "document_id"),
    ("codes", "codebook", "id", ""),
    ("code_aliases", "codebook", "", ""),
    ("documents", "documents", "id", "id"),
    ("document_attributes", "documents", "document_id", "document_id"),
    ("assignments", "documents", "document_id", "document_id"),
    ("coders", "coders", "id", ""),
    ("codebook_versions", "versions", "id", ""),
    ("summaries", "summaries", "id", ""),
)
# Rows a coder owns: only the owner (or a lead) may insert, update or delete them.
OWNED = (("codings", "coder_id"), ("memos", "author_id"), ("codebook_changes", "coder_id"))
# Tables a plain coder may write at all (row-level security narrows codings and memos).
CODER_WRITES = ("codings", "memos", "summaries")
# Blind parallel coding on the server too: until a lead reveals a blind document, a coder's
# connection reads only their own codings and memos on it.
READABLE = (
    "({mine} OR document_id IS NULL OR document_id NOT IN "
    "(SELECT id FROM documents WHERE blind AND revealed_at IS NULL))"
)
READ_ONLY = ("alembic_version", CHANGE_LOG)


@dataclass(frozen=True)
class Groups:
    """The two group roles of one project database (roles are server-wide)."""

    coders: str
    leads: str

    @classmethod
    def for_database(cls, database: str) -> Groups:
        stem = f"qualcode_{database}"[:50]
        return cls(coders=f"{stem}_coders", leads=f"{stem}_leads")


# A coding memo carries no document: it is readable exactly when its coding is, and the
# sub-select on codings runs under the reader's own codings policy.
MEMO_CODING_READABLE = (
    "(coding_id IS NULL OR EXISTS (SELECT 1 FROM codings c WHERE c.id = coding_id))"
)


def _readable(table: str, mine: str) -> str:
    if table == "codings":
        return READABLE.format(mine=mine)
    if table == "memos":
        return f"({READABLE.format(mine=mine)} AND ({mine} OR {MEMO_CODING_READABLE}))"
    return "(true)"


def _ident(conn: Connection, name: str) -> str:
    return str(conn.execute(text("SELECT quote_ident(:n)"), {"n": name}).scalar())


def _literal(conn: Connection, value: str) -> str:
    return str(conn.execute(text("SELECT quote_literal(:v)"), {"v": value}).scalar())


def _role_exists(conn: Connection, name: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name})
    return found.scalar() is not None


_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION qualcode_coder_id() RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT id FROM coders WHERE login = session_user $$;

CREATE OR REPLACE FUNCTION qualcode_is_lead() RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM coders WHERE login = session_user AND role = 'lead')
$$;

CREATE TABLE IF NOT EXISTS {CHANGE_LOG} (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  login text NOT NULL DEFAULT session_user,
  app text NOT NULL DEFAULT current_setting('application_name'),
  kind text NOT NULL,
  op text NOT NULL,
  document_id integer,
  ids integer[] NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_{CHANGE_LOG}_at ON {CHANGE_LOG} (at);

-- One log row and one NOTIFY per statement and document (not per row: an import of
-- 100,000 codings must not queue 100,000 notifications). Runs as the owner, so coders
-- need no rights on the log itself.
CREATE OR REPLACE FUNCTION qualcode_log_changes() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  kind text := TG_ARGV[0];
  id_col text := TG_ARGV[1];
  doc_col text := TG_ARGV[2];
  src text := CASE WHEN TG_OP = 'DELETE' THEN 'old_rows' ELSE 'new_rows' END;
  r record;
  seq_no bigint;
  rows_json json;
  before_json json;
  payload text;
BEGIN
  FOR r IN EXECUTE format(
      'SELECT %s AS document_id, %s AS ids FROM %I GROUP BY 1',
      CASE WHEN doc_col = '' THEN 'NULL::integer' ELSE quote_ident(doc_col) END,
      CASE WHEN id_col = '' THEN 'ARRAY[]::integer[]'
           ELSE format('array_agg(DISTINCT %I)', id_col) END,
      src)
  LOOP
    INSERT INTO {CHANGE_LOG} (kind, op, document_id, ids)
      VALUES (kind, lower(TG_OP), r.document_id, r.ids) RETURNING seq INTO seq_no;
    rows_json := NULL;
    before_json := NULL;
    -- Codings travel whole (before and after for an update), so an open window applies
    -- a colleague's coding as a delta, exactly like its own, without a query.
    -- Blind coding: rows of a blind, unrevealed document never travel to other windows.
    IF kind = 'codings' AND NOT EXISTS (
        SELECT 1 FROM documents d
        WHERE d.id = r.document_id AND d.blind AND d.revealed_at IS NULL) THEN
      EXECUTE format('SELECT json_agg(t) FROM %I t WHERE t.document_id = $1', src)
        INTO rows_json USING r.document_id;
      IF TG_OP = 'UPDATE' THEN
        SELECT json_agg(o) INTO before_json FROM old_rows o WHERE o.document_id = r.document_id;
      END IF;
    END IF;
    payload := json_build_object(
      'seq', seq_no, 'kind', kind, 'op', lower(TG_OP), 'document_id', r.document_id,
      'login', session_user, 'app', current_setting('application_name'),
      'ids', CASE WHEN cardinality(r.ids) <= 500 THEN r.ids END,
      'count', cardinality(r.ids), 'rows', rows_json, 'before', before_json)::text;
    -- NOTIFY payloads stop at 8000 bytes: a big batch says only which ids, or how many.
    IF octet_length(payload) > 7900 THEN
      payload := json_build_object(
        'seq', seq_no, 'kind', kind, 'op', lower(TG_OP), 'document_id', r.document_id,
        'login', session_user, 'app', current_setting('application_name'),
        'ids', CASE WHEN cardinality(r.ids) <= 500 THEN r.ids END,
        'count', cardinality(r.ids))::text;
    END IF;
    PERFORM pg_notify('{CHANNEL}', payload);
  END LOOP;
  RETURN NULL;
END $$;
"""


def install(conn: Connection, database: str) -> Groups:
    """Create or refresh the team objects in the project database ``conn`` is on."""
    groups = Groups.for_database(database)
    for group in (groups.coders, groups.leads):
        if not _role_exists(conn, group):
            conn.execute(text(f"CREATE ROLE {_ident(conn, group)} NOLOGIN"))
    coders_g, leads_g = _ident(conn, groups.coders), _ident(conn, groups.leads)
    # Straight to the driver: the function body holds format() placeholders (%I, %s) that
    # a parameter-aware execute would take for its own.
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(_FUNCTIONS)
    finally:
        cursor.close()
    for table, kind, id_col, doc_col in WATCHED:
        for event, tables in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        ):
            name = f"qualcode_{table}_{event.lower()}"
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            conn.exec_driver_sql(
                f"CREATE TRIGGER {name} AFTER {event} ON {table} "
                f"REFERENCING {tables} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION qualcode_log_changes('{kind}', '{id_col}', '{doc_col}')"
            )
    db = _ident(conn, database)
    conn.exec_driver_sql(f"GRANT CONNECT ON DATABASE {db} TO {coders_g}, {leads_g}")
    conn.exec_driver_sql(f"GRANT USAGE ON SCHEMA public TO {coders_g}, {leads_g}")
    conn.exec_driver_sql(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {coders_g}, {leads_g}")
    conn.exec_driver_sql(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {coders_g}, {leads_g}"
    )
    tables = [
        str(t)
        for t in conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).scalars()
    ]
    for table in tables:
        if table in READ_ONLY:
            continue
        conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {leads_g}")
        if table in CODER_WRITES:
            conn.exec_driver_sql(f"GRANT INSERT, UPDATE, DELETE ON {table} TO {coders_g}")
    # A coder's own entries in the logbook (a checked-in copy logs its merge); never edits.
    conn.exec_driver_sql(f"GRANT INSERT ON codebook_changes TO {coders_g}")
    # Checking a copy in lets the merge record the exchange GUID a coder or document is
    # known by when the server has none yet: that one column, nothing else.
    for table in ("coders", "documents"):
        has_guid = conn.execute(
            text(
                "SELECT 1 FROM information_schema.columns "
                "WHERE table_name = :t AND column_name = 'guid' AND table_schema = current_schema()"
            ),
            {"t": table},
        ).scalar()
        if has_guid:
            conn.exec_driver_sql(f"GRANT UPDATE (guid) ON {table} TO {coders_g}")
    if "audit_log" in tables:
        # Every change a coder makes writes its audit entry in the same transaction; the
        # trail is append-only for coders (leads may purge a withdrawn document).
        conn.exec_driver_sql(f"GRANT INSERT ON audit_log TO {coders_g}")
    for table, owner in OWNED:
        # Sub-selects make PostgreSQL evaluate the functions once per statement (an
        # InitPlan), not once per row: 12,000 codings read in 5 ms instead of 210.
        mine = f"((SELECT qualcode_is_lead()) OR {owner} = (SELECT qualcode_coder_id()))"
        conn.exec_driver_sql(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        for policy, clause in (
            ("read", f"FOR SELECT USING {_readable(table, mine)}"),
            ("insert", f"FOR INSERT WITH CHECK {mine}"),
            ("update", f"FOR UPDATE USING {mine} WITH CHECK {mine}"),
            ("delete", f"FOR DELETE USING {mine}"),
        ):
            conn.exec_driver_sql(f"DROP POLICY IF EXISTS qualcode_{policy} ON {table}")
            conn.exec_driver_sql(f"CREATE POLICY qualcode_{policy} ON {table} {clause}")
    conn.execute(text("DELETE FROM settings WHERE key = :k"), {"k": TEAM_SETTING})
    conn.execute(text("INSERT INTO settings (key, value) VALUES (:k, 'on')"), {"k": TEAM_SETTING})
    return groups


@dataclass(frozen=True)
class NewLogin:
    name: str
    login: str
    role: str
    password: str | None  # set only when we generated it (shown to the admin once)
    created_login: bool


def add_member(
    engine: Engine,
    name: str,
    login: str,
    *,
    lead: bool,
    password: str | None = None,
) -> NewLogin:
    """Tie coder ``name`` to database ``login`` (created when missing) in one transaction."""
    database = engine.url.database or ""
    groups = Groups.for_database(database)
    role = "lead" if lead else "coder"
    generated: str | None = None
    with engine.begin() as conn:
        if (
            conn.execute(
                text("SELECT value FROM settings WHERE key = :k"), {"k": TEAM_SETTING}
            ).scalar()
            != "on"
        ):
            raise ProjectError(f"{database}: not a team project yet; run 'qualcode team init'")
        taken = conn.execute(
            text("SELECT name FROM coders WHERE login = :l AND name <> :n"),
            {"l": login, "n": name},
        ).scalar()
        if taken is not None:
            raise DomainError(f"login {login!r} already belongs to coder {taken}")
        who = _ident(conn, login)
        created = not _role_exists(conn, login)
        if created:
            if password is None:
                password = generated = secrets.token_urlsafe(12)
            conn.exec_driver_sql(f"CREATE ROLE {who} LOGIN PASSWORD {_literal(conn, password)}")
        elif password is not None:
            conn.exec_driver_sql(f"ALTER ROLE {who} PASSWORD {_literal(conn, password)}")
        member_of = groups.leads if lead else groups.coders
        conn.exec_driver_sql(f"GRANT {_ident(conn, member_of)} TO {who}")
        if not lead:
            conn.exec_driver_sql(f"REVOKE {_ident(conn, groups.leads)} FROM {who}")
        existing = conn.execute(text("SELECT id FROM coders WHERE name = :n"), {"n": name})
        if existing.scalar() is None:
            conn.execute(
                text(
                    "INSERT INTO coders (name, role, login, created_at) "
                    "VALUES (:n, :r, :l, now() AT TIME ZONE 'utc')"
                ),
                {"n": name, "r": role, "l": login},
            )
        else:
            conn.execute(
                text("UPDATE coders SET role = :r, login = :l WHERE name = :n"),
                {"n": name, "r": role, "l": login},
            )
    return NewLogin(name, login, role, generated, created)
