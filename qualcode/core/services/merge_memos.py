"""Memos, code sets and the logbook entry of a project merge (see ``project_merge``)."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from qualcode.core.exchange import BundleSource, ProjectBundle, guid_key
from qualcode.core.merge_report import MergeReport
from qualcode.core.models import Code, CodebookChange, Coder, Memo, Summary, utcnow

NOT_TEXT_MEMO = "Sources not imported as text"
CODE_SET_MEMO = "Code set: "


class MemoMerging:
    """The memo part of the merger; the merger provides the attributes below."""

    session: Session
    bundle: ProjectBundle
    report: MergeReport
    by: Coder | None

    def code_id(self, guid: str) -> int | None:  # pragma: no cover - the merger overrides
        raise NotImplementedError

    def _memos(
        self,
        users: dict[str, int],
        documents: dict[str, tuple[int, BundleSource, str]],
        codings: dict[str, int],
    ) -> None:
        seen = {
            (t, d, c, g, body)
            for t, d, c, g, body in self.session.execute(
                select(Memo.target, Memo.document_id, Memo.code_id, Memo.coding_id, Memo.body)
            )
        }
        for note in self.bundle.notes:
            target, doc_id, code_id, coding_id = note.target, None, None, None
            key = guid_key(note.target_guid)
            if target == "document" and key in documents:
                doc_id = documents[key][0]
            elif target == "code" and self.code_id(key) is not None:
                code_id = self.code_id(key)
            elif target == "coding" and key in codings:
                coding_id = codings[key]
            else:
                target = "project"
            if not note.body.strip() and not note.title.strip():
                continue
            identity = (target, doc_id, code_id, coding_id, note.body)
            if identity in seen:
                self.report.memos_existing += 1
                continue
            # Not added to ``seen``: the same memo twice in the incoming project is kept
            # twice, as it was there; only memos already here are not repeated.
            self.session.add(
                Memo(
                    target=target,
                    document_id=doc_id,
                    code_id=code_id,
                    coding_id=coding_id,
                    title=note.title[:300],
                    body=note.body,
                    author_id=users.get(guid_key(note.author_guid)) if note.author_guid else None,
                    created_at=note.created_at or utcnow(),
                )
            )
            self.report.memos_added += 1
        for group in self.bundle.sets:
            names = [self._code_path(g) for g in group.code_guids]
            if names:
                self._project_memo(CODE_SET_MEMO + group.name, "\n".join(n for n in names if n))

    def _summaries(self, users: dict[str, int]) -> None:
        """Summaries per code and slice: added when missing; a different text is reported
        and the project's kept (unless the project's is empty)."""
        for item in self.bundle.summaries:
            code_id = self.code_id(item.code_guid)
            if code_id is None or not item.body.strip():
                continue
            row = self.session.scalar(
                select(Summary).where(
                    Summary.code_id == code_id,
                    Summary.scope_key == item.scope_key,
                    Summary.scope_value == item.scope_value,
                )
            )
            author = users.get(guid_key(item.author_guid)) if item.author_guid else None
            if row is None:
                self.session.add(
                    Summary(
                        code_id=code_id,
                        scope_key=item.scope_key[:100],
                        scope_value=item.scope_value[:300],
                        body=item.body,
                        author_id=author,
                    )
                )
                self.report.summaries_added += 1
            elif row.body.strip() == item.body.strip():
                self.report.summaries_existing += 1
            elif not row.body.strip():
                row.body, row.author_id = item.body, author
                self.report.summaries_added += 1
            else:
                scope = f"{item.scope_key}={item.scope_value}" if item.scope_key else "overall"
                self.report.summary_conflicts.append(f"{self._code_path(item.code_guid)} ({scope})")
            self.session.flush()

    def _code_path(self, guid: str) -> str:
        from qualcode.core.services import codebook_tree as tree

        code_id = self.code_id(guid)
        code = self.session.get(Code, code_id) if code_id else None
        return " / ".join(tree.path_of(self.session, code)) if code else ""

    def _project_memo(self, title: str, body: str) -> None:
        exists = self.session.scalar(
            select(Memo.id).where(Memo.target == "project", Memo.title == title, Memo.body == body)
        )
        if exists is None:
            self.session.add(Memo(target="project", title=title, body=body))
            self.report.memos_added += 1
        else:
            self.report.memos_existing += 1

    def _log(self) -> None:
        summary = {
            k: v
            for k, v in self.report.to_json().items()
            if isinstance(v, int) and not isinstance(v, bool)
        }
        summary.update(
            documents_added=len(self.report.documents_added),
            documents_changed=len(self.report.documents_changed),
            coders_added=len(self.report.coders_added),
            codings_unanchored=len(self.report.codings_unanchored),
        )
        self.session.add(
            CodebookChange(
                coder_id=self.by.id if self.by else None,
                action="project-merge",
                after=json.dumps(summary, ensure_ascii=False),
                note=f"merge of {self.report.source}",
            )
        )
        self.session.flush()
