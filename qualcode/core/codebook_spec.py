"""Plain, storage-free description of a codebook tree.

Every codebook format (native YAML/JSON, CSV, REFI-QDA .qdc, Word) reads into and
writes from these dataclasses; the services turn them into stored codes. Keeping the
exchange shape separate from the ORM lets importers be tested without a database.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

ORIGINS = ("deductive", "inductive")


@dataclass
class CodeNode:
    """One code (cluster, category or code: depth decides, not a type)."""

    name: str
    guid: str | None = None
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""
    colour: str | None = None  # "#RRGGBB"
    origin: str = "deductive"
    children: list[CodeNode] = field(default_factory=list)
    # False: a category that only groups codes (REFI-QDA ``isCodable="false"``).
    codable: bool = True

    def walk(self, parent_path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], CodeNode]]:
        """Yield (path, node) for this node and all descendants, depth first."""
        path = (*parent_path, self.name)
        yield path, self
        for child in self.children:
            yield from child.walk(path)


@dataclass
class CodebookSpec:
    """A whole codebook: top-level codes plus descriptive fields."""

    name: str = ""
    codes: list[CodeNode] = field(default_factory=list)
    description: str = ""
    language: str | None = None
    # What a reader repaired on the way in (e.g. ids that were not GUIDs), for the user.
    warnings: list[str] = field(default_factory=list)

    def walk(self) -> Iterator[tuple[tuple[str, ...], CodeNode]]:
        for node in self.codes:
            yield from node.walk()


PATH_SEPARATOR = " / "
# Code names may themselves contain " / " ("Humor / Amusement"). In the joined text form
# such a slash is written "\\/" (a slash with spaces on both sides becomes backslash-slash),
# so "Emoties / Humor \\/ Amusement" is the code "Humor / Amusement" under "Emoties".
DEFAULT_COLOUR = "#9C9C9C"  # painted for codes nobody gave a colour; never exported
_NAME_SLASH = re.compile(r"(?<= )/(?= )")
_ESCAPED_SLASH = re.compile(r"(?<= )\\/(?= )")


def escape_name(name: str) -> str:
    """A name as one segment of a joined path (its own " / " escaped)."""
    return _NAME_SLASH.sub(r"\\/", f" {name} ")[1:-1]


def unescape_name(segment: str) -> str:
    return _ESCAPED_SLASH.sub("/", f" {segment} ")[1:-1]


def join_path(path: tuple[str, ...] | list[str]) -> str:
    """The public text form of a code path, e.g. ``Steungedrag / Gedrag steungever``."""
    return PATH_SEPARATOR.join(escape_name(part) for part in path)


def split_path(text: str) -> tuple[str, ...]:
    return tuple(unescape_name(part.strip()) for part in text.split(PATH_SEPARATOR) if part.strip())


# Codes read from files without ids get one derived from their path, so reading the same
# file twice (say, once to write a merge plan and once to apply it) yields the same ids.
_PATH_NAMESPACE = uuid.UUID("6c0f3f4e-51a2-4d8e-9a53-2f1f4f6b7c11")


def fill_missing_guids(spec: CodebookSpec) -> int:
    """Give every node without a guid a stable one derived from its path; returns how many."""
    filled = 0
    for path, node in spec.walk():
        if not node.guid:
            node.guid = str(uuid.uuid5(_PATH_NAMESPACE, join_path(path).casefold()))
            filled += 1
    return filled
