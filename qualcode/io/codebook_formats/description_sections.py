"""Pack a code's definition, criteria, example and origin into one REFI-QDA Description.

REFI-QDA gives a code a single free-text ``Description``. We write the definition first,
then labelled lines that stay readable in ATLAS.ti, NVivo or MAXQDA::

    Situations the student describes as a burden.

    Inclusion: illness, family circumstances
    Exclusion: study planning without a burden
    Example: "Toen mijn moeder ziek werd ..."
    Origin: inductive

Reading splits such a text back into fields, so a round trip through .qdc is lossless;
descriptions written by other tools simply become the definition. A line in a field
that would itself look like a label is escaped with a leading backslash on write and
unescaped on read (``\\Example: ...``), which keeps the mapping one-to-one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qualcode.core.codebook_spec import ORIGINS

FIELDS = ("inclusion", "exclusion", "example", "origin")

# Labels written, per spec language. English is the fallback for any other language.
WRITE_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "inclusion": "Inclusion",
        "exclusion": "Exclusion",
        "example": "Example",
        "origin": "Origin",
    },
    "nl": {
        "inclusion": "Inclusie",
        "exclusion": "Exclusie",
        "example": "Voorbeeld",
        "origin": "Herkomst",
    },
}

# Labels recognised on read: ours in both languages, plus the longer spellings people
# type by hand in other tools' description boxes.
_READ_LABELS: dict[str, str] = {
    "Definition": "definition",
    "Definitie": "definition",
    "Inclusion": "inclusion",
    "Inclusion criteria": "inclusion",
    "Inclusie": "inclusion",
    "Inclusiecriteria": "inclusion",
    "Exclusion": "exclusion",
    "Exclusion criteria": "exclusion",
    "Exclusie": "exclusion",
    "Exclusiecriteria": "exclusion",
    "Example": "example",
    "Voorbeeld": "example",
    "Origin": "origin",
    "Herkomst": "origin",
}
_ORIGIN_WORDS = {
    "deductive": "deductive",
    "deductief": "deductive",
    "inductive": "inductive",
    "inductief": "inductive",
}
assert set(_ORIGIN_WORDS.values()) == set(ORIGINS)

_ALTERNATION = "|".join(re.escape(label) for label in sorted(_READ_LABELS, key=len, reverse=True))
_LABEL_LINE = re.compile(rf"^({_ALTERNATION}):[ \t]?(.*)$", re.S)
# A line that would be read as a label once one leading backslash is removed.
_ESCAPED_LINE = re.compile(rf"^\\+(?:{_ALTERNATION}):")
_NEEDS_ESCAPE = re.compile(rf"^\\*(?:{_ALTERNATION}):")


@dataclass
class DescriptionFields:
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    origin: str | None = None  # None: the description did not say


def _escape(text: str) -> str:
    return "\n".join(
        "\\" + line if _NEEDS_ESCAPE.match(line) else line for line in text.split("\n")
    )


def _unescape(line: str) -> str:
    return line[1:] if _ESCAPED_LINE.match(line) else line


def pack(fields: DescriptionFields, language: str | None) -> str:
    """One Description text: the definition exactly as stored, then labelled criteria.

    The origin is not written here (it used to be appended as "Origin: ..."; other tools
    showed it as part of the description). It travels in the file's
    ``<?qualcode-...?>`` instruction instead; old files with the line still read.
    """
    labels = WRITE_LABELS.get((language or "en").lower()[:2], WRITE_LABELS["en"])
    blocks: list[str] = []
    if fields.definition:
        blocks.append(_escape(fields.definition))
    labelled: list[str] = []
    for key in ("inclusion", "exclusion", "example"):
        value: str = getattr(fields, key)
        if value:
            labelled.append(f"{labels[key]}: {_escape(value)}")
    if labelled:
        blocks.append("\n".join(labelled))
    return "\n\n".join(blocks)


def unpack(text: str) -> DescriptionFields:
    """Split a Description into fields; unlabelled text before any label is the definition."""
    collected: dict[str, list[str]] = {"definition": []}
    current = "definition"
    origin: str | None = None
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        match = _LABEL_LINE.match(raw_line)
        if match:
            field = _READ_LABELS[match.group(1)]
            value = _unescape(match.group(2))
            if field == "origin":
                word = _ORIGIN_WORDS.get(value.strip().lower())
                if word is not None:
                    origin = word
                    current = "origin"
                    continue
                # An unknown origin word is ordinary text of the current field.
            else:
                current = field
                collected.setdefault(current, []).append(value)
                continue
        if current == "origin":
            # Text after the origin line has no field of its own; keep it, in the
            # definition, rather than drop what another tool's user typed.
            current = "definition"
        collected.setdefault(current, []).append(_unescape(raw_line))

    def joined(key: str) -> str:
        return "\n".join(collected.get(key, [])).strip()

    return DescriptionFields(
        definition=joined("definition"),
        inclusion=joined("inclusion"),
        exclusion=joined("exclusion"),
        example=joined("example"),
        origin=origin,
    )
