"""Concurrent writers on one SQLite project wait for each other instead of failing."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from qualcode.core.project import create_project, open_project

REPO = Path(__file__).resolve().parents[1]
WRITERS = 4
IMPORTS_EACH = 15  # 60 imports in all, as in the failing report
ROWS_EACH = 50

WORKER = """
import sys
from pathlib import Path
from qualcode.core.project import open_project
from qualcode.io.codings_csv import import_codings
project_path, folder, worker = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
imports = int(sys.argv[4])
failures = 0
for n in range(imports):
    try:
        with open_project(project_path) as project:
            import_codings(project, folder / f"w{worker}-{n}.csv")
    except Exception as exc:
        failures += 1
        print("FAILED", worker, n, exc, flush=True)
print("DONE", worker, failures, flush=True)
"""


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "QUALCODE_BACKUP_KEEP": "0"}


def test_four_processes_importing_at_once_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "shared.qcdb"
    text = "woord " * 5_000
    with create_project(str(path)) as project:
        for w in range(WRITERS):
            project.coders.add(f"C{w}")
        project.documents.add("doc", text)
        project.codebook.add("Code", coder="C0")
    for w in range(WRITERS):
        for n in range(IMPORTS_EACH):
            rows = ["document,coder,start,end,code,memo"]
            for r in range(ROWS_EACH):
                start = (n * ROWS_EACH + r) * 2
                rows.append(f"doc,C{w},{start},{start + 3},Code,w{w} n{n} r{r}")
            (tmp_path / f"w{w}-{n}.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    started = time.perf_counter()
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), str(tmp_path), str(w), str(IMPORTS_EACH)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env(),
        )
        for w in range(WRITERS)
    ]
    outputs = [p.communicate(timeout=600)[0] for p in workers]
    elapsed = time.perf_counter() - started
    failures = [line for out in outputs for line in out.splitlines() if line.startswith("FAILED")]
    assert failures == [], failures
    assert all(f"DONE {w} 0" in outputs[w] for w in range(WRITERS)), outputs
    with open_project(str(path)) as project:
        memos = [c.memo for c in project.codings.list()]
    expected = WRITERS * IMPORTS_EACH * ROWS_EACH
    assert len(memos) == expected and len(set(memos)) == expected  # every row exactly once
    print(f"4 writers x {IMPORTS_EACH} imports: 0 failures, {expected} rows, {elapsed:.1f} s")


HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("INSERT INTO settings (key, value) VALUES ('long_write', 'x')")
print("LOCKED", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


def test_a_write_waits_for_a_long_one_instead_of_failing(tmp_path: Path) -> None:
    """`coders add` during a 12 s merge failed after 1.4 s; now it waits for the lock."""
    path = tmp_path / "p.qcdb"
    create_project(str(path)).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(path), "4"], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "LOCKED"
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "qualcode", "coders", "add", str(path), "Bram"],
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
    )
    waited = time.perf_counter() - started
    holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    assert waited > 2.0  # it really waited for the other writer
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM coders").fetchall() == [("Bram",)]
    conn.close()
