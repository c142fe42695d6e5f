"""The Word report: per intervention (or any attribute) the code tree with frequencies,
summaries and illustrative quotes, then a cross-case chapter with a matrix per cluster.

All data is read up front (one quote query, one matrix, the summaries and documents); the
document is then written in a single pass, which keeps a 5,000-quote report to seconds.

When codes carry CMO tags, a chapter lists per group the context-mechanism-outcome
combinations met within one document (see :func:`qualcode.core.analysis.cmo_configurations`).

Counting: a heading's "n codings in m documents" includes the code's sub-codes (the same
numbers as the matrix rows). Quotes under a heading are those coded with that very code;
its sub-codes show their own. A code appears in a section only when it or a sub-code has
codings in that section, or a summary for it; empty branches would bury the findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.document import Document as DocxDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from qualcode.bundled import resource
from qualcode.core.analysis import (
    NO_VALUE,
    CmoConfiguration,
    Matrix,
    cmo_configurations,
    code_matrix,
)
from qualcode.core.retrieval import CodeTree, Quote, QuoteFilter, find_quotes, load_tree
from qualcode.core.services.lookup import get_code
from qualcode.io.report import docx_parts as parts
from qualcode.io.report.labels import Labels
from qualcode.io.report.selection import choose_quotes

if TYPE_CHECKING:
    from qualcode.core.project import Project
    from qualcode.core.records import DocumentRecord

Progress = Callable[[int, int], None]
MAX_HEADING = 4
MAX_CMO_ROWS = 15  # per group; the rest are rarer combinations a table reader skips


ELLIPSIS = "\u2026"
_SENTENCE_END = (".", "!", "?", ":", ";", "\u2026", '"', "'", "\u201d", ")")


def _cut_before(quote: Quote) -> bool:
    before = quote.context_before.rstrip(" \t")
    return bool(before) and not before.endswith(("\n", *_SENTENCE_END))


def _cut_after(quote: Quote) -> bool:
    return not quote.text.rstrip().endswith(_SENTENCE_END)


@dataclass(frozen=True)
class ReportResult:
    path: Path
    sections: tuple[str, ...]
    quotes: int
    tables: int


@dataclass
class _Counts:
    codings: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    documents: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))


@dataclass
class _Data:
    """Everything the report shows, gathered before writing."""

    tree: CodeTree
    roots: list[int]
    quotes: list[Quote]
    documents: list[DocumentRecord]
    summaries: dict[tuple[int, str, str], str]
    version: str | None
    matrix: Matrix
    cmo: list[CmoConfiguration]


def _gather(project: Project, by: str, codes: Sequence[str] | None, coder: str | None) -> _Data:
    flt = QuoteFilter(codes=tuple(codes or ()), subcodes=True, coders=(coder,) if coder else ())
    with project.reading() as session:
        tree = load_tree(session)
        if codes:
            picked = {get_code(session, ref).id for ref in codes}
            roots = [c for c in tree.ordered() if c in picked]
        else:
            roots = list(tree.children.get(None, []))
    versions = project.versions.list()
    return _Data(
        tree=tree,
        roots=roots,
        quotes=find_quotes(project, flt),
        documents=project.documents.list(),
        summaries={
            (s.code_id, s.scope_key, s.scope_value): s.body for s in project.summaries.list()
        },
        version=versions[-1].label if versions else None,
        matrix=code_matrix(project, by=by, count="codings", flt=flt),
        cmo=cmo_configurations(project, by=by, flt=flt, level="tagged"),
    )


def report_template() -> str | None:
    """``resources/report/qualcode-report.docx``: the styles every report starts from
    (edit it in Word to restyle them all); python-docx's own template if it is missing."""
    try:
        path = resource("report", "qualcode-report.docx")
    except FileNotFoundError:
        return None
    return str(path) if path.is_file() else None


class _Writer:
    def __init__(self, data: _Data, labels: Labels, by: str, quotes_per_code: int) -> None:
        self.data, self.labels, self.by = data, labels, by
        self.quotes_per_code = quotes_per_code
        self.doc: DocxDocument = docx.Document(report_template())
        self.toc: list[tuple[int, str]] = []
        self.quote_count = 0
        self.table_count = 0
        self.styles = parts.StyleIds(self.doc)
        self.toc_anchor: Paragraph | None = None  # where the TOC goes, filled in at the end

    # Structure ---------------------------------------------------------------------------
    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        return parts.add_paragraph(self.doc, self.styles, text, style)

    def heading(self, level: int, text: str) -> None:
        self.paragraph(text, f"Heading {min(level, MAX_HEADING)}")
        self.toc.append((level, text))

    def labelled(self, label: str, text: str) -> None:
        paragraph = self.paragraph()
        parts.add_run(paragraph, self.styles, f"{label}: ", "Strong")
        paragraph.add_run(parts.xml_safe(text))

    def summary(self, label: str, body: str) -> None:
        lines = [line.strip() for line in body.split("\n") if line.strip()]
        for n, line in enumerate(lines):
            if n == 0:
                self.labelled(label, line)
            else:
                self.paragraph(line)

    def quote(self, quote: Quote) -> None:
        # The coded words stay one run, exactly as in the transcript; an ellipsis in runs of
        # its own marks where a quote starts or ends inside a sentence.
        paragraph = self.paragraph("", "Quote")
        if _cut_before(quote):
            paragraph.add_run(ELLIPSIS + " ")
        paragraph.add_run(parts.xml_safe(quote.text.strip()))
        if _cut_after(quote):
            paragraph.add_run(" " + ELLIPSIS)
        source = [quote.document]
        if quote.speaker:
            source.append(quote.speaker)
        source.append(f"{self.labels['paragraph']} {quote.paragraph}")
        paragraph.add_run(" ")
        parts.add_run(paragraph, self.styles, f"({', '.join(source)})", "Subtle Emphasis")
        self.quote_count += 1

    # Sections ----------------------------------------------------------------------------
    def title_page(self, project_name: str, coders: Sequence[str], settings: str) -> None:
        labels = self.labels
        self.paragraph(project_name, "Title")
        self.paragraph(labels["subtitle"].format(by=labels.attribute(self.by)), "Subtitle")
        self.labelled(labels["codebook"], self.data.version or labels["working"])
        self.labelled(labels["date"], date.today().isoformat())
        self.labelled(labels["coders"], ", ".join(coders) or "-")
        self.labelled(labels["settings"], settings)
        parts.page_break(self.doc)
        self.paragraph(labels["contents"], "TOC Heading")
        self.toc_anchor = self.paragraph()
        parts.page_break(self.doc)

    def group(
        self, number: int, value: str, docs: Sequence[DocumentRecord], quotes: Sequence[Quote]
    ) -> None:
        labels = self.labels
        shown = value or labels["no_value"]
        if number > 1:
            parts.page_break(self.doc)
        self.heading(1, f"{number} {shown}")
        institutions = sorted({d.attributes.get("institution", "") for d in docs} - {""})
        sources = sorted({d.attributes.get("source_type", "") for d in docs} - {""})
        if institutions:
            self.labelled(labels["institution"], ", ".join(institutions))
        if sources:
            self.labelled(labels["source_types"], ", ".join(sources))
        self.labelled(labels["documents"], str(len(docs)))
        counts = _Counts()
        direct: dict[int, list[Quote]] = defaultdict(list)
        for quote in quotes:
            direct[quote.code_id].append(quote)
            code_id: int | None = quote.code_id
            while code_id is not None:
                counts.codings[code_id] += 1
                counts.documents[code_id].add(quote.document_id)
                code_id = self.data.tree.parent.get(code_id)
        if not quotes:
            self.paragraph(labels["no_codings"])
        position = 0
        for root in self.data.roots:
            if self._visible(root, counts, value):
                position += 1
                self.code(root, (number, position), counts, direct, value)

    def _visible(self, code_id: int, counts: _Counts, value: str) -> bool:
        if counts.codings.get(code_id):
            return True
        return any(
            (c, self.by, value) in self.data.summaries for c in self.data.tree.descendants(code_id)
        )

    def code(
        self,
        code_id: int,
        number: tuple[int, ...],
        counts: _Counts,
        direct: dict[int, list[Quote]],
        value: str,
    ) -> None:
        tree = self.data.tree
        name = tree.paths[code_id][-1]
        self.heading(len(number), f"{'.'.join(map(str, number))} {name}")
        self.paragraph(
            self.labels.frequency(
                counts.codings.get(code_id, 0), len(counts.documents.get(code_id, ()))
            )
        )
        children = tree.children.get(code_id, [])
        body = self.data.summaries.get((code_id, self.by, value))
        if body:
            self.summary(self.labels["cluster_summary" if children else "summary"], body)
        for quote in choose_quotes(direct.get(code_id, []), self.quotes_per_code):
            self.quote(quote)
        position = 0
        for child in children:
            if self._visible(child, counts, value):
                position += 1
                self.code(child, (*number, position), counts, direct, value)

    def cmo_chapter(self, number: int, values: Sequence[str]) -> None:
        """Per group the C-M-O combinations found in one document, most frequent first,
        with the quotes of the most frequent one as an example."""
        labels = self.labels
        parts.page_break(self.doc)
        self.heading(1, f"{number} {labels['cmo']}")
        self.paragraph(labels["cmo_intro"])
        header = [labels["context"], labels["mechanism"], labels["outcome"], labels["documents"]]
        position = 0
        for value in values:
            found = [c for c in self.data.cmo if c.group == value]
            if not found:
                continue
            position += 1
            shown = value or labels["no_value"]
            self.heading(2, f"{number}.{position} {shown}")
            self.table_count += 1
            parts.add_caption(
                self.doc,
                labels["table"],
                self.table_count,
                labels["cmo_caption"].format(value=shown),
            )
            parts.add_table(
                self.doc,
                header,
                [
                    [
                        " / ".join(c.context),
                        " / ".join(c.mechanism),
                        " / ".join(c.outcome),
                        str(c.units),
                    ]
                    for c in found[:MAX_CMO_ROWS]
                ],
                text_columns=3,
            )
            top = found[0]
            example = self.paragraph(
                labels["cmo_example"].format(
                    c=top.context[-1], m=top.mechanism[-1], o=top.outcome[-1]
                )
            )
            # The table style leaves no room below a table; the text should not touch it.
            example.paragraph_format.space_before = Pt(10)
            for quote in top.examples:
                self.quote(quote)

    def cross_chapter(self, number: int) -> None:
        labels, matrix = self.labels, self.data.matrix
        values = labels.attribute(self.by, plural=True)
        wide = len(matrix.columns) > 5
        if wide:
            parts.landscape_section(self.doc)
        else:
            parts.page_break(self.doc)
        self.heading(1, f"{number} {labels['cross'].format(values=values)}")
        self.paragraph(labels["cross_intro"].format(by=labels.attribute(self.by)))
        tree = self.data.tree
        clusters = [r for r in self.data.roots if tree.children.get(r)] or self.data.roots
        header = [
            labels["code"],
            *(c or labels["no_value"] for c in matrix.columns),
            labels["total"],
        ]
        for position, cluster in enumerate(clusters, start=1):
            path = tree.paths[cluster]
            self.heading(2, f"{number}.{position} {path[-1]}")
            body = self.data.summaries.get((cluster, "", ""))
            if body:
                self.summary(labels["overall_summary"].format(values=values), body)
            rows = [r for r in matrix.rows if r.path[: len(path)] == path]
            self.table_count += 1
            parts.add_caption(
                self.doc,
                labels["table"],
                self.table_count,
                labels["caption"].format(by=labels.attribute(self.by), cluster=path[-1]),
            )
            base = len(path) - 1
            parts.add_table(
                self.doc,
                header,
                [
                    ["\u2003" * (r.depth - base) + r.path[-1], *map(str, r.cells), str(r.total)]
                    for r in rows
                ],
            )


def write_report(
    project: Project,
    out: Path,
    *,
    by: str = "intervention",
    codes: Sequence[str] | None = None,
    quotes_per_code: int = 3,
    coder: str | None = None,
    language: str = "nl",
    progress: Progress | None = None,
) -> ReportResult:
    """Write the report to ``out`` (.docx); ``coder`` may be a name or ``consensus``."""
    labels = Labels(language)
    data = _gather(project, by, codes, coder)
    groups: dict[str, list[DocumentRecord]] = defaultdict(list)
    for document in data.documents:
        groups[document.attributes.get(by, NO_VALUE)].append(document)
    quotes_by_group: dict[str, list[Quote]] = defaultdict(list)
    for quote in data.quotes:
        quotes_by_group[quote.attributes.get(by, NO_VALUE)].append(quote)
    values = sorted((v for v in groups if v != NO_VALUE), key=str.lower)
    if quotes_by_group.get(NO_VALUE):
        values.append(NO_VALUE)
    writer = _Writer(data, labels, by, quotes_per_code)
    parts.prepare_styles(writer.doc, language)
    coders = sorted({q.coder for q in data.quotes}) or ([coder] if coder else [])
    settings = labels["settings_text"].format(
        by=labels.attribute(by),
        codes=", ".join(codes) if codes else labels["all_codes"],
        n=quotes_per_code,
        coder=coder or labels["all_coders"],
    )
    writer.title_page(project.name, coders, settings)
    total = len(values) + 1
    for number, value in enumerate(values, start=1):
        writer.group(number, value, groups.get(value, []), quotes_by_group.get(value, []))
        if progress:
            progress(number, total)
    chapter = len(values) + 1
    if data.cmo:
        writer.cmo_chapter(chapter, values)
        chapter += 1
    writer.cross_chapter(chapter)
    assert writer.toc_anchor is not None
    parts.fill_toc(writer.toc_anchor, writer.toc, labels["toc_hint"])
    parts.update_fields_on_open(writer.doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer.doc.save(str(out))
    if progress:
        progress(total, total)
    return ReportResult(
        path=out,
        sections=tuple(v or labels["no_value"] for v in values),
        quotes=writer.quote_count,
        tables=writer.table_count,
    )
