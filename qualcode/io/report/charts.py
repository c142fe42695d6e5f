"""Charts of a code matrix: a heatmap and a horizontal bar chart, as PNG or SVG.

matplotlib is optional: it is imported only when a chart is drawn. The figures are built
with matplotlib's object API on the Agg canvas and never through ``pyplot``, because pyplot
picks an interactive backend, which may be Qt, and the io layer must not load Qt.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from qualcode.core.analysis import Matrix
from qualcode.core.errors import DomainError

CHART_SUFFIXES = (".png", ".svg")
COLOURMAP = "Blues"  # one hue: darker means more, readable in greyscale print
DPI = 150


def available() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


def _figure(width: float, height: float) -> Any:
    if not available():
        raise DomainError("charts need matplotlib: pip install matplotlib")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _check(out: Path) -> None:
    if out.suffix.lower() not in CHART_SUFFIXES:
        raise DomainError(f"{out.name}: charts are written as .png or .svg")


def _labels(matrix: Matrix) -> list[str]:
    return ["    " * row.depth + row.path[-1] for row in matrix.rows]


def heatmap(matrix: Matrix, out: Path, *, title: str = "") -> Path:
    """Codes (rows) against attribute values (columns), each cell shaded and labelled."""
    _check(out)
    columns = [c or "(none)" for c in matrix.columns]
    height = 1.2 + 0.28 * max(1, len(matrix.rows))
    figure = _figure(2.5 + 1.0 * len(columns), height)
    axes = figure.add_subplot()
    values = [list(row.cells) for row in matrix.rows] or [[0] * len(columns)]
    image = axes.imshow(values, cmap=COLOURMAP, aspect="auto")
    axes.set_xticks(range(len(columns)), labels=columns, rotation=35, ha="right")
    axes.set_yticks(range(len(matrix.rows)), labels=_labels(matrix))
    axes.tick_params(length=0)
    peak = max((max(r) for r in values), default=0) or 1
    for y, row in enumerate(values):
        for x, value in enumerate(row):
            # White text on dark cells, black on light ones, so every number stays legible.
            colour = "white" if value > peak * 0.6 else "black"
            axes.text(x, y, str(value), ha="center", va="center", color=colour, fontsize=8)
    figure.colorbar(image, ax=axes, shrink=0.6, label=matrix.count)
    if title:
        axes.set_title(title)
    figure.savefig(str(out))
    return out


def bar_chart(matrix: Matrix, out: Path, *, column: str | None = None, title: str = "") -> Path:
    """One bar per row: its total, or its count for one attribute value."""
    _check(out)
    if column is not None and column not in matrix.columns:
        raise DomainError(f"no column {column!r}; choose one of {', '.join(matrix.columns)}")
    index = matrix.columns.index(column) if column is not None else None
    counts = [row.total if index is None else row.cells[index] for row in matrix.rows]
    figure = _figure(7.0, 1.0 + 0.28 * max(1, len(counts)))
    axes = figure.add_subplot()
    positions = list(range(len(counts)))
    axes.barh(positions, counts, color="#4E79A7")
    axes.set_yticks(positions, labels=_labels(matrix))
    axes.invert_yaxis()  # the code tree reads top-down
    axes.set_xlabel(matrix.count)
    for y, value in zip(positions, counts, strict=True):
        axes.text(value, y, f" {value}", va="center", fontsize=8)
    axes.spines[["top", "right"]].set_visible(False)
    if title:
        axes.set_title(title)
    figure.savefig(str(out))
    return out
