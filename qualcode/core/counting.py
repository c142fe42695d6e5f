"""Counts the first screen shows, as SQL aggregates, and the blind-coding rule they share.

Opening a project on a year-long study (100,000 codings) must not build a Python object
per coding: usage per code and codings per document and coder are ``GROUP BY`` queries,
read once, then kept up to date by the deltas of change events (see ``changes.py``).

The blind-coding rule lives here once, as SQL (:func:`visible_clause`) and, for applying
a delta to counts already read, as a plain predicate (:class:`Visibility`): on a blind
document not yet revealed, a viewer sees only their own codings, unless the viewer is a
lead who is not assigned to code that document (a lead coding it blind is a coder there). Every
count, retrieval and listing that takes a viewer uses these, so a number in the code
tree cannot leak what the transcript hides.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.models import Assignment, Coder, Coding, Document
from qualcode.core.records import CodingRecord
from qualcode.core.services.lookup import CoderRef, get_coder

if TYPE_CHECKING:
    from qualcode.core.project import Project


class _Viewer(Protocol):
    id: int
    role: str


def hidden_documents(viewer: _Viewer | None = None) -> Select[tuple[int]]:
    """Ids of documents in blind coding, not revealed yet, where ``viewer`` sees only their
    own codings (without a viewer: every such document)."""
    query = select(Document.id).where(Document.blind.is_(True), Document.revealed_at.is_(None))
    if viewer is not None and viewer.role == "lead":
        # A lead oversees blind documents, except those the lead codes blind too.
        assigned = select(Assignment.document_id).where(Assignment.coder_id == viewer.id)
        query = query.where(Document.id.in_(assigned))
    return query


def visible_clause(viewer: _Viewer | None) -> ColumnElement[bool] | None:
    """The WHERE clause on ``codings`` for what ``viewer`` may see (None: everything)."""
    if viewer is None:
        return None
    return or_(Coding.coder_id == viewer.id, Coding.document_id.not_in(hidden_documents(viewer)))


def _hidden_from(session: Session, viewer: _Viewer | None) -> list[int]:
    """Blind documents whose other coders' codings ``viewer`` may not count."""
    if viewer is None:
        return []
    return list(session.scalars(hidden_documents(viewer)))


def usage_per_code(session: Session, viewer: _Viewer | None = None) -> dict[int, int]:
    """Codings per code id, as ``viewer`` may see them; codes without codings are absent.

    Counted as all codings (an index-only scan of ``ix_codings_code``) less the other
    coders' codings on hidden documents (a few documents, through the document index):
    the same rule as :func:`visible_clause`, without testing it on every row.
    """
    usage = {
        code_id: int(n)
        for code_id, n in session.execute(
            select(Coding.code_id, func.count()).group_by(Coding.code_id)
        )
    }
    hidden = _hidden_from(session, viewer)
    if hidden:
        assert viewer is not None
        concealed = session.execute(
            select(Coding.code_id, func.count())
            .where(Coding.document_id.in_(hidden), Coding.coder_id != viewer.id)
            .group_by(Coding.code_id)
        )
        for code_id, n in concealed:
            usage[code_id] -= int(n)
            if not usage[code_id]:
                del usage[code_id]
    return usage


def codings_per_document(
    session: Session, viewer: _Viewer | None = None
) -> dict[int, dict[int, int]]:
    """Codings per document id and coder id, as ``viewer`` may see them (one index scan)."""
    hidden = set(_hidden_from(session, viewer))
    query = select(Coding.document_id, Coding.coder_id, func.count()).group_by(
        Coding.document_id, Coding.coder_id
    )
    result: dict[int, dict[int, int]] = {}
    for document_id, coder_id, n in session.execute(query):
        if document_id in hidden and viewer is not None and coder_id != viewer.id:
            continue  # the blind rule of visible_clause, applied per group
        result.setdefault(document_id, {})[coder_id] = int(n)
    return result


@dataclass(frozen=True)
class Visibility:
    """The blind rule for one viewer, for deciding whether a delta's coding counts."""

    viewer_id: int | None
    lead: bool
    hidden: frozenset[int]

    def sees(self, coding: CodingRecord) -> bool:
        if self.viewer_id is None:
            return True
        return coding.coder_id == self.viewer_id or coding.document_id not in self.hidden


def usage_delta(change: Change, seen: Visibility) -> dict[int, int]:
    """How a codings event moves the per-code counts ``seen`` applies to (code id: +/-n)."""
    delta: Counter[int] = Counter()
    for record in change.added:
        if seen.sees(record):
            delta[record.code_id] += 1
    for record in change.removed:
        if seen.sees(record):
            delta[record.code_id] -= 1
    for before, after in change.edited:
        if before.code_id != after.code_id and seen.sees(after):
            delta[before.code_id] -= 1
            delta[after.code_id] += 1
    return {code_id: n for code_id, n in delta.items() if n}


def document_delta(change: Change, seen: Visibility) -> dict[tuple[int, int], int]:
    """How a codings event moves the per-document counts: (document id, coder id): +/-n."""
    delta: Counter[tuple[int, int]] = Counter()
    for record in change.added:
        if seen.sees(record):
            delta[(record.document_id, record.coder_id)] += 1
    for record in change.removed:
        if seen.sees(record):
            delta[(record.document_id, record.coder_id)] -= 1
    return {key: n for key, n in delta.items() if n}


def visibility(session: Session, viewer: _Viewer | None) -> Visibility:
    if viewer is None:
        return Visibility(None, True, frozenset())
    hidden = frozenset(session.scalars(hidden_documents(viewer)))
    return Visibility(viewer.id, viewer.role == "lead", hidden)


@dataclass(frozen=True)
class CodeCounts:
    usage: dict[int, int]
    visibility: Visibility


@dataclass(frozen=True)
class DocumentCounts:
    per_document: dict[int, dict[int, int]]
    visibility: Visibility


class CountService:
    """The aggregates behind the code tree and the document list, one query each."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def _viewer(self, session: Session, viewer: CoderRef | None) -> Coder | None:
        return None if viewer is None else get_coder(session, viewer)

    def usage(self, viewer: CoderRef | None = None) -> CodeCounts:
        with self._project.reading() as session:
            coder = self._viewer(session, viewer)
            return CodeCounts(usage_per_code(session, coder), visibility(session, coder))

    def per_document(self, viewer: CoderRef | None = None) -> DocumentCounts:
        with self._project.reading() as session:
            coder = self._viewer(session, viewer)
            return DocumentCounts(codings_per_document(session, coder), visibility(session, coder))

    def visibility(self, viewer: CoderRef | None) -> Visibility:
        with self._project.reading() as session:
            return visibility(session, self._viewer(session, viewer))
