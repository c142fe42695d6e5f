"""``qualcode check``: is a project whole? And the safe repairs (after a backup).

Checks: SQLite's own ``PRAGMA integrity_check`` and ``foreign_key_check``; codings,
memos, turns and units whose document, code or coder is gone; codings whose offsets do
not lie within their document's text; codes whose parents form a cycle; duplicate
codings (one coder, one code, one span, more than once; older projects may hold them).
Every check is one SQL query (aggregates, anti-joins), never a walk through ORM rows.

Safe repairs remove what cannot mean anything (orphans, exact duplicates, codings
outside their text) and lift codes out of a cycle to the top level. A damaged file
(integrity_check failing) is not "repaired": restore a backup instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, delete, func, select, update
from sqlalchemy.orm import Session, aliased

from qualcode.core.models import (
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    SpeakerTurn,
    TextUnit,
)


@dataclass
class Problem:
    kind: str
    detail: str
    ids: list[int] = field(default_factory=list)
    repairable: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "detail": self.detail,
            "count": len(self.ids),
            "ids": self.ids[:1000],
            "repairable": self.repairable,
        }


@dataclass
class CheckReport:
    checks: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checks": self.checks,
            "problems": [p.as_json() for p in self.problems],
            "repaired": self.repaired,
        }


def check(conn: Connection) -> CheckReport:
    report = CheckReport()
    if conn.dialect.name == "sqlite":
        report.checks.append("integrity_check")
        result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            report.problems.append(
                Problem("integrity", "SQLite integrity check: " + "; ".join(result[:10]))
            )
            return report  # the other queries cannot be trusted on a damaged file
        report.checks.append("foreign_key_check")
        violations = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if violations:
            tables = sorted({str(v[0]) for v in violations})
            report.problems.append(
                Problem(
                    "foreign_keys",
                    f"{len(violations)} row(s) point at missing rows (tables {', '.join(tables)})",
                    [int(v[1]) for v in violations if v[1] is not None],
                )
            )
    for kind, detail, query in _orphan_queries():
        report.checks.append(kind)
        ids = [int(i) for i in conn.execute(query).scalars()]
        if ids:
            report.problems.append(Problem(kind, f"{len(ids)} {detail}", ids, repairable=True))
    report.checks.append("offsets")
    bad = _bad_offsets(conn)
    if bad:
        report.problems.append(
            Problem(
                "offsets",
                f"{len(bad)} coding(s) with offsets outside their document's text",
                bad,
                repairable=True,
            )
        )
    report.checks.append("code_cycles")
    cycle = code_cycles(conn)
    if cycle:
        report.problems.append(
            Problem("code_cycles", f"{len(cycle)} code(s) in a parent cycle", cycle, True)
        )
    report.checks.append("duplicate_codings")
    duplicates = duplicate_codings(conn)
    if duplicates:
        report.problems.append(
            Problem(
                "duplicate_codings",
                f"{len(duplicates)} duplicate coding(s) (same coder, code and span)",
                duplicates,
                repairable=True,
            )
        )
    return report


def _orphan_queries() -> list[tuple[str, str, Any]]:
    doc, code, coder = aliased(Document), aliased(Code), aliased(Coder)
    codings = (
        select(Coding.id)
        .outerjoin(doc, doc.id == Coding.document_id)
        .outerjoin(code, code.id == Coding.code_id)
        .outerjoin(coder, coder.id == Coding.coder_id)
        .where((doc.id.is_(None)) | (code.id.is_(None)) | (coder.id.is_(None)))
    )
    memos = (
        select(Memo.id)
        .outerjoin(doc, doc.id == Memo.document_id)
        .where(Memo.document_id.is_not(None), doc.id.is_(None))
    )
    turns = (
        select(SpeakerTurn.id)
        .outerjoin(doc, doc.id == SpeakerTurn.document_id)
        .where(doc.id.is_(None))
    )
    units = (
        select(TextUnit.id).outerjoin(doc, doc.id == TextUnit.document_id).where(doc.id.is_(None))
    )
    return [
        ("orphaned_codings", "coding(s) whose document, code or coder is gone", codings),
        ("orphaned_memos", "memo(s) whose document is gone", memos),
        ("orphaned_turns", "speaker turn(s) whose document is gone", turns),
        ("orphaned_units", "text unit(s) whose document is gone", units),
    ]


def _bad_offsets(conn: Connection) -> list[int]:
    length = func.length(Document.text)  # characters on both SQLite and PostgreSQL
    query = (
        select(Coding.id)
        .join(Document, Document.id == Coding.document_id)
        .where((Coding.start < 0) | (Coding.end <= Coding.start) | (Coding.end > length))
    )
    return [int(i) for i in conn.execute(query).scalars()]


def code_cycles(conn: Connection) -> list[int]:
    """Codes whose chain of parents never reaches the top (one query, then a walk)."""
    parent: dict[int, int | None] = {
        row[0]: row[1] for row in conn.execute(select(Code.id, Code.parent_id))
    }
    in_cycle: set[int] = set()
    safe: set[int] = set()
    for start in parent:
        path: list[int] = []
        seen: set[int] = set()
        node: int | None = start
        while node is not None and node not in safe and node not in in_cycle:
            if node in seen:
                in_cycle.update(path[path.index(node) :])
                break
            seen.add(node)
            path.append(node)
            node = parent.get(node)
        safe.update(n for n in path if n not in in_cycle)
    return sorted(in_cycle)


def duplicate_codings(conn: Connection) -> list[int]:
    """Ids of every duplicate but the oldest of each group."""
    keep = (
        select(func.min(Coding.id).label("id"))
        .group_by(Coding.document_id, Coding.coder_id, Coding.code_id, Coding.start, Coding.end)
        .subquery()
    )
    groups = (
        select(Coding.document_id, Coding.coder_id, Coding.code_id, Coding.start, Coding.end)
        .group_by(Coding.document_id, Coding.coder_id, Coding.code_id, Coding.start, Coding.end)
        .having(func.count() > 1)
        .subquery()
    )
    query = (
        select(Coding.id)
        .join(
            groups,
            and_(
                groups.c.document_id == Coding.document_id,
                groups.c.coder_id == Coding.coder_id,
                groups.c.code_id == Coding.code_id,
                groups.c.start == Coding.start,
                groups.c.end == Coding.end,
            ),
        )
        .where(Coding.id.not_in(select(keep.c.id)))
        .order_by(Coding.id)
    )
    return [int(i) for i in conn.execute(query).scalars()]


def repair(session: Session, report: CheckReport) -> list[str]:
    """Apply the safe fixes for the problems found; one transaction (the caller's), and
    through the session, so the audit trail records what was removed."""
    done: list[str] = []
    targets = {
        "orphaned_codings": Coding,
        "orphaned_memos": Memo,
        "orphaned_turns": SpeakerTurn,
        "orphaned_units": TextUnit,
        "offsets": Coding,
        "duplicate_codings": Coding,
    }
    for problem in report.problems:
        model = targets.get(problem.kind)
        if model is not None and problem.ids:
            for start in range(0, len(problem.ids), 500):
                chunk = problem.ids[start : start + 500]
                session.execute(delete(model).where(model.id.in_(chunk)))  # type: ignore[attr-defined]
            done.append(f"removed {len(problem.ids)} {problem.kind.replace('_', ' ')}")
        elif problem.kind == "code_cycles" and problem.ids:
            session.execute(update(Code).where(Code.id.in_(problem.ids)).values(parent_id=None))
            done.append(f"moved {len(problem.ids)} code(s) out of a parent cycle to the top level")
    return done
