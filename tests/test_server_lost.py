"""A PostgreSQL server that stops in the middle of an import: one line, no traceback."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from qualcode.core.project import create_project
from tests.pg_server import PostgresServer, find_bin_dir

REPO = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_server_stopped_mid_import_gives_one_line(tmp_path: Path) -> None:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries not installed")
    server = PostgresServer(bin_dir)
    server.start()
    try:
        url = server.url("postgres")
        with create_project(url) as project:
            project.coders.add("Anouk")
            project.documents.add("long", "woord " * 20_000)
            project.codebook.add("Code", coder="Anouk")
        csv_path = tmp_path / "codings.csv"
        with csv_path.open("w", encoding="utf-8") as handle:
            handle.write("document,coder,start,end,code,memo\n")
            for i in range(60_000):
                handle.write(f"long,Anouk,{i},{i + 4},Code,\n")
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        clients = [
            subprocess.Popen(
                [sys.executable, "-m", "qualcode", "codings", "import", url, str(csv_path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for _ in range(3)
        ]
        time.sleep(2.5)  # the clients are reading the file and writing
        stopper = threading.Thread(target=server.stop)
        stopper.start()
        results = [c.communicate(timeout=300) for c in clients]
        stopper.join()
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop()  # already stopped when the test got that far
    for client, (_out, err) in zip(clients, results, strict=True):
        assert "Traceback" not in err, err[-3000:]
        if client.returncode != 0:
            assert client.returncode == 1
            assert len(err.strip().splitlines()) <= 3, err
    # The stop really came mid-import: the clients still at work said so in one line.
    assert any(client.returncode == 1 for client in clients)
