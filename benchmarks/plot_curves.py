"""Cost curves from ``run_all.py`` results at several scales: a PNG and a Markdown table.

    python benchmarks/plot_curves.py OUT.png RESULT.json [RESULT.json ...] [--before B.json ...]

Each RESULT is the JSON of one ``run_all.py --scale F --json RESULT`` run. The plot has
one panel per kind of figure (window actions, window opening, headless work, memory),
time on a log scale against the study's scale; the table (stdout) lists every figure per
scale with its CPU time where measured.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

ACTIONS = ("apply_coding", "undo_coding", "rename_code", "switch_coder", "filter_code_tree")
OPENING = ("open_project", "show_transcript", "show_transcript_long", "open_quotes",
           "open_agreement")  # fmt: skip
HEADLESS = ("agreement_units", "agreement_characters", "report_5000_quotes",
            "bulk_insert_codings", "quotes_one_code")  # fmt: skip
MEMORY = ("peak_rss_gui", "peak_rss_gui_300codes")


def load(paths: list[Path]) -> dict[float, dict[str, dict[str, Any]]]:
    runs: dict[float, dict[str, dict[str, Any]]] = {}
    for path in paths:
        data = json.loads(path.read_text("utf-8"))
        runs[float(data["machine"]["scale"])] = {f["name"]: f for f in data["figures"]}
    return dict(sorted(runs.items()))


def in_ms(figure: dict[str, Any]) -> float | None:
    """The process's CPU time where measured (other engineers' work on the shared machine
    inflates wall time several-fold and unevenly), else wall time."""
    if figure.get("cpu_ms") is not None:
        return float(figure["cpu_ms"])
    if figure.get("cpu_s") is not None:
        return float(figure["cpu_s"]) * 1000
    value = figure.get("value")
    if value is None:
        return None
    return float(value) * (1000 if figure.get("unit") == "s" else 1)


def plot(runs: dict[float, dict[str, dict[str, Any]]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import NullFormatter

    scales = list(runs)
    panels = (
        ("One action in the window (CPU ms, until drawn)", ACTIONS, True),
        ("Opening things in the window (CPU ms)", OPENING, True),
        ("Headless work (CPU ms)", HEADLESS, True),
        ("Peak memory of the window (MB)", MEMORY, False),
    )
    fig, axes = plt.subplots(2, 2, figsize=(12, 8.5))
    for ax, (title, names, timed) in zip(axes.flat, panels, strict=True):
        for name in names:
            for suffix, style in (("", "-o"), ("_300codes", "--s")):
                key = name if name.endswith("_300codes") else name + suffix
                if name.startswith("peak") and suffix:
                    continue
                values = [
                    (s, in_ms(runs[s][key]) if timed else runs[s][key].get("value"))
                    for s in scales
                    if key in runs[s]
                ]
                values = [(s, v) for s, v in values if v is not None]
                if values:
                    xs, ys = zip(*values, strict=True)
                    ax.plot(xs, ys, style, label=key, markersize=4)
        if timed:
            ax.set_yscale("log")
        ax.set_xscale("log")
        ax.set_xticks(scales, [f"{s:g}x" for s in scales])
        ax.xaxis.set_minor_formatter(NullFormatter())
        if timed and len(scales) > 1:
            # A guide of slope 1: a figure growing like it is linear in the study's size.
            low, high = ax.get_ylim()
            base = (low * high) ** 0.5 / 4
            ax.plot(scales, [base * s / scales[0] for s in scales], ":", color="grey",
                    label="linear (guide)")  # fmt: skip
        ax.set_title(title, fontsize=10)
        ax.grid(True, which="both", alpha=0.3)
        ax.legend(fontsize=7)
    fig.suptitle(
        "Qualcode cost curves: study scale 1 = 200 transcripts, 100,000 codings "
        "(CPU time of the process: the shared 2-core machine makes wall time noisy)",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(out, dpi=110)


def table(runs: dict[float, dict[str, dict[str, Any]]]) -> str:
    scales = list(runs)
    names: list[str] = []
    for figures in runs.values():
        names += [n for n in figures if n not in names]
    head = "| figure | unit | target | " + " | ".join(f"{s:g}x" for s in scales) + " |"
    lines = [head, "|" + "---|" * (3 + len(scales))]
    for name in names:
        first = next(runs[s][name] for s in scales if name in runs[s])
        cells = []
        for s in scales:
            f = runs[s].get(name)
            if f is None or f.get("value") is None:
                cells.append("-")
                continue
            cpu = f.get("cpu_ms", f.get("cpu_s"))
            mark = "" if f.get("passed") in (True, None) else " ✗"
            cells.append(f"{f['value']:g}{mark}" + (f" (cpu {cpu:g})" if cpu is not None else ""))
        target = first.get("target")
        lines.append(
            f"| {name} | {first.get('unit')} | {'-' if target is None else f'{target:g}'} | "
            + " | ".join(cells)
            + " |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("results", type=Path, nargs="+")
    args = parser.parse_args()
    runs = load(args.results)
    plot(runs, args.out)
    print(table(runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
