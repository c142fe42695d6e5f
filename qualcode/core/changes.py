"""Change events: what an operation changed, so every view updates by a delta.

The event API (stable; the team server's relay and every model build on it)
----------------------------------------------------------------------------
A service that changed something calls ``project.notify(Change(...))`` once its
transaction has committed. The project's :class:`ChangeStream` stamps the event with the
next **sequence number** (1, 2, 3, ... per open project) and delivers it, in order, to
every subscriber. An event carries:

* ``kind``: coders, documents, codebook, codings, memos, versions, summaries, or
  ``reload`` (something changed that cannot be described: re-read everything);
* ``origin``: who made it. ``LOCAL`` for this process; a relay of another source uses its
  own string (e.g. ``"team:<coder>"`` for a colleague's change arriving from the team
  server). Nothing else distinguishes a colleague's change from our own: the same kinds,
  the same records, the same delivery;
* ``seq``: the stream's number, assigned at delivery (0 until then);
* for codings: ``added``, ``removed`` (full records) and ``edited`` (``(before, after)``
  pairs), plus ``code_ids`` (codes whose counts moved) and ``document_id``. A codings
  event without records (``is_delta`` false) means "codings changed in bulk": re-count.
* ``ids``, ``document_id`` and ``detail`` for the other kinds, as before.

Subscribing: ``project.subscribe(listener)``; the listener is called with each event on
the thread that delivers it (the GUI thread in the app). A model that keeps state by
deltas wraps its handler in :class:`SequenceGuard`: when an event's ``seq`` is not the
next one it expected, events were lost (a relay dropped a notification, a listener was
detached for a while) and the guard calls the model's ``reload`` instead of applying the
delta. A source that knows it missed events (a team relay seeing a gap in the server's
own numbering) calls :meth:`ChangeStream.lost`: every guarded subscriber then sees a gap
and reloads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from qualcode.core.records import CodingRecord

LOCAL = "local"
KINDS = ("coders", "documents", "codebook", "codings", "memos", "versions", "summaries", "reload")


@dataclass(frozen=True)
class Change:
    """One event. Positional fields keep the older ``Change(kind, ids, document_id)`` form."""

    kind: str
    ids: tuple[int, ...] = ()
    document_id: int | None = None
    detail: dict[str, object] = field(default_factory=dict)
    added: tuple[CodingRecord, ...] = ()
    removed: tuple[CodingRecord, ...] = ()
    edited: tuple[tuple[CodingRecord, CodingRecord], ...] = ()
    code_ids: tuple[int, ...] = ()
    origin: str = LOCAL
    seq: int = 0

    @property
    def is_delta(self) -> bool:
        """True when the event lists the coding records it touched (apply as a delta)."""
        return bool(self.added or self.removed or self.edited)

    @property
    def document_ids(self) -> set[int]:
        found = {r.document_id for r in (*self.added, *self.removed)}
        found.update(after.document_id for _, after in self.edited)
        if self.document_id is not None:
            found.add(self.document_id)
        return found


def codings_change(
    *,
    added: Iterable[CodingRecord] = (),
    removed: Iterable[CodingRecord] = (),
    edited: Iterable[tuple[CodingRecord, CodingRecord]] = (),
    document_id: int | None = None,
    origin: str = LOCAL,
) -> Change:
    """A codings event with its records; ids, code ids and the document are derived."""
    added, removed, edited = tuple(added), tuple(removed), tuple(edited)
    ids = tuple(dict.fromkeys([r.id for r in (*added, *removed)] + [a.id for _, a in edited]))
    codes = {r.code_id for r in (*added, *removed)}
    for before, after in edited:
        if before.code_id != after.code_id:
            codes.update((before.code_id, after.code_id))
    if document_id is None:
        docs = {r.document_id for r in (*added, *removed)} | {a.document_id for _, a in edited}
        document_id = next(iter(docs)) if len(docs) == 1 else None
    return Change(
        "codings",
        ids,
        document_id,
        added=added,
        removed=removed,
        edited=edited,
        code_ids=tuple(sorted(codes)),
        origin=origin,
    )


Listener = Callable[[Change], None]


class ChangeStream:
    """Numbers events and hands them to subscribers in order."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._seq = 0
        self._lock = threading.Lock()

    @property
    def seq(self) -> int:
        """The number of the last event delivered (or skipped)."""
        return self._seq

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def publish(self, change: Change) -> Change:
        with self._lock:
            self._seq += 1
            stamped = replace(change, seq=self._seq)
        for listener in list(self._listeners):
            listener(stamped)
        return stamped

    def lost(self, count: int = 1) -> None:
        """Skip numbers: events were missed, so guarded subscribers reload on the next."""
        with self._lock:
            self._seq += count


class SequenceGuard:
    """Calls ``apply`` for each next event, ``reload`` when numbers were skipped.

    ``start`` is the stream's current number when the subscriber read its state.
    """

    def __init__(self, apply: Listener, reload: Callable[[], None], start: int = 0) -> None:
        self._apply = apply
        self._reload = reload
        self.last = start

    def __call__(self, change: Change) -> None:
        if change.seq == 0:  # handed over directly, not through a stream
            self._apply(change)
            return
        if change.seq <= self.last:
            return  # already part of the state read at ``start`` (or a duplicate)
        gap = change.seq > self.last + 1
        self.last = change.seq
        if gap or change.kind == "reload":
            self._reload()
        else:
            self._apply(change)

    def reset(self, seq: int) -> None:
        self.last = seq
