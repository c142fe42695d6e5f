"""Codebook releases and the logbook of changes."""

from __future__ import annotations

import builtins
import json
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.codebook_diff import CodebookDiff, changes_from_log, diff_codebooks
from qualcode.core.codebook_spec import CodebookSpec
from qualcode.core.errors import DomainError, NotFound
from qualcode.core.models import CodebookChange, CodebookVersion, Coder
from qualcode.core.records import ChangeRecord, VersionRecord
from qualcode.core.services import codebook_tree as tree
from qualcode.core.services.lookup import CodeRef, CoderRef, get_code, get_coder, is_guid
from qualcode.core.team.rights import lead_only

if TYPE_CHECKING:
    from qualcode.core.project import Project

WORKING = "working"


def latest_version_id(session: Session) -> int | None:
    return session.scalar(select(func.max(CodebookVersion.id)))


class VersionService:
    def __init__(self, project: Project) -> None:
        self._project = project

    @lead_only("release a codebook version")
    def release(
        self, label: str, *, note: str = "", coder: CoderRef | None = None
    ) -> VersionRecord:
        """Freeze the working codebook as a named version (only a lead may release)."""
        label = label.strip()
        if not label or label == WORKING:
            raise DomainError(f"a version needs a label other than {WORKING!r}")
        with self._project.transaction() as session:
            who = get_coder(session, coder) if coder is not None else None
            if who is not None and who.role != "lead":
                raise DomainError(f"only a lead can release a version; {who.name} is a {who.role}")
            if session.scalar(select(CodebookVersion).where(CodebookVersion.label == label)):
                raise DomainError(f"version {label!r} already exists")
            spec = tree.snapshot_spec(session, self._project.name)
            last_change = session.scalar(select(func.max(CodebookChange.id))) or 0
            version = CodebookVersion(
                label=label,
                note=note,
                released_by_id=who.id if who else None,
                snapshot=tree.spec_to_json(spec),
                last_change_id=last_change,
            )
            session.add(version)
            session.flush()
            session.add(
                CodebookChange(
                    coder_id=who.id if who else None,
                    action="release",
                    after=json.dumps({"label": label, "note": note}),
                    note=note,
                )
            )
            record = self._record(session, version)
        self._project.notify(Change("versions", (record.id,)))
        return record

    def _record(self, session: Session, version: CodebookVersion) -> VersionRecord:
        by = session.get(Coder, version.released_by_id) if version.released_by_id else None
        spec = tree.spec_from_json(version.snapshot)
        return VersionRecord(
            id=version.id,
            label=version.label,
            note=version.note,
            released_by=by.name if by else None,
            released_at=version.released_at,
            code_count=sum(1 for _ in spec.walk()),
        )

    def list(self) -> builtins.list[VersionRecord]:
        with self._project.reading() as session:
            versions = session.scalars(select(CodebookVersion).order_by(CodebookVersion.id))
            return [self._record(session, v) for v in versions]

    def snapshot(self, label: str) -> CodebookSpec:
        """A released version's tree, or the working codebook for ``working``."""
        with self._project.reading() as session:
            if label == WORKING:
                return tree.snapshot_spec(session, self._project.name)
            return tree.spec_from_json(self._get(session, label).snapshot)

    @staticmethod
    def _get(session: Session, label: str) -> CodebookVersion:
        version = session.scalar(select(CodebookVersion).where(CodebookVersion.label == label))
        if version is None:
            known = ", ".join(session.scalars(select(CodebookVersion.label))) or "none yet"
            raise NotFound(f"unknown codebook version {label!r} (known: {known})")
        return version

    def change_range(self, from_label: str, to_label: str = WORKING) -> tuple[int, int | None]:
        """Change-log ids (exclusive, inclusive) between two versions."""
        with self._project.reading() as session:
            low = self._get(session, from_label).last_change_id if from_label != WORKING else None
            high = self._get(session, to_label).last_change_id if to_label != WORKING else None
            if low is None:
                raise DomainError("the working state can only be the later side of a diff")
            return low, high

    def log(
        self, code: CodeRef | None = None, *, limit: int | None = None
    ) -> builtins.list[ChangeRecord]:
        """The logbook, oldest first; with ``code``, only entries about that code.

        A deleted or merged code can still be asked about by its guid.
        """
        with self._project.reading() as session:
            query = select(CodebookChange).order_by(CodebookChange.id)
            if code is not None:
                if isinstance(code, str) and is_guid(code):
                    guid = code.lower()
                else:
                    guid = get_code(session, code, follow_aliases=False).guid
                query = query.where(CodebookChange.code_guid == guid)
            if limit is not None:
                query = query.limit(limit)
            coders = {c.id: c.name for c in session.scalars(select(Coder))}
            return [
                ChangeRecord(
                    id=row.id,
                    at=row.at,
                    coder=coders.get(row.coder_id) if row.coder_id else None,
                    action=row.action,
                    code_guid=row.code_guid,
                    before=json.loads(row.before) if row.before else None,
                    after=json.loads(row.after) if row.after else None,
                    note=row.note,
                )
                for row in session.scalars(query)
            ]

    def log_between(self, low: int, high: int | None) -> builtins.list[ChangeRecord]:
        return [c for c in self.log() if c.id > low and (high is None or c.id <= high)]

    def diff(self, from_label: str, to_label: str = WORKING) -> CodebookDiff:
        """What changed in the codebook between two versions (or a version and now)."""
        old = self.snapshot(from_label)
        new = self.snapshot(to_label)
        low, high = self.change_range(from_label, to_label)
        entries: list[dict[str, object]] = []
        for change in self.log_between(low, high):
            after = change.after or {}
            if change.action == "merge" and change.code_guid:
                entries.append(
                    {
                        "action": "merge",
                        "sources": [change.code_guid],
                        "target": after.get("target_guid"),
                    }
                )
            elif change.action == "split" and change.code_guid:
                entries.append(
                    {
                        "action": "split",
                        "source": change.code_guid,
                        "targets": after.get("targets", []),
                    }
                )
        merges, splits = changes_from_log(entries)
        diff = diff_codebooks(old, new, merges=merges, splits=splits)
        diff.old_label, diff.new_label = from_label, to_label
        return diff
