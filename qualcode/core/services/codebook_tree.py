"""Reading the stored codebook as a tree: records with paths, and snapshots."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.core.codebook_spec import DEFAULT_COLOUR, CodebookSpec, CodeNode
from qualcode.core.counting import usage_per_code
from qualcode.core.models import Code, Coder
from qualcode.core.records import CodeRecord

CODE_FIELDS = (
    "name",
    "definition",
    "inclusion",
    "exclusion",
    "example",
    "colour",
    "origin",
    "cmo",
    "codable",
)


def load_codes(session: Session) -> list[Code]:
    return list(session.scalars(select(Code)))


def ordered_records(codes: Iterable[Code]) -> list[CodeRecord]:
    """Depth-first, siblings by position: the order a tree view shows."""
    children: dict[int | None, list[Code]] = defaultdict(list)
    for code in codes:
        children[code.parent_id].append(code)
    for siblings in children.values():
        siblings.sort(key=lambda c: (c.position, c.name.lower()))
    # A loop, not a recursive closure: a closure that calls itself is a reference cycle
    # holding every Code, so they would die in the cyclic GC, whose SQLAlchemy weakref
    # callbacks can corrupt memory on CPython 3.11 (see LatestJob in qualcode.ui).
    records: list[CodeRecord] = []
    stack: list[tuple[Code, tuple[str, ...]]] = [(c, ()) for c in reversed(children.get(None, []))]
    while stack:
        code, path = stack.pop()
        code_path = (*path, code.name)
        records.append(code_record(code, code_path))
        stack.extend((child, code_path) for child in reversed(children.get(code.id, [])))
    return records


def code_record(code: Code, path: tuple[str, ...]) -> CodeRecord:
    return CodeRecord(
        id=code.id,
        guid=code.guid,
        parent_id=code.parent_id,
        position=code.position,
        name=code.name,
        path=path,
        definition=code.definition,
        inclusion=code.inclusion,
        exclusion=code.exclusion,
        example=code.example,
        colour=code.colour or DEFAULT_COLOUR,
        origin=code.origin,
        cmo=code.cmo,
        created_at=code.created_at,
        modified_at=code.modified_at,
        codable=code.codable,
        chosen_colour=code.colour or None,
        version=code.version,
    )


def path_of(session: Session, code: Code) -> tuple[str, ...]:
    parts = [code.name]
    parent_id = code.parent_id
    while parent_id is not None:
        parent = session.get(Code, parent_id)
        assert parent is not None
        parts.append(parent.name)
        parent_id = parent.parent_id
    return tuple(reversed(parts))


def descendant_ids(session: Session, code_id: int) -> list[int]:
    """The code's id and all ids below it."""
    children: dict[int | None, list[int]] = defaultdict(list)
    for cid, parent in session.execute(select(Code.id, Code.parent_id)):
        children[parent].append(cid)
    found, stack = [], [code_id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def usage_counts(session: Session, viewer: Coder | None = None) -> dict[int, int]:
    return usage_per_code(session, viewer)


def snapshot_spec(session: Session, name: str = "") -> CodebookSpec:
    """The working codebook as an exchange tree (every node carries its guid)."""
    records = ordered_records(load_codes(session))
    nodes: dict[int, CodeNode] = {}
    roots: list[CodeNode] = []
    for record in records:
        node = CodeNode(
            name=record.name,
            guid=record.guid,
            definition=record.definition,
            inclusion=record.inclusion,
            exclusion=record.exclusion,
            example=record.example,
            colour=record.chosen_colour,
            origin=record.origin,
            codable=record.codable,
        )
        nodes[record.id] = node
        if record.parent_id is None:
            roots.append(node)
        else:
            nodes[record.parent_id].children.append(node)
    return CodebookSpec(name=name, codes=roots)


def spec_to_json(spec: CodebookSpec) -> str:
    return json.dumps(asdict(spec), ensure_ascii=False, sort_keys=True)


def spec_from_json(text: str) -> CodebookSpec:
    data = json.loads(text)

    def node(raw: dict[str, Any]) -> CodeNode:
        children = [node(c) for c in raw.pop("children", [])]
        return CodeNode(**raw, children=children)

    return CodebookSpec(
        name=data.get("name", ""),
        description=data.get("description", ""),
        language=data.get("language"),
        codes=[node(c) for c in data.get("codes", [])],
    )


def code_state(code: Code) -> dict[str, object]:
    """What the change log records as before/after for one code."""
    state: dict[str, object] = {f: getattr(code, f) for f in CODE_FIELDS}
    state["parent_guid"] = None
    state["position"] = code.position
    return state
