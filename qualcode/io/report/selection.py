"""Choosing the few quotes a report shows for a code.

Researchers' stars come first, in their rank order. The remaining places go to quotes that
widen the picture: a document not yet quoted beats one already quoted, then a speaker not yet
quoted, then a respondent over an interviewer, then a quote of readable length (one to a few
sentences) over a fragment or a page. Ties break on document name and offset, so the same
project always gives the same report. Quotes overlapping one already chosen are skipped:
two coders on the same passage would otherwise show it twice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from qualcode.core.retrieval import Quote

# A readable quote: about 15 to 70 words.
IDEAL_MIN_CHARS = 80
IDEAL_MAX_CHARS = 420
_INTERVIEWER = re.compile(
    r"^(interviewer|interviewster|int|i|moderator|onderzoeker)\b", re.IGNORECASE
)


def _length_penalty(quote: Quote) -> int:
    size = len(quote.text.strip())
    if size < IDEAL_MIN_CHARS:
        return IDEAL_MIN_CHARS - size
    if size > IDEAL_MAX_CHARS:
        return (size - IDEAL_MAX_CHARS) // 4  # long quotes still read; short ones say little
    return 0


def _overlaps(quote: Quote, chosen: Sequence[Quote]) -> bool:
    return any(
        c.document_id == quote.document_id and c.start < quote.end and quote.start < c.end
        for c in chosen
    )


def is_interviewer(speaker: str | None) -> bool:
    return bool(speaker and _INTERVIEWER.match(speaker.strip()))


def choose_quotes(quotes: Sequence[Quote], limit: int) -> list[Quote]:
    """At most ``limit`` quotes: starred ones by rank, then varied, mid-length ones."""
    chosen: list[Quote] = []
    starred = sorted(
        (q for q in quotes if q.illustrative),
        key=lambda q: (q.rank is None, q.rank or 0, q.document, q.start, q.coding_id),
    )
    for quote in starred:
        if len(chosen) >= limit:
            return chosen
        if not _overlaps(quote, chosen):
            chosen.append(quote)
    rest = sorted(
        (q for q in quotes if not q.illustrative),
        key=lambda q: (q.document, q.start, q.end, q.coding_id),
    )
    while len(chosen) < limit:
        documents = {q.document_id for q in chosen}
        speakers = {(q.document_id, q.speaker) for q in chosen}
        candidates = [q for q in rest if not _overlaps(q, chosen)]
        if not candidates:
            break
        best = min(
            candidates,
            key=lambda q: (
                q.document_id in documents,
                (q.document_id, q.speaker) in speakers,
                is_interviewer(q.speaker),
                _length_penalty(q),
            ),
        )
        chosen.append(best)
        rest.remove(best)
    # The researcher's order first; the chosen ones as they occur in the data.
    n_starred = sum(1 for q in chosen if q.illustrative)
    picked = sorted(chosen[n_starred:], key=lambda q: (q.document, q.start, q.coding_id))
    return chosen[:n_starred] + picked
