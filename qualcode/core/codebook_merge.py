"""Merge another coder's codebook (incoming) into the working one (base).

Two steps, so a person decides what a heuristic only suggests: :func:`plan_merge`
proposes one :class:`PlanEntry` per incoming code, the lead reviews it (on screen or by
editing the JSON written by :meth:`MergePlan.to_json`), and :func:`apply_plan` turns the
reviewed plan into a merged :class:`CodebookSpec` plus the incoming -> resulting guid
mapping that later coding imports follow. Everything here is pure: no database, no Qt.

Matching order per incoming code (first hit wins): same guid in base; the recorded
``mapping``; the same path (case- and whitespace-insensitive), or the same name under the
base code its parent matched; a fuzzy match on name and definition (siblings under the
matched parent first, then anywhere). Automatic matches other than guid/mapping never
reuse a base code already claimed, so two incoming codes are not silently folded together.

Fuzzy score (0-100): ``name = max(ratio, token_sort_ratio)`` on RapidFuzz's
``default_process``-ed names. ``token_sort_ratio`` forgives reordered words;
``ratio`` forgives small edits that ``token_sort_ratio`` punishes when sorting moves a
word ("Praktische steun" / "Praktische ondersteuning": 50 vs 80). WRatio was rejected:
its partial matching scores "Steun" against "Praktische steun" at 90 and two unrelated
long definitions at 85. When both definitions have 3+ words the score is
``max(name, (name + definition) / 2)``: a shared definition lifts a renamed code over
the threshold ("Praktische hulp" / "Praktische steun": 77 -> 89), a rewritten
definition never pulls an identical name down.

Plan file (``MergePlan.to_json``, ``schema`` "qualcode.merge-plan", ``schema_version`` 1):
``help`` (list of lines for the person editing), ``schema``, ``schema_version``, ``base``
and ``incoming`` (codebook names), ``threshold``, ``entries``. Each entry, in incoming
tree order: ``incoming_path`` (text, " / "-joined), ``incoming_guid``, ``action`` (one of
ACTIONS), ``accept`` (bool), ``target`` (base guid or null), ``use_incoming_name`` (bool),
``take_incoming`` (list of MERGE_FIELDS), ``target_path`` (text or null), ``score``
(0-100 or null), ``reason`` (text), ``differing_fields`` ({field: {"base", "incoming"}}),
``candidates`` ([{"guid", "path", "score"}]), ``incoming_parent`` (guid or null). Paths are
joined text here, unlike the diff JSON, because they are for reading only: guids decide.
Guids are compared and written as :func:`guid_key` spells them (lower case, no braces).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from qualcode.core.codebook_diff import NodeInfo, guid_key, index_codebook, same_colour
from qualcode.core.codebook_merge_plan import (  # noqa: F401  (re-exported)
    ACTIONS,
    CANDIDATE_FLOOR,
    CONFLICT_MARGIN,
    HELP,
    MAX_CANDIDATES,
    MERGE_FIELDS,
    SCHEMA,
    SCHEMA_VERSION,
    Candidate,
    MergeConflictError,
    MergeError,
    MergePlan,
    MergeValidationError,
    Path,
    PlanEntry,
    PlanFormatError,
    _skip_reasons,
)
from qualcode.core.codebook_spec import CodebookSpec, CodeNode, join_path


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=8192)
def _processed(text: str) -> str:
    # Every incoming code is scored against every base code: normalise each text once.
    return default_process(text)


def _similarity(a: str, b: str) -> float:
    a, b = _processed(a), _processed(b)
    return max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b))


def match_score(incoming: CodeNode, base: CodeNode) -> float:
    """Fuzzy likeness of two codes, 0-100 (formula and reasons in the module docstring)."""
    name = _similarity(incoming.name, base.name)
    if len(incoming.definition.split()) >= 3 and len(base.definition.split()) >= 3:
        return max(name, (name + _similarity(incoming.definition, base.definition)) / 2)
    return name


def field_differences(
    base: CodeNode, incoming: CodeNode
) -> dict[str, tuple[str | None, str | None]]:
    """Fields where incoming offers something else than base.

    Whitespace-only edits are no difference worth a decision, and an empty incoming field
    is no offer (the other coder just left it blank), so neither is listed.
    """
    found: dict[str, tuple[str | None, str | None]] = {}
    for name in ("name", "definition", "inclusion", "exclusion", "example"):
        b, i = getattr(base, name), getattr(incoming, name)
        if i.strip() and " ".join(b.split()) != " ".join(i.split()):
            found[name] = (b, i)
    if incoming.colour and not same_colour(base.colour, incoming.colour):
        found["colour"] = (base.colour, incoming.colour)
    if base.origin != incoming.origin:
        found["origin"] = (base.origin, incoming.origin)
    return found


def plan_merge(
    base: CodebookSpec,
    incoming: CodebookSpec,
    *,
    mapping: Mapping[str, str] | None = None,
    threshold: float = 85,
    margin: float = CONFLICT_MARGIN,
) -> MergePlan:
    """Propose what happens to every incoming code; nothing is changed."""
    b = index_codebook(base, "base codebook")
    inc = index_codebook(incoming, "incoming codebook")
    recorded = {guid_key(k): guid_key(v) for k, v in (mapping or {}).items()}
    matched: dict[str, tuple[str, str]] = {}  # incoming guid -> (base guid, reason)
    for guid in inc:
        if guid in b:
            matched[guid] = (guid, "same guid")
        elif recorded.get(guid) in b:
            matched[guid] = (recorded[guid], "recorded mapping")
    claimed = {target for target, _ in matched.values()}
    # Exact paths before any fuzzy claim, so a fuzzy guess cannot take a code that a
    # later incoming code matches exactly.
    by_path = {tuple(_key(n) for n in info.path): guid for guid, info in b.items()}
    for guid, info in inc.items():
        hit = by_path.get(tuple(_key(n) for n in info.path))
        if guid not in matched and hit is not None and hit not in claimed:
            matched[guid] = (hit, "same path")
            claimed.add(hit)

    children: dict[str | None, list[str]] = {}
    for guid, info in b.items():
        children.setdefault(info.parent, []).append(guid)
    placed: dict[str, str | None] = {}  # incoming guid -> base guid it lands on (None: none)
    landing: dict[str, Path] = {}  # incoming guid -> its path after the merge
    plan = MergePlan(base_name=base.name, incoming_name=incoming.name, threshold=threshold)
    for guid, info in inc.items():
        parent = placed.get(info.parent) if info.parent else None
        pool = children.get(parent, []) if parent or not info.parent else []
        if guid not in matched:
            for sibling in pool:
                same_name = _key(b[sibling].node.name) == _key(info.node.name)
                if same_name and sibling not in claimed:
                    matched[guid] = (sibling, "same name under the matched parent")
                    claimed.add(sibling)
                    break
        if guid in matched:
            target, reason = matched[guid]
            entry = _matched_entry(info, b[target], reason, None, [])
        else:
            entry = _fuzzy_entry(info, b, pool, claimed, threshold, margin)
            if entry.action in ("same", "update", "rename") and entry.target:
                claimed.add(entry.target)
        entry.incoming_parent = info.parent
        placed[guid] = entry.target
        if entry.action == "new":
            prefix = landing.get(info.parent, info.path[:-1]) if info.parent else ()
            entry.target_path = (*prefix, info.node.name)
        landing[guid] = entry.target_path or info.path
        plan.entries.append(entry)
    return plan


def _matched_entry(
    info: NodeInfo,
    target: NodeInfo,
    reason: str,
    score: float | None,
    candidates: list[Candidate],
) -> PlanEntry:
    diffs = field_differences(target.node, info.node)
    renamed = score is not None and "name" in diffs  # only a fuzzy match is a rename
    action = "rename" if renamed else "update" if diffs else "same"
    fill = [f for f in MERGE_FIELDS if f in diffs and not diffs[f][0]]
    return PlanEntry(
        incoming_guid=info.guid,
        incoming_path=info.path,
        action=action,
        target=target.guid,
        target_path=target.path,
        score=score,
        candidates=candidates,
        differing_fields=diffs,
        take_incoming=fill,
        reason=reason,
    )


def _fuzzy_entry(
    info: NodeInfo,
    base: Mapping[str, NodeInfo],
    siblings: list[str],
    claimed: set[str],
    threshold: float,
    margin: float,
) -> PlanEntry:
    def ranked(guids: list[str]) -> list[Candidate]:
        scored = [
            Candidate(g, base[g].path, round(match_score(info.node, base[g].node), 1))
            for g in guids
            if g not in claimed
        ]
        return sorted(scored, key=lambda c: -c.score)  # stable: ties keep tree order

    pool = ranked(siblings)
    if not pool or pool[0].score < threshold:
        pool = ranked(list(base))
    best = pool[0].score if pool else 0.0
    close = [c for c in pool if c.score >= threshold and c.score >= best - margin]
    if len(close) >= 2:
        return PlanEntry(
            incoming_guid=info.guid,
            incoming_path=info.path,
            action="conflict",
            score=best,
            candidates=close,
            reason=f"{len(close)} base codes score within {margin:g} points",
        )
    shown = [c for c in pool if c.score >= CANDIDATE_FLOOR][:MAX_CANDIDATES]
    if close:
        if _key(base[close[0].guid].node.name) == _key(info.node.name):
            reason = "same name under another parent"
        else:
            reason = "similar name" + (" and definition" if info.node.definition else "")
        return _matched_entry(info, base[close[0].guid], reason, close[0].score, shown)
    return PlanEntry(
        incoming_guid=info.guid,
        incoming_path=info.path,
        action="new",
        score=shown[0].score if shown else None,
        candidates=shown,
        reason="no match at or above the threshold",
    )


# --- applying -----------------------------------------------------------------------


def apply_plan(
    base: CodebookSpec, incoming: CodebookSpec, plan: MergePlan
) -> tuple[CodebookSpec, dict[str, str]]:
    """Merged copy of ``base`` and the mapping incoming guid -> resulting guid.

    Inputs are not modified. Skipped entries (see :meth:`MergePlan.skipped`) are left
    out of the mapping. Raises MergeConflictError for unresolved conflicts and
    MergeValidationError when the plan does not fit or the result would be invalid.
    """
    inc = index_codebook(incoming, "incoming codebook")
    entries = {guid_key(e.incoming_guid): e for e in plan.entries}
    missing = [join_path(i.path) for g, i in inc.items() if g not in entries]
    extra = [join_path(e.incoming_path) for g, e in entries.items() if g not in inc]
    if missing or extra:
        raise MergeValidationError(
            "the plan was made for another version of the incoming codebook: "
            f"no entry for {missing or 'none'}; entries for unknown codes {extra or 'none'}"
        )
    if plan.unresolved():
        raise MergeConflictError(plan.unresolved())
    result = copy.deepcopy(base)
    index = {guid: info.node for guid, info in index_codebook(result, "base codebook").items()}
    base_guids = set(index)
    # Parents from the incoming tree itself, not from the (hand-editable) plan file.
    parents = {g: i.parent for g, i in inc.items()}
    skipped = _skip_reasons(list(entries.values()), parents)
    resulting: dict[str, str] = {}
    for guid, info in inc.items():
        entry = entries[guid]
        if guid in skipped:
            continue
        where = join_path(info.path)
        if entry.action == "new":
            if guid in index:
                raise MergeValidationError(
                    f"cannot add {where} as new: its guid is already used by a base code; "
                    "set action 'same' with that target instead"
                )
            node = copy.deepcopy(info.node)
            node.guid, node.children = guid, []  # children have their own entries
            parent = resulting.get(info.parent) if info.parent else None
            (index[parent].children if parent else result.codes).append(node)
            index[guid] = node
            resulting[guid] = guid
            continue
        target_guid = guid_key(entry.target or "")
        if target_guid not in base_guids:
            raise MergeValidationError(
                f"{where}: target {entry.target!r} is not a code of the base codebook"
            )
        target = index[target_guid]
        for name in entry.take_incoming:
            setattr(target, name, getattr(info.node, name))
        if entry.use_incoming_name:
            target.name = info.node.name
        resulting[guid] = target_guid
    validate_codebook(result)
    return result, resulting


def validate_codebook(spec: CodebookSpec) -> None:
    """Raise MergeValidationError on a cycle, a duplicate guid or two same-named siblings."""
    seen_guids: dict[str, Path] = {}
    stack: list[tuple[list[CodeNode], Path, frozenset[int]]] = [(spec.codes, (), frozenset())]
    while stack:
        nodes, parent_path, ancestors = stack.pop()
        names: dict[str, Path] = {}
        for node in nodes:
            path = (*parent_path, node.name)
            if id(node) in ancestors:
                raise MergeValidationError(f"cycle: {join_path(path)} contains itself")
            key = _key(node.name)
            if key in names:
                raise MergeValidationError(
                    f"two codes with the same name under one parent: "
                    f"{join_path(names[key])!r} and {join_path(path)!r}"
                )
            names[key] = path
            if node.guid:
                if node.guid in seen_guids:
                    raise MergeValidationError(
                        f"guid {node.guid} used twice: {join_path(seen_guids[node.guid])!r} "
                        f"and {join_path(path)!r}"
                    )
                seen_guids[node.guid] = path
            stack.append((node.children, path, ancestors | {id(node)}))
