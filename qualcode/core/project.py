"""A Qualcode project: one database, its services, and change notifications."""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from qualcode.core import audit, backups, store
from qualcode.core.changes import Change, ChangeStream, Listener
from qualcode.core.errors import DomainError, ProjectError
from qualcode.core.models import (
    Code,
    CodebookVersion,
    Coder,
    Coding,
    Document,
    DocumentAttribute,
    Setting,
    utcnow,
)
from qualcode.core.records import CoderRecord, ProjectInfo
from qualcode.core.team.errors import translate_db_error
from qualcode.core.team.identity import TeamIdentity, detect_identity


class Project:
    """An open project. Every service operation runs in one transaction of its own."""

    def __init__(self, locator: str, engine: Engine) -> None:
        from qualcode.core.counting import CountService
        from qualcode.core.retrieval import QuoteService
        from qualcode.core.services.adjudication import AdjudicationService
        from qualcode.core.services.codebook import CodebookService
        from qualcode.core.services.coders import CoderService
        from qualcode.core.services.codings import CodingService
        from qualcode.core.services.documents import DocumentService
        from qualcode.core.services.memos import MemoService
        from qualcode.core.services.summaries import SummaryService
        from qualcode.core.services.versions import VersionService

        self.locator = locator
        self.engine = engine
        # Who this session codes as: chosen once (see ``act_as``); on a team server the
        # locator's login fixes it (``fixed_identity``). While set, listings and retrieval
        # that name no viewer show what this coder may see.
        self.identity: CoderRecord | None = None
        self._fixed_identity: str | None = None
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # Who the audit trail names for changes made here (the GUI/CLI may set a coder).
        self.audit_context: dict[str, str] = {"actor": audit.default_actor()}
        audit.install(self._sessions, self.audit_context, engine)
        self._backed_up_at = time.monotonic()
        self._local = threading.local()  # nesting depth of transactions per thread
        self.events = ChangeStream()  # numbered change events (see core/changes.py)
        self._team: TeamIdentity | bool | None = False  # False: not looked up yet
        self.coders = CoderService(self)
        self.documents = DocumentService(self)
        self.codebook = CodebookService(self)
        self.versions = VersionService(self)
        self.codings = CodingService(self)
        self.memos = MemoService(self)
        self.adjudication = AdjudicationService(self)
        self.summaries = SummaryService(self)
        self.quotes = QuoteService(self)
        self.counts = CountService(self)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        session = self._sessions()
        depth = getattr(self._local, "depth", 0)
        self._local.depth = depth + 1
        try:
            with session.begin():
                # A writer from the start (BEGIN IMMEDIATE on SQLite): it waits for the
                # write lock up to the busy timeout instead of failing half-way. Only the
                # outermost: a transaction opened inside another one on this thread would
                # otherwise wait for a lock its own caller holds.
                session.connection(execution_options={store.WRITE: depth == 0})
                yield session
        except DBAPIError as exc:
            error = translate_db_error(self.locator, exc)
            if error is exc:
                raise
            raise error from exc
        finally:
            self._local.depth = depth
            close_session(session)
        if depth == 0:
            self._maybe_backup()

    @property
    def actor(self) -> str:
        return self.audit_context["actor"]

    @actor.setter
    def actor(self, name: str) -> None:
        self.audit_context["actor"] = name

    def sqlite_path(self) -> Path | None:
        """The project file, for an SQLite project."""
        url = self.engine.url
        if url.get_backend_name() == "sqlite" and url.database:
            return Path(url.database)
        return None

    def _maybe_backup(self) -> None:
        """A rotating backup every N minutes while changes are made (SQLite)."""
        if time.monotonic() - self._backed_up_at < backups.interval_seconds():
            return
        self._backed_up_at = time.monotonic()
        path = self.sqlite_path()
        if path is not None:
            backups.auto_backup(path)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
        except DBAPIError as exc:
            error = translate_db_error(self.locator, exc)
            if error is exc:
                raise
            raise error from exc
        finally:
            close_session(session)

    @property
    def team(self) -> TeamIdentity | None:
        """On a team server: the signed-in login and its coder; None for other projects."""
        if self._team is False:
            try:
                self._team = detect_identity(self.engine)
            except DBAPIError as exc:
                error = translate_db_error(self.locator, exc)
                if error is exc:
                    raise
                raise error from exc
        assert not isinstance(self._team, bool)
        return self._team

    @property
    def fixed_identity(self) -> str | None:
        """The coder this session must be, when the place decides it (a team login)."""
        if self._fixed_identity is not None:
            return self._fixed_identity
        team = self.team
        return team.coder_name if team is not None else None

    @fixed_identity.setter
    def fixed_identity(self, name: str | None) -> None:
        self._fixed_identity = name

    def act_as(self, coder: str | int, *, switch: bool = False) -> CoderRecord:
        """Fix the coder identity of this session.

        Choosing again with another coder needs ``switch=True`` (the GUI's "switch coder"
        after a confirmation), and is refused when the locator fixed the identity.
        """
        record = self.coders.get(coder)
        if record.role == "consensus":
            raise DomainError(f"{record.name} is the consensus layer, not a person who codes")
        if self.fixed_identity is not None and record.name != self.fixed_identity:
            raise DomainError(
                f"this project is opened as {self.fixed_identity} (the login); "
                f"cannot code as {record.name}"
            )
        current = self.identity
        if current is not None and current.id != record.id and not switch:
            raise DomainError(
                f"this session codes as {current.name}; switch coder explicitly to code as "
                f"{record.name}"
            )
        self.identity = record
        self.audit_context["actor"] = record.name  # the audit trail names the coder
        return record

    def viewer_name(self, viewer: str | None = None) -> str | None:
        """``viewer`` if given, else the session's coder (None: no one chosen, all shown)."""
        if viewer is not None:
            return viewer
        return self.identity.name if self.identity is not None else None

    def subscribe(self, listener: Listener) -> None:
        """Receive every change event from now on (see :mod:`qualcode.core.changes`)."""
        self.events.subscribe(listener)

    def unsubscribe(self, listener: Listener) -> None:
        self.events.unsubscribe(listener)

    def notify(self, change: Change) -> Change:
        """Number the event and deliver it; services call this after their commit."""
        return self.events.publish(change)

    @property
    def name(self) -> str:
        with self.reading() as session:
            value = session.get(Setting, "name")
            return value.value if value else Path(self.locator).stem

    def setting(self, key: str, default: str = "") -> str:
        with self.reading() as session:
            row = session.get(Setting, key)
            return row.value if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as session:
            session.merge(Setting(key=key, value=value))

    def info(self) -> ProjectInfo:
        with self.reading() as session:

            def count(model: type) -> int:
                return int(session.scalar(select(func.count()).select_from(model)) or 0)

            per_coder = dict(
                session.execute(
                    select(Coder.name, func.count(Coding.id))
                    .join(Coding, Coding.coder_id == Coder.id, isouter=True)
                    .group_by(Coder.name)
                    .order_by(Coder.name)
                ).all()
            )
            by_intervention = dict(
                session.execute(
                    select(DocumentAttribute.value, func.count())
                    .where(DocumentAttribute.key == "intervention")
                    .group_by(DocumentAttribute.value)
                    .order_by(DocumentAttribute.value)
                ).all()
            )
            return ProjectInfo(
                locator=self.locator,
                name=self.name,
                backend=self.engine.url.get_backend_name(),
                schema_revision=store.current_revision(self.engine),
                documents=count(Document),
                codes=count(Code),
                coders=count(Coder),
                codings=count(Coding),
                versions=count(CodebookVersion),
                coder_names=sorted(per_coder),
                codings_per_coder=per_coder,
                documents_by_intervention=by_intervention,
            )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def close_session(session: Session) -> None:
    """Close a session with the cyclic garbage collector paused.

    On CPython 3.11 a collection that starts inside SQLAlchemy's detaching of instances
    (``session.close()``) can free rows whose weakref callbacks then touch the state being
    detached, corrupting the heap (seen as segfaults much later). Rows in reference cycles
    (bidirectional relationships, closures) make such a collection likely; pausing the
    collector for the close lets it run afterwards, on detached rows.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        session.close()
    finally:
        if enabled:
            gc.enable()


def create_project(locator: str, name: str | None = None) -> Project:
    """Create a new, empty project; refuses to touch an existing one."""
    if not store.is_url(locator):
        path = Path(locator)
        if path.exists():
            raise ProjectError(f"{locator}: already exists; open it instead of creating it")
        if not path.parent.exists():
            raise ProjectError(f"{locator}: folder {path.parent} does not exist")
        backups.private_file(path)  # interview data: readable by its owner only
    engine = store.engine_for(locator)
    try:
        if store.has_tables(engine):
            raise ProjectError(f"{locator}: the database is not empty; open it instead")
        store.create_schema(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ProjectError(f"{locator}: cannot create the project ({exc})") from exc
    except ProjectError:
        engine.dispose()
        raise
    project = Project(locator, engine)
    project_name = name or (Path(locator).stem if not store.is_url(locator) else "Qualcode project")
    with project.transaction() as session:
        session.add(Setting(key="name", value=project_name))
        session.add(Setting(key="created_at", value=utcnow().isoformat(timespec="seconds")))
    return project


def open_project(locator: str, *, migrate: bool = True, password: str | None = None) -> Project:
    """Open an existing project, upgrading an older schema after a backup.

    ``password``: for a server whose URL carries none (from the user's keyring); it stays
    in memory, never in the locator.
    """
    check_project_file(locator)
    engine = store.engine_for(locator, password=password)
    try:
        if not store.has_tables(engine):
            raise ProjectError(f"{locator}: not a Qualcode project (the database is empty)")
        current = store.current_revision(engine)
        if current is None:
            raise ProjectError(f"{locator}: not a Qualcode project (no schema version)")
        if current not in store.known_revisions():
            raise ProjectError(
                f"{locator}: schema version {current!r} is unknown to this Qualcode "
                "(written by a newer release?); nothing was changed"
            )
        if current != store.head_revision():
            if not migrate:
                raise ProjectError(f"{locator}: schema {current} needs an upgrade")
            store.upgrade(engine, locator)
    except SQLAlchemyError as exc:
        engine.dispose()
        # The driver's own message; SQLAlchemy's adds a second line with a web link.
        reason = getattr(exc, "orig", None) or exc
        raise ProjectError(f"{locator}: cannot open the project ({reason})") from exc
    except ProjectError:
        engine.dispose()
        raise
    project = Project(locator, engine)
    path = project.sqlite_path()
    if path is not None:
        backups.auto_backup(path)  # only when it changed since the newest backup
    return project


SQLITE_MAGIC = b"SQLite format 3\x00"
LOCATORS = "a project file (.qcdb) or a postgresql+psycopg:// URL"


def check_project_file(locator: str) -> None:
    """Refuse, before connecting, a locator that cannot be an existing project.

    SQLite creates a missing file on connect and converts an empty one to WAL, so a
    mistyped ``sqlite:///nope.db`` would leave an empty database behind; a folder or a
    file of another kind would end in a driver error with a link to SQLAlchemy's pages.
    Server URLs are checked by :func:`store.engine_for`."""
    path_text = locator
    if store.is_url(locator):
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(locator)
        except (ArgumentError, ValueError) as exc:
            raise ProjectError(f"{locator}: not a locator; use {LOCATORS}") from exc
        if url.get_backend_name() != "sqlite":
            return
        path_text = url.database or ""
        if path_text in ("", ":memory:"):
            raise ProjectError(f"{locator}: an in-memory database is not a project; use {LOCATORS}")
    path = Path(path_text)
    if path.is_dir():
        raise ProjectError(
            f"{locator}: is a folder, not a project file (a project is one .qcdb file; "
            "create one with 'qualcode init', or import this folder's transcripts into one)"
        )
    if not path.is_file():
        raise ProjectError(f"{locator}: no such project file (create it with 'qualcode init')")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectError(f"{locator}: cannot read the project file ({exc.strerror})") from exc
    if header != SQLITE_MAGIC:
        what = "the file is empty" if not header else "not a SQLite database"
        raise ProjectError(f"{locator}: not a Qualcode project ({what}); use {LOCATORS}")
