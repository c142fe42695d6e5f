"""Per-document attributes from a metadata sheet (CSV or XLSX).

One row per transcript. The column ``file`` (or ``name``) names the transcript, with or
without extension, compared case-insensitively; every other non-empty cell becomes an
attribute with the column header as key. CSV may be comma-, semicolon- or tab-separated
(Dutch Excel writes semicolons) and UTF-8 with or without BOM, or Windows-1252.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.io import limits as lim
from qualcode.io.transcripts.extract import TranscriptError, decode_text

KEY_COLUMNS = ("file", "name")


@dataclass
class MetadataSheet:
    rows: dict[str, dict[str, str]] = field(default_factory=dict)  # folded key -> attributes
    names: dict[str, str] = field(default_factory=dict)  # folded key -> name as written
    used: set[str] = field(default_factory=set)

    def lookup(self, path: Path) -> dict[str, str] | None:
        """Attributes for a transcript, by full file name first, then by stem."""
        for candidate in (path.name.casefold(), path.stem.casefold()):
            if candidate in self.rows:
                self.used.add(candidate)
                return dict(self.rows[candidate])
        return None

    def unused(self) -> list[str]:
        """Rows no imported file matched (typos in the sheet, or files missing)."""
        seen_names = {self.names[k] for k in self.used}
        return sorted({n for k, n in self.names.items() if n not in seen_names})


def read_metadata(path: Path, *, limits: lim.Limits = lim.DEFAULT) -> MetadataSheet:
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise TranscriptError(path, "metadata sheet not found")
    if suffix == ".xlsx":
        table = _read_xlsx(path, limits)
    elif suffix in (".csv", ".tsv", ".txt"):
        table = _read_csv(path, limits)
    else:
        raise TranscriptError(path, "metadata sheet must be .csv or .xlsx")
    if not table:
        raise TranscriptError(path, "metadata sheet is empty")
    header = [h.strip() for h in table[0]]
    folded = [h.casefold() for h in header]
    key_col = next((folded.index(k) for k in KEY_COLUMNS if k in folded), None)
    if key_col is None:
        raise TranscriptError(path, "metadata sheet needs a column 'file' or 'name'")
    sheet = MetadataSheet()
    for number, row in enumerate(table[1:], start=2):
        cells = [c.strip() for c in row] + [""] * (len(header) - len(row))
        name = lim.clean_name(cells[key_col])
        if not name:
            continue
        attributes = {
            header[i]: value
            for i, value in enumerate(cells[: len(header)])
            if i != key_col and header[i] and value
        }
        stem = Path(name).stem if Path(name).suffix else name
        for key in {name.casefold(), stem.casefold()}:
            if key in sheet.rows and sheet.names[key] != name:
                raise TranscriptError(path, f"row {number}: {name!r} is listed twice")
            sheet.rows[key] = attributes
            sheet.names[key] = name
    return sheet


def _read_csv(path: Path, limits: lim.Limits) -> list[list[str]]:
    try:
        data = lim.read_bounded(path, limits)
    except OSError as exc:
        raise TranscriptError(path, f"cannot read metadata sheet ({exc})") from exc
    text, _ = decode_text(path, data)
    lim.check_text(text, path, limits)
    if "\x00" in text:
        raise TranscriptError(path, "looks like a binary file (contains NUL bytes), not a sheet")
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:4096], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            if any(c.strip() for c in row):
                rows.append(row)
                lim.check_rows(len(rows), path, limits)
    except csv.Error as exc:
        # An unbalanced quote swallows the rest of the file into one cell otherwise.
        raise TranscriptError(
            path, f"line {reader.line_num}: malformed CSV ({exc}); check the quotes"
        ) from exc
    return rows


def _read_xlsx(path: Path, limits: lim.Limits) -> list[list[str]]:
    try:
        lim.check_zip_xml(lim.read_bounded(path, limits), path, limits)
    except lim.ArchiveError as exc:
        raise TranscriptError(path, f"not a readable .xlsx workbook: {exc.message}") from exc
    from openpyxl import load_workbook  # lazy: openpyxl is slow to import

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, key and XML errors alike
        raise TranscriptError(path, f"cannot read metadata sheet ({exc})") from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for number, row in enumerate(sheet.iter_rows(values_only=True)):
            lim.check_rows(number, path, limits)
            cells = ["" if v is None else _cell_text(v) for v in row]
            if any(c.strip() for c in cells):
                rows.append(cells)
        return rows
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    # Excel stores dates as datetimes; an interview date should read 2025-02-11.
    from datetime import date, datetime

    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
