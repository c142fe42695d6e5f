"""Shared builders for the .qdpx exchange and project merge tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import xmlschema

from qualcode.core.project import Project

SCHEMA_PATH = Path(__file__).parent / "fixtures" / "refi-qda" / "Project.xsd"
_schema: xmlschema.XMLSchema | None = None

INTERVIEW = (
    "Interviewer: Hoe ging het na de zomer?\n"
    "Student: Mijn moeder belde elke avond 😀 en dat hielp echt.\n"
    "Interviewer: En je mentor?\n"
    "Student: De mentor gaf praktische tips over planning. 🎉 Humor hielp ook.\n"
)
FOCUS = (
    "Moderator: Wat vonden jullie van de peercoach?\n"
    "Deelnemer 1: Het was fijn om met iemand te praten die hetzelfde meemaakte.\n"
    "Deelnemer 2: Ik voelde me minder alleen.\n"
)


def schema() -> xmlschema.XMLSchema:
    global _schema
    if _schema is None:
        _schema = xmlschema.XMLSchema(str(SCHEMA_PATH))
    return _schema


def schema_errors(qdpx: Path) -> list[str]:
    with zipfile.ZipFile(qdpx) as archive:
        qde = archive.read("project.qde")
    return [str(e.reason) for e in schema().iter_errors(io.BytesIO(qde))]


def span(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def build_rich_project(project: Project) -> None:
    """Two coders, a nested codebook (a ' / ' name, a category that is not codable, codes
    with and without colour, an inductive one, a CMO tag), two documents with emoji,
    attributes and a set, codings with memos, and memos on every kind of target."""
    project.coders.add("Anouk", role="lead")
    project.coders.add("Bram")
    cb = project.codebook
    cb.add("Steungever", codable=False, definition="Wie steunt de student.")
    cb.add("Moeder", parent="Steungever", colour="#4E79A7")
    cb.add("Mentor", parent="Steungever", inclusion="Ook studieloopbaanbegeleider.")
    cb.add("Humor / Amusement", origin="inductive", definition="Lachen samen.")
    cb.add("Lotgenoten", cmo="mechanism", example='"iemand die hetzelfde meemaakte"')
    project.documents.add(
        "NI01",
        INTERVIEW,
        attributes={"intervention": "Welzijnscoach", "set: Ronde 1": "yes"},
        language="nl",
    )
    project.documents.add("FG02", FOCUS, attributes={"intervention": "Peercoaching"})
    add = project.codings.add
    moeder = add("NI01", "Anouk", "Steungever / Moeder", *span(INTERVIEW, "Mijn moeder belde"))
    add("NI01", "Bram", "Steungever / Moeder", *span(INTERVIEW, "Mijn moeder belde elke avond"))
    add(
        "NI01",
        "Bram",
        "Steungever / Mentor",
        *span(INTERVIEW, "praktische tips"),
        memo="tips = praktische steun",
    )
    add("NI01", "Anouk", "Humor \\/ Amusement", *span(INTERVIEW, "Humor hielp ook"))
    add("FG02", "Anouk", "Lotgenoten", *span(FOCUS, "iemand te praten die hetzelfde meemaakte"))
    memos = project.memos
    memos.add("Eerste ronde na kalibratie.", title="Projectnotitie", author="Anouk")
    memos.add("Let op de emoji.", document="NI01", author="Bram")
    memos.add("Ruim opvatten.", code="Steungever / Mentor", author="Anouk")
    memos.add("Twijfel over de grens.", coding=moeder.id, author="Anouk")
    project.codings.update(moeder.id, illustrative=True)
    project.summaries.set("Steungever / Moeder", "Moeders bellen.", author="Anouk")
    project.summaries.set(
        "Lotgenoten",
        "Herkenning.",
        author="Bram",
        scope_key="intervention",
        scope_value="Peercoaching",
    )


def content(project: Project) -> dict[str, Any]:
    """What a user checks after a round trip, independent of row ids."""
    docs = {d.id: d for d in project.documents.list()}
    coders = {c.id: c.name for c in project.coders.list()}
    codes = {c.id: c for c in project.codebook.tree()}
    snapshot = project.codebook.snapshot()
    codings = sorted(
        (
            docs[c.document_id].name,
            coders[c.coder_id],
            codes[c.code_id].guid,
            c.start,
            c.end,
            c.memo,
        )
        for c in project.codings.list()
    )
    memos = sorted((m.target, m.title, m.body, m.author or "") for m in project.memos.list())
    stars = sorted(
        (docs[c.document_id].name, codes[c.code_id].guid, c.start, c.end)
        for c in project.codings.list()
        if c.illustrative
    )
    summaries = sorted(
        (codes[s.code_id].guid, s.scope_key, s.scope_value, s.body, s.author or "")
        for s in project.summaries.list()
    )
    return {
        "codes": [
            (
                path,
                n.guid,
                n.colour,
                n.codable,
                n.origin,
                n.definition,
                n.inclusion,
                n.example,
            )
            for path, n in snapshot.walk()
        ],
        "cmo": sorted((c.guid, c.cmo) for c in codes.values() if c.cmo),
        "documents": sorted(
            (d.name, project.documents.text(d.id), tuple(sorted(d.attributes.items())))
            for d in docs.values()
        ),
        "coders": sorted((c.name, c.role) for c in project.coders.list()),
        "codings": codings,
        "memos": memos,
        "stars": stars,
        "summaries": summaries,
    }


def make_qdpx(path: Path, qde: str | bytes, files: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde)
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return path
