"""``qualcode import LOCATOR FILE_OR_FOLDER...``: transcripts into a project."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qualcode.commands.common import add_locator, add_max_size, open_from, progress_printer


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = subparsers.add_parser(
        "import",
        help="import transcripts (.docx, .odt, .txt, .md)",
        description="Import transcripts: one document per file, named after the file. "
        "Folders import every supported file inside them. Speaker turns, sentences and "
        "paragraphs are found on the way. Each file is stored completely or not at all; "
        "a bad file is reported and the others go on. Files whose text is already in the "
        "project are skipped unless --force.",
    )
    add_locator(imp)
    imp.add_argument("paths", metavar="FILE_OR_FOLDER", nargs="+", type=Path)
    imp.add_argument(
        "--attr",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="attribute for every imported document (repeatable)",
    )
    imp.add_argument(
        "--metadata",
        type=Path,
        metavar="SHEET",
        help="CSV or XLSX with a column 'file' (or 'name') and one column per "
        "attribute; its values override --attr per file",
    )
    imp.add_argument(
        "--language",
        choices=("nl", "en"),
        help="language of all files (default: the sheet's 'language', else a guess)",
    )
    imp.add_argument(
        "--pseudonymise",
        "--pseudonymize",
        action="store_true",
        help="replace names, places, e-mail, phone numbers... by placeholders "
        "such as [PERSOON-1] before storing",
    )
    imp.add_argument(
        "--key-out",
        type=Path,
        metavar="FILE",
        help="with --pseudonymise: write the placeholder key here, as CSV (original, "
        "placeholder, kind, document) for .csv or JSON for .json, readable only by you; "
        "keep it apart from the project",
    )
    imp.add_argument(
        "--patterns-only",
        action="store_true",
        help="check (and with --pseudonymise replace) only what patterns find: e-mail, "
        "phone numbers, postcodes... Names and places are found only with deduce.",
    )
    imp.add_argument("--force", action="store_true", help="import duplicates too")
    imp.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="WORD",
        help="a name that may stay, e.g. an intervention or institution "
        "(repeatable, case-insensitive)",
    )
    add_max_size(imp)
    imp.set_defaults(func=run_import)  # fmt: skip


def _attributes(pairs: list[str]) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--attr expects KEY=VALUE, got {pair!r}")
        attributes[key.strip()] = value.strip()
    return attributes


def run_import(args: argparse.Namespace) -> int:
    from qualcode.io.anonymise.keyfile import check_key_path, write_key
    from qualcode.io.transcripts.batch import import_files

    if args.key_out and not args.pseudonymise:
        raise ValueError("--key-out needs --pseudonymise")
    if args.key_out:
        check_key_path(args.key_out)  # before anything is imported
    attributes = _attributes(args.attr)
    with open_from(args) as project:
        report = import_files(
            project,
            args.paths,
            attributes=attributes,
            metadata_sheet=args.metadata,
            language=args.language,
            pseudonymise=args.pseudonymise,
            force=args.force,
            allow=set(args.allow),
            progress=progress_printer("importing"),
            log=lambda message: print(message, file=sys.stderr),
            patterns_only=args.patterns_only,
            max_size=args.max_size,
        )
    for line in report.lines():
        print(line)
    keys = {doc.name: doc.key for doc in report.imported if doc.key}
    if args.key_out:
        write_key(args.key_out, keys)
        print(f"wrote the pseudonymisation key of {len(keys)} documents to {args.key_out}")
    elif keys:
        print("note: no --key-out given, so the placeholders cannot be traced back")
    flagged = sum(len(doc.findings) for doc in report.imported if not doc.key)
    if flagged and not args.pseudonymise:
        print(f"{flagged} possible identifiers found; see them with "
              "'qualcode anonymise-check FILE...' or import with --pseudonymise")  # fmt: skip
    print(f"{len(report.imported)} imported, {len(report.skipped)} skipped, "
          f"{len(report.failed)} failed")  # fmt: skip
    return 0 if report.ok else 1
