"""Transcript import: read files, find speaker turns, segment into units, batch import.

The reading steps are pure (no database); ``batch`` puts documents into a project.
"""

from qualcode.io.transcripts.extract import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    ExtractedText,
    TranscriptError,
    read_transcript,
)
from qualcode.io.transcripts.segment import Unit, guess_language, segment
from qualcode.io.transcripts.speakers import Turn, detect_turns

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "ExtractedText",
    "TranscriptError",
    "Turn",
    "Unit",
    "detect_turns",
    "guess_language",
    "read_transcript",
    "segment",
]
