"""Read a transcript file (.docx, .odt, .txt, .md) into the text Qualcode stores.

The stored text is what every coding offset points into: offsets are Python ``str``
indices, i.e. Unicode code points. Decisions, so that they stay stable across versions:

* Plain text (.txt/.md): the text is the decoded file with CRLF/CR turned into LF and a
  byte-order mark dropped; nothing else changes (no Unicode normalisation, no trimming).
  A UTF-8 file with LF line ends is therefore stored byte for byte.
  Paragraphs are the non-blank lines (offsets exclude surrounding blanks), because most
  transcribers put one speaker turn per line. A hard-wrapped file (long runs of lines of
  similar width) is read as blank-line-separated blocks instead, so sentences are not cut
  at the wrap.
* Word and OpenDocument: paragraphs (and table rows) in document order, joined by a
  blank line ("\\n\\n"). A table row is one paragraph with its cells joined by a tab, as
  transcripts laid out as [speaker | text] tables read naturally that way. Empty
  paragraphs are dropped. Headers, footers, comments, footnotes and endnotes are not part
  of the text (they would shift offsets and are rarely transcript content); they go into
  ``notes`` as labelled lines so nothing is silently lost.
* Files above ``max_bytes`` (50 MB by default, about 30 times the largest realistic
  90-minute transcript) are refused before reading, to keep a stray video or archive
  from exhausting memory.
"""

from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.core.errors import QualcodeError
from qualcode.io import limits as lim

SUPPORTED_SUFFIXES = (".docx", ".txt", ".md", ".odt")
DEFAULT_MAX_BYTES = 50_000_000

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# A text file where more than this share of characters are control characters (other
# than tab/newline/form feed) is almost certainly binary decoded by accident.
MAX_CONTROL_RATIO = 0.01


class TranscriptError(QualcodeError, ValueError):
    """A transcript cannot be read; ``str()`` is ``"<file name>: <problem>"``."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path.name}: {message}")


@dataclass
class ExtractedText:
    """The text to store plus the layout facts later steps need."""

    text: str
    source_format: str  # "docx" | "txt" | "md" | "odt"
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    # Spans of formatting that marks a speaker label at a paragraph start: bold runs in
    # Word/ODT/Markdown, or the first cell of a table row.
    bold_prefixes: list[tuple[int, int]] = field(default_factory=list)
    notes: str = ""
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_transcript(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, limits: lim.Limits | None = None
) -> ExtractedText:
    """Read one transcript; raise :class:`TranscriptError` for anything unusable.

    Every limit (zip members, XML size and depth, lines, characters) is checked before
    the real parser runs; a file over one raises :class:`~qualcode.io.limits.LimitError`.
    """
    path = Path(path)
    limits = limits or lim.DEFAULT.scaled(max_bytes if max_bytes != DEFAULT_MAX_BYTES else None)
    try:
        return _read(path, limits)
    except lim.LimitError as exc:
        raise TranscriptError(path, exc.message) from exc


def _read(path: Path, limits: lim.Limits) -> ExtractedText:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise TranscriptError(
            path, f"unsupported file type {suffix or '(none)'}; use .docx, .odt, .txt or .md"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TranscriptError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if size == 0:
        raise TranscriptError(path, "file is empty")
    try:
        data = lim.read_bounded(path, limits)
    except OSError as exc:
        raise TranscriptError(path, f"cannot read file ({exc.strerror or exc})") from exc

    if suffix in (".docx", ".odt"):
        _check_package(path, data, limits)
    if suffix == ".docx":
        from qualcode.io.transcripts import _docx  # lazy: python-docx/lxml cost import time

        result = _docx.extract_docx(path, data)
    elif suffix == ".odt":
        from qualcode.io.transcripts import _odt

        result = _odt.extract_odt(path, data, max_chars=limits.text_chars)
    else:
        result = extract_plain(path, data, source_format=suffix[1:], limits=limits)
    lim.check_text(result.text, path, limits)
    if not result.text.strip():
        raise TranscriptError(path, "no text found")
    return result


def _check_package(path: Path, data: bytes, limits: lim.Limits) -> None:
    """Zip members and every XML part, before python-docx or odfpy inflate anything."""
    if data.startswith(OLE2_MAGIC):
        return  # the format reader explains encrypted/old Word files
    try:
        lim.check_zip_xml(data, path, limits)
    except lim.ArchiveError as exc:
        kind = path.suffix.lower()
        raise TranscriptError(path, f"corrupt or unsafe {kind} file: {exc.message}") from exc


# --- plain text -----------------------------------------------------------------------

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """Decode bytes to text; return (text, encoding name). BOMs are removed."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict_decode(path, data[len(bom) :], encoding), encoding + " (BOM)"
    guessed = _guess_bomless_utf16(data)
    if guessed:
        return _strict_decode(path, data, guessed), guessed
    if b"\x00" in data:
        raise TranscriptError(path, "looks like a binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        _refuse_nearly_utf8(path, data, exc)
    # Not UTF-8: old Word "save as text" output is Windows-1252; a few bytes are undefined
    # there, and Latin-1 maps every byte, so it is the last resort.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


# A multi-byte UTF-8 sequence: in a Windows-1252 file these byte pairs are rare
# ("Ã©"-like mojibake), so finding several means the file was meant as UTF-8.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _refuse_nearly_utf8(path: Path, data: bytes, exc: UnicodeDecodeError) -> None:
    """A UTF-8 file with a few bad bytes is reported, not silently read as Windows-1252."""
    valid = len(_UTF8_MULTIBYTE.findall(data, 0, 2_000_000))
    if valid == 0:
        return
    # Each invalid sequence decodes to one U+FFFD; subtract the ones written on purpose.
    bad = data.decode("utf-8", "replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad > valid:
        return  # mostly non-UTF-8 high bytes: a genuine legacy encoding
    line = data.count(b"\n", 0, exc.start) + 1
    raise TranscriptError(
        path,
        f"UTF-8 text with {bad} invalid byte sequence(s), the first at line {line}, "
        f"byte offset {exc.start} (0x{data[exc.start]:02x}); fix those bytes or save the "
        "file again as UTF-8",
    )


def _strict_decode(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise TranscriptError(
            path, f"cannot decode as {encoding} (bad bytes at offset {exc.start})"
        ) from exc


def _guess_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: Latin-script text has a NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nul = sample[0::2].count(0) / (len(sample) / 2)
    odd_nul = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _check_not_binary(path: Path, text: str) -> None:
    sample = text[:100_000]
    controls = len(_CONTROL.findall(sample))
    # A stray control character or two is a transcription glitch, not binary content.
    if controls > 3 and controls / len(sample) > MAX_CONTROL_RATIO:
        raise TranscriptError(path, "looks like a binary file (many control characters)")


_LABEL_START = re.compile(r"[^\s:]{1,25}(?: [^\s:]{1,25}){0,2}:")


def extract_plain(
    path: Path, data: bytes, *, source_format: str = "txt", limits: lim.Limits = lim.DEFAULT
) -> ExtractedText:
    text, encoding = decode_text(path, data)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    _check_not_binary(path, text)
    lim.check_text(text, path, limits)
    lines = line_spans(text)
    warnings: list[str] = []
    if _looks_hard_wrapped(text, lines):
        paragraphs = _block_spans(text, lines)
        warnings.append("lines look hard-wrapped: paragraphs are blank-line separated blocks")
    else:
        paragraphs = lines
    bold = _markdown_bold_prefixes(text, paragraphs) if source_format == "md" else []
    return ExtractedText(
        text=text,
        source_format=source_format,
        paragraphs=paragraphs,
        bold_prefixes=bold,
        encoding=encoding,
        warnings=warnings,
    )


def line_spans(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines with leading/trailing whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos = end + 1
    return spans


def _looks_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Most lines continue into the next one and share one maximum width."""
    if len(lines) < 10:
        return False
    widths = sorted(end - start for start, end in lines)
    p90 = widths[int(len(widths) * 0.9)]
    if p90 > 100 or p90 < 40:
        return False
    # Consecutive non-blank lines (no blank line between) mean wrapped prose.
    adjacent = sum(
        1
        for (_, end), (start, _) in itertools.pairwise(lines)
        if "\n\n" not in text[end:start] and text[end:start].count("\n") == 1
    )
    near_width = sum(1 for w in widths if w >= p90 * 0.75)
    # One speaker label per line means one turn per line, however even the widths are.
    labelled = sum(1 for start, end in lines if _LABEL_START.match(text, start, end))
    if labelled > 0.2 * len(lines):
        return False
    return adjacent > 0.6 * len(lines) and near_width > 0.5 * len(lines)


def _block_spans(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if blocks and text[blocks[-1][1] : start].count("\n") < 2:
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


_MD_BOLD = re.compile(r"(?:\*\*|__)[^*_\n]{1,60}?(?:\*\*|__)(?::)?")


def _markdown_bold_prefixes(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = []
    for start, end in paragraphs:
        match = _MD_BOLD.match(text, start, end)
        if match:
            spans.append((start, match.end()))
    return spans
