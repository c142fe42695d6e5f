"""Time quote retrieval and the matrices on 100,000 codings; print JSON.

Target from the issue: one code's quotes with filters (coder and intervention) from
100,000 codings in under 50 ms. Also timed, without a target: a whole cluster's quotes, a
text search, the code x intervention matrix and paragraph co-occurrence. Each timing is the
best of ``--repeat`` runs on a warm connection. Run:
``python benchmarks/bench_retrieval.py [--codings 100000] [--repeat 5]``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_report import build_synthetic  # type: ignore[import-not-found]

from qualcode.core.analysis import code_matrix, cooccurrence
from qualcode.core.project import create_project
from qualcode.core.retrieval import QuoteFilter, find_quotes


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--codings", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--locator", help="an empty database URL instead of a temporary file")
    args = ap.parse_args(argv)
    timings: dict[str, dict[str, float | int]] = {}
    with tempfile.TemporaryDirectory() as folder:
        locator = args.locator or str(Path(folder) / "bench.qcdb")
        with create_project(locator, "Benchmark") as project:
            setup = build_synthetic(project, codings=args.codings)
            cases: dict[str, Callable[[], Any]] = {
                "one_code_coder_intervention": lambda: find_quotes(
                    project,
                    QuoteFilter(
                        codes=("Cluster 3 / Code 3.4",),
                        coders=("Bram",),
                        where={"intervention": "Peercoaching"},
                    ),
                ),
                "one_code_all": lambda: find_quotes(
                    project, QuoteFilter(codes=("Cluster 3 / Code 3.4",))
                ),
                "cluster_with_subcodes": lambda: find_quotes(
                    project, QuoteFilter(cluster="Cluster 1")
                ),
                "search_in_cluster": lambda: find_quotes(
                    project, QuoteFilter(cluster="Cluster 1", search="mentor moeder")
                ),
                "matrix_codes_x_intervention": lambda: code_matrix(project),
                "cooccurrence_paragraph": lambda: cooccurrence(project, mode="unit"),
            }
            for name, fn in cases.items():
                seconds, out = _best(fn, args.repeat)
                size = len(out) if isinstance(out, list) else len(getattr(out, "rows", ()))
                timings[name] = {"ms": round(seconds * 1000, 1), "items": size}
    target = timings["one_code_coder_intervention"]["ms"]
    result = {
        "benchmark": "retrieval and analysis",
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "codings": args.codings,
        "backend": "sqlite" if not args.locator else "url",
        "setup_seconds": {k: round(v, 3) for k, v in setup.items()},
        "timings": timings,
        "target_ms": 50,
        "within_target": target < 50,
    }
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
