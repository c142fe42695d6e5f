"""Retrieval of quotes: filters, sources (speaker, paragraph), context, stars and ranks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from qualcode.core.errors import DomainError, NotFound
from qualcode.core.project import Project
from qualcode.core.records import TurnRecord
from qualcode.core.retrieval import (
    QuoteFilter,
    QuoteService,
    context_after,
    context_before,
    find_quotes,
    paragraph_starts,
)


def transcript(turns: Sequence[tuple[str, str]]) -> tuple[str, list[TurnRecord]]:
    """Text with one turn per paragraph (blank-line separated) and its speaker turns."""
    text, records = "", []
    for speaker, said in turns:
        if text:
            text += "\n\n"
        line = f"{speaker}: {said}"
        records.append(TurnRecord(speaker, len(text), len(text) + len(line)))
        text += line
    return text, records


DOCS = {
    "PC01": (
        {
            "intervention": "Peercoaching",
            "institution": "Avans",
            "source_type": "focusgroep studenten",
            "education_level": "hbo",
        },
        [
            ("Interviewer", "Hoe was het contact met je peercoach?"),
            ("Student A", "Mijn peercoach luisterde echt naar me. Dat gaf rust in mijn hoofd."),
            ("Student B", "Ze hielp me met een planning voor de tentamens, heel praktisch."),
            ("Interviewer", "En wat leverde het op?"),
            ("Student A", "Ik voelde me minder alleen. Ik durfde eerder hulp te vragen."),
        ],
    ),
    "PC02": (
        {
            "intervention": "Peercoaching",
            "institution": "Avans",
            "source_type": "interview student",
            "education_level": "hbo",
        },
        [
            ("Interviewer", "Wat vond je van de gesprekken?"),
            ("Respondent", "Het luisteren was het belangrijkste. Ik kon mijn verhaal kwijt."),
        ],
    ),
    "HR01": (
        {
            "intervention": "Herstelrecht",
            "institution": "Curio",
            "source_type": "interview praktijk",
            "education_level": "mbo",
        },
        [
            ("Interviewer", "Hoe verloopt een herstelgesprek?"),
            ("Praktijk", "We zetten de student en de docent samen aan tafel. Dat geeft rust."),
        ],
    ),
}

# (document, coder, code path, exact text)
CODINGS = [
    ("PC01", "Anouk", "Steun / Emotioneel", "Mijn peercoach luisterde echt naar me."),
    ("PC01", "Bram", "Steun / Emotioneel", "Mijn peercoach luisterde echt naar me."),
    ("PC01", "Anouk", "Effect / Rust", "Dat gaf rust in mijn hoofd."),
    (
        "PC01",
        "Anouk",
        "Steun / Praktisch",
        "Ze hielp me met een planning voor de tentamens, heel praktisch.",
    ),
    ("PC01", "Anouk", "Effect", "Ik voelde me minder alleen."),
    ("PC01", "Anouk", "Context", "Hoe was het contact met je peercoach?"),
    ("PC01", "Consensus", "Steun / Emotioneel", "Mijn peercoach luisterde echt naar me."),
    ("PC02", "Anouk", "Steun / Emotioneel", "Het luisteren was het belangrijkste."),
    ("PC02", "Anouk", "Effect / Rust", "Ik kon mijn verhaal kwijt."),
    ("HR01", "Anouk", "Steun / Praktisch", "We zetten de student en de docent samen aan tafel."),
    ("HR01", "Anouk", "Effect / Rust", "Dat geeft rust."),
    ("HR01", "Bram", "Effect / Rust", "Dat geeft rust."),
]


def build_study(project: Project) -> dict[str, str]:
    """Three documents in two interventions, two coders and a consensus layer.

    Codes: Steun (Emotioneel, Praktisch), Effect (Rust; outcome), Context (context) and
    Steun / Emotioneel is tagged mechanism. Returns the document texts by name.
    """
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    project.coders.add("Consensus", role="consensus")
    steun = project.codebook.add("Steun", coder="Anouk")
    project.codebook.add("Emotioneel", parent=steun.guid, coder="Anouk", cmo="mechanism")
    project.codebook.add("Praktisch", parent=steun.guid, coder="Anouk")
    effect = project.codebook.add("Effect", coder="Anouk", cmo="outcome")
    project.codebook.add("Rust", parent=effect.guid, coder="Anouk")
    project.codebook.add("Context", coder="Anouk", cmo="context")
    texts = {}
    for name, (attributes, turns) in DOCS.items():
        text, records = transcript(turns)
        project.documents.add(name, text, attributes=attributes, turns=records)
        texts[name] = text
    for document, coder, code, quote in CODINGS:
        start = texts[document].index(quote)
        project.codings.add(document, coder, code, start, start + len(quote))
    return texts


@pytest.fixture
def study(project: Project) -> Project:
    build_study(project)
    return project


def texts_of(quotes: Sequence[object]) -> list[str]:
    return [q.text for q in quotes]  # type: ignore[attr-defined]


def test_every_quote_is_the_document_text_at_its_offsets(study: Project) -> None:
    quotes = find_quotes(study)
    assert len(quotes) == len(CODINGS)
    for q in quotes:
        assert q.text == study.documents.text(q.document)[q.start : q.end]
    assert [q.document_id for q in quotes] == sorted(q.document_id for q in quotes)


def test_code_filters_with_and_without_subcodes_and_cluster(study: Project) -> None:
    only_effect = find_quotes(study, QuoteFilter(codes=("Effect",)))
    assert texts_of(only_effect) == ["Ik voelde me minder alleen."]
    with_sub = find_quotes(study, QuoteFilter(codes=("Effect",), subcodes=True))
    assert len(with_sub) == 5
    cluster = find_quotes(study, QuoteFilter(cluster="Effect"))
    assert {q.coding_id for q in cluster} == {q.coding_id for q in with_sub}
    assert {q.code_path for q in cluster} == {("Effect",), ("Effect", "Rust")}


def test_coder_attribute_speaker_and_search_filters(study: Project) -> None:
    consensus = find_quotes(study, QuoteFilter(coders=("Consensus",)))
    assert [(q.coder, q.document) for q in consensus] == [("Consensus", "PC01")]
    by_role = find_quotes(study, QuoteFilter(coders=("consensus",)))  # the consensus layer
    assert [q.coding_id for q in by_role] == [q.coding_id for q in consensus]
    both = find_quotes(study, QuoteFilter(coders=("Anouk", "Bram"), codes=("Effect / Rust",)))
    assert sorted(q.coder for q in both) == ["Anouk", "Anouk", "Anouk", "Bram"]
    herstel = find_quotes(study, QuoteFilter(where={"intervention": "Herstelrecht"}))
    assert {q.document for q in herstel} == {"HR01"}
    mixed = find_quotes(
        study, QuoteFilter(where={"institution": "Avans", "source_type": "interview student"})
    )
    assert {q.document for q in mixed} == {"PC02"}
    assert find_quotes(study, QuoteFilter(where={"education_level": "wo"})) == []
    student_b = find_quotes(study, QuoteFilter(speaker="Student B"))
    assert texts_of(student_b) == [CODINGS[3][3]]
    rust = find_quotes(study, QuoteFilter(search="RUST"))
    assert {q.text for q in rust} == {"Dat gaf rust in mijn hoofd.", "Dat geeft rust."}


def test_unknown_coder_or_code_is_reported(study: Project) -> None:
    with pytest.raises(NotFound, match="Nobody"):
        find_quotes(study, QuoteFilter(coders=("Nobody",)))
    with pytest.raises(NotFound):
        find_quotes(study, QuoteFilter(codes=("Steun / Bestaat niet",)))


def test_speaker_paragraph_and_context(study: Project) -> None:
    quote = find_quotes(study, QuoteFilter(search="planning"))[0]
    assert quote.speaker == "Student B"
    assert quote.paragraph == 3  # third non-blank line of PC01
    assert quote.context_before.endswith("Student B: ")
    assert quote.context_after.startswith("\n\nInterviewer: En wat")
    text = study.documents.text("PC01")
    assert quote.context_before + quote.text + quote.context_after in text
    context = find_quotes(study, QuoteFilter(codes=("Context",)))[0]
    assert context.speaker == "Interviewer" and context.paragraph == 1


def test_context_is_trimmed_to_whole_words() -> None:
    text = "alpha beta gamma delta epsilon zeta"
    start = text.index("delta")
    assert context_before(text, start, size=9) == "gamma "  # "ta gamma " cut at the space
    assert context_after(text, start + len("delta"), size=10) == " epsilon"
    assert context_before(text, 6, size=50) == "alpha "
    assert context_after(text, len(text) - 4, size=50) == "zeta"


def test_paragraphs_are_non_blank_lines() -> None:
    assert paragraph_starts("a\n\nb\nc\n\n\n  \nd") == [0, 3, 5, 12]
    assert paragraph_starts("") == []


def test_codebook_version_and_illustrative_filters(study: Project) -> None:
    assert find_quotes(study, QuoteFilter(codebook_version_id=1)) == []
    version = study.versions.release("v1", coder="Anouk")
    text = study.documents.text("PC02")
    start = text.index("Ik kon")
    study.codings.add("PC02", "Bram", "Effect / Rust", start, start + 10)
    later = find_quotes(study, QuoteFilter(codebook_version_id=version.id))
    assert [(q.coder, q.document) for q in later] == [("Bram", "PC02")]
    assert find_quotes(study, QuoteFilter(illustrative_only=True)) == []


def test_star_unstar_and_order(study: Project) -> None:
    service = QuoteService(study)
    ids = [q.coding_id for q in find_quotes(study, QuoteFilter(codes=("Effect / Rust",)))]
    seen: list[str] = []
    study.subscribe(lambda change: seen.append(change.kind))
    service.order([ids[2], ids[0]])
    starred = find_quotes(study, QuoteFilter(illustrative_only=True))
    assert {q.coding_id: q.rank for q in starred} == {ids[2]: 1, ids[0]: 2}
    service.unstar(ids[2])
    service.star(ids[1], rank=5)
    starred = find_quotes(study, QuoteFilter(illustrative_only=True))
    assert {q.coding_id: q.rank for q in starred} == {ids[0]: 2, ids[1]: 5}
    assert "codings" in seen
    service.order([ids[1]])  # a new order for the code: the other star keeps no rank
    starred = find_quotes(study, QuoteFilter(illustrative_only=True))
    assert {q.coding_id: q.rank for q in starred} == {ids[0]: None, ids[1]: 1}
    with pytest.raises(DomainError):
        service.order([ids[0], ids[0]])
    with pytest.raises(NotFound):
        service.star(999_999)


@contextmanager
def count_statements(project: Project) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(project.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(project.engine, "before_cursor_execute", record)


def test_retrieval_uses_a_fixed_number_of_queries(sqlite_project: Project) -> None:
    build_study(sqlite_project)
    with count_statements(sqlite_project) as few:
        find_quotes(sqlite_project, QuoteFilter(coders=("Anouk",), where={"institution": "Avans"}))
    for n in range(20):
        sqlite_project.documents.add(
            f"extra{n}", f"Student: tekst nummer {n} hier.", attributes={"institution": "Avans"}
        )
        sqlite_project.codings.add(f"extra{n}", "Anouk", "Steun", 0, 7)
    with count_statements(sqlite_project) as many:
        quotes = find_quotes(
            sqlite_project, QuoteFilter(coders=("Anouk",), where={"institution": "Avans"})
        )
    assert len(quotes) > 20
    assert len(many) == len(few) <= 8


def test_blind_documents_show_a_coder_only_their_own_quotes(sqlite_project: Project) -> None:
    from tests.conftest import seed

    seed(sqlite_project)
    sqlite_project.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    everyone = find_quotes(sqlite_project, QuoteFilter())
    as_bram = find_quotes(sqlite_project, QuoteFilter(viewer="Bram"))
    assert len(everyone) == 3 and {q.coder for q in as_bram} == {"Bram"}
    # Anouk leads but codes NI01 blind herself: her own two, until the reveal.
    assert len(find_quotes(sqlite_project, QuoteFilter(viewer="Anouk"))) == 2
    sqlite_project.coders.add("Carla", role="lead")
    assert len(find_quotes(sqlite_project, QuoteFilter(viewer="Carla"))) == 3  # oversees
    sqlite_project.documents.reveal("NI01", by="Anouk")
    assert len(find_quotes(sqlite_project, QuoteFilter(viewer="Bram"))) == 3
