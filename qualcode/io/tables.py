"""Quotes and matrices as CSV or Excel (.xlsx), chosen by the file's suffix.

CSV is written as UTF-8 with a byte-order mark, so Excel opens Dutch accents correctly;
XLSX uses openpyxl's write-only mode (streamed rows), which keeps 100,000 quotes in memory
as one row at a time. Cells that start with ``= + - @`` are prefixed with an apostrophe in
both formats: quotes are participants' words and must never run as spreadsheet formulas.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.core.analysis import Matrix, code_matrix
from qualcode.core.errors import DomainError
from qualcode.core.retrieval import Quote, QuoteFilter, find_quotes

if TYPE_CHECKING:
    from qualcode.core.project import Project

QUOTE_COLUMNS = (
    "coding_id",
    "document",
    "code",
    "coder",
    "start",
    "end",
    "speaker",
    "paragraph",
    "illustrative",
    "rank",
    "text",
    "context_before",
    "context_after",
    "memo",
)
SUFFIXES = (".csv", ".xlsx")
_FORMULA_START = ("=", "+", "-", "@")

Cell = str | int | float | None


def _safe(value: Cell) -> Cell:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def quote_rows(quotes: Iterable[Quote], attribute_keys: Sequence[str]) -> Iterable[list[Cell]]:
    for q in quotes:
        yield [
            q.coding_id,
            q.document,
            q.code_text,
            q.coder,
            q.start,
            q.end,
            q.speaker or "",
            q.paragraph,
            "yes" if q.illustrative else "",
            q.rank,
            q.text,
            q.context_before,
            q.context_after,
            q.memo,
            *(q.attributes.get(k, "") for k in attribute_keys),
        ]


def matrix_rows(matrix: Matrix) -> Iterable[list[Cell]]:
    for row in matrix.rows:
        yield [" / ".join(row.path), *row.cells, row.total]


def matrix_header(matrix: Matrix) -> list[str]:
    return ["code", *(c or "(none)" for c in matrix.columns), "total"]


def write_table(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Cell]], *, sheet: str = "Sheet1"
) -> int:
    """Write one table to ``path`` (.csv or .xlsx); returns the number of data rows."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError(f"{path.name}: choose a .csv or .xlsx file name")
    count = 0
    if suffix == ".csv":
        with path.open("w", newline="", encoding="utf-8-sig") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            for row in rows:
                writer.writerow(["" if v is None else _safe(v) for v in row])
                count += 1
        return count
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    worksheet = book.create_sheet(sheet[:31])  # Excel's limit on sheet names
    worksheet.append(list(header))
    for row in rows:
        worksheet.append([_safe(v) for v in row])
        count += 1
    book.save(str(path))
    return count


def export_quotes(project: Project, path: Path, flt: QuoteFilter | None = None) -> int:
    """Quotes matching ``flt`` with every document attribute as an extra column."""
    quotes = find_quotes(project, flt)
    keys = sorted({k for q in quotes for k in q.attributes})
    return write_table(path, [*QUOTE_COLUMNS, *keys], quote_rows(quotes, keys), sheet="quotes")


def export_matrix(
    project: Project,
    path: Path,
    *,
    by: str = "intervention",
    count: str = "codings",
    rows: str = "codes",
    flt: QuoteFilter | None = None,
) -> Matrix:
    matrix = code_matrix(project, by=by, count=count, rows=rows, flt=flt)
    write_table(path, matrix_header(matrix), matrix_rows(matrix), sheet=f"{count} by {by}")
    return matrix
