"""Finding stored rows by the names users type, with errors that say what is missing."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.core.codebook_spec import split_path
from qualcode.core.errors import NotFound
from qualcode.core.models import Code, CodeAlias, Coder, Document

CoderRef = int | str
DocumentRef = int | str
CodeRef = int | str

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def is_guid(text: str) -> bool:
    return bool(_GUID.match(text))


def get_coder(session: Session, ref: CoderRef) -> Coder:
    coder = (
        session.get(Coder, ref)
        if isinstance(ref, int)
        else session.scalar(select(Coder).where(Coder.name == ref))
    )
    if coder is None:
        raise NotFound(f"unknown coder: {ref}")
    return coder


def document_id(session: Session, ref: DocumentRef) -> int:
    """The id of a document, without loading it (its text can be large)."""
    column = Document.id == ref if isinstance(ref, int) else Document.name == ref
    found = session.scalar(select(Document.id).where(column))
    if found is None:
        raise NotFound(f"unknown document: {ref}")
    return int(found)


def get_document(session: Session, ref: DocumentRef) -> Document:
    document = (
        session.get(Document, ref)
        if isinstance(ref, int)
        else session.scalar(select(Document).where(Document.name == ref))
    )
    if document is None:
        raise NotFound(f"unknown document: {ref}")
    return document


def get_code(session: Session, ref: CodeRef, *, follow_aliases: bool = True) -> Code:
    """A code by id, guid (following merge aliases) or path such as ``A / B / C``."""
    code: Code | None
    if isinstance(ref, int):
        code = session.get(Code, ref)
    elif is_guid(ref):
        code = session.scalar(select(Code).where(Code.guid == ref.lower()))
        if code is None and follow_aliases:
            alias = session.get(CodeAlias, ref.lower())
            if alias is not None:
                code = session.scalar(select(Code).where(Code.guid == alias.target_guid))
    else:
        code = code_by_path(session, split_path(ref))
    if code is None:
        raise NotFound(f"unknown code: {ref}")
    return code


def code_by_path(session: Session, path: tuple[str, ...]) -> Code | None:
    parent_id: int | None = None
    code: Code | None = None
    for part in path:
        code = session.scalar(
            select(Code).where(
                Code.parent_id.is_(parent_id) if parent_id is None else Code.parent_id == parent_id,
                Code.name == part,
            )
        )
        if code is None:
            return None
        parent_id = code.id
    return code
