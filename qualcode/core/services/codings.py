"""Codings: a coder's code on a span of a document's text."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, tuple_, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from qualcode.core.changes import codings_change
from qualcode.core.counting import codings_per_document, visible_clause
from qualcode.core.errors import DomainError, NotFound
from qualcode.core.models import Coding, Document, utcnow
from qualcode.core.records import CodingRecord
from qualcode.core.services import codebook_tree as tree
from qualcode.core.services.lookup import (
    CodeRef,
    CoderRef,
    DocumentRef,
    document_id,
    get_code,
    get_coder,
    get_document,
)
from qualcode.core.services.versions import latest_version_id
from qualcode.core.team.rights import require_own, require_self

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


_KEY = ("document_id", "coder_id", "code_id", "start", "end")
_FEW = 20  # up to this many new codings are checked key by key
CodingKey = tuple[int, int, int, int, int]


def _duplicate_error(document: str, key: CodingKey) -> DomainError:
    return DomainError(
        f"{document}: this coder already has exactly this coding "
        f"(same code, span {key[3]}-{key[4]}); a coding is stored once"
    )


def existing_keys(session: Session, document_ids: Iterable[int]) -> set[CodingKey]:
    """(document, coder, code, start, end) of the codings already on these documents."""
    ids = sorted(set(document_ids))
    if not ids:
        return set()
    rows = session.execute(
        select(*(getattr(Coding, k) for k in _KEY)).where(Coding.document_id.in_(ids))
    )
    return {tuple(r) for r in rows}  # type: ignore[misc]


def move_codings(session: Session, from_code_ids: Iterable[int], to_code_id: int) -> int:
    """Give codings of ``from_code_ids`` the code ``to_code_id`` (merge, delete-and-move).

    Where that would make two identical codings (same document, coder, span), the one
    already on the target (else the oldest) is kept and the other removed, so the unique
    rule holds. Returns how many codings were folded away.
    """
    sources = sorted(set(from_code_ids) - {to_code_id})
    if not sources:
        return 0
    rows = session.execute(
        select(
            Coding.id, Coding.code_id, Coding.document_id, Coding.coder_id, Coding.start, Coding.end
        )
        .where(Coding.code_id.in_([*sources, to_code_id]))
        .order_by(Coding.id)
    )
    keep: dict[tuple[int, int, int, int], tuple[bool, int]] = {}
    doomed: list[int] = []
    for cid, code_id, doc, coder, start, end in rows:
        key = (doc, coder, start, end)
        candidate = (code_id != to_code_id, cid)  # on the target first, then oldest
        if key not in keep:
            keep[key] = candidate
        elif candidate < keep[key]:
            doomed.append(keep[key][1])
            keep[key] = candidate
        else:
            doomed.append(cid)
    if doomed:
        session.execute(delete(Coding).where(Coding.id.in_(doomed)))
    session.execute(update(Coding).where(Coding.code_id.in_(sources)).values(code_id=to_code_id))
    return len(doomed)


def _insert(session: Session, rows: Sequence[dict[str, Any]]) -> builtins.list[int]:
    """Insert coding rows; returns their new ids, in order.

    On SQLite the ids are given up front (after the largest) and the rows go in with one
    plain ``executemany``: INSERT ... RETURNING in parameter order makes SQLAlchemy send
    one statement per row there (27,000 statements for 27,000 codings). A concurrent
    writer cannot slip in between: its commit would make our write fail (SQLite refuses
    to write from a stale snapshot), and the whole transaction is rolled back.
    """
    if session.get_bind().dialect.name != "sqlite":
        result = session.execute(
            insert(Coding).returning(Coding.id, sort_by_parameter_order=True), rows
        )
        return builtins.list(result.scalars())
    first = int(session.scalar(select(func.max(Coding.id))) or 0) + 1
    ids = builtins.list(range(first, first + len(rows)))
    session.connection().execute(
        insert(Coding.__table__),
        [{"id": new_id, **row} for new_id, row in zip(ids, rows, strict=True)],
    )
    return ids


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
            self._refuse_duplicates(session, rows)
            require_self(self._project, {row["coder_id"] for row in rows}, "codings")
            records = []
            if rows:
                try:
                    ids = _insert(session, rows)
                except IntegrityError as exc:  # a concurrent writer got there first
                    raise DomainError(f"a coding is stored once; refused: {exc.orig}") from exc
                records = [
                    CodingRecord(id=new_id, **{k: row[k] for k in _RECORD_FIELDS})
                    for new_id, row in zip(ids, rows, strict=True)
                ]
        self._notify(added=records)
        return records

    def _notify(
        self,
        *,
        added: Sequence[CodingRecord] = (),
        removed: Sequence[CodingRecord] = (),
        edited: Sequence[tuple[CodingRecord, CodingRecord]] = (),
    ) -> None:
        """One event per document touched, carrying the records (views apply deltas)."""
        # Grouped in one pass: a bulk import touches hundreds of documents.
        parts: dict[int, tuple[list[CodingRecord], list[CodingRecord], list[Any]]] = {}
        for record in added:
            parts.setdefault(record.document_id, ([], [], []))[0].append(record)
        for record in removed:
            parts.setdefault(record.document_id, ([], [], []))[1].append(record)
        for pair in edited:
            parts.setdefault(pair[1].document_id, ([], [], []))[2].append(pair)
        for doc_id in sorted(parts):
            new, gone, changed = parts[doc_id]
            self._project.notify(
                codings_change(added=new, removed=gone, edited=changed, document_id=doc_id)
            )

    @staticmethod
    def _refuse_duplicates(session: Session, rows: Sequence[dict[str, Any]]) -> None:
        """The unique rule, said in words before the database says it in SQL."""
        keys: list[CodingKey] = [tuple(r[k] for k in _KEY) for r in rows]  # type: ignore[misc]
        if len(keys) <= _FEW:
            # One coding from the workbench: ask the unique index for exactly these keys
            # instead of reading every coding of the document.
            found = session.execute(
                select(*(getattr(Coding, k) for k in _KEY)).where(
                    tuple_(*(getattr(Coding, k) for k in _KEY)).in_(keys)
                )
            )
            seen = {tuple(r) for r in found}
        else:
            seen = existing_keys(session, (r["document_id"] for r in rows))
        for row, key in zip(rows, keys, strict=True):
            if key in seen:
                document = session.get(Document, row["document_id"])
                raise _duplicate_error(document.name if document else "?", key)
            seen.add(key)

    @staticmethod
    def _refuse_twin(session: Session, coding_id: int, key: CodingKey, document: str) -> None:
        with session.no_autoflush:
            twin = session.scalar(
                select(Coding.id).where(
                    Coding.id != coding_id,
                    *(getattr(Coding, k) == v for k, v in zip(_KEY, key, strict=True)),
                )
            )
        if twin is not None:
            raise _duplicate_error(document, key)

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
        now = utcnow()  # one moment for the whole batch (and 100,000 fewer calls)
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
                    "created_at": now,
                    "illustrative": False,
                }
            )
        return rows

    def restore(self, records: Sequence[CodingRecord]) -> builtins.list[CodingRecord]:
        """Put removed codings back with their ids (undo of a removal)."""
        require_self(self._project, {r.coder_id for r in records}, "codings")
        with self._project.transaction() as session:
            seen = existing_keys(session, (r.document_id for r in records))
            for r in records:
                document = get_document(session, r.document_id)
                check_span(document, r.start, r.end)
                key = (r.document_id, r.coder_id, get_code(session, r.code_id).id, r.start, r.end)
                if key in seen:
                    raise _duplicate_error(document.name, key)
                seen.add(key)
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
        self._notify(added=records)
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
            require_own(self._project, (r.coder_id for r in removed), "codings")
            session.execute(delete(Coding).where(Coding.id.in_(list(coding_ids))))
        self._notify(removed=removed)
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
            before = coding_record(coding)
            require_own(self._project, [coding.coder_id], "a coding")
            document = get_document(session, coding.document_id)
            new_start = coding.start if start is None else start
            new_end = coding.end if end is None else end
            check_span(document, new_start, new_end)
            new_code = coding.code_id if code is None else get_code(session, code).id
            key = (coding.document_id, coding.coder_id, new_code, new_start, new_end)
            self._refuse_twin(session, coding.id, key, document.name)
            coding.start, coding.end, coding.code_id = new_start, new_end, new_code
            if memo is not None:
                coding.memo = memo
            if illustrative is not None:
                coding.illustrative = illustrative
            record = coding_record(coding)
        self._notify(edited=[(before, record)])
        return record

    def reassign(self, coding_ids: Sequence[int], code: CodeRef) -> int:
        """Move codings to another code (after a split, say)."""
        with self._project.transaction() as session:
            target = get_code(session, code)
            edited = []
            for cid in coding_ids:
                coding = self._get(session, cid)
                require_own(self._project, [coding.coder_id], "codings")
                before = coding_record(coding)
                key = (coding.document_id, coding.coder_id, target.id, coding.start, coding.end)
                self._refuse_twin(session, cid, key, get_document(session, coding.document_id).name)
                coding.code_id = target.id
                session.flush()
                edited.append((before, coding_record(coding)))
        self._notify(edited=edited)
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
        """Codings, filtered; with ``viewer``, blind documents show only what they may see.

        One query of plain rows (no ORM objects): showing a transcript with 2,000 codings
        must not cost a Python object graph per coding.
        """
        with self._project.reading() as session:
            columns = [getattr(Coding, name) for name in ("id", *_RECORD_FIELDS)]
            query = select(*columns).order_by(
                Coding.document_id, Coding.start, Coding.end, Coding.id
            )
            if document is not None:
                query = query.where(Coding.document_id == document_id(session, document))
            if coder is not None:
                query = query.where(Coding.coder_id == get_coder(session, coder).id)
            if code is not None:
                root = get_code(session, code)
                ids = tree.descendant_ids(session, root.id) if with_subcodes else [root.id]
                query = query.where(Coding.code_id.in_(ids))
            if viewer is None and self._project.identity is not None:
                viewer = self._project.identity.id  # the session's coder looks
            if viewer is not None:
                clause = visible_clause(get_coder(session, viewer))
                if clause is not None:
                    query = query.where(clause)
            return [CodingRecord(*row) for row in session.connection().execute(query)]

    def counts(self) -> dict[int, dict[int, int]]:
        """Codings per document id and coder id, in one query (for progress columns)."""
        with self._project.reading() as session:
            identity = self._project.identity
            viewer = get_coder(session, identity.id) if identity is not None else None
            return codings_per_document(session, viewer)  # a session's coder: blind rule
