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
    rename = sub.add_parser("rename", help="rename a coder", description="Rename a coder.")
    add_locator(rename)
    rename.add_argument("name", metavar="NAME")
    rename.add_argument("new_name", metavar="NEW_NAME")
    rename.set_defaults(func=run_rename)
    role = sub.add_parser("role", help="make a coder lead or coder", description="Change a role.")
    add_locator(role)
    role.add_argument("name", metavar="NAME")
    role.add_argument("role", choices=("lead", "coder"))
    role.set_defaults(func=run_role)
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


def run_rename(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        coder = project.coders.rename(args.name, args.new_name)
    print(f"renamed {args.name} to {coder.name}")
    return 0


def run_role(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        coder = project.coders.set_role(args.name, args.role)
    print(f"{coder.name} is now a {coder.role}")
    return 0
