"""Small hand-made projects for the project-agreement tests."""

from __future__ import annotations

from collections.abc import Sequence

from qualcode.core.project import Project

SENTENCE = "Zin nummer {i:02d} staat hier."


def add_document(project: Project, name: str, n_units: int) -> list[tuple[int, int]]:
    """A document of ``n_units`` sentences with stored sentence units; returns the spans."""
    sentences = [SENTENCE.format(i=i) for i in range(n_units)]
    spans, pos = [], 0
    for s in sentences:
        spans.append((pos, pos + len(s)))
        pos += len(s) + 1
    project.documents.add(name, " ".join(sentences), units=[("sentence", s, e) for s, e in spans])
    return spans


def code_units(
    project: Project,
    document: str,
    coder: str,
    code: str,
    spans: list[tuple[int, int]],
    units: Sequence[int],
) -> None:
    for u in units:
        project.codings.add(document, coder, code, *spans[u])


def two_coder_project(project: Project) -> list[tuple[int, int]]:
    """Anouk (lead) and Bram agree on 8 of 10 sentences for code 'Steun'.

    Anouk: units 0-3; Bram: units 0, 1, 2, 4 -> agree on 0-2 (1) and 5-9 (0).
    """
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    cluster = project.codebook.add("Steungever")
    project.codebook.add("Moeder", parent=cluster.guid)
    project.codebook.add("Vader", parent=cluster.guid)
    project.codebook.add("Steun")
    spans = add_document(project, "D1", 10)
    code_units(project, "D1", "Anouk", "Steun", spans, [0, 1, 2, 3])
    code_units(project, "D1", "Bram", "Steun", spans, [0, 1, 2, 4])
    return spans
