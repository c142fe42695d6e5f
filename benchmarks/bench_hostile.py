"""Figures for docs/reliability.md: every bad input's time, and peak memory of the worst.

``python benchmarks/bench_hostile.py [OUT.json]`` runs the whole bad-input corpus
(tests/bad_inputs.py) through the command line in one process (time per file, exit
code, whether the project changed), then the heaviest inputs one per child process to
measure their peak memory (ru_maxrss) above the interpreter's start.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from qualcode.cli import main  # noqa: E402
from qualcode.core.project import create_project  # noqa: E402
from tests.bad_inputs import all_cases  # noqa: E402
from tests.test_bad_inputs import MEASURE, WORST, command  # noqa: E402


def fingerprint(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


def run() -> dict[str, object]:
    os.environ["QUALCODE_BACKUP_KEEP"] = "0"
    folder = Path(tempfile.mkdtemp(prefix="qc-hostile-"))
    project = folder / "study.qcdb"
    with create_project(str(project)) as p:
        p.coders.add("Anouk", role="lead")
        p.documents.add("good", "Interviewer: Hoe gaat het?\nStudent: Goed.\n")
        p.codebook.add("A", coder="Anouk")
    (folder / "fresh.txt").write_text("Interviewer: Nieuw?\nStudent: Ja.\n", encoding="utf-8")
    (folder / "other.yaml").write_text(
        "qualcode_codebook: 1\nname: other\ncodes:\n  - name: B\n", encoding="utf-8"
    )
    cases = all_cases()
    rows = []
    for case in cases:
        file = folder / "in" / case.name
        file.parent.mkdir(exist_ok=True)
        file.write_bytes(case.payload())
        before = fingerprint(project)
        out, err = io.StringIO(), io.StringIO()
        started = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(command(case, folder, file))
        seconds = time.perf_counter() - started
        rows.append(
            {
                "case": case.id,
                "bytes": file.stat().st_size,
                "exit": code,
                "seconds": round(seconds, 3),
                "unchanged": fingerprint(project) == before,
                "traceback": "Traceback" in out.getvalue() + err.getvalue(),
            }
        )
        file.unlink()
    worst = []
    for case_id in WORST:
        case = next(c for c in cases if c.id == case_id)
        file = folder / "in" / case.name
        file.write_bytes(case.payload())
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, *command(case, folder, file)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        line = next(x for x in result.stdout.splitlines() if x.startswith("PEAK"))
        _, base, peak, code = line.split()
        worst.append(
            {
                "case": case_id,
                "bytes": file.stat().st_size,
                "exit": int(code),
                "seconds": round(time.perf_counter() - started, 2),
                "peak_mb": round(int(peak) / 1024, 1),
                "above_start_mb": round((int(peak) - int(base)) / 1024, 1),
            }
        )
        file.unlink()
    slowest = max(rows, key=lambda r: r["seconds"])
    return {
        "files": len(rows),
        "clean_errors": sum(1 for r in rows if r["exit"] == 1 and not r["traceback"]),
        "unchanged": sum(1 for r in rows if r["unchanged"]),
        "slowest": slowest,
        "total_seconds": round(sum(r["seconds"] for r in rows), 1),
        "worst_memory": worst,
        "cases": rows,
        "note": "shared 2-core machine; seven engineers' test runs at the same time",
    }


if __name__ == "__main__":
    figures = run()
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "benchmarks" / "hostile.json"
    target.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    summary = {k: v for k, v in figures.items() if k != "cases"}
    print(json.dumps(summary, indent=2))
