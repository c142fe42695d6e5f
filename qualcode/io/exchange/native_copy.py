"""The native project as one consistent file, copied while it may be open elsewhere.

SQLite's online backup API copies page by page under a read transaction, so the copy
holds the last committed state even while the desktop app or a command is writing
(write-ahead log included); the copy is switched to a rollback journal so it is one
self-contained file to send, written atomically and readable by its owner only.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from pathlib import Path

from qualcode.core import store
from qualcode.core.errors import DomainError, ProjectError


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
