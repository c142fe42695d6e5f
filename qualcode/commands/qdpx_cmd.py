"""``qualcode qdpx export|import``: whole projects through REFI-QDA .qdpx."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.commands.common import add_locator, open_from, print_json, progress_printer
from qualcode.core.errors import DomainError

if TYPE_CHECKING:
    from qualcode.core.codebook_merge_plan import MergePlan
    from qualcode.core.merge_report import MergeReport

    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(subparsers: Subparsers) -> None:
    qdpx = subparsers.add_parser(
        "qdpx",
        help="exchange whole projects with ATLAS.ti, NVivo, MAXQDA, QualCoder (REFI-QDA)",
        description="Export a project as a REFI-QDA .qdpx, or import one (into a new project, "
        "or merged into an existing one through the codebook merge plan).",
    )
    sub = qdpx.add_subparsers(dest="qdpx_command", metavar="ACTION", required=True)

    exp = sub.add_parser(
        "export",
        help="write the project as .qdpx",
        description="Write coders, codebook, documents, codings, memos, attributes and sets "
        "to OUT.qdpx (valid against REFI-QDA Project.xsd 1.0).",
    )
    add_locator(exp)
    exp.add_argument("out", metavar="OUT.qdpx", type=Path)
    exp.set_defaults(func=run_export)

    imp = sub.add_parser(
        "import",
        help="import a .qdpx into a new or existing project",
        description="Read FILE.qdpx (or a bare .qde) written by Qualcode, ATLAS.ti, NVivo, "
        "MAXQDA, QualCoder or Taguette. When LOCATOR does not exist yet the project is "
        "created; otherwise the file is merged into it through the codebook merge plan "
        "(documents by content, coders by identity, no duplicate codings).",
    )
    imp.add_argument("file", metavar="FILE.qdpx", type=Path)
    add_locator(imp)
    add_merge_options(imp)
    imp.set_defaults(func=run_import)


def add_merge_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run", action="store_true", help="show what would happen; change nothing"
    )
    parser.add_argument(
        "--plan-out", type=Path, metavar="PLAN.json", help="write the codebook merge plan"
    )
    parser.add_argument(
        "--plan", type=Path, metavar="PLAN.json", help="use an edited codebook merge plan"
    )
    parser.add_argument(
        "--threshold", type=float, default=85, help="fuzzy code match score (0-100)"
    )
    parser.add_argument("--by", metavar="CODER", help="who merges (for the logbook)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--max-size",
        type=int,
        metavar="BYTES",
        help="accept a .qdpx larger than the default limits (1 GB, 250 MB per member)",
    )


def read_plan(path: Path | None) -> MergePlan | None:
    from qualcode.core.codebook_merge_plan import MergePlan

    if path is None:
        return None
    try:
        return MergePlan.from_json(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as exc:
        raise DomainError(f"{path}: not valid JSON ({exc})") from exc


def print_report(report: MergeReport, args: argparse.Namespace) -> None:
    if args.plan_out and report.plan is not None:
        args.plan_out.write_text(
            json.dumps(report.plan.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
        )
    if args.json:
        print_json(report.to_json())
        return
    if report.plan is not None and report.plan.entries and (args.dry_run or report.conflicts):
        print(report.plan.format_text())
    print("\n".join(report.lines()))
    if args.plan_out:
        print(f"plan written to {args.plan_out}; edit it, then pass it back with --plan")


def run_export(args: argparse.Namespace) -> int:
    from qualcode.io.exchange import export_qdpx

    if args.out.suffix.lower() != ".qdpx":
        raise DomainError(f"{args.out}: the output must end in .qdpx")
    with open_from(args) as project:
        bundle = export_qdpx(project, args.out, progress=progress_printer("export"))
    print(
        f"wrote {args.out}: {len(bundle.users)} coders, {sum(1 for _ in bundle.codebook.walk())} "
        f"codes, {len(bundle.text_sources())} documents, {len(bundle.codings)} codings, "
        f"{len(bundle.notes)} memos"
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from qualcode.core.codebook_merge_plan import MergeConflictError
    from qualcode.io.exchange import import_qdpx

    try:
        report = import_qdpx(
            args.file,
            args.locator,
            dry_run=args.dry_run,
            plan=read_plan(args.plan),
            by=args.by,
            threshold=args.threshold,
            progress=progress_printer("import"),
            max_size=args.max_size,
        )
    except MergeConflictError as exc:
        print(str(exc), file=sys.stderr)
        print(
            "nothing was imported; run with --dry-run --plan-out plan.json, resolve the "
            "conflicts in the plan, then pass it with --plan plan.json",
            file=sys.stderr,
        )
        return 1
    print_report(report, args)
    return 0
