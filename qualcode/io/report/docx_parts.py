"""Word building blocks the report needs and python-docx lacks: fields, TOC, captions, tables.

Everything is expressed through styles (Heading n, Quote, Caption, TOC n, a built-in table
style) so a reader can restyle the whole report in Word by editing a handful of styles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

TABLE_STYLE = "Light Grid Accent 1"
TOC_LEVELS = 2  # chapters and top-level codes: a contents page, not a code index
TOC_INSTRUCTION = f' TOC \\o "1-{TOC_LEVELS}" \\h \\z \\u '
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def prepare_styles(doc: DocxDocument, language: str) -> None:
    """Adjust the template's styles once, instead of formatting paragraphs one by one."""
    # python-docx's template is US Letter; Dutch and most European reports print on A4.
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.5)
    styles = doc.styles
    quote = styles["Quote"]
    assert isinstance(quote, ParagraphStyle)
    # Indented block quotes are the convention in qualitative reports.
    quote.paragraph_format.left_indent = Cm(1)
    quote.paragraph_format.right_indent = Cm(1)
    quote.paragraph_format.space_after = Pt(8)
    for level in range(1, TOC_LEVELS + 1):
        name = f"TOC {level}"
        if name not in [s.name for s in styles]:
            toc = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            toc.base_style = styles["Normal"]
            toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            toc.paragraph_format.space_after = Pt(2)
    # Matrices hold many narrow number columns; a smaller type keeps names unbroken.
    doc.styles[TABLE_STYLE].font.size = Pt(8)
    # The document language drives Word's spelling check and hyphenation; the template's
    # default (en-US) sits in the document defaults, so it is changed there.
    tag = LANGUAGE_TAGS.get(language, language)
    lang = styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    if lang is not None:
        lang.set(qn("w:val"), tag)
    else:
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), tag)
        styles["Normal"].element.get_or_add_rPr().append(lang)


# Characters XML 1.0 cannot hold (C0 controls other than tab and line breaks, lone
# surrogates, U+FFFE/U+FFFF). Transcripts may carry a form feed or vertical tab from Word.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with characters Word files cannot hold replaced by spaces (same length)."""
    return _NOT_XML.sub(" ", text)


class StyleIds:
    """Style ids by name, looked up once.

    python-docx resolves a style name by scanning every style on each use, which made
    style lookups 90% of a large report's writing time.
    """

    def __init__(self, doc: DocxDocument) -> None:
        self._styles = doc.styles
        self._ids: dict[str, str] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self._ids:
            self._ids[name] = self._styles[name].style_id
        return self._ids[name]


def add_paragraph(
    doc: DocxDocument, ids: StyleIds, text: str = "", style: str | None = None
) -> Paragraph:
    # python-docx inserts each paragraph before the section properties by scanning the
    # body from the top, which makes a report of 20,000 quotes quadratic (tens of
    # seconds); the section properties are the body's last child, so insert there.
    body = doc.element.body
    try:
        last = body[-1]  # from the end: O(1), where len(body) walks every child
    except IndexError:
        last = None
    if last is not None and last.tag == qn("w:sectPr"):
        p = OxmlElement("w:p")
        last.addprevious(p)
        paragraph = Paragraph(p, doc._body)
        if text:
            paragraph.add_run(xml_safe(text))
    else:
        paragraph = doc.add_paragraph(xml_safe(text))
    if style is not None:
        paragraph._p.style = ids[style]
    return paragraph


def plain_run(paragraph: Paragraph, text: str) -> None:
    """A run of plain text written in whole pieces: python-docx appends text one character
    at a time, a third of a report's time. Tabs and line breaks become ``w:tab`` and
    ``w:br`` as python-docx writes them."""
    run = OxmlElement("w:r")
    for piece in _BREAKS.split(text):
        if not piece:
            continue
        if piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece in ("\n", "\r"):
            run.append(OxmlElement("w:br"))
        else:
            t = OxmlElement("w:t")
            t.text = piece
            if piece != piece.strip():
                t.set(qn("xml:space"), "preserve")
            run.append(t)
    paragraph._p.append(run)


_BREAKS = re.compile(r"([\t\n\r])")


def add_run(paragraph: Paragraph, ids: StyleIds, text: str, style: str) -> None:
    run = paragraph.add_run(xml_safe(text))
    run._r.style = ids[style]


def _field_char(paragraph: Paragraph, kind: str) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")  # ask Word to refresh the cached result
    run._r.append(char)


def _instruction(paragraph: Paragraph, text: str) -> None:
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    run._r.append(instr)


def fill_toc(anchor: Paragraph, entries: Sequence[tuple[int, str]]) -> None:
    """Replace ``anchor`` by a real TOC field whose cached result lists ``entries``.

    Word and LibreOffice regenerate the field (with page numbers) on update; until then the
    cached entries already show the report's structure. The document itself carries no
    instruction to the reader: how to update is said where the report is made.
    """
    shown = [(level, text) for level, text in entries if level <= TOC_LEVELS]
    paragraphs = []
    for level, text in shown:
        paragraph = anchor.insert_paragraph_before(style=f"TOC {level}")
        paragraph.add_run(xml_safe(text))
        paragraphs.append(paragraph)
    if not paragraphs:  # an empty field still lets Word build the list on update
        paragraphs.append(anchor.insert_paragraph_before(style="TOC 1"))
        paragraphs[0].add_run("")
    first, last = paragraphs[0], paragraphs[-1]
    # begin / instruction / separate go before the first entry's text; end after the last.
    marker = first.runs[0]._r
    for kind in ("begin", "instr", "separate"):
        run = OxmlElement("w:r")
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = TOC_INSTRUCTION
            run.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                char.set(qn("w:dirty"), "true")
            run.append(char)
        marker.addprevious(run)
    _field_char(last, "end")
    element = anchor._p
    element.getparent().remove(element)


def add_caption(doc: DocxDocument, label: str, number: int, text: str) -> Paragraph:
    """``Tabel 3. text`` in the Caption style, the number a SEQ field Word can renumber."""
    caption = doc.add_paragraph(style="Caption")
    caption.add_run(f"{label} ")
    _field_char(caption, "begin")
    _instruction(caption, f" SEQ {label} \\* ARABIC ")
    _field_char(caption, "separate")
    caption.add_run(str(number))
    _field_char(caption, "end")
    caption.add_run(xml_safe(f". {text}"))
    keep_with_next(caption)
    return caption


def keep_with_next(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def add_table(
    doc: DocxDocument,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    text_columns: int = 1,
) -> Table:
    """A table in the built-in grid style: ``text_columns`` wide label columns sharing the
    room left, then narrow, right-aligned number columns."""
    table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = doc.styles[TABLE_STYLE]
    table.autofit = False
    section = doc.sections[-1]
    usable = (
        int(section.page_width or 0)
        - int(section.left_margin or 0)
        - int(section.right_margin or 0)
    )
    if text_columns == 1:
        widths = column_widths(header, rows, usable)
    elif text_columns >= len(header):
        widths = text_widths(header, rows, usable)
    else:
        numbers = [int(Cm(0.22) * max(len(h), 5) + CELL_PADDING) for h in header[text_columns:]]
        share = (usable - sum(numbers)) // text_columns
        widths = [share] * text_columns + numbers
    # LibreOffice lays out by the grid columns, Word by the cell widths: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)
    # Rows fetched once: python-docx looks each cell up through the whole grid otherwise.
    for r, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        for n, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Emu(widths[n])
            cell.text = xml_safe(value)
            if n >= text_columns and r:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT  # numbers line up
    _repeat_header(table)
    keep_rows_whole(table)
    return table  # type: ignore[no-any-return]


# Width of one bold character of the 8 pt table type in a wide font (DejaVu, which
# LibreOffice substitutes for Calibri), and a cell's side padding.
CHAR_WIDTH = Cm(0.19)
CELL_PADDING = Cm(0.45)
LABEL_WIDTH = (Cm(3.5), Cm(6.5))  # the label column's narrowest and widest


def _text_width(chars: int) -> int:
    return int(CHAR_WIDTH * max(chars, 4) + CELL_PADDING)


def _two_lines(text: str) -> int:
    """Characters of the longer line when ``text`` is broken once at the best space."""
    words = text.split()
    if len(words) < 2:
        return len(text)
    return min(
        max(len(" ".join(words[:k])), len(" ".join(words[k:]))) for k in range(1, len(words))
    )


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], usable: int) -> list[int]:
    """Widths (EMU) from the content: headers on one line where the page allows.

    Number columns first get what their whole header needs on one line; if the page is
    too narrow, each header may take two lines (broken between words), then only its
    longest word. The label column gets its longest label (within ``LABEL_WIDTH``) and
    whatever room is left. Only when even that does not fit do all columns shrink in
    proportion.
    """
    cells = [max((len(r[n]) for r in rows), default=1) for n in range(1, len(header))]
    longest_label = max((len(r[0]) for r in rows), default=10)
    label = max(int(LABEL_WIDTH[0]), min(int(LABEL_WIDTH[1]), _text_width(longest_label)))
    fits = (
        lambda n, h: max(len(h), cells[n]),
        lambda n, h: max(_two_lines(h), cells[n]),
        lambda n, h: max(max((len(w) for w in h.split()), default=1), cells[n]),
    )
    # Labels unbroken first (within LABEL_WIDTH), then headers on as few lines as fit.
    for room in (label, int(LABEL_WIDTH[0])):
        for fit in fits:
            numbers = [_text_width(fit(n, h)) for n, h in enumerate(header[1:])]
            if sum(numbers) + room <= usable:
                break
        else:
            continue
        break
    label = max(int(LABEL_WIDTH[0]), min(label, usable - sum(numbers)))
    widths = [label, *numbers]
    total = sum(widths)
    if total > usable:
        return [w * usable // total for w in widths]
    widths[0] += usable - total
    return widths


def text_widths(header: Sequence[str], rows: Sequence[Sequence[str]], usable: int) -> list[int]:
    """Widths for a table of text only: each column its longest word (never broken), the
    rest of the page shared in proportion to each column's longest cell."""
    table = [list(header), *map(list, rows)]
    words = [
        _text_width(max((len(w) for row in table for w in row[n].split()), default=1))
        for n in range(len(header))
    ]
    longest = [max(len(row[n]) for row in table) for n in range(len(header))]
    spare = usable - sum(words)
    if spare <= 0:
        return [w * usable // sum(words) for w in words]
    wanted = [max(_text_width(size) - w, 0) for size, w in zip(longest, words, strict=True)]
    total = sum(wanted) or 1
    share = [min(x, spare * x // total) for x in wanted]
    widths = [w + extra for w, extra in zip(words, share, strict=True)]
    widths[-1] += usable - sum(widths)
    return widths


def keep_rows_whole(table: Table) -> None:
    """No row is split across a page break (a quote or a name cut in half reads badly)."""
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        cant = OxmlElement("w:cantSplit")
        cant.set(qn("w:val"), "true")
        tr_pr.append(cant)


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def page_break(doc: DocxDocument) -> None:
    """A paragraph holding only a page break (python-docx's own helper is untyped)."""
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def landscape_section(doc: DocxDocument) -> None:
    """Start a landscape section: wide matrices fit without shrinking the type."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    # Narrower side margins give each of up to ten number columns room for a whole word.
    section.left_margin = section.right_margin = Cm(1.8)


def portrait_section(doc: DocxDocument) -> None:
    """Continue on a new portrait A4 page (after a landscape matrix chapter, a new section)."""
    last = doc.sections[-1]
    if last.orientation != WD_ORIENT.LANDSCAPE:
        page_break(doc)
        return
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = doc.sections[0].left_margin


def update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to refresh fields (TOC page numbers) when the report is first opened."""
    settings = doc.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    settings.append(flag)
