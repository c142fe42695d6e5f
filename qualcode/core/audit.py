"""The audit trail: every change to documents, codebook, codings, memos and assignments.

Recorded by session events, not by each service, so a service written tomorrow is
audited too and nothing can forget it. Two hooks cover every way our services write:

* ``after_flush``: ORM objects added, changed (with each column's before/after) or
  deleted in the flush;
* ``do_orm_execute``: bulk statements (``insert(Coding)`` with many rows,
  ``delete(Coding).where(...)``, ``update(Code)...``); rows about to be deleted or updated
  are read first so their "before" is kept.

Entries are inserted on the session's own connection, so they are committed or rolled
back with the change itself (one transaction). Long texts (a transcript) are recorded
by length and hash, not copied. Works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    DateTime,
    Index,
    Integer,
    String,
    Text,
    Update,
    and_,
    event,
    insert,
    inspect,
    select,
)
from sqlalchemy import Delete as DeleteStatement
from sqlalchemy import Insert as InsertStatement
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from qualcode.core.models import (
    Assignment,
    Base,
    Code,
    CodebookVersion,
    Coding,
    Document,
    DocumentAttribute,
    Memo,
    Summary,
    utcnow,
)


class AuditEntry(Base):
    """One change: who, when, what (entity + id), and the row before and after (JSON)."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_document", "document_id"),
        Index("ix_audit_log_entity", "entity", "entity_id"),
        Index("ix_audit_log_at", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(200), default="")
    coder_id: Mapped[int | None] = mapped_column(Integer, default=None)
    action: Mapped[str] = mapped_column(String(12))  # created | changed | deleted
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    # No foreign key: the trail outlives what it describes (a deleted coding's history).
    document_id: Mapped[int | None] = mapped_column(Integer, default=None)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")


AUDITED: dict[type, str] = {
    Document: "document",
    DocumentAttribute: "attribute",
    Code: "code",
    CodebookVersion: "version",
    Coding: "coding",
    Memo: "memo",
    Summary: "summary",
    Assignment: "assignment",
}
_BY_TABLE = {model.__table__.name: (model, name) for model, name in AUDITED.items()}
# Column values longer than this are recorded as length + hash (a transcript's text).
MAX_VALUE_CHARS = 2_000


def default_actor() -> str:
    """Who is at the keyboard when nobody said: $QUALCODE_USER, else the login name."""
    try:
        return os.environ.get("QUALCODE_USER") or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"


def install(sessions: sessionmaker[Session], context: dict[str, Any], engine: Any) -> None:
    """Audit every session the factory makes and every Core statement on the engine;
    ``context["actor"]`` names who acts."""
    sessions.kw.setdefault("info", {})["audit"] = context
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "do_orm_execute", _do_orm_execute)

    # Core statements run on the session's connection (a bulk insert of codings through
    # ``session.connection().execute(insert(table), rows)``) bypass the session's events;
    # the engine sees them. Statements of a flush (they carry the mapper's compiled
    # cache) and ORM-enabled ones are left to the session hooks above.
    def core_statement(statement: Any, options: Mapping[str, Any]) -> tuple[type, str] | None:
        if "compiled_cache" in options or options.get(_SKIP):
            return None
        plugin = getattr(statement, "_propagate_attrs", {}).get("compile_state_plugin")
        if plugin == "orm":
            return None
        if not isinstance(statement, InsertStatement | Update | DeleteStatement):
            return None
        return _BY_TABLE.get(getattr(getattr(statement, "table", None), "name", ""))

    def before(conn: Any, statement: Any, multi: Any, params: Any, options: Any) -> None:
        found = core_statement(statement, options)
        if found is None or isinstance(statement, InsertStatement):
            return
        query = select(*statement.table.columns)
        if statement.whereclause is not None:
            query = query.where(statement.whereclause)
        rows = [dict(r._mapping) for r in _Quiet(conn).execute(query)]
        conn.info.setdefault("audit_before", {})[id(statement)] = rows

    def after(conn: Any, statement: Any, multi: Any, params: Any, options: Any, _r: Any) -> None:
        found = core_statement(statement, options)
        if found is None:
            return
        model, _ = found
        write = _Quiet(conn)
        if isinstance(statement, InsertStatement):
            rows = _core_rows(multi, params)
            entries = [
                _entry_for(context, model, "created", None, {k: _value(v) for k, v in r.items()})
                for r in rows
            ]
        else:
            old_rows = conn.info.get("audit_before", {}).pop(id(statement), [])
            entries = _changes(write, model, statement, old_rows, context)
        if entries:
            write.execute(insert(AuditEntry.__table__), entries)

    event.listen(engine, "before_execute", before)
    event.listen(engine, "after_execute", after)


_SKIP = "qualcode_audit_skip"


class _Quiet:
    """Runs the trail's own statements on a connection without auditing them again
    (``Connection.execution_options`` would change the connection itself)."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, statement: Any, params: Any = None) -> Any:
        return self.conn.execute(statement, params, execution_options={_SKIP: True})


def _core_rows(multi: Any, params: Any) -> list[Mapping[str, Any]]:
    if multi:
        first = multi[0] if isinstance(multi, list | tuple) else multi
        if isinstance(first, list | tuple):
            return [r for r in first if isinstance(r, Mapping)]
        return [r for r in multi if isinstance(r, Mapping)]
    return [params] if isinstance(params, Mapping) and params else []


# --------------------------------------------------------------------------- recording


def _value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
        digest = hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]
        return {"chars": len(value), "sha256": digest}
    if isinstance(value, bytes):
        return {"bytes": len(value)}
    return value


def _row_dict(model: type, row: Mapping[str, Any]) -> dict[str, Any]:
    columns = model.__table__.columns  # type: ignore[attr-defined]
    return {c.key: _value(row[c.key]) for c in columns if c.key in row}


def _dumps(data: Mapping[str, Any] | None) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, default=str) if data else ""


def _entry(
    session: Session,
    model: type,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> dict[str, Any]:
    return _entry_for(session.info.get("audit") or {}, model, action, before, after)


def _entry_for(
    context: Mapping[str, Any],
    model: type,
    action: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> dict[str, Any]:
    source = after or before or {}
    pk = [c.key for c in model.__table__.primary_key.columns]  # type: ignore[attr-defined]
    entity_id = "/".join(str(source.get(k, "")) for k in pk)
    document_id = source.get("id") if model is Document else source.get("document_id")
    coder_id = source.get("coder_id", source.get("author_id"))
    return {
        "at": utcnow(),
        "actor": str(context.get("actor") or default_actor())[:200],
        "coder_id": coder_id if isinstance(coder_id, int) else None,
        "action": action,
        "entity": AUDITED[model],
        "entity_id": entity_id[:64],
        "document_id": document_id if isinstance(document_id, int) else None,
        "before": _dumps(before),
        "after": _dumps(after),
    }


def _write(session: Session, entries: Sequence[dict[str, Any]]) -> None:
    if entries:
        # On the session's connection: the same transaction as the change it describes.
        connection = _Quiet(session.connection())
        connection.execute(insert(AuditEntry.__table__), list(entries))


def _state_dict(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {c.key: _value(getattr(obj, c.key, None)) for c in mapper.column_attrs}


def _after_flush(session: Session, _context: Any) -> None:
    entries = []
    for obj in session.new:
        model = type(obj)
        if model in AUDITED:
            entries.append(_entry(session, model, "created", None, _state_dict(obj)))
    for obj in session.dirty:
        model = type(obj)
        if model not in AUDITED or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before = {}
        after = {}
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if history.has_changes():
                old = history.deleted[0] if history.deleted else None
                before[attr.key] = _value(old)
                after[attr.key] = _value(history.added[0] if history.added else None)
        if after:
            ident = _state_dict(obj)
            keys = ("id", "document_id", "coder_id", "author_id", "code_id")
            context = {k: ident[k] for k in keys if k in ident}
            entries.append(
                _entry(session, model, "changed", {**context, **before}, {**context, **after})
            )
    for obj in session.deleted:
        model = type(obj)
        if model in AUDITED:
            entries.append(_entry(session, model, "deleted", _state_dict(obj), None))
    _write(session, entries)


def _do_orm_execute(state: Any) -> Any:
    statement = state.statement
    if not (state.is_insert or state.is_update or state.is_delete):
        return None
    table = getattr(statement, "table", None)
    found = _BY_TABLE.get(getattr(table, "name", ""))
    if found is None:
        return None
    model, _ = found
    session: Session = state.session
    if isinstance(statement, InsertStatement):
        params = state.parameters
        rows: list[Mapping[str, Any]] = (
            list(params) if isinstance(params, list) else [params] if params else []
        )
        result = state.invoke_statement()
        ids: list[Any] = []
        if statement._returning and rows:  # RETURNING ids (bulk insert of codings)
            frozen = result.freeze()
            ids = [r[0] for r in frozen().all()]
            result = frozen()
        entries = []
        for index, row in enumerate(rows):
            data = {k: _value(v) for k, v in row.items()}
            if index < len(ids) and "id" not in data:
                data["id"] = ids[index]
            entries.append(_entry(session, model, "created", None, data))
        _write(session, entries)
        return result
    # UPDATE / DELETE with a WHERE clause: read the rows first so "before" is kept.
    where = statement.whereclause
    query = select(*table.columns)
    if where is not None:
        query = query.where(where)
    connection = _Quiet(session.connection())
    before_rows = [dict(r._mapping) for r in connection.execute(query)]
    result = state.invoke_statement()
    if before_rows:
        context = session.info.get("audit") or {}
        entries = _changes(connection, model, statement, before_rows, context)
        if entries:
            connection.execute(insert(AuditEntry.__table__), entries)
    return result


def _changes(
    conn: Any,
    model: type,
    statement: Any,
    before_rows: list[dict[str, Any]],
    context: Mapping[str, Any],
) -> list[dict[str, Any]]:
    """Entries for rows an UPDATE or DELETE touched, given the rows read before it."""
    table = statement.table
    if isinstance(statement, DeleteStatement):
        return [
            _entry_for(context, model, "deleted", _row_dict(model, row), None)
            for row in before_rows
        ]
    entries = []
    pk = list(table.primary_key.columns)
    for old in before_rows:
        match = and_(*(c == old[c.key] for c in pk))
        new = conn.execute(select(*table.columns).where(match)).first()
        if new is None:
            continue
        new_row = dict(new._mapping)
        changed = [k for k in new_row if new_row[k] != old.get(k)]
        if not changed:
            continue
        keys = {"id", "document_id", "coder_id", "code_id", *changed}
        entries.append(
            _entry_for(
                context,
                model,
                "changed",
                _row_dict(model, {k: old[k] for k in keys if k in old}),
                _row_dict(model, {k: new_row[k] for k in keys if k in new_row}),
            )
        )
    return entries


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class AuditRecord:
    id: int
    at: datetime
    actor: str
    coder: str | None
    action: str
    entity: str
    entity_id: str
    document: str | None
    document_id: int | None
    before: dict[str, Any]
    after: dict[str, Any]

    def describe(self) -> str:
        """One line: what changed, with the fields that changed."""
        if self.action == "changed":
            fields = sorted(set(self.before) | set(self.after))
            shown = [
                f"{k}: {_short(self.before.get(k))} -> {_short(self.after.get(k))}"
                for k in fields
                if self.before.get(k) != self.after.get(k)
            ]
            return "; ".join(shown)
        data = self.after or self.before
        keys = ("name", "start", "end", "code_id", "title", "label", "key", "value")
        return ", ".join(f"{k}={_short(data[k])}" for k in keys if k in data)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at.isoformat(timespec="seconds"),
            "actor": self.actor,
            "coder": self.coder,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "document": self.document,
            "before": self.before,
            "after": self.after,
        }


def _short(value: Any, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def read_log(
    session: Session,
    *,
    coder_id: int | None = None,
    coder_name: str | None = None,
    since: datetime | None = None,
    document_id: int | None = None,
    entity: str | None = None,
    entity_id: str | None = None,
    limit: int | None = None,
) -> list[AuditRecord]:
    """Entries, oldest first, filtered in SQL."""
    from qualcode.core.models import Coder

    query = select(AuditEntry, Coder.name, Document.name).outerjoin(
        Coder, Coder.id == AuditEntry.coder_id
    )
    query = query.outerjoin(Document, Document.id == AuditEntry.document_id)
    if coder_id is not None or coder_name is not None:
        clauses = []
        if coder_id is not None:
            clauses.append(AuditEntry.coder_id == coder_id)
        if coder_name is not None:
            clauses.append(AuditEntry.actor == coder_name)
        from sqlalchemy import or_

        query = query.where(or_(*clauses))
    if since is not None:
        query = query.where(AuditEntry.at >= since)
    if document_id is not None:
        query = query.where(AuditEntry.document_id == document_id)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    query = query.order_by(AuditEntry.id)
    if limit is not None:
        query = query.limit(limit)
    records = []
    for entry, coder, document in session.execute(query):
        records.append(
            AuditRecord(
                id=entry.id,
                at=entry.at,
                actor=entry.actor,
                coder=coder,
                action=entry.action,
                entity=entry.entity,
                entity_id=entry.entity_id,
                document=document,
                document_id=entry.document_id,
                before=json.loads(entry.before) if entry.before else {},
                after=json.loads(entry.after) if entry.after else {},
            )
        )
    return records


def entities() -> Iterable[str]:
    return AUDITED.values()


def coding_history(project: Any, coding_id: int) -> list[AuditRecord]:
    """Every recorded change of one coding, oldest first (for the GUI's History)."""
    with project.reading() as session:
        return read_log(session, entity="coding", entity_id=str(coding_id))
