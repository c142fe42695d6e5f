"""What a project merge or import did (or, in a dry run, would do)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from qualcode.core.codebook_merge_plan import MergePlan


@dataclass
class MergeReport:
    source: str
    dry_run: bool = False
    plan: MergePlan | None = None
    coders_added: list[str] = field(default_factory=list)
    coders_matched: list[str] = field(default_factory=list)
    documents_added: list[str] = field(default_factory=list)
    documents_same: list[str] = field(default_factory=list)  # same text already there
    documents_changed: list[str] = field(default_factory=list)  # same document, new text
    sources_not_text: list[str] = field(default_factory=list)  # "name: reason"
    codes_added: int = 0
    codes_updated: int = 0
    codes_matched: int = 0
    codes_not_taken: int = 0  # the plan said no (accept false, unresolved conflict)
    codings_added: int = 0
    codings_existing: int = 0  # already in the project: not duplicated
    codings_reanchored: int = 0
    codings_unanchored: list[str] = field(default_factory=list)  # reported, not stored
    codings_without_code: int = 0  # their code was not taken over
    stars_added: int = 0  # starred illustrative quotes
    memos_added: int = 0
    memos_existing: int = 0
    summaries_added: int = 0
    summaries_existing: int = 0
    summary_conflicts: list[str] = field(default_factory=list)  # kept the project's text
    attributes_set: int = 0
    attribute_conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> int:
        return len(self.plan.unresolved()) if self.plan is not None else 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["plan"] = self.plan.to_json() if self.plan is not None else None
        data["conflicts"] = self.conflicts
        return data

    def lines(self) -> list[str]:
        """The report as text, one fact per line, every figure named."""
        verb = "would" if self.dry_run else "did"
        out = [f"{'dry run: ' if self.dry_run else ''}merge of {self.source}"]
        out.append(
            f"  coders: {len(self.coders_added)} added"
            + (f" ({', '.join(self.coders_added)})" if self.coders_added else "")
            + f", {len(self.coders_matched)} matched"
        )
        out.append(
            f"  documents: {len(self.documents_added)} added, {len(self.documents_same)} "
            f"already there (same text), {len(self.documents_changed)} with changed text"
        )
        for name in self.documents_changed:
            out.append(f"    changed text: {name}")
        if self.sources_not_text:
            out.append(f"  sources kept as a list only (not text): {len(self.sources_not_text)}")
            out.extend(f"    {line}" for line in self.sources_not_text)
        out.append(
            f"  codes: {self.codes_added} added, {self.codes_updated} updated, "
            f"{self.codes_matched} matched, {self.codes_not_taken} not taken, "
            f"{self.conflicts} conflicts"
        )
        out.append(
            f"  codings: {self.codings_added} added, {self.codings_existing} already there "
            f"(not duplicated), {self.codings_reanchored} re-anchored, "
            f"{len(self.codings_unanchored)} could not be placed, "
            f"{self.codings_without_code} without a code taken over"
        )
        out.extend(f"    not placed: {line}" for line in self.codings_unanchored[:20])
        if len(self.codings_unanchored) > 20:
            out.append(f"    ... and {len(self.codings_unanchored) - 20} more")
        out.append(f"  starred quotes: {self.stars_added} added")
        out.append(f"  memos: {self.memos_added} added, {self.memos_existing} already there")
        out.append(
            f"  summaries: {self.summaries_added} added, {self.summaries_existing} already "
            f"there, {len(self.summary_conflicts)} conflicts (kept the project's text)"
        )
        out.extend(f"    conflict: {line}" for line in self.summary_conflicts[:20])
        out.append(
            f"  attributes: {self.attributes_set} set, "
            f"{len(self.attribute_conflicts)} conflicts (kept the project's value)"
        )
        out.extend(f"    conflict: {line}" for line in self.attribute_conflicts[:20])
        out.extend(f"  warning: {w}" for w in self.warnings)
        if self.dry_run:
            out.append(f"nothing changed; this is what the merge {verb} store")
        return out
