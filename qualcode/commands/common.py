"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from qualcode.core.project import Project, open_project


def add_locator(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("locator", metavar="LOCATOR", help="project file (.qcdb) or database URL")


def open_from(args: argparse.Namespace) -> Project:
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
