"""Shared rules for every codebook format: the error type, GUIDs, colours and validation.

All readers run :func:`validate_spec` before returning and all writers run it before
writing, so a :class:`CodebookSpec` that crosses this package is always safe for the
services (unique paths, unique GUIDs, known origins).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable

from qualcode.core.codebook_spec import ORIGINS, CodebookSpec, CodeNode, join_path

# REFI-QDA GUIDType without the braces; NVivo's hex-encoded ASCII "GUIDs" match it too.
_GUID_RE = re.compile(
    r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
)
_HEX6_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# The "#" may be missing only for 6/8 digits: bare "bad" or "fed" are words, not colours.
_HEX_ANY_RE = re.compile(
    r"^(?:#([0-9a-fA-F]{3}|[0-9a-fA-F]{4})|#?([0-9a-fA-F]{6}|[0-9a-fA-F]{8}))$"
)
_RGB_RE = re.compile(
    r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[0-9.]+%?\s*)?\)$", re.I
)
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
# Characters XML 1.0 cannot carry. Word pastes vertical tabs (Shift+Enter) and form
# feeds into text boxes; those become line breaks, other control characters are dropped.
_LINE_BREAK_CONTROLS = re.compile("[\x0b\x0c]")
_INVALID_XML_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")
# Cap the list in one message: a broken 300-code import should not print 300 lines.
_MAX_REPORTED = 10


class CodebookFormatError(ValueError):
    """A codebook file that cannot be read or a spec that cannot be written.

    ``str(err)`` is ``"<file>: <problem>"``; ``problems`` holds every problem found.
    """

    def __init__(self, file: str, problems: str | list[str]) -> None:
        self.file = file
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        shown = self.problems[:_MAX_REPORTED]
        text = "; ".join(shown)
        if len(self.problems) > len(shown):
            text += f" (and {len(self.problems) - len(shown)} more problems)"
        super().__init__(f"{file}: {text}")


def normalise_guid(raw: str | None) -> str | None:
    """Strip whitespace and braces; keep the case the producing tool used.

    GUIDs are compared case-insensitively (see :func:`guid_key`) but written back as
    found, so a re-export to the same tool carries identical identifiers.
    """
    if raw is None:
        return None
    text = raw.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1].strip()
    return text or None


def guid_key(guid: str) -> str:
    """The form used to compare GUIDs: lower case, no braces."""
    return (normalise_guid(guid) or "").lower()


def is_valid_guid(guid: str) -> bool:
    return bool(_GUID_RE.match(guid))


def new_guid() -> str:
    return str(uuid.uuid4())


def normalise_colour(raw: str | None) -> str | None:
    """Return ``#RRGGBB`` (upper case) for the colour spellings vendors use, else None.

    Accepts ``#rgb``, ``#rrggbb``, ``#rrggbbaa`` (CSS order, alpha dropped), a missing
    ``#`` and ``rgb()``/``rgba()``. Unknown spellings give None so an import falls back
    to the default colour instead of failing on cosmetics.
    """
    if raw is None:
        return None
    text = raw.strip()
    if not text:
        return None
    match = _HEX_ANY_RE.match(text)
    if match:
        digits = match.group(1) or match.group(2)
        if len(digits) in (3, 4):
            digits = "".join(ch * 2 for ch in digits[:3])
        return "#" + digits[:6].upper()
    match = _RGB_RE.match(text)
    if match:
        parts = [int(p) for p in match.groups()]
        if all(0 <= p <= 255 for p in parts):
            return "#" + "".join(f"{p:02X}" for p in parts)
    return None


def is_valid_colour(colour: str) -> bool:
    return bool(_HEX6_RE.match(colour))


def describe(path: Iterable[str]) -> str:
    """How a code is named in an error message: its path in quotes."""
    return f"code '{join_path(tuple(path))}'"


def _label(name: str, index: int) -> str:
    # Empty names cannot identify a code, so fall back to its 1-based position.
    return name.strip() or f"#{index + 1}"


def spec_problems(spec: CodebookSpec) -> list[str]:
    """Every rule violation in ``spec``, each naming the code path."""
    problems: list[str] = []
    seen_guids: dict[str, str] = {}

    def visit(nodes: list[CodeNode], parent: tuple[str, ...]) -> None:
        siblings: dict[str, str] = {}
        for index, node in enumerate(nodes):
            path = (*parent, _label(node.name, index))
            where = describe(path)
            name = node.name.strip()
            if not name:
                problems.append(f"{where}: the name is empty")
            if _CONTROL_CHARS.search(name):
                problems.append(f"{where}: the name contains a line break or control character")
            if name:
                folded = name.casefold()
                if folded in siblings:
                    problems.append(
                        f"{where}: the name is used twice at this level "
                        f"(also '{siblings[folded]}'; names compare case-insensitively)"
                    )
                else:
                    siblings[folded] = name
            if node.origin not in ORIGINS:
                problems.append(
                    f"{where}: origin '{node.origin}' is not one of {', '.join(ORIGINS)}"
                )
            if node.colour is not None and not is_valid_colour(node.colour):
                problems.append(f"{where}: colour '{node.colour}' is not of the form #RRGGBB")
            if node.guid is not None:
                if not is_valid_guid(normalise_guid(node.guid) or ""):
                    problems.append(
                        f"{where}: guid '{node.guid}' is not a GUID (8-4-4-4-12 hexadecimal digits)"
                    )
                key = guid_key(node.guid)
                if key in seen_guids:
                    problems.append(
                        f"{where}: guid '{node.guid}' is also used by {seen_guids[key]}"
                    )
                else:
                    seen_guids[key] = where
            visit(node.children, path)

    visit(spec.codes, ())
    return problems


def validate_spec(spec: CodebookSpec, source: str) -> None:
    """Raise :class:`CodebookFormatError` naming ``source`` if ``spec`` breaks a rule."""
    problems = spec_problems(spec)
    if problems:
        raise CodebookFormatError(source, problems)


def ensure_guids(spec: CodebookSpec) -> dict[tuple[str, ...], str]:
    """Give every code without a GUID a new uuid4, in place.

    Returns the GUIDs that were created, keyed by code path, so a caller that keeps its
    own records (e.g. the database) can store them; the spec itself carries them too.
    """
    created: dict[tuple[str, ...], str] = {}
    for path, node in spec.walk():
        if node.guid is None:
            node.guid = new_guid()
            created[path] = node.guid
    return created


def clean_text(value: object) -> str:
    """Text fields are stored stripped and with LF line ends, so every format (Windows
    CSV, XML, YAML) round-trips to the same value."""
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def count_codes(spec: CodebookSpec) -> int:
    return sum(1 for _ in spec.walk())


def xml_safe_text(text: str) -> str:
    """``text`` without the characters XML (and so .qdc and .docx) cannot store."""
    return _INVALID_XML_CHARS.sub("", _LINE_BREAK_CONTROLS.sub("\n", text))


# Project setting: "upper" when codes came from a tool that writes upper-case GUIDs
# (ATLAS.ti, MAXQDA, Taguette). We store GUIDs in lower case; exports (.qdc, .qdpx) then
# write them back in upper case, so that tool sees its own identifiers again.
GUID_CASE_SETTING = "exchange.guid_case"


def guid_case(guids: Iterable[str | None]) -> str:
    """ "upper" when every letter of these GUIDs is upper case, else "lower" ("" if none)."""
    letters = "".join(ch for g in guids if g for ch in g if ch.isalpha())
    if not letters:
        return ""
    return "upper" if letters.isupper() else "lower"


def apply_guid_case(spec: CodebookSpec, case: str) -> None:
    """Write GUIDs in ``case`` ("upper"; anything else leaves them as stored), in place."""
    if case != "upper":
        return
    for _, node in spec.walk():
        if node.guid:
            node.guid = node.guid.upper()
