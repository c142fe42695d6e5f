"""Units for unit-based agreement: sentences, paragraphs and speaker turns.

* Paragraph units are the extracted paragraphs as they are (speaker labels included).
* Turn units cover what the speaker said: from ``label_end`` (after the label and
  timestamp) to the turn's end, so a code on the spoken text matches the unit exactly.
* Sentence units come from spaCy's rule-based ``sentencizer`` on a blank pipeline of the
  document's language. They never cross a paragraph boundary, and the speaker label is
  left out of the first sentence of a turn (a label is not part of what was said, and
  coders do not select it). Trailing whitespace is trimmed from every unit.

Pipelines are built once per process and language; ``nlp.pipe`` over paragraphs is about
three times faster than one call on the whole text (PITFALLS).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal, Protocol


class Turn(Protocol):
    """What segmentation needs of a speaker turn (io's detected turns have it)."""

    @property
    def start(self) -> int: ...
    @property
    def label_end(self) -> int: ...
    @property
    def end(self) -> int: ...


UnitKind = Literal["sentence", "paragraph", "turn"]
SUPPORTED_LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class Unit:
    kind: UnitKind
    start: int
    end: int


@lru_cache(maxsize=4)
def pipeline(language: str) -> Any:
    """A blank spaCy pipeline with the sentencizer; cached per process and language."""
    import spacy  # lazy: spaCy takes a second to import

    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}; use one of {SUPPORTED_LANGUAGES}")
    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    return nlp


def segment(
    text: str,
    language: str,
    paragraphs: Sequence[tuple[int, int]],
    turns: Sequence[Turn] = (),
) -> list[Unit]:
    """All units of a document: paragraphs, then sentences, then turns, each by start."""
    units = [Unit("paragraph", s, e) for s, e in paragraphs if e > s]
    units.extend(sentences(text, language, paragraphs, turns))
    for turn in turns:
        start = _skip_space(text, turn.label_end, turn.end)
        if turn.end > start:
            units.append(Unit("turn", start, turn.end))
    return units


def sentences(
    text: str,
    language: str,
    paragraphs: Sequence[tuple[int, int]],
    turns: Sequence[Turn] = (),
) -> list[Unit]:
    label_end = {t.start: t.label_end for t in turns}
    spans: list[tuple[int, int]] = []
    for start, end in paragraphs:
        begin = _skip_space(text, max(start, label_end.get(start, start)), end)
        if end > begin:
            spans.append((begin, end))
    nlp = pipeline(language)
    punct = _punct_hashes(language)
    out: list[Unit] = []
    texts = (text[s:e] for s, e in spans)
    # Only the tokenizer runs through spaCy; the sentencizer's rule is applied below on
    # token arrays, which gives the same sentences about three times faster than
    # building Token objects for doc.sents (test_fast_sentences_match_spacy checks it).
    for (offset, end), doc in zip(spans, nlp.tokenizer.pipe(texts, batch_size=256), strict=True):
        starts = _sentence_starts(doc, punct)
        bounds = [*starts[1:], end - offset]
        for s_rel, e_rel in zip(starts, bounds, strict=True):
            s = offset + s_rel
            e = offset + e_rel
            # Sentences run up to the next one; trailing blanks are not part of them.
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append(Unit("sentence", s, e))
    return out


@lru_cache(maxsize=4)
def _punct_hashes(language: str) -> frozenset[int]:
    nlp = pipeline(language)
    sentencizer = nlp.get_pipe("sentencizer")
    return frozenset(nlp.vocab.strings.add(ch) for ch in sentencizer.punct_chars)


def _sentence_starts(doc: Any, punct: frozenset[int]) -> list[int]:
    """Character offsets where sentences start: spaCy's Sentencizer.predict on arrays.

    A sentence ends after a token in the sentencizer's punctuation set; further
    punctuation tokens (closing quotes, "?!") stay with it; the next other token starts
    the next sentence."""
    if len(doc) == 0:
        return [0]
    from spacy.attrs import IDX, IS_PUNCT, ORTH

    rows = doc.to_array([ORTH, IS_PUNCT, IDX]).tolist()
    starts = [0]
    seen_period = False
    for orth, is_punct, idx in rows:
        in_punct = orth in punct
        if seen_period and not is_punct and not in_punct:
            starts.append(idx)
            seen_period = False
        elif in_punct:
            seen_period = True
    return starts


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


_NL = frozenset(
    str.split(
        "de het een en ik je dat niet van wat die op maar ook heb zijn er met voor als dan "
        "nog naar wel geen mijn jij hij zij ze heel echt want omdat bij uit om nou hebben "
        "kan moet wordt werd zo gewoon daar hier"
    )
)
_EN = frozenset(
    str.split(
        "the and i you that it to a but what have they not with for so on this be "
        "my are do don't just like really because there were at would could about know "
        "think yeah people when from had"
    )
)
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def guess_language(text: str) -> Literal["nl", "en"]:
    """Dutch or English by counting common function words in the first 20,000 characters.

    Ties (and texts without any) go to Dutch, the reference study's main language.
    """
    nl = en = 0
    for match in _WORD.finditer(text[:20_000].lower()):
        word = match.group()
        if word in _NL:
            nl += 1
        elif word in _EN:
            en += 1
    return "en" if en > nl else "nl"
