"""Memos in the Word report (``--memos``): code memos under each code's heading, coding
memos beside their quote, document memos in the appendix, project memos in "About this
report". Which memos the report's viewer may read is the memo service's rule (blind
coding), never decided here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph

    from qualcode.core.project import Project
    from qualcode.core.records import MemoRecord
    from qualcode.io.report.labels import Labels


@dataclass
class ReportMemos:
    project: list[MemoRecord] = field(default_factory=list)
    documents: dict[int, list[MemoRecord]] = field(default_factory=lambda: defaultdict(list))
    codes: dict[int, list[MemoRecord]] = field(default_factory=lambda: defaultdict(list))
    codings: dict[int, list[MemoRecord]] = field(default_factory=lambda: defaultdict(list))


def gather_memos(project: Project, viewer: str | None) -> ReportMemos:
    """Every memo the viewer may read (one query), sorted by where it belongs."""
    found = ReportMemos()
    for memo in project.memos.list(viewer=viewer):
        if memo.target == "document" and memo.document_id is not None:
            found.documents[memo.document_id].append(memo)
        elif memo.target == "code" and memo.code_id is not None:
            found.codes[memo.code_id].append(memo)
        elif memo.target == "coding" and memo.coding_id is not None:
            found.codings[memo.coding_id].append(memo)
        else:
            found.project.append(memo)
    return found


class _Writer(Protocol):
    labels: Labels

    def labelled(self, label: str, text: str) -> None: ...
    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph: ...


def write_memos(writer: _Writer, memos: list[MemoRecord]) -> None:
    """Each memo as "Memo title (author): body", further lines as their own paragraphs."""
    for memo in memos:
        label = writer.labels["memo"]
        if memo.title:
            label += f" \u2018{memo.title}\u2019"
        if memo.author:
            label += f" ({memo.author})"
        lines = [line.strip() for line in memo.body.split("\n") if line.strip()] or [""]
        writer.labelled(label, lines[0])
        for line in lines[1:]:
            writer.paragraph(line)
