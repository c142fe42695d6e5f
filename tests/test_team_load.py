"""Load on a real PostgreSQL team server: 8 coder processes for 30 s (loopback only).

Every acknowledged coding must be in the database exactly once, the change log must hold
every one of them, and a listening window must have received every one. The figures
(codings per second, latency percentiles) go to the test output and, with
QUALCODE_TEAM_FIGURES=path, to a JSON file (docs/team.md quotes them).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from qualcode.core import store
from qualcode.core.changes import Change
from qualcode.core.project import open_project
from qualcode.core.team.feed import ChangeFeed, wait_until
from qualcode.core.team.server import add_member
from tests.team_helpers import TEXT, TeamServer, as_login

pytestmark = pytest.mark.postgres
REPO = Path(__file__).resolve().parents[1]
CODERS = 8
SECONDS = float(os.environ.get("QUALCODE_TEAM_LOAD_SECONDS", "30"))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def test_eight_coders_for_thirty_seconds(team: TeamServer, tmp_path: Path) -> None:
    engine = store.engine_for(team.admin)
    names = [f"Coder{i}" for i in range(1, CODERS + 1)]
    for name in names:
        add_member(engine, name, name.lower(), lead=False, password="pw")
    engine.dispose()
    with team.open("anouk") as lead:
        for name in names:
            lead.documents.add(f"Eigen {name}", TEXT + f" ({name})")
    received: list[tuple[float, Change]] = []
    lock = threading.Lock()

    def deliver(change: Change) -> None:
        with lock:
            received.append((time.time(), change))

    watcher = open_project(team.urls["anouk"])  # a lead's window, watching
    feed = ChangeFeed(watcher.engine.url, deliver)
    feed.start()
    assert feed.listening
    workers = []
    for name in names:
        out = tmp_path / f"{name}.json"
        url = as_login(team.admin, name.lower(), "pw")
        args = [url, name, f"Eigen {name}", "NI01", str(SECONDS), str(out)]
        workers.append(
            (
                out,
                subprocess.Popen(
                    [sys.executable, "-m", "tests.team_load_worker", *args],
                    cwd=REPO,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
            )
        )
    for _out, process in workers:
        _stdout, err = process.communicate(timeout=SECONDS + 120)
        assert process.returncode == 0, err
    acked = [row for out, _p in workers for row in json.loads(out.read_text())]
    # The coding window, not the processes' start-up (imports on a shared machine).
    stamps = [float(row["at"]) for row in acked]
    elapsed = max(stamps) - min(stamps) + statistics.mean(float(r["latency"]) for r in acked)
    ids = {int(row["id"]) for row in acked}
    assert len(ids) == len(acked)

    # Every acknowledged coding is stored exactly once, and nothing else was stored.
    with watcher.engine.connect() as conn:
        per_token = dict(
            conn.execute(text("SELECT memo, count(*) FROM codings GROUP BY memo")).all()
        )
        logged = {
            i
            for (batch,) in conn.execute(
                text("SELECT ids FROM qualcode_change_log WHERE kind = 'codings' AND op = 'insert'")
            )
            for i in batch
        }
    assert all(per_token.get(row["token"]) == 1 for row in acked)
    assert sum(per_token.values()) == len(acked)
    assert ids <= logged  # the change log is complete

    def delivered() -> set[int]:
        with lock:
            return {i for _t, c in received if c.kind == "codings" for i in c.ids}

    assert wait_until(lambda: ids <= delivered(), 10), len(ids - delivered())
    feed.stop()
    watcher.close()

    first_seen: dict[int, float] = {}
    for at, change in received:
        for i in change.ids:
            first_seen.setdefault(i, at)
    latencies = [float(row["latency"]) * 1000 for row in acked]
    spread = [max(0.0, first_seen[int(r["id"])] - float(r["at"])) * 1000 for r in acked]
    figures = {
        "coders": CODERS,
        "seconds": round(elapsed, 1),
        "codings": len(acked),
        "codings_per_second": round(len(acked) / elapsed, 1),
        "ack_latency_ms": {q: round(percentile(latencies, q), 1) for q in (50, 95, 99)}
        | {"max": round(max(latencies), 1), "mean": round(statistics.mean(latencies), 1)},
        "seen_by_colleague_ms": {q: round(percentile(spread, q), 1) for q in (50, 95, 99)}
        | {"max": round(max(spread), 1)},
    }
    print(json.dumps(figures, indent=2))
    target = os.environ.get("QUALCODE_TEAM_FIGURES")
    if target:
        Path(target).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    assert figures["codings_per_second"] > 0
