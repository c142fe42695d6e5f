"""Project agreement in unit mode: figures by hand and against qualcode.core.agreement."""

from __future__ import annotations

import math

import numpy as np
import pytest

from qualcode.core.agreement import (
    bootstrap_alpha,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    percent_agreement,
)
from qualcode.core.agreement_project import compute_agreement, counting
from qualcode.core.errors import DomainError, NotFound
from qualcode.core.project import Project
from tests.agreement_project_helpers import add_document, code_units, two_coder_project


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or abs(a - b) < 1e-9


def test_two_coders_agreeing_on_8_of_10_sentences(project: Project) -> None:
    two_coder_project(project)
    result = compute_agreement(project, ["Anouk", "Bram"], bootstrap=0)
    (steun,) = [f for f in result.codes if f.label == "Steun"]
    assert steun.percent == pytest.approx(0.8)
    # p_o = .8; both coders' share of 1s is .4, so p_e = .4*.4 + .6*.6 = .52
    assert steun.cohen == pytest.approx((0.8 - 0.52) / 0.48)
    assert steun.fleiss == pytest.approx((0.8 - 0.52) / 0.48)
    # n.. = 20, n_1 = 8, n_0 = 12, o_01 = 2: alpha = 1 - (2*2/20) / (2*12*8/(20*19))
    assert steun.alpha == pytest.approx(1 - 0.2 / (192 / 380))
    assert (steun.n_units, steun.n_pairable, steun.n_coded) == (10, 20, 5)
    assert steun.low_data  # only 5 units carry the code
    assert result.overall.alpha == pytest.approx(steun.alpha)
    assert [f.label for f in result.documents] == ["D1"]
    d = result.disagreements
    assert [(x.start, x.end) for x in d] == [(78, 103), (104, 129)]
    assert d[0].text == "Zin nummer 03 staat hier."
    assert d[0].codes_of("Anouk") == ("Steun",) and d[0].codes_of("Bram") == ()
    assert d[1].codes_of("Bram") == ("Steun",) and d[1].disputed == ("Steun",)


def test_bootstrap_interval_is_seeded_and_brackets_alpha(project: Project) -> None:
    two_coder_project(project)
    a = compute_agreement(project, ["Anouk", "Bram"], bootstrap=500, seed=3).codes[0]
    b = compute_agreement(project, ["Anouk", "Bram"], bootstrap=500, seed=3).codes[0]
    assert (a.ci_low, a.ci_high) == (b.ci_low, b.ci_high)
    assert a.ci_low <= a.alpha <= a.ci_high


def test_cluster_counts_any_of_its_codes(project: Project) -> None:
    spans = two_coder_project(project)
    code_units(project, "D1", "Anouk", "Steungever / Moeder", spans, [5, 6])
    code_units(project, "D1", "Bram", "Steungever / Vader", spans, [5])
    code_units(project, "D1", "Bram", "Steungever / Moeder", spans, [6])
    result = compute_agreement(project, ["Anouk", "Bram"], bootstrap=0)
    (cluster,) = result.clusters
    assert cluster.label == "Steungever" and cluster.percent == pytest.approx(1.0)
    moeder = next(f for f in result.codes if f.label == "Steungever / Moeder")
    assert moeder.percent == pytest.approx(0.9)
    only = compute_agreement(project, ["Anouk", "Bram"], codes=["Steungever"], bootstrap=0)
    assert {f.label for f in only.codes} == {"Steungever / Moeder", "Steungever / Vader"}


def _random_project(project: Project, seed: int) -> dict[tuple[str, int], set[int]]:
    """Three coders, two documents; Cas did not code D2. Returns coded units per code."""
    rng = np.random.default_rng(seed)
    for name in ("Anouk", "Bram", "Cas"):
        project.coders.add(name, role="lead" if name == "Anouk" else "coder")
    for code in ("A", "B"):
        project.codebook.add(code)
    truth: dict[tuple[str, int], set[int]] = {}
    offset = 0
    for doc, n in (("D1", 30), ("D2", 20)):
        spans = add_document(project, doc, n)
        for coder in ("Anouk", "Bram", "Cas"):
            if doc == "D2" and coder == "Cas":
                continue
            for code in ("A", "B"):
                units = [u for u in range(n) if rng.random() < 0.35]
                code_units(project, doc, coder, code, spans, units)
                truth.setdefault((coder, ord(code)), set()).update(u + offset for u in units)
        offset += n
    return truth


@pytest.mark.parametrize("seed", [1, 2])
def test_more_than_two_coders_with_a_missing_coder_match_the_statistics(
    sqlite_project: Project, seed: int
) -> None:
    truth = _random_project(sqlite_project, seed)
    result = compute_agreement(sqlite_project, ["Anouk", "Bram", "Cas"], bootstrap=0)
    assert any("Cas did not code" in n for n in result.notes)
    for fig in result.codes:
        rows = []
        for coder in ("Anouk", "Bram", "Cas"):
            coded = truth.get((coder, ord(fig.label)), set())
            row: list[object] = [1 if u in coded else 0 for u in range(50)]
            if coder == "Cas":
                row[30:] = [None] * 20  # Cas never coded D2: missing, not 0
            rows.append(row)
        assert same(fig.alpha, krippendorff_alpha(rows).alpha)
        assert same(fig.fleiss, fleiss_kappa(rows).kappa)
        assert same(fig.percent, percent_agreement(rows).agreement)
        assert math.isnan(fig.cohen)
    pair = compute_agreement(sqlite_project, ["Anouk", "Cas"], bootstrap=0)
    assert [f.label for f in pair.documents] == ["D1"]  # D2 has only one of them


def test_counting_equals_the_reference_functions_on_random_matrices() -> None:
    rng = np.random.default_rng(7)
    for trial in range(150):
        m = int(rng.integers(2, 5))
        n = int(rng.integers(1, 40))
        p1 = rng.choice([0.0, 0.05, 0.3, 0.7, 1.0])
        mat = (rng.random((m, n)) < p1).astype(float)
        mat[rng.random((m, n)) < rng.choice([0.0, 0.2, 0.6])] = np.nan
        pat = counting.patterns(m)
        state = np.where(np.isnan(mat), 0, np.where(mat == 1, 2, 1)).astype(np.int64)
        codes = (state * 3 ** np.arange(m)[:, None]).sum(axis=0)
        counts = np.bincount(codes, minlength=pat.size).astype(float)
        got = counting.figures(counts, pat)
        rows = [[None if math.isnan(v) else int(v) for v in r] for r in mat]
        ref = krippendorff_alpha(rows)
        assert same(got.alpha, ref.alpha), (trial, got, ref)
        assert got.reason == ref.reason
        assert got.n_pairable == ref.n_pairable and got.n_units == ref.n_units
        assert same(got.percent, percent_agreement(rows).agreement)
        assert same(got.fleiss, fleiss_kappa(rows).kappa)
        if m == 2:
            assert same(got.cohen, cohen_kappa(rows).kappa)


def test_count_bootstrap_agrees_with_bootstrap_alpha() -> None:
    rng = np.random.default_rng(11)
    truth = (rng.random(400) < 0.3).astype(np.int64)
    mat = np.stack([np.where(rng.random(400) < 0.1, 1 - truth, truth) for _ in range(3)])
    pat = counting.patterns(3)
    counts = np.bincount(
        ((mat + 1) * 3 ** np.arange(3)[:, None]).sum(axis=0), minlength=pat.size
    ).astype(float)
    low, high, _ = counting.bootstrap(counts, pat, 4000, seed=1)
    ref = bootstrap_alpha(mat.tolist(), n_boot=4000, seed=1)
    assert low == pytest.approx(ref.low, abs=0.02) and high == pytest.approx(ref.high, abs=0.02)


def test_threshold_decides_whether_a_partial_coding_counts(project: Project) -> None:
    spans = two_coder_project(project)
    start, end = spans[7]
    part = start + (end - start) * 4 // 10  # 40% of unit 7
    project.codings.add("D1", "Bram", "Steun", start, part)
    loose = compute_agreement(project, ["Anouk", "Bram"], bootstrap=0)
    strict = compute_agreement(project, ["Anouk", "Bram"], overlap_threshold=0.5, bootstrap=0)
    assert loose.codes[0].percent == pytest.approx(0.7)
    assert strict.codes[0].percent == pytest.approx(0.8)
    assert len(loose.disagreements) == 3 and len(strict.disagreements) == 2


def test_assigned_coder_without_codings_counts_as_zero_not_missing(project: Project) -> None:
    two_coder_project(project)
    project.coders.add("Cas")
    with_missing = compute_agreement(project, ["Anouk", "Bram", "Cas"], bootstrap=0)
    assert with_missing.codes[0].n_units == 10  # Cas missing: units still pairable (A, B)
    project.documents.assign("D1", ["Cas"])
    assigned = compute_agreement(project, ["Anouk", "Bram", "Cas"], bootstrap=0)
    assert assigned.codes[0].n_pairable == 30
    assert len(assigned.disagreements) == 5  # Cas applied nothing where others did


def test_blind_documents_need_a_lead(project: Project) -> None:
    two_coder_project(project)
    project.documents.assign("D1", ["Anouk", "Bram"], blind=True)
    with pytest.raises(DomainError, match="blind"):
        compute_agreement(project, ["Anouk", "Bram"])
    with pytest.raises(DomainError, match="only a lead"):
        compute_agreement(project, ["Anouk", "Bram"], viewer="Bram")
    # Anouk leads but codes D1 blind herself: she compares only after the reveal.
    with pytest.raises(DomainError, match="blind"):
        compute_agreement(project, ["Anouk", "Bram"], viewer="Anouk")
    project.coders.add("Carla", role="lead")
    assert compute_agreement(project, ["Anouk", "Bram"], viewer="Carla", bootstrap=0).codes
    project.documents.reveal("D1", by="Anouk")
    assert compute_agreement(project, ["Anouk", "Bram"], bootstrap=0).codes


def test_bad_requests_are_clear_errors(project: Project) -> None:
    two_coder_project(project)
    with pytest.raises(DomainError, match="at least two"):
        compute_agreement(project, ["Anouk"])
    with pytest.raises(NotFound, match="unknown coder: Zoe"):
        compute_agreement(project, ["Anouk", "Zoe"])
    with pytest.raises(DomainError, match="unknown unit"):
        compute_agreement(project, ["Anouk", "Bram"], unit="word")
    with pytest.raises(NotFound, match="unknown code"):
        compute_agreement(project, ["Anouk", "Bram"], codes=["Nope"])


def test_documents_without_units_are_segmented_on_the_fly(project: Project) -> None:
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    project.codebook.add("X")
    text = "Eerste alinea hier.\n\nTweede alinea daar.\n\nDerde alinea."
    project.documents.add("P", text)
    second = text.index("Tweede")
    project.codings.add("P", "Anouk", "X", second, second + 6)
    project.codings.add("P", "Bram", "X", 0, 6)
    result = compute_agreement(project, ["Anouk", "Bram"], unit="paragraph", bootstrap=0)
    assert result.codes[0].n_units == 3 and result.codes[0].percent == pytest.approx(1 / 3)
    assert any("segmented on the fly: P" in n for n in result.notes)
    assert [d.text for d in result.disagreements] == ["Eerste alinea hier.", "Tweede alinea daar."]
