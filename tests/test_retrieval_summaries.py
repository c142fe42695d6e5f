"""Summaries of codes and clusters per intervention (or overall)."""

from __future__ import annotations

import pytest

from qualcode.core.errors import DomainError, NotFound
from qualcode.core.project import Project
from tests.test_retrieval import build_study


@pytest.fixture
def study(project: Project) -> Project:
    build_study(project)
    return project


def test_set_get_replace_and_list(study: Project) -> None:
    changes: list[str] = []
    study.subscribe(lambda change: changes.append(change.kind))
    first = study.summaries.set(
        "Steun / Emotioneel",
        "Luisteren staat centraal.",
        scope_key="intervention",
        scope_value="Peercoaching",
        author="Anouk",
    )
    assert first is not None and first.author == "Anouk" and not first.overall
    assert first.code_path == ("Steun", "Emotioneel")
    replaced = study.summaries.set(
        "Steun / Emotioneel",
        "  Vooral luisteren.  ",
        scope_key="intervention",
        scope_value="Peercoaching",
    )
    assert replaced is not None and replaced.id == first.id
    assert replaced.body == "Vooral luisteren." and replaced.author is None
    study.summaries.set("Steun", "Over alle interventies: emotionele steun overheerst.")
    study.summaries.set(
        "Steun",
        "Bij Herstelrecht praktisch.",
        scope_key="intervention",
        scope_value="Herstelrecht",
        author="Bram",
    )
    got = study.summaries.get(
        "Steun / Emotioneel", scope_key="intervention", scope_value="Peercoaching"
    )
    assert got is not None and got.body == "Vooral luisteren."
    assert study.summaries.get("Steun / Emotioneel") is None
    listed = study.summaries.list()
    assert [(r.code_path[-1], r.scope_value) for r in listed] == [
        ("Steun", ""),
        ("Steun", "Herstelrecht"),
        ("Emotioneel", "Peercoaching"),
    ]
    assert len(study.summaries.list(scope_value="Herstelrecht")) == 1
    assert len(study.summaries.list(code="Steun")) == 2
    assert changes.count("summaries") == 4


def test_empty_text_removes_and_scope_must_be_complete(study: Project) -> None:
    study.summaries.set("Effect", "Rust.", scope_key="intervention", scope_value="Herstelrecht")
    assert (
        study.summaries.set("Effect", "   ", scope_key="intervention", scope_value="Herstelrecht")
        is None
    )
    assert study.summaries.list() == []
    assert study.summaries.remove("Effect") is False
    with pytest.raises(DomainError, match="both"):
        study.summaries.set("Effect", "x", scope_key="intervention")
    with pytest.raises(NotFound):
        study.summaries.set("Bestaat / Niet", "x")
    with pytest.raises(NotFound):
        study.summaries.set("Effect", "x", author="Nobody")


def test_summary_follows_its_code_and_goes_with_it(study: Project) -> None:
    record = study.summaries.set("Context", "Context-samenvatting.")
    assert record is not None
    study.codebook.update("Context", name="Omgeving", coder="Anouk")
    assert study.summaries.list()[0].code_path == ("Omgeving",)
    study.codebook.delete("Omgeving", coder="Anouk", codings="drop")
    assert study.summaries.list() == []
