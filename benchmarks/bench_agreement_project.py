"""Time project agreement on a large synthetic project; print JSON.

4 coders, 200 documents (600 sentences, about 54,000 characters each), 300 codes (20
clusters of 14 codes) and 100,000 codings, written into a temporary SQLite project
through the services (``documents.add`` with sentence units, ``codebook.add``,
``codings.add_many``). Then, timed:

* ``compute_agreement(unit="sentence", bootstrap=1000)``: every figure for every code,
  cluster, document and overall, with bootstrap intervals and the disagreement list;
* ``compute_agreement(unit="character")``: binary alpha per code / cluster / document /
  overall, cu-alpha per cluster, Cu-alpha, disagreements;
* the ``krippendorff`` package on the same per-code and per-cluster binary matrices
  (alpha only, no bootstrap), and the alphas compared;
* ``qualcode.core.agreement.binary_alpha`` on a sample of codes, for scale.

Run: ``python benchmarks/bench_agreement_project.py [--documents 200] [--codings 100000]``.
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import krippendorff
import numpy as np

from qualcode.core.agreement import UnitizedDocument, binary_alpha
from qualcode.core.agreement_project import compute_agreement, counting
from qualcode.core.agreement_project.scope import load_scope
from qualcode.core.agreement_project.unit_mode import build_tables
from qualcode.core.project import Project, create_project
from qualcode.core.services.codings import NewCoding

CODERS = ("Anouk", "Bram", "Cas", "Dewi")
WORDS = [
    "de",
    "student",
    "vertelt",
    "over",
    "steun",
    "van",
    "haar",
    "moeder",
    "mentor",
    "en",
    "vrienden",
    "tijdens",
    "studie",
]


def _document(rng: np.random.Generator, n_sentences: int) -> tuple[str, list[tuple[int, int]]]:
    parts, spans, pos = [], [], 0
    for _ in range(n_sentences):
        words = rng.choice(WORDS, size=int(rng.integers(8, 18)))
        sentence = " ".join(words).capitalize() + "."
        parts.append(sentence)
        spans.append((pos, pos + len(sentence)))
        pos += len(sentence) + 1
    return " ".join(parts), spans


def build(project: Project, n_docs: int, n_codings: int, seed: int) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    t0 = time.perf_counter()
    project.coders.add(CODERS[0], role="lead")
    for name in CODERS[1:]:
        project.coders.add(name)
    leaves: list[int] = []
    for c in range(20):
        cluster = project.codebook.add(f"Cluster {c:02d}")
        for k in range(14):
            leaves.append(project.codebook.add(f"Code {c:02d}.{k:02d}", parent=cluster.id).id)
    t_codebook = time.perf_counter() - t0
    spans_of: list[list[tuple[int, int]]] = []
    for d in range(n_docs):
        text, spans = _document(rng, 600)
        project.documents.add(f"doc{d:03d}", text, units=[("sentence", s, e) for s, e in spans])
        spans_of.append(spans)
    t_docs = time.perf_counter() - t0 - t_codebook
    per_coder_doc = n_codings // (len(CODERS) * n_docs)
    batch: list[NewCoding] = []
    for d, spans in enumerate(spans_of):
        # Shared "true" segments; each coder keeps 80%, recodes 10%, shifts 10%.
        truth = []
        for _ in range(per_coder_doc):
            first = int(rng.integers(0, len(spans) - 3))
            last = first + int(rng.integers(0, 3))
            truth.append((spans[first][0], spans[last][1], leaves[int(rng.integers(len(leaves)))]))
        for coder in CODERS:
            for start, end, code in truth:
                r = rng.random()
                if r < 0.1:
                    code = leaves[int(rng.integers(len(leaves)))]
                elif r < 0.2:
                    start = min(start + int(rng.integers(1, 40)), end - 1)
                batch.append(NewCoding(f"doc{d:03d}", coder, code, start, end))
    t1 = time.perf_counter()
    project.codings.add_many(batch)
    return {
        "codebook_s": round(t_codebook, 2),
        "documents_s": round(t_docs, 2),
        "codings_s": round(time.perf_counter() - t1, 2),
        "codings": len(batch),
    }


def krippendorff_package(project: Project) -> dict[str, Any]:
    """The ``krippendorff`` package on the same binary matrices (codes and clusters)."""
    scope = load_scope(project, list(CODERS), unit="sentence", viewer=CODERS[0])
    codes_vs, clusters_vs = scope.value_sets()
    value_sets = [ids for _, ids in codes_vs] + [ids for _, ids in clusters_vs]
    pat = counting.patterns(len(CODERS))
    tables = build_tables(scope, value_sets, 0.0, pat)
    m, n = len(CODERS), tables.base.size
    base_states = pat.states[tables.base].T  # m x n
    elapsed, worst = 0.0, 0.0
    for k in range(len(value_sets)):
        matrix = np.where(base_states == counting.MISSING_STATE, np.nan, 0.0)
        for i in range(m):
            matrix[i, tables.applied(k, i, m)] = 1.0
        t0 = time.perf_counter()
        value = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")
        elapsed += time.perf_counter() - t0
        ours = counting.figures(tables.tables[k].sum(axis=0), pat).alpha
        if not (math.isnan(ours) or math.isnan(value)):
            worst = max(worst, abs(ours - value))
    return {
        "matrices": len(value_sets),
        "units": n,
        "krippendorff_package_s": round(elapsed, 3),
        "max_abs_difference": worst,
    }


def reference_binary(project: Project, sample: int) -> dict[str, Any]:
    scope = load_scope(project, list(CODERS), unit="character", viewer=CODERS[0])
    docs = [
        UnitizedDocument(
            len(d.text),
            {c: [(s, e, code) for i, s, e, code in d.codings if CODERS[i] == c] for c in CODERS},
        )
        for d in scope.documents
    ]
    codes_vs, _ = scope.value_sets()
    t0 = time.perf_counter()
    for cid, _ids in codes_vs[:sample]:
        binary_alpha(docs, [cid], list(CODERS))
    per_code = (time.perf_counter() - t0) / sample
    return {
        "codes_timed": sample,
        "per_code_s": round(per_code, 4),
        "all_codes_estimate_s": round(per_code * len(codes_vs), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--codings", type=int, default=100_000)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = create_project(str(Path(folder) / "bench.qcdb"), "bench")
        try:
            setup = build(project, args.documents, args.codings, args.seed)
            t0 = time.perf_counter()
            units = compute_agreement(
                project, list(CODERS), unit="sentence", bootstrap=args.bootstrap, viewer="Anouk"
            )
            t_units = time.perf_counter() - t0
            t0 = time.perf_counter()
            chars = compute_agreement(project, list(CODERS), unit="character", viewer="Anouk")
            t_chars = time.perf_counter() - t0
            package = krippendorff_package(project)
            reference = reference_binary(project, 5)
        finally:
            project.close()
    report = {
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "setup": setup,
        "sentence_units": {
            "seconds": round(t_units, 3),
            "codes": len(units.codes),
            "clusters": len(units.clusters),
            "documents": len(units.documents),
            "bootstrap": args.bootstrap,
            "overall_alpha": round(units.overall.alpha, 4),
            "disagreements": len(units.disagreements),
        },
        "character_continuum": {
            "seconds": round(t_chars, 3),
            "codes": len(chars.codes),
            "clusters": len(chars.clusters),
            "overall_binary_alpha": round(chars.overall.alpha, 4),
            "Cu_alpha": round(chars.overall.cu_alpha, 4),
            "disagreements": len(chars.disagreements),
        },
        "krippendorff_package_same_matrices": package,
        "unitizing_binary_alpha_reference": reference,
        "target_s": 5.0,
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
