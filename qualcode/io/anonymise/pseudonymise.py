"""Replace findings by consistent placeholders and return the key to reverse it.

The same original text (compared without regard to case and spacing) always gets the same
placeholder within one call, so "Sanne ... sanne" both become ``[PERSOON-1]``; numbering
is per kind in order of first appearance. The key maps each placeholder to the original
as first written. It is the one file that undoes the anonymisation: store it apart from
the project.
"""

from __future__ import annotations

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


def pseudonymise(text: str, findings: Iterable[Finding]) -> tuple[str, dict[str, str]]:
    """Return (new text, key placeholder -> original). Overlapping findings after the
    first (in text order) are ignored, since one span can only be replaced once."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    by_original: dict[tuple[str, str], str] = {}
    counters: dict[str, int] = {}
    key: dict[str, str] = {}
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
        pos = finding.end
    pieces.append(text[pos:])
    return "".join(pieces), key
