"""Cross-case analysis: code x attribute matrices, code co-occurrence and CMO configurations.

Counting conventions (the report and the exports show the same numbers):

* A matrix row counts the code *with everything below it* (a cluster's row is the sum of its
  parts, the way a reader of a code tree expects). ``codings`` counts coding rows, so two
  coders on the same span count twice unless the filter names one coder; ``documents``
  counts distinct documents; ``speakers`` counts distinct (document, speaker) pairs.
* Co-occurrence follows ATLAS.ti: ``n1``/``n2`` are how often each code occurs, ``n12`` how
  often they occur together, and the c-coefficient is ``n12 / (n1 + n2 - n12)`` (0 = never
  together, 1 = always together; a Jaccard index). In ``overlap`` mode the occurrences are
  codings and ``n12`` counts overlapping pairs of codings made by the same coder; because one
  long coding can overlap several short ones, ``n12`` may exceed ``min(n1, n2)``, so the
  coefficient uses ``min(n12, n1, n2)`` to stay within 0..1 (ATLAS.ti flags such cases
  instead). In ``unit`` mode the occurrences are units (paragraphs, speaker turns, sentences
  or whole documents) that hold at least one coding of the code, and the coefficient is an
  exact Jaccard index of the two sets of units.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from sqlalchemy import select

from qualcode.core.errors import DomainError
from qualcode.core.models import Coder, DocumentAttribute, TextUnit
from qualcode.core.retrieval import (
    CodeTree,
    CodingRow,
    DocumentFacts,
    Quote,
    QuoteFilter,
    coding_rows,
    load_documents,
    load_tree,
    paragraph_starts,
    quotes_from_rows,
    resolve_codes,
    viewed,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from qualcode.core.project import Project

CountKind = Literal["codings", "documents", "speakers"]
COUNT_KINDS: tuple[CountKind, ...] = ("codings", "documents", "speakers")
UNIT_KINDS = ("document", "paragraph", "turn", "sentence")
NO_VALUE = ""


@dataclass(frozen=True)
class MatrixRow:
    code_id: int
    path: tuple[str, ...]
    cells: tuple[int, ...]
    total: int

    @property
    def depth(self) -> int:
        return len(self.path) - 1


@dataclass(frozen=True)
class Matrix:
    by: str
    count: str
    columns: tuple[str, ...]
    rows: tuple[MatrixRow, ...]

    def cell(self, path: Sequence[str], column: str) -> int:
        for row in self.rows:
            if row.path == tuple(path):
                return row.cells[self.columns.index(column)]
        raise KeyError(" / ".join(path))


def _select(
    session: Session, tree: CodeTree, flt: QuoteFilter, *, turns: bool = False
) -> tuple[list[CodingRow], dict[int, DocumentFacts]]:
    """Coding rows after every filter, with the document facts counting needs."""
    rows = coding_rows(session, tree, flt)
    need_text = flt.search is not None
    need_turns = turns or flt.speaker is not None
    documents = load_documents(
        session, (r.document_id for r in rows), text=need_text, turns=need_turns
    )
    if need_text or flt.speaker is not None:
        kept = {q.coding_id for q in quotes_from_rows(rows, tree, {}, documents, flt)}
        rows = [r for r in rows if r.id in kept]
    return rows, documents


def _row_codes(tree: CodeTree, wanted: set[int] | None, rows: str) -> list[int]:
    if rows == "clusters":
        roots = tree.children.get(None, [])
        clusters = [r for r in roots if tree.children.get(r)] or roots
        return [c for c in clusters if wanted is None or c in wanted]
    if rows != "codes":
        raise DomainError(f"matrix rows are 'codes' or 'clusters', not {rows!r}")
    return [c for c in tree.ordered() if wanted is None or c in wanted]


def code_matrix(
    project: Project,
    *,
    by: str = "intervention",
    count: str = "codings",
    rows: str = "codes",
    flt: QuoteFilter | None = None,
) -> Matrix:
    """Codes (or clusters) against the values of document attribute ``by``."""
    if count not in COUNT_KINDS:
        raise DomainError(f"count must be one of {', '.join(COUNT_KINDS)}, not {count!r}")
    flt = viewed(project, flt)
    with project.reading() as session:
        tree = load_tree(session)
        selected, documents = _select(session, tree, flt, turns=count == "speakers")
        values = set(
            session.scalars(
                select(DocumentAttribute.value).where(DocumentAttribute.key == by).distinct()
            )
        )
        if not values:
            known = sorted(set(session.scalars(select(DocumentAttribute.key).distinct())))
            if known:  # a mistyped attribute would otherwise give one "(none)" column
                raise DomainError(f"no document has attribute {by!r}; known: {', '.join(known)}")
        row_ids = _row_codes(tree, resolve_codes(session, tree, flt), rows)
    columns = sorted(values, key=str.lower)
    if any(by not in documents[r.document_id].attributes for r in selected):
        columns.append(NO_VALUE)
    index = {value: n for n, value in enumerate(columns)}
    # Items (codings, documents or speakers) per code as coded and column; each row then
    # unions the sets of its whole subtree, so a cluster counts a document only once.
    leaf_items: dict[tuple[int, int], set[object]] = defaultdict(set)
    for row in selected:
        facts = documents[row.document_id]
        column = index[facts.attributes.get(by, NO_VALUE)]
        item: object = row.id
        if count == "documents":
            item = row.document_id
        elif count == "speakers":
            item = (row.document_id, facts.speaker_at(row.start))
        leaf_items[(row.code_id, column)].add(item)
    matrix_rows = []
    for code_id in row_ids:
        subtree = tree.descendants(code_id)
        cells = tuple(
            len(set().union(*(leaf_items.get((c, n), ()) for c in subtree)))
            for n in range(len(columns))
        )
        matrix_rows.append(MatrixRow(code_id, tree.paths[code_id], cells, sum(cells)))
    return Matrix(by=by, count=count, columns=tuple(columns), rows=tuple(matrix_rows))


# Co-occurrence -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CooccurrencePair:
    code_a: int
    code_b: int
    n_a: int
    n_b: int
    n_ab: int

    @property
    def coefficient(self) -> float:
        return c_coefficient(self.n_a, self.n_b, self.n_ab)


@dataclass(frozen=True)
class Cooccurrence:
    mode: str
    unit: str | None
    paths: Mapping[int, tuple[str, ...]]
    occurrences: Mapping[int, int]
    pairs: tuple[CooccurrencePair, ...] = field(default=())

    def pair(self, a: int, b: int) -> CooccurrencePair | None:
        key = (min(a, b), max(a, b))
        return next((p for p in self.pairs if (p.code_a, p.code_b) == key), None)


def c_coefficient(n_a: int, n_b: int, n_ab: int) -> float:
    """ATLAS.ti's c-coefficient n12 / (n1 + n2 - n12), with n12 capped at min(n1, n2)."""
    together = min(n_ab, n_a, n_b)
    union = n_a + n_b - together
    return together / union if union else 0.0


Span = tuple[object, int, int, int]  # (group key, code id, start, end)


def overlap_counts(spans: Iterable[Span]) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """Occurrences per code and overlapping pairs per code pair, within each group key.

    Spans are half-open; touching spans (one ends where the next starts) do not overlap.
    """
    occurrences: dict[int, int] = defaultdict(int)
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    groups: dict[object, list[tuple[int, int, int]]] = defaultdict(list)
    for key, code, start, end in spans:
        occurrences[code] += 1
        groups[key].append((start, end, code))
    for group in groups.values():
        group.sort()
        active: list[tuple[int, int]] = []  # (end, code) of spans still open
        for start, end, code in group:
            active = [(e, c) for e, c in active if e > start]
            for _, other in active:
                if other != code:
                    pairs[(min(code, other), max(code, other))] += 1
            active.append((end, code))
    return dict(occurrences), dict(pairs)


def unit_counts(
    memberships: Iterable[tuple[object, int]],
) -> tuple[dict[int, int], dict[tuple[int, int], int]]:
    """Units per code and units shared per code pair, from (unit, code) memberships."""
    codes_in: dict[object, set[int]] = defaultdict(set)
    for unit, code in memberships:
        codes_in[unit].add(code)
    occurrences: dict[int, int] = defaultdict(int)
    pairs: dict[tuple[int, int], int] = defaultdict(int)
    for codes in codes_in.values():
        for code in codes:
            occurrences[code] += 1
        for a, b in itertools.combinations(sorted(codes), 2):
            pairs[(a, b)] += 1
    return dict(occurrences), dict(pairs)


def _unit_bounds(
    session: Session, unit: str, documents: Mapping[int, DocumentFacts]
) -> dict[int, list[int]]:
    """Sorted start offsets of every unit per document (a coding belongs to all it touches)."""
    if unit == "document":
        return {doc_id: [0] for doc_id in documents}
    if unit == "paragraph":
        return {doc_id: paragraph_starts(f.text) or [0] for doc_id, f in documents.items()}
    if unit == "turn":
        return {doc_id: f.turn_starts or [0] for doc_id, f in documents.items()}
    starts: dict[int, list[int]] = {doc_id: [] for doc_id in documents}
    for doc_id, start in session.execute(
        select(TextUnit.document_id, TextUnit.start)
        .where(TextUnit.kind == unit, TextUnit.document_id.in_(sorted(documents)))
        .order_by(TextUnit.document_id, TextUnit.start)
    ):
        starts[doc_id].append(start)
    return {doc_id: s or [0] for doc_id, s in starts.items()}


def cooccurrence(
    project: Project,
    flt: QuoteFilter | None = None,
    *,
    mode: str = "overlap",
    unit: str = "paragraph",
    level: str = "codes",
    same_coder: bool = True,
) -> Cooccurrence:
    """How often codes occur together; see the module docstring for the definitions."""
    import bisect

    if mode not in ("overlap", "unit"):
        raise DomainError(f"co-occurrence mode is 'overlap' or 'unit', not {mode!r}")
    if mode == "unit" and unit not in UNIT_KINDS:
        raise DomainError(f"unit must be one of {', '.join(UNIT_KINDS)}, not {unit!r}")
    flt = viewed(project, flt)
    with project.reading() as session:
        tree = load_tree(session)
        rows, documents = _select(session, tree, flt, turns=mode == "unit" and unit == "turn")
        if mode == "unit" and unit == "paragraph":
            documents = load_documents(session, documents, turns=False)  # needs the texts
        bounds = _unit_bounds(session, unit, documents) if mode == "unit" else {}

    def code_of(code_id: int) -> int:
        return tree.root_of(code_id) if level == "clusters" else code_id

    def group(row: CodingRow) -> object:
        return (row.document_id, row.coder_id) if same_coder else row.document_id

    if mode == "overlap":
        occurrences, pairs = overlap_counts(
            (group(r), code_of(r.code_id), r.start, r.end) for r in rows
        )
    else:
        members: list[tuple[object, int]] = []
        for r in rows:
            starts = bounds[r.document_id]
            first = max(0, bisect.bisect_right(starts, r.start) - 1)
            last = max(0, bisect.bisect_left(starts, r.end) - 1)
            members.extend(((group(r), n), code_of(r.code_id)) for n in range(first, last + 1))
        occurrences, pairs = unit_counts(members)
    result_pairs = tuple(
        CooccurrencePair(a, b, occurrences[a], occurrences[b], n)
        for (a, b), n in sorted(pairs.items())
    )
    return Cooccurrence(
        mode=mode,
        unit=unit if mode == "unit" else None,
        paths={c: tree.paths[c] for c in occurrences},
        occurrences=occurrences,
        pairs=result_pairs,
    )


# Context - Mechanism - Outcome -------------------------------------------------------------


@dataclass(frozen=True)
class CmoConfiguration:
    """One C-M-O combination found together in ``units`` units of one slice of the data."""

    group: str
    context: tuple[str, ...]
    mechanism: tuple[str, ...]
    outcome: tuple[str, ...]
    units: int
    documents: tuple[str, ...]
    examples: tuple[Quote, ...]


def cmo_tags(tree: CodeTree) -> dict[int, str]:
    """Each code's CMO tag: its own, else the nearest tagged ancestor's (tags flow down)."""
    tags: dict[int, str] = {}
    for code_id in tree.ordered():
        own = tree.cmo.get(code_id)
        parent = tree.parent.get(code_id)
        inherited = tags.get(parent) if parent is not None else None
        tag = own or inherited
        if tag:
            tags[code_id] = tag
    return tags


def tagged_ancestors(tree: CodeTree) -> dict[int, int]:
    """Each code's nearest code that carries a CMO tag itself (the code, or an ancestor)."""
    owner: dict[int, int] = {}
    for code_id in tree.ordered():
        parent = tree.parent.get(code_id)
        if tree.cmo.get(code_id):
            owner[code_id] = code_id
        elif parent is not None and parent in owner:
            owner[code_id] = owner[parent]
    return owner


def cmo_configurations(
    project: Project,
    *,
    by: str = "intervention",
    within: str = "document",
    flt: QuoteFilter | None = None,
    level: str = "code",
) -> list[CmoConfiguration]:
    """Per value of ``by``: the context, mechanism and outcome codes met in one document
    (or one speaker turn), with the first such unit's quotes as examples.

    ``level="tagged"`` counts at the level of the codes that carry the tags (sub-codes
    roll up into them), which keeps the list short enough to read in a report;
    ``level="code"`` keeps every sub-code apart.
    """
    if within not in ("document", "turn"):
        raise DomainError(f"CMO units are 'document' or 'turn', not {within!r}")
    if level not in ("code", "tagged"):
        raise DomainError(f"CMO level is 'code' or 'tagged', not {level!r}")
    flt = viewed(project, flt)
    with project.reading() as session:
        tree = load_tree(session)
        tags = cmo_tags(tree)
        owners = tagged_ancestors(tree)
        rows, _ = _select(session, tree, flt)
        rows = [r for r in rows if r.code_id in tags]
        coders = {cid: name for cid, name in session.execute(select(Coder.id, Coder.name))}
        documents = load_documents(session, (r.document_id for r in rows))
    quotes = quotes_from_rows(rows, tree, coders, documents, QuoteFilter())
    units: dict[tuple[int, int], dict[str, dict[int, Quote]]] = {}
    for quote in quotes:
        place = documents[quote.document_id].turn_index_at(quote.start) if within == "turn" else -1
        if place is None:  # a coding outside any turn has no turn to share
            continue
        slot = units.setdefault((quote.document_id, place), defaultdict(dict))
        key_id = owners[quote.code_id] if level == "tagged" else quote.code_id
        slot[tags[quote.code_id]].setdefault(key_id, quote)
    found: dict[tuple[str, int, int, int], list[tuple[int, int]]] = defaultdict(list)
    for key, parts in units.items():
        group = documents[key[0]].attributes.get(by, NO_VALUE)
        for c, m, o in itertools.product(
            parts.get("context", {}), parts.get("mechanism", {}), parts.get("outcome", {})
        ):
            found[(group, c, m, o)].append(key)
    configurations = []
    for (group, c, m, o), keys in found.items():
        first = units[keys[0]]
        configurations.append(
            CmoConfiguration(
                group=group,
                context=tree.paths[c],
                mechanism=tree.paths[m],
                outcome=tree.paths[o],
                units=len(keys),
                documents=tuple(sorted({documents[k[0]].name for k in keys})),
                examples=(first["context"][c], first["mechanism"][m], first["outcome"][o]),
            )
        )
    configurations.sort(
        key=lambda x: (x.group.lower(), -x.units, x.context, x.mechanism, x.outcome)
    )
    return configurations
