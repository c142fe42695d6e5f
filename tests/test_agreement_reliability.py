"""Krippendorff's alpha and the bootstrap, checked against published worked examples."""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest

from qualcode.core.agreement import (
    bootstrap_alpha,
    coincidence_matrix,
    krippendorff_alpha,
)

NAN = math.nan

# Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section C
# ("Nominal data, any number of observers, missing data"): 4 observers x 12 units;
# "." (missing) written as None here. Published: nominal alpha = 0.743, and in
# section E the same data give interval alpha = 0.849 and ratio alpha = 0.797.
K2011_4X12: list[list[float | None]] = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]

# Krippendorff (2011), section A ("Binary or dichotomous data, two observers, no
# missing data"): 10 units, published alpha = 0.095.
K2011_BINARY = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]


@pytest.mark.parametrize(
    ("level", "expected"),
    [("nominal", 0.743), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_four_coders_missing_data(level: str, expected: float) -> None:
    res = krippendorff_alpha(K2011_4X12, level)
    assert round(res.alpha, 3) == expected
    # Published figures: the 12th unit has one value only, so 11 pairable units with
    # n.. = 40 pairable values.
    assert res.n_units == 11
    assert res.n_pairable == 40
    assert res.defined and res.reason is None
    assert res.warnings  # the lone-value unit is reported as ignored


def test_krippendorff_2011_ordinal_matches_reference_package() -> None:
    # The 2011 paper does not print an ordinal figure for this table; the reference
    # implementation (krippendorff 0.9.0) gives 0.815.
    res = krippendorff_alpha(K2011_4X12, "ordinal")
    ref = krippendorff.alpha(
        reliability_data=np.array(K2011_4X12, dtype=float), level_of_measurement="ordinal"
    )
    assert res.alpha == pytest.approx(ref, abs=1e-12)
    assert round(res.alpha, 3) == 0.815


def test_krippendorff_2011_nominal_coincidences_and_disagreements() -> None:
    # The coincidence matrix printed in section C (values 1..5), row by row.
    o = coincidence_matrix(K2011_4X12, "nominal")
    expected = np.array(
        [
            [7, 4 / 3, 1 / 3, 1 / 3, 0],
            [4 / 3, 10, 4 / 3, 1 / 3, 0],
            [1 / 3, 4 / 3, 8, 1 / 3, 0],
            [1 / 3, 1 / 3, 1 / 3, 4, 0],
            [0, 0, 0, 0, 3],
        ]
    )
    np.testing.assert_allclose(o, expected, atol=1e-12)
    # published margins n_c = 9, 13, 10, 5, 3 and n.. = 40
    np.testing.assert_allclose(o.sum(axis=1), [9, 13, 10, 5, 3])
    res = krippendorff_alpha(K2011_4X12, "nominal")
    # alpha = 1 - (n..-1) * sum_{c!=k} o_ck / sum_{c!=k} n_c n_k  (section C)
    assert res.observed_disagreement == pytest.approx(8 / 40)  # off-diagonal sum is 8
    assert 1 - res.observed_disagreement / res.expected_disagreement == pytest.approx(res.alpha)


def test_krippendorff_2011_binary_two_coders() -> None:
    res = krippendorff_alpha(K2011_BINARY, "nominal")
    assert round(res.alpha, 3) == 0.095
    assert res.n_pairable == 20
    o = coincidence_matrix(K2011_BINARY)
    np.testing.assert_allclose(o, [[10, 4], [4, 2]])


def test_text_labels_at_nominal_level_equal_numeric_codes() -> None:
    labels = {0: "nee", 1: "ja"}
    text = [[labels[v] for v in row] for row in K2011_BINARY]
    assert krippendorff_alpha(text).alpha == pytest.approx(krippendorff_alpha(K2011_BINARY).alpha)


def test_text_labels_rejected_at_ordinal_level() -> None:
    with pytest.raises(ValueError, match="only allowed at the nominal level"):
        krippendorff_alpha([["low", "high"], ["low", "low"]], "ordinal")


def test_unknown_level_rejected() -> None:
    with pytest.raises(ValueError, match="unknown level"):
        krippendorff_alpha(K2011_BINARY, "cardinal")


def test_single_value_gives_nan_with_reason() -> None:
    res = krippendorff_alpha([[1] * 12, [1] * 12])
    assert math.isnan(res.alpha)
    assert res.reason is not None and "one value" in res.reason


def test_too_few_pairable_values_gives_nan_with_reason() -> None:
    res = krippendorff_alpha([[1, 2, 1], [1, 2, 2]])
    assert math.isnan(res.alpha)
    assert res.reason is not None and "pairable" in res.reason
    # the caller may still ask for the number
    forced = krippendorff_alpha([[1, 2, 1], [1, 2, 2]], min_pairable=0)
    assert forced.defined


def test_no_pairable_units_and_single_coder() -> None:
    assert krippendorff_alpha([[1, None], [None, 2]]).reason is not None
    assert krippendorff_alpha([[1, 2, 3]]).reason is not None


def test_ragged_rows_are_padded_as_missing() -> None:
    ragged = [row[:] for row in K2011_4X12]
    ragged[1] = ragged[1][:10]  # drops (None, 3): the 3 was a lone value anyway
    assert krippendorff_alpha(ragged).alpha == pytest.approx(0.743, abs=5e-4)


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_matches_krippendorff_package_on_random_data(level: str, seed: int) -> None:
    rng = np.random.default_rng(seed)
    m, n = int(rng.integers(2, 7)), int(rng.integers(20, 200))
    values = rng.integers(1, 7, size=(m, n)).astype(float)
    # Correlated coders so alpha is not just noise around zero.
    truth = rng.integers(1, 7, size=n)
    agree = rng.random((m, n)) < 0.6
    values[agree] = np.broadcast_to(truth, (m, n))[agree]
    values[rng.random((m, n)) < 0.25] = np.nan
    ours = krippendorff_alpha(values, level, min_pairable=0).alpha
    ref = krippendorff.alpha(reliability_data=values, level_of_measurement=level)
    assert ours == pytest.approx(ref, abs=1e-9)


def test_bootstrap_is_reproducible_and_brackets_alpha() -> None:
    a = bootstrap_alpha(K2011_4X12, "nominal", n_boot=500, seed=42)
    b = bootstrap_alpha(K2011_4X12, "nominal", n_boot=500, seed=42)
    c = bootstrap_alpha(K2011_4X12, "nominal", n_boot=500, seed=43)
    assert (a.low, a.high, a.quantiles) == (b.low, b.high, b.quantiles)
    assert (a.low, a.high) != (c.low, c.high)
    assert a.low < a.alpha < a.high <= 1.0
    assert a.quantiles[0.025] == pytest.approx(a.low)
    assert a.quantiles[0.975] == pytest.approx(a.high)
    assert 0.0 <= a.prob_below[0.8] <= 1.0
    assert a.n_valid <= a.n_boot == 500


def test_bootstrap_of_undefined_alpha_is_nan() -> None:
    res = bootstrap_alpha([[1] * 12, [1] * 12], n_boot=10)
    assert math.isnan(res.low) and math.isnan(res.high)
    assert res.reason is not None


@pytest.mark.parametrize("level", ["nominal", "ordinal", "interval", "ratio"])
def test_pairwise_route_for_many_values_matches_count_table(
    level: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Large value sets switch from the units x values count table to coder pairs.
    from qualcode.core.agreement import reliability

    rng = np.random.default_rng(7)
    data = rng.normal(50, 10, size=(3, 300)).round(1)
    data[rng.random(data.shape) < 0.2] = np.nan
    direct = krippendorff_alpha(data, level)
    monkeypatch.setattr(reliability, "_MAX_COUNT_CELLS", 0)
    pairwise = krippendorff_alpha(data, level)
    assert pairwise.alpha == pytest.approx(direct.alpha, abs=1e-10)
    assert pairwise.n_units == direct.n_units


def test_bootstrap_at_ordinal_level_is_reproducible() -> None:
    a = bootstrap_alpha(K2011_4X12, "ordinal", n_boot=200, seed=5)
    b = bootstrap_alpha(K2011_4X12, "ordinal", n_boot=200, seed=5)
    assert a.quantiles == b.quantiles
    assert a.low <= a.quantiles[0.5] <= a.high
