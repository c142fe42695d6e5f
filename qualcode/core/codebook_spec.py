"""Plain, storage-free description of a codebook tree.

Every codebook format (native YAML/JSON, CSV, REFI-QDA .qdc, Word) reads into and
writes from these dataclasses; the services turn them into stored codes. Keeping the
exchange shape separate from the ORM lets importers be tested without a database.
"""

from __future__ import annotations

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

    def walk(self) -> Iterator[tuple[tuple[str, ...], CodeNode]]:
        for node in self.codes:
            yield from node.walk()


PATH_SEPARATOR = " / "


def join_path(path: tuple[str, ...] | list[str]) -> str:
    """The public text form of a code path, e.g. ``Steungedrag / Gedrag steungever``."""
    return PATH_SEPARATOR.join(path)


def split_path(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(PATH_SEPARATOR.strip()) if part.strip())
