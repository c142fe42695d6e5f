"""Find residual identifiers in a transcript before (or after) import.

Detectors: our own patterns (e-mail, URLs, phone numbers, postcodes, dates of birth,
student numbers, school names) and deduce (names, places, care institutions, dates, ages,
identifiers). Then:

1. Overlaps are resolved: our pattern kinds are more specific than deduce's (deduce calls
   a postcode a place and a phone number an identifier), so they win; otherwise the
   longer span wins.
2. Every further occurrence of a found name, place or institution is added, because a
   detector that recognises "Sanne" in one sentence may miss her in the next.
3. Findings are dropped when they lie inside a speaker label ("Interviewer:" at a turn
   start), inside an existing placeholder such as ``[PERSOON-1]``, or inside an
   occurrence of an allow-listed phrase (case-insensitive), e.g. intervention and
   institution names that are meant to stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from qualcode.io.anonymise import engine
from qualcode.io.anonymise.patterns import find_context_names, find_patterns
from qualcode.io.transcripts.extract import line_spans
from qualcode.io.transcripts.speakers import detect_turns

Progress = Callable[[str], None]
PLACEHOLDER = re.compile(r"\[[A-Z]+(?:-[A-Z]+)*-\d+\]")
PROPAGATED_KINDS = frozenset({"person", "place", "institution"})
# Pattern kinds outrank deduce's generic ones when spans overlap.
_RANK = {
    "email": 0,
    "url": 1,
    "phone": 2,
    "postcode": 3,
    "date_of_birth": 4,
    "student_number": 5,
    "bsn": 6,
}
CONTEXT_CHARS = 40
# deduce reads any capitalised word that is also a first name or town as a name or place.
# In speech, short replies and sentence openings such as "Mooi." or "Well," are far more
# likely than someone called Mooi, so single-word findings from this list are dropped.
# (This is Dutch "Best" as in "Best hard", at the price of missing the town Best.)
COMMON_WORDS = frozenset(
    str.split(
        "mooi best top goed prima precies leuk fijn oke oké ja nee nou echt zeker klopt "
        "inderdaad tja hoor dus maar want toen daarna eerst straks vandaag morgen gisteren "
        "well can my just don so yes no sure okay ok right great nice really maybe then and "
        "but we you they he she it what how why when where who do did is was are have had "
        "not also even still because like yeah uh um oh thanks thank good cool wow fine "
        "true exactly anyway honestly actually basically"
    )
)


@dataclass(frozen=True)
class Finding:
    text: str
    kind: str
    start: int
    end: int
    context: str  # the surrounding text on one line, the finding marked »like this«


@dataclass
class CheckReport:
    findings: list[Finding]
    warnings: list[str]


def check(
    text: str,
    *,
    allow: Iterable[str] = frozenset(),
    language: str = "nl",
    use_deduce: bool = True,
    progress: Progress | None = None,
) -> list[Finding]:
    """Residual identifiers in ``text``, in text order, without overlaps."""
    return check_report(
        text, allow=allow, language=language, use_deduce=use_deduce, progress=progress
    ).findings


def check_report(
    text: str,
    *,
    allow: Iterable[str] = frozenset(),
    language: str = "nl",
    use_deduce: bool = True,
    progress: Progress | None = None,
) -> CheckReport:
    """Like :func:`check`, plus warnings (such as deduce being unavailable)."""
    del language  # deduce is Dutch-only; the patterns and word list cover both alike
    warnings: list[str] = []
    spans = list(find_patterns(text))
    if use_deduce:
        try:
            spans.extend(
                (s, e, kind)
                for s, e, kind in engine.deduce_spans(text, progress)
                if text[s:e].casefold() not in COMMON_WORDS
            )
        except engine.DeduceUnavailable as exc:
            warnings.append(f"{exc}; names are found only after titles such as 'mevrouw'")
            spans.extend(find_context_names(text))
    else:
        spans.extend(find_context_names(text))
    chosen = _resolve_overlaps(spans)
    chosen = _resolve_overlaps(chosen + _propagate(text, chosen))
    blocked = _blocked_ranges(text, allow)
    findings = [
        _finding(text, start, end, kind)
        for start, end, kind in chosen
        if text[start:end].strip() and not _inside_any(start, end, blocked)
    ]
    return CheckReport(findings, warnings)


def _resolve_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    ordered = sorted(spans, key=lambda s: (_RANK.get(s[2], 99), -(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int, str]] = []
    occupied: list[tuple[int, int]] = []
    for start, end, kind in ordered:
        if end <= start or any(start < e and s < end for s, e in occupied):
            continue
        taken.append((start, end, kind))
        occupied.append((start, end))
    return sorted(taken)


def _propagate(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    extra: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    for start, end, kind in spans:
        value = text[start:end]
        if kind not in PROPAGATED_KINDS or len(value) < 3 or value in seen:
            continue
        seen.add(value)
        for m in re.finditer(rf"(?<!\w){re.escape(value)}(?!\w)", text):
            extra.append((m.start(), m.end(), kind))
    return extra


def _blocked_ranges(text: str, allow: Iterable[str]) -> list[tuple[int, int]]:
    """Speaker labels, placeholders and allow-listed phrases."""
    ranges = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
    lines = line_spans(text)
    ranges.extend((t.start, t.label_end) for t in detect_turns(text, lines, []))
    for phrase in allow:
        phrase = " ".join(phrase.split())
        if not phrase:
            continue
        pattern = r"\s+".join(re.escape(word) for word in phrase.split())
        for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text, re.IGNORECASE):
            ranges.append((m.start(), m.end()))
    return ranges


def _inside_any(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def _finding(text: str, start: int, end: int, kind: str) -> Finding:
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    context = " ".join(f"{before}»{text[start:end]}«{after}".split())
    return Finding(text[start:end], kind, start, end, context)
