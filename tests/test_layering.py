"""The core and io layers must stay importable and testable without Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "qualcode"


def test_core_and_io_import_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, qualcode.core, qualcode.io\n"
        "for pkg in (qualcode.core, qualcode.io):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_source_file_in_core_or_io_mentions_qt() -> None:
    offenders = []
    for layer in ("core", "io"):
        for path in (PACKAGE / layer).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                if any(
                    n.split(".")[0] in {"PySide6", "shiboken6", "qualcode"}
                    and (n.startswith(("PySide6", "shiboken6", "qualcode.ui")))
                    for n in names
                ):
                    offenders.append(str(path))
    assert offenders == []
