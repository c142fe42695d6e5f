"""``qualcode merge``: bring a coder's copy (a project or a .qdpx) back into this one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.commands.common import add_locator, open_from
from qualcode.commands.qdpx_cmd import add_merge_options, print_report, read_plan
from qualcode.core.errors import DomainError

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(subparsers: Subparsers) -> None:
    merge = subparsers.add_parser(
        "merge",
        help="merge another coder's project or .qdpx into this project",
        description="Merge OTHER (a project file or database URL, or a .qdpx/.qde) into "
        "LOCATOR in one logged transaction: documents matched by content, the codebook "
        "through the merge plan, coders by identity; codings already there are not "
        "duplicated; codings on a document whose text changed are re-anchored on their "
        "words or reported. --dry-run prints what would happen.",
    )
    add_locator(merge)
    merge.add_argument("other", metavar="OTHER", help="project (.qcdb or URL) or .qdpx/.qde")
    add_merge_options(merge)
    merge.set_defaults(func=run_merge)


def run_merge(args: argparse.Namespace) -> int:
    from qualcode.core.codebook_merge_plan import MergeConflictError
    from qualcode.core.services.project_merge import merge_bundle, merge_projects

    other = str(args.other)
    if other == args.locator:
        raise DomainError(f"{other}: a project cannot be merged into itself")
    options = {
        "dry_run": args.dry_run,
        "plan": read_plan(args.plan),
        "by": args.by,
        "threshold": args.threshold,
    }
    try:
        with open_from(args) as project:
            if Path(other).suffix.lower() in (".qdpx", ".qde"):
                from qualcode.io.exchange import prepare_layout, read_qdpx

                bundle = read_qdpx(Path(other), max_size=args.max_size)
                prepare_layout(bundle)
                report = merge_bundle(project, bundle, source=other, **options)  # type: ignore[arg-type]
            else:
                report = merge_projects(project, other, **options)  # type: ignore[arg-type]
    except MergeConflictError as exc:
        print(str(exc), file=sys.stderr)
        print(
            "nothing was merged; run with --dry-run --plan-out plan.json, resolve the "
            "conflicts in the plan, then pass it with --plan plan.json",
            file=sys.stderr,
        )
        return 1
    print_report(report, args)
    return 0
