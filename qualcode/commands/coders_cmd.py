"""``qualcode coders add|list``."""

from __future__ import annotations

import argparse

from qualcode.commands.common import add_locator, open_from


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    coders = subparsers.add_parser(
        "coders", help="the people who code", description="Add and list coders."
    )
    sub = coders.add_subparsers(dest="coders_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a coder", description="Add a coder to a project.")
    add_locator(add)
    add.add_argument("name", metavar="NAME")
    add.add_argument(
        "--lead",
        action="store_true",
        help="a lead researcher (releases versions, reveals blind codings)",
    )
    add.set_defaults(func=run_add)
    listing = sub.add_parser("list", help="list coders", description="List a project's coders.")
    add_locator(listing)
    listing.set_defaults(func=run_list)


def run_add(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        coder = project.coders.add(args.name, role="lead" if args.lead else "coder")
    print(f"added {coder.role} {coder.name}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        for coder in project.coders.list():
            print(f"{coder.name}\t{coder.role}")
    return 0
