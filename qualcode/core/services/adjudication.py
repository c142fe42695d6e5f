"""Adjudication: the lead settles disagreements into a consensus layer of codings.

The consensus layer is an ordinary coder with role ``consensus`` (named "consensus" by
default), so it can be compared, exported and reported like anyone's codings. Each
decision is one transaction that

1. removes consensus codings overlapping the stretch (a new decision on a stretch
   replaces the previous one there),
2. adds the chosen codings: copies of coder A's, B's or both coders' codings that
   overlap the stretch (whole codings, as the coder drew them; duplicates of the same
   code and span once), or a consensus coding the lead writes (span + code),
3. stores who decided what and when as a document memo titled ``Adjudication ...``
   (author = the lead, created_at = when) and in the memo field of each new coding.

Only a lead may adjudicate. Optionally a note is appended to each decided code's
definition through ``project.codebook.update(..., coder=lead)``, so it lands in the
codebook's change log (that is a second transaction, after the decision is stored).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change, codings_change
from qualcode.core.errors import DomainError
from qualcode.core.models import Code, Coder, Coding, Memo, utcnow
from qualcode.core.records import CodingRecord
from qualcode.core.services.codings import check_span, coding_record
from qualcode.core.services.lookup import (
    CodeRef,
    CoderRef,
    DocumentRef,
    get_code,
    get_coder,
    get_document,
)
from qualcode.core.services.versions import latest_version_id
from qualcode.core.team.rights import lead_only

if TYPE_CHECKING:
    from qualcode.core.project import Project

CONSENSUS = "consensus"
TITLE = "Adjudication"
CHOICES = ("accept", "both", "consensus")


@dataclass(frozen=True)
class Decision:
    memo_id: int
    document_id: int
    start: int
    end: int
    choice: str  # "accept" (one coder's version), "both" or "consensus" (written by lead)
    sources: tuple[str, ...]  # coders whose version was taken
    by: str
    at: datetime
    note: str
    added: tuple[CodingRecord, ...]
    removed: tuple[CodingRecord, ...]


class AdjudicationService:
    def __init__(self, project: Project) -> None:
        self._project = project

    # The consensus layer ------------------------------------------------------------
    def consensus_coder(self, name: str = CONSENSUS) -> int:
        """Id of the consensus coder ``name``, created with role consensus if missing."""
        with self._project.transaction() as session:
            coder = self._consensus(session, name)
            coder_id = coder.id
        return coder_id

    @staticmethod
    def _consensus(session: Session, name: str) -> Coder:
        coder = session.scalar(select(Coder).where(Coder.name == name))
        if coder is None:
            coder = Coder(name=name, role="consensus")
            session.add(coder)
            session.flush()
        elif coder.role != "consensus":
            raise DomainError(f"{name} is a {coder.role}, not a consensus layer")
        return coder

    # Decisions ------------------------------------------------------------------------
    @lead_only("adjudicate")
    def accept(
        self,
        document: DocumentRef,
        start: int,
        end: int,
        *,
        coders: Sequence[CoderRef],
        by: CoderRef,
        codes: Sequence[CodeRef] | None = None,
        note: str = "",
        consensus: str = CONSENSUS,
        annotate_codebook: bool = False,
    ) -> Decision:
        """Take the version of one coder (``coders=[A]``) or of several (``[A, B]``).

        ``codes`` limits what is taken (and replaced) to those codes; accepting a coder
        who coded nothing there leaves the stretch uncoded in the consensus layer.
        """
        if not coders:
            raise DomainError("name the coder(s) whose version is accepted")
        choice = "accept" if len(coders) == 1 else "both"
        return self._decide(
            document,
            start,
            end,
            by,
            note,
            consensus,
            choice,
            annotate_codebook,
            sources=coders,
            codes=codes,
            written=None,
        )

    @lead_only("adjudicate")
    def write(
        self,
        document: DocumentRef,
        start: int,
        end: int,
        code: CodeRef,
        *,
        by: CoderRef,
        note: str = "",
        consensus: str = CONSENSUS,
        replace: tuple[int, int] | None = None,
        annotate_codebook: bool = False,
    ) -> Decision:
        """The lead writes a consensus coding of ``code`` on ``start``-``end``.

        ``replace``: the disputed stretch whose consensus codings this one replaces
        (default: the new span itself).
        """
        lo, hi = replace or (start, end)
        return self._decide(
            document,
            lo,
            hi,
            by,
            note,
            consensus,
            "consensus",
            annotate_codebook,
            sources=(),
            codes=None,
            written=(start, end, code),
        )

    def _decide(
        self,
        document: DocumentRef,
        start: int,
        end: int,
        by: CoderRef,
        note: str,
        consensus: str,
        choice: str,
        annotate: bool,
        *,
        sources: Sequence[CoderRef],
        codes: Sequence[CodeRef] | None,
        written: tuple[int, int, CodeRef] | None,
    ) -> Decision:
        with self._project.transaction() as session:
            lead = get_coder(session, by)
            if lead.role != "lead":
                raise DomainError(f"only a lead can adjudicate; {lead.name} is a {lead.role}")
            doc = get_document(session, document)
            check_span(doc, start, end)
            new_layer = session.scalar(select(Coder.id).where(Coder.name == consensus)) is None
            layer = self._consensus(session, consensus)
            layer_id = layer.id
            source_rows = [get_coder(session, ref) for ref in sources]
            if any(c.id == layer.id for c in source_rows):
                raise DomainError("the consensus layer cannot accept its own version")
            code_ids = {get_code(session, c).id for c in codes} if codes is not None else None
            overlapping = select(Coding).where(
                Coding.document_id == doc.id, Coding.start < end, Coding.end > start
            )
            old = [
                c
                for c in session.scalars(overlapping.where(Coding.coder_id == layer.id))
                if code_ids is None or c.code_id in code_ids
            ]
            removed = tuple(coding_record(c) for c in old)
            for c in old:
                session.delete(c)
            stamp = utcnow()
            names = tuple(c.name for c in source_rows)
            memo_text = _memo_line(choice, names, lead.name, stamp, note)
            spans: dict[tuple[int, int, int], None] = {}
            if written is not None:
                w_start, w_end, w_code = written
                check_span(doc, w_start, w_end)
                spans[(w_start, w_end, get_code(session, w_code).id)] = None
            for source in source_rows:
                for c in session.scalars(
                    overlapping.where(Coding.coder_id == source.id).order_by(Coding.start)
                ):
                    if code_ids is None or c.code_id in code_ids:
                        spans[(c.start, c.end, c.code_id)] = None
            version = latest_version_id(session)
            rows = [
                Coding(
                    document_id=doc.id,
                    coder_id=layer.id,
                    code_id=code_id,
                    start=s,
                    end=e,
                    memo=memo_text,
                    codebook_version_id=version,
                )
                for s, e, code_id in spans
            ]
            session.add_all(rows)
            memo = Memo(
                target="document",
                document_id=doc.id,
                author_id=lead.id,
                title=f"{TITLE} {start}-{end}",
                body=_memo_body(choice, names, start, end, rows, session, note),
                created_at=stamp,
                modified_at=stamp,
            )
            session.add(memo)
            session.flush()
            decided_codes = sorted({r.code_id for r in rows} | {c.code_id for c in old})
            decision = Decision(
                memo.id,
                doc.id,
                start,
                end,
                choice,
                names,
                lead.name,
                stamp,
                note,
                tuple(coding_record(r) for r in rows),
                removed,
            )
        if new_layer:  # windows list coders: the consensus layer must show by name at once
            self._project.notify(Change("coders", (layer_id,)))
        self._project.notify(
            codings_change(
                added=decision.added, removed=decision.removed, document_id=decision.document_id
            )
        )
        self._project.notify(Change("memos", (decision.memo_id,), decision.document_id))
        if annotate and note.strip():
            for code_id in decided_codes:
                self._annotate(code_id, decision)
        return decision

    def _annotate(self, code_id: int, decision: Decision) -> None:
        current = self._project.codebook.get(code_id).definition.rstrip()
        line = f"[{decision.at:%Y-%m-%d}] adjudication by {decision.by}: {decision.note.strip()}"
        text = f"{current}\n\n{line}" if current else line
        self._project.codebook.update(code_id, definition=text, coder=decision.by)

    # Reading --------------------------------------------------------------------------
    def decisions(self, document: DocumentRef | None = None) -> list[tuple[int, str, str]]:
        """(document id, memo title, memo body) of every decision, oldest first."""
        with self._project.reading() as session:
            query = select(Memo).where(Memo.target == "document", Memo.title.like(f"{TITLE} %"))
            if document is not None:
                query = query.where(Memo.document_id == get_document(session, document).id)
            return [
                (m.document_id or 0, m.title, m.body)
                for m in session.scalars(query.order_by(Memo.created_at, Memo.id))
            ]

    def settled(self) -> dict[tuple[int, int, int], str]:
        """(document id, start, end) of each decided stretch -> what was decided (last one)."""
        out: dict[tuple[int, int, int], str] = {}
        for document_id, title, body in self.decisions():
            span = title[len(TITLE) :].strip().split("-")
            if len(span) == 2 and all(part.isdigit() for part in span):
                first = body.strip().splitlines()[0] if body.strip() else ""
                out[(document_id, int(span[0]), int(span[1]))] = first
        return out

    def layer(
        self, document: DocumentRef | None = None, consensus: str = CONSENSUS
    ) -> list[CodingRecord]:
        """The consensus codings (the adjudicated layer); empty before any decision."""
        with self._project.reading() as session:
            if session.scalar(select(Coder.id).where(Coder.name == consensus)) is None:
                return []
        return self._project.codings.list(document=document, coder=consensus)


def _memo_line(choice: str, names: tuple[str, ...], lead: str, at: datetime, note: str) -> str:
    what = {
        "accept": f"accepted {', '.join(names)}",
        "both": f"accepted both ({', '.join(names)})",
        "consensus": "consensus coding written",
    }[choice]
    tail = f": {note.strip()}" if note.strip() else ""
    return f"adjudication: {what}; by {lead} at {at:%Y-%m-%d %H:%M}{tail}"


def _memo_body(
    choice: str,
    names: tuple[str, ...],
    start: int,
    end: int,
    rows: list[Coding],
    session: Session,
    note: str,
) -> str:
    paths = []
    for r in rows:
        code = session.get(Code, r.code_id)
        paths.append(f"{code.name if code else r.code_id} ({r.start}-{r.end})")
    return "\n".join(
        [
            f"choice: {choice}",
            f"sources: {', '.join(names) or '-'}",
            f"stretch: {start}-{end}",
            f"codes: {'; '.join(paths) or '(none: left uncoded)'}",
            f"note: {note.strip()}",
        ]
    )
