"""Write an agreement result as a Word report or as CSV files.

Word: settings, one table per level (code, cluster, document, overall) with the alpha
cells shaded by Krippendorff's thresholds (green >= .800, amber >= .667, red below, grey
undefined or too little data), notes, then the disagreement list with its text.

CSV: ``REPORT.csv`` holds the settings (rows of kind ``setting``) and every figure, one
row each; ``REPORT_disagreements.csv`` next to it holds the disagreements.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

from qualcode.core.agreement_project import RELIABLE, TENTATIVE, AgreementResult, Figures

SHADE = {"reliable": "C6EFCE", "tentative": "FFEB9C", "low": "FFC7CE", "undefined": "EDEDED"}
FIGURE_COLUMNS = (
    "kind",
    "label",
    "percent",
    "cohen",
    "fleiss",
    "alpha",
    "ci_low",
    "ci_high",
    "p_below_667",
    "cu_alpha",
    "coverage",
    "units",
    "pairable",
    "coded",
    "band",
    "low_data",
    "note",
)
TABLE_STYLE = "Light Grid Accent 1"


def write_report(result: AgreementResult, path: str | Path) -> Path:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        write_docx(result, p)
    elif suffix == ".csv":
        write_csv(result, p)
    else:
        raise ValueError(f"{p}: a report must be .docx or .csv")
    return p


def _num(value: float, digits: int = 3) -> str:
    return "" if math.isnan(value) else f"{value:.{digits}f}"


def _band(f: Figures) -> str:
    return "too little data" if f.low_data and not math.isnan(f.alpha) else f.band


def settings_rows(result: AgreementResult) -> list[tuple[str, str]]:
    s = result.settings
    rows = [
        ("coders", ", ".join(s.coders)),
        ("unit", s.unit),
        ("documents", f"{len(s.documents)}: {', '.join(s.documents)}"),
        ("codes", ", ".join(s.codes) or "all"),
    ]
    if s.unit == "character":
        rows.append(
            (
                "coefficients",
                "binary unitizing alpha; cu-alpha per cluster; "
                "Cu-alpha across top-level clusters (overall row)",
            )
        )
    else:
        rows += [
            ("threshold", f"a unit counts as coded when codings cover more than {s.threshold:g}"),
            ("bootstrap", f"{s.bootstrap} samples, seed {s.seed}, 95% percentile interval"),
            (
                "coefficients",
                "percent agreement, Cohen's kappa (two coders), Fleiss' kappa, "
                "Krippendorff's alpha (nominal) on binary code x unit matrices",
            ),
        ]
    rows.append(
        (
            "thresholds",
            f"alpha >= {RELIABLE:.3f} reliable; >= {TENTATIVE:.3f} "
            "tentative conclusions only (Krippendorff)",
        )
    )
    return rows


def _figure_row(f: Figures) -> list[str]:
    return [
        f.kind,
        f.label,
        _num(f.percent, 4),
        _num(f.cohen, 4),
        _num(f.fleiss, 4),
        _num(f.alpha, 4),
        _num(f.ci_low, 4),
        _num(f.ci_high, 4),
        _num(f.p_below_tentative, 4),
        _num(f.cu_alpha, 4),
        _num(f.coverage, 4),
        str(f.n_units),
        str(f.n_pairable),
        str(f.n_coded),
        _band(f),
        "yes" if f.low_data else "",
        f.note,
    ]


def write_csv(result: AgreementResult, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(FIGURE_COLUMNS)
        for key, value in settings_rows(result):
            writer.writerow(["setting", key, *[""] * (len(FIGURE_COLUMNS) - 3), value])
        for f in result.all_figures():
            writer.writerow(_figure_row(f))
    dis = path.with_name(f"{path.stem}_disagreements.csv")
    with dis.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        coders = result.settings.coders
        writer.writerow(["document", "start", "end", "disputed", *coders, "text"])
        for d in result.disagreements:
            writer.writerow(
                [
                    d.document,
                    d.start,
                    d.end,
                    "; ".join(d.disputed),
                    *("; ".join(d.codes_of(c)) for c in coders),
                    d.text,
                ]
            )


# A wide first column keeps code paths readable; figures need little room.
UNIT_WIDTHS_CM = (5.2, 1.5, 1.5, 1.5, 1.5, 2.6, 1.3, 1.2)
CHARACTER_WIDTHS_CM = (7.5, 2.0, 2.0, 2.0, 2.4)
TABLE_FONT_PT = 9


def _fit_columns(table: Any, widths_cm: tuple[float, ...]) -> None:
    from docx.shared import Cm, Pt

    # LibreOffice reads the grid, Word the cells: set both.
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_FONT_PT)


def write_docx(result: AgreementResult, path: Path) -> None:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    doc = Document()
    doc.add_heading("Inter-coder agreement", level=0)
    doc.add_heading("Settings", level=1)
    table = doc.add_table(rows=0, cols=2)
    table.style = TABLE_STYLE
    for key, value in settings_rows(result):
        cells = table.add_row().cells
        cells[0].text, cells[1].text = key, value

    def shade(cell: object, colour: str) -> None:
        props = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
        fill = OxmlElement("w:shd")
        fill.set(qn("w:val"), "clear")
        fill.set(qn("w:color"), "auto")
        fill.set(qn("w:fill"), colour)
        props.append(fill)

    character = result.settings.unit == "character"
    head = (
        ["", "binary alpha", "cu-alpha", "segments", "length"]
        if character
        else ["", "% agree", "Cohen", "Fleiss", "alpha", "95% CI", "units", "coded"]
    )
    sections = (
        ("Per code", result.codes),
        ("Per cluster", result.clusters),
        ("Per document", result.documents),
        ("Overall", (result.overall,)),
    )
    for title, rows in sections:
        if not rows:
            continue
        doc.add_heading(title, level=1)
        table = doc.add_table(rows=1, cols=len(head))
        table.style = TABLE_STYLE
        table.autofit = False
        for cell, text in zip(table.rows[0].cells, head, strict=True):
            cell.text = text
        for f in rows:
            if character:
                values = [
                    f.label,
                    _num(f.alpha),
                    _num(f.cu_alpha),
                    str(f.n_coded),
                    str(f.n_pairable),
                ]
            else:
                ci = "" if math.isnan(f.ci_low) else f"{f.ci_low:.3f} to {f.ci_high:.3f}"
                values = [
                    f.label,
                    _num(f.percent * 100, 1),
                    _num(f.cohen),
                    _num(f.fleiss),
                    _num(f.alpha),
                    ci,
                    str(f.n_units),
                    str(f.n_coded),
                ]
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                cell.text = text
            alpha_col = 1 if character else 4
            shade(cells[alpha_col], SHADE["undefined" if f.low_data else f.band])
        _fit_columns(table, CHARACTER_WIDTHS_CM if character else UNIT_WIDTHS_CM)
    doc.add_paragraph(
        f"Shading: green alpha >= {RELIABLE:.3f}, amber >= {TENTATIVE:.3f}, red below, "
        "grey undefined or resting on too little data."
    )
    flagged = [f for f in result.all_figures() if f.low_data]
    if flagged or result.notes:
        doc.add_heading("Notes", level=1)
        for f in flagged:
            doc.add_paragraph(f"{f.kind} {f.label}: {f.note}", style="List Bullet")
        for note in result.notes:
            doc.add_paragraph(note, style="List Bullet")
    doc.add_heading(f"Disagreements ({len(result.disagreements)})", level=1)
    for d in result.disagreements:
        para = doc.add_paragraph()
        para.add_run(f"{d.document}, {d.start}-{d.end}").bold = True
        doc.add_paragraph(d.text, style="Quote")
        for entry in d.by_coder:
            doc.add_paragraph(
                f"{entry.coder}: {'; '.join(entry.codes) or '(nothing)'}", style="List Bullet"
            )
    doc.save(str(path))
