"""The team server stops and comes back mid-session (a server of this test's own).

The loss is reported once however many actions fail meanwhile, the user's actions are
kept and saved once the server is back (each exactly once), and the change feed says
"lost" once, then "back", and delivers what colleagues did while it was away.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from qualcode.core.changes import Change
from qualcode.core.errors import ConnectionLost
from qualcode.core.project import open_project
from qualcode.core.team.feed import ChangeFeed, wait_until
from qualcode.core.team.pending import PendingActions
from tests.team_helpers import TEXT, RestartableServer, TeamServer, make_team, seed_team

pytestmark = pytest.mark.postgres


def test_server_restart_mid_session(restartable: RestartableServer) -> None:
    team: TeamServer = make_team(restartable.url("postgres"))
    seed_team(team)
    start = TEXT.index("Mijn moeder")
    bram = open_project(team.urls["bram"])
    carla = open_project(team.urls["carla"])
    lost: list[str] = []
    back: list[int] = []
    pending = PendingActions(on_lost=lost.append, on_back=back.append)
    statuses: list[str] = []
    seen: list[Change] = []
    lock = threading.Lock()

    def deliver(change: Change) -> None:
        with lock:
            seen.append(change)

    feed = ChangeFeed(bram.engine.url, deliver, status=statuses.append, retry_seconds=0.3)
    feed.start()
    assert feed.listening
    try:
        first = pending.run(
            "code",
            lambda: bram.codings.add("NI01", "Bram", "Steungever / Moeder", start, start + 11),
        )
        assert first is not None

        restartable.halt()
        for offset in (20, 30, 40):
            result = pending.run(
                "code",
                lambda o=offset: bram.codings.add(
                    "NI01", "Bram", "Steungever / Mentor", o, o + 5, memo=f"offline {o}"
                ),
            )
            assert result is None  # kept, not lost
        with pytest.raises(ConnectionLost, match="connection to the server lost"):
            bram.codings.list()
        assert len(pending) == 3
        assert len(lost) == 1  # reported once, not once per action
        assert "connection to the server lost" in lost[0]
        assert wait_until(lambda: statuses == ["lost"], 10), statuses

        restartable.resume()
        assert wait_until(pending.retry, 20)
        assert back == [3] and len(pending) == 0
        # A colleague codes right after the restart: the feed catches up and delivers it.
        carla.codings.add("NI01", "Carla", "Steungever / Mentor", 0, 9)
        assert wait_until(lambda: statuses == ["lost", "back"], 20), statuses
        assert wait_until(
            lambda: any(c.kind == "codings" and c.detail.get("login") == "carla" for c in seen),
            10,
        )
        with bram.engine.connect() as conn:
            memos = dict(
                conn.execute(
                    text("SELECT memo, count(*) FROM codings WHERE coder_id = 2 GROUP BY memo")
                ).all()
            )
        assert memos == {"": 1, "offline 20": 1, "offline 30": 1, "offline 40": 1}
        assert len(bram.codings.list(coder="Bram")) == 4
    finally:
        feed.stop()
        bram.close()
        carla.close()
