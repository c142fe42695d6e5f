"""Combined retrieval: codings of A that lie within, overlap or come near codings of B.

The questions researchers ask of co-coded text ("where does *practical support* come up
inside a passage coded *mother*?") as a filter on retrieval. Spans are compared within
one document; B's codings count by the same visibility and coder filters as A's.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from qualcode.core.errors import DomainError
from qualcode.core.services.lookup import CodeRef

RELATIONS = ("within", "overlapping", "near")
DEFAULT_DISTANCE = 200  # characters, about two sentences


@dataclass(frozen=True)
class Combination:
    """Keep a coding of A only if a coding of ``code`` (B) is ``relation`` to it.

    ``within``: A lies inside B; ``overlapping``: they share text; ``near``: at most
    ``distance`` characters apart (overlap counts as near). ``subcodes``: B stands for
    itself and everything below it.
    """

    code: CodeRef
    relation: str = "overlapping"
    distance: int = DEFAULT_DISTANCE
    subcodes: bool = True

    def check(self) -> None:
        if self.relation not in RELATIONS:
            raise DomainError(f"combine codes by {', '.join(RELATIONS)}, not {self.relation!r}")
        if self.distance < 0:
            raise DomainError(f"a distance is zero or more characters, not {self.distance}")


class _Span(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def document_id(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def related(
    rows: Sequence[_Span], others: Iterable[tuple[int, int, int, int]], combination: Combination
) -> list[_Span]:
    """``rows`` (A) that stand in ``combination.relation`` to one of ``others`` (B), given
    as (coding id, document id, start, end); a coding is never related to itself."""
    by_document: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for coding_id, document_id, start, end in others:
        by_document[document_id].append((start, end, coding_id))
    for spans in by_document.values():
        spans.sort()
    reach = combination.distance if combination.relation == "near" else 0
    kept = []
    for row in rows:
        spans = by_document.get(row.document_id, [])
        # Only spans starting before A's end (plus the reach) can touch A.
        last = bisect.bisect_right(spans, (row.end + reach, float("inf"), 0))
        for start, end, coding_id in spans[:last]:
            if coding_id == row.id:
                continue
            if combination.relation == "within":
                hit = start <= row.start and row.end <= end
            elif combination.relation == "overlapping":
                hit = start < row.end and row.start < end
            else:
                hit = max(start - row.end, row.start - end) <= reach
            if hit:
                kept.append(row)
                break
    return kept
