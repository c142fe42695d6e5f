"""What changed between two released versions of a codebook.

Nodes are matched by guid, never by name: a guid survives renames and moves, so a
renamed code is one ``renamed`` record instead of a ``removed`` plus an ``added``.
Merges and splits cannot be seen in two snapshots alone (a merged-away code just looks
removed), so they come from the change log recorded between the versions.

JSON schema of :meth:`CodebookDiff.to_json` (``schema_version`` 1)::

    {"schema": "qualcode.codebook-diff", "schema_version": 1,
     "old": "<FROM version label>", "new": "<TO version label; 'working' for now>",
     "summary": {"<kind>": <count>, ...},          # every kind, zeros included
     "changes": [<record>, ...]}                   # grouped in KINDS order

Every record has ``kind``, ``guid`` and ``path`` (a list of names: the new path, or the
old one when the code is gone; ``null`` only when the log names a guid found in neither
snapshot). Kind-specific keys:

    added           parent_guid (null at top level)
    removed         -
    renamed         old_path, old_name, new_name
    moved           old_path, old_parent_guid, new_parent_guid
    reordered       old_index, new_index (0-based among siblings)
    redefined       fields: {"definition"|"inclusion"|"exclusion"|"example":
                             {"before": str, "after": str}}
    recoloured      before, after ("#RRGGBB" or null)
    origin_changed  before, after ("deductive" / "inductive")
    merged          guid/path of the target; sources: [ref]; target_added: bool
    split           guid/path of the source; targets: [ref]; source_kept: bool

A ``ref`` is ``{"guid", "path", "in_old": bool, "in_new": bool}`` (path as above). A
merge source or split source that is gone is reported only inside its merged/split
record, not as ``removed``; likewise a merge target or split target that is new is not
repeated as ``added``. Paths are lists, not joined text, because names may contain "/".
Guids are compared and reported as :func:`guid_key` spells them.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from qualcode.core.codebook_spec import CodebookSpec, CodeNode, join_path
from qualcode.core.errors import DomainError

SCHEMA = "qualcode.codebook-diff"
SCHEMA_VERSION = 1
TEXT_FIELDS = ("definition", "inclusion", "exclusion", "example")
Path = tuple[str, ...]
Merges = Sequence[tuple[Sequence[str], str]]
Splits = Sequence[tuple[str, Sequence[str]]]


class InvalidSnapshotError(DomainError, ValueError):
    """A snapshot cannot be diffed: a node lacks a guid or a guid occurs twice."""


@dataclass(frozen=True)
class NodeInfo:
    """Where one node sits in its tree; built once so lookups by guid are cheap."""

    guid: str
    path: Path
    node: CodeNode
    parent: str | None
    index: int


def guid_key(guid: str) -> str:
    """Lower case without braces, as the store keeps guids.

    REFI-QDA tools write the same guid in upper case or in braces; comparing raw text
    would turn a round trip through NVivo into "removed" plus "added".
    """
    return guid.strip().removeprefix("{").removesuffix("}").strip().lower()


def index_codebook(spec: CodebookSpec, label: str = "codebook") -> dict[str, NodeInfo]:
    """Map guid_key -> NodeInfo in tree order; reject missing or duplicate guids."""
    found: dict[str, NodeInfo] = {}

    def visit(nodes: list[CodeNode], parent: NodeInfo | None) -> None:
        for index, node in enumerate(nodes):
            path = (*parent.path, node.name) if parent else (node.name,)
            if not node.guid:
                raise InvalidSnapshotError(f"{label}: code {join_path(path)!r} has no guid")
            key = guid_key(node.guid)
            if key in found:
                other = join_path(found[key].path)
                raise InvalidSnapshotError(
                    f"{label}: guid {key} is used by {other!r} and {join_path(path)!r}"
                )
            info = NodeInfo(key, path, node, parent.guid if parent else None, index)
            found[key] = info
            visit(node.children, info)

    visit(spec.codes, None)
    return found


def same_colour(a: str | None, b: str | None) -> bool:
    # "#ff0000" and "#FF0000" are one colour; only a different value is a recolouring.
    return (a or "").strip().casefold() == (b or "").strip().casefold()


@dataclass(frozen=True)
class GuidRef:
    """A code named inside a merged/split record, located in either snapshot."""

    guid: str
    path: Path | None
    in_old: bool
    in_new: bool

    def to_json(self) -> dict[str, Any]:
        return {f.name: _jsonable(getattr(self, f.name)) for f in dataclasses.fields(self)}


def _jsonable(value: Any) -> Any:
    if isinstance(value, GuidRef):
        return value.to_json()
    return [_jsonable(v) for v in value] if isinstance(value, tuple) else value


def _show(path: Path | None) -> str:
    return join_path(path) if path is not None else "(unknown code)"


@dataclass(frozen=True)
class Change:
    """Base of all change records; ``kind`` is the stable name used in JSON.

    JSON keys are the dataclass fields in declaration order, so a record's schema is
    read off its class; the schema test pins them.
    """

    kind: ClassVar[str] = ""
    guid: str
    path: Path | None

    def to_json(self) -> dict[str, Any]:
        fields = dataclasses.fields(self)
        return {"kind": self.kind, **{f.name: _jsonable(getattr(self, f.name)) for f in fields}}

    def describe(self) -> str:
        return _show(self.path)


@dataclass(frozen=True)
class Added(Change):
    kind: ClassVar[str] = "added"
    parent_guid: str | None = None


@dataclass(frozen=True)
class Removed(Change):
    kind: ClassVar[str] = "removed"


@dataclass(frozen=True)
class Renamed(Change):
    kind: ClassVar[str] = "renamed"
    old_path: Path = ()
    old_name: str = ""
    new_name: str = ""

    def describe(self) -> str:
        return f"{join_path(self.old_path)} -> {self.new_name}"


@dataclass(frozen=True)
class Moved(Change):
    kind: ClassVar[str] = "moved"
    old_path: Path = ()
    old_parent_guid: str | None = None
    new_parent_guid: str | None = None

    def describe(self) -> str:
        return f"{join_path(self.old_path)} -> {_show(self.path)}"


@dataclass(frozen=True)
class Reordered(Change):
    kind: ClassVar[str] = "reordered"
    old_index: int = 0
    new_index: int = 0

    def describe(self) -> str:
        # People count from 1; JSON keeps 0-based indexes.
        return f"{_show(self.path)} (position {self.old_index + 1} -> {self.new_index + 1})"


@dataclass(frozen=True)
class Redefined(Change):
    kind: ClassVar[str] = "redefined"
    fields: tuple[tuple[str, str, str], ...] = ()  # (field, before, after)

    def to_json(self) -> dict[str, Any]:
        changed = {name: {"before": b, "after": a} for name, b, a in self.fields}
        return {**super().to_json(), "fields": changed}

    def describe(self) -> str:
        lines = [f"{_show(self.path)} ({', '.join(name for name, _, _ in self.fields)})"]
        for name, before, after in self.fields:
            lines.append(f"    {name} was: {' '.join(before.split()) or '(empty)'}")
            lines.append(f"    {name} now: {' '.join(after.split()) or '(empty)'}")
        return "\n".join(lines)


@dataclass(frozen=True)
class _Altered(Change):
    """A single-valued field changed; shared shape of recoloured and origin_changed."""

    before: str | None = None
    after: str | None = None

    def describe(self) -> str:
        return f"{_show(self.path)} ({self.before or 'none'} -> {self.after or 'none'})"


@dataclass(frozen=True)
class Recoloured(_Altered):
    kind: ClassVar[str] = "recoloured"


@dataclass(frozen=True)
class OriginChanged(_Altered):
    kind: ClassVar[str] = "origin_changed"


@dataclass(frozen=True)
class Merged(Change):
    kind: ClassVar[str] = "merged"
    sources: tuple[GuidRef, ...] = ()
    target_added: bool = False

    def describe(self) -> str:
        target = _show(self.path) + (" (new)" if self.target_added else "")
        return f"{' + '.join(_show(s.path) for s in self.sources)} -> {target}"


@dataclass(frozen=True)
class Split(Change):
    kind: ClassVar[str] = "split"
    targets: tuple[GuidRef, ...] = ()
    source_kept: bool = False

    def describe(self) -> str:
        parts = [_show(t.path) + ("" if t.in_old else " (new)") for t in self.targets]
        kept = " (kept)" if self.source_kept else ""
        return f"{_show(self.path)}{kept} -> {', '.join(parts)}"


KINDS: tuple[str, ...] = (
    "added", "removed", "renamed", "moved", "reordered",
    "redefined", "recoloured", "origin_changed", "merged", "split",
)  # fmt: skip


@dataclass
class CodebookDiff:
    """All changes from an old to a new snapshot, one typed list per kind."""

    old_name: str = ""
    new_name: str = ""
    # The version labels compared (set by VersionService.diff); the names above are the
    # codebooks' own names, usually the project's name on both sides.
    old_label: str = ""
    new_label: str = ""
    added: list[Added] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    reordered: list[Reordered] = field(default_factory=list)
    redefined: list[Redefined] = field(default_factory=list)
    recoloured: list[Recoloured] = field(default_factory=list)
    origin_changed: list[OriginChanged] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    split: list[Split] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[Change]]:
        return {kind: list(getattr(self, kind)) for kind in KINDS}

    def changes(self) -> list[Change]:
        """Every record, grouped in KINDS order (the order of JSON and text)."""
        return [change for group in self.by_kind().values() for change in group]

    @property
    def is_empty(self) -> bool:
        return not self.changes()

    def to_json(self) -> dict[str, Any]:
        """The documented, stable schema (see the module docstring)."""
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            # The labels identify the sides; the codebook names (usually the project's
            # name on both) are the fallback for diffs of two files.
            "old": self.old_label or self.old_name,
            "new": self.new_label or self.new_name,
            "summary": {kind: len(group) for kind, group in self.by_kind().items()},
            "changes": [change.to_json() for change in self.changes()],
        }

    def format_text(self) -> str:
        """One line per change, ``kind: ...``, grouped by kind; for logbooks and e-mail."""
        if self.is_empty:
            return "No changes."
        counts = [f"{len(g)} {k.replace('_', ' ')}" for k, g in self.by_kind().items() if g]
        total = len(self.changes())
        lines = [f"{total} {'change' if total == 1 else 'changes'}: {', '.join(counts)}"]
        for kind, group in self.by_kind().items():
            if group:
                lines.append("")
                label = kind.replace("_", " ")
                lines.extend(f"{label}: {change.describe()}" for change in group)
        return "\n".join(lines)


def diff_codebooks(
    old: CodebookSpec,
    new: CodebookSpec,
    *,
    merges: Merges = (),
    splits: Splits = (),
) -> CodebookDiff:
    """Compare two snapshots by guid; ``merges``/``splits`` come from the change log.

    ``merges`` holds (source guids, target guid) and ``splits`` (source guid, target
    guids), as produced by :func:`changes_from_log`.
    """
    before = index_codebook(old, "old codebook")
    after = index_codebook(new, "new codebook")
    diff = CodebookDiff(old_name=old.name, new_name=new.name)

    def ref(guid: str) -> GuidRef:
        info = after.get(guid) or before.get(guid)
        return GuidRef(guid, info.path if info else None, guid in before, guid in after)

    explained_gone: set[str] = set()  # old guids a merge/split accounts for
    explained_new: set[str] = set()  # new guids a merge/split accounts for
    merges = [([guid_key(g) for g in sources], guid_key(t)) for sources, t in merges]
    splits = [(guid_key(s), [guid_key(g) for g in targets]) for s, targets in splits]
    for sources, target in merges:
        refs = tuple(ref(g) for g in sources)
        diff.merged.append(Merged(target, ref(target).path, refs, target not in before))
        explained_gone.update(sources)
        explained_new.add(target)
    for source, targets in splits:
        refs = tuple(ref(g) for g in targets)
        diff.split.append(Split(source, ref(source).path, refs, source in after))
        explained_gone.add(source)
        explained_new.update(targets)

    for guid, info in after.items():
        if guid not in before:
            if guid not in explained_new:
                diff.added.append(Added(guid, info.path, info.parent))
            continue
        _compare_node(diff, before[guid], info)
    diff.removed.extend(
        Removed(guid, info.path)
        for guid, info in before.items()
        if guid not in after and guid not in explained_gone
    )
    _find_reordered(diff, before, after)
    return diff


def _compare_node(diff: CodebookDiff, old: NodeInfo, new: NodeInfo) -> None:
    a, b = old.node, new.node
    if a.name != b.name:
        diff.renamed.append(Renamed(new.guid, new.path, old.path, a.name, b.name))
    # Parent identity, not parent path: renaming a parent must not "move" its children.
    if old.parent != new.parent:
        diff.moved.append(Moved(new.guid, new.path, old.path, old.parent, new.parent))
    changed = tuple(
        (name, getattr(a, name), getattr(b, name))
        for name in TEXT_FIELDS
        if getattr(a, name) != getattr(b, name)
    )
    if changed:
        diff.redefined.append(Redefined(new.guid, new.path, changed))
    if not same_colour(a.colour, b.colour):
        diff.recoloured.append(Recoloured(new.guid, new.path, a.colour, b.colour))
    if a.origin != b.origin:
        diff.origin_changed.append(OriginChanged(new.guid, new.path, a.origin, b.origin))


def _find_reordered(
    diff: CodebookDiff, before: dict[str, NodeInfo], after: dict[str, NodeInfo]
) -> None:
    """Report the fewest codes whose move explains the new sibling order.

    Only siblings present under the same parent in both versions count, so an insertion
    or removal alone does not reorder anything. The codes on a longest common
    subsequence kept their relative order; the rest were moved up or down.
    """
    groups: dict[str | None, list[NodeInfo]] = {}
    for guid, info in after.items():
        old = before.get(guid)
        if old is not None and old.parent == info.parent:
            groups.setdefault(info.parent, []).append(info)
    for siblings in groups.values():
        old_order = [before[info.guid].index for info in siblings]
        kept = _longest_increasing(old_order)
        for position, info in enumerate(siblings):
            if position not in kept:
                old_index = before[info.guid].index
                diff.reordered.append(Reordered(info.guid, info.path, old_index, info.index))


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of one longest strictly increasing subsequence (O(n log n))."""
    tails: list[int] = []  # values
    tail_pos: list[int] = []  # position of each tail
    previous = [-1] * len(values)
    for pos, value in enumerate(values):
        slot = bisect_left(tails, value)
        if slot == len(tails):
            tails.append(value)
            tail_pos.append(pos)
        else:
            tails[slot] = value
            tail_pos[slot] = pos
        previous[pos] = tail_pos[slot - 1] if slot else -1
    kept: set[int] = set()
    pos = tail_pos[-1] if tail_pos else -1
    while pos >= 0:
        kept.add(pos)
        pos = previous[pos]
    return kept


def changes_from_log(
    entries: Iterable[Mapping[str, Any]],
) -> tuple[list[tuple[list[str], str]], list[tuple[str, list[str]]]]:
    """Pick the merges and splits out of change-log entries, ready for diff_codebooks.

    Other actions (add, rename, ...) are ignored: the snapshots already show them.
    """
    merges: list[tuple[list[str], str]] = []
    splits: list[tuple[str, list[str]]] = []
    for number, entry in enumerate(entries, start=1):
        action = entry.get("action")
        try:
            if action == "merge":
                merges.append(([str(g) for g in entry["sources"]], str(entry["target"])))
            elif action == "split":
                splits.append((str(entry["source"]), [str(g) for g in entry["targets"]]))
        except (KeyError, TypeError) as exc:
            raise InvalidSnapshotError(
                f"change log entry {number} ({action}) lacks a valid {exc}"
            ) from exc
    return merges, splits
