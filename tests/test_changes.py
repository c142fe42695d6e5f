"""Change events: numbered, carrying the coding records, and the shared blind count rule."""

from __future__ import annotations

from qualcode.core.changes import Change, SequenceGuard
from qualcode.core.project import Project
from tests.conftest import SAMPLE_TEXT, seed


def test_events_are_numbered_and_carry_the_records(project: Project) -> None:
    seed(project)
    seen: list[Change] = []
    project.subscribe(seen.append)
    start = project.events.seq
    added = project.codings.add("NI01", "Bram", "Steungever / Mentor", 0, 12)
    edited = project.codings.update(added.id, code="Steungever / Moeder")
    project.codings.remove([added.id])
    assert [c.seq for c in seen] == [start + 1, start + 2, start + 3]
    assert all(c.origin == "local" and c.kind == "codings" for c in seen)
    assert seen[0].added == (added,) and seen[0].document_id == added.document_id
    mentor = project.codebook.get("Steungever / Mentor").id
    moeder = project.codebook.get("Steungever / Moeder").id
    assert seen[0].code_ids == (mentor,)
    before, after = seen[1].edited[0]
    assert (before.code_id, after) == (mentor, edited)
    assert set(seen[1].code_ids) == {mentor, moeder}
    assert seen[2].removed == (edited,) and seen[2].is_delta


def test_a_gap_in_numbers_makes_a_guarded_listener_reload(project: Project) -> None:
    seed(project)
    applied: list[int] = []
    reloads: list[int] = []
    guard = SequenceGuard(
        lambda c: applied.append(c.seq), lambda: reloads.append(1), project.events.seq
    )
    project.subscribe(guard)
    project.codings.add("NI01", "Bram", "Steungever / Mentor", 0, 12)
    project.events.lost()  # e.g. a team relay saw the server skip a number
    project.codings.add("NI01", "Bram", "Steungever / Mentor", 14, 20)
    project.codings.add("NI01", "Bram", "Steungever / Mentor", 22, 30)
    assert len(applied) == 2 and reloads == [1]
    # A colleague's change relayed into the same stream differs only by its origin.
    project.notify(Change("codings", origin="team:Bram"))
    assert len(applied) == 3


def test_counts_apply_the_blind_rule_in_sql(project: Project) -> None:
    seed(project)
    doc = project.documents.get("NI01")
    anouk, bram = project.coders.get("Anouk"), project.coders.get("Bram")
    moeder = project.codebook.get("Steungever / Moeder").id
    assert project.counts.per_document().per_document == {doc.id: {anouk.id: 2, bram.id: 1}}
    project.documents.assign("NI01", ["Anouk", "Bram"], blind=True)
    as_bram = project.counts.usage("Bram")
    assert as_bram.usage[moeder] == 1
    assert project.counts.per_document("Bram").per_document == {doc.id: {bram.id: 1}}
    # Anouk leads but codes NI01 blind herself: she counts her own coding only (issue 15).
    assert project.counts.usage("Anouk").usage[moeder] == 1
    project.coders.add("Carla", role="lead")
    assert project.counts.usage("Carla").usage[moeder] == 2  # a lead overseeing it
    # The same rule as a predicate, for deltas: Bram does not see Anouk's new coding.
    new = project.codings.add("NI01", "Anouk", moeder, 0, len(SAMPLE_TEXT) // 2)
    assert not as_bram.visibility.sees(new)
    assert project.counts.visibility("Anouk").sees(new)
    assert len(project.codings.list(document="NI01", viewer="Bram")) == 1
