"""``qualcode anonymise-check FILE...``: list residual identifiers in transcripts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qualcode.commands.common import print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    check = subparsers.add_parser(
        "anonymise-check",
        aliases=["anonymize-check"],
        help="list names, places, e-mail, phone numbers... left in transcripts",
        description="Read transcripts (.docx, .odt, .txt, .md) and list residual "
        "identifiers with their position (character offsets in the text Qualcode would "
        "store). Nothing is changed. This is the same check 'qualcode import' makes. The "
        "first run after installation spends about 90 s building deduce's name lists; "
        "later runs load them in a few seconds.",
    )
    check.add_argument("files", metavar="FILE", nargs="+", type=Path)
    check.add_argument(
        "--json",
        action="store_true",
        help="print a JSON list of {file, text, kind, start, end, context}",
    )
    check.add_argument(
        "--allow",
        action="append",
        default=[],
        metavar="WORD",
        help="a name that may stay (repeatable, case-insensitive)",
    )
    check.add_argument(
        "--patterns-only",
        "--no-deduce",
        dest="no_deduce",
        action="store_true",
        help="only the fast patterns (e-mail, phone, postcode, ...): finds few names",
    )
    check.set_defaults(func=run_check)  # fmt: skip


def run_check(args: argparse.Namespace) -> int:
    from qualcode.io.anonymise import check_report
    from qualcode.io.transcripts import TranscriptError, guess_language, read_transcript

    rows: list[dict[str, object]] = []
    failed = 0
    for path in args.files:
        try:
            extracted = read_transcript(path)
        except TranscriptError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        report = check_report(
            extracted.text,
            allow=set(args.allow),
            language=guess_language(extracted.text),
            use_deduce=not args.no_deduce,
            progress=lambda message: print(message, file=sys.stderr),
        )
        for warning in report.warnings:
            print(f"warning: {path.name}: {warning}", file=sys.stderr)
        for f in report.findings:
            line = extracted.text.count("\n", 0, f.start) + 1
            rows.append({"file": str(path), "text": f.text, "kind": f.kind, "start": f.start,
                         "end": f.end, "line": line, "context": f.context})  # fmt: skip
        if not args.json:
            print(f"{path}: {len(report.findings)} possible identifiers")
            for row in rows:
                if row["file"] == str(path):
                    print(f"  line {row['line']}: {row['kind']:<15} {row['text']!r:<30} "
                          f"{row['context']}")  # fmt: skip
    if args.json:
        print_json(rows)
    return 1 if failed else 0
