"""Fixed wording of the report in Dutch and English (the study's two languages)."""

from __future__ import annotations

from qualcode.core.errors import DomainError

LANGUAGES = ("nl", "en")

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "subtitle": "Rapportage per {by}",
        "codebook": "Codeboekversie",
        "working": "werkversie (niet vrijgegeven)",
        "date": "Datum",
        "coders": "Codeurs",
        "contents": "Inhoud",
        "about": "Over dit rapport",
        "about_scope": "Dit rapport beschrijft per {by} de codes van {codebook}: per code het "
        "aantal coderingen en documenten, de samenvattingen en tot {n} illustratieve citaten "
        "(citaten die onderzoekers als illustratief markeerden eerst).",
        "codebook_version": "codeboekversie {version}",
        "codebook_working": "de werkversie van het codeboek (nog niet vrijgegeven)",
        "about_codes": "Het rapport is beperkt tot deze codes en hun subcodes: {codes}.",
        "about_default": "Bron van citaten en aantallen: per document één codeur, nooit een "
        "optelling over codeurs: de codeur aan wie het document is toegewezen; bij meer "
        "codeurs {lead}. Waar de hoofdonderzoeker een meningsverschil beslechtte, telt dat "
        "besluit (de consensuslaag). Bijlage A noemt per document de gebruikte laag.",
        "lead_rule": "de hoofdonderzoeker ({lead})",
        "no_lead_rule": "de eerste codeur op naam",
        "about_consensus": "Bron van citaten en aantallen: alleen de consensuslaag (de "
        "besluiten van de hoofdonderzoeker). Documenten zonder consensuscoderingen dragen "
        "niets bij.",
        "about_coder": "Bron van citaten en aantallen: alleen de coderingen van {coder}.",
        "about_all": "Bron van citaten en aantallen: de coderingen van alle codeurs. Elke "
        "codeur telt apart: een document dat twee codeurs codeerden telt als twee "
        "document-codeurparen, en de aantallen zeggen dat. Een passage die meer codeurs "
        "codeerden, wordt onder een code één keer geciteerd, met hun namen; dezelfde passage "
        "kan onder verschillende codes staan waar codeurs verschilden.",
        "about_counts": "Een regel als ‘7 coderingen in 2 documenten’ telt de coderingen van "
        "de code en al haar subcodes; een citaat staat onder de code waarmee het gecodeerd "
        "is.",
        "about_once": "Binnen een hoofdstuk wordt een passage maar één keer geciteerd; onder "
        "een volgende code verwijst het rapport ernaar.",
        "about_cite": "Citaten noemen hun bron ({attrs}) en het alineanummer; bijlage A "
        "koppelt die namen aan de bestanden. Een beletselteken (…) markeert een citaat dat "
        "midden in een zin begint of eindigt.",
        "about_cite_names": "Citaten noemen het document en het alineanummer. Een "
        "beletselteken (…) markeert een citaat dat midden in een zin begint of eindigt.",
        "about_coders": "Codeurs: {coders}.",
        "about_made": "Gemaakt op {date} met Qualcode.",
        "appendix": "Bijlage A. Bronnen",
        "appendix_intro": "Per document de naam waaronder het geciteerd wordt, het bestand en "
        "de laag waaruit de citaten en aantallen komen.",
        "cited_as": "Geciteerd als",
        "file": "Bestand",
        "layer": "Laag",
        "why_consensus": "consensuslaag waar beslist, elders {coder}",
        "why_assigned": "{coder} (toegewezen)",
        "why_lead": "{coder} (hoofdonderzoeker)",
        "why_only": "{coder} (enige codeur)",
        "why_first": "{coder} (eerste op naam)",
        "why_chosen": "{coder}",
        "why_all": "{coder}",
        "why_none": "geen coderingen",
        "frequency_all": "{n} {codings} in {p} {pairs} ({m} {documents})",
        "pair": "document-codeurpaar",
        "pairs": "document-codeurparen",
        "quoted_under": "Deze passage is al geciteerd onder {where}.",
        "coded_by": "gecodeerd door {coders}",
        "institution": "Instelling",
        "source_types": "Soorten bronnen",
        "documents": "Documenten",
        "frequency": "{n} {codings} in {m} {documents}",
        "coding": "codering",
        "codings": "coderingen",
        "document": "document",
        "documents_lc": "documenten",
        "summary": "Samenvatting",
        "memo": "Memo",
        "project_memos": "Memo's bij het project",
        "document_memos": "Memo's bij documenten",
        "cluster_summary": "Samenvatting cluster",
        "no_codings": "Geen coderingen in deze selectie.",
        "paragraph": "alinea",
        "cross": "Vergelijking tussen {values}",
        "cross_intro": "Aantal coderingen per code (inclusief subcodes) per {by}, uit de "
        "laag die per document telt (zie Over dit rapport).",
        "cross_intro_all": "Aantal coderingen per code (inclusief subcodes) per {by}, van "
        "alle codeurs samen: elke codeur telt apart.",
        "overall_summary": "Samenvatting over alle {values}",
        "caption": "Aantal coderingen per {by}: {cluster}",
        "table": "Tabel",
        "code": "Code",
        "total": "Totaal",
        "no_value": "(geen waarde)",
        "cmo": "Context, mechanisme en uitkomst",
        "cmo_intro": "Combinaties van context-, mechanisme- en uitkomstcodes die samen in één "
        "document voorkomen; per combinatie het aantal documenten.",
        "cmo_caption": "Context-mechanisme-uitkomstcombinaties: {value}",
        "cmo_example": "Voorbeeld van de meest voorkomende combinatie ({c} – {m} – {o}):",
        "cmo_no_recurrence": "Geen combinatie komt in meer dan één document voor. Een "
        "voorbeeld ({c} – {m} – {o}):",
        "context": "Context",
        "mechanism": "Mechanisme",
        "outcome": "Uitkomst",
    },
    "en": {
        "subtitle": "Report by {by}",
        "codebook": "Codebook version",
        "working": "working version (not released)",
        "date": "Date",
        "coders": "Coders",
        "contents": "Contents",
        "about": "About this report",
        "about_scope": "This report describes, per {by}, the codes of {codebook}: per code "
        "the number of codings and documents, the summaries and up to {n} illustrative quotes "
        "(quotes the researchers marked as illustrative first).",
        "codebook_version": "codebook version {version}",
        "codebook_working": "the working version of the codebook (not yet released)",
        "about_codes": "The report is limited to these codes and their sub-codes: {codes}.",
        "about_default": "Source of quotes and counts: one coder per document, never a sum "
        "over coders: the coder the document is assigned to; with several coders {lead}. "
        "Where the lead researcher settled a disagreement, that decision counts (the "
        "consensus layer). Appendix A names the layer used for each document.",
        "lead_rule": "the lead researcher ({lead})",
        "no_lead_rule": "the first coder by name",
        "about_consensus": "Source of quotes and counts: only the consensus layer (the lead "
        "researcher's decisions). Documents without consensus codings add nothing.",
        "about_coder": "Source of quotes and counts: only the codings of {coder}.",
        "about_all": "Source of quotes and counts: the codings of all coders. Each coder "
        "counts separately: a document two coders coded counts as two document-coder pairs, "
        "and the counts say so. A passage several coders coded is quoted once under a code, "
        "with their names; the same passage can appear under different codes where coders "
        "differed.",
        "about_counts": "A line such as ‘7 codings in 2 documents’ counts the codings of the "
        "code and all its sub-codes; a quote appears under the code it was coded with.",
        "about_once": "Within a chapter a passage is quoted only once; under a later code the "
        "report refers to it.",
        "about_cite": "Quotes name their source ({attrs}) and the paragraph number; Appendix A "
        "links these names to the files. An ellipsis (…) marks a quote that starts or ends "
        "inside a sentence.",
        "about_cite_names": "Quotes name the document and the paragraph number. An ellipsis "
        "(…) marks a quote that starts or ends inside a sentence.",
        "about_coders": "Coders: {coders}.",
        "about_made": "Made on {date} with Qualcode.",
        "appendix": "Appendix A. Sources",
        "appendix_intro": "For each document the name it is cited by, the file and the layer "
        "the quotes and counts come from.",
        "cited_as": "Cited as",
        "file": "File",
        "layer": "Layer",
        "why_consensus": "consensus layer where decided, elsewhere {coder}",
        "why_assigned": "{coder} (assigned)",
        "why_lead": "{coder} (lead researcher)",
        "why_only": "{coder} (only coder)",
        "why_first": "{coder} (first by name)",
        "why_chosen": "{coder}",
        "why_all": "{coder}",
        "why_none": "no codings",
        "frequency_all": "{n} {codings} in {p} {pairs} ({m} {documents})",
        "pair": "document-coder pair",
        "pairs": "document-coder pairs",
        "quoted_under": "This passage is already quoted under {where}.",
        "coded_by": "coded by {coders}",
        "institution": "Institution",
        "source_types": "Source types",
        "documents": "Documents",
        "frequency": "{n} {codings} in {m} {documents}",
        "coding": "coding",
        "codings": "codings",
        "document": "document",
        "documents_lc": "documents",
        "summary": "Summary",
        "memo": "Memo",
        "project_memos": "Project memos",
        "document_memos": "Document memos",
        "cluster_summary": "Cluster summary",
        "no_codings": "No codings in this selection.",
        "paragraph": "paragraph",
        "cross": "Comparison across {values}",
        "cross_intro": "Number of codings per code (sub-codes included) per {by}, from the "
        "layer that counts for each document (see About this report).",
        "cross_intro_all": "Number of codings per code (sub-codes included) per {by}, from "
        "all coders together: each coder counts separately.",
        "overall_summary": "Summary across all {values}",
        "caption": "Number of codings per {by}: {cluster}",
        "table": "Table",
        "code": "Code",
        "total": "Total",
        "no_value": "(no value)",
        "cmo": "Context, mechanism and outcome",
        "cmo_intro": "Combinations of context, mechanism and outcome codes found together in "
        "one document; per combination the number of documents.",
        "cmo_caption": "Context-mechanism-outcome combinations: {value}",
        "cmo_example": "Example of the most frequent combination ({c} – {m} – {o}):",
        "cmo_no_recurrence": "No combination occurs in more than one document. An example "
        "({c} – {m} – {o}):",
        "context": "Context",
        "mechanism": "Mechanism",
        "outcome": "Outcome",
    },
}


# How the standard document attributes read in running text: (singular, plural).
_ATTRIBUTES: dict[str, dict[str, tuple[str, str]]] = {
    "nl": {
        "intervention": ("interventie", "interventies"),
        "institution": ("instelling", "instellingen"),
        "education_level": ("opleidingsniveau", "opleidingsniveaus"),
        "source_type": ("soort bron", "soorten bronnen"),
        "language": ("taal", "talen"),
        "interviewer": ("interviewer", "interviewers"),
    },
    "en": {
        "intervention": ("intervention", "interventions"),
        "institution": ("institution", "institutions"),
        "education_level": ("education level", "education levels"),
        "source_type": ("source type", "source types"),
        "language": ("language", "languages"),
        "interviewer": ("interviewer", "interviewers"),
    },
}


class Labels:
    """Look-ups of report wording for one language."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise DomainError(f"report language must be one of {', '.join(LANGUAGES)}")
        self.language = language
        self._words = _LABELS[language]

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def attribute(self, key: str, *, plural: bool = False) -> str:
        """How an attribute name reads in running text (intervention -> interventie)."""
        known = _ATTRIBUTES[self.language].get(key)
        if known:
            return known[1] if plural else known[0]
        # A free case variable keeps its own name; "s" only makes an English plural.
        readable = key.replace("_", " ")
        return readable + ("s" if plural and self.language == "en" else "")

    def frequency(self, codings: int, documents: int, pairs: int | None = None) -> str:
        """``7 codings in 2 documents``; with ``pairs`` (all coders) the document-coder
        pairs first: ``14 codings in 2 document-coder pairs (1 document)``."""
        words = {
            "n": codings,
            "codings": self["coding"] if codings == 1 else self["codings"],
            "m": documents,
            "documents": self["document"] if documents == 1 else self["documents_lc"],
        }
        if pairs is None:
            return self["frequency"].format(**words)
        return self["frequency_all"].format(
            p=pairs, pairs=self["pair"] if pairs == 1 else self["pairs"], **words
        )
