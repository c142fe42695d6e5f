"""Summaries: a researcher's synthesis of a code or cluster, per slice of the data.

A slice is one attribute value (``intervention`` = ``Peercoaching``); an empty key and value
mean the summary is about all documents (the cross-case view). Writing a summary with an
empty text removes it, so an editor can clear a field without a separate delete action.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.errors import DomainError
from qualcode.core.models import Code, Coder, Summary, utcnow
from qualcode.core.services import codebook_tree as tree
from qualcode.core.services.lookup import CodeRef, CoderRef, get_code, get_coder

if TYPE_CHECKING:
    from qualcode.core.project import Project


@dataclass(frozen=True)
class SummaryRecord:
    id: int
    code_id: int
    code_path: tuple[str, ...]
    scope_key: str
    scope_value: str
    body: str
    author: str | None
    modified_at: datetime

    @property
    def overall(self) -> bool:
        return not self.scope_key


def _scope(scope_key: str, scope_value: str) -> tuple[str, str]:
    key, value = scope_key.strip(), scope_value.strip()
    if bool(key) != bool(value):
        raise DomainError("a summary's scope needs both an attribute and a value, or neither")
    return key, value


class SummaryService:
    def __init__(self, project: Project) -> None:
        self._project = project

    def set(
        self,
        code: CodeRef,
        body: str,
        *,
        scope_key: str = "",
        scope_value: str = "",
        author: CoderRef | None = None,
    ) -> SummaryRecord | None:
        """Create or replace the summary of ``code`` for the scope; empty ``body`` removes it."""
        key, value = _scope(scope_key, scope_value)
        with self._project.transaction() as session:
            target = get_code(session, code)
            row = self._find(session, target.id, key, value)
            if not body.strip():
                if row is not None:
                    session.delete(row)
                record = None
            else:
                if row is None:
                    row = Summary(code_id=target.id, scope_key=key, scope_value=value)
                    session.add(row)
                row.body = body.strip()
                row.author_id = get_coder(session, author).id if author is not None else None
                row.modified_at = utcnow()
                session.flush()
                record = self._record(session, row)
            code_id = target.id
        self._project.notify(Change("summaries", (code_id,), detail={"scope": [key, value]}))
        return record

    def get(
        self, code: CodeRef, *, scope_key: str = "", scope_value: str = ""
    ) -> SummaryRecord | None:
        key, value = _scope(scope_key, scope_value)
        with self._project.reading() as session:
            row = self._find(session, get_code(session, code).id, key, value)
            return self._record(session, row) if row is not None else None

    def list(
        self,
        *,
        code: CodeRef | None = None,
        scope_key: str | None = None,
        scope_value: str | None = None,
    ) -> list[SummaryRecord]:
        """Summaries in codebook order, overall first, then by scope."""
        with self._project.reading() as session:
            query = select(Summary)
            if code is not None:
                query = query.where(Summary.code_id == get_code(session, code).id)
            if scope_key is not None:
                query = query.where(Summary.scope_key == scope_key)
            if scope_value is not None:
                query = query.where(Summary.scope_value == scope_value)
            order = {r.id: n for n, r in enumerate(tree.ordered_records(tree.load_codes(session)))}
            rows = sorted(
                session.scalars(query),
                key=lambda s: (order.get(s.code_id, 0), s.scope_key, s.scope_value),
            )
            return [self._record(session, row) for row in rows]

    def remove(self, code: CodeRef, *, scope_key: str = "", scope_value: str = "") -> bool:
        """Remove a summary; False when there was none."""
        existed = self.get(code, scope_key=scope_key, scope_value=scope_value) is not None
        self.set(code, "", scope_key=scope_key, scope_value=scope_value)
        return existed

    @staticmethod
    def _find(session: Session, code_id: int, key: str, value: str) -> Summary | None:
        return session.scalar(
            select(Summary).where(
                Summary.code_id == code_id, Summary.scope_key == key, Summary.scope_value == value
            )
        )

    @staticmethod
    def _record(session: Session, row: Summary) -> SummaryRecord:
        code = session.get(Code, row.code_id)
        assert code is not None
        author = session.get(Coder, row.author_id) if row.author_id else None
        return SummaryRecord(
            id=row.id,
            code_id=row.code_id,
            code_path=tree.path_of(session, code),
            scope_key=row.scope_key,
            scope_value=row.scope_value,
            body=row.body,
            author=author.name if author else None,
            modified_at=row.modified_at,
        )
