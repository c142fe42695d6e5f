"""Limits checked before any file from outside is parsed.

Every importer reads files that other people made (transcripts, sheets, codebooks,
exchange files), so a file must not be able to make a reader take minutes or gigabytes.
The checks here are cheap and run *before* the real parser: zip members by their
directory entry and a bounded read, XML by a streaming scan that counts elements and
depth without building a tree, YAML with a loader that refuses aliases and caps depth,
JSON by a bracket scan, text by counting lines. Each failure is a :class:`LimitError`
whose message says which limit was hit and how to raise it (``--max-size``).

The defaults are far above real research material: a 90-minute interview is about
100,000 characters, 2,000 lines and, as Word XML, 2-5 MB with some 50,000 elements.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from qualcode.core.errors import QualcodeError
from qualcode.core.names import clean_name, printable

__all__ = ["DEFAULT", "ArchiveError", "LimitError", "Limits", "clean_name", "printable"]

MB = 1_000_000


@dataclass(frozen=True)
class Limits:
    """Caps for one import; ``scaled`` raises the size-like ones together."""

    file_bytes: int = 50 * MB  # the file on disk
    member_bytes: int = 50 * MB  # one zip member, uncompressed
    total_uncompressed: int = 200 * MB  # all zip members together
    # Uncompressed/compressed; only judged for members above 1 MB, since small XML parts
    # legitimately compress 100x and more.
    ratio: float = 100.0
    members: int = 10_000
    xml_elements: int = 1_000_000
    xml_depth: int = 100
    text_chars: int = 50 * MB  # characters of text a reader may produce
    lines: int = 500_000
    line_chars: int = 1 * MB  # spaCy's own default max_length per text
    tree_depth: int = 100  # YAML/JSON containers nested in each other
    rows: int = 1_000_000  # CSV/XLSX data rows

    def scaled(self, max_size: int | None) -> Limits:
        """Limits for ``--max-size BYTES``: the size caps grow in proportion."""
        if not max_size or max_size <= self.file_bytes:
            return self if not max_size else replace(self, file_bytes=max_size)
        factor = max_size / self.file_bytes
        return replace(
            self,
            file_bytes=max_size,
            member_bytes=int(self.member_bytes * factor),
            total_uncompressed=int(self.total_uncompressed * factor),
            xml_elements=int(self.xml_elements * factor),
            text_chars=int(self.text_chars * factor),
            lines=int(self.lines * factor),
            rows=int(self.rows * factor),
        )


DEFAULT = Limits()
RAISE_HINT = "raise the limit with --max-size BYTES if the file is genuine"


class LimitError(QualcodeError, ValueError):
    """A file exceeds a limit; ``str()`` is ``"<file>: <which limit>; <how to raise it>"``."""

    def __init__(self, source: str | Path, message: str) -> None:
        self.source = str(source)
        self.message = f"{message}; {RAISE_HINT}"
        super().__init__(f"{Path(self.source).name}: {self.message}")


def _mb(n: float) -> str:
    return f"{n / MB:.1f} MB" if n >= 100_000 else f"{n:,.0f} bytes"


# --------------------------------------------------------------------------- files


def check_file_size(path: Path, limits: Limits = DEFAULT) -> int:
    """The file's size, refusing anything over ``limits.file_bytes``."""
    size = Path(path).stat().st_size
    if size > limits.file_bytes:
        raise LimitError(path, f"file is {_mb(size)}, over the {_mb(limits.file_bytes)} limit")
    return size


def read_bounded(path: Path, limits: Limits = DEFAULT) -> bytes:
    """Read a file, never more than the limit (the size on disk may change meanwhile)."""
    check_file_size(path, limits)
    with Path(path).open("rb") as handle:
        data = handle.read(limits.file_bytes + 1)
    if len(data) > limits.file_bytes:
        raise LimitError(path, f"file grew over the {_mb(limits.file_bytes)} limit while read")
    return data


# --------------------------------------------------------------------------- zip


def check_zip(data: bytes, source: str | Path, limits: Limits = DEFAULT) -> None:
    """Check every member of a zip archive by its directory entry, before inflating.

    Also refuses members whose names climb out of the archive (zip slip), so callers
    that extract need not repeat the check.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ArchiveError(source, f"corrupt or not a zip archive ({exc})") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.members:
            raise LimitError(source, f"{len(infos)} zip members, over the {limits.members} limit")
        total = 0
        for info in infos:
            name = info.filename
            if name.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", name):
                raise ArchiveError(source, f"zip member {name[:80]!r} points outside the archive")
            size = info.file_size
            total += size
            if size > limits.member_bytes:
                raise LimitError(
                    source,
                    f"zip member {name[:80]} inflates to {_mb(size)}, "
                    f"over the {_mb(limits.member_bytes)} limit",
                )
            if size > MB and size > limits.ratio * max(info.compress_size, 1):
                raise LimitError(
                    source,
                    f"zip member {name[:80]} compresses {size / max(info.compress_size, 1):.0f}:1,"
                    f" over the {limits.ratio:.0f}:1 limit (a zip bomb?)",
                )
        if total > limits.total_uncompressed:
            raise LimitError(
                source,
                f"zip members inflate to {_mb(total)} together, "
                f"over the {_mb(limits.total_uncompressed)} limit",
            )


def read_member(
    archive: zipfile.ZipFile, name: str, source: str | Path, limits: Limits = DEFAULT
) -> bytes:
    """One member's bytes, read no further than the limit (directory sizes can lie)."""
    try:
        with archive.open(name) as member:
            content = member.read(limits.member_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        # A damaged member: the directory was fine, the bytes behind it are not.
        raise ArchiveError(source, f"zip member {name[:80]} is damaged ({exc})") from exc
    if len(content) > limits.member_bytes:
        raise LimitError(
            source,
            f"zip member {name[:80]} is larger than it claims (> {_mb(limits.member_bytes)})",
        )
    return content


class ArchiveError(QualcodeError, ValueError):
    """A zip archive that is corrupt or unsafe (not a size limit: raising would not help)."""

    def __init__(self, source: str | Path, message: str) -> None:
        self.source = str(source)
        self.message = message
        super().__init__(f"{Path(self.source).name}: {message}")


def check_zip_xml(
    data: bytes,
    source: str | Path,
    limits: Limits = DEFAULT,
    *,
    members: Iterable[str] | None = None,
) -> None:
    """:func:`check_zip`, then :func:`check_xml` on each XML member (or the named ones)."""
    check_zip(data, source, limits)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [i.filename for i in archive.infolist() if not i.is_dir()]
        wanted = set(members) if members is not None else None
        for name in names:
            if wanted is not None and name not in wanted:
                continue
            if wanted is None and not name.lower().endswith((".xml", ".rels", ".qde")):
                continue
            check_xml(read_member(archive, name, source, limits), source, limits, part=name)


# --------------------------------------------------------------------------- XML


_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DTD_UTF16 = tuple(
    marker.encode(enc) for marker in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-16-le", "utf-16-be")
)


def check_xml(
    data: bytes,
    source: str | Path,
    limits: Limits = DEFAULT,
    *,
    part: str = "",
    strict: bool = True,
) -> None:
    """Stream through XML counting elements and depth; refuse DTDs and entities.

    Uses lxml's pull parser without building a tree (elements are cleared as soon as they
    end), so this costs a fraction of the real parse and no memory to speak of. With
    ``strict=False`` only the limits are enforced: syntax errors and DTDs are left to a
    reader that reports (or repairs) them in its own words.
    """
    where = f"{part}: " if part else ""
    if _DTD.search(data) or any(m in data for m in _DTD_UTF16):
        if not strict:
            return
        raise ArchiveError(
            source, f"{where}the XML declares a DTD or entities, which are refused for safety"
        )
    try:
        _scan_xml(data, source, limits, where)
    except _XMLSyntax as exc:
        if strict:
            raise ArchiveError(source, f"{where}not well-formed XML{exc.args[0]}") from exc
        # Some writers leave a bare "&" in names; readers repair that one mistake, so
        # the limits must hold for the repaired text too.
        repaired = _BARE_AMPERSAND.sub(b"&amp;", data)
        if repaired != data:
            try:
                _scan_xml(repaired, source, limits, where)
            except _XMLSyntax:
                return


class _XMLSyntax(Exception):
    pass


_BARE_AMPERSAND = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")


def _scan_xml(data: bytes, source: str | Path, limits: Limits, where: str) -> None:
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    depth = 0
    elements = 0
    chunk = 1 << 16
    try:
        for offset in range(0, len(data), chunk):
            parser.feed(data[offset : offset + chunk])
            for event, element in parser.read_events():
                if event == "start":
                    depth += 1
                    elements += 1
                    if depth > limits.xml_depth:
                        raise LimitError(
                            source,
                            f"{where}XML nested more than {limits.xml_depth} levels deep",
                        )
                    if elements > limits.xml_elements:
                        raise LimitError(
                            source,
                            f"{where}XML has more than {limits.xml_elements:,} elements",
                        )
                else:
                    depth -= 1
                    element.clear()
        parser.close()
    except etree.XMLSyntaxError as exc:
        if "Excessive depth" in str(exc.msg):  # libxml2's own cap, met within one chunk
            raise LimitError(
                source, f"{where}XML nested more than {limits.xml_depth} levels deep"
            ) from exc
        line = f" at line {exc.lineno}" if getattr(exc, "lineno", None) else ""
        raise _XMLSyntax(f"{line} ({exc.msg})") from exc
    if elements == 0:
        raise _XMLSyntax(" (no elements)")


# --------------------------------------------------------------------------- JSON / YAML


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


def check_json(data: bytes, source: str | Path, limits: Limits = DEFAULT) -> None:
    """Refuse JSON nested deeper than ``limits.tree_depth`` before ``json.loads`` recurses."""
    if len(data) > limits.file_bytes:
        raise LimitError(
            source, f"JSON is {_mb(len(data))}, over the {_mb(limits.file_bytes)} limit"
        )
    depth = 0
    for match in _JSON_BRACKET.finditer(_JSON_STRING.sub(b'""', data)):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > limits.tree_depth:
                raise LimitError(source, f"JSON nested more than {limits.tree_depth} levels deep")
        else:
            depth -= 1


def safe_yaml_load(text: str, source: str | Path, limits: Limits = DEFAULT) -> Any:
    """``yaml.safe_load`` that refuses aliases (no "billion laughs") and deep nesting."""
    import yaml

    if len(text) > limits.file_bytes:
        raise LimitError(
            source, f"YAML is {_mb(len(text))}, over the {_mb(limits.file_bytes)} limit"
        )

    class _Loader(yaml.SafeLoader):
        depth = 0

        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                line = event.start_mark.line + 1 if event.start_mark else 0
                raise ArchiveError(
                    source,
                    f"line {line}: YAML aliases (*name) are refused: they can expand "
                    "without bound; write the values out",
                )
            self.depth += 1
            if self.depth > limits.tree_depth:
                raise LimitError(source, f"YAML nested more than {limits.tree_depth} levels deep")
            try:
                return super().compose_node(parent, index)
            finally:
                self.depth -= 1

    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


# --------------------------------------------------------------------------- text / rows


def check_text(text: str, source: str | Path, limits: Limits = DEFAULT) -> None:
    """Line count and line length of decoded text, before it is split or segmented."""
    if len(text) > limits.text_chars:
        raise LimitError(
            source, f"text has {len(text):,} characters, over the {limits.text_chars:,} limit"
        )
    lines = text.count("\n") + 1
    if lines > limits.lines:
        raise LimitError(source, f"{lines:,} lines, over the {limits.lines:,} limit")
    if len(text) > limits.line_chars:
        # Walk the line ends with str.find: no list of a million lines is built.
        start, number = 0, 1
        while True:
            end = text.find("\n", start)
            stop = len(text) if end < 0 else end
            if stop - start > limits.line_chars:
                raise LimitError(
                    source,
                    f"line {number} has {stop - start:,} characters, "
                    f"over the {limits.line_chars:,} limit",
                )
            if end < 0:
                break
            start, number = end + 1, number + 1


def check_rows(count: int, source: str | Path, limits: Limits = DEFAULT) -> None:
    if count > limits.rows:
        raise LimitError(source, f"more than {limits.rows:,} rows")


# --------------------------------------------------------------------------- names


_ASCII_INT = re.compile(r"[0-9]{1,15}")


def ascii_int(value: str) -> int:
    """An offset or count written with plain digits only (``int`` takes ``1_0``, ``١٠``)."""
    stripped = value.strip()
    if not _ASCII_INT.fullmatch(stripped):
        raise ValueError(f"{value[:40]!r} is not a whole number written with digits 0-9")
    return int(stripped)
