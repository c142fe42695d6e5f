"""Optimistic concurrency for codebook edits: a stale edit is refused, never applied.

Every code carries a version that each edit bumps (SQLAlchemy's ``version_id_col``): the
UPDATE only matches the version it was based on. The refusal names who changed the code
last, when, and what it looks like now, so the user can reload and redo.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.core.errors import EditConflict
from qualcode.core.models import CodebookChange, Coder

if TYPE_CHECKING:
    from qualcode.core.project import Project
    from qualcode.core.services.lookup import CodeRef


def conflict_error(
    project: Project,
    ref: CodeRef,
    expected_version: int | None,
    *,
    session: Session | None = None,
) -> EditConflict:
    """An EditConflict describing the code's current, committed state."""
    if session is None:
        with project.reading() as fresh:
            return _describe(fresh, ref, expected_version)
    # Our transaction may hold an older snapshot of the row: read it again.
    session.expire_all()
    return _describe(session, ref, expected_version)


def _describe(session: Session, ref: CodeRef, expected_version: int | None) -> EditConflict:
    from qualcode.core.services import codebook_tree as tree
    from qualcode.core.services.lookup import get_code

    code = get_code(session, ref)
    path = " / ".join(tree.path_of(session, code))
    last = session.scalars(
        select(CodebookChange)
        .where(CodebookChange.code_guid == code.guid)
        .order_by(CodebookChange.id.desc())
        .limit(1)
    ).first()
    who = "someone"
    when = ""
    if last is not None:
        author = session.get(Coder, last.coder_id) if last.coder_id else None
        who = author.name if author else who
        when = f" at {last.at:%H:%M:%S}"
    base = f"your version {expected_version}, now {code.version}" if expected_version else ""
    now = {"name": code.name, "definition": code.definition, "colour": code.colour}
    return EditConflict(
        f"{path} was changed by {who}{when} since you loaded it ({base or 'just now'}); "
        f"your edit was not saved. Current state: {json.dumps(now, ensure_ascii=False)}. "
        "Reload and redo your edit."
    )
