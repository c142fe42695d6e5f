"""Hardened XML parsing and .qdpx unpacking for files that come from other people.

Codebooks arrive by e-mail from other teams, so the parser must not read local files
(XXE), reach the network, or expand entity bombs. REFI-QDA never needs a DTD, so any
DOCTYPE is refused outright instead of trying to parse it safely.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePosixPath

from lxml import etree

from .common import CodebookFormatError

# A project.qde holds every coded selection as well as the codes; real ones reach tens of
# megabytes, so the cap is generous but still stops a zip bomb before it is inflated.
MAX_PROJECT_BYTES = 256 * 1024 * 1024

_FORBIDDEN_MARKERS = ("<!DOCTYPE", "<!ENTITY")
_BARE_AMPERSAND = re.compile(rb"&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)")


def _parser() -> etree.XMLParser:
    # A fresh parser per call: lxml parsers keep state and are not thread-safe.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,  # keeps libxml2's limits on depth and text-node size
        remove_comments=True,
        remove_pis=False,  # our own metadata travels in a processing instruction
    )


def _has_forbidden_marker(data: bytes) -> str | None:
    # Checked on the raw bytes as well as after parsing, in each encoding an XML file
    # may use without a declaration, so a bomb is refused before libxml2 sees it.
    for marker in _FORBIDDEN_MARKERS:
        for encoding in ("ascii", "utf-16-le", "utf-16-be"):
            if marker.encode(encoding) in data:
                return marker
    return None


def parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse untrusted XML bytes; reject DTDs and entities with a clear message."""
    marker = _has_forbidden_marker(data)
    if marker is not None:
        raise CodebookFormatError(
            source,
            f"the XML contains {marker}; DTDs and entity declarations are refused for "
            "safety (REFI-QDA files never need them)",
        )
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        # QualCoder builds its XML by string concatenation without escaping, so a code
        # called "Vorm & inhoud" yields a bare "&". That one mistake is repaired; any
        # other syntax error is reported rather than guessed at.
        repaired = _BARE_AMPERSAND.sub(b"&amp;", data)
        if repaired == data:
            raise CodebookFormatError(source, f"not well-formed XML: {exc}") from exc
        try:
            root = etree.fromstring(repaired, _parser())
        except etree.XMLSyntaxError:
            raise CodebookFormatError(source, f"not well-formed XML: {exc}") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise CodebookFormatError(source, "the XML has a DOCTYPE, which is refused for safety")
    return root


def local_name(element: etree._Element) -> str:
    """Element name without namespace: vendors use several REFI-QDA namespace spellings."""
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return str(etree.QName(tag).localname)


def children_named(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if local_name(child) == name]


def first_child(element: etree._Element, name: str) -> etree._Element | None:
    for child in element:
        if local_name(child) == name:
            return child
    return None


def read_project_from_qdpx(data: bytes, source: str) -> bytes:
    """The bytes of the single ``*.qde`` at the root of a .qdpx zip.

    ``project.qde`` is the standard name, but some ATLAS.ti versions use
    ``<Project>.qde``; any single root-level .qde is accepted, ``project.qde`` preferred.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise CodebookFormatError(source, "not a .qdpx file (not a zip archive)") from exc
    with archive:
        candidates = [
            info
            for info in archive.infolist()
            if not info.is_dir()
            and len(PurePosixPath(info.filename).parts) == 1
            and info.filename.lower().endswith(".qde")
        ]
        preferred = [i for i in candidates if i.filename.lower() == "project.qde"]
        if preferred:
            candidates = preferred
        if len(candidates) != 1:
            found = ", ".join(i.filename for i in candidates) or "none"
            raise CodebookFormatError(
                source, f"expected exactly one .qde project file in the zip, found {found}"
            )
        info = candidates[0]
        if info.file_size > MAX_PROJECT_BYTES:
            raise CodebookFormatError(
                source,
                f"{info.filename} is {info.file_size} bytes, more than the "
                f"{MAX_PROJECT_BYTES} this reader accepts",
            )
        with archive.open(info) as member:
            # Read one byte past the cap: the size in the zip directory can lie.
            content = member.read(MAX_PROJECT_BYTES + 1)
        if len(content) > MAX_PROJECT_BYTES:
            raise CodebookFormatError(source, f"{info.filename} is larger than it claims")
        return content
