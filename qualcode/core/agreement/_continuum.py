"""The continuum arithmetic behind the unitizing alphas (see ``unitizing.py``).

Turns each coder's segments into a partition of the document (segments plus gaps) and
sums, over documents and ordered coder pairs, the intersection lengths (observed
coincidences) and the self-pair terms the expected coincidences need. Formulas and
sources: ``docs/agreement.md`` section 3.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

GAP_INDEX = 0  # row/column of gaps in every coincidence matrix here


@dataclass(frozen=True)
class Segment:
    """A coded stretch [start, end) of character offsets with its code (value)."""

    start: int
    end: int
    value: Hashable


SegmentLike = Segment | tuple[int, int, Hashable]


@dataclass(frozen=True)
class UnitizedDocument:
    """One document: its length in characters and each coder's segments.

    A coder listed in the computation but absent from ``codings`` coded nothing in this
    document (all gap); that is data, not missing data.
    """

    length: int
    codings: Mapping[str, Sequence[SegmentLike]]
    name: str = ""


@dataclass
class Tally:
    """Sums over documents that the expected coincidences are formed from."""

    n_values: int
    o: npt.NDArray[np.float64] = field(init=False)
    self_pairs: npt.NDArray[np.float64] = field(init=False)  # S_c: l^2 per segment, l per gap
    cu_self_pairs: npt.NDArray[np.float64] = field(init=False)  # S'_c for cu
    n_segments: int = 0
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.o = np.zeros((self.n_values, self.n_values))
        self.self_pairs = np.zeros(self.n_values)
        self.cu_self_pairs = np.zeros(self.n_values)


@dataclass(frozen=True)
class Prepared:
    """Validated segments as arrays, built once and reused by every coefficient.

    ``docs[d][coder]`` is (starts, ends, code ids); code ids index ``codes``.
    """

    lengths: tuple[int, ...]
    names: tuple[str, ...]
    coders: tuple[str, ...]
    codes: tuple[Hashable, ...]
    docs: tuple[dict[str, tuple[IntArray, IntArray, IntArray]], ...]


IntArray = npt.NDArray[np.int64]


def prepare(documents: Sequence[UnitizedDocument], coders: Sequence[str] | None) -> Prepared:
    """Check every segment once and turn the codings into arrays."""
    if coders is None:
        coders = sorted({c for doc in documents for c in doc.codings})
    code_ids: dict[Hashable, int] = {}
    docs: list[dict[str, tuple[IntArray, IntArray, IntArray]]] = []
    for d, doc in enumerate(documents):
        name = doc.name or str(d)
        if doc.length <= 0:
            raise ValueError(f"document {name}: length must be positive")
        per_coder: dict[str, tuple[IntArray, IntArray, IntArray]] = {}
        for coder in coders:
            rows: list[tuple[int, int, int]] = []
            for seg in doc.codings.get(coder, ()):
                start, end, value = (
                    (seg.start, seg.end, seg.value) if isinstance(seg, Segment) else seg
                )
                if not (0 <= start < end <= doc.length):
                    raise ValueError(
                        f"document {name}, coder {coder!r}: segment ({start}, {end}, "
                        f"{value!r}) must satisfy 0 <= start < end <= {doc.length}"
                    )
                rows.append((int(start), int(end), code_ids.setdefault(value, len(code_ids))))
            arr = np.array(rows, dtype=np.int64).reshape(-1, 3)
            per_coder[coder] = (arr[:, 0], arr[:, 1], arr[:, 2])
        docs.append(per_coder)
    return Prepared(
        lengths=tuple(doc.length for doc in documents),
        names=tuple(doc.name or str(d) for d, doc in enumerate(documents)),
        coders=tuple(coders),
        codes=tuple(code_ids),
        docs=tuple(docs),
    )


def coder_sections(
    starts: IntArray, ends: IntArray, values: IntArray, length: int
) -> tuple[IntArray, IntArray, IntArray, bool]:
    """One coder's partition: (starts, ends, value indices) incl. gaps; flag overlaps.

    ``values`` are the computation's value indices (>= 1). Overlapping segments with the
    same value merge into their union; touching ones stay separate, because each coded
    segment is a unit of its own.
    """
    if starts.size:
        order = np.lexsort((starts, values))
        s, e, v = starts[order], ends[order], values[order]
        # Offsetting each value's positions by value * (length + 1) lets one running
        # maximum serve all values at once, since values are sorted in blocks.
        off = v * (length + 1)
        run_end = np.maximum.accumulate(e + off)
        new = np.ones(s.size, dtype=bool)
        new[1:] = (s[1:] + off[1:]) >= run_end[:-1]
        first = np.flatnonzero(new)
        s, v = s[first], v[first]
        e = np.maximum.reduceat(e + off, first) - v * (length + 1)
        order = np.lexsort((e, s))
        s, e, v = s[order], e[order], v[order]
        reach = np.maximum.accumulate(e)
        overlap = bool((s[1:] < reach[:-1]).any())
        # Gaps: what this coder left uncoded (complement of the union of its segments).
        prev_reach = np.concatenate(([0], reach[:-1]))
        has_gap = s > prev_reach
        gap_s = np.append(prev_reach[has_gap], reach[-1])
        gap_e = np.append(s[has_gap], length)
    else:
        s = e = v = np.zeros(0, dtype=np.int64)
        overlap = False
        gap_s, gap_e = np.array([0]), np.array([length])
    keep = gap_e > gap_s
    gap_s, gap_e = gap_s[keep], gap_e[keep]
    return (
        np.concatenate((s, gap_s)).astype(np.int64),
        np.concatenate((e, gap_e)).astype(np.int64),
        np.concatenate((v, np.full(gap_s.size, GAP_INDEX))).astype(np.int64),
        overlap,
    )


def tally_documents(prep: Prepared, value_map: Mapping[Hashable, int]) -> Tally:
    """Observed coincidences and self-pair sums over all documents and coder pairs."""
    return document_tallies(prep, value_map).total()


@dataclass
class DocumentTallies:
    """The sums of ``Tally`` over all documents, plus per document (first axis) what the
    u and binary alphas need, for resampling documents.

    The unitizing alphas depend on the documents only through sums over documents, so a
    bootstrap replicate that draws documents with replacement is a weighted sum of the
    per-document rows. Kept per document: the margins l_c, the diagonal sum of l_cc, the
    gap-gap coincidences and the self-pair sum; not the V x V matrices (memory).
    """

    n_values: int
    o: npt.NDArray[np.float64]  # V x V, summed over documents
    cu_self_pairs: npt.NDArray[np.float64]  # V, summed
    margins: npt.NDArray[np.float64]  # D x V
    diagonal: npt.NDArray[np.float64]  # D: sum_c o_cc
    gap_gap: npt.NDArray[np.float64]  # D: o_gap,gap
    self_pairs: npt.NDArray[np.float64]  # D x V
    segments: npt.NDArray[np.int64]  # D: coded segments per document (all coders)
    warnings: list[str] = field(default_factory=list)

    @property
    def n_segments(self) -> int:
        return int(self.segments.sum())

    def total(self) -> Tally:
        tally = Tally(n_values=self.n_values)
        tally.o = self.o
        tally.self_pairs = self.self_pairs.sum(axis=0)
        tally.cu_self_pairs = self.cu_self_pairs
        tally.n_segments = self.n_segments
        tally.warnings = self.warnings
        return tally

    def alphas(self, weights: npt.NDArray[np.float64] | None, kind: str) -> npt.NDArray[np.float64]:
        """u or binary alpha for each row of ``weights`` (replicates x documents); None:
        one row per document (that document alone)."""
        if weights is None:
            return alphas_from_sums(
                self.margins, self.diagonal, self.gap_gap, self.self_pairs.sum(axis=1), kind
            )
        return alphas_from_sums(
            weights @ self.margins,
            weights @ self.diagonal,
            weights @ self.gap_gap,
            weights @ self.self_pairs.sum(axis=1),
            kind,
        )

    def alpha(self, kind: str) -> float:
        """The figure over all documents."""
        ones = np.ones((1, self.margins.shape[0]))
        return float(self.alphas(ones, kind)[0])


def document_tallies(prep: Prepared, value_map: Mapping[Hashable, int]) -> DocumentTallies:
    """Observed coincidences and self-pair sums, summed and per document."""
    v = 1 + max(value_map.values(), default=0)
    n_docs = len(prep.docs)
    o_sum = np.zeros((v, v))
    cu_sum = np.zeros(v)
    margins = np.zeros((n_docs, v))
    diagonal = np.zeros(n_docs)
    gap_gap = np.zeros(n_docs)
    self_pairs = np.zeros((n_docs, v))
    segments = np.zeros(n_docs, dtype=np.int64)
    warnings: list[str] = []
    # Look-up table from code id to this computation's value (0 = not part of it).
    lut = np.array([value_map.get(code, 0) for code in prep.codes] + [0], dtype=np.int64)
    m = len(prep.coders)
    scale = 1.0 / (m - 1) if m > 1 else 1.0
    for d, per_coder in enumerate(prep.docs):
        length = prep.lengths[d]
        if not any((lut[ids] > 0).any() for _, _, ids in per_coder.values()):
            # Nobody used these values here: every coder has one gap of length L, and
            # each of the m(m-1) ordered pairs agrees on it. Common for per-code figures.
            agree = m * (m - 1) * length * scale
            o_sum[GAP_INDEX, GAP_INDEX] += agree
            margins[d, GAP_INDEX] = diagonal[d] = gap_gap[d] = agree
            self_pairs[d, GAP_INDEX] = m * length
            continue
        o = np.zeros((v, v))
        cu = np.zeros(v)
        parts = []
        for coder in prep.coders:
            starts, ends, ids = per_coder[coder]
            vals = lut[ids]
            mine = vals > 0
            s, e, val, overlap = coder_sections(starts[mine], ends[mine], vals[mine], length)
            if overlap:
                warnings.append(
                    f"document {prep.names[d]}, coder {coder!r}: segments with different "
                    "values overlap"
                )
            lengths = (e - s).astype(np.float64)
            unit = val != GAP_INDEX
            segments[d] += int(unit.sum())
            # A segment cannot meet itself in a random pairing: l^2 pairs of its
            # characters are lost; a gap is divisible, so only its l self-pairs are.
            sq = np.where(unit, lengths * lengths, lengths)
            self_pairs[d] += np.bincount(val, weights=sq, minlength=v)
            parts.append((s, e, val))
        for i, (si, ei, vi) in enumerate(parts):
            for j, (sj, ej, vj) in enumerate(parts):
                if i == j:
                    continue
                inter = np.minimum(ei[:, None], ej[None, :]) - np.maximum(si[:, None], sj[None, :])
                inter = np.clip(inter, 0, None).astype(np.float64)
                cells = (vi[:, None] * v + vj[None, :]).ravel()
                o += np.bincount(cells, weights=inter.ravel(), minlength=v * v).reshape(v, v)
                # For cu: how much of each of i's segments j also coded (with any value).
                reduced = inter[:, vj != GAP_INDEX].sum(axis=1)
                unit = vi != GAP_INDEX
                cu += np.bincount(vi[unit], weights=reduced[unit] ** 2, minlength=v)
        o *= scale
        o_sum += o
        cu_sum += cu * scale
        margins[d] = o.sum(axis=1)
        diagonal[d] = float(np.trace(o))
        gap_gap[d] = o[GAP_INDEX, GAP_INDEX]
    return DocumentTallies(
        v, o_sum, cu_sum, margins, diagonal, gap_gap, self_pairs, segments, warnings
    )


def alphas_from_sums(
    margins: npt.NDArray[np.float64],
    diagonal: npt.NDArray[np.float64],
    gap_gap: npt.NDArray[np.float64],
    self_sum: npt.NDArray[np.float64],
    kind: str,
) -> npt.NDArray[np.float64]:
    """u or binary (|u) alpha for each row of summed tallies; NaN where undefined.

    The arithmetic of ``unitizing._gap_vs_units`` without forming the expected matrix:
    with e_ck = l.. (l_c l_k - [c = k] S_c) / (l..^2 - sum S),
    sum_c e_cc = l.. (sum_c l_c^2 - sum S) / (l..^2 - sum S) and
    e_gap. - e_gap,gap = l.. l_gap (l.. - l_gap) / (l..^2 - sum S).
    """
    total = margins.sum(axis=1)
    denom = total * total - self_sum
    with np.errstate(divide="ignore", invalid="ignore"):
        if kind == "u":
            expected_diag = total * ((margins * margins).sum(axis=1) - self_sum) / denom
            d_o = (total - diagonal) / total
            d_e = (total - expected_diag) / total
        else:
            gap = margins[:, GAP_INDEX]
            d_o = (gap - gap_gap) / total
            d_e = gap * (total - gap) / denom
        alpha = 1.0 - d_o / d_e
    ok = (denom > 0) & np.isfinite(d_e) & (d_e > 1e-12)
    return np.where(ok, alpha, np.nan)


def expected_coincidences(
    margins: npt.NDArray[np.float64], self_pairs: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """e_ck = l.. (l_c l_k - [c = k] S_c) / (l..^2 - sum S); see docs/agreement.md."""
    total = float(margins.sum())
    denom = total * total - float(self_pairs.sum())
    if denom <= 0:
        return np.full((len(margins), len(margins)), math.nan)
    return np.asarray(total * (np.outer(margins, margins) - np.diag(self_pairs)) / denom)
