"""``qualcode agreement LOCATOR --coders A,B``: agreement figures and the disagreements."""

from __future__ import annotations

import argparse
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

from qualcode.commands.common import add_locator, open_from, print_json, progress_printer
from qualcode.core.agreement_project import (
    DEFAULT_BOOTSTRAP,
    DEFAULT_SEED,
    RELIABLE,
    TENTATIVE,
    UNIT_MODES,
    AgreementResult,
    Figures,
    compute_agreement,
)
from qualcode.core.errors import DomainError


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "agreement",
        help="inter-coder agreement per code, cluster, document and overall",
        description="Percent agreement, Cohen's kappa and Scott's pi (two coders), Fleiss' "
        "kappa and Krippendorff's alpha with a bootstrap interval on sentence, paragraph or "
        "turn units; Krippendorff's unitizing alphas (binary and u-alpha with a bootstrap "
        "interval over documents, cu, Cu) on the character continuum. Then the "
        "disagreements with their text. Alpha marks: ** >= .800, * >= .667 "
        "(Krippendorff); ! = too little data.",
    )
    add_locator(parser)
    parser.add_argument("--coders", required=True, help="two or more coders: A,B[,C...]")
    parser.add_argument("--documents", help="documents (names, comma separated); default all")
    parser.add_argument(
        "--codes", help="code paths (comma separated; a cluster includes its sub-codes)"
    )
    parser.add_argument("--unit", choices=UNIT_MODES, default="sentence")
    parser.add_argument(
        "--threshold",
        type=float,
        default=0.0,
        help="share of a unit a coding must cover (more than) to count; default 0 = any",
    )
    parser.add_argument(
        "--bootstrap",
        type=int,
        default=DEFAULT_BOOTSTRAP,
        metavar="N",
        help=f"bootstrap samples for alpha's interval (default {DEFAULT_BOOTSTRAP}; 0: none)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"seed of the bootstrap (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--as",
        dest="viewer",
        metavar="CODER",
        help="who asks (a lead may include blind, unrevealed documents)",
    )
    parser.add_argument(
        "--out", type=Path, metavar="REPORT", help="also write a report (.docx or .csv)"
    )
    parser.add_argument(
        "--disagreements",
        type=int,
        default=50,
        metavar="N",
        help="print at most N disagreements (default 50; all with --json)",
    )
    parser.add_argument(
        "--language",
        choices=("en", "nl"),
        default="en",
        help="language of the Word report (--out .docx); default en",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    coders = _names(args.coders)
    if len(coders) < 2:
        raise DomainError("name at least two coders, e.g. --coders Anouk,Bram")
    if args.out is not None and args.out.suffix.lower() not in (".docx", ".csv"):
        raise DomainError(f"{args.out}: the report must be .docx or .csv")
    with open_from(args) as project:
        result = compute_agreement(
            project,
            coders,
            documents=_names(args.documents) if args.documents else None,
            codes=[p.strip() for p in args.codes.split(",")] if args.codes else None,
            unit=args.unit,
            overlap_threshold=args.threshold,
            bootstrap=args.bootstrap,
            seed=args.seed,
            viewer=args.viewer,
            progress=None if args.json else progress_printer("agreement"),
        )
    if args.out is not None:
        from qualcode.io.agreement_report import write_report

        write_report(result, args.out, language=args.language)
    if args.json:
        print_json(to_json(result))
    else:
        print(render(result, args.disagreements))
        if args.out is not None:
            print(f"\nreport written to {args.out}")
    return 0


def _num(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


def to_json(result: AgreementResult) -> dict[str, Any]:
    def fig(f: Figures) -> dict[str, Any]:
        data = asdict(f)
        data["reasons"] = dict(f.reasons)  # every null figure -> why
        return {k: (_num(v) if isinstance(v, float) else v) for k, v in data.items()}

    settings = asdict(result.settings)
    settings["left_out"] = [{"document": n, "why": w} for n, w in result.settings.left_out]
    return {
        "settings": settings,
        "codes": [fig(f) for f in result.codes],
        "clusters": [fig(f) for f in result.clusters],
        "documents": [fig(f) for f in result.documents],
        "overall": fig(result.overall),
        "disagreements": [asdict(d) for d in result.disagreements],
        "notes": list(result.notes),
    }


def fmt(value: float, digits: int = 3) -> str:
    if math.isnan(value):
        return "-"
    text = f"{value:.{digits}f}"
    # A tiny negative rounds to "-0.000"; the statistic's own range has no such number.
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def mark(f: Figures) -> str:
    if f.low_data:
        return "!"
    if math.isnan(f.alpha):
        return ""
    return "**" if f.alpha >= RELIABLE else "*" if f.alpha >= TENTATIVE else ""


def cut_label(label: str, width: int) -> str:
    """``label`` in ``width`` characters: a code path loses its middle, never its last
    segment (the code's own name), e.g. ``Steungedrag / ... / Emotionele steun``."""
    if len(label) <= width:
        return label
    parts = label.split(" / ")
    last = parts[-1]
    if len(parts) > 1:
        head = parts[0]
        shown = f"{head} / ... / {last}"
        if len(shown) <= width:
            return shown
        shown = f".../ {last}"
        if len(shown) <= width:
            return shown
    return last[: max(width - 3, 1)] + "..."


def ci_text(low: float, high: float) -> str:
    """A 95% interval as the statistic prints it; never ``-0.000``."""
    if math.isnan(low):
        return "-"
    return f"[{fmt(low)}, {fmt(high)}]"


def _table(title: str, rows: tuple[Figures, ...], character: bool) -> list[str]:
    if not rows:
        return []
    width = min(max(len(title), *(len(f.label) for f in rows)), 50)
    if character:
        head = (
            f"{title:<{width}}  {'alpha|u':>7}  {'95% CI':>15}  {'u-alpha':>7}  {'95% CI':>15}"
            f"  {'cu':>6}  {'segments':>8}"
        )
    else:
        head = (
            f"{title:<{width}}  {'%agree':>6}  {'cohen':>6}  {'scott':>6}  {'fleiss':>6}"
            f"  {'alpha':>6}  {'95% CI':>15}  {'units':>6}  {'values':>6}  {'coded':>5}"
        )
    lines = [head, "-" * len(head)]
    for f in rows:
        label = cut_label(f.label, width)
        if character:
            lines.append(
                f"{label:<{width}}  {fmt(f.alpha):>7}  {ci_text(f.ci_low, f.ci_high):>15}  "
                f"{fmt(f.u_alpha):>7}  {ci_text(f.u_ci_low, f.u_ci_high):>15}  "
                f"{fmt(f.cu_alpha):>6}  {f.n_coded:>8}  {mark(f)}"
            )
        else:
            lines.append(
                f"{label:<{width}}  {fmt(f.percent * 100, 1):>6}  {fmt(f.cohen):>6}  "
                f"{fmt(f.scott):>6}  {fmt(f.fleiss):>6}  {fmt(f.alpha):>6}  "
                f"{ci_text(f.ci_low, f.ci_high):>15}  {f.n_units:>6}  "
                f"{f.n_pairable:>6}  {f.n_coded:>5}  {mark(f)}"
            )
    return [*lines, ""]


def render(result: AgreementResult, limit: int | None = None) -> str:
    s = result.settings
    character = s.unit == "character"
    lines = [
        f"coders: {', '.join(s.coders)}; unit: {s.unit}"
        + ("" if character else f"; threshold: more than {s.threshold:g} of a unit")
        + (
            f"; bootstrap: {s.bootstrap} (seed {s.seed}"
            + (", over documents)" if character else ", over units)")
            if s.bootstrap
            else "; bootstrap: none"
        ),
        f"documents contributing: {len(s.contributing)} of {len(s.documents)}"
        + (f" ({', '.join(s.contributing)})" if s.contributing else "")
        + f"; codes with codings: {len(result.codes)}",
    ]
    for name, why in s.left_out:
        lines.append(f"  left out: {name}: {why}")
    lines.append("")
    lines += _table("code", result.codes, character)
    lines += _table("cluster", result.clusters, character)
    lines += _table("document", result.documents, character)
    lines += _table("overall", (result.overall,), character)
    lines.append("** alpha >= .800 (reliable), * >= .667 (tentative), ! too little data")
    if character and not math.isnan(result.overall.cu_alpha):
        lines.append(f"Cu-alpha across top-level clusters: {fmt(result.overall.cu_alpha)}")
    for note in result.notes:
        lines.append(f"note: {note}")
    shown = result.disagreements if limit is None else result.disagreements[: max(limit, 0)]
    lines += [
        "",
        f"disagreements: {len(result.disagreements)}"
        + (f" (first {len(shown)})" if len(shown) < len(result.disagreements) else ""),
    ]
    for d in shown:
        text = " ".join(d.text.split())
        text = text if len(text) <= 200 else text[:197] + "..."
        where = f"paragraph {d.paragraph}" + (
            f", turn {d.turn} ({d.speaker})" if d.turn is not None else ""
        )
        lines.append(f'\n{d.document}, {where}: "{text}"')
        for entry in d.by_coder:
            lines.append(f"  {entry.coder}: {'; '.join(entry.codes) or '(nothing)'}")
    return "\n".join(lines)
