"""``qualcode init`` and ``qualcode info``."""

from __future__ import annotations

import argparse

from qualcode.commands.common import add_locator, open_from, print_json
from qualcode.core.project import create_project, open_project


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser(
        "init",
        help="create a new, empty project",
        description="Create a new, empty project at LOCATOR.",
    )
    add_locator(init)
    init.add_argument("--name", help="project name (default: the file name)")
    init.set_defaults(func=run_init)

    info = subparsers.add_parser(
        "info",
        help="what a project holds",
        description="Counts of documents, codes, coders and codings.",
    )
    add_locator(info)
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=run_info)


def run_init(args: argparse.Namespace) -> int:
    with create_project(args.locator, args.name) as project:
        print(f"created project {project.name!r} at {args.locator}")
    return 0


def run_info(args: argparse.Namespace) -> int:
    if args.json:
        with open_from(args) as project:
            info = project.info()
            versions = project.versions.list()
        print_json({**info.__dict__, "versions": [v.label for v in versions]})
        return 0
    print_info(args.locator)
    return 0


def print_info(locator: str) -> None:
    with open_project(locator) as project:
        info = project.info()
        versions = project.versions.list()
    print(f"project:   {info.name} ({info.backend}, schema {info.schema_revision})")
    print(f"location:  {info.locator}")
    print(f"documents: {info.documents}")
    for intervention, n in info.documents_by_intervention.items():
        print(f"           {n:>4}  {intervention}")
    print(f"codes:     {info.codes}")
    print(
        f"coders:    {info.coders}" + (f" ({', '.join(info.coder_names)})" if info.coders else "")
    )
    print(f"codings:   {info.codings}")
    for coder, n in info.codings_per_coder.items():
        print(f"           {n:>4}  {coder}")
    labels = ", ".join(v.label for v in versions) or "none released yet"
    print(f"codebook versions: {labels}")
