"""Time `qualcode anonymise-check` on one transcript as a user runs it; print JSON.

Target from issue 16: a second run on one transcript takes at most 5 s wall, from
starting the command to the prompt returning (the first run after installation builds
deduce's lookup lists once, about 90 s). Each run is a fresh process, exactly the
command a user types. Reported per run: wall seconds and the CPU seconds of the process
(user + system), which depend less on other work on the machine; the load average
before the runs says how busy the machine was. Run:
``python benchmarks/bench_anonymise.py [--runs 3] [FILE]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT / "sample_transcripts" / "NI01_Welzijnscoach_student.txt"
TARGET_SECONDS = 5.0


def one_run(path: Path) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p
    )}  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "qualcode", "anonymise-check", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    first_line = done.stdout.splitlines()[0] if done.stdout else ""
    return {
        "wall_seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "returncode": done.returncode,
        "result": first_line.replace(str(path), path.name),
        "message": " / ".join(done.stderr.strip().splitlines()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    load = os.getloadavg()[0]
    runs = [one_run(args.file) for _ in range(max(2, args.runs))]
    later = runs[1:]
    result = {
        "file": args.file.name,
        "words": len(args.file.read_text(encoding="utf-8").split()),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load average {load:.1f}",
        "runs": runs,
        "second_run_wall_seconds": runs[1]["wall_seconds"],
        "best_later_run_wall_seconds": min(float(str(r["wall_seconds"])) for r in later),
        "target_seconds": TARGET_SECONDS,
        "meets_target": float(str(runs[1]["wall_seconds"])) <= TARGET_SECONDS,
        "same_answer_every_run": len({r["result"] for r in runs}) == 1,
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0 if all(r["returncode"] == 0 for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
