"""The Word report per intervention (or any document attribute); see :mod:`.builder`."""

from qualcode.io.report.builder import ReportResult, write_report
from qualcode.io.report.labels import LANGUAGES

__all__ = ["LANGUAGES", "ReportResult", "write_report"]
