"""Reading a .qdpx zip that came from someone else, and writing ours.

A .qdpx is never extracted to disk: members are read into memory one by one, after the
whole archive passed these checks (before any member is inflated):

- every member name is relative and stays inside the archive (no ``..``, no leading
  ``/`` or drive letter, no backslashes posing as folders): a "zip slip" is refused even
  though we extract nothing, because such an archive was made to attack someone;
- at most :data:`MAX_MEMBERS` members, at most :data:`MAX_TOTAL_BYTES` uncompressed in
  all and :data:`MAX_MEMBER_BYTES` per member, and no member that inflates more than
  :data:`MAX_RATIO` times (a zip bomb), checked against the sizes the directory claims
  and again while reading, since those can lie;
- no encrypted members.

These limits are written so they can be folded into a shared limits module later.
"""

from __future__ import annotations

import io
import os
import uuid
import zipfile
from pathlib import Path, PurePosixPath

from qualcode.io.codebook_formats.common import CodebookFormatError

MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_RATIO = 200  # text compresses ~10x; XML of a project up to ~50x; 200 is no real file
RATIO_FLOOR = 1024 * 1024  # small members may compress absurdly well (a run of spaces)


class ExchangeError(CodebookFormatError):
    """A .qdpx that cannot be imported: ``str(err)`` is ``"<file>: <problem>"``."""


class SafeArchive:
    """The members of a checked .qdpx, looked up case-insensitively by path."""

    def __init__(self, data: bytes, source: str) -> None:
        self.source = source
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise ExchangeError(source, "not a .qdpx file (not a zip archive)") from exc
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ExchangeError(source, f"the zip has {len(infos)} members (limit {MAX_MEMBERS})")
        total = 0
        self._members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            _check_name(info.filename, source)
            if info.flag_bits & 0x1:
                raise ExchangeError(source, f"{info.filename} is encrypted")
            if info.is_dir():
                continue
            _check_size(info, source)
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise ExchangeError(
                    source,
                    f"the zip would unpack to more than {MAX_TOTAL_BYTES // 2**20} MB (zip bomb?)",
                )
            self._members[info.filename.lower()] = info

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
        with self._zip.open(info) as member:
            # One byte past the claimed size: a directory that lies is caught here.
            content = member.read(info.file_size + 1)
        if len(content) > info.file_size:
            raise ExchangeError(self.source, f"{info.filename} is larger than the zip claims")
        return content


def _check_name(name: str, source: str) -> None:
    path = PurePosixPath(name.replace("\\", "/"))
    if (
        name.startswith(("/", "\\"))
        or (len(name) > 1 and name[1] == ":")
        or ".." in path.parts
        or "\x00" in name
    ):
        raise ExchangeError(
            source, f"unsafe member path {name!r} in the zip (outside the archive: zip slip)"
        )


def _check_size(info: zipfile.ZipInfo, source: str) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise ExchangeError(
            source,
            f"{info.filename} would unpack to {info.file_size // 2**20} MB "
            f"(limit {MAX_MEMBER_BYTES // 2**20} MB)",
        )
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise ExchangeError(
            source,
            f"{info.filename} inflates {info.file_size // max(info.compress_size, 1)} times "
            f"(limit {MAX_RATIO}; zip bomb?)",
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
