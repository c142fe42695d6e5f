"""Domain rules: every invalid operation raises a clear error and changes nothing."""

from __future__ import annotations

import pytest

from qualcode.core.errors import DomainError, NotFound
from qualcode.core.project import Project
from qualcode.core.services.codings import NewCoding
from qualcode.core.services.documents import DuplicateDocument
from tests.conftest import SAMPLE_TEXT, seed


def counts(project: Project) -> tuple[int, int, int, int]:
    info = project.info()
    return info.documents, info.codes, info.coders, info.codings


@pytest.fixture
def seeded(project: Project) -> Project:
    seed(project)
    return project


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [
        (10, 10, "end after it starts"),
        (12, 5, "end after it starts"),
        (-1, 5, "outside the text"),
        (0, len(SAMPLE_TEXT) + 1, "outside the text"),
    ],
)
def test_bad_spans_are_refused(seeded: Project, start: int, end: int, message: str) -> None:
    before = counts(seeded)
    with pytest.raises(DomainError, match=message):
        seeded.codings.add("NI01", "Bram", "Steungever / Moeder", start, end)
    assert counts(seeded) == before


@pytest.mark.parametrize(
    ("document", "coder", "code", "message"),
    [
        ("NI99", "Bram", "Steungever / Moeder", "unknown document"),
        ("NI01", "Carla", "Steungever / Moeder", "unknown coder"),
        ("NI01", "Bram", "Steungever / Vader", "unknown code"),
    ],
)
def test_unknown_references_are_refused(
    seeded: Project, document: str, coder: str, code: str, message: str
) -> None:
    before = counts(seeded)
    with pytest.raises(NotFound, match=message):
        seeded.codings.add(document, coder, code, 0, 5)
    assert counts(seeded) == before


def test_a_batch_with_one_bad_coding_adds_none(seeded: Project) -> None:
    before = counts(seeded)
    batch = [
        NewCoding("NI01", "Bram", "Steungever / Mentor", 0, 10),
        NewCoding("NI01", "Bram", "Steungever / Mentor", 20, 10),
    ]
    with pytest.raises(DomainError):
        seeded.codings.add_many(batch)
    assert counts(seeded) == before


def test_coding_records_version_in_force(seeded: Project) -> None:
    first = seeded.codings.add("NI01", "Bram", "Steungever / Mentor", 0, 10)
    assert first.codebook_version_id is None
    version = seeded.versions.release("v1", coder="Anouk")
    second = seeded.codings.add("NI01", "Bram", "Steungever / Mentor", 0, 11)
    assert second.codebook_version_id == version.id


def test_edit_and_remove_a_coding(seeded: Project) -> None:
    coding = seeded.codings.add("NI01", "Bram", "Steungever / Mentor", 0, 10, memo="eerste")
    moved = seeded.codings.update(coding.id, start=2, end=12, code="Steungedrag", memo="anders")
    assert (moved.start, moved.end, moved.memo) == (2, 12, "anders")
    assert moved.code_id == seeded.codebook.get("Steungedrag").id
    with pytest.raises(DomainError):
        seeded.codings.update(coding.id, end=1)
    removed = seeded.codings.remove([coding.id])
    assert [r.id for r in removed] == [coding.id]
    seeded.codings.restore(removed)
    assert seeded.codings.get(coding.id).start == 2


def test_documents_names_unique_and_duplicates_detected(seeded: Project) -> None:
    with pytest.raises(DomainError, match="already exists"):
        seeded.documents.add("NI01", "Andere tekst.")
    with pytest.raises(DuplicateDocument, match="same text"):
        seeded.documents.add("NI01-kopie", SAMPLE_TEXT)
    copy = seeded.documents.add("NI01-kopie", SAMPLE_TEXT, force=True)
    assert copy.content_hash == seeded.documents.get("NI01").content_hash
    with pytest.raises(DomainError, match="no text"):
        seeded.documents.add("leeg", "   \n")


def test_attributes_are_editable_and_filterable(seeded: Project) -> None:
    seeded.documents.add(
        "PL01",
        "Interviewer: Vertel eens.",
        attributes={"intervention": "Back on Track", "institution": "Avans", "wave": "1"},
    )
    seeded.documents.set_attributes("PL01", {"wave": None, "education_level": "hbo"})
    doc = seeded.documents.get("PL01")
    assert doc.attributes == {
        "intervention": "Back on Track",
        "institution": "Avans",
        "education_level": "hbo",
    }
    assert [d.name for d in seeded.documents.list(where={"institution": "Avans"})] == ["PL01"]


def test_speaker_turns_can_be_corrected(project: Project) -> None:
    from qualcode.core.records import TurnRecord

    text = "I: Hoe gaat het?\n\nR: Goed."
    project.documents.add("doc", text, turns=[TurnRecord("I", 0, 16), TurnRecord("R", 18, 26)])
    assert project.documents.rename_speaker("doc", "R", "Respondent") == 1
    assert [t.speaker for t in project.documents.turns("doc")] == ["I", "Respondent"]
    with pytest.raises(DomainError, match="outside the text"):
        project.documents.add("bad", "kort", turns=[TurnRecord("I", 0, 99)])


def test_blind_documents_hide_other_coders_until_revealed(seeded: Project) -> None:
    seeded.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    seen_by_bram = {c.coder_id for c in seeded.codings.list(document="NI01", viewer="Bram")}
    assert seen_by_bram == {seeded.coders.get("Bram").id}
    # A lead who codes the document blind sees only her own codings there (issue 15).
    assert len(seeded.codings.list(document="NI01", viewer="Anouk")) == 2
    with pytest.raises(DomainError, match="only a lead"):
        seeded.documents.reveal("NI01", by="Bram")
    seeded.documents.reveal("NI01", by="Anouk")
    assert len(seeded.codings.list(document="NI01", viewer="Bram")) == 3


def test_memos_on_project_document_code_and_coding(seeded: Project) -> None:
    coding = seeded.codings.list()[0]
    seeded.memos.add("Projectmemo", author="Anouk")
    seeded.memos.add("Over dit interview", document="NI01", author="Bram")
    seeded.memos.add("Twijfel over de grens", code="Steungever / Moeder")
    seeded.memos.add("Waarom zo gecodeerd", coding=coding.id)
    assert sorted(m.target for m in seeded.memos.list()) == [
        "code",
        "coding",
        "document",
        "project",
    ]
    with pytest.raises(DomainError, match="not several"):
        seeded.memos.add("x", document="NI01", code="Steungever")


def test_coders_and_roles(project: Project) -> None:
    project.coders.add("Anouk", role="lead")
    with pytest.raises(DomainError, match="already exists"):
        project.coders.add("Anouk")
    with pytest.raises(DomainError, match="unknown role"):
        project.coders.add("Carla", role="boss")
    with pytest.raises(DomainError, match="needs a name"):
        project.coders.add("  ")
    assert [c.role for c in project.coders.list()] == ["lead"]


def test_change_notices_name_what_changed(seeded: Project) -> None:
    seen = []
    seeded.subscribe(seen.append)
    coding = seeded.codings.add("NI01", "Bram", "Steungever / Mentor", 0, 10)
    seeded.codebook.update("Steungever / Mentor", definition="Een mentor of slb'er")
    assert [c.kind for c in seen] == ["codings", "codebook"]
    assert seen[0].ids == (coding.id,) and seen[0].document_id == coding.document_id


def test_bulk_counts_and_assignments(seeded: Project) -> None:
    doc = seeded.documents.get("NI01")
    anouk, bram = seeded.coders.get("Anouk"), seeded.coders.get("Bram")
    assert seeded.codings.counts() == {doc.id: {anouk.id: 2, bram.id: 1}}
    seeded.documents.assign("NI01", ["Bram", "Anouk"])
    assert [c.name for c in seeded.documents.assignments()[doc.id]] == ["Anouk", "Bram"]


def test_usage_respects_blinding_for_coders(seeded: Project) -> None:
    moeder = seeded.codebook.get("Steungever / Moeder")
    assert seeded.codebook.usage()[moeder.id] == 2
    seeded.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    assert seeded.codebook.usage(viewer="Bram")[moeder.id] == 1
    assert seeded.codebook.usage(viewer="Anouk")[moeder.id] == 1  # she codes it blind too
    seeded.coders.add("Carla", role="lead")
    assert seeded.codebook.usage(viewer="Carla")[moeder.id] == 2  # a lead overseeing it
    seeded.documents.reveal("NI01", by="Anouk")
    assert seeded.codebook.usage(viewer="Bram")[moeder.id] == 2


def test_split_with_given_ids_and_alias_removal(seeded: Project) -> None:
    ids = ["11111111-2222-4333-8444-555555555555", "11111111-2222-4333-8444-666666666666"]
    created = seeded.codebook.split("Steungever / Mentor", ["Docent", "Coach"], guids=ids)
    assert [c.guid for c in created] == ids
    moeder = seeded.codebook.get("Steungever / Moeder").guid
    seeded.codebook.merge([moeder], "Steungever / Mentor")
    assert moeder in seeded.codebook.aliases()
    seeded.codebook.remove_alias(moeder)
    assert moeder not in seeded.codebook.aliases()
