"""Editing the codebook: each edit kind, its logbook entry, and its rules."""

from __future__ import annotations

import pytest

from qualcode.core.errors import DomainError
from qualcode.core.project import Project
from tests.conftest import seed


@pytest.fixture
def seeded(project: Project) -> Project:
    seed(project)
    return project


def paths(project: Project) -> list[str]:
    return [r.path_text for r in project.codebook.tree()]


def test_tree_order_and_paths(seeded: Project) -> None:
    assert paths(seeded) == [
        "Steungever",
        "Steungever / Moeder",
        "Steungever / Mentor",
        "Steungedrag",
        "Steungedrag / Praktische steun",
        "Steungedrag / Emotionele steun",
    ]


def test_rename_keeps_guid_and_codings_and_is_logged(seeded: Project) -> None:
    before = seeded.codebook.get("Steungever / Moeder")
    renamed = seeded.codebook.update("Steungever / Moeder", name="Ouder", coder="Anouk")
    assert renamed.guid == before.guid and renamed.path_text == "Steungever / Ouder"
    assert len(seeded.codings.list(code=renamed.guid)) == 2
    entry = seeded.versions.log(renamed.guid)[-1]
    assert entry.action == "rename" and entry.coder == "Anouk"
    assert entry.before and entry.before["name"] == "Moeder"
    assert entry.after and entry.after["name"] == "Ouder"


def test_redefinition_history_per_code(seeded: Project) -> None:
    code = "Steungedrag / Praktische steun"
    seeded.codebook.update(code, definition="Hulp bij plannen", coder="Anouk")
    seeded.codebook.update(code, definition="Concrete hulp: plannen, regelen", coder="Bram")
    history = [
        (e.coder, e.after["definition"])
        for e in seeded.versions.log(code)
        if e.action == "update" and e.after
    ]
    assert history == [("Anouk", "Hulp bij plannen"), ("Bram", "Concrete hulp: plannen, regelen")]


def test_move_reparents_and_reorders(seeded: Project) -> None:
    seeded.codebook.move("Steungever / Mentor", parent="Steungedrag", position=0, coder="Anouk")
    assert paths(seeded)[:4] == [
        "Steungever",
        "Steungever / Moeder",
        "Steungedrag",
        "Steungedrag / Mentor",
    ]
    seeded.codebook.move("Steungedrag", parent=None, position=0)
    assert paths(seeded)[0] == "Steungedrag"
    with pytest.raises(DomainError, match="under itself"):
        seeded.codebook.move("Steungedrag", parent="Steungedrag / Mentor")
    assert seeded.versions.log("Steungedrag / Mentor")[-1].action == "move"


def test_sibling_names_are_unique_case_insensitively(seeded: Project) -> None:
    with pytest.raises(DomainError, match="already exists"):
        seeded.codebook.add("moeder", parent="Steungever")
    seeded.codebook.add("Moeder", parent="Steungedrag")  # another parent is fine
    # " / " in a name is kept; in a joined path it is escaped as " \\/ ".
    humor = seeded.codebook.add("Humor / Amusement", parent="Steungever")
    assert humor.path_text == "Steungever / Humor \\/ Amusement"
    assert seeded.codebook.get("Steungever / Humor \\/ Amusement").guid == humor.guid
    with pytest.raises(DomainError, match="#RRGGBB"):
        seeded.codebook.add("Kleur", colour="red")
    with pytest.raises(DomainError, match="origin"):
        seeded.codebook.add("Herkomst", origin="both")


def test_merge_moves_codings_and_collapses_twins(seeded: Project) -> None:
    moeder = seeded.codebook.get("Steungever / Moeder")
    mentor = seeded.codebook.get("Steungever / Mentor")
    rec = seeded.codings.list(code=moeder.guid)[0]
    # Bram coded the same span with both codes: after the merge that is one coding.
    seeded.codings.add("NI01", "Bram", mentor.guid, rec.start, rec.end)
    seeded.codebook.merge([moeder.guid], mentor.guid, coder="Anouk")
    codings = seeded.codings.list(code=mentor.guid)
    assert sorted(seeded.coders.get(c.coder_id).name for c in codings) == ["Anouk", "Bram"]
    assert "Steungever / Moeder" not in paths(seeded)
    # The old id still finds its way, so codings imported later follow the merge.
    assert seeded.codebook.get(moeder.guid).guid == mentor.guid
    assert seeded.versions.log(moeder.guid)[-1].action == "merge"


def test_split_then_reassign(seeded: Project) -> None:
    created = seeded.codebook.split(
        "Steungedrag / Emotionele steun", ["Troost", "Aanmoediging"], coder="Anouk"
    )
    assert [c.path_text for c in created] == ["Steungedrag / Troost", "Steungedrag / Aanmoediging"]
    coding = seeded.codings.list(code="Steungedrag / Emotionele steun")[0]
    seeded.codings.reassign([coding.id], created[0].guid)
    assert seeded.codings.get(coding.id).code_id == created[0].id
    entry = seeded.versions.log("Steungedrag / Emotionele steun")[-1]
    assert entry.action == "split" and entry.after == {"targets": [c.guid for c in created]}


def test_delete_is_refused_while_codings_exist(seeded: Project) -> None:
    before = seeded.info()
    with pytest.raises(DomainError, match="2 coding"):
        seeded.codebook.delete("Steungever / Moeder")
    assert seeded.info() == before
    seeded.codebook.delete("Steungever / Moeder", codings="move", move_to="Steungever / Mentor")
    assert len(seeded.codings.list(code="Steungever / Mentor")) == 2
    seeded.codebook.delete("Steungedrag", codings="drop")
    assert paths(seeded) == ["Steungever", "Steungever / Mentor"]
    assert seeded.info().codings == 2


def test_origin_and_cmo_are_kept(seeded: Project) -> None:
    code = seeded.codebook.add("Nieuwe start", origin="inductive", coder="Bram")
    assert code.origin == "inductive"
    tagged = seeded.codebook.update(code.guid, cmo="context")
    assert tagged.cmo == "context"


def test_release_snapshots_the_tree(seeded: Project) -> None:
    seeded.versions.release("v1 basis", note="eerste", coder="Anouk")
    seeded.codebook.update("Steungever", name="Steungevers")
    v1 = seeded.versions.snapshot("v1 basis")
    assert [n.name for n in v1.codes] == ["Steungever", "Steungedrag"]
    assert seeded.versions.snapshot("working").codes[0].name == "Steungevers"
    with pytest.raises(DomainError, match="only a lead"):
        seeded.versions.release("v2", coder="Bram")
    with pytest.raises(DomainError, match="already exists"):
        seeded.versions.release("v1 basis", coder="Anouk")
