"""Speaker turns from paragraph-start labels.

A paragraph starts a turn when it begins (after an optional timestamp such as
``[00:12:31]`` or ``00:12:31``) with

* a short label and a colon: ``Interviewer:``, ``I:``, ``Respondent 3:``, ``Jan de Vries:``;
* or a short run of bold text (Word/ODT bold, Markdown ``**Name**``, the first cell of a
  table row), with or without a colon. A bold label alone in its paragraph starts a turn
  whose text is in the following paragraphs.

Paragraphs without a label continue the previous turn; paragraphs before the first label
(a title, a preamble) belong to no turn.

Ordinary sentences also contain "Word:" at their start ("Wat ik bedoel: ..."). To keep
those out, a colon label must be at most three words, each capitalised (name particles
such as "van", "de" excepted) or a number, must not be a common discourse word, and must
either be a well-known transcript label or occur at least twice in the document.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass


def _folded(words: str) -> frozenset[str]:
    """A case-folded set from a "|"-separated list (kept on few lines for reading)."""
    return frozenset(w.strip().casefold() for w in words.split("|"))


KNOWN_LABELS = _folded(
    "I|R|P|Q|A|S|M|O|G|D|Int|Interviewer|Interviewee|Respondent|Student|Deelnemer|"
    "Participant|Moderator|Gespreksleider|Onderzoeker|Researcher|Facilitator|Spreker|"
    "Speaker|Vraag|Antwoord|Docent|Projectleider|Coach|Mentor|Interviewster|Geïnterviewde"
)
NAME_PARTICLES = _folded("van|de|der|den|ter|ten|het|'t|in|la|le|von|da|di")
# Capitalised words that often end in a colon in running speech or notes, never speakers.
NOT_LABELS = _folded(
    "Bijvoorbeeld|Dus|Maar|Namelijk|Kortom|Nou|Ja|Nee|Oké|Oke|Ok|Want|En|Of|Zoals|Let op|"
    "Tip|Opmerking|Conclusie|Noot|Note|Example|For example|So|Well|Yes|No|But|And|Also|"
    "Vraag is|Het punt is|Punt is|Nb|Ps|Zie|See|Datum|Date|Tijd|Time|Duur|Locatie|"
    "Location|Titel|Title|Onderwerp|Subject|Aanwezig|Present|Transcript|Transcriptie|Bron|"
    "Source"
)

_TIMESTAMP = re.compile(
    r"[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?[ \t]*(?:[-–—][ \t]*)?"
)
# Label: up to three words (letters, digits, apostrophes, dots, hyphens) then an optional
# parenthesised aside ("Interviewer (AB):") or trailing timestamp, then a colon.
_COLON_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<label>[^\W\d_][\w'.\-]*(?:[ \t]+[\w'.\-]+){0,3})(?:\*\*|__)?[ \t]*"
    r"(?:\([^()\n]{0,20}\)[ \t]*|[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]*)?"
    r"(?:\*\*|__)?:(?:\*\*|__)?(?=\s|$)[ \t]*"
)
MAX_LABEL_CHARS = 40


@dataclass(frozen=True)
class Turn:
    """A speaker turn: ``start`` is the paragraph start (timestamp included),
    ``label_end`` where the spoken text begins, ``end`` the end of its last paragraph."""

    speaker: str
    start: int
    end: int
    label_end: int


def normalise_speaker(label: str) -> str:
    """Strip markup, trailing colons and extra whitespace: ``" **Jan  de Vries**:"`` ->
    ``"Jan de Vries"``."""
    label = label.replace("**", "").replace("__", "")
    label = label.strip().rstrip(":").strip()
    return " ".join(label.split())


@dataclass
class _Candidate:
    speaker: str
    label_end: int
    strong: bool  # from formatting, so needs no repetition


def detect_turns(
    text: str,
    paragraphs: list[tuple[int, int]],
    bold_prefixes: list[tuple[int, int]] | None = None,
) -> list[Turn]:
    bold_at = {start: end for start, end in (bold_prefixes or [])}
    candidates: list[_Candidate | None] = [
        _candidate(text, start, end, bold_at) for start, end in paragraphs
    ]
    counts = Counter(c.speaker.casefold() for c in candidates if c is not None)
    turns: list[Turn] = []
    current: tuple[str, int, int] | None = None  # speaker, start, label_end
    last_end = 0
    for (start, end), cand in zip(paragraphs, candidates, strict=True):
        accepted = cand is not None and (
            cand.strong
            or cand.speaker.casefold() in KNOWN_LABELS
            or _base(cand.speaker) in KNOWN_LABELS
            or counts[cand.speaker.casefold()] >= 2
        )
        if accepted and cand is not None:
            if current is not None:
                turns.append(Turn(current[0], current[1], last_end, current[2]))
            current = (cand.speaker, start, cand.label_end)
        last_end = end
    if current is not None:
        turns.append(Turn(current[0], current[1], last_end, current[2]))
    return turns


def _base(speaker: str) -> str:
    """``"Respondent 3"`` -> ``"respondent"``, ``"R1"`` -> ``"r"``: numbered known labels."""
    return re.sub(r"[\s\d]+$", "", speaker.rstrip(".")).casefold()


def _candidate(text: str, start: int, end: int, bold_at: dict[int, int]) -> _Candidate | None:
    pos = start
    stamp = _TIMESTAMP.match(text, pos, end)
    if stamp and (stamp.end() == end or not text[stamp.end() - 1].isdigit()):
        pos = stamp.end()
    bold_end = bold_at.get(start)
    if bold_end is not None and bold_end > pos:
        found = _bold_candidate(text, pos, bold_end, end)
        if found:
            return found
    match = _COLON_LABEL.match(text, pos, end)
    if not match:
        return None
    speaker = normalise_speaker(match.group("label"))
    if not _plausible_label(speaker):
        return None
    return _Candidate(speaker, match.end(), strong=False)


def _bold_candidate(text: str, pos: int, bold_end: int, end: int) -> _Candidate | None:
    label = text[pos:bold_end]
    speaker = normalise_speaker(label)
    # A bold run that runs on past the label ("Interviewer: Wat doe je?" all bold) is
    # cut at the colon.
    if ":" in speaker:
        speaker = normalise_speaker(speaker.split(":", 1)[0])
        colon = text.index(":", pos, bold_end)
        bold_end = colon + 1
    if not speaker or len(speaker) > MAX_LABEL_CHARS or len(speaker.split()) > 4:
        return None
    if speaker.casefold() in NOT_LABELS or not speaker[0].isalpha():
        return None
    label_end = bold_end
    # Skip the colon and blanks that follow a bold name ("**Jan**: ...").
    while label_end < end and text[label_end] in ":*_ \t":
        label_end += 1
    # Bold text glued to the next word ("**Nou**ja") is emphasis, not a label.
    glued = label_end == bold_end and label_end < end and text[label_end - 1] != ":"
    if glued and not text[label_end].isspace():
        return None
    return _Candidate(speaker, label_end, strong=True)


def _plausible_label(speaker: str) -> bool:
    if not speaker or len(speaker) > MAX_LABEL_CHARS:
        return False
    words = speaker.split()
    if len(words) > 4 or speaker.casefold() in NOT_LABELS:
        return False
    if not words[0][0].isupper():
        return False
    # A fourth word is allowed only as a number ("Student Hbo Groep 2").
    if len(words) == 4 and not words[3].isdigit():
        return False
    for word in words[1:]:
        if not (word[0].isupper() or word[0].isdigit() or word.casefold() in NAME_PARTICLES):
            return False
    return True
