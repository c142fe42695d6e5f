"""Percent agreement, Cohen's kappa and Fleiss' kappa against textbook examples."""

from __future__ import annotations

import math

import pytest

from qualcode.core.agreement import (
    cohen_kappa,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    percent_agreement,
    scott_pi,
)

# Fleiss (1971), as reproduced in the Wikipedia article "Fleiss' kappa" (worked example):
# 10 subjects, 14 raters, 5 categories; published P_bar = 0.378, P_e = 0.213,
# kappa = 0.210.
FLEISS_TABLE = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def _cohen_50_items() -> list[list[str]]:
    # Wikipedia "Cohen's kappa", simple example: 50 grant proposals, reader A and B.
    # Yes/Yes 20, Yes/No 5 (A yes, B no), No/Yes 10, No/No 15. Published: p_o = 0.7,
    # p_e = 0.5, kappa = 0.4.
    pairs = [("Yes", "Yes")] * 20 + [("Yes", "No")] * 5 + [("No", "Yes")] * 10
    pairs += [("No", "No")] * 15
    return [[a for a, _ in pairs], [b for _, b in pairs]]


def test_cohen_kappa_wikipedia_50_items() -> None:
    res = cohen_kappa(_cohen_50_items())
    assert round(res.kappa, 3) == 0.4
    assert res.observed_agreement == pytest.approx(0.7)
    assert res.expected_agreement == pytest.approx(0.5)
    assert res.n_units == 50


def test_cohen_kappa_ignores_incomplete_pairs() -> None:
    data = _cohen_50_items()
    data[0].append("Yes")
    data[1].append(None)  # type: ignore[arg-type]
    res = cohen_kappa(data)
    assert round(res.kappa, 3) == 0.4
    assert res.n_units_dropped == 1 and res.warnings


def test_cohen_kappa_needs_two_coders() -> None:
    with pytest.raises(ValueError, match="exactly two coders"):
        cohen_kappa([[1, 2], [1, 2], [1, 2]])


def test_cohen_kappa_single_value_is_nan() -> None:
    res = cohen_kappa([["a", "a"], ["a", "a"]])
    assert math.isnan(res.kappa) and res.reason


def test_fleiss_kappa_from_counts_fleiss_1971() -> None:
    res = fleiss_kappa_from_counts(FLEISS_TABLE)
    assert round(res.kappa, 3) == 0.210
    assert round(res.observed_agreement, 3) == 0.378
    assert round(res.expected_agreement, 3) == 0.213
    assert res.n_raters == 14 and res.n_units == 10


def _table_to_matrix(table: list[list[int]]) -> list[list[int | None]]:
    # Rater identity does not matter to Fleiss' kappa: fill rater slots in order.
    n_raters = sum(table[0])
    matrix: list[list[int | None]] = [[None] * len(table) for _ in range(n_raters)]
    for u, row in enumerate(table):
        r = 0
        for category, count in enumerate(row):
            for _ in range(count):
                matrix[r][u] = category + 1
                r += 1
    return matrix


def test_fleiss_kappa_from_matrix_matches_table() -> None:
    res = fleiss_kappa(_table_to_matrix(FLEISS_TABLE))
    assert round(res.kappa, 3) == 0.210


def test_fleiss_kappa_drops_units_with_fewer_ratings() -> None:
    matrix = _table_to_matrix(FLEISS_TABLE)
    for row in matrix:
        row.append(None)
    matrix[0][-1] = 1
    matrix[1][-1] = 1  # an 11th unit rated by only two raters
    res = fleiss_kappa(matrix)
    assert round(res.kappa, 3) == 0.210
    assert res.n_units_dropped == 1 and res.warnings


def test_fleiss_counts_must_have_equal_row_sums() -> None:
    with pytest.raises(ValueError, match="same number of raters"):
        fleiss_kappa_from_counts([[1, 1], [2, 1]])


def test_percent_agreement_pairwise() -> None:
    # Unit 1: 3 coders agree (3/3 pairs); unit 2: 2 of 3 agree (1/3 pairs);
    # unit 3: only one coder (ignored); unit 4: two coders disagree (0/1).
    data = [[1, 1, 2, 1], [1, 1, None, 2], [1, 2, None, None]]
    res = percent_agreement(data)
    assert res.agreement == pytest.approx((1 + 1 / 3 + 0) / 3)
    assert res.n_units == 3 and res.n_pairs == 7


def test_percent_agreement_two_coders_is_share_of_units() -> None:
    assert percent_agreement(_cohen_50_items()).agreement == pytest.approx(0.7)


def test_scott_pi_uses_pooled_margins() -> None:
    a = [1, 1, 0, 0, 1, 0, 1, 1, 1, 0]
    b = [1, 0, 0, 0, 1, 0, 1, 1, 0, 0]
    # p_o = .8; pooled share of 1s = (6 + 4) / 20 = .5 -> p_e = .5 -> pi = .6
    assert scott_pi([a, b]).kappa == pytest.approx(0.6)
    # Cohen uses each coder's own margins: p_e = .6 * .4 + .4 * .6 = .48
    assert cohen_kappa([a, b]).kappa == pytest.approx((0.8 - 0.48) / 0.52)
    # With equal margins the two coincide.
    assert scott_pi([[1, 0, 1, 0], [0, 1, 1, 0]]).kappa == pytest.approx(
        cohen_kappa([[1, 0, 1, 0], [0, 1, 1, 0]]).kappa
    )


def test_scott_pi_undefined_cases_say_why() -> None:
    same = scott_pi([[1, 1, 1], [1, 1, 1]])
    assert math.isnan(same.kappa) and "Scott's pi is undefined" in (same.reason or "")
    with pytest.raises(ValueError, match="exactly two coders"):
        scott_pi([[1, 0], [1, 0], [0, 0]])
