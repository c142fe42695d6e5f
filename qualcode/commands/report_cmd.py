"""``qualcode report LOCATOR OUT.docx``: the Word report per intervention (or attribute)."""

from __future__ import annotations

import argparse
from pathlib import Path

from qualcode.commands.common import add_locator, open_from, progress_printer
from qualcode.io.report import LANGUAGES, write_report
from qualcode.io.report.builder import TOC_HINT


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = subparsers.add_parser(
        "report",
        help="write the Word report (codes, summaries, quotes per intervention)",
        description="Write a Word report: per value of --by a chapter with the code tree, "
        "frequencies, summaries and illustrative quotes (starred quotes first), then a "
        "cross-case chapter with a frequency table per cluster.",
    )
    add_locator(report)
    report.add_argument("out", metavar="OUT.docx", type=Path)
    report.add_argument(
        "--by",
        default="intervention",
        metavar="ATTR",
        help="document attribute giving one chapter per value (default: intervention)",
    )
    report.add_argument(
        "--codes",
        metavar="PATH,...",
        help="only these codes and their sub-codes (paths like 'A / B', separated by commas)",
    )
    report.add_argument(
        "--quotes-per-code",
        type=int,
        default=3,
        metavar="N",
        help="quotes shown per code (default 3)",
    )
    report.add_argument(
        "--coder",
        metavar="NAME",
        help="only this coder's codings (short for --layer coder:NAME)",
    )
    report.add_argument(
        "--layer",
        metavar="LAYER",
        help="where quotes and counts come from: consensus, coder:NAME or all (every "
        "coder, each passage once with the coders named, counts per document-coder pair). "
        "Default: per document the consensus layer where one exists, else the assigned "
        "coder, else the lead; never a sum over coders",
    )
    report.add_argument(
        "--cite",
        metavar="ATTR,...",
        help="document attributes quotes cite a document by, e.g. source_type,intervention "
        "(the default); 'name' for file names. The file names are listed in an appendix",
    )
    report.add_argument(
        "--as",
        dest="viewer",
        metavar="CODER",
        help="who makes the report: a coder who is not a lead gets only their own codings "
        "on blind documents that are not revealed",
    )
    report.add_argument(
        "--memos",
        action="store_true",
        help="include memos: code memos under each code, coding memos beside their quote, "
        "document memos in the appendix, project memos in About this report (only the "
        "memos the --as coder may read)",
    )
    report.add_argument(
        "--pdf",
        action="store_true",
        help="also write OUT.pdf with LibreOffice (headless), contents with page numbers",
    )
    report.add_argument(
        "--language",
        choices=LANGUAGES,
        default="nl",
        help="language of headings and labels (default nl)",
    )
    report.add_argument(
        "--mkdir",
        action="store_true",
        help="create the folder of OUT.docx when it does not exist (otherwise refused)",
    )
    report.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    if args.out.suffix.lower() != ".docx":
        raise ValueError(f"{args.out}: the report is a Word file; use a .docx name")
    if args.quotes_per_code < 0:
        raise ValueError("--quotes-per-code cannot be negative")
    folder = args.out.parent
    if not folder.is_dir():
        # A typo in the path must not create folders somewhere unexpected.
        if folder.exists():
            raise ValueError(f"{args.out}: {folder} is not a folder")
        if not getattr(args, "mkdir", False):
            raise ValueError(
                f"{args.out}: folder {folder} does not exist (create it, or add --mkdir)"
            )
    codes = [c.strip() for c in args.codes.split(",") if c.strip()] if args.codes else None
    cite = [c.strip() for c in args.cite.split(",") if c.strip()] if args.cite else None
    if args.pdf:
        from qualcode.io.report import pdf

        if not pdf.available():  # say so before any work is done
            raise ValueError(
                f"{args.out}: --pdf needs LibreOffice Writer with its Python bridge "
                "(Debian: apt-get install libreoffice-writer python3-uno)"
            )
    with open_from(args) as project:
        if not folder.is_dir():
            folder.mkdir(parents=True)
        result = write_report(
            project,
            args.out,
            by=args.by,
            codes=codes,
            quotes_per_code=args.quotes_per_code,
            coder=args.coder,
            layer=args.layer,
            cite=cite,
            viewer=args.viewer,
            language=args.language,
            memos=args.memos,
            progress=progress_printer("report"),
        )
    print(
        f"wrote {result.path}: {len(result.sections)} chapters "
        f"({', '.join(result.sections) or 'none'}), {result.quotes} quotes, "
        f"{result.tables} tables; evidence: {result.layer}"
    )
    if args.pdf:
        from qualcode.io.report.pdf import convert_to_pdf

        print(f"wrote {convert_to_pdf(result.path)} (contents with page numbers)")
    else:
        print(TOC_HINT)
    return 0
