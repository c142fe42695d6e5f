"""``qualcode memos LOCATOR [--json]``: list memos, and write, edit or remove one.

Listing is the default; ``--add TEXT`` writes a memo on the project, or on the document,
code or coding named with ``--document``/``--code``/``--coding``.
"""

from __future__ import annotations

import argparse
from typing import Any

from qualcode.commands.common import add_locator, open_from, print_json
from qualcode.core.models import MEMO_TARGETS
from qualcode.core.project import Project
from qualcode.core.records import MemoRecord


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    memos = subparsers.add_parser(
        "memos",
        help="list, write, edit or remove memos",
        description="List the memos of a project (project, document, code and coding memos); "
        "with --add write one, with --edit/--remove change one.",
    )
    add_locator(memos)
    memos.add_argument("--json", action="store_true", help="print JSON")
    memos.add_argument("--target", choices=MEMO_TARGETS, help="only memos on this kind of thing")
    memos.add_argument(
        "--document", metavar="NAME", help="memos on this document (and its codings)"
    )
    memos.add_argument("--code", metavar="PATH", help="memos on this code")
    memos.add_argument("--coding", type=int, metavar="ID", help="memos on this coding")
    memos.add_argument("--author", metavar="CODER", help="only memos this coder wrote")
    memos.add_argument("--search", metavar="TEXT", help="only memos containing TEXT")
    memos.add_argument(
        "--as",
        dest="viewer",
        metavar="CODER",
        help="what CODER may see (blind documents hide other coders' memos)",
    )
    write = memos.add_mutually_exclusive_group()
    write.add_argument(
        "--add",
        metavar="TEXT",
        help="write a memo (on the project unless --document, --code or --coding names its place)",
    )
    write.add_argument("--edit", type=int, metavar="MEMO_ID", help="replace a memo's text")
    write.add_argument("--remove", type=int, metavar="MEMO_ID", help="delete a memo")
    memos.add_argument("--text", metavar="TEXT", help="the new text for --edit")
    memos.add_argument("--title", metavar="TITLE", help="a title for --add/--edit")
    memos.add_argument("--by", metavar="CODER", help="the author of --add")
    memos.set_defaults(func=run_memos)


def _as_dict(memo: MemoRecord, place: str) -> dict[str, Any]:
    return {
        "id": memo.id,
        "target": memo.target,
        "place": place,
        "document_id": memo.document_id,
        "code_id": memo.code_id,
        "coding_id": memo.coding_id,
        "author": memo.author,
        "title": memo.title,
        "body": memo.body,
        "modified_at": memo.modified_at.isoformat(timespec="seconds"),
    }


def _write(project: Project, args: argparse.Namespace) -> int:
    if args.add is not None:
        places = [p for p in (args.document, args.code, args.coding) if p is not None]
        if len(places) > 1:
            raise SystemExit("qualcode memos: name one of --document, --code or --coding")
        memo = project.memos.add(
            args.add,
            title=args.title or "",
            author=args.by,
            document=args.document,
            code=args.code,
            coding=args.coding,
        )
        print(f"added memo {memo.id} on {project.memos.places([memo])[memo.id]}")
    elif args.edit is not None:
        if args.text is None and args.title is None:
            raise SystemExit("qualcode memos: --edit needs --text and/or --title")
        memo = project.memos.edit(args.edit, body=args.text, title=args.title)
        print(f"edited memo {memo.id}")
    else:
        project.memos.remove(args.remove)
        print(f"removed memo {args.remove}")
    return 0


def run_memos(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        if args.add is not None or args.edit is not None or args.remove is not None:
            return _write(project, args)
        memos = project.memos.list(
            target=args.target,
            document=args.document,
            code=args.code,
            coding=args.coding,
            author=args.author,
            search=args.search,
            viewer=args.viewer,
        )
        places = project.memos.places(memos)
    if args.json:
        print_json([_as_dict(m, places[m.id]) for m in memos])
        return 0
    if not memos:
        print("no memos")
        return 0
    for m in memos:
        who = f" by {m.author}" if m.author else ""
        title = f" {m.title}:" if m.title else ""
        stamp = m.modified_at.strftime("%Y-%m-%d %H:%M")
        print(f"[{m.id}] {places[m.id]}{who}, {stamp}\n  {title} {m.body}".rstrip())
    print(f"{len(memos)} memo(s)")
    return 0
