"""Codings as CSV: ``document,coder,start,end,code,memo`` (+ an optional ``text`` check).

``code`` is the code's path joined with `` / ``; offsets are Unicode code points into the
stored document text, end exclusive. On import every row is checked first and the file is
rejected whole, with each problem's line number, if any row is wrong.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from qualcode.core.codebook_spec import join_path
from qualcode.core.errors import QualcodeError
from qualcode.core.project import Project
from qualcode.core.services.codings import NewCoding

COLUMNS = ("document", "coder", "start", "end", "code", "memo")
OPTIONAL_COLUMNS = ("text",)
MAX_PROBLEMS_SHOWN = 20


class CodingsFileError(QualcodeError):
    """A codings file that cannot be imported; lists every problem by line."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines = [f"{path.name}: {len(problems)} problem(s), nothing imported", *shown]
        if more:
            lines.append(f"... and {more} more")
        super().__init__("\n  ".join(lines))


@dataclass(frozen=True)
class ImportSummary:
    codings: int
    documents: int
    coders_added: list[str]


def import_codings(project: Project, path: Path, *, add_coders: bool = False) -> ImportSummary:
    """Validate the whole file, then add all codings in one transaction."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise CodingsFileError(path, [f"line 1: missing column(s) {', '.join(missing)}"])
            rows = [(reader.line_num, row) for row in reader]
    except UnicodeDecodeError as exc:
        raise CodingsFileError(path, [f"not UTF-8 text ({exc.reason})"]) from exc
    except csv.Error as exc:
        raise CodingsFileError(path, [f"not a readable CSV file ({exc})"]) from exc
    if not rows:
        raise CodingsFileError(path, ["the file holds no codings"])

    documents = {d.name: d for d in project.documents.list()}
    texts: dict[str, str] = {}
    coders = {c.name for c in project.coders.list()}
    codes = {r.path_text: r for r in project.codebook.tree()}
    codes.update({r.guid: r for r in codes.copy().values()})
    problems: list[str] = []
    new: list[NewCoding] = []
    new_coders: set[str] = set()
    for line, row in rows:
        issues = _check_row(row, documents, coders, codes, add_coders)
        start = end = -1
        if not any("start" in i or "end" in i for i in issues):
            start, end = int(row["start"]), int(row["end"])
            name = row["document"].strip()
            if name in documents:
                text = texts.setdefault(name, project.documents.text(name))
                if end > len(text):
                    issues.append(f"end {end} lies beyond the text of {name} ({len(text)} chars)")
                elif (row.get("text") or "") and text[start:end] != row["text"]:
                    issues.append(f"text at {start}-{end} differs from the 'text' column")
        problems.extend(f"line {line}: {issue}" for issue in issues)
        if not issues:
            coder = row["coder"].strip()
            if coder not in coders:
                new_coders.add(coder)
            new.append(
                NewCoding(
                    row["document"].strip(),
                    coder,
                    codes[row["code"].strip()].id,
                    start,
                    end,
                    row.get("memo") or "",
                )
            )
    if problems:
        raise CodingsFileError(path, problems)
    project.codings.add_many(new, create_coders=add_coders)
    return ImportSummary(len(new), len({c.document for c in new}), sorted(new_coders))


def _check_row(
    row: dict[str, str],
    documents: Mapping[str, object],
    coders: set[str],
    codes: Mapping[str, object],
    add_coders: bool,
) -> list[str]:
    issues = []
    document = (row.get("document") or "").strip()
    coder = (row.get("coder") or "").strip()
    code = (row.get("code") or "").strip()
    if document not in documents:
        issues.append(f"unknown document {document!r}")
    if not coder:
        issues.append("no coder")
    elif coder not in coders and not add_coders:
        issues.append(f"unknown coder {coder!r} (add it first, or use --add-coders)")
    if code not in codes:
        issues.append(f"unknown code {code!r}")
    try:
        start, end = int(row.get("start") or ""), int(row.get("end") or "")
    except ValueError:
        issues.append(
            f"start/end must be whole numbers, not {row.get('start')!r}/{row.get('end')!r}"
        )
        return issues
    if start < 0:
        issues.append(f"start {start} is negative")
    if end <= start:
        issues.append(f"end {end} must be after start {start}")
    return issues


def export_codings(project: Project, path: Path, *, with_text: bool = True) -> int:
    """Write all codings; returns how many."""
    documents = {d.id: d.name for d in project.documents.list()}
    coders = {c.id: c.name for c in project.coders.list()}
    paths = {r.id: join_path(r.path) for r in project.codebook.tree()}
    codings = project.codings.list()
    texts: dict[int, str] = {}
    columns = [*COLUMNS, *OPTIONAL_COLUMNS] if with_text else list(COLUMNS)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for c in codings:
            row: list[object] = [
                documents[c.document_id],
                coders[c.coder_id],
                c.start,
                c.end,
                paths[c.code_id],
                c.memo,
            ]
            if with_text:
                text = texts.setdefault(c.document_id, project.documents.text(c.document_id))
                row.append(text[c.start : c.end])
            writer.writerow(row)
    return len(codings)
