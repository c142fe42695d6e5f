"""All unit-mode figures of a binary reliability matrix from a table of unit *patterns*.

Per code, the reliability matrix is coders x units with cells 1 (applied), 0 (not
applied) or missing. With m coders a unit can only show 3^m patterns (each coder:
missing / 0 / 1), and every figure we report (percent agreement, Cohen's and Fleiss'
kappa, Krippendorff's nominal alpha and its unit-resampling bootstrap) depends on the
matrix only through how many units show each pattern. Counting patterns turns 300 codes
x 100,000 units into 300 tables of at most 81 cells, which is what makes a whole project
fast, and makes the bootstrap exact and cheap: resampling N units with replacement is a
multinomial draw over the patterns.

The formulas are those of ``qualcode.core.agreement`` (``kappa.py``, ``reliability.py``),
rewritten for counts; ``tests/test_agreement_project.py`` checks that every figure equals
what those functions return on the expanded matrix, including the undefined cases.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from qualcode.core.agreement.reliability import DEFAULT_MIN_PAIRABLE

MISSING_STATE, ZERO_STATE, ONE_STATE = 0, 1, 2


@dataclass(frozen=True)
class Patterns:
    """Per pattern p: how many coders are present, how many gave 1, coder states."""

    n_coders: int
    states: npt.NDArray[np.int64]  # P x m, values MISSING/ZERO/ONE_STATE
    present: npt.NDArray[np.float64]  # m_u
    ones: npt.NDArray[np.float64]  # n1_u
    disputed: npt.NDArray[np.bool_]  # present coders differ

    @property
    def size(self) -> int:
        return int(self.states.shape[0])


@lru_cache(maxsize=16)
def patterns(n_coders: int) -> Patterns:
    size = 3**n_coders
    idx = np.arange(size, dtype=np.int64)
    states = np.stack([(idx // 3**i) % 3 for i in range(n_coders)], axis=1)
    present = (states != MISSING_STATE).sum(axis=1).astype(np.float64)
    ones = (states == ONE_STATE).sum(axis=1).astype(np.float64)
    disputed = (ones > 0) & (ones < present)
    return Patterns(n_coders, states, present, ones, disputed)


@dataclass(frozen=True)
class CountFigures:
    n_units: int  # pairable units
    n_pairable: int
    n_coded: int  # units some coder gave 1
    percent: float
    cohen: float
    scott: float
    fleiss: float
    alpha: float
    reason: str | None
    ci_low: float = math.nan
    ci_high: float = math.nan
    p_below_tentative: float = math.nan


def _coincidences(counts: npt.NDArray[np.float64], pat: Patterns) -> npt.NDArray[np.float64]:
    """(o00, o01, o11) for each row of ``counts`` (shape B x P or P)."""
    m = pat.present
    n1 = pat.ones
    n0 = m - n1
    w = np.where(m >= 2, 1.0 / np.maximum(m - 1.0, 1.0), 0.0)
    basis = np.stack([w * n0 * (n0 - 1.0), w * n0 * n1, w * n1 * (n1 - 1.0)], axis=1)
    return np.asarray(counts @ basis)


def _alpha_from_o(o: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    o00, o01, o11 = o[..., 0], o[..., 1], o[..., 2]
    n0, n1 = o00 + o01, o11 + o01
    n = n0 + n1
    with np.errstate(divide="ignore", invalid="ignore"):
        d_o = 2.0 * o01 / n
        d_e = 2.0 * n0 * n1 / (n * (n - 1.0))
        alpha = 1.0 - d_o / d_e
    return np.where((n > 1) & (d_e > 1e-15), alpha, np.nan)


def figures(counts: npt.NDArray[np.float64], pat: Patterns) -> CountFigures:
    """Point figures for one pattern table (length P)."""
    m, n1 = pat.present, pat.ones
    n0 = m - n1
    pairable = m >= 2
    units = float(counts[pairable].sum())
    n_coded = int(counts[n1 > 0].sum())
    o = _coincidences(counts, pat)
    n = float(o.sum() + o[1])  # o00 + 2 o01 + o11
    alpha = float(_alpha_from_o(o))
    used = int(o[0] + o[1] > 1e-12) + int(o[2] + o[1] > 1e-12)
    reason = None
    if pat.n_coders < 2:
        reason = "fewer than two coders"
    elif n == 0:
        reason = "no unit was coded by two or more coders, so there are no pairable values"
    elif used < 2:
        reason = "only one value was used by all coders; agreement cannot be told from chance"
    elif not math.isfinite(alpha):
        reason = "expected disagreement is zero; alpha is undefined"
    elif n < DEFAULT_MIN_PAIRABLE:
        reason = (
            f"only {round(n)} pairable values (fewer than {DEFAULT_MIN_PAIRABLE}); too little data"
        )
    if reason is not None:
        alpha = math.nan
    percent = math.nan
    if units > 0:
        agreeing = (n1 * (n1 - 1) + n0 * (n0 - 1)) / 2.0
        pairs = m * (m - 1) / 2.0
        share = np.divide(agreeing, pairs, out=np.zeros_like(pairs), where=pairs > 0)
        percent = float((counts * share)[pairable].sum() / units)
    return CountFigures(
        n_units=round(units),
        n_pairable=round(n),
        n_coded=n_coded,
        percent=percent,
        cohen=_cohen(counts, pat) if pat.n_coders == 2 else math.nan,
        scott=_cohen(counts, pat, pooled=True) if pat.n_coders == 2 else math.nan,
        fleiss=_fleiss(counts, pat),
        alpha=alpha,
        reason=reason,
    )


def _cohen(counts: npt.NDArray[np.float64], pat: Patterns, *, pooled: bool = False) -> float:
    """Cohen's kappa, or with ``pooled`` Scott's pi (chance from the pooled margins)."""
    a, b = pat.states[:, 0], pat.states[:, 1]
    both = (a != MISSING_STATE) & (b != MISSING_STATE)
    n = float(counts[both].sum())
    if n == 0:
        return math.nan
    agree = float(counts[both & (a == b)].sum()) / n
    a1 = float(counts[both & (a == ONE_STATE)].sum()) / n
    b1 = float(counts[both & (b == ONE_STATE)].sum()) / n
    if pooled:
        a1 = b1 = (a1 + b1) / 2.0
    p_e = a1 * b1 + (1 - a1) * (1 - b1)
    if 1.0 - p_e <= 1e-12:
        return math.nan
    return (agree - p_e) / (1.0 - p_e)


def _fleiss(counts: npt.NDArray[np.float64], pat: Patterns) -> float:
    """As ``fleiss_kappa``: n = most ratings any unit got; units with fewer left out."""
    seen = counts > 0
    if not seen.any():
        return math.nan
    n = float(pat.present[seen].max())
    if n < 2:
        return math.nan
    full = seen & (pat.present == n)
    c = counts[full]
    n1, n0 = pat.ones[full], n - pat.ones[full]
    total = float(c.sum())
    p_i = (n1 * n1 + n0 * n0 - n) / (n * (n - 1.0))
    p_bar = float((c * p_i).sum() / total)
    p1 = float((c * n1).sum() / (total * n))
    p_e = p1 * p1 + (1 - p1) * (1 - p1)
    if 1.0 - p_e <= 1e-12:
        return math.nan
    return (p_bar - p_e) / (1.0 - p_e)


def bootstrap(
    counts: npt.NDArray[np.float64],
    pat: Patterns,
    n_boot: int,
    seed: int,
    confidence: float = 0.95,
    target: float = 0.667,
) -> tuple[float, float, float]:
    """(low, high, share below ``target``) of alpha over pairable units resampled with
    replacement, percentile interval; the method of ``bootstrap_alpha``, drawn as
    multinomial counts over patterns. Replicates with undefined alpha are left out."""
    pairable = (pat.present >= 2) & (counts > 0)
    n_units = int(counts[pairable].sum())
    if n_boot < 1 or n_units < 2:
        return math.nan, math.nan, math.nan
    # Alpha depends on a unit only through (m_u, n1_u): pool patterns that share them,
    # so the multinomial has at most a dozen categories instead of 3^m.
    key = (pat.present * (pat.n_coders + 1) + pat.ones).astype(np.int64)[pairable]
    kinds, inverse = np.unique(key, return_inverse=True)
    c = np.bincount(inverse, weights=counts[pairable])
    present = (kinds // (pat.n_coders + 1)).astype(np.float64)
    ones = (kinds % (pat.n_coders + 1)).astype(np.float64)
    sub = Patterns(pat.n_coders, pat.states[:0], present, ones, np.zeros(kinds.size, bool))
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(n_units, c / n_units, size=n_boot).astype(np.float64)
    alphas = _alpha_from_o(_coincidences(draws, sub))
    valid = alphas[np.isfinite(alphas)]
    if valid.size == 0:
        return math.nan, math.nan, math.nan
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(valid, [tail, 1.0 - tail])
    return float(low), float(high), float((valid < target).mean())
