"""OpenDocument (.odt) extraction via odfpy: paragraphs, headings, lists and tables in order.

odfpy's own ``teletype.extractText`` would pull footnote bodies and comments into the
middle of a sentence, so the walk below skips those (they go into ``notes``) and tracks
bold spans for speaker detection.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qualcode.io.transcripts.extract import ExtractedText, TranscriptError

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_SKIP = {
    (TEXT, "note"),
    (OFFICE, "annotation"),
    (TEXT, "tracked-changes"),
    (TEXT, "sequence-decls"),
}

Piece = tuple[str, bool]


# One <text:s text:c="N"/> stands for N spaces; a real document never needs more than a
# line's worth, and a hostile one asks for a hundred million from 1 KB.
MAX_SPACE_RUN = 10_000


def extract_odt(path: Path, data: bytes, *, max_chars: int = 50_000_000) -> ExtractedText:
    doc = _open(path, data)
    if doc.text is None:
        raise TranscriptError(path, "not a text document (no office:text body in content.xml)")
    bold_styles = _bold_style_names(doc)
    budget = [max_chars]
    notes: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    bold: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = 0
    try:
        blocks = list(_blocks(doc.text, bold_styles, notes))
    except _SpaceRun as exc:
        raise TranscriptError(path, str(exc)) from exc
    for kind, pieces in blocks:
        text = "".join(p for p, _ in pieces)
        budget[0] -= len(text)
        if budget[0] < 0:
            raise TranscriptError(path, f"text longer than {max_chars:,} characters")
        stripped = text.strip()
        if not stripped:
            continue
        lead = len(text) - len(text.lstrip())
        bold_len = max(0, _prefix_len(pieces, kind) - lead)
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(stripped)
        paragraphs.append((pos, pos + len(stripped)))
        if bold_len and (bold_len < len(stripped) or len(stripped) <= 60):
            bold.append((pos, pos + min(bold_len, len(stripped))))
        pos += len(stripped)
    warnings = [f"{len(notes)} footnote/comment item(s) left out of the text"] if notes else []
    return ExtractedText(
        text="".join(parts),
        source_format="odt",
        paragraphs=paragraphs,
        bold_prefixes=bold,
        notes="\n".join(notes),
        encoding=None,
        warnings=warnings,
    )


def _open(path: Path, data: bytes) -> Any:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TranscriptError(path, "not a valid .odt file (corrupt or not a zip archive)")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        try:
            manifest = archive.read("META-INF/manifest.xml")
        except KeyError:
            manifest = b""
    if b"encryption-data" in manifest:
        raise TranscriptError(path, "password-protected (encrypted) .odt file")
    from odf.opendocument import load  # lazy: odfpy import is slow

    try:
        return load(io.BytesIO(data))
    except Exception as exc:  # odfpy surfaces zip, XML and key errors alike
        raise TranscriptError(path, f"corrupt .odt file ({exc})") from exc


def _bold_style_names(doc: Any) -> set[str]:
    names: set[str] = set()
    for styles in (doc.automaticstyles, doc.styles):
        for style in styles.childNodes:
            if style.qname != (STYLE, "style"):
                continue
            for prop in style.childNodes:
                if prop.qname == (STYLE, "text-properties"):
                    weight = prop.attributes.get((FO, "font-weight"))
                    if weight in ("bold", "700", "800", "900"):
                        names.add(style.attributes.get((STYLE, "name"), ""))
    return names


def _blocks(
    node: Any, bold_styles: set[str], notes: list[str]
) -> Iterator[tuple[str, list[Piece]]]:
    for child in node.childNodes:
        if child.nodeType != child.ELEMENT_NODE or child.qname in _SKIP:
            continue
        if child.qname in ((TEXT, "p"), (TEXT, "h")):
            para_bold = child.attributes.get((TEXT, "style-name")) in bold_styles
            yield "para", list(_inline(child, para_bold, bold_styles, notes))
        elif child.qname == (TABLE, "table-row"):
            row: list[Piece] = []
            for cell in child.childNodes:
                if cell.nodeType != cell.ELEMENT_NODE:
                    continue
                cell_pieces: list[Piece] = []
                for _, pieces in _blocks(cell, bold_styles, notes):
                    if cell_pieces and pieces:
                        cell_pieces.append((" ", False))
                    cell_pieces.extend(pieces)
                if any(p.strip() for p, _ in cell_pieces):
                    if row:
                        row.append(("\x00", False))
                    row.extend((p.replace("\t", " "), b) for p, b in cell_pieces)
            yield "row", [(p.replace("\x00", "\t"), b) for p, b in row]
        else:  # lists, sections, tables, frames: descend
            yield from _blocks(child, bold_styles, notes)


def _inline(node: Any, bold: bool, bold_styles: set[str], notes: list[str]) -> Iterator[Piece]:
    for child in node.childNodes:
        if child.nodeType == child.TEXT_NODE:
            yield child.data, bold
            continue
        if child.nodeType != child.ELEMENT_NODE:
            continue
        qname = child.qname
        if qname == (TEXT, "note"):
            # Only the body: the citation is the footnote number shown in the text.
            for body in child.childNodes:
                if body.nodeType == body.ELEMENT_NODE and body.qname == (TEXT, "note-body"):
                    notes.append("Note: " + _plain(body))
        elif qname == (OFFICE, "annotation"):
            notes.append("Comment: " + _plain(child))
        elif qname == (TEXT, "s"):
            yield " " * _space_count(child.attributes.get((TEXT, "c"), "1")), bold
        elif qname == (TEXT, "tab"):
            yield "\t", bold
        elif qname == (TEXT, "line-break"):
            yield "\n", bold
        elif qname in _SKIP:
            continue
        else:
            span_bold = bold or child.attributes.get((TEXT, "style-name")) in bold_styles
            yield from _inline(child, span_bold, bold_styles, notes)


class _SpaceRun(ValueError):
    pass


def _space_count(raw: str | None) -> int:
    try:
        count = int(raw or 1)
    except ValueError:
        return 1
    if count > MAX_SPACE_RUN:
        raise _SpaceRun(f"a run of {count:,} spaces (text:s text:c), over {MAX_SPACE_RUN:,}")
    return max(1, count)


def _plain(node: Any) -> str:
    return " ".join("".join(p for p, _ in _inline(node, False, set(), [])).split())


def _prefix_len(pieces: list[Piece], kind: str) -> int:
    text = "".join(p for p, _ in pieces)
    if kind == "row":
        first = text.split("\t", 1)[0]
        return len(first) if "\t" in text and 0 < len(first.split()) <= 4 else 0
    length = 0
    for piece, is_bold in pieces:
        if not is_bold and piece.strip():
            break
        length += len(piece)
    return length
