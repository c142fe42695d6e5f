"""The Word report read back with python-docx: structure, styles, quotes, tables, language."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument

from qualcode.core.analysis import code_matrix
from qualcode.core.evidence import evidence_sources, parse_layer
from qualcode.core.project import Project
from qualcode.core.retrieval import QuoteFilter, QuoteService, find_quotes
from qualcode.io.report import write_report
from tests.test_retrieval import build_study

REFERENCE = re.compile(r"^\((?P<doc>[^,]+)(, (?P<speaker>[^,]+))?, (?P<label>\w+) (?P<n>\d+)\)$")


@pytest.fixture
def study(project: Project) -> Project:
    build_study(project)
    return project


def report(project: Project, tmp_path: Path, **options: object) -> DocxDocument:
    out = tmp_path / "report.docx"
    write_report(project, out, **options)  # type: ignore[arg-type]
    return docx.Document(str(out))


def headings(document: DocxDocument) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


def test_title_page_and_toc_field(study: Project, tmp_path: Path) -> None:
    document = report(study, tmp_path)
    title, subtitle = document.paragraphs[0], document.paragraphs[1]
    assert (title.style.name, title.text) == ("Title", "Test study")
    assert (subtitle.style.name, subtitle.text) == ("Subtitle", "Rapportage per interventie")
    texts = [p.text for p in document.paragraphs[:8]]
    assert "Codeboekversie: werkversie (niet vrijgegeven)" in texts
    assert not any(t.startswith("Instellingen") for t in texts)  # no settings line
    body = document.element.body.xml
    assert 'TOC \\o "1-2" \\h \\z \\u' in body
    assert body.count('w:fldCharType="begin"') == body.count('w:fldCharType="end"')
    toc = [p.text for p in document.paragraphs if re.fullmatch(r"TOC \d", p.style.name)]
    assert toc[:4] == ["Over dit rapport", "1 Herstelrecht", "1.1 Steun", "1.2 Effect"]
    assert toc[-1] == "Bijlage A. Bronnen"
    study.versions.release("v1 definitief", coder="Anouk")
    again = report(study, tmp_path)
    assert "Codeboekversie: v1 definitief" in [p.text for p in again.paragraphs[:8]]


def test_chapters_and_numbered_code_tree(study: Project, tmp_path: Path) -> None:
    found = headings(report(study, tmp_path))
    assert found == [
        ("Heading 1", "Over dit rapport"),
        ("Heading 1", "1 Herstelrecht"),
        ("Heading 2", "1.1 Steun"),
        ("Heading 3", "1.1.1 Praktisch"),
        ("Heading 2", "1.2 Effect"),
        ("Heading 3", "1.2.1 Rust"),
        ("Heading 1", "2 Peercoaching"),
        ("Heading 2", "2.1 Steun"),
        ("Heading 3", "2.1.1 Emotioneel"),
        ("Heading 3", "2.1.2 Praktisch"),
        ("Heading 2", "2.2 Effect"),
        ("Heading 3", "2.2.1 Rust"),
        ("Heading 2", "2.3 Context"),
        ("Heading 1", "3 Context, mechanisme en uitkomst"),
        ("Heading 2", "3.1 Peercoaching"),
        ("Heading 1", "4 Vergelijking tussen interventies"),
        ("Heading 2", "4.1 Steun"),
        ("Heading 2", "4.2 Effect"),
        ("Heading 1", "Bijlage A. Bronnen"),
    ]


def following(document: DocxDocument, heading: str, count: int = 1) -> list[str]:
    paragraphs = document.paragraphs
    index = next(
        n
        for n, p in enumerate(paragraphs)
        if p.text == heading and p.style.name.startswith("Heading")
    )
    return [p.text for p in paragraphs[index + 1 : index + 1 + count]]


def test_frequencies_and_section_facts(study: Project, tmp_path: Path) -> None:
    document = report(study, tmp_path)
    assert following(document, "2 Peercoaching", 3) == [
        "Instelling: Avans",
        "Soorten bronnen: focusgroep studenten, interview student",
        "Documenten: 2",
    ]
    # One layer per document: PC01 the consensus decision plus Anouk (the lead) elsewhere,
    # PC02 and HR01 Anouk; Bram's codings of the same passages never add to the counts.
    assert following(document, "2.1 Steun") == ["3 coderingen in 2 documenten"]
    assert following(document, "1.2.1 Rust") == ["1 codering in 1 document"]


def test_quotes_are_faithful_with_source_references(study: Project, tmp_path: Path) -> None:
    document = report(study, tmp_path, cite=["name"])
    by_text = {q.text: q for q in find_quotes(study)}
    quotes = [p for p in document.paragraphs if p.style.name == "Quote"]
    assert quotes
    for paragraph in quotes:
        words = next(r.text for r in paragraph.runs if r.text.strip() != "\u2026")
        quote = by_text[words]
        text = study.documents.text(quote.document)
        assert words == text[quote.start : quote.end]  # word for word
        reference = REFERENCE.match(paragraph.runs[-1].text)
        assert reference, paragraph.runs[-1].text
        assert reference["doc"] == quote.document and reference["speaker"] == quote.speaker
        assert (reference["label"], int(reference["n"])) == ("alinea", quote.paragraph)
        assert paragraph.runs[-1].style.name == "Subtle Emphasis"
    # Three coders on one passage: one layer counts, so it shows once.
    emotioneel = following(document, "2.1.1 Emotioneel", 4)
    assert emotioneel[1].startswith("Mijn peercoach luisterde echt naar me.")
    assert emotioneel[2].startswith("Het luisteren was het belangrijkste.")
    assert emotioneel[3] == "2.1.2 Praktisch"


def test_starred_quotes_come_first_and_limit_holds(study: Project, tmp_path: Path) -> None:
    rust = find_quotes(
        study, QuoteFilter(codes=("Effect / Rust",), where={"intervention": "Peercoaching"})
    )
    last = max(rust, key=lambda q: (q.document, q.start))
    QuoteService(study).order([last.coding_id])
    document = report(study, tmp_path, quotes_per_code=1)
    assert following(document, "2.2.1 Rust", 2)[1].startswith(last.text)
    counts = sum(1 for p in document.paragraphs if p.style.name == "Quote")
    # One per code with direct codings (2 in Herstelrecht, 5 in Peercoaching), 3 CMO examples.
    assert counts == 10


def test_summaries_in_chapters_and_cross_chapter(study: Project, tmp_path: Path) -> None:
    study.summaries.set(
        "Steun", "Vooral emotionele steun.", scope_key="intervention", scope_value="Peercoaching"
    )
    study.summaries.set(
        "Steun / Praktisch", "Planning.", scope_key="intervention", scope_value="Herstelrecht"
    )
    study.summaries.set("Steun", "Over alles heen.\nTweede alinea.")
    document = report(study, tmp_path)
    assert following(document, "2.1 Steun", 2)[1] == (
        "Samenvatting cluster: Vooral emotionele steun."
    )
    assert following(document, "1.1.1 Praktisch", 2)[1] == "Samenvatting: Planning."
    assert following(document, "4.1 Steun", 2) == [
        "Samenvatting over alle interventies: Over alles heen.",
        "Tweede alinea.",
    ]


def test_matrix_tables_equal_the_analysis(study: Project, tmp_path: Path) -> None:
    document = report(study, tmp_path)
    sources = evidence_sources(study, parse_layer(None))
    matrix = code_matrix(study, flt=QuoteFilter(evidence=sources))
    assert len(document.tables) == 4  # the CMO table, one per cluster, the appendix
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions[1:] == [
        "Tabel 2. Aantal coderingen per interventie: Steun",
        "Tabel 3. Aantal coderingen per interventie: Effect",
    ]
    expected = {r.path[-1]: [*map(str, r.cells), str(r.total)] for r in matrix.rows}
    for table in document.tables[1:-1]:  # the last is the appendix
        assert table.style.name == "Light Grid Accent 1"
        cells = [[c.text for c in row.cells] for row in table.rows]
        assert cells[0] == ["Code", "Herstelrecht", "Peercoaching", "Totaal"]
        for row in cells[1:]:
            assert row[1:] == expected[row[0].strip("\u2003")]
    first = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert first[1] == ["Steun", "1", "3", "4"]


def test_english_labels(study: Project, tmp_path: Path) -> None:
    document = report(study, tmp_path, language="en")
    assert 'w:val="en-GB"' in document.styles.element.xml  # spelling language
    assert document.paragraphs[1].text == "Report by intervention"
    assert ("Heading 1", "4 Comparison across interventions") in headings(document)
    assert following(document, "2.1 Steun") == ["3 codings in 2 documents"]
    quote = next(p for p in document.paragraphs if p.style.name == "Quote")
    assert quote.runs[-1].text.endswith(", paragraph 2)")
    assert ("Heading 1", "About this report") in headings(document)
    assert [p.text for p in document.paragraphs if p.style.name == "Caption"][:2] == [
        "Table 1. Context-mechanism-outcome combinations: Peercoaching",
        "Table 2. Number of codings per intervention: Steun",
    ]


def test_coder_codes_and_attribute_options(study: Project, tmp_path: Path) -> None:
    consensus = report(study, tmp_path, coder="Consensus")
    assert "Codeurs: Consensus." in [p.text for p in consensus.paragraphs]
    assert [t for s, t in headings(consensus) if s == "Heading 1"] == [
        "Over dit rapport",
        "1 Herstelrecht",
        "2 Peercoaching",
        "3 Vergelijking tussen interventies",
        "Bijlage A. Bronnen",
    ]
    assert following(consensus, "1 Herstelrecht", 4)[3] == "Geen coderingen in deze selectie."
    effect = report(study, tmp_path, codes=["Effect"], by="education_level")
    assert headings(effect)[1:4] == [
        ("Heading 1", "1 hbo"),
        ("Heading 2", "1.1 Effect"),
        ("Heading 3", "1.1.1 Rust"),
    ]
    assert ("Heading 1", "3 Vergelijking tussen opleidingsniveaus") in headings(effect)
    assert effect.paragraphs[1].text == "Rapportage per opleidingsniveau"
    assert len(effect.tables) == 2  # the matrix and the appendix


def test_cmo_chapter(study: Project, tmp_path: Path) -> None:
    document = report(study, tmp_path)
    table = document.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Context", "Mechanisme", "Uitkomst", "Documenten"],
        # Sub-codes roll up into the code that carries the tag ("Effect / Rust" -> "Effect").
        ["Context", "Steun / Emotioneel", "Effect", "1"],
    ]
    caption, example, *quotes = following(document, "3.1 Peercoaching", 5)
    assert caption == "Tabel 1. Context-mechanisme-uitkomstcombinaties: Peercoaching"
    # Every combination occurs once: no "most frequent" one to speak of.
    assert example.startswith("Geen combinatie komt in meer dan één document voor.")
    assert [t.split(" (")[0] for t in quotes] == [
        "Hoe was het contact met je peercoach?",
        "Mijn peercoach luisterde echt naar me.",
        "Dat gaf rust in mijn hoofd.",  # the first Effect-tree quote in that document
    ]


def test_progress_is_reported(study: Project, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    write_report(
        study, tmp_path / "r.docx", progress=lambda done, total: calls.append((done, total))
    )
    assert calls[-1] == (3, 3) and calls[0] == (1, 3)


def test_control_characters_and_multi_paragraph_quotes(
    sqlite_project: Project, tmp_path: Path
) -> None:
    text = "Student: eerste deel\x0c van de zin.\n\nStudent: tweede alinea, \x0bnog meer."
    sqlite_project.coders.add("Anouk", role="lead")
    sqlite_project.documents.add("D1", text, attributes={"intervention": "X"})
    sqlite_project.codebook.add("Code", coder="Anouk")
    sqlite_project.codings.add("D1", "Anouk", "Code", 9, len(text))
    document = report(sqlite_project, tmp_path)
    quote = next(p for p in document.paragraphs if p.style.name == "Quote")
    expected = text[9:].replace("\x0c", " ").replace("\x0b", " ")
    assert quote.runs[0].text == expected
    assert quote.runs[-1].text == "(X, alinea 1)"  # cited by its intervention
