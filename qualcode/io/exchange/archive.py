"""Reading a .qdpx zip that came from someone else, and writing ours.

A .qdpx is never extracted to disk: members are read into memory one by one, after the
whole archive passed the shared checks of :mod:`qualcode.io.limits` (before any member
is inflated): member names that climb out of the archive (zip slip; refused even though
we extract nothing, because such an archive was made to attack someone), member count,
uncompressed size per member and in all, and the compression ratio (a zip bomb); sizes
are checked again while reading, since the directory can lie. Here we add what is
particular to .qdpx: drive letters and NUL bytes in names, encrypted members, and
limits sized for whole projects (:data:`EXCHANGE_LIMITS`, raised with ``--max-size``).
"""

from __future__ import annotations

import io
import os
import uuid
import zipfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

from qualcode.io import limits as lim
from qualcode.io.codebook_formats.common import CodebookFormatError

# A project export holds every transcript and may hold media: larger than one transcript.
EXCHANGE_LIMITS = replace(
    lim.DEFAULT,
    file_bytes=1_000 * lim.MB,
    member_bytes=250 * lim.MB,
    total_uncompressed=1_000 * lim.MB,
    members=20_000,
    xml_elements=5_000_000,
)


class ExchangeError(CodebookFormatError):
    """A .qdpx that cannot be imported: ``str(err)`` is ``"<file>: <problem>"``."""


class SafeArchive:
    """The members of a checked .qdpx, looked up case-insensitively by path."""

    def __init__(self, data: bytes, source: str, limits: lim.Limits = EXCHANGE_LIMITS) -> None:
        self.source = source
        self.limits = limits
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise ExchangeError(source, "not a .qdpx file (not a zip archive)") from exc
        self._members: dict[str, zipfile.ZipInfo] = {}
        for info in self._zip.infolist():
            _check_name(info.filename, source)  # first: the clearest word for an attack
            if info.flag_bits & 0x1:
                raise ExchangeError(source, f"{info.filename} is encrypted")
            if not info.is_dir():
                self._members[info.filename.lower()] = info
        lim.check_zip(data, source, limits)

    def close(self) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        return [info.filename for info in self._members.values()]

    def find(self, path: str) -> str | None:
        """The member name for ``path`` (case-insensitive), or None."""
        info = self._members.get(path.lower())
        return info.filename if info is not None else None

    def read(self, name: str) -> bytes:
        info = self._members[name.lower()]
        return lim.read_member(self._zip, info.filename, self.source, self.limits)


def _check_name(name: str, source: str) -> None:
    path = PurePosixPath(name.replace("\\", "/"))
    # The shared check covers "../" and a leading slash; drive letters and NUL are ours.
    if (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or ".." in path.parts
        or "\x00" in name
    ):
        raise ExchangeError(
            source, f"unsafe member path {name!r} in the zip (outside the archive: zip slip)"
        )


def write_archive(path: Path, members: list[tuple[str, bytes]]) -> None:
    """Write a zip atomically, readable by its owner only (it holds project data)."""
    path = Path(path)
    temp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with (
            os.fdopen(handle, "wb") as stream,
            zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        ):
            for name, data in members:
                archive.writestr(name, data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
