"""Plain, immutable views of stored rows that services hand to the CLI and the GUI.

Returning these instead of ORM objects keeps sessions short and callers free of
SQLAlchemy's lazy-loading rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class CoderRecord:
    id: int
    name: str
    role: str


@dataclass(frozen=True)
class TurnRecord:
    speaker: str
    start: int
    end: int


@dataclass(frozen=True)
class DocumentRecord:
    id: int
    name: str
    language: str
    source_format: str
    content_hash: str
    length: int
    imported_at: datetime
    blind: bool
    revealed: bool
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CodeRecord:
    id: int
    guid: str
    parent_id: int | None
    position: int
    name: str
    path: tuple[str, ...]
    definition: str
    inclusion: str
    exclusion: str
    example: str
    colour: str
    origin: str
    cmo: str | None
    created_at: datetime
    modified_at: datetime
    codable: bool = True
    # The colour someone chose; ``colour`` falls back to a default for painting.
    chosen_colour: str | None = None
    version: int = 1

    @property
    def path_text(self) -> str:
        from qualcode.core.codebook_spec import join_path

        return join_path(self.path)

    @property
    def depth(self) -> int:
        return len(self.path) - 1


@dataclass(frozen=True)
class CodingRecord:
    id: int
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str
    codebook_version_id: int | None
    created_at: datetime
    illustrative: bool = False


@dataclass(frozen=True)
class ChangeRecord:
    id: int
    at: datetime
    coder: str | None
    action: str
    code_guid: str | None
    before: dict[str, object] | None
    after: dict[str, object] | None
    note: str


@dataclass(frozen=True)
class VersionRecord:
    id: int
    label: str
    note: str
    released_by: str | None
    released_at: datetime
    code_count: int


@dataclass(frozen=True)
class MemoRecord:
    id: int
    target: str
    document_id: int | None
    code_id: int | None
    coding_id: int | None
    author: str | None
    title: str
    body: str
    modified_at: datetime


@dataclass(frozen=True)
class ProjectInfo:
    locator: str
    name: str
    backend: str
    schema_revision: str | None
    documents: int
    codes: int
    coders: int
    codings: int
    versions: int
    coder_names: list[str] = field(default_factory=list)
    codings_per_coder: dict[str, int] = field(default_factory=dict)
    documents_by_intervention: dict[str, int] = field(default_factory=dict)
