"""Unit mode: per value set (code or cluster) a coders x units binary matrix, as counts.

A coder *applied* a code to a unit when the union of their codings with that code covers
more than ``threshold`` of the unit's characters (0.0: any overlap at all). A cluster
counts as applied when any code of it is (the union of all its codes' codings), the
binary "any code of the cluster" reading ATLAS.ti also uses for semantic domains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from qualcode.core.agreement_project.continuum import merge_segments
from qualcode.core.agreement_project.counting import MISSING_STATE, ZERO_STATE, Patterns
from qualcode.core.agreement_project.scope import Scope

IntArray = npt.NDArray[np.int64]


@dataclass
class UnitTables:
    """Everything later steps need: per value set its pattern counts per document."""

    doc_of_unit: IntArray  # document index per global unit
    unit_start: IntArray  # offsets within the document
    unit_end: IntArray
    base: IntArray  # pattern of each unit when nobody applied anything
    tables: list[npt.NDArray[np.float64]]  # per value set: documents x patterns
    disputed: list[IntArray]  # per value set: disputed global unit indices
    applied: dict[tuple[int, int], IntArray]  # (value set, coder) -> unit indices


def build_tables(
    scope: Scope,
    value_sets: list[list[int]],
    threshold: float,
    pat: Patterns,
    progress: Callable[[int, int], None] | None = None,
) -> UnitTables:
    m = len(scope.coders)
    docs = scope.documents
    char_offset, unit_offset = [], []
    c_pos = u_pos = 0
    for d in docs:
        char_offset.append(c_pos)
        unit_offset.append(u_pos)
        c_pos += len(d.text) + 1  # +1: a unit or coding never spans two documents
        u_pos += len(d.units)
    n_units = u_pos
    doc_of_unit = np.repeat(np.arange(len(docs)), [len(d.units) for d in docs]).astype(np.int64)
    us = np.array([s for d in docs for s, _ in d.units], dtype=np.int64)
    ue = np.array([e for d in docs for _, e in d.units], dtype=np.int64)
    g_us = us + np.array(char_offset, dtype=np.int64)[doc_of_unit] if n_units else us
    g_ue = ue + np.array(char_offset, dtype=np.int64)[doc_of_unit] if n_units else ue
    present = np.array([d.present for d in docs], dtype=np.int64).reshape(len(docs), m)
    weights = 3 ** np.arange(m, dtype=np.int64)
    doc_base = (np.where(present == 1, ZERO_STATE, MISSING_STATE) * weights).sum(axis=1)
    base = doc_base[doc_of_unit] if n_units else np.zeros(0, dtype=np.int64)
    # Every coding once per value set it belongs to.
    member: dict[int, list[int]] = {}
    for k, ids in enumerate(value_sets):
        for cid in ids:
            member.setdefault(cid, []).append(k)
    vs_l, coder_l, start_l, end_l = [], [], [], []
    for d, off in zip(docs, char_offset, strict=True):
        for coder, c_start, c_end, cid in d.codings:
            for k in member.get(cid, ()):
                vs_l.append(k)
                coder_l.append(coder)
                start_l.append(c_start + off)
                end_l.append(c_end + off)
    group = np.array(vs_l, dtype=np.int64) * m + np.array(coder_l, dtype=np.int64)
    g, s, e = merge_segments(group, np.array(start_l, dtype=np.int64), np.array(end_l, np.int64))
    applied_keys = _applied(g, s, e, g_us, g_ue, threshold)
    n = max(n_units, 1)
    unit_of, group_of = applied_keys % n, applied_keys // n
    vs_of, coder_of = group_of // m, group_of % m
    bounds = np.searchsorted(vs_of, np.arange(len(value_sets) + 1))
    tables: list[npt.NDArray[np.float64]] = []
    disputed: list[IntArray] = []
    applied: dict[tuple[int, int], IntArray] = {}
    n_docs = len(docs)
    for k in range(len(value_sets)):
        lo, hi = bounds[k], bounds[k + 1]
        units_k, coders_k = unit_of[lo:hi], coder_of[lo:hi]
        pattern = base.copy()
        np.add.at(pattern, units_k, weights[coders_k])
        flat = doc_of_unit * pat.size + pattern
        tables.append(
            np.bincount(flat, minlength=n_docs * pat.size)
            .reshape(n_docs, pat.size)
            .astype(np.float64)
        )
        touched = np.unique(units_k)
        disputed.append(touched[pat.disputed[pattern[touched]]])
        for i in range(m):
            applied[(k, i)] = units_k[coders_k == i]
        if progress is not None:
            progress(k + 1, len(value_sets))
    return UnitTables(doc_of_unit, us, ue, base, tables, disputed, applied)


def _applied(
    g: IntArray, s: IntArray, e: IntArray, us: IntArray, ue: IntArray, threshold: float
) -> IntArray:
    """Sorted unique keys group * N + unit of units covered more than ``threshold``."""
    n = us.size
    if s.size == 0 or n == 0:
        return np.zeros(0, dtype=np.int64)
    first = np.searchsorted(ue, s, side="right")  # first unit ending after s
    last = np.searchsorted(us, e, side="left")  # units starting before e
    count = np.maximum(last - first, 0)
    seg = np.repeat(np.arange(s.size), count)
    offsets = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    unit = np.repeat(first, count) + offsets
    overlap = np.minimum(e[seg], ue[unit]) - np.maximum(s[seg], us[unit])
    keep = overlap > 0
    keys = g[seg[keep]] * n + unit[keep]
    uniq, inv = np.unique(keys, return_inverse=True)
    covered = np.bincount(inv, weights=overlap[keep].astype(np.float64))
    unit_len = (ue - us).astype(np.float64)[uniq % n]
    return np.asarray(uniq[covered - threshold * unit_len > 1e-9], dtype=np.int64)
