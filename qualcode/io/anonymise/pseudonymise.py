"""Replace findings by consistent placeholders and return the key to reverse it.

The same original text (compared without regard to case and spacing) always gets the same
placeholder within one call, so "Sanne ... sanne" both become ``[PERSOON-1]``; numbering
is per kind in order of first appearance. The key maps each placeholder to the original
as first written. It is the one file that undoes the anonymisation: store it apart from
the project.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from qualcode.io.anonymise.check import Finding

PLACEHOLDER_WORDS = {
    "person": "PERSOON",
    "place": "LOCATIE",
    "institution": "INSTELLING",
    "email": "EMAIL",
    "phone": "TELEFOON",
    "postcode": "POSTCODE",
    "date_of_birth": "GEBOORTEDATUM",
    "date": "DATUM",
    "student_number": "STUDENTNUMMER",
    "url": "URL",
    "age": "LEEFTIJD",
    "identifier": "ID",
    "bsn": "BSN",
}


def placeholder_word(kind: str) -> str:
    return PLACEHOLDER_WORDS.get(kind, kind.upper().replace("_", "-"))


Edit = tuple[int, int, int]  # start, end in the old text, length of the replacement


def pseudonymise(text: str, findings: Iterable[Finding]) -> tuple[str, dict[str, str]]:
    """Return (new text, key placeholder -> original). Overlapping findings after the
    first (in text order) are ignored, since one span can only be replaced once."""
    new, key, _ = pseudonymise_with_edits(text, findings)
    return new, key


def pseudonymise_with_edits(
    text: str, findings: Iterable[Finding]
) -> tuple[str, dict[str, str], list[Edit]]:
    """Like :func:`pseudonymise`, plus the edits made, to move offsets with the text."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    by_original: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}
    key: dict[str, str] = {}
    edits: list[Edit] = []
    pieces: list[str] = []
    pos = 0
    for finding in ordered:
        if finding.start < pos:
            continue
        original = text[finding.start : finding.end]
        word = placeholder_word(finding.kind)
        norm = (word, " ".join(original.split()).casefold())
        placeholder = by_original.get(norm)
        if placeholder is None:
            counters[word] = counters.get(word, 0) + 1
            placeholder = f"[{word}-{counters[word]}]"
            by_original[norm] = placeholder
            key[placeholder] = original
        pieces.append(text[pos : finding.start])
        pieces.append(placeholder)
        edits.append((finding.start, finding.end, len(placeholder)))
        pos = finding.end
    pieces.append(text[pos:])
    return "".join(pieces), key, edits


def shift_offsets(spans: Iterable[tuple[int, int]], edits: list[Edit]) -> list[tuple[int, int]]:
    """Move (start, end) spans of the old text onto the new text.

    A span edge inside a replaced stretch snaps outward to cover the whole placeholder,
    so a paragraph or label never ends in the middle of ``[PERSOON-1]``."""
    starts = [e[0] for e in edits]
    deltas = [0]
    for start, end, new_len in edits:
        deltas.append(deltas[-1] + new_len - (end - start))
    return [
        (_move(s, edits, starts, deltas, False), _move(e, edits, starts, deltas, True))
        for s, e in spans
    ]


def _move(pos: int, edits: list[Edit], starts: list[int], deltas: list[int], is_end: bool) -> int:
    i = bisect_right(starts, pos) - 1  # the last edit starting at or before pos
    if i < 0:
        return pos
    start, end, new_len = edits[i]
    new_start = start + deltas[i]
    if pos == start:
        return new_start
    if pos < end:
        # Inside the replaced stretch: snap outward to the placeholder's edge.
        return new_start + new_len if is_end else new_start
    return pos + deltas[i + 1]
