"""Krippendorff's unitizing alphas on a character continuum (the ATLAS.ti family).

Source: Krippendorff, K., Mathet, Y., Bouvry, S. & Widlöcher, A. (2016). On the
reliability of unitizing textual continua: Further developments. *Quality & Quantity*
50(6), 2347-2364 (doi:10.1007/s11135-015-0266-1; erratum 50(6), 2365), also presented
in Krippendorff (2019) *Content Analysis*, 4th ed., section 12.6. The formulas, and the
interpretations we had to make, are written out in ``docs/agreement.md``.

In short: every coder's coding of a document is a partition of [0, L) into *sections*:
the coded segments (value = code) and the *gaps* between them (value GAP). For every
ordered pair of different coders (i, j) the lengths of intersection of i's sections with
j's sections are added to a coincidence matrix, divided by m - 1. Expected coincidences
come from the margins, discounting that a segment cannot be paired with itself (a
segment of length l takes l^2 out of the pairings; a gap, which can be cut anywhere, only
l). Then

* ``u_alpha``       (_u alpha): all codes and gaps as nominal values;
* ``binary_alpha``  (|_u alpha, ATLAS.ti "binary"): relevant (any of the given codes) vs
  gap; call it per code or with all codes of a semantic domain (cluster);
* ``cu_alpha``      (_cu alpha): which code of a domain was applied, only on stretches
  that both coders of a pair coded with some code of the domain;
* ``cu_alpha_across_domains`` (ATLAS.ti "Cu-alpha"): the same with each code replaced
  by its domain, over all domains.

Several documents are pooled as one concatenated continuum: coincidences and the
length terms are summed over documents before the expected coincidences are formed
(segments never cross a document boundary, and two gaps meeting at a boundary count the
same split or joined, so this equals literal concatenation).

Use from a service::

    docs = [UnitizedDocument(length=len(text), name="int01.docx", codings={
        "anna": [Segment(0, 120, "steun"), Segment(300, 410, "tijd")],
        "bram": [(5, 118, "steun")],            # tuples are accepted too
    })]
    report = unitizing_report(docs, domains={"Steungedrag": ["steun", "tijd"]})
    report.binary_by_code["steun"].alpha, report.cu_by_domain["Steungedrag"].alpha

    prep = prepare(docs, coders=["anna", "bram"])  # validate once, then many calls:
    per_code = {c: binary_alpha(prep, [c]) for c in ("steun", "tijd")}

Every result has ``alpha`` (NaN when undefined, with ``reason``), ``warnings``,
``coverage`` and ``pairable_length``; for per-document figures pass a one-document list.

Each segment counts on its own, even where two of a coder's segments with the same
code touch. Overlapping segments of one coder with the same value (after codes are mapped
to the values of the computation) are merged into their union; overlapping segments with
different values are kept and flagged in ``warnings``, since the published coefficients
assume a partition.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from qualcode.core.agreement._continuum import (
    GAP_INDEX,
    Prepared,
    Segment,
    SegmentLike,
    Tally,
    UnitizedDocument,
    expected_coincidences,
    prepare,
    tally_documents,
)

# Fewer coded segments than this (over all coders) earn a warning on the result.
FEW_SEGMENTS = 10
NO_DOCUMENTS = "no documents: the continuum is empty"

__all__ = [
    "Prepared",
    "Segment",
    "SegmentLike",
    "UnitizedDocument",
    "UnitizingReport",
    "UnitizingResult",
    "binary_alpha",
    "cu_alpha",
    "cu_alpha_across_domains",
    "prepare",
    "u_alpha",
    "unitizing_report",
]


@dataclass(frozen=True)
class UnitizingResult:
    """One unitizing coefficient with what it rests on.

    ``pairable_length`` is l.. of the matrix used (m x total length for u/|u, the summed
    intersections of coded stretches for cu/Cu). ``coverage`` is the share of l.. of the
    full continuum that the cu/Cu figures rest on (1.0 for u and |u).
    """

    alpha: float
    kind: str
    observed_disagreement: float
    expected_disagreement: float
    pairable_length: float
    coverage: float
    n_coders: int
    n_segments: int
    values: tuple[Hashable, ...]
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    @property
    def defined(self) -> bool:
        return not math.isnan(self.alpha)


@dataclass(frozen=True)
class UnitizingReport:
    """Everything ATLAS.ti reports for a set of semantic domains."""

    binary_overall: UnitizingResult | None = None
    binary_by_code: dict[Hashable, UnitizingResult] = field(default_factory=dict)
    binary_by_domain: dict[Hashable, UnitizingResult] = field(default_factory=dict)
    cu_by_domain: dict[Hashable, UnitizingResult] = field(default_factory=dict)
    cu_across_domains: UnitizingResult | None = None


Documents = Sequence[UnitizedDocument] | Prepared


def _prep(documents: Documents, coders: Sequence[str] | None) -> Prepared:
    if isinstance(documents, Prepared):
        if coders is not None and tuple(coders) != documents.coders:
            raise ValueError("pass coders to prepare(), not with prepared documents")
        return documents
    return prepare(documents, coders)


def _result(
    kind: str,
    d_o: float,
    d_e: float,
    pairable: float,
    coverage: float,
    tally: Tally,
    m: int,
    values: tuple[Hashable, ...],
    reason: str | None,
) -> UnitizingResult:
    alpha = math.nan
    if reason is None and not (math.isfinite(d_e) and d_e > 1e-12):
        reason = "expected disagreement is zero (only one kind of section observed)"
    if reason is None:
        alpha = 1.0 - d_o / d_e
    warnings = list(tally.warnings)
    if 0 < tally.n_segments < FEW_SEGMENTS:
        # Like alpha on few pairable values: one changed boundary moves the figure a lot.
        warnings.append(f"only {tally.n_segments} coded segment(s); too little data to rely on")
    return UnitizingResult(
        alpha,
        kind,
        d_o,
        d_e,
        pairable,
        coverage,
        m,
        tally.n_segments,
        values,
        reason,
        tuple(warnings),
    )


def _index(values: Iterable[Hashable]) -> dict[Hashable, int]:
    return {val: k + 1 for k, val in enumerate(values)}


def _gap_vs_units(
    prep: Prepared,
    value_map: dict[Hashable, int],
    kind: str,
    values: tuple[Hashable, ...],
) -> UnitizingResult:
    cs = prep.coders
    if not prep.docs:
        # No continuum at all: there is nothing to agree or disagree on.
        return _result(kind, math.nan, math.nan, 0.0, 1.0, Tally(2), len(cs), values, NO_DOCUMENTS)
    if len(cs) < 2:
        return _result(
            kind, math.nan, math.nan, 0.0, 1.0, Tally(2), len(cs), values, "fewer than two coders"
        )
    tally = tally_documents(prep, value_map)
    o = tally.o
    margins = o.sum(axis=1)
    e = expected_coincidences(margins, tally.self_pairs)
    total = float(margins.sum())
    if kind == "u":
        # Nominal over all values and gaps (_u alpha).
        d_o = (total - float(np.trace(o))) / total
        d_e = (total - float(np.trace(e))) / total
    else:
        # Binary: only gap-vs-segment coincidences disagree (|_u alpha).
        d_o = (float(margins[GAP_INDEX]) - float(o[GAP_INDEX, GAP_INDEX])) / total
        d_e = (float(e[GAP_INDEX].sum()) - float(e[GAP_INDEX, GAP_INDEX])) / total
    reason = None if tally.n_segments else "no coder coded anything"
    return _result(kind, d_o, d_e, total, 1.0, tally, len(cs), values, reason)


def u_alpha(
    documents: Documents,
    codes: Collection[Hashable] | None = None,
    coders: Sequence[str] | None = None,
) -> UnitizingResult:
    """_u alpha: agreement on where segments are and which code they carry (nominal).

    ``codes`` restricts the computation (default: every code that occurs).
    """
    prep = _prep(documents, coders)
    values = _values(prep, codes)
    return _gap_vs_units(prep, _index(values), "u", values)


def binary_alpha(
    documents: Documents,
    codes: Collection[Hashable] | None = None,
    coders: Sequence[str] | None = None,
) -> UnitizingResult:
    """|_u alpha: agreement on which stretches are relevant (coded with any of ``codes``).

    Pass one code for ATLAS.ti's per-code binary alpha, all codes of a semantic domain
    for the per-domain (cluster) one, None for every code.
    """
    prep = _prep(documents, coders)
    values = _values(prep, codes)
    # One shared value: only relevance matters, and overlapping segments of different
    # codes of one coder merge into one relevant stretch.
    value_map: dict[Hashable, int] = dict.fromkeys(values, 1)
    return _gap_vs_units(prep, value_map, "|u", values)


def _values(prep: Prepared, codes: Collection[Hashable] | None) -> tuple[Hashable, ...]:
    return prep.codes if codes is None else tuple(dict.fromkeys(codes))


def _cu(
    prep: Prepared,
    value_map: dict[Hashable, int],
    kind: str,
    values: tuple[Hashable, ...],
) -> UnitizingResult:
    cs = prep.coders
    if not prep.docs:
        return _result(kind, math.nan, math.nan, 0.0, 0.0, Tally(2), len(cs), values, NO_DOCUMENTS)
    if len(cs) < 2:
        return _result(
            kind, math.nan, math.nan, 0.0, 0.0, Tally(2), len(cs), values, "fewer than two coders"
        )
    return cu_from_tally(tally_documents(prep, value_map), len(cs), kind, values)


def cu_from_tally(
    tally: Tally, n_coders: int, kind: str, values: tuple[Hashable, ...]
) -> UnitizingResult:
    """cu (or Cu) alpha from a tally already made with the computation's value map (the
    project route reuses the tally of its uα for the same cluster)."""
    full_total = float(tally.o.sum())
    # Keep only coincidences between coded stretches (2016, section on cu-alpha).
    o = tally.o[1:, 1:]
    margins = o.sum(axis=1)
    total = float(margins.sum())
    coverage = total / full_total if full_total else 0.0
    if total <= 0:
        return _result(
            kind,
            math.nan,
            math.nan,
            0.0,
            coverage,
            tally,
            n_coders,
            values,
            "no stretch was coded by two coders",
        )
    e = expected_coincidences(margins, tally.cu_self_pairs[1:])
    d_o = (total - float(np.trace(o))) / total
    d_e = (total - float(np.trace(e))) / total
    return _result(kind, d_o, d_e, total, coverage, tally, n_coders, values, None)


def cu_alpha(
    documents: Documents,
    codes: Collection[Hashable],
    coders: Sequence[str] | None = None,
) -> UnitizingResult:
    """_cu alpha for the codes of one semantic domain: which code, where both coded."""
    values = tuple(dict.fromkeys(codes))
    return _cu(_prep(documents, coders), _index(values), "cu", values)


def cu_alpha_across_domains(
    documents: Documents,
    domains: Mapping[Hashable, Collection[Hashable]],
    coders: Sequence[str] | None = None,
) -> UnitizingResult:
    """ATLAS.ti's Cu alpha: cu alpha with every code replaced by its semantic domain."""
    names = tuple(domains)
    value_map: dict[Hashable, int] = {}
    for k, name in enumerate(names):
        for code in domains[name]:
            if code in value_map:
                raise ValueError(f"code {code!r} is in more than one semantic domain")
            value_map[code] = k + 1
    return _cu(_prep(documents, coders), value_map, "Cu", names)


def unitizing_report(
    documents: Documents,
    domains: Mapping[Hashable, Collection[Hashable]],
    coders: Sequence[str] | None = None,
) -> UnitizingReport:
    """Binary alpha overall, per code and per domain; cu per domain; Cu across domains.

    Cu needs at least two domains (None otherwise). For per-document figures call this
    with a one-document list.
    """
    prep = _prep(documents, coders)  # validate and convert once for all coefficients
    by_code: dict[Hashable, UnitizingResult] = {}
    by_domain: dict[Hashable, UnitizingResult] = {}
    cu_by_domain: dict[Hashable, UnitizingResult] = {}
    for name, codes in domains.items():
        for code in codes:
            by_code[code] = binary_alpha(prep, [code])
        by_domain[name] = binary_alpha(prep, codes)
        cu_by_domain[name] = cu_alpha(prep, codes)
    across = cu_alpha_across_domains(prep, domains) if len(domains) >= 2 else None
    all_codes = [code for codes in domains.values() for code in codes]
    overall = binary_alpha(prep, all_codes)
    return UnitizingReport(overall, by_code, by_domain, cu_by_domain, across)
