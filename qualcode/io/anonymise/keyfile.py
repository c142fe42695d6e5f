"""The pseudonymisation key file: which placeholder stands for which original.

It is the one file that undoes the anonymisation, so it is created readable and writable
by its owner only (0600) and never inside the project. ``.csv`` gives one row per
replaced identifier (original, placeholder, kind, document), for a spreadsheet; ``.json``
gives ``{document: {placeholder: original}}``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

from qualcode.core.errors import QualcodeError
from qualcode.io.anonymise.pseudonymise import PLACEHOLDER_WORDS

KEY_SUFFIXES = (".csv", ".json")
CSV_COLUMNS = ("original", "placeholder", "kind", "document")
_KINDS = {word: kind for kind, word in PLACEHOLDER_WORDS.items()}


def check_key_path(path: Path) -> None:
    """Refuse a key path we could not write, before anything is imported."""
    if path.suffix.lower() not in KEY_SUFFIXES:
        raise QualcodeError(
            f"{path}: the key file must end in .csv or .json (it is written in that format)"
        )
    if not path.parent.is_dir():
        raise QualcodeError(f"{path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise QualcodeError(f"{path}: is a folder")


def kind_of(placeholder: str) -> str:
    """``[PERSOON-2]`` -> ``person``."""
    word = placeholder.strip("[]").rsplit("-", 1)[0]
    return _KINDS.get(word, word.lower().replace("-", "_"))


def key_text(path: Path, keys: dict[str, dict[str, str]]) -> str:
    if path.suffix.lower() == ".json":
        return json.dumps(keys, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for document, key in keys.items():
        for placeholder, original in key.items():
            writer.writerow((original, placeholder, kind_of(placeholder), document))
    return out.getvalue()


def write_key(path: Path, keys: dict[str, dict[str, str]]) -> None:
    """Write the key in the format its suffix names, readable only by the user."""
    check_key_path(path)
    data = key_text(path, keys).encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)  # an existing file keeps its mode through O_CREAT
        os.write(fd, data)
    finally:
        os.close(fd)
