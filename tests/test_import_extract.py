"""Reading transcripts: formats, encodings, layout facts and refusals."""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

import docx
import pytest
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, Note, NoteBody, NoteCitation, P, Span

from qualcode.io.transcripts import ExtractedText, TranscriptError, read_transcript

FIXTURES = Path(__file__).parent / "fixtures" / "import"
DUTCH = "Interviewer: Hoe gaat het?\nStudent: Goed hoor, ik heb café gedaan. Één ding: €5.\n"


def _para_texts(result: ExtractedText) -> list[str]:
    return [result.text[s:e] for s, e in result.paragraphs]


# --- plain text -------------------------------------------------------------------------


def test_utf8_lf_text_is_stored_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(DUTCH.encode("utf-8"))
    result = read_transcript(path)
    assert result.text == DUTCH
    assert result.encoding == "utf-8"
    assert result.source_format == "txt"
    assert _para_texts(result) == [
        "Interviewer: Hoe gaat het?",
        "Student: Goed hoor, ik heb café gedaan. Één ding: €5.",
    ]


def test_sample_fixture_round_trips() -> None:
    path = FIXTURES / "interview_nl.txt"
    assert read_transcript(path).text == path.read_bytes().decode("utf-8")


def test_no_unicode_normalisation(tmp_path: Path) -> None:
    decomposed = "Cafe\u0301 en re\u0301sume\u0301.\n"  # NFD: would shrink under NFC
    path = tmp_path / "nfd.txt"
    path.write_text(decomposed, encoding="utf-8", newline="")
    assert read_transcript(path).text == decomposed


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (codecs.BOM_UTF8 + DUTCH.encode("utf-8"), "utf-8 (BOM)"),
        (codecs.BOM_UTF16_LE + DUTCH.encode("utf-16-le"), "utf-16-le (BOM)"),
        (codecs.BOM_UTF16_BE + DUTCH.encode("utf-16-be"), "utf-16-be (BOM)"),
        (DUTCH.encode("utf-16-le"), "utf-16-le"),
        (DUTCH.encode("utf-16-be"), "utf-16-be"),
        (DUTCH.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "enc.txt"
    path.write_bytes(raw)
    result = read_transcript(path)
    assert result.text == DUTCH
    assert result.encoding == encoding


def test_latin1_fallback_for_bytes_undefined_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "l1.txt"
    path.write_bytes("Zo\x81 ging het, café.".encode("latin-1"))
    result = read_transcript(path)
    assert result.encoding == "latin-1"
    assert result.text.endswith("café.")


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"I: een\r\nR: twee\rI: drie\r\n")
    result = read_transcript(path)
    assert result.text == "I: een\nR: twee\nI: drie\n"
    assert _para_texts(result) == ["I: een", "R: twee", "I: drie"]


def test_blank_lines_and_indentation_are_not_in_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text("\n\n  I: Hallo.  \n\n\tR: Hoi.\n", encoding="utf-8")
    result = read_transcript(path)
    assert _para_texts(result) == ["I: Hallo.", "R: Hoi."]


def test_hard_wrapped_text_reads_blocks(tmp_path: Path) -> None:
    line = "dit is een regel tekst die netjes is afgebroken op een vaste breedte van"
    block = "\n".join([line] * 4)
    path = tmp_path / "wrap.txt"
    path.write_text("\n\n".join([block] * 4) + "\n", encoding="utf-8")
    result = read_transcript(path)
    assert len(result.paragraphs) == 4
    assert result.warnings


def test_markdown_bold_labels(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("# Interview\n\n**Jan:** Hallo daar.\n\n**Piet** Ja.\n", encoding="utf-8")
    result = read_transcript(path)
    assert result.source_format == "md"
    spans = [result.text[s:e] for s, e in result.bold_prefixes]
    assert spans == ["**Jan:**", "**Piet**"]


# --- refusals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "no text"),
        ("nul.txt", b"abc\x00\x01\x02def" * 10, "binary"),
        ("ctrl.txt", bytes(range(1, 32)) * 20, "binary"),
        ("bad.docx", b"this is not a zip file at all", "corrupt"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password"),
        ("bad.odt", b"nope", "corrupt"),
        ("slides.pptx", b"PK", "unsupported"),
        ("notes", b"text", "unsupported"),
        ("bad16.txt", codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "cannot decode"),
    ],
)
def test_refusals(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(TranscriptError) as info:
        read_transcript(path)
    assert str(info.value).startswith(f"{name}: ")
    assert problem in str(info.value)
    assert isinstance(info.value, ValueError)


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("woord " * 100, encoding="utf-8")
    with pytest.raises(TranscriptError, match="limit"):
        read_transcript(path, max_bytes=100)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TranscriptError, match="cannot read"):
        read_transcript(tmp_path / "gone.txt")


def test_zip_that_is_not_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(TranscriptError, match=r"fake\.docx: "):
        read_transcript(path)


def test_docx_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    docx.Document().save(path)
    with pytest.raises(TranscriptError, match="no text"):
        read_transcript(path)


# --- Word -----------------------------------------------------------------------------


def _word_file(path: Path) -> Path:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Vertrouwelijk"
    document.add_heading("Interview PL01", 1)
    para = document.add_paragraph()
    para.add_run("Interviewer:").bold = True
    para.add_run(" Wat doe je?")
    para = document.add_paragraph()
    para.add_run("Respondent").bold = True
    para.add_run(" Ik coördineer het project.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "I"
    table.cell(0, 1).text = "En daarna?"
    table.cell(1, 0).text = "R"
    table.cell(1, 1).text = "Evalueren."
    para = document.add_paragraph("Na de tabel.")
    document.add_paragraph("")
    para = document.add_paragraph("Helemaal vet maar lang genoeg om geen label te zijn, echt waar.")
    para.runs[0].bold = True
    document.save(path)
    return path


def test_docx_body_and_tables_in_order(tmp_path: Path) -> None:
    result = read_transcript(_word_file(tmp_path / "a.docx"))
    assert result.source_format == "docx"
    assert _para_texts(result) == [
        "Interview PL01",
        "Interviewer: Wat doe je?",
        "Respondent Ik coördineer het project.",
        "I\tEn daarna?",
        "R\tEvalueren.",
        "Na de tabel.",
        "Helemaal vet maar lang genoeg om geen label te zijn, echt waar.",
    ]
    assert "\n\n".join(_para_texts(result)) == result.text
    assert [result.text[s:e] for s, e in result.bold_prefixes] == [
        "Interviewer:",
        "Respondent",
        "I",
        "R",
    ]
    assert "Vertrouwelijk" not in result.text
    assert "Header: Vertrouwelijk" in result.notes


def test_docx_comments_go_to_notes(tmp_path: Path) -> None:
    document = docx.Document()
    para = document.add_paragraph("I: Wat vond je ervan?")
    document.add_comment(para.runs, text="Check dit citaat", author="AB")
    path = tmp_path / "c.docx"
    document.save(path)
    result = read_transcript(path)
    assert result.text == "I: Wat vond je ervan?"
    assert "Comment (AB): Check dit citaat" in result.notes


# --- OpenDocument ---------------------------------------------------------------------


def test_odt_paragraphs_headings_tables_notes(tmp_path: Path) -> None:
    document = OpenDocumentText()
    bold = Style(name="B", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, text="Focusgroep"))
    para = P()
    para.addElement(Span(stylename=bold, text="Moderator"))
    para.addText(" Welkom. ")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Opname gestart."))
    note.addElement(body)
    para.addElement(note)
    para.addText("Fijn.")
    document.text.addElement(para)
    table = Table()
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    row = TableRow()
    for text in ("Deelnemer 3", "Goed."):
        cell = TableCell()
        cell.addElement(P(text=text))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "f.odt"
    document.save(str(path))

    result = read_transcript(path)
    assert result.source_format == "odt"
    assert _para_texts(result) == ["Focusgroep", "Moderator Welkom. Fijn.", "Deelnemer 3\tGoed."]
    assert [result.text[s:e] for s, e in result.bold_prefixes] == ["Moderator", "Deelnemer 3"]
    assert result.notes == "Note: Opname gestart."


def test_docx_tracked_changes_fields_and_textbox_fallbacks(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    document = docx.Document()
    para = document.add_paragraph("R: Ik ")
    para._p.append(
        parse_xml(f'<w:ins {ns} w:id="1" w:author="A"><w:r><w:t>wel</w:t></w:r></w:ins>')
    )
    para._p.append(
        parse_xml(
            f'<w:del {ns} w:id="2" w:author="A"><w:r><w:delText>niet</w:delText></w:r></w:del>'
        )
    )
    para._p.append(parse_xml(f"<w:r {ns}><w:instrText> PAGE </w:instrText></w:r>"))
    para._p.append(
        parse_xml(
            f'<mc:AlternateContent {ns}><mc:Choice Requires="wps"><w:r><w:t>!</w:t></w:r>'
            f"</mc:Choice><mc:Fallback><w:r><w:t>!</w:t></w:r></mc:Fallback></mc:AlternateContent>"
        )
    )
    path = tmp_path / "tracked.docx"
    document.save(path)
    assert read_transcript(path).text == "R: Ik wel!"
