"""The stored domain model (SQLAlchemy 2 typed declarative).

The same schema serves SQLite (the embedded default) and PostgreSQL (a team server).
Offsets (``start``/``end``) index the stored document text in Unicode code points,
end exclusive, exactly like Python string slicing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names, so migrations address the same objects on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


ROLES = ("coder", "lead", "consensus")


class Setting(Base):
    """Project-wide key/value facts (name, creation time, language)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Coder(Base):
    __tablename__ = "coders"
    __table_args__ = (
        CheckConstraint("role IN ('coder', 'lead', 'consensus')", name="role"),
        Index("ix_coders_login", "login", unique=True),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20), default="coder")
    # REFI-QDA user GUID: the same person keeps it across exports, imports and merges.
    guid: Mapped[str | None] = mapped_column(String(36), unique=True, index=True, default=None)
    # On a team server: the database login this coder signs in with (None elsewhere).
    login: Mapped[str | None] = mapped_column(String(63), default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    # REFI-QDA source GUID, kept so a re-export names the source as the first one did.
    guid: Mapped[str | None] = mapped_column(String(36), unique=True, index=True, default=None)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    source_format: Mapped[str] = mapped_column(String(20), default="txt")
    source_path: Mapped[str | None] = mapped_column(Text, default=None)
    language: Mapped[str] = mapped_column(String(10), default="nl")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Blind parallel coding: while blind and not revealed, coders see only their own layer.
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    revealed_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)

    attributes: Mapped[list[DocumentAttribute]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentAttribute.key"
    )
    turns: Mapped[list[SpeakerTurn]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="SpeakerTurn.start"
    )


# Attributes every study uses to slice results; any other key is a free case variable.
STANDARD_ATTRIBUTES = (
    "intervention",
    "institution",
    "education_level",
    "source_type",
    "language",
    "interviewer",
    "interview_date",
)


class DocumentAttribute(Base):
    __tablename__ = "document_attributes"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    document: Mapped[Document] = relationship(back_populates="attributes")


class SpeakerTurn(Base):
    __tablename__ = "speaker_turns"
    __table_args__ = (Index("ix_speaker_turns_document_start", "document_id", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    speaker: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    document: Mapped[Document] = relationship(back_populates="turns")


UNIT_KINDS = ("sentence", "paragraph", "turn")


class TextUnit(Base):
    """Segmentation units (sentences, paragraphs, turns) used for agreement and auto-coding."""

    __tablename__ = "text_units"
    __table_args__ = (Index("ix_text_units_document_kind", "document_id", "kind", "start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Assignment(Base):
    """Which coder is to code which document (for progress and blind parallel coding)."""

    __tablename__ = "assignments"
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    coder_id: Mapped[int] = mapped_column(
        ForeignKey("coders.id", ondelete="CASCADE"), primary_key=True
    )
    assigned_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    done: Mapped[bool] = mapped_column(Boolean, default=False)


class Code(Base):
    """A node of the codebook tree: depth makes it a cluster, category or code.

    ``guid`` is the stable identity: it survives renames, moves and exchange via REFI-QDA.
    """

    __tablename__ = "codes"
    __table_args__ = (CheckConstraint("origin IN ('deductive', 'inductive')", name="origin"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("codes.id", ondelete="RESTRICT"), index=True, default=None
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(300))
    definition: Mapped[str] = mapped_column(Text, default="")
    inclusion: Mapped[str] = mapped_column(Text, default="")
    exclusion: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    # "": nobody chose a colour (views paint a default; exports write none).
    colour: Mapped[str] = mapped_column(String(9), default="")
    # False for a category that only groups codes (REFI-QDA isCodable="false").
    codable: Mapped[bool] = mapped_column(Boolean, default=True)
    origin: Mapped[str] = mapped_column(String(12), default="deductive")
    # Realist evaluation tag: context, mechanism or outcome (None when not a CMO code).
    cmo: Mapped[str | None] = mapped_column(String(12), default=None)
    creator_id: Mapped[int | None] = mapped_column(
        ForeignKey("coders.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Optimistic concurrency: every ORM update checks and bumps it, so an edit made on an
    # older version of the code fails instead of silently overwriting a colleague's.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__: ClassVar[dict[str, Any]] = {"version_id_col": version}


class CodebookVersion(Base):
    """A released codebook: label, note and a frozen snapshot (native JSON of the tree)."""

    __tablename__ = "codebook_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    label: Mapped[str] = mapped_column(String(100), unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    released_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("coders.id", ondelete="SET NULL"), default=None
    )
    released_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    snapshot: Mapped[str] = mapped_column(Text)
    # The change log id up to which this snapshot reflects edits (for merges/splits in diffs).
    last_change_id: Mapped[int] = mapped_column(Integer, default=0)


class CodebookChange(Base):
    """The codebook's logbook: every edit with who, when, what, before and after (JSON)."""

    __tablename__ = "codebook_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    coder_id: Mapped[int | None] = mapped_column(
        ForeignKey("coders.id", ondelete="SET NULL"), default=None
    )
    action: Mapped[str] = mapped_column(String(30))
    code_guid: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    before: Mapped[str | None] = mapped_column(Text, default=None)
    after: Mapped[str | None] = mapped_column(Text, default=None)
    note: Mapped[str] = mapped_column(Text, default="")


class CodeAlias(Base):
    """Merge mappings: codings that arrive later under ``source_guid`` follow ``target_guid``."""

    __tablename__ = "code_aliases"
    source_guid: Mapped[str] = mapped_column(String(36), primary_key=True)
    target_guid: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Coding(Base):
    __tablename__ = "codings"
    __table_args__ = (
        CheckConstraint('"end" > start', name="span"),
        CheckConstraint("start >= 0", name="start"),
        Index("ix_codings_document_coder", "document_id", "coder_id"),
        Index("ix_codings_code", "code_id"),
        # One coder codes one span with one code once: a second identical coding would
        # count twice in frequencies, agreement and exports.
        UniqueConstraint(
            "document_id", "coder_id", "code_id", "start", "end", name="uq_codings_exact"
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    codebook_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("codebook_versions.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    illustrative: Mapped[bool] = mapped_column(Boolean, default=False)
    quote_rank: Mapped[int | None] = mapped_column(Integer, default=None)


MEMO_TARGETS = ("project", "document", "code", "coding")


class Memo(Base):
    __tablename__ = "memos"
    __table_args__ = (
        CheckConstraint("target IN ('project', 'document', 'code', 'coding')", name="target"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(12))
    document_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), default=None
    )
    code_id: Mapped[int | None] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), default=None
    )
    coding_id: Mapped[int | None] = mapped_column(
        ForeignKey("codings.id", ondelete="CASCADE"), default=None
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("coders.id", ondelete="SET NULL"), default=None
    )
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Summary(Base):
    """A researcher's summary of a code or cluster, per slice (e.g. one intervention) or overall.

    ``scope_key``/``scope_value`` name the slice (``intervention``/``Peercoaching``); both
    empty means across all documents.
    """

    __tablename__ = "summaries"
    __table_args__ = (UniqueConstraint("code_id", "scope_key", "scope_value", name="scope"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))
    scope_key: Mapped[str] = mapped_column(String(100), default="")
    scope_value: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("coders.id", ondelete="SET NULL"), default=None
    )
    modified_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
