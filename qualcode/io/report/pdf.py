"""``--pdf``: the Word report as a PDF with page numbers in its contents list.

A .docx stores the table of contents as a field that the word processor fills in; a PDF
made straight from it would list the chapters without page numbers. So the conversion
runs a headless LibreOffice that first updates every index, then exports
(``office_convert.py``, run by a Python that has LibreOffice's ``uno`` module).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from qualcode.core.errors import QualcodeError

CONVERT_SCRIPT = Path(__file__).with_name("office_convert.py")
TIMEOUT_SECONDS = 300
_UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python")


class PdfError(QualcodeError):
    """LibreOffice is missing or the conversion failed."""


def find_office() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _uno_python() -> str | None:
    for candidate in (sys.executable, *_UNO_PYTHONS):
        if not Path(candidate).exists():
            continue
        probe = subprocess.run(
            [candidate, "-c", "import uno"], capture_output=True, timeout=60, check=False
        )
        if probe.returncode == 0:
            return candidate
    return None


def available() -> bool:
    return find_office() is not None and _uno_python() is not None


def convert_to_pdf(source: Path, target: Path | None = None) -> Path:
    """Write ``target`` (default: ``source`` with .pdf) from the .docx ``source``."""
    target = target or source.with_suffix(".pdf")
    office = find_office()
    python = _uno_python() if office else None
    if office is None or python is None:
        raise PdfError(
            f"{target}: --pdf needs LibreOffice Writer with its Python bridge "
            "(Debian: apt-get install libreoffice-writer python3-uno); the .docx was written"
        )
    with tempfile.TemporaryDirectory(prefix="qualcode-office-") as profile:
        try:
            run = subprocess.run(
                [python, str(CONVERT_SCRIPT), office, str(source), str(target), profile],
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise PdfError(f"{target}: LibreOffice took over {TIMEOUT_SECONDS} s") from None
    if run.returncode != 0 or not target.exists():
        detail = (run.stderr.strip().splitlines() or ["no output"])[-1]
        raise PdfError(f"{target}: the PDF conversion failed ({detail})")
    os.chmod(target, 0o600)
    return target
