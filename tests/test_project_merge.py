"""Merging coders' projects into the lead's, from Python (as team mode's check-in will)."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.core.codebook_merge_plan import MergeConflictError
from qualcode.core.project import Project, create_project, open_project
from qualcode.core.services.project_merge import merge_projects
from qualcode.io.exchange import export_qdpx, import_qdpx
from tests.exchange_helpers import FOCUS, INTERVIEW, build_rich_project, span

V1 = (
    "Interviewer: Hoe gaat het?\n"
    "Student: Mijn moeder belde elke avond en dat hielp echt.\n"
    "Student: De mentor gaf praktishe tips over planning.\n"
    "Student: Op vrijdag gingen we samen sporten.\n"
)
# The lead corrected a typo, added a line at the top and removed the sports sentence.
V2 = (
    "[Transcript gecontroleerd door Anouk]\n"
    "Interviewer: Hoe gaat het?\n"
    "Student: Mijn moeder belde elke avond en dat hielp echt.\n"
    "Student: De mentor gaf praktische tips over planning.\n"
)


@pytest.fixture
def lead(project: Project) -> Project:
    build_rich_project(project)
    return project


def coder_copy(lead: Project, tmp_path: Path, name: str) -> str:
    """A coder's own copy made the way a team does it: .qdpx out, a second Qualcode in."""
    qdpx = tmp_path / f"for-{name}.qdpx"
    export_qdpx(lead, qdpx)
    locator = str(tmp_path / f"{name}.qcdb")
    import_qdpx(qdpx, locator)
    return locator


def test_two_coders_copies_merge_without_duplicates(lead: Project, tmp_path: Path) -> None:
    bram, carla = coder_copy(lead, tmp_path, "bram"), coder_copy(lead, tmp_path, "carla")
    with open_project(bram) as copy:
        copy.codebook.add("Planning", parent="Steungever", origin="inductive", coder="Bram")
        copy.codings.add("NI01", "Bram", "Steungever / Planning", *span(INTERVIEW, "over planning"))
        copy.codings.add("FG02", "Bram", "Lotgenoten", *span(FOCUS, "Ik voelde me minder alleen"))
        copy.summaries.set("Steungever / Moeder", "Moeders bellen vaak.", author="Bram")
        star = copy.codings.list(document="FG02", coder="Bram")[0]
        copy.codings.update(star.id, illustrative=True)
    with open_project(carla) as copy:
        copy.coders.add("Carla")
        copy.codings.add("FG02", "Carla", "Lotgenoten", *span(FOCUS, "Ik voelde me minder alleen"))
        copy.memos.add("Sluit aan bij FG01.", document="FG02", author="Carla")

    preview = merge_projects(lead, bram, dry_run=True)
    assert (preview.codings_added, preview.codes_added) == (2, 1)
    assert lead.info().codings == 5  # the dry run stored nothing

    first = merge_projects(lead, bram, by="Anouk")
    assert (first.codings_added, first.codings_existing, first.codes_added) == (2, 5, 1)
    assert first.documents_same == ["FG02", "NI01"] and first.documents_added == []
    # Summaries: the lead's own text is kept and the difference reported; stars travel.
    assert first.summary_conflicts == ["Steungever / Moeder (overall)"]
    assert first.summaries_existing == 1 and first.stars_added == 1
    assert lead.summaries.list(code="Steungever / Moeder")[0].body == "Moeders bellen."
    with open_project(carla) as other:  # an open Project works as well as a locator
        second = merge_projects(lead, other)
    assert (second.codings_added, second.codings_existing) == (1, 5)
    assert second.coders_added == ["Carla"] and second.memos_added == 1

    info = lead.info()
    assert info.codings == 8 and info.codings_per_coder == {"Anouk": 3, "Bram": 4, "Carla": 1}
    again = merge_projects(lead, bram)
    assert (again.codings_added, again.codings_existing, again.memos_added) == (0, 7, 0)
    assert lead.info().codings == 8
    text = "\n".join(second.lines())
    assert "codings: 1 added, 5 already there (not duplicated)" in text


def test_changed_text_is_reanchored_on_the_words_or_reported(lead: Project, tmp_path: Path) -> None:
    lead.documents.add("NI05", V2, attributes={"intervention": "Herstelrecht"})
    copy_locator = str(tmp_path / "old.qcdb")
    with create_project(copy_locator) as copy:
        copy.coders.add("Bram")
        copy.codebook.add("Steungever", codable=False)
        copy.codebook.add("Mentor", parent="Steungever")
        copy.codebook.add("Sport")
        copy.documents.add("NI05", V1, attributes={"intervention": "Welzijnslab"})
        copy.codings.add("NI05", "Bram", "Steungever / Mentor", *span(V1, "praktishe tips"))
        copy.codings.add("NI05", "Bram", "Sport", *span(V1, "samen sporten"))
    report = merge_projects(lead, copy_locator)
    assert report.documents_changed == ["NI05"] and report.documents_added == []
    assert (report.codings_reanchored, report.codings_added, len(report.codings_unanchored)) == (
        1,
        1,
        1,
    )
    assert "samen sporten" in report.codings_unanchored[0]
    assert report.attribute_conflicts == [
        "NI05: intervention = 'Herstelrecht' here, 'Welzijnslab' incoming"
    ]
    (coding,) = lead.codings.list(document="NI05")
    assert V2[coding.start : coding.end] == "praktische tips"  # the same words, new offsets


def test_unresolved_codebook_conflicts_stop_the_merge(lead: Project, tmp_path: Path) -> None:
    other = str(tmp_path / "other.qcdb")
    with create_project(other) as copy:
        copy.codebook.add("Lotgenoot")  # as close to "Lotgenoots" as to "Lotgenootje"
    lead.codebook.add("Lotgenoots")  # (94.7 and 90): a tie for a person to break
    lead.codebook.add("Lotgenootje")
    preview = merge_projects(lead, other, dry_run=True)
    assert preview.conflicts == 1 and "1 conflicts" in "\n".join(preview.lines())
    with pytest.raises(MergeConflictError, match="Lotgenoot"):
        merge_projects(lead, other)
    assert lead.info().codes == 7
