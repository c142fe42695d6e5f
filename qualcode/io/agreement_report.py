"""Write an agreement result as a Word report (``agreement_docx``) or as CSV files.

CSV: ``REPORT.csv`` holds the settings (rows of kind ``setting``) and every figure, one
row each; ``REPORT_disagreements.csv`` next to it holds the disagreements.
"""

from __future__ import annotations

import csv
import math
import os
from pathlib import Path

from qualcode.core.agreement_project import RELIABLE, TENTATIVE, AgreementResult, Figures

SHADE = {"reliable": "C6EFCE", "tentative": "FFEB9C", "low": "FFC7CE", "undefined": "EDEDED"}
FIGURE_COLUMNS = (
    "kind",
    "label",
    "percent",
    "cohen",
    "scott",
    "fleiss",
    "alpha",
    "ci_low",
    "ci_high",
    "p_below_667",
    "u_alpha",
    "u_ci_low",
    "u_ci_high",
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


def write_report(result: AgreementResult, path: str | Path, *, language: str = "en") -> Path:
    """Write ``result`` as .docx (in ``language``: en or nl) or .csv; the file is 0600."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".docx":
        from qualcode.io.agreement_docx import write_docx

        write_docx(result, p, language=language)
    elif suffix == ".csv":
        write_csv(result, p)
    else:
        raise ValueError(f"{p}: a report must be .docx or .csv")
    os.chmod(p, 0o600)  # disagreements quote the transcripts
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
        (
            "documents",
            f"{len(s.contributing)} of {len(s.documents)} contribute: " + ", ".join(s.contributing),
        ),
        *(("left out", f"{name}: {why}") for name, why in s.left_out),
        ("codes", ", ".join(s.codes) or "all"),
    ]
    if s.unit == "character":
        rows.append(
            (
                "coefficients",
                "binary unitizing alpha and u-alpha; cu-alpha per cluster; "
                "Cu-alpha across top-level clusters (overall row)",
            )
        )
        rows.append(
            ("bootstrap", f"{s.bootstrap} samples, seed {s.seed}, 95% percentile, over documents")
        )
    else:
        rows += [
            ("threshold", f"a unit counts as coded when codings cover more than {s.threshold:g}"),
            ("bootstrap", f"{s.bootstrap} samples, seed {s.seed}, 95% percentile, over units"),
            (
                "coefficients",
                "percent agreement, Cohen's kappa and Scott's pi (two coders), Fleiss' kappa, "
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
        _num(f.scott, 4),
        _num(f.fleiss, 4),
        _num(f.alpha, 4),
        _num(f.ci_low, 4),
        _num(f.ci_high, 4),
        _num(f.p_below_tentative, 4),
        _num(f.u_alpha, 4),
        _num(f.u_ci_low, 4),
        _num(f.u_ci_high, 4),
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
        writer.writerow(
            [
                "document",
                "paragraph",
                "turn",
                "speaker",
                "start",
                "end",
                "disputed",
                *coders,
                "text",
            ]
        )
        for d in result.disagreements:
            writer.writerow(
                [
                    d.document,
                    d.paragraph,
                    d.turn or "",
                    d.speaker or "",
                    d.start,
                    d.end,
                    "; ".join(d.disputed),
                    *("; ".join(d.codes_of(c)) for c in coders),
                    d.text,
                ]
            )
