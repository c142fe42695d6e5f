"""Memos: free notes on the project, a document, a code or a coding."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.errors import DomainError, NotFound
from qualcode.core.models import MEMO_TARGETS, Coder, Coding, Document, Memo, utcnow
from qualcode.core.records import MemoRecord
from qualcode.core.services import codebook_tree as tree
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
        coding: int | None = None,
        author: CoderRef | None = None,
        search: str | None = None,
        viewer: CoderRef | None = None,
    ) -> builtins.list[MemoRecord]:
        """Memos, filtered; ``document`` also finds memos on that document's codings.

        With ``viewer`` (default: the session's coder) the blind rule applies: on a blind
        document not yet revealed, memos on codings the viewer may not see, and memos other
        coders wrote on the document, are left out.
        """
        if target is not None and target not in MEMO_TARGETS:
            raise DomainError(f"memo target must be one of {', '.join(MEMO_TARGETS)}")
        with self._project.reading() as session:
            query = select(Memo).order_by(Memo.id)
            if target is not None:
                query = query.where(Memo.target == target)
            if document is not None:
                doc_id = get_document(session, document).id
                on_codings = select(Coding.id).where(Coding.document_id == doc_id)
                query = query.where(or_(Memo.document_id == doc_id, Memo.coding_id.in_(on_codings)))
            if code is not None:
                query = query.where(Memo.code_id == get_code(session, code).id)
            if coding is not None:
                query = query.where(Memo.coding_id == coding)
            if author is not None:
                query = query.where(Memo.author_id == get_coder(session, author).id)
            if search:
                needle = f"%{search.casefold()}%"
                query = query.where(
                    or_(func.lower(Memo.body).like(needle), func.lower(Memo.title).like(needle))
                )
            if viewer is None and self._project.identity is not None:
                viewer = self._project.identity.id
            if viewer is not None:
                query = self._visible(session, query, get_coder(session, viewer))
            return [self._record(session, m) for m in session.scalars(query)]

    @staticmethod
    def _visible(session: Session, query: Select[tuple[Memo]], viewer: Coder) -> Any:
        from qualcode.core.counting import hidden_documents, visible_clause

        hidden = hidden_documents(viewer)
        clause = visible_clause(viewer)
        seen_codings = select(Coding.id).where(clause) if clause is not None else None
        conditions = [
            or_(
                Memo.target != "document",
                Memo.document_id.not_in(hidden),
                Memo.author_id == viewer.id,
            )
        ]
        if seen_codings is not None:
            conditions.append(or_(Memo.coding_id.is_(None), Memo.coding_id.in_(seen_codings)))
        return query.where(*conditions)

    def places(self, memos: Sequence[MemoRecord]) -> dict[int, str]:
        """Where each memo belongs, in words: project, a document, a code's path, a coding."""
        with self._project.reading() as session:
            docs = dict(session.execute(select(Document.id, Document.name)).all())
            paths = {c.id: c.path_text for c in tree.ordered_records(tree.load_codes(session))}
            coding_ids = sorted({m.coding_id for m in memos if m.coding_id is not None})
            codings = {
                row.id: row
                for row in session.execute(
                    select(
                        Coding.id, Coding.document_id, Coding.code_id, Coding.start, Coding.end
                    ).where(Coding.id.in_(coding_ids))
                )
            }
        out: dict[int, str] = {}
        for m in memos:
            if m.target == "document" and m.document_id is not None:
                out[m.id] = f"document {docs.get(m.document_id, '?')}"
            elif m.target == "code" and m.code_id is not None:
                out[m.id] = f"code {paths.get(m.code_id, '?')}"
            elif m.target == "coding" and m.coding_id in codings:
                c = codings[m.coding_id]
                out[m.id] = (
                    f"coding {c.id} ({docs.get(c.document_id, '?')} {c.start}-{c.end}, "
                    f"{paths.get(c.code_id, '?')})"
                )
            else:
                out[m.id] = "project"
        return out
