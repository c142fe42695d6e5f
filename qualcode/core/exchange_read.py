"""Read a stored project into a :class:`~qualcode.core.exchange.ProjectBundle`.

Identifiers are stable: a row that carries a GUID (codes always; coders and documents
once one was imported) keeps it, and anything else gets a GUID derived from what it is
(a coder from their name, a document from its text, a coding from document, coder, code
and span, a memo from its target and text). Exporting twice gives the same file, and two
copies of one project name the same things alike, which is what merging relies on.
"""

from __future__ import annotations

import hashlib
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import select

from qualcode.core.exchange import (
    SET_ATTRIBUTE_PREFIX,
    BundleCoding,
    BundleNote,
    BundleSet,
    BundleSource,
    BundleSummary,
    BundleUser,
    ProjectBundle,
)
from qualcode.core.models import (
    Code,
    Coder,
    Coding,
    Document,
    DocumentAttribute,
    Memo,
    SpeakerTurn,
    Summary,
    TextUnit,
)
from qualcode.core.services import codebook_tree as tree

if TYPE_CHECKING:
    from qualcode.core.project import Project

_NAMESPACE = uuid.UUID("5b0f3c1e-8d7a-4e2b-9f61-3a4c5d6e7f80")
PRODUCER = "Qualcode"


def derived_guid(*parts: object) -> str:
    """``uuid5(_NAMESPACE, parts joined)``, computed directly: an export derives one per
    coding, and ``uuid.uuid5`` costs three times as much through its UUID object."""
    data = bytearray(
        hashlib.sha1(_NAMESPACE.bytes + "\x1f".join(str(p) for p in parts).encode()).digest()[:16]
    )
    data[6] = (data[6] & 0x0F) | 0x50  # version 5
    data[8] = (data[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = data.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def coder_guid(name: str) -> str:
    return derived_guid("coder", name)


def document_guid(content_hash: str) -> str:
    return derived_guid("document", content_hash)


def coding_guid(source: str, user: str | None, code: str, start: int, end: int) -> str:
    return derived_guid("coding", source.lower(), (user or "").lower(), code.lower(), start, end)


def note_guid(target: str, target_guid: str | None, title: str, body: str) -> str:
    digest = hashlib.sha256(f"{title}\x1f{body}".encode()).hexdigest()
    return derived_guid("note", target, (target_guid or "").lower(), digest)


def bundle_from_project(project: Project, *, with_layout: bool = False) -> ProjectBundle:
    """Everything the project holds that REFI-QDA can carry (read in one session).

    ``with_layout`` adds speaker turns and units per document (a merge of another
    Qualcode project stores them with new documents; a .qdpx has no place for them).
    """
    bundle = ProjectBundle(name=project.name, origin=PRODUCER)
    with project.reading() as session:
        bundle.codebook = tree.snapshot_spec(session, project.name)
        code_guids = dict(session.execute(select(Code.id, Code.guid)).all())
        bundle.cmo = {
            guid: cmo
            for guid, cmo in session.execute(
                select(Code.guid, Code.cmo).where(Code.cmo.is_not(None))
            )
        }
        users: dict[int, str] = {}
        for coder_id, name, role, guid in session.execute(
            select(Coder.id, Coder.name, Coder.role, Coder.guid).order_by(Coder.name)
        ):
            users[coder_id] = guid or coder_guid(name)
            bundle.users.append(BundleUser(users[coder_id], name, role))

        attributes: dict[int, dict[str, str]] = {}
        for doc_id, key, value in session.execute(
            select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value)
        ):
            attributes.setdefault(doc_id, {})[key] = value
        sources: dict[int, str] = {}
        taken: set[str] = set()  # GUIDs must be unique in a file
        sets: dict[str, BundleSet] = {}
        for doc_id, name, text, digest, guid, language, blind in session.execute(
            select(
                Document.id,
                Document.name,
                Document.text,
                Document.content_hash,
                Document.guid,
                Document.language,
                Document.blind,
            ).order_by(Document.name)
        ):
            sources[doc_id] = guid or document_guid(digest)
            if sources[doc_id] in taken:  # the same text imported twice (--force)
                sources[doc_id] = derived_guid("document", digest, doc_id)
            taken.add(sources[doc_id])
            plain = {}
            for key, value in sorted(attributes.get(doc_id, {}).items()):
                if key.startswith(SET_ATTRIBUTE_PREFIX):
                    set_name = key[len(SET_ATTRIBUTE_PREFIX) :]
                    group = sets.setdefault(
                        set_name, BundleSet(derived_guid("set", set_name), set_name)
                    )
                    group.source_guids.append(sources[doc_id])
                else:
                    plain[key] = value
            bundle.sources.append(
                BundleSource(
                    guid=sources[doc_id],
                    name=name,
                    text=text,
                    attributes=plain,
                    language=language,
                    blind=bool(blind),
                )
            )
        bundle.sets = list(sets.values())
        if with_layout:
            by_id = {sources[i]: s for i, s in zip(sources, bundle.sources, strict=True)}
            for doc_id, speaker, start, end in session.execute(
                select(
                    SpeakerTurn.document_id, SpeakerTurn.speaker, SpeakerTurn.start, SpeakerTurn.end
                )
            ):
                by_id[sources[doc_id]].turns.append((speaker, start, end))
            for doc_id, kind, start, end in session.execute(
                select(TextUnit.document_id, TextUnit.kind, TextUnit.start, TextUnit.end)
            ):
                by_id[sources[doc_id]].units.append((kind, start, end))

        codings: dict[int, str] = {}
        for row in session.execute(
            select(
                Coding.id,
                Coding.document_id,
                Coding.code_id,
                Coding.coder_id,
                Coding.start,
                Coding.end,
                Coding.memo,
                Coding.created_at,
                Coding.illustrative,
                Coding.quote_rank,
            ).order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
        ):
            source, code, user = (
                sources[row.document_id],
                code_guids[row.code_id],
                users[row.coder_id],
            )
            codings[row.id] = coding_guid(source, user, code, row.start, row.end)
            bundle.codings.append(
                BundleCoding(
                    guid=codings[row.id],
                    source_guid=source,
                    code_guid=code,
                    user_guid=user,
                    start=row.start,
                    end=row.end,
                    memo=row.memo,
                    created_at=row.created_at,
                    illustrative=bool(row.illustrative),
                    quote_rank=row.quote_rank,
                )
            )
        for code_id, key, value, body, author in session.execute(
            select(
                Summary.code_id,
                Summary.scope_key,
                Summary.scope_value,
                Summary.body,
                Summary.author_id,
            ).order_by(Summary.id)
        ):
            bundle.summaries.append(
                BundleSummary(code_guids[code_id], key, value, body, users.get(author or 0))
            )

        for memo in session.execute(select(Memo).order_by(Memo.id)).scalars():
            target_guid = {
                "document": sources.get(memo.document_id or 0),
                "code": code_guids.get(memo.code_id or 0),
                "coding": codings.get(memo.coding_id or 0),
            }.get(memo.target)
            guid = note_guid(memo.target, target_guid, memo.title, memo.body)
            if guid in taken:  # the same memo written twice on one target
                guid = derived_guid("note", memo.id, guid)
            taken.add(guid)
            bundle.notes.append(
                BundleNote(
                    guid=guid,
                    body=memo.body,
                    title=memo.title,
                    target=memo.target,
                    target_guid=target_guid,
                    author_guid=users.get(memo.author_id or 0),
                    created_at=memo.created_at,
                )
            )
    return bundle
