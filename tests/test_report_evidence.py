"""Both hand-outs of the demo read back as a funder gets them: one evidence layer per
document, counts by the per-document rule, no instruction text, uα and intervals."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument

from qualcode.core.agreement import UnitizedDocument, u_alpha
from qualcode.core.agreement_project import compute_agreement
from qualcode.core.project import Project, open_project
from qualcode.demo import LEAD, build_demo
from qualcode.io.agreement_report import write_report as write_agreement
from qualcode.io.report import write_report
from tests.test_cli import qualcode

FREQUENCY = re.compile(r"^(\d+) codering(en)? in (\d+) document(en)?$")
INSTRUCTIONS = ("F9", "Werk de inhoudsopgave", "Update the table", "Bijwerken", "Tools >")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder)
    yield folder


@pytest.fixture
def project(demo: Path) -> Iterator[Project]:
    with open_project(str(demo / "sample.qcdb")) as opened:
        yield opened


def chapters(document: DocxDocument) -> dict[str, list[tuple[str, str]]]:
    """Heading-1 text -> the (style, text) of every paragraph under it."""
    out: dict[str, list[tuple[str, str]]] = {}
    current = ""
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            current = p.text
            out[current] = []
        elif current:
            out[current].append((p.style.name, p.text))
    return out


def quote_words(text: str) -> str:
    """The quoted words of a Quote paragraph, without the ellipses and the source."""
    words = re.sub(r"\s*\([^()]*\)$", "", text).strip()
    return words.strip("\u2026 ").strip()


def rule_coder(project: Project, document: str) -> str:
    """The per-document rule, restated: the one assigned coder, else the lead."""
    assigned = [c.name for c in project.documents.assigned_coders(document)]
    return assigned[0] if len(assigned) == 1 else LEAD


def test_sample_report_quotes_each_passage_once_per_chapter(demo: Path) -> None:
    document = docx.Document(str(demo / "sample-report.docx"))
    found = chapters(document)
    assert "Over dit rapport" in found
    for chapter, paragraphs in found.items():
        quotes = [quote_words(t) for s, t in paragraphs if s == "Quote"]
        if chapter.split(" ", 1)[-1].startswith("Context, mechanisme"):
            continue  # CMO examples repeat chapter quotes on purpose, once per table
        for n, a in enumerate(quotes):
            for b in quotes[n + 1 :]:
                assert a not in b and b not in a, (chapter, a, b)


def test_sample_report_counts_follow_the_per_document_rule(demo: Path, project: Project) -> None:
    document = docx.Document(str(demo / "sample-report.docx"))
    docs = project.documents.list()
    by_intervention: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_intervention[d.attributes["intervention"]].append(d.name)
    tree = {c.id: c.path_text for c in project.codebook.tree()}
    names = {c.id: c.name for c in project.coders.list()}
    # Expected counts per chapter and code path (sub-codes included), from each document's
    # rule coder only.
    expected: dict[tuple[str, str], tuple[int, set[str]]] = {}
    for intervention, in_chapter in by_intervention.items():
        for name in in_chapter:
            coder = rule_coder(project, name)
            for coding in project.codings.list(document=name):
                if names[coding.coder_id] != coder:
                    continue
                path = tree[coding.code_id].split(" / ")
                for depth in range(1, len(path) + 1):
                    key = (intervention, " / ".join(path[:depth]))
                    n, seen = expected.get(key, (0, set()))
                    expected[key] = (n + 1, seen | {name})
    checked = 0
    for chapter, paragraphs in chapters(document).items():
        _, _, intervention = chapter.partition(" ")
        if intervention not in by_intervention:
            continue
        stack: list[str] = []
        for n, (style, text) in enumerate(paragraphs):
            if not style.startswith("Heading"):
                continue
            numbering, _, name = text.partition(" ")
            depth = numbering.count(".")
            stack = [*stack[: depth - 1], name]
            match = FREQUENCY.match(paragraphs[n + 1][1])
            assert match, paragraphs[n + 1]
            count, documents = expected[(intervention, " / ".join(stack))]
            assert (int(match[1]), int(match[3])) == (count, len(documents)), (chapter, stack)
            checked += 1
    assert checked > 100
    # The double-coded Welzijnscoach interview counts once (the lead's codings), not 7 + 7.
    both = project.codings.list(document="NI01_Welzijnscoach_student")
    situatie = sum(
        1 for c in both if names[c.coder_id] == LEAD and tree[c.code_id].startswith("Situatie")
    )
    assert situatie < sum(1 for c in both if tree[c.code_id].startswith("Situatie"))
    welzijnscoach = chapters(document)[next(k for k in chapters(document) if "Welzijnscoach" in k)]
    line = next(
        welzijnscoach[n + 1][1]
        for n, (s, t) in enumerate(welzijnscoach)
        if s == "Heading 2" and t.endswith(" Situatie")
    )
    assert line.startswith(f"{situatie} codering")


def test_no_instruction_text_in_either_document(demo: Path) -> None:
    for name in ("sample-report.docx", "agreement.docx"):
        document = docx.Document(str(demo / name))
        texts = [p.text for p in document.paragraphs]
        texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
        for text in texts:
            assert not any(word in text for word in INSTRUCTIONS), (name, text)
    report = docx.Document(str(demo / "sample-report.docx"))
    assert not any(p.text.startswith("Instellingen") for p in report.paragraphs)


def test_both_hand_outs_speak_the_same_language(demo: Path) -> None:
    report = docx.Document(str(demo / "sample-report.docx"))
    agreement = docx.Document(str(demo / "agreement.docx"))
    assert report.paragraphs[1].text == "Rapportage per interventie"
    assert agreement.paragraphs[0].text == "Overeenstemming tussen codeurs"
    settings = {r.cells[0].text: r.cells[1].text for r in agreement.tables[0].rows}
    # The library default: 1,000 samples, seed 0 (the CLI and GUI use the same).
    assert "1000 steekproeven, seed 0" in settings["Interval"]
    documents = [[c.text for c in r.cells] for r in agreement.tables[1].rows]
    assert sum(1 for r in documents if r[1] == "ja") == 3
    assert all(r[1] == "ja" or "gecodeerd" in r[1] for r in documents[1:])


def test_disagreements_are_located_by_paragraph_and_turn(demo: Path) -> None:
    agreement = docx.Document(str(demo / "agreement.docx"))
    texts = [p.text for p in agreement.paragraphs]
    start = next(n for n, t in enumerate(texts) if t.startswith("Meningsverschillen ("))
    where = [t for t in texts[start:] if t.startswith(("NI01_", "NI04_", "PL01_"))]
    assert where and all(re.fullmatch(r"\w+, alinea \d+( \(beurt \d+, .+\))?", t) for t in where)
    assert any("(beurt " in t for t in where)
    assert not any(re.search(r"\d+-\d+", t) for t in where)  # no raw character offsets


def test_report_cites_display_names_with_an_appendix(demo: Path, project: Project) -> None:
    document = docx.Document(str(demo / "sample-report.docx"))
    quote = next(p for p in document.paragraphs if p.style.name == "Quote")
    assert "_" not in quote.runs[-1].text  # no file ids in the body
    appendix = document.tables[-1]
    rows = [[c.text for c in r.cells] for r in appendix.rows]
    assert rows[0] == ["Geciteerd als", "Bestand", "Laag"]
    by_file = {r[1]: r for r in rows[1:]}
    assert set(by_file) == {d.name for d in project.documents.list()}
    assert by_file["SI01_BackOnTrack_student"][0] == "interview student, Back on Track"
    assert by_file["NI01_Welzijnscoach_student"][2] == "Anouk (hoofdonderzoeker)"
    assert by_file["FG02_CaringUniversities_studenten"][2] == "Bram (toegewezen)"


def test_all_layer_names_the_coders_and_counts_pairs(project: Project, tmp_path: Path) -> None:
    out = tmp_path / "all.docx"
    write_report(project, out, layer="all", cite=["name"])
    document = docx.Document(str(out))
    texts = [p.text for p in document.paragraphs]
    assert any("document-codeurparen" in t for t in texts)
    both = [t for t in texts if "gecodeerd door Anouk, Bram" in t]
    assert both, "a passage both coders coded is quoted once with both names"
    # Within one code a passage never appears twice.
    for chapter, paragraphs in chapters(document).items():
        code_quotes: list[str] = []
        for style, text in paragraphs:
            if style.startswith("Heading"):
                code_quotes = []
            elif style == "Quote":
                words = quote_words(text)
                assert words not in code_quotes, (chapter, words)
                code_quotes.append(words)


def test_layer_spellings_on_the_command_line(demo: Path, tmp_path: Path) -> None:
    db = str(demo / "sample.qcdb")
    for layer, expected in (
        ("consensus", "consensus"),
        ("coder:Bram", "coder:Bram"),
        ("all", "all"),
    ):
        run = qualcode(tmp_path, "report", db, f"{layer.replace(':', '-')}.docx", "--layer", layer)
        assert run.returncode == 0, run.stderr
        assert f"evidence: {expected}" in run.stdout
    bram = docx.Document(str(tmp_path / "coder-Bram.docx"))
    assert "Bron van citaten en aantallen: alleen de coderingen van Bram." in [
        p.text for p in bram.paragraphs
    ]
    for bad in ("everyone", "coder:"):
        run = qualcode(tmp_path, "report", db, "x.docx", "--layer", bad)
        assert run.returncode == 1 and "unknown layer" in run.stderr
        assert len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.docx").exists()


def test_tables_repeat_headers_and_never_split_rows(demo: Path) -> None:
    for name in ("sample-report.docx", "agreement.docx"):
        document = docx.Document(str(demo / name))
        for table in document.tables:
            for row in table.rows:
                assert (
                    row._tr.trPr is not None
                    and row._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None
                )
        multi = [
            t for t in document.tables if len(t.rows) > 3 and t.rows[0].cells[0].text != "Codeurs"
        ]
        assert multi
        for table in multi:
            first = table.rows[0]._tr.trPr
            assert first.find(docx.oxml.ns.qn("w:tblHeader")) is not None


def test_character_mode_report_has_u_alpha_equal_to_the_core_and_intervals(
    project: Project, tmp_path: Path
) -> None:
    result = compute_agreement(project, ["Anouk", "Bram"], unit="character", viewer=LEAD)
    out = tmp_path / "character.docx"
    write_agreement(result, out, language="en")
    document = docx.Document(str(out))
    figure_tables = [
        t for t in document.tables if len(t.columns) > 3 and t.rows[0].cells[3].text == "uα"
    ]
    assert len(figure_tables) == 4  # per code, cluster, document, overall
    clusters, overall = figure_tables[1], figure_tables[3]
    # The same data through the core function.
    names = {c.id: c.name for c in project.coders.list()}
    docs = [d for d in project.documents.list() if d.name in result.settings.contributing]
    tree = {c.id: c for c in project.codebook.tree()}
    unitized = []
    for d in docs:
        codings: dict[str, list[tuple[int, int, int]]] = {"Anouk": [], "Bram": []}
        for c in project.codings.list(document=d.name):
            coder = names[c.coder_id]
            if coder in codings:
                codings[coder].append((c.start, c.end, c.code_id))
        unitized.append(UnitizedDocument(d.length, codings, d.name))
    used = sorted({c for u in unitized for segs in u.codings.values() for _, _, c in segs})
    core_overall = u_alpha(unitized, used, ["Anouk", "Bram"]).alpha
    assert overall.rows[1].cells[3].text == f"{core_overall:.3f}"
    assert not math.isnan(result.overall.u_alpha)
    assert abs(result.overall.u_alpha - core_overall) < 1e-9
    checked = 0
    for row in clusters.rows[1:]:
        label = row.cells[0].text
        root = next(c for c in tree.values() if c.path_text == label)
        ids = [
            c.id
            for c in tree.values()
            if c.path_text == label or c.path_text.startswith(label + " / ")
        ]
        core = u_alpha(unitized, ids, ["Anouk", "Bram"]).alpha
        shown = row.cells[3].text
        if math.isnan(core):
            assert shown == "–"
        else:
            assert shown == f"{core:.3f}", (label, root.id)
            checked += 1
        # Intervals present wherever the figure is defined.
        if shown != "–":
            assert re.fullmatch(r"-?\d\.\d{3} – -?\d\.\d{3}", row.cells[4].text), row.cells[4].text
            assert re.fullmatch(r"-?\d\.\d{3} – -?\d\.\d{3}", row.cells[2].text)
    assert checked >= 5
    assert re.fullmatch(r"\d\.\d{3} – \d\.\d{3}", overall.rows[1].cells[2].text)
    texts = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "-0.000" not in texts


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler-utils are not installed",
)
def test_pdf_has_page_numbers_in_its_contents(demo: Path, tmp_path: Path) -> None:
    from qualcode.io.report import pdf

    if not pdf.available():
        pytest.skip("LibreOffice's Python bridge (python3-uno) is not installed")
    run = qualcode(tmp_path, "report", str(demo / "sample.qcdb"), "r.docx", "--pdf")
    assert run.returncode == 0, run.stderr
    text = subprocess.run(
        ["pdftotext", "-l", "3", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert re.search(r"Over dit rapport\.{3,}\s*\d+", text)
    assert re.search(r"1 Back on Track\.{3,}\s*\d+", text)
    assert (tmp_path / "r.pdf").stat().st_mode & 0o777 == 0o600


def test_a_coders_report_respects_blind_coding(sqlite_project: Project, tmp_path: Path) -> None:
    project = sqlite_project
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    project.coders.add("Cas")
    project.codebook.add("Steun", coder="Anouk")
    text = "Student: Mijn moeder hielp me. Student: Mijn vriend luisterde."
    project.documents.add("D1", text, attributes={"intervention": "X"})
    project.documents.assign("D1", ["Bram", "Cas"], blind=True)
    project.codings.add("D1", "Bram", "Steun", 9, 29)
    project.codings.add("D1", "Cas", "Steun", 39, len(text))
    out = tmp_path / "bram.docx"
    write_report(project, out, layer="all", viewer="Bram", cite=["name"])
    quotes = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Quote"]
    assert quotes and all("Mijn moeder" in q for q in quotes)  # Cas's coding stays hidden
    lead = tmp_path / "lead.docx"
    write_report(project, lead, layer="all", viewer="Anouk", cite=["name"])
    shown = [p.text for p in docx.Document(str(lead)).paragraphs if p.style.name == "Quote"]
    assert any("Mijn vriend" in q for q in shown) and any("Mijn moeder" in q for q in shown)
