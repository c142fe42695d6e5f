"""Finding coded quotes: codings with their text, source and surroundings.

One query fetches the matching codings (joined with their document and coder names);
each document's text, speaker turns and attributes are then read once, and every quote is
sliced from the text in Python. That keeps a search over 100,000 codings in one round trip
per table instead of one per coding.

Paragraph numbers: a paragraph is a non-blank line of the stored text. The importers store
Word paragraphs separated by a blank line and plain-text transcripts one turn per line, so
counting non-blank lines gives the paragraph a reader sees in the original in both cases.
A quote's paragraph is the 1-based number of the paragraph its first character lies in
(the report's source references use the same number).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from sqlalchemy import Select, select, update
from sqlalchemy.orm import Session

from qualcode.core.changes import codings_change
from qualcode.core.codebook_spec import split_path
from qualcode.core.combined import Combination, related
from qualcode.core.counting import visible_clause
from qualcode.core.errors import DomainError, NotFound
from qualcode.core.models import Code, Coder, Coding, Document, DocumentAttribute, SpeakerTurn
from qualcode.core.records import CodingRecord
from qualcode.core.services.codings import coding_record
from qualcode.core.services.lookup import CodeRef, get_code, is_guid

if TYPE_CHECKING:
    from qualcode.core.project import Project

CONTEXT_CHARS = 200
_BLANK_LINE = re.compile(r"[^\S\n]*\n")


@dataclass(frozen=True)
class QuoteFilter:
    """Which codings to retrieve; every field left at its default means "any".

    ``codes`` are references (path, guid or id); with ``subcodes`` each also stands for
    everything below it. ``cluster`` adds one code with everything below it. ``where``
    holds document attribute equality tests (``{"intervention": "Peercoaching"}``).
    ``search`` is a case-insensitive substring of the coded text.
    """

    codes: tuple[CodeRef, ...] = ()
    subcodes: bool = False
    cluster: CodeRef | None = None
    coders: tuple[str, ...] = ()
    where: Mapping[str, str] = field(default_factory=dict)
    speaker: str | None = None
    codebook_version_id: int | None = None
    search: str | None = None
    illustrative_only: bool = False
    # Who is looking: on blind, unrevealed documents a coder sees only their own codings.
    viewer: str | None = None
    # Which codings count as evidence (``qualcode.core.evidence.Sources``: one layer per
    # document); None: every coding counts.
    evidence: Callable[[CodingRow], bool] | None = None
    # Only codings within / overlapping / near codings of another code (``combined``).
    combine: Combination | None = None


_Query = TypeVar("_Query", bound=Select)  # type: ignore[type-arg]


@dataclass(frozen=True)
class Quote:
    coding_id: int
    document_id: int
    document: str
    code_id: int
    code_path: tuple[str, ...]
    coder: str
    start: int
    end: int
    text: str
    speaker: str | None
    paragraph: int
    context_before: str
    context_after: str
    illustrative: bool
    rank: int | None
    memo: str = ""
    attributes: Mapping[str, str] = field(default_factory=dict)

    @property
    def code_text(self) -> str:
        return " / ".join(self.code_path)


class CodingRow(NamedTuple):
    """A coding without its text: what counting (matrices, co-occurrence) needs.

    A named tuple, not a dataclass: counting builds one per coding, 100,000 at a time.
    """

    id: int
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    illustrative: bool
    rank: int | None
    memo: str


@dataclass(frozen=True)
class CodeTree:
    """The codebook as parent/children maps with full paths, read in one query."""

    paths: dict[int, tuple[str, ...]]
    parent: dict[int, int | None]
    children: dict[int | None, list[int]]
    cmo: dict[int, str | None]

    def descendants(self, code_id: int) -> list[int]:
        """The code's id followed by every id below it, depth first in tree order."""
        found: list[int] = []
        stack = [code_id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return found

    def ordered(self) -> list[int]:
        """All ids depth first, siblings in position order (the tree view's order)."""
        result: list[int] = []
        for root in self.children.get(None, []):
            result.extend(self.descendants(root))
        return result

    def find(self, session: Session, ref: CodeRef) -> int:
        """A code's id; paths resolve in the loaded tree, guids and ids via the database."""
        if isinstance(ref, str) and not is_guid(ref):
            wanted = split_path(ref)
            for code_id, path in self.paths.items():
                if path == wanted:
                    return code_id
        return get_code(session, ref).id

    def root_of(self, code_id: int) -> int:
        while (up := self.parent.get(code_id)) is not None:
            code_id = up
        return code_id


def load_tree(session: Session) -> CodeTree:
    rows = session.execute(
        select(Code.id, Code.parent_id, Code.name, Code.position, Code.cmo)
    ).all()
    children: dict[int | None, list[tuple[int, str, int]]] = defaultdict(list)
    names: dict[int, str] = {}
    parent: dict[int, int | None] = {}
    cmo: dict[int, str | None] = {}
    for code_id, parent_id, name, position, tag in rows:
        children[parent_id].append((position, name.lower(), code_id))
        names[code_id], parent[code_id], cmo[code_id] = name, parent_id, tag
    ordered = {key: [c for _, _, c in sorted(kids)] for key, kids in children.items()}
    paths: dict[int, tuple[str, ...]] = {}
    stack: list[tuple[int, tuple[str, ...]]] = [(c, ()) for c in ordered.get(None, [])]
    while stack:
        code_id, prefix = stack.pop()
        paths[code_id] = (*prefix, names[code_id])
        stack.extend((c, paths[code_id]) for c in ordered.get(code_id, []))
    return CodeTree(paths=paths, parent=parent, children=ordered, cmo=cmo)


def resolve_codes(session: Session, tree: CodeTree, flt: QuoteFilter) -> set[int] | None:
    """The code ids a filter asks for, or None when it does not restrict codes."""
    if not flt.codes and flt.cluster is None:
        return None
    ids: set[int] = set()
    for ref in flt.codes:
        code_id = tree.find(session, ref)
        ids.update(tree.descendants(code_id) if flt.subcodes else [code_id])
    if flt.cluster is not None:
        ids.update(tree.descendants(tree.find(session, flt.cluster)))
    return ids


def coding_rows(session: Session, tree: CodeTree, flt: QuoteFilter) -> list[CodingRow]:
    """Codings matching the database-side part of the filter, in document order.

    Speaker and text-search tests need the texts; :func:`quotes_from_rows` applies them.
    """
    query = select(
        Coding.id,
        Coding.document_id,
        Coding.code_id,
        Coding.coder_id,
        Coding.start,
        Coding.end,
        Coding.illustrative,
        Coding.quote_rank,
        Coding.memo,
    ).order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
    code_ids = resolve_codes(session, tree, flt)
    if code_ids is not None:
        query = query.where(Coding.code_id.in_(sorted(code_ids)))
    if flt.coders:
        query = query.where(Coding.coder_id.in_(coder_ids(session, flt.coders)))
    for key, value in flt.where.items():
        query = query.where(
            Coding.document_id.in_(
                select(DocumentAttribute.document_id).where(
                    DocumentAttribute.key == key, DocumentAttribute.value == value
                )
            )
        )
    if flt.codebook_version_id is not None:
        query = query.where(Coding.codebook_version_id == flt.codebook_version_id)
    if flt.illustrative_only:
        query = query.where(Coding.illustrative.is_(True))
    if flt.viewer is not None:
        query = _visible_to(session, query, flt.viewer)
    # Core execution on the session's connection: plain rows, no ORM row processing,
    # which halves the time for 100,000 codings.
    rows = [CodingRow._make(row) for row in session.connection().execute(query)]
    if flt.evidence is not None:
        rows = [r for r in rows if flt.evidence(r)]
    if flt.combine is not None:
        rows = _combined(session, tree, flt, rows)
    return rows


def _combined(
    session: Session, tree: CodeTree, flt: QuoteFilter, rows: list[CodingRow]
) -> list[CodingRow]:
    """Keep A's rows related to B's codings, B read with the same coders and viewer."""
    combination = flt.combine
    assert combination is not None
    combination.check()
    root = tree.find(session, combination.code)
    b_ids = tree.descendants(root) if combination.subcodes else [root]
    query = select(Coding.id, Coding.document_id, Coding.start, Coding.end).where(
        Coding.code_id.in_(sorted(b_ids)),
        Coding.document_id.in_(sorted({r.document_id for r in rows}) or [-1]),
    )
    if flt.coders:
        query = query.where(Coding.coder_id.in_(coder_ids(session, flt.coders)))
    if flt.viewer is not None:
        query = _visible_to(session, query, flt.viewer)
    others = [tuple(r) for r in session.connection().execute(query)]
    return related(rows, others, combination)  # type: ignore[arg-type]


def _visible_to(session: Session, query: _Query, viewer: str) -> _Query:
    coder = session.scalar(select(Coder).where(Coder.name == viewer))
    if coder is None:
        raise DomainError(f"unknown coder: {viewer}")
    clause = visible_clause(coder)  # the one blind rule, shared with the counts
    return query if clause is None else query.where(clause)


def coder_ids(session: Session, names: Iterable[str]) -> list[int]:
    """Ids of the named coders; ``consensus`` also means the coder(s) with that role."""
    rows = session.execute(select(Coder.id, Coder.name, Coder.role)).all()
    by_name = {name: coder_id for coder_id, name, _ in rows}
    ids: list[int] = []
    for name in names:
        layer = [cid for cid, _, role in rows if role == "consensus"]
        if name in by_name:
            ids.append(by_name[name])
        elif name.casefold() == "consensus" and layer:
            ids.extend(layer)
        else:
            known = ", ".join(sorted(by_name)) or "none yet"
            raise NotFound(f"unknown coder: {name} (known: {known})")
    return ids


@dataclass
class DocumentFacts:
    """What quotes need from one document, read once per document."""

    name: str
    text: str
    attributes: dict[str, str]
    turn_starts: list[int]
    turns: list[tuple[str, int, int]]
    _paragraph_starts: list[int] | None = None

    def turn_index_at(self, offset: int) -> int | None:
        """Index of the speaker turn holding ``offset``; None between or before turns."""
        index = bisect.bisect_right(self.turn_starts, offset) - 1
        if index < 0 or offset >= self.turns[index][2]:
            return None
        return index

    def speaker_at(self, offset: int) -> str | None:
        index = self.turn_index_at(offset)
        return None if index is None else self.turns[index][0]

    def paragraph_at(self, offset: int) -> int:
        if self._paragraph_starts is None:
            self._paragraph_starts = paragraph_starts(self.text)
        return max(1, bisect.bisect_right(self._paragraph_starts, offset))


def paragraph_starts(text: str) -> list[int]:
    """Offsets where each non-blank line begins (see the module docstring)."""
    starts: list[int] = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            starts.append(position)
        position += len(line) + 1
    return starts


def load_documents(
    session: Session, doc_ids: Iterable[int], *, text: bool = True, turns: bool = True
) -> dict[int, DocumentFacts]:
    """Names, attributes and (when asked) texts and speaker turns of the given documents.

    Counting needs neither texts nor turns, and texts are most of a project's bytes.
    """
    ids = sorted(set(doc_ids))
    if not ids:
        return {}
    text_column = Document.text if text else Document.name
    facts = {
        doc_id: DocumentFacts(name, body if text else "", {}, [], [])
        for doc_id, name, body in session.execute(
            select(Document.id, Document.name, text_column).where(Document.id.in_(ids))
        )
    }
    for doc_id, key, value in session.execute(
        select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value).where(
            DocumentAttribute.document_id.in_(ids)
        )
    ):
        facts[doc_id].attributes[key] = value
    if not turns:
        return facts
    for doc_id, speaker, start, end in session.execute(
        select(SpeakerTurn.document_id, SpeakerTurn.speaker, SpeakerTurn.start, SpeakerTurn.end)
        .where(SpeakerTurn.document_id.in_(ids))
        .order_by(SpeakerTurn.document_id, SpeakerTurn.start)
    ):
        facts[doc_id].turn_starts.append(start)
        facts[doc_id].turns.append((speaker, start, end))
    return facts


def context_before(text: str, start: int, size: int = CONTEXT_CHARS) -> str:
    """Up to ``size`` characters before ``start``, not beginning inside a word."""
    begin = max(0, start - size)
    piece = text[begin:start]
    if begin > 0 and not text[begin - 1].isspace():
        cut = re.search(r"\s", piece)
        piece = piece[cut.end() :] if cut else ""
    return piece


def context_after(text: str, end: int, size: int = CONTEXT_CHARS) -> str:
    """Up to ``size`` characters after ``end``, not ending inside a word."""
    stop = min(len(text), end + size)
    piece = text[end:stop]
    if stop < len(text) and not text[stop].isspace():
        cut = max(piece.rfind(" "), piece.rfind("\n"))
        piece = piece[:cut] if cut >= 0 else ""
    return piece


def viewed(project: Project, flt: QuoteFilter | None) -> QuoteFilter:
    """``flt`` (or no filter) as the session's coder sees it, unless it names a viewer."""
    flt = flt or QuoteFilter()
    viewer = project.viewer_name(flt.viewer)
    return flt if viewer == flt.viewer else replace(flt, viewer=viewer)


def find_quotes(project: Project, flt: QuoteFilter | None = None) -> list[Quote]:
    """Quotes matching ``flt``, in document order (document id, start, end, coding id)."""
    flt = viewed(project, flt)
    with project.reading() as session:
        tree = load_tree(session)
        rows = coding_rows(session, tree, flt)
        coders = {cid: name for cid, name in session.execute(select(Coder.id, Coder.name))}
        documents = load_documents(session, (r.document_id for r in rows))
    return quotes_from_rows(rows, tree, coders, documents, flt)


def quotes_from_rows(
    rows: Sequence[CodingRow],
    tree: CodeTree,
    coders: Mapping[int, str],
    documents: Mapping[int, DocumentFacts],
    flt: QuoteFilter,
) -> list[Quote]:
    needle = flt.search.casefold() if flt.search else None
    quotes: list[Quote] = []
    for row in rows:
        facts = documents[row.document_id]
        text = facts.text[row.start : row.end]
        if needle is not None and needle not in text.casefold():
            continue
        speaker = facts.speaker_at(row.start)
        if flt.speaker is not None and speaker != flt.speaker:
            continue
        quotes.append(
            Quote(
                coding_id=row.id,
                document_id=row.document_id,
                document=facts.name,
                code_id=row.code_id,
                code_path=tree.paths.get(row.code_id, ("?",)),
                coder=coders.get(row.coder_id, "?"),
                start=row.start,
                end=row.end,
                text=text,
                speaker=speaker,
                paragraph=facts.paragraph_at(row.start),
                context_before=context_before(facts.text, row.start),
                context_after=context_after(facts.text, row.end),
                illustrative=row.illustrative,
                rank=row.rank,
                memo=row.memo,
                attributes=facts.attributes,
            )
        )
    return quotes


class QuoteService:
    """Marking quotes as illustrative and putting the starred quotes of a code in order."""

    def __init__(self, project: Project) -> None:
        self._project = project

    def star(self, coding_id: int, *, rank: int | None = None) -> None:
        self._set([coding_id], illustrative=True, ranks={coding_id: rank})

    def unstar(self, coding_id: int) -> None:
        self._set([coding_id], illustrative=False, ranks={coding_id: None})

    def order(self, coding_ids: Sequence[int]) -> None:
        """Star these codings and rank them 1, 2, 3... in the order given.

        Other starred quotes of the same codes stay starred but lose their rank, so two
        quotes never share a place; unranked stars follow the ranked ones in the report.
        """
        if len(set(coding_ids)) != len(coding_ids):
            raise DomainError("a quote can only have one place in the order")
        self._set(
            coding_ids,
            illustrative=True,
            ranks={cid: n for n, cid in enumerate(coding_ids, start=1)},
            clear_other_ranks=True,
        )

    def _set(
        self,
        coding_ids: Sequence[int],
        *,
        illustrative: bool,
        ranks: Mapping[int, int | None],
        clear_other_ranks: bool = False,
    ) -> None:
        with self._project.transaction() as session:
            edited: list[tuple[CodingRecord, CodingRecord]] = []
            codes: set[int] = set()
            for cid in coding_ids:
                coding = session.get(Coding, cid)
                if coding is None:
                    raise NotFound(f"unknown coding: {cid}")
                before = coding_record(coding)
                coding.illustrative = illustrative
                coding.quote_rank = ranks.get(cid)
                edited.append((before, coding_record(coding)))
                codes.add(coding.code_id)
            if clear_other_ranks:
                session.execute(
                    update(Coding)
                    .where(Coding.code_id.in_(sorted(codes)), Coding.id.not_in(list(coding_ids)))
                    .values(quote_rank=None)
                )
        for doc_id in sorted({after.document_id for _, after in edited}):
            mine = [e for e in edited if e[1].document_id == doc_id]
            self._project.notify(codings_change(edited=mine, document_id=doc_id))
