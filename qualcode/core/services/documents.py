"""Documents: transcripts with their attributes, speaker turns, units and assignments."""

from __future__ import annotations

import builtins
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.errors import DomainError
from qualcode.core.models import (
    UNIT_KINDS,
    Assignment,
    Coder,
    Document,
    DocumentAttribute,
    Memo,
    SpeakerTurn,
    TextUnit,
    utcnow,
)
from qualcode.core.names import clean_name
from qualcode.core.records import CoderRecord, DocumentRecord, TurnRecord
from qualcode.core.services.coders import coder_record
from qualcode.core.services.lookup import (
    CoderRef,
    DocumentRef,
    document_id,
    get_coder,
    get_document,
)
from qualcode.core.team.rights import lead_only

if TYPE_CHECKING:
    from qualcode.core.project import Project


NOTES_MEMO_TITLE = "Notes from the source file"


class DuplicateDocument(DomainError):
    """The same text is already in the project (same content hash)."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_record(document: Document, length: int | None = None) -> DocumentRecord:
    return DocumentRecord(
        id=document.id,
        name=document.name,
        language=document.language,
        source_format=document.source_format,
        content_hash=document.content_hash,
        length=len(document.text) if length is None else length,
        imported_at=document.imported_at,
        blind=document.blind,
        revealed=document.revealed_at is not None,
        attributes={a.key: a.value for a in document.attributes},
    )


def _check_spans(spans: Iterable[tuple[int, int]], length: int, what: str, name: str) -> None:
    for start, end in spans:
        if not 0 <= start < end <= length:
            raise DomainError(f"{name}: {what} {start}-{end} lies outside the text (0-{length})")


class DocumentService:
    def __init__(self, project: Project) -> None:
        self._project = project

    @lead_only("import documents")
    def add(
        self,
        name: str,
        text: str,
        *,
        source_format: str = "txt",
        language: str = "nl",
        attributes: Mapping[str, str] | None = None,
        turns: Sequence[TurnRecord] = (),
        units: Sequence[tuple[str, int, int]] = (),
        source_path: str | None = None,
        force: bool = False,
        notes: str = "",
    ) -> DocumentRecord:
        """Store one document with everything derived from it, all or nothing.

        ``notes`` (headers, footers, comments and footnotes of the source file, which are
        not part of the coded text) are kept as a memo on the document.
        """
        name = clean_name(name)
        if not name:
            raise DomainError("a document needs a name")
        if not text.strip():
            raise DomainError(f"{name}: the document has no text")
        _check_spans(((t.start, t.end) for t in turns), len(text), "speaker turn", name)
        _check_spans(((s, e) for _, s, e in units), len(text), "unit", name)
        for kind, _, _ in units:
            if kind not in UNIT_KINDS:
                raise DomainError(f"{name}: unknown unit kind {kind!r}")
        digest = content_hash(text)
        with self._project.transaction() as session:
            if session.scalar(select(Document.id).where(Document.name == name)) is not None:
                raise DomainError(f"a document named {name!r} already exists")
            if not force:
                twin = session.scalar(select(Document.name).where(Document.content_hash == digest))
                if twin is not None:
                    raise DuplicateDocument(f"{name}: same text as document {twin!r} (skipped)")
            document = Document(
                name=name,
                text=text,
                content_hash=digest,
                source_format=source_format,
                language=language,
                source_path=source_path,
            )
            document.attributes = [
                DocumentAttribute(key=k, value=str(v))
                for k, v in (attributes or {}).items()
                if str(v).strip()
            ]
            session.add(document)
            session.flush()
            # Core inserts: a long focus group has thousands of turns and sentences.
            if turns:
                session.execute(
                    insert(SpeakerTurn),
                    [
                        {
                            "document_id": document.id,
                            "speaker": t.speaker,
                            "start": t.start,
                            "end": t.end,
                        }
                        for t in turns
                    ],
                )
            if units:
                session.execute(
                    insert(TextUnit),
                    [
                        {"document_id": document.id, "kind": k, "start": s, "end": e}
                        for k, s, e in units
                    ],
                )
            if notes.strip():
                session.add(
                    Memo(
                        target="document",
                        document_id=document.id,
                        body=notes.strip(),
                        title=NOTES_MEMO_TITLE,
                    )
                )
            record = document_record(document)
        self._project.notify(Change("documents", (record.id,)))
        return record

    def get(self, ref: DocumentRef) -> DocumentRecord:
        with self._project.reading() as session:
            return document_record(get_document(session, ref))

    def text(self, ref: DocumentRef) -> str:
        with self._project.reading() as session:
            return get_document(session, ref).text

    def list(self, *, where: Mapping[str, str] | None = None) -> builtins.list[DocumentRecord]:
        """All documents, optionally only those whose attributes equal ``where``."""
        with self._project.reading() as session:
            # Plain rows, and the text stays in the database: the list needs its length
            # only (a year's transcripts are tens of megabytes).
            query = select(
                Document.id,
                Document.name,
                Document.language,
                Document.source_format,
                Document.content_hash,
                func.length(Document.text),
                Document.imported_at,
                Document.blind,
                Document.revealed_at,
            )
            for key, value in (where or {}).items():
                query = query.where(
                    Document.attributes.any(
                        (DocumentAttribute.key == key) & (DocumentAttribute.value == value)
                    )
                )
            rows = session.execute(query.order_by(Document.name)).all()
            attributes: dict[int, dict[str, str]] = {row[0]: {} for row in rows}
            for doc_id, key, value in session.execute(
                select(
                    DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value
                ).order_by(DocumentAttribute.key)
            ):
                if doc_id in attributes:
                    attributes[doc_id][key] = value
            return [
                DocumentRecord(
                    id=doc_id,
                    name=name,
                    language=language,
                    source_format=source_format,
                    content_hash=digest,
                    length=int(length),
                    imported_at=imported_at,
                    blind=bool(blind),
                    revealed=revealed_at is not None,
                    attributes=attributes[doc_id],
                )
                for (doc_id, name, language, source_format, digest, length, imported_at,
                     blind, revealed_at) in rows
            ]  # fmt: skip

    @lead_only("edit document attributes")
    def set_attributes(self, ref: DocumentRef, values: Mapping[str, str | None]) -> DocumentRecord:
        """Set (or with None/empty, remove) attributes of one document."""
        with self._project.transaction() as session:
            document = get_document(session, ref)
            current = {a.key: a for a in document.attributes}
            for key, value in values.items():
                key = key.strip()
                if not key:
                    raise DomainError("an attribute needs a name")
                if value is None or not str(value).strip():
                    if key in current:
                        document.attributes.remove(current[key])
                elif key in current:
                    current[key].value = str(value)
                else:
                    document.attributes.append(DocumentAttribute(key=key, value=str(value)))
            session.flush()
            record = document_record(document)
        self._project.notify(Change("documents", (record.id,)))
        return record

    @lead_only("rename documents")
    def rename(self, ref: DocumentRef, new_name: str) -> DocumentRecord:
        with self._project.transaction() as session:
            document = get_document(session, ref)
            clash = session.scalar(select(Document.id).where(Document.name == new_name))
            if clash is not None and clash != document.id:
                raise DomainError(f"a document named {new_name!r} already exists")
            document.name = clean_name(new_name)
            record = document_record(document)
        self._project.notify(Change("documents", (record.id,)))
        return record

    @lead_only("remove documents")
    def remove(self, ref: DocumentRef) -> None:
        """Delete a document with its codings, turns, units and memos."""
        from qualcode.core.models import Coding

        with self._project.transaction() as session:
            document = get_document(session, ref)
            doc_id = document.id
            session.execute(delete(Coding).where(Coding.document_id == doc_id))
            session.execute(delete(Memo).where(Memo.document_id == doc_id))
            session.delete(document)
        self._project.notify(Change("documents", (doc_id,)))

    # Speaker turns -------------------------------------------------------------------
    def turns(self, ref: DocumentRef) -> builtins.list[TurnRecord]:
        with self._project.reading() as session:
            # Plain rows: a long focus group has thousands of turns.
            rows = session.execute(
                select(SpeakerTurn.speaker, SpeakerTurn.start, SpeakerTurn.end)
                .where(SpeakerTurn.document_id == document_id(session, ref))
                .order_by(SpeakerTurn.start)
            )
            return [TurnRecord(*row) for row in rows]

    def speakers(self) -> builtins.list[str]:
        """Every speaker label in the project, in one query."""
        with self._project.reading() as session:
            query = select(SpeakerTurn.speaker).distinct().order_by(SpeakerTurn.speaker)
            return builtins.list(session.scalars(query))

    @lead_only("rename speakers")
    def rename_speaker(self, ref: DocumentRef, old: str, new: str) -> int:
        """Correct a detected speaker label in every turn of a document; returns turns changed."""
        new = new.strip()
        if not new:
            raise DomainError("a speaker needs a name")
        with self._project.transaction() as session:
            document = get_document(session, ref)
            changed = 0
            for turn in document.turns:
                if turn.speaker == old:
                    turn.speaker = new
                    changed += 1
            if not changed:
                raise DomainError(f"{document.name}: no speaker {old!r}")
            doc_id = document.id
        self._project.notify(Change("documents", (doc_id,)))
        return changed

    def units(self, ref: DocumentRef, kind: str) -> builtins.list[tuple[int, int]]:
        if kind not in UNIT_KINDS:
            raise DomainError(f"unknown unit kind {kind!r}; choose one of {', '.join(UNIT_KINDS)}")
        with self._project.reading() as session:
            document = get_document(session, ref)
            rows = session.execute(
                select(TextUnit.start, TextUnit.end)
                .where(TextUnit.document_id == document.id, TextUnit.kind == kind)
                .order_by(TextUnit.start)
            )
            return [(s, e) for s, e in rows]

    # Assignments and blind coding ------------------------------------------------------
    @lead_only("assign documents")
    def assign(self, ref: DocumentRef, coders: Iterable[CoderRef], *, blind: bool = False) -> None:
        with self._project.transaction() as session:
            document = get_document(session, ref)
            for coder_ref in coders:
                coder = get_coder(session, coder_ref)
                if session.get(Assignment, (document.id, coder.id)) is None:
                    session.add(Assignment(document_id=document.id, coder_id=coder.id))
            if blind:
                document.blind = True
                document.revealed_at = None
            doc_id = document.id
        self._project.notify(Change("documents", (doc_id,)))

    def assigned_coders(self, ref: DocumentRef) -> builtins.list[CoderRecord]:
        with self._project.reading() as session:
            document = get_document(session, ref)
            coders = session.scalars(
                select(Coder)
                .join(Assignment, Assignment.coder_id == Coder.id)
                .where(Assignment.document_id == document.id)
                .order_by(Coder.name)
            )
            return [coder_record(c) for c in coders]

    def assignments(self) -> dict[int, builtins.list[CoderRecord]]:
        """Assigned coders per document id, in one query."""
        with self._project.reading() as session:
            rows = session.execute(
                select(Assignment.document_id, Coder)
                .join(Coder, Coder.id == Assignment.coder_id)
                .order_by(Coder.name)
            )
            result: dict[int, builtins.list[CoderRecord]] = {}
            for document_id, coder in rows:
                result.setdefault(document_id, []).append(coder_record(coder))
            return result

    @lead_only("reveal blind codings")
    def reveal(self, ref: DocumentRef, *, by: CoderRef) -> None:
        """The lead lifts blinding on a document so every coder sees all layers."""
        with self._project.transaction() as session:
            lead = get_coder(session, by)
            if lead.role != "lead":
                raise DomainError(f"only a lead can reveal codings; {lead.name} is a {lead.role}")
            document = get_document(session, ref)
            document.revealed_at = utcnow()
            doc_id = document.id
        self._project.notify(Change("documents", (doc_id,)))

    def visible_coder_ids(
        self, session: Session, document: Document, viewer: Coder
    ) -> set[int] | None:
        """Coders whose codings ``viewer`` may see on ``document``; None means all."""
        from qualcode.core.counting import hidden_documents

        hidden = session.scalar(
            hidden_documents(viewer).where(Document.id == document.id)  # the one blind rule
        )
        return None if hidden is None else {viewer.id}
