"""Adjudication: the lead's decisions become the consensus layer, with who and when."""

from __future__ import annotations

import pytest

from qualcode.core.agreement_project import compute_agreement
from qualcode.core.errors import DomainError
from qualcode.core.project import Project
from qualcode.core.services.adjudication import AdjudicationService
from tests.agreement_project_helpers import two_coder_project


@pytest.fixture
def adjudication(project: Project) -> AdjudicationService:
    two_coder_project(project)
    return getattr(project, "adjudication", None) or AdjudicationService(project)


def test_accepting_one_coder_copies_their_codings_into_the_consensus_layer(
    project: Project, adjudication: AdjudicationService
) -> None:
    first, second = compute_agreement(project, ["Anouk", "Bram"], bootstrap=0).disagreements
    decision = adjudication.accept(
        "D1", first.start, first.end, coders=["Anouk"], by="Anouk", note="past bij definitie"
    )
    assert decision.choice == "accept" and decision.sources == ("Anouk",)
    assert decision.by == "Anouk"
    layer = adjudication.layer("D1")
    assert [(c.start, c.end) for c in layer] == [(first.start, first.end)]
    consensus = project.coders.get("consensus")
    assert consensus.role == "consensus"
    assert "accepted Anouk; by Anouk" in layer[0].memo
    # Bram's version of the second: he coded it, Anouk did not
    adjudication.accept("D1", second.start, second.end, coders=["Bram"], by="Anouk")
    assert len(adjudication.layer("D1")) == 2
    decisions = adjudication.decisions("D1")
    assert len(decisions) == 2 and "note: past bij definitie" in decisions[0][2]
    memos = project.memos.list(target="document")
    assert memos[0].author == "Anouk" and memos[0].title.startswith("Adjudication")


def test_accepting_a_coder_who_coded_nothing_leaves_the_stretch_uncoded(
    project: Project, adjudication: AdjudicationService
) -> None:
    first = compute_agreement(project, ["Anouk", "Bram"], bootstrap=0).disagreements[0]
    adjudication.accept("D1", first.start, first.end, coders=["Anouk"], by="Anouk")
    decision = adjudication.accept("D1", first.start, first.end, coders=["Bram"], by="Anouk")
    assert decision.added == () and len(decision.removed) == 1  # replaced earlier decision
    assert adjudication.layer("D1") == []
    assert "left uncoded" in adjudication.decisions()[-1][2]


def test_both_and_written_consensus(project: Project, adjudication: AdjudicationService) -> None:
    text = project.documents.text("D1")
    project.codings.add("D1", "Bram", "Steungever / Moeder", 0, 25)
    both = adjudication.accept("D1", 0, 25, coders=["Anouk", "Bram"], by="Anouk")
    assert {project.codebook.get(c.code_id).path_text for c in both.added} == {
        "Steun",
        "Steungever / Moeder",
    }  # Steun on 0-25 by both is added once
    assert len(both.added) == 2
    written = adjudication.write(
        "D1",
        130,
        150,
        "Steungever / Vader",
        by="Anouk",
        note="Vader, niet moeder",
        annotate_codebook=True,
    )
    assert written.choice == "consensus"
    assert [(c.start, c.end) for c in written.added] == [(130, 150)]
    assert text[130:150]
    vader = project.codebook.get("Steungever / Vader")
    assert "adjudication by Anouk: Vader, niet moeder" in vader.definition
    log = project.versions.log("Steungever / Vader")
    assert log[-1].coder == "Anouk" and log[-1].action == "update"
    # The consensus layer is a coder like any other: compare it with Anouk.
    result = compute_agreement(project, ["Anouk", "consensus"], bootstrap=0)
    assert result.codes


def test_only_a_lead_adjudicates(project: Project, adjudication: AdjudicationService) -> None:
    with pytest.raises(DomainError, match="only a lead"):
        adjudication.accept("D1", 0, 25, coders=["Anouk"], by="Bram")
    with pytest.raises(DomainError, match="outside the text"):
        adjudication.write("D1", 0, 10_000, "Steun", by="Anouk")
    assert adjudication.layer("D1") == [] and adjudication.decisions() == []
