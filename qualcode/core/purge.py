"""The right to withdraw: remove a participant's document and every trace of it.

``purge_document`` removes, in one transaction, the document with its attributes,
speaker turns, units, assignments, codings and memos (on the document and on its
codings), then every audit-trail entry about any of those (their before/after hold the
memo texts and the document's name). One anonymous entry says that a purge happened.
The freed pages are then overwritten (``VACUUM``) so the text is not left in the file.
``purge_sqlite_file`` does the same to a backup file.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, or_, select

from qualcode.core.audit import AuditEntry, default_actor
from qualcode.core.errors import NotFound
from qualcode.core.models import (
    Assignment,
    Coding,
    Document,
    DocumentAttribute,
    Memo,
    SpeakerTurn,
    TextUnit,
    utcnow,
)

if TYPE_CHECKING:
    from qualcode.core.project import Project


@dataclass
class PurgeReport:
    document: str
    counts: dict[str, int] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)  # backups cleaned
    skipped: list[str] = field(default_factory=list)  # backups that could not be cleaned

    def lines(self) -> list[str]:
        shown = ", ".join(f"{n} {what}" for what, n in self.counts.items())
        out = [f"purged {self.document}: {shown}"]
        out += [f"  cleaned backup {f}" for f in self.files]
        out += [f"  could not clean backup {f}" for f in self.skipped]
        return out


def purge_document(project: Project, name: str) -> PurgeReport:
    with project.transaction() as session:
        doc_id = session.scalar(select(Document.id).where(Document.name == name))
        if doc_id is None:
            raise NotFound(f"no document named {name!r}")
        coding_ids = select(Coding.id).where(Coding.document_id == doc_id)
        memo_ids = list(
            session.scalars(
                select(Memo.id).where(
                    or_(Memo.document_id == doc_id, Memo.coding_id.in_(coding_ids))
                )
            )
        )

        def count(model: type, column: object) -> int:
            return int(
                session.scalar(select(func.count()).select_from(model).where(column == doc_id)) or 0
            )

        counts = {
            "codings": count(Coding, Coding.document_id),
            "memos": len(memo_ids),
            "attributes": count(DocumentAttribute, DocumentAttribute.document_id),
            "speaker turns": count(SpeakerTurn, SpeakerTurn.document_id),
            "text units": count(TextUnit, TextUnit.document_id),
            "assignments": count(Assignment, Assignment.document_id),
        }
        if memo_ids:
            session.execute(delete(Memo).where(Memo.id.in_(memo_ids)))
        session.execute(delete(Coding).where(Coding.document_id == doc_id))
        for model in (DocumentAttribute, SpeakerTurn, TextUnit, Assignment):
            session.execute(delete(model).where(model.document_id == doc_id))  # type: ignore[attr-defined]
        session.execute(delete(Document).where(Document.id == doc_id))
        session.flush()
        # Now the trail: everything about the document, its codings and their memos,
        # including the entries the deletions above just wrote.
        trail = or_(
            AuditEntry.document_id == doc_id,
            (AuditEntry.entity == "memo") & AuditEntry.entity_id.in_([str(m) for m in memo_ids]),
        )
        counts["audit entries"] = int(
            session.scalar(select(func.count()).select_from(AuditEntry).where(trail)) or 0
        )
        session.connection().execute(delete(AuditEntry.__table__).where(trail))
        session.connection().execute(
            insert(AuditEntry.__table__),
            {
                "at": utcnow(),
                "actor": project.audit_context.get("actor") or default_actor(),
                "action": "purged",
                "entity": "document",
                "entity_id": str(doc_id),
                "document_id": None,
                "before": "",
                "after": '{"purged": "document withdrawn; its content and history removed"}',
            },
        )
    return PurgeReport(name, counts)


def vacuum(path: Path) -> None:
    """Rewrite an SQLite file so deleted pages (the purged text) are gone, WAL included."""
    conn = sqlite3.connect(path, timeout=120)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def purge_sqlite_file(path: Path, name: str) -> bool:
    """Remove the document ``name`` and its traces from a backup; True if it was there."""
    conn = sqlite3.connect(path, timeout=120)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        row = conn.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
        if row is None:
            return False
        doc_id = row[0]
        with conn:
            memo_ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM memos WHERE document_id = ? OR coding_id IN "
                    "(SELECT id FROM codings WHERE document_id = ?)",
                    (doc_id, doc_id),
                )
            ]
            conn.executemany("DELETE FROM memos WHERE id = ?", [(m,) for m in memo_ids])
            conn.execute("DELETE FROM codings WHERE document_id = ?", (doc_id,))
            for table in ("document_attributes", "speaker_turns", "text_units", "assignments"):
                conn.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc_id,))
            conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
            has_audit = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
            ).fetchone()
            if has_audit:
                conn.execute("DELETE FROM audit_log WHERE document_id = ?", (doc_id,))
                conn.executemany(
                    "DELETE FROM audit_log WHERE entity = 'memo' AND entity_id = ?",
                    [(str(m),) for m in memo_ids],
                )
    finally:
        conn.close()
    vacuum(path)
    return True
