"""``qualcode codebook add|rename|define|move|merge-codes|split|delete``: edits, all logged."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from qualcode.commands.common import add_locator, open_from
from qualcode.core.codebook_spec import join_path, split_path

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def _edit_parser(sub: Subparsers, name: str, help_text: str) -> argparse.ArgumentParser:
    parser = sub.add_parser(
        name,
        help=help_text,
        description=help_text[0].upper()
        + help_text[1:]
        + ". Codes are named by their path, e.g. 'Steungedrag / Praktische "
        "steun'. The change goes into the logbook.",
    )
    add_locator(parser)
    return parser


def _add_fields(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--definition")
    parser.add_argument("--inclusion", help="when to apply the code")
    parser.add_argument("--exclusion", help="when not to apply it")
    parser.add_argument("--example")
    parser.add_argument("--colour", help="#RRGGBB")
    parser.add_argument(
        "--cmo", choices=("context", "mechanism", "outcome"), help="realist-evaluation tag"
    )
    parser.add_argument("--by", metavar="CODER", help="who makes the change")


def _fields(args: argparse.Namespace) -> dict[str, Any]:
    names = ("definition", "inclusion", "exclusion", "example", "colour", "cmo")
    return {n: getattr(args, n) for n in names if getattr(args, n, None) is not None}


def register_edits(sub: Subparsers) -> None:
    add = _edit_parser(sub, "add", "add a code")
    add.add_argument("path", metavar="PATH", help="path of the new code; its parent must exist")
    add.add_argument("--inductive", action="store_true", help="an inductive (emergent) code")
    _add_fields(add)
    add.set_defaults(func=run_add)

    rename = _edit_parser(sub, "rename", "rename a code (its id, codings and history stay)")
    rename.add_argument("path", metavar="PATH")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.add_argument("--by", metavar="CODER")
    rename.set_defaults(func=run_rename)

    define = _edit_parser(sub, "define", "change a code's definition, criteria, colour or tag")
    define.add_argument("path", metavar="PATH")
    _add_fields(define)
    define.add_argument("--origin", choices=("deductive", "inductive"))
    define.set_defaults(func=run_define)

    move = _edit_parser(sub, "move", "move a code (with its sub-codes) to another parent")
    move.add_argument("path", metavar="PATH")
    move.add_argument("--to", required=True, metavar="PARENT", help="new parent path; / for top")
    move.add_argument("--position", type=int, help="place among the new siblings (0 = first)")
    move.add_argument("--by", metavar="CODER")
    move.set_defaults(func=run_move)

    merge = _edit_parser(sub, "merge-codes", "merge codes into one; their codings follow")
    merge.add_argument("sources", metavar="SOURCE", nargs="+")
    merge.add_argument("--into", required=True, metavar="TARGET")
    merge.add_argument("--by", metavar="CODER")
    merge.set_defaults(func=run_merge_codes)

    split = _edit_parser(sub, "split", "split a code into new sibling codes")
    split.add_argument("path", metavar="PATH")
    split.add_argument("new_names", metavar="NEW_NAME", nargs="+")
    split.add_argument("--by", metavar="CODER")
    split.set_defaults(func=run_split)

    delete = _edit_parser(sub, "delete", "delete a code and its sub-codes")
    delete.add_argument("path", metavar="PATH")
    what = delete.add_mutually_exclusive_group()
    what.add_argument("--drop-codings", action="store_true", help="delete its codings too")
    what.add_argument("--move-codings-to", metavar="PATH", help="keep codings under this code")
    delete.add_argument("--by", metavar="CODER")
    delete.set_defaults(func=run_delete)


def run_add(args: argparse.Namespace) -> int:
    parts = list(split_path(args.path))
    parent = join_path(parts[:-1]) or None
    with open_from(args) as project:
        code = project.codebook.add(
            parts[-1],
            parent=parent,
            coder=args.by,
            origin="inductive" if args.inductive else "deductive",
            **_fields(args),
        )
    print(f"added {code.path_text} ({code.origin})")
    return 0


def run_rename(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        code = project.codebook.update(args.path, name=args.new_name, coder=args.by)
    print(f"renamed to {code.path_text}")
    return 0


def run_define(args: argparse.Namespace) -> int:
    fields = _fields(args)
    if args.origin:
        fields["origin"] = args.origin
    if not fields:
        raise ValueError("say what to change (--definition, --inclusion, ...)")
    with open_from(args) as project:
        code = project.codebook.update(args.path, coder=args.by, **fields)
    print(f"updated {code.path_text}: {', '.join(fields)}")
    return 0


def run_move(args: argparse.Namespace) -> int:
    parent = None if args.to.strip() in ("/", "") else args.to
    with open_from(args) as project:
        code = project.codebook.move(
            args.path, parent=parent, position=args.position, coder=args.by
        )
    print(f"moved to {code.path_text}")
    return 0


def run_merge_codes(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        target = project.codebook.merge(args.sources, args.into, coder=args.by)
        count = len(project.codings.list(code=target.id))
    print(f"merged {len(args.sources)} code(s) into {target.path_text} ({count} codings)")
    return 0


def run_split(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        created = project.codebook.split(args.path, args.new_names, coder=args.by)
    print(
        "created "
        + ", ".join(c.path_text for c in created)
        + "; reassign codings in the GUI or with the codings CSV"
    )
    return 0


def run_delete(args: argparse.Namespace) -> int:
    mode = "drop" if args.drop_codings else "move" if args.move_codings_to else "refuse"
    with open_from(args) as project:
        project.codebook.delete(
            args.path, coder=args.by, codings=mode, move_to=args.move_codings_to
        )
    print(f"deleted {args.path}")
    return 0
