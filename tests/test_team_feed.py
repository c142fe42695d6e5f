"""The change feed delivers a colleague's codings as the same delta events the services
emit locally; only ``origin`` tells them apart, and a window's own changes are skipped."""

from __future__ import annotations

import threading

import pytest

from qualcode.core.changes import LOCAL, Change
from qualcode.core.team.feed import ChangeFeed, wait_until
from tests.team_helpers import TEXT, TeamServer

pytestmark = pytest.mark.postgres


def test_colleagues_codings_arrive_as_deltas(team: TeamServer) -> None:
    start = TEXT.index("Mijn moeder")
    seen: list[Change] = []
    lock = threading.Lock()

    def deliver(change: Change) -> None:
        with lock:
            seen.append(change)

    local: list[Change] = []
    with team.open("anouk") as anouk, team.open("bram") as bram:
        anouk.subscribe(local.append)
        feed = ChangeFeed(anouk.engine.url, deliver)
        feed.start()
        try:
            added = bram.codings.add("NI01", "Bram", "Steungever / Moeder", start, start + 11)
            edited = bram.codings.update(added.id, end=start + 20)
            bram.codings.remove([added.id])
            anouk.codebook.update("Steungever / Mentor", definition="own change")
            assert wait_until(lambda: len(seen) >= 3, 5), seen
            with lock:
                add, edit, remove = seen[:3]
            assert add.added == (added,) and add.origin == "team:bram"
            assert edit.edited == ((added, edited),)
            assert remove.removed == (edited,)
            assert add.code_ids == (added.code_id,) and add.document_id == added.document_id
            # The lead's own codebook edit came through her services, not through the feed.
            assert not any(c.kind == "codebook" for c in seen)
            assert [c.origin for c in local if c.kind == "codebook"] == [LOCAL]
        finally:
            feed.stop()
