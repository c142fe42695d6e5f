"""``compute_agreement``: every agreement figure of a project, and its disagreements.

Figures per code, per cluster, per document and overall (pooled over codes). In unit
mode (sentence, paragraph, turn) they come from per-code binary reliability matrices
(see ``unit_mode`` and ``counting``); in character mode they are Krippendorff's
unitizing alphas: binary alpha per code, per cluster, per document and overall, cu-alpha
per cluster (its codes as the values), and Cu-alpha over the top-level clusters.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from qualcode.core.agreement import (
    UnitizedDocument,
    cu_alpha,
    cu_alpha_across_domains,
    prepare,
)
from qualcode.core.agreement_project import counting
from qualcode.core.agreement_project.continuum import binary_alpha_fast, disputed_stretches
from qualcode.core.agreement_project.records import (
    UNIT_MODES,
    AgreementResult,
    CoderCodes,
    Disagreement,
    Figures,
    Settings,
)
from qualcode.core.agreement_project.scope import DocData, Scope, load_scope
from qualcode.core.agreement_project.unit_mode import UnitTables, build_tables
from qualcode.core.errors import DomainError
from qualcode.core.services.lookup import CodeRef, CoderRef, DocumentRef

if TYPE_CHECKING:
    from qualcode.core.project import Project

Progress = Callable[[int, int], None]
# A figure resting on fewer units (or segments) where some coder applied the code than
# this is flagged: one changed decision moves it by a lot.
MIN_CODED = 10


def compute_agreement(
    project: Project,
    coders: Sequence[CoderRef],
    *,
    documents: Sequence[DocumentRef] | None = None,
    codes: Sequence[CodeRef] | None = None,
    unit: str = "sentence",
    overlap_threshold: float = 0.0,
    bootstrap: int = 1000,
    seed: int = 0,
    progress: Progress | None = None,
    viewer: CoderRef | None = None,
) -> AgreementResult:
    """Agreement between ``coders`` (at least two) on the documents and codes in scope.

    ``overlap_threshold``: the share of a unit a coder's codings with a code must cover,
    strictly more than, for the unit to count as coded with it (unit mode only).
    ``viewer``: who asks; blind documents that are not revealed need a lead.
    """
    if unit not in UNIT_MODES:
        raise DomainError(f"unknown unit {unit!r}; choose one of {', '.join(UNIT_MODES)}")
    if not 0.0 <= overlap_threshold < 1.0:
        raise DomainError("the overlap threshold must be at least 0 and below 1")
    if bootstrap < 0:
        raise DomainError("the number of bootstrap samples cannot be negative")
    began = time.perf_counter()
    scope = load_scope(project, coders, documents=documents, codes=codes, unit=unit, viewer=viewer)
    settings = Settings(
        coders=tuple(scope.coders),
        unit=unit,
        threshold=overlap_threshold,
        bootstrap=bootstrap,
        seed=seed,
        documents=tuple(d.name for d in scope.documents),
        codes=tuple(str(c) for c in codes or ()),
    )
    if unit == "character":
        parts = _character_mode(scope, progress)
    else:
        parts = _unit_mode(scope, overlap_threshold, bootstrap, seed, progress)
    codes_f, clusters_f, docs_f, overall, disagreements = parts
    return AgreementResult(
        settings=settings,
        codes=codes_f,
        clusters=clusters_f,
        documents=docs_f,
        overall=overall,
        disagreements=disagreements,
        notes=tuple(scope.notes),
        seconds=time.perf_counter() - began,
    )


Parts = tuple[
    tuple[Figures, ...], tuple[Figures, ...], tuple[Figures, ...], Figures, tuple[Disagreement, ...]
]


def _flag(reason: str | None, n_coded: int, what: str) -> tuple[bool, str]:
    if reason is not None:
        return True, reason
    if n_coded < MIN_CODED:
        return True, f"only {n_coded} {what} (fewer than {MIN_CODED}); read with care"
    return False, ""


def _unit_figures(
    kind: str,
    label: str,
    ref_id: int | None,
    counts: np.ndarray,
    pat: counting.Patterns,
    n_boot: int,
    seed: int,
) -> Figures:
    f = counting.figures(counts, pat)
    low = high = below = math.nan
    if n_boot and not math.isnan(f.alpha):
        low, high, below = counting.bootstrap(counts, pat, n_boot, seed)
    low_data, note = _flag(f.reason, f.n_coded, "units coded with it by anyone")
    return Figures(
        kind,
        label,
        ref_id,
        f.n_units,
        f.n_pairable,
        f.n_coded,
        f.percent,
        f.cohen,
        f.fleiss,
        f.alpha,
        low,
        high,
        below,
        reason=f.reason,
        low_data=low_data,
        note=note,
    )


def _unit_mode(
    scope: Scope, threshold: float, n_boot: int, seed: int, progress: Progress | None
) -> Parts:
    codes_vs, clusters_vs = scope.value_sets()
    value_sets = [ids for _, ids in codes_vs] + [ids for _, ids in clusters_vs]
    pat = counting.patterns(len(scope.coders))
    tables = build_tables(scope, value_sets, threshold, pat)
    total = len(value_sets) + len(scope.documents) + 1
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, total)

    out_codes, out_clusters = [], []
    for k, (cid, _) in enumerate(codes_vs):
        counts = tables.tables[k].sum(axis=0)
        out_codes.append(
            _unit_figures("code", scope.code_paths[cid], cid, counts, pat, n_boot, seed)
        )
        tick()
    for j, (cid, _) in enumerate(clusters_vs):
        counts = tables.tables[len(codes_vs) + j].sum(axis=0)
        out_clusters.append(
            _unit_figures("cluster", scope.code_paths[cid], cid, counts, pat, n_boot, seed)
        )
        tick()
    per_doc = (
        np.sum(tables.tables[: len(codes_vs)], axis=0)
        if codes_vs
        else np.zeros((len(scope.documents), pat.size))
    )
    out_docs = []
    for d, doc in enumerate(scope.documents):
        if sum(doc.present) >= 2:
            out_docs.append(
                _unit_figures("document", doc.name, doc.id, per_doc[d], pat, n_boot, seed)
            )
        tick()
    overall = _unit_figures("overall", "overall", None, per_doc.sum(axis=0), pat, n_boot, seed)
    tick()
    disagreements = _unit_disagreements(scope, codes_vs, tables)
    return tuple(out_codes), tuple(out_clusters), tuple(out_docs), overall, disagreements


def _unit_disagreements(
    scope: Scope, codes_vs: list[tuple[int, list[int]]], tables: UnitTables
) -> tuple[Disagreement, ...]:
    disputed: dict[int, set[int]] = {}
    for k, (cid, _) in enumerate(codes_vs):
        for u in tables.disputed[k].tolist():
            disputed.setdefault(u, set()).add(cid)
    if not disputed:
        return ()
    keys = np.array(sorted(disputed), dtype=np.int64)
    is_disputed = np.zeros(tables.doc_of_unit.size, dtype=bool)
    is_disputed[keys] = True
    applied: dict[tuple[int, int], list[int]] = {}
    for k, (cid, _) in enumerate(codes_vs):
        for i in range(len(scope.coders)):
            units = tables.applied[(k, i)]
            for u in units[is_disputed[units]].tolist():
                applied.setdefault((u, i), []).append(cid)
    out = []
    for u in keys.tolist():
        doc = scope.documents[int(tables.doc_of_unit[u])]
        s, e = int(tables.unit_start[u]), int(tables.unit_end[u])
        by_coder = tuple(
            CoderCodes(name, _paths(scope, applied.get((u, i), [])) if doc.present[i] else ())
            for i, name in enumerate(scope.coders)
            if doc.present[i]
        )
        out.append(
            Disagreement(
                doc.id, doc.name, s, e, doc.text[s:e], by_coder, _paths(scope, disputed[u])
            )
        )
    return tuple(out)


def _paths(scope: Scope, ids: Sequence[int] | set[int]) -> tuple[str, ...]:
    key = frozenset(ids)
    found = scope.path_cache.get(key)
    if found is None:
        found = tuple(sorted({scope.code_paths[c] for c in key}, key=str.lower))
        scope.path_cache[key] = found
    return found


def _character_mode(scope: Scope, progress: Progress | None) -> Parts:
    m = len(scope.coders)
    docs = [d for d in scope.documents if all(d.present)]
    left_out = [d.name for d in scope.documents if sum(d.present) < 2]
    if left_out:
        scope.notes.append(
            f"{len(left_out)} document(s) not coded by every coder are left out of the "
            f"continuum: {', '.join(left_out)}"
        )
    codes_vs, clusters_vs = scope.value_sets()
    offsets = np.cumsum([0] + [len(d.text) for d in docs]).astype(np.int64)
    total_len = int(offsets[-1])
    rows = [
        (i, s + int(off), e + int(off), c)
        for d, off in zip(docs, offsets, strict=False)
        for i, s, e, c in d.codings
    ]
    arr = np.array(rows, dtype=np.int64).reshape(len(rows), 4)
    total = len(codes_vs) + 2 * len(clusters_vs) + len(docs) + 1
    step = 0

    def binary(
        kind: str, label: str, ref: int | None, mask: np.ndarray, length: int, base: int = 0
    ) -> Figures:
        nonlocal step
        r = binary_alpha_fast(m, length, arr[mask, 0], arr[mask, 1] - base, arr[mask, 2] - base)
        low, note = _flag(r.reason, r.n_segments, "coded segments")
        step += 1
        if progress is not None:
            progress(step, total)
        return Figures(
            kind,
            label,
            ref,
            len(docs),
            round(r.pairable_length),
            r.n_segments,
            alpha=r.alpha,
            reason=r.reason,
            low_data=low,
            note=note,
        )

    out_codes = [
        binary("code", scope.code_paths[c], c, np.isin(arr[:, 3], ids), total_len)
        for c, ids in codes_vs
    ]
    unitized = [UnitizedDocument(len(d.text), _segments(d, scope.coders), d.name) for d in docs]
    prepared = prepare(unitized, scope.coders) if docs else None
    out_clusters = []
    for c, ids in clusters_vs:
        fig = binary("cluster", scope.code_paths[c], c, np.isin(arr[:, 3], ids), total_len)
        cu = cu_alpha(prepared, ids) if prepared is not None else None
        step += 1
        if cu is not None:
            fig = replace(fig, cu_alpha=cu.alpha, coverage=cu.coverage)
        out_clusters.append(fig)
    out_docs = []
    for k, doc in enumerate(docs):
        mask = (arr[:, 1] >= offsets[k]) & (arr[:, 2] <= offsets[k + 1])
        out_docs.append(binary("document", doc.name, doc.id, mask, len(doc.text), offsets[k]))
    overall = binary("overall", "overall", None, np.ones(len(arr), dtype=bool), total_len)
    domains: dict[Hashable, Collection[Hashable]] = {
        k: v for k, v in scope.top_level_domains().items()
    }
    if len(domains) >= 2 and prepared is not None:
        cu_all = cu_alpha_across_domains(prepared, domains)
        overall = replace(overall, cu_alpha=cu_all.alpha, coverage=cu_all.coverage)
    disagreements = []
    for doc in docs:
        for s, e, sets in disputed_stretches(len(doc.text), m, doc.codings):
            union = set().union(*sets)
            common = set.intersection(*sets)
            by_coder = tuple(
                CoderCodes(n, _paths(scope, sets[i])) for i, n in enumerate(scope.coders)
            )
            disagreements.append(
                Disagreement(
                    doc.id, doc.name, s, e, doc.text[s:e], by_coder, _paths(scope, union - common)
                )
            )
    return tuple(out_codes), tuple(out_clusters), tuple(out_docs), overall, tuple(disagreements)


def _segments(doc: DocData, coders: list[str]) -> dict[str, list[tuple[int, int, int]]]:
    out: dict[str, list[tuple[int, int, int]]] = {c: [] for c in coders}
    for i, s, e, code in doc.codings:
        out[coders[i]].append((s, e, code))
    return out
