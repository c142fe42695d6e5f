"""Turning codings into what the transcript view paints: flat highlight runs and lanes.

Overlapping codings are flattened into non-overlapping runs, each with one blended
colour, so Qt paints one translucent rectangle per run instead of stacking dozens (which
would turn dense passages muddy and cost paint time); runs covered by two or more codings
are also underlined, so overlaps stay visible even when the colours are close.
"""

from __future__ import annotations

import heapq
import html
from collections.abc import Callable
from dataclasses import dataclass

from qualcode.ui.qt import QtGui

MAX_LANES = 6


@dataclass(slots=True)
class Highlight:
    """One coding as the view shows it (``lane`` is set by :func:`assign_lanes`)."""

    coding_id: int
    start: int
    end: int
    colour: str  # "#RRGGBB"
    label: str  # the code's name, for the margin
    # Rich text, or a function making it: built on hover, not for 2,000 codings at once.
    tooltip: str | Callable[[], str]
    lane: int = 0
    who: str = ""  # the coder's initial when several coders' codings are shown

    def tip(self) -> str:
        return self.tooltip() if callable(self.tooltip) else self.tooltip


def tooltip_html(path: str, coder: str, memo: str) -> str:
    parts = [f"<b>{html.escape(path)}</b>", html.escape(coder)]
    if memo.strip():
        parts.append(f"<i>{html.escape(memo.strip())}</i>")
    return "<br>".join(parts)


def assign_lanes(highlights: list[Highlight]) -> list[Highlight]:
    """Interval partitioning: each coding takes the lowest lane free at its start, so
    overlapping codings get different margin lanes (heaps keep it O(n log n)). Lanes are
    set in place: the window reuses its highlights between redraws."""
    busy: list[tuple[int, int]] = []  # (end, lane) of codings still open
    free: list[int] = []
    lanes = 0
    placed = sorted(highlights, key=lambda h: (h.start, -h.end, h.coding_id))
    for h in placed:
        while busy and busy[0][0] <= h.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, lanes = lanes, lanes + 1
        heapq.heappush(busy, (h.end, lane))
        # Beyond MAX_LANES stripes share the last lane rather than widening the margin.
        h.lane = min(lane, MAX_LANES - 1)
    return placed


def runs(highlights: list[Highlight]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Maximal spans with the same set of covering codings: (start, end, colours)."""
    events: list[tuple[int, int, int]] = []
    for index, h in enumerate(highlights):
        if h.end > h.start:
            events.append((h.start, 1, index))
            events.append((h.end, -1, index))
    events.sort(key=lambda e: (e[0], e[1]))
    active: dict[int, str] = {}
    result: list[tuple[int, int, tuple[str, ...]]] = []
    previous = 0
    for pos, kind, index in events:
        if active and pos > previous:
            result.append((previous, pos, tuple(active.values())))
        previous = pos
        if kind == 1:
            active[index] = highlights[index].colour
        else:
            active.pop(index, None)
    return result


_FORMATS: dict[tuple[tuple[str, ...], bool], QtGui.QTextCharFormat] = {}


def run_format(colours: tuple[str, ...], dark: bool) -> QtGui.QTextCharFormat:
    """A cached format: the mean of the codes' colours, stronger where codings overlap."""
    key = (tuple(sorted(colours)), dark)
    cached = _FORMATS.get(key)
    if cached is not None:
        return cached
    qcolours = [QtGui.QColor(c) for c in key[0]]
    n = len(qcolours)
    mean = QtGui.QColor(
        sum(c.red() for c in qcolours) // n,
        sum(c.green() for c in qcolours) // n,
        sum(c.blue() for c in qcolours) // n,
    )
    mean.setAlpha(min(70 + 35 * (n - 1), 150) if not dark else min(95 + 35 * (n - 1), 170))
    fmt = QtGui.QTextCharFormat()
    fmt.setBackground(mean)
    if n > 1:
        fmt.setUnderlineStyle(QtGui.QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(mean.darker(160) if not dark else mean.lighter(160))
    if len(_FORMATS) > 4096:  # colour sets are few in practice; keep the cache bounded
        _FORMATS.clear()
    _FORMATS[key] = fmt
    return fmt
