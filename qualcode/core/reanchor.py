"""Find a coded passage again after its document's text changed.

A coder's copy may hold an older (or corrected) text than the lead's project. Moving a
coding by its offsets would put it on other words, so the quoted text is searched for:

1. exactly, taking the occurrence nearest to where the passage sat (relative to the
   text's length), so a repeated phrase keeps its place;
2. else fuzzily with RapidFuzz (``partial_ratio_alignment``) in a window around that
   place, accepted at :data:`MIN_SCORE` or more (a typo fixed, a word anonymised);
3. else not at all: the caller reports the coding instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

MIN_SCORE = 90.0
_WINDOW_MARGIN = 2_000  # characters searched either side of the expected place
_MAX_OCCURRENCES = 1_000


@dataclass(frozen=True)
class Anchor:
    start: int
    end: int
    score: float  # 100 for an exact match


def reanchor(old_text: str, start: int, end: int, new_text: str) -> Anchor | None:
    quote = old_text[start:end]
    if not quote.strip():
        return None
    expected = round(start * len(new_text) / max(len(old_text), 1))
    best: int | None = None
    index = new_text.find(quote)
    seen = 0
    while index != -1 and seen < _MAX_OCCURRENCES:
        if best is None or abs(index - expected) < abs(best - expected):
            best = index
        index = new_text.find(quote, index + 1)
        seen += 1
    if best is not None:
        return Anchor(best, best + len(quote), 100.0)
    lo = max(0, expected - len(quote) - _WINDOW_MARGIN)
    hi = min(len(new_text), expected + 2 * len(quote) + _WINDOW_MARGIN)
    found = fuzz.partial_ratio_alignment(quote, new_text[lo:hi], score_cutoff=MIN_SCORE)
    if found is None or found.dest_end <= found.dest_start:
        return None
    new_start, new_end = lo + found.dest_start, lo + found.dest_end
    # The alignment has the quote's length; a corrected word may be longer or shorter.
    # A coding that began and ended on word boundaries keeps doing so.
    if _boundary(old_text, start):
        while new_start > 0 and not _boundary(new_text, new_start):
            new_start -= 1
    if _boundary(old_text, end):
        while new_end < len(new_text) and not _boundary(new_text, new_end):
            new_end += 1
    return Anchor(new_start, new_end, round(found.score, 1))


def _boundary(text: str, index: int) -> bool:
    return (
        index <= 0
        or index >= len(text)
        or not (text[index - 1].isalnum() and text[index].isalnum())
    )
