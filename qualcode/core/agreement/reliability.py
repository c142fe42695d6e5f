"""Krippendorff's alpha for a reliability matrix, and a bootstrap interval for it.

Source: Krippendorff, K. (2011). *Computing Krippendorff's Alpha-Reliability*.
Annenberg School for Communication, University of Pennsylvania (asc_papers/43).

Computation via the coincidence matrix (section C/E of that paper):

* a unit is *pairable* when at least two coders gave it a value (m_u >= 2);
* o_ck = sum over pairable units of (number of ordered c-k value pairs) / (m_u - 1);
* n_c = sum_k o_ck and n.. = sum_c n_c is the number of pairable values;
* D_o = (1/n..) sum_ck o_ck delta2_ck,  D_e = 1/(n..(n.. - 1)) sum_ck n_c n_k delta2_ck;
* alpha = 1 - D_o / D_e, with the difference functions delta2 for the nominal,
  ordinal, interval and ratio metrics given in the paper.

Use from a service (e.g. the database-backed ``qualcode agreement`` command)::

    from qualcode.core.agreement import krippendorff_alpha, bootstrap_alpha
    res = krippendorff_alpha([[1, 2, None], [1, 3, 2]], level="nominal")
    if res.defined:
        print(res.alpha, res.n_pairable)
    else:
        print("alpha undefined:", res.reason)
    ci = bootstrap_alpha(matrix, level="nominal", n_boot=2000, seed=1)
    print(ci.low, ci.high, ci.prob_below)

Rows are coders, columns are units; ``None``, NaN and blank strings are missing.
Nothing here raises for thin data: an undefined alpha comes back as NaN with a
``reason``; only malformed input (unknown level, text at a numeric level) raises
``ValueError``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from qualcode.core.agreement._matrix import MISSING, EncodedMatrix, Level, encode

# Below this many pairable values an alpha is reported as undefined: with so few values
# the coefficient swings wildly with a single changed code (Krippendorff 2011 warns
# against small samples; 10 is the threshold the project agreed on).
DEFAULT_MIN_PAIRABLE = 10

Matrix = Sequence[Sequence[object]] | npt.NDArray[np.generic]


@dataclass(frozen=True)
class AlphaResult:
    """Krippendorff's alpha plus the figures needed to judge it.

    ``alpha`` is NaN when undefined; ``reason`` then says why. ``n_units`` counts
    pairable units (coded by >= 2 coders), ``n_pairable`` is n.. in Krippendorff's
    notation. ``warnings`` lists caveats that do not make alpha undefined.
    """

    alpha: float
    level: Level
    n_units: int
    n_pairable: int
    observed_disagreement: float
    expected_disagreement: float
    n_values: int
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def defined(self) -> bool:
        return not math.isnan(self.alpha)


@dataclass(frozen=True)
class BootstrapResult:
    """Seeded bootstrap distribution of alpha.

    ``low``/``high`` bound the central ``confidence`` interval (percentile method);
    ``quantiles`` maps probability -> alpha quantile; ``prob_below`` maps a target
    alpha (e.g. 0.667, 0.800) to the share of replicates below it, Krippendorff's
    "probability of failing to reach" the target.
    """

    alpha: float
    low: float
    high: float
    confidence: float
    n_boot: int
    n_valid: int
    seed: int
    method: str
    quantiles: dict[float, float] = field(default_factory=dict)
    prob_below: dict[float, float] = field(default_factory=dict)
    reason: str | None = None


@dataclass(frozen=True)
class _Pairs:
    """All ordered within-unit value pairs, the raw material of the coincidence matrix.

    Kept per pair (not summed) so the bootstrap can reweight units cheaply.
    """

    unit: npt.NDArray[np.int64]  # index into the pairable units
    cell: npt.NDArray[np.int64]  # c * V + k
    weight: npt.NDArray[np.float64]  # 1 / (m_u - 1)
    n_units: int
    n_values: int


def _pairs(enc: EncodedMatrix) -> _Pairs:
    codes = enc.codes
    v = len(enc.values)
    m_u = (codes != MISSING).sum(axis=0)
    keep = m_u >= 2
    codes = codes[:, keep]
    m_u = m_u[keep]
    unit_ids = np.arange(codes.shape[1], dtype=np.int64)
    units: list[npt.NDArray[np.int64]] = []
    cells: list[npt.NDArray[np.int64]] = []
    weights: list[npt.NDArray[np.float64]] = []
    inv = 1.0 / np.maximum(m_u - 1, 1)
    n_coders = codes.shape[0]
    # One vectorised pass per coder pair: O(m^2 N) but with tiny constants, and it never
    # materialises an N x V table (V can be large at interval level).
    for i in range(n_coders):
        for j in range(i + 1, n_coders):
            both = (codes[i] != MISSING) & (codes[j] != MISSING)
            if not both.any():
                continue
            ci, cj = codes[i, both], codes[j, both]
            u, w = unit_ids[both], inv[both]
            units += [u, u]
            cells += [ci * v + cj, cj * v + ci]
            weights += [w, w]
    if not units:
        empty_i = np.zeros(0, dtype=np.int64)
        return _Pairs(empty_i, empty_i, np.zeros(0), int(codes.shape[1]), v)
    return _Pairs(
        unit=np.concatenate(units),
        cell=np.concatenate(cells),
        weight=np.concatenate(weights),
        n_units=int(codes.shape[1]),
        n_values=v,
    )


def coincidence_matrix(data: Matrix, level: str = "nominal") -> npt.NDArray[np.float64]:
    """The V x V coincidence matrix o_ck (values in sorted order)."""
    return _direct_coincidences(encode(data, level))[0]


# Above this many cells the units x values count table is not worth its memory and the
# pair-wise route is used instead (large V happens at interval/ratio level).
_MAX_COUNT_CELLS = 20_000_000


def _direct_coincidences(enc: EncodedMatrix) -> tuple[npt.NDArray[np.float64], int]:
    """(o_ck, number of pairable units) without keeping per-pair arrays.

    With a units x values count table n_uc, o = sum_u (n_u n_u^T - diag n_u) / (m_u - 1),
    one matrix product: much faster than visiting coder pairs when V is small.
    """
    codes = enc.codes
    v = len(enc.values)
    n_units = codes.shape[1]
    m_u = (codes != MISSING).sum(axis=0)
    pairable = int((m_u >= 2).sum())
    if n_units * max(v, 1) > _MAX_COUNT_CELLS:
        return _coincidences(_pairs(enc), None), pairable
    ok = codes != MISSING
    unit_idx = np.broadcast_to(np.arange(n_units, dtype=np.int64), codes.shape)
    flat = unit_idx[ok] * v + codes[ok]
    counts = np.bincount(flat, minlength=n_units * v).reshape(n_units, v).astype(np.float64)
    w = np.where(m_u >= 2, 1.0 / np.maximum(m_u - 1, 1), 0.0)
    weighted = counts * w[:, None]
    o = weighted.T @ counts - np.diag(weighted.sum(axis=0))
    return np.asarray(o, dtype=np.float64), pairable


def _coincidences(
    p: _Pairs, unit_weights: npt.NDArray[np.float64] | None
) -> npt.NDArray[np.float64]:
    w = p.weight if unit_weights is None else p.weight * unit_weights[p.unit]
    flat = np.bincount(p.cell, weights=w, minlength=p.n_values * p.n_values)
    return np.asarray(flat, dtype=np.float64).reshape(p.n_values, p.n_values)


def difference_matrix(
    level: Level, values: npt.NDArray[np.float64] | None, n_c: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Squared difference delta2_ck for every pair of values (Krippendorff 2011, sec. E)."""
    v = len(n_c)
    if level == "nominal":
        return 1.0 - np.eye(v)
    if values is None:
        raise ValueError(f"level {level!r} needs numeric values")
    if level == "ordinal":
        # delta2 = (sum_{g=c..k} n_g - (n_c + n_k)/2)^2: ranks, weighted by how often
        # the values between c and k were used, not the numeric gaps between them.
        cum = np.cumsum(n_c)
        lo = np.minimum.outer(np.arange(v), np.arange(v))
        hi = np.maximum.outer(np.arange(v), np.arange(v))
        between = cum[hi] - cum[lo] + n_c[lo]
        return np.asarray((between - (n_c[:, None] + n_c[None, :]) / 2.0) ** 2)
    diff = values[:, None] - values[None, :]
    if level == "interval":
        return np.asarray(diff**2)
    total = values[:, None] + values[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(total == 0, 0.0, diff / np.where(total == 0, 1.0, total))
    return np.asarray(ratio**2)


def _alpha_from_o(
    o: npt.NDArray[np.float64], level: Level, values: npt.NDArray[np.float64] | None
) -> tuple[float, float, float, int, int]:
    """Return (alpha, D_o, D_e, n.., number of values used) from a coincidence matrix."""
    n_c = o.sum(axis=1)
    n = float(n_c.sum())
    used = int((n_c > 1e-12).sum())
    if n <= 1:
        return math.nan, math.nan, math.nan, round(n), used
    delta = difference_matrix(level, values, n_c)
    d_o = float((o * delta).sum()) / n
    d_e = float(n_c @ delta @ n_c) / (n * (n - 1.0))
    if d_e <= 1e-15:
        return math.nan, d_o, d_e, round(n), used
    return 1.0 - d_o / d_e, d_o, d_e, round(n), used


def krippendorff_alpha(
    data: Matrix, level: str = "nominal", *, min_pairable: int = DEFAULT_MIN_PAIRABLE
) -> AlphaResult:
    """Krippendorff's alpha for a coders x units matrix at the given level.

    Missing cells (None, NaN, blank) are allowed. ``min_pairable``: below this many
    pairable values alpha is reported as NaN with a reason (set 0 to always compute).
    """
    enc = encode(data, level)
    lvl: Level = level  # type: ignore[assignment]
    o, n_pairable_units = _direct_coincidences(enc)
    alpha, d_o, d_e, n, used = _alpha_from_o(o, lvl, enc.numeric_values)
    reason: str | None = None
    warnings: list[str] = []
    if enc.n_coders < 2:
        reason = "fewer than two coders"
    elif n == 0:
        reason = "no unit was coded by two or more coders, so there are no pairable values"
    elif used < 2:
        reason = "only one value was used by all coders; agreement cannot be told from chance"
    elif not math.isfinite(alpha):
        reason = "expected disagreement is zero; alpha is undefined"
    elif n < min_pairable:
        reason = f"only {n} pairable values (fewer than {min_pairable}); too little data"
    if reason is not None:
        alpha = math.nan
    dropped = enc.n_units - n_pairable_units
    if dropped:
        warnings.append(f"{dropped} unit(s) coded by fewer than two coders were ignored")
    return AlphaResult(
        alpha=alpha,
        level=lvl,
        n_units=n_pairable_units,
        n_pairable=n,
        observed_disagreement=d_o,
        expected_disagreement=d_e,
        n_values=used,
        reason=reason,
        warnings=tuple(warnings),
    )


def bootstrap_alpha(
    data: Matrix,
    level: str = "nominal",
    *,
    n_boot: int = 2000,
    seed: int = 0,
    confidence: float = 0.95,
    quantile_probs: Sequence[float] = (0.005, 0.025, 0.05, 0.25, 0.5, 0.75, 0.95, 0.975, 0.995),
    targets: Sequence[float] = (0.667, 0.8),
) -> BootstrapResult:
    """Unit-resampling bootstrap of alpha (percentile interval), reproducible by ``seed``.

    Krippendorff's own bootstrap (Hayes & Krippendorff 2007) resamples pairable values
    from the coincidence matrix; we resample whole pairable units with replacement
    instead. It keeps each unit's values together, is simpler to explain, and is the
    ordinary nonparametric bootstrap for clustered data. Replicates whose alpha is
    undefined (e.g. a resample with a single value) are left out and counted in
    ``n_boot - n_valid``.
    """
    if not 0.0 < confidence < 1.0:
        raise ValueError("confidence must be between 0 and 1")
    if n_boot < 1:
        raise ValueError("n_boot must be at least 1")
    enc = encode(data, level)
    lvl: Level = level  # type: ignore[assignment]
    p = _pairs(enc)
    point = krippendorff_alpha(data, level, min_pairable=0)
    nan_result = BootstrapResult(
        alpha=point.alpha,
        low=math.nan,
        high=math.nan,
        confidence=confidence,
        n_boot=n_boot,
        n_valid=0,
        seed=seed,
        method="unit resampling, percentile interval",
        reason=point.reason,
    )
    if not point.defined or p.n_units < 2:
        return nan_result
    rng = np.random.default_rng(seed)
    draws = np.empty(n_boot, dtype=np.float64)
    probs = np.full(p.n_units, 1.0 / p.n_units)
    for b in range(n_boot):
        # Multinomial counts = how often each unit is drawn; same as resampling indices
        # but lets us reweight the precomputed pairs instead of rebuilding them.
        counts = rng.multinomial(p.n_units, probs).astype(np.float64)
        o = _coincidences(p, counts)
        draws[b] = _alpha_from_o(o, lvl, enc.numeric_values)[0]
    valid = draws[np.isfinite(draws)]
    if valid.size == 0:
        return nan_result
    tail = (1.0 - confidence) / 2.0
    low, high = np.quantile(valid, [tail, 1.0 - tail])
    return BootstrapResult(
        alpha=point.alpha,
        low=float(low),
        high=float(high),
        confidence=confidence,
        n_boot=n_boot,
        n_valid=int(valid.size),
        seed=seed,
        method="unit resampling, percentile interval",
        quantiles={float(q): float(np.quantile(valid, q)) for q in quantile_probs},
        prob_below={float(t): float((valid < t).mean()) for t in targets},
    )
