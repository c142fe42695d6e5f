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
    per_doc = document_tallies(prep, value_map)
    tally = Tally(n_values=per_doc.n_values)
    tally.o = per_doc.o.sum(axis=0)
    tally.self_pairs = per_doc.self_pairs.sum(axis=0)
    tally.cu_self_pairs = per_doc.cu_self_pairs.sum(axis=0)
    tally.n_segments = per_doc.n_segments
    tally.warnings = per_doc.warnings
    return tally


@dataclass
class DocumentTallies:
    """The sums of ``Tally`` kept apart per document (first axis), for resampling.

    The unitizing alphas depend on the documents only through these sums, so a bootstrap
    replicate that draws documents with replacement is a weighted sum of the rows.
    """

    n_values: int
    o: npt.NDArray[np.float64]  # D x V x V
    self_pairs: npt.NDArray[np.float64]  # D x V
    cu_self_pairs: npt.NDArray[np.float64]  # D x V
    segments: npt.NDArray[np.int64]  # D: coded segments per document (all coders)
    warnings: list[str] = field(default_factory=list)

    @property
    def n_segments(self) -> int:
        return int(self.segments.sum())


def document_tallies(prep: Prepared, value_map: Mapping[Hashable, int]) -> DocumentTallies:
    """Observed coincidences and self-pair sums per document (summed over coder pairs)."""
    v = 1 + max(value_map.values(), default=0)
    n_docs = len(prep.docs)
    out = DocumentTallies(
        v,
        np.zeros((n_docs, v, v)),
        np.zeros((n_docs, v)),
        np.zeros((n_docs, v)),
        np.zeros(n_docs, dtype=np.int64),
    )
    # Look-up table from code id to this computation's value (0 = not part of it).
    lut = np.array([value_map.get(code, 0) for code in prep.codes] + [0], dtype=np.int64)
    m = len(prep.coders)
    for d, per_coder in enumerate(prep.docs):
        length = prep.lengths[d]
        if not any((lut[ids] > 0).any() for _, _, ids in per_coder.values()):
            # Nobody used these values here: every coder has one gap of length L, and
            # each of the m(m-1) ordered pairs agrees on it. Common for per-code figures.
            out.o[d, GAP_INDEX, GAP_INDEX] += m * (m - 1) * length
            out.self_pairs[d, GAP_INDEX] += m * length
            continue
        parts = []
        for coder in prep.coders:
            starts, ends, ids = per_coder[coder]
            vals = lut[ids]
            mine = vals > 0
            s, e, val, overlap = coder_sections(starts[mine], ends[mine], vals[mine], length)
            if overlap:
                out.warnings.append(
                    f"document {prep.names[d]}, coder {coder!r}: segments with different "
                    "values overlap"
                )
            lengths = (e - s).astype(np.float64)
            unit = val != GAP_INDEX
            out.segments[d] += int(unit.sum())
            # A segment cannot meet itself in a random pairing: l^2 pairs of its
            # characters are lost; a gap is divisible, so only its l self-pairs are.
            sq = np.where(unit, lengths * lengths, lengths)
            out.self_pairs[d] += np.bincount(val, weights=sq, minlength=v)
            parts.append((s, e, val))
        for i, (si, ei, vi) in enumerate(parts):
            for j, (sj, ej, vj) in enumerate(parts):
                if i == j:
                    continue
                inter = np.minimum(ei[:, None], ej[None, :]) - np.maximum(si[:, None], sj[None, :])
                inter = np.clip(inter, 0, None).astype(np.float64)
                cells = (vi[:, None] * v + vj[None, :]).ravel()
                out.o[d] += np.bincount(cells, weights=inter.ravel(), minlength=v * v).reshape(v, v)
                # For cu: how much of each of i's segments j also coded (with any value).
                reduced = inter[:, vj != GAP_INDEX].sum(axis=1)
                unit = vi != GAP_INDEX
                out.cu_self_pairs[d] += np.bincount(
                    vi[unit], weights=reduced[unit] ** 2, minlength=v
                )
    if m > 1:
        out.o /= m - 1
        out.cu_self_pairs /= m - 1
    return out


def alphas_from_tallies(
    o: npt.NDArray[np.float64], self_pairs: npt.NDArray[np.float64], kind: str
) -> npt.NDArray[np.float64]:
    """u or binary (|u) alpha for each row of stacked sums (o: B x V x V, S: B x V).

    The same arithmetic as ``unitizing._gap_vs_units``, vectorised over replicates;
    NaN where the expected disagreement is zero.
    """
    margins = o.sum(axis=2)
    total = margins.sum(axis=1)
    denom = total * total - self_pairs.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = (total / denom)[:, None, None]
        e = scale * (margins[:, :, None] * margins[:, None, :] - _diag(self_pairs))
        if kind == "u":
            d_o = (total - np.trace(o, axis1=1, axis2=2)) / total
            d_e = (total - np.trace(e, axis1=1, axis2=2)) / total
        else:
            d_o = (margins[:, GAP_INDEX] - o[:, GAP_INDEX, GAP_INDEX]) / total
            d_e = (e[:, GAP_INDEX].sum(axis=1) - e[:, GAP_INDEX, GAP_INDEX]) / total
        alpha = 1.0 - d_o / d_e
    ok = (denom > 0) & np.isfinite(d_e) & (d_e > 1e-12)
    return np.where(ok, alpha, np.nan)


def _diag(rows: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    out = np.zeros((*rows.shape, rows.shape[-1]))
    idx = np.arange(rows.shape[-1])
    out[:, idx, idx] = rows
    return out


def expected_coincidences(
    margins: npt.NDArray[np.float64], self_pairs: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """e_ck = l.. (l_c l_k - [c = k] S_c) / (l..^2 - sum S); see docs/agreement.md."""
    total = float(margins.sum())
    denom = total * total - float(self_pairs.sum())
    if denom <= 0:
        return np.full((len(margins), len(margins)), math.nan)
    return np.asarray(total * (np.outer(margins, margins) - np.diag(self_pairs)) / denom)
