"""Memos: free notes on the project, a document, a code or a coding."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from sqlalchemy import select

from qualcode.core.changes import Change
from qualcode.core.errors import DomainError, NotFound
from qualcode.core.models import MEMO_TARGETS, Coder, Coding, Memo, utcnow
from qualcode.core.records import MemoRecord
from qualcode.core.services.lookup import (
    CodeRef,
    CoderRef,
    DocumentRef,
    get_code,
    get_coder,
    get_document,
)
from qualcode.core.team.rights import acting_coder_id, require_own, require_self

if TYPE_CHECKING:
    from qualcode.core.project import Project


class MemoService:
    def __init__(self, project: Project) -> None:
        self._project = project

    def add(
        self,
        body: str,
        *,
        title: str = "",
        author: CoderRef | None = None,
        document: DocumentRef | None = None,
        code: CodeRef | None = None,
        coding: int | None = None,
    ) -> MemoRecord:
        """A memo on at most one of document / code / coding; none means the project."""
        targets = [t for t in (document, code, coding) if t is not None]
        if len(targets) > 1:
            raise DomainError("a memo belongs to one document, code or coding, not several")
        with self._project.transaction() as session:
            memo = Memo(title=title, body=body, target="project")
            if author is None:
                author = acting_coder_id(self._project)  # on a team server: the login
            if author is not None:
                memo.author_id = get_coder(session, author).id
                require_self(self._project, [memo.author_id], "memos")
            if document is not None:
                memo.target, memo.document_id = "document", get_document(session, document).id
            elif code is not None:
                memo.target, memo.code_id = "code", get_code(session, code).id
            elif coding is not None:
                if session.get(Coding, coding) is None:
                    raise NotFound(f"unknown coding: {coding}")
                memo.target, memo.coding_id = "coding", coding
            session.add(memo)
            session.flush()
            record = self._record(session, memo)
        self._project.notify(Change("memos", (record.id,)))
        return record

    @staticmethod
    def _record(session: object, memo: Memo) -> MemoRecord:
        from sqlalchemy.orm import Session

        assert isinstance(session, Session)
        author = session.get(Coder, memo.author_id) if memo.author_id else None
        return MemoRecord(
            id=memo.id,
            target=memo.target,
            document_id=memo.document_id,
            code_id=memo.code_id,
            coding_id=memo.coding_id,
            author=author.name if author else None,
            title=memo.title,
            body=memo.body,
            modified_at=memo.modified_at,
        )

    def edit(
        self, memo_id: int, *, body: str | None = None, title: str | None = None
    ) -> MemoRecord:
        with self._project.transaction() as session:
            memo = session.get(Memo, memo_id)
            if memo is None:
                raise NotFound(f"unknown memo: {memo_id}")
            require_own(self._project, [memo.author_id], "a memo")
            if body is not None:
                memo.body = body
            if title is not None:
                memo.title = title
            memo.modified_at = utcnow()
            record = self._record(session, memo)
        self._project.notify(Change("memos", (record.id,)))
        return record

    def remove(self, memo_id: int) -> None:
        with self._project.transaction() as session:
            memo = session.get(Memo, memo_id)
            if memo is None:
                raise NotFound(f"unknown memo: {memo_id}")
            require_own(self._project, [memo.author_id], "a memo")
            session.delete(memo)
        self._project.notify(Change("memos", (memo_id,)))

    def list(
        self,
        *,
        target: str | None = None,
        document: DocumentRef | None = None,
        code: CodeRef | None = None,
    ) -> builtins.list[MemoRecord]:
        if target is not None and target not in MEMO_TARGETS:
            raise DomainError(f"memo target must be one of {', '.join(MEMO_TARGETS)}")
        with self._project.reading() as session:
            query = select(Memo).order_by(Memo.id)
            if target is not None:
                query = query.where(Memo.target == target)
            if document is not None:
                query = query.where(Memo.document_id == get_document(session, document).id)
            if code is not None:
                query = query.where(Memo.code_id == get_code(session, code).id)
            return [self._record(session, m) for m in session.scalars(query)]
