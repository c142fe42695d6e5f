"""The transcript view on its own: highlight runs, lanes, word snapping, speed."""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import pytest

from qualcode.core.records import TurnRecord
from qualcode.ui.coding_actions import in_vivo_name
from qualcode.ui.highlights import Highlight, assign_lanes, runs
from qualcode.ui.qt import QtGui
from qualcode.ui.transcript_view import TranscriptView, snap_to_words

pytestmark = pytest.mark.gui
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


def h(coding_id: int, start: int, end: int, colour: str = "#4E79A7") -> Highlight:
    return Highlight(coding_id, start, end, colour, f"code {coding_id}", f"tip {coding_id}")


def test_runs_flatten_overlaps_and_lanes_separate_them() -> None:
    items = [h(1, 0, 10, "#FF0000"), h(2, 5, 15, "#0000FF")]
    assert runs(items) == [
        (0, 5, ("#FF0000",)),
        (5, 10, ("#FF0000", "#0000FF")),
        (10, 15, ("#0000FF",)),
    ]
    lanes = {x.coding_id: x.lane for x in assign_lanes([*items, h(3, 20, 30)])}
    assert lanes == {1: 0, 2: 1, 3: 0}


def test_snap_to_words_and_in_vivo_names() -> None:
    text = "Mijn moeder belde elke dag."
    assert snap_to_words(text, 7, 14) == (5, 17)  # "eder be" -> "moeder belde"
    assert snap_to_words(text, 4, 12) == (5, 11)  # leading/trailing blanks trimmed
    assert in_vivo_name('  "Dat gaf echt\nrust."  ') == "Dat gaf echt rust"
    assert in_vivo_name("en/of") == "en-of"
    assert len(in_vivo_name("woord " * 30)) <= 61


def test_view_highlights_speakers_and_tooltips(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = TranscriptView()
    qtbot.addWidget(view)
    text = "[00:01] Interviewer: Hoe ging het?\n\nStudent: Goed, dank je."
    view.set_transcript(text, [TurnRecord("Interviewer", 0, 34), TurnRecord("Student", 36, 59)])
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    cursor = QtGui.QTextCursor(view.document())
    cursor.setPosition(text.index("Student") + 2)
    assert cursor.charFormat().fontWeight() > 500  # speaker label in bold
    cursor.setPosition(text.index("Goed") + 1)
    assert cursor.charFormat().fontWeight() <= 400
    view.set_highlights([h(1, 36, 59), h(2, 45, 50, "#E15759")])
    assert view.highlight_count() == 2
    assert len(view.extraSelections()) == 3  # three flat runs
    assert [x.coding_id for x in view.highlights_at(46)] == [1, 2]
    assert view.margin.width() > 100
    view.margin.grab()  # paints stripes and labels without error
    assert len(view.margin._hits) == 3  # two stripes; one label, both start on one line
    view.select_span(45, 50)
    assert view.selection_span() == (45, 50)


def test_open_long_transcript_is_fast(qtbot) -> None:  # type: ignore[no-untyped-def]
    from bench_transcript_view import make_highlights, make_transcript

    rng = random.Random(3)
    text, turns = make_transcript(300_000, rng)
    highlights = make_highlights(len(text), 2000, rng)
    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show()
    started = time.perf_counter()
    view.set_transcript(text, turns)
    view.set_highlights(highlights)
    view.repaint()
    elapsed = time.perf_counter() - started
    assert elapsed < 1.5, f"opening took {elapsed:.2f} s (target 0.3 s; generous for CI)"


def test_tooltip_and_stripe_click_name_the_coding(qtbot) -> None:  # type: ignore[no-untyped-def]
    from qualcode.ui.highlights import tooltip_html
    from qualcode.ui.qt import QtCore, QtWidgets

    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(600, 300)
    view.show()
    qtbot.waitExposed(view)
    view.set_transcript("Student: Mijn moeder belde elke dag.")
    tip = tooltip_html("Steungever / Moeder", "Anouk", "<mantelzorg>")
    view.set_highlights([Highlight(7, 9, 36, "#4E79A7", "Moeder", tip)])
    cursor = view.textCursor()
    cursor.setPosition(15)
    point = view.cursorRect(cursor).center()
    event = QtGui.QHelpEvent(QtCore.QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    assert "Steungever / Moeder" in QtWidgets.QToolTip.text()
    assert "&lt;mantelzorg&gt;" in QtWidgets.QToolTip.text()  # memos are escaped
    view.margin.grab()  # paints the stripes (and records where they are)
    clicked = []
    view.codingClicked.connect(clicked.append)
    stripe = view.margin._hits[0][0].center()
    qtbot.mouseClick(view.margin, QtCore.Qt.MouseButton.LeftButton, pos=stripe)
    assert clicked == [7]
