"""Bring the stored codebook in line with a merged tree, in one transaction.

Used after a codebook merge or import: :func:`qualcode.core.codebook_merge.apply_plan`
computes the merged tree purely; this module stores the difference (new codes, changed
fields, moves) with logbook entries, and records which incoming ids now mean which code.
Codes absent from the tree are left alone: a merge never deletes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.codebook_spec import CodebookSpec, CodeNode
from qualcode.core.models import Code, CodeAlias, utcnow
from qualcode.core.services import codebook_tree as tree
from qualcode.core.services.lookup import CoderRef, get_coder
from qualcode.core.team.rights import require_lead

if TYPE_CHECKING:
    from qualcode.core.project import Project

SYNCED_FIELDS = (
    "name",
    "definition",
    "inclusion",
    "exclusion",
    "example",
    "colour",
    "origin",
    "codable",
)


@dataclass(frozen=True)
class SyncSummary:
    added: int
    updated: int
    moved: int
    aliases: int


def sync_codebook(
    project: Project,
    spec: CodebookSpec,
    *,
    coder: CoderRef | None = None,
    aliases: Mapping[str, str] | None = None,
    note: str = "",
) -> SyncSummary:
    """Store ``spec`` (every node with a guid) over the working codebook."""
    require_lead(project, "edit the codebook")
    with project.transaction() as session:
        summary = sync_in_session(project, session, spec, coder=coder, aliases=aliases, note=note)
    project.notify(Change("codebook"))
    return summary


def sync_in_session(
    project: Project,
    session: Session,
    spec: CodebookSpec,
    *,
    coder: CoderRef | None = None,
    aliases: Mapping[str, str] | None = None,
    note: str = "",
) -> SyncSummary:
    """The work of :func:`sync_codebook` inside a caller's transaction (a project merge
    stores codebook, documents and codings as one unit)."""
    service = project.codebook
    added = updated = moved = 0
    who = get_coder(session, coder) if coder is not None else None
    by_guid = {c.guid: c for c in session.scalars(select(Code))}

    # Depth first with an explicit stack (no recursive closure holding ORM rows in a
    # reference cycle: see codebook_tree.ordered_records).
    stack: list[tuple[CodeNode, int, Code | None]] = [
        (node, position, None) for position, node in reversed(list(enumerate(spec.codes)))
    ]
    while stack:
        node, position, parent = stack.pop()
        guid = (node.guid or "").lower() or None
        code = by_guid.get(guid) if guid else None
        fields = {f: getattr(node, f) for f in SYNCED_FIELDS}
        fields["colour"] = fields["colour"] or code.colour if code else fields["colour"]
        parent_id = parent.id if parent else None
        if code is None:
            name = str(fields.pop("name"))
            code = service._add(session, name, parent, who, position, guid, fields)
            by_guid[code.guid] = code
            added += 1
        else:
            before = service._state(session, code)
            changed = {k: v for k, v in fields.items() if v is not None and getattr(code, k) != v}
            relocated = code.parent_id != parent_id or code.position != position
            if changed:
                for key, value in changed.items():
                    setattr(code, key, value)
                code.modified_at = utcnow()
                updated += 1
            if code.parent_id != parent_id:
                moved += 1
            code.parent_id, code.position = parent_id, position
            session.flush()
            if changed or relocated:
                action = "update" if changed else "move"
                service.log(
                    session,
                    who,
                    action,
                    code.guid,
                    before,
                    service._state(session, code),
                    note=note,
                )
        stack.extend(
            (child, index, code) for index, child in reversed(list(enumerate(node.children)))
        )
    session.flush()
    service._renumber(session, None)
    alias_count = 0
    for source, target in (aliases or {}).items():
        source, target = source.lower(), target.lower()
        if source != target and source not in by_guid:
            session.merge(CodeAlias(source_guid=source, target_guid=target))
            alias_count += 1
    service.log(
        session,
        who,
        "import",
        None,
        None,
        {"added": added, "updated": updated, "moved": moved},
        note=note,
    )
    tree.load_codes(session)  # flush-time checks before commit
    return SyncSummary(added, updated, moved, alias_count)
