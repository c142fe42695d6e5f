"""Speaker turns from labels at paragraph starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.io.transcripts import Turn, detect_turns, read_transcript
from qualcode.io.transcripts.extract import line_spans
from qualcode.io.transcripts.speakers import normalise_speaker

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _turns(text: str, bold: list[tuple[int, int]] | None = None) -> list[Turn]:
    return detect_turns(text, line_spans(text), bold or [])


def _speakers(text: str) -> list[str]:
    return [t.speaker for t in _turns(text)]


@pytest.mark.parametrize(
    "label",
    [
        "Interviewer",
        "I",
        "R",
        "Student",
        "Respondent 3",
        "Deelnemer 2",
        "Moderator",
        "Gespreksleider",
        "R1",
        "Interviewee",
    ],
)
def test_known_labels_count_even_once(label: str) -> None:
    text = f"{label}: Wat een mooie dag.\nDaar ben ik het mee eens."
    turns = _turns(text)
    assert [t.speaker for t in turns] == [label]
    assert text[turns[0].label_end :].startswith("Wat een")
    assert turns[0].end == len(text)  # the unlabelled line continues the turn


def test_repeated_names_are_labels() -> None:
    text = "Jan de Vries: Hallo.\nAnouk: Hoi.\nJan de Vries: Nog iets?\nAnouk: Nee."
    assert _speakers(text) == ["Jan de Vries", "Anouk", "Jan de Vries", "Anouk"]


def test_single_unknown_name_is_not_enough() -> None:
    assert _speakers("Anouk: Hoi.\nEen gewone zin.") == []


def test_ordinary_sentences_with_colons_are_not_labels() -> None:
    text = (
        "Interviewer: Vertel.\n"
        "Wat ik bedoel: het is lastig.\n"
        "Wat ik bedoel: echt lastig.\n"
        "Bijvoorbeeld: de planning.\n"
        "Bijvoorbeeld: de roosters.\n"
        "Datum: 12 maart\n"
        "Het probleem was dit: niemand wist het.\n"
    )
    turns = _turns(text)
    assert [t.speaker for t in turns] == ["Interviewer"]
    assert turns[0].end == len(text) - 1


def test_timestamps_before_and_inside_labels() -> None:
    text = (
        "[00:12:31] Interviewer: Eerste vraag.\n"
        "00:12:40 Student: Antwoord.\n"
        "(00:13:02) I: Volgende.\n"
        "Student (00:13:10): Ja."
    )
    turns = _turns(text)
    assert [t.speaker for t in turns] == ["Interviewer", "Student", "I", "Student"]
    assert [text[t.label_end : t.label_end + 3] for t in turns] == ["Eer", "Ant", "Vol", "Ja."]
    assert turns[0].start == 0  # the timestamp belongs to the turn


def test_preamble_belongs_to_no_turn() -> None:
    text = "Transcript focusgroep\nI: Welkom.\nR: Dank."
    turns = _turns(text)
    assert turns[0].start == text.index("I:")


def test_bold_labels_without_colon() -> None:
    text = "Anouk Ja, dat klopt.\nGewone zin zonder label."
    turns = _turns(text, [(0, 5)])
    assert turns == [Turn("Anouk", 0, len(text), 6)]


def test_bold_label_alone_starts_a_turn() -> None:
    text = "Interviewer\nWat doe je?\nAnouk\nIk studeer."
    lines = line_spans(text)
    turns = detect_turns(text, lines, [lines[0], lines[2]])
    assert [(t.speaker, text[t.label_end : t.end].strip()) for t in turns] == [
        ("Interviewer", "Wat doe je?"),
        ("Anouk", "Ik studeer."),
    ]


def test_bold_emphasis_is_not_a_label() -> None:
    text = "Nee: dat vond ik niks.\nNouja dat was het."
    assert _turns(text, [(0, 3), (23, 26)]) == []


def test_markdown_bold_names() -> None:
    text = "**Jan:** Hallo.\n**Piet** Ja.\n__Jan__: Nee."
    bold = [(0, 8), (16, 24), (29, 37)]
    assert [t.speaker for t in _turns(text, bold)] == ["Jan", "Piet", "Jan"]


def test_normalise_speaker() -> None:
    assert normalise_speaker("  **Jan   de  Vries**: ") == "Jan de Vries"


def test_fixture_interview() -> None:
    extracted = read_transcript(FIXTURES / "interview_nl.txt")
    turns = detect_turns(extracted.text, extracted.paragraphs, extracted.bold_prefixes)
    assert [t.speaker for t in turns] == ["Interviewer", "Respondent"] * 2
    last = turns[-1]
    assert extracted.text[last.label_end : last.end].endswith("Daarna gaat het meestal goed.")
    assert "Wat ik bedoel" in extracted.text[turns[1].label_end : turns[1].end]
