"""Character positions between REFI-QDA files and stored document text.

The standard counts Unicode code points from 0, end exclusive, over the plain text as
stored in the file. NVivo (Windows and Mac) counts UTF-16 code units instead, so every
character outside the Basic Multilingual Plane (emoji) counts twice; on Windows its
texts also use CRLF, counted as two. Qualcode stores text with LF line ends and indexes
it in code points.

:class:`PositionMap` turns a position in the file's unit over the file's raw text (BOM
already removed) into a code-point index into the stored, LF-only text, in O(log n) per
position (bisect over the emoji and CRLF positions, not a table per character).
"""

from __future__ import annotations

import bisect
import codecs

UNITS = ("codepoint", "utf16")


class PositionError(ValueError):
    """A position that does not fall on a character of the text."""


def decode_source(data: bytes) -> str:
    """Text of a source file: UTF-8 (BOM stripped) or UTF-16 with a BOM.

    Newlines are not touched here; :func:`normalise_newlines` does that with a map.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return data.decode("utf-16")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Old exports in a Windows code page; every byte decodes, positions still count
        # characters.
        return data.decode("cp1252", errors="replace")


def normalise_newlines(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


class PositionMap:
    """Converts positions in ``unit`` over ``raw`` into indexes into the stored text."""

    def __init__(self, raw: str, unit: str = "codepoint") -> None:
        if unit not in UNITS:
            raise ValueError(f"unknown position unit {unit!r}")
        self.unit = unit
        self.raw_length = len(raw)
        self.text = normalise_newlines(raw)
        # Code-point index of each "\r" that starts a CRLF pair (they vanish in the text).
        self._crlf = _find_all(raw, "\r\n")
        # For UTF-16: the unit offset at which each astral character starts.
        self._astral_units: list[int] = []
        if unit == "utf16":
            seen = 0
            for index, char in enumerate(raw):
                if ord(char) > 0xFFFF:
                    self._astral_units.append(index + seen)
                    seen += 1
        self.unit_length = self.raw_length + len(self._astral_units)

    def has_astral(self) -> bool:
        return bool(self._astral_units)

    def to_index(self, position: int) -> int:
        """Index into the stored text for a position in the file's unit."""
        if position < 0 or position > self.unit_length:
            raise PositionError(
                f"position {position} lies outside the text (0-{self.unit_length} {self.unit})"
            )
        code_point = position
        if self._astral_units:
            before = bisect.bisect_left(self._astral_units, position)
            if before and position == self._astral_units[before - 1] + 1:
                raise PositionError(f"position {position} falls inside an emoji (UTF-16)")
            code_point = position - before
        # Each CRLF before the position became one LF; a position between "\r" and "\n"
        # lands on the LF, i.e. at the line end.
        return code_point - bisect.bisect_left(self._crlf, code_point)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_index(start), self.to_index(end)


def _find_all(text: str, needle: str) -> list[int]:
    found: list[int] = []
    index = text.find(needle)
    while index != -1:
        found.append(index)
        index = text.find(needle, index + len(needle))
    return found
