"""The merge plan a lead reviews: its entries, the JSON file format and the text table.

See :mod:`qualcode.core.codebook_merge` for how a plan is made and applied; the file format
(schema "qualcode.merge-plan", version 1) is described there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from qualcode.core.codebook_diff import guid_key
from qualcode.core.codebook_spec import join_path, split_path
from qualcode.core.errors import DomainError

SCHEMA = "qualcode.merge-plan"
SCHEMA_VERSION = 1
ACTIONS = ("same", "update", "rename", "conflict", "new")
MERGE_FIELDS = ("definition", "inclusion", "exclusion", "example", "colour", "origin")
CONFLICT_MARGIN = 5.0  # candidates this close to the best one are a tie for a person to break
CANDIDATE_FLOOR = 60.0  # below this a candidate is noise, not worth showing
MAX_CANDIDATES = 3
Path = tuple[str, ...]

HELP = [
    "Merge plan: one entry per code of the incoming codebook, in tree order.",
    "Edit only: accept, action, target, use_incoming_name, take_incoming.",
    "action 'same' / 'update' / 'rename': the code becomes the base code 'target' (a guid).",
    "action 'new': the code is added, keeping its guid, under wherever its parent goes.",
    "action 'conflict': unresolved; set 'target' to a candidate guid (or action 'new', or"
    " accept false), otherwise applying the plan stops with an error.",
    "accept false: ignore the code (no mapping, so its codings are not imported); new codes"
    " under it are skipped too.",
    "take_incoming: fields copied from the incoming code onto the base code. Proposed: the"
    " fields empty in base. Allowed: " + ", ".join(MERGE_FIELDS) + ".",
    "use_incoming_name true: the base code takes the incoming name.",
    "Other keys (paths, score, candidates, differing_fields, reason) are information and"
    " are not read back.",
]


class MergeError(DomainError):
    """A merge cannot go ahead as planned; the message says what to fix."""


class MergeConflictError(MergeError):
    """The plan still holds conflicts nobody resolved."""

    def __init__(self, entries: list[PlanEntry]) -> None:
        self.entries = entries
        lines = [f"{len(entries)} unresolved merge conflict(s); pick a target for each:"]
        for entry in entries:
            options = ", ".join(f"{join_path(c.path)} ({c.score:.1f})" for c in entry.candidates)
            lines.append(f"  {join_path(entry.incoming_path)}: {options or 'no candidates'}")
        super().__init__("\n".join(lines))


class MergeValidationError(MergeError):
    """The plan does not fit the codebooks, or the merged tree would be invalid."""


class PlanFormatError(MergeError):
    """A plan file cannot be read (wrong schema, bad value in an entry)."""


@dataclass
class Candidate:
    guid: str
    path: Path
    score: float


@dataclass
class PlanEntry:
    """The decision for one incoming code; the lead may change accept/action/target."""

    incoming_guid: str
    incoming_path: Path
    action: str
    target: str | None = None
    target_path: Path | None = None
    score: float | None = None
    candidates: list[Candidate] = field(default_factory=list)
    # field -> (base value, incoming value); "name" included when names differ.
    differing_fields: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    take_incoming: list[str] = field(default_factory=list)
    use_incoming_name: bool = False
    accept: bool = True
    reason: str = ""
    incoming_parent: str | None = None

    @property
    def kept_base(self) -> list[str]:
        """Differing fields where base text wins: the conflicts a person may revisit."""
        return [f for f in self.differing_fields if f != "name" and f not in self.take_incoming]

    def to_json(self) -> dict[str, Any]:
        # Editable keys come first so a person editing the file finds them at once.
        return {
            "incoming_path": join_path(self.incoming_path),
            "incoming_guid": self.incoming_guid,
            "action": self.action,
            "accept": self.accept,
            "target": self.target,
            "use_incoming_name": self.use_incoming_name,
            "take_incoming": list(self.take_incoming),
            "target_path": join_path(self.target_path) if self.target_path else None,
            "score": self.score,
            "reason": self.reason,
            "differing_fields": {
                name: {"base": b, "incoming": i} for name, (b, i) in self.differing_fields.items()
            },
            "candidates": [
                {"guid": c.guid, "path": join_path(c.path), "score": c.score}
                for c in self.candidates
            ],
            "incoming_parent": self.incoming_parent,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], number: int) -> PlanEntry:
        where = f"plan entry {number} ({data.get('incoming_path', '?')})"

        def get(key: str, kind: type | tuple[type, ...], default: Any = None) -> Any:
            value = data.get(key, default)
            if not isinstance(value, kind):
                raise PlanFormatError(f"{where}: {key!r} has an invalid value {value!r}")
            return value

        action = get("action", str)
        if action not in ACTIONS:
            raise PlanFormatError(f"{where}: unknown action {action!r}; use one of {ACTIONS}")
        take = get("take_incoming", list, [])
        unknown = [f for f in take if f not in MERGE_FIELDS]
        if unknown:
            raise PlanFormatError(f"{where}: cannot take {unknown}; allowed: {MERGE_FIELDS}")
        target_path = get("target_path", (str, type(None)))
        score = get("score", (int, float, type(None)))
        return cls(
            incoming_guid=get("incoming_guid", str),
            incoming_path=split_path(get("incoming_path", str, "")),
            action=action,
            target=get("target", (str, type(None))) or None,
            target_path=split_path(target_path) if target_path else None,
            score=float(score) if score is not None else None,
            # Information only: read leniently so a stray hand edit here is harmless.
            candidates=[
                Candidate(str(c.get("guid")), split_path(str(c.get("path", ""))), c["score"])
                for c in get("candidates", list, [])
                if isinstance(c, dict) and isinstance(c.get("score"), int | float)
            ],
            differing_fields={
                str(k): (v.get("base"), v.get("incoming"))
                for k, v in get("differing_fields", dict, {}).items()
                if isinstance(v, dict)
            },
            take_incoming=[str(f) for f in take],
            use_incoming_name=get("use_incoming_name", bool, False),
            accept=get("accept", bool, True),
            reason=get("reason", str, ""),
            incoming_parent=get("incoming_parent", (str, type(None))),
        )


@dataclass
class MergePlan:
    entries: list[PlanEntry] = field(default_factory=list)
    base_name: str = ""
    incoming_name: str = ""
    threshold: float = 85.0

    def unresolved(self) -> list[PlanEntry]:
        return [e for e in self.entries if e.accept and e.action == "conflict" and not e.target]

    def skipped(self) -> dict[str, str]:
        """incoming guid -> why it will not be merged (rejected, or under a skipped code)."""
        parents = {guid_key(e.incoming_guid): e.incoming_parent for e in self.entries}
        return _skip_reasons(self.entries, parents)

    def to_json(self) -> dict[str, Any]:
        return {
            "help": HELP,
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "base": self.base_name,
            "incoming": self.incoming_name,
            "threshold": self.threshold,
            "entries": [entry.to_json() for entry in self.entries],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MergePlan:
        if not isinstance(data, Mapping):
            raise PlanFormatError(
                f"not a merge plan: the file holds a JSON {type(data).__name__}, not an object"
            )
        if data.get("schema") != SCHEMA:
            raise PlanFormatError(f"not a merge plan (schema {data.get('schema')!r})")
        if data.get("schema_version") != SCHEMA_VERSION:
            raise PlanFormatError(f"unsupported plan version {data.get('schema_version')!r}")
        items = data.get("entries")
        if not isinstance(items, list) or not all(isinstance(e, dict) for e in items):
            raise PlanFormatError("'entries' must be a list of objects")
        entries = [PlanEntry.from_json(e, n) for n, e in enumerate(items, start=1)]
        counts = Counter(guid_key(e.incoming_guid) for e in entries)
        twice = sorted(g for g, n in counts.items() if n > 1)
        if twice:
            raise PlanFormatError(f"more than one entry for incoming guid(s) {twice}")
        threshold = data.get("threshold", 85.0)
        if not isinstance(threshold, int | float):
            raise PlanFormatError(f"'threshold' must be a number, not {threshold!r}")
        base, incoming = str(data.get("base", "")), str(data.get("incoming", ""))
        return cls(entries, base, incoming, float(threshold))

    def format_text(self) -> str:
        """A table for people: one row per incoming code, details indented below."""
        header = f"Merge plan: {self.incoming_name or 'incoming'} into {self.base_name or 'base'}"
        rows = [("ACTION", "ACCEPT", "SCORE", "INCOMING", "TARGET")]
        for e in self.entries:
            score = f"{e.score:.1f}" if e.score is not None else ""
            target = join_path(e.target_path) if e.target_path else "?"
            accept = "yes" if e.accept else "no"
            rows.append((e.action, accept, score, join_path(e.incoming_path), target))
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        lines = [header, ""]
        skipped = self.skipped()
        for number, row in enumerate(rows):
            cells = "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False))
            lines.append(f"{cells}  {'->' if number else '  '} {row[4]}")
            if number:
                lines.extend(_details(self.entries[number - 1], skipped))
        counts = Counter(e.action for e in self.entries)
        lines += ["", ", ".join(f"{n} {a}" for a, n in counts.items()) or "nothing to merge"]
        return "\n".join(lines)


def _skip_reasons(entries: list[PlanEntry], parent_of: Mapping[str, str | None]) -> dict[str, str]:
    by_guid = {guid_key(e.incoming_guid): e for e in entries}
    reasons: dict[str, str] = {}
    done: set[str] = set()

    def visit(guid: str) -> None:
        if guid in done:
            return
        done.add(guid)
        entry, parent = by_guid[guid], guid_key(parent_of.get(guid) or "")
        if parent in by_guid:
            visit(parent)
        if not entry.accept:
            reasons[guid] = "not accepted"
        elif entry.action == "new" and parent in reasons:
            # A new code needs its parent in the result; a matched one is already there.
            reasons[guid] = f"parent {join_path(by_guid[parent].incoming_path)} is skipped"

    for guid in by_guid:
        visit(guid)
    return reasons


def _details(entry: PlanEntry, skipped: Mapping[str, str]) -> list[str]:
    pad = "    "
    out: list[str] = []
    if entry.differing_fields:
        kept = entry.kept_base + (["name"] if not entry.use_incoming_name else [])
        marks = [
            f"{f} ({'base kept' if f in kept else 'incoming'})" for f in entry.differing_fields
        ]
        out.append(f"{pad}differs: {', '.join(marks)}")
    # A single candidate that is already the target would only repeat the row.
    if entry.candidates and [c.guid for c in entry.candidates] != [entry.target]:
        shown = ", ".join(f"{join_path(c.path)} ({c.score:.1f})" for c in entry.candidates)
        out.append(f"{pad}candidates: {shown}")
    if guid_key(entry.incoming_guid) in skipped:
        out.append(f"{pad}skipped: {skipped[guid_key(entry.incoming_guid)]}")
    return out


# --- planning -----------------------------------------------------------------------
