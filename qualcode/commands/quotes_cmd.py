"""``qualcode quotes LOCATOR`` (retrieval and starring) and ``qualcode summaries``."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

from qualcode.commands.common import add_locator, open_from, print_json
from qualcode.core.codebook_spec import join_path
from qualcode.core.combined import DEFAULT_DISTANCE, RELATIONS, Combination
from qualcode.core.retrieval import QuoteFilter, QuoteService, find_quotes
from qualcode.io.tables import QUOTE_COLUMNS, quote_rows, write_table


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The quote filter, shared by ``quotes`` and ``matrix``."""
    parser.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="PATH",
        help="only this code (path 'A / B', guid or id; repeatable)",
    )
    parser.add_argument(
        "--subcodes", action="store_true", help="with --code: include everything below each code"
    )
    parser.add_argument(
        "--coder",
        action="append",
        default=[],
        metavar="NAME",
        help="only this coder's codings (repeatable; e.g. consensus)",
    )
    parser.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="only documents with this attribute value (repeatable)",
    )
    parser.add_argument("--speaker", metavar="NAME", help="only quotes spoken by NAME")
    parser.add_argument(
        "--search", metavar="TEXT", help="only quotes containing TEXT (case-insensitive)"
    )
    parser.add_argument("--illustrative", action="store_true", help="only starred quotes")
    combine = parser.add_mutually_exclusive_group()
    combine.add_argument("--within", metavar="CODE", help="only quotes inside a CODE coding")
    combine.add_argument(
        "--overlapping", metavar="CODE", help="only quotes sharing text with a CODE coding"
    )
    combine.add_argument("--near", metavar="CODE", help="only quotes near a CODE coding")
    parser.add_argument(
        "--distance",
        type=int,
        default=DEFAULT_DISTANCE,
        metavar="CHARS",
        help=f"how near, for --near (default {DEFAULT_DISTANCE} characters)",
    )


def filter_from(args: argparse.Namespace) -> QuoteFilter:
    where = {}
    for item in args.where:
        if "=" not in item:
            raise ValueError(f"--where expects KEY=VALUE, got {item!r}")
        key, value = item.split("=", 1)
        where[key.strip()] = value.strip()
    codes = tuple(int(c) if c.isdigit() else c for c in args.code)
    return QuoteFilter(
        codes=codes,
        subcodes=args.subcodes,
        coders=tuple(args.coder),
        where=where,
        speaker=args.speaker,
        search=args.search,
        illustrative_only=args.illustrative,
        combine=_combination(args),
    )


def _combination(args: argparse.Namespace) -> Combination | None:
    for relation in RELATIONS:
        code = getattr(args, relation, None)
        if code:
            return Combination(
                int(code) if code.isdigit() else code, relation, distance=args.distance
            )
    return None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quotes = subparsers.add_parser(
        "quotes",
        help="retrieve coded quotes with their source; star illustrative ones",
        description="List coded quotes (document, speaker, paragraph, code, coder, text). "
        "Paragraphs are counted as non-blank lines of the stored text. --star/--unstar "
        "change illustrative marks first; --order ranks starred quotes for the report.",
    )
    add_locator(quotes)
    add_filter_options(quotes)
    quotes.add_argument(
        "--star",
        action="append",
        type=int,
        default=[],
        metavar="ID",
        help="mark coding ID as an illustrative quote (repeatable)",
    )
    quotes.add_argument(
        "--unstar",
        action="append",
        type=int,
        default=[],
        metavar="ID",
        help="remove the illustrative mark (repeatable)",
    )
    quotes.add_argument(
        "--order", metavar="ID,ID,...", help="star these codings and rank them in this order"
    )
    quotes.add_argument("--out", type=Path, metavar="FILE", help="write .csv or .xlsx")
    quotes.add_argument("--json", action="store_true", help="print JSON")
    quotes.set_defaults(func=run_quotes)

    summaries = subparsers.add_parser(
        "summaries",
        help="write and list summaries of codes per intervention",
        description="Summaries of a code or cluster, per attribute value (--by intervention "
        "--value Peercoaching) or across all documents (no --by).",
    )
    sub = summaries.add_subparsers(dest="summaries_command", metavar="ACTION", required=True)
    put = sub.add_parser("set", help="write (or with an empty --text remove) a summary")
    add_locator(put)
    put.add_argument("--code", required=True, metavar="PATH")
    put.add_argument("--by", default="", metavar="ATTR")
    put.add_argument("--value", default="", metavar="VALUE")
    put.add_argument("--text", required=True)
    put.add_argument("--author", metavar="NAME")
    put.set_defaults(func=run_summary_set)
    show = sub.add_parser("list", help="list summaries")
    add_locator(show)
    show.add_argument("--code", metavar="PATH")
    show.add_argument("--by", metavar="ATTR")
    show.add_argument("--value", metavar="VALUE")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=run_summary_list)


def run_quotes(args: argparse.Namespace) -> int:
    flt = filter_from(args)
    order = [int(i) for i in args.order.split(",") if i.strip()] if args.order else []
    marks = [*args.star, *args.unstar, *order]
    confirmations: list[str] = []
    with open_from(args) as project:
        found = find_quotes(project, flt)
        if marks:
            # Only quotes of this listing: an id of another code's coding is a typo,
            # not a wish to star it. (--illustrative lists starred quotes only, so the
            # quote about to be starred counts as listed.)
            scope = replace(flt, illustrative_only=False) if flt.illustrative_only else None
            listed = {q.coding_id: q for q in (find_quotes(project, scope) if scope else found)}
            strangers = [str(i) for i in marks if i not in listed]
            if strangers:
                raise ValueError(
                    f"coding {', '.join(strangers)} is not among the quotes listed with "
                    "these filters; nothing was starred or unstarred"
                )
            service = QuoteService(project)
            for coding_id in args.star:
                service.star(coding_id)
            for coding_id in args.unstar:
                service.unstar(coding_id)
            if order:
                service.order(order)
            for verb, ids in (("starred", args.star), ("unstarred", args.unstar),
                              ("starred and ranked", order)):  # fmt: skip
                for n, coding_id in enumerate(ids, start=1):
                    q = listed[coding_id]
                    rank = f" as no. {n}" if verb == "starred and ranked" else ""
                    confirmations.append(
                        f"{verb} [{coding_id}]{rank}: {q.document}, {q.code_text} ({q.coder})"
                    )
            found = find_quotes(project, flt)
    keys = sorted({k for q in found for k in q.attributes})
    if args.out:
        count = write_table(
            args.out, [*QUOTE_COLUMNS, *keys], quote_rows(found, keys), sheet="quotes"
        )
        print(f"wrote {count} quotes to {args.out}")
    elif args.json:
        header = [*QUOTE_COLUMNS, *keys]
        print_json([dict(zip(header, row, strict=True)) for row in quote_rows(found, keys)])
    elif not found:
        print("no quotes match")
    else:
        for q in found:
            star = "*" if q.illustrative else " "
            who = f", {q.speaker}" if q.speaker else ""
            print(
                f"{star}[{q.coding_id}] {q.document}{who}, ¶{q.paragraph} - {q.code_text} "
                f"({q.coder})"
            )
            print(f"    {' '.join(q.text.split())}")
    # With --json or --out stdout holds data only; confirmations go to stderr.
    for line in confirmations:
        print(line, file=sys.stderr if (args.json or args.out) else sys.stdout)
    return 0


def run_summary_set(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        record = project.summaries.set(
            args.code, args.text, scope_key=args.by, scope_value=args.value, author=args.author
        )
    scope = f"{args.by}={args.value}" if args.by else "all documents"
    print(f"{'saved' if record else 'removed'} summary of {args.code} for {scope}")
    return 0


def run_summary_list(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        records = project.summaries.list(code=args.code, scope_key=args.by, scope_value=args.value)
    if args.json:
        print_json(
            [
                {
                    "code": join_path(r.code_path),
                    "by": r.scope_key,
                    "value": r.scope_value,
                    "text": r.body,
                    "author": r.author,
                    "modified_at": r.modified_at.isoformat(timespec="seconds"),
                }
                for r in records
            ]
        )
        return 0
    if not records:
        print("no summaries yet")
    for r in records:
        scope = f"{r.scope_key}={r.scope_value}" if r.scope_key else "all documents"
        by = f", {r.author}" if r.author else ""
        print(f"{' / '.join(r.code_path)} [{scope}{by}, {r.modified_at:%Y-%m-%d %H:%M}]")
        print(f"    {r.body}")
    return 0
