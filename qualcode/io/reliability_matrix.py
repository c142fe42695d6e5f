"""Read a reliability matrix (coders x units) from a CSV or XLSX file.

Layout, as for ``qualcode stats alpha FILE --level nominal|ordinal|interval|ratio``:
one row per coder, the first cell is the coder's name, then one cell per unit; an empty
cell is missing data; there is no header row. Values are numbers, or text labels at the
nominal level only. Rows of unequal length are padded with missing values. Completely
empty rows (Excel often leaves some at the end) are skipped.

CSV files may use ``,``, ``;`` or tab as separator (sniffed); with ``;`` a decimal comma
is accepted (``2,5``), as Dutch Excel writes it. Text is read as UTF-8 (with or without
BOM), falling back to Windows-1252.

Use from the CLI::

    from qualcode.io.reliability_matrix import read_reliability_matrix
    from qualcode.core.agreement import krippendorff_alpha
    matrix = read_reliability_matrix(path, level="ordinal")
    result = krippendorff_alpha(matrix.rows, level="ordinal")

Every problem with the file raises ``ValueError`` whose message starts with the file
name and names the line (CSV) or cell (XLSX) concerned.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from qualcode.core.agreement._matrix import LEVELS
from qualcode.io import limits as lim

Cell = float | str | None


@dataclass(frozen=True)
class ReliabilityMatrix:
    """Coder names and their values, one row per coder (padded to equal length)."""

    source: Path
    coders: tuple[str, ...]
    rows: list[list[Cell]]

    @property
    def n_units(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def read_reliability_matrix(path: str | Path, level: str = "nominal") -> ReliabilityMatrix:
    """Read ``path`` (.csv, .tsv, .txt or .xlsx) and check it fits ``level``."""
    p = Path(path)
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    suffix = p.suffix.lower()
    if not p.is_file():
        raise ValueError(f"{p}: file not found")
    if suffix in (".csv", ".tsv", ".txt"):
        raw = _csv_rows(p)
    elif suffix in (".xlsx", ".xlsm"):
        raw = _xlsx_rows(p)
    else:
        raise ValueError(f"{p}: unsupported file type {suffix or '(none)'}; use .csv or .xlsx")
    return _build(p, raw, level)


# A raw row: where it came from (for messages) and its cells as (location, value).
_RawRow = tuple[str, list[tuple[str, object]]]


def _decode(p: Path) -> str:
    try:
        data = lim.read_bounded(p)
    except lim.LimitError as exc:
        raise ValueError(f"{p}: {exc.message}") from exc
    if b"\x00" in data or len(_BINARY.findall(data[:65536])) > 8:
        raise ValueError(f"{p}: looks like a binary file, not a CSV table")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page.
        text = data.decode("cp1252", errors="replace")
    try:
        lim.check_text(text, p)
    except lim.LimitError as exc:
        raise ValueError(f"{p}: {exc.message}") from exc
    return text


_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
# A number as a spreadsheet writes it, in ASCII digits only: Python's float() would also
# take "1_0" and Arabic-Indic or full-width digits, which no coder meant as a value.
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _csv_rows(p: Path) -> Iterator[_RawRow]:
    text = _decode(p)
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = "\t" if p.suffix.lower() == ".tsv" else ","
    decimal_comma = delimiter != ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for line_no, row in enumerate(reader, start=1):
            if line_no > lim.DEFAULT.rows:
                raise ValueError(f"{p}: more than {lim.DEFAULT.rows:,} rows; {lim.RAISE_HINT}")
            cells: list[tuple[str, object]] = []
            for col, cell in enumerate(row, start=1):
                value: object = cell
                if decimal_comma:
                    value = _comma_number(cell)
                cells.append((f"line {line_no}, column {col}", value))
            yield f"line {line_no}", cells
    except csv.Error as exc:
        raise ValueError(f"{p}: line {reader.line_num}: malformed CSV ({exc})") from exc


def _comma_number(cell: str) -> object:
    stripped = cell.strip()
    if stripped.count(",") == 1 and "." not in stripped:
        candidate = stripped.replace(",", ".")
        try:
            return float(candidate)
        except ValueError:
            return cell
    return cell


def _xlsx_rows(p: Path) -> Iterator[_RawRow]:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        lim.check_zip_xml(lim.read_bounded(p), p)
    except (lim.LimitError, lim.ArchiveError) as exc:
        raise ValueError(f"{p}: not a readable .xlsx workbook: {exc.message}") from exc
    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, key, XML and type errors alike
        raise ValueError(f"{p}: not a readable .xlsx workbook ({exc})") from exc
    try:
        ws = wb.worksheets[0]
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [
                (f"sheet {ws.title!r}, cell {get_column_letter(c)}{r}", value)
                for c, value in enumerate(row, start=1)
            ]
            yield f"sheet {ws.title!r}, row {r}", cells
    finally:
        wb.close()


def _value(p: Path, where: str, raw: object) -> Cell:
    """Parse one cell: None for empty, float for numbers, stripped text otherwise."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise ValueError(f"{p}: {where}: TRUE/FALSE is not a code value; use 1/0 or a label")
    if isinstance(raw, int | float):
        number = float(raw)
        if math.isnan(number) or math.isinf(number):
            raise ValueError(f"{p}: {where}: {raw!r} is not a usable number")
        return number
    if isinstance(raw, str):
        text = raw.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return text
        if not _NUMBER.fullmatch(text):
            raise ValueError(
                f"{p}: {where}: {text[:40]!r} reads as a number only loosely; write numbers "
                "with the digits 0-9 (no underscores, no other scripts' digits)"
            )
        if math.isnan(number) or math.isinf(number):
            # "nan"/"inf" are far more likely labels or typos than intended numbers.
            return text
        return number
    raise ValueError(
        f"{p}: {where}: unsupported cell content {raw!r} ({type(raw).__name__}); "
        "use numbers or text labels"
    )


def _build(p: Path, raw_rows: Iterator[_RawRow], level: str) -> ReliabilityMatrix:
    coders: list[str] = []
    rows: list[list[Cell]] = []
    first_text: str | None = None
    first_number: str | None = None
    seen: dict[str, str] = {}
    for where, cells in raw_rows:
        if all(_is_blank(v) for _, v in cells):
            continue
        name_where, name_raw = cells[0]
        name = "" if name_raw is None else str(name_raw).strip()
        if not name:
            raise ValueError(f"{p}: {name_where}: the first cell must be the coder's name")
        if name in seen:
            raise ValueError(f"{p}: {where}: coder {name!r} already appears at {seen[name]}")
        seen[name] = where
        values: list[Cell] = []
        for cell_where, raw in cells[1:]:
            value = _value(p, cell_where, raw)
            if isinstance(value, str):
                if level != "nominal":
                    raise ValueError(
                        f"{p}: {cell_where}: text label {value!r} found, but level "
                        f"{level!r} needs numbers (text labels are only allowed at the "
                        "nominal level)"
                    )
                first_text = first_text or f"{cell_where} ({value!r})"
            elif value is not None:
                first_number = first_number or f"{cell_where} ({raw!r})"
            values.append(value)
        coders.append(name)
        rows.append(values)
    if first_text and first_number:
        raise ValueError(
            f"{p}: mixes numbers and text labels: {first_number} is a number, "
            f"{first_text} is text; use one kind of value"
        )
    if len(rows) < 2:
        raise ValueError(f"{p}: found {len(rows)} coder row(s); agreement needs at least two")
    width = max(len(r) for r in rows)
    if width == 0:
        raise ValueError(f"{p}: no unit columns after the coder names")
    padded = [r + [None] * (width - len(r)) for r in rows]
    return ReliabilityMatrix(source=p, coders=tuple(coders), rows=padded)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def write_csv(path: str | Path, coders: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    """Write a matrix in the layout ``read_reliability_matrix`` reads (for exports/tests)."""
    with Path(path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        for name, row in zip(coders, rows, strict=True):
            writer.writerow([name, *("" if v is None else _fmt(v) for v in row)])


def _fmt(value: float | str) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
