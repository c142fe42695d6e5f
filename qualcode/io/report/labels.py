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
        "settings": "Instellingen",
        "settings_text": "per {by}; codes: {codes}; {n} citaten per code; codeur: {coder}",
        "all_codes": "alle",
        "all_coders": "alle codeurs",
        "contents": "Inhoud",
        "toc_hint": "Werk de inhoudsopgave bij (F9 in Word, Extra > Bijwerken in LibreOffice) "
        "voor paginanummers.",
        "institution": "Instelling",
        "source_types": "Soorten bronnen",
        "documents": "Documenten",
        "frequency": "{n} {codings} in {m} {documents}",
        "coding": "codering",
        "codings": "coderingen",
        "document": "document",
        "documents_lc": "documenten",
        "summary": "Samenvatting",
        "cluster_summary": "Samenvatting cluster",
        "no_codings": "Geen coderingen in deze selectie.",
        "paragraph": "alinea",
        "cross": "Vergelijking tussen {values}",
        "cross_intro": "Aantal coderingen per code (inclusief subcodes) per {by}.",
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
        "settings": "Settings",
        "settings_text": "by {by}; codes: {codes}; {n} quotes per code; coder: {coder}",
        "all_codes": "all",
        "all_coders": "all coders",
        "contents": "Contents",
        "toc_hint": "Update the table of contents (F9 in Word, Tools > Update in LibreOffice) "
        "for page numbers.",
        "institution": "Institution",
        "source_types": "Source types",
        "documents": "Documents",
        "frequency": "{n} {codings} in {m} {documents}",
        "coding": "coding",
        "codings": "codings",
        "document": "document",
        "documents_lc": "documents",
        "summary": "Summary",
        "cluster_summary": "Cluster summary",
        "no_codings": "No codings in this selection.",
        "paragraph": "paragraph",
        "cross": "Comparison across {values}",
        "cross_intro": "Number of codings per code (sub-codes included) per {by}.",
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

    def frequency(self, codings: int, documents: int) -> str:
        return self["frequency"].format(
            n=codings,
            codings=self["coding"] if codings == 1 else self["codings"],
            m=documents,
            documents=self["document"] if documents == 1 else self["documents_lc"],
        )
