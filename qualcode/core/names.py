"""Names typed or imported by people: safe to store, print and show.

A file name, coder name or sheet cell can hold terminal escapes (``\\x1b[2J``), newlines
that forge extra output lines, bidirectional overrides that reorder what is shown, or
100,000 characters. Names are cleaned when they enter the project; untrusted text is
made printable (one line, capped) wherever it is echoed.
"""

from __future__ import annotations

import re

# C0/C1 controls, zero-width and bidirectional formatting characters, line separators.
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
MAX_NAME_CHARS = 200
MAX_LINE_CHARS = 500


def clean_name(name: str, limit: int = MAX_NAME_CHARS) -> str:
    """Control characters become spaces, runs of whitespace one space, length capped."""
    return " ".join(_CONTROL_CHARS.sub(" ", name).split())[:limit].strip()


def printable(text: str, limit: int = MAX_LINE_CHARS) -> str:
    """Untrusted text for one line of output: controls shown as ``?``, at most ``limit``."""
    cleaned = _CONTROL_CHARS.sub("?", text)
    if len(cleaned) > limit:
        cleaned = cleaned[: limit - 30] + f"... ({len(cleaned):,} characters)"
    return cleaned
