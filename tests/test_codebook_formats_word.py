"""The Word codebook, read back with python-docx (and rendered once if LibreOffice exists)."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from qualcode.core.codebook_spec import CodebookSpec, CodeNode
from qualcode.io.codebook_formats import read_codebook, write_codebook
from qualcode.io.codebook_formats.word import dumps_docx

FIXTURES = Path(__file__).parent / "fixtures" / "codebooks"


def rich() -> CodebookSpec:
    return read_codebook(FIXTURES / "rich.yaml")


def open_docx(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def headings(document: docx.document.Document) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")
    ]


def test_structure_numbered_headings_by_depth() -> None:
    document = open_docx(dumps_docx(rich(), today=date(2026, 11, 28)))
    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == "Rijk testcodeboek"
    assert headings(document) == [
        ("Heading 1", "1 Steungedrag"),
        ("Heading 2", "1.1 Gedrag steungever"),
        ("Heading 3", "1.1.1 Praktische steun"),
        ("Heading 4", "1.1.1.1 Meelezen met opdrachten"),
        ("Heading 4", "1.1.1.1.1 Feedback op scriptie"),  # deeper levels stay Heading 4
        ("Heading 2", "1.2 Gedrag steunontvanger"),
        ("Heading 1", "2 Situatie (positief & negatief)"),
        ("Heading 1", "3 Überraschung — Ééndagsvlieg"),
    ]
    assert document.core_properties.title == "Rijk testcodeboek"


def test_intro_definitions_criteria_and_example_in_dutch() -> None:
    document = open_docx(dumps_docx(rich(), today=date(2026, 11, 28)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Datum: 2026-11-28" in text
    assert "Aantal codes: 8 (3 op het hoogste niveau)" in text
    assert "Beschrijving: Testcodeboek met alle velden." in text
    assert "Definitie: Wat steungever en student doen of zeggen." in text
    assert "Inclusiecriteria: Gedrag dat de student zelf beschrijft." in text
    assert "Exclusiecriteria: Origin: not a real origin line" in text
    assert "Herkomst: inductief" in text
    assert "Definitie: Nog geen definitie." in text  # gaps are shown to the reviewer
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes == [
        '"Ze belde me elke avond," zei de student.\n'
        "\\Voorbeeld: een regel die al met een backslash begint."
    ]


def test_english_labels_by_default_and_usage_counts() -> None:
    spec = CodebookSpec(
        name="Leaders",
        codes=[
            CodeNode(
                "Context",
                guid="3F2504E0-4F89-11D3-9A0C-0305E82C3301",
                colour="#4E79A7",
                definition="Where it happens.",
                example="It was busy.",
            ),
            CodeNode("Outcome", guid="0b4a5c8e-1d2f-4a3b-9c8d-7e6f5a4b3c2d", origin="inductive"),
        ],
    )
    usage = {"3f2504e0-4f89-11d3-9a0c-0305e82c3301": 12}  # case must not matter
    document = open_docx(dumps_docx(spec, usage=usage, title="Appendix B"))
    assert document.paragraphs[0].text == "Appendix B"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Definition: Where it happens." in text
    assert "Codings: 12" in text
    assert "Codings: 0" in text
    assert "Origin: inductive (emerged from the data)" in text
    assert "Colour: none" in text
    swatch = next(r for p in document.paragraphs for r in p.runs if r.text.startswith("\u25a0"))
    assert str(swatch.font.color.rgb) == "4E79A7"


def test_no_usage_line_without_usage() -> None:
    document = open_docx(dumps_docx(rich()))
    assert not any("Coderingen" in p.text for p in document.paragraphs)


def test_toc_field_over_the_heading_styles() -> None:
    data = dumps_docx(rich())
    document = open_docx(data)
    instructions = document.element.body.xpath(".//w:instrText")
    assert [i.text for i in instructions] == ['TOC \\o "1-4" \\h \\z \\u']
    assert any(p.style.name == "TOC Heading" for p in document.paragraphs)
    settings = [child.tag.split("}")[1] for child in document.settings.element]
    # CT_Settings is an ordered sequence: updateFields must precede compat.
    assert settings.index("updateFields") < settings.index("compat")
    # Pre-filled entries so viewers that never update fields still show the contents.
    texts = [p.text for p in document.paragraphs]
    assert "1.1.1.1 Meelezen met opdrachten" in texts
    # Deeper codes share Heading 4, so the TOC lists them too: once there, once as heading.
    assert texts.count("1.1.1.1.1 Feedback op scriptie") == 2


def test_write_codebook_does_not_touch_guids_for_docx(tmp_path: Path) -> None:
    spec = CodebookSpec(name="x", codes=[CodeNode("A")])
    write_codebook(spec, tmp_path / "x.docx")
    assert spec.codes[0].guid is None
    assert docx.Document(str(tmp_path / "x.docx")).paragraphs[0].text == "x"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_libreoffice_renders_it(tmp_path: Path) -> None:
    source = tmp_path / "rich.docx"
    write_codebook(rich(), source)
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )
    pdf = tmp_path / "rich.pdf"
    assert pdf.exists(), result.stderr.decode(errors="replace")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000


@pytest.mark.parametrize(("language", "tag"), [("nl", "nl-NL"), (None, "en-GB"), ("en", "en-GB")])
def test_proofing_language_follows_the_spec(language: str | None, tag: str) -> None:
    spec = CodebookSpec(name="t", language=language, codes=[CodeNode("A")])
    document = open_docx(dumps_docx(spec))
    langs = document.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val")
    assert langs == [tag]


def test_text_pasted_from_word_with_control_characters() -> None:
    spec = CodebookSpec(name="t\x0b", codes=[CodeNode("A", definition="een\x0btwee\x01")])
    document = open_docx(dumps_docx(spec))
    assert "Definition: een\ntwee" in [p.text for p in document.paragraphs]
