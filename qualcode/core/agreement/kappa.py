"""Percent agreement, Cohen's kappa and Fleiss' kappa on a reliability matrix.

All three take the same coders x units matrix as ``krippendorff_alpha`` (rows are
coders, columns units, ``None``/NaN/blank = not coded) and treat values as nominal
labels (numbers or text). They return NaN with a ``reason`` instead of raising when the
data cannot support the figure.

Formulas:

* percent agreement: for each unit coded by m_u >= 2 coders, the share of the
  m_u (m_u - 1) / 2 coder pairs that gave the same value; the mean over those units.
  (With two coders this is the plain share of units on which they agree.)
* Cohen (1960) kappa = (p_o - p_e) / (1 - p_e) with p_o the observed share of agreeing
  units and p_e = sum_c p_1c p_2c from each coder's own marginal proportions; only units
  both coders coded are used.
* Scott (1955) pi = (p_o - p_e) / (1 - p_e) like Cohen's, but with p_e = sum_c p_c^2
  from the two coders' pooled proportions p_c = (p_1c + p_2c) / 2: chance agreement
  assumes both coders draw from one distribution (as Krippendorff's alpha does, which
  equals pi corrected for small samples).
* Fleiss (1971) kappa = (P_bar - P_e) / (1 - P_e) with
  P_i = (sum_j n_ij^2 - n) / (n (n - 1)), P_bar their mean, p_j = sum_i n_ij / (N n)
  and P_e = sum_j p_j^2, for N units each rated by the same n raters.

Fleiss' formula needs every unit rated by the same number of raters. We use n = the
largest number of ratings any unit received and leave out units with fewer ratings
(reported in ``n_units_dropped`` and a warning), rather than mixing unequal n, which
the 1971 formula does not define.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from qualcode.core.agreement._matrix import MISSING, encode

Matrix = Sequence[Sequence[object]] | npt.NDArray[np.generic]


@dataclass(frozen=True)
class PercentAgreementResult:
    agreement: float
    n_units: int
    n_pairs: int
    reason: str | None = None


@dataclass(frozen=True)
class KappaResult:
    """Cohen's or Fleiss' kappa with its observed and chance agreement."""

    kappa: float
    observed_agreement: float
    expected_agreement: float
    n_units: int
    n_units_dropped: int
    n_raters: int
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def defined(self) -> bool:
        return not math.isnan(self.kappa)


def percent_agreement(data: Matrix) -> PercentAgreementResult:
    """Mean pairwise agreement over units coded by at least two coders."""
    enc = encode(data, "nominal")
    codes = enc.codes
    m_u = (codes != MISSING).sum(axis=0)
    keep = m_u >= 2
    if not keep.any():
        return PercentAgreementResult(math.nan, 0, 0, "no unit was coded by two or more coders")
    codes, m_u = codes[:, keep], m_u[keep]
    counts = _unit_counts(codes, len(enc.values))
    agreeing = (counts * (counts - 1)).sum(axis=1) / 2.0
    pairs = m_u * (m_u - 1) / 2.0
    return PercentAgreementResult(
        agreement=float((agreeing / pairs).mean()),
        n_units=int(keep.sum()),
        n_pairs=int(pairs.sum()),
    )


def _unit_counts(codes: npt.NDArray[np.int64], n_values: int) -> npt.NDArray[np.float64]:
    """units x values table: how many coders gave value c to unit u."""
    n_units = codes.shape[1]
    out = np.zeros((n_units, max(n_values, 1)), dtype=np.float64)
    for row in codes:
        ok = row != MISSING
        np.add.at(out, (np.nonzero(ok)[0], row[ok]), 1.0)
    return out


def cohen_kappa(data: Matrix) -> KappaResult:
    """Cohen's kappa for exactly two coders (rows), over units both of them coded."""
    return _two_coders(data, "Cohen's kappa", pooled=False)


def scott_pi(data: Matrix) -> KappaResult:
    """Scott's pi for exactly two coders (rows), over units both of them coded."""
    return _two_coders(data, "Scott's pi", pooled=True)


def _two_coders(data: Matrix, name: str, *, pooled: bool) -> KappaResult:
    enc = encode(data, "nominal")
    if enc.n_coders != 2:
        raise ValueError(f"{name} needs exactly two coders, got {enc.n_coders}")
    a, b = enc.codes
    both = (a != MISSING) & (b != MISSING)
    n = int(both.sum())
    dropped = int(((a != MISSING) | (b != MISSING)).sum()) - n
    warnings = (f"{dropped} unit(s) coded by only one coder were ignored",) if dropped else ()
    if n == 0:
        return KappaResult(
            math.nan,
            math.nan,
            math.nan,
            0,
            dropped,
            2,
            "no unit was coded by both coders",
            warnings,
        )
    a, b = a[both], b[both]
    v = len(enc.values)
    p_o = float((a == b).mean())
    p_a = np.bincount(a, minlength=v) / n
    p_b = np.bincount(b, minlength=v) / n
    if pooled:
        mean = (p_a + p_b) / 2.0
        p_e = float(mean @ mean)
    else:
        p_e = float(p_a @ p_b)
    if 1.0 - p_e <= 1e-12:
        return KappaResult(
            math.nan,
            p_o,
            p_e,
            n,
            dropped,
            2,
            f"both coders used a single, identical value; {name} is undefined",
            warnings,
        )
    return KappaResult((p_o - p_e) / (1.0 - p_e), p_o, p_e, n, dropped, 2, None, warnings)


def fleiss_kappa(data: Matrix) -> KappaResult:
    """Fleiss' kappa from a coders x units matrix (see module docstring on missing data)."""
    enc = encode(data, "nominal")
    counts = _unit_counts(enc.codes, len(enc.values))
    return _fleiss(counts, allow_unequal=True)


def fleiss_kappa_from_counts(table: Sequence[Sequence[float]] | npt.ArrayLike) -> KappaResult:
    """Fleiss' kappa from a units x categories table of rater counts (as in Fleiss 1971).

    Every row must sum to the same number of raters; otherwise ``ValueError``.
    """
    counts = np.asarray(table, dtype=np.float64)
    if counts.ndim != 2:
        raise ValueError("count table must be 2-D (units x categories)")
    if (counts < 0).any() or not np.allclose(counts, np.round(counts)):
        raise ValueError("count table must hold non-negative whole numbers")
    sums = counts.sum(axis=1)
    if sums.size and not np.all(sums == sums[0]):
        raise ValueError("every unit (row) must be rated by the same number of raters")
    return _fleiss(counts, allow_unequal=False)


def _fleiss(counts: npt.NDArray[np.float64], *, allow_unequal: bool) -> KappaResult:
    per_unit = counts.sum(axis=1)
    n_raters = int(per_unit.max()) if per_unit.size else 0
    if n_raters < 2:
        return KappaResult(
            math.nan, math.nan, math.nan, 0, 0, n_raters, "no unit was rated by two or more raters"
        )
    full = per_unit == n_raters
    dropped = int(((per_unit > 0) & ~full).sum()) if allow_unequal else 0
    warnings = (
        (f"{dropped} unit(s) with fewer than {n_raters} ratings were left out",) if dropped else ()
    )
    c = counts[full]
    n_units = int(c.shape[0])
    n = float(n_raters)
    p_i = ((c * c).sum(axis=1) - n) / (n * (n - 1.0))
    p_bar = float(p_i.mean())
    p_j = c.sum(axis=0) / (n_units * n)
    p_e = float((p_j * p_j).sum())
    if 1.0 - p_e <= 1e-12:
        return KappaResult(
            math.nan,
            p_bar,
            p_e,
            n_units,
            dropped,
            n_raters,
            "all ratings fall in one category; kappa is undefined",
            warnings,
        )
    return KappaResult(
        (p_bar - p_e) / (1.0 - p_e), p_bar, p_e, n_units, dropped, n_raters, None, warnings
    )
