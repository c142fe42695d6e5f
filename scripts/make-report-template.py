"""Write resources/report/qualcode-report.docx, the template Word reports start from.

It is python-docx's own template with our house style applied once (A4, margins,
indented block quotes, TOC styles, table type size; see
qualcode.io.report.docx_parts.prepare_styles). Open it in Word to restyle every report:
change the Heading, Quote, Caption and table styles and save. Rerun this script only to
start over from the defaults:  .venv/bin/python scripts/make-report-template.py
"""

from pathlib import Path

import docx

from qualcode.io.report.docx_parts import prepare_styles

TARGET = Path(__file__).resolve().parents[1] / "resources" / "report" / "qualcode-report.docx"


def main() -> int:
    doc = docx.Document()
    prepare_styles(doc, "nl")
    props = doc.core_properties
    props.title, props.author, props.comments = "", "Qualcode", ""
    props.category = "Qualcode report"
    props.revision = 1
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(TARGET))
    print(TARGET)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
