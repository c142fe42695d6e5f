"""Read and write codebooks in every supported file format.

=================  =======  =======  =========================================
extension          read     write    module
=================  =======  =======  =========================================
.yaml .yml .json   yes      yes      ``native`` (Qualcode's own, lossless)
.qdc               yes      yes      ``qdc`` (REFI-QDA codebook, lossless)
.qde .qdpx         yes      no       ``qdc`` (the codes of a REFI-QDA project)
.csv               yes      yes      ``csv_format`` (codes only, no description)
.docx              no       yes      ``word`` (for reviewers)
=================  =======  =======  =========================================

GUIDs: :func:`write_codebook` gives every code without a GUID a new uuid4 *in the spec
passed in* before writing .qdc/.yaml/.yml/.json/.csv, so after the call
``node.guid`` holds what the file carries. Call :func:`ensure_guids` first if you want
the mapping of newly created GUIDs (path -> guid).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

from qualcode.core.codebook_spec import CodebookSpec

from . import csv_format, native, qdc, word
from .common import CodebookFormatError, ensure_guids, validate_spec
from .safe_xml import read_project_from_qdpx

from qualcode.io.limits import (  # isort: skip
    ArchiveError,
    LimitError,
    check_json,
    check_rows,
    check_xml,
    check_zip,
    read_bounded,
)

__all__ = [
    "READ_EXTENSIONS",
    "WRITE_EXTENSIONS",
    "CodebookFormatError",
    "ensure_guids",
    "read_codebook",
    "write_codebook",
]

READ_EXTENSIONS = (".qdc", ".qde", ".qdpx", ".yaml", ".yml", ".json", ".csv")
WRITE_EXTENSIONS = (".qdc", ".yaml", ".yml", ".json", ".csv", ".docx")


def read_codebook(path: Path) -> CodebookSpec:
    """Read a codebook file into a validated spec, choosing the format by extension.

    Raises :class:`CodebookFormatError` (``"<file>: <problem>"``) for unknown
    extensions, unreadable files and codebooks that break the naming/GUID rules.
    """
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in READ_EXTENSIONS:
        hint = " (Word codebooks are export-only)" if suffix == ".docx" else ""
        raise CodebookFormatError(
            source,
            f"cannot read '{suffix or 'no extension'}' files{hint}; "
            f"readable: {', '.join(READ_EXTENSIONS)}",
        )
    try:
        data = read_bounded(path)
        _check_limits(data, source, suffix)
    except OSError as exc:
        raise CodebookFormatError(source, f"cannot be read ({exc.strerror})") from exc
    except (LimitError, ArchiveError) as exc:
        raise CodebookFormatError(source, exc.message) from exc
    if suffix in (".yaml", ".yml"):
        return native.loads_yaml(data, source)
    if suffix == ".json":
        return native.loads_json(data, source)
    if suffix == ".csv":
        return csv_format.loads_csv(data, source, default_name=path.stem)
    if suffix == ".qdpx":
        data = read_project_from_qdpx(data, source)
        try:
            check_xml(data, source, strict=False)
        except LimitError as exc:
            raise CodebookFormatError(source, exc.message) from exc
    return qdc.loads_qdc(data, source, default_name=path.stem)


def _check_limits(data: bytes, source: str, suffix: str) -> None:
    """Size, nesting and zip checks before any parser runs (see ``qualcode.io.limits``)."""
    if not data.strip():
        raise ArchiveError(source, "the file is empty")
    if suffix == ".json":
        check_json(data, source)
    elif suffix in (".qdc", ".qde"):
        check_xml(data, source, strict=False)  # qdc.py reports syntax in its own words
    elif suffix == ".qdpx":
        check_zip(data, source)
    elif suffix == ".csv":
        check_rows(data.count(b"\n"), source)


def write_codebook(
    spec: CodebookSpec,
    path: Path,
    *,
    usage: dict[str, int] | None = None,
    title: str | None = None,
) -> None:
    """Write ``spec`` to ``path`` in the format its extension names.

    ``usage`` (GUID -> number of codings) and ``title`` only affect .docx. The file is
    replaced atomically, so a failed export never leaves half a codebook behind.
    """
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    serialisers: dict[str, Callable[[CodebookSpec], bytes]] = {
        ".qdc": lambda s: qdc.dumps_qdc(s, source),
        ".yaml": native.dumps_yaml,
        ".yml": native.dumps_yaml,
        ".json": native.dumps_json,
        ".csv": lambda s: csv_format.dumps_csv(s, source),
        ".docx": lambda s: word.dumps_docx(s, usage=usage, title=title, source=source),
    }
    serialise = serialisers.get(suffix)
    if serialise is None:
        raise CodebookFormatError(
            source,
            f"cannot write '{suffix or 'no extension'}' files; "
            f"writable: {', '.join(WRITE_EXTENSIONS)}",
        )
    # Validate before touching GUIDs, so a rejected spec is left exactly as it was.
    validate_spec(spec, source)
    if suffix != ".docx":
        ensure_guids(spec)
    _write_atomically(path, serialise(spec))


def _write_atomically(path: Path, data: bytes) -> None:
    # os.open with 0o666 lets the user's umask decide the permissions, as a plain open()
    # would; tempfile.mkstemp would leave the exported codebook readable by its owner only.
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
