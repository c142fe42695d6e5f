"""Transcript view speed: open a 300,000-character transcript with 2,000 codings.

Run offscreen: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_transcript_view.py``.
Prints JSON: ms to open (text + highlights + first paint), ms to re-highlight after one
new coding (once the background layout has finished), ms per scroll step (a three-line
wheel notch, median and 95th percentile) and ms per page jump; medians over several fresh
views.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qualcode.core.records import TurnRecord
from qualcode.ui.highlights import Highlight, tooltip_html
from qualcode.ui.qt import QtWidgets, ensure_app
from qualcode.ui.transcript_view import TranscriptView

COLOURS = [
    "#4E79A7",
    "#F28E2B",
    "#E15759",
    "#76B7B2",
    "#59A14F",
    "#EDC948",
    "#B07AA1",
    "#FF9DA7",
    "#9C755F",
    "#BAB0AC",
]
WORDS = [
    "ik",
    "had",
    "het",
    "gevoel",
    "dat",
    "niemand",
    "echt",
    "luisterde",
    "maar",
    "mijn",
    "mentor",
    "belde",
    "elke",
    "week",
    "en",
    "dat",
    "gaf",
    "rust",
    "omdat",
    "ze",
    "vroeg",
    "hoe",
    "het",
    "ging",
    "met",
    "de",
    "studie",
    "en",
    "thuis",
]


def make_transcript(chars: int, rng: random.Random) -> tuple[str, list[TurnRecord]]:
    parts: list[str] = []
    turns: list[TurnRecord] = []
    length = 0
    speakers = ("Interviewer", "Student")
    n = 0
    while length < chars:
        speaker = speakers[n % 2]
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 120)))
        paragraph = f"{speaker}: {body.capitalize()}.\n\n"
        turns.append(TurnRecord(speaker, length, length + len(paragraph) - 2))
        parts.append(paragraph)
        length += len(paragraph)
        n += 1
    return "".join(parts)[:chars], [t for t in turns if t.end <= chars]


def make_highlights(text_length: int, count: int, rng: random.Random) -> list[Highlight]:
    result = []
    for i in range(count):
        start = rng.randrange(0, text_length - 400)
        end = start + rng.randint(20, 400)
        colour = COLOURS[i % len(COLOURS)]
        result.append(
            Highlight(
                i + 1,
                start,
                end,
                colour,
                f"Code {i % 40}",
                tooltip_html(f"Cluster / Code {i % 40}", "Anouk", ""),
            )
        )
    return result


def settle(app: QtWidgets.QApplication, widget: QtWidgets.QWidget) -> None:
    app.processEvents()
    widget.repaint()  # force the first paint synchronously so it is inside the timing


def drain(app: QtWidgets.QApplication, seconds: float = 0.5) -> None:
    """Let queued work (background layout) run, as it would while the user reads."""
    until = time.perf_counter() + seconds
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.01)


def measure_once(
    app: QtWidgets.QApplication, text: str, turns: list[TurnRecord], highlights: list[Highlight]
) -> tuple[float, float, list[float]]:
    view = TranscriptView()
    view.resize(1000, 800)
    view.show()
    app.processEvents()

    t0 = time.perf_counter()
    view.set_transcript(text, turns)
    view.set_highlights(highlights)
    settle(app, view)
    open_ms = (time.perf_counter() - t0) * 1000

    drain(app)  # QTextEdit lays out the rest of the text in idle time; a coder reads first
    extra = Highlight(99_999, 1000, 1400, "#4E79A7", "New", "New")
    t0 = time.perf_counter()
    view.set_highlights([*highlights, extra])
    settle(app, view)
    rehighlight_ms = (time.perf_counter() - t0) * 1000

    bar = view.verticalScrollBar()

    def step_to(value: int) -> float:
        t0 = time.perf_counter()
        bar.setValue(value)
        view.viewport().repaint()
        view.margin.repaint()
        return (time.perf_counter() - t0) * 1000

    # A mouse-wheel notch is three lines; pages jump to text never laid out before.
    middle = bar.maximum() // 2
    wheel = [step_to(middle + 3 * i * bar.singleStep()) for i in range(100)]
    pages = [step_to(v) for v in range(0, bar.maximum(), max(bar.pageStep(), 1))[:40]]
    view.close()
    view.deleteLater()
    return open_ms, rehighlight_ms, wheel, pages


def main(repeats: int = 5) -> dict[str, float]:
    """Medians over ``repeats`` fresh views, so one busy moment does not decide the figure."""
    app = ensure_app()
    rng = random.Random(7)
    text, turns = make_transcript(300_000, rng)
    highlights = make_highlights(len(text), 2000, rng)
    opens, rehighlights, steps, pages = [], [], [], []
    for _ in range(repeats):
        open_ms, rehighlight_ms, wheel, page = measure_once(app, text, turns, highlights)
        opens.append(open_ms)
        rehighlights.append(rehighlight_ms)
        steps.extend(wheel)
        pages.extend(page)
    return {
        "chars": float(len(text)),
        "codings": float(len(highlights)),
        "repeats": float(repeats),
        "open_ms": round(statistics.median(opens), 1),
        "open_ms_max": round(max(opens), 1),
        "rehighlight_ms": round(statistics.median(rehighlights), 1),
        "scroll_step_ms": round(statistics.median(steps), 2),
        "scroll_step_p95_ms": round(statistics.quantiles(steps, n=20)[-1], 2),
        "page_jump_ms": round(statistics.median(pages), 2),
    }


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
