"""Read what an agreement computation needs from a project, in one read transaction.

Rules decided here (and documented in ``docs/agreement.md``):

* A coder is *present* on a document when they have at least one coding on it (with
  any code) or are assigned to it. A coder who is not present did not code the document
  at all: their cells are *missing*, not "did not apply the code".
* Codes in scope: the named codes with all their sub-codes (all codes when none are
  named). Only codings with a code in scope count.
* Blind documents that are not revealed: only a lead may compute agreement on them (or
  adjudicate them); anyone else gets a ``DomainError`` naming the documents. Refusing
  beats silently hiding layers, which would report figures on other data than asked.
* Units come from the stored ``TextUnit`` rows of the chosen kind; a document without
  any is segmented on the fly (see ``fallback_units``), and that is reported in notes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import Session

from qualcode.core.counting import hidden_documents
from qualcode.core.errors import DomainError
from qualcode.core.models import Assignment, Coding, Document, SpeakerTurn, TextUnit
from qualcode.core.services import codebook_tree as tree
from qualcode.core.services.lookup import (
    CodeRef,
    CoderRef,
    DocumentRef,
    get_code,
    get_coder,
    get_document,
)

if TYPE_CHECKING:
    from qualcode.core.project import Project

MAX_CODERS = 10  # patterns per unit grow as 3^coders


@dataclass
class DocData:
    id: int
    name: str
    text: str
    present: tuple[bool, ...]  # per coder in scope
    units: list[tuple[int, int]] = field(default_factory=list)
    # (coder index, start, end, code id), codes in scope only
    codings: list[tuple[int, int, int, int]] = field(default_factory=list)
    segmented_on_the_fly: bool = False
    turns: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, speaker)


@dataclass
class Scope:
    coders: list[str]
    code_paths: dict[int, str]  # code id -> path text, codes in scope
    parents: dict[int, int | None]
    documents: list[DocData]
    notes: list[str] = field(default_factory=list)
    path_cache: dict[frozenset[int], tuple[str, ...]] = field(default_factory=dict)

    def value_sets(self) -> tuple[list[tuple[int, list[int]]], list[tuple[int, list[int]]]]:
        """(codes, clusters): each as (code id, the code ids that count as it).

        A code counts by its own codings only; a cluster (a code in scope with sub-codes
        in scope) by those of itself and every descendant ("any code of the cluster").
        Codes are listed when some coder in scope used them.
        """
        used = {c for d in self.documents for _, _, _, c in d.codings}
        children: dict[int, list[int]] = defaultdict(list)
        for cid, parent in self.parents.items():
            if parent is not None and parent in self.code_paths:
                children[parent].append(cid)

        def subtree(cid: int) -> list[int]:
            out = [cid]
            for child in children.get(cid, []):
                out.extend(subtree(child))
            return out

        order = sorted(self.code_paths, key=lambda c: self.code_paths[c].lower())
        codes = [(c, [c]) for c in order if c in used]
        clusters = [(c, subtree(c)) for c in order if c in children]
        clusters = [(c, ids) for c, ids in clusters if used.intersection(ids)]
        return codes, clusters

    def top_level_domains(self) -> dict[str, list[int]]:
        """Disjoint semantic domains for Cu alpha: the top-most codes in scope."""
        domains: dict[str, list[int]] = defaultdict(list)
        for cid in self.code_paths:
            top = cid
            while self.parents.get(top) is not None and self.parents[top] in self.code_paths:
                parent = self.parents[top]
                assert parent is not None
                top = parent
            domains[self.code_paths[top]].append(cid)
        return dict(domains)


_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs split on blank lines, whitespace trimmed at both ends."""
    spans, pos = [], 0
    for match in [*_BLANK_LINES.finditer(text), None]:
        end = match.start() if match else len(text)
        s, e = pos, end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        pos = match.end() if match else len(text)
    return spans


def fallback_units(text: str, kind: str, language: str) -> list[tuple[int, int]]:
    """Units for a document imported without them: the transcript segmenter if it can
    run here, else paragraphs (split on blank lines) and a simple sentence splitter."""
    paras = paragraphs(text)
    if kind != "sentence":
        return paras
    try:  # lazy: spaCy is slow to import
        from qualcode.core.segmentation import sentences

        return [(u.start, u.end) for u in sentences(text, language, paras)]
    except (ImportError, ValueError, OSError):
        out = []
        for s, e in paras:
            pos = s
            for match in _SENTENCE_END.finditer(text, s, e):
                out.append((pos, match.start()))
                pos = match.end()
            if e > pos:
                out.append((pos, e))
        return out


def _code_ids(
    session: Session, codes: Sequence[CodeRef] | None
) -> tuple[dict[int, str], dict[int, int | None]]:
    records = tree.ordered_records(tree.load_codes(session))
    parents = {r.id: r.parent_id for r in records}
    paths = {r.id: r.path_text for r in records}
    if codes is None:
        return paths, parents
    chosen: set[int] = set()
    for ref in codes:
        root = get_code(session, ref)
        chosen.update(tree.descendant_ids(session, root.id))
    return {c: p for c, p in paths.items() if c in chosen}, parents


def load_scope(
    project: Project,
    coders: Sequence[CoderRef],
    *,
    documents: Sequence[DocumentRef] | None = None,
    codes: Sequence[CodeRef] | None = None,
    unit: str = "sentence",
    viewer: CoderRef | None = None,
) -> Scope:
    if len(coders) < 2:
        raise DomainError("agreement needs at least two coders")
    if len(set(coders)) != len(coders):
        raise DomainError("a coder is named twice")
    if len(coders) > MAX_CODERS:
        raise DomainError(f"agreement takes at most {MAX_CODERS} coders at once")
    with project.reading() as session:
        coder_rows = [get_coder(session, ref) for ref in coders]
        coder_ids = [c.id for c in coder_rows]
        who = get_coder(session, viewer) if viewer is not None else None
        if documents is None:
            doc_rows = list(session.scalars(select(Document).order_by(Document.name)))
        else:
            doc_rows = [get_document(session, ref) for ref in documents]
        # The one blind rule (core.counting): a lead who codes a document blind is a coder
        # there and may not compare it before the reveal either.
        hidden = set(session.scalars(hidden_documents(who)))
        blind = [d.name for d in doc_rows if d.id in hidden]
        if blind:
            shown = ", ".join(blind[:5]) + (" ..." if len(blind) > 5 else "")
            raise DomainError(
                f"{len(blind)} document(s) are coded blind and not revealed ({shown}); "
                "only a lead who does not code them blind may compare codings there "
                "(name that lead as viewer, or reveal the documents first)"
            )
        paths, parents = _code_ids(session, codes)
        scope = Scope([c.name for c in coder_rows], paths, parents, [])
        doc_ids = [d.id for d in doc_rows]
        codings: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)
        coded_by: dict[int, set[int]] = defaultdict(set)
        index = {cid: i for i, cid in enumerate(coder_ids)}
        # Plain rows through the connection: the ORM's row processing cost more than the
        # query on a 100,000-coding study, and nothing here needs ORM objects.
        db = session.connection()
        rows = _plain_rows(
            db,
            select(Coding.document_id, Coding.coder_id, Coding.start, Coding.end, Coding.code_id)
            .where(Coding.coder_id.in_(coder_ids), Coding.document_id.in_(doc_ids))
            .order_by(Coding.document_id, Coding.start, Coding.end),
        )
        for doc_id, coder_id, start, end, code_id in rows:
            if code_id in paths:
                codings[doc_id].append((index[coder_id], start, end, code_id))
        # Who coded where (with any code): from the (document, coder) index, not per row.
        for doc_id, coder_id in db.execute(
            select(Coding.document_id, Coding.coder_id)
            .where(Coding.coder_id.in_(coder_ids), Coding.document_id.in_(doc_ids))
            .distinct()
        ):
            coded_by[doc_id].add(index[coder_id])
        assigned: dict[int, set[int]] = defaultdict(set)
        for doc_id, coder_id in db.execute(
            select(Assignment.document_id, Assignment.coder_id).where(
                Assignment.coder_id.in_(coder_ids), Assignment.document_id.in_(doc_ids)
            )
        ):
            assigned[doc_id].add(index[coder_id])
        units = _units(session, doc_ids, unit)
        turns: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
        for doc_id, start, end, speaker in db.execute(
            select(SpeakerTurn.document_id, SpeakerTurn.start, SpeakerTurn.end, SpeakerTurn.speaker)
            .where(SpeakerTurn.document_id.in_(doc_ids))
            .order_by(SpeakerTurn.document_id, SpeakerTurn.start)
        ):
            turns[doc_id].append((start, end, speaker))
        for d in doc_rows:
            here = coded_by[d.id] | assigned[d.id]
            present = tuple(i in here for i in range(len(coder_ids)))
            doc = DocData(d.id, d.name, d.text, present, codings=codings[d.id], turns=turns[d.id])
            if unit != "character":
                doc.units = units.get(d.id, [])
                if not doc.units:
                    doc.units = _turn_or_fallback(session, d, unit)
                    doc.segmented_on_the_fly = True
            scope.documents.append(doc)
    _add_notes(scope, unit == "character")
    return scope


def _units(session: Session, doc_ids: list[int], kind: str) -> dict[int, list[tuple[int, int]]]:
    out: dict[int, list[tuple[int, int]]] = defaultdict(list)
    if kind == "character":
        return out
    for doc_id, start, end in _plain_rows(
        session.connection(),
        select(TextUnit.document_id, TextUnit.start, TextUnit.end)
        .where(TextUnit.document_id.in_(doc_ids), TextUnit.kind == kind)
        .order_by(TextUnit.document_id, TextUnit.start, TextUnit.end),
    ):
        out[doc_id].append((start, end))
    return out


def _plain_rows(db: Connection, statement: Select[Any]) -> Iterable[Sequence[Any]]:
    """The rows of ``statement`` as plain tuples. On SQLite straight from the driver's
    cursor: SQLAlchemy's per-row fetch cost as much as the query itself on a
    100,000-coding study. The statement's values are ids and a unit kind from a fixed
    list, so rendering them into the SQL is safe."""
    if db.dialect.name != "sqlite":
        return db.execute(statement)
    sql = str(statement.compile(dialect=db.dialect, compile_kwargs={"literal_binds": True}))
    cursor = db.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql).fetchall()
    finally:
        cursor.close()


def _turn_or_fallback(session: Session, document: Document, kind: str) -> list[tuple[int, int]]:
    if kind == "turn":
        turns = list(
            session.execute(
                select(SpeakerTurn.start, SpeakerTurn.end)
                .where(SpeakerTurn.document_id == document.id)
                .order_by(SpeakerTurn.start)
            )
        )
        if turns:
            return [(s, e) for s, e in turns]
    return fallback_units(document.text, kind, document.language)


def _add_notes(scope: Scope, character: bool) -> None:
    idle = [d.name for d in scope.documents if sum(d.present) < 2]
    if idle and not character:
        scope.notes.append(
            f"{len(idle)} document(s) coded by fewer than two of the coders add nothing: "
            + ", ".join(idle)
        )
    for doc in scope.documents:
        absent = [c for c, here in zip(scope.coders, doc.present, strict=True) if not here]
        if absent and sum(doc.present) >= 2:
            scope.notes.append(
                f"{doc.name}: {', '.join(absent)} did not code this document "
                "(no codings, not assigned); "
                + ("it is left out of the continuum" if character else "their values are missing")
            )
    fly = [d.name for d in scope.documents if d.segmented_on_the_fly]
    if fly:
        scope.notes.append(f"no stored units, segmented on the fly: {', '.join(fly)}")
