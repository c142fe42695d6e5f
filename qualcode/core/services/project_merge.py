"""Merge another project (a coder's copy, or a REFI-QDA export) into this one.

Callable from Python without the CLI or GUI::

    from qualcode.core.services.project_merge import merge_projects
    report = merge_projects(lead_project, coder_project_or_path, dry_run=True)

One transaction for everything; a dry run does the same work and rolls it back, so what
it reports is exactly what the merge stores. The rules:

- **coders** by identity: the REFI-QDA user GUID a coder carries, else the same name;
  new coders are added (with their role when the other side is Qualcode);
- **codebook** through the codebook merge plan (:mod:`qualcode.core.codebook_merge`):
  unresolved conflicts stop the merge (a dry run lists them); codings of codes the plan
  does not take over are counted, not stored;
- **documents** by content hash, not name: the same text is the same document. A
  document known by GUID or name whose text differs is the same document with changed
  text: its codings are re-anchored on the quoted words (:mod:`qualcode.core.reanchor`)
  or reported, never moved by offset. Anything else is a new document (renamed
  ``name (2)`` when the name is taken);
- **codings** are never duplicated: one with the same document, coder, code and span is
  already there (a missing memo is filled in);
- **memos** with the same target and text are already there;
- **attributes**: missing ones are added; a different value is reported and the
  project's own value kept;
- sources that are not text (PDF, audio...) are listed in a project memo.

The merge is logged in the codebook logbook (action ``project-merge``).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from qualcode.core.changes import Change
from qualcode.core.codebook_merge import MergePlan, apply_plan, plan_merge
from qualcode.core.codebook_merge_plan import MergeConflictError
from qualcode.core.codebook_spec import fill_missing_guids
from qualcode.core.exchange import BundleSource, ProjectBundle, guid_key
from qualcode.core.exchange_read import bundle_from_project
from qualcode.core.merge_report import MergeReport
from qualcode.core.models import (
    Code,
    Coder,
    Coding,
    Document,
    DocumentAttribute,
    SpeakerTurn,
    TextUnit,
    utcnow,
)
from qualcode.core.reanchor import reanchor
from qualcode.core.services.codebook_sync import sync_in_session
from qualcode.core.services.documents import content_hash
from qualcode.core.services.lookup import CoderRef, get_coder
from qualcode.core.services.merge_memos import NOT_TEXT_MEMO, MemoMerging
from qualcode.core.services.versions import latest_version_id

if TYPE_CHECKING:
    from qualcode.core.project import Project

# How alike (RapidFuzz ratio of the first 20,000 characters) a text must be to count as
# an edited version of the stored document with the same GUID or name.
SAME_DOCUMENT_SIMILARITY = 60.0


class _DryRun(Exception):
    """Raised inside the transaction of a dry run to roll it back."""


def merge_projects(
    project: Project,
    other: Project | str | Path,
    *,
    dry_run: bool = False,
    plan: MergePlan | None = None,
    by: CoderRef | None = None,
    threshold: float = 85,
) -> MergeReport:
    """Merge another Qualcode project (open, or its locator) into ``project``."""
    from qualcode.core.project import Project, open_project

    if isinstance(other, Project):
        bundle = bundle_from_project(other, with_layout=True)
        label = other.locator
    else:
        with open_project(str(other)) as opened:
            bundle = bundle_from_project(opened, with_layout=True)
        label = str(other)
    return merge_bundle(
        project, bundle, source=label, dry_run=dry_run, plan=plan, by=by, threshold=threshold
    )


def plan_for(project: Project, bundle: ProjectBundle, *, threshold: float = 85) -> MergePlan:
    """The codebook merge plan a merge of ``bundle`` would follow (for review/editing)."""
    fill_missing_guids(bundle.codebook)
    return plan_merge(
        project.codebook.snapshot(),
        bundle.codebook,
        mapping=project.codebook.aliases(),
        threshold=threshold,
    )


def merge_bundle(
    project: Project,
    bundle: ProjectBundle,
    *,
    source: str = "",
    dry_run: bool = False,
    plan: MergePlan | None = None,
    by: CoderRef | None = None,
    threshold: float = 85,
) -> MergeReport:
    """Store ``bundle`` into ``project`` in one transaction (or preview it: ``dry_run``)."""
    plan = plan or plan_for(project, bundle, threshold=threshold)
    report = MergeReport(source=source or bundle.name, dry_run=dry_run, plan=plan)
    report.warnings.extend(bundle.warnings)
    if plan.unresolved() and not dry_run:
        raise MergeConflictError(plan.unresolved())
    usable = copy.deepcopy(plan)
    for entry in usable.unresolved():
        entry.accept = False  # a dry run shows the rest; the real merge stopped above
    base = project.codebook.snapshot()
    merged, mapping = apply_plan(base, bundle.codebook, usable)
    report.codes_not_taken = sum(1 for _ in bundle.codebook.walk()) - len(mapping)
    try:
        with project.transaction() as session:
            _Merger(project, session, bundle, report, mapping, by).run(merged)
            if dry_run:
                raise _DryRun
    except _DryRun:
        return report
    project.notify(Change("reload"))
    return report


class _Merger(MemoMerging):
    def __init__(
        self,
        project: Project,
        session: Session,
        bundle: ProjectBundle,
        report: MergeReport,
        mapping: dict[str, str],
        by: CoderRef | None,
    ) -> None:
        self.project, self.session, self.bundle, self.report = project, session, bundle, report
        self.mapping = {guid_key(k): guid_key(v) for k, v in mapping.items()}
        self.by = get_coder(session, by) if by is not None else None

    def run(self, merged: object) -> None:
        from qualcode.core.codebook_spec import CodebookSpec

        assert isinstance(merged, CodebookSpec)
        summary = sync_in_session(
            self.project,
            self.session,
            merged,
            coder=self.by.id if self.by else None,
            aliases=self.mapping,
            note=f"merge of {self.report.source}",
        )
        self.report.codes_added, self.report.codes_updated = summary.added, summary.updated
        self.report.codes_matched = len(self.mapping) - summary.added
        self.code_ids = {
            guid: code_id for code_id, guid in self.session.execute(select(Code.id, Code.guid))
        }
        self._cmo()
        users = self._coders()
        documents = self._documents()
        codings = self._codings(users, documents)
        self._memos(users, documents, codings)
        self._summaries(users)
        self._log()

    # ------------------------------------------------------------------ pieces
    def code_id(self, guid: str) -> int | None:
        target = self.mapping.get(guid_key(guid))
        return self.code_ids.get(target) if target else None

    def _cmo(self) -> None:
        for guid, tag in self.bundle.cmo.items():
            code_id = self.code_id(guid)
            code = self.session.get(Code, code_id) if code_id else None
            if code is not None and code.cmo is None and tag in ("context", "mechanism", "outcome"):
                code.cmo = tag

    def _coders(self) -> dict[str, int]:
        by_guid = {
            guid_key(g): i for i, g in self.session.execute(select(Coder.id, Coder.guid)) if g
        }
        by_name = {
            n.casefold(): (i, g)
            for i, n, g in self.session.execute(select(Coder.id, Coder.name, Coder.guid))
        }
        result: dict[str, int] = {}
        for user in self.bundle.users:
            key = guid_key(user.guid)
            if key in by_guid:
                result[key] = by_guid[key]
                self.report.coders_matched.append(user.name)
                continue
            known = by_name.get(user.name.casefold())
            if known is not None:
                coder_id, guid = known
                if guid is None and key not in by_guid:
                    coder = self.session.get(Coder, coder_id)
                    assert coder is not None
                    coder.guid = key
                    by_guid[key] = coder_id
                result[key] = coder_id
                self.report.coders_matched.append(user.name)
                continue
            coder = Coder(name=user.name, role=user.role, guid=key)
            self.session.add(coder)
            self.session.flush()
            by_guid[key] = coder.id
            by_name[user.name.casefold()] = (coder.id, key)
            result[key] = coder.id
            self.report.coders_added.append(user.name)
        return result

    def fallback_coder(self) -> int:
        """Codings without a known user: the merging lead, else a coder named after the tool."""
        if self.by is not None:
            return self.by.id
        name = (self.bundle.origin or "Imported").strip()[:200]
        found = self.session.scalar(select(Coder.id).where(Coder.name == name))
        if found is not None:
            return int(found)
        coder = Coder(name=name, role="coder")
        self.session.add(coder)
        self.session.flush()
        self.report.coders_added.append(name)
        return coder.id

    def _documents(self) -> dict[str, tuple[int, BundleSource, str]]:
        """bundle source guid key -> (document id, source, stored text)."""
        rows = self.session.execute(
            select(Document.id, Document.name, Document.content_hash, Document.guid)
        ).all()
        by_hash: dict[str, list[int]] = {}
        for doc_id, _, digest, _ in rows:
            by_hash.setdefault(digest, []).append(doc_id)
        by_guid = {guid_key(g): i for i, _, _, g in rows if g}
        by_name = {n: i for i, n, _, _ in rows}
        claimed: set[int] = set()
        result: dict[str, tuple[int, BundleSource, str]] = {}
        for source in self.bundle.sources:
            if source.text is None:
                self.report.sources_not_text.append(
                    f"{source.name} ({source.kind}): {source.reason}"
                )
                continue
            key = guid_key(source.guid)
            digest = content_hash(source.text)
            doc_id = self._same_text(
                by_hash.get(digest, []), by_guid.get(key), by_name.get(source.name), claimed
            )
            if doc_id is not None:
                self.report.documents_same.append(source.name)
                text = source.text
            elif twin := self._changed_twin(source, by_guid.get(key) or by_name.get(source.name)):
                doc_id, text = twin
                self.report.documents_changed.append(source.name)
            else:
                doc_id, name = self._add_document(source, digest, key in by_guid, set(by_name))
                # Not into by_hash: a second source with the same text in this bundle
                # is a document of its own there (imported with --force), so here too.
                by_name[name] = doc_id
                self.report.documents_added.append(source.name)
                text = source.text
            claimed.add(doc_id)
            document = self.session.get(Document, doc_id)
            assert document is not None
            if document.guid is None and key not in by_guid:
                document.guid = key
                by_guid[key] = doc_id
            self._attributes(document, source)
            result[key] = (doc_id, source, text)
        if self.report.sources_not_text:
            self._project_memo(NOT_TEXT_MEMO, "\n".join(self.report.sources_not_text))
        return result

    @staticmethod
    def _same_text(
        candidates: list[int], by_guid: int | None, by_name: int | None, claimed: set[int]
    ) -> int | None:
        """The stored document with the same text; when several have it (imported with
        --force), the one with the same GUID, else the same name, else one not yet taken."""
        for preferred in (by_guid, by_name):
            if preferred in candidates:
                return preferred
        free = [c for c in candidates if c not in claimed]
        return free[0] if free else None

    def _changed_twin(self, source: BundleSource, doc_id: int | None) -> tuple[int, str] | None:
        """The stored document ``source`` is an edited version of, if its text is close.

        Same GUID or name is not enough: another tool's "Interview 1" is not ours, and
        re-anchoring every coding of an unrelated text would only report failures.
        """
        document = self.session.get(Document, doc_id) if doc_id is not None else None
        if document is None or source.text is None:
            return None
        similarity = fuzz.ratio(document.text[:20_000], source.text[:20_000])
        return (document.id, document.text) if similarity >= SAME_DOCUMENT_SIMILARITY else None

    def _add_document(
        self, source: BundleSource, digest: str, guid_taken: bool, names: set[str]
    ) -> tuple[int, str]:
        assert source.text is not None
        name, counter = source.name[:290], 2
        while name in names:
            name, counter = f"{source.name[:280]} ({counter})", counter + 1
        document = Document(
            name=name,
            text=source.text,
            content_hash=digest,
            source_format="qdpx",
            language=source.language or "nl",
            blind=source.blind,
            guid=None if guid_taken else guid_key(source.guid),
        )
        self.session.add(document)
        self.session.flush()
        length = len(source.text)
        turns = [t for t in source.turns if 0 <= t[1] < t[2] <= length]
        units = [u for u in source.units if 0 <= u[1] < u[2] <= length]
        if turns:
            self.session.execute(
                insert(SpeakerTurn),
                [
                    {"document_id": document.id, "speaker": s, "start": a, "end": b}
                    for s, a, b in turns
                ],
            )
        if units:
            self.session.execute(
                insert(TextUnit),
                [
                    {"document_id": document.id, "kind": k, "start": a, "end": b}
                    for k, a, b in units
                ],
            )
        return document.id, name

    def _attributes(self, document: Document, source: BundleSource) -> None:
        current = {a.key: a.value for a in document.attributes}
        for key, value in source.attributes.items():
            key, value = key.strip()[:100], str(value).strip()
            if not key or not value:
                continue
            if key not in current:
                document.attributes.append(DocumentAttribute(key=key, value=value))
                current[key] = value
                self.report.attributes_set += 1
            elif current[key] != value:
                self.report.attribute_conflicts.append(
                    f"{document.name}: {key} = {current[key]!r} here, {value!r} incoming"
                )

    def _codings(
        self, users: dict[str, int], documents: dict[str, tuple[int, BundleSource, str]]
    ) -> dict[str, int]:
        """Store new codings; returns bundle coding guid key -> coding id (new or existing)."""
        doc_ids = sorted({d for d, _, _ in documents.values()})
        existing: dict[tuple[int, int, int, int, int], tuple[int, str]] = {}
        for chunk in range(0, len(doc_ids), 500):
            for row in self.session.execute(
                select(
                    Coding.id,
                    Coding.document_id,
                    Coding.coder_id,
                    Coding.code_id,
                    Coding.start,
                    Coding.end,
                    Coding.memo,
                ).where(Coding.document_id.in_(doc_ids[chunk : chunk + 500]))
            ):
                existing[(row.document_id, row.coder_id, row.code_id, row.start, row.end)] = (
                    row.id,
                    row.memo,
                )
        version_id = latest_version_id(self.session)
        fallback: int | None = None
        pending: dict[tuple[int, int, int, int, int], dict[str, object]] = {}
        pending_guids: dict[tuple[int, int, int, int, int], list[str]] = {}
        result: dict[str, int] = {}
        for coding in self.bundle.codings:
            placed = documents.get(guid_key(coding.source_guid))
            if placed is None:
                continue
            doc_id, source, text = placed
            code_id = self.code_id(coding.code_guid)
            if code_id is None:
                self.report.codings_without_code += 1
                continue
            start, end = coding.start, coding.end
            if text is not source.text:
                assert source.text is not None
                anchor = reanchor(source.text, start, end, text)
                if anchor is None:
                    quote = source.text[start:end].replace("\n", " ")
                    self.report.codings_unanchored.append(
                        f"{source.name} {start}-{end}: {quote[:80]!r}"
                    )
                    continue
                start, end = anchor.start, anchor.end
                self.report.codings_reanchored += 1
            coder_id = users.get(guid_key(coding.user_guid)) if coding.user_guid else None
            if coder_id is None:
                fallback = fallback if fallback is not None else self.fallback_coder()
                coder_id = fallback
            key = (doc_id, coder_id, code_id, start, end)
            if key in existing:
                coding_id, memo = existing[key]
                if (coding.memo and not memo) or coding.illustrative:
                    row = self.session.get(Coding, coding_id)
                    assert row is not None
                    if coding.memo and not memo:
                        row.memo = coding.memo
                        existing[key] = (coding_id, coding.memo)
                    if coding.illustrative and not row.illustrative:
                        row.illustrative, row.quote_rank = True, coding.quote_rank
                        self.report.stars_added += 1
                result[guid_key(coding.guid)] = coding_id
                self.report.codings_existing += 1
                continue
            if key in pending:
                self.report.codings_existing += 1
                pending_guids[key].append(guid_key(coding.guid))
                continue
            pending[key] = {
                "document_id": doc_id,
                "coder_id": coder_id,
                "code_id": code_id,
                "start": start,
                "end": end,
                "memo": coding.memo,
                "codebook_version_id": version_id,
                "created_at": coding.created_at or utcnow(),
                "illustrative": coding.illustrative,
                "quote_rank": coding.quote_rank,
            }
            self.report.stars_added += int(coding.illustrative)
            pending_guids[key] = [guid_key(coding.guid)]
        if pending:
            rows = list(pending.values())
            ids = self.session.execute(
                insert(Coding).returning(Coding.id, sort_by_parameter_order=True), rows
            ).scalars()
            for key, new_id in zip(pending, ids, strict=True):
                for guid in pending_guids[key]:
                    result[guid] = new_id
            self.report.codings_added = len(rows)
        return result
