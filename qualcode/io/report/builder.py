"""The Word report: per intervention (or any attribute) the code tree with frequencies,
summaries and illustrative quotes, then a cross-case chapter with a matrix per cluster.

All data is read up front (one quote query, one matrix, the summaries and documents); the
document is then written in a single pass, which keeps a 5,000-quote report to seconds.

When codes carry CMO tags, a chapter lists per group the context-mechanism-outcome
combinations met within one document (see :func:`qualcode.core.analysis.cmo_configurations`).

Evidence: one layer of codings per document unless the user asks for all coders (the
rule is :mod:`qualcode.core.evidence`); the quotes, counts, matrices and CMO tables all
come from that selection, and the "About this report" section says which rule applied.

Counting: a heading's "n codings in m documents" includes the code's sub-codes (the same
numbers as the matrix rows); with all coders it also gives the document-coder pairs.
Quotes under a heading are those coded with that very code; its sub-codes show their own.
Within a chapter a passage is quoted once (except with all coders, where the same passage
under two codes shows where coders differed); a later code refers back to it. A code
appears in a section only when it or a sub-code has codings in that section, or a summary
for it; empty branches would bury the findings.
"""

from __future__ import annotations

import os
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
from qualcode.core.evidence import Sources, evidence_sources, parse_layer
from qualcode.core.retrieval import CodeTree, Quote, QuoteFilter, find_quotes, load_tree
from qualcode.core.services.lookup import get_code
from qualcode.io.report import about
from qualcode.io.report import docx_parts as parts
from qualcode.io.report.citing import default_cite, display_names
from qualcode.io.report.labels import Labels
from qualcode.io.report.memos import ReportMemos, gather_memos, write_memos
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
    layer: str = "default"
    pdf: Path | None = None


# Said where a report is made (command line, GUI), never inside the report itself.
TOC_HINT = (
    "The contents list is filled in when the report is opened in Word (answer Yes to update "
    "fields, or press F9); add --pdf for a PDF with page numbers."
)


@dataclass
class _Counts:
    codings: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    documents: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    pairs: dict[int, set[tuple[int, str]]] = field(default_factory=lambda: defaultdict(set))


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
    sources: Sources
    names: dict[int, str]  # document id -> the name quotes cite it by
    cite: tuple[str, ...]
    memos: ReportMemos | None = None  # only with --memos


def _gather(
    project: Project,
    by: str,
    codes: Sequence[str] | None,
    sources: Sources,
    viewer: str | None,
    cite: Sequence[str] | None,
) -> _Data:
    flt = QuoteFilter(codes=tuple(codes or ()), subcodes=True, viewer=viewer, evidence=sources)
    with project.reading() as session:
        tree = load_tree(session)
        if codes:
            picked = {get_code(session, ref).id for ref in codes}
            roots = [c for c in tree.ordered() if c in picked]
        else:
            roots = list(tree.children.get(None, []))
    versions = project.versions.list()
    documents = project.documents.list()
    chosen = tuple(cite) if cite is not None else default_cite(documents)
    return _Data(
        tree=tree,
        roots=roots,
        quotes=find_quotes(project, flt),
        documents=documents,
        summaries={
            (s.code_id, s.scope_key, s.scope_value): s.body for s in project.summaries.list()
        },
        version=versions[-1].label if versions else None,
        matrix=code_matrix(project, by=by, count="codings", flt=flt),
        cmo=cmo_configurations(project, by=by, flt=flt, level="tagged"),
        sources=sources,
        names=display_names(documents, chosen),
        cite=chosen,
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
        self.all_coders = data.sources.layer.kind == "all"
        # Passages quoted in the current chapter: (document id, start, end, heading number).
        self.quoted: list[tuple[int, int, int, str]] = []

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

    def quote(self, quote: Quote, coders: Sequence[str] = ()) -> None:
        # The coded words stay one run, exactly as in the transcript; an ellipsis in runs of
        # its own marks where a quote starts or ends inside a sentence.
        paragraph = self.paragraph("", "Quote")
        if _cut_before(quote):
            paragraph.add_run(ELLIPSIS + " ")
        parts.plain_run(paragraph, parts.xml_safe(quote.text.strip()))
        if _cut_after(quote):
            paragraph.add_run(" " + ELLIPSIS)
        source = [self.data.names.get(quote.document_id, quote.document)]
        if quote.speaker:
            source.append(quote.speaker)
        source.append(f"{self.labels['paragraph']} {quote.paragraph}")
        if coders:
            source.append(self.labels["coded_by"].format(coders=", ".join(coders)))
        paragraph.add_run(" ")
        parts.add_run(paragraph, self.styles, f"({', '.join(source)})", "Subtle Emphasis")
        self.quote_count += 1
        if self.data.memos:  # a coding memo follows its quote
            write_memos(self, self.data.memos.codings.get(quote.coding_id, []))

    # Sections ----------------------------------------------------------------------------
    def title_page(self, project_name: str) -> None:
        labels = self.labels
        self.paragraph(project_name, "Title")
        self.paragraph(labels["subtitle"].format(by=labels.attribute(self.by)), "Subtitle")
        self.labelled(labels["codebook"], self.data.version or labels["working"])
        self.labelled(labels["date"], date.today().isoformat())
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
                counts.pairs[code_id].add((quote.document_id, quote.coder))
                code_id = self.data.tree.parent.get(code_id)
        self.quoted = []
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
        pairs = len(counts.pairs.get(code_id, ())) if self.all_coders else None
        self.paragraph(
            self.labels.frequency(
                counts.codings.get(code_id, 0), len(counts.documents.get(code_id, ())), pairs
            )
        )
        children = tree.children.get(code_id, [])
        body = self.data.summaries.get((code_id, self.by, value))
        if body:
            self.summary(self.labels["cluster_summary" if children else "summary"], body)
        if self.data.memos:
            write_memos(self, self.data.memos.codes.get(code_id, []))
        self.code_quotes(direct.get(code_id, []), ".".join(map(str, number)))
        position = 0
        for child in children:
            if self._visible(child, counts, value):
                position += 1
                self.code(child, (*number, position), counts, direct, value)

    def code_quotes(self, candidates: list[Quote], heading: str) -> None:
        """The quotes under one code: each passage once per chapter (with all coders:
        once per code, naming everyone who coded it)."""
        if self.all_coders:
            for quote in choose_quotes(candidates, self.quotes_per_code):
                coders = sorted(
                    {
                        q.coder
                        for q in candidates
                        if q.document_id == quote.document_id
                        and q.start < quote.end
                        and quote.start < q.end
                    },
                    key=str.lower,
                )
                self.quote(quote, coders)
            return
        fresh = [q for q in candidates if self._earlier(q) is None]
        chosen = choose_quotes(fresh, self.quotes_per_code)
        for quote in chosen:
            self.quote(quote)
            self.quoted.append((quote.document_id, quote.start, quote.end, heading))
        if not chosen and candidates and self.quotes_per_code > 0:
            earlier = self._earlier(candidates[0])
            if earlier is not None:
                self.paragraph(self.labels["quoted_under"].format(where=earlier))

    def _earlier(self, quote: Quote) -> str | None:
        """The heading number under which an overlapping passage was quoted already."""
        for doc_id, start, end, heading in self.quoted:
            if doc_id == quote.document_id and start < quote.end and quote.start < end:
                return heading
        return None

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
            # "Most frequent" only when some combination recurs; with every count at 1 the
            # first row is just an example.
            wording = "cmo_example" if top.units > 1 else "cmo_no_recurrence"
            example = self.paragraph(
                labels[wording].format(c=top.context[-1], m=top.mechanism[-1], o=top.outcome[-1])
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
        intro = "cross_intro_all" if self.all_coders else "cross_intro"
        self.paragraph(labels[intro].format(by=labels.attribute(self.by)))
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
    layer: str | None = None,
    cite: Sequence[str] | None = None,
    viewer: str | None = None,
    language: str = "nl",
    progress: Progress | None = None,
    memos: bool = False,
) -> ReportResult:
    """Write the report to ``out`` (.docx).

    ``layer``: ``consensus``, ``coder:NAME`` or ``all``; ``coder`` is short for
    ``coder:NAME``; neither means the default rule of :mod:`qualcode.core.evidence`.
    ``cite``: the document attributes quotes cite a document by (``name`` for file names;
    default source type and intervention). ``viewer``: who makes the report; on blind,
    unrevealed documents a coder's report holds only their own codings.
    """
    labels = Labels(language)
    sources = evidence_sources(project, parse_layer(layer, coder), viewer)
    data = _gather(project, by, codes, sources, viewer, cite)
    data.memos = gather_memos(project, viewer) if memos else None
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
    writer.title_page(project.name)
    about.about_section(writer, codes)
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
    about.appendix(writer)
    assert writer.toc_anchor is not None
    parts.fill_toc(writer.toc_anchor, writer.toc)
    parts.update_fields_on_open(writer.doc)
    out.parent.mkdir(parents=True, exist_ok=True)
    writer.doc.save(str(out))
    os.chmod(out, 0o600)  # the report quotes the transcripts: only its owner may read it
    if progress:
        progress(total, total)
    return ReportResult(
        path=out,
        sections=tuple(v or labels["no_value"] for v in values),
        quotes=writer.quote_count,
        tables=writer.table_count,
        layer=sources.layer.text,
    )
