"""``qualcode export-copy``: the project as one consistent file, while it is open."""

from __future__ import annotations

import argparse
import os
import sqlite3
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.commands.common import add_locator
from qualcode.core import store
from qualcode.core.errors import DomainError, ProjectError

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


def export_copy(locator: str, out: Path) -> None:
    """Back up ``locator`` to ``out`` (atomically, owner-only permissions)."""
    if store.is_url(locator) and not locator.startswith("sqlite"):
        raise DomainError(
            f"{locator}: export-copy copies a SQLite project file; for a team server use "
            "'qualcode qdpx export' (whole project as .qdpx)"
        )
    source = Path(locator.split("///", 1)[1] if locator.startswith("sqlite") else locator)
    if not source.is_file():
        raise ProjectError(f"{locator}: no such project file")
    out = Path(out)
    if out.resolve() == source.resolve():
        raise DomainError(f"{out}: the copy cannot replace the project itself")
    if not out.parent.is_dir():
        raise DomainError(f"{out}: folder {out.parent} does not exist")
    temp = out.with_name(f".{out.name}.{uuid.uuid4().hex}.tmp")
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        # Read-only on the source: the backup never changes the project.
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(temp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to send
        finally:
            dst.close()
            src.close()
        os.replace(temp, out)
    except sqlite3.Error as exc:
        temp.unlink(missing_ok=True)
        raise ProjectError(f"{locator}: cannot copy the project ({exc})") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def run_export_copy(args: argparse.Namespace) -> int:
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
