"""Matrices, co-occurrence (hand-made cases) and CMO configurations."""

from __future__ import annotations

import pytest

from qualcode.core.analysis import (
    c_coefficient,
    cmo_configurations,
    code_matrix,
    cooccurrence,
    overlap_counts,
    unit_counts,
)
from qualcode.core.errors import DomainError
from qualcode.core.project import Project
from qualcode.core.retrieval import QuoteFilter
from tests.test_retrieval import build_study


@pytest.fixture
def study(project: Project) -> Project:
    build_study(project)
    return project


def rows(matrix: object) -> dict[str, tuple[int, ...]]:
    return {" / ".join(r.path): r.cells for r in matrix.rows}  # type: ignore[attr-defined]


def test_matrix_counts_codings_with_subcodes(study: Project) -> None:
    matrix = code_matrix(study)
    assert matrix.columns == ("Herstelrecht", "Peercoaching")
    assert rows(matrix) == {
        "Steun": (1, 5),
        "Steun / Emotioneel": (0, 4),
        "Steun / Praktisch": (1, 1),
        "Effect": (2, 3),
        "Effect / Rust": (2, 2),
        "Context": (0, 1),
    }
    assert [r.total for r in matrix.rows] == [6, 4, 2, 5, 4, 1]
    assert matrix.cell(("Effect",), "Herstelrecht") == 2


def test_matrix_counts_documents_speakers_and_clusters(study: Project) -> None:
    documents = code_matrix(study, count="documents")
    assert rows(documents)["Steun"] == (1, 2)
    assert rows(documents)["Effect / Rust"] == (1, 2)
    speakers = code_matrix(study, count="speakers")
    assert rows(speakers)["Steun"] == (1, 3)  # Student A, Student B, Respondent
    assert rows(speakers)["Context"] == (0, 1)
    clusters = code_matrix(study, rows="clusters", count="documents")
    assert list(rows(clusters)) == ["Steun", "Effect"]
    one_coder = code_matrix(study, flt=QuoteFilter(coders=("Anouk",)))
    assert rows(one_coder)["Steun / Emotioneel"] == (0, 2)
    by_level = code_matrix(study, by="education_level", flt=QuoteFilter(search="rust"))
    assert by_level.columns == ("hbo", "mbo")
    assert rows(by_level)["Effect / Rust"] == (1, 2)
    with pytest.raises(DomainError):
        code_matrix(study, count="words")
    with pytest.raises(DomainError, match="known: education_level, institution"):
        code_matrix(study, by="interventoin")


def test_documents_without_the_attribute_get_their_own_column(study: Project) -> None:
    study.documents.add("X01", "Student: zonder interventie.")
    study.codings.add("X01", "Anouk", "Context", 0, 7)
    matrix = code_matrix(study)
    assert matrix.columns == ("Herstelrecht", "Peercoaching", "")
    assert rows(matrix)["Context"] == (0, 1, 1)


def test_c_coefficient() -> None:
    assert c_coefficient(5, 5, 5) == 1.0
    assert c_coefficient(3, 4, 0) == 0.0
    assert c_coefficient(0, 0, 0) == 0.0
    assert c_coefficient(4, 4, 2) == pytest.approx(1 / 3)
    assert c_coefficient(2, 3, 5) == pytest.approx(2 / 3)  # n12 capped at min(n1, n2)


def test_overlap_counts_on_hand_made_spans() -> None:
    spans = [
        ("g", 1, 0, 10),
        ("g", 2, 5, 15),
        ("g", 2, 8, 9),
        ("g", 3, 10, 20),  # 3 touches 1
        ("h", 1, 0, 10),
        ("h", 2, 0, 10),
        ("i", 1, 0, 5),
        ("i", 1, 2, 4),  # the same code twice is not a pair
    ]
    occurrences, pairs = overlap_counts(spans)
    assert occurrences == {1: 4, 2: 3, 3: 1}
    assert pairs == {(1, 2): 3, (2, 3): 1}


def test_unit_counts_on_hand_made_units() -> None:
    occurrences, pairs = unit_counts(
        [("u1", 1), ("u1", 2), ("u1", 2), ("u2", 1), ("u3", 2), ("u3", 3), ("u3", 1)]
    )
    assert occurrences == {1: 3, 2: 2, 3: 1}
    assert pairs == {(1, 2): 2, (1, 3): 1, (2, 3): 1}


def code_id(project: Project, path: str) -> int:
    return project.codebook.get(path).id


def test_cooccurrence_in_units(study: Project) -> None:
    emo, rust = code_id(study, "Steun / Emotioneel"), code_id(study, "Effect / Rust")
    paragraphs = cooccurrence(study, mode="unit", unit="paragraph")
    pair = paragraphs.pair(rust, emo)
    assert pair is not None and (pair.n_a, pair.n_b, pair.n_ab) == (4, 4, 2)
    assert pair.coefficient == pytest.approx(1 / 3)
    anouk = cooccurrence(study, QuoteFilter(coders=("Anouk",)), mode="unit", unit="turn")
    pair = anouk.pair(emo, rust)
    assert pair is not None and pair.coefficient == pytest.approx(2 / 3)
    documents = cooccurrence(study, QuoteFilter(coders=("Anouk",)), mode="unit", unit="document")
    prakt = code_id(study, "Steun / Praktisch")
    pair = documents.pair(prakt, rust)
    assert pair is not None and (pair.n_ab, round(pair.coefficient, 3)) == (2, 0.667)
    clusters = cooccurrence(
        study, QuoteFilter(coders=("Anouk",)), mode="unit", unit="document", level="clusters"
    )
    steun, effect = code_id(study, "Steun"), code_id(study, "Effect")
    pair = clusters.pair(steun, effect)
    assert pair is not None and (pair.n_a, pair.n_b, pair.n_ab) == (3, 3, 3)
    with pytest.raises(DomainError):
        cooccurrence(study, mode="unit", unit="page")


def test_cooccurrence_of_overlapping_codings(study: Project) -> None:
    text = study.documents.text("PC01")
    start = text.index("peercoach luisterde")
    study.codings.add("PC01", "Anouk", "Steun / Praktisch", start, start + 30)
    emo, prakt = code_id(study, "Steun / Emotioneel"), code_id(study, "Steun / Praktisch")
    same = cooccurrence(study).pair(emo, prakt)
    assert same is not None and (same.n_a, same.n_b, same.n_ab) == (4, 3, 1)
    any_coder = cooccurrence(study, same_coder=False).pair(emo, prakt)
    assert any_coder is not None and any_coder.n_ab == 3
    assert cooccurrence(study, level="clusters").pairs == ()  # both in cluster Steun


def test_cmo_configurations(study: Project) -> None:
    found = cmo_configurations(study)
    assert [(c.group, c.context, c.mechanism, c.outcome, c.units, c.documents) for c in found] == [
        ("Peercoaching", ("Context",), ("Steun", "Emotioneel"), ("Effect",), 1, ("PC01",)),
        ("Peercoaching", ("Context",), ("Steun", "Emotioneel"), ("Effect", "Rust"), 1, ("PC01",)),
    ]
    context, mechanism, outcome = found[1].examples
    assert context.text == "Hoe was het contact met je peercoach?"
    assert mechanism.code_path == ("Steun", "Emotioneel") and outcome.text.startswith("Dat gaf")
    assert cmo_configurations(study, within="turn") == []
    with pytest.raises(DomainError):
        cmo_configurations(study, within="page")
