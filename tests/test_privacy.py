"""Privacy: no network access (the demo runs with the network blocked), files 0600."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_demo_runs_with_the_network_blocked(tmp_path: Path) -> None:
    log = tmp_path / "network.log"
    env = {
        **os.environ,
        # sitecustomize in tests/no_network blocks and records every network attempt.
        "PYTHONPATH": os.pathsep.join([str(REPO / "tests" / "no_network"), str(REPO)]),
        "QUALCODE_NETWORK_LOG": str(log),
        "QT_QPA_PLATFORM": "offscreen",
    }
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.create_connection(('192.0.2.1', 80), 1)"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert probe.returncode != 0 and "blocked" in probe.stderr  # the guard is in place
    log.unlink()
    out = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "qualcode", "demo", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (out / "sample.qcdb").is_file() and (out / "sample-report.docx").is_file()
    assert not log.exists(), log.read_text()
    # What the demo made that holds interview data is readable by the user only.
    assert stat.S_IMODE((out / "sample.qcdb").stat().st_mode) == 0o600


def test_files_the_commands_write_are_readable_by_the_user_only(tmp_path: Path) -> None:
    from qualcode.cli import main
    from qualcode.core.project import create_project

    old = os.umask(0o022)  # a usual shell: new files 0644
    try:
        path = tmp_path / "p.qcdb"
        assert main(["init", str(path)]) == 0
        with create_project(str(tmp_path / "q.qcdb")) as project:
            project.coders.add("Anouk")
        assert main(["coders", "add", str(path), "Anouk"]) == 0
        outputs = [tmp_path / "codings.csv", tmp_path / "codebook.yaml", tmp_path / "b.qcdb"]
        assert main(["codings", "export", str(path), str(outputs[0])]) == 0
        assert main(["codebook", "export", str(path), str(outputs[1])]) == 0
        assert main(["backup", str(path), str(outputs[2])]) == 0
        for file in [path, *outputs]:
            assert stat.S_IMODE(file.stat().st_mode) == 0o600, file
        assert os.umask(0o022) == 0o022  # the command left the process's umask as it was
    finally:
        os.umask(old)
