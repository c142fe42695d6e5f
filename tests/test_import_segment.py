"""Sentence, paragraph and turn units, and the language guess."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcode.io.transcripts import detect_turns, guess_language, read_transcript, segment
from qualcode.io.transcripts.segment import pipeline

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _by_kind(text: str, units: list, kind: str) -> list[str]:
    return [text[u.start : u.end] for u in units if u.kind == kind]


def test_units_of_fixture() -> None:
    ex = read_transcript(FIXTURES / "interview_nl.txt")
    turns = detect_turns(ex.text, ex.paragraphs, ex.bold_prefixes)
    units = segment(ex.text, "nl", ex.paragraphs, turns)
    sentences = _by_kind(ex.text, units, "sentence")
    assert sentences[:4] == [
        "Interview PL01 – Back on Track (pseudoniemen)",
        "Fijn dat je tijd hebt.",
        "Kun je vertellen wat je rol is?",
        "Ja, ik ben projectleider.",
    ]
    # Labels and timestamps are not part of sentences; sentences stay within paragraphs.
    assert not any("Interviewer:" in s or "[00:" in s for s in sentences)
    paragraphs = [ex.text[s:e] for s, e in ex.paragraphs]
    for unit in units:
        if unit.kind == "sentence":
            assert any(s <= unit.start and unit.end <= e for s, e in ex.paragraphs)
    assert _by_kind(ex.text, units, "paragraph") == paragraphs
    turn_texts = _by_kind(ex.text, units, "turn")
    assert turn_texts[0] == "Fijn dat je tijd hebt. Kun je vertellen wat je rol is?"
    assert turn_texts[-1].endswith("anderen moeten even wennen.\n\nDaarna gaat het meestal goed.")
    for unit in units:
        chunk = ex.text[unit.start : unit.end]
        assert chunk == chunk.strip() and chunk


def test_english_pipeline() -> None:
    text = "I liked it. Did you? Yes, very much."
    units = segment(text, "en", [(0, len(text))])
    assert _by_kind(text, units, "sentence") == ["I liked it.", "Did you?", "Yes, very much."]


def test_pipelines_are_cached() -> None:
    assert pipeline("nl") is pipeline("nl")


def test_unsupported_language() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        segment("Hola.", "es", [(0, 5)])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ik vond het eigenlijk wel fijn dat er iemand was die naar me luisterde.", "nl"),
        ("I think it was really nice that there was someone who listened to me.", "en"),
        ("", "nl"),
    ],
)
def test_guess_language(text: str, language: str) -> None:
    assert guess_language(text) == language


def _spacy_sentences(text: str, language: str, spans: list[tuple[int, int]]) -> list[tuple]:
    """Reference: the real sentencizer through nlp.pipe and doc.sents."""
    out = []
    nlp = pipeline(language)
    for (offset, _), doc in zip(spans, nlp.pipe(text[s:e] for s, e in spans), strict=True):
        for sent in doc.sents:
            start, end = offset + sent.start_char, offset + sent.end_char
            while end > start and text[end - 1].isspace():
                end -= 1
            out.append((start, end))
    return out


@pytest.mark.parametrize(
    "name",
    [
        "interview_nl.txt",
        "planted.txt",
        "../../../sample_transcripts/NI04_CaringUniversities_english.txt",
    ],
)
def test_fast_sentences_match_spacy(name: str) -> None:
    path = FIXTURES / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    ex = read_transcript(path)
    language = guess_language(ex.text)
    tricky = 'Hij zei: "Echt?!" En toen... niks. Bijv. dit (zie p. 3). Klaar?" Ja.'
    text = ex.text + "\n" + tricky
    spans = [*ex.paragraphs, (len(ex.text) + 1, len(text))]
    fast = [(u.start, u.end) for u in segment(text, language, spans) if u.kind == "sentence"]
    assert fast == _spacy_sentences(text, language, spans)
