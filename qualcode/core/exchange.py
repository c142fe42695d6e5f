"""A whole project in exchange shape: what a REFI-QDA .qdpx carries, without storage.

The .qdpx reader (``qualcode.io.exchange``) produces a :class:`ProjectBundle`, the
exporter writes one, and the project merge (:mod:`qualcode.core.services.project_merge`)
stores one into a project. Another Qualcode project is read into the same shape
(:func:`qualcode.core.exchange_read.bundle_from_project`), so merging a coder's copy and
importing another tool's export are one code path.

Positions here are always Unicode code points into ``BundleSource.text``, end exclusive
(Python slicing); the reader converts whatever unit a file used.
GUIDs are compared in :func:`guid_key` form (lower case, no braces) but kept as found.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from qualcode.core.codebook_spec import CodebookSpec


def guid_key(guid: str | None) -> str:
    text = (guid or "").strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    return text.lower()


@dataclass
class BundleUser:
    guid: str
    name: str
    role: str = "coder"  # Qualcode's roles travel in our processing instruction


@dataclass
class BundleSource:
    """A source. ``text`` is None for one that cannot be coded as text here (PDF,
    picture, audio, video, or a text whose plain rendering is empty); ``reason`` says why."""

    guid: str
    name: str
    text: str | None
    kind: str = "text"  # text, pdf, picture, audio, video
    path: str = ""
    reason: str = ""
    attributes: dict[str, str] = field(default_factory=dict)
    language: str | None = None
    blind: bool = False
    # Speaker turns (speaker, start, end) and units (kind, start, end) over ``text``, when
    # known (another Qualcode project, or computed by the importer for a new document).
    turns: list[tuple[str, int, int]] = field(default_factory=list)
    units: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class BundleCoding:
    guid: str
    source_guid: str
    code_guid: str
    user_guid: str | None
    start: int
    end: int
    memo: str = ""
    created_at: datetime | None = None
    # Qualcode only (our processing instruction): a starred illustrative quote, its rank.
    illustrative: bool = False
    quote_rank: int | None = None


@dataclass
class BundleSummary:
    """A summary of a code per slice (Qualcode only; our processing instruction)."""

    code_guid: str
    scope_key: str
    scope_value: str
    body: str
    author_guid: str | None = None


@dataclass
class BundleNote:
    """A memo. ``target`` is project, document, code or coding; ``target_guid`` names
    the source, code or coding (the coding's guid) it belongs to."""

    guid: str
    body: str
    title: str = ""
    target: str = "project"
    target_guid: str | None = None
    author_guid: str | None = None
    created_at: datetime | None = None


@dataclass
class BundleSet:
    """A named group of codes and/or sources (REFI-QDA ``Set``)."""

    guid: str
    name: str
    code_guids: list[str] = field(default_factory=list)
    source_guids: list[str] = field(default_factory=list)


@dataclass
class ProjectBundle:
    name: str
    origin: str = ""
    users: list[BundleUser] = field(default_factory=list)
    codebook: CodebookSpec = field(default_factory=CodebookSpec)
    sources: list[BundleSource] = field(default_factory=list)
    codings: list[BundleCoding] = field(default_factory=list)
    notes: list[BundleNote] = field(default_factory=list)
    sets: list[BundleSet] = field(default_factory=list)
    # code guid -> CMO tag (Qualcode only; travels in our processing instruction)
    cmo: dict[str, str] = field(default_factory=dict)
    summaries: list[BundleSummary] = field(default_factory=list)
    # What the reader noticed and repaired (position unit, renamed ids...), for the report.
    warnings: list[str] = field(default_factory=list)

    def text_sources(self) -> list[BundleSource]:
        return [s for s in self.sources if s.text is not None]


# Sets of sources become a document attribute with this prefix, so a set survives the
# round trip ("set: Interviews" = "yes" on each member document).
SET_ATTRIBUTE_PREFIX = "set: "
