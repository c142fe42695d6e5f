"""A Word (.docx) codebook for reviewers and for the "available on request" appendix.

Layout: title, an intro (name, description, date, number of codes), a table of contents,
then the code tree as numbered headings (Heading 1-3 by depth, Heading 4 for anything
deeper) with each code's colour, origin, usage, definition, criteria and example.
Only built-in Word styles are used (Title, Heading n, Quote, TOC field), so Word's
navigation pane and "Update table" work and a department template can restyle it.
Labels follow the spec's language: Dutch for ``nl``, English otherwise.
"""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from qualcode.core.codebook_spec import CodebookSpec, CodeNode

from .common import count_codes, guid_key, validate_spec, xml_safe_text

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "codebook": "Codebook",
        "name": "Name",
        "description": "Description",
        "date": "Date",
        "codes": "Number of codes",
        "top_level": "top level",
        "contents": "Contents",
        "toc_hint": "Right-click here and choose Update Field to build the table of contents.",
        "definition": "Definition",
        "no_definition": "No definition yet.",
        "inclusion": "Inclusion criteria",
        "exclusion": "Exclusion criteria",
        "example": "Example",
        "origin": "Origin",
        "deductive": "deductive (a priori)",
        "inductive": "inductive (emerged from the data)",
        "colour": "Colour",
        "no_colour": "none",
        "usage": "Codings",
    },
    "nl": {
        "codebook": "Codeboek",
        "name": "Naam",
        "description": "Beschrijving",
        "date": "Datum",
        "codes": "Aantal codes",
        "top_level": "op het hoogste niveau",
        "contents": "Inhoud",
        "toc_hint": "Klik met de rechtermuisknop en kies Veld bijwerken voor de inhoudsopgave.",
        "definition": "Definitie",
        "no_definition": "Nog geen definitie.",
        "inclusion": "Inclusiecriteria",
        "exclusion": "Exclusiecriteria",
        "example": "Voorbeeld",
        "origin": "Herkomst",
        "deductive": "deductief (vooraf bepaald)",
        "inductive": "inductief (uit de data)",
        "colour": "Kleur",
        "no_colour": "geen",
        "usage": "Coderingen",
    },
}
_WORD_LANGUAGE = {"en": "en-GB", "nl": "nl-NL"}
_SWATCH = "\u25a0"  # a filled square; present in every common Word font
_MAX_HEADING_LEVEL = 4


def labels_for(language: str | None) -> dict[str, str]:
    return LABELS.get((language or "en").lower()[:2], LABELS["en"])


def dumps_docx(
    spec: CodebookSpec,
    *,
    usage: dict[str, int] | None = None,
    title: str | None = None,
    today: date | None = None,
    source: str = "<codebook>",
) -> bytes:
    """Render ``spec`` as a .docx; ``usage`` maps GUID to number of codings.

    ``today`` fixes the printed date (tests); it defaults to the current date.
    """
    validate_spec(spec, source)
    language = (spec.language or "en").lower()[:2]
    text = labels_for(language)
    document = Document()
    _set_language(document, _WORD_LANGUAGE.get(language, "en-GB"))
    heading = xml_safe_text(title or spec.name or text["codebook"])
    document.core_properties.title = heading
    document.core_properties.subject = text["codebook"]
    document.core_properties.language = _WORD_LANGUAGE.get(language, "en-GB")

    document.add_paragraph(heading, style="Title")
    _add_intro(document, spec, text, today or date.today())
    _add_toc(document, spec, text)
    counts = {guid_key(key): value for key, value in (usage or {}).items()}
    for number, node in enumerate(spec.codes, start=1):
        _add_code(document, node, (number,), text, counts if usage is not None else None)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_language(document: DocumentObject, tag: str) -> None:
    """Proofing language for the whole document, so Word spell-checks Dutch as Dutch."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), tag)


def _labelled(document: DocumentObject, label: str, value: str) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    _add_lines(paragraph, value)
    return paragraph


def _add_lines(paragraph: Paragraph, value: str) -> None:
    """Line breaks inside one paragraph, so a multi-line criterion stays one block."""
    for index, line in enumerate(value.split("\n")):
        run = paragraph.add_run()
        if index:
            run.add_break(WD_BREAK.LINE)
        run.add_text(xml_safe_text(line))


def _add_intro(
    document: DocumentObject, spec: CodebookSpec, text: dict[str, str], today: date
) -> None:
    if spec.name:
        _labelled(document, text["name"], spec.name)
    if spec.description:
        _labelled(document, text["description"], spec.description)
    _labelled(document, text["date"], today.isoformat())
    _labelled(
        document,
        text["codes"],
        f"{count_codes(spec)} ({len(spec.codes)} {text['top_level']})",
    )


def _field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _add_toc(document: DocumentObject, spec: CodebookSpec, text: dict[str, str]) -> None:
    """A real TOC field over Heading 1-4.

    Word rebuilds it (with page numbers) when fields are updated, and is asked to do so
    on open. Until then the field shows the numbered code list we pre-fill, so viewers
    that never update fields (LibreOffice, previews, PDF converters) still show contents.
    """
    # "TOC Heading" looks like a heading but is not outline level 1, so the contents
    # title does not list itself.
    document.add_paragraph(text["contents"], style="TOC Heading")
    first = document.add_paragraph()
    begin = _field_char("begin")
    begin.set(qn("w:dirty"), "true")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = f'TOC \\o "1-{_MAX_HEADING_LEVEL}" \\h \\z \\u'
    first.add_run()._r.append(begin)
    first.add_run()._r.append(instruction)
    first.add_run()._r.append(_field_char("separate"))
    hint = first.add_run(text["toc_hint"])
    hint.italic = True
    hint.font.size = Pt(9)
    last = first
    for path, number in _numbered(spec):
        last = document.add_paragraph(f"{number} {path[-1]}")
        # Every code has a Heading 1-4 (deeper ones share Heading 4), so all are listed.
        last.paragraph_format.left_indent = Cm(0.6 * (min(len(path), _MAX_HEADING_LEVEL) - 1))
        last.paragraph_format.space_after = Pt(0)
    last.add_run()._r.append(_field_char("end"))
    _ask_to_update_fields(document)
    last.add_run().add_break(WD_BREAK.PAGE)


def _numbered(spec: CodebookSpec) -> list[tuple[tuple[str, ...], str]]:
    """(path, "1.2.3") for every code, in document order."""
    result: list[tuple[tuple[str, ...], str]] = []

    def visit(nodes: list[CodeNode], parent: tuple[str, ...], prefix: tuple[int, ...]) -> None:
        for index, node in enumerate(nodes, start=1):
            number = (*prefix, index)
            result.append(((*parent, node.name), ".".join(str(n) for n in number)))
            visit(node.children, (*parent, node.name), number)

    visit(spec.codes, (), ())
    return result


# Elements that must follow w:updateFields in settings.xml (CT_Settings is a sequence and
# Word reports "unreadable content" when the order is wrong).
_AFTER_UPDATE_FIELDS = {
    "hdrShapeDefaults",
    "footnotePr",
    "endnotePr",
    "compat",
    "docVars",
    "rsids",
    "mathPr",
    "attachedSchema",
    "themeFontLang",
    "clrSchemeMapping",
    "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures",
    "forceUpgrade",
    "captions",
    "readModeInkLockDown",
    "smartTagType",
    "schemaLibrary",
    "shapeDefaults",
    "doNotEmbedSmartTags",
    "decimalSymbol",
    "listSeparator",
}


def _ask_to_update_fields(document: DocumentObject) -> None:
    settings = document.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    for child in settings:
        if isinstance(child.tag, str) and child.tag.split("}")[-1] in _AFTER_UPDATE_FIELDS:
            child.addprevious(update)
            return
    settings.append(update)


def _add_code(
    document: DocumentObject,
    node: CodeNode,
    number: tuple[int, ...],
    text: dict[str, str],
    counts: dict[str, int] | None,
) -> None:
    level = min(len(number), _MAX_HEADING_LEVEL)
    document.add_heading(f"{'.'.join(str(n) for n in number)} {node.name}", level=level)

    meta = document.add_paragraph()
    meta.add_run(f"{text['colour']}: ").bold = True
    if node.colour:
        swatch = meta.add_run(_SWATCH + " ")
        swatch.font.color.rgb = RGBColor.from_string(node.colour[1:])
        swatch.font.size = Pt(14)
        meta.add_run(node.colour)
    else:
        meta.add_run(text["no_colour"])
    meta.add_run(f"    {text['origin']}: ").bold = True
    meta.add_run(text.get(node.origin, node.origin))
    if counts is not None:
        meta.add_run(f"    {text['usage']}: ").bold = True
        meta.add_run(str(counts.get(guid_key(node.guid), 0) if node.guid else 0))

    if node.definition:
        _labelled(document, text["definition"], node.definition)
    else:
        # Shown rather than skipped: a reviewer should see which codes still lack one.
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{text['definition']}: ").bold = True
        paragraph.add_run(text["no_definition"]).italic = True
    if node.inclusion:
        _labelled(document, text["inclusion"], node.inclusion)
    if node.exclusion:
        _labelled(document, text["exclusion"], node.exclusion)
    if node.example:
        label = document.add_paragraph()
        label.add_run(f"{text['example']}:").bold = True
        label.paragraph_format.keep_with_next = True  # never strand the label on a page end
        quote = document.add_paragraph(style="Quote")
        _add_lines(quote, node.example)

    for index, child in enumerate(node.children, start=1):
        _add_code(document, child, (*number, index), text, counts)
