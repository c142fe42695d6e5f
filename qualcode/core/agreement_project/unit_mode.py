"""Unit mode: per value set (code or cluster) a coders x units binary matrix, as counts.

A coder *applied* a code to a unit when the union of their codings with that code covers
more than ``threshold`` of the unit's characters (0.0: any overlap at all). A cluster
counts as applied when any code of it is (the union of all its codes' codings), the
binary "any code of the cluster" reading ATLAS.ti also uses for semantic domains.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, pairwise

import numpy as np
import numpy.typing as npt

from qualcode.core.agreement_project.continuum import merge_segments
from qualcode.core.agreement_project.counting import MISSING_STATE, ZERO_STATE, Patterns
from qualcode.core.agreement_project.records import CoderCodes, Disagreement
from qualcode.core.agreement_project.scope import DocData, Scope
from qualcode.core.retrieval import paragraph_starts

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
    # Who applied what where: (value set * coders + coder) and unit, sorted by both.
    applied_group: IntArray
    applied_unit: IntArray

    def applied(self, k: int, coder: int, n_coders: int) -> IntArray:
        """The units where ``coder`` applied value set ``k`` (sorted)."""
        g = k * n_coders + coder
        lo, hi = np.searchsorted(self.applied_group, [g, g + 1])
        return self.applied_unit[lo:hi]


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
    g, s, e = merge_segments(*_coding_rows(docs, char_offset, member, m))
    applied_keys = _applied(g, s, e, g_us, g_ue, threshold)
    n = max(n_units, 1)
    n_sets, n_docs = len(value_sets), len(docs)
    unit_of, group_of = applied_keys % n, applied_keys // n
    vs_of, coder_of = group_of // m, group_of % m
    # All value sets at once: a unit's pattern is its base plus the weights of the coders
    # who applied the set there; only touched (set, unit) cells differ from the base, so
    # each table is the base table corrected at those cells.
    cell, inverse = np.unique(vs_of * n + unit_of, return_inverse=True)
    cell_k, cell_u = cell // n, cell % n
    pattern = base[cell_u] + np.bincount(inverse, weights=weights[coder_of]).astype(np.int64)
    size = n_docs * pat.size
    base_table = np.bincount(doc_of_unit * pat.size + base, minlength=size)
    where = doc_of_unit[cell_u] * pat.size
    hot = pat.disputed[pattern]
    cell_bounds = np.searchsorted(cell_k, np.arange(n_sets + 1))
    tables: list[npt.NDArray[np.float64]] = []
    disputed: list[IntArray] = []
    for k in range(n_sets):
        lo, hi = cell_bounds[k], cell_bounds[k + 1]
        # Per set, not one sets x documents x patterns array: that one is tens of MB.
        fix = np.bincount(where[lo:hi] + pattern[lo:hi], minlength=size) - np.bincount(
            where[lo:hi] + base[cell_u[lo:hi]], minlength=size
        )
        tables.append((base_table + fix).astype(np.float64).reshape(n_docs, pat.size))
        disputed.append(cell_u[lo:hi][hot[lo:hi]])
        if progress is not None:
            progress(k + 1, n_sets)
    return UnitTables(doc_of_unit, us, ue, base, tables, disputed, group_of, unit_of)


def _coding_rows(
    docs: list[DocData], char_offset: list[int], member: dict[int, list[int]], m: int
) -> tuple[IntArray, IntArray, IntArray]:
    """(group = value set * m + coder, start, end) of every coding once per value set it
    belongs to, offsets made global; flat arrays rather than a Python loop per coding."""
    n_per_doc = [len(d.codings) for d in docs]
    flat = np.fromiter(
        chain.from_iterable(chain.from_iterable(d.codings for d in docs)),
        dtype=np.int64,
        count=4 * sum(n_per_doc),
    ).reshape(-1, 4)
    offset = np.repeat(np.array(char_offset, dtype=np.int64), n_per_doc)
    coder, start, end, cid = flat[:, 0], flat[:, 1] + offset, flat[:, 2] + offset, flat[:, 3]
    pairs = sorted((c, k) for c, ks in member.items() for k in ks)
    p_cid = np.array([c for c, _ in pairs], dtype=np.int64)
    p_set = np.array([k for _, k in pairs], dtype=np.int64)
    lo = np.searchsorted(p_cid, cid, side="left")
    count = np.searchsorted(p_cid, cid, side="right") - lo
    row = np.repeat(np.arange(cid.size), count)
    at = (
        np.repeat(lo, count)
        + np.arange(int(count.sum()))
        - np.repeat(np.cumsum(count) - count, count)
    )
    return p_set[at] * m + coder[row], start[row], end[row]


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


def unit_disagreements(
    scope: Scope, codes_vs: list[tuple[int, list[int]]], tables: UnitTables
) -> tuple[Disagreement, ...]:
    """Every disputed unit with what each coder applied there and where a reader finds it.

    Built from flat arrays (unit, coder, code) sorted once, so the Python work is one
    step per disagreement and per (unit, coder), not per code: a year-long study has tens
    of thousands of disputed units over hundreds of codes.
    """
    n_codes, m = len(codes_vs), len(scope.coders)
    sizes = [tables.disputed[k].size for k in range(n_codes)]
    if sum(sizes) == 0:
        return ()
    du = np.concatenate([tables.disputed[k] for k in range(n_codes)])
    dk = np.repeat(np.arange(n_codes, dtype=np.int64), sizes)
    order = np.lexsort((dk, du))
    du, dk = du[order], dk[order]
    keys, first = np.unique(du, return_index=True)
    is_disputed = np.zeros(tables.doc_of_unit.size, dtype=bool)
    is_disputed[keys] = True
    keep = (tables.applied_group < n_codes * m) & is_disputed[tables.applied_unit]
    au, group = tables.applied_unit[keep], tables.applied_group[keep]
    ak, ai = group // m, group % m
    order = np.lexsort((ak, ai, au))
    a_group = (au * m + ai)[order]
    a_k = ak[order]
    # Code paths in the order of codes_vs (sorted by path, case-insensitively), each once.
    names = [scope.code_paths[cid] for cid, _ in codes_vs]
    cache: dict[tuple[int, ...], tuple[str, ...]] = {(): ()}

    def paths(ks: list[int]) -> tuple[str, ...]:
        key = tuple(ks)
        found = cache.get(key)
        if found is None:
            found = cache[key] = tuple(dict.fromkeys(names[k] for k in key))
        return found

    # CoderCodes is frozen: one shared instance per (coder, codes) instead of one per cell.
    shared: dict[tuple[int, ...], CoderCodes] = {}
    applied: dict[int, CoderCodes] = {}
    if a_group.size:
        cut = np.flatnonzero(np.diff(a_group)) + 1
        starts = [0, *cut.tolist()]
        ends = [*cut.tolist(), int(a_group.size)]
        ks_all = a_k.tolist()
        for g, lo, hi in zip(a_group[starts].tolist(), starts, ends, strict=True):
            key = (g % m, *ks_all[lo:hi])
            found = shared.get(key)
            if found is None:
                found = shared[key] = CoderCodes(scope.coders[key[0]], paths(ks_all[lo:hi]))
            applied[g] = found
    nothing = [CoderCodes(name, ()) for name in scope.coders]
    present = [[i for i in range(m) if doc.present[i]] for doc in scope.documents]
    bounds = [*first.tolist(), int(du.size)]
    dk_all = dk.tolist()
    single = [(names[k],) for k in range(n_codes)]  # most units: one disputed code
    disputed_paths = [
        single[dk_all[lo]] if hi - lo == 1 else paths(dk_all[lo:hi]) for lo, hi in pairwise(bounds)
    ]
    doc_index = tables.doc_of_unit[keys]
    u_start, u_end = tables.unit_start[keys], tables.unit_end[keys]
    paragraph, turn = _places(scope, doc_index, u_start)
    out = []
    for j, (u, d, s, e, para, t) in enumerate(
        zip(
            keys.tolist(),
            doc_index.tolist(),
            u_start.tolist(),
            u_end.tolist(),
            paragraph.tolist(),
            turn.tolist(),
            strict=True,
        )
    ):
        doc = scope.documents[d]
        at = u * m
        by_coder = tuple([applied.get(at + i, nothing[i]) for i in present[d]])
        out.append(
            Disagreement(
                doc.id,
                doc.name,
                s,
                e,
                doc.text[s:e],
                by_coder,
                disputed_paths[j],
                paragraph=para,
                turn=t + 1 if t >= 0 else None,
                speaker=doc.turns[t][2] if t >= 0 else None,
            )
        )
    return tuple(out)


def _places(scope: Scope, doc_index: IntArray, start: IntArray) -> tuple[IntArray, IntArray]:
    """Per offset: its paragraph (1-based, as ``service.locate``) and the index of the
    speaker turn it lies inside (-1 when outside every turn)."""
    paragraph = np.ones(start.size, dtype=np.int64)
    turn = np.full(start.size, -1, dtype=np.int64)
    cut = np.flatnonzero(np.diff(doc_index)) + 1
    for lo, hi in zip([0, *cut.tolist()], [*cut.tolist(), start.size], strict=True):
        if lo == hi:
            continue
        doc = scope.documents[int(doc_index[lo])]
        s = start[lo:hi]
        paras = np.array(paragraph_starts(doc.text), dtype=np.int64)
        paragraph[lo:hi] = np.maximum(1, np.searchsorted(paras, s, side="right"))
        if doc.turns:
            t_start = np.array([t[0] for t in doc.turns], dtype=np.int64)
            t_end = np.array([t[1] for t in doc.turns], dtype=np.int64)
            k = np.searchsorted(t_start, s, side="right") - 1
            inside = (k >= 0) & (s < t_end[np.maximum(k, 0)])
            turn[lo:hi] = np.where(inside, k, -1)
    return paragraph, turn
