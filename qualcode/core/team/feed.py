"""The team server's change feed: LISTEN/NOTIFY turned into change notices.

Every write on a team server adds a row to the change log and sends a NOTIFY (see
``server``). A :class:`ChangeFeed` listens on its own connection, in a thread of its own,
and hands each colleague's change to ``deliver`` as the same :class:`Change` the services
emit locally, with origin ``team:<login>``. Changes of the window itself (same
``application_name``) are skipped: the services already announced them.

When the connection drops, the feed says so once (``status("lost")``), retries every
second, and on its return reads what it missed from the change log before listening on
(``status("back")``), so no colleague's change is lost in the gap.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from sqlalchemy.engine import URL

from qualcode.core.changes import Change, codings_change
from qualcode.core.records import CodingRecord
from qualcode.core.team.server import CHANGE_LOG, CHANNEL

ORIGIN_TEAM = "team"
# A transaction's log row is written a moment before it commits; read back this far
# before the moment the connection was lost so nothing committed in between is missed.
CATCH_UP_MARGIN = timedelta(seconds=30)


def conninfo(url: URL) -> dict[str, Any]:
    """psycopg connection arguments for an SQLAlchemy URL (TLS options included)."""
    args: dict[str, Any] = url.translate_connect_args(username="user", database="dbname")
    args.update({k: v for k, v in url.query.items() if isinstance(v, str)})
    return args


def app_name(url: URL) -> str:
    value = url.query.get("application_name", "")
    return value if isinstance(value, str) else ""


class ChangeFeed:
    def __init__(
        self,
        url: URL,
        deliver: Callable[[Change], None],
        *,
        status: Callable[[str], None] | None = None,
        retry_seconds: float = 1.0,
    ) -> None:
        self._args = conninfo(url)
        self._own = app_name(url)
        self._args["application_name"] = f"{self._own}-feed"[:63]
        self._args.setdefault("connect_timeout", "5")
        self._deliver = deliver
        self._status = status or (lambda _state: None)
        self._retry = retry_seconds
        self._stop = threading.Event()
        self._listening = threading.Event()
        self._seen: set[int] = set()
        self._order: deque[int] = deque()
        self._thread: threading.Thread | None = None
        self.delivered = 0

    # Lifecycle --------------------------------------------------------------------------
    def start(self, wait: float = 10.0) -> None:
        """Start listening; returns once LISTEN is active (or after ``wait`` seconds)."""
        self._thread = threading.Thread(target=self._run, name="qualcode-team-feed", daemon=True)
        self._thread.start()
        self._listening.wait(wait)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    @property
    def listening(self) -> bool:
        return self._listening.is_set()

    # The loop ---------------------------------------------------------------------------
    def _run(self) -> None:
        lost_at: datetime | None = None
        while not self._stop.is_set():
            try:
                with psycopg.connect(**self._args, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if lost_at is not None:
                        self._catch_up(conn, lost_at - CATCH_UP_MARGIN)
                        lost_at = None
                        self._status("back")
                    self._listening.set()
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=0.5):
                            self._receive(notice.payload)
            except psycopg.Error:
                self._listening.clear()
                if lost_at is None:
                    lost_at = datetime.now(UTC)
                    self._status("lost")
                self._stop.wait(self._retry)

    def _receive(self, text: str) -> None:
        try:
            payload = json.loads(text)
        except ValueError:
            return  # not ours (someone else NOTIFYing on the channel)
        if isinstance(payload, dict) and "seq" in payload and "kind" in payload:
            self._handle(payload)

    def _catch_up(self, conn: psycopg.Connection[Any], since: datetime) -> None:
        rows = conn.execute(
            f"SELECT seq, kind, op, document_id, ids, app, login FROM {CHANGE_LOG} "
            "WHERE at >= %s ORDER BY seq",
            (since,),
        ).fetchall()
        for seq, kind, op, document_id, ids, app, login in rows:
            self._handle(
                {
                    "seq": seq,
                    "kind": kind,
                    "op": op,
                    "document_id": document_id,
                    "ids": ids if len(ids) <= 500 else None,
                    "app": app,
                    "login": login,
                }
            )

    def _handle(self, payload: dict[str, Any]) -> None:
        seq = int(payload["seq"])
        if seq in self._seen:
            return
        self._seen.add(seq)
        self._order.append(seq)
        if len(self._order) > 100_000:
            self._seen.discard(self._order.popleft())
        if payload.get("app") == self._own:
            return  # this window's own change, already announced by the service
        ids = payload.get("ids")
        self.delivered += 1
        origin = f"{ORIGIN_TEAM}:{payload.get('login')}"
        if payload.get("kind") == "codings" and payload.get("rows"):
            self._deliver(replace(_codings_delta(payload, origin), detail=_detail(payload)))
            return
        self._deliver(
            Change(
                str(payload["kind"]),
                tuple(ids) if ids else (),
                payload.get("document_id"),
                _detail(payload),
                origin=origin,
            )
        )


def _detail(payload: dict[str, Any]) -> dict[str, object]:
    return {
        "server_seq": int(payload["seq"]),
        "op": payload.get("op"),
        "login": payload.get("login"),
        # ids are left out of big batches: the view re-reads that slice.
        "complete": payload.get("ids") is not None,
    }


def _record(row: dict[str, Any]) -> CodingRecord:
    return CodingRecord(
        id=int(row["id"]),
        document_id=int(row["document_id"]),
        code_id=int(row["code_id"]),
        coder_id=int(row["coder_id"]),
        start=int(row["start"]),
        end=int(row["end"]),
        memo=str(row.get("memo") or ""),
        codebook_version_id=row.get("codebook_version_id"),
        created_at=datetime.fromisoformat(str(row["created_at"])),
        illustrative=bool(row.get("illustrative")),
    )


def _codings_delta(payload: dict[str, Any], origin: str) -> Change:
    """A colleague's codings as the same delta event the services emit locally."""
    rows = [_record(r) for r in payload["rows"]]
    op = payload.get("op")
    if op == "insert":
        return codings_change(added=rows, origin=origin)
    if op == "delete":
        return codings_change(removed=rows, origin=origin)
    before = {r.id: r for r in (_record(b) for b in payload.get("before") or [])}
    pairs = [(before[r.id], r) for r in rows if r.id in before]
    return codings_change(edited=pairs, origin=origin)


def wait_until(condition: Callable[[], bool], timeout: float) -> bool:
    """Poll ``condition`` for up to ``timeout`` seconds (tests and the load benchmark)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()
