"""Residual-identifier checks and pseudonymisation for transcripts (no Qt, no network)."""

from qualcode.io.anonymise.check import CheckReport, Finding, check, check_report
from qualcode.io.anonymise.pseudonymise import pseudonymise

__all__ = ["CheckReport", "Finding", "check", "check_report", "pseudonymise"]
