"""Binary unitizing alpha on the character continuum, vectorised over documents.

``binary_alpha`` in ``qualcode.core.agreement.unitizing`` builds, per document and coder
pair, the intersection table of all sections; right for a handful of codes, too slow for
300 codes x 200 documents. With two values (segment, gap) everything it needs follows
from c(x), the number of coders whose segments cover character x:

* sum over ordered coder pairs i != j of |seg_i ∩ seg_j| = ∫ c (c - 1) dx, likewise
  seg-gap: ∫ c (m - c) and gap-gap: ∫ (m - c)(m - c - 1); divide by m - 1 for l_ck;
* S_seg = sum of l^2 over each coder's segments (strictly overlapping ones merged,
  touching ones kept apart, as ``unitizing._sections`` does), S_gap = uncoded length.

Then e_ck and alpha exactly as in ``unitizing._expected``/``_gap_vs_units`` (2016 eq. 4
and 6). Tests check equality with ``binary_alpha`` on random documents.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class BinaryResult:
    alpha: float
    pairable_length: float
    n_segments: int
    reason: str | None


def merge_segments(
    group: IntArray, start: IntArray, end: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    """Union of strictly overlapping segments within each group (touching stay apart).

    Input need not be sorted; output is sorted by (group, start).
    """
    if start.size == 0:
        return group, start, end
    order = np.lexsort((end, start, group))
    g, s, e = group[order], start[order], end[order]
    # Running max of end within a group: offset by group so accumulate never crosses.
    big = int(e.max()) + 1
    run = np.maximum.accumulate(g * big + e) - g * big
    new = np.ones(s.size, dtype=bool)
    new[1:] = (g[1:] != g[:-1]) | (s[1:] >= run[:-1])
    ids = np.cumsum(new) - 1
    out_e = np.zeros(int(ids[-1]) + 1, dtype=np.int64)
    np.maximum.at(out_e, ids, e)
    return g[new], s[new], out_e


def binary_doc_stats(
    n_coders: int,
    offsets: IntArray,
    coder: IntArray,
    start: IntArray,
    end: IntArray,
) -> tuple[npt.NDArray[np.float64], IntArray]:
    """Per document the sums binary alpha is made of: (D x (m + 2) stats, segments per doc).

    Row d holds the length covered by exactly k coders (k = 0..m) and the sum of squared
    (merged) segment lengths. Offsets are global (documents laid end to end, document d
    spans ``offsets[d]:offsets[d + 1]``); segments never cross a document boundary, so
    each statistic of the whole continuum is the sum of the rows.
    """
    m = n_coders
    n_docs = offsets.size - 1
    lengths_doc = np.diff(offsets).astype(np.float64)
    stats = np.zeros((n_docs, m + 2))
    per_doc_segments = np.zeros(n_docs, dtype=np.int64)
    _, s, e = merge_segments(coder, start, end)
    if s.size:
        seg_doc = np.searchsorted(offsets, s, side="right") - 1
        lengths = (e - s).astype(np.float64)
        stats[:, m + 1] = np.bincount(seg_doc, weights=lengths * lengths, minlength=n_docs)
        per_doc_segments = np.bincount(seg_doc, minlength=n_docs).astype(np.int64)
        pos = np.concatenate([s, e])
        delta = np.concatenate([np.ones(s.size), -np.ones(e.size)])
        order = np.lexsort((delta, pos))  # ends before starts at one position
        pos, delta = pos[order], delta[order]
        c = np.cumsum(delta)[:-1].astype(np.int64)
        widths = np.diff(pos).astype(np.float64)
        inside = (c > 0) & (widths > 0)  # covered stretches lie within one document
        where = np.searchsorted(offsets, pos[:-1][inside], side="right") - 1
        covered = np.bincount(
            where * (m + 1) + c[inside], weights=widths[inside], minlength=n_docs * (m + 1)
        ).reshape(n_docs, m + 1)
        stats[:, : m + 1] = covered
    stats[:, 0] = lengths_doc - stats[:, 1 : m + 1].sum(axis=1)
    return stats, per_doc_segments


def binary_alpha_from_stats(
    stats: npt.NDArray[np.float64], n_coders: int
) -> npt.NDArray[np.float64]:
    """Binary alpha of each row of summed ``binary_doc_stats`` (B x (m + 2)); NaN where
    undefined. 2016 eq. 4 and 6, as ``unitizing._gap_vs_units`` computes them."""
    m = n_coders
    covered, s_seg = stats[:, : m + 1], stats[:, m + 1]
    k = np.arange(m + 1, dtype=np.float64)
    total = m * covered.sum(axis=1)
    o_ss = covered @ (k * (k - 1)) / (m - 1)
    o_sg = covered @ (k * (m - k)) / (m - 1)
    o_gg = covered @ ((m - k) * (m - k - 1)) / (m - 1)
    s_gap = total - covered @ k
    denom = total * total - (s_seg + s_gap)
    with np.errstate(divide="ignore", invalid="ignore"):
        e_sg = total * (o_gg + o_sg) * (o_ss + o_sg) / denom
        d_o = o_sg / total
        d_e = e_sg / total
        alpha = 1.0 - d_o / d_e
    return np.where((denom > 0) & (d_e > 1e-12), alpha, np.nan)


def binary_alpha_fast(
    n_coders: int,
    total_length: int,
    coder: IntArray,
    start: IntArray,
    end: IntArray,
) -> BinaryResult:
    """Binary alpha for segments given on one concatenated continuum of ``total_length``.

    ``coder``/``start``/``end``: every segment of the value set (several codes of a
    cluster count as one value). Offsets are global: documents laid end to end.
    """
    m = n_coders
    if m < 2:
        return BinaryResult(math.nan, 0.0, 0, "fewer than two coders")
    if total_length <= 0:
        return BinaryResult(math.nan, 0.0, 0, "no documents: the continuum is empty")
    stats, segments = binary_doc_stats(
        m, np.array([0, total_length], dtype=np.int64), coder, start, end
    )
    n_segments = int(segments.sum())
    total = float(m * total_length)
    if n_segments == 0:
        return BinaryResult(math.nan, total, 0, "no coder coded anything")
    alpha = float(binary_alpha_from_stats(stats, m)[0])
    if math.isnan(alpha):
        return BinaryResult(
            math.nan,
            total,
            n_segments,
            "expected disagreement is zero (only one kind of section observed)",
        )
    return BinaryResult(alpha, total, n_segments, None)


def disputed_stretches(
    length: int, n_coders: int, segments: list[tuple[int, int, int, int]]
) -> list[tuple[int, int, list[set[int]]]]:
    """Stretches of one document where the coders' sets of codes differ.

    ``segments``: (coder index, start, end, code id). Adjacent disputed stretches are
    merged into one; each comes with, per coder, the codes applied anywhere in it.
    """
    bounds = sorted({0, length, *(s for _, s, _, _ in segments), *(e for _, _, e, _ in segments)})
    if not segments:
        return []
    starts: dict[int, list[tuple[int, int]]] = {}
    ends: dict[int, list[tuple[int, int]]] = {}
    for coder, s, e, code in segments:
        starts.setdefault(s, []).append((coder, code))
        ends.setdefault(e, []).append((coder, code))
    active: list[dict[int, int]] = [{} for _ in range(n_coders)]
    out: list[tuple[int, int, list[set[int]]]] = []
    for left, right in pairwise(bounds):
        for coder, code in ends.get(left, ()):
            active[coder][code] -= 1
            if not active[coder][code]:
                del active[coder][code]
        for coder, code in starts.get(left, ()):
            active[coder][code] = active[coder].get(code, 0) + 1
        sets = [set(a) for a in active]
        if all(x == sets[0] for x in sets[1:]):
            continue
        if out and out[-1][1] == left:
            prev = out[-1]
            out[-1] = (prev[0], right, [p | q for p, q in zip(prev[2], sets, strict=True)])
        else:
            out.append((left, right, sets))
    return out
