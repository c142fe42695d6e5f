"""Matrix charts (optional matplotlib): files are written, Qt is never loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from qualcode.core.analysis import code_matrix
from qualcode.core.errors import DomainError
from qualcode.core.project import Project
from tests.test_retrieval import build_study

pytest.importorskip("matplotlib")


def test_heatmap_and_bar_chart(sqlite_project: Project, tmp_path: Path) -> None:
    from qualcode.io.report import charts

    build_study(sqlite_project)
    matrix = code_matrix(sqlite_project)
    png = charts.heatmap(matrix, tmp_path / "m.png", title="codings")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = charts.bar_chart(matrix, tmp_path / "b.svg", column="Peercoaching")
    assert "<svg" in svg.read_text(encoding="utf-8")
    with pytest.raises(DomainError):
        charts.heatmap(matrix, tmp_path / "m.pdf")
    with pytest.raises(DomainError):
        charts.bar_chart(matrix, tmp_path / "b.png", column="Nergens")


def test_charts_do_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from qualcode.core.analysis import Matrix, MatrixRow\n"
        "from qualcode.io.report import charts\n"
        "m = Matrix('intervention', 'codings', ('A', 'B'), (MatrixRow(1, ('X',), (1, 2), 3),))\n"
        f"charts.heatmap(m, Path({str(tmp_path / 'x.png')!r}))\n"
        "assert not [n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
