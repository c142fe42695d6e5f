"""Which coder's codings count as evidence, per document: the rule behind reports.

A double-coded document holds the same passages twice (once per coder). Summing over
coders doubles its counts and shows a passage under two codes where the coders
disagreed, which then reads as two findings. So a report draws its evidence from one
*layer* per document unless the user asks for all coders:

* ``default``: per document one *base* coder: the one coder assigned to the document;
  else (several or no coders assigned) the lead when the lead coded it; else the one
  coder who coded it; else, among several coders and no lead, the first by name. Where
  the document has a consensus layer (codings of a coder with role ``consensus``, or
  adjudication decisions), the consensus layer counts on every stretch the lead decided
  and the base coder's codings elsewhere (the consensus layer holds the decisions only,
  so taking it alone would drop every undisputed coding). Never a sum over coders.
* ``consensus``: only the consensus layer; documents without consensus codings add none.
* ``coder:NAME``: only that coder's codings.
* ``all``: every coder's codings (the consensus layer excluded, it copies coders'
  codings); counts are then per document-coder pair, and a passage coded by several
  coders is one passage with several coders.

Blind coding: with a ``viewer`` who is not a lead, other coders' codings on blind,
unrevealed documents are not candidates (the rule of ``QuoteFilter.viewer``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from qualcode.core.errors import DomainError, NotFound
from qualcode.core.models import Assignment, Coder, Coding, Document, Memo
from qualcode.core.retrieval import CodingRow

if TYPE_CHECKING:
    from qualcode.core.project import Project

LAYERS = ("default", "consensus", "all")  # and coder:NAME
DECISION_TITLE = "Adjudication"  # memo titles of adjudication decisions (services.adjudication)
WHY_CONSENSUS, WHY_ASSIGNED, WHY_LEAD = "consensus", "assigned", "lead"
WHY_ONLY, WHY_FIRST, WHY_CHOSEN, WHY_ALL = "only coder", "first by name", "chosen", "all"


@dataclass(frozen=True)
class Layer:
    """A parsed ``--layer`` value: ``kind`` is default, consensus, coder or all."""

    kind: str
    coder: str | None = None

    @property
    def text(self) -> str:
        return f"coder:{self.coder}" if self.kind == "coder" else self.kind


def parse_layer(text: str | None, coder: str | None = None) -> Layer:
    """``--layer consensus|coder:NAME|all`` (and ``--coder NAME``) as a ``Layer``."""
    if coder and text and text != f"coder:{coder}":
        raise DomainError("give either --coder NAME or --layer, not both")
    if coder:
        text = f"coder:{coder}"
    if not text or text == "default":
        return Layer("default")
    if text in ("consensus", "all"):
        return Layer(text)
    if text.startswith("coder:") and text[len("coder:") :].strip():
        return Layer("coder", text[len("coder:") :].strip())
    raise DomainError(f"unknown layer {text!r}: use consensus, coder:NAME or all")


@dataclass(frozen=True)
class Sources:
    """Per document id the coder ids whose codings count, and why (for the report).

    Call it with a coding row (``QuoteFilter(evidence=sources)``): True when the coding
    counts. ``decided`` holds, per document, the stretches the lead adjudicated; there
    only the consensus layer counts.
    """

    layer: Layer
    coders: Mapping[int, frozenset[int]]
    why: Mapping[int, str] = field(default_factory=dict)
    names: Mapping[int, str] = field(default_factory=dict)  # coder id -> name
    lead: str | None = None
    consensus: frozenset[int] = frozenset()
    decided: Mapping[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)

    def coder_names(self, document_id: int) -> list[str]:
        return sorted(self.names[c] for c in self.coders.get(document_id, ()))

    def keeps(self, document_id: int, coder_id: int, start: int, end: int) -> bool:
        if coder_id not in self.coders.get(document_id, ()):
            return False
        if coder_id in self.consensus:
            return True
        return not any(s < end and start < e for s, e in self.decided.get(document_id, ()))

    def __call__(self, row: CodingRow) -> bool:
        return self.keeps(row.document_id, row.coder_id, row.start, row.end)


def evidence_sources(project: Project, layer: Layer, viewer: str | None = None) -> Sources:
    """Apply the layer rule of the module docstring to every document of ``project``."""
    with project.reading() as session:
        coders = {cid: (name, role) for cid, name, role in session.execute(
            select(Coder.id, Coder.name, Coder.role)
        )}  # fmt: skip
        names = {cid: name for cid, (name, _) in coders.items()}
        consensus = {cid for cid, (_, role) in coders.items() if role == "consensus"}
        leads = sorted((name, cid) for cid, (name, role) in coders.items() if role == "lead")
        coded: dict[int, set[int]] = defaultdict(set)
        for doc_id, coder_id in session.execute(
            select(Coding.document_id, Coding.coder_id)
            .group_by(Coding.document_id, Coding.coder_id)
            .having(func.count() > 0)
        ):
            coded[doc_id].add(coder_id)
        assigned: dict[int, set[int]] = defaultdict(set)
        for doc_id, coder_id in session.execute(
            select(Assignment.document_id, Assignment.coder_id)
        ):
            assigned[doc_id].add(coder_id)
        documents = list(session.execute(select(Document.id, Document.blind, Document.revealed_at)))
        decided: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for doc_id, title in session.execute(
            select(Memo.document_id, Memo.title).where(
                Memo.target == "document", Memo.title.like(f"{DECISION_TITLE} %")
            )
        ):
            span = _span(title)
            if doc_id is not None and span is not None:
                decided[doc_id].append(span)
        if consensus:  # a consensus coding also marks its stretch as decided
            for doc_id, start, end in session.execute(
                select(Coding.document_id, Coding.start, Coding.end).where(
                    Coding.coder_id.in_(sorted(consensus))
                )
            ):
                decided[doc_id].append((start, end))
        who = None
        if viewer is not None:
            match = [cid for cid, (name, _) in coders.items() if name == viewer]
            if not match:
                raise NotFound(f"unknown coder: {viewer}")
            who = match[0]
    hidden: set[int] = set()
    if who is not None and coders[who][1] != "lead":
        hidden = {d for d, blind, revealed in documents if blind and revealed is None}
    wanted: int | None = None
    if layer.kind == "coder":
        found = [cid for cid, name in names.items() if name == layer.coder]
        if not found and (layer.coder or "").casefold() == "consensus" and consensus:
            found = sorted(consensus)  # "consensus" also names the layer by its role
        if not found:
            known = ", ".join(sorted(names.values())) or "none yet"
            raise NotFound(f"unknown coder: {layer.coder} (known: {known})")
        wanted = found[0]
    lead_ids = [cid for _, cid in leads]
    chosen: dict[int, frozenset[int]] = {}
    why: dict[int, str] = {}
    for doc_id, _, _ in documents:
        here = set(coded.get(doc_id, set()))
        if doc_id in hidden:
            here &= {who} if who is not None else set()
        people = here - consensus
        if layer.kind == "all":
            pick, reason = people, WHY_ALL
        elif layer.kind == "consensus":
            pick, reason = here & consensus, WHY_CONSENSUS
        elif layer.kind == "coder":
            pick, reason = here & {wanted}, WHY_CHOSEN
        else:
            pick, reason = _default(people, assigned.get(doc_id, set()), lead_ids, names)
            layer_here = here & consensus
            if layer_here or decided.get(doc_id):
                pick, reason = pick | layer_here, WHY_CONSENSUS
        if pick:
            chosen[doc_id] = frozenset(c for c in pick if c is not None)
            why[doc_id] = reason
    return Sources(
        layer,
        chosen,
        why,
        names,
        leads[0][0] if leads else None,
        frozenset(consensus),
        {d: tuple(spans) for d, spans in decided.items()} if layer.kind == "default" else {},
    )


def _span(title: str) -> tuple[int, int] | None:
    """(start, end) from an adjudication memo title ``Adjudication 120-180``."""
    match = re.fullmatch(rf"{DECISION_TITLE} (\d+)-(\d+)", title.strip())
    return (int(match[1]), int(match[2])) if match else None


def _default(
    people: set[int],
    assigned: set[int],
    leads: list[int],
    names: Mapping[int, str],
) -> tuple[set[int], str]:
    """The base coder of a document (see the module docstring)."""
    if not people:
        return set(), ""
    mine = people & assigned
    if len(mine) == 1:
        return mine, WHY_ASSIGNED
    candidates = mine or people
    for lead in leads:
        if lead in candidates:
            return {lead}, WHY_LEAD
    if len(candidates) == 1:
        return set(candidates), WHY_ONLY
    return {min(candidates, key=lambda c: names[c].lower())}, WHY_FIRST
