"""Run every benchmark at its issue's target size and print one JSON object.

Each ``bench_*.py`` prints JSON of its own; this collects them under the script's name.
Run: ``python benchmarks/run_all.py [--only NAME ...]`` (``make bench``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=None, help="e.g. import report")
    args = parser.parse_args()
    scripts = sorted(HERE.glob("bench_*.py"))
    if args.only:
        scripts = [s for s in scripts if any(name in s.stem for name in args.only)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    results: dict[str, object] = {}
    for script in scripts:
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, env=env, cwd=HERE.parent
        )
        elapsed = round(time.perf_counter() - started, 1)
        try:
            results[script.stem] = json.loads(done.stdout[done.stdout.index("{") :])
        except ValueError:
            results[script.stem] = {
                "error": (done.stderr or done.stdout)[-2000:],
                "returncode": done.returncode,
            }
        print(f"{script.stem}: {elapsed} s", file=sys.stderr)
    json.dump(results, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
