"""Project agreement on the character continuum, against qualcode.core.agreement.unitizing."""

from __future__ import annotations

import math

import numpy as np
import pytest

from qualcode.core.agreement import UnitizedDocument, binary_alpha, cu_alpha, u_alpha
from qualcode.core.agreement_project import compute_agreement
from qualcode.core.agreement_project.continuum import binary_alpha_fast, disputed_stretches
from qualcode.core.project import Project


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9


def test_fast_binary_alpha_equals_binary_alpha_on_random_documents() -> None:
    rng = np.random.default_rng(5)
    for trial in range(60):
        m = int(rng.integers(2, 5))
        docs, rows, offset = [], [], 0
        for d in range(int(rng.integers(1, 4))):
            length = int(rng.integers(20, 200))
            codings: dict[str, list[tuple[int, int, str]]] = {}
            for i in range(m):
                segs = []
                for _ in range(int(rng.integers(0, 5))):
                    s = int(rng.integers(0, length - 1))
                    e = int(rng.integers(s + 1, min(length, s + 60) + 1))
                    segs.append((s, e, "x"))
                    rows.append((i, s + offset, e + offset))
                codings[f"c{i}"] = segs
            docs.append(UnitizedDocument(length, codings, f"d{d}"))
            offset += length
        ref = binary_alpha(docs, ["x"], [f"c{i}" for i in range(m)])
        arr = np.array(rows, dtype=np.int64).reshape(len(rows), 3)
        got = binary_alpha_fast(m, offset, arr[:, 0], arr[:, 1], arr[:, 2])
        assert same(got.alpha, ref.alpha), (trial, got, ref)
        assert got.n_segments == ref.n_segments
        assert got.pairable_length == pytest.approx(ref.pairable_length)


def test_disputed_stretches_merge_adjacent_pieces() -> None:
    # coder 0 codes 10-30 with code 1; coder 1 codes 20-40 with code 1 and 25-30 with 2
    out = disputed_stretches(50, 2, [(0, 10, 30, 1), (1, 20, 40, 1), (1, 25, 30, 2)])
    assert [(s, e) for s, e, _ in out] == [(10, 20), (25, 40)]
    assert out[1][2] == [{1}, {1, 2}]


def _project(project: Project) -> str:
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    steun = project.codebook.add("Steungever")
    for name in ("Moeder", "Vader"):
        project.codebook.add(name, parent=steun.guid)
    gedrag = project.codebook.add("Steungedrag")
    project.codebook.add("Praktisch", parent=gedrag.guid)
    text = "x" * 300
    project.documents.add("D1", text)
    project.documents.add("D2", "y" * 200)
    add = project.codings.add
    add("D1", "Anouk", "Steungever / Moeder", 10, 60)
    add("D1", "Bram", "Steungever / Moeder", 15, 60)
    add("D1", "Anouk", "Steungever / Vader", 100, 150)
    add("D1", "Bram", "Steungever / Moeder", 100, 140)
    add("D1", "Anouk", "Steungedrag / Praktisch", 200, 250)
    add("D2", "Bram", "Steungedrag / Praktisch", 20, 80)
    add("D2", "Anouk", "Steungedrag / Praktisch", 30, 80)
    return text


def test_character_mode_figures_match_unitizing(project: Project) -> None:
    _project(project)
    result = compute_agreement(project, ["Anouk", "Bram"], unit="character")
    ids = {c.path_text: c.id for c in project.codebook.tree()}
    docs = [
        UnitizedDocument(
            300,
            {
                "Anouk": [
                    (10, 60, ids["Steungever / Moeder"]),
                    (100, 150, ids["Steungever / Vader"]),
                    (200, 250, ids["Steungedrag / Praktisch"]),
                ],
                "Bram": [
                    (15, 60, ids["Steungever / Moeder"]),
                    (100, 140, ids["Steungever / Moeder"]),
                ],
            },
        ),
        UnitizedDocument(
            200,
            {
                "Anouk": [(30, 80, ids["Steungedrag / Praktisch"])],
                "Bram": [(20, 80, ids["Steungedrag / Praktisch"])],
            },
        ),
    ]
    coders = ["Anouk", "Bram"]
    for fig in result.codes:
        assert same(fig.alpha, binary_alpha(docs, [fig.ref_id], coders).alpha), fig.label
    steun = next(f for f in result.clusters if f.label == "Steungever")
    domain = [ids["Steungever"], ids["Steungever / Moeder"], ids["Steungever / Vader"]]
    assert same(steun.alpha, binary_alpha(docs, domain, coders).alpha)
    assert same(steun.cu_alpha, cu_alpha(docs, domain, coders).alpha)
    assert steun.cu_alpha < 0.5  # Vader vs Moeder on 100-140
    d1 = next(f for f in result.documents if f.label == "D1")
    assert same(d1.alpha, binary_alpha(docs[:1], None, coders).alpha)
    assert not math.isnan(result.overall.cu_alpha)  # Cu across the two clusters
    stretches = [(d.document, d.start, d.end) for d in result.disagreements]
    assert stretches == [("D1", 10, 15), ("D1", 100, 150), ("D1", 200, 250), ("D2", 20, 30)]
    second = result.disagreements[1]
    assert second.codes_of("Anouk") == ("Steungever / Vader",)
    assert second.codes_of("Bram") == ("Steungever / Moeder",)
    assert second.text == "x" * 50


def test_character_mode_leaves_out_documents_a_coder_did_not_code(project: Project) -> None:
    _project(project)
    project.coders.add("Cas")
    project.codings.add("D1", "Cas", "Steungever / Moeder", 10, 60)
    result = compute_agreement(project, ["Anouk", "Bram", "Cas"], unit="character")
    assert [f.label for f in result.documents] == ["D1"]
    assert any("D2: Cas did not code" in n and "left out" in n for n in result.notes)


def _docs(ids: dict[str, int]) -> list[UnitizedDocument]:
    return [
        UnitizedDocument(
            300,
            {
                "Anouk": [
                    (10, 60, ids["Steungever / Moeder"]),
                    (100, 150, ids["Steungever / Vader"]),
                    (200, 250, ids["Steungedrag / Praktisch"]),
                ],
                "Bram": [
                    (15, 60, ids["Steungever / Moeder"]),
                    (100, 140, ids["Steungever / Moeder"]),
                ],
            },
        ),
        UnitizedDocument(
            200,
            {
                "Anouk": [(30, 80, ids["Steungedrag / Praktisch"])],
                "Bram": [(20, 80, ids["Steungedrag / Praktisch"])],
            },
        ),
    ]


def test_u_alpha_per_cluster_document_and_overall_equals_the_core(project: Project) -> None:
    _project(project)
    result = compute_agreement(project, ["Anouk", "Bram"], unit="character")
    ids = {c.path_text: c.id for c in project.codebook.tree()}
    docs, coders = _docs(ids), ["Anouk", "Bram"]
    steun = next(f for f in result.clusters if f.label == "Steungever")
    domain = [ids["Steungever"], ids["Steungever / Moeder"], ids["Steungever / Vader"]]
    assert same(steun.u_alpha, u_alpha(docs, domain, coders).alpha)
    assert not math.isnan(steun.u_alpha)
    every = [ids[p] for p in ids if p != "Steungedrag" and p != "Steungever"]
    assert same(result.overall.u_alpha, u_alpha(docs, every, coders).alpha)
    d1 = next(f for f in result.documents if f.label == "D1")
    assert same(d1.u_alpha, u_alpha(docs[:1], every, coders).alpha)
    for fig in result.codes:  # one code as the only value: uα is binary alpha
        assert same(fig.u_alpha, fig.alpha)


def test_character_mode_has_bootstrap_intervals_over_documents(project: Project) -> None:
    _project(project)
    result = compute_agreement(project, ["Anouk", "Bram"], unit="character", bootstrap=300)
    for fig in (result.overall, *result.clusters):
        assert fig.ci_low <= fig.alpha + 1e-9 and fig.alpha - 1e-9 <= fig.ci_high + 1e-9
        assert fig.u_ci_low <= fig.u_alpha + 1e-9 <= fig.u_ci_high + 2e-9
    again = compute_agreement(project, ["Anouk", "Bram"], unit="character", bootstrap=300)
    assert (again.overall.ci_low, again.overall.u_ci_high) == (
        result.overall.ci_low,
        result.overall.u_ci_high,
    )
    # A single document has no interval, and says why.
    d1 = next(f for f in result.documents if f.label == "D1")
    assert math.isnan(d1.ci_low) and "one document" in (d1.reason_for("ci_low") or "")
    none = compute_agreement(project, ["Anouk", "Bram"], unit="character", bootstrap=0)
    assert "0 samples" in (none.overall.reason_for("ci_low") or "")


def test_every_null_figure_has_a_reason(project: Project) -> None:
    _project(project)
    project.codebook.add("Leeg")  # a cluster nobody uses
    for unit in ("character", "sentence"):
        result = compute_agreement(project, ["Anouk", "Bram"], unit=unit)
        for fig in result.all_figures():
            for name in (
                "percent", "cohen", "scott", "fleiss", "alpha", "ci_low", "ci_high",
                "cu_alpha", "coverage", "u_alpha", "u_ci_low", "u_ci_high",
            ):  # fmt: skip
                if math.isnan(getattr(fig, name)):
                    assert fig.reason_for(name), (unit, fig.kind, fig.label, name)


def test_settings_list_contributing_and_left_out_documents(project: Project) -> None:
    _project(project)
    project.documents.add("D3", "z" * 50)
    project.codings.add("D3", "Anouk", "Steungever / Moeder", 0, 10)
    result = compute_agreement(project, ["Anouk", "Bram"], unit="character")
    assert result.settings.contributing == ("D1", "D2")
    assert dict(result.settings.left_out)["D3"] == "coded by Anouk only; nothing to compare"
