"""The agreement report as a Word file, in English or Dutch (the same setting as the report
per intervention).

Settings in words; which documents contribute and why the others do not; one table per
level (code, cluster, document, overall) with alpha (and uα) shaded by Krippendorff's
thresholds (green >= .800, amber >= .667, red below, grey undefined or too little data),
a marker for thin data explained once under each table, the reasons for empty cells
listed once per table; then the disagreements with their words and where to find them
(paragraph, speaker turn). Widths are fixed for A4 so no cell breaks inside a word or a
number.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from qualcode.core.agreement_project import RELIABLE, TENTATIVE, AgreementResult, Figures
from qualcode.io.report.docx_parts import landscape_section, portrait_section

SHADE = {"reliable": "C6EFCE", "tentative": "FFEB9C", "low": "FFC7CE", "undefined": "EDEDED"}
TABLE_STYLE = "Light Grid Accent 1"
TABLE_FONT_PT = 8
MARGIN_CM = 2.0  # A4 portrait: 17 cm of text width
# The figure tables sit on A4 landscape pages (26.1 cm of text width, see
# ``landscape_section``). Widths in cm at about 0.2 cm per 8 pt character plus the cell
# padding, so every header word and every number ("-0.003 – 1.000") stays whole.
UNIT_WIDTHS = (10.0, 1.4, 1.7, 1.7, 1.7, 1.9, 3.1, 2.1, 2.3)
CHARACTER_WIDTHS = (11.7, 1.9, 3.1, 1.7, 3.1, 1.7, 2.3)
SETTINGS_WIDTHS = (4.0, 13.0)
DOCUMENT_WIDTHS = (6.5, 10.5)
MAX_QUOTE = 600  # characters of a disputed passage shown; the CSV has them all

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Inter-coder agreement",
        "settings": "Settings",
        "coders": "Coders",
        "unit": "Unit",
        "codes": "Codes",
        "all_codes": "all",
        "coefficients": "Coefficients",
        "coef_unit": "percent agreement, Cohen's kappa and Scott's pi (two coders), Fleiss' "
        "kappa, Krippendorff's alpha (nominal) on binary code x unit matrices",
        "coef_char": "binary unitizing alpha and uα (codes and gaps as values) per code, "
        "cluster, document and overall; cu-alpha per cluster; Cu-alpha across top-level "
        "clusters (overall row)",
        "threshold": "Coded unit",
        "threshold_text": "a unit counts as coded when codings cover more than {t:g} of it",
        "bootstrap": "Interval",
        "bootstrap_text": "95% percentile bootstrap, {n} samples, seed {seed}, resampling {what}",
        "bootstrap_none": "none (0 bootstrap samples)",
        "over_units": "units",
        "over_documents": "documents",
        "thresholds": "Thresholds",
        "thresholds_text": "alpha >= {r} reliable; >= {t} tentative conclusions only "
        "(Krippendorff)",
        "documents": "Documents",
        "documents_intro": "{n} of {m} documents contribute to the figures.",
        "document": "Document",
        "contributes": "Contributes",
        "yes": "yes",
        "levels": "Per code|Per cluster|Per document|Overall",
        "code": "Code",
        "cluster": "Cluster",
        "overall": "overall",
        "percent": "%",
        "ci": "95% CI",
        "units": "Units",
        "coded": "Coded",
        "binary": "binary α",
        "segments": "Segments",
        "thin": "! rests on fewer than 10 coded {what}: read with care.",
        "thin_units": "units",
        "thin_segments": "segments",
        "undefined": "– empty: {reason} ({n}×)",
        "shading": "Shading: green alpha >= {r}, amber >= {t}, red below, grey undefined or "
        "resting on too little data.",
        "notes": "Notes",
        "disagreements": "Disagreements ({n})",
        "where": "{doc}, paragraph {p}",
        "turn": "turn {n}, {speaker}",
        "nothing": "(nothing)",
    },
    "nl": {
        "title": "Overeenstemming tussen codeurs",
        "settings": "Instellingen",
        "coders": "Codeurs",
        "unit": "Eenheid",
        "codes": "Codes",
        "all_codes": "alle",
        "coefficients": "Maten",
        "coef_unit": "percentage overeenstemming, Cohens kappa en Scotts pi (twee codeurs), "
        "Fleiss' kappa, Krippendorffs alfa (nominaal) op binaire code x eenheid-matrices",
        "coef_char": "binaire unitizing-alfa en uα (codes en tussenruimtes als waarden) per "
        "code, cluster, document en totaal; cu-alfa per cluster; Cu-alfa over de "
        "hoofdclusters (rij totaal)",
        "threshold": "Gecodeerde eenheid",
        "threshold_text": "een eenheid telt als gecodeerd als coderingen meer dan {t:g} "
        "ervan bedekken",
        "bootstrap": "Interval",
        "bootstrap_text": "95%-percentielbootstrap, {n} steekproeven, seed {seed}, "
        "trekking van {what}",
        "bootstrap_none": "geen (0 bootstrapsteekproeven)",
        "over_units": "eenheden",
        "over_documents": "documenten",
        "thresholds": "Drempels",
        "thresholds_text": "alfa >= {r} betrouwbaar; >= {t} alleen voorlopige conclusies "
        "(Krippendorff)",
        "documents": "Documenten",
        "documents_intro": "{n} van de {m} documenten dragen bij aan de cijfers.",
        "document": "Document",
        "contributes": "Draagt bij",
        "yes": "ja",
        "levels": "Per code|Per cluster|Per document|Totaal",
        "code": "Code",
        "cluster": "Cluster",
        "overall": "totaal",
        "percent": "%",
        "ci": "95%-BI",
        "units": "Eenheden",
        "coded": "Gecodeerd",
        "binary": "binaire α",
        "segments": "Segmenten",
        "thin": "! rust op minder dan 10 gecodeerde {what}: voorzichtig lezen.",
        "thin_units": "eenheden",
        "thin_segments": "segmenten",
        "undefined": "– leeg: {reason} ({n}×)",
        "shading": "Kleuren: groen alfa >= {r}, geel >= {t}, rood lager, grijs niet "
        "gedefinieerd of op te weinig gegevens.",
        "notes": "Opmerkingen",
        "disagreements": "Meningsverschillen ({n})",
        "where": "{doc}, alinea {p}",
        "turn": "beurt {n}, {speaker}",
        "nothing": "(niets)",
    },
}
UNITS_NL = {"sentence": "zin", "paragraph": "alinea", "turn": "spreekbeurt", "character": "teken"}
# Reasons and notes come from the core in English; the Dutch report says them in Dutch.
_DUTCH = (
    (r"coded by (.+) only; nothing to compare", r"alleen gecodeerd door \1; niets te vergelijken"),
    (r"coded by none of the coders", "door geen van de codeurs gecodeerd"),
    (
        r"not coded by (.+); the continuum needs every coder on a document",
        r"niet gecodeerd door \1; het continuüm vraagt elke codeur op een document",
    ),
    (r"no coder coded anything here", "niemand codeerde hier iets"),
    (r"no coder coded anything", "niemand codeerde iets"),
    (
        r"expected disagreement is zero.*",
        "verwachte onenigheid is nul (maar één soort stuk tekst gezien)",
    ),
    (r"no stretch was coded by two coders", "geen stuk tekst door twee codeurs gecodeerd"),
    (
        r"only one value was used by all coders.*",
        "alle codeurs gebruikten één waarde; niet van toeval te onderscheiden",
    ),
    (
        r"no unit was coded by two or more coders.*",
        "geen eenheid door twee of meer codeurs gecodeerd",
    ),
    (
        r"only (\d+) pairable values \(fewer than (\d+)\); too little data",
        r"maar \1 paarbare waarden (minder dan \2); te weinig gegevens",
    ),
    (r"no documents: the continuum is empty", "geen documenten: het continuüm is leeg"),
    (r"no document was coded by all", "geen document door alle codeurs gecodeerd"),
    (
        r"no stored units, segmented on the fly: (.+)",
        r"geen opgeslagen eenheden, ter plekke gesegmenteerd: \1",
    ),
    (r"undefined on these data", "niet gedefinieerd op deze gegevens"),
    (
        r"undefined: no unit coded by both, or both coders gave one value only",
        "niet gedefinieerd: geen eenheid door beiden gecodeerd, of beide codeurs gaven één waarde",
    ),
    (
        r"undefined: no unit rated by two or more, or all ratings alike",
        "niet gedefinieerd: geen eenheid door twee of meer beoordeeld, of alle oordelen gelijk",
    ),
    (
        r"Cohen's kappa and Scott's pi compare exactly two coders",
        "alleen voor precies twee codeurs",
    ),
    (r"a unit-mode figure.*", "een maat voor eenheden (zin, alinea, beurt), niet voor tekens"),
    (r"a character-continuum figure.*", "een maat voor het tekencontinuüm (--unit character)"),
    (r"the figure is undefined, so it has no interval", "de maat is niet gedefinieerd"),
    (r"no bootstrap replicate gave a defined .*", "geen bootstrapsteekproef gaf een waarde"),
    (r"no bootstrap asked for \(0 samples\)", "geen bootstrap gevraagd (0 steekproeven)"),
    (
        r"cu-alpha is computed per cluster \(and Cu-alpha overall\)",
        "cu-alfa geldt per cluster (en Cu-alfa voor het totaal)",
    ),
    (
        r"an interval resamples documents; one document alone has none",
        "het interval trekt documenten; één document alleen heeft er geen",
    ),
    (
        r"the interval resamples documents, and only one document contributes",
        "het interval trekt documenten, en er draagt maar één document bij",
    ),
    (
        r"Cu-alpha compares top-level clusters, and fewer than two are in scope",
        "Cu-alfa vergelijkt hoofdclusters, en er zijn er minder dan twee",
    ),
    (
        r"(.+): (.+) did not code this document \(no codings, not assigned\); "
        r"their values are missing",
        r"\1: \2 codeerde dit document niet (geen coderingen, niet toegewezen); hun waarden "
        r"ontbreken",
    ),
)


def translate(text: str, language: str) -> str:
    if language != "nl":
        return text
    for pattern, replacement in _DUTCH:
        if re.fullmatch(pattern, text):
            return re.sub(pattern, replacement, text)
    return text


def fmt(value: float, digits: int = 3) -> str:
    """A figure as printed; never ``-0.000`` (a tiny negative rounds to plain zero)."""
    if math.isnan(value):
        return "–"
    text = f"{value:.{digits}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def interval(low: float, high: float) -> str:
    return "–" if math.isnan(low) else f"{fmt(low)} – {fmt(high)}"


def _shade(cell: Any, colour: str) -> None:
    props = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), colour)
    props.append(fill)


def _table(doc: Any, rows: Sequence[Sequence[str]], widths: Sequence[float], header: bool) -> Any:
    table = doc.add_table(rows=len(rows), cols=len(widths))
    table.style = TABLE_STYLE
    table.autofit = False
    # LibreOffice lays out by the grid, Word by the cells: set both.
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for n, (row, values) in enumerate(zip(table.rows, rows, strict=True)):
        props = row._tr.get_or_add_trPr()
        keep = OxmlElement("w:cantSplit")  # a row never breaks across pages
        keep.set(qn("w:val"), "true")
        props.append(keep)
        if header and n == 0:
            repeat = OxmlElement("w:tblHeader")  # the header row repeats on every page
            repeat.set(qn("w:val"), "true")
            props.append(repeat)
        for cell, value, width in zip(row.cells, values, widths, strict=True):
            cell.width = Cm(width)
            cell.text = value
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(TABLE_FONT_PT)
    return table


def _settings(result: AgreementResult, words: dict[str, str], language: str) -> list[list[str]]:
    s = result.settings
    character = s.unit == "character"
    unit = UNITS_NL.get(s.unit, s.unit) if language == "nl" else s.unit
    rows = [
        [words["coders"], ", ".join(s.coders)],
        [words["unit"], unit],
        [words["codes"], ", ".join(s.codes) or words["all_codes"]],
        [words["coefficients"], words["coef_char" if character else "coef_unit"]],
    ]
    if not character:
        rows.append([words["threshold"], words["threshold_text"].format(t=s.threshold)])
    what = words["over_documents" if character else "over_units"]
    rows.append(
        [
            words["bootstrap"],
            words["bootstrap_text"].format(n=s.bootstrap, seed=s.seed, what=what)
            if s.bootstrap
            else words["bootstrap_none"],
        ]
    )
    rows.append(
        [
            words["thresholds"],
            words["thresholds_text"].format(r=f"{RELIABLE:.3f}", t=f"{TENTATIVE:.3f}"),
        ]
    )
    return rows


def _figure_rows(rows: Sequence[Figures], character: bool) -> list[list[str]]:
    out = []
    for f in rows:
        alpha = fmt(f.alpha) + (" !" if f.low_data else "")
        if character:
            out.append(
                [
                    f.label,
                    alpha,
                    interval(f.ci_low, f.ci_high),
                    fmt(f.u_alpha),
                    interval(f.u_ci_low, f.u_ci_high),
                    fmt(f.cu_alpha),
                    str(f.n_coded),
                ]
            )
        else:
            out.append(
                [
                    f.label,
                    fmt(f.percent * 100, 1),
                    fmt(f.cohen),
                    fmt(f.scott),
                    fmt(f.fleiss),
                    alpha,
                    interval(f.ci_low, f.ci_high),
                    str(f.n_units),
                    str(f.n_coded),
                ]
            )
    return out


def _legend(doc: Any, rows: Sequence[Figures], character: bool, words: dict[str, str]) -> None:
    """Under a table, once: what ``!`` means and why cells are empty."""
    lines = []
    if any(f.low_data for f in rows):
        what = words["thin_segments" if character else "thin_units"]
        lines.append(words["thin"].format(what=what))
    shown = (
        ("alpha", "ci_low", "u_alpha", "u_ci_low", "cu_alpha")
        if character
        else ("alpha", "ci_low", "cohen", "scott")
    )
    reasons: Counter[str] = Counter()  # rows per reason
    for f in rows:
        found = {f.reason_for(name) for name in shown if math.isnan(getattr(f, name))}
        for why in found - {None}:
            reasons[str(why)] += 1
    language = "nl" if words is LABELS["nl"] else "en"
    for why, n in sorted(reasons.items(), key=lambda item: -item[1]):
        lines.append(words["undefined"].format(reason=translate(why, language), n=n))
    for line in lines:
        paragraph = doc.add_paragraph(line)
        for run in paragraph.runs:
            run.font.size = Pt(TABLE_FONT_PT)
        paragraph.paragraph_format.space_after = Pt(0)


def write_docx(result: AgreementResult, path: Path, *, language: str = "en") -> None:
    if language not in LABELS:
        raise ValueError(f"agreement report language must be one of {', '.join(LABELS)}")
    words = LABELS[language]
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    doc.add_heading(words["title"], level=0)
    doc.add_heading(words["settings"], level=1)
    _table(doc, _settings(result, words, language), SETTINGS_WIDTHS, header=False)
    s = result.settings
    doc.add_heading(words["documents"], level=1)
    doc.add_paragraph(words["documents_intro"].format(n=len(s.contributing), m=len(s.documents)))
    doc_rows = [[words["document"], words["contributes"]]]
    doc_rows += [[name, words["yes"]] for name in s.contributing]
    doc_rows += [[name, translate(why, language)] for name, why in s.left_out]
    _table(doc, doc_rows, DOCUMENT_WIDTHS, header=True)
    character = s.unit == "character"
    head = (
        [words["code"], words["binary"], words["ci"], "uα", words["ci"], "cu-α", words["segments"]]
        if character
        else [
            words["code"],
            words["percent"],
            "Cohen κ",
            "Scott π",
            "Fleiss κ",
            "α",
            words["ci"],
            words["units"],
            words["coded"],
        ]
    )
    widths = CHARACTER_WIDTHS if character else UNIT_WIDTHS
    levels = words["levels"].split("|")
    overall = result.overall
    if overall.label == "overall":
        overall = replace(overall, label=words["overall"])
    levels_rows = (result.codes, result.clusters, result.documents, (overall,))
    sections = zip(levels, levels_rows, strict=True)
    landscape_section(doc)
    first_column = (words["code"], words["cluster"], words["document"], "")
    for (title, rows), label in zip(sections, first_column, strict=True):
        if not rows:
            continue
        doc.add_heading(title, level=1)
        table = _table(
            doc, [[label, *head[1:]], *_figure_rows(rows, character)], widths, header=True
        )
        shaded = (1, 3) if character else (5,)
        for f, row in zip(rows, table.rows[1:], strict=True):
            for column in shaded:
                value = f.alpha if column in (1, 5) else f.u_alpha
                band = "undefined" if f.low_data or math.isnan(value) else _band(value)
                _shade(row.cells[column], SHADE[band])
        _legend(doc, rows, character, words)
    doc.add_paragraph(words["shading"].format(r=f"{RELIABLE:.3f}", t=f"{TENTATIVE:.3f}"))
    notes = [
        n
        for n in result.notes
        if "add nothing" not in n and "left out" not in n  # the documents table says it
    ]
    portrait_section(doc)
    if notes:
        doc.add_heading(words["notes"], level=1)
        for note in notes:
            doc.add_paragraph(translate(note, language), style="List Bullet")
    _disagreements(doc, result, words)
    doc.save(str(path))


def _band(value: float) -> str:
    return "reliable" if value >= RELIABLE else "tentative" if value >= TENTATIVE else "low"


def _disagreements(doc: Any, result: AgreementResult, words: dict[str, str]) -> None:
    doc.add_heading(words["disagreements"].format(n=len(result.disagreements)), level=1)
    for d in result.disagreements:
        where = words["where"].format(doc=d.document, p=d.paragraph or "?")
        if d.turn is not None:
            where += f" ({words['turn'].format(n=d.turn, speaker=d.speaker)})"
        heading = doc.add_paragraph()
        heading.add_run(where).bold = True
        heading.paragraph_format.keep_with_next = True
        text = " ".join(d.text.split())
        if len(text) > MAX_QUOTE:
            text = text[: MAX_QUOTE - 1].rsplit(" ", 1)[0] + " …"
        quote = doc.add_paragraph(text, style="Quote")
        quote.paragraph_format.keep_with_next = True
        for n, entry in enumerate(d.by_coder):
            item = doc.add_paragraph(
                f"{entry.coder}: {'; '.join(entry.codes) or words['nothing']}", style="List Bullet"
            )
            if n < len(d.by_coder) - 1:
                item.paragraph_format.keep_with_next = True
