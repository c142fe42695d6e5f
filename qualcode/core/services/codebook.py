"""Editing the working codebook; every edit is one transaction and one logbook entry."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qualcode.core.changes import Change
from qualcode.core.codebook_spec import (
    DEFAULT_COLOUR,
    ORIGINS,
    CodebookSpec,
    CodeNode,
    join_path,
)
from qualcode.core.errors import DomainError
from qualcode.core.models import Code, CodebookChange, Coder, Coding, utcnow
from qualcode.core.records import CodeRecord
from qualcode.core.services import codebook_tree as tree
from qualcode.core.services.codings import move_codings
from qualcode.core.services.lookup import CodeRef, CoderRef, get_code, get_coder
from qualcode.core.team.concurrency import conflict_error
from qualcode.core.team.rights import acting_coder_id, lead_only

if TYPE_CHECKING:
    from qualcode.core.project import Project

_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
CMO_TAGS = ("context", "mechanism", "outcome")
__all__ = ["DEFAULT_COLOUR", "CodebookService", "validate_fields"]
EDITABLE = (
    "name",
    "definition",
    "inclusion",
    "exclusion",
    "example",
    "colour",
    "origin",
    "cmo",
    "codable",
)


def validate_fields(fields: dict[str, Any]) -> None:
    if "name" in fields:
        name = str(fields["name"]).strip()
        if not name:
            raise DomainError("a code needs a name")
        fields["name"] = name
    if "colour" in fields:
        # Empty or None: no colour chosen (stored as ""; views paint a default).
        fields["colour"] = fields["colour"] or ""
        if fields["colour"] and not _COLOUR.match(fields["colour"]):
            raise DomainError(f"colour {fields['colour']!r} is not of the form #RRGGBB")
    if "origin" in fields and fields["origin"] not in ORIGINS:
        raise DomainError(f"origin must be one of {', '.join(ORIGINS)}, not {fields['origin']!r}")
    if "codable" in fields and not isinstance(fields["codable"], bool):
        raise DomainError("codable must be true or false")
    if fields.get("cmo") not in (None, *CMO_TAGS):
        raise DomainError(f"CMO tag must be one of {', '.join(CMO_TAGS)}")


class CodebookService:
    def __init__(self, project: Project) -> None:
        self._project = project

    # Reading ---------------------------------------------------------------------------
    def tree(self) -> list[CodeRecord]:
        with self._project.reading() as session:
            return tree.ordered_records(tree.load_codes(session))

    def get(self, ref: CodeRef) -> CodeRecord:
        with self._project.reading() as session:
            code = get_code(session, ref)
            return tree.code_record(code, tree.path_of(session, code))

    def usage(self, viewer: CoderRef | None = None) -> dict[int, int]:
        """Codings per code id (codes without codings are absent).

        With ``viewer``, counts only what that coder may see: on blind, unrevealed
        documents a coder counts only their own codings.
        """
        if viewer is None and self._project.identity is not None:
            viewer = self._project.identity.id  # the session's coder counts
        with self._project.reading() as session:
            if viewer is None:
                return tree.usage_counts(session)
            return tree.usage_counts(session, get_coder(session, viewer))

    def snapshot(self) -> CodebookSpec:
        with self._project.reading() as session:
            return tree.snapshot_spec(session, self._project.name)

    # Logging ---------------------------------------------------------------------------
    @staticmethod
    def log(
        session: Session,
        coder: Coder | None,
        action: str,
        guid: str | None,
        before: dict[str, object] | None = None,
        after: dict[str, object] | None = None,
        note: str = "",
    ) -> None:
        session.add(
            CodebookChange(
                coder_id=coder.id if coder else None,
                action=action,
                code_guid=guid,
                before=json.dumps(before, ensure_ascii=False, default=str) if before else None,
                after=json.dumps(after, ensure_ascii=False, default=str) if after else None,
                note=note,
            )
        )

    def _state(self, session: Session, code: Code) -> dict[str, object]:
        state = tree.code_state(code)
        parent = session.get(Code, code.parent_id) if code.parent_id else None
        state["parent_guid"] = parent.guid if parent else None
        state["path"] = join_path(tree.path_of(session, code))
        return state

    def _coder(self, session: Session, ref: CoderRef | None) -> Coder | None:
        """Who the logbook names: the given coder, or on a team server the login's coder."""
        if ref is None:
            ref = acting_coder_id(self._project)
        return get_coder(session, ref) if ref is not None else None

    # Editing ---------------------------------------------------------------------------
    @lead_only("edit the codebook")
    def add(
        self,
        name: str,
        *,
        parent: CodeRef | None = None,
        coder: CoderRef | None = None,
        position: int | None = None,
        guid: str | None = None,
        **fields: Any,
    ) -> CodeRecord:
        """Create a code under ``parent`` (top level when None)."""
        with self._project.transaction() as session:
            code = self._add(
                session, name, parent, self._coder(session, coder), position, guid, fields
            )
            record = tree.code_record(code, tree.path_of(session, code))
        self._project.notify(Change("codebook", (record.id,)))
        return record

    def _add(
        self,
        session: Session,
        name: str,
        parent: CodeRef | Code | None,
        coder: Coder | None,
        position: int | None,
        guid: str | None,
        fields: dict[str, Any],
    ) -> Code:
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise DomainError(f"unknown code field(s): {', '.join(sorted(unknown))}")
        fields = {**fields, "name": name}
        validate_fields(fields)
        parent_code = (
            parent if isinstance(parent, Code) or parent is None else get_code(session, parent)
        )
        parent_id = parent_code.id if parent_code else None
        self._check_sibling_name(session, parent_id, fields["name"], None)
        if guid is not None:
            guid = guid.lower()
            if session.scalar(select(Code.id).where(Code.guid == guid)) is not None:
                raise DomainError(f"a code with id {guid} already exists")
        siblings = session.scalar(select(func.count()).where(self._parent_is(parent_id))) or 0
        code = Code(
            guid=guid or str(uuid.uuid4()),
            parent_id=parent_id,
            position=siblings if position is None else position,
            creator_id=coder.id if coder else None,
            # No colour chosen stays None: views paint a default, exports write none.
            colour=fields.pop("colour", None) or "",
            codable=fields.pop("codable", True) is not False,
            **{k: ("" if v is None and k not in ("cmo",) else v) for k, v in fields.items()},
        )
        if position is not None and position < siblings:
            # Only when inserting before a sibling: an UPDATE here makes the session
            # re-evaluate every loaded code (8,000 merged codes took 186 s).
            self._make_room(session, parent_id, position)
        session.add(code)
        session.flush()
        self.log(session, coder, "create", code.guid, None, self._state(session, code))
        return code

    def _check_version(self, session: Session, code: Code, expected: int | None) -> None:
        if expected is not None and code.version != expected:
            raise conflict_error(self._project, code.id, expected, session=session)

    @staticmethod
    def _parent_is(parent_id: int | None) -> Any:
        return Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id

    def _check_sibling_name(
        self, session: Session, parent_id: int | None, name: str, except_id: int | None
    ) -> None:
        clash = session.scalar(
            select(Code).where(self._parent_is(parent_id), func.lower(Code.name) == name.lower())
        )
        if clash is not None and clash.id != except_id:
            where = join_path(tree.path_of(session, clash))
            raise DomainError(f"a code named {name!r} already exists here ({where})")

    def _make_room(self, session: Session, parent_id: int | None, position: int) -> None:
        session.execute(
            update(Code)
            .where(self._parent_is(parent_id), Code.position >= position)
            .values(position=Code.position + 1)
        )

    @lead_only("edit the codebook")
    def update(
        self,
        ref: CodeRef,
        *,
        coder: CoderRef | None = None,
        expected_version: int | None = None,
        **fields: Any,
    ) -> CodeRecord:
        """Rename, redefine, recolour, change origin or CMO tag; logs before and after.

        ``expected_version``: the version of the code the edit was made on; when someone
        changed it since, the edit is refused (EditConflict) and nothing is written.
        """
        unknown = set(fields) - set(EDITABLE)
        if unknown:
            raise DomainError(f"unknown code field(s): {', '.join(sorted(unknown))}")
        validate_fields(fields)
        with self._project.transaction() as session:
            code = get_code(session, ref)
            code_id = code.id
            self._check_version(session, code, expected_version)
            before = self._state(session, code)
            changed = {k: v for k, v in fields.items() if getattr(code, k) != v}
            if "name" in changed:
                self._check_sibling_name(session, code.parent_id, changed["name"], code.id)
            if changed:
                for key, value in changed.items():
                    setattr(code, key, value)
                code.modified_at = utcnow()
                try:
                    session.flush()
                except StaleDataError as exc:
                    # Another edit committed between our read and our write: the UPDATE's
                    # version check matched no row. Nothing of ours is written.
                    raise conflict_error(self._project, code_id, expected_version) from exc
                action = "rename" if set(changed) == {"name"} else "update"
                self.log(
                    session,
                    self._coder(session, coder),
                    action,
                    code.guid,
                    before,
                    self._state(session, code),
                )
            record = tree.code_record(code, tree.path_of(session, code))
        self._project.notify(Change("codebook", (record.id,)))
        return record

    @lead_only("edit the codebook")
    def move(
        self,
        ref: CodeRef,
        *,
        parent: CodeRef | None,
        position: int | None = None,
        coder: CoderRef | None = None,
        expected_version: int | None = None,
    ) -> CodeRecord:
        """Re-parent and/or reorder a code with its whole subtree.

        ``expected_version``: as for :meth:`update`, a move based on an older version of
        the code is refused (EditConflict).
        """
        with self._project.transaction() as session:
            code = get_code(session, ref)
            self._check_version(session, code, expected_version)
            new_parent = get_code(session, parent) if parent is not None else None
            if new_parent is not None and new_parent.id in tree.descendant_ids(session, code.id):
                raise DomainError("a code cannot be moved under itself or its own sub-codes")
            before = self._state(session, code)
            parent_id = new_parent.id if new_parent else None
            self._check_sibling_name(session, parent_id, code.name, code.id)
            # Close the gap at the old place, then open one at the new place.
            session.execute(
                update(Code)
                .where(
                    self._parent_is(code.parent_id),
                    Code.position > code.position,
                    Code.id != code.id,
                )
                .values(position=Code.position - 1)
            )
            siblings = (
                session.scalar(
                    select(func.count()).where(self._parent_is(parent_id), Code.id != code.id)
                )
                or 0
            )
            target = siblings if position is None else max(0, min(position, siblings))
            session.flush()
            self._make_room(session, parent_id, target)
            code.parent_id = parent_id
            code.position = target
            code.modified_at = utcnow()
            session.flush()
            self.log(
                session,
                self._coder(session, coder),
                "move",
                code.guid,
                before,
                self._state(session, code),
            )
            record = tree.code_record(code, tree.path_of(session, code))
        self._project.notify(Change("codebook", (record.id,)))
        return record

    @lead_only("edit the codebook")
    def merge(
        self, sources: Sequence[CodeRef], target: CodeRef, *, coder: CoderRef | None = None
    ) -> CodeRecord:
        """Fold codes into ``target``: codings follow, same-coder same-span twins collapse.

        Sub-codes of a source move under the target. The sources' guids become aliases of
        the target, so codings imported later under an old id still land.
        """
        from qualcode.core.models import CodeAlias

        with self._project.transaction() as session:
            target_code = get_code(session, target)
            who = self._coder(session, coder)
            source_codes = [get_code(session, s) for s in sources]
            if not source_codes:
                raise DomainError("choose at least one code to merge")
            for source in source_codes:
                if source.id == target_code.id:
                    raise DomainError("a code cannot be merged into itself")
                if target_code.id in tree.descendant_ids(session, source.id):
                    raise DomainError(
                        f"cannot merge {source.name!r} into its own sub-code {target_code.name!r}"
                    )
            for source in source_codes:
                before = self._state(session, source)
                for child in session.scalars(select(Code).where(Code.parent_id == source.id)):
                    self._check_sibling_name(session, target_code.id, child.name, None)
                    child.parent_id = target_code.id
                move_codings(session, [source.id], target_code.id)
                session.merge(CodeAlias(source_guid=source.guid, target_guid=target_code.guid))
                session.execute(
                    update(CodeAlias)
                    .where(CodeAlias.target_guid == source.guid)
                    .values(target_guid=target_code.guid)
                )
                self.log(
                    session,
                    who,
                    "merge",
                    source.guid,
                    before,
                    {
                        "target_guid": target_code.guid,
                        "target_path": join_path(tree.path_of(session, target_code)),
                    },
                )
                session.delete(source)
                session.flush()
            self._renumber(session, None)
            record = tree.code_record(target_code, tree.path_of(session, target_code))
        self._project.notify(Change("codebook", (record.id,)))
        self._project.notify(Change("codings"))
        return record

    def _renumber(self, session: Session, parent_id: int | None) -> None:
        """Positions 0..n-1 among siblings after removals (recursively for all parents)."""
        for parent in {c.parent_id for c in tree.load_codes(session)} | {None}:
            siblings = session.scalars(
                select(Code).where(self._parent_is(parent)).order_by(Code.position, Code.name)
            )
            for index, sibling in enumerate(siblings):
                sibling.position = index

    @lead_only("edit the codebook")
    def split(
        self,
        ref: CodeRef,
        new_names: Sequence[str],
        *,
        coder: CoderRef | None = None,
        guids: Sequence[str] | None = None,
    ) -> list[CodeRecord]:
        """Create new sibling codes that take over part of a code's meaning.

        The original keeps its codings; the user reassigns them with
        ``codings.reassign``. The logbook records the split for diffs.
        """
        if not new_names:
            raise DomainError("a split needs at least one new code name")
        if guids is not None and len(guids) != len(new_names):
            raise DomainError("give one id per new code, or none")
        with self._project.transaction() as session:
            code = get_code(session, ref)
            who = self._coder(session, coder)
            parent = session.get(Code, code.parent_id) if code.parent_id else None
            new_guids = list(guids) if guids is not None else [None] * len(new_names)
            created = [
                self._add(
                    session,
                    name,
                    parent,
                    who,
                    None,
                    guid,
                    {"origin": code.origin, "colour": code.colour},
                )
                for name, guid in zip(new_names, new_guids, strict=True)
            ]
            self.log(
                session,
                who,
                "split",
                code.guid,
                self._state(session, code),
                {"targets": [c.guid for c in created]},
            )
            records = [tree.code_record(c, tree.path_of(session, c)) for c in created]
        self._project.notify(Change("codebook", tuple(r.id for r in records)))
        return records

    @lead_only("edit the codebook")
    def delete(
        self,
        ref: CodeRef,
        *,
        coder: CoderRef | None = None,
        codings: str = "refuse",
        move_to: CodeRef | None = None,
        expected_version: int | None = None,
    ) -> None:
        """Delete a code (and its sub-codes).

        ``codings``: "refuse" (default: error while codings exist), "drop" (delete them),
        or "move" (to ``move_to``). ``expected_version``: refuse (EditConflict) when the
        code changed since the user saw it.
        """
        if codings not in ("refuse", "drop", "move"):
            raise DomainError("codings must be 'refuse', 'drop' or 'move'")
        with self._project.transaction() as session:
            code = get_code(session, ref)
            self._check_version(session, code, expected_version)
            who = self._coder(session, coder)
            ids = tree.descendant_ids(session, code.id)
            used = session.scalar(select(func.count()).where(Coding.code_id.in_(ids))) or 0
            if used and codings == "refuse":
                raise DomainError(
                    f"{join_path(tree.path_of(session, code))} has {used} coding(s); "
                    "move them to another code or choose to drop them"
                )
            if used and codings == "move":
                if move_to is None:
                    raise DomainError("say which code the codings move to")
                destination = get_code(session, move_to)
                if destination.id in ids:
                    raise DomainError("codings cannot move into a code that is being deleted")
                move_codings(session, ids, destination.id)
            elif used:
                session.execute(delete(Coding).where(Coding.code_id.in_(ids)))
            # Children first, so parent foreign keys never dangle.
            for code_id in reversed(ids):
                victim = session.get(Code, code_id)
                assert victim is not None
                self.log(
                    session,
                    who,
                    "delete",
                    victim.guid,
                    self._state(session, victim),
                    None,
                    note=f"{used} coding(s) {codings}" if used and code_id == code.id else "",
                )
                session.delete(victim)
                session.flush()
            self._renumber(session, None)
        self._project.notify(Change("codebook", tuple(ids)))
        self._project.notify(Change("codings"))

    @lead_only("edit the codebook")
    def add_spec(
        self, spec: CodebookSpec, *, coder: CoderRef | None = None, parent: CodeRef | None = None
    ) -> int:
        """Add a whole exchange tree (keeping its guids) in one transaction; returns codes added."""
        with self._project.transaction() as session:
            who = self._coder(session, coder)
            root = get_code(session, parent) if parent is not None else None
            added = 0

            # An explicit stack, not a recursive closure: a closure cycle would keep the ORM
            # rows alive until the garbage collector frees them inside session.close(),
            # which corrupts the heap on CPython 3.11 (see codebook_tree.ordered_records).
            stack: list[tuple[CodeNode, Code | None]] = [(n, root) for n in reversed(spec.codes)]
            while stack:
                node, under = stack.pop()
                code = self._add(
                    session,
                    node.name,
                    under,
                    who,
                    None,
                    node.guid,
                    {
                        "definition": node.definition,
                        "inclusion": node.inclusion,
                        "exclusion": node.exclusion,
                        "example": node.example,
                        "colour": node.colour,
                        "origin": node.origin,
                        "codable": node.codable,
                    },
                )
                added += 1
                stack.extend((child, code) for child in reversed(node.children))
        self._project.notify(Change("codebook"))
        return added

    @lead_only("edit the codebook")
    def remove_alias(self, source_guid: str) -> None:
        """Forget a merge mapping (when a merge is undone)."""
        from qualcode.core.models import CodeAlias

        with self._project.transaction() as session:
            alias = session.get(CodeAlias, source_guid.lower())
            if alias is not None:
                session.delete(alias)

    def aliases(self) -> dict[str, str]:
        """Recorded merge mappings: incoming guid -> guid of the code it now means."""
        from qualcode.core.models import CodeAlias

        with self._project.reading() as session:
            return {a.source_guid: a.target_guid for a in session.scalars(select(CodeAlias))}
