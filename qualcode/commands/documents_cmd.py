"""``qualcode documents LOCATOR``: the documents with their attributes."""

from __future__ import annotations

import argparse

from qualcode.commands.common import add_locator, open_from, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    docs = subparsers.add_parser(
        "documents",
        help="list documents and their attributes",
        description="List the project's documents with their attributes; --where filters.",
    )
    add_locator(docs)
    docs.add_argument(
        "--where",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="only documents with this attribute value (repeatable)",
    )
    docs.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="DOC:KEY=VALUE",
        help="set an attribute of a document (empty VALUE removes it)",
    )
    docs.add_argument("--json", action="store_true", help="print JSON")
    docs.set_defaults(func=run_documents)


def _pair(text: str, option: str) -> tuple[str, str]:
    if "=" not in text:
        raise ValueError(f"{option} expects KEY=VALUE, got {text!r}")
    key, value = text.split("=", 1)
    return key.strip(), value.strip()


def run_documents(args: argparse.Namespace) -> int:
    where = dict(_pair(w, "--where") for w in args.where)
    with open_from(args) as project:
        for assignment in args.set:
            document, _, rest = assignment.partition(":")
            key, value = _pair(rest, "--set")
            project.documents.set_attributes(document, {key: value or None})
        documents = project.documents.list(where=where)
        turns = {d.id: len(project.documents.turns(d.id)) for d in documents}
        counts: dict[int, int] = {}
        for coding in project.codings.list():
            counts[coding.document_id] = counts.get(coding.document_id, 0) + 1
    if args.json:
        print_json(
            [
                {
                    "name": d.name,
                    "language": d.language,
                    "format": d.source_format,
                    "characters": d.length,
                    "turns": turns[d.id],
                    "codings": counts.get(d.id, 0),
                    "attributes": d.attributes,
                }
                for d in documents
            ]
        )
        return 0
    if not documents:
        print("no documents" + (" match" if where else " yet"))
        return 0
    for d in documents:
        print(
            f"{d.name}  [{d.language}, {d.source_format}, {d.length:,} chars, "
            f"{turns[d.id]} turns, {counts.get(d.id, 0)} codings]"
        )
        for key, value in d.attributes.items():
            print(f"    {key}: {value}")
    return 0
