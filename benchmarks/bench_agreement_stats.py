"""Time Qualcode's Krippendorff's alpha against the ``krippendorff`` package; print JSON.

Workloads the ``qualcode agreement`` command meets:

1. one large nominal matrix: 4 coders x 1,000,000 units, 5 values, 10% missing;
2. per-code binary matrices: 300 codes, each 2 coders x 5,000 units (applied / not),
   as produced when agreement is computed per code on paragraph units;
3. (ours only, the package has no unitizing alpha) a full unitizing report: binary alpha
   per code, per domain and overall, cu per domain and Cu, on 40 documents x 2 coders.

Each timing is the best of ``--repeat`` runs; the alphas of both implementations are
compared so a speed-up never hides a wrong number. Run:
``python benchmarks/bench_agreement_stats.py [--repeat 3] [--units 1000000]``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from collections.abc import Callable
from typing import Any

import krippendorff
import numpy as np
import numpy.typing as npt

from qualcode.core.agreement import (
    UnitizedDocument,
    bootstrap_alpha,
    krippendorff_alpha,
    unitizing_report,
)


def _best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def _large_matrix(n_units: int, seed: int) -> npt.NDArray[np.float64]:
    rng = np.random.default_rng(seed)
    truth = rng.integers(0, 5, size=n_units)
    data = np.where(rng.random((4, n_units)) < 0.7, truth, rng.integers(0, 5, (4, n_units)))
    out = data.astype(np.float64)
    out[rng.random(out.shape) < 0.1] = np.nan
    return out


def _binary_matrices(n_codes: int, n_units: int, seed: int) -> list[npt.NDArray[np.float64]]:
    rng = np.random.default_rng(seed)
    mats = []
    for _ in range(n_codes):
        rate = rng.uniform(0.01, 0.2)
        truth = rng.random(n_units) < rate
        flip = rng.random((2, n_units)) < 0.05
        mats.append(np.logical_xor(truth, flip).astype(np.float64))
    return mats


def _unitized_documents(
    n_docs: int, n_codes: int, seed: int
) -> tuple[list[UnitizedDocument], dict[str, list[str]]]:
    """Two coders, ~190 segments each per 60,000-character document, 10 codes a domain."""
    rng = np.random.default_rng(seed)
    codes = [f"code{i}" for i in range(n_codes)]
    domains = {f"domain{d}": codes[d * 10 : (d + 1) * 10] for d in range(n_codes // 10)}
    docs = []
    for k in range(n_docs):
        length, pos = 60_000, 0
        base: list[tuple[int, int, str]] = []
        while True:
            pos += int(rng.integers(50, 300))
            seg_len = int(rng.integers(20, 200))
            if pos + seg_len >= length:
                break
            base.append((pos, pos + seg_len, codes[int(rng.integers(0, n_codes))]))
            pos += seg_len
        codings: dict[str, list[tuple[int, int, str]]] = {}
        for coder in ("anna", "bram"):
            jitter = rng.integers(-10, 10, size=(len(base), 2))
            keep = rng.random(len(base)) > 0.1
            recode = rng.random(len(base)) < 0.15
            codings[coder] = [
                (
                    max(0, s + int(js)),
                    min(length, max(max(0, s + int(js)) + 1, e + int(je))),
                    codes[int(rng.integers(0, n_codes))] if rc else c,
                )
                for (s, e, c), (js, je), kp, rc in zip(base, jitter, keep, recode, strict=True)
                if kp
            ]
        docs.append(UnitizedDocument(length, codings, f"doc{k}"))
    return docs, domains


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--units", type=int, default=1_000_000)
    ap.add_argument("--codes", type=int, default=300)
    ap.add_argument("--code-units", type=int, default=5_000)
    args = ap.parse_args(argv)

    big = _large_matrix(args.units, seed=1)
    t_ours, ours = _best(lambda: krippendorff_alpha(big, "nominal").alpha, args.repeat)
    t_ref, ref = _best(
        lambda: krippendorff.alpha(reliability_data=big, level_of_measurement="nominal"),
        args.repeat,
    )

    mats = _binary_matrices(args.codes, args.code_units, seed=2)
    t_codes, ours_codes = _best(
        lambda: [krippendorff_alpha(m, "nominal").alpha for m in mats], args.repeat
    )
    t_codes_ref, ref_codes = _best(
        lambda: [
            krippendorff.alpha(reliability_data=m, level_of_measurement="nominal") for m in mats
        ],
        args.repeat,
    )
    max_diff = float(np.nanmax(np.abs(np.array(ours_codes) - np.array(ref_codes))))

    small = mats[0]
    t_boot, _ = _best(lambda: bootstrap_alpha(small, "nominal", n_boot=1000, seed=1), 1)

    docs, domains = _unitized_documents(40, args.codes, seed=3)
    t_unit, report = _best(lambda: unitizing_report(docs, domains), 1)

    result = {
        "machine": {
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "numpy": np.__version__,
        },
        "large_nominal": {
            "shape": [4, args.units],
            "qualcode_s": round(t_ours, 4),
            "krippendorff_pkg_s": round(t_ref, 4),
            "speedup": round(t_ref / t_ours, 2),
            "alpha_qualcode": ours,
            "alpha_krippendorff_pkg": ref,
            "abs_diff": abs(ours - ref),
        },
        "per_code_binary": {
            "codes": args.codes,
            "shape_each": [2, args.code_units],
            "qualcode_s": round(t_codes, 4),
            "krippendorff_pkg_s": round(t_codes_ref, 4),
            "speedup": round(t_codes_ref / t_codes, 2),
            "max_abs_diff": max_diff,
        },
        "bootstrap_1000_on_2x5000": {"qualcode_s": round(t_boot, 4)},
        "unitizing_report": {
            "documents": len(docs),
            "characters": sum(d.length for d in docs),
            "segments": sum(len(v) for d in docs for v in d.codings.values()),
            "codes": args.codes,
            "domains": len(domains),
            "coefficients": 2 + args.codes + 2 * len(domains),
            "qualcode_s": round(t_unit, 4),
            "binary_overall": report.binary_overall.alpha if report.binary_overall else None,
        },
        "repeat": args.repeat,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
