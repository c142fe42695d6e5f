"""Coders: the people (and the consensus layer) whose codings the project holds."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING

from sqlalchemy import select

from qualcode.core.changes import Change
from qualcode.core.errors import DomainError
from qualcode.core.models import ROLES, Coder
from qualcode.core.names import clean_name
from qualcode.core.records import CoderRecord
from qualcode.core.services.lookup import CoderRef, get_coder
from qualcode.core.team.rights import lead_only

if TYPE_CHECKING:
    from qualcode.core.project import Project


def coder_record(coder: Coder) -> CoderRecord:
    return CoderRecord(id=coder.id, name=coder.name, role=coder.role)


class CoderService:
    def __init__(self, project: Project) -> None:
        self._project = project

    @lead_only("add coders")
    def add(self, name: str, *, role: str = "coder") -> CoderRecord:
        name = clean_name(name)
        if not name:
            raise DomainError("a coder needs a name")
        if role not in ROLES:
            raise DomainError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
        with self._project.transaction() as session:
            if session.scalar(select(Coder).where(Coder.name == name)) is not None:
                raise DomainError(f"coder {name!r} already exists")
            coder = Coder(name=name, role=role)
            session.add(coder)
            session.flush()
            record = coder_record(coder)
        self._project.notify(Change("coders", (record.id,)))
        return record

    def ensure(self, name: str, *, role: str = "coder") -> CoderRecord:
        """The coder of that name, created if missing (used by importers)."""
        name = clean_name(name)
        with self._project.reading() as session:
            existing = session.scalar(select(Coder).where(Coder.name == name))
            if existing is not None:
                return coder_record(existing)
        return self.add(name, role=role)

    def get(self, ref: CoderRef) -> CoderRecord:
        with self._project.reading() as session:
            return coder_record(get_coder(session, ref))

    def list(self) -> builtins.list[CoderRecord]:
        with self._project.reading() as session:
            return [coder_record(c) for c in session.scalars(select(Coder).order_by(Coder.name))]

    @lead_only("change roles")
    def set_role(self, ref: CoderRef, role: str) -> CoderRecord:
        if role not in ROLES:
            raise DomainError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
        with self._project.transaction() as session:
            coder = get_coder(session, ref)
            coder.role = role
            record = coder_record(coder)
        self._project.notify(Change("coders", (record.id,)))
        return record

    @lead_only("remove coders")
    @lead_only("rename coders")
    def rename(self, ref: CoderRef, name: str) -> CoderRecord:
        """A coder's new name (codings, memos and assignments follow: they hold the id)."""
        name = name.strip()
        if not name:
            raise DomainError("a coder needs a name")
        with self._project.transaction() as session:
            coder = get_coder(session, ref)
            clash = session.scalar(select(Coder).where(Coder.name == name, Coder.id != coder.id))
            if clash is not None:
                raise DomainError(f"coder {name!r} already exists")
            coder.name = name
            record = coder_record(coder)
        identity = self._project.identity
        if identity is not None and identity.id == record.id:
            self._project.identity = record
        self._project.notify(Change("coders", (record.id,)))
        return record

    def remove(self, ref: CoderRef) -> None:
        """Remove a coder who has no codings (codings are never dropped silently)."""
        from qualcode.core.models import Coding

        with self._project.transaction() as session:
            coder = get_coder(session, ref)
            if session.scalar(select(Coding.id).where(Coding.coder_id == coder.id).limit(1)):
                raise DomainError(f"coder {coder.name} has codings and cannot be removed")
            coder_id = coder.id
            session.delete(coder)
        self._project.notify(Change("coders", (coder_id,)))
