"""``qualcode export-copy``: the project as one consistent file, while it is open."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.commands.common import add_locator

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(subparsers: Subparsers) -> None:
    copy = subparsers.add_parser(
        "export-copy",
        help="copy the project into one file for sending (safe while it is open)",
        description="Write a consistent copy of a SQLite project to OUT.qcdb with SQLite's "
        "online backup API: safe while the project is open in the app or another command "
        "is writing (the copy holds the last committed state, write-ahead log included).",
    )
    add_locator(copy)
    copy.add_argument("out", metavar="OUT.qcdb", type=Path)
    copy.set_defaults(func=run_export_copy)


def run_export_copy(args: argparse.Namespace) -> int:
    # Imported here: every command module is loaded to build the parser, so a module-level
    # import would make each qualcode command pay for lxml and the exchange package.
    from qualcode.io.exchange.native_copy import export_copy

    export_copy(args.locator, args.out)
    # Counted on the copy itself (plain sqlite3: opening it as a project would switch it
    # back to write-ahead logging and leave side files next to what you send).
    con = sqlite3.connect(f"file:{args.out}?mode=ro", uri=True)
    try:
        counts = [
            con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "codes", "codings")
        ]
    finally:
        con.close()
    print(
        f"wrote {args.out}: {counts[0]} documents, {counts[1]} codes, {counts[2]} codings "
        f"({args.out.stat().st_size // 1024} KB)"
    )
    return 0
