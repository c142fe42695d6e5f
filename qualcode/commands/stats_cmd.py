"""``qualcode stats alpha FILE`` and ``qualcode stats kappa FILE``: agreement figures of a
reliability matrix in a file (coders x units), without a project."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import Any

from qualcode.commands.common import print_json
from qualcode.core.agreement import (
    bootstrap_alpha,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
    scott_pi,
)
from qualcode.core.agreement._matrix import LEVELS
from qualcode.core.agreement_project import DEFAULT_SEED
from qualcode.io.reliability_matrix import read_reliability_matrix


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    stats = subparsers.add_parser(
        "stats",
        help="statistics on data outside a project (reliability matrices)",
        description="Statistics on files, without a project.",
    )
    sub = stats.add_subparsers(dest="stats_command", metavar="STATISTIC", required=True)
    alpha = sub.add_parser(
        "alpha",
        help="Krippendorff's alpha of a coders x units matrix (.csv or .xlsx)",
        description="Krippendorff's alpha of a reliability matrix: one row per coder, the "
        "coder's name first, then one cell per unit; an empty cell is missing; no header "
        "row. CSV (',', ';' or tab) or XLSX (first sheet).",
    )
    alpha.add_argument("file", metavar="FILE", type=Path)
    alpha.add_argument("--level", choices=LEVELS, default="nominal")
    alpha.add_argument(
        "--bootstrap",
        type=int,
        default=0,
        metavar="N",
        help="bootstrap samples for a 95%% interval (default 0: none)",
    )
    alpha.add_argument("--seed", type=int, default=DEFAULT_SEED)
    alpha.add_argument("--json", action="store_true", help="print JSON")
    alpha.set_defaults(func=run_alpha)
    kappa = sub.add_parser(
        "kappa",
        help="percent agreement, Cohen's kappa, Scott's pi and Fleiss' kappa of a matrix",
        description="Percent agreement, Cohen's kappa and Scott's pi (exactly two coders) "
        "and Fleiss' kappa of a reliability matrix in the layout of 'stats alpha': one row "
        "per coder, the coder's name first, then one cell per unit; an empty cell is "
        "missing; no header row. Values are nominal labels.",
    )
    kappa.add_argument("file", metavar="FILE", type=Path)
    kappa.add_argument("--json", action="store_true", help="print JSON")
    kappa.set_defaults(func=run_kappa)


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


def run_alpha(args: argparse.Namespace) -> int:
    if args.bootstrap < 0:
        raise ValueError("--bootstrap cannot be negative")
    matrix = read_reliability_matrix(args.file, level=args.level)
    if len(matrix.coders) < 2:
        raise ValueError(
            f"{args.file}: needs at least two coders (rows), found {len(matrix.coders)}"
        )
    result = krippendorff_alpha(matrix.rows, level=args.level)
    data: dict[str, Any] = {
        "file": str(args.file),
        "level": args.level,
        "coders": list(matrix.coders),
        "units": matrix.n_units,
        "pairable_units": result.n_units,
        "pairable_values": result.n_pairable,
        "alpha": _num(result.alpha),
        "reason": result.reason,
        "warnings": list(result.warnings),
    }
    if args.bootstrap and result.defined:
        boot = bootstrap_alpha(matrix.rows, level=args.level, n_boot=args.bootstrap, seed=args.seed)
        data["bootstrap"] = {
            "samples": boot.n_boot,
            "valid": boot.n_valid,
            "seed": boot.seed,
            "confidence": boot.confidence,
            "low": _num(boot.low),
            "high": _num(boot.high),
            "p_below": {str(k): v for k, v in boot.prob_below.items()},
            "method": boot.method,
        }
    if args.json:
        print_json(data)
        return 0
    value = "undefined" if not result.defined else f"{result.alpha:.3f}"
    print(f"Krippendorff's alpha ({args.level}): {value}")
    if result.reason:
        print(f"  why: {result.reason}")
    print(f"  coders: {len(matrix.coders)} ({', '.join(matrix.coders)})")
    print(
        f"  units: {matrix.n_units}; pairable units: {result.n_units}; "
        f"pairable values: {result.n_pairable}"
    )
    if "bootstrap" in data:
        b = data["bootstrap"]
        print(
            f"  95% interval: [{b['low']:.3f}, {b['high']:.3f}] "
            f"({b['valid']} of {b['samples']} samples, seed {b['seed']})"
        )
        for target, share in b["p_below"].items():
            print(f"  P(alpha < {target}) = {share:.3f}")
    for warning in result.warnings:
        print(f"  note: {warning}")
    return 0


def run_kappa(args: argparse.Namespace) -> int:
    matrix = read_reliability_matrix(args.file, level="nominal")
    if len(matrix.coders) < 2:
        raise ValueError(
            f"{args.file}: needs at least two coders (rows), found {len(matrix.coders)}"
        )
    two = len(matrix.coders) == 2
    percent = percent_agreement(matrix.rows)
    not_two = f"compares exactly two coders; the file has {len(matrix.coders)}"
    figures: dict[str, dict[str, Any]] = {
        "percent": {
            "value": _num(percent.agreement),
            "units": percent.n_units,
            "reason": percent.reason,
        }
    }
    for key, func in (("cohen", cohen_kappa), ("scott", scott_pi)):
        if two:
            k = func(matrix.rows)
            figures[key] = {"value": _num(k.kappa), "units": k.n_units, "reason": k.reason}
        else:
            figures[key] = {"value": None, "units": 0, "reason": not_two}
    fleiss = fleiss_kappa(matrix.rows)
    figures["fleiss"] = {
        "value": _num(fleiss.kappa),
        "units": fleiss.n_units,
        "reason": fleiss.reason,
        "warnings": list(fleiss.warnings),
    }
    if args.json:
        print_json(
            {
                "file": str(args.file),
                "coders": list(matrix.coders),
                "units": matrix.n_units,
                **figures,
            }
        )
        return 0
    names = {
        "percent": "Percent agreement",
        "cohen": "Cohen's kappa",
        "scott": "Scott's pi",
        "fleiss": "Fleiss' kappa",
    }
    print(
        f"{args.file}: {len(matrix.coders)} coders ({', '.join(matrix.coders)}), "
        f"{matrix.n_units} units"
    )
    for key, name in names.items():
        fig = figures[key]
        value = fig["value"]
        if value is None:
            shown = f"undefined ({fig['reason']})"
        elif key == "percent":
            shown = f"{value * 100:.1f}%"
        else:
            shown = f"{value:.3f}"
        print(
            f"  {name + ':':<19} {shown}"
            + (f"  [{fig['units']} units]" if value is not None else "")
        )
    for warning in fleiss.warnings:
        print(f"  note: {warning}")
    return 0
