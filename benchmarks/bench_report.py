"""Time the Word report on a study-sized synthetic project; print JSON.

The workload the issue names: 5,000 coded quotes over 7 interventions (28 documents of
about 60,000 characters, 2 coders, 6 clusters of 8 codes with sub-codes), reported with 3
quotes per code. Target: under 15 s. Building the project is timed separately and not part
of the target. Run: ``python benchmarks/bench_report.py [--codings 5000] [--repeat 1]``.
``build_synthetic`` is shared with ``bench_retrieval.py``.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

from qualcode.core.models import Coding
from qualcode.core.project import Project, create_project
from qualcode.core.records import TurnRecord

INTERVENTIONS = (
    ("Back on Track", "Avans", "hbo"),
    ("Peercoaching", "Avans", "hbo"),
    ("Welzijnsmonitor", "Avans", "hbo"),
    ("Herstelrecht", "Curio", "mbo"),
    ("Welzijnslab", "Fontys", "hbo"),
    ("Welzijnscoach", "Fontys", "hbo"),
    ("Caring Universities", "Vrije Universiteit Amsterdam", "wo"),
)
WORDS = (
    "ik",
    "je",
    "het",
    "de",
    "steun",
    "mentor",
    "moeder",
    "studie",
    "gesprek",
    "rust",
    "planning",
    "tentamen",
    "hulp",
    "vragen",
    "samen",
    "lachen",
    "praten",
    "docent",
    "echt",
    "wel",
    "niet",
    "heel",
    "fijn",
    "moeilijk",
    "thuis",
    "groep",
    "coach",
)


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 18))]
    return " ".join(words).capitalize() + "."


def _transcript(rng: random.Random, chars: int) -> tuple[str, list[TurnRecord]]:
    text, turns, n = "", [], 0
    while len(text) < chars:
        speaker = "Interviewer" if n % 2 == 0 else rng.choice(("Student", "Respondent 2"))
        line = f"{speaker}: " + " ".join(_sentence(rng) for _ in range(rng.randint(1, 6)))
        if text:
            text += "\n\n"
        turns.append(TurnRecord(speaker, len(text), len(text) + len(line)))
        text += line
        n += 1
    return text, turns


def build_synthetic(
    project: Project,
    *,
    codings: int,
    documents_per_group: int = 4,
    chars: int = 60_000,
    seed: int = 7,
) -> dict[str, float]:
    """Fill ``project``; returns how long each part took."""
    rng = random.Random(seed)
    t0 = time.perf_counter()
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    leaves: list[int] = []
    tags = ("context", "mechanism", "outcome")  # the first three clusters feed the CMO chapter
    for c in range(6):
        cluster = project.codebook.add(
            f"Cluster {c + 1}", coder="Anouk", cmo=tags[c] if c < len(tags) else None
        )
        for k in range(8):
            code = project.codebook.add(f"Code {c + 1}.{k + 1}", parent=cluster.guid)
            leaves.append(code.id)
            if k < 2:
                for s in range(2):
                    leaves.append(project.codebook.add(f"Sub {s + 1}", parent=code.guid).id)
    t_codes = time.perf_counter()
    docs: list[tuple[int, int]] = []
    for name, institution, level in INTERVENTIONS:
        for d in range(documents_per_group):
            text, turns = _transcript(rng, chars)
            record = project.documents.add(
                f"{name.replace(' ', '')}_{d + 1:02d}",
                text,
                turns=turns,
                attributes={
                    "intervention": name,
                    "institution": institution,
                    "education_level": level,
                    "source_type": "focusgroep" if d % 2 else "interview",
                },
            )
            docs.append((record.id, record.length))
    t_docs = time.perf_counter()
    coders = [c.id for c in project.coders.list()]
    rows = []
    for _ in range(codings):
        doc_id, length = rng.choice(docs)
        start = rng.randrange(0, length - 700)
        rows.append(
            {
                "document_id": doc_id,
                "code_id": rng.choice(leaves),
                "coder_id": rng.choice(coders),
                "start": start,
                "end": start + rng.randint(30, 650),
                "memo": "",
                "illustrative": rng.random() < 0.02,
            }
        )
    with project.transaction() as session:
        # Bulk insert: the service's per-coding checks would dominate the set-up time.
        for first in range(0, len(rows), 10_000):
            session.execute(insert(Coding), rows[first : first + 10_000])
    return {
        "codes_s": t_codes - t0,
        "documents_s": t_docs - t_codes,
        "codings_s": time.perf_counter() - t_docs,
    }


def main(argv: list[str] | None = None) -> int:
    from qualcode.io.report import write_report

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--codings", type=int, default=5_000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument(
        "--quotes-per-code",
        type=int,
        default=3,
        help="quotes per code and intervention (10000: every coded quote)",
    )
    ap.add_argument("--locator", help="an empty database URL instead of a temporary file")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        locator = args.locator or str(Path(folder) / "bench.qcdb")
        with create_project(locator, "Benchmark") as project:
            setup = build_synthetic(project, codings=args.codings)
            times, result = [], None
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                result = write_report(
                    project, Path(folder) / "report.docx", quotes_per_code=args.quotes_per_code
                )
                times.append(time.perf_counter() - t0)
            size = (Path(folder) / "report.docx").stat().st_size
    assert result is not None
    out = {
        "benchmark": "word report",
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "codings": args.codings,
        "interventions": len(INTERVENTIONS),
        "setup_seconds": {k: round(v, 3) for k, v in setup.items()},
        "report_seconds": round(min(times), 3),
        "target_seconds": 15.0,
        "within_target": min(times) < 15.0,
        "quotes_in_report": result.quotes,
        "tables": result.tables,
        "bytes": size,
    }
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
