"""Regular-expression detectors for identifiers with a recognisable shape.

These run with or without deduce. They are tuned for Dutch transcripts: Dutch phone
numbers in every common spelling, postcodes (``1234 AB``), and dates of birth and
student numbers, which only count as identifiers next to a context word ("geboren",
"studentnummer"), because a bare date or six-digit number is usually something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int, str]  # start, end, kind

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    # Bare domains ("caring.vu.nl/app") only with a known top-level domain.
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|de|edu|io|info)(?:/[^\s<>\"']*)?"
    r"(?![\w@-])",
    re.IGNORECASE,
)
# Dutch numbers: a trunk "0" (or +31 / 0031, optionally "(0)") then nine digits, each
# optionally after up to two separators: 06-12345678, 010 - 123 45 67, (010) 1234567.
NL_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|0|\(0)[1-9](?:[ .\-)]{0,3}\d){8}(?!\d)"
)
INTL_PHONE = re.compile(r"(?<![\w+])(?:\+|00)[1-9](?:[ .\-()]{0,2}\d){7,14}(?!\d)")
# SA, SD and SS are never issued as postcode letters.
POSTCODE = re.compile(r"\b[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b")

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    "december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|"
    "may|june|july|august|october"
)
_DATE = (
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|e|ste|de)? (?:{_MONTHS})\.?,? (?:19|20)\d{{2}}"
    rf"|(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"
    r"|(?<=in )(?:19|20)\d{2})"
)
DATE_OF_BIRTH = re.compile(
    r"\b(?:geboren|geb\.|geboortedatum|geboortedag|born|date of birth|birth date|d\.o\.b\.|"
    r"dob|verjaardag|jarig|birthday)\b[^.\n]{0,30}?(?P<value>" + _DATE + r")\b",
    re.IGNORECASE,
)
STUDENT_NUMBER = re.compile(
    r"\b(?:student(?:en)?nummer|studentnr\.?|student number|student id|student-id|"
    r"leerlingnummer|leerlingnr\.?|studentid)\b[^.\n]{0,40}?(?P<value>\b[a-zA-Z]?\d{6,8})\b",
    re.IGNORECASE,
)
_SCHOOL_WORDS = (
    r"Hogeschool|Universiteit|University|Academie|Academy|ROC|Roc|College|Lyceum|"
    r"Gymnasium|Basisschool|Scholengemeenschap|Ziekenhuis|Kliniek|Huisartsenpraktijk|GGZ"
)
_CAP = r"[A-Z][\w'&-]*"
INSTITUTION = re.compile(
    rf"\b(?:{_CAP} )?(?:{_SCHOOL_WORDS})(?: (?:van |voor )?(?:de |het )?{_CAP}){{1,3}}"
    rf"|\b(?:{_CAP} ){{1,2}}(?:{_SCHOOL_WORDS})\b"
)
# Titles and phrases that introduce a person's name; used when deduce is not available.
PERSON_CONTEXT = re.compile(
    r"\b(?i:meneer|mevrouw|mevr\.|dhr\.|juf|juffrouw|meester|dokter|dr\.|mr\.?|mrs\.?|ms\.?|"
    r"heet|heette|genaamd|named|called|"
    r"mijn (?:vriend|vriendin|moeder|vader|broer|zus|oma|opa|mentor|coach|docent|slb'er|"
    r"huisgenoot|collega|buurman|buurvrouw|partner))\s+"
    r"(?P<value>[A-Z][a-zà-ÿ'-]+(?:\s+(?:(?:van|de|der|den|ter|ten)\s+)*[A-Z][a-zà-ÿ'-]+)?)",
)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def find_patterns(text: str) -> Iterator[Span]:
    """All pattern matches; overlaps are resolved by the caller."""
    for m in EMAIL.finditer(text):
        yield m.start(), m.end(), "email"
    for m in URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]'\"":
            end -= 1
        yield m.start(), end, "url"
    for m in NL_PHONE.finditer(text):
        yield m.start(), m.end(), "phone"
    for m in INTL_PHONE.finditer(text):
        if 8 <= len(_digits(m.group())) <= 15:
            yield m.start(), m.end(), "phone"
    for m in POSTCODE.finditer(text):
        yield m.start(), m.end(), "postcode"
    for m in DATE_OF_BIRTH.finditer(text):
        yield m.start("value"), m.end("value"), "date_of_birth"
    for m in STUDENT_NUMBER.finditer(text):
        yield m.start("value"), m.end("value"), "student_number"
    for m in INSTITUTION.finditer(text):
        yield m.start(), m.end(), "institution"


def find_context_names(text: str) -> Iterator[Span]:
    """Names after a title or an introducing phrase: the no-deduce fallback for persons."""
    for m in PERSON_CONTEXT.finditer(text):
        yield m.start("value"), m.end("value"), "person"
