"""The parts of the report that say how it was made: "About this report" (in words, not a
settings line) and the appendix that links cited names to files and evidence layers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from qualcode.core import evidence
from qualcode.io.report import docx_parts as parts
from qualcode.io.report.memos import write_memos

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

    from qualcode.io.report.builder import _Data
    from qualcode.io.report.labels import Labels

_WHY = {
    evidence.WHY_CONSENSUS: "why_consensus",
    evidence.WHY_ASSIGNED: "why_assigned",
    evidence.WHY_LEAD: "why_lead",
    evidence.WHY_ONLY: "why_only",
    evidence.WHY_FIRST: "why_first",
    evidence.WHY_CHOSEN: "why_chosen",
    evidence.WHY_ALL: "why_all",
}


class _Writer(Protocol):
    data: _Data
    labels: Labels
    by: str
    quotes_per_code: int
    doc: DocxDocument
    table_count: int

    def heading(self, level: int, text: str) -> None: ...
    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph: ...
    def labelled(self, label: str, text: str) -> None: ...


def about_section(writer: _Writer, codes: Sequence[str] | None) -> None:
    """A short section in words: scope, the evidence rule, how counts and citations read."""
    labels, data = writer.labels, writer.data
    writer.heading(1, labels["about"])
    codebook = (
        labels["codebook_version"].format(version=data.version)
        if data.version
        else labels["codebook_working"]
    )
    writer.paragraph(
        labels["about_scope"].format(
            by=labels.attribute(writer.by), codebook=codebook, n=writer.quotes_per_code
        )
    )
    if codes:
        writer.paragraph(labels["about_codes"].format(codes=", ".join(codes)))
    layer = data.sources.layer
    if layer.kind == "default":
        lead = data.sources.lead
        rule = labels["lead_rule"].format(lead=lead) if lead else labels["no_lead_rule"]
        writer.paragraph(labels["about_default"].format(lead=rule))
    elif layer.kind == "coder":
        writer.paragraph(labels["about_coder"].format(coder=layer.coder))
    else:
        writer.paragraph(labels[f"about_{layer.kind}"])
    counts = labels["about_counts"]
    if layer.kind != "all":
        counts += " " + labels["about_once"]
    writer.paragraph(counts)
    if data.cite and list(data.cite) != ["name"]:
        attrs = ", ".join(labels.attribute(key) for key in data.cite)
        writer.paragraph(labels["about_cite"].format(attrs=attrs))
    else:
        writer.paragraph(labels["about_cite_names"])
    coders = sorted({q.coder for q in data.quotes}, key=str.lower)
    if coders:
        writer.paragraph(labels["about_coders"].format(coders=", ".join(coders)))
    writer.paragraph(labels["about_made"].format(date=date.today().isoformat()))
    if data.memos and data.memos.project:
        writer.heading(2, labels["project_memos"])
        write_memos(writer, data.memos.project)
    parts.page_break(writer.doc)


def layer_text(labels: Labels, data: _Data, document_id: int) -> str:
    """How the appendix names the evidence of one document (e.g. "Bram (assigned)")."""
    sources = data.sources
    names = sources.coder_names(document_id)
    if not names:
        return labels["why_none"]
    why = sources.why.get(document_id, "")
    if why == evidence.WHY_CONSENSUS and sources.layer.kind == "consensus":
        return labels["why_chosen"].format(coder=", ".join(names))
    if why == evidence.WHY_CONSENSUS:
        consensus = {sources.names[c] for c in sources.consensus}
        base = [n for n in names if n not in consensus]
        return labels["why_consensus"].format(coder=", ".join(base) or "-")
    return labels[_WHY.get(why, "why_chosen")].format(coder=", ".join(names))


def appendix(writer: _Writer) -> None:
    """Appendix A: cited name, file name and evidence layer of every document."""
    labels, data = writer.labels, writer.data
    parts.portrait_section(writer.doc)
    writer.heading(1, labels["appendix"])
    writer.paragraph(labels["appendix_intro"])
    documents = sorted(data.documents, key=lambda d: data.names.get(d.id, d.name).lower())
    parts.add_table(
        writer.doc,
        [labels["cited_as"], labels["file"], labels["layer"]],
        [[data.names.get(d.id, d.name), d.name, layer_text(labels, data, d.id)] for d in documents],
        text_columns=3,
    )
    if data.memos and data.memos.documents:
        writer.heading(2, labels["document_memos"])
        for d in documents:
            if data.memos.documents.get(d.id):
                writer.heading(3, data.names.get(d.id, d.name))
                write_memos(writer, data.memos.documents[d.id])
