"""``compute_agreement``: every agreement figure of a project, and its disagreements.

Figures per code, per cluster, per document and overall (pooled over codes). In unit
mode (sentence, paragraph, turn) they come from per-code binary reliability matrices
(see ``unit_mode`` and ``counting``); in character mode they are Krippendorff's
unitizing alphas: binary alpha per code, per cluster, per document and overall, cu-alpha
per cluster (its codes as the values), and Cu-alpha over the top-level clusters.
"""

from __future__ import annotations

import bisect
import gc
import math
import time
from collections.abc import Callable, Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from qualcode.core.agreement_project import counting
from qualcode.core.agreement_project.character_mode import character_mode
from qualcode.core.agreement_project.records import (
    DEFAULT_BOOTSTRAP,
    DEFAULT_SEED,
    UNIT_MODES,
    AgreementResult,
    Disagreement,
    Figures,
    Settings,
)
from qualcode.core.agreement_project.scope import Scope, load_scope
from qualcode.core.agreement_project.unit_mode import build_tables, unit_disagreements
from qualcode.core.errors import DomainError
from qualcode.core.retrieval import paragraph_starts
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
    bootstrap: int = DEFAULT_BOOTSTRAP,
    seed: int = DEFAULT_SEED,
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
    # The figures build ~100,000 small immutable records (rows, disagreements) and no
    # reference cycles; with the cyclic collector running, its repeated passes over them
    # were a tenth of the time on a year-long study. Paused as ``close_session`` does.
    with _collector_paused():
        return _compute(
            project, coders, documents, codes, unit, overlap_threshold, bootstrap, seed,
            progress, viewer, began,
        )  # fmt: skip


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compute(
    project: Project,
    coders: Sequence[CoderRef],
    documents: Sequence[DocumentRef] | None,
    codes: Sequence[CodeRef] | None,
    unit: str,
    overlap_threshold: float,
    bootstrap: int,
    seed: int,
    progress: Progress | None,
    viewer: CoderRef | None,
    began: float,
) -> AgreementResult:
    scope = load_scope(project, coders, documents=documents, codes=codes, unit=unit, viewer=viewer)
    character = unit == "character"
    contributing, left_out = _contributions(scope, character)
    settings = Settings(
        coders=tuple(scope.coders),
        unit=unit,
        threshold=overlap_threshold,
        bootstrap=bootstrap,
        seed=seed,
        documents=tuple(d.name for d in scope.documents),
        codes=tuple(str(c) for c in codes or ()),
        contributing=contributing,
        left_out=left_out,
    )
    if character:
        parts = character_mode(scope, bootstrap, seed, _flag, _paths, progress)
    else:
        parts = _unit_mode(scope, overlap_threshold, bootstrap, seed, progress)
    codes_f, clusters_f, docs_f, overall, disagreements = parts

    def done(figs: Sequence[Figures]) -> tuple[Figures, ...]:
        return tuple(complete_reasons(f, character, len(scope.coders), bootstrap) for f in figs)

    return AgreementResult(
        settings=settings,
        # Unit mode places its disagreements itself (vectorised over all of them).
        disagreements=locate(scope, disagreements) if character else disagreements,
        codes=done(codes_f),
        clusters=done(clusters_f),
        documents=done(docs_f),
        overall=done([overall])[0],
        notes=tuple(scope.notes),
        seconds=time.perf_counter() - began,
    )


def locate(scope: Scope, found: Sequence[Disagreement]) -> tuple[Disagreement, ...]:
    """Each disagreement with its paragraph and speaker turn (what a reader can find)."""
    docs = {d.id: d for d in scope.documents}
    starts: dict[int, tuple[list[int], list[int]]] = {}
    out = []
    for d in found:
        doc = docs[d.document_id]
        if doc.id not in starts:
            starts[doc.id] = (paragraph_starts(doc.text), [t[0] for t in doc.turns])
        paragraphs, turns = starts[doc.id]
        paragraph = max(1, bisect.bisect_right(paragraphs, d.start))
        k = bisect.bisect_right(turns, d.start) - 1
        inside = k >= 0 and d.start < doc.turns[k][1]
        out.append(
            replace(
                d,
                paragraph=paragraph,
                turn=k + 1 if inside else None,
                speaker=doc.turns[k][2] if inside else None,
            )
        )
    return tuple(out)


def _contributions(
    scope: Scope, character: bool
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """Names of the documents the figures rest on, and the others with the reason."""
    used, left = [], []
    for doc in scope.documents:
        here = [c for c, p in zip(scope.coders, doc.present, strict=True) if p]
        absent = [c for c, p in zip(scope.coders, doc.present, strict=True) if not p]
        if character and absent and len(here) >= 2:
            left.append(
                (
                    doc.name,
                    f"not coded by {', '.join(absent)}; the continuum "
                    "needs every coder on a document",
                )
            )
        elif not here:
            left.append((doc.name, "coded by none of the coders"))
        elif len(here) == 1:
            left.append((doc.name, f"coded by {here[0]} only; nothing to compare"))
        else:
            used.append(doc.name)
    return tuple(used), tuple(left)


# Why a figure is NaN when nothing more specific is known (keys: Figures field names).
_CHARACTER_ONLY = "a character-continuum figure (--unit character)"
_UNIT_ONLY = "a unit-mode figure (sentence, paragraph or turn); the continuum has no units"
_TWO_CODERS = "Cohen's kappa and Scott's pi compare exactly two coders"


def complete_reasons(f: Figures, character: bool, n_coders: int, n_boot: int) -> Figures:
    """``f`` with a reason for every NaN figure (the specific ones set earlier win)."""
    reasons = dict(f.reasons)

    def why(name: str, text: str) -> None:
        if math.isnan(getattr(f, name)) and name not in reasons:
            reasons[name] = text

    undefined = f.reason or "undefined on these data"
    if character:
        for name in ("percent", "cohen", "scott", "fleiss"):
            why(name, _UNIT_ONLY)
        if f.kind in ("code", "document"):
            for name in ("cu_alpha", "coverage"):
                why(name, "cu-alpha is computed per cluster (and Cu-alpha overall)")
        why("u_alpha", undefined)
    else:
        for name in ("cu_alpha", "coverage", "u_alpha", "u_ci_low", "u_ci_high"):
            why(name, _CHARACTER_ONLY)
        why("percent", "no unit was coded by two or more of the coders")
        for name in ("cohen", "scott"):
            why(
                name,
                _TWO_CODERS
                if n_coders != 2
                else "undefined: no unit coded by both, or both coders gave one value only",
            )
        why("fleiss", "undefined: no unit rated by two or more, or all ratings alike")
    why("alpha", undefined)
    interval = (
        "no bootstrap asked for (0 samples)"
        if n_boot <= 0
        else "the figure is undefined, so it has no interval"
        if math.isnan(f.alpha)
        else "no bootstrap replicate gave a defined alpha"
    )
    for name in ("ci_low", "ci_high", "p_below_tentative"):
        why(name, interval)
    for name in ("u_ci_low", "u_ci_high"):
        why(
            name,
            interval
            if not math.isnan(f.u_alpha)
            else "the figure is undefined, so it has no interval",
        )
    why("cu_alpha", "undefined on these data")
    why("coverage", reasons.get("cu_alpha", "undefined on these data"))
    return replace(f, reasons=tuple(reasons.items()))


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
        scott=f.scott,
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
    disagreements = unit_disagreements(scope, codes_vs, tables)
    return tuple(out_codes), tuple(out_clusters), tuple(out_docs), overall, disagreements


def _paths(scope: Scope, ids: Collection[int]) -> tuple[str, ...]:
    key = frozenset(ids)
    found = scope.path_cache.get(key)
    if found is None:
        found = tuple(sorted({scope.code_paths[c] for c in key}, key=str.lower))
        scope.path_cache[key] = found
    return found
