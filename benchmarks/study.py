"""A year-long study, generated: the data set every scale figure is measured on.

At scale 1: 200 interview transcripts of about 54,000 characters (timestamped
``Interviewer:`` / ``Student:`` turns of Dutch-like sentences, sentence and paragraph
units, intervention attributes), one long focus group of 300,000 characters with 2,000
codings, 4 coders (one lead) and 100,000 codings with overlap and disagreement: the
coders share "true" segments (one to three sentences); each keeps most of them, codes
some with another code, shifts some boundaries and skips a few, so agreement is real but
imperfect. Ten documents are assigned blind to two coders and not yet revealed.

Codebooks: ``reference`` is the two reference codebooks in ``codebooks/`` (80 codes);
``300`` is 20 clusters of 14 codes (the agreement benchmark's shape).

Built once per (scale, codebook) into ``benchmarks/.cache/`` and copied for each run,
so the window benchmarks start from the same file. ``python benchmarks/study.py
--scale 0.25 --codebook reference`` builds (or reuses) one and prints its path.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert

sys.path.append(str(Path(__file__).resolve().parents[1]))  # PYTHONPATH wins

from qualcode.core.models import Coding, utcnow
from qualcode.core.project import Project, create_project
from qualcode.core.records import TurnRecord

HERE = Path(__file__).resolve().parent
CACHE = Path(os.environ.get("QUALCODE_BENCH_CACHE", HERE / ".cache"))
STUDY_VERSION = 2  # bump when the generator changes, so cached studies are rebuilt
CODERS = ("Anouk", "Bram", "Cas", "Dewi")
LEAD = CODERS[0]
INTERVENTIONS = (
    ("Back on Track", "Avans", "hbo"),
    ("Peercoaching", "Avans", "hbo"),
    ("Welzijnsmonitor", "Avans", "hbo"),
    ("Herstelrecht", "Curio", "mbo"),
    ("Welzijnslab", "Fontys", "hbo"),
    ("Welzijnscoach", "Fontys", "hbo"),
    ("Caring Universities", "Vrije Universiteit Amsterdam", "wo"),
)
WORDS = str.split(
    "ik je het de een en dat niet van wat die op maar ook heb zijn er met voor als dan nog "
    "naar wel geen mijn heel echt want omdat bij uit om nou gewoon daar hier steun coach "
    "studie opleiding docent mentor gesprek vriend moeder week tentamen planning gevoel "
    "hulp vragen praten samen moeilijk fijn eigenlijk misschien altijd soms vaak lastig "
    "student begeleiding interventie rust vertrouwen luisteren afspraak contact app"
)
DOC_CHARS = 54_000
LONG_CHARS = 300_000
LONG_CODINGS = 2_000
BASE_DOCUMENTS = 200
BASE_CODINGS = 100_000
BLIND_DOCUMENTS = 10


@dataclass(frozen=True)
class Study:
    path: Path
    scale: float
    codebook: str
    documents: int
    codings: int
    codes: int
    long_document: str
    build_seconds: float


def transcript(rng: random.Random, chars: int, speakers: tuple[str, ...]) -> tuple[
    str, list[TurnRecord], list[tuple[str, int, int]]
]:  # fmt: skip
    """Text, speaker turns, and sentence + paragraph units of one synthetic interview."""
    parts: list[str] = []
    turns: list[TurnRecord] = []
    units: list[tuple[str, int, int]] = []
    pos, seconds, n = 0, 0, 0
    while pos < chars:
        speaker = speakers[n % len(speakers)] if n % 2 else "Interviewer"
        n += 1
        label = f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}] {speaker}: "
        count = rng.randint(1, 2) if speaker == "Interviewer" else rng.randint(2, 12)
        body: list[str] = []
        at = pos + len(label)
        for _ in range(count):
            words = [rng.choice(WORDS) for _ in range(rng.randint(6, 20))]
            sentence = " ".join(words)
            sentence = sentence[0].upper() + sentence[1:] + rng.choice(".....?!")
            units.append(("sentence", at, at + len(sentence)))
            body.append(sentence)
            at += len(sentence) + 1
        paragraph = label + " ".join(body)
        turns.append(TurnRecord(speaker, pos, pos + len(paragraph)))
        units.append(("paragraph", pos, pos + len(paragraph)))
        parts.append(paragraph)
        pos += len(paragraph) + 2
        seconds += len(paragraph) // 12 + 3
    return "\n\n".join(parts), turns, units


def add_codebook(project: Project, codebook: str) -> list[int]:
    """The codes to code with (every code, clusters included, as people do)."""
    if codebook == "reference":
        from qualcode.io.codebook_formats import read_codebook

        for path in sorted((HERE.parent / "codebooks").glob("*.yaml")):
            project.codebook.add_spec(read_codebook(path), coder=LEAD)
        return [c.id for c in project.codebook.tree()]
    leaves = []
    for c in range(20):
        cluster = project.codebook.add(f"Cluster {c:02d}", coder=LEAD)
        for k in range(14):
            code = project.codebook.add(f"Code {c:02d}.{k:02d}", parent=cluster.guid, coder=LEAD)
            leaves.append(code.id)
    return leaves


def _codings_for(
    rng: random.Random,
    doc_id: int,
    sentences: list[tuple[int, int]],
    per_coder: int,
    codes: list[int],
    coder_ids: list[int],
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    now = utcnow()
    seen: set[tuple[int, int, int, int]] = set()  # a coding is stored once (unique rule)
    for _ in range(per_coder):
        first = rng.randrange(0, len(sentences) - 3)
        last = first + rng.randint(0, 2)
        start, end, code = sentences[first][0], sentences[last][1], rng.choice(codes)
        for coder in coder_ids:
            r = rng.random()
            s, e, c = start, end, code
            if r < 0.04:  # skipped by this coder: codes something else instead
                other = rng.randrange(0, len(sentences))
                s, e, c = sentences[other][0], sentences[other][1], rng.choice(codes)
            elif r < 0.14:
                c = rng.choice(codes)  # disagreement on the code
            elif r < 0.24:
                s = min(s + rng.randint(1, 40), e - 1)  # disagreement on the boundary
            if (coder, c, s, e) in seen:
                continue
            seen.add((coder, c, s, e))
            rows.append(
                {
                    "document_id": doc_id,
                    "code_id": c,
                    "coder_id": coder,
                    "start": s,
                    "end": e,
                    "memo": "",
                    "created_at": now,
                    "illustrative": rng.random() < 0.01,
                }
            )
    return rows


def build(path: Path, scale: float, codebook: str, seed: int = 1) -> Study:
    t0 = time.perf_counter()
    rng = random.Random(seed)
    n_docs = max(4, round(BASE_DOCUMENTS * scale))
    n_codings = round(BASE_CODINGS * scale)
    with create_project(str(path), f"Study x{scale:g}") as project:
        project.coders.add(LEAD, role="lead")
        for name in CODERS[1:]:
            project.coders.add(name)
        coder_ids = [c.id for c in project.coders.list()]
        codes = add_codebook(project, codebook)
        rows: list[dict[str, object]] = []
        per_coder = max(1, n_codings // (len(CODERS) * n_docs))
        for d in range(n_docs):
            name, institution, level = INTERVENTIONS[d % len(INTERVENTIONS)]
            text, turns, units = transcript(rng, DOC_CHARS, ("Student",))
            record = project.documents.add(
                f"{name.replace(' ', '')}_{d + 1:03d}",
                text,
                turns=turns,
                units=units,
                attributes={
                    "intervention": name,
                    "institution": institution,
                    "education_level": level,
                    "source_type": "interview",
                },
                force=True,
            )
            sentences = [(s, e) for kind, s, e in units if kind == "sentence"]
            rows.extend(_codings_for(rng, record.id, sentences, per_coder, codes, coder_ids))
        text, turns, units = transcript(rng, LONG_CHARS, ("Student 1", "Student 2", "Student 3"))
        long_doc = project.documents.add(
            "Focusgroep_lang",
            text,
            turns=turns,
            units=units,
            attributes={"intervention": "Peercoaching", "source_type": "focusgroep"},
            force=True,
        )
        sentences = [(s, e) for kind, s, e in units if kind == "sentence"]
        rows.extend(
            _codings_for(rng, long_doc.id, sentences, LONG_CODINGS // 2, codes, coder_ids[:2])
        )
        with project.transaction() as session:
            for first in range(0, len(rows), 20_000):
                session.execute(insert(Coding), rows[first : first + 20_000])
        for d in range(min(BLIND_DOCUMENTS, n_docs // 4)):
            doc = f"{INTERVENTIONS[(d * 3) % 7][0].replace(' ', '')}_{d * 3 + 1:03d}"
            project.documents.assign(doc, [CODERS[1], CODERS[2]], blind=True)
        n_codes = len(project.codebook.tree())
    return Study(
        path, scale, codebook, n_docs + 1, len(rows), n_codes, "Focusgroep_lang",
        round(time.perf_counter() - t0, 1),
    )  # fmt: skip


def study(scale: float, codebook: str, into: Path) -> Study:
    """A fresh copy of the (cached) study at ``into``."""
    CACHE.mkdir(exist_ok=True)
    cached = CACHE / f"study-v{STUDY_VERSION}-x{scale:g}-{codebook}.qcdb"
    built = 0.0
    if not cached.exists():
        partial = cached.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        built = build(partial, scale, codebook).build_seconds
        partial.rename(cached)
    shutil.copyfile(cached, into)
    into.chmod(0o600)
    with _open(into) as project:
        info = project.info()
    return Study(into, scale, codebook, info.documents, info.codings, info.codes,
                 "Focusgroep_lang", built)  # fmt: skip


def _open(path: Path) -> Project:
    from qualcode.core.project import open_project

    return open_project(str(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--codebook", choices=("reference", "300"), default="reference")
    parser.add_argument("--into", type=Path, default=None)
    args = parser.parse_args()
    into = args.into or CACHE / f"copy-x{args.scale:g}-{args.codebook}.qcdb"
    print(study(args.scale, args.codebook, into))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
