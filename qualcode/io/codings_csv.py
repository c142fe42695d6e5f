"""Codings as CSV: ``document,coder,start,end,code,memo`` (+ an optional ``text`` check).

``code`` is the code's path joined with `` / ``; offsets are Unicode code points into the
stored document text, end exclusive. On import every row is checked first and the file is
rejected whole, with each problem's line number, if any row is wrong.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from qualcode.core.codebook_spec import join_path
from qualcode.core.errors import QualcodeError
from qualcode.core.names import printable
from qualcode.core.project import Project
from qualcode.core.services.codings import NewCoding
from qualcode.io import limits as lim

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


def read_rows(path: Path, limits: lim.Limits = lim.DEFAULT) -> list[tuple[int, dict[str, str]]]:
    """The rows of a codings file with their line numbers; limits checked first."""
    try:
        data = lim.read_bounded(path, limits)
        text = data.decode("utf-8-sig")
        if "\x00" in text:
            raise CodingsFileError(path, ["looks like a binary file (NUL bytes), not CSV"])
        lim.check_text(text, path, limits)
        reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
        fields = reader.fieldnames or []
        missing = [c for c in COLUMNS if c not in fields]
        if missing:
            hint = ""
            if len(fields) == 1 and ";" in fields[0]:
                hint = (
                    "; the file seems to use ';' as separator: save it as comma-separated "
                    "CSV (in Excel: CSV UTF-8 (comma delimited))"
                )
            raise CodingsFileError(path, [f"line 1: missing column(s) {', '.join(missing)}{hint}"])
        rows = []
        for row in reader:
            cells = {k: _unescape(v) if isinstance(v, str) else v for k, v in row.items()}
            rows.append((reader.line_num, cells))
            lim.check_rows(len(rows), path, limits)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CodingsFileError(
            path, [f"line {line}: not UTF-8 text ({exc.reason} at byte {exc.start})"]
        ) from exc
    except csv.Error as exc:
        raise CodingsFileError(
            path, [f"line {reader.line_num}: not a readable CSV file ({exc})"]
        ) from exc
    except lim.LimitError as exc:
        raise CodingsFileError(path, [exc.message]) from exc
    if not rows:
        raise CodingsFileError(path, ["the file holds no codings"])
    return rows


def import_codings(
    project: Project, path: Path, *, add_coders: bool = False, max_size: int | None = None
) -> ImportSummary:
    """Validate the whole file, then add all codings in one transaction."""
    rows = read_rows(path, lim.DEFAULT.scaled(max_size))

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
            start, end = lim.ascii_int(row["start"]), lim.ascii_int(row["end"])
            name = row["document"].strip()
            if name in documents:
                if name not in texts:  # one query per document, not per row
                    texts[name] = project.documents.text(name)
                text = texts[name]
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
        issues.append(f"unknown document {printable(document, 120)!r}")
    if not coder:
        issues.append("no coder")
    elif coder not in coders and not add_coders:
        issues.append(
            f"unknown coder {printable(coder, 120)!r} (add it first, or use --add-coders)"
        )
    if code not in codes:
        issues.append(f"unknown code {printable(code, 120)!r}")
    try:
        start, end = lim.ascii_int(row.get("start") or ""), lim.ascii_int(row.get("end") or "")
    except ValueError:
        shown = f"{printable(row.get('start') or '', 20)!r}/{printable(row.get('end') or '', 20)!r}"
        issues.append(f"start/end must be whole numbers written with digits 0-9, not {shown}")
        return issues
    if start < 0:
        issues.append(f"start {start} is negative")
    if end <= start:
        issues.append(f"end {end} must be after start {start}")
    return issues


# Cells a spreadsheet would run as a formula (=HYPERLINK(...) in a memo). Export puts an
# apostrophe in front, import takes one off again, so a round trip keeps the text.
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_PROTECTED = re.compile(r"^'+[=+\-@\t\r]")


def _escape(value: object) -> object:
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def _unescape(value: str) -> str:
    return value[1:] if _PROTECTED.match(value) else value


def export_codings(
    project: Project, path: Path, *, with_text: bool = True, viewer: str | None = None
) -> int:
    """Write the codings ``viewer`` (else the session's coder, else anyone) may see."""
    documents = {d.id: d.name for d in project.documents.list()}
    coders = {c.id: c.name for c in project.coders.list()}
    paths = {r.id: join_path(r.path) for r in project.codebook.tree()}
    codings = project.codings.list(viewer=viewer)
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
                if c.document_id not in texts:
                    texts[c.document_id] = project.documents.text(c.document_id)
                row.append(texts[c.document_id][c.start : c.end])
            writer.writerow([_escape(v) for v in row])
    return len(codings)
