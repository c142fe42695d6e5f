"""Word (.docx) extraction: body paragraphs and tables in document order.

python-docx opens and validates the package; the body is walked as XML directly because
python-docx lists paragraphs and tables separately (losing where a table sits), and its
``Paragraph.text`` would include deleted tracked-change text in some layouts. Walking the
XML ourselves keeps table text in place and lets us skip ``mc:Fallback`` copies of text
boxes (Word writes those twice).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from qualcode.io.transcripts.extract import OLE2_MAGIC, ExtractedText, TranscriptError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _R, _T, _SDT = (W + n for n in ("p", "tbl", "tr", "tc", "r", "t", "sdt"))
# Subtrees whose text is not visible body text: deletions, field codes, old copies.
_SKIP = {W + "del", W + "instrText", W + "delText", W + "rPr", W + "pPr", MC_FALLBACK}
_RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_NOTE_PARTS = (("footnotes", "Footnote"), ("endnotes", "Endnote"), ("comments", "Comment"))

# One piece of a paragraph: (text, is_bold).
Piece = tuple[str, bool]


def extract_docx(path: Path, data: bytes) -> ExtractedText:
    doc = _open(path, data)
    body = doc.element.body
    paragraphs_text: list[tuple[str, int]] = []  # (text, bold prefix length)
    for kind, pieces in _body_items(body):
        text, bold_len = _join_pieces(pieces, table_row=kind == "row")
        if text.strip():
            paragraphs_text.append((text, bold_len))

    parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    bold: list[tuple[int, int]] = []
    pos = 0
    for text, bold_len in paragraphs_text:
        # Trim like the plain-text reader so paragraph spans never start with blanks.
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        bold_len = max(0, bold_len - lead)
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(text)
        paragraphs.append((pos, pos + len(text)))
        if bold_len:
            bold.append((pos, pos + min(bold_len, len(text))))
        pos += len(text)
    warnings: list[str] = []
    notes = _notes(doc, warnings)
    return ExtractedText(
        text="".join(parts),
        source_format="docx",
        paragraphs=paragraphs,
        bold_prefixes=bold,
        notes=notes,
        encoding=None,
        warnings=warnings,
    )


def _open(path: Path, data: bytes) -> Any:
    if data.startswith(OLE2_MAGIC):
        # Word stores password-protected .docx files as an OLE2 container; an old .doc
        # renamed to .docx looks the same.
        raise TranscriptError(
            path,
            "password-protected (encrypted) or old-format Word file; remove the "
            "password or save it as .docx first",
        )
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TranscriptError(path, "not a valid .docx file (corrupt or not a zip archive)")
    import docx  # lazy: keeps `qualcode --help` fast

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError) as exc:
        raise TranscriptError(path, f"corrupt .docx file ({exc})") from exc
    except Exception as exc:  # python-docx raises bare ValueError/lxml errors on odd files
        raise TranscriptError(path, f"cannot read .docx file ({exc})") from exc


def _body_items(container: Any) -> Iterator[tuple[str, list[Piece]]]:
    """Yield ("para", pieces) and ("row", pieces) in document order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            yield "para", list(_para_pieces(child))
        elif tag == _TBL:
            yield from _table_rows(child)
        elif tag == _SDT:
            # Content controls wrap ordinary paragraphs and tables.
            for content in child.iterchildren(W + "sdtContent"):
                yield from _body_items(content)


def _table_rows(tbl: Any) -> Iterator[tuple[str, list[Piece]]]:
    for tr in tbl.iterchildren(_TR):
        row: list[Piece] = []
        for tc in tr.iterchildren(_TC):
            cell: list[Piece] = []
            for kind, pieces in _body_items(tc):
                if kind == "row":  # nested table: flatten into this cell
                    pieces = [(p.replace("\x00", "\t"), b) for p, b in pieces]
                if cell and pieces:
                    cell.append((" ", cell[-1][1]))
                cell.extend(pieces)
            if any(text.strip() for text, _ in cell):
                # The NUL marks a cell boundary until _join_pieces turns it into a tab.
                if row:
                    row.append(("\x00", False))
                row.extend(cell)
        yield "row", row


def _para_pieces(p: Any) -> Iterator[Piece]:
    for run in _iter_runs(p):
        bold = _run_is_bold(run)
        for node in run.iterchildren():
            tag = node.tag
            if tag == _T:
                if node.text:
                    yield node.text, bold
            elif tag == W + "tab":
                yield "\t", bold
            elif tag in (W + "br", W + "cr"):
                yield "\n", bold
            elif tag == W + "noBreakHyphen":
                yield "-", bold


def _iter_runs(element: Any) -> Iterator[Any]:
    """Runs in order, through hyperlinks, insertions, smart tags and fields."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _R:
            yield child
            # Text boxes live inside a run's drawing; their paragraphs are separate
            # content, so we leave them out rather than splice them mid-sentence.
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        else:
            yield from _iter_runs(child)


def _run_is_bold(run: Any) -> bool:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return False
    b = rpr.find(W + "b")
    if b is not None:
        return b.get(W + "val", "true") not in ("0", "false", "off")
    style = rpr.find(W + "rStyle")
    return style is not None and style.get(W + "val", "") in ("Strong", "Zwaar", "Bold")


def _join_pieces(pieces: list[Piece], *, table_row: bool) -> tuple[str, int]:
    """Paragraph text and the length of its leading bold (or first-cell) prefix."""
    text = "".join(p for p, _ in pieces).replace("\x00", "\t")
    if table_row:
        first_cell = text.split("\t", 1)[0]
        # A short first cell in a multi-cell row is the speaker column of a table layout.
        if "\t" in text and 0 < len(first_cell.split()) <= 4:
            return text, len(first_cell)
        return text, 0
    length = 0
    for piece, bold in pieces:
        if not bold and piece.strip():
            break
        length += len(piece)
    return text, length if length < len(text) or len(text) <= 60 else 0


def _notes(doc: Any, warnings: list[str]) -> str:
    """Headers, footers, footnotes, endnotes and comments as labelled lines."""
    lines: list[str] = []
    try:
        seen: set[tuple[str, str]] = set()
        for section in doc.sections:
            for label, part in (("Header", section.header), ("Footer", section.footer)):
                if part.is_linked_to_previous:
                    continue
                text = " ".join(p.text.strip() for p in part.paragraphs if p.text.strip())
                if text and (label, text) not in seen:
                    seen.add((label, text))
                    lines.append(f"{label}: {text}")
        for rel in doc.part.rels.values():
            for name, label in _NOTE_PARTS:
                if rel.reltype == _RT_BASE + name and not rel.is_external:
                    lines.extend(_note_lines(rel.target_part.blob, label))
    except Exception as exc:  # notes are a courtesy; a quirk there must not block import
        warnings.append(f"could not read headers/notes/comments: {exc}")
    if lines:
        warnings.append(f"{len(lines)} header/footer/footnote/comment item(s) left out of the text")
    return "\n".join(lines)


def _note_lines(blob: bytes, label: str) -> list[str]:
    from lxml import etree

    root = etree.fromstring(blob)
    lines = []
    for item in root:
        # Separator footnotes (ids -1 and 0) hold no text and are skipped by the strip.
        paras = ["".join(p for p, _ in _para_pieces(par)).strip() for par in item.iter(_P)]
        text = " ".join(p for p in paras if p)
        if text:
            author = item.get(W + "author")
            lines.append(f"{label} ({author}): {text}" if author else f"{label}: {text}")
    return lines
