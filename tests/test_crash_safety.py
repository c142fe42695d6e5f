"""SIGKILL in the middle of a write leaves a project that opens, passes `qualcode check`
and holds all or none of the interrupted operation (per file for a batch import)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from qualcode.cli import main
from qualcode.core.project import create_project, open_project

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "sample_transcripts"

pytestmark = pytest.mark.slow


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "QUALCODE_BACKUP_KEEP": "0"}


def count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path, timeout=30)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def run_and_kill(args: list[str], ready: Callable[[], bool], *, timeout: float = 120) -> bool:
    """Start the command, SIGKILL it as soon as ``ready()`` says it is mid-write.

    Returns True if it was killed, False if it finished first.
    """
    process = subprocess.Popen(
        [sys.executable, "-m", "qualcode", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env(),
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if ready():
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        time.sleep(0.01)
    process.kill()
    raise AssertionError("the command neither finished nor reached the point to kill it")


def writer_busy(path: Path) -> Callable[[], bool]:
    """True while another process holds the write lock, i.e. is inside its transaction."""

    def probe() -> bool:
        conn = sqlite3.connect(path, timeout=0, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
            return False
        except sqlite3.OperationalError:
            return True
        finally:
            conn.close()

    return probe


def assert_sound(path: Path) -> None:
    ok = "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'"
    assert count(path, ok) == 1
    assert main(["check", str(path)]) == 0


def test_kill_during_a_batch_import_keeps_whole_files(tmp_path: Path) -> None:
    folder = tmp_path / "transcripts"
    folder.mkdir()
    for round_ in range(2):
        for sample in sorted(SAMPLES.glob("*.txt")):
            text = sample.read_text(encoding="utf-8")
            (folder / f"{sample.stem}_{round_}.txt").write_text(
                f"Interviewer: ronde {round_}\n{text}", encoding="utf-8"
            )
    path = tmp_path / "p.qcdb"
    create_project(str(path)).close()
    killed = run_and_kill(
        ["import", str(path), str(folder)],
        lambda: count(path, "SELECT count(*) FROM documents") >= 3,
    )
    assert killed
    assert_sound(path)
    documents = count(path, "SELECT count(*) FROM documents")
    assert 3 <= documents < 20
    # Every stored document is whole: its turns and units are there, none half-written.
    incomplete = count(
        path,
        "SELECT count(*) FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM text_units u WHERE u.document_id = d.id) OR NOT EXISTS "
        "(SELECT 1 FROM speaker_turns t WHERE t.document_id = d.id)",
    )
    assert incomplete == 0
    # The rest imports afterwards; nothing is duplicated.
    assert main(["import", str(path), str(folder)]) == 0
    assert count(path, "SELECT count(*) FROM documents") == 20


def test_kill_during_a_100000_row_codings_import_is_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Anouk")
        project.documents.add("long", "woord " * 20_000)
        project.codebook.add("Code", coder="Anouk")
    csv_path = tmp_path / "codings.csv"
    with csv_path.open("w", encoding="utf-8") as handle:
        handle.write("document,coder,start,end,code,memo\n")
        for i in range(100_000):
            handle.write(f"long,Anouk,{i},{i + 4},Code,\n")
    killed = run_and_kill(["codings", "import", str(path), str(csv_path)], writer_busy(path))
    assert killed  # inside the transaction that writes the 100,000 rows
    assert_sound(path)
    assert count(path, "SELECT count(*) FROM codings") == 0
    assert count(path, "SELECT count(*) FROM audit_log WHERE entity = 'coding'") in (0, 100_000)


def test_kill_during_a_codebook_merge_is_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Anouk", role="lead")
        project.codebook.add("Bestaand", coder="Anouk")
    incoming = tmp_path / "incoming.yaml"
    lines = ["qualcode_codebook: 1", "name: groot", "codes:"]
    for cluster in range(20):
        lines.append(f"  - name: Cluster {cluster}\n    children:")
        lines += [f"      - name: Code {cluster}-{i}" for i in range(25)]
    incoming.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = count(path, "SELECT count(*) FROM codes")
    killed = run_and_kill(
        ["codebook", "merge", str(path), str(incoming), "--apply"], writer_busy(path)
    )
    assert killed  # inside the merge's one transaction
    assert_sound(path)
    assert count(path, "SELECT count(*) FROM codes") == before


def test_kill_during_a_release_is_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.qcdb"
    with create_project(str(path)) as project:
        project.coders.add("Anouk", role="lead")
        for i in range(300):
            project.codebook.add(f"Code {i}", coder="Anouk", definition="x" * 500)
    killed = run_and_kill(["codebook", "release", str(path), "--label", "v1"], writer_busy(path))
    assert_sound(path)
    versions = count(path, "SELECT count(*) FROM codebook_versions")
    assert versions in (0, 1), killed
    with open_project(str(path)) as project:
        if versions:
            assert len(project.versions.list()) == 1
