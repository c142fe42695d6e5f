"""Word building blocks the report needs and python-docx lacks: fields, TOC, captions, tables.

Everything is expressed through styles (Heading n, Quote, Caption, TOC n, a built-in table
style) so a reader can restyle the whole report in Word by editing a handful of styles.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
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
    doc.styles[TABLE_STYLE].font.size = Pt(9)
    # The document language drives Word's spelling check and hyphenation.
    normal_rpr = styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE_TAGS.get(language, language))
    normal_rpr.append(lang)


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


def fill_toc(anchor: Paragraph, entries: Sequence[tuple[int, str]], hint: str) -> None:
    """Turn ``anchor`` into a real TOC field whose cached result lists ``entries``.

    Word and LibreOffice regenerate the field (with page numbers) on update; until then the
    cached entries already show the report's structure.
    """
    shown = [(level, text) for level, text in entries if level <= TOC_LEVELS]
    if not shown:
        shown = [(1, hint)]
    paragraphs = []
    for level, text in shown:
        paragraph = anchor.insert_paragraph_before(style=f"TOC {level}")
        paragraph.add_run(text)
        paragraphs.append(paragraph)
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
    anchor.text = hint


def add_caption(doc: DocxDocument, label: str, number: int, text: str) -> Paragraph:
    """``Tabel 3. text`` in the Caption style, the number a SEQ field Word can renumber."""
    caption = doc.add_paragraph(style="Caption")
    caption.add_run(f"{label} ")
    _field_char(caption, "begin")
    _instruction(caption, f" SEQ {label} \\* ARABIC ")
    _field_char(caption, "separate")
    caption.add_run(str(number))
    _field_char(caption, "end")
    caption.add_run(f". {text}")
    keep_with_next(caption)
    return caption


def keep_with_next(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.keep_with_next = True


def add_table(doc: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A table in the built-in grid style: a wide label column, then narrow number columns."""
    table = doc.add_table(rows=len(rows) + 1, cols=len(header))
    table.style = doc.styles[TABLE_STYLE]
    table.autofit = False
    section = doc.sections[-1]
    usable = int(section.page_width - section.left_margin - section.right_margin)
    first = min(int(Cm(6)), usable * 3 // 10)
    rest = (usable - first) // max(1, len(header) - 1)
    widths = [first] + [rest] * (len(header) - 1)
    # LibreOffice lays out by the grid columns, Word by the cell widths: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Emu(width)
    # Rows fetched once: python-docx looks each cell up through the whole grid otherwise.
    for r, (row, values) in enumerate(zip(table.rows, [header, *rows], strict=True)):
        for n, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Emu(widths[n])
            cell.text = value
            if n and r:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT  # numbers line up
    _repeat_header(table)
    return table


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def landscape_section(doc: DocxDocument) -> None:
    """Start a landscape section: wide matrices fit without shrinking the type."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width


def update_fields_on_open(doc: DocxDocument) -> None:
    """Ask Word to refresh fields (TOC page numbers) when the report is first opened."""
    settings = doc.settings.element
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    settings.append(flag)
