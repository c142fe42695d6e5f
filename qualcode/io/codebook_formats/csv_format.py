"""Codebooks as CSV, one code per row, for editing in a spreadsheet.

Columns: ``path,guid,colour,origin,definition,inclusion,exclusion,example``. ``path``
joins the names from the top with `` / `` (``Steungever / Familie / Moeder``). Only
``path`` is required; a parent that has no row of its own is created with defaults,
so a quick list of leaf paths is a valid codebook. Rows keep their order.

Written as UTF-8 with a byte-order mark because Excel otherwise mis-reads accented
letters; on read the BOM is optional and ``;`` or tab delimiters (what Dutch Excel
saves) are recognised as well as ``,``; a file that is not UTF-8 is read as
Windows-1252, which is what Excel's plain "CSV" option writes.

Cells that begin with ``=``, ``+``, ``-`` or ``@`` are written with a leading apostrophe
so a spreadsheet does not run them as formulas; the reader removes it again.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from qualcode.core.codebook_spec import (
    PATH_SEPARATOR,
    CodebookSpec,
    CodeNode,
    join_path,
    unescape_name,
)

from .common import (
    CodebookFormatError,
    clean_text,
    describe,
    normalise_colour,
    normalise_guid,
    validate_spec,
)

COLUMNS = ("path", "guid", "colour", "origin", "definition", "inclusion", "exclusion", "example")
_TEXT_COLUMNS = ("definition", "inclusion", "exclusion", "example")
_FORMULA_START = re.compile(r"^'*[=+\-@]")
_PROTECTED = re.compile(r"^'+[=+\-@]")


def _split(path_text: str) -> tuple[str, ...]:
    # Split on " / " only, so names such as "n.v.t./overig" stay whole. Unlike
    # core.split_path, empty parts are kept so "A /  / B" is reported, not skipped.
    return tuple(unescape_name(part.strip()) for part in path_text.split(PATH_SEPARATOR))


def _delimiter(header_line: str) -> str:
    counts = {delim: header_line.count(delim) for delim in (",", ";", "\t")}
    return max(counts, key=lambda delim: counts[delim])


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Excel's plain "CSV" on Dutch/English Windows is Windows-1252, not UTF-8; the
    # accents in "beïnvloedende" should not make the import fail.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise CodebookFormatError(
            source, f"neither UTF-8 nor Windows-1252 text ({exc.reason}); save it as 'CSV UTF-8'"
        ) from exc


def _protect(cell: str) -> str:
    """Make a cell inert in spreadsheets: Excel runs text starting with = + - @ as a
    formula (CSV injection). A leading apostrophe is added, and one is added to cells
    that already start with apostrophes before such a character, so reading back by
    removing one apostrophe restores every value exactly."""
    return "'" + cell if _FORMULA_START.match(cell) else cell


def _unprotect(cell: str) -> str:
    return cell[1:] if _PROTECTED.match(cell) else cell


def loads_csv(data: bytes, source: str, *, default_name: str = "") -> CodebookSpec:
    text = _decode(data, source)
    lines = text.splitlines()
    if not lines:
        raise CodebookFormatError(source, "the file is empty (a header row is required)")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(lines[0]), strict=True)
    try:
        return _read_rows(reader, source, default_name)
    except csv.Error as exc:
        # An unbalanced quote would otherwise swallow the following rows into one cell.
        raise CodebookFormatError(
            source, f"line {reader.line_num}: malformed CSV ({exc}); check the quotes"
        ) from exc


# Deeper trees are no codebook anyone codes with, and recursion elsewhere assumes less.
MAX_CODE_DEPTH = 50


def _read_rows(reader: Any, source: str, default_name: str) -> CodebookSpec:
    header = [column.strip().lower() for column in next(reader)]
    unknown = [column for column in header if column not in COLUMNS]
    if unknown or "path" not in header or len(set(header)) != len(header):
        raise CodebookFormatError(
            source,
            f"the header must name the columns {', '.join(COLUMNS)} (only 'path' is "
            f"required, each at most once); found {', '.join(header)}",
        )

    spec = CodebookSpec(name=default_name)
    index: dict[tuple[str, ...], CodeNode] = {}
    explicit: set[tuple[str, ...]] = set()
    problems: list[str] = []
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue  # spreadsheets leave blank rows at the end
        if len(row) > len(header):
            problems.append(f"row {line_number}: {len(row)} cells for {len(header)} columns")
            continue
        values = {column: _unprotect(cell) for column, cell in zip(header, row, strict=False)}
        path = _split(values.get("path", ""))
        if len(path) > MAX_CODE_DEPTH:
            raise CodebookFormatError(
                source, f"row {line_number}: the path has {len(path)} levels, over {MAX_CODE_DEPTH}"
            )
        if not path or any(not part for part in path):
            problems.append(
                f"row {line_number}: the path '{values.get('path', '')}' has an empty name"
            )
            continue
        if path in explicit:
            problems.append(f"row {line_number}: {describe(path)} has more than one row")
            continue
        explicit.add(path)
        node = _node_at(spec, index, path)
        node.name = path[-1]  # an explicit row spells the name, not an earlier child path
        node.guid = normalise_guid(values.get("guid")) or None
        raw_colour = (values.get("colour") or "").strip()
        # Spreadsheet users type "4e79a7" or "#abc"; anything unrecognisable is kept so
        # validation names it instead of it silently turning into the default colour.
        node.colour = normalise_colour(raw_colour) or raw_colour or None
        node.origin = (values.get("origin") or "").strip().lower() or "deductive"
        for column in _TEXT_COLUMNS:
            setattr(node, column, clean_text(values.get(column)))
    if problems:
        raise CodebookFormatError(source, problems)
    validate_spec(spec, source)
    return spec


def _node_at(
    spec: CodebookSpec, index: dict[tuple[str, ...], CodeNode], path: tuple[str, ...]
) -> CodeNode:
    """The node for ``path``, creating it and any missing parents (with defaults).

    Lookup is case-insensitive like the sibling-name rule, so "Familie" and "familie"
    in two rows' paths mean the same parent rather than a duplicate.
    """
    key = tuple(part.casefold() for part in path)
    node = index.get(key)
    if node is not None:
        return node
    siblings = spec.codes if len(path) == 1 else _node_at(spec, index, path[:-1]).children
    node = CodeNode(name=path[-1])
    siblings.append(node)
    index[key] = node
    return node


def dumps_csv(spec: CodebookSpec, source: str = "<codebook>") -> bytes:
    """Every code as a row, parents before children; ``spec`` must have GUIDs assigned
    by the caller if the file should carry them (``write_codebook`` does)."""
    validate_spec(spec, source)
    buffer = io.StringIO(newline="")
    # CRLF is what RFC 4180 and Excel expect; quoting keeps multi-line text in one cell.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for path, node in spec.walk():
        cells = [
            join_path(path),
            node.guid or "",
            node.colour or "",
            node.origin,
            node.definition,
            node.inclusion,
            node.exclusion,
            node.example,
        ]
        writer.writerow([_protect(cell) for cell in cells])
    return buffer.getvalue().encode("utf-8-sig")
