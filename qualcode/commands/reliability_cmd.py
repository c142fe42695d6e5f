"""``qualcode check``, ``backup``, ``restore``, ``log`` and ``purge-document``."""

from __future__ import annotations

import argparse
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from qualcode.commands.common import add_locator, open_from, print_json
from qualcode.core import backups, store
from qualcode.core.errors import ProjectError
from qualcode.core.names import printable


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    chk = subparsers.add_parser(
        "check",
        help="check a project's integrity (exit 1 when anything is wrong)",
        description="Integrity check (SQLite's own), foreign keys, orphaned codings, memos, "
        "turns and units, offsets within their text, codes in parent cycles, duplicate "
        "codings. --repair applies the safe fixes after a backup.",
    )
    add_locator(chk)
    chk.add_argument("--json", action="store_true", help="print JSON")
    chk.add_argument("--repair", action="store_true", help="apply safe fixes (backup first)")
    chk.set_defaults(func=run_check)

    bak = subparsers.add_parser(
        "backup",
        help="a consistent copy of a project (.qcdb), also while it is in use",
        description="Copy a project with SQLite's online backup API; a project on a "
        "PostgreSQL server is written as a .qcdb snapshot. The copy is readable by you only.",
    )
    add_locator(bak)
    bak.add_argument("out", metavar="OUT", nargs="?", type=Path, help="backup file to write")
    bak.set_defaults(func=run_backup)

    res = subparsers.add_parser(
        "restore",
        help="put a backup back",
        description="Check BACKUP, back up the current project (SQLite: to its .backups "
        "folder), then replace its content with the backup's.",
    )
    res.add_argument("backup", metavar="BACKUP", type=Path)
    add_locator(res)
    res.set_defaults(func=run_restore)

    log = subparsers.add_parser(
        "log",
        help="the audit trail: who changed what, when",
        description="Every change to documents, codebook, codings, memos and assignments, "
        "oldest first, with before and after.",
    )
    add_locator(log)
    log.add_argument("--coder", metavar="NAME", help="changes by or to this coder's work")
    log.add_argument(
        "--since", metavar="WHEN", help="ISO date/time (2026-12-01, 2026-12-01T09:00) or 3d, 12h"
    )
    log.add_argument("--document", metavar="NAME", help="changes to this document")
    log.add_argument("--coding", metavar="ID", type=int, help="the history of one coding")
    log.add_argument("--limit", type=int, metavar="N", help="at most N entries (the newest)")
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(func=run_log)

    purge = subparsers.add_parser(
        "purge-document",
        help="remove a document and all its traces (a participant withdraws)",
        description="Remove the document, its codings, memos, attributes and turns, its "
        "entries in the audit trail, and the same from the project's automatic backups; "
        "the file is then rewritten so the text is gone from disk. Reports what it removed.",
    )
    add_locator(purge)
    purge.add_argument("name", metavar="NAME", help="document name")
    purge.add_argument(
        "--also",
        nargs="*",
        type=Path,
        default=[],
        metavar="BACKUP",
        help="more backup files to clean (made with 'qualcode backup ... OUT')",
    )
    purge.set_defaults(func=run_purge)


# --------------------------------------------------------------------------- check


def run_check(args: argparse.Namespace) -> int:
    from qualcode.core import integrity

    with open_from(args) as project:
        with project.reading() as session:
            report = integrity.check(session.connection())
        if args.repair and not report.ok:
            fixable = [p for p in report.problems if p.repairable]
            if fixable:
                backup = _backup_before_change(project, "before-repair")
                with project.transaction() as session:
                    report.repaired = integrity.repair(session, report)
                report.repaired.insert(0, f"backup written to {backup}")
                with project.reading() as session:
                    after = integrity.check(session.connection())
                after.repaired = report.repaired
                report = after
    if args.json:
        print_json(report.as_json())
    else:
        for line in report.repaired:
            print(f"repaired: {line}")
        if report.ok:
            print(f"ok: {len(report.checks)} checks passed ({', '.join(report.checks)})")
        for problem in report.problems:
            fix = " (--repair removes/fixes them)" if problem.repairable else ""
            ids = ", ".join(str(i) for i in problem.ids[:10])
            more = " ..." if len(problem.ids) > 10 else ""
            print(
                f"problem: {problem.kind}: {problem.detail}{fix}"
                + (f" [{ids}{more}]" if ids else "")
            )
    return 0 if report.ok else 1


def _backup_before_change(project: object, label: str) -> Path:
    path = project.sqlite_path()  # type: ignore[attr-defined]
    if path is not None:
        target = path.with_name(f"{path.name}.{label}-{backups.stamp()}")
        return backups.online_copy(path, target)
    target = Path.cwd() / f"{label}-{backups.stamp()}.qcdb"
    backups.snapshot(project.engine, target)  # type: ignore[attr-defined]
    return target


# --------------------------------------------------------------------------- backup / restore


def run_backup(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        path = project.sqlite_path()
        if path is not None:
            out = args.out or path.with_name(f"{path.stem}-backup-{backups.stamp()}.qcdb")
            backups.online_copy(path, Path(out))
        else:
            database = project.engine.url.database or "project"
            out = args.out or Path(f"{database}-{backups.stamp()}.qcdb")
            counts = backups.snapshot(project.engine, Path(out))
            print(f"snapshot of {sum(counts.values()):,} rows in {len(counts)} tables")
    size = Path(out).stat().st_size
    print(f"backup written to {out} ({size / 1e6:.1f} MB, readable by you only)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from qualcode.core.project import open_project

    revision = backups.verify_backup(args.backup)
    if revision not in store.known_revisions():
        raise ProjectError(f"{args.backup}: schema {revision!r} is newer than this Qualcode")
    locator = args.locator
    if not store.is_url(locator):
        target = Path(locator)
        if target.exists():
            safety = backups.auto_backup(target, force=True)
            if safety is None and backups.keep_count() > 0:
                raise ProjectError(
                    f"{locator}: could not back up the current project first "
                    f"({backups.last_problem()}); nothing was changed"
                )
            if safety is not None:
                print(f"current project backed up to {safety}")
            _copy_into(args.backup, target)
        else:
            backups.online_copy(args.backup, target)
    else:
        with open_project(locator) as project:
            safety = _backup_before_change(project, "before-restore")
            print(f"current project backed up to {safety}")
            source = store.engine_for(str(args.backup))
            try:
                backups.copy_rows(source, project.engine, clear=True)
            finally:
                source.dispose()
    with open_project(locator) as project:  # upgrades an older backup's schema
        info = project.info()
    print(
        f"restored {args.backup} into {locator}: {info.documents} documents, "
        f"{info.codes} codes, {info.codings} codings"
    )
    return 0


def _copy_into(source: Path, target: Path) -> None:
    """Overwrite an SQLite project in place through the backup API (readers stay safe)."""
    import sqlite3

    src = sqlite3.connect(source)
    try:
        dest = sqlite3.connect(target, timeout=store.busy_timeout_seconds())
        try:
            src.backup(dest)
        finally:
            dest.close()
    finally:
        src.close()


# --------------------------------------------------------------------------- log


_RELATIVE = re.compile(r"([0-9]{1,5})\s*([dhm])")


def parse_since(text: str) -> datetime:
    """A moment in UTC (how the trail is stored): ``3d``/``12h``/``30m`` ago, or an ISO
    date/time, read as local time unless it carries an offset."""
    from qualcode.core.models import utcnow

    relative = _RELATIVE.fullmatch(text.strip())
    if relative:
        unit = {"d": "days", "h": "hours", "m": "minutes"}[relative.group(2)]
        return utcnow() - timedelta(**{unit: int(relative.group(1))})
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"--since {text!r}: use a date such as 2026-12-01 or 3d / 12h") from None
    return moment.astimezone(UTC).replace(tzinfo=None)


def run_log(args: argparse.Namespace) -> int:
    from qualcode.core.audit import read_log

    since = parse_since(args.since) if args.since else None
    with open_from(args) as project:
        coder_id = None
        if args.coder:
            coder_id = project.coders.get(args.coder).id
        document_id = project.documents.get(args.document).id if args.document else None
        with project.reading() as session:
            records = read_log(
                session,
                coder_id=coder_id,
                coder_name=args.coder,
                since=since,
                document_id=document_id,
                entity="coding" if args.coding is not None else None,
                entity_id=str(args.coding) if args.coding is not None else None,
            )
    if args.limit:
        records = records[-args.limit :]
    if args.json:
        print_json([r.as_json() for r in records])
        return 0
    for r in records:
        where = f" in {printable(r.document, 80)}" if r.document else ""
        by = r.actor + (f" (coder {r.coder})" if r.coder and r.coder != r.actor else "")
        detail = r.describe()
        print(
            f"{r.at:%Y-%m-%d %H:%M:%S}  {printable(by, 60)}  {r.action} {r.entity}"
            f" #{r.entity_id}{where}" + (f": {printable(detail, 300)}" if detail else "")
        )
    print(f"{len(records)} change(s)")
    return 0


# --------------------------------------------------------------------------- purge


def run_purge(args: argparse.Namespace) -> int:
    from qualcode.core.purge import purge_document, purge_sqlite_file, vacuum

    with open_from(args) as project:
        report = purge_document(project, args.name)
        path = project.sqlite_path()
    files: list[Path] = []
    if path is not None:
        vacuum(path)
        files += backups.list_backups(path)
        files += sorted(path.parent.glob(f"{path.name}.backup-*"))
        files += sorted(path.parent.glob(f"{path.name}.before-*"))
    files += list(args.also)
    for file in files:
        try:
            if purge_sqlite_file(file, args.name):
                report.files.append(str(file))
        except Exception as exc:  # a damaged or foreign file: say so, go on with the rest
            report.skipped.append(f"{file} ({exc})")
    for line in report.lines():
        print(line)
    if path is None:
        print("note: on a server, run VACUUM on the database so freed pages are overwritten")
    return 1 if report.skipped else 0
