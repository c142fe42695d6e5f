"""Character-mode figures: Krippendorff's unitizing alphas on the continuum of documents.

Per code: binary alpha (|uα; uα equals it when one code is the only value). Per cluster:
binary alpha over any code of the cluster, uα over the cluster's codes and the gaps
between them (Krippendorff, Mathet, Bouvry & Widlöcher 2016), and cu-alpha. Per document
and overall: binary alpha and uα over every code in scope; overall also Cu-alpha across
the top-level clusters.

Intervals: a percentile bootstrap that draws *documents* with replacement (95%). Every
sum the alphas are made of adds up over documents (segments never cross a document
boundary), so a replicate is a weighted sum of per-document tallies, and one set of
document weights serves every figure. Why documents and not stretches of text:
``docs/agreement.md`` section 3.5.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Hashable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from qualcode.core.agreement import UnitizedDocument, cu_alpha_across_domains, prepare
from qualcode.core.agreement._continuum import DocumentTallies, Prepared, document_tallies
from qualcode.core.agreement.unitizing import UnitizingResult, cu_from_tally
from qualcode.core.agreement_project.continuum import (
    binary_alpha_from_stats,
    binary_doc_stats,
    disputed_stretches,
)
from qualcode.core.agreement_project.records import TENTATIVE, CoderCodes, Disagreement, Figures
from qualcode.core.agreement_project.scope import DocData, Scope

Progress = Callable[[int, int], None]
Flag = Callable[[str | None, int, str], tuple[bool, str]]
Paths = Callable[[Scope, Collection[int]], tuple[str, ...]]
FloatArray = npt.NDArray[np.float64]
# Below this many documents a document bootstrap has too few distinct replicates.
FEW_DOCUMENTS = 5


@dataclass(frozen=True)
class Interval:
    low: float = math.nan
    high: float = math.nan
    p_below: float = math.nan
    reason: str | None = None


class Resampler:
    """One set of document weights (replicates x documents) shared by every figure."""

    def __init__(self, n_docs: int, n_boot: int, seed: int) -> None:
        self.n_docs, self.n_boot = n_docs, n_boot
        self.weights: FloatArray | None = None
        if n_boot > 0 and n_docs >= 2:
            rng = np.random.default_rng(seed)
            draws = rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=n_boot)
            self.weights = draws.astype(np.float64)

    def why_none(self) -> str | None:
        if self.n_boot <= 0:
            return "no bootstrap asked for (0 samples)"
        if self.n_docs < 2:
            return "the interval resamples documents, and only one document contributes"
        return None

    def interval(self, alphas: FloatArray, point: float) -> Interval:
        if math.isnan(point):
            return Interval(reason="the figure is undefined, so it has no interval")
        valid = alphas[np.isfinite(alphas)]
        if valid.size == 0:
            return Interval(reason="no bootstrap replicate gave a defined figure")
        low, high = np.quantile(valid, [0.025, 0.975])
        return Interval(float(low), float(high), float((valid < TENTATIVE).mean()))

    def binary(self, stats: FloatArray, m: int, point: float) -> Interval:
        if self.weights is None:
            return Interval(reason=self.why_none())
        return self.interval(binary_alpha_from_stats(self.weights @ stats, m), point)

    def u(self, tallies: DocumentTallies, point: float) -> Interval:
        if self.weights is None:
            return Interval(reason=self.why_none())
        return self.interval(tallies.alphas(self.weights, "u"), point)


def _binary_reason(segments: int, alpha: float) -> str | None:
    if segments == 0:
        return "no coder coded anything here"
    if math.isnan(alpha):
        return "expected disagreement is zero (only one kind of section observed)"
    return None


@dataclass
class _U:
    alpha: float
    interval: Interval
    reason: str | None
    per_doc: FloatArray
    cu: UnitizingResult


def _u_figures(
    prepared: Prepared, codes: Sequence[int], boot: Resampler, m: int, cu_kind: str = "cu"
) -> _U:
    """uα over ``codes`` (each its own value) and the gaps, with interval and per document;
    cu-alpha from the same tally (the value map is the same)."""
    tallies = document_tallies(prepared, {c: k + 1 for k, c in enumerate(codes)})
    alpha = tallies.alpha("u")
    reason = _binary_reason(tallies.n_segments, alpha)
    per_doc = np.where(tallies.segments > 0, tallies.alphas(None, "u"), np.nan)
    if reason is not None:
        alpha = math.nan
    cu = cu_from_tally(tallies.total(), m, cu_kind, tuple(codes))
    return _U(alpha, boot.u(tallies, alpha), reason, per_doc, cu)


def _with_interval(fig: Figures, iv: Interval, u: _U | None = None) -> Figures:
    reasons = dict(fig.reasons)
    if iv.reason:
        reasons["ci_low"] = reasons["ci_high"] = reasons["p_below_tentative"] = iv.reason
    if u is not None:
        if u.reason:
            reasons["u_alpha"] = u.reason
        if u.interval.reason:
            reasons["u_ci_low"] = reasons["u_ci_high"] = u.interval.reason
    return replace(
        fig,
        ci_low=iv.low,
        ci_high=iv.high,
        p_below_tentative=iv.p_below,
        u_alpha=u.alpha if u is not None else fig.u_alpha,
        u_ci_low=u.interval.low if u is not None else fig.u_ci_low,
        u_ci_high=u.interval.high if u is not None else fig.u_ci_high,
        reasons=tuple(reasons.items()),
    )


def character_mode(
    scope: Scope,
    n_boot: int,
    seed: int,
    flag: Flag,
    paths: Paths,
    progress: Progress | None,
) -> tuple[
    tuple[Figures, ...], tuple[Figures, ...], tuple[Figures, ...], Figures, tuple[Disagreement, ...]
]:
    m = len(scope.coders)
    docs = [d for d in scope.documents if all(d.present)]
    codes_vs, clusters_vs = scope.value_sets()
    offsets = np.cumsum([0] + [len(d.text) for d in docs]).astype(np.int64)
    rows = [
        (i, s + int(off), e + int(off), c)
        for d, off in zip(docs, offsets, strict=False)
        for i, s, e, c in d.codings
    ]
    arr = np.array(rows, dtype=np.int64).reshape(len(rows), 4)
    boot = Resampler(len(docs), n_boot, seed)
    total = len(codes_vs) + len(clusters_vs) + 2
    step = 0

    def tick() -> None:
        nonlocal step
        step += 1
        if progress is not None:
            progress(step, total)

    def binary(kind: str, label: str, ref: int | None, ids: Collection[int]) -> Figures:
        mask = np.isin(arr[:, 3], list(ids))
        stats, segs = binary_doc_stats(m, offsets, arr[mask, 0], arr[mask, 1], arr[mask, 2])
        n_segments = int(segs.sum())
        alpha = float(binary_alpha_from_stats(stats.sum(axis=0)[None], m)[0]) if docs else math.nan
        reason = _binary_reason(n_segments, alpha) if docs else "no document was coded by all"
        if reason is not None:
            alpha = math.nan
        low, note = flag(reason, n_segments, "coded segments")
        fig = Figures(
            kind,
            label,
            ref,
            len(docs),
            round(m * int(offsets[-1])),
            n_segments,
            alpha=alpha,
            reason=reason,
            low_data=low,
            note=note,
        )
        return _with_interval(fig, boot.binary(stats, m, alpha))

    out_codes = []
    for c, ids in codes_vs:
        fig = binary("code", scope.code_paths[c], c, ids)
        # With one code as the only value, uα and binary alpha are the same number.
        reasons = dict(fig.reasons)
        for a, b in (("alpha", "u_alpha"), ("ci_low", "u_ci_low"), ("ci_high", "u_ci_high")):
            if a in reasons:
                reasons[b] = reasons[a]
        if fig.reason:
            reasons["u_alpha"] = fig.reason
        out_codes.append(
            replace(
                fig,
                u_alpha=fig.alpha,
                u_ci_low=fig.ci_low,
                u_ci_high=fig.ci_high,
                reasons=tuple(reasons.items()),
            )
        )
        tick()
    unitized = [UnitizedDocument(len(d.text), _segments(d, scope.coders), d.name) for d in docs]
    prepared = prepare(unitized, scope.coders) if docs else None
    out_clusters = []
    for c, ids in clusters_vs:
        fig = binary("cluster", scope.code_paths[c], c, ids)
        reasons = dict(fig.reasons)
        if prepared is not None:
            u = _u_figures(prepared, ids, boot, m)
            fig = _with_interval(fig, Interval(fig.ci_low, fig.ci_high, fig.p_below_tentative), u)
            cu = u.cu
            fig = replace(fig, cu_alpha=cu.alpha, coverage=cu.coverage)
            reasons = dict(fig.reasons)
            if cu.reason:
                reasons["cu_alpha"] = reasons["coverage"] = cu.reason
        out_clusters.append(replace(fig, reasons=tuple(reasons.items())))
        tick()
    all_codes = [c for c, _ in codes_vs]
    overall = binary("overall", "overall", None, all_codes)
    out_docs: list[Figures] = []
    if prepared is not None:
        u = _u_figures(prepared, all_codes, boot, m)
        overall = _with_interval(
            overall, Interval(overall.ci_low, overall.ci_high, overall.p_below_tentative), u
        )
        out_docs = _document_figures(docs, arr, offsets, m, u.per_doc, flag)
    tick()
    overall = _cu_overall(scope, prepared, overall)
    tick()
    return (
        tuple(out_codes),
        tuple(out_clusters),
        tuple(out_docs),
        overall,
        _disagreements(scope, docs, paths),
    )


def _document_figures(
    docs: list[DocData],
    arr: npt.NDArray[np.int64],
    offsets: npt.NDArray[np.int64],
    m: int,
    u_per_doc: FloatArray,
    flag: Flag,
) -> list[Figures]:
    stats, segs = binary_doc_stats(m, offsets, arr[:, 0], arr[:, 1], arr[:, 2])
    alphas = binary_alpha_from_stats(stats, m)
    out = []
    no_interval = "an interval resamples documents; one document alone has none"
    for k, doc in enumerate(docs):
        alpha = float(alphas[k])
        reason = _binary_reason(int(segs[k]), alpha)
        if reason is not None:
            alpha = math.nan
        low, note = flag(reason, int(segs[k]), "coded segments")
        u = float(u_per_doc[k])
        reasons = {
            "ci_low": no_interval,
            "ci_high": no_interval,
            "p_below_tentative": no_interval,
            "u_ci_low": no_interval,
            "u_ci_high": no_interval,
        }
        if math.isnan(u):
            reasons["u_alpha"] = reason or "expected disagreement is zero"
        out.append(
            Figures(
                "document",
                doc.name,
                doc.id,
                1,
                m * len(doc.text),
                int(segs[k]),
                alpha=alpha,
                reason=reason,
                low_data=low,
                note=note,
                u_alpha=u,
                reasons=tuple(reasons.items()),
            )
        )
    return out


def _cu_overall(scope: Scope, prepared: Prepared | None, overall: Figures) -> Figures:
    domains: dict[Hashable, Collection[Hashable]] = dict(scope.top_level_domains().items())
    reasons = dict(overall.reasons)
    if prepared is None:
        why = "no document was coded by every coder"
    elif len(domains) < 2:
        why = "Cu-alpha compares top-level clusters, and fewer than two are in scope"
    else:
        cu_all = cu_alpha_across_domains(prepared, domains)
        overall = replace(overall, cu_alpha=cu_all.alpha, coverage=cu_all.coverage)
        why = cu_all.reason or ""
    if why:
        reasons["cu_alpha"] = reasons["coverage"] = why
    return replace(overall, reasons=tuple(reasons.items()))


def _disagreements(scope: Scope, docs: list[DocData], paths: Paths) -> tuple[Disagreement, ...]:
    m = len(scope.coders)
    out = []
    for doc in docs:
        for s, e, sets in disputed_stretches(len(doc.text), m, doc.codings):
            union = set().union(*sets)
            common = set.intersection(*sets)
            by_coder = tuple(
                CoderCodes(n, paths(scope, sets[i])) for i, n in enumerate(scope.coders)
            )
            out.append(
                Disagreement(
                    doc.id, doc.name, s, e, doc.text[s:e], by_coder, paths(scope, union - common)
                )
            )
    return tuple(out)


def _segments(doc: DocData, coders: list[str]) -> dict[str, list[tuple[int, int, int]]]:
    out: dict[str, list[tuple[int, int, int]]] = {c: [] for c in coders}
    for i, s, e, code in doc.codings:
        out[coders[i]].append((s, e, code))
    return out
