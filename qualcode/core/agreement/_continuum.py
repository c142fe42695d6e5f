"""The continuum arithmetic behind the unitizing alphas (see ``unitizing.py``).

Turns each coder's segments into a partition of the document (segments plus gaps) and
sums, over documents and ordered coder pairs, the intersection lengths (observed
coincidences) and the self-pair terms the expected coincidences need. Formulas and
sources: ``docs/agreement.md`` section 3.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
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


def coder_sections(
    segments: Iterable[SegmentLike],
    value_map: Mapping[Hashable, int],
    length: int,
    where: str,
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], bool]:
    """One coder's partition: (starts, ends, value indices) incl. gaps; flag overlaps."""
    kept: list[tuple[int, int, int]] = []
    for seg in segments:
        start, end, value = (seg.start, seg.end, seg.value) if isinstance(seg, Segment) else seg
        if not (0 <= start < end <= length):
            raise ValueError(
                f"{where}: segment ({start}, {end}, {value!r}) must satisfy "
                f"0 <= start < end <= {length}"
            )
        if value in value_map:
            kept.append((value_map[value], int(start), int(end)))
    # Merge overlaps within one value (strictly overlapping only: touching segments
    # stay separate, because each coded segment is a unit of its own).
    kept.sort()
    merged: list[tuple[int, int, int]] = []
    for v, s, e in kept:
        if merged and merged[-1][0] == v and s < merged[-1][2]:
            pv, ps, pe = merged[-1]
            merged[-1] = (pv, ps, max(pe, e))
        else:
            merged.append((v, s, e))
    merged.sort(key=lambda t: (t[1], t[2]))
    overlap = any(merged[k + 1][1] < merged[k][2] for k in range(len(merged) - 1))
    starts = [s for _, s, _ in merged]
    ends = [e for _, _, e in merged]
    values = [v for v, _, _ in merged]
    # Gaps: what this coder left uncoded (complement of the union of its segments).
    cursor = 0
    for s, e in sorted(zip(starts, ends, strict=True)):
        if s > cursor:
            starts.append(cursor)
            ends.append(s)
            values.append(GAP_INDEX)
        cursor = max(cursor, e)
    if cursor < length:
        starts.append(cursor)
        ends.append(length)
        values.append(GAP_INDEX)
    return (
        np.array(starts, dtype=np.int64),
        np.array(ends, dtype=np.int64),
        np.array(values, dtype=np.int64),
        overlap,
    )


def tally_documents(
    documents: Sequence[UnitizedDocument],
    coders: Sequence[str],
    value_map: Mapping[Hashable, int],
) -> Tally:
    tally = Tally(n_values=1 + max(value_map.values(), default=0))
    v = tally.n_values
    for d, doc in enumerate(documents):
        if doc.length <= 0:
            raise ValueError(f"document {doc.name or d}: length must be positive")
        parts = []
        for coder in coders:
            where = f"document {doc.name or d}, coder {coder!r}"
            s, e, val, overlap = coder_sections(
                doc.codings.get(coder, ()), value_map, doc.length, where
            )
            if overlap:
                tally.warnings.append(f"{where}: segments with different values overlap")
            lengths = (e - s).astype(np.float64)
            unit = val != GAP_INDEX
            tally.n_segments += int(unit.sum())
            # A segment cannot meet itself in a random pairing: l^2 pairs of its
            # characters are lost; a gap is divisible, so only its l self-pairs are.
            sq = np.where(unit, lengths * lengths, lengths)
            tally.self_pairs += np.bincount(val, weights=sq, minlength=v)
            parts.append((s, e, val))
        for i, (si, ei, vi) in enumerate(parts):
            for j, (sj, ej, vj) in enumerate(parts):
                if i == j:
                    continue
                inter = np.minimum(ei[:, None], ej[None, :]) - np.maximum(si[:, None], sj[None, :])
                inter = np.clip(inter, 0, None).astype(np.float64)
                cells = (vi[:, None] * v + vj[None, :]).ravel()
                tally.o += np.bincount(cells, weights=inter.ravel(), minlength=v * v).reshape(v, v)
                # For cu: how much of each of i's segments j also coded (with any value).
                reduced = inter[:, vj != GAP_INDEX].sum(axis=1)
                unit = vi != GAP_INDEX
                tally.cu_self_pairs += np.bincount(
                    vi[unit], weights=reduced[unit] ** 2, minlength=v
                )
    m = len(coders)
    tally.o /= m - 1
    tally.cu_self_pairs /= m - 1
    return tally


def expected_coincidences(
    margins: npt.NDArray[np.float64], self_pairs: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """e_ck = l.. (l_c l_k - [c = k] S_c) / (l..^2 - sum S)   (2016, eqs. 4 and 10)."""
    total = float(margins.sum())
    denom = total * total - float(self_pairs.sum())
    if denom <= 0:
        return np.full((len(margins), len(margins)), math.nan)
    return np.asarray(total * (np.outer(margins, margins) - np.diag(self_pairs)) / denom)
