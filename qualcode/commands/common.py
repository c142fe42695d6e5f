"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from qualcode.core.project import Project


def add_locator(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("locator", metavar="LOCATOR", help="project file (.qcdb) or database URL")


def add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=_byte_count,
        metavar="BYTES",
        help="largest input file accepted (default 50MB; other limits such as zip "
        "members, XML elements, lines and rows grow in proportion); e.g. 200MB",
    )


_SIZE = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*(b|kb|mb|gb)?", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000}


def _byte_count(text: str) -> int:
    match = _SIZE.fullmatch(text.strip())
    if not match or float(match.group(1)) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 200MB")
    return int(float(match.group(1)) * _UNITS[(match.group(2) or "").lower()])


def open_from(args: argparse.Namespace) -> Project:
    # Imported here: commands without a project (anonymise-check) skip SQLAlchemy.
    from qualcode.core.project import open_project

    return open_project(args.locator)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def progress_printer(label: str) -> Any:
    """A progress callback ``(done, total)`` that redraws one line on a terminal."""
    interactive = sys.stderr.isatty()

    def report(done: int, total: int) -> None:
        if interactive:
            sys.stderr.write(f"\r{label}: {done}/{total}")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return report
