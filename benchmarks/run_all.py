"""Every scale figure of Qualcode in one run.

    python benchmarks/run_all.py [--scale F] [--json OUT]

Scale 1 is a year-long study (200 transcripts of ~54,000 characters, 4 coders, 100,000
codings; see ``study.py``). The window figures are timed in the real ``MainWindow``
offscreen (``bench_window.py``), once with the two reference codebooks (80 codes) and
once with 300 codes (those get a ``_300codes`` suffix); the headless ones come from
``bench_headless.py``. Each part runs in its own process (so ``peak_rss_gui`` is the
window's own peak). Prints (and with ``--json`` writes) one JSON object::

    {"machine": {...}, "figures": [{"name", "value", "unit", "target", "passed", ...}]}

``passed`` is ``value <= target`` (``>=`` where ``better`` is ``higher``). ``make bench``
runs it at scale 1. The first run builds the studies into ``benchmarks/.cache/``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# The public interface: these names are in every run's output.
FIGURES = (
    "import_txt",
    "import_docx",
    "open_project",
    "show_transcript",
    "apply_coding",
    "undo_coding",
    "rename_code",
    "switch_coder",
    "filter_code_tree",
    "open_quotes",
    "open_agreement",
    "agreement_units",
    "agreement_characters",
    "quotes_one_code",
    "report_5000_quotes",
    "bulk_insert_codings",
    "peak_rss_gui",
)


def machine() -> dict[str, Any]:
    from importlib.metadata import version

    info: dict[str, Any] = {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "note": "wall-clock figures on a shared machine are noisy; cpu_* is this process's "
        "CPU time, far less disturbed by other work",
    }
    for package in ("PySide6-Essentials", "SQLAlchemy"):
        try:
            info[package] = version(package)
        except Exception:  # a missing distribution name must not stop the run
            info[package] = None
    with contextlib.suppress(ValueError, OSError):
        pages = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        info["memory_gb"] = round(pages / 2**30)
    return info


def run_part(args: list[str]) -> list[dict[str, Any]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # The checkout this script lives in comes first, not an installed copy.
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(HERE.parent), os.environ.get("PYTHONPATH", "")) if p
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=HERE.parent
    )
    print(f"{' '.join(Path(a).name for a in args)}: {time.perf_counter() - started:.0f} s",
          file=sys.stderr)  # fmt: skip
    try:
        figures: list[dict[str, Any]] = json.loads(done.stdout[done.stdout.index("{") :])["figures"]
    except (ValueError, KeyError):
        tail = "\n".join(line for line in (done.stderr or done.stdout).splitlines()[-15:])
        print(f"  failed (exit {done.returncode}):\n{tail}", file=sys.stderr)
        return []
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = the year-long study")
    parser.add_argument("--json", type=Path, default=None, help="also write the JSON here")
    parser.add_argument(
        "--skip-300", action="store_true", help="skip the window figures with 300 codes"
    )
    parser.add_argument(
        "--headless",
        nargs="*",
        default=None,
        choices=("import", "agreement", "quotes", "report", "bulk"),
        help="only these headless parts (a long 4x run may leave some out)",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    info = machine()
    scale = f"{args.scale:g}"
    figures = run_part([str(HERE / "bench_window.py"), "--scale", scale])
    if not args.skip_300:
        figures += run_part(
            [str(HERE / "bench_window.py"), "--scale", scale, "--codebook", "300",
             "--suffix", "_300codes"]
        )  # fmt: skip
    only = ["--only", *args.headless] if args.headless is not None else []
    figures += run_part([str(HERE / "bench_headless.py"), "--scale", scale, *only])
    names = {f["name"] for f in figures}
    for name in FIGURES:  # a part that failed still leaves its names in the output
        if name not in names:
            missing = {"name": name, "value": None, "unit": None, "target": None}
            figures.append({**missing, "passed": False, "error": "not measured (part failed)"})
    order = {name: n for n, name in enumerate(FIGURES)}
    figures.sort(key=lambda f: (order.get(f["name"], len(order)), f["name"]))
    info["scale"] = args.scale
    info["seconds"] = round(time.perf_counter() - started)
    result = {"machine": info, "figures": figures}
    text = json.dumps(result, indent=2)
    if args.json:
        args.json.write_text(text + "\n", "utf-8")
    print(text)
    failed = [f["name"] for f in figures if f["passed"] is False]
    print(f"{len(figures) - len(failed)} passed, {len(failed)} failed: {', '.join(failed)}",
          file=sys.stderr)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
