"""Codings: a coder's code on a span of a document's text."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.errors import DomainError, NotFound
from qualcode.core.models import Coding, Document, utcnow
from qualcode.core.records import CodingRecord
from qualcode.core.services import codebook_tree as tree
from qualcode.core.services.lookup import (
    CodeRef,
    CoderRef,
    DocumentRef,
    get_code,
    get_coder,
    get_document,
)
from qualcode.core.services.versions import latest_version_id

if TYPE_CHECKING:
    from qualcode.core.project import Project


@dataclass(frozen=True)
class NewCoding:
    """One coding to add, by the names or ids a caller has at hand."""

    document: DocumentRef
    coder: CoderRef
    code: CodeRef
    start: int
    end: int
    memo: str = ""


_RECORD_FIELDS = (
    "document_id",
    "code_id",
    "coder_id",
    "start",
    "end",
    "memo",
    "codebook_version_id",
    "created_at",
    "illustrative",
)


def coding_record(coding: Coding) -> CodingRecord:
    return CodingRecord(
        id=coding.id,
        document_id=coding.document_id,
        code_id=coding.code_id,
        coder_id=coding.coder_id,
        start=coding.start,
        end=coding.end,
        memo=coding.memo,
        codebook_version_id=coding.codebook_version_id,
        created_at=coding.created_at,
        illustrative=coding.illustrative,
    )


def check_span(document: Document, start: int, end: int) -> None:
    if end <= start:
        raise DomainError(f"{document.name}: a coding must end after it starts ({start}-{end})")
    if start < 0 or end > len(document.text):
        raise DomainError(
            f"{document.name}: span {start}-{end} lies outside the text (0-{len(document.text)})"
        )


class CodingService:
    def __init__(self, project: Project) -> None:
        self._project = project

    def add(
        self,
        document: DocumentRef,
        coder: CoderRef,
        code: CodeRef,
        start: int,
        end: int,
        memo: str = "",
    ) -> CodingRecord:
        return self.add_many([NewCoding(document, coder, code, start, end, memo)])[0]

    def add_many(
        self, codings: Sequence[NewCoding], *, create_coders: bool = False
    ) -> builtins.list[CodingRecord]:
        """Add codings all or nothing; the first invalid one aborts the lot.

        With ``create_coders``, coders named but not yet known are added in the same
        transaction (importing another team's codings).
        """
        with self._project.transaction() as session:
            if create_coders:
                self._create_missing_coders(session, codings)
            rows = self._build(session, codings)
            records = []
            if rows:
                # Core insert with RETURNING ids: ORM objects for 100,000 rows cost seconds.
                result = session.execute(
                    insert(Coding).returning(Coding.id, sort_by_parameter_order=True), rows
                )
                records = [
                    CodingRecord(id=new_id, **{k: row[k] for k in _RECORD_FIELDS})
                    for new_id, row in zip(result.scalars(), rows, strict=True)
                ]
        for doc_id in sorted({r.document_id for r in records}):
            self._project.notify(
                Change("codings", tuple(r.id for r in records if r.document_id == doc_id), doc_id)
            )
        return records

    @staticmethod
    def _create_missing_coders(session: Session, codings: Sequence[NewCoding]) -> None:
        from qualcode.core.models import Coder

        names = {c.coder for c in codings if isinstance(c.coder, str)}
        known = set(session.scalars(select(Coder.name).where(Coder.name.in_(names))))
        for name in sorted(names - known):
            session.add(Coder(name=name, role="coder"))
        session.flush()

    def _build(
        self, session: Session, codings: Iterable[NewCoding]
    ) -> builtins.list[dict[str, Any]]:
        """Validated row values; lookups are cached because imports repeat the same names."""
        version_id = latest_version_id(session)
        lengths: dict[DocumentRef, tuple[Document, int]] = {}
        coder_ids: dict[CoderRef, int] = {}
        code_ids: dict[CodeRef, int] = {}
        rows = []
        for new in codings:
            if new.document not in lengths:
                document = get_document(session, new.document)
                lengths[new.document] = (document, len(document.text))
            document, _length = lengths[new.document]
            check_span(document, new.start, new.end)
            if new.coder not in coder_ids:
                coder_ids[new.coder] = get_coder(session, new.coder).id
            if new.code not in code_ids:
                code_ids[new.code] = get_code(session, new.code).id
            rows.append(
                {
                    "document_id": document.id,
                    "coder_id": coder_ids[new.coder],
                    "code_id": code_ids[new.code],
                    "start": new.start,
                    "end": new.end,
                    "memo": new.memo,
                    "codebook_version_id": version_id,
                    "created_at": utcnow(),
                    "illustrative": False,
                }
            )
        return rows

    def restore(self, records: Sequence[CodingRecord]) -> builtins.list[CodingRecord]:
        """Put removed codings back with their ids (undo of a removal)."""
        with self._project.transaction() as session:
            for r in records:
                document = get_document(session, r.document_id)
                check_span(document, r.start, r.end)
                session.add(
                    Coding(
                        id=r.id,
                        document_id=r.document_id,
                        code_id=get_code(session, r.code_id).id,
                        coder_id=get_coder(session, r.coder_id).id,
                        start=r.start,
                        end=r.end,
                        memo=r.memo,
                        codebook_version_id=r.codebook_version_id,
                        created_at=r.created_at,
                        illustrative=r.illustrative,
                    )
                )
        for doc_id in sorted({r.document_id for r in records}):
            self._project.notify(Change("codings", tuple(r.id for r in records), doc_id))
        return list(records)

    def get(self, coding_id: int) -> CodingRecord:
        with self._project.reading() as session:
            return coding_record(self._get(session, coding_id))

    @staticmethod
    def _get(session: Session, coding_id: int) -> Coding:
        coding = session.get(Coding, coding_id)
        if coding is None:
            raise NotFound(f"unknown coding: {coding_id}")
        return coding

    def remove(self, coding_ids: Sequence[int]) -> builtins.list[CodingRecord]:
        """Delete codings; returns what was removed (enough to restore it)."""
        with self._project.transaction() as session:
            removed = [coding_record(self._get(session, cid)) for cid in coding_ids]
            session.execute(delete(Coding).where(Coding.id.in_(list(coding_ids))))
        for doc_id in sorted({r.document_id for r in removed}):
            self._project.notify(Change("codings", tuple(coding_ids), doc_id))
        return removed

    def update(
        self,
        coding_id: int,
        *,
        start: int | None = None,
        end: int | None = None,
        code: CodeRef | None = None,
        memo: str | None = None,
        illustrative: bool | None = None,
    ) -> CodingRecord:
        """Change a coding's span, code, memo or illustrative star."""
        with self._project.transaction() as session:
            coding = self._get(session, coding_id)
            document = get_document(session, coding.document_id)
            new_start = coding.start if start is None else start
            new_end = coding.end if end is None else end
            check_span(document, new_start, new_end)
            coding.start, coding.end = new_start, new_end
            if code is not None:
                coding.code_id = get_code(session, code).id
            if memo is not None:
                coding.memo = memo
            if illustrative is not None:
                coding.illustrative = illustrative
            record = coding_record(coding)
        self._project.notify(Change("codings", (record.id,), record.document_id))
        return record

    def reassign(self, coding_ids: Sequence[int], code: CodeRef) -> int:
        """Move codings to another code (after a split, say)."""
        with self._project.transaction() as session:
            target = get_code(session, code)
            for cid in coding_ids:
                self._get(session, cid).code_id = target.id
        self._project.notify(Change("codings", tuple(coding_ids)))
        return len(coding_ids)

    def list(
        self,
        *,
        document: DocumentRef | None = None,
        coder: CoderRef | None = None,
        code: CodeRef | None = None,
        with_subcodes: bool = False,
        viewer: CoderRef | None = None,
    ) -> builtins.list[CodingRecord]:
        """Codings, filtered; with ``viewer``, blind documents show only what they may see."""
        with self._project.reading() as session:
            query = select(Coding).order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
            doc = get_document(session, document) if document is not None else None
            if doc is not None:
                query = query.where(Coding.document_id == doc.id)
            if coder is not None:
                query = query.where(Coding.coder_id == get_coder(session, coder).id)
            if code is not None:
                root = get_code(session, code)
                ids = tree.descendant_ids(session, root.id) if with_subcodes else [root.id]
                query = query.where(Coding.code_id.in_(ids))
            rows = builtins.list(session.scalars(query))
            if viewer is not None:
                rows = self._visible(session, rows, get_coder(session, viewer))
            return [coding_record(r) for r in rows]

    def counts(self) -> dict[int, dict[int, int]]:
        """Codings per document id and coder id, in one query (for progress columns)."""
        from sqlalchemy import func

        with self._project.reading() as session:
            rows = session.execute(
                select(Coding.document_id, Coding.coder_id, func.count()).group_by(
                    Coding.document_id, Coding.coder_id
                )
            )
            result: dict[int, dict[int, int]] = {}
            for document_id, coder_id, n in rows:
                result.setdefault(document_id, {})[coder_id] = int(n)
            return result

    def _visible(
        self, session: Session, rows: builtins.list[Coding], viewer: object
    ) -> builtins.list[Coding]:
        from qualcode.core.models import Coder

        assert isinstance(viewer, Coder)
        if viewer.role == "lead":
            return rows
        blind = {
            d.id
            for d in session.scalars(
                select(Document).where(Document.blind.is_(True), Document.revealed_at.is_(None))
            )
        }
        return [r for r in rows if r.document_id not in blind or r.coder_id == viewer.id]
