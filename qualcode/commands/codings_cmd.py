"""``qualcode codings import|export`` (CSV)."""

from __future__ import annotations

import argparse
from pathlib import Path

from qualcode.commands.common import add_locator, add_max_size, open_from
from qualcode.io.codings_csv import export_codings, import_codings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    codings = subparsers.add_parser(
        "codings",
        help="import and export codings as CSV",
        description="Codings as CSV with columns document,coder,start,end,code,memo "
        "(code = path joined with ' / '; offsets in characters of the stored text).",
    )
    sub = codings.add_subparsers(dest="codings_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import",
        help="add codings from a CSV file (all or nothing)",
        description="Add codings from CSV; any bad row rejects the whole file.",
    )
    add_locator(imp)
    imp.add_argument("file", metavar="FILE.csv", type=Path)
    imp.add_argument("--add-coders", action="store_true", help="create coders that do not exist")
    add_max_size(imp)
    imp.set_defaults(func=run_import)
    exp = sub.add_parser(
        "export",
        help="write all codings to a CSV file",
        description="Write all codings to CSV (plus a 'text' column).",
    )
    add_locator(exp)
    exp.add_argument("file", metavar="FILE.csv", type=Path)
    exp.add_argument("--no-text", action="store_true", help="leave out the coded text column")
    exp.add_argument(
        "--as",
        dest="viewer",
        metavar="CODER",
        help="export what CODER may see (blind documents: only CODER's own codings)",
    )
    exp.set_defaults(func=run_export)


def run_import(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        summary = import_codings(
            project, args.file, add_coders=args.add_coders, max_size=args.max_size
        )
    added = f"; new coders: {', '.join(summary.coders_added)}" if summary.coders_added else ""
    print(f"imported {summary.codings} codings on {summary.documents} documents{added}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        count = export_codings(project, args.file, with_text=not args.no_text, viewer=args.viewer)
    print(f"wrote {count} codings to {args.file}")
    return 0
